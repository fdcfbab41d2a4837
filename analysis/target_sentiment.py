"""Sentiment toward a target mention, without training: distance-weighted VADER plus rules.

For a text and a target span (character offsets, or the mention text to find) the scorer:

1. masks the mention itself (a name such as "Winner" or "Justice" is not an opinion);
2. sums word valences with a weight decaying with the token distance to the target
   (exp(-d/16); VADER's negation flip), squashed like VADER's compound (``window``): VADER's
   lexicon first, AFINN-165 (from the installed ``afinn`` package) for words VADER lacks;
   positive valences count x0.35 (in news, "win", "support", "free" are rarely praise, while
   negative words usually are criticism); a word closer to another target of the same text
   than to this one counts half (3/4 when that target stands between them: "A and B were
   accused"), a word left of the target half, a capitalised word inside the sentence
   (likely part of a name: "United", "Justice Department") a quarter;
3. adds what happens to the target: the target as the *patient* of a negative act ("police
   arrested X", "X was accused of", "X, who was convicted") pulls negative, of a positive act
   ("X was praised", "thanked X") positive; the target as the *agent* of such an act ("X
   attacked") pulls the same way (a reader judges the actor by the act);
4. adds a distance-weighted count of general news words neither lexicon scores ("alleged",
   "partisan", "bipartisan", "ovation"...);
5. ignores the content of reported speech when the target is the speaker ("X said the plan is a
   disaster" is neutral toward X).

The weights (:class:`Rules`, the window constants) and the neutral band were chosen by small
grid searches on the NewsMTSC *train* split only ("other targets" of a row: the spans of the
other rows with the same text). :func:`target_features` also returns a clause-level VADER score
(clauses cut at punctuation, quotes and "but"/"while"/"because"..., a following relative clause
kept); it did not help the rules on train (weight 0) but feeds the supervised model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_PUNCT_BOUNDARY = frozenset(",;:()[]—–\"“”‘’")
_WORD_BOUNDARY = frozenset({
    "but", "while", "although", "though", "whereas", "however", "because", "since", "unless",
    "whereby", "yet", "despite",
})
_RELATIVE = frozenset({"who", "whom", "whose", "which"})
_SPEECH_VERBS = frozenset({
    "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "argued", "argues",
    "claimed", "claims", "insisted", "insists", "stated", "states", "tweeted", "tweets", "noted",
    "notes", "explained", "explains", "declared", "declares", "asked", "asks", "suggested",
    "suggests", "warned", "warns", "acknowledged", "acknowledges", "contended", "contends",
    "replied", "responded", "answered", "recalled", "predicted", "announced", "announces",
})
_BE = frozenset({"was", "were", "is", "are", "be", "been", "being", "got", "gets", "get", "has",
                 "have", "had", "not", "also", "later", "reportedly", "allegedly", "repeatedly",
                 "publicly", "widely", "already", "never", "by"})
# Verb stems: what happens to a person. Matched on the lower-cased token's prefix (stem).
NEGATIVE_ACTS: tuple[str, ...] = (
    "accus", "arrest", "charg", "indict", "convict", "sentenc", "jail", "imprison", "prosecut",
    "sued", "sue", "investigat", "probe", "subpoena", "impeach", "criticiz", "criticis", "condemn",
    "denounc", "blam", "attack", "slam", "blast", "mock", "ridicul", "insult", "fire", "oust",
    "sack", "expel", "impugn", "rebuk", "scold", "lambast", "berat", "chastis", "censur",
    "fault", "reject", "defeat", "embarrass", "humiliat", "discredit", "smear", "vilif",
    "threaten", "target", "harass", "assault", "kill", "murder", "shot", "beat", "punish",
    "fin", "ban", "suspend", "disqualif", "question", "scrutiniz", "challeng", "oppos",
    "undermin", "betray", "abandon", "deni", "denied", "snub", "overrul", "implicat", "lie",
    "lied", "scandal", "controvers",
)
POSITIVE_ACTS: tuple[str, ...] = (
    "prais", "thank", "endors", "support", "applaud", "commend", "honor", "honour", "celebrat",
    "congratulat", "admir", "back", "defend", "welcom", "elect", "reelect", "re-elect", "win",
    "won", "acquit", "exonerat", "clear", "pardon", "reward", "award", "promot", "hail", "lauded",
    "laud", "cheer", "embrac", "champion", "credit", "vindicat", "rescu", "help", "protect",
    "salut", "respect", "trust", "favor", "favour", "lov", "like",
)
# Short stems need a whole-word or inflection match, not any prefix ("fin" must not match "final").
_EXACT_ONLY = frozenset({"fin", "sue", "ban", "lie", "win", "won", "back", "help", "like", "lov",
                         "fire", "beat", "shot", "clear", "deni", "elect", "trust", "credit"})
_INFLECT = ("", "s", "es", "ed", "d", "ing", "e", "es", "ied", "ies", "y", "ned", "ning", "red",
            "ring", "ted", "ting", "ped", "ping", "ged")


@dataclass(frozen=True)
class Rules:
    """Weights and the neutral band of the rule-based scorer (defaults tuned on NewsMTSC train)."""

    clause_weight: float = 0.0
    sentence_weight: float = 0.0
    window_weight: float = 1.0
    patient_weight: float = 0.45
    agent_weight: float = 0.35
    cue_weight: float = 0.15
    speaker_damping: float = 0.0
    negative_below: float = -0.1
    positive_above: float = 0.075


DEFAULT_RULES = Rules()


@lru_cache(maxsize=1)
def _analyzer():
    from analysis.vader_fast import default_fast

    return default_fast()


@lru_cache(maxsize=1)
def afinn_lexicon() -> dict[str, float]:
    """AFINN-165 single-word valences (-5..5) read from the installed ``afinn`` package.

    AFINN (Finn Aarup Nielsen) is under the Open Database License; the package ships the file.

    >>> afinn_lexicon()["good"]
    3.0
    """
    path = resources.files("afinn").joinpath("data/AFINN-en-165.txt")
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, score = line.rpartition("\t")
        if word and " " not in word:
            out[word.lower()] = float(score)
    return out


@lru_cache(maxsize=1 << 16)
def word_valence(word: str) -> float | None:
    """Valence of a lower-cased word on VADER's -4..4 scale: VADER's lexicon, else AFINN-165
    (x 4/5), else ``None``.

    >>> word_valence("good"), word_valence("indicted"), word_valence("table")
    (1.9, -1.6, None)
    """
    value = _analyzer().lexicon.get(word)
    if value is not None:
        return float(value)
    value = afinn_lexicon().get(word)
    return None if value is None else value * 0.8


def vader_compound(text: str) -> float:
    """NLTK VADER compound score of ``text`` (``analysis.vader_fast``, the wheel's lexicon).

    >>> vader_compound("a good day") > 0
    True
    """
    return float(_analyzer().polarity_scores(text)["compound"])


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)]


def _matches(word: str, stems: Sequence[str]) -> bool:
    for stem in stems:
        if stem in _EXACT_ONLY:
            if any(word == stem + end for end in _INFLECT):
                return True
        elif word.startswith(stem):
            return True
    return False


@lru_cache(maxsize=1 << 16)
def act_polarity(word: str) -> int:
    """-1 / +1 when ``word`` is a negative / positive act on a person, else 0.

    >>> act_polarity("arrested"), act_polarity("praised"), act_polarity("final")
    (-1, 1, 0)
    """
    if _matches(word, NEGATIVE_ACTS):
        return -1
    if _matches(word, POSITIVE_ACTS):
        return 1
    return 0


def find_mentions(text: str, mention: str) -> list[tuple[int, int]]:
    """Character spans of ``mention`` in ``text`` (case-insensitive, whole words), sorted.

    A multi-word name also matches by its last word ("Jane Doe" -> "Doe") outside the full-name
    matches. Returns ``[]`` when nothing matches.

    >>> find_mentions("Doe spoke. Jane Doe left.", "Jane Doe")
    [(0, 3), (11, 19)]
    """
    words = mention.split()
    spans: list[tuple[int, int]] = []
    for candidate in dict.fromkeys([" ".join(words), *words[-1:]]):
        pattern = re.compile(r"(?<!\w)" + re.escape(candidate) + r"(?!\w)", re.IGNORECASE)
        for match in pattern.finditer(text):
            if not any(s < match.end() and match.start() < e for s, e in spans):
                spans.append((match.start(), match.end()))
    return sorted(spans)


def target_spans(frame: pd.DataFrame) -> list[list[tuple[int, int]]]:
    """The target spans of each row: ``start``/``end`` offsets if valid, else ``target`` found.

    Rows with neither (or a target not found in the text) get ``[]`` (scored as a whole).
    """
    out = []
    for row in frame.itertuples(index=False):
        text, start, end = row.text, getattr(row, "start", None), getattr(row, "end", None)
        if not (pd.isna(start) or pd.isna(end)) and 0 <= int(start) < int(end) <= len(text):
            out.append([(int(start), int(end))])
            continue
        mention = getattr(row, "target", None)
        out.append([] if mention is None or pd.isna(mention) else find_mentions(text, str(mention)))
    return out


def _is_boundary(word: str) -> bool:
    return word in _PUNCT_BOUNDARY or word in _WORD_BOUNDARY


def _clause(toks: list[tuple[int, int, str]], first: int, last: int) -> tuple[int, int]:
    """Token range [lo, hi) of the clause holding tokens first..last (relative clause kept)."""
    lo = first
    while lo > 0 and not _is_boundary(toks[lo - 1][2]):
        lo -= 1
    hi = last + 1
    while hi < len(toks):
        word = toks[hi][2]
        if word == "," and hi + 1 < len(toks) and toks[hi + 1][2] in _RELATIVE:
            hi += 2
            continue
        if _is_boundary(word):
            break
        hi += 1
    return lo, hi


def _roles(toks: list[tuple[int, int, str]], first: int, last: int) -> tuple[int, int, bool]:
    """(patient polarity, agent polarity, target is a speaker) from the words around the target."""
    patient = agent = 0
    left = [t[2] for t in toks[max(0, first - 4):first]][::-1]
    for word in left:  # "arrested X", "criticism of X", "accused former director X"
        if _is_boundary(word):
            break
        if act_polarity(word):
            patient = act_polarity(word)
            break
    right = [t[2] for t in toks[last + 1:last + 7]]
    if right[:1] == [","] and right[1:2] and right[1] in _RELATIVE:
        right = right[2:]
    elif right[:2] in (["'", "s"], ["’", "s"]) or right[:1] in (["'s"], ["’s"]):
        right = right[2:] if right[:1] in (["'"], ["’"]) else right[1:]
    passive = False
    for word in right:
        if word in _BE:
            passive = passive or word in {"was", "were", "is", "are", "be", "been", "being", "got",
                                          "gets", "get"}
            continue
        polarity = act_polarity(word)
        if polarity and passive and (word.endswith("ed") or word.endswith("en")):
            patient = patient or polarity
        elif polarity:
            agent = polarity
        break
    return patient, agent, _is_speaker(toks, first, last)


def _is_speaker(toks: list[tuple[int, int, str]], first: int, last: int) -> bool:
    """True for "X said ...", "X, a senator, said", "... said X." / "said X, who ..."."""
    after = [t[2] for t in toks[last + 1:last + 5]]
    if any(w in _SPEECH_VERBS for w in after[:2]):
        return True
    if after[:1] == [","] and any(w in _SPEECH_VERBS for w in after):
        return True
    before = [t[2] for t in toks[max(0, first - 2):first]]
    ends_here = not after or after[0] in _PUNCT_BOUNDARY or after[0] in {".", "!", "?"}
    return bool(set(before) & _SPEECH_VERBS) and ends_here


def _masked(text: str, lo: int, hi: int, spans: Sequence[tuple[int, int]]) -> str:
    """``text[lo:hi]`` with every target span inside it replaced by a neutral placeholder."""
    out, pos = [], lo
    for start, end in sorted(spans):
        if start >= pos and end <= hi:
            out += [text[pos:start], "someone"]
            pos = end
    out.append(text[pos:hi])
    return "".join(out)


_NEGATORS = frozenset({"not", "no", "never", "without", "nor", "cannot", "neither", "nobody",
                       "none", "nothing"})
# News vocabulary that VADER lacks, used with the act stems as a distance-weighted cue.
NEWS_NEGATIVE: tuple[str, ...] = (
    "alleg", "scandal", "fraud", "misconduct", "resign", "lawsuit", "guilty", "corrupt", "racis",
    "sexis", "false", "mislead", "baseless", "fail", "refus", "illegal", "unlawful", "abuse",
    "violat", "complicit", "bias", "partisan", "extrem", "radical", "crim", "disgrac", "incompet",
    "hypocri", "dishonest", "rigg", "collu", "obstruct", "leak",
)
NEWS_POSITIVE: tuple[str, ...] = (
    "bipartisan", "popular", "success", "succeed", "achiev", "accomplish", "landmark", "historic",
    "hero", "respected", "beloved", "advoca", "victor", "approval", "ovation", "boost",
)


@lru_cache(maxsize=1 << 16)
def _cue(word: str) -> int:
    polarity = act_polarity(word)
    if polarity:
        return polarity
    if any(word.startswith(stem) for stem in NEWS_NEGATIVE):
        return -1
    return 1 if any(word.startswith(stem) for stem in NEWS_POSITIVE) else 0


# Window: exp(-distance / WINDOW_TAU) weights; positive valences x POSITIVE_SCALE; words closer
# to another target x OTHER_TARGET_WEIGHT (x BEYOND_OTHER_WEIGHT when that target stands between
# the word and this one), left of the target x LEFT_WEIGHT, capitalised inside a
# sentence (part of a name: "United", "Justice Department") x CAPITALISED_WEIGHT; the sum is
# squashed by sqrt(sum^2 + WINDOW_SQUASH). All chosen on NewsMTSC train.
WINDOW_TAU = 16.0
POSITIVE_SCALE = 0.35
OTHER_TARGET_WEIGHT = 0.5
BEYOND_OTHER_WEIGHT = 0.75
LEFT_WEIGHT = 0.5
CAPITALISED_WEIGHT = 0.25
WINDOW_SQUASH = 5.0
_SENTENCE_START = frozenset({".", "!", "?", '"', "“", ":", "—"})


def _word_weights(text: str, toks: list[tuple[int, int, str]], first: int, last: int,
                  others: Sequence[tuple[int, int]]) -> list[float]:
    """Per-token weight of the window apart from distance (see the constants above)."""
    out = []
    for i, (start, _, _) in enumerate(toks):
        distance = first - i if i < first else i - last
        weight = LEFT_WEIGHT if i < first else 1.0
        if any(i < a and b < first or last < a and b < i for a, b in others):
            weight *= BEYOND_OTHER_WEIGHT
        elif any(min(abs(i - a), abs(i - b)) < distance for a, b in others):
            weight *= OTHER_TARGET_WEIGHT
        if i and text[start].isupper() and toks[i - 1][2] not in _SENTENCE_START:
            weight *= CAPITALISED_WEIGHT
        out.append(weight)
    return out


def _distance_sums(text: str, toks: list[tuple[int, int, str]], first: int, last: int,
                   others: Sequence[tuple[int, int]] = ()) -> dict[str, float]:
    """Distance-weighted valence (``window``) and news-cue counts around the target.

    Valences (:func:`word_valence`) are flipped (x -0.74, as VADER does) after a negator within
    3 tokens, then positive ones scaled by :data:`POSITIVE_SCALE`; cue words already in a lexicon
    are not counted twice. ``others``: token ranges (first, last) of other targets; their tokens
    are skipped and words nearer to them than to this target weigh less (:func:`_word_weights`).
    """
    valence = cues_near = cues_far = 0.0
    weights = _word_weights(text, toks, first, last, others)
    for i, (_, _, word) in enumerate(toks):
        if first <= i <= last or any(a <= i <= b for a, b in others):
            continue
        distance, weight = (first - i if i < first else i - last), weights[i]
        value = word_valence(word)
        if value is not None:
            before = [t[2] for t in toks[max(0, i - 3):i]]
            if any(w in _NEGATORS or w.endswith("n't") for w in before):
                value = -0.74 * value
            value = POSITIVE_SCALE * value if value > 0 else value
            valence += weight * value * np.exp(-distance / WINDOW_TAU)
        elif cue := _cue(word):
            cues_near += weight * cue * np.exp(-distance / 5.0)
            cues_far += weight * cue * np.exp(-distance / 20.0)
    return {"window": float(valence / np.sqrt(valence * valence + WINDOW_SQUASH)),
            "cues_near": float(cues_near), "cues_far": float(cues_far)}


FEATURES: tuple[str, ...] = ("clause", "sentence", "window", "patient", "agent", "speaker",
                             "cues_near", "cues_far")


def target_features(text: str, start: int, end: int,
                    others: Sequence[tuple[int, int]] = ()) -> dict[str, float]:
    """Rule features for the target at ``text[start:end]`` (names in :data:`FEATURES`).

    ``clause``/``sentence``: VADER compound of the target's clause / the whole text, mention
    masked; ``window``: distance-weighted valence; ``patient``/``agent``: -1/0/+1 polarity of an act
    done to / by the target; ``speaker``: 1.0 when the target is near a speech verb;
    ``cues_near``/``cues_far``: distance-weighted count of news cue words (+1/-1).
    ``others``: character spans of other targets in ``text`` (see :func:`_distance_sums`).
    """
    toks = _tokens(text)
    inside = [i for i, (s, e, _) in enumerate(toks) if s < end and e > start]
    sentence = vader_compound(_masked(text, 0, len(text), [(start, end)]))
    if not inside:
        return dict.fromkeys(FEATURES, 0.0) | {"clause": sentence, "sentence": sentence}
    lo, hi = _clause(toks, inside[0], inside[-1])
    clause_text = _masked(text, toks[lo][0], toks[hi - 1][1], [(start, end)])
    patient, agent, speaker = _roles(toks, inside[0], inside[-1])
    other_toks = []
    for a, b in others:
        idx = [i for i, (s, e, _) in enumerate(toks) if s < b and e > a]
        if idx and not (a < end and start < b):
            other_toks.append((idx[0], idx[-1]))
    sums = _distance_sums(text, toks, inside[0], inside[-1], other_toks)
    return {"clause": vader_compound(clause_text), "sentence": sentence, **sums,
            "patient": float(patient), "agent": float(agent), "speaker": float(speaker)}


def combine(features: dict[str, float], rules: Rules = DEFAULT_RULES) -> float:
    """Signed target score from :func:`target_features` under ``rules``."""
    damp = rules.speaker_damping if features["speaker"] else 1.0
    return (damp * (rules.clause_weight * features["clause"]
                    + rules.sentence_weight * features["sentence"]
                    + rules.window_weight * features["window"])
            + rules.patient_weight * features["patient"] + rules.agent_weight * features["agent"]
            + rules.cue_weight * features["cues_far"])


def to_label(scores: Sequence[float] | np.ndarray, *, negative_below: float,
             positive_above: float) -> np.ndarray:
    """Map signed scores to labels: ``< negative_below`` negative, ``> positive_above`` positive."""
    scores = np.asarray(scores, dtype="float64")
    return np.where(scores < negative_below, "negative",
                    np.where(scores > positive_above, "positive", "neutral")).astype(object)


def _text_features(text: str, spans: Sequence[tuple[int, int]],
                   others: Sequence[tuple[int, int]] = ()) -> dict[str, float]:
    """Mean :func:`target_features` over ``spans``, each scored within its own sentence
    (``others``: spans of other targets in the same text)."""
    if not spans:
        compound = vader_compound(text)
        return dict.fromkeys(FEATURES, 0.0) | {"clause": compound, "sentence": compound,
                                                "window": compound}
    from analysis.text import split_sentences

    bounds = split_sentences(text) if len(spans) > 1 or len(text) > 400 else [(0, len(text))]
    rows = []
    for start, end in spans:
        lo, hi = next(((a, b) for a, b in bounds if a <= start and end <= b), (0, len(text)))
        inner = [(a - lo, b - lo) for a, b in others if lo <= a and b <= hi]
        rows.append(target_features(text[lo:hi], start - lo, end - lo, inner))
    return {name: float(np.mean([r[name] for r in rows])) for name in FEATURES}


def other_target_spans(texts: Sequence[str],
                       spans: Sequence[Sequence[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
    """For each row, the spans of the *other* rows with the same text (other targets of that
    sentence), minus those overlapping the row's own spans.

    >>> other_target_spans(["A met B.", "A met B.", "C"], [[(0, 1)], [(6, 7)], [(0, 1)]])
    [[(6, 7)], [(0, 1)], []]
    """
    by_text: dict[str, set[tuple[int, int]]] = {}
    for text, row_spans in zip(texts, spans, strict=True):
        by_text.setdefault(text, set()).update(row_spans)
    out = []
    for text, row_spans in zip(texts, spans, strict=True):
        out.append(sorted(o for o in by_text[text]
                          if not any(o[0] < e and s < o[1] for s, e in row_spans)))
    return out


def feature_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Rule features (:data:`FEATURES`) per row of a frame with ``text`` and optional
    ``target`` / ``start`` / ``end`` (see :func:`target_spans`). Rows sharing a text are each
    other's "other targets"."""
    spans = target_spans(frame)
    texts = frame["text"].tolist()
    others = other_target_spans(texts, spans)
    rows = [_text_features(t, s, o) for t, s, o in zip(texts, spans, others, strict=True)]
    return pd.DataFrame(rows, columns=list(FEATURES), index=frame.index, dtype="float64")


def score_targets(frame: pd.DataFrame, *, rules: Rules = DEFAULT_RULES) -> pd.DataFrame:
    """Target-aware sentiment without training: a copy of ``frame`` plus ``target_score`` and
    ``predicted`` (negative/neutral/positive).

    >>> df = pd.DataFrame({"text": ["Police arrested Doe."], "target": ["Doe"]})
    >>> score_targets(df)["predicted"].tolist()
    ['negative']
    """
    features = feature_frame(frame)
    scores = [combine(row, rules) for row in features.to_dict("records")]
    out = frame.copy()
    out["target_score"] = np.asarray(scores, dtype="float64")
    out["predicted"] = to_label(scores, negative_below=rules.negative_below,
                                positive_above=rules.positive_above)
    return out
