"""Benchmark: Dask with 2 workers vs 1, and how time and peak memory grow with the corpus.

The corpus is the first ``--base`` lines (default 2,000; 0 = all) of
../shared/data/reuters21578/reuters21578.jsonl, repeated 1x, 4x and 16x (each copy gets
new ids) and written as partitioned Parquet in a temporary folder first
(``--partition-size`` articles per row group = per Dask partition), so the Dask engine
streams partitions from files and never holds the corpus in the client.

Each measurement runs in a fresh child process running the whole pipeline (load, sentences,
tokens, counts, sentiment, quotes) with its results written as Parquet (a throw-away cache),
and the parent samples the resident memory (RSS) of the child and of all its descendants
(Dask worker processes) every 0.1 s with psutil: "peak memory" is the largest sum seen.
Time is wall time of ``run_pipeline`` only: imports (NLTK, SciPy) and cluster start-up are
"start-up" (each engine first runs :func:`analysis.pipeline.warm_up`), printed apart.

    .venv/bin/python scripts/bench_scale.py [--base N] [--copies 1,4,16] [--workers-on 16]
        [--pandas-max 16] [--partition-size 500] [--stages sentences,tokens,...]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.pipeline import STAGES

SOURCE = paths.shared_data("reuters21578") / "reuters21578.jsonl"


def write_copies(base: int | None, copies: int, folder: Path, partition_size: int) -> Path:
    """``copies`` repeats of the corpus as Parquet parts (one file per copy, new ids)."""
    records = []
    with SOURCE.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if base and number >= base:
                break
            records.append(json.loads(line))
    frame = pd.DataFrame.from_records(records)
    out = folder / f"x{copies}"
    out.mkdir(parents=True, exist_ok=True)
    for copy in range(copies):
        frame.assign(id=[f"{copy}-{i}" for i in frame["id"]]).to_parquet(
            out / f"part-{copy:03d}.parquet", index=False, row_group_size=partition_size)
    return out


def measure(engine: str, folder: Path, workers: int, partition_size: int,
            stages: tuple[str, ...]) -> dict:
    """Child process: run the pipeline once, return times and sizes (printed as JSON)."""
    from analysis import pipeline, scale

    cache_dir = Path(tempfile.mkdtemp(prefix="bench-cache-", dir=folder.parent))
    start = time.perf_counter()
    if engine == "pandas":
        pipeline.warm_up(stages)
        startup = time.perf_counter() - start
        start = time.perf_counter()
        result = scale.run_pipeline(folder, engine="pandas", cache_dir=cache_dir, stages=stages,
                                    partition_size=partition_size, progress=False)
        seconds = time.perf_counter() - start
        n_articles, n_words = len(result.articles), int(result.articles["n_words"].sum())
    else:
        with scale.dask_client(None, n_workers=workers) as client:
            client.run(pipeline.warm_up, stages)  # imports (NLTK, SciPy) are start-up cost
            startup = time.perf_counter() - start
            start = time.perf_counter()
            result = scale.run_pipeline(folder, engine="dask", scheduler=client, stages=stages,
                                        cache_dir=cache_dir, partition_size=partition_size,
                                        progress=False)
            seconds = time.perf_counter() - start
            words = result.articles["n_words"]
            n_articles, n_words = int(words.shape[0].compute()), int(words.sum().compute())
    return {"seconds": seconds, "startup": startup, "articles": n_articles, "words": n_words}


def sample_rss(pid: int, peak: list[float], stop: threading.Event) -> None:
    """Keep ``peak[0]`` = largest RSS sum (bytes) of ``pid`` and its descendants."""
    import psutil

    try:
        root = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    while not stop.is_set():
        total = 0
        try:
            for proc in [root, *root.children(recursive=True)]:
                with contextlib.suppress(psutil.NoSuchProcess):
                    total += proc.memory_info().rss
        except psutil.NoSuchProcess:
            break
        peak[0] = max(peak[0], total)
        stop.wait(0.1)


def run_child(engine: str, folder: Path, workers: int, partition_size: int,
              stages: str) -> dict:
    """Run :func:`measure` in a fresh process, sampling its memory; Ctrl-C stops it."""
    command = [sys.executable, __file__, "--measure", engine, str(folder), str(workers),
               str(partition_size), stages]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peak, stop = [0.0], threading.Event()
    sampler = threading.Thread(target=sample_rss, args=(child.pid, peak, stop), daemon=True)
    sampler.start()
    try:
        out, _ = child.communicate()
    except BaseException:
        child.kill()
        raise
    finally:
        stop.set()
        sampler.join()
    if child.returncode != 0:
        raise RuntimeError(f"{engine} on {folder.name} failed (exit {child.returncode})")
    return {**json.loads(out.strip().splitlines()[-1]), "peak_mb": peak[0] / 2**20}


def row(label: str, result: dict, base: dict | None, copies: int) -> str:
    growth = result["seconds"] / base["seconds"] if base else 1.0
    memory = result["peak_mb"] / base["peak_mb"] if base else 1.0
    return (f"{label:<18} {copies:>3}x {result['articles']:>8,} {result['seconds']:9.1f} "
            f"{result['articles'] / result['seconds']:10,.0f} {result['peak_mb']:9,.0f} "
            f"{growth:8.2f} (ideal {copies / (1 if base is None else base['copies']):.0f}) "
            f"{memory:6.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=2000,
                        help="first N lines of the corpus as the 1x corpus (0: all 21,578; "
                             "16x of all takes hours on 2 cores)")
    parser.add_argument("--copies", default="1,4,16", help="repeats to measure")
    parser.add_argument("--pandas-max", type=int, default=16,
                        help="largest repeat run on the pandas engine (memory grows with it)")
    parser.add_argument("--partition-size", type=int, default=500, help="articles per partition")
    parser.add_argument("--workers-on", type=int, default=16,
                        help="repeat on which to compare 2 workers with 1 (default 16x)")
    parser.add_argument("--stages", default=",".join(STAGES), help="stages to run")
    parser.add_argument("--measure", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        engine, folder, workers, size, stages = args.measure
        print(json.dumps(measure(engine, Path(folder), int(workers), int(size),
                                 tuple(stages.split(",")))))
        return 0
    if not SOURCE.exists():
        print("dataset not found: ../shared/data/reuters21578 (nothing to measure)")
        return 0
    copies = [int(c) for c in args.copies.split(",")]
    size = args.partition_size
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        folders = {c: write_copies(args.base, c, Path(tmp), size) for c in copies}
        on = args.workers_on if args.workers_on in folders else copies[0]
        single = run_child("dask", folders[on], 1, size, args.stages)
        double = run_child("dask", folders[on], 2, size, args.stages)
        print(f"corpus {on}x: {single['articles']:,} articles, {single['words']:,} words, "
              f"{size} articles per partition", flush=True)
        for name, result in (("dask 1 worker ", single), ("dask 2 workers", double)):
            print(f"{name}: {result['seconds']:8.1f} s (cluster start {result['startup']:.1f} s, "
                  f"peak memory {result['peak_mb']:,.0f} MB)")
        print(f"ratio 2 workers vs 1: {single['seconds'] / double['seconds']:.2f}x "
              "(target >= 1.6x on 2 cores)")
        print(f"{'engine':<18} {'n':>4} {'articles':>8} {'seconds':>9} {'art/s':>10} "
              f"{'peak MB':>9} {'time x':>8} {'':>9} {'mem x':>6}")
        for engine in ("pandas", "dask"):
            base = None
            for c in copies:
                if engine == "pandas" and c > args.pandas_max:
                    print(f"{engine:<18} {c:>3}x skipped (--pandas-max {args.pandas_max})")
                    continue
                result = {**(double if engine == "dask" and c == on else
                             run_child(engine, folders[c], 2, size, args.stages)), "copies": c}
                label = engine if engine == "pandas" else "dask (2 workers)"
                print(row(label, result, base, c), flush=True)
                base = base or result
    print("time x: seconds / seconds at the smallest corpus (linear growth = the ideal); "
          "mem x: peak memory / peak at the smallest corpus (flat = 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
