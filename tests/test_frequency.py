"""Exact tests of term, n-gram and collocation counting (analysis.frequency) and its charts."""

from __future__ import annotations

import warnings
from collections import Counter

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder  # noqa: E402

from analysis import paths  # noqa: E402
from analysis.concordance import dispersion  # noqa: E402
from analysis.frequency import (  # noqa: E402
    ALL_TOKENS,
    Terms,
    attach,
    collocations,
    count_corpus,
    ngram_counts,
    term_counts,
    vocabulary,
)
from analysis.keyness import distinctive_terms, keyness  # noqa: E402
from analysis.plots.frequency import (  # noqa: E402
    keyness_bars,
    plot_dispersion,
    plot_distinctive_terms,
    plot_keyness,
    plot_top_terms,
)
from analysis.text import TOKEN_RE, tokens  # noqa: E402

ARTICLES = pd.DataFrame({
    "doc_id": ["a", "b", "c"],
    "desk": ["world", "world", "business"],
    "body": [
        "Peace talks resumed in Geneva. The peace talks stalled.\n\n"
        "Talks on a cease-fire: Geneva hosts them again!",
        "Peace, peace and more PEACE talks. U.S. envoys said the talks were long-range plans.",
        "Oil prices rose 3.5% on Monday. Oil prices fell on Tuesday.\n\n"
        "- 'Prices' -\n\nOil traders' mood was calm, said an oil analyst.",
    ],
})
MEASURES = ["likelihood_ratio", "pmi", "chi_sq", "student_t", "dice", "poisson_stirling",
            "raw_freq"]


@pytest.fixture(scope="module")
def toks() -> pd.DataFrame:
    return attach(tokens(ARTICLES), ARTICLES, "desk")


@pytest.fixture(scope="module")
def seed() -> tuple[pd.DataFrame, pd.DataFrame]:
    from analysis.corpus import load_articles

    articles = load_articles(paths.SEEDS).articles
    return articles, tokens(articles)


def test_hand_counted_terms(toks):
    out = term_counts(toks)
    top = out.head(6)[["term", "count", "rank"]].values.tolist()
    assert top == [["peace", 5, 1], ["talks", 5, 2], ["oil", 4, 3], ["prices", 3, 4],
                   ["geneva", 2, 5], ["analyst", 1, 6]]
    # n_words: word tokens incl. stop words, excluding punctuation ("3.5" counts, "%" not)
    assert out["n_words"].iloc[0] == 52
    assert out.loc[0, "rel_freq"] == pytest.approx(5 / 52)


def test_counts_equal_counter_over_same_tokens(toks):
    everything = term_counts(toks, terms=ALL_TOKENS)
    assert dict(zip(everything["term"], everything["count"], strict=True)) == Counter(
        toks["text"])
    vocab = vocabulary(toks["text"].unique())
    kept = dict(zip(toks["text"].unique(), vocab["keep"], strict=True))
    expected = Counter(t.lower() for t in toks["text"] if kept[t])
    default = term_counts(toks)
    assert dict(zip(default["term"], default["count"], strict=True)) == expected


def test_order_is_count_desc_then_term_asc(toks):
    out = term_counts(toks, by="doc_id")
    for _, group in out.groupby("doc_id"):
        keys = list(zip(-group["count"], group["term"], strict=True))
        assert keys == sorted(keys)
        assert group["rank"].tolist() == list(range(1, len(group) + 1))


def test_groups_by_any_column(toks):
    out = term_counts(toks, by="desk")
    business = out[out["desk"] == "business"].set_index("term")["count"]
    assert business["oil"] == 4 and business["prices"] == 3 and "peace" not in business
    assert out.groupby("desk")["n_words"].first().to_dict() == {"business": 21, "world": 31}


def test_options_stop_words_min_length_case():
    frame = pd.DataFrame({"doc_id": "d", "para_id": 0, "sent_id": 0, "tok_id": range(5),
                          "text": ["NATO", "Nato", "is", "EU", "x"]})
    assert term_counts(frame)["term"].tolist() == ["nato", "eu"]
    cased = term_counts(frame, terms=Terms(lowercase=False, min_length=1, stop_words=None))
    assert cased["term"].tolist() == ["EU", "NATO", "Nato", "is", "x"]
    assert term_counts(frame, terms=Terms(min_length=3))["term"].tolist() == ["nato"]


def test_stemming_merges_inflections():
    frame = pd.DataFrame({"doc_id": "d", "para_id": 0, "sent_id": 0, "tok_id": range(4),
                          "text": ["talks", "talking", "Talked", "talk"]})
    for stemmer in ("porter", "snowball"):
        out = term_counts(frame, terms=Terms(normalize=stemmer))
        assert out[["term", "count"]].values.tolist() == [["talk", 4]]


