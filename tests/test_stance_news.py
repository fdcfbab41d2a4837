"""The rule-based stance on hand-annotated news it was not built on (tests/fixtures/stance_news).

The fixture holds six blind batches (41 to 46: five articles each, written and annotated by
authors who never saw the extractor; 43-44 were used to choose rules, 45-46 were first scored
after those rules, 41-42 were the held-out sets of session 5, scored once at adf9b1c and then
spent) with one merged targets file (aliases only) and one merged gold file. Merging the
targets costs the older batches some pairs: generic aliases of 41-42 ('ban', 'charge', 'cap',
'the deal', 'the project') now match in their articles too. ``first_runs.csv`` records their
first scores, each batch with its own targets file. The pins below are the current scores
with the merged targets: update them when the rules improve (and say so in docs/stance.md).
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
        ["batch45", 49, 15, 42.86], ["batch46", 48, 11, 30.08],
        ["batch41", 46, 18, 52.03], ["batch42", 42, 12, 37.25]]


@pytest.mark.parametrize(("prefix", "counts", "f_avg"), [
    ("b41_", [46, 28, 25, 0, 21, 3], 67.54),
    ("b42_", [42, 26, 21, 0, 21, 5], 61.76),
    ("b43_", [46, 25, 20, 0, 26, 5], 55.81),
    ("b44_", [49, 38, 23, 0, 26, 15], 51.66),
    ("b45_", [49, 32, 25, 0, 24, 7], 60.89),
    ("b46_", [48, 28, 16, 0, 32, 12], 42.11),
    ("b4", [280, 177, 130, 0, 150, 47], 56.63),
])
def test_fixture_scores_are_pinned(outcomes, prefix, counts, f_avg):
    s = _batch(outcomes, prefix)
    assert [s[k] for k in COUNTS] == counts
    assert round(100 * s["f_avg"], 2) == f_avg


@pytest.mark.parametrize(("batch", "counts", "f_avg"), [
    ("batch47", [56, 28, 14, 2, 40, 12], 33.47),
    ("batch48", [57, 24, 12, 1, 44, 11], 27.65),
])
def test_held_out_batches_score_as_recorded_in_the_docs(batch, counts, f_avg):
    # tests/fixtures/stance_holdout: two batches by authors who never saw the extractor, each
    # with its own targets file, kept out of all tuning and scored once after the last
    # session-5 rule (session-4 rules: F_avg 20.2 and 12.6). A rule change that moves them must
    # say so. (Batches 41-42, the first held-out pair, are tuning fixtures in stance_news.)
    s = stance_scores(validate_stance_rules(ROOT / "tests" / "fixtures" / "stance_holdout" / batch))
    assert [s[k] for k in COUNTS] == counts
    assert round(100 * s["f_avg"], 2) == f_avg
