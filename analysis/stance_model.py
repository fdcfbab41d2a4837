"""Supervised stance: fit a scikit-learn model on user-labelled (text, target, label) rows.

Rows are long: one per (text, target). ``fit_stance_model`` trains, per target, a linear model
on word (1-2) and character (2-5) TF-IDF n-grams with balanced class weights; when every text
is labelled for the same set of targets (RUW: Russia and Ukraine), a *joint* model of the label
combination is trained too and its marginals are averaged with the per-target scores (the two
labels of a tweet are strongly correlated). Everything is deterministic (fixed seeds).

``python -m analysis validate-stance --train FILE --test FILE`` prints per-target and overall
accuracy / macro-F1, confusion matrices, the plain TF-IDF + logistic regression baseline, the
SemEval F_avg, and ``macro-F1 <value>`` as its last line. "Overall macro-F1" is the macro
average over the label classes of F1 computed on the pooled (text, target) rows.

>>> import pandas as pd
>>> rows = pd.DataFrame({"text": ["love it", "hate it", "love this", "hate this"] * 3,
...                      "target": ["x"] * 12, "label": ["FAVOR", "AGAINST"] * 6})
>>> model = fit_stance_model(rows)
>>> predict(model, pd.DataFrame({"text": ["i love", "i hate"], "target": ["x", "x"]})).tolist()
['FAVOR', 'AGAINST']
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.svm import LinearSVC

Method = Literal["ensemble", "per-target", "baseline"]
SEED = 0
TOKEN_PATTERN = r"(?u)#?\b\w+\b"  # words, numbers and hashtags
JOINT_SEP = "\x1f"


@dataclass
class StanceModel:
    """A fitted stance model: features and classifiers per target, optional joint model."""

    method: str
    labels: list[str]
    targets: list[str]
    features: dict[str, list[TfidfVectorizer]] = field(default_factory=dict)
    classifiers: dict[str, object] = field(default_factory=dict)
    joint_targets: list[str] = field(default_factory=list)
    joint_weight: float = 0.3


def _vectorizers(method: str) -> list[TfidfVectorizer]:
    if method == "baseline":
        return [TfidfVectorizer()]
    return [TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=TOKEN_PATTERN),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)]


def _fit_features(vecs: list[TfidfVectorizer], texts: list[str]) -> csr_matrix:
    return hstack([v.fit_transform(texts) for v in vecs]).tocsr()


def _features(vecs: list[TfidfVectorizer], texts: list[str]) -> csr_matrix:
    return hstack([v.transform(texts) for v in vecs]).tocsr()


def _classifier(method: str):
    if method == "baseline":
        return LogisticRegression(max_iter=1000, random_state=SEED)
    return LinearSVC(C=0.1, class_weight="balanced", random_state=SEED)


def _scores(clf, X: csr_matrix) -> np.ndarray:
    """Class scores as a probability-like softmax (decision functions for linear SVMs)."""
    if hasattr(clf, "predict_proba"):
        return clf.predict_proba(X)
    z = clf.decision_function(X)
    z = z.reshape(len(z), -1) if z.ndim == 1 else z
    if z.shape[1] == 1:
        z = np.hstack([-z, z])
    z = 3.0 * (z - z.max(axis=1, keepdims=True))
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _joint_frame(frame: pd.DataFrame, group: pd.Series, targets: list[str]) -> pd.DataFrame | None:
    """One row per group with the label of each target, when every group has all targets once."""
    wide = frame.assign(_g=group.to_numpy()).pivot_table(
        index="_g", columns="target", values="label", aggfunc="first", sort=True)
    counts = frame.assign(_g=group.to_numpy()).groupby("_g")["target"].agg(["size", "nunique"])
    complete = (counts["size"] == len(targets)) & (counts["nunique"] == len(targets))
    if len(targets) < 2 or not complete.all() or wide.isna().any().any():
        return None
    text = frame.assign(_g=group.to_numpy()).groupby("_g", sort=True)["text"].first()
    return wide[targets].assign(text=text, joint=wide[targets].agg(JOINT_SEP.join, axis=1))


def _normalise_frame(frame: pd.DataFrame, text: str, target: str,
                     label: str | None) -> pd.DataFrame:
    cols = {text: "text", target: "target"} | ({label: "label"} if label else {})
    out = frame[list(cols)].rename(columns=cols)
    out = out.assign(text=out["text"].fillna("").astype(str), target=out["target"].astype(str))
    return out.assign(label=out["label"].astype(str).str.upper()) if label else out


def fit_stance_model(frame: pd.DataFrame, *, text: str = "text", target: str = "target",
                     label: str = "label", group: str | None = None,
                     method: Method = "ensemble") -> StanceModel:
    """Fit a stance model on labelled rows (one per text and target).

    Args:
        frame: labelled rows.
        text, target, label: column names.
        group: column identifying the text a row belongs to (default: the text itself);
            used for the joint model of the targets' labels.
        method: ``"ensemble"`` (per-target + joint, default), ``"per-target"``, or
            ``"baseline"`` (plain TF-IDF + logistic regression per target).
    """
    rows = _normalise_frame(frame, text, target, label)
    targets = sorted(rows["target"].unique())
    model = StanceModel(method, sorted(rows["label"].unique()), targets)
    for tgt in targets:
        part = rows[rows["target"] == tgt]
        vecs = _vectorizers(method)
        clf = _classifier(method).fit(_fit_features(vecs, part["text"].tolist()), part["label"])
        model.features[tgt], model.classifiers[tgt] = vecs, clf
    groups = frame[group] if group else rows["text"]
    joint = _joint_frame(rows, groups, targets) if method == "ensemble" else None
    if joint is not None:
        vecs = _vectorizers(method)
        clf = _classifier(method).fit(_fit_features(vecs, joint["text"].tolist()), joint["joint"])
        model.features["\x00joint"], model.classifiers["\x00joint"] = vecs, clf
        model.joint_targets = targets
    return model


def predict_scores(model: StanceModel, frame: pd.DataFrame, *, text: str = "text",
                   target: str = "target") -> pd.DataFrame:
    """Per-row class scores (columns = ``model.labels``), same index as ``frame``."""
    rows = _normalise_frame(frame, text, target, None)
    out = pd.DataFrame(0.0, index=frame.index, columns=model.labels)
    for tgt, part in rows.groupby("target", sort=True):
        if tgt not in model.classifiers:
            continue  # unseen target: all scores stay 0 -> first label; documented limit
        clf = model.classifiers[tgt]
        scores = _scores(clf, _features(model.features[tgt], part["text"].tolist()))
        block = pd.DataFrame(scores, index=part.index, columns=list(clf.classes_))
        if model.joint_targets:
            block = (1 - model.joint_weight) * block + model.joint_weight * _joint_marginal(
                model, part["text"].tolist(), tgt, part.index)
        out.loc[part.index, block.columns] = block.to_numpy()
    return out


def _joint_marginal(model: StanceModel, texts: list[str], tgt: str,
                    index: pd.Index) -> pd.DataFrame:
    """Scores of ``tgt``'s labels summed over the joint model's label combinations."""
    clf = model.classifiers["\x00joint"]
    scores = _scores(clf, _features(model.features["\x00joint"], texts))
    k = model.joint_targets.index(tgt)
    parts = [c.split(JOINT_SEP)[k] for c in clf.classes_]
    out = pd.DataFrame(0.0, index=index, columns=model.labels)
    for j, lab in enumerate(parts):
        out[lab] += scores[:, j]
    return out


def predict(model: StanceModel, frame: pd.DataFrame, *, text: str = "text",
            target: str = "target") -> pd.Series:
    """Predicted label per row (highest score; ties: label order)."""
    scores = predict_scores(model, frame, text=text, target=target)
    labels = np.array(model.labels)[scores.to_numpy().argmax(axis=1)]
    return pd.Series(labels, index=frame.index, name="prediction")


def long_format(frame: pd.DataFrame, pairs: list[tuple[str, str]], *, text: str) -> pd.DataFrame:
    """Wide rows with several (target column, label column) pairs -> long rows.

    >>> wide = pd.DataFrame({"t": ["a"], "target_1": ["X"], "stance_1": ["FAVOR"],
    ...                      "target_2": ["Y"], "stance_2": ["NONE"]})
    >>> pairs = [("target_1", "stance_1"), ("target_2", "stance_2")]
    >>> long_format(wide, pairs, text="t").values.tolist()
    [[0, 'a', 'X', 'FAVOR'], [0, 'a', 'Y', 'NONE']]
    """
    parts = [pd.DataFrame({"group": np.arange(len(frame)), "text": frame[text].to_numpy(),
                           "target": frame[t].to_numpy(), "label": frame[lab].to_numpy()})
             for t, lab in pairs]
    out = pd.concat(parts, ignore_index=True)
    return out.sort_values(["group", "target"], kind="mergesort").reset_index(drop=True)


def f_avg(gold: pd.Series, pred: pd.Series) -> float:
    """SemEval-2016 F_avg: mean F1 of the FAVOR and AGAINST classes (percent)."""
    f1s = f1_score(gold, pred, labels=["FAVOR", "AGAINST"], average=None, zero_division=0)
    return float(np.mean(f1s) * 100)


def evaluate(gold: pd.Series, pred: pd.Series, targets: pd.Series) -> pd.DataFrame:
    """Per-target and overall (pooled rows) n, accuracy, macro-F1 (3 classes) and F_avg, percent."""
    rows = []
    groups = [(t, targets == t) for t in sorted(targets.unique())]
    for name, mask in [*groups, ("overall (pooled rows)", pd.Series(True, index=gold.index))]:
        g, p = gold[mask], pred[mask]
        rows.append({"target": name, "n": int(mask.sum()),
                     "accuracy": round(accuracy_score(g, p) * 100, 2),
                     "macro_f1": round(f1_score(g, p, average="macro", zero_division=0) * 100, 2),
                     "f_avg": round(f_avg(g, p), 2)})
    return pd.DataFrame(rows)


def confusion(gold: pd.Series, pred: pd.Series, labels: list[str]) -> pd.DataFrame:
    """Confusion matrix: rows = gold label, columns = predicted label."""
    matrix = confusion_matrix(gold, pred, labels=labels)
    return pd.DataFrame(matrix, index=pd.Index(labels, name="gold"),
                        columns=pd.Index(labels, name="predicted"))


def _detect_pairs(frame: pd.DataFrame) -> list[tuple[str, str]]:
    pairs, k = [], 1
    while f"target_{k}" in frame.columns and f"stance_{k}" in frame.columns:
        pairs.append((f"target_{k}", f"stance_{k}"))
        k += 1
    return pairs


def prepare(frame: pd.DataFrame, *, text: str | None = None, target: str = "target",
            label: str = "label", pairs: list[tuple[str, str]] | None = None) -> pd.DataFrame:
    """Long rows (group, text, target, label) from a long file or from wide column pairs.

    Wide pairs are used when given, or detected as ``target_N``/``stance_N`` when the long
    ``target``/``label`` columns are absent. ``text`` defaults to the first of text/tweet/body.
    """
    text = text or next((c for c in ("text", "tweet", "body") if c in frame.columns), "text")
    if pairs is None and not {target, label} <= set(frame.columns):
        pairs = _detect_pairs(frame) or None
    if pairs:
        return long_format(frame, pairs, text=text)
    out = _normalise_frame(frame, text, target, label)
    return out.assign(group=out["text"].factorize()[0])[["group", "text", "target", "label"]]


def validate(train: pd.DataFrame, test: pd.DataFrame, *, method: Method = "ensemble") -> dict:
    """Fit on ``train`` and score on ``test`` (both from :func:`prepare`); also the baseline.

    Returns:
        ``{"scores": evaluate(...) frame, "baseline": same for the plain baseline,
        "confusion": {target or "overall": frame}, "predictions": Series}``.
    """
    model = fit_stance_model(train, group="group", method=method)
    pred = predict(model, test)
    base = predict(fit_stance_model(train, group="group", method="baseline"), test)
    labels = sorted(set(train["label"]) | set(test["label"]))
    gold = test["label"].astype(str).str.upper()
    conf = {t: confusion(gold[test["target"] == t], pred[test["target"] == t], labels)
            for t in sorted(test["target"].unique())}
    conf["overall"] = confusion(gold, pred, labels)
    return {"scores": evaluate(gold, pred, test["target"]),
            "baseline": evaluate(gold, base, test["target"]), "confusion": conf,
            "predictions": pred}


def _parse_pairs(spec: str | None) -> list[tuple[str, str]] | None:
    if not spec:
        return None
    return [tuple(p.split(":", 1)) for p in spec.split(",")]  # type: ignore[misc]


def _read(path: str) -> pd.DataFrame:
    from analysis.paths import resolve

    file = resolve(path)
    if file.suffix == ".jsonl":
        return pd.read_json(file, lines=True)
    if file.suffix == ".parquet":
        return pd.read_parquet(file)
    return pd.read_csv(file, sep="\t" if file.suffix == ".tsv" else ",")


def cli(argv: list[str]) -> int:
    """``python -m analysis validate-stance --train FILE --test FILE [...]``; last line macro-F1."""
    parser = argparse.ArgumentParser(prog="python -m analysis validate-stance",
                                     description="Train the supervised stance model and score it.")
    parser.add_argument("--train", required=True)
    parser.add_argument("--test", required=True)
    parser.add_argument("--text", default=None, help="text column (default: text/tweet/body)")
    parser.add_argument("--target", default="target", help="target column (long format)")
    parser.add_argument("--label", default="label", help="label column (long format)")
    parser.add_argument("--pairs", default=None,
                        help="wide format: target_col:label_col,... (default: target_N:stance_N)")
    parser.add_argument("--method", default="ensemble", choices=["ensemble", "per-target",
                                                                 "baseline"])
    args = parser.parse_args(argv)
    options = {"text": args.text, "target": args.target, "label": args.label,
               "pairs": _parse_pairs(args.pairs)}
    train, test = prepare(_read(args.train), **options), prepare(_read(args.test), **options)
    print(f"train: {train['group'].nunique()} texts, {len(train)} rows; "
          f"test: {test['group'].nunique()} texts, {len(test)} rows; "
          f"targets: {', '.join(sorted(train['target'].unique()))}; method: {args.method}")
    result = validate(train, test, method=args.method)
    print("\nbaseline (plain TF-IDF + logistic regression, per target), percent:")
    print(result["baseline"].to_string(index=False))
    print(f"\n{args.method} model, percent (overall = macro over the classes of F1 on the pooled "
          "(text, target) rows; F_avg = mean F1 of FAVOR and AGAINST):")
    print(result["scores"].to_string(index=False))
    for name, frame in result["confusion"].items():
        print(f"\nconfusion, {name} (rows gold, columns predicted):")
        print(frame.to_string())
    overall = result["scores"].iloc[-1]
    print(f"\nmacro-F1 {overall['macro_f1']:.2f}")
    return 0
