"""Keyness: which terms a target uses more (or less) than a reference, and how surely.

For a term seen ``a`` times in a target of ``c`` words and ``b`` times in a reference of ``d``
words (Rayson & Garside 2000; Hardie 2014)::

    E1 = c (a + b) / (c + d)        E2 = d (a + b) / (c + d)
    G2 = 2 (a ln(a / E1) + b ln(b / E2))          (0 ln 0 = 0)
    p  = P(chi2 with 1 df > G2)
    Log Ratio = log2((a / c) / (b / d))           (a zero count counts as 0.5)

The reference is another group, the rest of the corpus, or general English: the ``wordfreq``
package's frequency list taken as a corpus of :data:`ENGLISH_SIZE` words, so a single article
still has key terms.

>>> round(float(log_likelihood(10, 0, 100, 100)[0]), 4)
13.8629
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
import pandas as pd
from scipy.special import xlogy
from scipy.stats import chi2

from analysis.frequency import DEFAULT_TERMS, Terms, term_counts

ENGLISH_SIZE = 1_000_000_000  # notional size of the general-English reference corpus (words)
COLUMNS = ["term", "count", "n_words", "ref_count", "ref_n_words", "rel_freq", "ref_rel_freq",
           "g2", "p_value", "log_ratio"]


def log_likelihood(a: np.ndarray | float, b: np.ndarray | float, c: np.ndarray | float,
                   d: np.ndarray | float) -> np.ndarray:
    """G2 of term counts ``a`` (target, size ``c``) and ``b`` (reference, size ``d``)."""
    a, b, c, d = (np.atleast_1d(np.asarray(x, dtype=float)) for x in (a, b, c, d))
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        return 2 * (xlogy(a, np.where(a > 0, a / e1, 1)) + xlogy(b, np.where(b > 0, b / e2, 1)))


def log_ratio(a: np.ndarray | float, b: np.ndarray | float, c: np.ndarray | float,
              d: np.ndarray | float) -> np.ndarray:
    """Hardie's Log Ratio: binary log of the ratio of relative frequencies (zeros -> 0.5)."""
    a, b, c, d = (np.atleast_1d(np.asarray(x, dtype=float)) for x in (a, b, c, d))
    return np.log2((np.where(a > 0, a, 0.5) / c) / (np.where(b > 0, b, 0.5) / d))


def compare(target: pd.Series, reference: pd.Series, *, target_size: float,
            reference_size: float) -> pd.DataFrame:
    """Keyness of every term of ``target`` or ``reference`` (term -> count Series).

    Returns:
        ``term, count, n_words, ref_count, ref_n_words, rel_freq, ref_rel_freq, g2, p_value,
        log_ratio`` for the terms seen in either, by G2 (descending) then term; the sign of
        ``log_ratio`` says who uses the term more (positive: the target).
    """
    index = target.index.union(reference.index, sort=False)
    a = target.reindex(index).fillna(0).astype(float)
    b = reference.reindex(index).fillna(0).astype(float)
    out = pd.DataFrame({"term": index.astype(str), "count": a.to_numpy().astype("int64"),
                        "n_words": int(target_size), "ref_count": b.to_numpy(),
                        "ref_n_words": int(reference_size)})
    out["rel_freq"] = out["count"] / target_size
    out["ref_rel_freq"] = out["ref_count"] / reference_size
    out["g2"] = log_likelihood(a, b, target_size, reference_size)
    out["p_value"] = chi2.sf(out["g2"], df=1)
    out["log_ratio"] = log_ratio(a, b, target_size, reference_size)
    out = out.sort_values(["g2", "term"], ascending=[False, True], kind="mergesort")
    return out.reset_index(drop=True)[COLUMNS]


@cache
def _english() -> tuple[dict[str, float], float]:
    import wordfreq

    table = wordfreq.get_frequency_dict("en", wordlist="large")
    return table, min(table.values())


