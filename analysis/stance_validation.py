"""Score the rule-based news stance (:func:`analysis.stance.stance`) against hand annotations.

An annotated set is a folder of seed-format ``.txt`` articles with ``targets.yaml`` (the
documented targets format) and ``stance_gold.csv`` (``doc_id,holder,target,stance,sentence``):
one row per (article, holder, target) whose position the article states, ``favor`` or
``against``; holders without a position are not listed; ``sentence`` (the start of the best
evidence sentence) is for humans only.

Matching: a gold pair and a predicted row match when ``doc_id`` and target are equal and the
holders are equal after case-folding, folding white space and dropping a leading ``the ``
(:func:`holder_key`); no other name variants. Outcomes: ``right``, ``wrong polarity``,
``missed`` (no row, or a neutral one) and ``extra`` (a favor/against row not in gold).
Scores follow SemEval: precision/recall/F1 of ``favor`` and of ``against`` over pairs and
``F_avg``, their mean; neutral is not a class.

``python -m analysis validate-stance-rules FOLDER [--targets FILE] [--gold FILE] [--details]``
prints the counts and scores; its last line is ``F_avg <percent>``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

GOLD_COLUMNS = ["doc_id", "holder", "target", "stance", "sentence"]
REQUIRED = GOLD_COLUMNS[:4]
OUTCOME_COLUMNS = ["doc_id", "holder", "target", "gold", "predicted", "evidence", "outcome",
                   "near", "gold_sentence"]
CLASSES = ("favor", "against")
NONE = "-"
"""Gold or predicted value of a pair that has no gold row / no predicted row."""


def holder_key(name: str) -> str:
    """Matching key of a holder: case-folded, spaces folded, a leading ``the `` dropped."""
    key = " ".join(str(name).casefold().split())
    return key[4:] if key.startswith("the ") else key


def _gold_problems(table: pd.DataFrame) -> list[str]:
    """A message per kind of bad gold row, with its line numbers (line 1 is the header)."""
    keys = table.assign(key=table["holder"].map(holder_key), tkey=table["target"].str.casefold())
    bad_stance = ~table["stance"].isin(CLASSES)
    checks = [
        (table[REQUIRED[:3]].eq("").any(axis=1), "empty doc_id, holder or target"),
        (bad_stance, "stance must be favor or against (list only holders with a position), "
                     f"not {sorted(set(table.loc[bad_stance, 'stance']))[:5]}"),
        (keys.duplicated(["doc_id", "key", "tkey"], keep=False),
         "duplicate (doc_id, holder, target) pair"),
    ]
    return [f"{message} on line(s) {[i + 2 for i in table.index[mask][:5]]}"
            for mask, message in checks if mask.any()]


def clean_gold(table: pd.DataFrame, *, where: str = "gold") -> pd.DataFrame:
    """Checked copy of a gold table: strings stripped, stance lower-cased, ``sentence`` optional.

    Raises:
        ValueError: a required column is missing, a cell is empty, a stance is not
            favor/against (any case), or a (doc_id, holder, target) pair is listed twice.
    """
    missing = [c for c in REQUIRED if c not in table.columns]
    if missing:
        raise ValueError(f"{where}: missing column(s) {missing}")
    out = table.reindex(columns=GOLD_COLUMNS, fill_value="").astype(object).fillna("")
    out = out.astype(str).apply(lambda col: col.str.strip()).reset_index(drop=True)
    out["stance"] = out["stance"].str.lower()
    problems = _gold_problems(out)
    if problems:
        raise ValueError(f"{where}: " + "; ".join(problems))
    return out


def load_stance_gold(path: str | Path) -> pd.DataFrame:
    """Gold stance pairs from ``stance_gold.csv`` (columns :data:`GOLD_COLUMNS`), checked."""
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except pd.errors.EmptyDataError as err:
        raise ValueError(f"{path}: empty file") from err
    table.columns = [str(c).strip() for c in table.columns]
    return clean_gold(table, where=str(path))


def _best_predictions(predicted: pd.DataFrame) -> pd.DataFrame:
    """One predicted row per matching key: the strongest (|score|), ties by holder name."""
    cols = ["doc_id", "holder", "target", "stance", "evidence", "key"]
    if predicted.empty:
        return pd.DataFrame(columns=cols)
    ranked = predicted.assign(key=predicted["holder"].map(holder_key),
                              strength=predicted["score"].abs())
    ranked = ranked.sort_values(["strength", "holder"], ascending=[False, True], kind="mergesort")
    return ranked.drop_duplicates(["doc_id", "key", "target"])[cols]


def _outcome(gold: str, predicted: str) -> str:
    if gold == NONE:
        return "extra"
    if predicted not in CLASSES:
        return "missed"
    return "right" if predicted == gold else "wrong polarity"


def _first(evidence: Any) -> str:
    return str(evidence[0]) if isinstance(evidence, (list, tuple)) and len(evidence) else ""


def _similar(a: str, b: str) -> bool:
    """Does one holder key contain the other as whole words (``rutte`` / ``mark rutte``)?"""
    return a != b and (f" {a} " in f" {b} " or f" {b} " in f" {a} ")


def _near(outcomes: pd.DataFrame) -> list[str]:
    """For missed pairs: extra holders of the same doc and target with a similar name."""
    extras = outcomes[outcomes["outcome"] == "extra"]
    near = []
    for row in outcomes.itertuples(index=False):
        same = extras[(extras["doc_id"] == row.doc_id) & (extras["target"] == row.target)]
        if row.outcome != "missed":
            same = same.iloc[:0]
        near.append("; ".join(
            f"{h} ({p})" for h, p in zip(same["holder"], same["predicted"], strict=True)
            if _similar(holder_key(h), holder_key(row.holder))))
    return near


def match_stance(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """One outcome row per gold pair and per favor/against predicted pair not in gold.

    Args:
        predicted: :func:`analysis.stance.stance` output (``doc_id, holder, target, stance,
            score, evidence``).
        gold: :func:`load_stance_gold` output (target names as in ``predicted``).

    Returns:
        Columns :data:`OUTCOME_COLUMNS`, sorted by doc_id, target, holder. ``predicted`` is
        favor/against/neutral or ``-`` (no row); ``evidence`` is the predicting row's first
        evidence sentence; ``near`` names, for a missed pair, extra holders of the same doc and
        target whose name contains the gold holder's or is contained in it (not scored).
    """
    best = _best_predictions(predicted)
    gold = gold.assign(key=gold["holder"].map(holder_key))
    merged = gold.merge(best, on=["doc_id", "key", "target"], how="outer",
                        suffixes=("", "_p"), indicator=True)
    in_gold = merged["_merge"] != "right_only"
    merged = merged[in_gold | merged["stance_p"].isin(CLASSES)]
    in_gold = merged["_merge"] != "right_only"
    out = pd.DataFrame({
        "doc_id": merged["doc_id"], "holder": merged["holder"].where(in_gold, merged["holder_p"]),
        "target": merged["target"], "gold": merged["stance"].where(in_gold, NONE),
        "predicted": merged["stance_p"].fillna(NONE),
        "evidence": [_first(e) for e in merged["evidence"]],
        "gold_sentence": merged["sentence"].fillna("")})
    out["outcome"] = [_outcome(g, p) for g, p in zip(out["gold"], out["predicted"], strict=True)]
    out = out.sort_values(["doc_id", "target", "holder"], kind="mergesort", ignore_index=True)
    return out.assign(near=_near(out))[OUTCOME_COLUMNS]


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _class_scores(outcomes: pd.DataFrame, cls: str) -> dict[str, float]:
    """Gold, predicted and right pair counts of one class, with precision, recall and F1."""
    gold, predicted = outcomes["gold"] == cls, outcomes["predicted"] == cls
    n_gold, n_pred, right = int(gold.sum()), int(predicted.sum()), int((gold & predicted).sum())
    precision = right / n_pred if n_pred else 0.0
    recall = right / n_gold if n_gold else 0.0
    return {f"{cls}_gold": n_gold, f"{cls}_predicted": n_pred, f"{cls}_right": right,
            f"{cls}_precision": precision, f"{cls}_recall": recall,
            f"{cls}_f1": _f1(precision, recall)}


def stance_scores(outcomes: pd.DataFrame) -> dict[str, float]:
    """Counts and scores (fractions 0..1) of a :func:`match_stance` table.

    ``<class>_precision/recall/f1`` for favor and against over pairs; ``f_avg`` = their mean F1
    (SemEval); ``pair_recall`` = gold pairs found with any favor/against row;
    ``polarity_accuracy`` = right among those found; outcome counts ``right``,
    ``wrong_polarity``, ``missed``, ``extra``; ``near`` = missed pairs with a similar-name extra.
    """
    counts = outcomes["outcome"].value_counts()
    right, wrong = int(counts.get("right", 0)), int(counts.get("wrong polarity", 0))
    missed, extra = int(counts.get("missed", 0)), int(counts.get("extra", 0))
    gold, found = right + wrong + missed, right + wrong
    scores: dict[str, float] = {
        "gold": gold, "predicted": found + extra, "right": right, "wrong_polarity": wrong,
        "missed": missed, "extra": extra, "near": int((outcomes["near"] != "").sum()),
        "pair_recall": found / gold if gold else 0.0,
        "polarity_accuracy": right / found if found else 0.0}
    for cls in CLASSES:
        scores.update(_class_scores(outcomes, cls))
    scores["f_avg"] = (scores["favor_f1"] + scores["against_f1"]) / 2
    return scores


TABLE_PERCENTS = {
    "pair recall": "pair_recall", "polarity accuracy": "polarity_accuracy",
    "favor P": "favor_precision", "favor R": "favor_recall", "favor F1": "favor_f1",
    "against P": "against_precision", "against R": "against_recall", "against F1": "against_f1",
    "F_avg": "f_avg"}


def _annotated_articles(outcomes: pd.DataFrame) -> int:
    """Number of documents with at least one gold pair."""
    return int(outcomes.loc[outcomes["gold"] != NONE, "doc_id"].nunique())


def stance_accuracy_table(outcomes: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row of counts and percentages (1 decimal) per named :func:`match_stance` table."""
    rows = []
    for name, table in outcomes.items():
        s = stance_scores(table)
        rows.append({"set": name, "articles": _annotated_articles(table),
                     **{k.replace("_", " "): s[k] for k in
                        ("gold", "predicted", "right", "wrong_polarity", "missed", "extra")},
                     **{col: round(100 * s[key], 1) for col, key in TABLE_PERCENTS.items()}})
    return pd.DataFrame(rows)


