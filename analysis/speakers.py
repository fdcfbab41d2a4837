"""Speaker noun phrases for quote attribution: find, normalise, corefer.

Everything here is general English news convention (titles, role nouns, reporting
verbs, pronouns); nothing is specific to any article. Used by :mod:`analysis.quotes`.
The word lists themselves (reporting verbs, honorifics, role nouns, organisation heads,
function words) live in :mod:`analysis.speaker_lexicon`.

>>> normalise_speaker("a second NATO diplomat")
('NATO diplomat', 'role')
>>> normalise_speaker("German Chancellor Olaf Scholz")
('Olaf Scholz', 'person')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from analysis.names import add_nicknames
from analysis.speaker_lexicon import (
    CONNECTORS,
    DEMONYM_NOUNS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    EPITHET_ADJ,
    EPITHETS,
    FAMILY_NOUNS,
    FEMALE_ROLES,
    FIRST_NAME_ROLES,
    FUNCTION_WORDS,
    GENERIC_ADJ,
    HONORIFICS,
    KIN_GENDER,
    KIN_PLURALS,
    MALE_ROLES,
    NAME_PARTICLES,
    ORDINALS,
    ORG_HEADS,
    PERFORMERS,
    PERSONAL_ROLES,
    PLACE_HEADS,
    PLACE_INITIALS,
    PLACE_NOUNS,
    POSTNOMINALS,
    PRONOUNS,
    ROLE_COMPLEMENTS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    SPOKESPERSONS,
    TIME_NOUNS,
    VERB_LEMMAS,
    word_set,
)

Kind = Literal["person", "role", "org", "pronoun"]

NAME_TOKEN = r"(?:(?:al|el|ad|ash|bin|ibn|abu|abd|ul)-)?[A-Z\u00C0-\u00DE][\w'’.\-]*"
"""A capitalised word, also with an Arabic article or patronymic (``al-Roe``)."""
_POSS = re.compile(r"['’]s?$")
_NAME = re.compile(NAME_TOKEN)
TOKEN_RE = re.compile(r"\w+(?:[-'’.&]\w+)*(?:(?<=s)['’](?!\w))?\.?|--|[^\w\s]")

# ---------------------------------------------------------------- token helpers


def tokenize_spans(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Tokens of ``text`` as ``(token, start, end)`` with ``offset`` added."""
    out = []
    for m in TOKEN_RE.finditer(text):
        tok = m.group()
        if tok.lower() in _COMPANY_ABBREVIATIONS:  # "Acme Corp. said": the period is no stop
            out.append((tok[:-1], m.start() + offset, m.end() + offset))
        elif tok.endswith(".") and len(tok) > 1 and not _keeps_period(tok):
            out.append((tok[:-1], m.start() + offset, m.end() - 1 + offset))
            out.append((".", m.end() - 1 + offset, m.end() + offset))
        else:
            out.append((tok, m.start() + offset, m.end() + offset))
    return out


def _keeps_period(tok: str) -> bool:
    """Abbreviations keep their period: Mr., Dr., U.S., Jr."""
    low = tok.lower()
    return low in HONORIFICS or low in POSTNOMINALS or bool(re.fullmatch(r"(?:\w\.){2,}", tok))


_COMPANY_ABBREVIATIONS = frozenset({"corp.", "inc.", "co.", "ltd.", "bros.", "plc."})
"""``Acme Corp. said``: the period belongs to the name (the token is ``Corp`` spanning it)."""


def _bare(tok: str) -> str:
    """Token without a possessive ending."""
    return _POSS.sub("", tok)


@lru_cache(maxsize=65536)
def is_name_token(tok: str) -> bool:
    """Capitalised word or acronym (``Rutte``, ``NATO``, ``U.S.``, ``Mong-koo``)."""
    return bool(_NAME.match(tok)) and tok.lower() not in FUNCTION_WORDS


LAY_PEOPLE = frozenset({"man", "woman", "boy", "girl"})


@lru_cache(maxsize=65536)
def is_role(tok: str) -> bool:
    """Role noun, singular or plural (``diplomat``, ``officials``)."""
    low = _bare(tok.lower())
    if low.endswith("-year-old") or tok in LAY_PEOPLE:
        return True  # the 19-year-old; a woman who lives nearby (lower case only: not "Man Utd")
    if len(low) > 6 and low.rstrip("s").endswith("ist") and not low.endswith(("qvist", "quist")):
        return True  # economist, guitarist, journalists ...
    if "-" in low and low.rsplit("-", 1)[1] in ROLE_NOUNS:
        return True  # co-chairman, vice-chair
    return low in ROLE_NOUNS or (low.endswith("s") and low[:-1] in ROLE_NOUNS) or (
        low.endswith("es") and low[:-2] in ROLE_NOUNS) or (
        low.endswith("people") and low[:-6] + "person" in ROLE_NOUNS
    ) or low.endswith(SPOKESPERSONS)


@lru_cache(maxsize=65536)
def np_token_ok(tok: str) -> bool:
    """Can ``tok`` be part of a speaker noun phrase?"""
    low = tok.lower()
    return (is_name_token(tok) or low in NAME_PARTICLES or is_role(tok) or low in ROLE_MODIFIERS
            or low in CONNECTORS or _bare(low) in ORG_HEADS or low in HONORIFICS
            or low in POSTNOMINALS or low in ORDINALS or tok in {"'s", "’s"}
            or low in DOCUMENT_NOUNS
            or (len(tok) > 3 and bool(_POSS.search(tok))))  # the employers' federation


def is_pronoun(tok: str) -> bool:
    """Subject pronoun usable as a speaker (he, she, they, it, we)."""
    return tok.lower() in PRONOUNS


def _has_head(toks: Sequence[str]) -> bool:
    """Does a candidate phrase contain a name, a role noun or an organisation head?"""
    return any(is_name_token(t) or is_role(t) or _bare(t.lower()) in ORG_HEADS for t in toks) or (
        len(toks) == 2 and toks[0].lower() == "the" and toks[1].lower() in DOCUMENT_NOUNS)


def _trim(toks: list[str], lo: int, hi: int) -> tuple[int, int]:
    """Drop connectors at both ends and determiners at the end of ``toks[lo:hi]``."""
    while lo < hi and toks[lo].lower() in CONNECTORS:
        lo += 1
    while hi > lo and (toks[hi - 1].lower() in CONNECTORS | DETERMINERS | ORDINALS):
        hi -= 1
    return lo, hi


