"""Role and organisation back-references: who ``the official``, ``the judge``, ``a company
spokesman`` or ``the company said`` point to, looked up in the text and history before them.

Roles first (:func:`role_reference`, :func:`titled_role`, :func:`titled_person`), then the
organisation named before (:func:`org_named_before` and the look-ups behind it).
"""

from __future__ import annotations

import re

from analysis.attribution import sentence_end, sentence_start, subject_np
from analysis.names import surname_alone
from analysis.quote_records import Doc, Mention
from analysis.speaker_lexicon import (
    ANONYMOUS_SOURCES,
    DESCRIBED_PEOPLE,
    FUNCTION_WORDS,
    ORG_HEADS,
    ORG_STAND_INS,
    ROLE_MODIFIERS,
    SPOKESPERSONS,
)
from analysis.speakers import NAME_TOKEN, Speaker, np_forward, speaker_of, tokenize_spans

SHORT_ROLE = re.compile(r"(?:[Tt]he|[Aa]n?) (?:[a-z]+ )?[a-z]+\Z")


TITLE_ROLES = frozenset({
    "judge", "senator", "minister", "secretary", "president", "governor", "mayor", "coach",
    "manager", "captain", "chancellor", "prosecutor", "ambassador", "commissioner", "chairman",
    "chairwoman", "inspector", "detective", "sheriff", "premier", "skipper", "congressman",
    "congresswoman", "councillor", "lawmaker", "executive", "superintendent", "boss",
    *SPOKESPERSONS})
"""``the judge said`` after ``U.S. District Judge Jo Roe``: the person who holds the title."""


_TITLE_ABBR = {"governor": ("gov",), "senator": ("sen",), "detective": ("det",),
               "inspector": ("insp", "di"), "superintendent": ("supt",), "captain": ("capt",),
               "congressman": ("rep",), "congresswoman": ("rep",), "councillor": ("cllr",),
               "prosecutor": ("attorney",), "minister": ("secretary",),
               "boss": ("chief executive", "manager", "head coach", "chairman")}


def generic_role(spk: Speaker) -> bool:
    """``a spokesman for the company`` -> "company spokesman": its organisation is named before."""
    words = spk.canonical.split(" ")
    return (spk.kind == "role" and 2 <= len(words) <= 3 and words[-2] in GENERIC_ORGS
            and words[-1] in SPOKESPERSONS and spk.canonical.islower())  # "airplane manufacturer"


def role_reference(doc: Doc, written: str, spk: Speaker, pos: int,
                   history: list[Mention]) -> Speaker:
    """Short roles that point back: ``the official`` -> the ``economy ministry official``
    introduced before; ``a spokesperson`` -> the organisation speaking in that paragraph;
    ``an agency spokeswoman`` -> the ``X Agency`` named before."""
    words = spk.canonical.split(" ")
    if generic_role(spk):  # "a spokesman for the company"
        latest = latest_named_org(history)
        org = latest.canonical if latest else (
            _sentence_subject_org(doc, pos) or _speaking_org(doc, pos, history))
        if org and speaker_of(org).kind == "person" and surname_alone(doc.body, org, pos):
            org = None  # "Midfielder Jo Roe ... Roe was": a person, not the club
        return Speaker(f"{org} {words[-1]}", "role", spk.gender) if org else spk
    if not SHORT_ROLE.match(written) or len(words) > 2:
        return spk
    if len(words) == 1 and written[:4] in {"the ", "The "}:
        titled = titled_person(doc.body, words[0], pos) if words[0] in TITLE_ROLES else None
        for m in reversed(history[-50:]):
            if m.speaker.kind == "role" and m.speaker.canonical.endswith(" " + words[0]):
                return titled[0] if titled and titled[1] > m.pos else m.speaker
        if words[0] in ANONYMOUS_SOURCES:  # "A source close to X said ... The insider added"
            for m in reversed(history[-10:]):
                head = m.speaker.canonical.split(" ")[-1]
                if m.speaker.kind == "role" and head in ANONYMOUS_SOURCES:
                    return m.speaker
        anonymous = _anonymous_before(doc.body, history) if words[0] in _UNNAMED else None
        if anonymous:  # "One Acme engineer, who spoke on condition of anonymity, ..."
            return anonymous
        if titled:  # the judge: the person named after the title, when written later
            return titled[0]
        if words[0] in ORG_STAND_INS and written[:4] in {"the ", "The "}:
            org = _previous_subject_org(doc, doc.para_bounds(pos)[0], pos)
            return Speaker(org, "org") if org and org[:1].isupper() and (  # an Authority,
                org.rsplit(" ", 1)[-1].lower() in ORG_HEADS) else spk  # not a firm it watches
    if words[-1] not in SPOKESPERSONS:
        return spk
    if len(words) == 2:
        org = named_org(doc.body, pos, Speaker(words[0], "org"))
        return Speaker(f"{org.canonical} {words[1]}", "role", spk.gender) if (
            org.canonical != words[0]) else spk
    org = _speaking_org(doc, pos, history)
    return Speaker(f"{org} {words[0]}", "role", spk.gender) if org else spk


