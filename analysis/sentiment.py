"""Sentence-level VADER sentiment and honest aggregates: groups, arcs, targets, word shifts.

VADER's compound score saturates on long texts, so everything starts from *sentences*
(``analysis.text.sentences``) and is averaged upward, with seeded bootstrap intervals.

>>> import pandas as pd
>>> sents = pd.DataFrame({"doc_id": ["a", "a"], "para_id": [0, 0], "sent_id": [0, 1],
...                       "text": ["A good plan.", "A terrible war."]})
>>> score_sentences(sents)[["sent_id", "compound"]].to_dict("list")
{'sent_id': [0, 1], 'compound': [0.4404, -0.7906]}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd

from analysis.vader_fast import KEYS, default_fast, nltk_analyzer

Method = Literal["fast", "nltk"]
SCORE_COLUMNS = list(KEYS)
LABELS = ("negative", "neutral", "positive")


def score_texts(texts: Iterable[str], *, method: Method = "fast") -> pd.DataFrame:
    """VADER ``neg, neu, pos, compound`` for each text (missing text scores as empty).

    Args:
        texts: strings, one row each.
        method: ``"fast"`` (exact re-implementation, default) or ``"nltk"`` (NLTK's analyzer).
            Both give identical numbers; see ``scripts/bench_sentiment.py``.
    """
    texts = ["" if not isinstance(t, str) else t for t in texts]
    if method == "nltk":
        sia = nltk_analyzer()
        rows = [[sia.polarity_scores(t)[k] for k in KEYS] for t in texts]
    elif method == "fast":
        fast = default_fast()
        rows = [fast.scores(t) for t in texts]
    else:
        raise ValueError(f"unknown method {method!r}")
    return pd.DataFrame(np.array(rows, dtype="float64").reshape(-1, 4), columns=SCORE_COLUMNS)


def score_sentences(sentences: pd.DataFrame, *, method: Method = "fast") -> pd.DataFrame:
    """The sentence frame with ``neg, neu, pos, compound`` appended (a new frame).

    Args:
        sentences: output of ``analysis.text.sentences`` (needs ``text``; keys kept as they are).
        method: see :func:`score_texts`.
    """
    scores = score_texts(sentences["text"], method=method)
    scores.index = sentences.index
    kept = sentences.drop(columns=[c for c in SCORE_COLUMNS if c in sentences.columns])
    return pd.concat([kept, scores], axis=1)


def label(compound: pd.Series | np.ndarray, *, threshold: float = 0.05) -> pd.Series:
    """``negative`` (<= -threshold), ``positive`` (>= threshold) or ``neutral`` (VADER's rule)."""
    values = np.asarray(compound, dtype="float64")
    out = np.where(values >= threshold, "positive",
                   np.where(values <= -threshold, "negative", "neutral"))
    index = compound.index if isinstance(compound, pd.Series) else None
    return pd.Series(out, index=index, dtype="object", name="label")


def bootstrap_ci(values: np.ndarray, clusters: np.ndarray | None = None, *, n_boot: int = 1000,
                 ci: float = 0.95, seed: int | Iterable[int] = 0) -> tuple[float, float]:
    """Percentile bootstrap interval of a mean, resampling clusters (e.g. articles) if given.

    With clusters the statistic is the mean over all sentences of the resampled clusters
    (sentences of one article are not independent, so this gives wider, more honest intervals).

    >>> bootstrap_ci(np.array([0.0, 1.0] * 50), n_boot=200, seed=1)
    (0.4, 0.59025)
    """
    values = np.asarray(values, dtype="float64")
    if clusters is None:
        sums, counts = values, np.ones_like(values)
    else:
        codes = pd.factorize(np.asarray(clusters), sort=True)[0]
        sums, counts = np.bincount(codes, values), np.bincount(codes).astype("float64")
    m = len(sums)
    if m < 2 or n_boot <= 0:
        return (float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    step = max(1, 2_000_000 // m)
    means = []
    for start in range(0, n_boot, step):
        idx = rng.integers(0, m, size=(min(step, n_boot - start), m))
        means.append(sums[idx].sum(axis=1) / counts[idx].sum(axis=1))
    lo, hi = np.quantile(np.concatenate(means), [(1 - ci) / 2, 1 - (1 - ci) / 2])
    return (round(float(lo), 6), round(float(hi), 6))


def aggregate(scored: pd.DataFrame, *, by: str | list[str], threshold: float = 0.05,
              n_boot: int = 1000, ci: float = 0.95, seed: int = 0,
              cluster: str | None = "doc_id") -> pd.DataFrame:
    """Per group: sentence count, mean/median compound with a bootstrap CI, label shares.

    Args:
        scored: output of :func:`score_sentences` (plus any group column).
        by: grouping column(s), e.g. ``["doc_id", "para_id"]``, ``"doc_id"`` or ``"category"``.
        threshold: neutral band for the label shares (``label``).
        n_boot: bootstrap resamples (0 skips the interval).
        ci: interval coverage.
        seed: base seed; group ``k`` (in sorted order) uses ``[seed, k]``.
        cluster: resampling unit (articles by default); ``None`` resamples sentences. A group
            with fewer than two clusters (one article, or ``cluster`` in ``by``) falls back to
            resampling sentences, which ignores within-article correlation: ``ci_unit`` says
            which was used.

    Returns:
        by..., n_sentences, n_clusters, mean_compound, ci_low, ci_high, ci_unit,
        median_compound, std_compound, share_negative, share_neutral, share_positive.
    """
    keys = [by] if isinstance(by, str) else list(by)
    use = None if cluster is None or cluster in keys else cluster
    labels = label(scored["compound"], threshold=threshold)
    rows = []
    groups = scored.assign(_label=labels.to_numpy()).groupby(keys, sort=True, observed=True)
    for k, (key, part) in enumerate(groups):
        comp = part["compound"].to_numpy(dtype="float64")
        n_clusters = int(part[use].nunique()) if use else len(part)
        unit = use if use and n_clusters >= 2 else "sentence"
        clusters = part[use].to_numpy() if unit == use else None
        lo, hi = bootstrap_ci(comp, clusters, n_boot=n_boot, ci=ci, seed=[seed, k])
        shares = part["_label"].value_counts(normalize=True)
        rows.append([*(key if isinstance(key, tuple) else (key,)), len(part), n_clusters,
                     comp.mean(), lo, hi, unit, float(np.median(comp)),
                     float(part["compound"].std(ddof=1)),
                     *(float(shares.get(name, 0.0)) for name in LABELS)])
    columns = [*keys, "n_sentences", "n_clusters", "mean_compound", "ci_low", "ci_high",
               "ci_unit", "median_compound", "std_compound",
               *(f"share_{name}" for name in LABELS)]
    return pd.DataFrame(rows, columns=columns)


def paragraph_scores(scored: pd.DataFrame, *, threshold: float = 0.05) -> pd.DataFrame:
    """Per paragraph (doc_id, para_id): counts, mean compound, label shares (no interval)."""
    return aggregate(scored, by=["doc_id", "para_id"], threshold=threshold, n_boot=0)


def article_scores(scored: pd.DataFrame, *, threshold: float = 0.05, n_boot: int = 1000,
                   seed: int = 0) -> pd.DataFrame:
    """Per article: counts, mean compound (bootstrap over its sentences), label shares."""
    return aggregate(scored, by="doc_id", threshold=threshold, n_boot=n_boot, seed=seed)


def compound_histogram(scored: pd.DataFrame, *, bins: int = 20, by: str | None = None,
                       threshold: float = 0.05) -> pd.DataFrame:
    """Distribution of sentence compound scores on ``bins`` equal bins over [-1, 1].

    Each bin is also split by label (a bin such as [0, 0.1) holds neutral zeros and positives).

    Returns:
        (by,) bin_left, bin_right, n_sentences, share (within group), n_negative, n_neutral,
        n_positive.
    """
    edges = np.linspace(-1.0, 1.0, bins + 1)
    parts = [(None, scored)] if by is None else list(scored.groupby(by, sort=True))
    frames = []
    for key, part in parts:
        values = part["compound"].to_numpy(dtype="float64")
        labels = label(values, threshold=threshold).to_numpy()
        counts, _ = np.histogram(values, bins=edges)
        frame = pd.DataFrame({"bin_left": edges[:-1].round(6), "bin_right": edges[1:].round(6),
                              "n_sentences": counts.astype("int64")})
        frame["share"] = frame["n_sentences"] / max(int(counts.sum()), 1)
        for name in LABELS:
            frame[f"n_{name}"] = np.histogram(values[labels == name], bins=edges)[0]
        if by is not None:
            frame.insert(0, by, key)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)
