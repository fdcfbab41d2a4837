"""Who said what: direct quotations in news bodies with their speakers, verbs and evidence.

``extract_quotes(articles)`` returns one row per quotation (see :data:`COLUMNS`); the rules
are general news conventions, documented in docs/quotes.md:

* quote marks: straight/curly double quotes, multi-sentence and multi-paragraph quotes,
  split quotes (``"...," he said. "..."`` -> one row); single quotes only when framed as speech;
* speakers: ``X said``, ``said X``, ``X told ...``, ``X, ..., saying: "..."``, ``according to X``,
  ``X said: "..."``; pronouns resolved to the latest compatible speaker; titles and roles
  stripped; one-word surnames mapped to the full name used earlier in the same article;
* not speech: scare quotes and terms (a few words, no speech frame, or after a determiner).

>>> import pandas as pd
>>> arts = pd.DataFrame({"doc_id": ["d"], "body": ['"We will win," said Mr Smith.']})
>>> extract_quotes(arts)[["quote", "speaker", "verb", "pattern"]].values.tolist()
[['We will win', 'Smith', 'say', 'after_inverted']]
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from analysis.attribution import (
    WINDOW,
    Frame,
    after_frame,
    before_frame,
    sentence_end,
    sentence_start,
    speaker_before,
    subject_np,
    verb_at,
)
from analysis.epithets import described_person
from analysis.names import first_named, gender_cues, named_by_pronoun, surname_alone
from analysis.quote_marks import RawQuote, scan_double, scan_single
from analysis.speakers import (
    DETERMINERS,
    FIRST_KEY,
    FUNCTION_WORDS,
    LAY_PEOPLE,
    NAME_TOKEN,
    ORG_HEADS,
    ROLE_MODIFIERS,
    Speaker,
    corefer,
    full_names,
    is_role,
    np_forward,
    speaker_of,
    tokenize_spans,
)

COLUMNS = [
    "doc_id", "quote_id", "quote", "speaker", "speaker_as_written", "speaker_kind", "verb",
    "start", "end", "speaker_start", "speaker_end", "para_ids", "sent_ids", "sent_start_id",
    "sent_end_id", "n_words", "partial", "confidence", "pattern",
]
CONFIDENCE = {
    "after_inverted": 0.95, "after": 0.95, "intro": 0.95, "intro_saying": 0.9, "intro_colon": 0.8,
    "after_according": 0.85, "intro_according": 0.85, "partial": 0.75, "context": 0.6,
    "none": 0.4,
}
_SUBHEAD = re.compile(r"\s*[-–—]\s.*\s[-–—]\s*")
_DETS = DETERMINERS | {"this", "that", "these", "those", "my", "your", "so-called", "called",
                       "dubbed", "termed", "as", "word", "words", "phrase", "term", "of"}


@dataclass
class _Quote:
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


class _Doc:
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


def _candidates(doc: _Doc, *, single: bool) -> list[RawQuote]:
    """Double-quoted spans plus single-quoted ones outside them; subheads dropped."""
    raws = [r for r in scan_double(doc.body) if not doc.is_subhead(r.open)]
    if single:
        starts = [r.open for r in raws]
        for s in scan_single(doc.body):
            k = bisect.bisect_right(starts, s.open)
            inside = k > 0 and raws[k - 1].end > s.open
            if not inside and not doc.is_subhead(s.open):
                raws.append(s)
        raws.sort(key=lambda r: r.open)
    return raws


def _ends_open(body: str, raw: RawQuote, after: str) -> bool:
    """Does the quote end like one followed by its attribution (``,"`` / ``?"`` / ``" said``)?"""
    last = body[raw.segments[-1][1] - 1]
    tail = after.lstrip()
    return last in ",?!…-—–:" or tail.startswith((",", "--", "—", "–")) or tail[:1].islower()


def _classify(doc: _Doc, raw: RawQuote, floor: int, ceil: int, *, min_words: int) -> _Quote | None:
    """Decide whether ``raw`` is speech and find its frame (None: not speech).

    Single-quoted spans need three words and an explicit frame (``'...,' he said`` or
    ``X said: '...'``).
    """
    q = _classify_any(doc, raw, floor, ceil, min_words=min_words)
    if q is None or not raw.single:
        return q
    words = len(doc.body[raw.segments[0][0]:raw.segments[-1][1]].split())
    colon = doc.body[max(0, raw.open - 3):raw.open].rstrip().endswith(":")
    if words >= 3 and q.frame and (q.pattern.startswith("after") or colon):
        return q
    return None


def _classify_any(doc: _Doc, raw: RawQuote, floor: int, ceil: int, *, min_words: int
                  ) -> _Quote | None:
    """Speech decision for any quoted span (see :func:`_classify`)."""
    body = doc.body
    s0 = sentence_start(body, floor, raw.open)
    before = body[s0:raw.open]
    if before.rstrip().endswith((".", "!", "?", "…")):  # the quote starts a new sentence
        s0, before = raw.open, ""
    s1 = sentence_end(body, raw.end, ceil)
    after = body[raw.end:s1]
    words = len(" ".join(body[s:e] for s, e in raw.segments).split())
    at_start = not before.strip() or before.rstrip().endswith(":")
    bf = before_frame(body, s0, raw.open) if before.strip() else None
    if not at_start and bf and bf[1]:
        return None if _named_thing(body, raw, bf[0]) else _Quote(
            raw, list(raw.segments), bf[0], bf[0].pattern)
    if at_start or (bf and bf[1]):
        af = after_frame(body, raw.end, s1) if _ends_open(body, raw, after) else None
        if af:
            return _Quote(raw, list(raw.segments), af, af.pattern)
        if bf:
            return _Quote(raw, list(raw.segments), bf[0], bf[0].pattern)
        colon = _colon_frame(body, s0, raw.open) if before.rstrip().endswith(":") else None
        if colon:
            return _Quote(raw, list(raw.segments), colon, colon.pattern)
        full = body[raw.segments[-1][1] - 1] in ".?!…" or before.rstrip().endswith(":")
        if (full and not raw.single) or words >= 2 * min_words:
            return _Quote(raw, list(raw.segments), None, "context")
        return None
    return _partial(doc, raw, (s0, s1), bf, words, min_words=min_words)


def _colon_frame(body: str, lo: int, hi: int) -> Frame | None:
    """``Drummer Jo Roe echoed those sentiments: "..."``: the subject of a sentence that ends
    with a colon introducing the quote speaks, whatever the verb."""
    toks = tokenize_spans(body[lo:hi], lo)
    words = [t for t, _, _ in toks]
    np = subject_np(words, len(words))
    if not np:
        return None
    spk = speaker_of(body[toks[np[0]][1]:toks[np[1] - 1][2]])
    if spk.kind not in {"person", "role", "pronoun"}:
        return None
    return Frame("", toks[np[0]][1], toks[np[1] - 1][2], "intro_colon", toks[-1][2])


def _partial(doc: _Doc, raw: RawQuote, sent: tuple[int, int], bf: tuple[Frame, bool] | None,
             words: int, *, min_words: int) -> _Quote | None:
    """A quote embedded in a sentence: speech when long enough, not a term, and framed."""
    body = doc.body
    prev = tokenize_spans(body[max(sent[0], raw.open - 40):raw.open])
    prev_word = prev[-1][0].lower() if prev else ""
    possessive = prev_word.endswith(("'s", "’s", "s'", "s’"))  # the bank's "new approach"
    accused = bf is not None and ((prev_word == "of" and bf[0].verb == "accuse") or (
        prev_word == "as" and bf[0].verb in _AS_VERBS))  # described it as "cynical and stupid"
    if prev_word in {"titled", "entitled", "headlined"}:
        return None  # a preprint "titled "Stable cycling of ..."": a title of any length
    if raw.single or ((prev_word in _DETS or possessive) and words <= 5 and not accused):
        return None  # not "the idea of "...""; but "accused X of "ruining the game"" is speech
    if _title_case(body[raw.segments[0][0]:raw.segments[-1][1]]):
        return None
    if bf and words >= min(2, min_words):  # X said he was "deeply ashamed": words of X
        return _Quote(raw, list(raw.segments), bf[0], "partial", partial=True)
    if _ends_open(body, raw, body[raw.end:sent[1]]):  # ... is "x y", said X. (any length)
        af = after_frame(body, raw.end, sent[1])
        rest = body[af.end:sent[1]].strip() if af else "x"
        if af and (not rest.strip(".!?") or rest.startswith(",")):
            return _Quote(raw, list(raw.segments), af, "partial", partial=True)
    if words < min_words:
        return None
    if bf:
        return _Quote(raw, list(raw.segments), bf[0], "partial", partial=True)
    tail = _tail_frame(body, raw.end, sent[1])
    if tail:
        return _Quote(raw, list(raw.segments), tail, "partial", partial=True)
    if words >= 2 * min_words:
        return _Quote(raw, list(raw.segments), None, "context", partial=True)
    return None


_NAMING = frozenset({"brand", "label", "call", "dub"})
_AS_VERBS = frozenset({"describe", "brand", "label", "dismiss", "condemn", "hail", "criticise",
                       "criticize", "praise"})


def _named_thing(body: str, raw: RawQuote, frame: Frame) -> bool:
    """``the government has branded "Bright Water 2040"``: a Title Case name, not speech."""
    text = body[raw.segments[0][0]:raw.segments[-1][1]]
    return (frame.verb in _NAMING and len(text.split()) >= 2 and _title_case(text)
            and text.rstrip()[-1:] not in ".!?")


def _after_det(body: str, raw: RawQuote) -> bool:
    """Is the quote right after a determiner (``a "victory plan"``)?"""
    prev = body[max(0, raw.open - 20):raw.open].split()
    return bool(prev) and prev[-1].lower() in _DETS


def _title_case(text: str) -> bool:
    """A title, motto or name in Title Case ("Bringing The Gold To Market"), not speech."""
    words = [w for w in text.split() if w[:1].isalpha()]
    caps = sum(w[0].isupper() for w in words)
    return len(words) <= 12 and caps >= 0.6 * len(words)


def _tail_frame(body: str, lo: int, hi: int) -> Frame | None:
    """``..., MPs have warned.`` at the end of the sentence after an embedded quote."""
    comma = body.rfind(",", lo, hi)
    if comma < 0 or '"' in body[comma:hi]:
        return None
    frame = after_frame(body, comma, hi)
    return frame if frame and not body[frame.end:hi].strip(" .!?") else None


def _merge_splits(doc: _Doc, quotes: list[_Quote]) -> list[_Quote]:
    """Join ``"A," he said. "B"`` / ``"A," said X, "b"`` into one quote when B has no frame."""
    out: list[_Quote] = []
    for q in quotes:
        head = out[-1] if out else None
        gap = doc.body[head.frame.end:q.raw.open] if head and head.frame else "x"
        if (head and head.frame and head.pattern.startswith("after") and q.frame is None
                and not q.partial and (not gap.strip(" ,.;:") or _one_clause(gap))
                and doc.para_bounds(head.raw.open) == doc.para_bounds(q.raw.open)):
            head.segments.extend(q.segments)
            head.merged.append(q.raw)
            continue
        if (head and q.frame and head.frame and q.pattern.startswith("intro")
                and head.frame.speaker_start == q.frame.speaker_start):
            head.segments.extend(q.segments)  # "A," said X, "b" seen as an intro of b
            head.merged.append(q.raw)
            continue
        out.append(q)
    return out


def _inherit(doc: _Doc, prev: _Quote, q: _Quote) -> _Quote:
    """A second partial quote in the same sentence shares the first one's frame."""
    gap = doc.body[prev.raw.end:q.raw.open]
    if prev.frame and len(gap) < WINDOW and not re.search(r"[.!?]\s+[A-Z]", gap):
        return _Quote(q.raw, q.segments, prev.frame, "partial", partial=True)
    return q


def _one_clause(gap: str) -> bool:
    """``, also known as Jo. `` between an attribution and the next quote: still the same turn."""
    text = gap.strip()
    return len(text) < 120 and text.startswith(",") and text.endswith((".", ":")) and not any(
        mark in text[:-1] for mark in '.!?"“”'
    )


def _doc_quotes(doc_id: str, body: str, *, min_words: int, single: bool) -> list[dict]:
    """All quotes of one body as row dicts (sentence ids filled later)."""
    doc = _Doc(body)
    raws = _candidates(doc, single=single)
    quotes = []
    for k, raw in enumerate(raws):
        p0, p1 = doc.para_bounds(raw.open)
        floor = max(p0, raws[k - 1].end) if k else p0
        ceil = min(doc.para_bounds(raw.end - 1)[1],
                   raws[k + 1].open if k + 1 < len(raws) else len(body), raw.end + WINDOW)
        ceil = max(ceil, raw.end)
        q = _classify(doc, raw, floor, ceil, min_words=min_words)
        if q is None and quotes and quotes[-1].partial and not raw.single and len(
                raw.text(body).split()) >= min_words and not _after_det(body, raw):
            q = _Quote(raw, list(raw.segments), None, "context", partial=True)  # shares below
            q = _inherit(doc, quotes[-1], q)
            q = q if q.frame else None
        if q and q.frame is None and q.partial and quotes and quotes[-1].partial:
            q = _inherit(doc, quotes[-1], q)
        if q:
            quotes.append(q)
    quotes = _merge_splits(doc, quotes)
    _resolve_speakers(doc, quotes)
    return [_row(doc_id, i, q, body) for i, q in enumerate(quotes)]


# ---------------------------------------------------------------- speakers in context


@dataclass
class _Mention:
    pos: int
    speaker: Speaker
    weak: bool = False  # a sentence subject, not a speaker: used for pronouns only


_FOR_RE = re.compile(r"(?:\A|\n|[.!?]\s)For ((?:[\w'’.-]+ ){0,6}[\w'’.-]+),")


_MENTION_VERB = re.compile(r"\b(?:said|says|told|tells|added|adds|warned|[Aa]ccording|argued|"
                           r"insisted|stressed|explained|believes?|thinks?|telling|saying|"
                           r"adding|warning|insisting|agreed|agrees|disagreed|recalled|recalls|"
                           r"admitted|admits|conceded|replied|wrote|writes|noted|claimed|"
                           r"explains|argues|insists|warns|confirmed|announced)\b")
_VERDICT_RE = re.compile(r"\b(?:That|This|Such|Those|These) (?:was|is|were|are) (?:the |one )?"
                         r"(?:verdict|view|message|warning|words?|assessment|reaction|response|"
                         r"opinion|advice|plea|answer) (?:of|from) ((?:[\w'’.-]+ ){0,5}[\w'’.-]+)")
"""``"...". That was the verdict of Jo Roe, ...``: the speaker named after the quote."""


def _frame_mentions(doc: _Doc, quotes: list[_Quote], names: dict,
                    windows: list[tuple[int, int]]) -> list[tuple[int, str, int]]:
    """Indirect-speech speakers outside quotes: ``X said (that) ...``, ``For X, ...``; each
    ``(offset, text, flag)`` (flag -1: a weak mention, an antecedent but not a speaker)."""
    body, spans = doc.body, sorted((r.open, r.end) for q in quotes for r in [q.raw, *q.merged])
    starts = [s for s, _ in spans]
    out = []
    for m in (m for lo, hi in windows for m in _MENTION_VERB.finditer(body, lo, hi)):
        k = bisect.bisect_right(starts, m.start())
        if k and spans[k - 1][1] > m.start():
            continue  # inside a quote
        if k < len(starts) and starts[k] - m.start() < 40 and not re.search(
            r"[.!?]\s", body[m.end():starts[k]]
        ):
            continue  # the frame introducing the next quote
        found = _verb_mention(doc, m)
        out += [found] if found else []
    for m in (m for lo, hi in windows for m in _FOR_RE.finditer(body, lo, hi)):
        if speaker_of(m.group(1)).kind in {"person", "role"}:
            out.append((m.start(1), m.group(1), m.start(1)))
    for m in (m for lo, hi in windows for m in _VERDICT_RE.finditer(body, lo, hi)):
        toks = tokenize_spans(m.group(1), m.start(1))
        np = np_forward([t for t, _, _ in toks], 0)
        if np and speaker_of(m.group(1)).kind in {"person", "role"}:
            out.append((m.start(1), body[toks[np[0]][1]:toks[np[1] - 1][2]], m.start(1)))
    out += [(pos, name, -1) for lo, hi in windows for pos, name, _ in named_by_pronoun(
        body, lo, hi)]  # "She was born Jo Roe": a weak mention, gendered by gender_cues
    return (out + _subject_mentions(doc, names, windows, spans)
            + _titled_mentions(doc, quotes, windows)
            + _introduced_mentions(doc, quotes, windows))


_PASSIVE = frozenset({"was", "were", "been", "being", "is", "are", "be"})


def _verb_mention(doc: _Doc, m: re.Match) -> tuple[int, str, int] | None:
    """The speaker of the reporting verb ``m`` outside quotes (``X said that ...``, ``, said X``,
    ``according to X``), as ``(offset, text, offset)``."""
    body = doc.body
    lo = max(doc.para_bounds(m.start())[0], m.start() - 200)
    while body[lo - 1:lo].isalnum() or body[lo - 1:lo] in {"'", "’", "-"}:
        lo += 1  # never start inside a word
    s0 = sentence_start(body, lo, m.start())
    toks = tokenize_spans(body[s0:m.end() + 40], s0)
    words = [t for t, _, _ in toks]
    v = next((i for i, t in enumerate(toks) if t[1] == m.start()), None)
    if v is None or not verb_at(toks, v):
        return None
    if v and words[v - 1].lower() in _PASSIVE and words[v].lower().endswith(("ed", "told")):
        return None  # "Staff were told ...", "he was urged": the listener, not a speaker
    if words[v].endswith("ing") and words[v].lower() != "according" and (
            v == 0 or words[v - 1] not in {",", "as"}):
        return None  # "a verbal warning": only ", adding/saying that ..." reports speech
    according = words[v].lower() == "according"
    if according or (v and words[v - 1] == "," and not words[v].endswith("g")):
        np = np_forward(words, v + (2 if according else 1))
        if np and np[1] < len(words) and words[np[1]] not in {",", ".", ";", "--", "-"}:
            np = None  # ", said X" must end there: ", said the plan was" is not a speaker
        if np is None and not according:
            np = speaker_before(words, v)  # "X, who ..., said the plan was"
    else:
        np = speaker_before(words, v)
        if np is None:
            np = subject_np(words, v)
            if np and speaker_of(" ".join(words[np[0]:np[1]])).kind != "role":
                np = None
    if not np:
        return None
    return toks[np[0]][1], body[toks[np[0]][1]:toks[np[1] - 1][2]], toks[np[0]][1]


_AGE_TAIL = re.compile(r", \d{1,3},?\Z")
_AGED = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+(?: [A-Z][\w'’-]+){0,2}), \d{1,3},")
_INTRODUCED = re.compile(r"(?<![\w'’.-])(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame)"
                         r"\.? )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}(?=, (?:an?|the) [a-z])")


_APPOS_END = frozenset({"at", "of", "for", "in", "from", "with", "who", "whose", "which", "and"})


def _role_apposition(body: str, pos: int) -> bool:
    """``, a geographer at ...`` / ``, the club's captain``: the apposition names a role."""
    words = []
    for word in body[pos + 2:pos + 90].split()[:10]:
        bare = word.rstrip(",.;:")
        if word.lower() in _APPOS_END:
            break
        words.append(bare)
        if bare != word:
            break
    head = words[-1].lower() if len(words) > 1 else ""
    return is_role(head) or (head.endswith(("er", "ist", "ian", "or", "ant", "ent")) and (
        head.rstrip("s") not in ORG_HEADS))


def _introduced_mentions(doc: _Doc, quotes: list[_Quote], windows: list[tuple[int, int]]
                         ) -> list[tuple[int, str, int]]:
    """``Dr Jo Roe, a geographer at ...`` anywhere in the prose: a person introduced by name and
    role, the antecedent of the next he/she (news introduces a new voice this way)."""
    spans = sorted((r.open, r.end) for q in quotes for r in [q.raw, *q.merged])
    starts = [s for s, _ in spans]
    out = []
    for m in (m for lo, hi in windows for m in _INTRODUCED.finditer(doc.body, lo, hi)):
        k = bisect.bisect_right(starts, m.start())
        spk = speaker_of(m.group())
        prev = doc.body[max(0, m.start() - 30):m.start()].split()
        if (prev and prev[-1][:1].isupper()) or not _role_apposition(doc.body, m.end()):
            continue  # inside a longer capitalised run, or "Acme Re, the biggest firm"
        if not (k and spans[k - 1][1] > m.start()) and spk.kind == "person" and (
                " " in spk.canonical):
            out.append((m.start(), m.group(), -1))
    for m in (m for lo, hi in windows for m in _AGED.finditer(doc.body, lo, hi)):
        k = bisect.bisect_right(starts, m.start())
        word = m.group(1).split(" ", 1)[0]
        if not (k and spans[k - 1][1] > m.start()) and word.lower() not in FUNCTION_WORDS and (
                speaker_of(m.group(1)).kind == "person"):
            out.append((m.start(1), m.group(), -1))  # "Jo, 81, walks ...": a new voice
    return out


_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss)\.? [A-Z][\w'’-]*\w(?![\w'’-])(?! [A-Z])")


def _titled_mentions(doc: _Doc, quotes: list[_Quote], windows: list[tuple[int, int]]
                     ) -> list[tuple[int, str, int]]:
    """``Mr Roe`` in the prose (not inside quotes, not after a reporting verb in its sentence,
    where it is someone else's object): a gendered antecedent for he/she."""
    spans = sorted((r.open, r.end) for q in quotes for r in [q.raw, *q.merged])
    starts = [s for s, _ in spans]
    out = []
    for m in (m for lo, hi in windows for m in _TITLED.finditer(doc.body, lo, hi)):
        k = bisect.bisect_right(starts, m.start())
        s0 = sentence_start(doc.body, doc.para_bounds(m.start())[0], m.start())
        if not (k and spans[k - 1][1] > m.start()) and not _MENTION_VERB.search(
                doc.body, s0, m.start()):
            out.append((m.start(), m.group(), -1))
    return out


_SENT_START = re.compile(r"(?:(?:\A|\n)(?:\d{1,2}[:.]\d{2}(?: [A-Z]{2,4})?[:,]? )?|[.!?][\"”’]?\s)"
                         r"(?P<conj>(?:But|And|However|Yet|So|Meanwhile|Now),? )?"
                         r"(?=[A-Z]|(?:a|an|the) )")
_NAMEISH = re.compile(r"[^.!?\n]{0,60}?(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Sir)\b|[A-Z][\w'’-]+ [A-Z])")
_INTRO_NAME = re.compile(r"[^.!?\n]{0,50}?, ((?:[A-Z][\w'’-]+ ){1,2}[A-Z][\w'’-]+),? [a-z]")
_INTRO_SURNAME = re.compile(r"[^.!?\n]{0,50}?, ([A-Z][\w'’-]+) [a-z]")  # "Back home, Roe is ..."


_FIRST_WORD = re.compile(r"\w+")
_ARTICLES = frozenset({"The", "A", "An", "a", "an", "the"})
_POSSESSIVES = frozenset({"His", "Her", "Its", "Their"})  # "His daughter, Jo Roe, ..."


def _subject_mentions(doc: _Doc, names: dict, windows: list[tuple[int, int]],
                      spans: list[tuple[int, int]]) -> list[tuple[int, str, int]]:
    """Named people who are the subject of a sentence (``Ms Roe is determined ...``)."""
    out = []
    body = doc.body
    starts = [s for s, _ in spans]
    for m in (m for lo, hi in windows for m in _SENT_START.finditer(body, lo, hi)):
        k = bisect.bisect_right(starts, m.end())
        if k and spans[k - 1][1] > m.end():
            continue  # a sentence inside a quote
        conj = m.group("conj") is not None  # "But Roe ...": the capital marks a name
        first = _FIRST_WORD.match(body, m.end())
        word = first.group() if first else ""
        start = m.end()
        if word.lower() in FUNCTION_WORDS and word not in _ARTICLES | _POSSESSIVES:
            intro = _INTRO_NAME.match(body, m.end())  # "In Leeds, Jo Roe has waited ..."
            if not intro or speaker_of(intro.group(1)).kind != "person":
                continue
            word, start = intro.group(1).split(" ", 1)[0], intro.start(1)
        if not conj and word not in _POSSESSIVES and not _NAMEISH.match(body, m.end()) and not any(
                len(full.split()[0]) > 1 for _, full in names.get(word, ())):
            intro = _INTRO_SURNAME.match(body, m.end())
            if not intro or intro.group(1) not in names:
                continue  # a capitalised run, or a surname already introduced with a full name
            start = intro.start(1)  # "Back at home, Roe is ...": the subject after the comma
        toks = tokenize_spans(body[start:start + 90], start)
        words = [t for t, _, _ in toks]
        np = subject_np(words, len(words)) or np_forward(words, 0)
        nxt = words[np[1]] if np and np[1] < len(words) else ""
        if np and (nxt == "," or (nxt[:1].islower() and nxt.isalpha())):
            written = body[toks[np[0]][1]:toks[np[1] - 1][2]]
            if _subject_ok(speaker_of(written), written, names, conj=conj):
                out.append((toks[np[0]][1], written, -1))
    return out


def _subject_ok(spk: Speaker, written: str, names: dict, *, conj: bool) -> bool:
    """A named person, or a singular role tied to a capitalised organisation."""
    if spk.kind == "person":
        if len(spk.canonical.split()) > 4:
            return False  # "U.S. Imposed Tariffs Hit Chip Makers ...": a headline-case run
        return " " in spk.canonical or bool(spk.gender) or conj or spk.canonical in names
    return spk.kind == "role" and not spk.plural and any(
        w[:1].isupper() for w in written.split()) and spk.canonical not in LAY_PEOPLE


def _resolve_speakers(doc: _Doc, quotes: list[_Quote]) -> None:
    """Fill speaker fields: normalise, corefer surnames, resolve pronouns and context quotes."""
    if not quotes:
        return
    body = doc.body
    whole = [(0, len(body))] if len(body) < 200_000 else None
    names = full_names(body, windows=whole or _windows(quotes, 5000))
    genders = gender_cues(body, whole or _windows(quotes, 5000),
                          lambda word, at: corefer(word, at, names))
    history: list[_Mention] = []
    orphans: list[_Quote] = []  # context quotes before any speaker: take the next one nearby
    last: _Quote | None = None  # the latest context quote
    for pos, _, item, weak in _events(doc, quotes, names, whole):
        written = item.written if isinstance(item, _Quote) else item
        if isinstance(item, _Quote) and item.frame is None:
            item.speaker = (_pronoun_lead(doc, item, history, genders)
                            or _para_person(doc, item, names, history) or _latest(history, "any"))
            if item.speaker is None:
                orphans.append(item)
            last = item
            continue
        spk = _resolve_one(doc, written, pos, isinstance(item, _Quote), names, genders, history)
        if spk is not None:
            history.append(_Mention(pos, spk, weak))
            for orphan in orphans if not weak else []:
                if 0 <= pos - orphan.raw.end < 300:
                    orphan.speaker = spk
            orphans = orphans if weak else []
            if last and not weak and not isinstance(item, _Quote) and _names_after(doc, last, pos):
                last.speaker = spk  # '"...". Jo Roe says this often' / 'That was the view of'
        if isinstance(item, _Quote):
            item.speaker = spk


def _events(doc: _Doc, quotes: list[_Quote], names: dict, whole: list[tuple[int, int]] | None
            ) -> list[tuple[int, int, object, bool]]:
    """Quotes (with their frame's speaker text) and speaker mentions in text order: (offset,
    0 mention / 1 quote, the quote or the mention text, weak mention)."""
    events: list[tuple[int, int, object, bool]] = []
    for q in quotes:
        if q.frame:
            q.written = doc.body[q.frame.speaker_start:q.frame.speaker_end]
            q.spk_pos, q.spk_end = q.frame.speaker_start, q.frame.speaker_end
            events.append((q.spk_pos, 1, q, False))
        else:
            events.append((q.raw.open, 1, q, False))
    needy = [q for q in quotes if q.frame is None or speaker_of(q.written).kind == "pronoun"
             or _SHORT_ROLE.match(q.written) or _generic_role(speaker_of(q.written))]
    windows = (whole or _windows(needy, 1500)) if needy else []
    for pos, written, flag in _frame_mentions(doc, quotes, names, windows):
        events.append((pos, 0, written, flag < 0))
    events.sort(key=lambda e: (e[0], e[1], not e[3]))  # at one place the weak mention first
    return events


def _resolve_one(doc: _Doc, written: str, pos: int, quoted: bool, names: dict,
                 genders: dict[str, str], history: list[_Mention]) -> Speaker | None:
    """The speaker meant by ``written`` at ``pos`` (a quote's frame when ``quoted``, else an
    indirect-speech mention), given the speakers so far."""
    body = doc.body
    spk = _canonical(written, pos, names, genders, body)
    if spk.kind == "role" and (quoted or _SHORT_ROLE.match(written) or _generic_role(spk)):
        spk = _role_reference(doc, written, spk, pos, history)
    if spk.kind == "role" and described_person(written, spk, body, pos):
        spk = _latest(history, "person") or _named_before(names, pos, _SOMEONE, genders) or spk
    if spk.kind == "org" and spk.canonical.split(" ")[-1] in _GENERIC_ORGS and (
            spk.canonical.islower() and written[:4] in {"the ", "The "}):
        spk = next((m.speaker for m in reversed(history[-50:]) if m.speaker.kind == "org"
                    and m.speaker.canonical[:1].isupper()), None) or _appositive_org(
            body, pos, spk)  # the company: Acme
        spk = _plain_subject(doc, pos) or spk if spk.canonical.islower() else spk
    if spk.kind == "role" and written[:4] in {"the ", "The "} and " " in spk.canonical:
        *mods, head = spk.canonical.split(" ")
        generic = head in _TITLE_ROLES and all(w in ROLE_MODIFIERS for w in mods)
        titled = _titled_person(body, re.escape(written[4:]), pos) or (
            _titled_person(body, head, pos) if generic else None)  # "the former minister"
        spk = titled[0] if titled else spk  # "the former prime minister": the one named so
    head = written.rsplit(" ", 1)[-1].lower()
    if spk.canonical == "person" and head in _TITLE_ROLES and written[:4] in {"the ", "The "}:
        titled = _titled_person(body, head, pos)  # the Hornets boss: "boss Jo Roe"
        spk = _canonical(titled[0].canonical, pos, names, genders, body) if titled else spk
    if spk.kind == "pronoun" and spk.canonical == "person":
        return _described_latest(history, names, pos, genders, body)
    if spk.kind == "pronoun":
        return _latest(history, spk.canonical, genders) or _named_before(names, pos, spk, genders)
    return spk


def _names_after(doc: _Doc, q: _Quote, pos: int) -> bool:
    """Is ``pos`` in the sentence right after the context quote ``q`` (same paragraph)?"""
    gap = doc.body[q.raw.end:pos]
    return 0 <= len(gap) < 60 and "\n" not in gap and not any(m in gap for m in '"“”.!?')


_GENERIC_ORGS = frozenset({"company", "firm", "group", "carmaker", "airline", "bank", "lender",
                           "retailer", "insurer", "manufacturer", "operator", "chipmaker",
                           "utility", "club", "charity", "broadcaster", "newspaper", "agency",
                           "giant", "chain", "supermarket", "startup", "start-up", "miner"})
"""``the company said``: the organisation named before (the latest one spoken of)."""


def _appositive_org(body: str, pos: int, spk: Speaker) -> Speaker:
    """``His former club, Acme Rovers, ...`` then ``the club said``: the name in apposition."""
    head = spk.canonical.split(" ")[-1]
    pattern = rf"\b{re.escape(head)}, ([A-Z][\w'’&-]*(?: [A-Z][\w'’&-]*){{0,3}})[,.]"
    found = list(re.finditer(pattern, body[max(0, pos - 1500):pos]))
    return Speaker(found[-1].group(1), "org") if found else spk


_SOMEONE = Speaker("person", "pronoun")  # the 24-year-old: any person named before
_SHORT_ROLE = re.compile(r"(?:[Tt]he|[Aa]n?) (?:[a-z]+ )?[a-z]+\Z")
_SPOKES = ("spokesman", "spokeswoman", "spokesperson")


def _sentence_subject_org(doc: _Doc, pos: int) -> str | None:
    """``Acme Co. is trying ..., a spokesman for the manufacturer said``: the capitalised
    organisation that opens the sentence."""
    s0 = sentence_start(doc.body, doc.para_bounds(pos)[0], pos)
    words = [t for t, _, _ in tokenize_spans(doc.body[s0:pos])]
    np = np_forward(words, 0)
    spk = speaker_of(" ".join(words[np[0]:np[1]])) if np else None
    return spk.canonical if spk and spk.kind == "org" and spk.canonical[:1].isupper() else None


def _plain_subject(doc: _Doc, pos: int) -> Speaker | None:
    """``Acme Foods recalled the bars. In a statement, the company said``: a bare capitalised
    name opening the sentence before (not ``Roe's lawyer, Jo Poe``) is the company."""
    name = _previous_subject_org(doc, doc.para_bounds(pos)[0], pos)
    if not name or not name[:1].isupper() or " " not in name:
        return None  # "Shares in Acme slipped": one capitalised word may be a common noun
    opening = re.compile(rf"(?:\A|\n|[.!?] ){re.escape(name)} [a-z]")
    return Speaker(name, "org") if opening.search(doc.body[max(0, pos - 400):pos]) else None


def _generic_role(spk: Speaker) -> bool:
    """``a spokesman for the company`` -> "company spokesman": its organisation is named before."""
    words = spk.canonical.split(" ")
    return (spk.kind == "role" and 2 <= len(words) <= 3 and words[-2] in _GENERIC_ORGS
            and words[-1] in _SPOKES and spk.canonical.islower())  # "airplane manufacturer"


def _role_reference(doc: _Doc, written: str, spk: Speaker, pos: int,
                    history: list[_Mention]) -> Speaker:
    """Short roles that point back: ``the official`` -> the ``economy ministry official``
    introduced before; ``a spokesperson`` -> the organisation speaking in that paragraph;
    ``an agency spokeswoman`` -> the ``X Agency`` named before."""
    words = spk.canonical.split(" ")
    if _generic_role(spk):  # "a spokesman for the company"
        org = next((m.speaker.canonical for m in reversed(history[-50:])
                    if m.speaker.kind == "org" and m.speaker.canonical[:1].isupper()), None)
        org = org or _sentence_subject_org(doc, pos)
        return Speaker(f"{org} {words[-1]}", "role", spk.gender) if org else spk
    if not _SHORT_ROLE.match(written) or len(words) > 2:
        return spk
    if len(words) == 1 and written[:4] in {"the ", "The "}:
        titled = _titled_person(doc.body, words[0], pos) if words[0] in _TITLE_ROLES else None
        for m in reversed(history[-50:]):
            if m.speaker.kind == "role" and m.speaker.canonical.endswith(" " + words[0]):
                return titled[0] if titled and titled[1] > m.pos else m.speaker
        if words[0] in _ANONYMOUS:  # "A source close to X said ... The insider added"
            for m in reversed(history[-10:]):
                if m.speaker.kind == "role" and m.speaker.canonical.split(" ")[-1] in _ANONYMOUS:
                    return m.speaker
        if titled:  # the judge: the person named after the title, when written later
            return titled[0]
    if words[-1] not in _SPOKES:
        return spk
    if len(words) == 2:
        org = _named_org(doc.body, pos, Speaker(words[0], "org"))
        return Speaker(f"{org.canonical} {words[1]}", "role", spk.gender) if (
            org.canonical != words[0]) else spk
    para = doc.para_bounds(pos)[0]
    org = _previous_subject_org(doc, para, pos)
    if org:
        return Speaker(f"{org} {words[0]}", "role", spk.gender)
    for m in reversed(history[-10:]):
        if m.pos < para:
            break
        if m.speaker.kind == "org" and m.speaker.canonical[:1].isupper():
            return Speaker(f"{m.speaker.canonical} {words[0]}", "role", spk.gender)
    org = _earlier_subject_org(doc, para, pos)
    return Speaker(f"{org} {words[0]}", "role", spk.gender) if org else spk


def _earlier_subject_org(doc: _Doc, para: int, pos: int) -> str | None:
    """``Acme cut 500 jobs. Staff were told. A spokesman said``: the organisation opening one
    of the two sentences before the previous one, in the same paragraph."""
    for _ in range(2):
        pos = sentence_start(doc.body, para, pos + 1) - 2
        org = _previous_subject_org(doc, para, pos) if pos > para + 2 else None
        if org:
            return org
    return None


_ANONYMOUS = frozenset({"source", "insider", "person"})
_TITLE_ROLES = frozenset({
    "judge", "senator", "minister", "secretary", "president", "governor", "mayor", "coach",
    "manager", "captain", "chancellor", "prosecutor", "ambassador", "commissioner", "chairman",
    "chairwoman", "inspector", "detective", "sheriff", "premier", "skipper", "congressman",
    "congresswoman", "councillor", "lawmaker", "executive", "superintendent", "boss",
    "spokesman", "spokeswoman", "spokesperson"})
"""``the judge said`` after ``U.S. District Judge Jo Roe``: the person who holds the title."""


_TITLE_ABBR = {"governor": ("gov",), "senator": ("sen",), "detective": ("det",),
               "inspector": ("insp", "di"), "superintendent": ("supt",), "captain": ("capt",),
               "congressman": ("rep",), "congresswoman": ("rep",), "councillor": ("cllr",),
               "prosecutor": ("attorney",), "minister": ("secretary",),
               "boss": ("chief executive", "manager", "head coach", "chairman")}


def _titled_person(body: str, role: str, pos: int) -> tuple[Speaker, int] | None:
    """The latest full name written right after ``role`` (any case) before ``pos``, or with
    ``role`` in apposition (``Jo Roe, the Acme chief executive,``), and where it was written."""
    role = "|".join((role, *_TITLE_ABBR.get(role, ())))
    lo = max(0, pos - 3000)
    pattern = (rf"\b(?i:{role})\.?,? ((?:{NAME_TOKEN} ){{0,3}}{NAME_TOKEN})"
               rf"(?![\w'’-]| [A-Z])")
    appos = (rf"((?:{NAME_TOKEN} ){{1,3}}{NAME_TOKEN}), (?:the |its |his |her |"
             rf"[A-Z][\w'’-]*['’]s )?(?:[\w'’-]+ ){{0,3}}(?i:{role})(?=[,.])")  # "Jo Roe, the PM,"
    found = [*re.finditer(pattern, body[lo:pos]), *re.finditer(appos, body[lo:pos])]
    for m in sorted(found, key=lambda m: m.start(1), reverse=True):
        spk = speaker_of(m.group(1))
        if spk.kind == "person" and " " in spk.canonical:
            return spk, lo + m.start(1)
    return None


def _previous_subject_org(doc: _Doc, para: int, pos: int) -> str | None:
    """``But Acme denied it. A spokesperson said``: the organisation that is the subject of the
    sentence before (or, at a paragraph start, of the previous paragraph's first sentence)."""
    s0 = sentence_start(doc.body, para, pos + 1)
    if s0 - 2 <= para:
        if para < 2:
            return None
        s_prev, s0 = doc.para_bounds(para - 2)[0], para  # the paragraph before
        s0 = min(s0, sentence_end(doc.body, s_prev, s0))
    else:
        s_prev = sentence_start(doc.body, para, s0 - 2)
    toks = tokenize_spans(doc.body[s_prev:s0], s_prev)
    words = [t for t, _, _ in toks]
    while words and words[0].lower() in {"but", "and", "however", "meanwhile", ","}:
        words = words[1:]
    np = np_forward(words, 0)
    if np and np[1] < len(words) and words[np[1]] == ",":  # "Acme, which ..., said"
        np = subject_np(words, len(words)) or np
    if not np or np[1] >= len(words) or not (words[np[1]][:1].islower() or words[np[1]] == ","):
        return None
    spk = speaker_of(" ".join(words[np[0]:np[1]]))
    named = spk.kind == "person" and words[0][:1].isupper()  # "Acme Oil denied it."
    head = spk.kind == "org" and (spk.canonical[:1].isupper() or spk.canonical in ORG_HEADS)
    if " " not in spk.canonical and spk.canonical[:1].isupper() and not re.search(
            rf"[a-z,] {re.escape(spk.canonical)}\b", doc.body[max(0, pos - 3000):pos + 3000]):
        return None  # "Staff were told.": capitalised only because it opens the sentence
    return spk.canonical if head or named else None


def _windows(quotes: list[_Quote], back: int) -> list[tuple[int, int]]:
    """Merged body ranges reaching ``back`` characters before each quote (for long bodies)."""
    out: list[tuple[int, int]] = []
    for q in sorted(quotes, key=lambda q: q.raw.open):
        lo, hi = max(0, q.raw.open - back), max(q.raw.end, q.spk_end)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _named_before(names: dict[str, list[tuple[int, str]]], pos: int, pronoun: Speaker,
                  genders: dict[str, str]) -> Speaker | None:
    """Fallback for he/she: the last full personal name of a compatible gender before ``pos``
    (the gender is remembered for the next pronoun)."""
    if pronoun.canonical not in {"he", "she", "person"}:
        return None  # "person": the 24-year-old, the Dutchman (any gender)
    best = max(((p, n) for cands in names.values() for p, n in cands
                if p < pos and (pronoun.canonical == "person"
                                or genders.get(n, pronoun.gender) == pronoun.gender)),
               default=None)
    if best is None:
        return None
    if pronoun.canonical == "person":
        return Speaker(best[1], "person", genders.get(best[1], ""))
    genders[best[1]] = pronoun.gender
    return Speaker(best[1], "person", pronoun.gender)


def _described_latest(history: list[_Mention], names: dict, pos: int,
                      genders: dict[str, str], body: str) -> Speaker | None:
    """``the 26-year-old``, ``the Fijian``: the latest person spoken of, or the full name
    written after that person (news names someone, then describes them)."""
    mention = next((m for m in reversed(history[-50:]) if m.speaker.kind == "person"
                    and not m.speaker.plural), None)
    named = _named_before(names, pos, _SOMEONE, genders)
    if named and mention and named.canonical != mention.speaker.canonical:
        at = max(p for cands in names.values() for p, n in cands
                 if p < pos and n == named.canonical)
        later = at > mention.pos and surname_alone(body, named.canonical, pos)
        return named if later else mention.speaker
    return (mention.speaker if mention else None) or named


def _canonical(written: str, pos: int, names: dict, genders: dict[str, str],
               body: str = "") -> Speaker:
    """Normalised speaker with the surname mapped to the full name and gender remembered."""
    spk = speaker_of(written)
    if spk.kind == "org" and written[:4] in {"the ", "The "} and " " not in spk.canonical:
        return _named_org(body, pos, spk)
    if spk.kind == "role" and spk.canonical[:1].isupper() and " " not in spk.canonical:
        full = corefer(spk.canonical, pos, names)  # "Dean, 30, said" after "Dean Walsh"
        if " " in full:
            return Speaker(full, "person", genders.get(full, ""))
    if spk.kind == "person":
        full = corefer(spk.canonical, pos, names)
        if " " not in full and not spk.gender and not genders.get(full) and not _AGE_TAIL.search(
                written):
            return Speaker(full, "org")  # a lone capitalised word never introduced: entity
        if spk.canonical not in names and " " not in spk.canonical and not (
                spk.gender or genders.get(full) or (full == spk.canonical and _AGE_TAIL.search(
                    written))):
            return Speaker(first_named(spk.canonical, full, names, FIRST_KEY), "org")  # "Acme" ->
            # "Acme Networks" (or a first name): unsure
        if spk.gender:
            genders[full] = spk.gender
        spk = Speaker(full, "person", genders.get(full, spk.gender), spk.plural)
    return spk


_SURNAME_REF = re.compile(r"(?<![\w'’-] )(?<![\w'’-])(?:(?:Mr|Mrs|Ms|Dr)\.? )?([A-Z][\w-]+)"
                          r"(?! [A-Z])(?![\w'’-])")


def _para_person(doc: _Doc, q: _Quote, names: dict, history: list[_Mention]
                 ) -> Speaker | None:
    """Context quote after prose in its paragraph: the person last named there by a surname
    introduced in an earlier paragraph and already quoted or reported there
    (``Asked about it, Roe shrugged. "..."``)."""
    lo = doc.para_bounds(q.raw.open)[0]
    lo = max(lo, *(doc.body.rfind(mark, lo, q.raw.open) for mark in '"“”'))  # prose only
    known = {m.speaker.canonical for m in history
             if m.pos < lo and m.speaker.kind == "person" and not m.weak}
    hits = [full for m in _SURNAME_REF.finditer(doc.body, lo, q.raw.open)
            if (full := corefer(m.group(1), m.start(), names)) in known and " " in full]
    return Speaker(hits[-1], "person") if hits else None


_LEAD_PRONOUN = re.compile(r"(?:\A\s*|[.!?]\s+)(He|She) [a-z][^.!?]*[.!?:]?\s*\Z")


def _pronoun_lead(doc: _Doc, q: _Quote, history: list[_Mention], genders: dict[str, str]
                  ) -> Speaker | None:
    """``She smiled. "..."``: a context quote right after a prose sentence whose subject is
    he/she (in the same paragraph) is that person's."""
    lo = doc.para_bounds(q.raw.open)[0]
    lo = max(lo, q.raw.open - 300, *(doc.body.rfind(mark, lo, q.raw.open) + 1 for mark in '"“”'))
    m = _LEAD_PRONOUN.search(doc.body[lo:q.raw.open])
    return _latest(history, m.group(1).lower(), genders) if m else None


_ORG_ALIASES = {"force": "Police|Constabulary|Force"}  # "the force" in police stories


def _named_org(body: str, pos: int, spk: Speaker) -> Speaker:
    """``the ministry`` -> the ``Ministry of X`` named shortly before, when there is one."""
    head = spk.canonical
    if not head.islower() or head not in ORG_HEADS:
        return spk
    name = _ORG_ALIASES.get(head, head.capitalize())
    pattern = (rf"(?:[A-Z][\w'’&-]* ){{0,4}}(?:{name})\b"
               rf"(?: (?:of|for|on) (?:the )?[A-Z][\w'’-]*(?: (?:and )?[A-Z][\w'’-]*){{0,3}})?")
    found = list(re.finditer(pattern, body[max(0, pos - 3000):pos]))
    if not found:
        return spk
    words = found[-1].group().split(" ")
    while words and words[0].lower() in FUNCTION_WORDS:
        words = words[1:]
    return Speaker(" ".join(words), "org") if len(words) > 1 else spk


def _latest(history: list[_Mention], pronoun: str, genders: dict[str, str] | None = None
            ) -> Speaker | None:
    """Most recent speaker compatible with ``pronoun`` ("any" for context quotes)."""
    recent = history[-50:]
    for mention in reversed(recent):
        spk = mention.speaker
        gender = (genders or {}).get(spk.canonical, spk.gender)
        if pronoun == "any":
            if not mention.weak:
                return spk
        elif pronoun in {"he", "she"} and spk.kind in {"person", "role"} and not spk.plural:
            want = "m" if pronoun == "he" else "f"
            if gender in {"", want}:
                if genders is not None and not gender:
                    genders[spk.canonical] = want
                return Speaker(spk.canonical, spk.kind, want)
        elif (pronoun in {"they", "we"} and spk.kind in {"role", "org"}) or (
            pronoun == "it" and spk.kind == "org") or (
            pronoun == "person" and spk.kind == "person" and not spk.plural
        ):
            return spk
    if pronoun in {"they", "we"}:
        return next((m.speaker for m in reversed(recent) if not m.weak), None)
    return None


# ---------------------------------------------------------------- rows and evidence


def _row(doc_id: str, i: int, q: _Quote, body: str) -> dict:
    segs = q.segments
    if body[segs[-1][1] - 1] == ",":
        segs = [*segs[:-1], (segs[-1][0], segs[-1][1] - 1)]
    text = " ".join(body[s:e] for s, e in segs)
    spk = q.speaker
    conf = CONFIDENCE.get(q.pattern if q.frame or q.pattern == "context" else "none", 0.5)
    if spk is None:
        conf = min(conf, 0.4)
    if not q.raw.closed:
        conf = round(conf * 0.9, 3)
    return {
        "doc_id": doc_id, "quote_id": i, "quote": text,
        "speaker": spk.canonical if spk else None, "speaker_as_written": q.written or None,
        "speaker_kind": spk.kind if spk else None,
        "verb": (q.frame.verb or None) if q.frame else None,
        "start": segs[0][0], "end": segs[-1][1], "speaker_start": q.spk_pos,
        "speaker_end": q.spk_end, "n_words": len(text.split()), "partial": q.partial,
        "confidence": conf, "pattern": q.pattern + ("+split" if q.merged else ""),
    }


def _add_sentence_ids(quotes: pd.DataFrame, articles: pd.DataFrame,
                      sents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Fill para_ids, sent_ids, sent_start_id and sent_end_id from ``analysis.text.sentences``
    (or from ``sents``, the articles' sentences frame when it is already split)."""
    from analysis.text import sentences

    wanted = set(quotes["doc_id"])
    if sents is None:
        docs = articles[articles["doc_id"].isin(wanted)]
        sents = sentences(docs[["doc_id", "body"]] if "title" not in docs else docs)
    sents = sents[sents["doc_id"].isin(wanted)]
    index = {d: (g["start"].tolist(), g["end"].tolist(), g["sent_id"].tolist(),
                 g["para_id"].tolist()) for d, g in sents.groupby("doc_id", sort=False)}
    sent_ids, para_ids = [], []
    for doc_id, start, end in zip(quotes["doc_id"], quotes["start"], quotes["end"], strict=True):
        starts, ends, sids, pids = index.get(doc_id, ([], [], [], []))
        lo = max(bisect.bisect_right(starts, start) - 1, 0)
        hi = max(bisect.bisect_left(starts, end), lo + 1)
        sent_ids.append([int(s) for s in sids[lo:hi]])
        para_ids.append(sorted({int(p) for p in pids[lo:hi]}))
    out = quotes.copy()
    out["sent_ids"], out["para_ids"] = sent_ids, para_ids
    out["sent_start_id"] = [s[0] if s else -1 for s in sent_ids]
    out["sent_end_id"] = [s[-1] if s else -1 for s in sent_ids]
    return out


def extract_quotes(articles: pd.DataFrame, *, min_words: int = 4, single_quotes: bool = True,
                   evidence: bool = True, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Direct quotations of ``articles`` (needs ``doc_id`` and ``body``), one row per quote.

    Args:
        articles: frame from :func:`analysis.corpus.load_articles` (or any with doc_id, body).
        min_words: embedded (partial) quotes shorter than this are terms, not speech, unless
            their sentence has a reporting frame (then two words suffice: ``X said he was
            "deeply ashamed"``); quotes introduced or followed by a frame (``"No," he said.``)
            count at any length; unframed embedded quotes need ``2 * min_words``.
        single_quotes: also consider single-quoted speech when clearly framed.
        evidence: compute sentence/paragraph ids (needs :mod:`analysis.text`).
        sentences: the articles' sentences frame (``analysis.text.sentences``) when the caller
            has split them already (the pipeline), so they are not split twice.

    Returns:
        Frame with :data:`COLUMNS`; ``start``/``end`` are body offsets of the quoted text
        (``body[start:end] == quote`` for one-piece quotes; the full span for split ones).
    """
    rows: list[dict] = []
    articles = articles.assign(doc_id=articles["doc_id"].astype(str))
    for doc_id, body in zip(articles["doc_id"], articles["body"], strict=True):
        if isinstance(body, str) and ('"' in body or "“" in body or "'" in body or "‘" in body):
            rows.extend(_doc_quotes(str(doc_id), body, min_words=min_words, single=single_quotes))
    out = pd.DataFrame(rows, columns=[c for c in COLUMNS if c not in _EVIDENCE])
    for col in _EVIDENCE:
        out[col] = pd.Series([[] if col.endswith("s") else -1] * len(out), dtype=object)
    if evidence and len(out):
        out = _add_sentence_ids(out, articles, sentences)
    out = out[COLUMNS]
    return out.astype({"quote_id": "int64", "start": "int64", "end": "int64",
                       "speaker_start": "int64", "speaker_end": "int64", "n_words": "int64",
                       "sent_start_id": "int64", "sent_end_id": "int64", "partial": bool,
                       "confidence": "float64"})


_EVIDENCE = ("para_ids", "sent_ids", "sent_start_id", "sent_end_id")


# ---------------------------------------------------------------- command line


def _records(frame: pd.DataFrame) -> Iterable[dict]:
    for rec in frame.to_dict(orient="records"):
        yield {k: (None if isinstance(v, float) and v != v else v) for k, v in rec.items()}


def cli(argv: list[str] | None = None) -> int:
    """``python -m analysis quotes SOURCE [--format jsonl|csv|table] [--min-words N]``."""
    parser = argparse.ArgumentParser(prog="python -m analysis quotes",
                                     description="Print the direct quotes of a corpus.")
    parser.add_argument("source", help="folder/glob of .txt, .csv/.jsonl/.parquet file")
    parser.add_argument("--format", choices=["jsonl", "csv", "table"], default="jsonl")
    parser.add_argument("--min-words", type=int, default=4)
    parser.add_argument("--text", help="name of the text column (tables)")
    parser.add_argument("--id", help="name of the id column (tables)")
    args = parser.parse_args(argv)
    from analysis.corpus import load_articles

    columns = {k: v for k, v in {"text": args.text, "id": args.id}.items() if v}
    articles, problems = load_articles(args.source, **({"columns": columns} if columns else {}))
    for rec in _records(problems):
        print(f"skipped {rec['input']}: {rec['reason']}", file=sys.stderr)
    quotes = extract_quotes(articles, min_words=args.min_words)
    if args.format == "csv":
        quotes.to_csv(sys.stdout, index=False)
    elif args.format == "table":
        with pd.option_context("display.max_colwidth", 60, "display.width", 200):
            print(quotes[["doc_id", "speaker", "verb", "quote", "confidence"]].to_string())
    else:
        for rec in _records(quotes):
            print(json.dumps(rec, ensure_ascii=False))
    return 0
