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
    pairs = zip(values, nums, strict=True)
    if any(n is not None and str(v).strip() not in _NAMED for v, n in pairs):
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
    """Load a labelled file into ``text``, ``label`` and, if present, ``target``/``start``/``end``.

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


def vader_labels(texts: Iterable[str], *, threshold: float = 0.05) -> np.ndarray:
    """Plain sentence-level VADER: compound >= threshold positive, <= -threshold negative."""
    from analysis.target_sentiment import to_label, vader_compound

    scores = np.array([vader_compound(t) for t in texts], dtype="float64")
    below = np.nextafter(-threshold, 0.0)  # <= -t is negative, as in VADER's convention
    return to_label(scores, negative_below=below, positive_above=np.nextafter(threshold, 0.0))


def evaluate(frame: pd.DataFrame, *, train: pd.DataFrame | None = None) -> dict[str, np.ndarray]:
    """Predictions of every applicable method on ``frame`` (keys in display order).

    Always ``vader``; ``rules`` when the frame has a target or offsets; ``tfidf_lr`` and
    ``supervised`` when ``train`` rows are given.
    """
    from analysis.target_sentiment import score_targets

    out = {"vader": vader_labels(frame["text"])}
    if {"target", "start"} & set(frame.columns):
        out["rules"] = score_targets(frame)["predicted"].to_numpy()
    if train is not None:
        from analysis import sentiment_model as sm

        out["tfidf_lr"] = sm.predict(sm.fit_baseline(train), frame)
        out["supervised"] = sm.predict(sm.fit_model(train), frame)
    return out


METHOD_NAMES = {
    "vader": "VADER, whole text (baseline)",
    "rules": "target-aware rules (no training)",
    "tfidf_lr": "TF-IDF + logistic regression (baseline)",
    "supervised": "target-aware supervised (LinearSVC)",
}


def results_table(gold: Sequence[str], predictions: dict[str, np.ndarray]) -> pd.DataFrame:
    """One row per method: ``method``, ``n``, ``accuracy``, ``macro_f1`` (percent, 2 decimals)."""
    rows = []
    for method, pred in predictions.items():
        m = metrics(list(gold), list(pred))
        rows.append({"method": method, "n": int(m["n"]), "accuracy": round(100 * m["accuracy"], 2),
                     "macro_f1": round(100 * m["macro_f1"], 2)})
    return pd.DataFrame(rows, columns=["method", "n", "accuracy", "macro_f1"])


def format_report(gold: Sequence[str], predictions: dict[str, np.ndarray], primary: str) -> str:
    """The CLI's text: a results table, the confusion matrix of ``primary`` and, last,
    ``macro-F1 <percent>``."""
    table = results_table(gold, predictions)
    lines = [f"{'method':<42}{'n':>6}{'accuracy':>10}{'macro-F1':>10}"]
    for row in table.itertuples():
        mark = " *" if row.method == primary else ""
        lines.append(f"{METHOD_NAMES[row.method] + mark:<42}{row.n:>6}{row.accuracy:>10.2f}"
                     f"{row.macro_f1:>10.2f}")
    matrix = confusion(list(gold), list(predictions[primary]))
    lines += ["", "confusion matrix of * (rows gold, columns predicted):",
              f"{'':<10}" + "".join(f"{c:>10}" for c in LABELS)]
    lines += [f"{g:<10}" + "".join(f"{v:>10}" for v in matrix.loc[g]) for g in LABELS]
    primary_f1 = table.loc[table["method"] == primary, "macro_f1"].iloc[0]
    lines.append(f"macro-F1 {primary_f1:.2f}")
    return "\n".join(lines)


def cli(argv: list[str]) -> int:
    """``python -m analysis validate-sentiment FILE [...]``: print figures; last line macro-F1."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis validate-sentiment",
        description="Score a labelled CSV/JSONL (negative/neutral/positive) and print accuracy, "
                    "macro-F1 and a confusion matrix; the last line is 'macro-F1 <percent>'.")
    parser.add_argument("file", help="labelled .csv or .jsonl (NewsMTSC JSONL targets accepted)")
    for name in ("text", "label", "target", "start", "end"):
        parser.add_argument(f"--{name}", metavar="COL", help=f"{name} column (guessed if omitted)")
    parser.add_argument("--train", metavar="FILE",
                        help="labelled file to fit the supervised scorer on (then it is reported)")
    args = parser.parse_args(argv)
    columns = {k: getattr(args, k) for k in ("text", "label", "target", "start", "end")}
    try:
        frame = load_labelled(args.file, **columns)
        train = load_labelled(args.train, **columns) if args.train else None
    except (OSError, ValueError) as error:
        print(f"error: {error}")
        return 2
    if frame.empty or (train is not None and train.empty):
        print(f"error: no labelled rows in {args.file if frame.empty else args.train}")
        return 2
    predictions = evaluate(frame, train=train)
    primary = "supervised" if train is not None else ("rules" if "rules" in predictions
                                                      else "vader")
    used = ", ".join(c for c in ("target", "start", "end") if c in frame.columns) or "none"
    print(f"{Path(args.file).name}: {len(frame)} labelled rows; target columns: {used}"
          + (f"; trained on {Path(args.train).name} ({len(train)} rows)" if train is not None
             else ""))
    print(format_report(frame["label"].tolist(), predictions, primary))
    return 0


