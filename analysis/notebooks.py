"""Execute notebooks in place with a clean kernel, writing byte-stable files.

``python -m analysis run-notebooks [NAME ...]`` runs every ``notebooks/NN_*.ipynb`` in order
(or the ones named) from the notebooks folder, as nbval does, and normalises what would
otherwise change between runs: cell ids, execution timings, kernel metadata.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from analysis import paths

KERNEL = "python3"
METADATA = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": KERNEL},
    "language_info": {"name": "python", "pygments_lexer": "ipython3"},
}


def notebook_paths(names: list[str] | None = None) -> list[Path]:
    """The numbered notebooks, in run order (or only those whose name contains one of ``names``)."""
    found = sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if names:
        found = [p for p in found if any(n in p.name for n in names)]
    return found


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Give ``nb`` fixed cell ids and metadata so that re-execution changes no byte."""
    nb.metadata = nbformat.from_dict({**METADATA, **{k: v for k, v in nb.metadata.items()
                                                     if k not in {"kernelspec", "language_info",
                                                                  "papermill", "widgets"}}})
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index:03d}"
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("scrolled", None)
    return nb


def execute_in_place(path: Path, *, timeout: int = 1200) -> None:
    """Run ``path`` top to bottom in a fresh kernel started in its folder, and save it."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=KERNEL,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    nbformat.write(normalise(nb), path)


def cli(argv: list[str]) -> int:
    """Entry point of ``python -m analysis run-notebooks``."""
    parser = argparse.ArgumentParser(prog="python -m analysis run-notebooks",
                                     description=__doc__)
    parser.add_argument("names", nargs="*", help="substrings of notebook names (default: all)")
    args = parser.parse_args(argv)
    for path in notebook_paths(args.names):
        print(f"executing {path.relative_to(paths.ROOT)}", flush=True)
        execute_in_place(path)
    return 0
