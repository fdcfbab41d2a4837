"""Term frequencies, n-grams and collocations from a tokens frame, grouped by any column.

Every function takes the tokens frame of :func:`analysis.text.tokens` (plus any metadata columns
attached with :func:`attach`) and returns a new tidy frame, ranked by count (descending) and
then term (ascending), so the order never depends on hashing or input order.

How a token becomes a *term* is one :class:`Terms` value: case folding, stop words, optional
stemming or lemmatizing, minimum length, words only. All of it is decided once per distinct
token text (the vocabulary), never per token, which keeps large corpora cheap.

>>> import pandas as pd
>>> toks = pd.DataFrame({"doc_id": "d", "para_id": 0, "sent_id": 0, "tok_id": [0, 1, 2],
...                      "text": ["Peace", "and", "peace"]})
>>> term_counts(toks)[["term", "count"]].to_dict("records")
[{'term': 'peace', 'count': 2}]
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal, NamedTuple

import numpy as np
import pandas as pd

from analysis.text import STOPWORDS, TOKEN_RE

Normalize = Literal["none", "porter", "snowball", "wordnet"]
Within = Literal["sentence", "paragraph", "document"]
Measure = Literal[
    "likelihood_ratio", "pmi", "chi_sq", "student_t", "dice", "poisson_stirling", "raw_freq"
]

_ALPHA_RE = re.compile(r"[^\W\d_]")  # same test as analysis.text: "contains a letter"
_WORD_RE = re.compile(r"\w")  # a word token (letters or digits), counted in n_words
_UNIT = {"sentence": "sent_id", "paragraph": "para_id", "document": None}
_SMALL = 1e-20  # NLTK's guard against log(0) and division by zero


@dataclass(frozen=True)
class Terms:
    """How tokens become counted terms.

    Args:
        stop_words: lower-case words to drop (default :data:`analysis.text.STOPWORDS`);
            None keeps all.
        lowercase: fold case ("NATO" and "Nato" count together as "nato").
        normalize: "none", "porter" or "snowball" stems, or "wordnet" lemmas (WordNet data is
            used only when installed; otherwise Snowball stems are used, with one warning).
        min_length: shortest token (in characters) to keep.
        alpha_only: keep only tokens containing a letter (drops numbers and punctuation).
    """

    stop_words: frozenset[str] | None = STOPWORDS
    lowercase: bool = True
    normalize: Normalize = "none"
    min_length: int = 2
    alpha_only: bool = True


DEFAULT_TERMS = Terms()
ALL_TOKENS = Terms(stop_words=None, lowercase=False, min_length=1, alpha_only=False)


def vocabulary(words: Sequence[str], terms: Terms = DEFAULT_TERMS) -> pd.DataFrame:
    """Decide, for each distinct token text, its term, whether it is kept and whether it is a word.

    Returns:
        Frame indexed like ``words`` with columns ``term`` (str), ``keep`` and ``is_word`` (bool).

    >>> vocabulary(["The", "Talks", "42"])["keep"].tolist()
    [False, True, False]
    """
    words = pd.Series(list(words), dtype=object)
    lower = words.str.lower()
    term = lower if terms.lowercase else words
    if terms.normalize != "none":
        term = lower.map(_normalizer(terms.normalize))
    keep = lower.str.len() >= terms.min_length
    if terms.alpha_only:
        keep &= words.map(lambda w: _ALPHA_RE.search(w) is not None).astype(bool)
    if terms.stop_words is not None:
        keep &= ~lower.isin(terms.stop_words)
    is_word = words.map(lambda w: _WORD_RE.search(w) is not None).astype(bool)
    return pd.DataFrame({"term": term.astype(object), "keep": keep.astype(bool),
                         "is_word": is_word})


@cache
def _normalizer(name: Normalize) -> Callable[[str], str]:
    """A cached word -> stem/lemma function (WordNet falls back to Snowball when missing)."""
    from nltk.stem import PorterStemmer, SnowballStemmer

    if name == "wordnet":
        try:
            from nltk.corpus import wordnet
            from nltk.stem import WordNetLemmatizer

            wordnet.ensure_loaded()
            return cache(WordNetLemmatizer().lemmatize)
        except LookupError:
            warnings.warn("NLTK WordNet data is not installed; using the Snowball stemmer "
                          "instead of lemmas (install it with nltk.download('wordnet')).",
                          stacklevel=3)
            name = "snowball"
    stemmer = PorterStemmer() if name == "porter" else SnowballStemmer("english")
    return cache(stemmer.stem)


def attach(tokens: pd.DataFrame, articles: pd.DataFrame,
           columns: str | Sequence[str]) -> pd.DataFrame:
    """Return ``tokens`` with article metadata ``columns`` (e.g. "category") joined on doc_id."""
    columns = [columns] if isinstance(columns, str) else list(columns)
    meta = articles[["doc_id", *[c for c in columns if c not in tokens.columns]]]
    return tokens.merge(meta, on="doc_id", how="left", validate="many_to_one")


def _keys(by: str | Sequence[str] | None, frame: pd.DataFrame | None = None) -> list[str]:
    """``by`` as a list of column names, checked against ``frame`` when given."""
    keys = [] if by is None else [by] if isinstance(by, str) else list(by)
    missing = [k for k in keys if frame is not None and k not in frame.columns]
    if missing:
        raise KeyError(f"group column(s) {missing} not in the frame; add article metadata "
                       f"with attach(tokens, articles, {missing[0]!r})")
    return keys


def _distinct(tokens: pd.DataFrame, terms: Terms) -> tuple[np.ndarray, pd.DataFrame]:
    """Code of each token's text and the :func:`vocabulary` of the distinct texts."""
    codes, uniques = pd.factorize(tokens["text"], use_na_sentinel=False)
    return codes, vocabulary(uniques, terms)


