"""Score extracted quotes against hand annotations: quote F1 and speaker accuracy.

Annotations say, per document, which direct quotes a careful reader finds and who said each:
``{"doc_id": [["first characters of the quote", "canonical speaker"], ...], ...}`` in a JSON
file, or a CSV/JSONL file with the columns ``doc_id``, ``quote``, ``speaker``. In the JSON
form, keys starting with ``_`` are notes, except ``_known_misses`` (same shape): gold quotes
the extractor is known not to find, which still count as gold.

``python -m analysis validate-quotes SOURCE [--expected FILE] [--details]`` runs
:func:`analysis.quotes.extract_quotes` on any corpus ``load_articles`` accepts and prints
the scores; its last two lines are ``quote-F1 <value>`` and ``speaker-accuracy <value>``.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd

Annotations = dict[str, list[tuple[str, str]]]

KEY_CHARS = 15
"""Letters/digits of a gold quote that must occur near the start of a found quote."""
NEAR_START = 40
"""How far into a found quote (normalised characters) the gold key may start."""


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def load_annotations(path: str | Path) -> Annotations:
    """Gold quotes per document from a JSON mapping or a CSV/JSONL table (see module doc)."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        gold: Annotations = {}
        for doc_id, pairs in raw.items():
            if not doc_id.startswith("_"):
                gold.setdefault(doc_id, []).extend((q, s) for q, s in pairs)
        for doc_id, pairs in raw.get("_known_misses", {}).items():
            gold.setdefault(doc_id, []).extend((q, s) for q, s in pairs)
        return gold
    table = (pd.read_csv(path, dtype=str) if path.suffix.lower() == ".csv"
             else pd.read_json(path, lines=True, dtype=str))
    missing = {"doc_id", "quote", "speaker"} - set(table.columns)
    if missing:
        raise ValueError(f"{path}: missing column(s) {sorted(missing)}")
    gold = {}
    for doc_id, quote, speaker in table[["doc_id", "quote", "speaker"]].itertuples(index=False):
        gold.setdefault(doc_id, []).append((quote, speaker))
    return gold


def match_quotes(found: pd.DataFrame, gold: Annotations) -> pd.DataFrame:
    """One row per gold quote and per unmatched found quote, with its outcome.

    A found quote matches a gold quote of the same document when the gold quote's first
    ``KEY_CHARS`` letters/digits (case, spaces and punctuation ignored) occur within the first
    ``NEAR_START`` normalised characters of the found quote; gold quotes are taken in order and
    each found quote matches at most one. ``outcome``: ``right`` (speaker equal), ``wrong
    speaker``, ``missed`` (gold not found), ``extra`` (found, not gold).
    """
    rows = []
    for doc_id, pairs in gold.items():
        doc = found[found["doc_id"] == doc_id]
        texts = [_norm(q) for q in doc["quote"]]
        speakers = [None if pd.isna(s) else s for s in doc["speaker"]]
        used: set[int] = set()
        for quote, speaker in pairs:
            key = _norm(quote)[:KEY_CHARS]
            hit = next((i for i, t in enumerate(texts) if i not in used and key in t[:NEAR_START]),
                       None)
            if hit is None:
                rows.append((doc_id, quote, speaker, None, None, "missed"))
                continue
            used.add(hit)
            outcome = "right" if speakers[hit] == speaker else "wrong speaker"
            rows.append((doc_id, quote, speaker, doc["quote"].iloc[hit], speakers[hit], outcome))
        rows += [(doc_id, None, None, doc["quote"].iloc[i], speakers[i], "extra")
                 for i in range(len(texts)) if i not in used]
    return pd.DataFrame(rows, columns=["doc_id", "gold_quote", "gold_speaker", "quote",
                                       "speaker", "outcome"])


def scores_from_counts(gold: int, found: int, matched: int, right: int) -> dict[str, float]:
    """Quote precision/recall/F1 and speaker accuracy (of matched and of all gold quotes)."""
    precision = matched / found if found else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if matched else 0.0
    return {"gold": gold, "found": found, "matched": matched, "precision": precision,
            "recall": recall, "f1": f1, "speaker_acc": right / matched if matched else 0.0,
            "speaker_acc_gold": right / gold if gold else 0.0}


