"""Tests for analysis.scale and analysis.pipeline: the Dask engine gives the pandas engine's values.

A LocalCluster with two thread workers (processes=False: in-process transport, no network,
no dashboard) is shared by the module and closed at the end; the corpus is hand-written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from analysis import cache, pipeline, scale
from analysis.corpus import load_articles
from analysis.pipeline import STAGES

# dask's Parquet reader still calls reset_index(inplace=True), deprecated in pandas 3.1
pytestmark = pytest.mark.filterwarnings("ignore::pandas.errors.Pandas4Warning")

READY = STAGES  # every stage: sentences, tokens, counts, sentiment, quotes

ROWS = [
    {"id": "a1", "title": "Markets rally", "date": "2024-03-01",
     "body": "Stocks rose sharply on Monday. Traders were happy with the strong results.\n\n"
             '"This is a great day for investors," said Anna Berg, a broker.'},
    {"id": "a2", "title": "Storm damage", "date": "2024-03-02",
     "body": "A storm destroyed homes in the north. Officials warned of more bad weather.\n\n"
             '"We are afraid," one resident told reporters. "Nobody helped us."'},
    {"id": "a3", "title": "", "date": "2024-03-03", "body": ""},
    {"id": "a4", "title": "Budget talks", "date": "not a date",
     "body": "Ministers met in Paris. The U.S. delegation arrived late.\n\n"
             "Talks went on past midnight, and no deal was reached."},
    {"id": "a5", "title": "Markets rally again", "date": "2024-03-05",
     "body": "Stocks rose sharply on Monday. Traders were happy with the strong results.\n\n"
             '"This is a great day for investors," said Anna Berg, a broker.'},
    {"id": "a1", "title": "Same id", "date": "2024-03-06",
     "body": "Prices of bread rose by 3.5 pct. Bakers said flour cost more."},
    {"id": "a7", "title": "Weather", "date": "2024-03-07",
     "body": "Sunny skies are expected. Farmers welcomed the rain last week."},
]
TXT = {
    "one.txt": "Rates held steady\n\nThe central bank kept rates unchanged on Tuesday.\n\n"
               "\"We will stay patient,\" the governor said.\n\nJ.Doe--ECO",
    "two.txt": "Flood warning\n\nRivers rose across the region. Roads were closed.\n\nA.Lee--NEWS",
    "sub/three.txt": "Rates held steady\n\nThe central bank kept rates unchanged on Tuesday.\n\n"
                     "\"We will stay patient,\" the governor said.\n\nJ.Doe--ECO",
    "empty.txt": "",
    "four.txt": "Talks\n\nLeaders met. They disagreed strongly and left angry.\n\nB.Roe--POL",
}


def values(frame: pd.DataFrame) -> pd.DataFrame:
    """Compare values, not dtypes: plain objects with None for every missing value."""
    frame = frame.reset_index(drop=True).astype(object)
    return frame.where(frame.notna(), None)


def assert_same(pandas_result: scale.PipelineResult, dask_result: scale.PipelineResult) -> None:
    for name in ("articles", *[s for s in READY if s != "counts"]):
        expected, got = getattr(pandas_result, name), getattr(dask_result, name).compute()
        assert list(got.columns) == list(expected.columns), name
        pd.testing.assert_frame_equal(values(got), values(expected), obj=name)
    if "counts" in READY:
        pd.testing.assert_frame_equal(dask_result.counts, pandas_result.counts)
    order = ["input", "reason"]
    pd.testing.assert_frame_equal(values(dask_result.problems.sort_values(order)),
                                  values(pandas_result.problems.sort_values(order)))


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps(row) for row in ROWS]
    lines.insert(3, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def txt_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "txt"
    for name, text in TXT.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run(source, engine: str, tmp_path: Path, **options) -> scale.PipelineResult:
    options = {"stages": READY, "cache_dir": tmp_path / "cache", "partition_size": 2,
               "progress": False} | options
    return scale.run_pipeline(source, engine=engine, **options)


def test_dask_equals_pandas_on_jsonl(jsonl: Path, tmp_path: Path, client) -> None:
    expected = run(jsonl, "pandas", tmp_path)
    got = run(jsonl, "dask", tmp_path, scheduler=client)
    assert got.articles.npartitions == 4  # 8 lines, 2 per partition
    assert_same(expected, got)
    # corpus-wide rules hold across partitions: repeated ids, duplicate bodies
    articles = got.articles.compute()
    assert articles["doc_id"].tolist() == ["a1", "a2", "a4", "a5", "a1~2", "a7"]
    assert articles["duplicate_of"].tolist()[3] == "a1"
    assert sorted(got.problems["input"].str.rsplit(":", n=1).str[1]) == ["3", "4"]
    # and they equal what load_articles gives on the whole file
    pd.testing.assert_frame_equal(values(articles), values(load_articles(jsonl).articles))


def test_dask_equals_pandas_on_txt_folder(txt_folder: Path, tmp_path: Path, client) -> None:
    expected = run(txt_folder, "pandas", tmp_path)
    got = run(txt_folder, "dask", tmp_path, scheduler=client)
    assert_same(expected, got)
    articles = got.articles.compute()
    assert articles["doc_id"].tolist() == ["four", "one", "sub/three", "two"]
    assert articles["duplicate_of"].tolist()[2] == "one"
    assert got.problems["reason"].tolist() == ["empty file"]


def test_dask_equals_pandas_on_parquet_parts(tmp_path: Path, client) -> None:
    folder = tmp_path / "parts"
    folder.mkdir()
    frame = pd.DataFrame(ROWS)
    frame.iloc[:3].to_parquet(folder / "part-0.parquet", index=False)
    frame.iloc[3:].to_parquet(folder / "part-1.parquet", index=False, row_group_size=2)
    expected = run(folder, "pandas", tmp_path)
    got = run(folder, "dask", tmp_path, scheduler=client)
    assert got.articles.npartitions == 3  # one per row group
    assert_same(expected, got)
    assert len(expected.articles) == 6
    assert expected.problems["input"].tolist() == [f"{folder}:3"]


def test_dataframe_source_and_local_scheduler(tmp_path: Path) -> None:
    frame = pd.DataFrame(ROWS)
    expected = run(frame, "pandas", tmp_path, cache=False)
    got = run(frame, "dask", tmp_path, scheduler="sync")
    assert_same(expected, got)
    pd.testing.assert_frame_equal(values(expected.articles), values(load_articles(frame).articles))


def test_term_counts_reduce_to_the_frequency_counts(jsonl: Path) -> None:
    from analysis import frequency, text

    articles = load_articles(jsonl).articles
    partials = pd.concat([pipeline.counts_stage(part) for part in pipeline.chunks(articles, 2)])
    expected = frequency.term_counts(text.tokens(articles))
    pd.testing.assert_frame_equal(pipeline.reduce_counts(partials), expected)
    head = pipeline.reduce_counts(partials).head(3)
    assert head[["term", "count"]].values.tolist() == [["rose", 3], ["anna", 2], ["berg", 2]]


def test_each_partition_is_processed_once(jsonl: Path, tmp_path: Path, monkeypatch) -> None:
    calls = []
    original = pipeline.process_partition

    def counting(articles, **options):
        calls.append(len(articles))
        return original(articles, **options)

    monkeypatch.setattr(pipeline, "process_partition", counting)
    run(jsonl, "dask", tmp_path, scheduler="sync")
    # partitions of 2, 0, 2, 2 articles, plus two sample runs that fix the output types
    # (no article, then the first partition with the type probe article)
    assert sorted(calls) == [0, 0, 2, 2, 2, 3]


def test_interrupt_leaves_no_cache_entry(jsonl: Path, tmp_path: Path, monkeypatch) -> None:
    original = pipeline.process_partition

    def interrupted(articles, **options):
        if "a5" in articles["doc_id"].tolist():
            raise KeyboardInterrupt
        return original(articles, **options)

    monkeypatch.setattr(pipeline, "process_partition", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run(jsonl, "dask", tmp_path, scheduler="sync")
    root = tmp_path / "cache"
    assert list(root.iterdir()) == []  # no entry, no temporary folder
    monkeypatch.setattr(pipeline, "process_partition", original)
    result = run(jsonl, "dask", tmp_path, scheduler="sync")
    assert not result.cache_hit and cache.lookup(result.location.name, root=root) is not None


def test_dask_rerun_is_a_cache_hit(jsonl: Path, tmp_path: Path, monkeypatch) -> None:
    first = run(jsonl, "dask", tmp_path, scheduler="sync")
    monkeypatch.setattr(scale, "run_dask", lambda *a, **k: pytest.fail("recomputed"))
    again = run(jsonl, "dask", tmp_path, scheduler="sync")
    assert again.cache_hit and again.location == first.location
    assert_same(first._replace(**{n: getattr(first, n).compute() for n in
                                  ("articles", *[s for s in READY if s != "counts"])}), again)


def test_unknown_engine_and_stage(jsonl: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="engine"):
        run(jsonl, "spark", tmp_path, cache=False)
    with pytest.raises(ValueError, match="unknown stages"):
        pipeline.process_partition(load_articles(jsonl).articles, stages=("lemmas",))


def test_ctrl_c_while_waiting_cancels_the_cluster_work() -> None:
    class Client:  # stands in for distributed.Client: Ctrl-C arrives while gathering
        cancelled = None

        def compute(self, collections):
            return ["future"]

        def gather(self, futures):
            raise KeyboardInterrupt

        def cancel(self, futures):
            Client.cancelled = futures

    with pytest.raises(KeyboardInterrupt):
        scale.compute("graph", client=Client(), progress=False)
    assert Client.cancelled == ["future"]
