"""Exact tests for analysis.quotes on hand-written fixtures and the seed article."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import paths
from analysis.quotes import COLUMNS, cli, extract_quotes

SEED_ID = "000_ce342c1d8288ce55"


def quotes_of(*bodies: str, **kwargs) -> pd.DataFrame:
    """Quotes of hand-written bodies (doc ids d0, d1, ...)."""
    arts = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(bodies))], "body": list(bodies)})
    return extract_quotes(arts, **kwargs)


def triples(frame: pd.DataFrame) -> list[tuple[str, str | None, str | None]]:
    def none(value):
        return None if pd.isna(value) else value

    return [(q, none(s), none(v))
            for q, s, v in zip(frame["quote"], frame["speaker"], frame["verb"], strict=True)]


@pytest.fixture(scope="module")
def seed_quotes() -> pd.DataFrame:
    from analysis.corpus import load_articles

    articles, _ = load_articles(paths.SEEDS)
    return extract_quotes(articles[articles["doc_id"] == SEED_ID])


def test_seed_speakers_and_verbs(seed_quotes):
    got = list(zip(seed_quotes["speaker"], seed_quotes["verb"], seed_quotes["pattern"],
                   strict=True))
    assert got == [
        ("Volodymyr Zelensky", "say", "after+split"),
        ("Julianne Smith", "say", "intro_saying"),
        ("NATO diplomat", "sum up", "after_inverted"),
        ("Mark Rutte", "say", "intro_saying"),
        ("NATO diplomat", "say", "after_inverted"),
        ("Mark Rutte", "say", "partial"),
        ("Mark Rutte", "say", "partial"),
        ("NATO official", "say", "after+split"),
    ]


def test_seed_quote_texts(seed_quotes):
    starts = [q[:30] for q in seed_quotes["quote"]]
    assert starts == [
        "Now we are on the way to Bruss",
        "We are not at the point right ",
        "We are in a kind of waiting mo",
        "I cannot today now exactly ske",
        "It's a very difficult period, ",
        "massive military aid moving in",
        "to make sure that if ever one ",
        "There are various ways to defi",
    ]
    assert seed_quotes["speaker_as_written"].tolist() == [
        "Zelensky", "Washington's ambassador to NATO, Julianne Smith", "one NATO diplomat",
        "Rutte", "a second NATO diplomat", "Rutte", "Rutte", "they",
    ]
    assert seed_quotes["sent_ids"].tolist() == [[2, 3], [8], [11], [13], [15], [19], [19],
                                                [22, 23]]
    assert list(seed_quotes.columns) == COLUMNS


def test_seed_scare_quotes_are_not_speech(seed_quotes):
    text = " ".join(seed_quotes["quote"])
    for term in ["strong signal", "whole plan", "irreversible path", "disaster",
                 "non-nuclear strategic deterrence package"]:
        assert term not in text


def test_offsets_point_at_quote_text(seed_quotes):
    from analysis.corpus import load_articles

    body = load_articles(paths.SEEDS)[0].set_index("doc_id").loc[SEED_ID, "body"]
    one_piece = seed_quotes[~seed_quotes["pattern"].str.endswith("split")]
    for quote, start, end in zip(one_piece["quote"], one_piece["start"], one_piece["end"],
                                 strict=True):
        assert body[start:end] == quote


def test_basic_patterns():
    got = quotes_of(
        '"We will win," said Mr Smith.',
        'Jane Roe said: "The plan is sound."',
        '"It is over," she told reporters on Monday.',
    )
    assert triples(got) == [("We will win", "Smith", "say"),
                            ("The plan is sound.", "Jane Roe", "say"),
                            ("It is over", None, "tell")]


def test_cli_prints_jsonl(capsys):
    assert cli([str(paths.SEEDS), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 8 and '"speaker": "Volodymyr Zelensky"' in lines[0]
