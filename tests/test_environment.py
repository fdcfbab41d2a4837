"""environment.yml and requirements.txt stay consistent: one pinned source of truth."""

from __future__ import annotations

import re

import yaml

from analysis import paths

REQUIRED = {"jupyterlab", "pandas", "matplotlib", "nltk", "nbval"}
PIN = re.compile(
    r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[A-Za-z0-9,._-]+\])?==(?P<version>\S+)$")


def requirement_lines() -> list[str]:
    """Non-comment, non-blank lines of requirements.txt (inline comments removed)."""
    text = (paths.ROOT / "requirements.txt").read_text(encoding="utf-8")
    lines = (line.split(" #", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def normalise(name: str) -> str:
    """PEP 503 name normalisation: ``PyYAML`` == ``pyyaml``, ``a_b`` == ``a-b``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def test_environment_yml_points_at_requirements() -> None:
    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text(encoding="utf-8"))
    deps = env["dependencies"]
    assert "python=3.11" in deps
    assert "pip" in deps
    pip_sections = [d["pip"] for d in deps if isinstance(d, dict) and "pip" in d]
    assert len(pip_sections) == 1
    assert "-r requirements.txt" in pip_sections[0]


def test_environment_yml_pins_nothing_itself() -> None:
    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = [d for d in env["dependencies"] if isinstance(d, str) and not d.startswith("python")]
    pinned = [d for d in conda if re.search(r"[=<>]", d)]
    assert pinned == [], f"versions belong in requirements.txt: {pinned}"


def test_every_requirement_is_pinned() -> None:
    lines = requirement_lines()
    assert lines
    unpinned = [line for line in lines if not PIN.match(line)]
    assert unpinned == [], f"not pinned with ==: {unpinned}"


def test_no_requirement_listed_twice() -> None:
    names = [normalise(PIN.match(line)["name"]) for line in requirement_lines()]
    assert len(names) == len(set(names))


def test_required_direct_dependencies_present() -> None:
    names = {normalise(PIN.match(line)["name"]) for line in requirement_lines()}
    assert names >= REQUIRED, f"missing: {sorted(REQUIRED - names)}"