def english_frequency(terms: Sequence[str]) -> np.ndarray:
    """Relative frequency of each term in general English (``wordfreq``'s large list).

    Terms missing from the list (new names, rare spellings) get the list's smallest frequency,
    i.e. they count as the rarest words ``wordfreq`` knows, never as zero.
    """
    import wordfreq

    table, floor = _english()
    values = [table.get(t) or wordfreq.word_frequency(t, "en", wordlist="large") for t in terms]
    return np.maximum(np.asarray(values, dtype=float), floor)


def _counts(data: pd.DataFrame, by: list[str], terms: Terms) -> pd.DataFrame:
    """A term-count frame: ``data`` itself when it already is one, else counted from tokens."""
    if {"term", "count", "n_words"} <= set(data.columns):
        return data
    return term_counts(data, by=by or None, terms=terms)


def keyness(data: pd.DataFrame, *, by: str | None = None, target: object = None,
            reference: str = "rest", terms: Terms = DEFAULT_TERMS) -> pd.DataFrame:
    """Key terms of a target against a reference.

    Args:
        data: a tokens frame, or a term-count frame from ``term_counts``/``count_corpus``.
        by: group column; None means the whole of ``data`` is the target.
        target: the group value studied (ignored when ``by`` is None).
        reference: "rest" (every other group), "english" (general English from ``wordfreq``;
            needs ``terms.normalize == "none"``) or another value of ``by``.
        terms: how tokens become terms (when ``data`` is a tokens frame).

    Returns:
        The :func:`compare` frame: positive ``log_ratio`` means over-used by the target.
    """
    keys = [by] if by else []
    counts = _counts(data, keys, terms)
    mine = counts if not by else counts[counts[by] == target]
    if mine.empty and reference != "english":
        raise ValueError(f"no terms for {by}={target!r}")
    size = float(mine.drop_duplicates(keys)["n_words"].sum()) if by else float(
        counts["n_words"].iloc[0]) if len(counts) else 0.0
    target_counts = mine.groupby("term")["count"].sum()
    if reference == "english":
        if terms.normalize != "none":
            raise ValueError("general-English keyness needs unstemmed terms (normalize='none')")
        ref = pd.Series(english_frequency(target_counts.index) * ENGLISH_SIZE,
                        index=target_counts.index)
        return compare(target_counts, ref, target_size=size, reference_size=ENGLISH_SIZE)
    if not by:
        raise ValueError("keyness against 'rest' or a group needs by=")
    other = counts[counts[by] != target] if reference == "rest" else counts[counts[by] == reference]
    if other.empty:
        raise ValueError(f"empty reference {reference!r} for {by}={target!r}")
    return compare(target_counts, other.groupby("term")["count"].sum(), target_size=size,
                   reference_size=float(other.drop_duplicates(keys)["n_words"].sum()))


def distinctive_terms(data: pd.DataFrame, *, by: str, top: int = 10, min_count: int = 2,
                      terms: Terms = DEFAULT_TERMS) -> pd.DataFrame:
    """The ``top`` over-used terms of every group against all the other groups.

    Args:
        data: tokens frame (with the ``by`` column) or a term-count frame grouped by ``by``.
        by: group column with two or more values (outlet, month, category, doc_id ...).
        top: terms kept per group.
        min_count: ignore terms seen fewer times in the group.
        terms: how tokens become terms.

    Returns:
        ``by`` then the :func:`keyness` columns and ``rank`` (1 = most distinctive), groups sorted.
    """
    counts = _counts(data, [by], terms)
    groups = sorted(counts[by].dropna().unique())
    if len(groups) < 2:
        raise ValueError(f"distinctive terms need at least two values of {by!r}")
    parts = []
    for group in groups:
        table = keyness(counts, by=by, target=group, reference="rest")
        table = table[(table["log_ratio"] > 0) & (table["count"] >= min_count)].head(top)
        parts.append(table.assign(**{by: group, "rank": np.arange(1, len(table) + 1)}))
    out = pd.concat(parts, ignore_index=True)
    return out[[by, *COLUMNS, "rank"]]
