"""Tests for analysis.vader_fast, .sentiment and .sentiment_views (offline, exact values)."""

from __future__ import annotations

import hashlib
import random

import numpy as np
import pandas as pd
import pytest

from analysis.sentiment import (
    aggregate,
    article_scores,
    bootstrap_ci,
    compound_histogram,
    label,
    paragraph_scores,
    score_sentences,
    score_texts,
)
from analysis.sentiment_views import (
    alias_pattern,
    article_arc,
    label_voice,
    target_mentions,
    target_summary,
    time_arc,
    word_counts,
    word_shift,
)
from analysis.vader_fast import LEXICON_SHA256, FastVader, lexicon_path, nltk_analyzer

# Computed once with NLTK's SentimentIntensityAnalyzer on the vaderSentiment lexicon, then checked
# by hand (e.g. "not good": 1.9 * -0.74 = -1.406, -1.406 / sqrt(1.406**2 + 15) = -0.3412).
PINNED = {
    "The talks were good.": (0.0, 0.508, 0.492, 0.4404),
    "The talks were not good.": (0.376, 0.624, 0.0, -0.3412),
    "The talks were very good.": (0.0, 0.556, 0.444, 0.4927),
    "The talks were VERY GOOD, officials said.": (0.0, 0.563, 0.437, 0.6867),
    "The plan is good, but the outcome was terrible.": (0.317, 0.534, 0.149, -0.4939),
    "The plan is good!!!": (0.0, 0.443, 0.557, 0.5826),
    "Is the plan good??": (0.0, 0.479, 0.521, 0.504),
    "It was kind of good.": (0.0, 0.605, 0.395, 0.3832),
    "It was the least bad option.": (0.0, 0.637, 0.363, 0.431),
    "Ministers met in Brussels on Thursday.": (0.0, 1.0, 0.0, 0.0),
    "": (0.0, 0.0, 0.0, 0.0),
    "They fear a disaster; they hope for peace.": (0.437, 0.18, 0.383, -0.2263),
}
KEYS = ("neg", "neu", "pos", "compound")


def _generated(n: int = 400, seed: int = 7) -> list[str]:
    """Sentences mixing negation, boosters, caps, 'but', idioms, emoticons and punctuation."""
    rng = random.Random(seed)
    pieces = [
        "the", "talks", "were", "officials", "said", "not", "never", "isn't", "don't", "without",
        "very", "VERY", "extremely", "slightly", "barely", "kind of", "sort of", "at least",
        "least", "very least", "but", "BUT", "good", "GOOD", "great", "bad", "BAD", "terrible",
        "war", "peace", "hope", "fear", "disaster", "kind", "so", "this", "never so", "the shit",
        "kiss of death", "yeah right", "cut the mustard", "hand to mouth", ":)", ":-(", "(good)",
        "'bad'", "good...", "-great", "U.S.", "a", "I", "no", "nope", "despite", "rarely",
        "Killed", "KILLED", "agreed", "support", "crisis", "strong", "just enough", "good,",
    ]
    ends = ["", ".", "!", "!!", "!!!!!", "?", "??", "???", "????", "?!?", " :)"]
    out = []
    for _ in range(n):
        words = [rng.choice(pieces) for _ in range(rng.randint(1, 14))]
        if rng.random() < 0.2:
            words.insert(rng.randint(0, len(words)), words[0])  # repeated tokens
        out.append(" ".join(words) + rng.choice(ends))
    return out


def test_lexicon_comes_from_the_wheel_and_is_pinned():
    path = lexicon_path()
    assert path.parent.name == "vaderSentiment"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == LEXICON_SHA256
    assert len(nltk_analyzer().lexicon) == 7506


@pytest.mark.parametrize("text", list(PINNED))
def test_nltk_scores_are_pinned(text):
    scores = nltk_analyzer().polarity_scores(text)
    assert tuple(scores[k] for k in KEYS) == PINNED[text]


@pytest.mark.parametrize("text", list(PINNED))
def test_fast_scores_are_pinned(text):
    assert FastVader().scores(text) == PINNED[text]


def test_fast_equals_nltk_on_generated_sentences():
    sia, fast = nltk_analyzer(), FastVader(memo_size=0)
    texts = _generated() + list(PINNED)
    differ = [t for t in texts if sia.polarity_scores(t) != fast.polarity_scores(t)]
    assert differ == []
    assert sum(fast.scores(t)[3] != 0 for t in texts) > 300  # the cases really score


def test_fast_memo_returns_same_scores_and_fresh_dicts():
    fast = FastVader()
    first = fast.polarity_scores("A great day!")
    first["compound"] = 9.0
    assert fast.polarity_scores("A great day!")["compound"] == 0.6588