def _canonical_targets(gold: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    """Gold targets spelled as the targets file does (case-insensitive); unknown ones refused."""
    by_key = {n.casefold(): n for n in names}
    unknown = sorted(set(gold["target"]) - {t for t in gold["target"] if t.casefold() in by_key})
    if unknown:
        raise ValueError(f"gold targets not in the targets file: {unknown[:5]}")
    return gold.assign(target=[by_key[t.casefold()] for t in gold["target"]])


def validate_stance_rules(folder: str | Path, *, targets: Any = None,
                          gold: str | Path | pd.DataFrame | None = None) -> pd.DataFrame:
    """Run :func:`analysis.stance.stance` on an annotated folder and match it to the gold pairs.

    Args:
        folder: seed-format ``.txt`` articles (every article is scored, annotated or not).
        targets: anything ``parse_targets`` accepts (None: ``FOLDER/targets.yaml``).
        gold: ``stance_gold.csv`` path or a gold frame (None: ``FOLDER/stance_gold.csv``).

    Raises:
        ValueError: bad gold rows, gold documents not in the corpus or gold targets not in
            the targets file (typos would otherwise count as missed pairs).
    """
    from analysis.corpus import load_articles
    from analysis.paths import resolve
    from analysis.stance import stance
    from analysis.stance_targets import parse_targets

    base = resolve(folder)
    parsed = parse_targets(base / "targets.yaml" if targets is None else targets)
    if not isinstance(gold, pd.DataFrame):
        gold = load_stance_gold(base / "stance_gold.csv" if gold is None else resolve(gold))
    gold = _canonical_targets(clean_gold(gold), [t.name for t in parsed])
    articles, problems = load_articles(base)
    for row in problems.itertuples():
        print(f"skipped {row.input}: {row.reason}", file=sys.stderr)
    unknown = sorted(set(gold["doc_id"]) - set(articles["doc_id"]))
    if unknown:
        raise ValueError(f"annotated documents not in the corpus: {unknown[:5]}")
    return match_stance(stance(articles, parsed), gold)


def _details(outcomes: pd.DataFrame) -> list[str]:
    """One line per non-right outcome, with the evidence (or the gold sentence when none)."""
    lines = []
    for row in outcomes[outcomes["outcome"] != "right"].itertuples(index=False):
        text = row.evidence or (f"gold: {row.gold_sentence}" if row.gold_sentence else "")
        near = f" near={row.near}" if row.near else ""
        lines.append(f"{row.outcome:<14} {row.doc_id}: {row.holder} / {row.target} "
                     f"gold={row.gold} predicted={row.predicted}{near} | {text[:120]}")
    return lines


def _summary(s: dict[str, float], n_articles: int) -> list[str]:
    """The printed counts and scores (percent, 2 decimals); the last line is ``F_avg``."""
    lines = [f"{s['gold']} gold pairs in {n_articles} annotated articles, {s['predicted']} "
             f"predicted favor/against pairs: {s['right']} right, {s['wrong_polarity']} wrong "
             f"polarity, {s['missed']} missed, {s['extra']} extra",
             f"pair recall {100 * s['pair_recall']:.2f}, polarity accuracy "
             f"{100 * s['polarity_accuracy']:.2f}"]
    if s["near"]:
        lines.append(f"{s['near']} missed pair(s) predicted under a similar holder name "
                     "(see --details, near=)")
    for cls in CLASSES:
        lines.append(f"{cls}: precision {100 * s[f'{cls}_precision']:.2f}, recall "
                     f"{100 * s[f'{cls}_recall']:.2f}, F1 {100 * s[f'{cls}_f1']:.2f} "
                     f"({s[f'{cls}_gold']} gold, {s[f'{cls}_predicted']} predicted)")
    return [*lines, f"F_avg {100 * s['f_avg']:.2f}"]


def cli(argv: list[str]) -> int:
    """``validate-stance-rules FOLDER [--targets FILE] [--gold FILE] [--details]``."""
    parser = argparse.ArgumentParser(prog="python -m analysis validate-stance-rules",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", help="folder of seed-format .txt articles")
    parser.add_argument("--targets", help="targets file (default: FOLDER/targets.yaml)")
    parser.add_argument("--gold", help="gold pairs (default: FOLDER/stance_gold.csv)")
    parser.add_argument("--details", action="store_true",
                        help="list every wrong-polarity, missed and extra pair with its evidence")
    args = parser.parse_args(argv)
    try:
        outcomes = validate_stance_rules(args.folder, targets=args.targets, gold=args.gold)
    except KeyError as err:  # a documented-form target without "name"
        print(f"error: targets file: missing key {err}")
        return 2
    except (OSError, ValueError, yaml.YAMLError) as err:
        print(f"error: {err}")
        return 2
    for line in _details(outcomes) if args.details else []:
        print(line)
    print("\n".join(_summary(stance_scores(outcomes), _annotated_articles(outcomes))))
    return 0
