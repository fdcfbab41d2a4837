"""Scoring quotes against hand annotations (analysis.quote_validation)."""

import json

import pandas as pd
import pytest

from analysis.paths import ROOT
from analysis.quote_validation import (
    accuracy_table,
    cli,
    first_runs_table,
    load_annotations,
    match_quotes,
    score_matches,
    score_quotes,
    validate_quotes,
)

FOUND = pd.DataFrame({
    "doc_id": ["a", "a", "a", "b"],
    "quote": ["We will win this, whatever it takes.", "Not today.", "Prices are far too high",
              "The bridge is safe"],
    "speaker": ["Jo Roe", None, "Acme Bank", "council"],
})
GOLD = {
    "a": [("We will win this, whatever", "Jo Roe"), ("Prices are far too high", "Acme")],
    "b": [("The bridge is safe", "council"), ("It was never at risk", "council")],
}


def test_match_quotes_gives_one_outcome_per_gold_and_extra_quote():
    matches = match_quotes(FOUND, GOLD)
    assert matches["outcome"].tolist() == ["right", "wrong speaker", "extra", "right", "missed"]
    assert matches["speaker"].tolist()[:2] == ["Jo Roe", "Acme Bank"]


def test_scores_are_hand_counted():
    # 4 gold, 4 found, 3 matched (one speaker wrong): P = R = F1 = 3/4; speakers 2 of 3 matched
    scores = score_quotes(FOUND, GOLD)
    assert (scores["gold"], scores["found"], scores["matched"]) == (4, 4, 3)
    assert scores["f1"] == scores["precision"] == scores["recall"] == 0.75
    assert scores["speaker_acc"] == 2 / 3 and scores["speaker_acc_gold"] == 0.5


def test_accuracy_table_counts_and_percentages_per_set():
    table = accuracy_table({"toy": match_quotes(FOUND, GOLD)})
    # 4 gold, 4 found, 3 matched, 2 right: F1 75.0, speakers 2/3 = 66.7
    assert table.iloc[0].tolist() == ["toy", 2, 4, 4, 3, 2, 75.0, 66.7]


def test_first_runs_table_adds_a_pooled_row(tmp_path):
    path = tmp_path / "runs.csv"
    path.write_text("batch,articles,gold,found,matched,right_speaker,extractor\n"
                    "1,2,10,8,8,6,x\n2,3,10,12,10,9,y\n")
    table = first_runs_table(path)
    # pooled: 20 gold, 20 found, 18 matched -> F1 90.0; 15/18 right -> 83.3
    assert table.iloc[-1].tolist() == ["all", 5, 20, 20, 18, 15,
                                       "pooled first runs of the batches above", 90.0, 83.3]
    assert table["quote F1"].tolist()[:2] == [88.9, 90.9]  # 16/18, 20/22


def test_a_gold_key_must_sit_near_the_start_of_a_found_quote():
    found = pd.DataFrame({"doc_id": ["a"], "speaker": ["Jo Roe"],
                          "quote": ["x " * 30 + "We will win this, whatever it takes."]})
    assert match_quotes(found, {"a": GOLD["a"][:1]})["outcome"].tolist() == ["missed", "extra"]


def test_load_annotations_reads_json_with_known_misses_and_tables(tmp_path):
    path = tmp_path / "expected.json"
    path.write_text(json.dumps({"_notes": "ignored", "a": [["Hello there all", "Jo Roe"]],
                                "_known_misses": {"a": [["delighted", "Jo Roe"]]}}))
    assert load_annotations(path) == {"a": [("Hello there all", "Jo Roe"),
                                            ("delighted", "Jo Roe")]}
    table = tmp_path / "gold.csv"
    table.write_text("doc_id,quote,speaker\na,Hello there all,Jo Roe\nb,Bye now friends,Al Poe\n")
    assert load_annotations(table) == {"a": [("Hello there all", "Jo Roe")],
                                       "b": [("Bye now friends", "Al Poe")]}
    table.write_text("doc,quote,speaker\na,Hi,Jo\n")
    with pytest.raises(ValueError, match="missing column"):
        load_annotations(table)


def _corpus(tmp_path):
    (tmp_path / "story.txt").write_text(
        "Council backs bridge\n\n\"The bridge is safe for everyone,\" said council leader Jo Roe.\n"
        "\"We will check it again next year,\" she added.\n", encoding="utf-8")
    return tmp_path


def test_validate_quotes_refuses_annotations_for_documents_not_in_the_corpus(tmp_path):
    with pytest.raises(ValueError, match="not in the corpus"):
        validate_quotes(_corpus(tmp_path), {"stroy": [("The bridge is safe", "Jo Roe")]})


def test_cli_prints_f1_and_speaker_accuracy_last(tmp_path, capsys):
    folder = _corpus(tmp_path)
    (folder / "expected.json").write_text(json.dumps(
        {"story": [["The bridge is safe for everyo", "Jo Roe"],
                   ["We will check it again next", "council"]]}))
    assert cli([str(folder), "--details"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == ("wrong speaker story: 'We will check it again next' gold=council "
                        "found=Jo Roe")
    assert lines[-2:] == ["quote-F1 100.00", "speaker-accuracy 50.00"]
    (folder / "expected.json").write_text(json.dumps({"story": [["Not said", "Al Poe"]]}))
    assert cli([str(folder), "--details"]) == 0
    assert capsys.readouterr().out.splitlines()[:3] == [
        "missed        story: 'Not said' gold=Al Poe found=-",
        "extra         story: 'The bridge is safe for everyone' gold=- found=Jo Roe",
        "extra         story: 'We will check it again next year' gold=- found=Jo Roe"]
    assert cli([str(folder), "--expected", str(folder / "none.json")]) == 2


def test_held_out_batches_score_as_recorded_in_the_docs():
    # Batches 35-38: written at the end of session 5 by four authors who never saw the
    # extractor, scored once after the last session-5 rule (docs/quotes.md, README, notebook
    # 04). A rule change that moves these figures must say so: from then on they are no longer
    # a clean estimate. (Batches 21-24 and 27-30, earlier held-out sets, are tuning fixtures.)
    folder = ROOT / "tests" / "fixtures" / "quotes_holdout"
    scores = score_matches(validate_quotes(folder, load_annotations(folder / "expected.json")))
    assert (scores["gold"], scores["found"], scores["matched"]) == (191, 181, 180)
    assert round(100 * scores["speaker_acc"], 1) == 80.6  # 145 of 180 (session-4 rules: 76.2)


def test_first_run_record_adds_up():
    runs = pd.read_csv(ROOT / "tests" / "fixtures" / "quotes" / "first_runs.csv",
                       dtype={"batch": str})
    assert runs["batch"].tolist() == ["5-18", "19", "20", "25", "26", "21-24", "31-34", "27-30"]
    totals = runs[["gold", "found", "matched", "right_speaker"]].sum()
    assert totals.tolist() == [956, 930, 922, 724]
    assert (runs["matched"] <= runs[["gold", "found"]].min(axis=1)).all()
