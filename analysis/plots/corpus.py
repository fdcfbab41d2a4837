"""Charts describing a corpus. They draw only; save with :func:`analysis.figures.save_figure`.

Each takes a frame from :mod:`analysis.corpus_stats` and returns the Axes it drew on.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

COLOR = "#1f77b4"
ACCENT = "#d62728"


def _axes(ax: Axes | None, size: tuple[float, float] = (7, 4)) -> Axes:
    return ax if ax is not None else plt.subplots(figsize=size)[1]


def plot_paragraph_profile(profile: pd.DataFrame, *, ax: Axes | None = None,
                           title: str | None = None) -> Axes:
    """Bars of median words per body paragraph by position, with the interquartile range.

    Args:
        profile: the frame of :func:`analysis.corpus_stats.paragraph_profile`.
        title: default says how many articles the profile is based on.
    """
    ax = _axes(ax)
    spread = [profile["median_words"] - profile["q1_words"],
              profile["q3_words"] - profile["median_words"]]
    many = bool(len(profile)) and int(profile["articles"].max()) > 1
    ax.bar(profile["position"], profile["median_words"], color=COLOR,
           yerr=spread if many else None, ecolor="#555555", capsize=2)
    ax.set_xlabel("body paragraph (1 = first after the headline)")
    ax.set_ylabel("median words" if many else "words")
    n = int(profile["articles"].max()) if len(profile) else 0
    default = (f"Paragraph length through the article ({n} articles, bars: median, "
               "whiskers: quartiles)" if many else "Paragraph length through the article")
    ax.set_title(title or default, fontsize=10)
    ax.set_xlim(0.4, max(int(profile["position"].max()) if len(profile) else 1, 1) + 0.6)
    return ax


def plot_sentence_lengths(histogram: pd.DataFrame, *, ax: Axes | None = None,
                          median: float | None = None, title: str | None = None) -> Axes:
    """Bars of sentences per word-count bin, optionally with a line at the median length.

    Args:
        histogram: the frame of :func:`analysis.corpus_stats.sentence_length_histogram`.
        median: median words per sentence, drawn as a dashed line when given.
    """
    ax = _axes(ax)
    width = histogram["words_to"] - histogram["words_from"] + 1
    ax.bar(histogram["words_from"], histogram["sentences"], width=width.clip(upper=5) * 0.9,
           align="edge", color=COLOR)
    labels = [f"{a}-{b}" for a, b in zip(histogram["words_from"], histogram["words_to"],
                                          strict=True)]
    ax.set_xticks(histogram["words_from"] + width.clip(upper=5) * 0.45, labels, rotation=45,
                  ha="right", fontsize=8)
    if len(histogram):
        ax.set_ylim(0, float(histogram["sentences"].max()) * 1.15)
    if median is not None:
        ax.axvline(median, color=ACCENT, linestyle="--", linewidth=1.2)
        ax.annotate(f"median {median:g} words", (median, 1), xycoords=("data", "axes fraction"),
                    xytext=(4, -12), textcoords="offset points", color=ACCENT, fontsize=9)
    ax.set_xlabel("words per sentence")
    ax.set_ylabel("sentences")
    ax.set_title(title or "Sentence length", fontsize=10)
    return ax