def _org_modifier(toks: list[str], i: int) -> bool:
    """``weather`` in ``the weather service``: a lower-case noun between a determiner and an
    organisation head; ``treatment`` in ``Water treatment group Acme`` (a capitalised word
    before it and a name after the head)."""
    if not (0 < i < len(toks) - 1 and toks[i].isalpha() and toks[i].islower()
            and _bare(toks[i + 1].lower()) in ORG_HEADS and toks[i] not in FUNCTION_WORDS):
        return False
    return toks[i - 1].lower() in {"the", "a", "an", "its"} or (
        is_name_token(toks[i - 1]) and toks[i] not in VERB_LEMMAS and (
            (i + 2 < len(toks) and is_name_token(toks[i + 2]))
            or bool(_POSS.search(toks[i - 1]))))  # "Acme's commerce ministry"


def _compound(toks: list[str], i: int) -> bool:
    """``bond`` in ``one bond trader``, ``leadership`` in ``Senate Republican leadership aide``,
    ``planning`` in ``deputy planning director``: a lower-case noun between a determiner, a
    role modifier or a capitalised word and a lower-case role."""
    return (0 < i < len(toks) - 1 and toks[i].isalpha() and toks[i].islower()
            and (toks[i - 1].lower() in DETERMINERS | ROLE_MODIFIERS or (
                is_name_token(toks[i - 1]) and not _POSS.search(toks[i - 1])))
            and is_role(toks[i + 1]) and toks[i + 1].islower()
            and toks[i] not in FUNCTION_WORDS | VERB_LEMMAS.keys())


def np_backward(toks: list[str], end: int, *, limit: int = 12) -> tuple[int, int] | None:
    """Speaker noun phrase ending just before index ``end`` (``Mr Smith`` in ``Mr Smith said``)."""
    if end > 0 and is_pronoun(toks[end - 1]):
        return end - 1, end
    lo = end
    while lo > 0 and end - lo < limit and (
            np_token_ok(toks[lo - 1]) or _org_modifier(toks, lo - 1) or _compound(toks, lo - 1)):
        lo -= 1
    lo, hi = _trim(toks, lo, end)
    if hi < end or not _has_head(toks[lo:hi]):  # the phrase must touch the verb
        return None
    j = lo
    while j > lo - 3 and j > 0 and toks[j - 1].isalpha() and toks[j - 1].islower() and (
            toks[j - 1] not in {"in", "from", "at"}):
        j -= 1  # "trader at a large European bank": back over the determiner and adjectives
    j = j if j >= 2 and toks[j - 1] in {"in", "from", "at"} and (
        is_role(toks[j - 2]) or is_demonym(toks[j - 2])) else lo
    if lo >= 2 and toks[j - 1] in {"in", "from", "at"} and (
            is_role(toks[j - 2]) or is_demonym(toks[j - 2])):
        more = np_backward(toks, j - 1, limit=limit)
        lo = more[0] if more else lo
    if lo >= 3 and toks[lo - 1] in {"to", "with"} and toks[lo - 2] in _CLOSE:
        head = np_backward(toks, lo - 2, limit=limit)
        if head and is_role(toks[head[1] - 1]):
            return head  # "a source close to the star": the source
    return lo, hi


_CLOSE = frozenset({"close", "familiar", "near", "loyal", "linked"})



def np_forward(toks: list[str], start: int, *, limit: int = 12) -> tuple[int, int] | None:
    """Speaker noun phrase starting at index ``start`` (``a second diplomat`` in ``said a ...``)."""
    if start < len(toks) and is_pronoun(toks[start]):
        return start, start + 1
    hi = start
    if (start + 2 < len(toks) and toks[start].isalpha() and toks[start].islower()
            and toks[start] not in FUNCTION_WORDS and is_name_token(toks[start + 1])
            and is_name_token(toks[start + 2])):
        hi += 1  # "brokerage Acme Securities said": a descriptor noun before a name
    while hi < len(toks) and hi - start < limit and (
            np_token_ok(toks[hi]) or _org_modifier(toks, hi) or _compound(toks, hi)):
        hi += 1
    lo, hi = _trim(toks, start, hi)
    if lo != start or not _has_head(toks[lo:hi]):
        return None
    return lo, hi


_INVERTED_STOP = word_set("""
in on at during after before when while as who whose which that adding speaking referring
yesterday today tonight last this from via with according but and because although if
though since until whether than said says told now currently also formerly
outside inside near behind across ahead
""")


def np_inverted(toks: list[str], start: int, *, limit: int = 12) -> tuple[int, int] | None:
    """Speaker after an inverted verb (``said Swedish trades union official Jo Bloggs.``).

    Greedy up to the first punctuation mark or clause word; needs a name, role or
    organisation word, or a determiner followed by a noun (``the local athlete``).
    """
    if start < len(toks) and is_pronoun(toks[start]):
        return start, start + 1
    hi = start
    while (hi < len(toks) and hi - start < limit and toks[hi] not in _PUNCT_STOP
           and (toks[hi].lower() not in _INVERTED_STOP or _role_at_org(toks, hi)
                or _joined_modifier(toks, hi))
           and not _participle_after_role(toks, hi)):
        hi += 1
    if hi < len(toks) and hi - start >= limit:
        return None
    lo, hi = _trim(toks, start, hi)
    if lo != start or hi == lo:
        return None
    phrase = toks[lo:hi]
    if _has_head(phrase) or (phrase[0].lower() in DETERMINERS and len(phrase) > 1):
        return lo, hi
    return None


def _joined_modifier(toks: list[str], i: int) -> bool:
    """``and`` in ``a water and sanitation engineer``: two lower-case nouns joined before one
    role noun (not ``a man and his wife``: the word before ``and`` is no role)."""
    if toks[i] != "and" or i == 0 or not toks[i - 1].islower() or is_role(toks[i - 1]):
        return False
    for tok in toks[i + 1:i + 4]:
        if not (tok.isalpha() and tok.islower()) or tok in FUNCTION_WORDS:
            return False
        if is_role(tok):
            return True
    return False


def _participle_after_role(toks: list[str], i: int) -> bool:
    """``sitting`` in ``said a man sitting in the shade``: a lower-case -ing word after a role
    noun starts a description of that person, not part of the speaker's name."""
    tok = toks[i]
    return (i > 0 and len(tok) > 5 and tok.isalpha() and tok.islower() and tok.endswith("ing")
            and is_role(toks[i - 1]) and toks[i - 1].islower())


