"""General stance rules: cue lexicon, clauses, negation, modality and holder noun phrases.

Everything here is language-level (English news conventions); nothing names a topic. The
pipeline in :mod:`analysis.stance` calls :func:`sentence_evidence` once per sentence that
mentions a target. Token scans are bounded windows, so the cost is linear in text length.

>>> toks = tokenize("Germany does not support the plan.")
>>> [c.text for c in find_cues(toks)], negated(toks, 3)
(['support'], True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from analysis.speakers import (
    FUNCTION_WORDS,
    HONORIFICS,
    ORDINALS,
    ORG_HEADS,
    is_name_token,
    is_role,
    np_token_ok,
)
from analysis.stance_lexicon import (  # noqa: F401  (re-exported for the pipeline)
    ADJ_CUES,
    ASKING_VERBS,
    BE_FORMS,
    CHANGED_NOTE,
    CONDITIONS,
    HEDGED_ONLY,
    MODAL,
    MODAL_VERBS,
    NEGATING_VERBS,
    NEGATIVE_SUBJECTS,
    NEGATORS,
    NOUN_CUES,
    OPEN_QUESTION,
    PAST_AFTER,
    PAST_MARKERS,
    PAST_PHRASES,
    RELATIVES,
    REVERSERS,
    REVERSING_NOUNS,
    REVERSING_NOUNS_OF,
    SPEECH_VERBS,
    TOPIC_PREPOSITIONS,
    VERB_CUES,
    VERB_GROUP,
    WITHDRAWING,
    inflect,
    words,
)

_TOKEN = re.compile(r"\w+(?:[-.&]\w+)*|['’](?:s|t)\b|--|[^\w\s]")


class Tok(NamedTuple):
    """A token of a sentence: text, lower-cased form and character offsets."""

    text: str
    low: str
    start: int
    end: int


@dataclass(frozen=True)
class Cue:
    """A stance cue found in a sentence: token range, polarity (+1/-1), kind and text."""

    first: int
    last: int  # exclusive
    polarity: int
    kind: str  # "verb", "noun", "adj", "phrase"
    text: str


def tokenize(text: str) -> list[Tok]:
    """Tokens of ``text`` with offsets (possessive ``'s`` and ``n't`` are their own tokens)."""
    return [Tok(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


_words = words
BARE_PROGRESSIVE = _words("fighting")
QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’"})


def passive(toks: list[Tok], cue: Cue) -> bool:
    """Is a verb cue passive ("should not be criticised", "was rejected")? Then its grammatical
    subject is what is supported or opposed, not who does it."""
    if cue.kind != "verb" or not toks[cue.first].low.endswith(("ed", "en", "ept", "ought")):
        return False
    for k in range(cue.first - 1, max(-1, cue.first - 5), -1):
        if toks[k].low in BE_FORMS or toks[k].low in {"get", "gets", "got"}:
            return True
        if not in_verb_group(toks[k].low):
            return False
    return False


CLAUSE_BREAKS = _words("; but while whereas although though however")
DETERMINERS = _words("the a an its their his her our my your this that these those any some")
FIRST_PERSON = _words("i we")
PRONOUN_SUBJECTS = _words("he she they")
_ADVERB_GAP = _words("first and foremost again also still once more instead now today openly "
                     "strongly firmly repeatedly publicly explicitly loudly")
_REVERSE_GAP = DETERMINERS | _words("all existing current remaining such new further")
ACTOR_HEADS = _words("country countries nation nations ally allies state states government "
                     "governments capital capitals leader leaders member members partner partners "
                     "power powers backer backers lawmakers voters lobby lobbies industry bloc "
                     "coalition unions parties groups campaigners protesters")


def in_verb_group(low: str) -> bool:
    """Can ``low`` sit between a subject and its verb (auxiliary, adverb, negation, modal)?"""
    return low in VERB_GROUP or (low.endswith("ly") and len(low) > 4 and low.isalpha())


def _phrase_index() -> dict[str, list[tuple[tuple[str, ...], int, str]]]:
    """First word form -> [(remaining words, polarity, kind)], longest patterns first."""
    index: dict[str, list[tuple[tuple[str, ...], int, str]]] = {}
    for phrase, pol in VERB_CUES.items():
        head, *rest = phrase.split()
        for form in inflect(head):
            index.setdefault(form, []).append((tuple(rest), pol, "verb"))
    for table, kind in ((NOUN_CUES, "noun"), (ADJ_CUES, "adj")):
        for phrase, pol in table.items():
            head, *rest = phrase.split()
            index.setdefault(head, []).append((tuple(rest), pol, kind))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


PHRASES = _phrase_index()


def _match_rest(toks: list[Tok], i: int, rest: tuple[str, ...], gap: bool) -> int | None:
    """Token index after ``rest`` matched from ``i`` (adverbs may intervene when ``gap``)."""
    j = i
    for word in rest:
        skipped = 0
        while gap and j < len(toks) and toks[j].low in _ADVERB_GAP and toks[j].low != word \
                and skipped < 3:
            j, skipped = j + 1, skipped + 1
        if j >= len(toks) or toks[j].low != word:
            return None
        j += 1
    return j


_BASE_VERBS = frozenset(p.split()[0] for p in VERB_CUES)


def _modifier_reading(toks: list[Tok], i: int) -> bool:
    """A bare verb form right after a gerund (``using back taxes``) modifies a noun."""
    prev = toks[i - 1].low if i else ""
    return toks[i].low in _BASE_VERBS and prev.endswith("ing") and prev.isalpha() and \
        not in_verb_group(prev) and prev not in {"during", "nothing", "something", "anything"}


def find_cues(toks: list[Tok]) -> list[Cue]:
    """Stance cues of a token list, left to right (a verb after a determiner reads as a noun)."""
    cues: list[Cue] = []
    i = 0
    while i < len(toks):
        found = None
        noun_reading = i > 0 and (toks[i - 1].low in DETERMINERS or toks[i - 1].low in {"'s", "’s"})
        for rest, pol, kind in PHRASES.get(toks[i].low, ()):
            if kind == "verb" and noun_reading:
                continue
            if kind == "verb" and not rest and i + 1 < len(toks) and toks[i + 1].low == "by":
                continue  # passive "backed by X" is handled by the caller's passive rule
            if kind == "verb" and not rest and toks[i].low in BARE_PROGRESSIVE:
                continue  # "troops fighting the rebels" reports combat, not a stance
            if kind == "verb" and not rest and _modifier_reading(toks, i):
                continue  # "using back taxes": a modifier, not a verb
            end = _match_rest(toks, i + 1, rest, kind == "verb")
            if end is not None:
                found = Cue(i, end, pol, kind, " ".join(t.text for t in toks[i:end]))
                break
        found = found or _hedged_cue(toks, i)
        if found and not open_question(toks, i):
            merged = _nested(cues, found)
            if merged is not found:
                cues.pop()  # the outer verb now carries the nested cue
            cues.append(merged)
        i = found.last if found else i + 1
    return cues


def _nested(cues: list[Cue], cue: Cue) -> Cue:
    """``rejected demands for X`` / ``rejected opposition to X``: a cue right after a rejecting
    verb cue is its object; one cue with the product of the polarities, from the outer verb (a
    supporting verb, ``justify seeking X``, changes nothing: the inner cue stays alone)."""
    if not cues or cues[-1].kind != "verb" or cues[-1].last != cue.first \
            or cues[-1].polarity > 0:
        return cue
    outer = cues[-1]
    return Cue(outer.first, cue.last, outer.polarity * cue.polarity, "verb",
               f"{outer.text} {cue.text}")


def _hedged_cue(toks: list[Tok], i: int) -> Cue | None:
    """``could consider X``: a weak cue only right after a modal verb."""
    for lemma, pol in HEDGED_ONLY.items():
        if toks[i].low == lemma and i > 0 and toks[i - 1].low in MODAL_VERBS | QUOTE_MARKS and \
                any(t.low in MODAL_VERBS for t in toks[max(0, i - 2):i]):
            return Cue(i, i + 1, pol, "verb", toks[i].text)
    return None


def open_question(toks: list[Tok], i: int) -> bool:
    """Is the cue at ``i`` inside an open question (``asked whether X backs``, ``declined to
    say if``)? ``whether``/``if`` up to five tokens before it."""
    return any(t.low in OPEN_QUESTION for t in toks[max(0, i - 5):i])


def clause_ids(toks: list[Tok]) -> list[int]:
    """Clause number of each token: a new clause starts at ``;``, ``but``, ``while``, a relative
    and after a full stop inside the sentence (a quote of several sentences)."""
    out, cid = [], 0
    for k, tok in enumerate(toks):
        relative = tok.low in {"which", "who"} and toks[k - 1].low in {",", "--", '"', "”"}
        if k > 0 and (tok.low in CLAUSE_BREAKS or relative) or k > 1 and _sentence_end(toks, k - 1):
            cid += 1
        out.append(cid)
    return out


def _sentence_end(toks: list[Tok], k: int) -> bool:
    """Is token ``k`` a full stop / ``?`` / ``!`` ending a sentence (not ``U.S.``: the next word
    is capitalised and the word before has no inner period)?"""
    if toks[k].text not in {".", "?", "!"} or k + 1 >= len(toks) or "." in toks[k - 1].text:
        return False
    return toks[k + 1].text[:1].isupper()


def negated(toks: list[Tok], cue_first: int, *, window: int = 5) -> bool:
    """Is the cue at ``cue_first`` negated by the verb group before it ("does not support")?"""
    flips, k = 0, cue_first - 1
    for k in range(cue_first - 1, max(-1, cue_first - 1 - window), -1):
        low = toks[k].low
        if low in QUOTE_MARKS:  # was "not yet convinced"
            continue
        if not in_verb_group(low):
            break
        if low in NEGATORS or low in NEGATING_VERBS:
            flips += 1
    return (flips + negative_subject(toks, k)) % 2 == 1


def fronted_without(toks: list[Tok], neg: int, first: int) -> bool:
    """``without a cap on wages, this competition will ...``: a fronted ``without`` phrase
    (at the clause start) holding the mention and closed by a comma: the mention is needed."""
    if toks[neg].low != "without" or first - neg > 3:
        return False
    opens = neg == 0 or toks[neg - 1].text in {'"', "“", ",", "that"} or toks[neg - 1].low in \
        {"but", "and", "that"}
    close = next((k for k in range(first, min(len(toks), first + 8)) if toks[k].text == ","), None)
    return opens and close is not None


def negation_elsewhere(toks: list[Tok], neg: int, first: int) -> bool:
    """Is the negation at ``neg`` about something else than the mention at ``first``: in an
    ``if``/``unless`` condition (``If we cannot agree on X, ...``), or with the mention inside a
    relative clause after it (``not going to sell the stores that make this deal work``)?"""
    lo = max(0, neg - 4)
    if any(toks[k].low in CONDITIONS for k in range(lo, neg)):
        return True
    return any(toks[k].low in RELATIVES and not (toks[k].low == "that" and toks[k - 1].low in
                                                  SPEECH_VERBS) for k in range(neg + 1, first))


def asked_not_to(toks: list[Tok], cue: Cue, first: int) -> bool:
    """``urged workers not to join X``: an asking verb whose infinitive is negated before the
    mention (against X)."""
    if cue.kind != "verb" or toks[cue.first].low not in ASKING_VERBS:
        return False
    between = [t.low for t in toks[cue.last:first]]
    return any(a in NEGATORS and b == "to" for a, b in zip(between, between[1:], strict=False))


def past_after(toks: list[Tok], alias_last: int, text: str) -> bool:
    """``who welcomed the project when it was first announced``: a past marker right after the
    mention."""
    return alias_last < len(toks) and bool(PAST_AFTER.search(text[toks[alias_last].start:]))


def changed_since(text: str) -> bool:
    """``..., struck a very different note``: the sentence says the position has changed."""
    return bool(CHANGED_NOTE.search(text))


def negative_subject(toks: list[Tok], k: int) -> bool:
    """Is the subject ending at token ``k`` (one adverb allowed after it) ``nobody``/``no one``
    (``No one here wants X`` negates the cue)?"""
    for j in (k, k - 1):
        if j >= 0 and (toks[j].low in NEGATIVE_SUBJECTS
                       or toks[j].low == "one" and j > 0 and toks[j - 1].low == "no"):
            return True
    return False


def reversed_after(toks: list[Tok], alias_last: int) -> bool:
    """``tax cuts``, ``a fee freeze``: a reversing noun right after the mention."""
    return alias_last < len(toks) and toks[alias_last].low in REVERSING_NOUNS


def quantity(toks: list[Tok], alias_first: int) -> bool:
    """``400m euros``, ``40 euro cents``: a mention right after a bare number is an amount (not
    after a price: ``a £5 landing fee``)."""
    if alias_first == 0 or not any(c.isdigit() for c in toks[alias_first - 1].text):
        return False
    priced = alias_first > 1 and toks[alias_first - 2].text in {"£", "$", "€", "¥"}
    return toks[alias_first].text[:1].isalpha() and not priced


def withdrawn(toks: list[Tok], cue_first: int) -> bool:
    """``withdrew its support for X``, ``dropped their opposition to X``: the noun cue is
    taken back by a withdrawing verb up to three tokens before it."""
    return any(toks[k].low in WITHDRAWING for k in range(max(0, cue_first - 3), cue_first))


def negated_after(toks: list[Tok], alias_last: int, *, window: int = 6) -> bool:
    """``the case for X has still not been made``: a negated predicate right after the mention
    of a noun cue's object (a be/have form followed by a negation)."""
    hi = min(len(toks), alias_last + window)
    for k in range(alias_last, hi):
        if toks[k].low in BE_FORMS | {"has", "have", "had"}:
            return any(toks[j].low in NEGATORS for j in range(k + 1, min(len(toks), k + 4)))
        if toks[k].text in {",", ";"} or toks[k].low in CLAUSE_BREAKS:
            return False
    return False