def test_wordnet_lemmas_or_clear_fallback():
    frame = pd.DataFrame({"doc_id": "d", "para_id": 0, "sent_id": 0, "tok_id": range(2),
                          "text": ["wolves", "talks"]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = term_counts(frame, terms=Terms(normalize="wordnet"))
    try:
        from nltk.corpus import wordnet

        wordnet.ensure_loaded()
        assert set(out["term"]) == {"wolf", "talk"}
    except LookupError:  # no WordNet data: Snowball stems (the warning is emitted once)
        assert set(out["term"]) == {"wolv", "talk"}
        assert caught == [] or "WordNet" in str(caught[0].message)


def test_ngrams_stay_inside_sentences_and_skip_dropped_tokens(toks):
    out = ngram_counts(toks[toks["doc_id"] == "a"])
    assert out[["ngram", "count"]].values.tolist() == [
        ["peace talks", 2], ["geneva hosts", 1], ["talks resumed", 1], ["talks stalled", 1]]
    tri = ngram_counts(toks[toks["doc_id"] == "a"], n=3, terms=ALL_TOKENS)
    assert dict(zip(tri["ngram"], tri["count"], strict=True))["The peace talks"] == 1
    # "Geneva . The" crosses a sentence boundary: never a trigram within sentences
    assert "Geneva . The" not in set(tri["ngram"])
    para = ngram_counts(toks[toks["doc_id"] == "a"], n=3, terms=ALL_TOKENS, within="paragraph")
    assert "Geneva . The" in set(para["ngram"])


def _nltk_scores(sentences: list[list[str]], keep: set[str], measure: str, min_freq: int):
    finder = BigramCollocationFinder.from_documents(sentences)
    finder.apply_word_filter(lambda w: w not in keep)
    finder.apply_freq_filter(min_freq)
    return finder.score_ngrams(getattr(BigramAssocMeasures, measure))


@pytest.mark.parametrize("measure", MEASURES)
def test_collocations_equal_nltk_finder(seed, measure):
    _, frame = seed
    ours = collocations(frame, measure=measure, min_freq=2)
    vocab = vocabulary(frame["text"].unique())
    keep = set(vocab.loc[vocab["keep"], "term"])
    sents = [g["text"].str.lower().tolist() for _, g in frame.groupby(["doc_id", "sent_id"])]
    theirs = _nltk_scores(sents, keep, measure, 2)
    assert [(a, b) for a, b in zip(ours["w1"], ours["w2"], strict=True)] == [p for p, _ in theirs]
    assert ours["score"].to_numpy() == pytest.approx([s for _, s in theirs], rel=1e-12)
    assert len(theirs) == 6


def test_collocations_min_freq_one_matches_nltk(toks):
    ours = collocations(toks, measure="pmi", min_freq=1, terms=Terms(stop_words=None))
    vocab = vocabulary(toks["text"].unique(), Terms(stop_words=None))
    keep = set(vocab.loc[vocab["keep"], "term"])
    sents = [g["text"].str.lower().tolist() for _, g in toks.groupby(["doc_id", "sent_id"])]
    theirs = _nltk_scores(sents, keep, "pmi", 1)
    assert dict(zip(ours["bigram"], ours["score"], strict=True)) == pytest.approx(
        {" ".join(p): s for p, s in theirs}, rel=1e-12)


@pytest.mark.parametrize("terms", [Terms(), ALL_TOKENS, Terms(normalize="porter")])
@pytest.mark.parametrize("within", ["paragraph", "document"])
def test_fast_path_equals_token_frame(toks, terms, within):
    fast = count_corpus(ARTICLES, by="desk", n=2, terms=terms, within=within, chunk_size=1)
    pd.testing.assert_frame_equal(fast.terms, term_counts(toks, by="desk", terms=terms))
    pd.testing.assert_frame_equal(
        fast.ngrams, ngram_counts(toks, by="desk", terms=terms, within=within))
    tri = count_corpus(ARTICLES, n=3, terms=terms, within=within)
    pd.testing.assert_frame_equal(tri.ngrams, ngram_counts(toks, n=3, terms=terms, within=within))


def test_fast_tokens_agree_with_text_tokens(toks):
    for body, (_, group) in zip(ARTICLES["body"], toks.groupby("doc_id", sort=True), strict=True):
        assert TOKEN_RE.findall(body) == group["text"].tolist()


@pytest.mark.shared
def test_fast_path_on_reuters_sample(shared_data):
    from analysis.corpus import load_articles

    path = shared_data("reuters21578") / "reuters21578.jsonl"
    articles = load_articles(pd.read_json(path, lines=True, nrows=150)).articles
    articles = articles[articles["body"] != ""]
    frame = tokens(articles)
    fast = count_corpus(articles, chunk_size=40)
    pd.testing.assert_frame_equal(fast.terms, term_counts(frame))
    pd.testing.assert_frame_equal(fast.ngrams, ngram_counts(frame, within="paragraph"))
    assert (frame.groupby("doc_id")["text"].apply(list).to_dict()
            == {d: TOKEN_RE.findall(b) for d, b in zip(articles["doc_id"], articles["body"],
                                                       strict=True)})


def test_empty_inputs(toks):
    none = toks.iloc[:0]
    assert term_counts(none).empty and ngram_counts(none).empty
    assert list(term_counts(none, by="desk").columns) == [
        "desk", "term", "count", "n_words", "rel_freq", "rank"]
    assert count_corpus(ARTICLES.iloc[:0]).terms.empty


def test_charts_draw_and_return_axes(toks):
    plt.close("all")
    ax = plot_top_terms(term_counts(toks), top=5)
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "peace"
    table = keyness(toks, by="desk", target="world", reference="business")
    bars = keyness_bars(table, top=3)
    assert set(bars["side"]) == {"target", "reference"}
    assert plot_keyness(bars, labels=("world", "business")).get_xlabel().startswith("Log Ratio")
    panels = plot_distinctive_terms(distinctive_terms(toks, by="desk", top=3, min_count=1),
                                    by="desk")
    assert [ax.get_title() for ax in np.ravel(panels) if ax.get_visible()] == [
        "business", "world"]
    disp = dispersion(toks, ["peace", "oil"])
    assert len(plot_dispersion(disp).get_yticklabels()) == 6  # 3 documents x 2 terms
    plt.close("all")


def test_fast_path_long_ngrams_unpacked(toks):
    # n = 21 leaves 3 bits per term id: more than 8 terms forces the tuple (unpacked) path
    fast = count_corpus(ARTICLES, n=21, terms=ALL_TOKENS, within="document", chunk_size=1)
    slow = ngram_counts(toks, n=21, terms=ALL_TOKENS, within="document")
    assert len(slow) == 1 + 10 and slow["count"].max() == 1  # doc c: 31 - 21 + 1 windows
    pd.testing.assert_frame_equal(fast.ngrams, slow)
    # packed codes from a first chunk with few terms, unpacked once the vocabulary grows
    mixed = pd.DataFrame({"doc_id": ["x", "c"], "body": ["x y " * 15, ARTICLES["body"][2]]})
    fast = count_corpus(mixed, n=21, terms=ALL_TOKENS, within="document", chunk_size=1)
    slow = ngram_counts(tokens(mixed), n=21, terms=ALL_TOKENS, within="document")
    assert slow.loc[0, "count"] == 5  # "x y x ... x" and "y x ... y" from the 30 tokens
    pd.testing.assert_frame_equal(fast.ngrams, slow)


def test_missing_group_column_says_how_to_attach():
    with pytest.raises(KeyError, match="attach"):
        term_counts(tokens(ARTICLES), by="desk")


PIECES = st.sampled_from(["Talks", "talks", "U.S.", "it's", "don't", "'s", "3.5%", "1,400",
                          "long-range", "Dr.", "Jan.", "5.", ".", ",", "!", "?", '"', "'",
                          "“", "”", "-", "--", "(", ")", "Zürich", "n.a.", "A", "a"])
SPACES = st.sampled_from([" ", " ", " ", "\n\n", "  ", "\n"])


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(st.tuples(PIECES, SPACES), min_size=1, max_size=25), min_size=1,
                max_size=3))
def test_fast_path_matches_text_tokens_on_random_bodies(docs):
    bodies = ["".join(p + s for p, s in doc).strip() or "x" for doc in docs]
    articles = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(bodies))], "body": bodies})
    frame = tokens(articles)
    assert frame.groupby("doc_id", sort=True)["text"].apply(list).to_dict() == {
        d: TOKEN_RE.findall(b) for d, b in zip(articles["doc_id"], bodies, strict=True)
        if TOKEN_RE.findall(b)}
    fast = count_corpus(articles, terms=ALL_TOKENS, chunk_size=2)
    pd.testing.assert_frame_equal(fast.terms, term_counts(frame, terms=ALL_TOKENS))
    pd.testing.assert_frame_equal(fast.ngrams, ngram_counts(frame, terms=ALL_TOKENS,
                                                            within="paragraph"))