def test_score_sentences_joins_scores_to_keys():
    sents = pd.DataFrame({"doc_id": ["d", "d"], "para_id": [0, 1], "sent_id": [0, 1],
                          "text": ["The talks were good.", "The talks were not good."]},
                         index=[5, 9])
    out = score_sentences(sents)
    assert list(out.columns) == ["doc_id", "para_id", "sent_id", "text", *KEYS]
    assert list(out.index) == [5, 9]
    assert out["compound"].tolist() == [0.4404, -0.3412]
    assert "compound" not in sents.columns
    nltk_out = score_sentences(sents, method="nltk")
    pd.testing.assert_frame_equal(out, nltk_out)


def test_score_texts_handles_missing_text():
    out = score_texts(["The talks were good.", None, float("nan")])
    assert out["compound"].tolist() == [0.4404, 0.0, 0.0]
    assert out["neu"].tolist() == [0.508, 0.0, 0.0]


def test_label_thresholds():
    values = pd.Series([-0.5, -0.05, 0.0, 0.049, 0.05, 0.2])
    assert label(values).tolist() == ["negative", "negative", "neutral", "neutral",
                                      "positive", "positive"]
    assert label(values, threshold=0.3).tolist() == ["negative", *["neutral"] * 5]


def _scored() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["a", "a", "a", "b", "b", "c"],
        "para_id": [0, 0, 1, 0, 1, 0],
        "sent_id": [0, 1, 2, 0, 1, 0],
        "text": ["x"] * 6,
        "compound": [0.5, -0.5, 0.1, 0.0, -0.2, 0.8],
        "desk": ["world", "world", "world", "world", "world", "sport"],
    })


def test_aggregate_by_group_hand_checked():
    out = aggregate(_scored(), by="desk", n_boot=200, seed=3)
    world = out.set_index("desk").loc["world"]
    assert world["n_sentences"] == 5 and world["n_clusters"] == 2
    assert world["mean_compound"] == pytest.approx(-0.02)
    assert (world["share_negative"], world["share_neutral"], world["share_positive"]) == (
        0.4, 0.2, 0.4)
    assert world["ci_unit"] == "doc_id"
    assert world["ci_low"] <= -0.02 <= world["ci_high"]
    sport = out.set_index("desk").loc["sport"]  # one sentence: no interval
    assert sport["ci_unit"] == "sentence" and np.isnan(sport["ci_low"])
    again = aggregate(_scored(), by="desk", n_boot=200, seed=3)
    pd.testing.assert_frame_equal(out, again)


def test_paragraph_and_article_scores():
    paras = paragraph_scores(_scored())
    assert paras[["doc_id", "para_id", "n_sentences"]].values.tolist() == [
        ["a", 0, 2], ["a", 1, 1], ["b", 0, 1], ["b", 1, 1], ["c", 0, 1]]
    assert paras["mean_compound"].tolist() == [0.0, 0.1, 0.0, -0.2, 0.8]
    arts = article_scores(_scored(), threshold=0.15, n_boot=100)
    a = arts.set_index("doc_id").loc["a"]
    assert a["mean_compound"] == pytest.approx(0.1 / 3)
    assert (a["share_negative"], a["share_neutral"]) == pytest.approx((1 / 3, 1 / 3))


def test_bootstrap_ci_clusters_and_seed():
    values = np.array([1.0, 1.0, 0.0, 0.0])
    assert bootstrap_ci(values, np.array(["a", "a", "b", "b"]), n_boot=500, seed=0) == (0.0, 1.0)
    assert bootstrap_ci(values, n_boot=0) != bootstrap_ci(values, n_boot=0)  # NaNs
    assert bootstrap_ci(values, seed=1) == bootstrap_ci(values, seed=1)


def test_compound_histogram():
    hist = compound_histogram(_scored(), bins=4)
    assert hist["bin_left"].tolist() == [-1.0, -0.5, 0.0, 0.5]
    assert hist["n_sentences"].tolist() == [0, 2, 2, 2]
    assert hist["n_neutral"].tolist() == [0, 0, 1, 0]  # 0.0 is neutral, 0.1 positive
    assert hist["n_positive"].tolist() == [0, 0, 1, 2]
    by = compound_histogram(_scored(), bins=2, by="desk")
    assert by[["desk", "n_sentences"]].values.tolist() == [["sport", 0], ["sport", 1],
                                                           ["world", 2], ["world", 3]]


def test_article_arc_orders_and_smooths():
    arc = article_arc(_scored(), window=3)
    a = arc[arc["doc_id"] == "a"]
    assert a["position"].tolist() == [0, 1, 2]
    assert a["relative"].tolist() == [0.0, 0.5, 1.0]
    assert a["rolling"].tolist() == pytest.approx([0.0, 0.1 / 3, -0.2])
    paras = article_arc(_scored(), unit="paragraph", window=1)
    assert paras[paras["doc_id"] == "a"]["compound"].tolist() == [0.0, 0.1]
    assert arc[arc["doc_id"] == "c"]["relative"].tolist() == [0.0]