def past_position(toks: list[Tok], cue_first: int) -> bool:
    """Is the cue a position held before (``previously opposed``, ``which last year lobbied
    against``)? ``now``/``no longer`` in the verb group means the position held now."""
    lo = max(0, cue_first - 6)
    group = [t.low for t in toks[lo:cue_first]]
    if "now" in group or "longer" in group:
        return False
    if any(w in PAST_MARKERS and w != "had" for w in group):
        return True
    before = " ".join(t.text for t in toks[lo:cue_first])
    return bool(PAST_PHRASES.search(before))


def modality(toks: list[Tok], lo: int, hi: int) -> list[str]:
    """Hedging words (could, may, consider, potentially ...) among ``toks[lo:hi]``."""
    return sorted({toks[k].low for k in range(max(0, lo), min(hi, len(toks)))
                   if toks[k].low in MODAL})


def reversed_before(toks: list[Tok], alias_first: int, lo: int) -> str | None:
    """A reversing verb governing the alias ("lift restrictions", "end the ban"), or None."""
    for k in range(alias_first - 1, max(lo - 1, alias_first - 4), -1):
        low = toks[k].low
        if low in REVERSERS:
            return toks[k].text
        if low not in _REVERSE_GAP:
            return None
    return None


def reversed_between(toks: list[Tok], lo: int, alias_first: int) -> bool:
    """``called for a halt to the filling of X``, ``urged an end to X``: a reversing noun or
    verb with ``to``/``of``/``on`` after it between the cue (ending at ``lo``) and the mention."""
    return any((toks[k].low in REVERSERS or toks[k].low in REVERSING_NOUNS_OF)
               and toks[k + 1].low in {"to", "of", "on"} for k in range(lo, alias_first - 1))