_UNNAMED = frozenset({"source", "insider", "person", "employee", "staffer", "worker"})


_LEAD_ROLE = re.compile(r"(?:[Aa]n?|[Tt]he [a-z]+ of) ")


def named_later(doc: Doc, written: str, spk: Speaker, pos: int) -> Speaker:
    """``A coroner has said ...`` (or ``The mother of a woman ...``) in the lead, then ``senior
    coroner Jo Roe recorded ...``: news leads with the role and names the person later; the
    first full name written after that role noun in the next 2,000 characters (``spk`` when
    there is none; ``the top seed`` alone points back, not forward)."""
    head = spk.canonical
    if spk.kind != "role" or spk.plural or " " in head or head in _UNNAMED | set(
            SPOKESPERSONS) or not _LEAD_ROLE.match(written) or doc.para_bounds(pos)[0] > (
            doc.breaks[0] + 2 if doc.breaks else 0):
        return spk  # only a bare role in the first two paragraphs
    pattern = (rf"\b(?i:{re.escape(head)}),? ((?:{NAME_TOKEN} ){{1,3}}{NAME_TOKEN})"
               rf"(?![\w'’-]| [A-Z])")
    m = re.search(pattern, doc.body[pos + len(written):pos + 2000])
    named = speaker_of(m.group(1)) if m else None
    return named if named and named.kind == "person" and " " in named.canonical else spk


def named_after(doc: Doc, written: str, spk: Speaker, pos: int) -> Speaker:
    """``"...," said a woman sitting outside.`` then ``The woman, Jo Roe, 61, said ...`` (or
    ``the man, who gave his name only as Tomasz``): a described person the reporter names in
    the same or the next paragraph is that person (``spk`` when not named there)."""
    head = spk.canonical.rsplit(" ", 1)[-1]
    if spk.kind != "role" or spk.plural or head not in DESCRIBED_PEOPLE or not re.match(
            r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother) ", written):
        return spk
    lo, hi = doc.para_bounds(pos)
    hi = doc.para_bounds(hi + 2)[1] if hi + 2 < len(doc.body) else hi
    pattern = (rf"\b[Tt]he (?:[a-z]+ )?{head}, (?:who (?:gave|identified) (?:himself|herself|"
               rf"(?:his|her|their) name) (?:only )?as )?((?:{NAME_TOKEN} ){{0,2}}{NAME_TOKEN})"
               rf"(?=,| and\b| said\b|\.)")
    m = re.search(pattern, doc.body[pos:min(hi, pos + 1500)])
    named = speaker_of(m.group(1)) if m else None
    return named if named and named.kind == "person" else spk


def _anonymous_before(body: str, history: list[Mention]) -> Speaker | None:
    """``the employee said`` after ``One Acme engineer, who spoke on condition of anonymity,
    said``: the unnamed role that asked not to be named."""
    for m in reversed(history[-10:]):
        if m.speaker.kind == "role" and "anonymity" in body[m.pos:m.pos + 160]:
            return m.speaker
    return None


def titled_role(body: str, written: str, spk: Speaker, pos: int) -> Speaker:
    """``the former prime minister said``: the person named before with that title (or, for a
    generic title with modifiers only, ``the former minister``, with its head), else ``spk``."""
    if spk.kind != "role" or written[:4] not in {"the ", "The "} or " " not in spk.canonical:
        return spk
    *mods, head = spk.canonical.split(" ")
    generic = head in TITLE_ROLES and all(w in ROLE_MODIFIERS for w in mods)
    titled = titled_person(body, re.escape(written[4:]), pos) or (
        titled_person(body, head, pos) if generic else None)  # "the former minister"
    return titled[0] if titled else spk  # "the former prime minister": the one named so


