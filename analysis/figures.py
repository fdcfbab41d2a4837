"""Save figures deterministically: one PNG plus the plotted data as CSV."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import matplotlib

# Headless scripts and tests draw with Agg; inside a Jupyter kernel keep the inline backend
# (forcing Agg there would make plt.show() display nothing in notebooks and reports).
if "ipykernel" not in sys.modules and not os.environ.get("MPLBACKEND"):
    matplotlib.use("Agg", force=False)
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from analysis import paths  # noqa: E402

DPI = 100
STYLE = {
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titleweight": "bold",
    "svg.hashsalt": "news-eda",
    "path.simplify": True,
}


def use_style() -> None:
    """Apply the project's fixed matplotlib style (fonts, dpi) so figures look and hash the same."""
    plt.rcParams.update(STYLE)


def save_figure(
    fig: plt.Figure,
    name: str,
    data: pd.DataFrame | None = None,
    *,
    folder: str | Path | None = None,
) -> Path:
    """Write ``fig`` as ``<folder>/<name>.png`` (and ``data`` as ``<name>.csv``) with fixed bytes.

    Args:
        fig: the figure to save.
        name: file stem, e.g. ``"01_words_per_article"``.
        data: the frame that was plotted; written next to the PNG so readers can check it.
        folder: output folder, relative to the repository root; default ``figures/``.

    Returns:
        The path of the PNG.
    """
    out = paths.resolve(folder) if folder is not None else paths.FIGURES
    out.mkdir(parents=True, exist_ok=True)
    png = out / f"{name}.png"
    fig.savefig(png, dpi=DPI, metadata={"Software": None}, bbox_inches="tight", pad_inches=0.1)
    if data is not None:
        data.to_csv(out / f"{name}.csv", index=False, lineterminator="\n", float_format="%.6g")
    return png