def described_as(toks: list[Tok], lo: int, alias_first: int) -> bool:
    """``a compromise Y dismissed as "an embargo with a hole"``: a mention after ``as`` (not
    ``as well as``) between the cue and it is the description, not the cue's object."""
    return any(toks[k].low == "as" and toks[k + 1].low != "well" and
               (k == 0 or toks[k - 1].low != "well") for k in range(lo, alias_first))


def negated_reverser(toks: list[Tok], neg: int, alias_first: int) -> bool:
    """``will not stop filling X``: a reversing verb right after a negation (two tokens at most)
    before the mention."""
    return any(toks[k].low in REVERSERS for k in range(neg + 1, min(alias_first, neg + 3)))


def np_ok(tok: Tok) -> bool:
    if tok.low in FUNCTION_WORDS and tok.low not in {"and", "of", "the"}:
        return False
    return np_token_ok(tok.text) or tok.low in {"the", "and", "of"} or tok.low in ACTOR_HEADS


def plural_possessive(toks: list[Tok], k: int) -> bool:
    """Is token ``k`` the apostrophe of a plural possessive inside a name (``Farmers' Union``)?"""
    return toks[k].text in {"'", "’"} and k > 0 and toks[k - 1].low.endswith("s") and \
        toks[k - 1].end == toks[k].start and k + 1 < len(toks) and toks[k + 1].text[:1].isupper()