def score_matches(matches: pd.DataFrame) -> dict[str, float]:
    """:func:`scores_from_counts` of a :func:`match_quotes` table."""
    counts = matches["outcome"].value_counts()
    right, wrong = int(counts.get("right", 0)), int(counts.get("wrong speaker", 0))
    return scores_from_counts(gold=right + wrong + int(counts.get("missed", 0)),
                              found=right + wrong + int(counts.get("extra", 0)),
                              matched=right + wrong, right=right)


def _percent_columns(table: pd.DataFrame) -> pd.DataFrame:
    """Add ``quote F1`` and ``speaker accuracy`` (percent, 1 decimal) from count columns."""
    scores = [scores_from_counts(*row) for row in
              table[["gold", "found", "matched", "right_speaker"]].itertuples(index=False)]
    return table.assign(**{"quote F1": [round(100 * s["f1"], 1) for s in scores],
                           "speaker accuracy": [round(100 * s["speaker_acc"], 1)
                                                for s in scores]})


def accuracy_table(matches: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row of counts and percentages per named :func:`match_quotes` table."""
    rows = []
    for name, table in matches.items():
        outcome = table["outcome"]
        rows.append({"set": name, "articles": table["doc_id"].nunique(),
                     "gold": int((outcome != "extra").sum()),
                     "found": int(table["quote"].notna().sum()),
                     "matched": int(outcome.isin(["right", "wrong speaker"]).sum()),
                     "right_speaker": int((outcome == "right").sum())})
    return _percent_columns(pd.DataFrame(rows))


def first_runs_table(path: str | Path) -> pd.DataFrame:
    """The record of blind batches' first runs (a CSV of counts), plus a pooled row."""
    runs = pd.read_csv(path, dtype={"batch": str})
    counts = ["articles", "gold", "found", "matched", "right_speaker"]
    pooled = {"batch": "all", **runs[counts].sum().to_dict(),
              "extractor": "pooled first runs of the batches above"}
    return _percent_columns(pd.concat([runs, pd.DataFrame([pooled])], ignore_index=True))


def score_quotes(found: pd.DataFrame, gold: Annotations) -> dict[str, float]:
    """Scores of extracted quotes ``found`` against ``gold`` (see :func:`match_quotes`)."""
    return score_matches(match_quotes(found, gold))


def validate_quotes(source: Any, gold: Annotations, **options: Any) -> pd.DataFrame:
    """Extract the quotes of the annotated documents of ``source`` and match them to ``gold``.

    Raises ValueError when an annotated document is not in the corpus (a typo in a doc_id
    would otherwise count as quotes the extractor missed).
    """
    from analysis.corpus import load_articles
    from analysis.quotes import extract_quotes

    articles = load_articles(source, **options).articles
    unknown = sorted(set(gold) - set(articles["doc_id"]))
    if unknown:
        raise ValueError(f"annotated documents not in the corpus: {unknown[:5]}")
    return match_quotes(extract_quotes(articles[articles["doc_id"].isin(list(gold))]), gold)


def cli(argv: list[str]) -> int:
    """``validate-quotes SOURCE [--expected FILE] [--details]``."""
    parser = argparse.ArgumentParser(prog="python -m analysis validate-quotes",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="corpus: folder/glob of .txt, or a .csv/.jsonl/.parquet")
    parser.add_argument("--expected", help="annotations (default: SOURCE/expected.json)")
    parser.add_argument("--details", action="store_true",
                        help="list every missed, extra and wrong-speaker quote")
    args = parser.parse_args(argv)
    expected = Path(args.expected or Path(args.source) / "expected.json")
    try:
        matches = validate_quotes(args.source, load_annotations(expected))
    except (OSError, ValueError) as err:
        print(f"error: {err}")
        return 2
    scores = score_matches(matches)
    if args.details:
        for row in matches[matches["outcome"] != "right"].itertuples(index=False):
            text, gold, got = (v if isinstance(v, str) else "-" for v in (
                row.gold_quote if row.outcome != "extra" else row.quote,
                row.gold_speaker, row.speaker))
            print(f"{row.outcome:<13} {row.doc_id}: {text[:40]!r} gold={gold} found={got}")
    print(f"{scores['gold']} gold quotes, {scores['found']} found, {scores['matched']} matched; "
          f"precision {100 * scores['precision']:.2f}, recall {100 * scores['recall']:.2f}")
    print(f"quote-F1 {100 * scores['f1']:.2f}")
    print(f"speaker-accuracy {100 * scores['speaker_acc']:.2f}")
    return 0
