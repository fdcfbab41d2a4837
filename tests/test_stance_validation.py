"""Scoring the rule-based stance against hand annotations (analysis.stance_validation)."""

import pandas as pd
import pytest

from analysis.paths import ROOT
from analysis.stance_validation import (
    cli,
    holder_key,
    load_stance_gold,
    match_stance,
    stance_accuracy_table,
    stance_scores,
    validate_stance_rules,
)

FIXTURE = ROOT / "tests" / "fixtures" / "stance_validation"


@pytest.fixture(scope="module")
def outcomes():
    return validate_stance_rules(FIXTURE)


def test_fixture_outcomes_are_the_hand_checked_ones(outcomes):
    # Built on purpose from what the rules do: "criticised the delay to X" reads as against X
    # (gold favor); a stance without a cue before the mention and outside quotes is missed
    # (Hana Ruiz: no row); a cue-less quote with mild sentiment stays neutral (Gloria Penn:
    # missed); a question "whether X backs Y" states no position (Jonas Berg: no row; it was an
    # extra favor before the open-question rule). The neutral row
    # of council_agenda (Ali Demir, not in gold) is not counted.
    got = outcomes[["doc_id", "holder", "gold", "predicted", "outcome"]].values.tolist()
    assert got == [
        ["dredging", "Fishing Cooperative", "against", "against", "right"],
        ["dredging", "Hana Ruiz", "against", "-", "missed"],
        ["dredging", "Ruth Calloway", "favor", "favor", "right"],
        ["road_toll", "Ingrid Vasquez", "favor", "favor", "right"],
        ["road_toll", "Lakeport Retailers Association", "against", "against", "right"],
        ["road_toll", "Omar Lindqvist", "against", "against", "right"],
        ["tram_delay", "Gloria Penn", "favor", "neutral", "missed"],
        ["tram_delay", "Greens", "favor", "favor", "right"],
        ["tram_delay", "Mira Okafor", "favor", "against", "wrong polarity"],
        ["tram_delay", "Social Democrats", "favor", "favor", "right"],
    ]
    okafor = outcomes[outcomes["holder"] == "Mira Okafor"].iloc[0]
    assert okafor["evidence"].startswith("Councillor Mira Okafor criticised the delay")
    assert outcomes.loc[outcomes["holder"] == "Hana Ruiz", "evidence"].item() == ""


def test_fixture_scores_are_hand_counted(outcomes):
    s = stance_scores(outcomes)
    assert [s[k] for k in ("gold", "predicted", "right", "wrong_polarity", "missed", "extra")] \
        == [10, 8, 7, 1, 2, 0]
    # favor: 6 gold, 4 predicted, 4 right -> P 1, R 4/6, F1 4/5
    assert (s["favor_precision"], s["favor_recall"]) == (1.0, 4 / 6)
    assert s["favor_f1"] == pytest.approx(4 / 5)
    # against: 4 gold, 4 predicted (one is the wrong polarity), 3 right
    assert s["against_precision"] == s["against_recall"] == s["against_f1"] == 0.75
    assert s["f_avg"] == pytest.approx((4 / 5 + 0.75) / 2)
    assert (s["pair_recall"], s["polarity_accuracy"]) == (0.8, 7 / 8)


def test_accuracy_table_gives_percentages_with_one_decimal(outcomes):
    row = stance_accuracy_table({"fixture": outcomes}).iloc[0].tolist()
    assert row == ["fixture", 3, 10, 8, 7, 1, 2, 0, 80.0, 87.5,
                   100.0, 66.7, 80.0, 75.0, 75.0, 75.0, 77.5]


def _predicted(rows):
    return pd.DataFrame(rows, columns=["doc_id", "holder", "target", "stance", "score",
                                       "evidence"])


def _gold(rows):
    return pd.DataFrame(rows, columns=["doc_id", "holder", "target", "stance", "sentence"])


def test_holders_match_ignoring_case_and_a_leading_the():
    assert holder_key("The  Harbour Board") == "harbour board" == holder_key("harbour board")
    assert holder_key("Theo Marsh") == "theo marsh"
    pred = _predicted([["d", "Harbour Board", "t", "against", -1.0, ["It rejects t."]],
                       ["d", "harbour board", "t", "favor", 0.25, ["It may back t."]]])
    out = match_stance(pred, _gold([["d", "the harbour board", "t", "against", "It rej"]]))
    assert out[["holder", "predicted", "outcome", "evidence"]].values.tolist() == [
        ["the harbour board", "against", "right", "It rejects t."]]  # strongest row wins


