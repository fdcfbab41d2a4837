"""Find quoted spans in a body: one linear pass over quote marks and paragraph breaks.

Handles straight and curly double quotes, quotes that run over several sentences, the news
convention for multi-paragraph quotes (no closing mark at the end of a paragraph, the next
paragraph re-opens with a mark) and the same convention squeezed into one paragraph
(``... end of first part. "Second part ..."``). Single quotes are found in a separate,
stricter pass (:func:`scan_single`) because apostrophes look the same.

>>> [r.segments for r in scan_double('He said: "One. Two." Then')]
[[(10, 19)]]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_MARKS = re.compile(r"[\"“”„«»\n]")
_OPEN_PREV = set("([{—–-/:;\u00a0\n") | {" ", "\t"}
_CLOSE_NEXT = set(".,;:!?)]}—–-'’\u00a0\n") | {" ", "\t", ""}
_END_PUNCT = tuple(".!?…")


@dataclass
class RawQuote:
    """A quoted span: mark positions and the inner text segments (offsets into the body)."""

    open: int
    end: int = -1
    segments: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = False
    single: bool = False

    def text(self, body: str) -> str:
        """Inner text, segments joined by one space."""
        return " ".join(body[s:e] for s, e in self.segments)


def _direction(body: str, i: int) -> str:
    """``open``, ``close`` or ``either`` for the quote mark at ``body[i]``."""
    ch = body[i]
    prev = body[i - 1] if i > 0 else " "
    nxt = body[i + 1] if i + 1 < len(body) else ""
    opener = prev in _OPEN_PREV or prev.isspace()
    closer = nxt in _CLOSE_NEXT or nxt.isspace()
    if ch in "“„«":
        return "open"
    if ch in "”»":
        return "open" if opener and not closer else "close"
    if opener and not closer:
        return "open"
    if closer and not opener:
        return "close"
    return "either"


def _strip(body: str, lo: int, hi: int) -> tuple[int, int]:
    """Shrink ``[lo, hi)`` to exclude surrounding whitespace."""
    while lo < hi and body[lo].isspace():
        lo += 1
    while hi > lo and body[hi - 1].isspace():
        hi -= 1
    return lo, hi


class _Scanner:
    """State machine over quote marks; see :func:`scan_double`."""

    def __init__(self, body: str) -> None:
        self.body, self.out = body, []
        self.cur: RawQuote | None = None
        self.seg_start = 0
        self.pending = False  # current quote unclosed at a paragraph end
        self.para_start = 0

    def end_segment(self, hi: int) -> None:
        lo, hi = _strip(self.body, self.seg_start, hi)
        if hi > lo:
            self.cur.segments.append((lo, hi))

    def emit(self, end: int, closed: bool) -> None:
        self.cur.end, self.cur.closed = end, closed
        if self.cur.segments:
            self.out.append(self.cur)
        self.cur, self.pending = None, False

    def newline(self, i: int) -> None:
        if self.cur is not None and not self.pending:
            self.end_segment(i)
            self.pending, self.para_end = True, i
        self.para_start = i + 1

    def mark(self, i: int) -> None:
        d = _direction(self.body, i)
        if self.cur is not None and self.pending:
            at_para_start = not self.body[self.para_start:i].strip()
            if d != "close" and at_para_start:
                self.seg_start, self.pending = i + 1, False
                return
            self.emit(self.para_end, closed=False)
        if self.cur is None:
            if d != "close":
                self.cur, self.seg_start = RawQuote(open=i), i + 1
            return
        if d == "open" and self.body[self.seg_start:i].rstrip().endswith(_END_PUNCT):
            self.end_segment(i)  # unclosed part, re-opened within the paragraph
            self.seg_start = i + 1
            return
        self.end_segment(i)
        self.emit(i + 1, closed=True)


def scan_double(body: str) -> list[RawQuote]:
    """All double-quoted spans of ``body`` in order (linear in ``len(body)``)."""
    sc = _Scanner(body)
    blank = "\n\n" in body  # then a lone "\n" is a hard wrap, not a paragraph break
    for m in _MARKS.finditer(body):
        if m.group() == "\n":
            i = m.start()
            if not blank or body[i + 1:i + 2] == "\n" or body[i - 1:i] == "\n":
                sc.newline(i)
        elif not (m.group() == '"' and body[m.start() - 1:m.start()].isalpha()
                  and body[m.end():m.end() + 1].islower()):
            sc.mark(m.start())  # a straight mark before a lower-case letter (Acme"s, don"t)
    if sc.cur is not None:
        if not sc.pending:
            sc.end_segment(len(body))
            sc.para_end = len(body)
        sc.emit(sc.para_end, closed=False)
    return sc.out


_SINGLE = re.compile(r"[‘'](?=\w)([^\n'‘’]{1,600}?[\w.,!?])[’'](?=$|[\s,.;:!?)—–-])",
                     re.MULTILINE)
_SINGLE_MARK = re.compile("[‘']")
_SINGLE_PREV = frozenset(" \t\n([:—–\u00a0")


def scan_single(body: str) -> list[RawQuote]:
    """Single-quoted spans (``'...'`` or ``‘...’``) whose marks are clearly not apostrophes.

    The inner text may not contain a single quote mark of either kind, so contractions
    (``It's``) inside end the candidate; callers keep only clearly framed speech.
    """
    out: list[RawQuote] = []
    done = 0
    for mark in _SINGLE_MARK.finditer(body):
        i = mark.start()
        if i < done or (i and body[i - 1] not in _SINGLE_PREV):
            continue  # inside the previous match, or an apostrophe (it's, the players')
        m = _SINGLE.match(body, i)
        if m is None:
            continue
        done = m.end()
        lo, hi = _strip(body, m.start(1), m.end(1))
        out.append(RawQuote(open=m.start(), end=m.end(), segments=[(lo, hi)], closed=True,
                            single=True))
    return out
