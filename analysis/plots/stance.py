"""Charts for quotes and stance. They draw only; save with ``analysis.figures.save_figure``.

Inputs come from :mod:`analysis.stance` (``holder_target_table``, ``target_summary``,
``who_is_quoted``).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter

FAVOR, AGAINST, NEUTRAL = "#1f77b4", "#d62728", "#9e9e9e"
CMAP = "RdBu"


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    return ax if ax is not None else plt.subplots(figsize=size)[1]


def plot_stance_matrix(table: pd.DataFrame, *, ax: Axes | None = None,
                       title: str = "Who stands where: holder x target stance") -> Axes:
    """Holder x target grid coloured by score (-1 against, red .. +1 favor, blue), with the
    number of evidence sentences written in each cell (blank: no evidence).

    Args:
        table: ``holder_target_table`` output (holder, target, score, n_evidence).
    """
    holders = sorted(table["holder"].unique())
    targets = sorted(table["target"].unique())
    ax = _axes(ax, (1.6 + 1.3 * max(len(targets), 1), 1.2 + 0.38 * max(len(holders), 1)))
    grid = np.full((len(holders), len(targets)), np.nan)
    counts = np.zeros_like(grid)
    for h, t, s, n in zip(table["holder"], table["target"], table["score"], table["n_evidence"],
                          strict=True):
        grid[holders.index(h), targets.index(t)] = s
        counts[holders.index(h), targets.index(t)] = n
    image = ax.imshow(np.ma.masked_invalid(grid), cmap=CMAP, vmin=-1, vmax=1, aspect="auto")
    for (i, j), value in np.ndenumerate(grid):
        if not np.isnan(value):
            ax.text(j, i, f"{value:+.2f}\nn={int(counts[i, j])}", ha="center", va="center",
                    fontsize=7, color="white" if abs(value) > 0.6 else "black")
    ax.set_xticks(range(len(targets)), [t.replace(" ", "\n", 2) for t in targets], fontsize=8)
    ax.set_yticks(range(len(holders)), holders, fontsize=8)
    ax.set_xticks(np.arange(-0.5, len(targets)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(holders)), minor=True)
    ax.grid(which="minor", color="white", lw=1.5)
    ax.tick_params(which="minor", length=0)
    ax.figure.colorbar(image, ax=ax, shrink=0.8, label="stance score (against - / favor +)")
    ax.set_title(title)
    return ax


def plot_target_bars(summary: pd.DataFrame, *, ax: Axes | None = None,
                     title: str = "Stance per target (holders)") -> Axes:
    """Diverging bars per target: holders against to the left, in favour to the right,
    neutral as a grey marker count at the right edge.

    Args:
        summary: ``target_summary`` output (target, favor, against, neutral).
    """
    ax = _axes(ax, (7.5, 1.2 + 0.55 * max(len(summary), 1)))
    y = np.arange(len(summary))[::-1]
    ax.barh(y, -summary["against"], color=AGAINST, label="against")
    ax.barh(y, summary["favor"], color=FAVOR, label="favor")
    top = float(max(summary["favor"].max(), summary["against"].max(), 1)) if len(summary) else 1
    for yy, f, a, n in zip(y, summary["favor"], summary["against"], summary["neutral"],
                           strict=True):
        ax.text(-a - 0.05 * top, yy, str(a), ha="right", va="center", fontsize=8)
        ax.text(f + 0.05 * top, yy, f"{f}" + (f"  ({n} neutral)" if n else ""), ha="left",
                va="center", fontsize=8)
    ax.axvline(0, color="#333333", lw=0.8)
    ax.set_xlim(-1.6 * top, 1.9 * top)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{abs(v):g}"))
    ax.set_yticks(y, summary["target"])
    ax.set_xlabel("holders against  |  holders in favour")
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    ax.set_title(title)
    return ax


def plot_quoted(speakers: pd.DataFrame, *, ax: Axes | None = None,
                title: str = "Who is quoted") -> Axes:
    """Horizontal bars: quotes per speaker (most quoted on top), words quoted as labels.

    Args:
        speakers: ``who_is_quoted`` output (speaker, n_quotes, n_words).
    """
    ax = _axes(ax, (7, 1.2 + 0.4 * max(len(speakers), 1)))
    y = np.arange(len(speakers))[::-1]
    ax.barh(y, speakers["n_quotes"], color=FAVOR)
    for yy, n, w in zip(y, speakers["n_quotes"], speakers["n_words"], strict=True):
        ax.text(n, yy, f" {n} ({w} words)", va="center", fontsize=8)
    ax.set_yticks(y, speakers["speaker"])
    ax.set_xlabel("quotes")
    top = float(speakers["n_quotes"].max()) if len(speakers) else 1.0
    ax.set_xlim(0, top * 1.45)
    ax.set_title(title)
    return ax
