"""Validate sentiment scorers against human labels: loading, metrics, the CLI and a summary.

``python -m analysis validate-sentiment FILE [--text COL --label COL --target COL --start COL
--end COL] [--train FILE]`` reads a labelled CSV/JSONL, scores it and prints accuracy, macro-F1,
a confusion matrix and, as its last line, ``macro-F1 <percent with 2 decimals>``.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

LABELS: tuple[str, str, str] = ("negative", "neutral", "positive")

_NAMED = {
    "negative": "negative", "neg": "negative", "n": "negative", "-": "negative",
    "neutral": "neutral", "neu": "neutral", "0": "neutral", "none": "neutral",
    "positive": "positive", "pos": "positive", "p": "positive", "+": "positive",
}
_NUMERIC_SCHEMES: tuple[dict[float, str], ...] = (
    {-1.0: "negative", 0.0: "neutral", 1.0: "positive"},      # sign
    {2.0: "negative", 4.0: "neutral", 6.0: "positive"},       # NewsMTSC polarity
)
_TEXT_COLS = ("text", "sentence", "sentence_normalized", "DOCUMENT", "document", "body", "content")
_LABEL_COLS = ("label", "sentiment", "TRUE_SENTIMENT", "polarity", "gold", "class")
_TARGET_COLS = ("mention", "target", "TARGET_ENTITY", "entity")
_START_COLS = ("from", "start", "begin", "target_start")
_END_COLS = ("to", "end", "target_end")


def normalize_labels(values: Iterable[object]) -> pd.Series:
    """Map label variants to ``negative`` / ``neutral`` / ``positive``.

    Accepted: the names in any case, ``neg``/``neu``/``pos``, ``-``/``0``/``+``, and numbers in
    one scheme for the whole column: -1/0/1 (sign) or 2/4/6 (NewsMTSC polarity).
    Raises ``ValueError`` naming the values it cannot map.

    >>> normalize_labels(["Pos", 2.0, "neutral"]).tolist()
    Traceback (most recent call last):
    ...
    ValueError: mixed numeric and named labels: ['Pos', 2.0, 'neutral']
    >>> normalize_labels(["Pos", "NEG", "neutral"]).tolist()
    ['positive', 'negative', 'neutral']
    """
    values = list(values)
    nums = [_as_number(v) for v in values]
    if all(n is not None for n in nums) and values:
        distinct = set(nums)
        for scheme in _NUMERIC_SCHEMES:
            if distinct <= set(scheme):
                return pd.Series([scheme[n] for n in nums], dtype="object")
        raise ValueError(f"numeric labels {sorted(distinct)} fit neither -1/0/1 nor 2/4/6")
    if any(n is not None and str(v).strip() not in _NAMED for v, n in zip(values, nums, strict=True)):
        raise ValueError(f"mixed numeric and named labels: {values[:5]}")
    out = [_NAMED.get(str(v).strip().lower()) for v in values]
    bad = sorted({str(v) for v, o in zip(values, out, strict=True) if o is None})
    if bad:
        raise ValueError(f"unknown labels {bad[:10]}; use negative/neutral/positive")
    return pd.Series(out, dtype="object")


def _as_number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def confusion(gold: Sequence[str], pred: Sequence[str]) -> pd.DataFrame:
    """Confusion matrix as a frame: rows ``gold``, columns ``predicted``, over :data:`LABELS`.

    >>> confusion(["positive", "negative"], ["positive", "neutral"]).to_numpy().tolist()
    [[0, 1, 0], [0, 0, 0], [0, 0, 1]]
    """
    index = {label: i for i, label in enumerate(LABELS)}
    matrix = np.zeros((len(LABELS), len(LABELS)), dtype="int64")
    for g, p in zip(gold, pred, strict=True):
        matrix[index[g], index[p]] += 1
    return pd.DataFrame(
        matrix,
        index=pd.Index(LABELS, name="gold"),
        columns=pd.Index(LABELS, name="predicted"),
    )


def metrics(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    """Accuracy and macro-F1 (mean of per-class F1 over the 3 classes; F1 = 0 when undefined).

    Returns ``{"n", "accuracy", "macro_f1", "f1_negative", "f1_neutral", "f1_positive"}`` with
    scores as fractions in [0, 1].
    """
    matrix = confusion(gold, pred).to_numpy()
    n = int(matrix.sum())
    out: dict[str, float] = {"n": n, "accuracy": float(np.trace(matrix) / n) if n else 0.0}
    f1s = []
    for i, label in enumerate(LABELS):
        tp, predicted, actual = matrix[i, i], matrix[:, i].sum(), matrix[i, :].sum()
        f1 = 2 * tp / (predicted + actual) if predicted + actual else 0.0
        out[f"f1_{label}"] = float(f1)
        f1s.append(f1)
    out["macro_f1"] = float(np.mean(f1s))
    return out


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a CSV or JSONL file; NewsMTSC JSONL (``targets`` lists) becomes one row per target.

    Exploded NewsMTSC rows have ``sentence``, ``mention``, ``from``, ``to``, ``label``.
    """
    path = Path(path)
    if path.suffix.lower() in {".jsonl", ".json", ".ndjson"}:
        with path.open(encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle if line.strip()]
        if records and isinstance(records[0].get("targets"), list):
            return _explode_newsmtsc(records)
        return pd.DataFrame.from_records(records)
    return pd.read_csv(path, keep_default_na=False, na_values=[""])


