"""Tests for analysis.sentiment_validation: labels, metrics, loading, the CLI and the summary."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis import sentiment_validation as sv

FIXTURES = sv.Path(__file__).parent / "fixtures" / "sentiment_validation"
LAST_LINE = re.compile(r"^macro-F1 \d{1,3}\.\d{2}$")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = sv.cli([str(a) for a in argv])
    return code, capsys.readouterr().out.rstrip("\n").split("\n")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["Negative", "NEUTRAL", "positive"], ["negative", "neutral", "positive"]),
        (["neg", "neu", "pos"], ["negative", "neutral", "positive"]),
        (["-", "0", "+"], ["negative", "neutral", "positive"]),
        ([2.0, 4.0, 6.0, 4], ["negative", "neutral", "positive", "neutral"]),
        (["2", "6"], ["negative", "positive"]),
        ([-1, 0, 1], ["negative", "neutral", "positive"]),
        ([" Pos "], ["positive"]),
    ],
)
def test_normalize_labels_variants(values, expected):
    assert sv.normalize_labels(values).tolist() == expected


@pytest.mark.parametrize("values", [["good", "bad"], [1, 2, 3], [2.0, 4.0, "positive"], [5]])
def test_normalize_labels_rejects_unknown_or_mixed(values):
    with pytest.raises(ValueError):
        sv.normalize_labels(values)


GOLD = ["negative", "negative", "neutral", "positive", "positive", "neutral"]
PRED = ["negative", "neutral", "neutral", "positive", "negative", "neutral"]


def test_confusion_matrix_by_hand():
    matrix = sv.confusion(GOLD, PRED)
    assert matrix.index.name == "gold" and matrix.columns.name == "predicted"
    assert matrix.to_numpy().tolist() == [[1, 1, 0], [0, 2, 0], [1, 0, 1]]


def test_metrics_by_hand():
    m = sv.metrics(GOLD, PRED)
    # F1: negative 2*1/(2+2) = 0.5; neutral 2*2/(3+2) = 0.8; positive 2*1/(1+2) = 2/3
    assert m["n"] == 6
    assert m["accuracy"] == pytest.approx(4 / 6)
    assert m["f1_negative"] == pytest.approx(0.5)
    assert m["f1_neutral"] == pytest.approx(0.8)
    assert m["f1_positive"] == pytest.approx(2 / 3)
    assert m["macro_f1"] == pytest.approx((0.5 + 0.8 + 2 / 3) / 3)


def test_metrics_absent_class_counts_as_zero():
    m = sv.metrics(["negative", "negative"], ["negative", "negative"])
    assert m["macro_f1"] == pytest.approx(1 / 3)
    assert m["accuracy"] == 1.0


def test_format_report_table_matrix_and_last_line():
    report = sv.format_report(GOLD, {"vader": PRED, "rules": GOLD}, "vader").split("\n")
    assert report[-1] == "macro-F1 65.56"
    assert report[1].startswith("VADER, whole text (baseline) *")
    assert report[1].split()[-3:] == ["6", "66.67", "65.56"]
    assert report[2].split()[-3:] == ["6", "100.00", "100.00"]
    assert report[-4].split() == ["negative", "1", "1", "0"]
    assert report[-2].split() == ["positive", "1", "0", "1"]


def test_read_table_explodes_newsmtsc_jsonl():
    frame = sv.read_table(FIXTURES / "newsmtsc_like.jsonl")
    assert frame.columns.tolist() == ["sentence", "mention", "from", "to", "label"]
    assert frame["mention"].tolist() == ["Lee", "Doe", "Kim"]
    assert frame["label"].tolist() == [6.0, 2.0, 4.0]


def test_load_labelled_guesses_columns():
    frame = sv.load_labelled(FIXTURES / "targets.csv")
    assert frame.columns.tolist() == ["text", "label", "target", "start", "end"]
    row = frame.iloc[5]
    assert row["text"][row["start"]:row["end"]] == row["target"] == "Brown"
    docs = sv.load_labelled(FIXTURES / "documents.csv")
    assert docs.columns.tolist() == ["text", "label", "target"]
    assert docs["label"].tolist() == ["positive", "negative", "neutral"]


def test_load_labelled_explicit_columns_and_errors():
    frame = sv.load_labelled(FIXTURES / "variants.csv", text="text", label="sentiment")
    assert frame["label"].tolist() == ["positive", "negative", "neutral", "neutral"]
    with pytest.raises(ValueError, match="not in"):
        sv.load_labelled(FIXTURES / "variants.csv", label="nope")


def test_cli_rules_on_targets(capsys):
    code, lines = _run(capsys, FIXTURES / "targets.csv")
    assert code == 0
    # gold neg,pos,neu,neg,pos,neg; predicted neg,pos,neu,neg,neg,neg (the praised "Jones" is
    # missed): F1 negative 6/7, neutral 1, positive 2/3 -> macro 0.84127; accuracy 5/6
    assert lines[-1] == "macro-F1 84.13"
    rules = next(line for line in lines if line.startswith("target-aware rules"))
    assert rules.split()[-3:] == ["6", "83.33", "84.13"]
    assert any(line.startswith("target-aware rules (no training) *") for line in lines)
    assert any(line.startswith("VADER, whole text (baseline)") for line in lines)


def test_cli_jsonl_and_documents(capsys):
    for name in ("newsmtsc_like.jsonl", "documents.csv"):
        code, lines = _run(capsys, FIXTURES / name)
        assert code == 0 and lines[-1] == "macro-F1 100.00"


def test_cli_without_target_uses_vader(capsys):
    code, lines = _run(capsys, FIXTURES / "variants.csv", "--label", "sentiment")
    assert code == 0
    assert LAST_LINE.match(lines[-1])
    assert any(line.startswith("VADER, whole text (baseline) *") for line in lines)


def test_cli_with_train_reports_supervised(capsys):
    code, lines = _run(capsys, FIXTURES / "targets.csv", "--train", FIXTURES / "train_tiny.csv")
    assert code == 0
    assert LAST_LINE.match(lines[-1])
    assert any(line.startswith("target-aware supervised (LinearSVC) *") for line in lines)
    assert any(line.startswith("TF-IDF + logistic regression (baseline)") for line in lines)


def test_cli_bad_column_is_an_error(capsys):
    code, lines = _run(capsys, FIXTURES / "targets.csv", "--label", "missing")
    assert code == 2
    assert lines[-1].startswith("error: label column 'missing'")


def test_cli_file_without_rows_is_an_error(tmp_path, capsys):
    empty = tmp_path / "empty.csv"
    empty.write_text("text,label\n", encoding="utf-8")
    code, lines = _run(capsys, empty)
    assert code == 2
    assert lines[-1] == f"error: no labelled rows in {empty}"


def test_validation_summary_without_data(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWS_EDA_SHARED_DATA", str(tmp_path))
    summary = sv.validation_summary(cache=False)
    assert summary.empty
    assert summary.columns.tolist() == ["dataset", "method", "n", "accuracy", "macro_f1"]
    assert "dataset not found: newsmtsc dev_mt" in capsys.readouterr().out


def test_validation_summary_on_a_fake_shared_folder(tmp_path, monkeypatch):
    (tmp_path / "newsmtsc").mkdir()
    frame = pd.read_csv(FIXTURES / "targets.csv")
    frame.to_csv(tmp_path / "newsmtsc" / "dev_rw_targets.csv", index=False)
    monkeypatch.setenv("NEWS_EDA_SHARED_DATA", str(tmp_path))
    summary = sv.validation_summary(cache=False)
    assert summary[["dataset", "method", "n"]].values.tolist() == [
        ["newsmtsc dev_rw", "vader", 6], ["newsmtsc dev_rw", "rules", 6]]
    assert summary["macro_f1"].tolist()[1] == 84.13


@pytest.mark.shared
def test_cli_on_newsmtsc_dev_rw(shared_data, capsys):
    path = shared_data("newsmtsc") / "dev_rw_targets.csv"
    code, lines = _run(capsys, path)
    assert code == 0
    assert LAST_LINE.match(lines[-1])
    vader = next(line for line in lines if line.startswith("VADER, whole text"))
    assert float(lines[-1].split()[1]) > float(vader.split()[-1])
