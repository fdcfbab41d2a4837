"""Views on scored sentences: arcs through articles and over time, targets, word shift.

Input is always the frame of :func:`analysis.sentiment.score_sentences` (one row per sentence
with ``doc_id, para_id, sent_id, text, compound``...).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Literal

import numpy as np
import pandas as pd

from analysis.sentiment import aggregate
from analysis.vader_fast import default_fast, vader_words

_QUOTE_RE = re.compile('["“”]')


def article_arc(scored: pd.DataFrame, *, unit: Literal["sentence", "paragraph"] = "sentence",
                window: int = 3) -> pd.DataFrame:
    """Sentiment through each article in reading order, with a centred rolling mean.

    Args:
        scored: scored sentences.
        unit: one point per sentence, or per paragraph (mean of its sentences).
        window: rolling-mean width in points (``min_periods=1``, centred).

    Returns:
        doc_id, position (0..n-1), relative (0..1), para_id, [sent_id], n_sentences, compound,
        rolling.
    """
    keys = ["doc_id", "para_id"] if unit == "paragraph" else ["doc_id", "para_id", "sent_id"]
    points = (scored.groupby(keys, sort=True, as_index=False)
              .agg(n_sentences=("compound", "size"), compound=("compound", "mean")))
    points = points.sort_values(keys, kind="mergesort").reset_index(drop=True)
    grouped = points.groupby("doc_id", sort=False)
    position = grouped.cumcount()
    size = grouped["compound"].transform("size")
    points.insert(1, "position", position.astype("int64"))
    points.insert(2, "relative", (position / (size - 1).where(size > 1, 1)).astype("float64"))
    points["rolling"] = grouped["compound"].transform(
        lambda s: s.rolling(window, center=True, min_periods=1).mean())
    return points


def time_arc(scored: pd.DataFrame, articles: pd.DataFrame, *, freq: str = "D",
             date: str = "published", n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Mean sentence compound per period of the articles' dates (articles bootstrap).

    Returns an empty frame (same columns) when no article has a date.
    Columns: period (start timestamp), n_articles, n_sentences, mean_compound, ci_low, ci_high,
    share_negative, share_neutral, share_positive.
    """
    dates = articles[["doc_id", date]].dropna(subset=[date])
    merged = scored.merge(dates, on="doc_id", how="inner", validate="many_to_one")
    columns = ["period", "n_articles", "n_sentences", "mean_compound", "ci_low", "ci_high",
               "share_negative", "share_neutral", "share_positive"]
    if merged.empty:
        return pd.DataFrame(columns=columns)
    stamps = pd.to_datetime(merged[date])
    merged["period"] = stamps.dt.to_period(freq).dt.start_time
    out = aggregate(merged, by="period", n_boot=n_boot, seed=seed)
    return out.rename(columns={"n_clusters": "n_articles"})[columns]


def label_voice(scored: pd.DataFrame) -> pd.DataFrame:
    """Add ``voice``: "quoted" for sentences with a double quotation mark, else "narration".

    A rough split of what sources say (direct quotes) from the reporter's own narration.
    """
    voice = np.where(scored["text"].str.contains(_QUOTE_RE, na=False), "quoted", "narration")
    return scored.assign(voice=pd.Series(voice, index=scored.index, dtype="object"))


def alias_pattern(aliases: Iterable[str], *, case_sensitive: bool = True) -> re.Pattern[str]:
    """Whole-word regex for any alias (longest first, so "Volodymyr X" wins over "X").

    >>> pattern = alias_pattern(["Alliance", "the bloc"])
    >>> bool(pattern.search("the Alliance's chief")), bool(pattern.search("Alliances"))
    (True, False)
    """
    ordered = sorted({a.strip() for a in aliases if a.strip()}, key=lambda a: (-len(a), a))
    if not ordered:
        raise ValueError("a target needs at least one non-empty alias")
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in ordered)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", 0 if case_sensitive else re.IGNORECASE)


def target_mentions(scored: pd.DataFrame, targets: Mapping[str, Iterable[str]], *,
                    window: int = 1, case_sensitive: bool = True) -> pd.DataFrame:
    """Sentences mentioning each target, with their score and the ±``window`` sentence mean.

    Args:
        scored: scored sentences (``doc_id, para_id, sent_id, text, compound`` ...).
        targets: target name -> aliases, e.g. ``{"Alliance": ["Alliance", "the bloc"]}``.
        window: sentences either side (same article) averaged into ``window_compound``.
        case_sensitive: match aliases exactly as written (default) or ignoring case.

    Returns:
        target, doc_id, para_id, sent_id, alias (first match), n_mentions, start (of the first
        match in the sentence), end, text, neg, neu, pos, compound, window_compound, window_n;
        sorted by target, doc_id, sent_id.
    """
    frames = []
    for name, aliases in targets.items():
        pattern = alias_pattern(aliases, case_sensitive=case_sensitive)
        found = scored["text"].str.contains(pattern, na=False)
        hits = scored.loc[found].copy()
        first = [pattern.search(t) for t in hits["text"]]
        hits.insert(0, "target", name)
        hits["alias"] = [m.group(0) for m in first]
        hits["n_mentions"] = [len(pattern.findall(t)) for t in hits["text"]]
        hits["start_in_sentence"] = [m.start() for m in first]
        hits["end_in_sentence"] = [m.end() for m in first]
        frames.append(_with_window(hits, scored, window))
    columns = ["target", "doc_id", "para_id", "sent_id", "alias", "n_mentions",
               "start_in_sentence", "end_in_sentence", "text", "neg", "neu", "pos", "compound",
               "window_compound", "window_n"]
    if not frames:
        return pd.DataFrame(columns=columns)
    out = pd.concat(frames, ignore_index=True)[columns]
    return out.sort_values(["target", "doc_id", "sent_id"], kind="mergesort",
                           ignore_index=True)