def _explode_newsmtsc(records: list[dict]) -> pd.DataFrame:
    rows = []
    for record in records:
        text = record.get("sentence_normalized", record.get("sentence", record.get("text")))
        for target in record["targets"]:
            rows.append({
                "sentence": text, "mention": target.get("mention"), "from": target.get("from"),
                "to": target.get("to"), "label": target.get("polarity", target.get("label")),
            })
    return pd.DataFrame(rows, columns=["sentence", "mention", "from", "to", "label"])


def _pick(frame: pd.DataFrame, given: str | None, candidates: Sequence[str], what: str,
          *, required: bool) -> str | None:
    if given is not None:
        if given not in frame.columns:
            raise ValueError(f"{what} column {given!r} not in {list(frame.columns)}")
        return given
    found = next((c for c in candidates if c in frame.columns), None)
    if found is None and required:
        raise ValueError(f"no {what} column found (tried {list(candidates)}); pass --{what} COL")
    return found


def load_labelled(path: str | Path, *, text: str | None = None, label: str | None = None,
                  target: str | None = None, start: str | None = None,
                  end: str | None = None) -> pd.DataFrame:
    """Load a labelled file into ``text``, ``label`` and, when present, ``target``/``start``/``end``.

    Column names are guessed when not given (``text``/``sentence``/``DOCUMENT``...,
    ``label``/``TRUE_SENTIMENT``/``polarity``..., ``mention``/``target``/``TARGET_ENTITY``,
    ``from``/``start``, ``to``/``end``). Rows with an empty text or label are dropped.
    """
    frame = read_table(path)
    cols = {
        "text": _pick(frame, text, _TEXT_COLS, "text", required=True),
        "label": _pick(frame, label, _LABEL_COLS, "label", required=True),
        "target": _pick(frame, target, _TARGET_COLS, "target", required=False),
        "start": _pick(frame, start, _START_COLS, "start", required=False),
        "end": _pick(frame, end, _END_COLS, "end", required=False),
    }
    if (cols["start"] is None) != (cols["end"] is None):
        cols["start"] = cols["end"] = None
    out = pd.DataFrame({k: frame[c] for k, c in cols.items() if c is not None})
    out = out.dropna(subset=["text", "label"]).reset_index(drop=True)
    out["text"] = out["text"].astype(str)
    out["label"] = normalize_labels(out["label"]).to_numpy()
    for col in ("start", "end"):
        if col in out:
            out[col] = pd.to_numeric(out[col]).astype("Int64")
    if "target" in out:
        out["target"] = out["target"].astype("string")
    return out