REPORTED_NOUNS = _words("claim claims suggestion suggestions report reports allegation allegations "
                        "accusation accusations rumour rumours speculation fears notion")


def topic_object(toks: list[Tok], cue_last: int, alias_first: int) -> bool:
    """``rejected proposals on immigration``: between the cue and the mention, a noun and a
    topic preposition (the cue governs the noun)."""
    k = alias_first - 1
    while k >= cue_last and toks[k].low in DETERMINERS:
        k -= 1
    return k > cue_last and toks[k].low in TOPIC_PREPOSITIONS


def reported_object(toks: list[Tok], lo: int, hi: int) -> bool:
    """``rejected claims that X ...``: the cue's object is a report about X, not X itself."""
    return any(toks[k].low in REPORTED_NOUNS and any(t.low == "that" for t in toks[k + 1:k + 5])
               for k in range(lo, min(hi, lo + 4)))


def noun_phrase_before(toks: list[Tok], end: int, *, limit: int = 10) -> tuple[int, int] | None:
    """Token range of an actor noun phrase ending right before ``end`` (names, roles, "and")."""
    k = end - 1
    while k >= 0 and end - k <= limit and (np_ok(toks[k]) or toks[k].low in {"'s", "’s"}
                                           or plural_possessive(toks, k)):
        k -= 1
    lo = k + 1
    while lo < end and toks[lo].low in {"and", "of", "'s", "’s"}:
        lo += 1
    if lo >= end:
        return None
    head = toks[end - 1]
    if not (is_name_token(head.text) or is_role(head.text) or head.low in ACTOR_HEADS
            or head.low in ORG_HEADS):
        return None
    return lo, end


def possessor_before(toks: list[Tok], end: int) -> tuple[int, int] | None:
    """``X's plan`` / ``X's "whole plan"`` ending before ``end`` -> token range of X."""
    for k in range(end - 1, max(-1, end - 5), -1):
        if toks[k].low in {"'s", "’s"}:
            return noun_phrase_before(toks, k)
        lower_word = toks[k].low.isalpha() and toks[k].text.islower()
        if not (lower_word or toks[k].text in {'"', "“", "”"}):
            return None
    return None


def is_actor_text(words: list[str]) -> bool:
    """Does a phrase name an actor (a capitalised name or a role noun at its head)?"""
    words = [w for w in words if w.lower() not in HONORIFICS and w.lower() not in ORDINALS]
    return bool(words) and (is_name_token(words[-1]) or is_role(words[-1])
                            or words[-1].lower() in ACTOR_HEADS or words[-1].lower() in ORG_HEADS)