def _mark(tokens: pd.DataFrame, terms: Terms) -> pd.DataFrame:
    """Columns term / keep / is_word for every token, decided once per distinct text."""
    codes, vocab = _distinct(tokens, terms)
    return pd.DataFrame({c: vocab[c].to_numpy()[codes] for c in vocab.columns},
                        index=tokens.index)


def _rank(counts: pd.DataFrame, keys: list[str], label: str) -> pd.DataFrame:
    """Sort by group, count desc, label asc; add a 1-based ``rank`` within each group."""
    out = counts.sort_values([*keys, "count", label], ascending=[True] * len(keys) + [False, True],
                             kind="mergesort").reset_index(drop=True)
    out["rank"] = (out.groupby(keys, sort=False, dropna=False).cumcount() if keys
                   else pd.Series(np.arange(len(out)))) + 1
    return out


def _finish(counts: pd.Series, totals: pd.Series, keys: list[str], label: str,
            total_name: str) -> pd.DataFrame:
    """Counts indexed by (*keys, label) -> ranked frame with totals and relative frequencies."""
    out = counts.rename("count").reset_index()
    if keys:
        out = out.merge(totals.rename(total_name).reset_index(), on=keys, how="left")
    else:
        out[total_name] = int(totals.sum())
    out["count"] = out["count"].astype("int64")
    out[total_name] = out[total_name].fillna(0).astype("int64")
    out["rel_freq"] = out["count"] / out[total_name].where(out[total_name] > 0)
    out[label] = out[label].astype("str")
    return _rank(out, keys, label)[[*keys, label, "count", total_name, "rel_freq", "rank"]]


