"""Charts for word frequency, keyness and dispersion. They draw only; save with save_figure.

Each function takes the frame returned by :mod:`analysis.frequency`, :mod:`analysis.keyness`
or :mod:`analysis.concordance` and plots rows in the frame's own (tie-broken) order.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf")


def _axes(ax: Axes | None, size: tuple[float, float] = (7, 5)) -> Axes:
    return ax if ax is not None else plt.subplots(figsize=size)[1]


def plot_top_terms(data: pd.DataFrame, *, ax: Axes | None = None, label: str = "term",
                   value: str = "count", top: int = 20, title: str | None = None) -> Axes:
    """Horizontal bars of the first ``top`` rows of ``data`` (most frequent at the top).

    Works for ``term_counts`` (label "term"), ``ngram_counts`` (label "ngram") and
    ``collocations`` (label "bigram", value "score").
    """
    ax = _axes(ax)
    rows = data.head(top).iloc[::-1]
    ax.barh(rows[label].astype(str), rows[value], color=PALETTE[0])
    ax.set_xlabel(value.replace("_", " "))
    if value == "count":
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title or f"Top {len(rows)} {label}s by {value.replace('_', ' ')}")
    ax.tick_params(axis="y", labelsize=9)
    return ax


def keyness_bars(table: pd.DataFrame, *, top: int = 15) -> pd.DataFrame:
    """The ``top`` terms over-used on each side of a two-way keyness table, for plotting.

    Returns:
        ``term, log_ratio, g2, side`` ("target" or "reference"), strongest first on each side.
    """
    side = np.where(table["log_ratio"] > 0, "target", "reference")
    out = table.assign(side=side)
    out = out[out["log_ratio"] != 0]
    parts = [out[out["side"] == s].head(top) for s in ("target", "reference")]
    return pd.concat(parts, ignore_index=True)[["term", "log_ratio", "g2", "side"]]


def plot_keyness(data: pd.DataFrame, *, ax: Axes | None = None,
                 labels: tuple[str, str] = ("target", "reference"),
                 title: str | None = None) -> Axes:
    """Diverging bars of Log Ratio: right for the target's key terms, left for the reference's.

    Args:
        data: the frame of :func:`keyness_bars` (``term, log_ratio, side``).
        labels: names of the target and the reference, shown in the legend.
    """
    ax = _axes(ax, (7, 6))
    rows = data.sort_values("log_ratio", kind="mergesort").reset_index(drop=True)
    colors = [PALETTE[0] if s == "target" else PALETTE[1] for s in rows["side"]]
    ax.barh(np.arange(len(rows)), rows["log_ratio"], color=colors)
    ax.set_yticks(np.arange(len(rows)), rows["term"].astype(str), fontsize=9)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("Log Ratio (log2 of relative-frequency ratio)")
    handles = [plt.Rectangle((0, 0), 1, 1, color=PALETTE[i]) for i in (0, 1)]
    ax.legend(handles, [f"more in {labels[0]}", f"more in {labels[1]}"], loc="lower right",
              frameon=False)
    ax.set_title(title or f"Key terms: {labels[0]} vs {labels[1]}")
    return ax


def plot_distinctive_terms(data: pd.DataFrame, *, by: str, axes: np.ndarray | None = None,
                           value: str = "g2", ncols: int = 3) -> np.ndarray:
    """Small multiples: one panel per group of :func:`analysis.keyness.distinctive_terms`.

    Returns:
        The array of panels (unused panels are hidden).
    """
    groups = list(dict.fromkeys(data[by]))
    if axes is None:
        nrows = -(-len(groups) // ncols)
        _, axes = plt.subplots(nrows, ncols, figsize=(4 * ncols, 0.35 * data.groupby(by).size()
                                                      .max() * nrows + 1.2 * nrows),
                               squeeze=False)
    flat = np.ravel(axes)
    for i, (ax, group) in enumerate(zip(flat, groups, strict=False)):
        rows = data[data[by] == group].iloc[::-1]
        ax.barh(rows["term"].astype(str), rows[value], color=PALETTE[i % len(PALETTE)])
        ax.set_title(str(group))
        ax.tick_params(axis="y", labelsize=9)
        ax.set_xlabel(value.replace("_", " "))
    for ax in flat[len(groups):]:
        ax.set_visible(False)
    return axes


def plot_dispersion(data: pd.DataFrame, *, ax: Axes | None = None,
                    terms: list[str] | None = None, title: str | None = None) -> Axes:
    """Lexical dispersion: one row per term (per document when there are several), a tick
    at each occurrence's relative position (0 = start of the article, 1 = end).

    Args:
        data: the frame of :func:`analysis.concordance.dispersion`.
        terms: row order (default: order of first appearance in ``data``).
    """
    ax = _axes(ax, (8, 3))
    terms = terms or list(dict.fromkeys(data["term"]))
    docs = list(dict.fromkeys(data["doc_id"]))
    rows = [(d, t) for d in docs for t in terms] if len(docs) > 1 else [(docs[0] if docs else "",
                                                                           t) for t in terms]
    index = {row: i for i, row in enumerate(rows)}
    y = [index[(d, t)] for d, t in zip(data["doc_id"], data["term"], strict=True)]
    ax.scatter(data["position"], y, marker="|", s=200, color=PALETTE[0], linewidths=1.5)
    names = [t if len(docs) <= 1 else f"{d} · {t}" for d, t in rows]
    ax.set_yticks(range(len(rows)), names, fontsize=9)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("relative position in the article")
    ax.set_title(title or "Lexical dispersion")
    return ax
