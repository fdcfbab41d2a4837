"""Evaluative frames: a holder's stance read from how the target is described.

* ``Y called X "unrealistic"`` / ``described X as a mistake`` / ``branded X ...``: the words
  after X evaluate X, for the subject Y of the calling verb;
* ``X is/was/would be <evaluation>`` with X the subject of its clause, inside a quote (for its
  speaker) or in the complement of a speech frame (``Y said X was "the right step"``, for Y).

The evaluation is the polarity of a few news evaluation words (``analysis.stance_lexicon``,
flipped by a negation before them) or, when none occurs, of VADER's compound (the sentiment
module), as the reported-speech rule does.

>>> evaluation("was not a fair use of public money"), evaluation("a serious mistake")
(-1, -1)
"""

from __future__ import annotations

from analysis import stance_rules as R
from analysis.stance_lexicon import (
    CONTRAST,
    EVALUATING_VERBS,
    NEGATIVE_EVALUATION,
    NEGATIVE_PHRASES,
    POSITIVE_EVALUATION,
    POSITIVE_PHRASES,
    inflect,
)

NO_QUOTES = str.maketrans("", "", '"“”‘’')
MAX_EVALUATED = 25  # tokens after the mention read as its evaluation
_SUBJECT_LEAD = R.DETERMINERS | R.words("that whether any every all no new such")
_OPENERS = frozenset({",", ":", ";", '"', "“", ".", "!", "?", "and", "but", "--"})
_NOT_VERBS = R.words("is was has as this his its us yes less unless thus plus across towards "
                     "afterwards perhaps")
_TELL = inflect("tell") | inflect("assure") | inflect("remind")
_PREDICATE = R.BE_FORMS | R.words("would will could can may might must should has have had "
                                  "remains remained seems looks")


def _lexicon_polarity(toks: list[R.Tok]) -> int:
    """The first evaluation word (``the wrong answer to the right question``: wrong), flipped
    by a negation up to three tokens before it; 0 when there is none."""
    for k, tok in enumerate(toks):
        pol = 1 if tok.low in POSITIVE_EVALUATION else -1 if tok.low in NEGATIVE_EVALUATION else 0
        if pol:
            return -pol if any(t.low in R.NEGATORS for t in toks[max(0, k - 3):k]) else pol
    return 0


def evaluation(text: str, *, vader: bool = True) -> int:
    """+1 / -1 / 0: the evaluation words of ``text``, else (``vader``) the sign of VADER's
    compound. An evaluation phrase (``pays for itself``, ``treats adults like children``)
    comes first."""
    phrases = [(m.start(), pol) for pol, rx in ((1, POSITIVE_PHRASES), (-1, NEGATIVE_PHRASES))
               for m in rx.finditer(text)]
    if phrases:
        return min(phrases)[1]
    found = _lexicon_polarity(R.tokenize(text))
    if found or not vader:
        return found
    from analysis.sentiment import score_texts

    plain = text.translate(NO_QUOTES)  # VADER reads 'hacked."' as an unknown word
    compound = float(score_texts([plain])["compound"].iloc[0])
    return 0 if abs(compound) < 0.05 else (1 if compound > 0 else -1)


def evaluated_text(toks: list[R.Tok], clauses: list[int], last: int, text: str) -> str:
    """Text of the clause after the mention ending at token ``last`` (bounded)."""
    end = last
    while end < len(toks) and end - last < MAX_EVALUATED and clauses[end] == clauses[last - 1]:
        end += 1
    return text[toks[last].start:toks[end - 1].end] if end > last else ""


def contrast_text(toks: list[R.Tok], clauses: list[int], last: int, text: str) -> str:
    """``X is painful, but it is the only responsible choice``: the clause after a contrast word
    that ends the mention's clause (bounded), else ''."""
    end = last
    while end < len(toks) and end - last < MAX_EVALUATED and clauses[end] == clauses[last - 1]:
        end += 1
    k = end + (end < len(toks) and toks[end].text == ",")
    if k >= len(toks) or toks[k].low not in CONTRAST:
        k = end - 1 if end - 1 > last and toks[end - 1].low in CONTRAST else -1
    if k < 0 or k + 1 >= len(toks):
        return ""
    return evaluated_text(toks, clauses, k + 1, text)


