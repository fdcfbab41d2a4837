"""Large corpora: the same pipeline on pandas (one machine, in memory) or on Dask.

``run_pipeline(source, engine="dask")`` splits the input into partitions of articles,
runs :func:`analysis.pipeline.process_partition` on each (sentences, tokens, term counts,
sentiment, quotes), streams every result to Parquet and sums the partial term counts.
It starts a ``dask.distributed`` LocalCluster on the loopback interface by default, or
connects to ``scheduler="tcp://host:8786"`` (any running cluster), or uses a Client you
pass. The results equal the pandas engine's (compare values: Dask's string dtype differs).

Results are cached under ``.cache/pipeline/<key>/`` (see :mod:`analysis.cache`): a rerun on
unchanged input and settings reads Parquet instead of recomputing.

>>> PipelineResult._fields[:3]
('articles', 'problems', 'sentences')
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal, NamedTuple

import pandas as pd

from analysis import cache as cache_mod
from analysis import corpus, paths, pipeline
from analysis.corpus_formats import RawTable, read_jsonl
from analysis.pipeline import STAGES, Stage

Engine = Literal["pandas", "dask"]
LOCAL_SCHEDULERS = ("threads", "processes", "synchronous", "sync")


class PipelineResult(NamedTuple):
    """Frames of one run. With ``engine="dask"`` the big ones are lazy Dask DataFrames read
    from Parquet (``.compute()`` them, or keep them lazy); ``problems`` and ``counts`` are
    always pandas. Stages not run are None."""

    articles: Any
    problems: pd.DataFrame
    sentences: Any = None
    tokens: Any = None
    counts: pd.DataFrame | None = None
    sentiment: Any = None
    quotes: Any = None
    location: Path | None = None
    cache_hit: bool = False


def _settings(engine: Engine, stages: Sequence[Stage], columns: dict[str, str] | None) -> dict:
    """What, besides the input and the code, changes the results."""
    return {"engine": engine, "stages": list(stages), "columns": columns or {}}


def _result(frames: dict[str, Any], *, location: Path | None, hit: bool) -> PipelineResult:
    known = {k: v for k, v in frames.items() if k in PipelineResult._fields}
    return PipelineResult(**known, location=location, cache_hit=hit)


def _read_entry(folder: Path, engine: Engine) -> dict[str, Any]:
    """Frames of a cache entry: pandas, or lazy Dask frames for the big ones."""
    names = cache_mod.read_manifest(folder)["frames"]
    if engine == "pandas":
        return cache_mod.read_frames(folder, names)
    import dask
    import dask.dataframe as dd

    small = {"problems", "counts"}
    out = cache_mod.read_frames(folder, [n for n in names if n in small])
    with dask.config.set({"dataframe.convert-string": False}):
        for name in names:
            if name not in small:
                out[name] = dd.read_parquet(folder / f"{name}.parquet")
    return out


def run_pipeline(
    source: Any,
    *,
    engine: Engine = "pandas",
    scheduler: Any = None,
    n_workers: int | None = None,
    stages: Sequence[Stage] = STAGES,
    columns: dict[str, str] | None = None,
    cache: bool = True,
    cache_dir: str | Path | None = None,
    partition_size: int = pipeline.DEFAULT_CHUNK,
    progress: bool | None = None,
) -> PipelineResult:
    """Load ``source`` and run the analysis stages on pandas or Dask.

    Args:
        source: anything :func:`analysis.corpus.load_articles` accepts (folder or glob of
            .txt, .csv/.jsonl/.parquet file, a folder of .parquet parts, a DataFrame).
        engine: "pandas" (in memory) or "dask" (partitions streamed to Parquet).
        scheduler: Dask only: None starts a LocalCluster on 127.0.0.1; an address such as
            "tcp://10.0.0.5:8786" or a ``distributed.Client`` uses that cluster;
            "threads"/"processes"/"synchronous" use a local Dask scheduler without a cluster.
        n_workers: workers of the LocalCluster (default: one per core, 1 thread each).
        stages: any of ``sentences, tokens, counts, sentiment, quotes``.
        columns: column mapping passed to ``load_articles`` (e.g. {"text": "content"}).
        cache: reuse/write ``.cache/pipeline/<key>`` (keyed by input content + settings +
            code). With cache=False the Dask engine writes to a new temporary folder.
        cache_dir: another cache root (tests, benchmarks).
        partition_size: articles per chunk (pandas) or per partition (Dask, for tables).
        progress: show progress bars; None = only when stderr is a terminal.

    Returns:
        :class:`PipelineResult` (articles, problems, sentences, tokens, counts, sentiment,
        quotes, location, cache_hit).
    """
    if engine not in ("pandas", "dask"):
        raise ValueError(f"engine must be 'pandas' or 'dask', not {engine!r}")
    unknown = set(stages) - set(STAGES)
    if unknown:
        raise ValueError(f"unknown stages {sorted(unknown)}; choose from {STAGES}")
    stages = tuple(stage for stage in STAGES if stage in set(stages))
    root = Path(cache_dir) if cache_dir is not None else cache_mod.DEFAULT_ROOT
    key = None
    if cache:
        settings = _settings(engine, stages, columns)
        key = cache_mod.cache_key(cache_mod.content_hash(source), settings)
        hit = cache_mod.lookup(key, root=root)
        if hit is not None:
            return _result(_read_entry(hit, engine), location=hit, hit=True)
    if engine == "pandas":
        frames = _pandas_frames(source, stages=stages, columns=columns,
                                chunk_size=partition_size, progress=progress)
        location = None
        if key is not None:
            manifest = {"settings": _settings(engine, stages, columns)}
            location = cache_mod.write_frames(key, frames, root=root, manifest=manifest)
        return _result(frames, location=location, hit=False)
    if key is None:
        root, key = Path(tempfile.mkdtemp(prefix="news-eda-dask-")), "result"
    with dask_client(scheduler, n_workers=n_workers) as client:
        local = scheduler if client is None else None
        folder = run_dask(source, key=key, root=root, client=client or local, stages=stages,
                          columns=columns, partition_size=partition_size, progress=progress)
    return _result(_read_entry(folder, "dask"), location=folder, hit=False)


def _pandas_frames(source: Any, *, stages: Sequence[Stage], columns: dict[str, str] | None,
                   chunk_size: int, progress: bool | None) -> dict[str, pd.DataFrame]:
    """The pandas engine: load, then every stage chunk by chunk (see ``pipeline.run_stages``)."""
    loaded = load_source(source, columns=columns)
    return {"articles": loaded.articles, "problems": loaded.problems,
            **pipeline.run_stages(loaded.articles, stages=stages, chunk_size=chunk_size,
                                  progress=progress)}


@contextmanager
def dask_client(scheduler: Any = None, *, n_workers: int | None = None) -> Iterator[Any]:
    """Yield a ``distributed.Client`` (or None for a local scheduler name); close what we open.

    None starts a LocalCluster on 127.0.0.1 (no dashboard, worker processes with one
    thread each); a string address connects to that scheduler; a Client is used as is.
    The cluster is closed on exit, also after an error or Ctrl-C.
    """
    if scheduler in LOCAL_SCHEDULERS:
        yield None
        return
    from distributed import Client, LocalCluster

    if isinstance(scheduler, Client):
        yield scheduler
        return
    if scheduler is not None:
        client = Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    import dask

    with dask.config.set({"distributed.worker.profile.enabled": False}):  # GIL-hungry sampler
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
    try:
        with Client(cluster) as client:
            yield client
    finally:
        cluster.close()


def compute(*collections: Any, client: Any = None, scheduler: str | None = None,
            progress: bool | None = None) -> tuple:
    """``dask.compute`` with a progress bar, cancelling the work on Ctrl-C or error."""
    import dask

    show = pipeline.show_progress(progress)
    if client is None:
        from dask.diagnostics import ProgressBar

        name = "sync" if scheduler in (None, "synchronous") else scheduler
        if show:
            with ProgressBar():
                return dask.compute(*collections, scheduler=name)
        return dask.compute(*collections, scheduler=name)
    from distributed import progress as progress_bar

    futures = client.compute(list(collections))
    try:
        if show:
            progress_bar(futures, notebook=False)
        return tuple(client.gather(futures))
    except BaseException:
        client.cancel(futures)
        raise


def clear_cache(*, cache_dir: str | Path | None = None) -> int:
    """Delete every cached pipeline result; return how many entries were removed."""
    return cache_mod.clear(root=cache_dir)


# --------------------------------------------------------------------------- partitioned input

JSON_LINES = (".jsonl", ".ndjson")


def parquet_parts(source: Any) -> list[Path] | None:
    """The .parquet files of a Parquet source (a file, or a folder of parts), else None."""
    if isinstance(source, pd.DataFrame) or any(ch in str(source) for ch in "*?["):
        return None
    path = paths.resolve(source)
    if path.is_file():
        return [path] if path.suffix.lower() == ".parquet" else None
    if path.is_dir():
        parts = sorted(path.rglob("*.parquet"))
        has_txt = any(path.rglob("*.txt"))
        return parts if parts and not has_txt else None
    return None


def load_source(source: Any, *, columns: dict[str, str] | None = None) -> Any:
    """``load_articles`` for one machine, also accepting a folder of Parquet parts.

    A folder of parts loads as one table labelled with the folder (rows numbered across
    the parts in name order), exactly as the Dask engine labels its partitions.
    """

    parts = parquet_parts(source)
    if parts is None or len(parts) == 1 and parts[0] == paths.resolve(source):
        return corpus.load_articles(source, columns=columns)
    frame = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
    return _load_rows(frame, 1, columns, _label(source))


def _label(source: Any) -> tuple[str, str, str | None]:
    """(stem, label, path) that ``load_articles`` gives rows of this table source."""

    if isinstance(source, pd.DataFrame):
        return "frame", "<DataFrame>", None
    path = paths.resolve(source)
    label = corpus.display_path(path)
    return path.stem if path.is_file() else path.name, label, label


def _load_raw(raw: Any, columns: dict[str, str] | None, label: tuple[str, str, str | None]) -> Any:
    """``load_articles`` on one partition of a table (a ``RawTable`` with its row numbers)."""

    if raw.frame.shape[1] == 0:  # an empty partition is not an empty file
        empty = corpus.finish_articles(pd.DataFrame())
        return corpus.LoadResult(empty, corpus.problems_frame(raw.problems))
    stem, name, path = label
    mapping = corpus.check_mapping_keys(columns)
    return corpus.load_table(raw, mapping, stem=stem, label=name, path=path)


def _load_rows(frame: pd.DataFrame, first_row: int, columns: dict[str, str] | None,
               label: tuple[str, str, str | None]) -> Any:
    """Load a slice of a table whose first row has number ``first_row`` (1-based)."""

    rows = list(range(first_row, first_row + len(frame)))
    return _load_raw(RawTable(frame.reset_index(drop=True), rows, []), columns, label)


def _load_parquet_group(path: Path, group: int, first_row: int, columns: dict[str, str] | None,
                        label: tuple[str, str, str | None]) -> Any:
    """Load one row group of a Parquet file."""
    import pyarrow.parquet as pq

    frame = pq.ParquetFile(path).read_row_group(group).to_pandas()
    return _load_rows(frame, first_row, columns, label)


def _jsonl_blocks(path: Path, lines: int = pipeline.DEFAULT_CHUNK) -> list[tuple[int, int, int]]:
    """(start byte, end byte, first line number) of blocks of ``lines`` lines, streamed."""
    blocks, start, first, number = [], 0, 1, 0
    with path.open("rb") as handle:
        for number, _ in enumerate(handle, start=1):
            if number - first + 1 == lines:
                blocks.append((start, handle.tell(), first))
                start, first = handle.tell(), number + 1
        if number >= first:
            blocks.append((start, handle.tell(), first))
    return blocks


class _Block(NamedTuple):
    """Lines of a JSON Lines file, seen by ``corpus_formats.read_jsonl`` as a whole file.

    ``read_bytes`` returns the block preceded by one newline per earlier line, so the
    reader numbers lines (rows, problem labels) exactly as for the whole file.
    """

    path: Path
    start: int
    end: int
    first_line: int

    def read_bytes(self) -> bytes:
        with self.path.open("rb") as handle:
            handle.seek(self.start)
            return b"\n" * (self.first_line - 1) + handle.read(self.end - self.start)


def _load_jsonl_block(path: Path, start: int, end: int, first_line: int,
                      columns: dict[str, str] | None) -> Any:
    """Load lines [start, end) of a JSON Lines file exactly as ``load_articles`` would."""

    label = _label(path)
    raw = read_jsonl(_Block(path, start, end, first_line), label[1])  # type: ignore[arg-type]
    return _load_raw(raw, columns, label)


def load_tasks(
    source: Any, *, columns: dict[str, str] | None = None,
    partition_size: int = pipeline.DEFAULT_CHUNK,
) -> tuple[list[Any], list[tuple[str, str]]]:
    """One ``dask.delayed`` ``LoadResult`` per partition, plus source-level problems.

    Folders/globs of .txt: ``partition_size`` files per partition. JSON Lines: blocks of
    ``partition_size`` lines. Parquet file or folder of parts: one partition per row
    group. DataFrame: ``partition_size`` rows. CSV/TSV/JSON array: read in one task (convert
    huge ones to Parquet or JSON Lines first).
    """
    from dask import delayed


    if isinstance(source, pd.DataFrame):
        label = _label(source)
        return [delayed(_load_rows)(source.iloc[i:i + partition_size], i + 1, columns, label)
                for i in range(0, max(len(source), 1), partition_size)], []
    parts = parquet_parts(source)
    if parts is not None:
        return _parquet_tasks(parts, source, columns), []
    text = str(source)
    if any(ch in text for ch in "*?["):
        files, base, problems = corpus.glob_files(text), None, []
    else:
        path = paths.resolve(source)
        if not path.exists():
            raise FileNotFoundError(f"corpus source not found: {path}")
        if path.suffix.lower() in JSON_LINES:
            return [delayed(_load_jsonl_block)(path, a, b, line, columns)
                    for a, b, line in _jsonl_blocks(path, partition_size)], []
        if path.is_file() and path.suffix.lower() != ".txt":
            return [delayed(corpus.load_articles)(path, columns=columns)], []
        if path.is_dir():
            (files, problems), base = corpus.folder_files(path), path
        else:
            files, base, problems = [path], None, []
    step = max(partition_size, 1)
    return [delayed(corpus.load_text_files)(files[i:i + step], base=base)
            for i in range(0, max(len(files), 1), step)], list(problems)


def _parquet_tasks(parts: list[Path], source: Any, columns: dict[str, str] | None) -> list[Any]:
    """One task per row group of each part, rows numbered across parts (metadata only)."""
    import pyarrow.parquet as pq
    from dask import delayed

    label, tasks, first = _label(source), [], 1
    for part in parts:
        meta = pq.read_metadata(part)
        for group in range(meta.num_row_groups):
            tasks.append(delayed(_load_parquet_group)(part, group, first, columns, label))
            first += meta.row_group(group).num_rows
    return tasks


# --------------------------------------------------------------------------- Dask engine

#: An article that yields a row in every output, to learn the Parquet type of each column.
TYPE_PROBE = ('Officials met on Monday. "We will keep working on this plan until it is done," '
              "the minister said.")


def _keys(articles: pd.DataFrame) -> pd.DataFrame:
    """What the corpus-wide rules need of a partition: doc_id, duplicate_of, a body digest."""
    import hashlib

    digests = [hashlib.blake2b(b.encode(), digest_size=16).hexdigest()
               for b in articles["body"].tolist()]
    return pd.DataFrame({"doc_id": articles["doc_id"].tolist(),
                         "duplicate_of": articles["duplicate_of"].tolist(), "body": digests})


def _global_ids(keys: list[pd.DataFrame]) -> list[pd.DataFrame]:
    """Corpus-wide doc_id (``~2`` suffixes) and duplicate_of, as ``load_articles`` makes them."""

    sizes = [len(k) for k in keys]
    every = pd.concat(keys, ignore_index=True) if keys else pd.DataFrame(columns=["doc_id", "body"])
    ids = corpus.unique_names([str(d) for d in every["doc_id"]])
    dups = corpus.find_duplicates(ids, every["body"].tolist())
    fixed = pd.DataFrame({"doc_id": ids, "duplicate_of": dups}).astype("str")
    ends = pd.Series(sizes, dtype="int64").cumsum().tolist()
    return [fixed.iloc[end - size:end].reset_index(drop=True)
            for size, end in zip(sizes, ends, strict=True)]


def _partition(loaded: Any, stages: Sequence[Stage]) -> dict[str, pd.DataFrame]:
    """Articles of a partition, its problems, its keys and the frame of each stage."""
    articles = loaded.articles
    return {"articles": articles, "problems": loaded.problems, "keys": _keys(articles),
            **pipeline.process_partition(articles, stages=stages)}


def _fix_part(folder: Path, index: int, local: pd.DataFrame, fixed: pd.DataFrame,
              names: Sequence[str], schemas: dict[str, Any]) -> int:
    """Rewrite part ``index`` of some outputs with corpus-wide doc_id / duplicate_of."""
    import os

    import pyarrow as pa
    import pyarrow.parquet as pq

    rename = dict(zip(local["doc_id"], fixed["doc_id"], strict=True))
    for name in names:
        path = _part_path(folder, name, index)
        frame = pq.read_table(path).to_pandas()
        if name == "articles":
            frame["doc_id"] = fixed["doc_id"].to_numpy()
            frame["duplicate_of"] = fixed["duplicate_of"].to_numpy()
        else:
            frame["doc_id"] = frame["doc_id"].map(rename)
        table = pa.Table.from_pandas(frame, schema=schemas[name], preserve_index=False)
        pq.write_table(table, path.with_suffix(".tmp"))
        os.replace(path.with_suffix(".tmp"), path)
    return len(names)


def _fixes(keys: list[pd.DataFrame], names: Sequence[str]) -> list[tuple[int, Any, Any, list]]:
    """Partitions whose ids or duplicates change once the whole corpus is seen.

    A renamed doc_id (the same id in two partitions gets ``~2``) touches every output of
    the partition; a duplicate of an article in an earlier partition only ``articles``.
    """
    out = []
    for index, (local, fixed) in enumerate(zip(keys, _global_ids(keys), strict=True)):
        if not local["doc_id"].astype("str").equals(fixed["doc_id"]):
            out.append((index, local, fixed, list(names)))
        elif not local["duplicate_of"].astype("str").equals(fixed["duplicate_of"]):
            out.append((index, local, fixed, ["articles"]))
    return out


def _run_part(loaded: Any, index: int, folder: Path, stages: Sequence[Stage],
              metas: dict[str, tuple[pd.DataFrame, Any]]) -> dict[str, pd.DataFrame]:
    """Process one partition and write its frames as ``<name>.parquet/part.<index>.parquet``.

    The big frames never leave the worker; only the small ones (keys, problems, partial
    counts) are returned.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    frames = _partition(loaded, stages)
    for name, (meta, schema) in metas.items():
        if name != "counts":
            table = pa.Table.from_pandas(_pick(frames, name, meta), schema=schema,
                                         preserve_index=False)
            pq.write_table(table, _part_path(folder, name, index))
    return {k: v for k, v in frames.items() if k in ("keys", "problems", "counts")}