# (dataset name, shared folder, file) scored by validation_summary; NewsMTSC also trains on train.
SHARED_DEV_SETS: tuple[tuple[str, str, str], ...] = (
    ("newsmtsc dev_mt", "newsmtsc", "dev_mt_targets.csv"),
    ("newsmtsc dev_rw", "newsmtsc", "dev_rw_targets.csv"),
    ("persent dev", "persent", "dev.csv"),
)
SHARED_TRAIN = ("newsmtsc", "train_targets.csv")
SUMMARY_COLUMNS = ["dataset", "method", "n", "accuracy", "macro_f1"]


def _summary_key(files: list[Path], supervised: bool) -> str:
    import hashlib

    from analysis import sentiment_model, target_sentiment

    digest = hashlib.sha256(str(supervised).encode())
    for module in (sentiment_model, target_sentiment):
        digest.update(Path(module.__file__).read_bytes())
    digest.update(Path(__file__).read_bytes())
    for file in files:
        digest.update(file.name.encode() + file.read_bytes())
    return digest.hexdigest()[:16]


def validation_summary(*, supervised: bool = True, cache: bool = True) -> pd.DataFrame:
    """Figures of every method on the shared labelled dev sets that are present.

    Returns columns ``dataset``, ``method`` (``vader``, ``rules``, ``tfidf_lr``, ``supervised``;
    see :data:`METHOD_NAMES`), ``n``, ``accuracy``, ``macro_f1`` (percent, 2 decimals). The
    supervised scorers are fit on NewsMTSC train and scored on the NewsMTSC dev sets only.
    Prints which datasets were not found; with none, returns an empty frame. Results are cached
    as Parquet under ``.cache/`` keyed by the data and code (``cache=False`` recomputes).
    """
    from analysis import paths

    present = [(name, paths.shared_data(folder) / file) for name, folder, file in SHARED_DEV_SETS]
    for name, file in present:
        if not file.is_file():
            print(f"dataset not found: {name} ({file})")
    present = [(name, file) for name, file in present if file.is_file()]
    if not present:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    train_file = paths.shared_data(SHARED_TRAIN[0]) / SHARED_TRAIN[1]
    supervised = supervised and train_file.is_file()
    files = [file for _, file in present] + ([train_file] if supervised else [])
    key = _summary_key(files, supervised)
    cached = paths.CACHE / "sentiment_validation" / f"summary_{key}.parquet"
    if cache and cached.is_file():
        return pd.read_parquet(cached)
    summary = _compute_summary(present, train_file if supervised else None)
    if cache:
        cached.parent.mkdir(parents=True, exist_ok=True)
        summary.to_parquet(cached, index=False)
    return summary


def _compute_summary(present: list[tuple[str, Path]], train_file: Path | None) -> pd.DataFrame:
    from analysis import sentiment_model as sm

    models = {}
    if train_file is not None:
        train = load_labelled(train_file)
        models = {"tfidf_lr": sm.fit_baseline(train), "supervised": sm.fit_model(train)}
    tables = []
    for name, file in present:
        frame = load_labelled(file)
        predictions = evaluate(frame)
        if name.startswith("newsmtsc"):
            predictions |= {key: sm.predict(model, frame) for key, model in models.items()}
        tables.append(results_table(frame["label"].tolist(), predictions).assign(dataset=name))
    return pd.concat(tables, ignore_index=True)[SUMMARY_COLUMNS]
