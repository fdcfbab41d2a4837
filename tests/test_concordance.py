"""KWIC concordance and lexical dispersion (analysis.concordance)."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from analysis import paths
from analysis.concordance import KWIC_COLUMNS, dispersion, find_phrase, kwic
from analysis.text import tokens

ARTICLES = pd.DataFrame({
    "doc_id": ["a", "b"],
    "body": ["Victory is near. They want victory now.\n\nThe victory plan was shown.",
             "No victory plan. Victorious troops left."],
})


def test_word_lines_context_and_offsets():
    out = kwic(ARTICLES, "victory", width=10)
    assert list(out.columns) == KWIC_COLUMNS
    assert out[["doc_id", "para_id", "sent_id", "start", "end"]].values.tolist() == [
        ["a", 0, 0, 0, 7], ["a", 0, 1, 27, 34], ["a", 1, 2, 45, 52], ["b", 0, 0, 3, 10]]
    assert out["keyword"].tolist() == ["Victory", "victory", "victory", "victory"]
    # line breaks become spaces, so the context keeps its length
    assert out.loc[2, "left"] == "now.  The "
    assert out.loc[0, "left"] == "" and out.loc[0, "right"] == " is near. "
    bodies = dict(zip(ARTICLES["doc_id"], ARTICLES["body"], strict=True))
    for row in out.itertuples():
        assert bodies[row.doc_id][row.start:row.end] == row.keyword


def test_case_sensitive_and_phrase():
    assert len(kwic(ARTICLES, "victory", case_sensitive=True)) == 3
    phrase = kwic(ARTICLES, "victory plan", match="phrase")
    assert phrase[["doc_id", "keyword", "start", "end"]].values.tolist() == [
        ["a", "victory plan", 45, 57], ["b", "victory plan", 3, 15]]
    # row positions in the whole frame: doc a has 15 tokens, "plan" is token 2 of doc b
    assert find_phrase(tokens(ARTICLES), "plan . Victorious").tolist() == [17]


def test_regex_matches_body_text_and_finds_sentence():
    out = kwic(ARTICLES, r"victor\w*", match="regex")
    assert out["keyword"].tolist() == ["Victory", "victory", "victory", "victory", "Victorious"]
    assert out.loc[4, ["doc_id", "sent_id", "start"]].tolist() == ["b", 1, 17]
    assert kwic(ARTICLES, "victor", match="regex", case_sensitive=True)["start"].tolist() == [
        27, 45, 3]
    assert kwic(ARTICLES, "zzz", match="regex").empty


def test_dispersion_relative_positions():
    out = dispersion(tokens(ARTICLES), ["victory", "plan"])
    # doc a has 15 tokens: "Victory" is token 0, "victory" tokens 6 and 10; "plan" token 11
    a = out[out["doc_id"] == "a"]
    assert a[["term", "tok_id", "position"]].values.tolist() == [
        ["victory", 0, 0.0], ["victory", 6, 6 / 15], ["victory", 10, 10 / 15],
        ["plan", 11, 11 / 15]]
    assert dispersion(tokens(ARTICLES), []).empty


@pytest.fixture(scope="module")
def seed() -> tuple[pd.DataFrame, pd.DataFrame]:
    from analysis.corpus import load_articles

    articles = load_articles(paths.SEEDS).articles
    return articles, tokens(articles)


def test_seed_victory_lines_equal_counter(seed):
    articles, toks = seed
    lines = kwic(articles, "victory", toks=toks)
    assert len(lines) == Counter(toks["norm"])["victory"] == 5
    assert lines["sent_id"].is_monotonic_increasing
    assert len(dispersion(toks, ["victory"])) == 5
