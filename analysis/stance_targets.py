"""Stance targets: a small, documented config (name, aliases, optional cue phrases).

The file format is described in docs/stance.md and config/stance_targets.yaml. Two forms
are accepted (YAML or JSON, by path, or already parsed):

* documented form: ``{"targets": [{"name": ..., "aliases": [...], "cues": {"favor": [...],
  "against": [...]}}]}``;
* plain form: ``{"target name": ["alias", ...], ...}``.

Alias syntax: words match case-insensitively on word boundaries, each word also with a
regular suffix (``restriction`` matches ``restrictions``), a hyphen matches a hyphen or a space,
and ``...`` stands for a gap of up to four words (``restrictions ... long-range weapons``).
The target name itself is always an alias.

>>> t = parse_targets({"aid": ["military aid", "arms ... deliveries"]})
>>> [m[:2] for m in find_aliases("Arms and ammunition deliveries and military aid.", t[0])]
[(0, 30), (35, 47)]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from analysis import paths

DEFAULT_TARGETS = "config/stance_targets.yaml"
GAP = "..."
_SUFFIX = r"(?:s|es|ed|d|ing)?"


@dataclass(frozen=True)
class Target:
    """One stance target: its name, aliases and target-specific cue phrases."""

    name: str
    aliases: tuple[str, ...]
    favor: tuple[str, ...] = ()
    against: tuple[str, ...] = ()
    fast: re.Pattern[str] = field(default=re.compile(r"(?!x)x"), compare=False, repr=False)
    cue_patterns: tuple[tuple[re.Pattern[str], int], ...] = field(default=(), compare=False,
                                                                   repr=False)


def alias_regex(alias: str) -> str:
    """Regular expression (a string) for one alias, see the module docstring."""
    parts = []
    for word in alias.split():
        if word == GAP:
            parts.append(r"(?:[\w'’-]+\W+){0,4}?")
            continue
        pieces = [re.escape(p) for p in word.split("-")]
        rx = r"[-\s]?".join(pieces)
        if word[-1:].isalpha() and len(word) >= 3:
            rx += _SUFFIX
        parts.append(rx + r"\W+")
    body = "".join(parts)
    body = body[: -len(r"\W+")] if body.endswith(r"\W+") else body
    return rf"(?<![\w-])(?:{body})(?![\w-])"


_LEFT = r"(?<![\w-])"


def _compile(phrases: Iterable[str], *, fast: bool = True) -> re.Pattern[str]:
    """One alternation, longest phrase first; ``fast``: lower-case text, no look-behind (about
    ten times quicker; the left word boundary is then checked by :func:`_fast_matches`)."""
    ordered = sorted({p.strip() for p in phrases if p and p.strip()}, key=lambda p: (-len(p), p))
    if not ordered:
        return re.compile(r"(?!x)x")
    if fast:
        return re.compile("|".join(alias_regex(p.lower()).replace(_LEFT, "", 1) for p in ordered))
    return re.compile("|".join(alias_regex(p) for p in ordered), re.IGNORECASE)


def make_target(name: str, aliases: Iterable[str] = (), *, favor: Iterable[str] = (),
                against: Iterable[str] = ()) -> Target:
    """A :class:`Target` with its compiled patterns."""
    names = tuple(dict.fromkeys([name, *[str(a) for a in aliases]]))
    fav, ag = tuple(str(c) for c in favor), tuple(str(c) for c in against)
    cues = tuple((_compile(group, fast=True), pol) for group, pol in ((fav, 1), (ag, -1)) if group)
    return Target(name, names, fav, ag, fast=_compile(names, fast=True),
                  cue_patterns=cues)


def _from_mapping(data: Mapping[str, Any]) -> list[Target]:
    if "targets" in data and isinstance(data["targets"], list):
        out = []
        for item in data["targets"]:
            cues = item.get("cues") or {}
            out.append(make_target(str(item["name"]), item.get("aliases") or (),
                                   favor=cues.get("favor") or (),
                                   against=cues.get("against") or ()))
        return out
    return [make_target(str(k), [v] if isinstance(v, str) else (v or ())) for k, v in data.items()]


def parse_targets(spec: Any) -> list[Target]:
    """Targets from a YAML/JSON path, an inline JSON object string, a mapping, a list of
    :class:`Target`, or None (the default file).

    Raises:
        ValueError: when the spec has no usable target.
    """
    if spec is None:
        spec = DEFAULT_TARGETS
    if isinstance(spec, str) and spec.lstrip().startswith("{"):
        spec = json.loads(spec)  # an inline JSON object, e.g. from the command line
    if isinstance(spec, (str, Path)):
        text = paths.resolve(spec).read_text(encoding="utf-8")
        spec = json.loads(text) if str(spec).endswith(".json") else yaml.safe_load(text)
    if isinstance(spec, Target):
        spec = [spec]
    if isinstance(spec, list) and all(isinstance(t, Target) for t in spec):
        targets = list(spec)
    elif isinstance(spec, Mapping):
        targets = _from_mapping(spec)
    else:
        raise ValueError(f"cannot read stance targets from {type(spec).__name__}")
    if not targets:
        raise ValueError("no stance targets defined")
    return targets


def _fast_matches(text: str, rx: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of a lower-case ``fast`` pattern in ``text`` with the left word boundary checked."""
    low = text.lower()
    if len(low) != len(text):  # a few Unicode letters change length when lower-cased
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return [m.span() for m in rx.finditer(low)
            if m.start() == 0 or not (low[m.start() - 1].isalnum() or low[m.start() - 1] in "_-")]