def _role_at_org(toks: list[str], i: int) -> bool:
    """``analysts at Acme Bank``: ``at`` joins a role to a capitalised organisation."""
    return (toks[i] == "at" and i > 0 and i + 1 < len(toks) and is_role(toks[i - 1])
            and is_name_token(toks[i + 1]))


_PUNCT_STOP = frozenset({",", ".", ";", ":", "(", ")", "!", "?", "--", "-", "–", "—", '"', "“",
                         "”"})

# ---------------------------------------------------------------- normalisation


@dataclass(frozen=True)
class Speaker:
    """A normalised speaker: canonical name, kind, gender hint ("m", "f", "") and plurality."""

    canonical: str
    kind: Kind
    gender: str = ""
    plural: bool = False


_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "can", "ench", "utch")


def _demonym(tok: str) -> bool:
    """``American``, ``Frenchman``: a nationality epithet before a name, never part of it."""
    return tok.lower().endswith(_DEMONYM_ENDINGS) or tok.lower() in DEMONYM_NOUNS


def _person_tokens(toks: list[str]) -> tuple[list[str], str] | None:
    """Personal-name tokens after the last title, role or possessive, with a gender hint."""
    while len(toks) > 1 and toks[-1].lower() in POSTNOMINALS:
        toks = toks[:-1]
    cut, gender, titled, by_org, kind_of_firm = 0, "", False, False, False
    for i, tok in enumerate(toks):
        low = tok.lower()
        if (i == len(toks) - 1 and is_name_token(tok) and i and _bare(low) not in ORG_HEADS
                and not is_role(tok) and (not _is_title_word(tok) or _short_surname(toks, i))):
            break  # the last capitalised word is the name itself ("... Mervyn King", "Jo Sen")
        if i and i == len(toks) - 2 and _first_name_role(toks, i):
            break  # "manager Dean Whitfield": a first name that is also a role noun
        if _inner_honorific(toks, i):
            continue  # "Hassan Sheikh Mohamud": part of the name
        if low in HONORIFICS or is_role(tok) or _POSS.search(tok) or low.endswith("-born") or (
            _bare(low) in ORG_HEADS
        ) or _hyphen_title(toks, i) or _agent_noun(toks, i):
            cut, titled = i + 1, True
            by_org = (_bare(low) in ORG_HEADS and not is_role(tok) and low not in HONORIFICS
                      and not _joined_role(toks, i))
            kind_of_firm = by_org and tok.islower()  # "carmaker Hoshida Motor": a company
            gender = HONORIFICS.get(low, gender) or _role_gender(low) or gender
    name = [t for t in toks[cut:] if t.lower() not in POSTNOMINALS]
    if titled:
        name = _trailing_name(name, by_org=by_org)
        if name is None:
            return None
    if not titled and len(name) >= 3 and _demonym(name[0]):
        name = name[1:]  # "American Jo Ann Roe": a nationality word before the name
    if by_org and (len(name) < 2 or (kind_of_firm and cut == len(toks) - len(name))):
        return None  # "the Oxford University Press", "lender Acme Bank": organisations
    if not name or not is_name_token(name[-1]) or not all(
        is_name_token(t) or t in NAME_PARTICLES for t in name
    ):
        return None
    if any(t.isupper() and len(t) > 1 and "." not in t for t in name) and len(name) == 1:
        return None  # an acronym is an organisation
    if len(name) == 1 and not titled and toks[:cut] == [] and len(toks) > 1:
        return None
    return name, gender


def _trailing_name(name: list[str], *, by_org: bool) -> list[str] | None:
    """The trailing run of name words after a title (``director of rugby Jo Bloggs``), or
    None when the words after the title are an office or a place, not a name."""
    k = len(name)
    while k > 0 and (is_name_token(name[k - 1]) or name[k - 1] in NAME_PARTICLES):
        k -= 1
    if len(name) - k >= 3 and k > 0 and name[k - 1].lower() in CONNECTORS | DETERMINERS:
        k += 1  # "of the Treasury Jo Bloggs": the first capitalised word is the office
    elif len(name) - k == 1 and k > 0 and name[k - 1].lower() in CONNECTORS | DETERMINERS:
        return None  # "Archbishop of Canterbury": a title, not a name
    elif k > 0 and name[k - 1] == "at":
        return None  # "analysts at Acme Bank": where the role works
    elif by_org and k > 0 and name[k - 1].lower() in CONNECTORS:
        return None  # "Department of Health and Social Care": still the organisation
    name = name[k:]
    while name and name[0] in NAME_PARTICLES:
        name = name[1:]
    return name


_HYPHEN_TITLE = re.compile(r"[A-Z][a-z]+-[a-z][a-z-]*")
"""``Fly-half``, ``Co-founder``, ``Ex-minister``: a capitalised hyphenated word whose second
part is lower case is a description before a name, never a name (``Jean-Paul``)."""


def _joined_role(toks: Sequence[str], i: int) -> bool:
    """``broadcaster`` in ``critic and broadcaster Jo Roe``: a word joined by ``and`` to a role
    noun describes the person too, not a firm (``broadcaster Acme TV``)."""
    return i >= 2 and toks[i - 1] == "and" and is_role(toks[i - 2])


def _hyphen_title(toks: Sequence[str], i: int) -> bool:
    """:data:`_HYPHEN_TITLE` at the start of a name run, before a capitalised word (not the
    ``Ka-shing`` of ``Li Ka-shing`` nor the ``El-badawi`` of ``Taher El-badawi``)."""
    return (bool(_HYPHEN_TITLE.fullmatch(toks[i])) and i + 1 < len(toks)
            and (i == 0 or not is_name_token(toks[i - 1])) and is_name_token(toks[i + 1])
            and toks[i].split("-", 1)[0].lower() not in NAME_PARTICLES | {"abu", "ibn", "abd"})


def _agent_noun(toks: Sequence[str], i: int) -> bool:
    """``biographer`` in ``Acme biographer Jo Roe``: a lower-case agent noun right before
    a name of two or more capitalised words describes the person."""
    tok = toks[i]
    return (tok.isalpha() and tok.islower() and len(tok) > 4
            and tok.endswith(("er", "or", "ian", "ist")) and len(toks) - i > 2
            and tok not in FUNCTION_WORDS | DETERMINERS | ROLE_MODIFIERS
            and all(is_name_token(t) for t in toks[i + 1:]))


