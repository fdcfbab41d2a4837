"""Charts for sentence sentiment. They draw only; save with ``analysis.figures.save_figure``.

Each function takes a frame from :mod:`analysis.sentiment` / :mod:`analysis.sentiment_views`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch

NEGATIVE, NEUTRAL, POSITIVE = "#d62728", "#7f7f7f", "#1f77b4"
LINE = "#333333"


def _axes(ax: Axes | None, size: tuple[float, float] = (7, 4.5)) -> Axes:
    return ax if ax is not None else plt.subplots(figsize=size)[1]


def _sign_colors(values: pd.Series | np.ndarray, threshold: float = 0.05) -> list[str]:
    return [POSITIVE if v >= threshold else NEGATIVE if v <= -threshold else NEUTRAL
            for v in np.asarray(values, dtype="float64")]


def plot_arc(arc: pd.DataFrame, *, ax: Axes | None = None, doc_id: str | None = None,
             threshold: float = 0.05, title: str | None = None) -> Axes:
    """Sentence (or paragraph) compound scores through one article, with the rolling mean.

    Args:
        arc: output of ``article_arc`` (``doc_id, position, compound, rolling``).
        doc_id: the article to draw (default: the first one in ``arc``).
        threshold: neutral band drawn as a grey strip.
    """
    ax = _axes(ax, (8, 4))
    doc = doc_id if doc_id is not None else arc["doc_id"].iloc[0]
    rows = arc[arc["doc_id"] == doc]
    ax.axhspan(-threshold, threshold, color=NEUTRAL, alpha=0.15, lw=0)
    ax.bar(rows["position"], rows["compound"], color=_sign_colors(rows["compound"], threshold),
           width=0.8, label="compound")
    ax.plot(rows["position"], rows["rolling"], color=LINE, lw=2, label="rolling mean")
    ax.axhline(0, color=LINE, lw=0.6)
    ax.set_ylim(-1.05, 1.05)
    unit = "paragraph" if "sent_id" not in rows.columns else "sentence"
    ax.set_xlabel(f"{unit} in reading order")
    ax.set_ylabel("VADER compound")
    ax.set_title(title or f"Sentiment arc: {doc}")
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    return ax


def plot_distribution(hist: pd.DataFrame, *, ax: Axes | None = None,
                      title: str | None = None) -> Axes:
    """Histogram of sentence compound scores, stacked by label (``compound_histogram`` output)."""
    ax = _axes(ax)
    mids = (hist["bin_left"] + hist["bin_right"]) / 2
    width = float((hist["bin_right"] - hist["bin_left"]).iloc[0]) * 0.95
    bottom = np.zeros(len(hist))
    for name, color in (("negative", NEGATIVE), ("neutral", NEUTRAL), ("positive", POSITIVE)):
        counts = hist[f"n_{name}"].to_numpy(dtype="float64")
        ax.bar(mids, counts, width=width, bottom=bottom, color=color, label=name)
        bottom += counts
    ax.set_xlim(-1, 1)
    ax.set_xlabel("VADER compound (sentence)")
    ax.set_ylabel("sentences")
    ax.legend(frameon=False, fontsize=8)
    ax.set_title(title or f"Distribution of {int(hist['n_sentences'].sum())} sentence scores")
    return ax


def plot_group_means(agg: pd.DataFrame, *, by: str, ax: Axes | None = None,
                     title: str | None = None) -> Axes:
    """Mean compound per group with its bootstrap interval (``aggregate`` output)."""
    ax = _axes(ax, (7, max(2.5, 0.45 * len(agg) + 1.2)))
    rows = agg.reset_index(drop=True)
    y = np.arange(len(rows))[::-1]
    mean = rows["mean_compound"].to_numpy(dtype="float64")
    lo = np.nan_to_num(mean - rows["ci_low"].to_numpy(dtype="float64"))
    hi = np.nan_to_num(rows["ci_high"].to_numpy(dtype="float64") - mean)
    ax.errorbar(mean, y, xerr=[lo, hi], fmt="none", ecolor=LINE, capsize=3, lw=1)
    ax.scatter(mean, y, c=_sign_colors(mean), zorder=3, s=40)
    labels = [f"{g} (n={n})" for g, n in zip(rows[by], rows["n_sentences"], strict=True)]
    ax.set_yticks(y, labels)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.axvline(0, color=LINE, lw=0.6)
    ax.set_xlabel("mean sentence compound (95% bootstrap interval)")
    ax.set_title(title or f"Sentiment by {by}")
    return ax


def plot_target_sentiment(summary: pd.DataFrame, *, ax: Axes | None = None,
                          title: str | None = None) -> Axes:
    """Per target: stacked shares of negative/neutral/positive mentions, mean in the label."""
    ax = _axes(ax, (7, max(2.5, 0.5 * len(summary) + 1.2)))
    rows = summary.reset_index(drop=True)
    y = np.arange(len(rows))[::-1]
    left = np.zeros(len(rows))
    for name, color in (("negative", NEGATIVE), ("neutral", NEUTRAL), ("positive", POSITIVE)):
        share = rows[f"share_{name}"].to_numpy(dtype="float64")
        ax.barh(y, share, left=left, color=color, label=name, height=0.6)
        left += share
    labels = [f"{t}\nn={n}, mean {m:+.2f}" for t, n, m in
              zip(rows["target"], rows["n_mentions"], rows["mean_compound"], strict=True)]
    ax.set_yticks(y, labels)
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of sentences mentioning the target")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=3, frameon=False)
    ax.set_title(title or "How each target is talked about (sentence VADER)")
    return ax


def plot_word_shift(shift: pd.DataFrame, *, ax: Axes | None = None, top: int = 20,
                    labels: tuple[str, str] = ("reference", "comparison"),
                    title: str | None = None) -> Axes:
    """Word-shift bars: the ``top`` words by |contribution| (``word_shift`` output).

    Bars right push the comparison group positive, left negative; the label tells why
    (``+↑`` a positive word used more, ``-↓`` a negative word used less, ...).
    """
    rows = shift.head(top).iloc[::-1]
    ax = _axes(ax, (7, max(3, 0.3 * len(rows) + 1.5)))
    colors = [POSITIVE if c > 0 else NEGATIVE for c in rows["contribution"]]
    hatch = ["" if k.endswith("↑") else "//" for k in rows["kind"]]
    bars = ax.barh(np.arange(len(rows)), rows["contribution"], color=colors)
    for bar, h in zip(bars, hatch, strict=True):
        bar.set_hatch(h)
    ax.set_yticks(np.arange(len(rows)),
                  [f"{w} {k}" for w, k in zip(rows["word"], rows["kind"], strict=True)])
    ax.axvline(0, color=LINE, lw=0.6)
    total = float(shift["contribution"].sum())
    ax.set_xlabel(f"contribution to the shift in mean lexicon valence (total {total:+.3f})")
    ax.set_title(title or f"Word shift: {labels[1]} vs {labels[0]}")
    ax.tick_params(axis="y", labelsize=9)
    handles = [Patch(facecolor="white", edgecolor=LINE, label=f"more frequent in {labels[1]}"),
               Patch(facecolor="white", edgecolor=LINE, hatch="//",
                     label=f"less frequent in {labels[1]}")]
    ax.legend(handles=handles, loc="lower right", frameon=False, fontsize=8)
    return ax