def find_aliases(text: str, target: Target) -> list[tuple[int, int, str]]:
    """``(start, end, matched text)`` of every alias of ``target`` in ``text`` (no overlaps)."""
    return [(a, b, text[a:b]) for a, b in _fast_matches(text, target.fast)]


def find_cue_phrases(text: str, target: Target) -> list[tuple[int, int, int, str]]:
    """``(start, end, polarity, text)`` of the target's own cue phrases in ``text``."""
    found = [(a, b, pol, text[a:b]) for rx, pol in target.cue_patterns
             for a, b in _fast_matches(text, rx)]
    return sorted(found)


GENERIC_WINDOW = 1000  # characters back searched for the one target ``the plan`` refers to
_PREPOSITIONS = frozenset({"of", "on", "for", "to", "in", "at", "against", "with"})


def alias_heads(target: Target) -> frozenset[str]:
    """Policy-noun heads of a target's aliases: ``petrol car ban`` / ``ban on new petrol cars``
    -> ``ban`` (gerund aliases such as ``leaving the bloc`` have none)."""
    from analysis.stance_lexicon import POLICY_NOUNS

    heads = set()
    for alias in target.aliases:
        words = [w for w in alias.lower().split() if w != GAP]
        if not words or words[0].endswith("ing"):
            continue
        cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS and i > 0), len(words))
        head = words[cut - 1]
        head = head if head in POLICY_NOUNS else head.rstrip("s")
        if head in POLICY_NOUNS:
            heads.add(head)
    return frozenset(heads)


def find_references(text: str, targets: list[Target],
                    first_mention: dict[str, int]) -> list[tuple[Target, int, int, str]]:
    """``the ban`` / ``this levy`` after a target with that head was mentioned (at
    ``first_mention[name]``): ``(target, start, end, text)``. A head shared by two targets
    mentioned in the text is ambiguous and skipped."""
    owners: dict[str, list[Target]] = {}
    for t in targets:
        if t.name in first_mention:
            for head in alias_heads(t):
                owners.setdefault(head, []).append(t)
    found = []
    for head, owned in owners.items():
        if len(owned) != 1:
            continue
        rx = re.compile(rf"(?<![\w-])(?:[Tt]he|[Tt]his|[Tt]hat) {re.escape(head)}s?(?![\w-])")
        found += [(owned[0], m.start(), m.end(), m.group())
                  for m in rx.finditer(text, first_mention[owned[0].name])]
    return found


def _longest_only(spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Drop a match lying inside a longer match of another target (``harbour referendum``
    beats ``referendum``); one sweep in reading order."""
    kept: list[tuple[str, int, int]] = []
    cover: tuple[str, int, int] | None = None
    for span in sorted(spans, key=lambda s: (s[1], -s[2], s[0])):
        name, a, b = span
        if cover and cover[0] != name and b <= cover[2] and b - a < cover[2] - cover[1]:
            continue
        kept.append(span)
        if cover is None or b > cover[2]:
            cover = span
    return kept


def shared_alias_owners(spans: list[tuple[str, int, int]]) -> set[tuple[str, int, int]]:
    """Which ``(target name, start, end)`` alias matches to keep when targets share aliases.

    The longest match wins; a match claimed by several targets (an alias they share) goes
    to those of them that the text also names by a match of their own, or to all of them
    when none or several of the claimants is so named (the ambiguity is the user's).
    """
    kept = _longest_only(spans)
    claims: dict[tuple[int, int], list[str]] = {}
    for name, a, b in kept:
        claims.setdefault((a, b), []).append(name)
    own = {names[0] for names in claims.values() if len(names) == 1}
    out = set()
    for (a, b), names in claims.items():
        named = [n for n in names if n in own]
        out |= {(n, a, b) for n in (named if len(named) == 1 else names)}
    return out


def _is_proposal(name: str) -> bool:
    return len([w for w in name.lower().split() if w not in {"the", "a", "an"}]) > 1


def find_generic_references(text: str, mentions: list[tuple[int, str]], *,
                            window: int = GENERIC_WINDOW) -> list[tuple[str, int, int, str]]:
    """``the plan`` / ``the bill`` / ``this measure`` (:data:`GENERIC_POLICY_NOUNS`) ->
    ``(target name, start, end, text)`` when exactly one target was mentioned in the
    ``window`` characters before (``mentions``: sorted ``(start, target name)``). Only
    targets named by two words or more are proposals (``tax``, ``the euro`` are topics)."""
    from analysis.stance_lexicon import GENERIC_POLICY_NOUNS

    mentions = [(pos, name) for pos, name in mentions if _is_proposal(name)]
    nouns = "|".join(sorted(GENERIC_POLICY_NOUNS))
    rx = re.compile(rf"(?<![\w-])(?:[Tt]he|[Tt]his|[Tt]hat) (?:{nouns})(?![\w-])"
                    r"(?! (?:of|for|on|to|that)\b)")  # "the idea of a dock fee" names its own
    found, k, recent = [], 0, []
    for m in rx.finditer(text):
        while k < len(mentions) and mentions[k][0] < m.start():
            recent.append(mentions[k])
            k += 1
        names = {name for pos, name in recent if m.start() - pos <= window}
        if len(names) == 1:
            found.append((names.pop(), m.start(), m.end(), m.group()))
        recent = [r for r in recent if m.start() - r[0] <= window]
    return found
