"""Descriptions that point back to a person named before (``the humble officer said``).

News writing avoids repeating a name: after ``Sergeant Jo Roe`` the next attribution is often
``the humble officer said`` or ``the lock forward added``, with descriptive words that no list
can hold. A ``the`` + lower-case words + noun speaking is taken as such an epithet when

* at least one word before the noun is descriptive (not an institutional qualifier such as
  ``police``, ``defence``, ``club``, ``senior``, which make a role of their own); the first
  may be a nationality (``the Austrian chemist``) unless the noun is an office (``the French
  president``); ``veteran`` makes even an organisation word personal (``the veteran
  <position>`` when the position is also an organisation word),
  and
* no unnamed person with that noun was introduced before (``a bond trader ... the bond trader``,
  ``The listing agent for Acme says ... the listing agent said``).
"""

from __future__ import annotations

import re

from analysis.role_references import TITLE_ROLES
from analysis.speaker_lexicon import (
    ANONYMOUS_SOURCES,
    DOCUMENT_NOUNS,
    EPITHETS,
    ORG_HEADS,
    ROLE_MODIFIERS,
    SPOKESPERSONS,
)
from analysis.speakers import LAY_PEOPLE, Speaker, is_demonym

_DESCRIBED = re.compile(r"[Tt]he ((?:[A-Z][a-z]+ )?(?:[a-z][a-z0-9-]* ){0,3})([a-z]+)")
_NOT_PEOPLE = frozenset({*SPOKESPERSONS, *ANONYMOUS_SOURCES, "people", "official", "officials",
                         "member", "employee", "staffer", "worker", "resident", "witness",
                         "neighbour", "neighbor"})
"""Nouns news uses for people it does not name (``the staff member told ...``)."""


def described_person(written: str, spk: Speaker, body: str, pos: int) -> bool:
    """Is ``written`` (a role speaker at ``pos``) an epithet for the latest named person?"""
    m = _DESCRIBED.fullmatch(written.strip())
    if not m or spk.kind != "role" or spk.plural:
        return False
    mods, head = m.group(1).split(), m.group(2)
    if not mods or not _nationality_ok(mods, head):
        return False
    if head in LAY_PEOPLE | _NOT_PEOPLE | DOCUMENT_NOUNS or (
            head in ORG_HEADS and not EPITHETS.intersection(mods)):
        return False  # "the veteran lock": any other noun, as the subject of a speech verb
    if all(w in ROLE_MODIFIERS or w in ORG_HEADS for w in mods):
        return False  # "the defence lawyer", "the club captain": a role of its own
    intro = re.compile(rf"\b(?:(?:[Aa]n?|[Oo]ne|[Aa]nother) (?:[\w-]+ ){{0,3}}{head}|"
                       rf"[Tt]he {re.escape(m.group(1))}{head} (?:for|of|at))\b")
    return not intro.search(body, max(0, pos - 3000), pos)  # "The listing agent for Acme"


_PARTIES = frozenset({"Democrat", "Republican", "Tory", "Labour", "Conservative", "Liberal"})
_OFFICES = frozenset({"leader", "regulator", "government", "authorities", "official",
                      "spokesman", "spokeswoman", "embassy", "side", "team"})


def _nationality_ok(mods: list[str], head: str) -> bool:
    """A capitalised word only as a nationality alone before a noun that is no office: ``the
    Austrian chemist`` (the chemist named before), not ``the Acme trader``, ``the Tory
    leader``, ``the French president`` nor ``the French broadcasting regulator``."""
    if not mods[0][:1].isupper():
        return True
    return is_demonym(mods[0]) and len(mods) == 1 and mods[0] not in _PARTIES and (
        head not in TITLE_ROLES | _OFFICES)
