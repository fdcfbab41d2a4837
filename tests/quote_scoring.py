"""Score extracted quotes against hand annotations (first characters of the quote, speaker)."""

from __future__ import annotations

import re

import pandas as pd


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def score_quotes(got: pd.DataFrame, expected: dict[str, list[list[str]]],
                 *, key_chars: int = 15) -> dict[str, float]:
    """Quote precision/recall/F1 and speaker accuracy (on matched quotes) over all documents.

    A found quote matches a gold quote of the same document when the gold quote's first
    `key_chars` letters/digits (punctuation and spaces ignored) occur near the start of the
    found quote's text (within its first 40 normalised characters), so a found quote that
    begins inside a longer gold quote, or a gold quote embedded in a longer found span, still
    matches. Each gold quote matches at most one found quote.
    """
    tp = n_gold = n_found = right = 0
    for doc_id, pairs in expected.items():
        if doc_id.startswith("_"):
            continue
        rows = got[got["doc_id"] == doc_id]
        found = [(_norm(q), None if pd.isna(s) else s)
                 for q, s in zip(rows["quote"], rows["speaker"], strict=True)]
        n_gold += len(pairs)
        n_found += len(found)
        used: set[int] = set()
        for prefix, speaker in pairs:
            key = _norm(prefix)[:key_chars]
            for i, (text, spk) in enumerate(found):
                if i not in used and key in text[:40]:
                    used.add(i)
                    tp += 1
                    right += spk == speaker
                    break
    precision = tp / n_found if n_found else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return {"gold": n_gold, "found": n_found, "matched": tp, "precision": precision,
            "recall": recall, "f1": f1, "speaker_acc": right / tp if tp else 0.0,
            "speaker_acc_gold": right / n_gold if n_gold else 0.0}