def titled_person(body: str, role: str, pos: int) -> tuple[Speaker, int] | None:
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


# ---------------------------------------------------------------- organisations named before
# Several look-ups find "the organisation named before"; they differ in what points back and
# where the name is looked for:
# * org_named_before (the one entry point for "the ministry/company/club said"):
#   - named_org: "the ministry" -> "Ministry of X" written in the 3,000 characters before;
#   - latest_named_org: "the company" -> the latest capitalised organisation spoken of;
#   - appositive_org: "His former club, Acme Rovers," -> "the club";
#   - plain_subject: "Acme Foods recalled the bars. ... the company said".
# * spokespeople ("a spokesman", "a company spokesman", "an agency spokeswoman"), in
#   role_reference: _speaking_org (_previous_subject_org: the subject of the sentence before;
#   then the paragraph's history; then _earlier_subject_org: two sentences further back),
#   _sentence_subject_org (the organisation opening the speaker's own sentence) and named_org.

GENERIC_ORGS = frozenset({"company", "firm", "group", "carmaker", "airline", "bank", "lender",
                           "retailer", "insurer", "manufacturer", "operator", "chipmaker",
                           "utility", "club", "charity", "broadcaster", "newspaper", "agency",
                           "giant", "chain", "supermarket", "startup", "start-up", "miner"})
"""``the company said``: the organisation named before (the latest one spoken of)."""


def org_named_before(doc: Doc, written: str, spk: Speaker, pos: int,
                     history: list[Mention]) -> Speaker:
    """``the ministry`` / ``the company`` / ``the club`` said: the organisation named before
    (else ``spk``). Tried in order: a name with the same head (:func:`named_org`); for generic
    heads (:data:`GENERIC_ORGS`) the latest named organisation spoken of, the name in apposition
    (:func:`appositive_org`), then the name opening the sentence before (:func:`plain_subject`)."""
    if spk.kind != "org" or written[:4] not in {"the ", "The "}:
        return spk
    if " " not in spk.canonical:
        spk = named_org(doc.body, pos, spk)
    if spk.canonical.split(" ")[-1] not in GENERIC_ORGS or not spk.canonical.islower():
        return spk
    spk = latest_named_org(history) or appositive_org(doc.body, pos, spk)  # the company: Acme
    return (plain_subject(doc, pos) or spk) if spk.canonical.islower() else spk


def longer_org_name(body: str, spk: Speaker, pos: int) -> Speaker:
    """``the Audit Commission said`` after ``the Audit Commission of Norland``: the full
    name written before (``of``/``for`` + a capitalised name after an organisation head)."""
    words = spk.canonical.split(" ")
    if spk.kind != "org" or len(words) < 2 or not spk.canonical[:1].isupper() or (
            words[-1].lower() not in ORG_HEADS):
        return spk
    lo = max(0, pos - 5000)
    if body.find(spk.canonical + " ", lo, pos) < 0:
        return spk  # a cheap test before the pattern
    pattern = (rf"(?<![\w'’-]){re.escape(spk.canonical)} (?:of|for) (?:the )?"
               rf"[A-Z][\w'’-]*(?: (?:and )?[A-Z][\w'’-]*){{0,3}}")
    found = list(re.finditer(pattern, body[lo:pos]))
    return Speaker(found[-1].group(), "org") if found else spk


def introduced_org(body: str, written: str, spk: Speaker, pos: int) -> Speaker:
    """``Acme Fairfield said`` after ``an inquiry into Acme Fairfield Bank``: a bare name
    first written with an organisation head after it is that organisation, shortened (not a
    person given a title, a gender, an age or a role)."""
    name = spk.canonical
    if spk.kind not in {"person", "org"} or spk.gender or written.strip() != name:
        return spk
    first = body.find(name, max(0, pos - 20_000), pos)
    m = _ORG_TAIL.match(body, first + len(name)) if first >= 0 else None
    if m and m.group(1).lower() in ORG_HEADS and not body[first - 1:first].isalnum():
        return Speaker(name + m.group(), "org")
    return spk


