"""Tests for analysis.cache: content-hash keys, atomic Parquet entries, pipeline cache hits."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import cache, pipeline, scale

BODY = "Prices rose on Monday. Traders were happy.\n\nOfficials warned of a bad winter."


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(f"Prices\n\n{BODY}\n\nJ.Doe--ECO", encoding="utf-8")
    (folder / "b.txt").write_text("Snow\n\nSnow fell. Schools closed.\n\nA.Lee--NEWS",
                                  encoding="utf-8")
    return folder


def test_content_hash_follows_content_not_time_or_location(corpus: Path, tmp_path: Path) -> None:
    first = cache.content_hash(corpus)
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in corpus.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    assert cache.content_hash(copy) == first
    (copy / "b.txt").write_text("Snow\n\nSnow fell.\n\nA.Lee--NEWS", encoding="utf-8")
    assert cache.content_hash(copy) != first
    (copy / "b.txt").rename(copy / "c.txt")
    assert cache.content_hash(copy) != cache.content_hash(corpus)
    assert cache.content_hash(str(corpus / "*.txt")) == cache.content_hash(corpus)


def test_content_hash_of_frames() -> None:
    frame = pd.DataFrame({"text": ["a b", "c"], "n": [1, 2]})
    assert cache.content_hash(frame) == cache.content_hash(frame.copy())
    assert cache.content_hash(frame) != cache.content_hash(frame.assign(n=[1, 3]))
    assert cache.content_hash(frame) != cache.content_hash(frame.rename(columns={"n": "m"}))
    with pytest.raises(FileNotFoundError):
        cache.content_hash("/nonexistent/folder")


def test_key_depends_on_input_settings_and_code() -> None:
    key = cache.cache_key("abc", {"stages": ["tokens"]}, code="v1")
    assert key == cache.cache_key("abc", {"stages": ["tokens"]}, code="v1")
    assert len({key, cache.cache_key("abd", {"stages": ["tokens"]}, code="v1"),
                cache.cache_key("abc", {"stages": ["counts"]}, code="v1"),
                cache.cache_key("abc", {"stages": ["tokens"]}, code="v2")}) == 4
    assert len(cache.code_version()) == 64


def test_entries_roundtrip_as_parquet_only(tmp_path: Path) -> None:
    frames = {"counts": pd.DataFrame({"term": ["a", "b"], "count": [2, 1]}),
              "empty": pd.DataFrame({"x": pd.Series([], dtype="str")})}
    assert cache.lookup("k1", root=tmp_path) is None
    folder = cache.write_frames("k1", frames, root=tmp_path, manifest={"settings": {"n": 1}})
    assert cache.lookup("k1", root=tmp_path) == folder
    assert sorted(p.name for p in folder.iterdir()) == ["counts.parquet", "empty.parquet",
                                                       "manifest.json"]
    assert cache.read_manifest(folder)["frames"] == ["counts", "empty"]
    back = cache.read_frames(folder)
    pd.testing.assert_frame_equal(back["counts"], frames["counts"])
    assert back["empty"].empty and list(back["empty"].columns) == ["x"]
    assert cache.clear(root=tmp_path) == 1 and cache.lookup("k1", root=tmp_path) is None


def test_a_failed_write_leaves_no_entry(tmp_path: Path) -> None:
    class Broken(pd.DataFrame):
        def to_parquet(self, *args, **kwargs):  # half a file, then the failure
            Path(args[0]).write_bytes(b"PAR1 partial")
            raise KeyboardInterrupt

    frames = {"good": pd.DataFrame({"a": [1]}), "bad": Broken({"a": [1]})}
    with pytest.raises(KeyboardInterrupt):
        cache.write_frames("k2", frames, root=tmp_path)
    assert cache.lookup("k2", root=tmp_path) is None
    assert list(tmp_path.iterdir()) == []  # the temporary folder is gone too
    with pytest.raises(RuntimeError), cache.atomic_entry("k3", root=tmp_path) as tmp:
        (tmp / "x.parquet").write_bytes(b"partial")
        raise RuntimeError("disk full")
    assert list(tmp_path.iterdir()) == []


def test_second_run_is_a_cache_hit(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    calls = []
    original = pipeline.run_stages

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(pipeline, "run_stages", counting)
    options = {"cache_dir": tmp_path / "cache", "stages": ("sentences", "counts"),
               "progress": False}
    first = scale.run_pipeline(corpus, **options)
    again = scale.run_pipeline(corpus, **options)
    assert calls == [1] and not first.cache_hit and again.cache_hit
    assert again.location == first.location
    for name in ("articles", "problems", "sentences", "counts"):
        pd.testing.assert_frame_equal(getattr(again, name), getattr(first, name), obj=name)
    assert again.counts.loc[0, "term"] == "bad" and again.tokens is None  # all count 1
    # other settings or other content: a new entry
    scale.run_pipeline(corpus, **{**options, "stages": ("sentences",)})
    (corpus / "b.txt").write_text("Snow\n\nSnow fell.\n\nA.Lee--NEWS", encoding="utf-8")
    changed = scale.run_pipeline(corpus, **options)
    assert calls == [1, 1, 1] and not changed.cache_hit
    assert scale.clear_cache(cache_dir=tmp_path / "cache") == 3