def term_counts(tokens: pd.DataFrame, *, by: str | Sequence[str] | None = None,
                terms: Terms = DEFAULT_TERMS) -> pd.DataFrame:
    """Count terms in the whole corpus or per group.

    Args:
        tokens: tokens frame (``text`` column, plus ``by`` columns; see :func:`attach`).
        by: group column(s), e.g. "doc_id" or "category"; None for the whole corpus.
        terms: how tokens become terms (:class:`Terms`).

    Returns:
        ``*by, term, count, n_words, rel_freq, rank``: ``n_words`` counts every word token of
        the group (stop words included, punctuation not), ``rel_freq = count / n_words``.
    """
    keys = _keys(by, tokens)
    if not keys:
        return _corpus_term_counts(tokens, terms)
    marks = _mark(tokens, terms)
    frame = pd.concat([tokens[keys], marks], axis=1)
    words = frame[frame["is_word"]]
    totals = words.groupby(keys, dropna=False).size() if keys else frame["is_word"]
    kept = frame[frame["keep"]]
    counts = kept.groupby([*keys, "term"], sort=False, dropna=False).size()
    return _finish(counts, totals, keys, "term", "n_words")


def _corpus_term_counts(tokens: pd.DataFrame, terms: Terms) -> pd.DataFrame:
    """:func:`term_counts` without groups: count distinct texts once, then merge into terms."""
    codes, vocab = _distinct(tokens, terms)
    per_text = np.bincount(codes, minlength=len(vocab))
    n_words = pd.Series([int(per_text[vocab["is_word"].to_numpy()].sum())])
    kept = vocab["keep"].to_numpy()
    counts = pd.Series(per_text[kept], index=pd.Index(vocab["term"].to_numpy()[kept], name="term"))
    return _finish(counts.groupby(level="term", sort=False).sum(), n_words, [], "term", "n_words")


def _units(tokens: pd.DataFrame, within: Within) -> np.ndarray:
    """Integer id of the unit (sentence, paragraph or document) of each token, in token order."""
    cols = ["doc_id"] + ([_UNIT[within]] if _UNIT[within] else [])
    change = np.zeros(len(tokens), dtype=bool)
    for col in cols:
        values = tokens[col].to_numpy()
        change[1:] |= values[1:] != values[:-1]
    return np.cumsum(change)


def _ngram_positions(tokens: pd.DataFrame, marks: pd.DataFrame, n: int,
                     within: Within) -> np.ndarray:
    """Start positions of n-grams lying inside one unit with every token kept."""
    if len(tokens) < n:
        return np.array([], dtype=np.int64)
    units = _units(tokens, within)
    keep = marks["keep"].to_numpy()
    m = len(tokens) - n + 1
    valid = units[n - 1:] == units[:m]
    for k in range(n):
        valid &= keep[k:k + m]
    return np.flatnonzero(valid)


def _join(term: np.ndarray, starts: np.ndarray, n: int) -> pd.Series:
    """The n-grams starting at ``starts`` as space-joined strings."""
    out = pd.Series(term[starts], dtype=object)
    for k in range(1, n):
        out = out + " " + pd.Series(term[starts + k], dtype=object)
    return out


def ngram_counts(tokens: pd.DataFrame, *, n: int = 2, by: str | Sequence[str] | None = None,
                 within: Within = "sentence", terms: Terms = DEFAULT_TERMS) -> pd.DataFrame:
    """Count n-grams of adjacent kept terms (an n-gram never spans a dropped token or a unit).

    Args:
        tokens: tokens frame in token order.
        n: 2 for bigrams, 3 for trigrams...
        by: group column(s), or None.
        within: n-grams never cross a "sentence", "paragraph" or "document" boundary.
        terms: how tokens become terms; an n-gram containing a dropped token is not counted.

    Returns:
        ``*by, ngram, count, n_ngrams, rel_freq, rank`` with ``ngram`` space-joined.
    """
    keys = _keys(by, tokens)
    marks = _mark(tokens, terms)
    starts = _ngram_positions(tokens, marks, n, within)
    frame = tokens[keys].iloc[starts].reset_index(drop=True)
    frame["ngram"] = _join(marks["term"].to_numpy(), starts, n)
    counts = frame.groupby([*keys, "ngram"], sort=False, dropna=False).size()
    totals = frame.groupby(keys, dropna=False).size() if keys else pd.Series([len(frame)])
    return _finish(counts, totals, keys, "ngram", "n_ngrams")


