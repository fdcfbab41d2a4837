"""Name helpers for speakers: extra entries for the per-article name index of
:func:`analysis.speakers.full_names`, gender cues, and look-ups on that index.

``Jo "Ace" Roe`` / ``Jo 'Ace' Roe``: a nickname in quote marks inside a name. The quote marks
break the capitalised run, so the person is indexed here as ``Jo Roe`` (surname ``Roe``, first
names ``Jo`` and ``Ace``): a later ``Roe said`` or ``Ace said`` is Jo Roe.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

_NICKNAME = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+) [\"“'‘]([A-Z][\w’-]*(?: [A-Z][\w’-]*)?)"
                       r"[\"”'’] ([A-Z][a-z][\w'’-]*)(?![\w'’-]| [A-Z])")


def add_nicknames(body: str, lo: int, hi: int, index: dict[str, list[tuple[int, str]]],
                  first: str) -> None:
    """Index ``First "Nick" Last`` in ``body[lo:hi]`` as ``First Last`` (``first`` is the key
    prefix of first-name entries)."""
    for m in _NICKNAME.finditer(body, lo, hi):
        full, at = f"{m.group(1)} {m.group(3)}", m.start(3)  # after a stray "Ace' Roe" run
        bisect.insort(index.setdefault(m.group(3), []), (at, full))
        for key in (m.group(1), m.group(2)):
            bisect.insort(index.setdefault(first + key, []), (at, full))


_TITLE_CUE = re.compile(r"\b(?:(Mr)|Mrs|Ms|Miss)\.? ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
                        r"(?![\w'’-]| [A-Z])")
_POSSESSIVE_END = re.compile(r"['’]s?\Z")
_POSSESSIVE_CUE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+),? (?:said|says|added|adds|whose) "
                             r"(?:that )?(?:(his)|her) (?=[a-z])")


def gender_cues(body: str, windows: list[tuple[int, int]],
                person: Callable[[str, int, str], str]) -> dict[str, str]:
    """Full name -> "m"/"f" from ``Mr Roe``/``Ms Roe`` anywhere (also after the quotes) and
    from ``Roe said her team ...``/``Roe, whose wife ...``; ``person`` maps a one-word name at an
    offset (and the gender of its title, "" for none) to its full name. Names with
    contradicting cues (``Mr and Mrs Roe``) get none."""
    seen: dict[str, set[str]] = {}
    for lo, hi in windows:
        text = body[lo:hi]
        cues = ((_TITLE_CUE,) if "Mr" in text or "Ms" in text or "Miss" in text else ()) + (
            (_POSSESSIVE_CUE,) if " his " in text or " her " in text else ())  # cheap guards
        for rx in cues:
            for m in rx.finditer(body, lo, hi):
                gender = "m" if m.group(1 if rx is _TITLE_CUE else 2) else "f"
                word = _POSSESSIVE_END.sub("", m.group(2) if rx is _TITLE_CUE else m.group(1))
                full = person(word, m.start(), gender if rx is _TITLE_CUE else "")  # Mr Roe's
                if " " in full:
                    seen.setdefault(full, set()).add(gender)
        for _, name, gender in named_by_pronoun(body, lo, hi):
            seen.setdefault(name, set()).add(gender)
    return {name: next(iter(g)) for name, g in seen.items() if len(g) == 1}


_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}"
_PREDICATE_NAME = re.compile(rf"\b(?:(?:(?:(He)|She) (?:was|is) (?:born|named|called))|"
                             rf"(?:known|knew|know) (?:(him)|her) as) ({_NAME})(?![\w'’-])")
_REAL_NAME = re.compile(rf"\b(?:(Mr|Sir|Lord|Brother|King|Prince)|Mrs|Ms|Miss|Dame|Lady|Sister|"
                        rf"Queen|Princess) [A-Z][\w'’-]+, real name ({_NAME})(?![\w'’-])")


def named_by_pronoun(body: str, lo: int, hi: int) -> list[tuple[int, str, str]]:
    """``She was born Jo Roe`` / ``audiences know her as Jo Roe`` / ``Brother Al, real name Al
    Roe``: (offset, name, gender) of a person named in a predicate, whose gender the pronoun or
    the stage title gives; such a name is also the latest person for the next he/she."""
    text = body[lo:hi]
    out = [(m.start(3), m.group(3), "m" if m.group(1) or m.group(2) else "f")
           for m in _PREDICATE_NAME.finditer(body, lo, hi)] if (
        "born " in text or "named " in text or "called " in text or "er as " in text
        or "im as " in text) else []
    out += [(m.start(2), m.group(2), "m" if m.group(1) else "f")
            for m in _REAL_NAME.finditer(body, lo, hi)] if "real name" in text else []
    return sorted(out)


def first_named(word: str, full: str, names: dict[str, list[tuple[int, str]]], first: str
                ) -> str:
    """``Acme said`` after ``Acme Airways`` and its unit ``Acme Connect``: a lone word that
    starts several names, with nothing personal about it, is the one introduced first (``full``
    otherwise; ``first`` is the key prefix of first-name entries)."""
    cands = [n for _, n in names.get(first + word, ())]
    return cands[0] if len(set(cands)) > 1 else full


def surname_alone(body: str, full: str, pos: int) -> bool:
    """Is the surname of ``full`` also written alone near ``pos`` (``Roe`` after ``Jo Roe``), as
    news does for people and not for things ("Grand Slam", "Recovery Act")?"""
    near = body[max(0, pos - 5000):pos + 5000]
    return near.count(full.rsplit(" ", 1)[-1]) > near.count(full)
