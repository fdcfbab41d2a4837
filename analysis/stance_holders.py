"""Who holds a stance: the cue's subject, a pronoun or ``the company`` resolved to the actor
named before, the speaker of the quote around it, or the sentence's speech frame.

News conventions handled here (nothing names a topic or person):

* subjects with appositions and relative clauses skipped (``X, which ..., said``;
  ``X (ABC), who ...,``), ``X and Y`` split, ``X's plan`` -> X, ``which``/``whose`` -> its
  antecedent, a coordinated verb (``... and now backs``) -> the sentence's subject;
* acronyms in parentheses are aliases of the full name (``the Road Users Union (RUU)``);
* ``it``/``they`` after ``X said`` -> X; else ``it`` -> the organisation named last;
* ``the company/club/party/union ...`` -> the organisation named before (apposition,
  a name with that head, then the organisation named last); ``the mayor`` -> the person
  named with that title (``analysis.role_references.titled_person``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from analysis import stance_rules as R
from analysis.role_references import GENERIC_ORGS, titled_person
from analysis.speaker_lexicon import ORG_HEADS
from analysis.speakers import corefer, full_names, speaker_of
from analysis.stance_lexicon import (
    ASKING_VERBS,
    CAPITALS,
    MEMBER_NOUNS,
    NESTING_OPENERS,
    PARENTHETICAL_ADVERBS,
    WEEKDAYS,
)

_ACRONYM = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’&-]*,? (?:(?:of|and|for|on|the|&) )*){1,7})"
                      r"\(([A-Z][A-Za-z]{1,6})\)")
_ORG_NOUNS = "|".join(sorted(ORG_HEADS | GENERIC_ORGS | {"campaign", "movement", "maker",
                                                          "network", "lobby", "watchdog"}))
_APPOSITION = re.compile(rf"(?<![\w'’-])((?:[A-Z][\w'’&-]*\s){{0,4}}[A-Z][\w'’&-]*), "
                         rf"(?:the|a|an|its|one of the|[A-Z][\w'’-]*['’]s) "
                         rf"[^,.;:\"“]{{0,60}}?\b({_ORG_NOUNS})s?\b")
_HEADED = re.compile(rf"(?<![\w'’-])((?:[A-Z][\w'’&-]*\s){{1,5}}(?:{_ORG_NOUNS.title()}|"
                     rf"{_ORG_NOUNS})\b)")
_HEAD_OF = re.compile(rf"(?<![\w'’-])((?:[A-Z][\w'’&-]* ){{0,3}}({_ORG_NOUNS.title()}) (?:of|for) "
                      r"(?:the )?[A-Z][\w'’-]*(?: (?:and )?[A-Z][\w'’-]*){0,3})")
_LEADING = R.words("the a an The A An But And Yet So")


def acronyms(body: str) -> dict[str, str]:
    """``ACR -> full name`` for ``Full Name Words (ACR)`` whose initials spell the acronym."""
    out: dict[str, str] = {}
    for m in _ACRONYM.finditer(body):
        acro = m.group(2)
        name_words = m.group(1).replace(",", "").split()
        while name_words and name_words[0] in _LEADING:
            name_words = name_words[1:]
        for k in range(len(name_words)):
            caps = [w[0] for w in name_words[k:] if w[:1].isupper()]
            if caps and "".join(caps).upper().startswith(acro[0]) and len(caps) >= 2 and \
                    acro[0] == name_words[k][0] and acro.upper()[-1] == caps[-1]:
                out.setdefault(acro, " ".join(name_words[k:]))
                break
    return out


def _clean_name(text: str) -> str:
    words = text.split()
    while words and words[0] in _LEADING:
        words = words[1:]
    return " ".join(words)


def organisations(body: str, acro: dict[str, str]) -> list[tuple[int, str, str]]:
    """``(offset, name, head)`` of organisations named in ``body``: names in apposition to an
    organisation noun (``Acme, the country's largest carmaker``), names ending in one
    (``Road Users Union``) and acronym expansions; ``head`` is the organisation noun."""
    found = [(m.start(1), _clean_name(m.group(1)), m.group(2).lower())
             for m in _APPOSITION.finditer(body)]
    found += [(m.start(1), _clean_name(m.group(1)), m.group(1).split()[-1].lower())
              for m in _HEADED.finditer(body)]
    found += [(m.start(1), _clean_name(m.group(1)), m.group(2).lower())
              for m in _HEAD_OF.finditer(body)]
    for acr, name in acro.items():
        found += [(m.start(), name, name.split()[-1].lower())
                  for m in re.finditer(rf"\b{re.escape(acr)}\b", body)]
    return sorted({f for f in found if f[1][:1].isupper() and not f[1].endswith("ly")})


@dataclass
class Doc:
    """Per-document context: body, quotes, people, organisations and acronyms named so far."""

    doc_id: str
    body: str
    quotes: list[tuple[int, int, str]]  # (start, end, speaker), sorted
    names: dict[str, list[tuple[int, str]]]
    people: list[tuple[int, str]] = field(default_factory=list)  # (offset, canonical), sorted
    acronyms: dict[str, str] = field(default_factory=dict)
    orgs: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, name, head)
    named: dict[str, bool] = field(default_factory=dict)  # country -> named in the body?

    def quote_at(self, pos: int) -> str | None:
        """Speaker of the quote containing body offset ``pos`` (quotes do not overlap)."""
        k = bisect.bisect_right(self.quotes, (pos, float("inf"), "")) - 1
        if k >= 0 and self.quotes[k][0] <= pos < self.quotes[k][1]:
            return self.quotes[k][2]
        return None

    def person_before(self, pos: int) -> str | None:
        """The latest person named (or quoted) before ``pos``."""
        k = bisect.bisect_left(self.people, (pos, "")) - 1
        return self.people[k][1] if k >= 0 else None

    def org_before(self, pos: int, heads: frozenset[str] | None = None) -> str | None:
        """The latest organisation named before ``pos`` (with an organisation noun in
        ``heads``)."""
        k = bisect.bisect_left(self.orgs, (pos, "", "")) - 1
        while k >= 0 and pos - self.orgs[k][0] < 3000:
            if heads is None or self.orgs[k][2] in heads:
                return self.orgs[k][1]
            k -= 1
        return None


def doc_context(doc_id: str, body: str, quotes) -> Doc:
    """The :class:`Doc` of one article (``quotes``: its rows of ``extract_quotes`` or None)."""
    names = full_names(body)
    spans: list[tuple[int, int, str]] = []
    people = [(pos, name) for items in names.values() for pos, name in items]
    people += _surname_mentions(body, names)
    acro = acronyms(body)
    doc = Doc(doc_id, body, [], names, [], acro, organisations(body, acro))
    if quotes is not None and len(quotes):
        for start, end, spk in zip(quotes["start"], quotes["end"], quotes["speaker"], strict=True):
            if isinstance(spk, str) and spk:
                spk = quote_speaker(spk, doc, int(start))
                spans.append((int(start), int(end), spk))
                people.append((int(start), spk))
    doc.quotes, doc.people = sorted(spans), sorted(people)
    doc.orgs = sorted(doc.orgs + [(p, n, "") for p, n in people if _lone_name(n, names)])
    return doc


def _surname_mentions(body: str, names: dict) -> list[tuple[int, str]]:
    """``(offset, full name)`` of each bare surname mention (``Roe said``), one linear scan."""
    surnames = sorted((k for k in names if k[:1].isupper() and len(k) > 2), key=len,
                      reverse=True)[:300]
    if not surnames:
        return []
    rx = re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, surnames)) + r")(?![\w'’-])")
    return [(m.start(), corefer(m.group(), m.start(), names)) for m in rx.finditer(body)]


def _lone_name(name: str, names: dict) -> bool:
    """A one-word capitalised speaker that is nobody's surname here: an organisation (``Acme``)."""
    return " " not in name and name[:1].isupper() and name not in names and not name.isupper()


def quote_speaker(speaker: str, doc: Doc, pos: int) -> str:
    """A quote's speaker with ``party``/``company`` and acronyms resolved to the organisation."""
    return org_reference(["the", speaker], doc, pos) or expand(speaker, doc, pos)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def expand(name: str, doc: Doc, pos: int) -> str:
    """An acronym (``ABC``, ``the ABC delegation``) -> the organisation's full name: defined in
    parentheses, or an organisation named before whose capitalised initials spell it."""
    words = name.split()
    if not words or not (words[0].isupper() and len(words[0]) >= 2 and words[0].isalpha()):
        return name
    if len(words) > 1 and not all(w.islower() for w in words[1:]):
        return name
    acr = words[0]
    if acr in doc.acronyms:
        return doc.acronyms[acr]
    named = [n for p, n, _ in doc.orgs if p < pos and _initials(n) == acr]
    if not named:
        named = [n for p, n, _ in doc.orgs if _initials(n) == acr]
    return named[-1] if named else name


def org_reference(words: list[str], doc: Doc, pos: int) -> str | None:
    """``the company`` / ``the club`` / ``the party``: the organisation named before, or None."""
    low = [w.lower() for w in words]
    if len(low) != 2 or low[0] not in {"the", "this"} or low[1] not in ORG_HEADS | GENERIC_ORGS \
            | {"campaign", "movement"}:
        return None
    head = low[1]
    if head in GENERIC_ORGS:  # "the company": a carmaker, a lender ... named before
        return doc.org_before(pos, frozenset({head})) or doc.org_before(pos, GENERIC_ORGS) or \
            doc.org_before(pos)
    if head == "union":
        return doc.org_before(pos, frozenset({head})) or _members_org(doc, pos)
    return doc.org_before(pos, frozenset({head})) or (
        doc.org_before(pos) if head in {"party", "group"} else None)


def _members_org(doc: Doc, pos: int) -> str | None:
    """``the union`` with no union named: the latest organisation named for its members
    (``Dock Workers' Federation``, ``Nurses Association``; :data:`MEMBER_NOUNS`)."""
    k = bisect.bisect_left(doc.orgs, (pos, "", "")) - 1
    while k >= 0 and pos - doc.orgs[k][0] < 3000:
        if any(w.lower().rstrip("'’") in MEMBER_NOUNS for w in doc.orgs[k][1].split()):
            return doc.orgs[k][1]
        k -= 1
    return None


def _modified_org(toks: list[R.Tok], k: int, doc: Doc, sent_start: int) -> str | None:
    """``the dental association`` (head at token ``k``): the organisation named before with
    that head whose name holds the words between (``Westmoor Dental Association``), or None."""
    head, j = toks[k].low, k - 1
    while j >= max(0, k - 2) and toks[j].text.isalpha() and toks[j].text.islower() \
            and toks[j].low not in {"the", "this"}:
        j -= 1
    mods = [t.low for t in toks[j + 1:k]]
    if head not in ORG_HEADS or not mods or j < 0 or toks[j].low not in {"the", "this"}:
        return None
    name = doc.org_before(sent_start + toks[j].start, frozenset({head}))
    return name if name and all(w in name.lower().split() for w in mods) else None


def role_reference(words: list[str], doc: Doc, pos: int) -> str | None:
    """``the mayor`` / ``the minister``: the person named with that title before, or None."""
    if len(words) != 2 or words[0].lower() != "the" or not words[1].islower():
        return None
    found = titled_person(doc.body, re.escape(words[1]), pos)
    return found[0].canonical if found else None


@lru_cache(maxsize=4096)
def _canonical(text: str) -> str:
    return speaker_of(text).canonical


def _known_suffix(canonical: str, doc: Doc) -> str:
    """``BBC Michael Howard`` -> ``Michael Howard`` when that full name occurs in the article
    (not after ``of``: ``Federation of Acme Industry`` is one name)."""
    parts = canonical.split()
    if len(parts) > 2:
        for _, name in doc.names.get(parts[-1], []):
            prefix = canonical[:-len(name) - 1].split()
            if canonical.endswith(" " + name) and not prefix[-1].islower():
                return name
    return canonical


def _one_holder(part: list[str], offset: int, doc: Doc) -> str:
    """Canonical holder of one noun phrase (references and acronyms resolved)."""
    found = org_reference(part, doc, offset) or role_reference(part, doc, offset)
    if found:
        return found
    text = re.sub(r"\s+(['’]s)\b", r"\1", " ".join(part))
    text = re.sub(r"(?<=s) (['’])(?= )", r"\1", text)  # "Farmers ' Union" -> "Farmers' Union"
    canonical = _known_suffix(_canonical(text), doc)
    return _country_of(expand(corefer(canonical, offset, doc.names), doc, offset), doc)


def _country_of(name: str, doc: Doc) -> str:
    """``Ankara`` -> ``Turkey`` when the article names that country (capitals as metonyms)."""
    for country in CAPITALS.get(name.lower(), ()):
        if country not in doc.named:  # one search of the body per country and article
            doc.named[country] = bool(
                re.search(rf"(?<![\w-]){re.escape(country)}(?![\w-])", doc.body))
        if doc.named[country]:
            return country
    return name


def normalise(phrase: list[str], offset: int, doc: Doc) -> list[str]:
    """Canonical holders of a noun phrase; ``X and Y`` -> two holders."""
    parts: list[list[str]] = [[]]
    for w in phrase:
        if w.lower() in {"and", "&"}:
            parts.append([])
        else:
            parts[-1].append(w)
    if not all(R.is_actor_text(p) for p in parts):
        parts = [phrase]
    return [_one_holder(part, offset, doc) for part in parts]


_APPOSITION_OPENERS = R.words("who which whose a an the its his her their one home")
_QUOTE_MARKS = frozenset({'"', "“", "”", "'", "’"})


def _np_words(toks: list[R.Tok], span: tuple[int, int] | None) -> list[str]:
    return [] if span is None else [t.text for t in toks[span[0]:span[1]]]


def _is_name_run(toks: list[R.Tok]) -> bool:
    return bool(toks) and all(t.text[:1].isupper() for t in toks) and R.is_actor_text(
        [t.text for t in toks])


def skip_apposition(toks: list[R.Tok], k: int) -> int:
    """Last token of the subject before ``X, which ...,`` / ``X, a ...,`` / ``X (ABC)`` ending
    at token ``k`` (a comma or a closing bracket); ``k`` itself when there is none. A name in
    apposition (``Its chair, Jo Roe,``) is kept: the person is the subject."""
    if toks[k].text == ")":
        j = next((i for i in range(k - 1, max(-1, k - 12), -1) if toks[i].text == "("), None)
        return j - 1 if j else k
    if toks[k].text != ",":
        return k
    j = next((i for i in range(k - 1, max(-1, k - 40), -1)
              if toks[i].text in {",", ";", ":"} or toks[i].text in _QUOTE_MARKS), None)
    if j is None or toks[j].text != "," or j + 1 >= k:
        return k
    inner = toks[j + 1:k]
    if _is_name_run(inner):
        return _nested_name(toks, j, k)
    if len(inner) == 1 and inner[0].low in PARENTHETICAL_ADVERBS:
        return skip_apposition(toks, j - 1) if toks[j - 1].text == ")" else j - 1
    if inner[0].low in _APPOSITION_OPENERS or inner[0].text[:1].isupper() or \
            inner[0].text[:1].isdigit():
        return skip_apposition(toks, j - 1) if toks[j - 1].text == ")" else j - 1
    return k


def _nested_name(toks: list[R.Tok], j: int, k: int) -> int:
    """A name in apposition ending at comma ``k`` (its opening comma at ``j``) is the subject
    (``Its chair, Jo Roe,``), unless it closes an apposition opened by ``home to``/``which``
    (``Marlow, home to the largest kiln maker, Acme Kilns,``: Marlow)."""
    i = next((i for i in range(j - 1, max(-1, j - 30), -1) if toks[i].text in {",", ";", ":"}),
             None)
    if i is None or toks[i].text != "," or i + 1 >= j or toks[i + 1].low not in NESTING_OPENERS:
        return k - 1
    return i - 1


def _np_holder(toks: list[R.Tok], end: int, sent_start: int, doc: Doc) -> list[str] | None:
    """Holders of the actor noun phrase ending at token ``end`` (exclusive), or None."""
    owned = _possessed_org(toks, end, sent_start, doc)
    if owned:
        return [owned]
    span = R.possessor_before(toks, end) or R.noun_phrase_before(toks, end)
    phrase = _np_words(toks, span)
    if not (span and phrase and R.is_actor_text(phrase)) or \
            " ".join(phrase).lower() in R.NEGATIVE_SUBJECTS:  # "Nobody wanted X": no holder
        return None
    modified = _modified_org(toks, span[0], doc, sent_start) if len(phrase) == 1 else None
    return [modified] if modified else normalise(phrase, sent_start + toks[span[0]].start, doc)


def _possessed_org(toks: list[R.Tok], end: int, sent_start: int, doc: Doc) -> str | None:
    """``Roe's party`` / ``Roe's ministry`` ending before ``end``: the organisation named before
    with that head (the party speaks, not Roe), or None."""
    if end < 3 or toks[end - 2].low not in {"'s", "’s"} or toks[end - 1].low not in ORG_HEADS:
        return None
    owner = R.noun_phrase_before(toks, end - 2)
    begin = owner[0] if owner else end - 3
    return doc.org_before(sent_start + toks[begin].start, frozenset({toks[end - 1].low}))


def np_holder_at(toks: list[R.Tok], begin: int, sent_start: int, doc: Doc) -> list[str] | None:
    """Holders of the actor noun phrase starting at token ``begin`` (``by Y``), or None."""
    end = begin
    while end < len(toks) and end - begin < 10 and (R.np_ok(toks[end]) or toks[end].low in {
            "'s", "’s"} or R.plural_possessive(toks, end)):
        end += 1
    return _np_holder(toks, end, sent_start, doc) if end > begin else None


def sentence_subject(toks: list[R.Tok], sent_start: int, doc: Doc) -> list[str] | None:
    """The subject opening the sentence (``But X, which ..., said``), or None."""
    i = 0
    while i < len(toks) and (toks[i].low in {"but", "and", "yet", "however", "now", ","}
                             or toks[i].text in _QUOTE_MARKS):
        i += 1
    end = i
    while end < len(toks) and end - i < 10 and (R.np_ok(toks[end]) or toks[end].low in {
            "'s", "’s"}):
        end += 1
    if end == i:
        return None
    if end < len(toks) and toks[end].text == ",":
        after = next((m for m in range(end + 1, min(len(toks), end + 40))
                      if toks[m].text == ","), None)
        if after and _is_name_run(toks[end + 1:after]):
            return _np_holder(toks, after, sent_start, doc)
    return _np_holder(toks, end, sent_start, doc)


def _speaker_before(toks: list[R.Tok], k: int, sent_start: int, doc: Doc) -> list[str] | None:
    """``X said (that) it ...``: X, for the pronoun at token ``k``; ``X ..., saying they``:
    the sentence's subject."""
    j = k - 1
    if j >= 0 and toks[j].low == "that":
        j -= 1
    if j < 0 or toks[j].low not in R.SPEECH_VERBS:
        return None
    if toks[j].low.endswith("ing") and j > 0 and toks[j - 1].text == ",":
        return sentence_subject(toks, sent_start, doc)
    return frame_subject(toks, j, sent_start, doc)


def pronoun_holder(toks: list[R.Tok], k: int, sent_start: int, doc: Doc,
                   prev: list[str] | None) -> tuple[list[str], str] | None:
    """Holder for the subject pronoun ``it``/``they``/``he``/``she`` at token ``k``."""
    low, pos = toks[k].low, sent_start + toks[k].start
    if low in {"it", "they"}:
        speaker = _speaker_before(toks, k, sent_start, doc)
        if speaker:
            return speaker, "pronoun"
        if low == "they":  # plural: only the holder just named in this sentence
            return (prev, "pronoun") if prev else None
        org = doc.org_before(pos)
        return ([org], "pronoun") if org else None
    person = doc.person_before(pos)
    return ([person], "pronoun") if person else None


def frame_subject(toks: list[R.Tok], verb: int, sent_start: int, doc: Doc) -> list[str] | None:
    """Subject of the (speech) verb at token ``verb``, appositions skipped."""
    j = verb - 1
    while j >= 0 and R.in_verb_group(toks[j].low) and toks[j].low not in {"to", "and"}:
        j -= 1
    if j < 0:
        return None
    if toks[j].text in {",", ")"}:
        j = skip_apposition(toks, j)
    if toks[j].low in R.PRONOUN_SUBJECTS | {"it"}:  # "It said it would ..."
        found = pronoun_holder(toks, j, sent_start, doc, None)
        return found[0] if found else None
    return _np_holder(toks, j + 1, sent_start, doc)


def _relative_holder(toks: list[R.Tok], k: int, sent_start: int,
                     doc: Doc) -> list[str] | None:
    """``X, which/who backs``: X (the antecedent before the relative at token ``k``)."""
    j = k - 1
    while j >= 0 and toks[j].text in {",", "--"} | _QUOTE_MARKS:
        j -= 1
    if j >= 0 and toks[j].text == ")":
        j = skip_apposition(toks, j)
    return _np_holder(toks, j + 1, sent_start, doc)


def _whose_holder(toks: list[R.Tok], k: int, sent_start: int, doc: Doc) -> list[str] | None:
    """``X, whose party opposes``: X, when the subject noun phrase ending at ``k`` follows
    ``whose``."""
    span = R.noun_phrase_before(toks, k + 1)
    if not span or span[0] == 0 or toks[span[0] - 1].low != "whose":
        return None
    j = span[0] - 2
    while j >= 0 and toks[j].text in {",", "--"}:
        j -= 1
    owner = _np_words(toks, R.noun_phrase_before(toks, j + 1))
    if owner and R.is_actor_text(owner):
        return normalise(owner, sent_start + toks[span[0]].start, doc)
    return None


def _generic(toks: list[R.Tok], k: int) -> bool:
    """Is the noun phrase ending at token ``k`` a common noun only (``the government``,
    ``this country``), no name in it?"""
    span = R.noun_phrase_before(toks, k + 1)
    return bool(span) and all(not t.text[:1].isupper() for t in toks[span[0]:span[1]])


def _speaker_of_generic(toks: list[R.Tok], k: int, sent_start: int,
                        doc: Doc) -> tuple[list[str], str] | None:
    """``X said the government wanted Y`` / ``"this country needs Y," X said``: a common-noun
    subject inside reported speech speaks for the speaker X."""
    quoted = doc.quote_at(sent_start + toks[k].start)
    if quoted:
        return [quoted], "quote"
    found = frame(toks, k, sent_start, doc)
    return (found[0], "speech frame") if found and found[1] == "speech frame" else None


_PREPOSITIONS = R.words("in at from to into on over under near across inside outside")


def _after_preposition(toks: list[R.Tok], k: int) -> bool:
    """Is the noun phrase ending at token ``k`` the object of a preposition (not a subject)?"""
    span = R.noun_phrase_before(toks, k + 1)
    return bool(span) and span[0] > 0 and toks[span[0] - 1].low in _PREPOSITIONS


def _asker(toks: list[R.Tok], k: int, sent_start: int, doc: Doc,
           prev: list[str] | None) -> tuple[list[str], str] | None:
    """``Y asked councillors to approve X``: Y, when the noun phrase ending at token ``k`` is
    the object of an asking verb and the cue follows ``to``."""
    if k + 1 >= len(toks) or toks[k + 1].low != "to":
        return None
    span = R.noun_phrase_before(toks, k + 1)
    if not span or span[0] == 0 or toks[span[0] - 1].low not in ASKING_VERBS:
        return None
    return subject(toks, span[0] - 1, sent_start, doc, prev)


def subject(toks: list[R.Tok], first: int, sent_start: int, doc: Doc,
            prev: list[str] | None) -> tuple[list[str], str] | None:
    """Holder(s) standing as the subject of the cue starting at token ``first``."""
    k, coordinated = first - 1, False
    while k >= 0 and (R.in_verb_group(toks[k].low) or toks[k].text in _QUOTE_MARKS
                      or toks[k].low == "on" and toks[k + 1].low in WEEKDAYS):
        coordinated |= toks[k].low == "and"
        k -= 1
    if k < 0:
        return None
    if coordinated and toks[k].low not in R.PRONOUN_SUBJECTS | {"it"}:
        if toks[first].low.endswith("ing"):
            return (prev, "coordinated") if prev else None  # a list of gerunds, no subject
        found = prev or sentence_subject(toks, sent_start, doc)
        return (found, "coordinated") if found else None
    if toks[k].text in {",", ")"} and k > 0:
        k = skip_apposition(toks, k)
    return _word_subject(toks, k, first, sent_start, doc, prev)


def _word_subject(toks: list[R.Tok], k: int, first: int, sent_start: int, doc: Doc,
                  prev: list[str] | None) -> tuple[list[str], str] | None:
    """The subject ending at token ``k``: a pronoun, a relative, ``by``+gerund, else a noun
    phrase (:func:`_np_subject`)."""
    tok = toks[k]
    if tok.low in R.FIRST_PERSON:
        speaker = doc.quote_at(sent_start + tok.start)
        return ([speaker], "quote") if speaker else None
    if tok.low in R.PRONOUN_SUBJECTS | {"it"}:
        return pronoun_holder(toks, k, sent_start, doc, prev)
    if tok.low in {"which", "who"}:
        found = _relative_holder(toks, k, sent_start, doc)
        return (found, "relative") if found else None
    found = _whose_holder(toks, k, sent_start, doc)
    if found:
        return found, "relative"
    if tok.low == "by" and toks[first].low.endswith("ing"):  # "X opened the talks by urging"
        found = sentence_subject(toks, sent_start, doc)
        return (found, "sentence subject") if found else None
    found = _np_subject(toks, k, sent_start, doc, prev)
    if found:
        return found
    return (prev, "coordinated") if prev and tok.low in {"but", "and", "yet", ","} else None


def _np_subject(toks: list[R.Tok], k: int, sent_start: int, doc: Doc,
                prev: list[str] | None) -> tuple[list[str], str] | None:
    """The noun phrase ending at token ``k`` as a subject: the asker of ``asked X to``, none
    after a locative preposition, the speaker for a common noun in reported speech."""
    asker = _asker(toks, k, sent_start, doc, prev)
    if asker:
        return asker
    if _after_preposition(toks, k):  # "arrived in the UK to seek asylum": no subject
        return None
    found = _np_holder(toks, k + 1, sent_start, doc)
    if found and _generic(toks, k):
        return _speaker_of_generic(toks, k, sent_start, doc) or (found, "subject")
    return (found, "subject") if found else None


def frame(toks: list[R.Tok], before: int, sent_start: int,
          doc: Doc) -> tuple[list[str], str] | None:
    """Speech frame of the sentence: ``X said ...``, ``For X, ...``, ``According to X, ...``."""
    for k in range(min(before, len(toks)) - 1, max(-1, before - 60), -1):
        if toks[k].low in R.SPEECH_VERBS:
            found = frame_subject(toks, k, sent_start, doc)
            if found:
                return found, "speech frame"
    if len(toks) > 2 and toks[0].low in {"for", "according"}:
        j = 2 if toks[0].low == "according" else 1
        end = next((i for i in range(j, min(len(toks), j + 10)) if toks[i].text == ","), None)
        phrase = [t.text for t in toks[j:end]] if end else []
        if phrase and R.is_actor_text(phrase):
            return normalise(phrase, sent_start + toks[j].start, doc), "frame"
    return None


def holder(toks: list[R.Tok], cue: R.Cue, start: int, doc: Doc, prev: list[str] | None,
           quoted: str | None) -> tuple[list[str], str] | None:
    """Holder of a cue: its subject, else the quote around the cue or the mention, else a frame.

    A passive verb cue has no holder here (its subject is the patient): None.
    """
    if R.passive(toks, cue):
        return None
    found = subject(toks, cue.first, start, doc, prev)
    if found:
        return found
    speaker = doc.quote_at(start + toks[cue.first].start) or quoted
    if speaker:
        return [expand(speaker, doc, start)], "quote"
    found = frame(toks, cue.first, start, doc)
    if found or cue.kind != "noun":
        return found
    owner = sentence_subject(toks, start, doc)  # "X has signed a petition against Y"
    return (owner, "sentence subject") if owner else None