def association(n_ii: np.ndarray, n_ix: np.ndarray, n_xi: np.ndarray, n_xx: float, *,
                measure: Measure = "likelihood_ratio") -> np.ndarray:
    """NLTK's ``BigramAssocMeasures`` scores, vectorised (same formulas, same 1e-20 guards).

    Args:
        n_ii: bigram counts; n_ix / n_xi: counts of its first / second word; n_xx: all words.
        measure: the NLTK measure name.
    """
    n_ii, n_ix, n_xi = (np.asarray(a, dtype=float) for a in (n_ii, n_ix, n_xi))
    expected = n_ix * n_xi / n_xx
    if measure == "raw_freq":
        return n_ii / n_xx
    if measure == "pmi":
        return np.log2(n_ii * n_xx) - np.log2(n_ix * n_xi)
    if measure == "student_t":
        return (n_ii - expected) / np.sqrt(n_ii + _SMALL)
    if measure == "dice":
        return 2 * n_ii / (n_ix + n_xi)
    if measure == "poisson_stirling":
        return n_ii * (np.log2(n_ii / expected) - 1)
    n_oi, n_io = n_xi - n_ii, n_ix - n_ii
    n_oo = n_xx - n_ii - n_oi - n_io
    if measure == "chi_sq":
        return n_xx * (n_ii * n_oo - n_io * n_oi) ** 2 / (
            (n_ii + n_io) * (n_ii + n_oi) * (n_io + n_oo) * (n_oi + n_oo))
    if measure != "likelihood_ratio":
        raise ValueError(f"unknown measure {measure!r}")
    cont = [n_ii, n_oi, n_io, n_oo]
    total = np.zeros_like(n_ii)
    for i in range(4):
        exp = (cont[i] + cont[i ^ 1]) * (cont[i] + cont[i ^ 2]) / n_xx
        total += cont[i] * np.log(cont[i] / (exp + _SMALL) + _SMALL)
    return 2 * total


def collocations(tokens: pd.DataFrame, *, measure: Measure = "likelihood_ratio",
                 min_freq: int = 2, within: Within = "sentence",
                 terms: Terms = DEFAULT_TERMS) -> pd.DataFrame:
    """Score adjacent word pairs as collocations, like NLTK's ``BigramCollocationFinder``.

    Word frequencies and the total come from every token (as the finder's ``word_fd``); candidate
    pairs are adjacent kept terms inside one unit seen at least ``min_freq`` times (the finder's
    ``apply_word_filter`` and ``apply_freq_filter``). Scores equal NLTK's for the same input.

    Returns:
        ``w1, w2, bigram, count, w1_count, w2_count, n_words, score, rank`` ordered by score
        (descending), then w1, w2 (as NLTK's ``score_ngrams``).
    """
    marks = _mark(tokens, terms)
    word_fd = marks["term"].value_counts(sort=False)
    starts = _ngram_positions(tokens, marks, 2, within)
    term = marks["term"].to_numpy()
    pairs = pd.DataFrame({"w1": term[starts], "w2": term[starts + 1]})
    out = pairs.groupby(["w1", "w2"], sort=False).size().rename("count").reset_index()
    out = out[out["count"] >= min_freq].reset_index(drop=True)
    out["bigram"] = out["w1"] + " " + out["w2"]
    out["w1_count"] = word_fd.reindex(out["w1"]).to_numpy()
    out["w2_count"] = word_fd.reindex(out["w2"]).to_numpy()
    out["n_words"] = len(tokens)
    out["score"] = association(out["count"], out["w1_count"], out["w2_count"], len(tokens),
                               measure=measure)
    out = out.astype({"w1": "str", "w2": "str", "bigram": "str", "count": "int64",
                      "w1_count": "int64", "w2_count": "int64", "n_words": "int64"})
    out = out.sort_values(["score", "w1", "w2"], ascending=[False, True, True],
                          kind="mergesort").reset_index(drop=True)
    out["rank"] = np.arange(1, len(out) + 1)
    return out[["w1", "w2", "bigram", "count", "w1_count", "w2_count", "n_words", "score",
                "rank"]]