def _inner_honorific(toks: Sequence[str], i: int) -> bool:
    """``Sheikh`` in ``Hassan Sheikh Mohamud``: between a given name (not a title, role or
    organisation word) and a surname it belongs to the name."""
    if not (0 < i < len(toks) - 1 and toks[i] == "Sheikh"):
        return False  # other titles after a capitalised word are titles ("First Lady Jo Roe")
    prev = toks[i - 1]
    return (is_name_token(prev) and is_name_token(toks[i + 1]) and not is_role(prev)
            and prev.lower() not in HONORIFICS and not _is_title_word(prev)
            and _bare(prev.lower()) not in ORG_HEADS and not _POSS.search(prev)
            and not prev.isupper() and prev.lower() not in VERB_LEMMAS)  # "Said Mr Roe"


def _short_surname(toks: Sequence[str], i: int) -> bool:
    """``Sen`` in ``Dr Amrita Sen``: a short title abbreviation that ends a name run after a
    capitalised word is a surname (titles precede names)."""
    tok = toks[i]
    return (i == len(toks) - 1 and i > 0 and len(tok) <= 3 and tok.isalpha() and tok[1:].islower()
            and is_name_token(toks[i - 1]))


def _first_name_role(toks: Sequence[str], i: int) -> bool:
    """``Dean`` in ``club manager Dean Roe``: a capitalised role noun between a lower-case word
    and a surname is a first name, unless it is a title (``Judge``, ``Coach``)."""
    tok = toks[i]
    return (tok[:1].isupper() and tok.isalpha() and is_role(tok) and not _is_title_word(tok)
            and tok.lower() not in HONORIFICS and (i == 0 or toks[i - 1][:1].islower())
            and is_name_token(toks[i + 1]) and not is_role(toks[i + 1]))


def _opening_descriptor(body: str, pos: int, tok: str) -> bool:
    """``Student Kemal, 18, said``: a role noun opening a sentence before one name describes the
    person, unless it is also a given name (``Dean Roe``)."""
    before = body[max(0, pos - 3):pos].rstrip(" \"“‘'")
    return tok.lower() not in FIRST_NAME_ROLES and (not before or before[-1] in ".!?\n")


def _role_gender(low: str) -> str:
    if low in FEMALE_ROLES:
        return "f"
    return "m" if low in MALE_ROLES else ""


def _role_phrase(toks: list[str]) -> list[str]:
    """Role phrase without determiners/ordinals; ``spokesman for the LSE`` -> ``LSE spokesman``."""
    if "in" in toks[1:]:
        toks = toks[: toks.index("in", 1)]
    cut = next((i for i in range(1, len(toks)) if toks[i].lower() in ROLE_COMPLEMENTS
                and is_role(toks[i - 1])), None)
    toks = toks[:cut] if cut else toks  # "a person involved in the talks": a person
    for i in range(1, len(toks) - 1):  # "trader at a large bank": where, not who
        if toks[i] in {"at", "with", "from"} and toks[i + 1].lower() in {"a", "an", "one"}:
            toks = toks[:i]
            break
    kept = [t for t in toks if t.lower() not in DETERMINERS | ORDINALS and t not in GENERIC_ADJ]
    for i, tok in enumerate(kept[:-1]):
        if is_role(tok) and kept[i + 1].lower() in {"for", "of", "at"}:
            org = kept[i + 2:]  # "Analysts at Acme", "spokesperson for the Department for
            if org and is_name_token(org[0]) and is_name_token(org[-1]) and all(  # Education"
                    is_name_token(t) or t in {"for", "of", "and", "&"} for t in org):
                return org + [t.lower() if is_role(t) and t[1:].islower() else t
                              for t in kept[: i + 1]]
            tail = kept[i + 2:]
            if tail and all(t.islower() for t in tail) and (
                    is_role(tail[-1]) or _epithet(tail)) and (
                    _bare(tail[-1].lower()) not in ORG_HEADS):
                return kept[: i + 1]  # "a friend of the singer": the friend speaks
            rest = kept[i + 2:]  # "official at the economy ministry": "economy ministry official"
            if 0 < len(rest) <= 3 and _bare(rest[-1].lower()) in ORG_HEADS and all(
                    t.isalpha() and t.islower() for t in rest):
                return rest + kept[: i + 1]
    return kept


_KIN = frozenset({"daughter", "son", "brother", "sister", "father", "mother", "wife", "husband",
                  "grandson", "granddaughter", "grandmother", "grandfather"})
_DEPENDENT_ROLES = frozenset({"aide", *SPOKESPERSONS, "adviser", "advisor", "lawyer", "attorney",
                              "assistant", "representative"})


def _normalise_piece(toks: list[str]) -> Speaker | None:
    """Normalise one appositive piece of a speaker phrase."""
    toks = _piece_tokens(toks)
    if not toks or toks[-1] in TIME_NOUNS:
        return None  # "the first six months": a time, not a speaker
    dependent = _dependent_role(toks)
    if dependent:
        return dependent
    if (len(toks) > 2 and toks[0].lower() in FAMILY_NOUNS and toks[1] == "of") or (
            len(toks) > 1 and toks[-1].lower() in FAMILY_NOUNS and _POSS.search(toks[-2])):
        noun = toks[0].lower() if toks[1] == "of" else toks[-1].lower()  # "The family of Jo
        return Speaker(noun, "role", "", noun != "family")  # Roe", "Mr Roe's family": family
    person = _person_tokens(toks)
    if person and len(person[0]) == 1 and len(toks) == 3 and _POSS.search(toks[0]) and (
            toks[1].lower() in _KIN) and is_name_token(toks[0]):
        return Speaker(f"{person[0][0]} {_bare(toks[0])}", "person",  # "Roe's daughter Jo"
                       _role_gender(toks[1].lower()))
    if person:
        return Speaker(" ".join(_bare(t) for t in person[0]), "person", person[1])
    roles = [t for t in toks if is_role(t)]
    if roles:
        last = roles[-1].lower()
        plural = last.endswith("s") and last[:-1] in ROLE_NOUNS or last.endswith("people")
        return Speaker(" ".join(_role_phrase(toks)), "role", _role_gender(last), plural)
    if toks[-1].isalpha() and toks[-1].islower() and len(toks) > 1 and (
            _bare(toks[-1].lower()) not in ORG_HEADS):
        return Speaker(" ".join(_role_phrase(toks)), "role", "", toks[-1].endswith("s"))
    return _org_piece(toks)