def calling_verb(toks: list[R.Tok], first: int) -> int | None:
    """Token index of ``called``/``described``/``branded`` right before the mention."""
    for k in range(first - 1, max(-1, first - 4), -1):
        if toks[k].low in EVALUATING_VERBS:
            return k
        if toks[k].low not in R.DETERMINERS and toks[k].text[:1].islower():
            return None
    return None


def is_clause_subject(toks: list[R.Tok], clauses: list[int], first: int, last: int, *,
                      loose: bool = False) -> bool:
    """Is the mention the subject of its clause (only determiners or a quote mark before it in
    the clause, a be-form or modal within four tokens after it; ``loose``, inside quotes: also
    a verb in -s or -ed right after it, ``Selling the ground pays off the debts``)?"""
    k = first - 1
    while k >= 0 and clauses[k] == clauses[first] and (
            toks[k].low in _SUBJECT_LEAD or toks[k].text in {'"', "“", "'", "‘"}):
        k -= 1
    told = any(t.low in _TELL for t in toks[max(0, k - 3):k + 1])  # "told parliament the X"
    opening = k < 0 or clauses[k] != clauses[first] or toks[k].low in R.SPEECH_VERBS or \
        toks[k].text in _OPENERS or told
    after = toks[last:last + 4]
    finite = loose and last < len(toks) and toks[last].text.islower() and \
        toks[last].low.endswith(("s", "ed")) and toks[last].low not in _NOT_VERBS
    return opening and (finite or any(t.low in _PREDICATE for t in after))


_WARN = inflect("warn") | inflect("caution") | inflect("fear")


def warning_verb(toks: list[R.Tok], first: int) -> int | None:
    """``Y warned (that) X would ...``: token index of the warning verb before the mention."""
    k = first - 1
    while k >= 0 and first - k <= 4 and (toks[k].low in _SUBJECT_LEAD or
                                         toks[k].text in {'"', "“"}):
        k -= 1
    return k if k >= 0 and toks[k].low in _WARN else None


def passive_agent(toks: list[R.Tok], last: int) -> tuple[R.Cue, int] | None:
    """``X was welcomed by Y`` / ``X, which Y opposes,``: the cue after the mention ending at
    token ``last`` and the token index where its holder Y starts."""
    k = last
    if k + 2 < len(toks) and toks[k].text == "," and toks[k + 1].low in {"which", "that"}:
        return _relative_cue(toks, k + 2)
    while k < len(toks) and k - last < 4 and R.in_verb_group(toks[k].low):
        k += 1
    if k + 1 >= len(toks) or toks[k + 1].low != "by" or k == last:
        return None
    cue = _verb_cue(toks, k)
    return (cue, k + 2) if cue and toks[k].low.endswith(("ed", "en", "d")) else None


def _verb_cue(toks: list[R.Tok], k: int) -> R.Cue | None:
    """A one-word verb cue at token ``k`` (``welcomed``, ``opposes``), or None."""
    for rest, pol, kind in R.PHRASES.get(toks[k].low, ()):
        if kind == "verb" and not rest:
            return R.Cue(k, k + 1, pol, "verb", toks[k].text)
    return None


def _relative_cue(toks: list[R.Tok], start: int) -> tuple[R.Cue, int] | None:
    """``..., which Y (strongly) opposes``: the cue after Y's noun phrase, and where Y starts."""
    for k in range(start + 1, min(len(toks), start + 8)):
        cue = _verb_cue(toks, k)
        if cue:
            j = k - 1
            while j > start and R.in_verb_group(toks[j].low):
                j -= 1
            span = R.noun_phrase_before(toks, j + 1)
            return (cue, span[0]) if span and span[0] == start else None
    return None
