"""Segment article bodies into paragraphs, sentences and tokens, with offsets into the body.

Everything here is rule-based and needs no NLTK data, so results are the same on every
machine (with or without ``nltk.download``). Offsets are 0-based, end-exclusive character
positions in ``articles.body``: ``body[start:end] == text`` for every row.

>>> split_sentences('"Why?" he asked. Dr. Lee met U.S. envoys on Jan. 5. They left.')
[(0, 16), (17, 51), (52, 62)]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd

PARAGRAPH_BREAK = "\n\n"
SUBHEAD_RE = re.compile(r"^-\s+.+\s+-$")

# A sentence ends at . ! ? or an ellipsis, plus any closing quotes or brackets.
_BOUNDARY_RE = re.compile(r"(?:[.!?]+|…)[\"'”’)\]]*(?=\s)")
_NEXT_START_RE = re.compile(r"\s+(\S)")
_INITIALS_RE = re.compile(r"(?:[a-z]\.)*[a-z]")
_DOUBLE_QUOTES = {'"': "straight", "“": "open", "”": "close"}
_QUOTE_MARK_RE = re.compile('["“”]')

MAX_PROTECTED_QUOTE = 1500  # characters: longer "quotes" are probably unbalanced marks

TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}(?![A-Za-z])"  # acronyms with dots: U.S., U.K.
    r"|\d+(?:[.,:]\d+)*%?"  # numbers: 1,400  3.5  10:30  5%
    r"|[’']s\b"  # possessive clitic
    r"|\w+(?:-\w+)*(?:[’'](?!s\b)\w+)*"  # words: long-range, don't, o'clock
    r"|[^\w\s]"  # any other single symbol
)
_GAP_TOKEN_RE = re.compile(r"(\s*)(" + TOKEN_RE.pattern + ")")  # whitespace, then a token
_ALPHA_RE = re.compile(r"[^\W\d_]")


@cache
def _word_list(name: str) -> frozenset[str]:
    text = resources.files("analysis.data").joinpath(name).read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(word for line in lines for word in line.split())


def stopwords(*, add: Iterable[str] = (), remove: Iterable[str] = ()) -> frozenset[str]:
    """English stop words plus news boilerplate ("said", "told", "'s"), adjusted as asked.

    Args:
        add: extra lower-case words to treat as stop words.
        remove: words to keep as content words.

    >>> "said" in stopwords() and "said" not in stopwords(remove=["said"])
    True
    """
    base = _word_list("stopwords_en.txt") | _word_list("stopwords_news.txt")
    return (base | {w.lower() for w in add}) - {w.lower() for w in remove}


STOPWORDS = stopwords()
TITLES = _word_list("abbreviations_titles.txt")
AMBIGUOUS = _word_list("abbreviations_ambiguous.txt")
SENTENCE_OPENERS = _word_list("sentence_openers.txt")


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of ``body`` (separated by a blank line), skipping empty ones."""
    spans, start = [], 0
    for piece in body.split(PARAGRAPH_BREAK):
        end = start + len(piece)
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        start = end + len(PARAGRAPH_BREAK)
    return spans


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Balanced double-quotation spans (open index, close index) within ``text``."""
    spans, opened = [], None
    for mark in _QUOTE_MARK_RE.finditer(text):
        i, kind = mark.start(), _DOUBLE_QUOTES[mark.group()]
        if opened is None and kind != "close":
            opened = i
        elif opened is not None and kind != "open":
            if i - opened <= MAX_PROTECTED_QUOTE:
                spans.append((opened, i))
            opened = None
        elif kind == "open":  # a second opening mark: restart from here
            opened = i
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """True when ``pos`` lies strictly inside one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_left(spans, (pos, -1)) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


def _is_abbreviation(text: str, dot: int, next_word: str) -> bool:
    """True when the period at ``dot`` belongs to an abbreviation rather than ending a sentence."""
    word = text[text.rfind(" ", max(0, dot - 40), dot) + 1 : dot].lstrip("\"'“‘([").lower()
    if word in TITLES:
        return True
    if word in AMBIGUOUS or _INITIALS_RE.fullmatch(word):
        return next_word.lower().strip("\"'“‘") not in SENTENCE_OPENERS
    return False


def split_sentences(text: str, *, keep_quotes: bool = True) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (a paragraph or any string), as (start, end) offsets.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with closing quotes kept) when the next
    word starts with an upper-case letter, a digit or an opening quote; never after a title
    abbreviation ("Dr.", "Jan."), nor after initials ("U.S.") unless a sentence opener
    follows. With ``keep_quotes`` a balanced quotation is never cut in the middle.
    """
    protected = _quote_spans(text) if keep_quotes else []
    spans, start = [], 0
    for match in _BOUNDARY_RE.finditer(text):
        end = match.end()
        nxt = _NEXT_START_RE.match(text, end)
        if nxt is None or nxt.group(1).islower() or _inside(end - 1, protected):
            continue
        next_word = text[nxt.start(1) : nxt.start(1) + 20].split(maxsplit=1)[0]
        if match.group().startswith(".") and _is_abbreviation(text, match.start(), next_word):
            continue
        if text[start:end].strip():
            spans.append(_strip_span(text, start, end))
        start = nxt.start(1)
    if text[start:].strip():
        spans.append(_strip_span(text, start, len(text)))
    return spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())


def tokenize(text: str) -> list[tuple[int, int]]:
    """Token spans of ``text``: words, numbers, acronyms, clitics ("'s") and symbols.

    >>> text = "U.S.'s long-range plan cost $3.5bn"
    >>> [text[a:b] for a, b in tokenize(text)]
    ['U.S.', "'s", 'long-range', 'plan', 'cost', '$', '3.5', 'bn']
    """
    return [m.span() for m in TOKEN_RE.finditer(text)]


def paragraphs(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per paragraph: doc_id, para_id, kind ("body" or "subhead"), start, end, text."""
    rows = [
        (doc_id, para_id, "subhead" if SUBHEAD_RE.match(body[a:b]) else "body", a, b, body[a:b])
        for doc_id, body in zip(articles["doc_id"], articles["body"], strict=True)
        for para_id, (a, b) in enumerate(paragraph_spans(body))
    ]
    columns = ["doc_id", "para_id", "kind", "start", "end", "text"]
    return _typed(pd.DataFrame(rows, columns=columns), ints=["para_id", "start", "end"])