def test_time_arc_with_and_without_dates():
    articles = pd.DataFrame({"doc_id": ["a", "b", "c"],
                             "published": pd.to_datetime(["2024-01-01", "2024-01-01", None])})
    out = time_arc(_scored(), articles, freq="D", n_boot=50)
    assert out[["n_articles", "n_sentences"]].values.tolist() == [[2, 5]]
    assert out["mean_compound"].tolist() == pytest.approx([-0.02])
    none = time_arc(_scored(), articles.assign(published=pd.NaT))
    assert none.empty and "mean_compound" in none.columns


def test_alias_pattern_whole_words_longest_first():
    pattern = alias_pattern(["Lee", "Anna Lee"])
    assert pattern.search("Minister Anna  Lee spoke").group(0) == "Anna  Lee"
    assert pattern.search("Leeds won") is None
    assert alias_pattern(["nato"], case_sensitive=False).search("NATO's") is not None
    with pytest.raises(ValueError):
        alias_pattern([" "])


def test_target_mentions_and_windows():
    sents = pd.DataFrame({
        "doc_id": ["d"] * 4 + ["e"], "para_id": [0, 0, 1, 1, 0], "sent_id": [0, 1, 2, 3, 0],
        "text": ["The talks were good.", "The Bloc was not good.", "Ministers met.",
                 "the bloc and the Bloc failed.", "Ministers met."],
    })
    scored = score_sentences(sents)
    hits = target_mentions(scored, {"Bloc": ["Bloc", "the bloc"]}, window=1)
    assert hits[["sent_id", "alias", "n_mentions"]].values.tolist() == [
        [1, "Bloc", 1], [3, "the bloc", 2]]
    comp = scored["compound"].tolist()
    assert hits["window_compound"].tolist() == pytest.approx(
        [np.mean(comp[0:3]), np.mean(comp[2:4])])
    assert hits["window_n"].tolist() == [3, 2]
    summary = target_summary(hits, n_boot=50)
    assert summary[["target", "n_mentions", "n_articles"]].values.tolist() == [["Bloc", 2, 1]]
    empty = target_mentions(scored, {"Nobody": ["Nobody"]})
    assert empty.empty and "window_compound" in empty.columns


def test_label_voice():
    frame = pd.DataFrame({"text": ['"We won," she said.', "They left.", "“Fine”"]})
    assert label_voice(frame)["voice"].tolist() == ["quoted", "narration", "quoted"]
    assert "voice" not in frame.columns


def test_word_counts_follow_vader_word_forms():
    counts = word_counts(["A good, GOOD plan.", "It was kind of fine!", "Very bad: really bad"])
    assert dict(counts) == {"good": 2, "fine": 1, "bad": 2}


def test_word_shift_contributions_sum_to_difference():
    frame = pd.DataFrame({"g": ["r", "r", "c", "c"],
                          "text": ["good good war", "peace", "war war", "good"]})
    shift = word_shift(frame, by="g", reference="r", comparison="c")
    valence = {"good": 1.9, "war": -2.9, "peace": 2.5}
    phi_ref = (2 * 1.9 - 2.9 + 2.5) / 4
    phi_cmp = (2 * -2.9 + 1.9) / 3
    assert shift["contribution"].sum() == pytest.approx(phi_cmp - phi_ref)
    row = shift.set_index("word").loc["war"]
    assert row["valence"] == valence["war"]
    assert row["contribution"] == pytest.approx((-2.9 - phi_ref) * (2 / 3 - 1 / 4))
    assert row["kind"] == "-↑"
    assert shift["word"].tolist()[0] == "war"  # largest |contribution| first
    assert shift["share"].abs().sum() == pytest.approx(1.0)


@pytest.mark.shared
def test_fast_equals_nltk_on_reuters_sample(shared_data):
    from analysis.corpus import load_articles
    from analysis.text import sentences

    path = shared_data("reuters21578") / "reuters21578.jsonl"
    articles = load_articles(pd.read_json(path, lines=True, nrows=150)).articles
    texts = sentences(articles)["text"].tolist()
    sia, fast = nltk_analyzer(), FastVader(memo_size=0)
    assert len(texts) > 500
    assert [t for t in texts if sia.polarity_scores(t) != fast.polarity_scores(t)] == []


def test_target_aware_scores_adds_a_column_when_available():
    pytest.importorskip("analysis.target_sentiment")
    from analysis.sentiment_views import target_aware_scores

    scored = score_sentences(pd.DataFrame({
        "doc_id": ["d"], "para_id": [0], "sent_id": [0],
        "text": ["Police arrested the Bloc leader."]}))
    out = target_aware_scores(target_mentions(scored, {"Bloc": ["Bloc"]}))
    assert out["target_score"].dtype == "float64" and len(out) == 1
    assert out["target_label"].iloc[0] in {"negative", "neutral", "positive"}