def _piece_tokens(toks: list[str]) -> list[str]:
    """Tokens of a piece without document nouns, ``-based``, ``one of`` and determiners."""
    if len(toks) > 1 and toks[-1].lower() in DOCUMENT_NOUNS:  # "Mr Roe's statement": Mr Roe
        toks = toks[:-1]
        toks[-1] = _bare(toks[-1]) or toks[-1]
    toks = [t for t in toks if t not in {"'s", "’s"}]
    if len(toks) > 1 and toks[-1].islower():  # "the California-based company": the company
        toks = [t for t in toks if not t.lower().endswith("-based")]
    if len(toks) > 2 and toks[0].lower() in {"one", "another"} and toks[1] == "of":
        toks = toks[2:]  # one of the sources: a source
        if is_role(toks[-1]) and toks[-1].endswith("s") and toks[-1][:-1].lower() in ROLE_NOUNS:
            toks = [*toks[:-1], toks[-1][:-1]]
        elif toks[-1] == "people":  # one of the people: a person
            toks = [*toks[:-1], "person"]
    while toks and toks[0].lower() in DETERMINERS | ORDINALS:
        toks = toks[1:]
    return toks


def _dependent_role(toks: list[str]) -> Speaker | None:
    """``an aide to Senator Jo Roe``: the aide speaks; ``spokeswoman for Acme Oil``."""
    for i, tok in enumerate(toks[:-2]):
        if tok.lower() in _DEPENDENT_ROLES and toks[i + 1] in {"to", "for"}:
            rest = toks[i + 2:]
            if tok.lower().startswith("spokes") and len(rest) > 1 and (  # for the Royal
                    rest[0].lower() == "the" and all(map(is_name_token, rest[1:]))):  # Mint
                return Speaker(f"{' '.join(rest[1:])} {tok.lower()}", "role",
                               _role_gender(tok.lower()))
            org = any(_bare(t.lower()) in ORG_HEADS for t in rest)
            boss = None if org else _person_tokens(rest)
            if boss and tok.lower().startswith("spokes") and not boss[1] and not any(
                    t.lower() in HONORIFICS for t in rest):  # spokeswoman for Acme Oil
                return Speaker(f"{' '.join(boss[0])} {tok.lower()}", "role",
                               _role_gender(tok.lower()))
            if boss and (len(boss[0]) > 1 or boss[1]):
                return Speaker(f"{tok.lower()} {toks[i + 1]} {' '.join(boss[0])}", "role",
                               _role_gender(tok.lower()))
    return None


def _org_piece(toks: list[str]) -> Speaker:
    """An organisation: ``Acme's commerce ministry`` -> the ministry; ``the union FNV Havens``
    -> the name after a generic organisation noun."""
    if len(toks) > 2 and _POSS.search(toks[0]) and all(t.isalpha() and t.islower()
                                                       for t in toks[1:]):
        toks = toks[1:]  # possessives go, as for roles
    k = len(toks)
    while k > 0 and is_name_token(toks[k - 1]):
        k -= 1
    if 0 < k < len(toks) and toks[k - 1].islower() and (
            _bare(toks[k - 1]) in ORG_HEADS or k == 1):
        toks = toks[k:]
    return Speaker(" ".join(toks), "org", "", False)


def _split_person(toks: list[str]) -> list[list[str]]:
    """``Jo Roe of Acme Bank`` -> ``[Jo Roe], [Acme Bank]`` when the left part is a person."""
    for i, tok in enumerate(toks):
        if tok in {"of", "at", "from", "by"} and i:
            left = _normalise_piece(toks[:i])
            if left and left.kind == "person" and " " in left.canonical:
                return [toks[:i]]  # "Dr Jo Roe of the Jet Propulsion Laboratory": Jo Roe
            if tok == "by":
                return [toks[:i], toks[i + 1:]]
    return [toks]


_DEMONYM_NOUNS = frozenset({"Briton", "Spaniard", "Frenchman", "Frenchwoman", "Dutchman",
                            "Swiss", "Scot", "German", "Omani", "Pole", "Dane", "Swede", "Finn",
                            "Turk", "Greek",
                            "Czech", "Thai", "Kiwi", "Brazilian", "Argentine", "Israeli",
                            "Iraqi", "Pakistani", "Kenyan", "Chinese", "Japanese", "Democrat",
                            "Tory"})


def is_demonym(tok: str) -> bool:
    """``German``, ``Welshman``, ``Zealander`` (of ``New Zealander``): a nationality noun."""
    return tok in _DEMONYM_NOUNS or (
        tok[:1].isupper() and tok.isalpha() and tok.endswith((*_DEMONYM_ENDINGS, "lander", "man",
                                                              "woman"))
        and not is_role(tok) and tok.lower() not in {"american", "european", "guardian"}
        | ORG_HEADS)


def _epithet(toks: list[str]) -> bool:
    """``teenager``, ``19-year-old (striker)``, ``German``, ``world number six``: a description
    that news writing uses for a person named shortly before."""
    one = toks[0]
    if len(toks) == 1 and (one.lower() in EPITHETS or is_demonym(one)):
        return True
    if len(toks) == 2 and one[:1].isupper() and one.isalpha() and is_demonym(toks[1]) and (
            one.lower() not in FUNCTION_WORDS):
        return True  # the New Zealander, the South African
    if len(toks) == 1 and one.lower() in PERFORMERS:
        return True  # the singer, the striker: news names them first
    if len(toks) >= 2 and toks[-1].lower() in PERSONAL_ROLES and all(
            is_name_token(t) or t.lower() in EPITHET_ADJ for t in toks[:-1]):
        return True  # the Acme Town forward, the pop star: the player/star named before
    if len(toks) >= 2 and toks[-1] in {"man", "woman"} and all(
            is_name_token(t) and t.lower() not in FUNCTION_WORDS for t in toks[:-1]):
        return True  # the Arsenal man: the player named before
    return one.lower().endswith("-year-old") or [t.lower() for t in toks[:2]] == ["world",
                                                                                "number"]


def normalise_speaker(written: str) -> tuple[str, Kind]:
    """Canonical name and kind of a speaker phrase as written.

    >>> normalise_speaker("Washington's ambassador to NATO, Julianne Smith")
    ('Julianne Smith', 'person')
    """
    spk = speaker_of(written)
    return spk.canonical, spk.kind


