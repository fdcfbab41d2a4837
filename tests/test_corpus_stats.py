"""Tests for analysis.corpus_stats and analysis.plots.corpus on hand-checked fixtures."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis import paths  # noqa: E402
from analysis.corpus import load_articles  # noqa: E402
from analysis.corpus_stats import (  # noqa: E402
    articles_per_month,
    duplicate_pairs,
    paragraph_profile,
    problem_reasons,
    sentence_length_histogram,
    summarise,
)
from analysis.plots.corpus import plot_paragraph_profile, plot_sentence_lengths  # noqa: E402

CSV = paths.TESTS / "fixtures" / "corpus" / "tables" / "articles.csv"


@pytest.fixture(scope="module")
def csv_articles() -> pd.DataFrame:
    return load_articles(CSV).articles


def paragraphs_frame(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """A minimal paragraphs frame: (doc_id, kind, text)."""
    return pd.DataFrame(rows, columns=["doc_id", "kind", "text"])


def test_summary_by_source(csv_articles) -> None:
    sentences = pd.DataFrame({"doc_id": ["a1", "a1", "a5", "a5", "a5"],
                              "kind": ["body", "body", "body", "subhead", "body"]})
    table = summarise(csv_articles, sentences=sentences, by="source")
    assert table["group"].tolist() == ["Wire", "Daily", "all"]
    assert table["articles"].tolist() == [3, 1, 4]
    assert table["words"].tolist() == [24, 13, 37]
    assert table["sentences"].tolist() == [2, 2, 4]
    assert table["subheads"].tolist() == [0, 1, 1]
    assert table["duplicates"].tolist() == [1, 0, 1]
    assert table["words_per_article"].tolist() == [8.0, 13.0, 9.2]
    assert table.loc[0, "first_published"] == pd.Timestamp("2024-03-07")
    assert pd.isna(table.loc[1, "first_published"])


def test_summary_of_empty_corpus() -> None:
    empty = load_articles(paths.TESTS / "fixtures" / "corpus" / "tables" / "no_text.csv").articles
    table = summarise(empty)
    assert table[["group", "articles", "words"]].to_dict("records") == [
        {"group": "all", "articles": 0, "words": 0}]


def test_problem_reasons_fold_line_numbers() -> None:
    problems = pd.DataFrame({"input": ["f:3", "f:9", "f:4", "g"],
                             "reason": ["malformed JSON on line 3: x (column 5)",
                                        "malformed JSON on line 9: x (column 2)",
                                        "missing text", "empty file"]})
    table = problem_reasons(problems)
    assert table.to_dict("records") == [
        {"reason": "malformed JSON on line N: x (column N)", "inputs": 2, "example": "f:3"},
        {"reason": "empty file", "inputs": 1, "example": "g"},
        {"reason": "missing text", "inputs": 1, "example": "f:4"},
    ]


def test_duplicate_pairs(csv_articles) -> None:
    assert duplicate_pairs(csv_articles).to_dict("records") == [{
        "doc_id": "a2", "duplicate_of": "a1", "title": "Rates rise again (update)",
        "original_title": "Rates rise again", "same_title": False}]


def test_paragraph_profile_skips_subheads_and_caps_positions() -> None:
    paras = paragraphs_frame([("d1", "body", "one two three"), ("d1", "subhead", "- S -"),
                              ("d1", "body", "one"), ("d2", "body", "a b c d e")])
    table = paragraph_profile(paras)
    assert table.to_dict("records") == [
        {"position": 1, "articles": 2, "median_words": 4.0, "q1_words": 3.5, "q3_words": 4.5},
        {"position": 2, "articles": 1, "median_words": 1.0, "q1_words": 1.0, "q3_words": 1.0},
    ]
    assert paragraph_profile(paras, max_position=1)["position"].tolist() == [1]


def test_sentence_length_histogram_bins_and_overflow() -> None:
    words = [1, 5, 6, 12, 90]
    sentences = pd.DataFrame({"kind": ["body"] * 5 + ["subhead"],
                              "text": [" ".join(["w"] * n) for n in words] + ["- Sub -"]})
    table = sentence_length_histogram(sentences, bin_width=5, max_words=10)
    assert table.to_dict("records") == [
        {"words_from": 1, "words_to": 5, "sentences": 2, "share": 0.4},
        {"words_from": 6, "words_to": 10, "sentences": 1, "share": 0.2},
        {"words_from": 11, "words_to": 90, "sentences": 2, "share": 0.4},
    ]


def test_articles_per_month_keeps_gaps() -> None:
    articles = pd.DataFrame({"published": pd.to_datetime(["2024-01-05", None, "2024-03-01"])})
    assert articles_per_month(articles).to_dict("records") == [
        {"month": "2024-01", "articles": 1}, {"month": "2024-02", "articles": 0},
        {"month": "2024-03", "articles": 1}]


def test_plots_draw_on_given_axes() -> None:
    paras = paragraphs_frame([("d1", "body", "one two"), ("d1", "body", "one")])
    fig, (left, right) = plt.subplots(1, 2)
    assert plot_paragraph_profile(paragraph_profile(paras), ax=left) is left
    assert len(left.patches) == 2
    hist = pd.DataFrame({"words_from": [1, 6], "words_to": [5, 10], "sentences": [3, 1],
                         "share": [0.75, 0.25]})
    assert plot_sentence_lengths(hist, ax=right, median=4.0) is right
    assert len(right.patches) == 2 and len(right.lines) == 1
    plt.close(fig)
