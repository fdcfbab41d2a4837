"""Working records shared by the quote finder and the speaker resolvers.

:class:`Quote` is one quotation being built, :class:`Doc` a body with its paragraph index,
:class:`Mention` a speaker spoken of at some offset (the article's history).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from analysis.attribution import Frame
from analysis.quote_marks import RawQuote
from analysis.speakers import Speaker

_SUBHEAD = re.compile(r"\s*[-–—]\s.*\s[-–—]\s*")


@dataclass
class Quote:
    """Working state of one quote inside a document."""

    raw: RawQuote
    segments: list[tuple[int, int]]
    frame: Frame | None
    pattern: str
    partial: bool = False
    speaker: Speaker | None = None
    written: str = ""
    spk_pos: int = -1
    spk_end: int = -1
    merged: list[RawQuote] = field(default_factory=list)


class Doc:
    """Paragraph index of one body, for constant-time paragraph bounds."""

    def __init__(self, body: str) -> None:
        self.body = body
        blank = "\n\n" in body  # then a lone "\n" is a hard wrap inside a paragraph
        self.breaks = [m.start() for m in re.finditer("\n\n" if blank else "\n", body)]

    def para_bounds(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_left(self.breaks, pos)
        lo = self.breaks[k - 1] + 1 if k > 0 else 0
        hi = self.breaks[k] if k < len(self.breaks) else len(self.body)
        return lo, hi

    def is_subhead(self, pos: int) -> bool:
        lo, hi = self.para_bounds(pos)
        return hi - lo < 200 and bool(_SUBHEAD.fullmatch(self.body, lo, hi))


@dataclass
class Mention:
    """A speaker spoken of at body offset ``pos`` (one entry of the article's history)."""

    pos: int
    speaker: Speaker
    weak: bool = False  # a sentence subject, not a speaker: used for pronouns only
