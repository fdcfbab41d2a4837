"""NLTK's VADER, loaded offline from the ``vaderSentiment`` wheel, and an exact faster scorer.

``nltk_analyzer()`` is NLTK's own ``SentimentIntensityAnalyzer`` with the lexicon file that the
pinned ``vaderSentiment`` wheel ships (NLTK's ``vader_lexicon`` download is never needed).
``FastVader`` re-implements ``SentimentIntensityAnalyzer.polarity_scores`` step by step, with the
same floating-point operations in the same order, so every score is *identical* (not merely
close); it is faster because it

* maps each whitespace token to VADER's word form once (a dict) instead of building NLTK's
  ``punctuation x words`` table for every sentence,
* returns the neutral result at once for sentences with no lexicon word (their score is exactly
  ``neg 0, neu 1, pos 0, compound 0``: only lexicon words get a valence; boosters, negations,
  "but", capitals and ``!``/``?`` only scale a valence),
* computes a repeated token's valence once (NLTK uses the first occurrence's position for every
  repeat) and memoises duplicate sentences.

>>> FastVader().polarity_scores("The plan is good.") == nltk_analyzer().polarity_scores(
...     "The plan is good.")
True
"""

from __future__ import annotations

import hashlib
import math
import string
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import numpy as np

LEXICON_SHA256 = "1ec9c6e9ee19aade328f8beb393a6afa71a5bb3acf7d3cc22d4ef568df374bf5"
KEYS = ("neg", "neu", "pos", "compound")
NEUTRAL = (0.0, 1.0, 0.0, 0.0)
EMPTY = (0.0, 0.0, 0.0, 0.0)
_PUNCT = frozenset(string.punctuation)


def lexicon_path() -> Path:
    """Path of ``vader_lexicon.txt`` inside the installed ``vaderSentiment`` package."""
    import vaderSentiment

    return Path(vaderSentiment.__file__).resolve().parent / "vader_lexicon.txt"


@cache
def nltk_analyzer():
    """NLTK's ``SentimentIntensityAnalyzer`` reading the wheel's lexicon (checked by SHA-256).

    NLTK 3.10 only opens resources under ``nltk.data.path``: the wheel's folder is appended to
    it and the file is then loaded by its ``file:`` URL, offline.
    """
    import nltk.data
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    path = lexicon_path()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != LEXICON_SHA256:
        raise RuntimeError(f"unexpected VADER lexicon {path} (sha256 {digest})")
    if str(path.parent) not in nltk.data.path:
        nltk.data.path.append(str(path.parent))
    return SentimentIntensityAnalyzer(lexicon_file=f"file:{path.as_posix()}")


def _word_form(token: str, punc: frozenset[str]) -> str:
    """VADER's form of one whitespace token: one PUNC_LIST mark stripped off one side, if any.

    NLTK maps ``p + w`` and ``w + p`` to ``w`` when ``p`` is in PUNC_LIST and ``w`` (no
    punctuation, 2+ characters) is a word of the punctuation-free text, which it always is.
    """
    if token[0] in _PUNCT:
        rest = token.lstrip(string.punctuation)
        head = token[: len(token) - len(rest)]
        if len(rest) > 1 and head in punc and not _PUNCT.intersection(rest):
            return rest
        return token
    word = token.rstrip(string.punctuation)
    tail = token[len(word):]
    if tail and len(word) > 1 and tail in punc and not _PUNCT.intersection(word):
        return word
    return token


class _Forms(dict):
    """token -> (VADER word form, lower case, lower case in lexicon, kept); filled on first use.

    NLTK drops one-character tokens (``kept`` False) and looks words up in lower case.
    """

    def __init__(self, punc: frozenset[str], lexicon: dict[str, float]) -> None:
        super().__init__()
        self.punc, self.lexicon = punc, lexicon
        self.seen: set[str] = set()  # every token looked up so far
        self.hits: set[str] = set()  # tokens whose word form is a lexicon word
        self.short: set[str] = set()  # one-character tokens (dropped by VADER)

    def __missing__(self, token: str) -> tuple[str, str, bool, bool]:
        self.seen.add(token)
        if len(token) <= 1:
            self.short.add(token)
            found = self[token] = (token, token.lower(), False, False)
            return found
        word = _word_form(token, self.punc)
        lower = word.lower()
        found = self[token] = (word, lower, lower in self.lexicon, True)
        if found[2]:
            self.hits.add(token)
        return found


