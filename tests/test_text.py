"""Exact tests of paragraph, sentence and token segmentation."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import paths
from analysis.text import (
    STOPWORDS,
    paragraphs,
    sentences,
    split_sentences,
    stopwords,
    tokenize,
    tokens,
)


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Lee met U.S. envoys on Jan. 5. They left.",
         ["Dr. Lee met U.S. envoys on Jan. 5.", "They left."]),
        ("Talks began in the U.S. The mood was calm.",
         ["Talks began in the U.S.", "The mood was calm."]),
        ('"Why?" he asked. Nobody answered.', ['"Why?" he asked.', "Nobody answered."]),
        ('She said: "We will win. They will lose." Then she left.',
         ['She said: "We will win. They will lose."', "Then she left."]),
        ("Shares of Acme Inc. The firm fell. Acme Inc. shares rose.",
         ["Shares of Acme Inc.", "The firm fell.", "Acme Inc. shares rose."]),
        ("It fell 3.5 pct. Analysts were surprised!",
         ["It fell 3.5 pct.", "Analysts were surprised!"]),
        ("“Enough,” he said. “We go.” End.", ["“Enough,” he said.", "“We go.”", "End."]),
        ("Mr. J. Smith arrived. He sat.", ["Mr. J. Smith arrived.", "He sat."]),
        ("no terminal punctuation", ["no terminal punctuation"]),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert _texts(text, split_sentences(text)) == expected


def test_keep_quotes_off_splits_inside_quotations() -> None:
    text = 'She said: "We will win. They will lose." Then she left.'
    assert _texts(text, split_sentences(text, keep_quotes=False)) == [
        'She said: "We will win.', 'They will lose."', "Then she left."
    ]


def test_unbalanced_quote_does_not_glue_the_paragraph() -> None:
    text = '"We start here. And we go on. Then more.'
    assert len(split_sentences(text)) == 3


def test_tokenize() -> None:
    text = "Kyiv's long-range U.S. plan cost $3.5bn, didn't it?"
    assert _texts(text, tokenize(text)) == [
        "Kyiv", "'s", "long-range", "U.S.", "plan", "cost", "$", "3.5", "bn", ",", "didn't",
        "it", "?",
    ]


def test_stopwords_are_configurable() -> None:
    assert {"the", "said", "told", "'s"} <= STOPWORDS
    assert "nato" not in STOPWORDS
    custom = stopwords(add=["NATO"], remove=["said"])
    assert "nato" in custom and "said" not in custom


@pytest.fixture
def articles() -> pd.DataFrame:
    body = "- A subhead -\n\nFirst one. Second one!\n\n\"Quoted here,\" she said."
    return pd.DataFrame({"doc_id": ["d1", "d2"], "body": [body, "Solo."]})


def test_paragraphs(articles: pd.DataFrame) -> None:
    paras = paragraphs(articles)
    assert paras[["doc_id", "para_id", "kind"]].values.tolist() == [
        ["d1", 0, "subhead"], ["d1", 1, "body"], ["d1", 2, "body"], ["d2", 0, "body"],
    ]
    assert paras["start"].tolist() == [0, 15, 39, 0]


def test_sentences_offsets_point_into_body(articles: pd.DataFrame) -> None:
    sents = sentences(articles)
    assert sents["text"].tolist() == [
        "- A subhead -", "First one.", "Second one!", '"Quoted here," she said.', "Solo.",
    ]
    assert sents["sent_id"].tolist() == [0, 1, 2, 3, 0]
    assert sents["para_id"].tolist() == [0, 1, 1, 2, 0]
    bodies = dict(zip(articles["doc_id"], articles["body"], strict=True))
    for row in sents.itertuples():
        assert bodies[row.doc_id][row.start : row.end] == row.text


def test_tokens(articles: pd.DataFrame) -> None:
    toks = tokens(articles)
    first = toks[toks["sent_id"] == 1]
    assert first["text"].tolist() == ["First", "one", "."]
    assert first["tok_id"].tolist() == [4, 5, 6]  # after "-", "A", "subhead", "-"
    said = toks[toks["norm"] == "said"].iloc[0]
    assert bool(said["is_stop"]) and bool(said["is_alpha"])
    assert not toks[toks["text"] == "."]["is_alpha"].any()
    bodies = dict(zip(articles["doc_id"], articles["body"], strict=True))
    assert all(bodies[r.doc_id][r.start : r.end] == r.text for r in toks.itertuples())


def test_tokens_with_custom_stop_words(articles: pd.DataFrame) -> None:
    toks = tokens(sentences(articles), stop_words=["first"])
    assert toks.loc[toks["norm"] == "first", "is_stop"].all()
    assert not toks.loc[toks["norm"] == "said", "is_stop"].any()


def test_empty_frames_keep_their_columns() -> None:
    empty = pd.DataFrame({"doc_id": pd.Series([], dtype="str"), "body": pd.Series([], dtype="str")})
    assert list(tokens(empty).columns)[:4] == ["doc_id", "para_id", "sent_id", "tok_id"]
    assert str(sentences(empty)["sent_id"].dtype) == "int64"


def test_seed_segments() -> None:
    lines = (paths.SEEDS / "000_ce342c1d8288ce55.txt").read_text(encoding="utf-8").splitlines()
    body = "\n\n".join(line for line in lines[1:-1] if line.strip())
    frame = pd.DataFrame({"doc_id": ["seed"], "body": [body]})
    paras = paragraphs(frame)
    assert paras["kind"].value_counts().to_dict() == {"body": 24, "subhead": 2}
    sents = sentences(frame)
    assert len(sents) == 28
    assert sents["text"].iloc[3].startswith('"I will present the victory plan')
    assert sents["text"].iloc[3].endswith('We need to end this war justly."')


def test_long_text_is_linear() -> None:
    text = 'He said "I am here. You are there." Then he left. ' * 40_000  # 2 MB, one paragraph
    assert len(split_sentences(text)) == 80_000


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="ab .,'’\"-\n\t\u00a0\u200b5É_", max_size=30), max_size=6))
def test_tokens_frame_equals_tokenize_of_each_sentence(pieces: list[str]) -> None:
    """The column-wise tokens frame gives exactly tokenize() of each sentence, with offsets."""
    sents = pd.DataFrame({
        "doc_id": ["d"] * len(pieces), "para_id": [0] * len(pieces),
        "sent_id": list(range(len(pieces))),
        "start": [100 * i for i in range(len(pieces))], "text": pieces,
    })
    expected = [(i, 100 * i + a, 100 * i + b, text[a:b])
                for i, text in enumerate(pieces) for a, b in tokenize(text)]
    toks = tokens(sents)
    got = list(zip(toks["sent_id"], toks["start"], toks["end"], toks["text"], strict=True))
    assert got == expected
    assert toks["tok_id"].tolist() == list(range(len(expected)))