def test_other_name_variants_count_as_missed_and_extra_with_a_near_note():
    pred = _predicted([["d", "Okoro", "t", "favor", 1.0, ["Okoro backs t."]],
                       ["d", "Lena Hart", "t", "against", -1.0, ["Hart rejects t."]],
                       ["d", "Ann Lee", "t", "neutral", 0.0, ["Lee said t."]]])
    out = match_stance(pred, _gold([["d", "Mark Okoro", "t", "favor", ""]]))
    assert out[["holder", "gold", "predicted", "outcome", "near"]].values.tolist() == [
        ["Lena Hart", "-", "against", "extra", ""],
        ["Mark Okoro", "favor", "-", "missed", "Okoro (favor)"],
        ["Okoro", "-", "favor", "extra", ""]]
    assert stance_scores(out)["near"] == 1


def test_load_stance_gold_checks_columns_values_and_pairs(tmp_path):
    path = tmp_path / "stance_gold.csv"
    path.write_text("\ufeffdoc_id,holder,target,stance\n"  # a byte-order mark is fine
                    "d, Jo Roe ,tax,FAVOR\nd,Al Poe,tax,Against\n", encoding="utf-8")
    gold = load_stance_gold(path)  # sentence is optional; values stripped and lower-cased
    assert gold.values.tolist() == [["d", "Jo Roe", "tax", "favor", ""],
                                    ["d", "Al Poe", "tax", "against", ""]]
    path.write_text("doc_id,holder,stance\nd,Jo Roe,favor\n")
    with pytest.raises(ValueError, match=r"missing column\(s\) \['target'\]"):
        load_stance_gold(path)
    path.write_text("doc_id,holder,target,stance\nd,Jo Roe,tax,favor\nd,Al Poe,tax,neutral\n")
    with pytest.raises(ValueError, match=r"or against .*, not \['neutral'\] on line\(s\) \[3\]"):
        load_stance_gold(path)
    path.write_text("doc_id,holder,target,stance\nd,The Greens,tax,favor\nd,greens,Tax,favor\n")
    with pytest.raises(ValueError, match=r"duplicate .* line\(s\) \[2, 3\]"):
        load_stance_gold(path)
    path.write_text("doc_id,holder,target,stance\nd,,tax,favor\n")
    with pytest.raises(ValueError, match="empty"):
        load_stance_gold(path)


def test_validation_refuses_unknown_documents_and_targets():
    gold = _gold([["road_tol", "Ingrid Vasquez", "congestion charge", "favor", ""]])
    with pytest.raises(ValueError, match=r"documents not in the corpus: \['road_tol'\]"):
        validate_stance_rules(FIXTURE, gold=gold)
    gold = _gold([["road_toll", "Ingrid Vasquez", "congestion tax", "favor", ""]])
    with pytest.raises(ValueError, match=r"targets not in the targets file: \['congestion tax'\]"):
        validate_stance_rules(FIXTURE, gold=gold)


def test_cli_prints_f_avg_last_and_details(capsys):
    assert cli([str(FIXTURE), "--details"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == ("missed         dredging: Hana Ruiz / harbour dredging gold=against "
                        "predicted=- | gold: Dredging would smother the oyster beds f")
    assert lines[2].startswith("wrong polarity tram_delay: Mira Okafor / tram extension "
                               "gold=favor predicted=against | Councillor Mira Okafor")
    assert lines[3:] == [
        "10 gold pairs in 3 annotated articles, 8 predicted favor/against pairs: 7 right, "
        "1 wrong polarity, 2 missed, 0 extra",
        "pair recall 80.00, polarity accuracy 87.50",
        "favor: precision 100.00, recall 66.67, F1 80.00 (6 gold, 4 predicted)",
        "against: precision 75.00, recall 75.00, F1 75.00 (4 gold, 4 predicted)",
        "F_avg 77.50"]
    assert cli([str(FIXTURE), "--gold", str(FIXTURE / "none.csv")]) == 2
