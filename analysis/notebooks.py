"""Execute notebooks in place with a clean kernel, writing byte-stable files.

``python -m analysis run-notebooks [NAME ...]`` runs every ``notebooks/NN_*.ipynb`` in order
(or the ones named) from the notebooks folder, as nbval does, and normalises what would
otherwise change between runs: cell ids, execution timings, kernel metadata, papermill
metadata. Running it twice changes no byte in ``notebooks/`` or ``figures/``.
"""

from __future__ import annotations

import argparse
import copy
from collections.abc import Mapping
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from analysis import paths

KERNEL = "python3"
METADATA = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": KERNEL},
    "language_info": {"name": "python", "pygments_lexer": "ipython3"},
}
DROPPED_NB_METADATA = {"kernelspec", "language_info", "papermill", "widgets"}
DROPPED_CELL_METADATA = ("execution", "papermill", "scrolled", "collapsed", "ExecuteTime")


def notebook_paths(names: list[str] | None = None, *, folder: Path | None = None) -> list[Path]:
    """The numbered notebooks, in run order (or only those whose name contains one of ``names``)."""
    found = sorted((folder or paths.NOTEBOOKS).glob("[0-9][0-9]_*.ipynb"))
    if names:
        found = [p for p in found if any(n in p.name for n in names)]
    return found


def coalesce_streams(outputs: list) -> list:
    """Merge consecutive stream outputs of the same name (stdout, stderr).

    How a kernel splits printed text into messages depends on timing (``print`` writes the text
    and the newline separately and the kernel flushes every 0.2 s), so without this, outputs
    would differ between runs on a busy machine.
    """
    merged: list = []
    for output in outputs:
        last = merged[-1] if merged else None
        if (last is not None and output.get("output_type") == "stream"
                and last.get("output_type") == "stream" and last.get("name") == output.get("name")):
            last["text"] += output["text"]
        else:
            merged.append(output)
    return merged


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Give ``nb`` fixed cell ids and metadata so that re-execution changes no byte."""
    nb.metadata = nbformat.from_dict({**METADATA, **{k: v for k, v in nb.metadata.items()
                                                     if k not in DROPPED_NB_METADATA}})
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index:03d}"
        for key in DROPPED_CELL_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            cell.outputs = coalesce_streams(cell.outputs)
    return nb


def parameters_index(nb: nbformat.NotebookNode) -> int | None:
    """Index of the first cell tagged ``parameters`` (None when there is none)."""
    for index, cell in enumerate(nb.cells):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            return index
    return None


def warm_font_cache() -> None:
    """Build matplotlib's font cache here, not in a kernel.

    On a fresh machine the first ``import matplotlib.pyplot`` logs "Matplotlib is building the
    font cache" on stderr; inside a kernel that line would become a cell output.
    """
    import matplotlib.font_manager  # noqa: F401  (building the cache is the import's side effect)


def execute(
    nb: nbformat.NotebookNode,
    *,
    cwd: Path | None = None,
    overrides: Mapping[str, object] | None = None,
    timeout: int = 1200,
) -> nbformat.NotebookNode:
    """Execute a copy of ``nb`` in a fresh kernel started in ``cwd`` and return it normalised.

    ``overrides`` (e.g. ``{"FIGURES_DIR": "/tmp/x"}``) are appended to the parameters cell
    while it runs; its source is restored afterwards, so the result is byte-identical to an
    in-place run unless an output depends on the overridden values.
    """
    warm_font_cache()
    nb = copy.deepcopy(nb)
    index = parameters_index(nb)
    original = nb.cells[index].source if index is not None else None
    if overrides and index is not None:
        extra = "".join(f"\n{name} = {value!r}" for name, value in overrides.items())
        nb.cells[index].source = original + extra
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=KERNEL,
        record_timing=False,
        resources={"metadata": {"path": str(cwd or paths.NOTEBOOKS)}},
    )
    client.execute()
    if index is not None:
        nb.cells[index].source = original
    return normalise(nb)


def render(nb: nbformat.NotebookNode) -> str:
    """The exact text ``nbformat.write`` puts in a file for ``nb``."""
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def execute_in_place(path: Path, *, timeout: int = 1200) -> bool:
    """Run ``path`` top to bottom in a fresh kernel started in its folder; save it if it changed.

    Returns True when the file's bytes changed.
    """
    before = path.read_text(encoding="utf-8")
    text = render(execute(nbformat.reads(before, as_version=4), cwd=path.parent, timeout=timeout))
    if text == before:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def cli(argv: list[str]) -> int:
    """Entry point of ``python -m analysis run-notebooks``."""
    parser = argparse.ArgumentParser(prog="python -m analysis run-notebooks",
                                     description=__doc__)
    parser.add_argument("names", nargs="*", help="substrings of notebook names (default: all)")
    args = parser.parse_args(argv)
    found = notebook_paths(args.names)
    if not found:
        print("no notebook matches", args.names or "notebooks/NN_*.ipynb")
        return 1
    for path in found:
        print(f"executing {path.relative_to(paths.ROOT)}", flush=True)
        changed = execute_in_place(path)
        print(f"  {'updated' if changed else 'unchanged'}", flush=True)
    return 0
