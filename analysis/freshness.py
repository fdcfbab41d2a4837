"""Check that committed notebook outputs and figures are what the notebooks produce now.

``python -m analysis check-fresh [NAME ...]`` re-executes each notebook exactly as
``run-notebooks`` does, but on a copy and with ``FIGURES_DIR`` pointing into a temporary
folder, then compares bytes:

* the executed notebook against ``notebooks/NN_*.ipynb`` (outputs, execution counts, metadata);
* every file the notebooks wrote against ``figures/`` (changed or missing), and, when all
  notebooks ran, every ``figures/`` file that no notebook wrote and whose name no notebook
  mentions any more (orphans).

Outputs of cells tagged ``nbval-ignore-output``/``nbval-skip`` are not compared (as in nbval):
they may depend on the machine, e.g. on whether ``../shared/data`` is present.

It never writes to ``notebooks/`` or ``figures/``, needs no git and does not depend on what ran
before it, so it gives the same answer in a fresh clone (where the working tree is the commit)
and in a working tree (where it checks "would ``make figures`` change anything?").
"""

from __future__ import annotations

import argparse
import difflib
import json
import tempfile
from pathlib import Path

import nbformat

from analysis import notebooks, paths


def first_difference(committed: str, fresh: str) -> str:
    """A short description of the first differing cell between two notebook texts."""
    old, new = json.loads(committed), json.loads(fresh)
    old_cells, new_cells = old.get("cells", []), new.get("cells", [])
    if len(old_cells) != len(new_cells):
        return f"{len(old_cells)} cells committed, {len(new_cells)} after execution"
    for index, (a, b) in enumerate(zip(old_cells, new_cells, strict=True)):
        if a != b:
            a_text = json.dumps(a, indent=1, sort_keys=True).splitlines()
            b_text = json.dumps(b, indent=1, sort_keys=True).splitlines()
            diff = [line for line in difflib.unified_diff(a_text, b_text, lineterm="", n=0)
                    if line[:1] in "+-" and line[:3] not in ("+++", "---")]
            return f"cell {index}: " + " | ".join(line.strip()[:120] for line in diff[:4])
    return "notebook metadata or formatting differs"


IGNORED_OUTPUT_TAGS = {"nbval-ignore-output", "nbval-skip"}


def comparable(text: str) -> str:
    """Notebook text with the outputs of cells nbval ignores blanked out, streams coalesced.

    Those cells (``nbval-ignore-output``, ``nbval-skip``) legitimately depend on the machine,
    e.g. on whether ``../shared/data`` is present; everything else must match byte for byte.
    """
    nb = nbformat.reads(text, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and IGNORED_OUTPUT_TAGS & set(cell.metadata.get("tags", [])):
            cell.outputs = []
        elif cell.cell_type == "code":  # written by another runner: streams may be split
            cell.outputs = notebooks.coalesce_streams(cell.outputs)
    return notebooks.render(nb)


def compare_folders(expected: Path, actual: Path, *, orphans: bool,
                    known: str = "") -> list[str]:
    """Problems found comparing freshly written files in ``expected`` with ``actual``.

    A file of ``actual`` that was not written counts as an orphan only when its stem does not
    occur in ``known`` (the notebooks' sources): figures drawn only when ``../shared/data`` is
    present are not orphans on a machine without it.
    """
    problems = []
    fresh = {p.relative_to(expected): p for p in sorted(expected.rglob("*")) if p.is_file()}
    for rel, path in fresh.items():
        target = actual / rel
        if not target.exists():
            problems.append(f"figures/{rel}: produced by the notebooks but not in figures/")
        elif target.read_bytes() != path.read_bytes():
            problems.append(f"figures/{rel}: stale (bytes differ from a fresh run)")
    if orphans and actual.is_dir():
        for path in sorted(p for p in actual.rglob("*") if p.is_file()):
            rel = path.relative_to(actual)
            if rel not in fresh and not rel.name.startswith(".") and path.stem not in known:
                problems.append(f"figures/{rel}: no notebook writes it any more")
    return problems


def check_fresh(
    names: list[str] | None = None,
    *,
    notebooks_dir: Path | None = None,
    figures_dir: Path | None = None,
) -> list[str]:
    """Re-execute the notebooks on copies; return one line per stale notebook or figure."""
    folder = notebooks_dir or paths.NOTEBOOKS
    figures = figures_dir or paths.FIGURES
    problems, sources = [], []
    with tempfile.TemporaryDirectory(prefix="news-eda-fresh-") as tmp:
        fresh_figures = Path(tmp) / "figures"
        fresh_figures.mkdir()
        for path in notebooks.notebook_paths(names, folder=folder):
            committed = path.read_text(encoding="utf-8")
            nb = notebooks.execute(nbformat.reads(committed, as_version=4), cwd=path.parent,
                                   overrides={"FIGURES_DIR": str(fresh_figures)})
            sources.extend(cell.source for cell in nb.cells if cell.cell_type == "code")
            fresh, committed = comparable(notebooks.render(nb)), comparable(committed)
            if fresh != committed:
                problems.append(f"notebooks/{path.name}: stale outputs "
                                f"({first_difference(committed, fresh)})")
        problems += compare_folders(fresh_figures, figures, orphans=not names,
                                    known="\n".join(sources))
    return problems


def cli(argv: list[str]) -> int:
    """Entry point of ``python -m analysis check-fresh``."""
    parser = argparse.ArgumentParser(prog="python -m analysis check-fresh", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="substrings of notebook names (default: all)")
    args = parser.parse_args(argv)
    problems = check_fresh(args.names)
    for line in problems:
        print(line)
    if problems:
        print(f"\n{len(problems)} stale item(s): run `make figures` and commit notebooks/ and "
              "figures/.")
        return 1
    print("notebooks and figures are fresh")
    return 0
