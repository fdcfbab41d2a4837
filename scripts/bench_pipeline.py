"""Benchmark: the whole pipeline on the pandas engine vs the plain pandas + NLTK approach.

Whole pipeline = load, sentences, tokens, term counts, sentiment per sentence, quotes, on
../shared/data/reuters21578/reuters21578.jsonl, all three timed in the same run:

* engine: ``analysis.scale.run_pipeline(path, engine="pandas", cache=False)``;
* plain: ``pd.read_json`` + a simple regex sentence split (NLTK's punkt data is not
  installed, so ``sent_tokenize`` cannot run offline) + ``NLTKWordTokenizer`` (no data
  needed) per sentence + ``collections.Counter`` + NLTK's ``SentimentIntensityAnalyzer``
  per sentence (``df.apply``, lexicon from the vaderSentiment wheel) + a regex for quotes;
* floor: reading the file and one regex pass (``\\w+``) over the text: no pipeline can be
  faster than that.

Imports and lexicon loading are done before timing, for both. Prints articles/s and
words/s of each, the per-stage seconds, CPU seconds, and the ratios (target: engine >= 4x
the plain approach).

    .venv/bin/python scripts/bench_pipeline.py [--limit N] [--progress]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from analysis import paths, pipeline, scale

SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")
QUOTE = re.compile(r"\"([^\"]+)\"|“([^”]+)”")
WORD = re.compile(r"\w+")


def corpus(limit: int | None, folder: Path) -> Path | None:
    """The Reuters file, or its first ``limit`` lines copied to ``folder``."""
    source = paths.shared_data("reuters21578") / "reuters21578.jsonl"
    if not source.exists():
        return None
    if not limit:
        return source
    head = folder / "reuters_head.jsonl"
    with source.open("rb") as lines, head.open("wb") as out:
        for number, line in enumerate(lines):
            if number >= limit:
                break
            out.write(line)
    return head


def timed(times: dict[str, float], name: str, func: Callable) -> Callable:
    """``func`` that adds its run time to ``times[name]``."""

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            times[name] += time.perf_counter() - start

    return wrapper


def run_engine(path: Path, progress: bool) -> tuple[float, dict[str, float], pd.DataFrame]:
    """The pandas engine, with the time spent in each stage function."""
    times: dict[str, float] = defaultdict(float)
    originals = {name: getattr(pipeline, f"{name}_stage") for name in pipeline.STAGES}
    for name, func in originals.items():
        setattr(pipeline, f"{name}_stage", timed(times, name, func))
    original_load = scale.load_source
    scale.load_source = timed(times, "load", original_load)
    try:
        start, cpu = time.perf_counter(), time.process_time()
        result = scale.run_pipeline(path, engine="pandas", cache=False, progress=progress)
        total = time.perf_counter() - start
        times["cpu"] = time.process_time() - cpu
    finally:
        for name, func in originals.items():
            setattr(pipeline, f"{name}_stage", func)
        scale.load_source = original_load
    return total, dict(times), result.articles


def run_plain(path: Path) -> tuple[float, dict[str, float]]:
    """The plain approach: pandas, regex sentences, NLTK tokenizer, Counter, NLTK VADER."""
    from nltk.tokenize import NLTKWordTokenizer

    from analysis.text import STOPWORDS
    from analysis.vader_fast import nltk_analyzer

    times, start, cpu = {}, time.perf_counter(), time.process_time()
    last = [start]

    def lap(name: str) -> None:
        now = time.perf_counter()
        times[name], last[0] = now - last[0], now

    frame = pd.read_json(path, lines=True, dtype=False)
    frame = frame[frame["body"].fillna("").str.strip() != ""]
    lap("load")
    sentences = pd.DataFrame(
        [(doc, s) for doc, body in zip(frame["id"], frame["body"], strict=True)
         for s in SENTENCE_END.split(body) if s.strip()], columns=["doc_id", "text"])
    lap("sentences")
    tokenizer = NLTKWordTokenizer()
    tokens = sentences["text"].map(tokenizer.tokenize)
    lap("tokens")
    counts = Counter(w.lower() for words in tokens for w in words
                     if w.isalpha() and w.lower() not in STOPWORDS)
    lap("counts")
    analyzer = nltk_analyzer()
    scores = sentences["text"].apply(analyzer.polarity_scores)
    lap("sentiment")
    quotes = frame["body"].map(QUOTE.findall)
    lap("quotes")
    assert len(scores) == len(sentences) and counts and quotes is not None
    times["cpu"] = time.process_time() - cpu
    return time.perf_counter() - start, times


def warm_up() -> None:
    """Imports (NLTK pulls in SciPy: seconds) and lexicon loading are not timed, for both."""
    from nltk.tokenize import NLTKWordTokenizer

    from analysis.vader_fast import nltk_analyzer

    pipeline.warm_up()
    NLTKWordTokenizer().tokenize("Warm up.")
    nltk_analyzer().polarity_scores("Warm up.")


def run_floor(path: Path) -> float:
    """Read the file and count ``\\w+`` matches in one pass."""
    start = time.perf_counter()
    text = path.read_text(encoding="utf-8")
    n = sum(1 for _ in WORD.finditer(text))
    assert n > 0
    return time.perf_counter() - start


def report(name: str, seconds: float, n_articles: int, n_words: int) -> None:
    print(f"{name:<28} {seconds:8.2f} s  {n_articles / seconds:10,.0f} articles/s  "
          f"{n_words / seconds:12,.0f} words/s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N lines only")
    parser.add_argument("--progress", action="store_true", help="show the tqdm bar")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = corpus(args.limit, Path(tmp))
        if path is None:
            print("dataset not found: ../shared/data/reuters21578 (nothing to measure)")
            return 0
        warm_up()
        floor = run_floor(path)
        engine, engine_stages, articles = run_engine(path, args.progress)
        plain, plain_stages = run_plain(path)
    n_articles, n_words = len(articles), int(articles["n_words"].sum())
    print(f"corpus: {path.name}, {n_articles:,} articles, {n_words:,} words "
          f"(whitespace words of the bodies)")
    report("floor (one regex pass)", floor, n_articles, n_words)
    report("pandas engine", engine, n_articles, n_words)
    report("plain pandas + NLTK", plain, n_articles, n_words)
    print("seconds per stage   " + "  ".join(f"{s:>9}" for s in ("load", *pipeline.STAGES)))
    for name, stages in (("engine", engine_stages), ("plain", plain_stages)):
        cells = [stages.get(s, 0.0) for s in ("load", *pipeline.STAGES)]
        print(f"  {name:<17} " + "  ".join(f"{c:9.2f}" for c in cells))
    print("  (each stage exclusive; the engine's quotes stage reuses the sentences frame for "
          "its evidence ids)")
    cpu_ratio = plain_stages["cpu"] / engine_stages["cpu"]
    print(f"CPU seconds: engine {engine_stages['cpu']:.2f}, plain {plain_stages['cpu']:.2f} "
          "(wall time suffers when other processes share the cores; CPU time does less)")
    print(f"ratio engine vs plain: {plain / engine:.2f}x faster by wall time, "
          f"{cpu_ratio:.2f}x by CPU time (target >= 4x)")
    print(f"ratio engine vs floor: {engine / floor:.1f}x slower than one regex pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