@lru_cache(maxsize=16384)
def speaker_of(written: str) -> Speaker:
    """Like :func:`normalise_speaker` but returns a :class:`Speaker` with gender/plurality."""
    toks = [t for t, _, _ in tokenize_spans(written)]
    if len(toks) == 1 and is_pronoun(toks[0]):
        return Speaker(toks[0].lower(), "pronoun", PRONOUNS[toks[0].lower()])
    if len(toks) >= 2 and toks[0].lower() == "the" and _epithet(toks[1:]):
        return Speaker("person", "pronoun")  # the teenager, the German: a person named before
    cut = next((i for i, t in enumerate(toks) if t in {"from", "of"}), 0)
    if cut > 1 and toks[0].lower() == "the" and _epithet(toks[1:cut]):
        return Speaker("person", "pronoun")  # the Democrat from Oregon
    if len(toks) == 2 and toks[0].lower() in {"the", "this", "that"} and (
            toks[1].lower() in DOCUMENT_NOUNS):  # the statement said: its issuer
        return Speaker("it", "pronoun", PRONOUNS["it"])
    pieces, cur = [], []
    for tok in toks:
        if tok in {",", "(", ")", "--", "-", "–", "—"}:
            pieces.append(cur)
            cur = []
        elif tok != ".":
            cur.append(tok)
    pieces.append(cur)
    pieces = [pieces[0], *(p for p in pieces[1:]  # ", reacting to ...", ", who ...,": not
                           if not (p and p[0].islower() and (  # the speaker
                               p[0].endswith("ing") or p[0] in {"who", "whose", "which"})))]
    pieces = [part for piece in pieces for part in _split_person(piece)]
    found = [s for s in map(_normalise_piece, pieces) if s]
    if not found:
        return Speaker(written.strip(), "org")
    rank = {"person": 0, "role": 1, "org": 2, "pronoun": 3}
    best = min(found, key=lambda s: (rank[s.kind], -len(s.canonical.split())))
    gender = next((s.gender for s in found if s.kind == "role" and s.gender), "")
    if best.kind == "person" and not best.gender and gender:
        best = Speaker(best.canonical, "person", gender)  # "Her husband, Sam": a man
    if best.kind == "person" and " " not in best.canonical and len(pieces[0]) >= 2 and (
            pieces[0][-1].lower() in _KIN and _POSS.search(pieces[0][-2])
            and is_name_token(pieces[0][-2])):  # "Mr Roe's wife, Jo": Jo Roe
        best = Speaker(f"{best.canonical} {_bare(pieces[0][-2])}", "person", best.gender)
    return best


def sentence_case(spk: Speaker) -> Speaker:
    """``Parents said``: a role noun capitalised only at the start of a sentence is written
    in lower case (``parents``), like the same role elsewhere in a sentence."""
    first, _, rest = spk.canonical.partition(" ")
    if spk.kind != "role" or not first.istitle() or not is_role(first.lower()) or (
            rest != rest.lower() or is_demonym(first)):
        return spk
    return Speaker(f"{first.lower()} {rest}".strip(), "role", spk.gender, spk.plural)


# ---------------------------------------------------------------- coreference

_RUN_TOKEN = r"(?:(?:[A-Z]\.){1,3}(?= [A-Z])|[A-Z\u00C0-\u00DE][\w'’-]*)"
_RUN_NEXT = (r"(?:[A-Z]\.|(?:(?=[a-z])(?:al|el|ad|ash|bin|ibn|abu|abd|ul)-)?"
             r"[A-Z\u00C0-\u00DE][\w'’-]*)")
_RUN_PARTICLE = r"(?:van|von|de|der|den|da|di|du|dos|das|del|ter|ten) "
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_RUN_RE = re.compile(rf"(?<![\w.]){_RUN_TOKEN}"
                     rf"(?: (?:(?=[a-z]){_RUN_PARTICLE}){{0,2}}{_RUN_NEXT}){{1,5}}")
"""A capitalised run, not inside "U.S."; lower-case particles inside (``Daan van Dijk``)."""


def _double_surname(name: list[str]) -> bool:
    """``Ana Ruiz Vega``: three plain name words, the middle one a first surname."""
    return len(name) == 3 and all(t.isalpha() and t[:1].isupper() and t[1:].islower()
                                  for t in name)


def full_names(body: str, *, windows: Sequence[tuple[int, int]] | None = None
               ) -> dict[str, list[tuple[int, str]]]:
    """Surname -> ``[(offset, "First Last"), ...]`` for multi-word personal names in ``body``.

    One linear scan over capitalised runs; leading titles/roles/function words are dropped.
    """
    index: dict[str, list[tuple[int, str]]] = {}
    for lo, hi in windows or [(0, len(body))]:
        _index_names(body, lo, hi, index)
        add_nicknames(body, lo, hi, index, _FIRST)
    windows = windows or [(0, len(body))]
    kin = [m for lo, hi in windows if _KIN_WORD.search(body, lo, hi)
           for rx in (_KIN_START, _KIN_LIST) for m in rx.finditer(body, lo, hi)]
    gendered = _add_kin(body, index, sorted(kin, key=lambda m: m.start())) if kin else []
    return NameIndex(index, body=body, windows=windows, kin=gendered)


def _add_kin(body: str, index: dict[str, list[tuple[int, str]]], kin: list[re.Match]
             ) -> list[tuple[int, str, str]]:
    """Index ``Her granddaughter, Ellie,`` / ``her husband, Tom,`` / ``Their children, Ivo,
    9, and Mira, 13,`` as first names with the family name of the person before (the bare
    surname keeps pointing at the person the story is about); returns ``(offset, full name,
    gender)`` of each relative, the gender only when it differs from the possessive's (``His
    wife, Jo``: "f"), so that a ``Ms Roe`` can be told from the person the story is about."""
    people = sorted((p, n) for k, v in index.items() if k[:1] != _FIRST for p, n in v
                    if _bare(n.rsplit(" ", 1)[-1].lower()) not in ORG_HEADS | _EVENTS)
    gendered = []
    for m in kin:
        k = bisect.bisect_left(people, (m.start(), ""))
        family = _titled_surname(body, people[k - 1][0] if k else 0, m.start())
        if not (k or family):
            continue
        family = family or _family_name(body, people[max(0, k - 5):k], m.start())
        gender = KIN_GENDER.get((m.group("kin") or "").lower(), "")
        anchor = {"his": "m", "her": "f"}.get((m.group("poss") or "").lower(), "")
        for first in _FIRST_NAMES.findall(m.group("first")):
            bisect.insort(index.setdefault(_FIRST + first, []), (m.start(), f"{first} {family}"))
            gendered.append((m.start(), f"{first} {family}", gender if anchor not in {
                "", gender} else ""))
    return gendered


