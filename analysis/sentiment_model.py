"""Supervised target-aware sentiment (scikit-learn), fit at run time on the user's labelled rows.

Features of a row (``text``, ``label`` and optional ``target`` / ``start`` / ``end``):

* word 1-2-grams and char 2-5-grams (TF-IDF) of the text with every target mention replaced by
  the token ``TGT``, so "TGT was arrested" and "arrested TGT" are learnt for any name;
* the 6 words left and right of each mention, as separate ``l_word`` / ``r_word`` features;
* the rule features of :mod:`analysis.target_sentiment` (clause/window VADER, what happens to
  the target, speaker), stacked in as dense columns.

A linear SVM (``LinearSVC``, C = 0.2 chosen by 3-fold grouped cross-validation on NewsMTSC
train, balanced class weights, fixed ``random_state``) learns from them.
Nothing is pickled: the model is fit from the training file every run (seconds on 9k rows).
:func:`fit_baseline` is the plain reference: TF-IDF of the text + logistic regression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

from analysis.target_sentiment import feature_frame, target_spans

_WORD = re.compile(r"\w+(?:['’]\w+)*")
TARGET_TOKEN = "TGT"


@dataclass(frozen=True)
class SentimentModel:
    """A fitted scorer: text vectorizers, the classifier and whether rule features are stacked."""

    vectorizers: tuple[TfidfVectorizer, ...]
    classifier: LinearSVC | LogisticRegression
    kind: str
    rule_scale: float = 2.0


def marked_texts(frame: pd.DataFrame) -> list[str]:
    """Texts with each target span replaced by `` TGT ``.

    >>> marked_texts(pd.DataFrame({"text": ["Police arrested Doe."], "target": ["Doe"]}))
    ['Police arrested  TGT .']
    """
    out = []
    for text, spans in zip(frame["text"], target_spans(frame), strict=True):
        parts, pos = [], 0
        for start, end in spans:
            parts += [text[pos:start], f" {TARGET_TOKEN} "]
            pos = end
        out.append("".join(parts) + text[pos:])
    return out


def window_texts(frame: pd.DataFrame, *, width: int = 6) -> list[str]:
    """The ``width`` words left (``l_``) and right (``r_``) of each target span, lower-cased.

    >>> window_texts(pd.DataFrame({"text": ["Police arrested Doe today."], "target": ["Doe"]}))
    ['l_police l_arrested r_today']
    """
    out = []
    for text, spans in zip(frame["text"], target_spans(frame), strict=True):
        words = []
        for start, end in spans:
            left = _WORD.findall(text[max(0, start - 200):start].lower())[-width:]
            right = _WORD.findall(text[end:end + 200].lower())[:width]
            words += ["l_" + w for w in left] + ["r_" + w for w in right]
        out.append(" ".join(words))
    return out


def _vectorizers() -> tuple[TfidfVectorizer, ...]:
    return (
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True, token_pattern=r"\S+"),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True,
                        max_features=100_000),
    )


def _matrix(model_parts: tuple[TfidfVectorizer, ...], frame: pd.DataFrame, *, fit: bool,
            rule_scale: float) -> sp.csr_matrix:
    marked = marked_texts(frame)
    inputs = (marked, window_texts(frame), marked)
    mats = [v.fit_transform(x) if fit else v.transform(x)
            for v, x in zip(model_parts, inputs, strict=True)]
    mats.append(sp.csr_matrix(feature_frame(frame).to_numpy() * rule_scale))
    return sp.hstack(mats).tocsr()


def fit_model(train: pd.DataFrame, *, C: float = 0.2, random_state: int = 0) -> SentimentModel:
    """Fit the target-aware supervised scorer on rows with ``text`` and ``label``.

    Example: ``predict(fit_model(train), dev)`` -> array of labels.
    """
    vectorizers = _vectorizers()
    X = _matrix(vectorizers, train, fit=True, rule_scale=2.0)
    classifier = LinearSVC(C=C, class_weight="balanced", random_state=random_state)
    classifier.fit(X, train["label"].to_numpy())
    return SentimentModel(vectorizers, classifier, "target")


def fit_baseline(train: pd.DataFrame, *, random_state: int = 0) -> SentimentModel:
    """Plain reference: TF-IDF (word 1-2-grams) of the whole text + logistic regression."""
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    X = vectorizer.fit_transform(train["text"])
    classifier = LogisticRegression(max_iter=2000, random_state=random_state)
    classifier.fit(X, train["label"].to_numpy())
    return SentimentModel((vectorizer,), classifier, "baseline")


def predict(model: SentimentModel, frame: pd.DataFrame) -> np.ndarray:
    """Predicted labels (negative/neutral/positive) for the rows of ``frame``."""
    if model.kind == "baseline":
        X = model.vectorizers[0].transform(frame["text"])
    else:
        X = _matrix(model.vectorizers, frame, fit=False, rule_scale=model.rule_scale)
    return np.asarray(model.classifier.predict(X), dtype=object)