def sentences(articles: pd.DataFrame, *, keep_quotes: bool = True) -> pd.DataFrame:
    """One row per sentence: doc_id, para_id, sent_id, start, end, text, kind.

    ``sent_id`` counts from 0 through each document; offsets point into ``body``.
    """
    rows = []
    for doc_id, body in zip(articles["doc_id"], articles["body"], strict=True):
        sent_id = 0
        for para_id, (p_start, p_end) in enumerate(paragraph_spans(body)):
            para = body[p_start:p_end]
            kind = "subhead" if SUBHEAD_RE.match(para) else "body"
            for a, b in split_sentences(para, keep_quotes=keep_quotes):
                rows.append((doc_id, para_id, sent_id, p_start + a, p_start + b, para[a:b], kind))
                sent_id += 1
    columns = ["doc_id", "para_id", "sent_id", "start", "end", "text", "kind"]
    return _typed(pd.DataFrame(rows, columns=columns), ints=["para_id", "sent_id", "start", "end"])


def tokens(
    frame: pd.DataFrame, *, stop_words: Iterable[str] | None = None
) -> pd.DataFrame:
    """One row per token of a sentences frame (or of an articles frame, split first).

    Columns: doc_id, para_id, sent_id, tok_id, start, end, text, norm, is_stop, is_alpha.
    ``norm`` is lower-cased; ``is_stop`` uses :data:`STOPWORDS` unless ``stop_words`` is given.
    Column-wise: one regex pass over all sentences, flags computed once per distinct word.
    """
    sents = frame if "sent_id" in frame.columns else sentences(frame)
    stop = STOPWORDS if stop_words is None else frozenset(w.lower() for w in stop_words)
    offsets = sents["start"].to_numpy("int64")
    row, starts, ends, words = _token_spans(sents["text"].tolist(), offsets)
    doc_ids = sents["doc_id"].to_numpy()[row]
    codes, distinct = pd.factorize(np.asarray(words, dtype=object))
    norms = np.asarray([w.lower() for w in distinct], dtype=object)
    out = pd.DataFrame({
        "doc_id": doc_ids,
        "para_id": sents["para_id"].to_numpy()[row],
        "sent_id": sents["sent_id"].to_numpy()[row],
        "tok_id": _rank_within(doc_ids),
        "start": starts,
        "end": ends,
        "text": words,
        "norm": norms[codes],
        "is_stop": np.asarray([n in stop for n in norms], dtype=bool)[codes],
        "is_alpha": np.asarray([_ALPHA_RE.search(w) is not None for w in distinct],
                               dtype=bool)[codes],
    })
    return _typed(out, ints=["para_id", "sent_id", "tok_id", "start", "end"],
                  bools=["is_stop", "is_alpha"])


def _token_spans(texts: list[str], offsets: np.ndarray) -> tuple[np.ndarray, ...]:
    """Tokens of many texts in one regex pass: (row of each token, start, end, words).

    The texts are joined by a newline: no token spans whitespace, and every character that
    is not whitespace belongs to a token, so gap + token lengths give the offsets.
    """
    pairs = _GAP_TOKEN_RE.findall("\n".join(texts).rstrip())
    words = [word for _, word in pairs]
    sizes = np.fromiter(map(len, words), "int64", len(words))
    gaps = np.fromiter(map(len, [gap for gap, _ in pairs]), "int64", len(words))
    ends = np.cumsum(gaps + sizes)
    starts = ends - sizes
    lengths = np.fromiter(map(len, texts), "int64", len(texts)) + 1  # with the newline
    text_starts = np.cumsum(lengths) - lengths
    row = np.searchsorted(text_starts, starts, side="right") - 1
    shift = offsets[row] - text_starts[row]
    return row, starts + shift, ends + shift, words


def _rank_within(keys: np.ndarray) -> np.ndarray:
    """0, 1, 2, ... restarting wherever ``keys`` changes (tok_id within each document)."""
    index = np.arange(len(keys))
    if not len(keys):
        return index
    first = np.ones(len(keys), dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    return index - np.maximum.accumulate(np.where(first, index, 0))


def _typed(frame: pd.DataFrame, *, ints: list[str], bools: Iterable[str] = ()) -> pd.DataFrame:
    """Give a freshly built frame explicit dtypes, also when it has no rows."""
    types = {c: "str" for c in frame.columns} | {c: "int64" for c in ints}
    types |= {c: "bool" for c in bools}
    return frame.astype(types)