_ORG_TAIL = re.compile(r"(?: [A-Z][\w&'’-]*)?? ([A-Z][\w'’-]*)(?![\w'’-]| [A-Z])")


def latest_named_org(history: list[Mention]) -> Speaker | None:
    """The latest capitalised organisation among the last 50 speakers spoken of."""
    return next((m.speaker for m in reversed(history[-50:]) if m.speaker.kind == "org"
                 and m.speaker.canonical[:1].isupper()), None)


_ORG_ALIASES = {"force": "Police|Constabulary|Force"}  # "the force" in police stories


def named_org(body: str, pos: int, spk: Speaker) -> Speaker:
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
    while words and (words[0].lower() in FUNCTION_WORDS or _leader(body, pos, words[0])):
        words = words[1:]  # "Roe's Unity Party": the party, not its leader
    return Speaker(" ".join(words), "org") if len(words) > 1 else spk


def _leader(body: str, pos: int, word: str) -> bool:
    """``Roe's`` when a ``Jo Roe`` is named before: a person's possessive (not ``Norland's``)."""
    if not word.endswith(("'s", "’s")):
        return False
    pattern = rf"[A-Z][\w'’-]+ {re.escape(word[:-2])}\b"
    return re.search(pattern, body[max(0, pos - 5000):pos]) is not None


def appositive_org(body: str, pos: int, spk: Speaker) -> Speaker:
    """``His former club, Acme Rovers, ...`` then ``the club said``: the name in apposition."""
    head = spk.canonical.split(" ")[-1]
    pattern = rf"\b{re.escape(head)}, ([A-Z][\w'’&-]*(?: [A-Z][\w'’&-]*){{0,3}})[,.]"
    found = list(re.finditer(pattern, body[max(0, pos - 1500):pos]))
    return Speaker(found[-1].group(1), "org") if found else spk


def plain_subject(doc: Doc, pos: int) -> Speaker | None:
    """``Acme Foods recalled the bars. In a statement, the company said``: a bare capitalised
    name opening the sentence before (not ``Roe's lawyer, Jo Poe``) is the company."""
    name = _previous_subject_org(doc, doc.para_bounds(pos)[0], pos)
    if not name or not name[:1].isupper() or " " not in name:
        return None  # "Shares in Acme slipped": one capitalised word may be a common noun
    opening = re.compile(rf"(?:\A|\n|[.!?] ){re.escape(name)} [a-z]")
    return Speaker(name, "org") if opening.search(doc.body[max(0, pos - 400):pos]) else None


def _speaking_org(doc: Doc, pos: int, history: list[Mention]) -> str | None:
    """``a spokesperson said``: the organisation subject of the sentence before, else the
    latest named organisation spoken of in this paragraph, else the subject of an earlier
    sentence of the paragraph."""
    para = doc.para_bounds(pos)[0]
    org = _previous_subject_org(doc, para, pos)
    if org:
        return org
    for m in reversed(history[-10:]):
        if m.pos < para:
            break
        if m.speaker.kind == "org" and m.speaker.canonical[:1].isupper():
            return m.speaker.canonical
    return _earlier_subject_org(doc, para, pos)


def _previous_subject_org(doc: Doc, para: int, pos: int) -> str | None:
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


def _earlier_subject_org(doc: Doc, para: int, pos: int) -> str | None:
    """``Acme cut 500 jobs. Staff were told. A spokesman said``: the organisation opening one
    of the two sentences before the previous one, in the same paragraph."""
    for _ in range(2):
        pos = sentence_start(doc.body, para, pos + 1) - 2
        org = _previous_subject_org(doc, para, pos) if pos > para + 2 else None
        if org:
            return org
    return None


def _sentence_subject_org(doc: Doc, pos: int) -> str | None:
    """``Acme Co. is trying ..., a spokesman for the manufacturer said``: the capitalised
    organisation that opens the sentence."""
    s0 = sentence_start(doc.body, doc.para_bounds(pos)[0], pos)
    words = [t for t, _, _ in tokenize_spans(doc.body[s0:pos])]
    np = np_forward(words, 0)
    spk = speaker_of(" ".join(words[np[0]:np[1]])) if np else None
    return spk.canonical if spk and spk.kind == "org" and spk.canonical[:1].isupper() else None