def _with_window(hits: pd.DataFrame, scored: pd.DataFrame, window: int) -> pd.DataFrame:
    """Add the mean compound of sentences ``sent_id ± window`` in the same article."""
    keys = hits[["doc_id", "sent_id"]].reset_index(drop=True)
    lookup = scored[["doc_id", "sent_id", "compound"]].drop_duplicates(["doc_id", "sent_id"])
    total = np.zeros(len(keys))
    count = np.zeros(len(keys), dtype="int64")
    for offset in range(-window, window + 1):
        shifted = keys.assign(sent_id=keys["sent_id"] + offset)
        found = shifted.merge(lookup, on=["doc_id", "sent_id"], how="left")["compound"]
        total += found.fillna(0.0).to_numpy(dtype="float64")
        count += found.notna().to_numpy()
    return hits.assign(window_compound=total / np.maximum(count, 1), window_n=count)


def target_summary(mentions: pd.DataFrame, *, score: str = "compound", threshold: float = 0.05,
                   n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Per target: mentions, articles, mean score with an articles-bootstrap CI, label shares.

    Args:
        mentions: output of :func:`target_mentions`.
        score: ``"compound"`` (the mentioning sentence) or ``"window_compound"``.
    """
    frame = mentions.assign(compound=mentions[score].astype("float64"))
    out = aggregate(frame, by="target", threshold=threshold, n_boot=n_boot, seed=seed)
    return out.rename(columns={"n_sentences": "n_mentions", "n_clusters": "n_articles"})


def word_counts(texts: Iterable[str]) -> Counter[str]:
    """Counts of VADER lexicon words (VADER's own word forms, lower case) in ``texts``.

    Words VADER itself never scores (boosters, "kind" in "kind of") are left out.

    >>> sorted(word_counts(["A good, GOOD plan.", "It was kind of fine."]).items())
    [('fine', 1), ('good', 2)]
    """
    fast = default_fast()
    skip = fast.boosters
    counts: Counter[str] = Counter()
    for text in texts:
        words = vader_words(text, fast)
        counts.update(w for i, w in enumerate(words) if w in fast.lexicon and w not in skip
                      and not (w == "kind" and words[i + 1: i + 2] == ["of"]))
    return counts


def word_shift(scored: pd.DataFrame, *, by: str, reference: object,
               comparison: object) -> pd.DataFrame:
    """Which lexicon words make ``comparison`` read more positive/negative than ``reference``.

    The average valence of lexicon words in a group is ``phi = sum_w p(w) v(w)`` (``p``: share
    of the group's lexicon-word tokens, ``v``: VADER valence). Each word's contribution
    ``(v(w) - phi_ref) * (p_cmp(w) - p_ref(w))`` sums exactly to ``phi_cmp - phi_ref``
    (Dodds et al.'s word shift). This explains the lexicon-level difference, which tracks but is
    not identical to the difference in mean sentence compound.

    Returns:
        word, valence, count_ref, count_cmp, p_ref, p_cmp, contribution, share (of the summed
        absolute contributions), kind (``"+↑"`` positive word used more, ``"-↓"`` negative word
        used less, ...), ordered by |contribution| desc then word.
    """
    ref = word_counts(scored.loc[scored[by] == reference, "text"])
    cmp_ = word_counts(scored.loc[scored[by] == comparison, "text"])
    lexicon = default_fast().lexicon
    words = sorted(set(ref) | set(cmp_))
    frame = pd.DataFrame({"word": words, "valence": [lexicon[w] for w in words],
                          "count_ref": [ref[w] for w in words],
                          "count_cmp": [cmp_[w] for w in words]})
    frame["count_ref"] = frame["count_ref"].astype("int64")
    frame["count_cmp"] = frame["count_cmp"].astype("int64")
    frame["p_ref"] = frame["count_ref"] / max(frame["count_ref"].sum(), 1)
    frame["p_cmp"] = frame["count_cmp"] / max(frame["count_cmp"].sum(), 1)
    phi_ref = float((frame["p_ref"] * frame["valence"]).sum())
    frame["contribution"] = (frame["valence"] - phi_ref) * (frame["p_cmp"] - frame["p_ref"])
    total = frame["contribution"].abs().sum()
    frame["share"] = frame["contribution"] / total if total else 0.0
    frame["kind"] = (np.where(frame["valence"] > phi_ref, "+", "-")
                     + np.where(frame["p_cmp"] > frame["p_ref"], "↑", "↓"))
    order = frame["contribution"].abs().round(12)
    frame = frame.assign(_o=order).sort_values(["_o", "word"], ascending=[False, True],
                                                kind="mergesort")
    return frame.drop(columns="_o").reset_index(drop=True)


def target_aware_scores(mentions: pd.DataFrame) -> pd.DataFrame:
    """Add ``target_score`` and ``target_label`` from the rule-based target-aware scorer.

    Uses ``analysis.target_sentiment.score_targets`` (clause of the mention, what happens to the
    target, reported speech; labels with its own neutral band) on the first alias match of each
    sentence. Raises ImportError when that module is absent; :func:`target_mentions` itself
    never needs it.
    """
    from analysis.target_sentiment import score_targets

    frame = pd.DataFrame({"text": mentions["text"].to_numpy(),
                          "start": mentions["start_in_sentence"].to_numpy(dtype="int64"),
                          "end": mentions["end_in_sentence"].to_numpy(dtype="int64")})
    scored = score_targets(frame)
    return mentions.assign(target_score=scored["target_score"].to_numpy(dtype="float64"),
                           target_label=scored["predicted"].to_numpy())