def _family_name(body: str, people: list[tuple[int, str]], pos: int) -> str:
    """The surname of the latest person in ``people`` (``(offset, name)``, in text order) the
    text shows is a person before ``pos``: called by the surname alone, or given an age, a
    role or a ``who`` clause (``Jo Roe, 66, ...``), not a ``Golden Ladle`` award named since;
    else of the latest person."""
    for at, name in reversed(people):
        surname = name.split(" ")[-1]
        alone = re.compile(rf"(?<![\w'’-]){re.escape(surname)}(?![\w'’-])")
        if _introduced(body, body.find(name, at) + len(name)) or any(
                not _CAPITAL_BEFORE.search(body, max(0, hit.start() - 30), hit.start())
                for hit in alone.finditer(body, max(0, pos - 20_000), pos)):
            return surname
    return people[-1][1].split(" ")[-1]


_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'’.-]* \Z")
_APPOSITION = re.compile(r",? (?:\d{1,3}\b|who |(?:an?|the|his|her) ((?:[\w-]+ ){0,4}[\w-]+))")


def _introduced(body: str, end: int) -> bool:
    """Is the name ending at ``end`` followed by an age, ``who`` or a role apposition?"""
    m = _APPOSITION.match(body, end)
    return bool(m) and (m.group(1) is None or any(
        is_role(w) or w.endswith("year-old") for w in m.group(1).split()))


def _index_names(body: str, lo: int, hi: int, index: dict[str, list[tuple[int, str]]]) -> None:
    """Add the personal names of ``body[lo:hi]`` to ``index``."""
    for m in _RUN_RE.finditer(body, lo, hi):
        toks = m.group().split(" ")
        cut = 0
        for i, tok in enumerate(toks):
            low = tok.lower()
            if i == len(toks) - 2 and _first_name_role(toks, i) and not (
                    i == 0 and _opening_descriptor(body, m.start(), tok)):
                break
            if _short_surname(toks, i):
                break
            if _inner_honorific(toks, i):
                continue
            if (low in FUNCTION_WORDS or low in HONORIFICS or _is_title_word(tok) or is_role(tok)
                    or (_POSS.search(tok) and i < len(toks) - 1) or _bare(low) in ORG_HEADS
                    or _hyphen_title(toks, i)):
                cut = i + 1
        if toks and _POSS.search(toks[-1]):  # "Bea Marlow's job": the name itself
            toks = [*toks[:-1], _bare(toks[-1])]
        name = [t if _INITIALS.fullmatch(t) and t not in PLACE_INITIALS else t.rstrip(".")
                for t in toks[cut:] if t.lower() not in POSTNOMINALS]  # "R.K. Venu Gopal"
        if name and name[0] in PLACE_INITIALS or _place_name(body, m.start(), name):
            continue  # "U.S. Steel", "the town of Dar Roe": a place, not a person
        if len(name) >= 3 and _demonym(name[0]):
            name = name[1:]
        if len([t for t in name if t not in NAME_PARTICLES]) > 4 or (
                cut == 0 and _ACRONYM_BEFORE.search(body, max(0, m.start() - 6), m.start())):
            continue  # "U.S. Imposed Tariffs Hit Chip Makers": a headline, not a name
        if cut == 0 and body[max(0, m.start() - 4):m.start()] == "the ":
            if len(toks) < 3:
                continue  # "the Blue Lantern": a place or a thing, never a person
            name = name[1:] if len(name) == len(toks) else name  # "for the Caribbean Jo Roe"
        if len(name) >= 2 and not any(t.isupper() and len(t) > 2 and not _INITIALS.fullmatch(t)
                                      for t in name):
            if not _qualifies_role(body, m.end()):  # "Former Acme captain Jo Roe": a club
                index.setdefault(name[-1], []).append((m.start(), " ".join(name)))
                if _double_surname(name):  # "Ana Ruiz Vega ... Ruiz said": Ana Ruiz Vega
                    index.setdefault(name[1], []).append((m.start(), " ".join(name)))
            # "said R" -> "R. Roe": a single initial is looked up without its dot
            first = name[0][0] if _INITIALS.fullmatch(name[0]) and len(name[0]) == 2 else name[0]
            index.setdefault(_FIRST + first, []).append((m.start(), " ".join(name)))
            kin = _KIN_APPOS.match(body, m.end())
            if kin and len(name) >= 2:  # "Al Roe ... and his mother, Ann": Ann Roe
                index.setdefault(name[-1], []).append(
                    (kin.start(1), f"{kin.group(1)} {name[-1]}"))
            if len(name) == 2 and cut == 0 and body[max(0, m.start() - 5):m.start()] == " and ":
                first = _COUPLE.search(body, max(0, m.start() - 30), m.start())
                if first:  # "Kevin and Jo Roe": Kevin Roe too (also as "Kevin, 46, said")
                    full = f"{first.group(1)} {name[-1]}"
                    index.setdefault(name[-1], []).insert(-1, (first.start(1), full))
                    bisect.insort(index.setdefault(_FIRST + first.group(1), []),
                                  (first.start(1), full))


_ROLE_AFTER = re.compile(r" ([a-z]+) [A-Z]")


_PLACE_BEFORE = re.compile(rf"(?:\b(?:near|outside)|\b(?:{'|'.join(sorted(PLACE_NOUNS))}) of) \Z")


def _place_name(body: str, start: int, name: list[str]) -> bool:
    """A capitalised run that names a place: ``Vaimoa Heights``, ``near Port Roe``, ``the town
    of Dar Roe``; a person's family name is never taken from it."""
    return bool(name) and (name[-1].lower() in PLACE_HEADS or bool(
        _PLACE_BEFORE.search(body, max(0, start - 20), start)))


def _qualifies_role(body: str, end: int) -> bool:
    """Is the capitalised run ending at ``end`` followed by a role noun and a name?"""
    m = _ROLE_AFTER.match(body, end)
    return bool(m) and is_role(m.group(1)) and not _POSS.search(body[max(0, end - 3):end])


_EVENTS = frozenset({"awards", "games", "olympics", "cup", "championships", "festival", "prize",
                     "trophy", "open", "series", "final", "league"})
_TITLED_SURNAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.? ([A-Z][\w'’-]+)(?![\w'’-]| [A-Z])")


def _titled_surname(body: str, lo: int, hi: int) -> str | None:
    """``Mr Vickers ... his brother John``: the surname of the latest ``Mr``/``Ms`` person
    written after the latest full name (``lo``) and within 400 characters before ``hi``."""
    found = list(_TITLED_SURNAME.finditer(body, max(lo + 1, hi - 400), hi))
    return found[-1].group(1) if found else None