def _part_path(folder: Path, name: str, index: int) -> Path:
    """Part files are zero-padded so that every reader sorts them in partition order."""
    return folder / f"{name}.parquet" / f"part.{index:06d}.parquet"


def _pick(frames: dict[str, pd.DataFrame], name: str, meta: pd.DataFrame) -> pd.DataFrame:
    """One frame of a partition's results, with the columns and dtypes of ``meta``."""
    frame = frames[name].reindex(columns=meta.columns)
    return frame.astype(meta.dtypes.to_dict()) if len(frame) else meta.copy()


def _field(value: Any, name: str) -> Any:
    """``value[name]`` of a dict, or ``value.name`` of a NamedTuple (a picklable getter)."""
    return value[name] if isinstance(value, dict) else getattr(value, name)


def _combine_counts(partials: list[pd.DataFrame]) -> pd.DataFrame:
    """Sum several partial counts into one partial (total row kept apart)."""
    every = pd.concat(partials, ignore_index=True)
    summed = every.groupby("term", dropna=False, sort=False)["count"].sum().reset_index()
    return summed.astype({"term": "str", "count": "int64"})


def _tree(items: list[Any], combine: Any, fan_in: int = 8) -> Any:
    """Reduce delayed items in a tree (memory bounded by ``fan_in`` partials per task)."""
    from dask import delayed

    while len(items) > 1:
        items = [delayed(combine)(items[i:i + fan_in]) for i in range(0, len(items), fan_in)]
    return items[0]


