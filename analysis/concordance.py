"""Keyword in context (KWIC) and lexical dispersion: where a word, phrase or pattern occurs.

Word and phrase queries match whole tokens (case-insensitive by default), so the number of
KWIC lines for a word equals its token count; regex queries match the raw body text.
Offsets are 0-based, end-exclusive positions in ``articles.body``.

>>> import pandas as pd
>>> arts = pd.DataFrame({"doc_id": ["d"], "body": ["A plan. The victory plan won."]})
>>> lines = kwic(arts, "victory plan", match="phrase", width=8)
>>> lines[["left", "keyword", "right"]].values.tolist()
[['an. The ', 'victory plan', ' won.']]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from analysis.text import TOKEN_RE, sentences, tokens

Match = Literal["word", "phrase", "regex"]
KWIC_COLUMNS = ["doc_id", "para_id", "sent_id", "start", "end", "left", "keyword", "right"]


def find_phrase(toks: pd.DataFrame, phrase: str, *, case_sensitive: bool = False) -> np.ndarray:
    """Row positions in ``toks`` where the tokens of ``phrase`` start, within one document.

    >>> toks = pd.DataFrame({"doc_id": ["a"] * 3, "text": ["New", "York", "new"]})
    >>> find_phrase(toks, "new york").tolist()
    [0]
    """
    words = TOKEN_RE.findall(phrase)
    if not words:
        raise ValueError(f"no token in query {phrase!r}")
    column = toks["text"] if case_sensitive else toks["text"].str.lower()
    values = column.to_numpy(dtype=object)
    docs = toks["doc_id"].to_numpy(dtype=object)
    m = len(toks) - len(words) + 1
    if m <= 0:
        return np.array([], dtype=np.int64)
    hit = np.ones(m, dtype=bool)
    for k, word in enumerate(words):
        hit &= values[k:k + m] == (word if case_sensitive else word.lower())
        hit &= docs[k:k + m] == docs[:m]
    return np.flatnonzero(hit)


def _context(bodies: dict[str, str], doc_ids: Sequence[str], starts: Sequence[int],
             ends: Sequence[int], width: int) -> pd.DataFrame:
    """left / keyword / right strings (line breaks shown as spaces, so lengths are kept)."""
    rows = []
    for doc, a, b in zip(doc_ids, starts, ends, strict=True):
        body = bodies[doc]
        rows.append((body[max(0, a - width):a], body[a:b], body[b:b + width]))
    out = pd.DataFrame(rows, columns=["left", "keyword", "right"], dtype=object)
    return out.apply(lambda col: col.str.replace("\n", " ", regex=False)).astype("str")


def _regex_hits(articles: pd.DataFrame, pattern: str, case_sensitive: bool) -> pd.DataFrame:
    """doc_id, para_id, sent_id, start, end of every regex match (located in its sentence)."""
    regex = re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
    hits = [(doc, m.start(), m.end())
            for doc, body in zip(articles["doc_id"], articles["body"], strict=True)
            for m in regex.finditer(body) if m.end() > m.start()]
    frame = pd.DataFrame(hits, columns=["doc_id", "start", "end"]).astype(
        {"doc_id": "str", "start": "int64", "end": "int64"})
    sents = sentences(articles[articles["doc_id"].isin(frame["doc_id"])])
    located = pd.merge_asof(frame.sort_values("start"), sents[["doc_id", "para_id", "sent_id",
                                                               "start"]].sort_values("start"),
                            on="start", by="doc_id", direction="backward")
    return located.fillna({"para_id": -1, "sent_id": -1}).astype(
        {"para_id": "int64", "sent_id": "int64"}).sort_values(["doc_id", "start"])


def kwic(articles: pd.DataFrame, query: str, *, match: Match = "word", width: int = 40,
         toks: pd.DataFrame | None = None, case_sensitive: bool = False) -> pd.DataFrame:
    """Every occurrence of ``query`` with its left and right context.

    Args:
        articles: articles frame (``doc_id``, ``body``).
        query: a word ("victory"), a phrase ("victory plan") or a regular expression.
        match: "word" / "phrase" match whole tokens; "regex" matches the body text.
        width: characters of context on each side.
        toks: the tokens frame of ``articles`` if already computed.
        case_sensitive: match case exactly.

    Returns:
        ``doc_id, para_id, sent_id, start, end, left, keyword, right`` in text order;
        ``body[start:end] == keyword``.
    """
    if match == "regex":
        hits = _regex_hits(articles, query, case_sensitive)
    else:
        toks = tokens(articles) if toks is None else toks
        at = find_phrase(toks, query, case_sensitive=case_sensitive)
        n = len(TOKEN_RE.findall(query))
        hits = toks.iloc[at][["doc_id", "para_id", "sent_id", "start"]].reset_index(drop=True)
        hits["end"] = toks["end"].to_numpy()[at + n - 1]
    hits = hits.reset_index(drop=True)
    bodies = dict(zip(articles["doc_id"], articles["body"], strict=True))
    context = _context(bodies, hits["doc_id"], hits["start"], hits["end"], width)
    return pd.concat([hits[["doc_id", "para_id", "sent_id", "start", "end"]], context],
                     axis=1)[KWIC_COLUMNS]


def dispersion(toks: pd.DataFrame, queries: Sequence[str], *,
               case_sensitive: bool = False) -> pd.DataFrame:
    """Where each word or phrase occurs in each document, as a relative position.

    Returns:
        ``doc_id, term, tok_id, start, position`` with ``position = tok_id / n_tokens`` of the
        document (0 = first token, close to 1 = last), in query order then text order.
    """
    n_tokens = toks.groupby("doc_id", sort=False)["tok_id"].transform("size").to_numpy()
    parts = []
    for query in queries:
        at = find_phrase(toks, query, case_sensitive=case_sensitive)
        part = toks.iloc[at][["doc_id", "tok_id", "start"]].reset_index(drop=True)
        part.insert(1, "term", query)
        part["position"] = part["tok_id"] / n_tokens[at]
        parts.append(part)
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["doc_id", "term", "tok_id", "start", "position"])
    return out.astype({"doc_id": "str", "term": "str", "tok_id": "int64", "start": "int64",
                       "position": "float64"})
