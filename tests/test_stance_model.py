"""Exact tests for the supervised stance model (analysis.stance_model) on tiny fixtures."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import paths
from analysis.stance_model import (
    cli,
    confusion,
    evaluate,
    f_avg,
    fit_stance_model,
    long_format,
    predict,
    predict_scores,
    prepare,
)

FIXTURES = paths.TESTS / "fixtures" / "stance"
TRAIN = FIXTURES / "labelled_wide.csv"
TEST = FIXTURES / "labelled_wide_test.csv"


def test_evaluate_hand_computed():
    gold = pd.Series(["AGAINST", "FAVOR", "NONE", "AGAINST", "FAVOR", "NONE"])
    pred = pd.Series(["AGAINST", "FAVOR", "FAVOR", "NONE", "FAVOR", "NONE"])
    targets = pd.Series(["A", "A", "A", "B", "B", "B"])
    out = evaluate(gold, pred, targets)
    # A: AGAINST 1/1, FAVOR P=1/2 R=1 -> 2/3, NONE 0 -> macro 5/9 = 55.56; F_avg (1 + 2/3)/2
    # B: AGAINST 0, FAVOR 1, NONE P=1/2 R=1 -> 2/3 -> 55.56; F_avg 1/2
    # pooled: AGAINST P=1 R=1/2 -> 2/3; FAVOR P=2/3 R=1 -> 4/5; NONE P=1/2 R=1/2 -> 1/2
    assert out.to_dict("list") == {
        "target": ["A", "B", "overall (pooled rows)"], "n": [3, 3, 6],
        "accuracy": [66.67, 66.67, 66.67], "macro_f1": [55.56, 55.56, 65.56],
        "f_avg": [83.33, 50.0, 73.33]}
    assert round(f_avg(gold, pred), 2) == 73.33


def test_confusion_rows_gold_columns_predicted():
    gold = pd.Series(["FAVOR", "FAVOR", "NONE"])
    pred = pd.Series(["FAVOR", "NONE", "NONE"])
    out = confusion(gold, pred, ["AGAINST", "FAVOR", "NONE"])
    assert out.values.tolist() == [[0, 0, 0], [0, 1, 1], [0, 0, 1]]
    assert (out.index.name, out.columns.name) == ("gold", "predicted")


def test_long_format_and_prepare_detect_wide_pairs():
    wide = pd.read_csv(TRAIN)
    auto = prepare(wide)
    explicit = prepare(wide, text="tweet", pairs=[("target_1", "stance_1"),
                                                  ("target_2", "stance_2")])
    pd.testing.assert_frame_equal(auto, explicit)
    assert list(auto.columns) == ["group", "text", "target", "label"]
    assert auto.head(2).values.tolist() == [
        [0, "We stand with the north and its brave people", "North", "FAVOR"],
        [0, "We stand with the north and its brave people", "South", "AGAINST"]]
    only_first = long_format(wide, [("target_1", "stance_1")], text="tweet")
    assert only_first["target"].unique().tolist() == ["North"]


def test_prepare_long_file():
    rows = pd.DataFrame({"body": ["a b", "a b", "c"], "topic": ["x", "y", "x"],
                         "gold": ["favor", "none", "against"]})
    out = prepare(rows, target="topic", label="gold")
    assert out.values.tolist() == [[0, "a b", "x", "FAVOR"], [0, "a b", "y", "NONE"],
                                   [1, "c", "x", "AGAINST"]]


def test_fit_predict_deterministic_and_joint_model():
    train, test = prepare(pd.read_csv(TRAIN)), prepare(pd.read_csv(TEST))
    model = fit_stance_model(train, group="group")
    assert model.joint_targets == ["North", "South"]
    first = predict(model, test).tolist()
    assert first == ["FAVOR", "AGAINST", "AGAINST", "FAVOR", "NONE", "NONE", "AGAINST", "FAVOR"]
    again = predict(fit_stance_model(train, group="group"), test).tolist()
    assert again == first
    scores = predict_scores(model, test)
    assert list(scores.columns) == ["AGAINST", "FAVOR", "NONE"]
    assert scores.index.equals(test.index)


def test_no_joint_model_when_targets_incomplete():
    train = prepare(pd.read_csv(TRAIN))
    model = fit_stance_model(train.iloc[1:], group="group")
    assert model.joint_targets == []
    per_target = fit_stance_model(train, group="group", method="per-target")
    assert per_target.joint_targets == []


def test_input_not_mutated():
    train = prepare(pd.read_csv(TRAIN))
    before = train.copy()
    fit_stance_model(train, group="group")
    pd.testing.assert_frame_equal(train, before)


def test_cli_last_line_is_macro_f1(capsys):
    assert cli(["--train", str(TRAIN), "--test", str(TEST)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == ("train: 9 texts, 18 rows; test: 4 texts, 8 rows; "
                        "targets: North, South; method: ensemble")
    assert lines[-1] == "macro-F1 75.56"
    assert any("F_avg" in line for line in lines)


def test_cli_pairs_option(capsys):
    assert cli(["--train", str(TRAIN), "--test", str(TEST), "--pairs", "target_1:stance_1",
                "--method", "per-target"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert "targets: North;" in lines[0]
    assert lines[-1].startswith("macro-F1 ")


def test_unknown_method_rejected():
    with pytest.raises(SystemExit):
        cli(["--train", str(TRAIN), "--test", str(TEST), "--method", "magic"])
