"""Tests for analysis.sentiment_model: the supervised target-aware scorer."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analysis import sentiment_model as sm
from analysis.sentiment_validation import load_labelled

FIXTURES = Path(__file__).parent / "fixtures" / "sentiment_validation"


def _train() -> pd.DataFrame:
    return load_labelled(FIXTURES / "train_tiny.csv")


def test_marked_and_window_texts():
    frame = pd.DataFrame({"text": ["Police arrested Doe today, said Roe."],
                          "target": ["Doe"]})
    assert sm.marked_texts(frame) == ["Police arrested  TGT  today, said Roe."]
    assert sm.window_texts(frame, width=2) == ["l_police l_arrested r_today r_said"]
    offsets = pd.DataFrame({"text": ["Doe met Doe."], "start": [8], "end": [11]})
    assert sm.marked_texts(offsets) == ["Doe met  TGT ."]


def test_fit_is_deterministic():
    train = _train()
    first, second = sm.fit_model(train), sm.fit_model(train)
    np.testing.assert_array_equal(first.classifier.coef_, second.classifier.coef_)
    test = load_labelled(FIXTURES / "targets.csv")
    np.testing.assert_array_equal(sm.predict(first, test), sm.predict(second, test))
    assert set(sm.predict(first, test)) <= {"negative", "neutral", "positive"}


def test_fit_learns_the_tiny_training_set():
    train = _train()
    model = sm.fit_model(train)
    assert sm.predict(model, train).tolist() == train["label"].tolist()


def test_target_marking_generalises_to_new_names():
    model = sm.fit_model(_train())
    unseen = pd.DataFrame({"text": ["Police arrested Poe.", "The board praised Poe."],
                           "target": ["Poe", "Poe"]})
    assert sm.predict(model, unseen).tolist() == ["negative", "positive"]


def test_baseline_is_deterministic_and_does_not_mutate():
    train = _train()
    before = train.copy()
    a, b = sm.fit_baseline(train), sm.fit_baseline(train)
    np.testing.assert_array_equal(sm.predict(a, train), sm.predict(b, train))
    pd.testing.assert_frame_equal(train, before)
