"""Speakers in context: mentions of people and organisations in the prose around the
quotes, pronoun and surname resolution, and speakers of unframed quotes from the article's history.
"""

from __future__ import annotations

import bisect
import re

from analysis.attribution import sentence_start, speaker_before, subject_np, verb_at
from analysis.epithets import described_person
from analysis.names import first_named, gender_cues, named_by_pronoun, surname_alone
from analysis.quote_records import Doc, Mention, Quote
from analysis.role_references import (
    SHORT_ROLE,
    TITLE_ROLES,
    generic_role,
    introduced_org,
    longer_org_name,
    named_after,
    named_later,
    org_named_before,
    role_reference,
    titled_person,
    titled_role,
)
from analysis.speaker_lexicon import FUNCTION_WORDS, ORG_HEADS
from analysis.speakers import (
    FIRST_KEY,
    LAY_PEOPLE,
    Speaker,
    corefer,
    full_names,
    is_role,
    np_forward,
    sentence_case,
    speaker_of,
    titled_kin,
    tokenize_spans,
)

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


def _frame_mentions(doc: Doc, quotes: list[Quote], names: dict,
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


def _verb_mention(doc: Doc, m: re.Match) -> tuple[int, str, int] | None:
    """The speaker of the reporting verb ``m`` outside quotes (``X said that ...``, ``, said X``,
    ``according to X``), as ``(offset, text, offset)``."""
    body = doc.body
    lo = max(doc.para_bounds(m.start())[0], m.start() - 300)
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


_AGE_TAIL = re.compile(r", \d{1,3},?\Z|, an? \d{1,3}-year-old\b")
"""``Jo, 31,`` / ``Jo, a 31-year-old mother from ...``: a lone name given an age is a person."""
_AGED = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+(?: [A-Z][\w'’-]+){0,2}), \d{1,3},")
_INTRODUCED = re.compile(r"(?<![\w'’.-])(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame)"
                         r"\.? )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}(?=, (?:an?|the) [a-z]|"
                         r", who [a-z])")


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


def _introduced_mentions(doc: Doc, quotes: list[Quote], windows: list[tuple[int, int]]
                         ) -> list[tuple[int, str, int]]:
    """``Dr Jo Roe, a geographer at ...`` anywhere in the prose, or ``The court heard from Jo
    Roe, who was waiting nearby,``: a person introduced by name and role (or a witness heard),
    the antecedent of the next he/she (news introduces a new voice this way)."""
    spans = sorted((r.open, r.end) for q in quotes for r in [q.raw, *q.merged])
    starts = [s for s, _ in spans]
    out = []
    for m in (m for lo, hi in windows for m in _INTRODUCED.finditer(doc.body, lo, hi)):
        k = bisect.bisect_right(starts, m.start())
        spk = speaker_of(m.group())
        prev = doc.body[max(0, m.start() - 30):m.start()].split()
        who = doc.body.startswith(", who ", m.end()) and doc.body.endswith(
            "heard from ", 0, m.start())  # "The court heard from Jo Roe, who was ..."
        if (prev and prev[-1][:1].isupper()) or not (who or _role_apposition(doc.body, m.end())):
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


def _titled_mentions(doc: Doc, quotes: list[Quote], windows: list[tuple[int, int]]
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


def _subject_mentions(doc: Doc, names: dict, windows: list[tuple[int, int]],
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
                len(full.split()[0]) > 1 for _, full in names.get(word, ())) and (
                word not in getattr(names, "relatives_first", ())):
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
        return " " in spk.canonical or bool(spk.gender) or conj or spk.canonical in names or (
            spk.canonical in getattr(names, "relatives_first", ()))  # "Mira, who ..."
    return spk.kind == "role" and not spk.plural and any(
        w[:1].isupper() for w in written.split() if w not in _ARTICLES | _POSSESSIVES
    ) and spk.canonical not in LAY_PEOPLE  # "Her husband is ...": no organisation


def resolve_speakers(doc: Doc, quotes: list[Quote]) -> None:
    """Fill speaker fields: normalise, corefer surnames, resolve pronouns and context quotes."""
    if not quotes:
        return
    body = doc.body
    whole = [(0, len(body))] if len(body) < 200_000 else None
    names = full_names(body, windows=whole or _windows(quotes, 5000))
    genders = gender_cues(body, whole or _windows(quotes, 5000),
                          lambda word, at, g: titled_kin(word, g, at, names)
                          or corefer(word, at, names))
    history: list[Mention] = []
    orphans: list[Quote] = []  # context quotes before any speaker: take the next one nearby
    last: Quote | None = None  # the latest context quote
    for pos, _, item, weak in _events(doc, quotes, names, whole):
        written = item.written if isinstance(item, Quote) else item
        if isinstance(item, Quote) and item.frame is None:
            item.speaker = (_pronoun_lead(doc, item, history, genders)
                            or _introduced_lead(doc, item, names)
                            or _para_person(doc, item, names, history) or _latest(history, "any"))
            if item.speaker is None:
                orphans.append(item)
            last = item
            continue
        spk = _resolve_one(doc, written, pos, isinstance(item, Quote), names, genders, history)
        if spk is not None:
            history.append(Mention(pos, spk, weak))
            for orphan in orphans if not weak else []:
                if 0 <= pos - orphan.raw.end < 300:
                    orphan.speaker = spk
            orphans = orphans if weak else []
            if last and not weak and not isinstance(item, Quote) and _names_after(doc, last, pos):
                last.speaker = spk  # '"...". Jo Roe says this often' / 'That was the view of'
        if isinstance(item, Quote):
            item.speaker = spk


def _events(doc: Doc, quotes: list[Quote], names: dict, whole: list[tuple[int, int]] | None
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
             or SHORT_ROLE.match(q.written) or generic_role(speaker_of(q.written))]
    windows = (whole or _windows(needy, 1500)) if needy else []
    for pos, written, flag in _frame_mentions(doc, quotes, names, windows):
        events.append((pos, 0, written, flag < 0))
    events.sort(key=lambda e: (e[0], e[1], not e[3]))  # at one place the weak mention first
    return events


def _resolve_one(doc: Doc, written: str, pos: int, quoted: bool, names: dict,
                 genders: dict[str, str], history: list[Mention]) -> Speaker | None:
    """The speaker meant by ``written`` at ``pos`` (a quote's frame when ``quoted``, else an
    indirect-speech mention), given the speakers so far."""
    body = doc.body
    spk = introduced_org(body, written, _canonical(written, pos, names, genders), pos)
    spk = named_after(doc, written, spk, pos) if quoted else spk
    if spk.kind == "role" and (quoted or SHORT_ROLE.match(written) or generic_role(spk)):
        spk = named_later(doc, written, role_reference(doc, written, spk, pos, history), pos)
    if spk.kind == "role" and described_person(written, spk, body, pos):
        spk = _latest(history, "person") or _named_before(names, pos, _SOMEONE, genders) or spk
    spk = longer_org_name(body, org_named_before(doc, written, spk, pos, history), pos)
    spk = titled_role(body, written, spk, pos)
    head = written.rsplit(" ", 1)[-1].lower()
    if spk.canonical == "person" and head in TITLE_ROLES and written[:4] in {"the ", "The "}:
        titled = titled_person(body, head, pos)  # the Hornets boss: "boss Jo Roe"
        spk = _canonical(titled[0].canonical, pos, names, genders) if titled else spk
    if spk.kind == "pronoun" and spk.canonical == "person":  # with nobody named before, the
        return _described_latest(history, names, pos, genders, body) or (  # description
            Speaker(re.sub(r"\A(?:[Tt]he|[Aa]n?) ", "", written), "role") if len(
                written.split()) > 2 and not re.search(r"\d", written)
            else None)  # itself: "the Rovers boss said" -> "Rovers boss" (not an age)
    if spk.kind == "pronoun":
        return _latest(history, spk.canonical, genders) or _named_before(names, pos, spk, genders)
    return spk


def _names_after(doc: Doc, q: Quote, pos: int) -> bool:
    """Is ``pos`` in the sentence right after the context quote ``q`` (same paragraph)?"""
    gap = doc.body[q.raw.end:pos]
    return 0 <= len(gap) < 60 and "\n" not in gap and not any(m in gap for m in '"“”.!?')


_SOMEONE = Speaker("person", "pronoun")  # the 24-year-old: any person named before


def _windows(quotes: list[Quote], back: int) -> list[tuple[int, int]]:
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


def _described_latest(history: list[Mention], names: dict, pos: int,
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


def _canonical(written: str, pos: int, names: dict, genders: dict[str, str]) -> Speaker:
    """Normalised speaker with the surname mapped to the full name and gender remembered."""
    spk = speaker_of(written)
    if spk.kind == "role" and spk.canonical[:1].isupper() and " " not in spk.canonical:
        full = corefer(spk.canonical, pos, names)  # "Dean, 30, said" after "Dean Walsh"
        if " " in full:
            return Speaker(full, "person", genders.get(full, ""))
    if spk.kind == "role":
        return sentence_case(spk)
    if spk.kind == "person":
        full = titled_kin(spk.canonical, spk.gender, pos, names) or corefer(
            spk.canonical, pos, names)  # "Ms. Roe" after "His wife, Jo": Jo Roe
        if " " not in full and not spk.gender and not genders.get(full) and not _AGE_TAIL.search(
                written):
            return Speaker(full, "org")  # a lone capitalised word never introduced: entity
        if spk.canonical not in names and " " not in spk.canonical and not (
                spk.gender or genders.get(full) or (full == spk.canonical and _AGE_TAIL.search(
                    written)) or full in getattr(names, "relatives", ())):
            return Speaker(first_named(spk.canonical, full, names, FIRST_KEY), "org")  # "Acme" ->
            # "Acme Networks" (or a first name): unsure
        if spk.gender:
            genders[full] = spk.gender
        spk = Speaker(full, "person", genders.get(full, spk.gender), spk.plural)
    return spk


_SURNAME_REF = re.compile(r"(?<![\w'’-] )(?<![\w'’-])(?:(?:Mr|Mrs|Ms|Dr)\.? )?([A-Z][\w-]+)"
                          r"(?! [A-Z])(?![\w'’-])")


def _para_person(doc: Doc, q: Quote, names: dict, history: list[Mention]
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


def _pronoun_lead(doc: Doc, q: Quote, history: list[Mention], genders: dict[str, str]
                  ) -> Speaker | None:
    """``She smiled. "..."``: a context quote right after a prose sentence whose subject is
    he/she (in the same paragraph, or ending the paragraph before) is that person's."""
    lo = doc.para_bounds(q.raw.open)[0]
    if not doc.body[lo:q.raw.open].strip() and lo > 1:  # the quote opens its paragraph:
        lo = doc.para_bounds(lo - 2)[0]  # "... He thinks of it.\n\n"It was ...""
    lo = max(lo, q.raw.open - 300, *(doc.body.rfind(mark, lo, q.raw.open) + 1 for mark in '"“”'))
    m = _LEAD_PRONOUN.search(doc.body[lo:q.raw.open])
    return _latest(history, m.group(1).lower(), genders) if m else None


_INTRO_LEAD = re.compile(r"(?:\A\s*|[.!?]\s+)([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}), "
                         r"(?:\d{1,3},|an? [a-z])[^.!?\"“”]*[.!?]\s*\Z")


def _introduced_lead(doc: Doc, q: Quote, names: dict) -> Speaker | None:
    """``Lina, 47, a former nurse, puts him right. "..."``: a context quote right
    after a sentence (same paragraph) whose subject is a person introduced with an age or a
    role apposition is that person's (features introduce a voice, then quote it)."""
    lo = doc.para_bounds(q.raw.open)[0]
    lo = max(lo, q.raw.open - 300, *(doc.body.rfind(mark, lo, q.raw.open) + 1 for mark in '"“”'))
    m = _INTRO_LEAD.search(doc.body[lo:q.raw.open])
    if not m or m.group(1).split(" ")[0] in _ARTICLES | _POSSESSIVES:
        return None
    spk = speaker_of(m.group(1))
    full = corefer(spk.canonical, lo + m.start(1), names) if spk.kind == "person" else ""
    return Speaker(full, "person") if " " in full else None


def _latest(history: list[Mention], pronoun: str, genders: dict[str, str] | None = None
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


