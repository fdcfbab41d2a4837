"""Keyness on hand-computed examples (analysis.keyness)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis import paths
from analysis.frequency import Terms, count_corpus, term_counts
from analysis.keyness import (
    ENGLISH_SIZE,
    compare,
    distinctive_terms,
    english_frequency,
    keyness,
    log_likelihood,
    log_ratio,
)
from analysis.text import tokens


@pytest.mark.parametrize(
    ("a", "b", "c", "d", "g2", "lr"),
    [
        # E1 = E2 = 15: G2 = 2 (20 ln(20/15) + 10 ln(10/15)); LR = log2(0.02 / 0.01) = 1
        (20, 10, 1000, 1000, 3.397980735907945, 1.0),
        # E1 = 100*10/1100, E2 = 1000*10/1100; LR = log2(0.05 / 0.005)
        (5, 5, 100, 1000, 11.069110914828048, math.log2(10)),
        # absent from the target: G2 = 2 * 6 ln(6/3); LR with 0.5 for the zero = log2(0.5/6)
        (0, 6, 50, 50, 2 * 6 * math.log(2), math.log2(0.5 / 6)),
        # equal relative frequencies: nothing is key
        (3, 30, 100, 1000, 0.0, 0.0),
    ],
)
def test_log_likelihood_and_log_ratio_by_hand(a, b, c, d, g2, lr):
    assert log_likelihood(a, b, c, d)[0] == pytest.approx(g2, rel=1e-12, abs=1e-12)
    assert log_ratio(a, b, c, d)[0] == pytest.approx(lr, rel=1e-12, abs=1e-12)


def test_compare_table_columns_p_value_and_order():
    target = pd.Series({"peace": 20, "oil": 10, "war": 3})
    reference = pd.Series({"peace": 10, "oil": 10, "grain": 4})
    out = compare(target, reference, target_size=1000, reference_size=1000)
    # G2: grain 8 ln 2 = 5.55, war 6 ln 2 = 4.16, peace 3.40, oil 0
    assert out["term"].tolist() == ["grain", "war", "peace", "oil"]
    peace = out.set_index("term").loc["peace"]
    assert peace["g2"] == pytest.approx(3.397980735907945)
    assert peace["p_value"] == pytest.approx(0.06527628230888141, rel=1e-9)
    assert peace["log_ratio"] == 1.0
    grain = out.set_index("term").loc["grain"]
    assert grain["count"] == 0 and grain["log_ratio"] == pytest.approx(math.log2(0.5 / 4))
    assert out.set_index("term").loc["oil", "g2"] == 0.0


def _frame(groups: dict[str, list[str]]) -> pd.DataFrame:
    rows = [(g, g, 0, 0, i, w) for g, words in groups.items() for i, w in enumerate(words)]
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "para_id", "sent_id", "tok_id", "text"])


TOKS = _frame({
    "A": ["war"] * 6 + ["talks"] * 2 + ["grain"] * 2,
    "B": ["war"] * 2 + ["talks"] * 6 + ["grain"] * 2,
    "C": ["grain"] * 8 + ["talks"] * 2,
})


def test_keyness_against_group_and_rest():
    ab = keyness(TOKS, by="outlet", target="A", reference="B").set_index("term")
    # war: a=6 b=2, c=d=10 -> E=4: G2 = 2 (6 ln 1.5 + 2 ln 0.5)
    assert ab.loc["war", "g2"] == pytest.approx(2 * (6 * math.log(1.5) + 2 * math.log(0.5)))
    assert ab.loc["war", "log_ratio"] == pytest.approx(math.log2(3))
    assert ab.loc["talks", "log_ratio"] == pytest.approx(-math.log2(3))
    rest = keyness(TOKS, by="outlet", target="A", reference="rest").set_index("term")
    # war: a=6 of 10 in A, b=2 of 20 in B+C
    assert rest.loc["war", ["count", "ref_count", "n_words", "ref_n_words"]].tolist() == [
        6, 2, 10, 20]
    assert rest.loc["war", "log_ratio"] == pytest.approx(math.log2(0.6 / 0.1))


def test_keyness_accepts_count_frames():
    counts = term_counts(TOKS, by="outlet")
    pd.testing.assert_frame_equal(keyness(counts, by="outlet", target="C"),
                                  keyness(TOKS, by="outlet", target="C"))


def test_distinctive_terms_one_panel_per_group():
    out = distinctive_terms(TOKS, by="outlet", top=1)
    assert out[["outlet", "term", "rank"]].values.tolist() == [
        ["A", "war", 1], ["B", "talks", 1], ["C", "grain", 1]]
    with pytest.raises(ValueError, match="at least two"):
        distinctive_terms(TOKS[TOKS["outlet"] == "A"], by="outlet")


def test_general_english_reference():
    freq = english_frequency(["the", "qwzxvkjq"])
    assert freq[0] > 0.04  # "the" is about 5 % of English
    assert freq[1] == pytest.approx(1e-8, rel=0.05)  # unknown: wordfreq's smallest frequency
    out = keyness(_frame({"d": ["the", "the", "nato"]}), reference="english",
                  terms=Terms(stop_words=None)).set_index("term")
    nato = out.loc["nato"]
    expected_b = english_frequency(["nato"])[0] * ENGLISH_SIZE
    assert nato["ref_count"] == pytest.approx(expected_b)
    assert nato["g2"] == pytest.approx(log_likelihood(1, expected_b, 3, ENGLISH_SIZE)[0])
    assert nato["log_ratio"] > 10 and out.loc["the", "log_ratio"] < nato["log_ratio"]
    with pytest.raises(ValueError, match="unstemmed"):
        keyness(TOKS, reference="english", terms=Terms(normalize="porter"))


def test_seed_key_terms_against_english():
    from analysis.corpus import load_articles

    articles = load_articles(paths.SEEDS).articles
    top = keyness(tokens(articles), reference="english").head(20)
    top = top[top["log_ratio"] > 0]["term"].tolist()
    for term in ("nato", "zelensky", "ukraine", "rutte", "membership"):
        assert term in top
    counts = count_corpus(articles).terms
    pd.testing.assert_frame_equal(keyness(counts, reference="english"),
                                  keyness(tokens(articles), reference="english"))