def _metas(first: Any, stages: Sequence[Stage], *, sample: int = 100
           ) -> dict[str, tuple[pd.DataFrame, Any]]:
    """(meta, pyarrow schema) of every output, from the first partition (a ``LoadResult``).

    ``meta`` is an empty frame with the output's columns and dtypes. The Parquet types
    of object columns (lists, strings) are read off the output of the first ``sample``
    articles plus :data:`TYPE_PROBE` (so that list columns of quotes have an example); a
    column with no value there is written as strings (lists of strings).
    """
    import pyarrow as pa

    def outputs(articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
        return {"articles": articles, **pipeline.process_partition(articles, stages=stages)}

    empty = outputs(first.articles.iloc[:0])
    probe = corpus.load_articles(pd.DataFrame({"id": ["type-probe"], "title": ["Probe"],
                                        "text": [TYPE_PROBE]})).articles
    full = outputs(pd.concat([first.articles.head(sample),
                              probe.reindex(columns=first.articles.columns)], ignore_index=True))
    out = {}
    for name, frame in empty.items():
        dtypes = {c: (full[name][c].dtype if frame[c].dtype == object else frame[c].dtype)
                  for c in frame.columns}
        schema = _schema(full[name].reindex(columns=frame.columns))
        out[name] = (frame.astype(dtypes).iloc[:0], pa.schema([_typed_field(f) for f in schema]))
    return out


def _schema(frame: pd.DataFrame) -> Any:
    import pyarrow as pa

    return pa.Schema.from_pandas(frame, preserve_index=False)


def _typed_field(field: Any) -> Any:
    """A field the sample could not type (all missing, or only empty lists) holds strings."""
    import pyarrow as pa

    if pa.types.is_null(field.type):
        return field.with_type(pa.string())
    if pa.types.is_list(field.type) and pa.types.is_null(field.type.value_type):
        return field.with_type(pa.list_(pa.string()))
    return field


def run_dask(
    source: Any, *, key: str, root: Path, client: Any, stages: Sequence[Stage],
    columns: dict[str, str] | None, partition_size: int, progress: bool | None,
) -> Path:
    """Dask engine: two passes over the partitions, results streamed into a cache entry.

    ``client`` is a ``distributed.Client`` or the name of a local Dask scheduler
    ("threads", "processes", "sync").

    One pass loads each partition, runs the stages and writes articles, sentences, tokens,
    sentiment and quotes as Parquet parts, while partial counts are summed in a tree and
    each partition's doc_ids and body digests come back to the client. The corpus-wide
    rules of ``load_articles`` (a repeated doc_id gets ``~2``, ``duplicate_of`` names the
    first article with the same body) are then applied by rewriting only the parts they
    change (usually a few small ``articles`` parts). Memory stays that of a few partitions.
    """
    import dask

    with dask.config.set({"dataframe.convert-string": False}):
        return _run_dask(source, key=key, root=root, client=client, stages=stages,
                         columns=columns, partition_size=partition_size, progress=progress)


def _run_dask(
    source: Any, *, key: str, root: Path, client: Any, stages: Sequence[Stage],
    columns: dict[str, str] | None, partition_size: int, progress: bool | None,
) -> Path:
    """Body of :func:`run_dask` (Dask keeps pandas' own string dtype here)."""
    import dask

    tasks, problems = load_tasks(source, columns=columns, partition_size=partition_size)
    scheduler = client if isinstance(client, str) else None
    client = None if isinstance(client, str) else client
    if client is not None:
        client.run(pipeline.warm_up, stages)
    (metas,) = compute(dask.delayed(_metas)(tasks[0], stages), client=client,
                       scheduler=scheduler, progress=False)
    manifest = {"settings": _settings("dask", stages, columns)}
    with cache_mod.atomic_entry(key, root=root, manifest=manifest) as tmp:
        names = [name for name in metas if name != "counts"]
        for name in names:
            (tmp / f"{name}.parquet").mkdir()
        results = [dask.delayed(_run_part)(t, i, tmp, stages, metas) for i, t in enumerate(tasks)]
        counts = (_tree([dask.delayed(_field)(r, "counts") for r in results],
                        _combine_counts) if "counts" in stages else dask.delayed(None))
        partial, keys, found = compute(
            counts, [dask.delayed(_field)(r, "keys") for r in results],
            [dask.delayed(_field)(r, "problems") for r in results],
            client=client, scheduler=scheduler, progress=progress)
        schemas = {name: schema for name, (_, schema) in metas.items()}
        fixes = [dask.delayed(_fix_part)(tmp, *fix, schemas) for fix in _fixes(keys, names)]
        if fixes:
            compute(*fixes, client=client, scheduler=scheduler, progress=False)
        every = pd.DataFrame(problems, columns=["input", "reason"]).astype("str")
        pd.concat([every, *found], ignore_index=True).to_parquet(tmp / "problems.parquet",
                                                                  index=False)
        if partial is not None:
            pipeline.reduce_counts(partial).to_parquet(tmp / "counts.parquet", index=False)
    return root / key