class FastVader:
    """Exact re-implementation of NLTK's ``SentimentIntensityAnalyzer.polarity_scores``."""

    def __init__(self, analyzer=None, *, memo_size: int = 200_000) -> None:
        sia = analyzer if analyzer is not None else nltk_analyzer()
        self.lexicon: dict[str, float] = dict(sia.lexicon)
        c = sia.constants
        self.c = c
        self.boosters: dict[str, float] = dict(c.BOOSTER_DICT)
        self.idioms: dict[str, float] = dict(c.SPECIAL_CASE_IDIOMS)
        self.punc = frozenset(c.PUNC_LIST)
        self.idiom_words = frozenset(
            part for key in [*self.idioms, *self.boosters] if " " in key for part in key.split())
        # Lower-cased words whose presence among the 3 words before a lexicon word can change its
        # valence. A multi-word idiom / booster that does not include the word itself must lie
        # wholly in those 3 words, so one (the longest) of its words is enough to flag it.
        multi = [k.split() for k in [*self.idioms, *self.boosters] if " " in k]
        self.modifiers = frozenset(
            {k for k in self.boosters if " " not in k} | set(c.NEGATE)
            | {max(parts, key=lambda w: (len(w), w)) for parts in multi}
            | {"never", "so", "this", "least"})
        self.memo_size = memo_size
        self._forms = _Forms(self.punc, self.lexicon)
        self._memo: dict[str, dict[str, float]] = {}
        self._negated: dict[str, bool] = {}

    def _is_negated(self, word: str) -> bool:
        """NLTK's ``negated([word])`` for one word (cached)."""
        found = self._negated.get(word)
        if found is None:
            low = word.lower()
            found = self._negated[word] = low in self.c.NEGATE or "n't" in low
        return found

    def polarity_scores(self, text: str) -> dict[str, float]:
        """Same dict as NLTK's ``polarity_scores(text)``, bit for bit."""
        return dict(zip(KEYS, self.scores(text), strict=True))

    def scores(self, text: str) -> tuple[float, float, float, float]:
        """``(neg, neu, pos, compound)`` of ``text``, memoised."""
        found = self._memo.get(text)
        if found is not None:
            return found
        raw = text.split()
        forms = self._forms
        if not forms.seen.issuperset(raw):
            for token in raw:
                forms[token]  # noqa: B018 (classifies the token once)
        if forms.hits.isdisjoint(raw):  # no lexicon word: no valence anywhere, nothing to scale
            result = EMPTY if forms.short.issuperset(raw) else NEUTRAL
        else:
            result = self._score(text, [f for f in map(forms.__getitem__, raw) if f[3]])
        if len(self._memo) < self.memo_size:
            self._memo[text] = result
        return result

    def _score(self, text: str, forms: list[tuple[str, str, bool, bool]]) -> tuple[float, ...]:
        words = [f[0] for f in forms]
        lowers = [f[1] for f in forms]
        n_upper = sum(map(str.isupper, words))
        cap_diff = 0 < len(words) - n_upper < len(words)
        cached: dict[str, float | int] = {}
        sentiments: list[float | int] = [0] * len(words)
        for k, f in enumerate(forms):
            if f[2]:  # only lexicon words get a valence; NLTK's index is the first occurrence
                w = f[0]
                v = cached.get(w)
                if v is None:
                    v = cached[w] = self._item_valence(w, words.index(w), words, lowers, forms,
                                                       cap_diff)
                sentiments[k] = v
        if "but" in lowers:
            bi = lowers.index("but")
            sentiments = [s * 0.5 if k < bi else (s * 1.5 if k > bi else s)
                          for k, s in enumerate(sentiments)]
        return _score_valence(sentiments, text)

    def _item_valence(self, item, i, words, lowers, forms, cap_diff) -> float | int:
        """Valence of ``item`` at index ``i``, as NLTK's loop + ``sentiment_valence``."""
        low = lowers[i]
        if (i < len(words) - 1 and low == "kind" and lowers[i + 1] == "of") or low in self.boosters:
            return 0
        if not forms[i][2]:
            return 0
        prev = lowers[max(0, i - 3):i]
        if (low not in self.idiom_words and self.modifiers.isdisjoint(prev)
                and "n't" not in "\0".join(prev) and not (cap_diff and item.isupper())):
            return self.lexicon[low]  # no booster, negation, never/so/this, least, idiom, caps
        c = self.c
        valence = self.lexicon[low]
        if cap_diff and item.isupper():
            valence = valence + c.C_INCR if valence > 0 else valence - c.C_INCR
        for start_i in range(3):
            if i > start_i and not forms[i - (start_i + 1)][2]:
                s = self._scalar(words[i - (start_i + 1)], lowers[i - (start_i + 1)], valence,
                                 cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = self._never(valence, words, start_i, i)
                if start_i == 2:
                    valence = self._idioms(valence, words, i)
        return self._least(valence, lowers, forms, i)

    def _scalar(self, word: str, low: str, valence: float, cap_diff: bool) -> float:
        scalar = 0.0
        if low in self.boosters:
            scalar = self.boosters[low]
            if valence < 0:
                scalar *= -1
            if word.isupper() and cap_diff:
                scalar = scalar + self.c.C_INCR if valence > 0 else scalar - self.c.C_INCR
        return scalar

    def _never(self, valence, words, start_i, i):
        n = self.c.N_SCALAR
        if start_i == 0:
            if self._is_negated(words[i - 1]):
                valence = valence * n
        elif start_i == 1:
            if words[i - 2] == "never" and words[i - 1] in ("so", "this"):
                valence = valence * 1.5
            elif self._is_negated(words[i - 2]):
                valence = valence * n
        else:
            if (words[i - 3] == "never" and words[i - 2] in ("so", "this")) or (
                    words[i - 1] in ("so", "this")):
                valence = valence * 1.25
            elif self._is_negated(words[i - 3]):
                valence = valence * n
        return valence

    def _idioms(self, valence, words, i):
        w = words
        iw = self.idiom_words
        if w[i] not in iw and w[i - 1] not in iw and w[i - 2] not in iw:
            return valence  # every idiom / booster bigram below involves one of these words
        onezero = f"{w[i - 1]} {w[i]}"
        twoonezero = f"{w[i - 2]} {w[i - 1]} {w[i]}"
        twoone = f"{w[i - 2]} {w[i - 1]}"
        threetwoone = f"{w[i - 3]} {w[i - 2]} {w[i - 1]}"
        threetwo = f"{w[i - 3]} {w[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in self.idioms:
                valence = self.idioms[seq]
                break
        if len(w) - 1 > i:
            zeroone = f"{w[i]} {w[i + 1]}"
            if zeroone in self.idioms:
                valence = self.idioms[zeroone]
        if len(w) - 1 > i + 1:
            zeroonetwo = f"{w[i]} {w[i + 1]} {w[i + 2]}"
            if zeroonetwo in self.idioms:
                valence = self.idioms[zeroonetwo]
        if threetwo in self.boosters or twoone in self.boosters:
            valence = valence + self.c.B_DECR
        return valence

    def _least(self, valence, lowers, forms, i):
        if i > 1 and not forms[i - 1][2] and lowers[i - 1] == "least":
            if lowers[i - 2] != "at" and lowers[i - 2] != "very":
                valence = valence * self.c.N_SCALAR
        elif i > 0 and not forms[i - 1][2] and lowers[i - 1] == "least":
            valence = valence * self.c.N_SCALAR
        return valence

    def score_many(self, texts: Iterable[str]) -> dict[str, np.ndarray]:
        """Scores of many texts as four float arrays ``neg, neu, pos, compound``."""
        rows = np.array([self.scores(t) for t in texts], dtype="float64").reshape(-1, 4)
        return {k: rows[:, j].copy() for j, k in enumerate(KEYS)}


def _score_valence(sentiments: list[float | int], text: str) -> tuple[float, float, float, float]:
    """NLTK's ``score_valence`` (punctuation emphasis, normalisation, neg/neu/pos shares)."""
    sum_s = float(sum(sentiments))
    ep = min(text.count("!"), 4) * 0.292
    qm_count = text.count("?")
    qm = 0
    if qm_count > 1:
        qm = qm_count * 0.18 if qm_count <= 3 else 0.96
    amp = ep + qm
    if sum_s > 0:
        sum_s += amp
    elif sum_s < 0:
        sum_s -= amp
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
    pos_sum, neg_sum, neu_count = 0.0, 0.0, 0
    for s in sentiments:
        if s > 0:
            pos_sum += float(s) + 1
        if s < 0:
            neg_sum += float(s) - 1
        if s == 0:
            neu_count += 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += amp
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= amp
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return (round(math.fabs(neg_sum / total), 3), round(math.fabs(neu_count / total), 3),
            round(math.fabs(pos_sum / total), 3), round(compound, 4))


def vader_words(text: str, analyzer: FastVader | None = None) -> list[str]:
    """VADER's lower-cased word forms of ``text`` (the units its lexicon is matched on)."""
    fv = analyzer if analyzer is not None else default_fast()
    return [fv._forms[t][1] for t in text.split() if len(t) > 1]


@cache
def default_fast() -> FastVader:
    """A shared ``FastVader`` built on ``nltk_analyzer()``."""
    return FastVader()
