"""The rule-based stance on hand-annotated news it was not built on (tests/fixtures/stance_news).

The fixture holds four blind batches (43 to 46: five articles each, written and annotated by
authors who never saw the extractor; 43-44 were used to choose rules, 45-46 were first scored
after those rules and are the fairer measure) with one merged targets file (aliases only) and
one merged gold file. ``first_runs.csv`` records their first scores, each batch with its own
targets file. The pins below are the current scores with the merged targets: update them
when the rules improve (and say so in docs/stance.md).
"""

import pandas as pd
import pytest

from analysis.paths import ROOT
from analysis.stance_validation import stance_scores, validate_stance_rules

FIXTURE = ROOT / "tests" / "fixtures" / "stance_news"
COUNTS = ("gold", "predicted", "right", "wrong_polarity", "missed", "extra")


@pytest.fixture(scope="module")
def outcomes() -> pd.DataFrame:
    return validate_stance_rules(FIXTURE)


def _batch(outcomes: pd.DataFrame, prefix: str) -> dict[str, float]:
    return stance_scores(outcomes[outcomes["doc_id"].str.startswith(prefix)])


def test_first_runs_are_recorded():
    runs = pd.read_csv(FIXTURE / "first_runs.csv")
    assert runs[["batch", "gold", "right", "F_avg"]].values.tolist() == [
        ["batch43", 46, 2, 6.06], ["batch44", 49, 8, 24.27],
        ["batch45", 49, 15, 42.86], ["batch46", 48, 11, 30.08]]


@pytest.mark.parametrize(("prefix", "counts", "f_avg"), [
    ("b43_", [46, 25, 23, 0, 23, 2], 64.76),
    ("b44_", [49, 32, 27, 0, 22, 5], 65.58),
    ("b45_", [49, 28, 23, 1, 25, 4], 59.15),
    ("b46_", [48, 25, 18, 0, 30, 7], 49.32),
    ("b4", [192, 110, 91, 1, 100, 18], 59.86),
])
def test_fixture_scores_are_pinned(outcomes, prefix, counts, f_avg):
    s = _batch(outcomes, prefix)
    assert [s[k] for k in COUNTS] == counts
    assert round(100 * s["f_avg"], 2) == f_avg


@pytest.mark.parametrize(("batch", "counts", "f_avg"), [
    ("batch41", [46, 23, 18, 4, 24, 1], 52.03),
    ("batch42", [42, 22, 12, 6, 24, 4], 37.25),
])
def test_held_out_batches_score_as_recorded_in_the_docs(batch, counts, f_avg):
    # tests/fixtures/stance_holdout: two batches by authors who never saw the extractor, each
    # with its own targets file, kept out of all tuning and scored once at the end of session 5
    # (session-4 rules: F_avg 20.00 and 15.69). A rule change that moves them must say so.
    s = stance_scores(validate_stance_rules(ROOT / "tests" / "fixtures" / "stance_holdout" / batch))
    assert [s[k] for k in COUNTS] == counts
    assert round(100 * s["f_avg"], 2) == f_avg