_ACRONYM_BEFORE = re.compile(r"(?:[A-Z]\.){2,} \Z")
_KIN_APPOS = re.compile(r"[^.!?\n]{0,80}? (?:and )?(?:his|her|their) (?:mother|father|wife|husband|"
                        r"son|daughter|brother|sister|partner), ([A-Z][a-z]+)(?=[,.])")
_KIN_START = re.compile(r"(?<![\w'’-])(?:(?P<poss>[Hh]is|[Hh]er|[Tt]heir) (?P<kin>mother|father|"
                        r"wife|husband|son|daughter|brother|sister|partner|granddaughter|"
                        r"grandson|niece|nephew|grandmother|grandfather|twin|mum|mom|dad),? |"
                        r"(?:with|and) "
                        r"(?:wife|husband|son|daughter|partner) )(?P<first>[A-Z][a-z]+)"
                        r"(?=[,.]| [a-z])")
_KIN_LIST = re.compile(r"(?<![\w'’-])(?P<poss>[Hh]is|[Hh]er|[Tt]heir) (?:"
                       + "|".join(KIN_PLURALS) + r"),? (?P<first>(?:[A-Z][a-z]+(?:, \d{1,2})?"
                       r"(?:,? and |, )){1,4}[A-Z][a-z]+)(?P<kin>)(?=[,.]| [a-z])")
"""``Their children, Ivo, 9, and Mira, 13,``: each first name is one of the family."""
_FIRST_NAMES = re.compile(r"[A-Z][a-z]+")
_KIN_WORD = re.compile(r"wife|husband|son|daughter|mother|father|brother|sister|partner|niece|"
                       r"nephew|child|kids|twin|mum|mom|dad")  # a quick test before the kin scans
_COUPLE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+) and $")
_TITLE_WORDS = word_set("""
president minister prime chancellor secretary senator governor general mayor ambassador
commissioner director coach manager chairman chairwoman chief deputy vice premier judge justice
captain colonel major lieutenant sergeant commander admiral inspector superintendent sheriff
attorney speaker leader foreign defence defense finance interior home health trade economy
detective constable doctor professor officer nurse reverend marshal
state executive officer envoy spokesman spokeswoman spokesperson rep sen gov gen col lt capt
""")


def _is_title_word(tok: str) -> bool:
    """Capitalised title that precedes a name ("Chancellor", "Foreign")."""
    return tok.lower().rstrip(".") in _TITLE_WORDS


_FIRST = "\x00"  # key prefix of the first-name entries in the :func:`full_names` index


class NameIndex(dict):
    """The :func:`full_names` index; :meth:`lone` gives the offsets where a surname stands alone
    (looked up only for the rare surnames shared by several full names)."""

    def __init__(self, index: dict, *, body: str = "", windows: Sequence[tuple[int, int]] = (),
                 kin: Sequence[tuple[int, str, str]] = ()):
        super().__init__(index)
        self.body, self.windows = body, list(windows)
        self.kin = list(kin)  # (offset, "Jo Roe", "f") after "His wife, Jo"
        self.relatives = {full for _, full, _ in kin}  # people, though named by a first name
        self.relatives_first = {full.split(" ", 1)[0] for full in self.relatives}
        self._lone: dict[str, list[int]] = {}

    def lone(self, surname: str) -> list[int]:
        if surname not in self._lone:
            rx = re.compile(rf"(?<![\w'’-] )(?<![\w'’.-]){re.escape(surname)}(?! [A-Z])(?![\w-])")
            self._lone[surname] = [m.start() for lo, hi in self.windows
                                   for m in rx.finditer(self.body, lo, hi)]
        return self._lone[surname]
FIRST_KEY = _FIRST


def _first_name(word: str, offset: int, names: dict[str, list[tuple[int, str]]]) -> str:
    """``Jo said`` after ``Jo Roe``: a lone first name of a person named before."""
    cands = names.get(_FIRST + word, [])
    k = bisect.bisect_right(cands, (offset, "\uffff"))
    return cands[k - 1][1] if k else word


def titled_kin(surname: str, gender: str, offset: int, names: dict) -> str | None:
    """``Ms. Roe`` after ``Al Roe ... His wife, Jo``: the relative of that gender named
    before ``offset`` by first name, whose possessive gave the other gender to the person the
    story is about (None when there is none)."""
    kin = getattr(names, "kin", ())
    found = [full for at, full, g in kin if at <= offset and g and g == gender
             and " " not in surname and full.rsplit(" ", 1)[-1] == surname]
    return found[-1] if found else None


def corefer(canonical: str, offset: int, names: dict[str, list[tuple[int, str]]]) -> str:
    """Map a one-word person name (surname) to the full name used nearest before ``offset``."""
    if " " in canonical:
        return _longer_name(canonical, offset, names)
    canonical = _article_case(canonical, names)
    if canonical not in names:
        return _first_name(canonical, offset, names)
    cands = names[canonical]
    before = [name for pos, name in cands if pos <= offset]
    if not before:
        return cands[0][1]
    return _established(canonical, [c for c in cands if c[0] <= offset], names) or _longer_name(
        before[-1], offset, names)


def _longer_name(canonical: str, offset: int, names: dict[str, list[tuple[int, str]]]) -> str:
    """``Mr. Venu Gopal`` after ``R.K. Venu Gopal``: the full name written before that ends
    with this one and adds only initials."""
    longer = [n for p, n in names.get(canonical.rsplit(" ", 1)[-1], ()) if p <= offset
              and n.endswith(" " + canonical) and _INITIALS.fullmatch(n[:-len(canonical) - 1])]
    return longer[-1] if longer else canonical


def _article_case(surname: str, names: dict[str, list[tuple[int, str]]]) -> str:
    """``Al-Roe`` opening a sentence is the ``al-Roe`` of ``Ali al-Roe`` named before."""
    low = surname[:1].lower() + surname[1:]
    return low if surname.startswith(("Al-", "El-")) and surname not in names and low in names \
        else surname


def _established(surname: str, before: list[tuple[int, str]],
                 names: dict[str, list[tuple[int, str]]]) -> str | None:
    """``Eamon Roe ... Roe, a quiet man, ... their daughter, Niamh Roe, ... Roe says``: a bare
    surname already used for the first person keeps meaning that person when a relative is
    later written in full (news calls relatives by their first names)."""
    first_pos, first = before[0]
    later = next((p for p, n in before if n != first), None)
    if later is None or not isinstance(names, NameIndex):
        return None
    lone = names.lone(surname)
    k = bisect.bisect_right(lone, first_pos)
    return first if k < len(lone) and lone[k] < later else None
