"""Byte-stable notebook runs and the stale-output check (``python -m analysis check-fresh``).

These tests exercise the machinery on a small fixture notebook in a temporary folder. The check
of the project's own notebooks and figures is ``make fresh`` (``python -m analysis check-fresh``),
which ``make test`` runs after nbval.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from analysis import freshness, notebooks, paths

FIXTURE = paths.TESTS / "fixtures" / "report" / "notebooks" / "01_fixture.ipynb"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A notebooks folder with the fixture notebook, executed in place once, and its figures."""
    root = tmp_path_factory.mktemp("fresh")
    folder, figures = root / "notebooks", root / "figures"
    folder.mkdir()
    nb = nbformat.read(FIXTURE, as_version=4)
    cell = nb.cells[notebooks.parameters_index(nb)]
    cell.source = cell.source.replace('"reports/test-fixture/figures"', repr(str(figures)))
    (folder / FIXTURE.name).write_text(notebooks.render(nb), encoding="utf-8")
    notebooks.execute_in_place(folder / FIXTURE.name)
    return folder, figures


def snapshot(*folders: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for f in folders for p in sorted(f.rglob("*")) if p.is_file()}


def test_running_twice_changes_no_byte(project: tuple[Path, Path]) -> None:
    folder, figures = project
    before = snapshot(folder, figures)
    assert sorted(Path(p).name for p in before) == [
        "01_fixture.ipynb", "01_fixture_words.csv", "01_fixture_words.png"]
    assert notebooks.execute_in_place(folder / FIXTURE.name) is False
    assert snapshot(folder, figures) == before


def test_executed_notebook_is_normalised(project: tuple[Path, Path]) -> None:
    nb = json.loads((project[0] / FIXTURE.name).read_text(encoding="utf-8"))
    assert [c["id"] for c in nb["cells"]] == [f"cell-{i:03d}" for i in range(len(nb["cells"]))]
    assert set(nb["metadata"]) == {"kernelspec", "language_info"}
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1))
    assert all("execution" not in c["metadata"] for c in nb["cells"])
    assert any("image/png" in o.get("data", {}) for c in code for o in c["outputs"])


def test_fresh_project_passes_and_is_not_written(project: tuple[Path, Path]) -> None:
    folder, figures = project
    before = snapshot(folder, figures)
    assert freshness.check_fresh(notebooks_dir=folder, figures_dir=figures) == []
    assert snapshot(folder, figures) == before


def test_stale_outputs_and_figures_are_reported(project: tuple[Path, Path], tmp_path: Path) -> None:
    folder, figures = project
    stale_notebooks, stale_figures = tmp_path / "notebooks", tmp_path / "figures"
    stale_notebooks.mkdir()
    stale_figures.mkdir()
    nb = nbformat.read(folder / FIXTURE.name, as_version=4)
    nb.cells[2].outputs[0]["data"]["text/plain"] = "4"  # len(articles) is 3
    nb.cells[5].metadata["tags"] = ["nbval-ignore-output"]  # machine-dependent: not compared
    nb.cells[5].outputs[0]["text"] = "dataset not found\n"
    (stale_notebooks / FIXTURE.name).write_text(notebooks.render(nb), encoding="utf-8")
    (stale_figures / "01_fixture_words.png").write_bytes(
        (figures / "01_fixture_words.png").read_bytes() + b"x")
    (stale_figures / "00_old_chart.png").write_bytes(b"old")
    problems = freshness.check_fresh(notebooks_dir=stale_notebooks, figures_dir=stale_figures)
    assert problems[0].startswith("notebooks/01_fixture.ipynb: stale outputs (cell 2: ")
    assert "cell 5" not in problems[0]
    assert problems[1:] == [
        "figures/01_fixture_words.csv: produced by the notebooks but not in figures/",
        "figures/01_fixture_words.png: stale (bytes differ from a fresh run)",
        "figures/00_old_chart.png: no notebook writes it any more",
    ]


def test_orphans_are_figures_no_notebook_mentions(tmp_path: Path) -> None:
    fresh, committed = tmp_path / "fresh", tmp_path / "committed"
    fresh.mkdir()
    committed.mkdir()
    for name in ("02_bbc_terms.png", "02_renamed_away.png"):  # neither written by this run
        (committed / name).write_bytes(b"png")
    known = 'if data_present:\n    save_figure(fig, "02_bbc_terms", data)'
    assert freshness.compare_folders(fresh, committed, orphans=True, known=known) == [
        "figures/02_renamed_away.png: no notebook writes it any more"]


def test_split_stream_messages_are_merged_in_order() -> None:
    from nbformat.v4 import new_output

    outputs = [new_output("stream", name="stdout", text="no duplicates"),
               new_output("stream", name="stdout", text="\n"),
               new_output("display_data", data={"text/plain": "x"}),
               new_output("stream", name="stderr", text="warning\n"),
               new_output("stream", name="stdout", text="done\n")]
    merged = notebooks.coalesce_streams(outputs)
    assert [(o["output_type"], o.get("text")) for o in merged] == [
        ("stream", "no duplicates\n"), ("display_data", None), ("stream", "warning\n"),
        ("stream", "done\n")]