# --- Fast path: whole corpora straight from article bodies -------------------------------------

BOUNDARY = "\ue000"  # a private-use symbol token marking paragraph / document ends
_SEPARATOR = f" {BOUNDARY} "


class CorpusCounts(NamedTuple):
    """What :func:`count_corpus` returns: frames like :func:`term_counts`, :func:`ngram_counts`."""

    terms: pd.DataFrame
    ngrams: pd.DataFrame


class _Counter:
    """Streaming term and n-gram counter over chunks of text; memory grows with the vocabulary.

    Token texts map to word ids through a dict; each word id maps to a term id (after case
    folding, stemming), a keep flag and a word flag, decided once when the word is first seen.
    An n-gram of term ids is packed into one int64 (``63 // n`` bits per id) while the number
    of terms allows it, else kept as a tuple of ids.
    """

    def __init__(self, terms: Terms, n: int) -> None:
        self.terms, self.n, self.bits = terms, n, 63 // n
        self.word_ids: dict[str, int] = {}
        self.term_ids: dict[str, int] = {}
        self.word_term: list[int] = []
        self.word_keep: list[bool] = []
        self.word_is: list[bool] = []
        self.counts = np.zeros(0, dtype=np.int64)  # term id -> count
        self.pending: list[pd.Series] = []  # per-chunk n-gram counts, reduced now and then
        self.n_words = self.n_ngrams = 0

    def _learn(self, words: list[str]) -> None:
        """Add unseen token texts (and their terms) to the vocabulary."""
        new = sorted(set(words).difference(self.word_ids))
        if not new:
            return
        vocab = vocabulary(new, self.terms)
        for word, term, keep, is_word in zip(new, vocab["term"].tolist(),
                                             vocab["keep"].tolist(), vocab["is_word"].tolist(),
                                             strict=True):
            self.word_ids[word] = len(self.word_ids)
            self.word_term.append(self.term_ids.setdefault(term, len(self.term_ids)))
            self.word_keep.append(keep and word != BOUNDARY)
            self.word_is.append(is_word and word != BOUNDARY)
        grow = len(self.term_ids) - len(self.counts)
        self.counts = np.concatenate([self.counts, np.zeros(grow, dtype=np.int64)])

    def add(self, text: str) -> None:
        """Count the tokens of ``text`` (n-grams never cross a :data:`BOUNDARY` token)."""
        words = TOKEN_RE.findall(text)
        self._learn(words)
        ids = np.fromiter(map(self.word_ids.__getitem__, words), dtype=np.int64, count=len(words))
        keep = np.array(self.word_keep, dtype=bool)[ids]
        term = np.array(self.word_term, dtype=np.int64)[ids]
        self.n_words += int(np.array(self.word_is, dtype=bool)[ids].sum())
        self.counts += np.bincount(term[keep], minlength=len(self.counts))
        m = len(term) - self.n + 1
        if m <= 0:
            return
        valid = keep[:m].copy()
        for k in range(1, self.n):
            valid &= keep[k:k + m]
        starts = np.flatnonzero(valid)
        self.n_ngrams += len(starts)
        counts = self._ngram_counts(term, starts)  # may unpack self.pending: call it first
        self.pending.append(counts)
        if sum(map(len, self.pending)) > 500_000:
            self.pending = [self._reduce()]

    def _packed(self) -> bool:
        return len(self.term_ids) < 2 ** self.bits

    def _ngram_counts(self, term: np.ndarray, starts: np.ndarray) -> pd.Series:
        """Counts of the n-grams at ``starts``, indexed by packed codes or tuples of term ids."""
        if self._packed():
            code = np.zeros(len(starts), dtype=np.int64)
            for k in range(self.n):
                code = (code << self.bits) | term[starts + k]
            return pd.Series(code).value_counts(sort=False)
        self.pending = [self._unpack(p) for p in self.pending]
        return pd.DataFrame({k: term[starts + k] for k in range(self.n)}).value_counts(sort=False)

    def _unpack(self, counts: pd.Series) -> pd.Series:
        """Packed-code counts as counts indexed by tuples of term ids (no-op when unpacked)."""
        if isinstance(counts.index, pd.MultiIndex):
            return counts
        return pd.Series(counts.to_numpy(), index=pd.MultiIndex.from_arrays(self._ids(counts)))

    def _ids(self, counts: pd.Series) -> list[np.ndarray]:
        """The n term-id arrays of the n-grams indexing ``counts``."""
        if isinstance(counts.index, pd.MultiIndex):
            return [counts.index.get_level_values(k).to_numpy() for k in range(self.n)]
        code, mask = counts.index.to_numpy(dtype=np.int64), (1 << self.bits) - 1
        return [(code >> (self.bits * (self.n - 1 - k))) & mask for k in range(self.n)]

    def _reduce(self) -> pd.Series:
        if not self.pending:
            return pd.Series([], dtype=np.int64, index=pd.Index([], dtype=np.int64))
        merged = pd.concat(self.pending)
        levels = list(range(merged.index.nlevels))
        return merged.groupby(level=levels if len(levels) > 1 else 0, sort=False).sum()

    def frames(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(terms: term, count, n_words) and (ngrams: ngram, count, n_ngrams), unranked."""
        names = np.array(list(self.term_ids), dtype=object)
        nz = np.flatnonzero(self.counts)
        terms = pd.DataFrame({"term": names[nz], "count": self.counts[nz],
                              "n_words": self.n_words})
        grams = self._reduce()
        ids = self._ids(grams)
        ngram = pd.Series(names[ids[0]], dtype=object)
        for k in range(1, self.n):
            ngram = ngram + " " + names[ids[k]]
        ngrams = pd.DataFrame({"ngram": ngram.to_numpy(), "count": grams.to_numpy(),
                               "n_ngrams": self.n_ngrams})
        return terms, ngrams


def count_corpus(articles: pd.DataFrame, *, by: str | Sequence[str] | None = None, n: int = 2,
                 terms: Terms = DEFAULT_TERMS,
                 within: Literal["paragraph", "document"] = "paragraph",
                 chunk_size: int = 1000) -> CorpusCounts:
    """Term and n-gram counts straight from ``articles.body``, streaming in chunks of articles.

    Same tokens as :func:`analysis.text.tokens` (the same regular expression over the whole
    body), same result as :func:`term_counts` and :func:`ngram_counts` (``within="paragraph"``
    or "document"), but without building a tokens frame: memory grows with the vocabulary.

    Returns:
        :class:`CorpusCounts` with ``terms`` and ``ngrams`` frames (ranked per group).
    """
    keys = _keys(by, articles)
    groups = articles.groupby(keys, sort=True, dropna=False) if keys else [((), articles)]
    term_parts, ngram_parts = [], []
    for key, part in groups:
        counter = _Counter(terms, n)
        bodies = part["body"].fillna("").astype(str)
        for i in range(0, len(bodies), chunk_size):
            text = _SEPARATOR.join(bodies.iloc[i:i + chunk_size])
            counter.add(text.replace("\n\n", _SEPARATOR) if within == "paragraph" else text)
        t, g = counter.frames()
        values = key if isinstance(key, tuple) else (key,)
        term_parts.append(t.assign(**dict(zip(keys, values, strict=True))))
        ngram_parts.append(g.assign(**dict(zip(keys, values, strict=True))))
    return CorpusCounts(_ranked(term_parts, keys, "term", "n_words"),
                        _ranked(ngram_parts, keys, "ngram", "n_ngrams"))


def _ranked(parts: list[pd.DataFrame], keys: list[str], label: str, total: str) -> pd.DataFrame:
    out = pd.concat(parts, ignore_index=True)
    out = out.astype({label: "str", "count": "int64", total: "int64"})
    out["rel_freq"] = out["count"] / out[total].where(out[total] > 0)
    return _rank(out, keys, label)[[*keys, label, "count", total, "rel_freq", "rank"]]
