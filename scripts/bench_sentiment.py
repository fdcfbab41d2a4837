"""Benchmark: sentence sentiment on Reuters-21578, NLTK's VADER via df.apply vs FastVader.

Both run in the same process on the same sentences (analysis.corpus.load_articles +
analysis.text.sentences); the script prints sentences/s for each, the speed ratio, and how many
sentences differ in compound (and in any of neg/neu/pos), which must be 0.

    .venv/bin/python scripts/bench_sentiment.py [--limit N_ARTICLES] [--repeat R]

The fast scorer starts cold (empty token and sentence caches) in every repeat, so cache warm-up
is part of its time. Best of ``--repeat`` runs (by wall clock) is reported for each side; the
ratio is printed for wall-clock and for process CPU time.
"""

from __future__ import annotations

import argparse
import sys
import time

import pandas as pd

from analysis import paths
from analysis.corpus import load_articles
from analysis.text import sentences
from analysis.vader_fast import KEYS, FastVader, nltk_analyzer


def _plain(frame: pd.DataFrame) -> tuple[float, float, pd.DataFrame]:
    sia = nltk_analyzer()
    start, cpu = time.perf_counter(), time.process_time()
    scores = frame["text"].apply(sia.polarity_scores)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    return wall, cpu, pd.DataFrame(list(scores), columns=list(KEYS))


def _fast(frame: pd.DataFrame) -> tuple[float, float, pd.DataFrame]:
    fast = FastVader(nltk_analyzer())  # cold caches
    start, cpu = time.perf_counter(), time.process_time()
    arrays = fast.score_many(frame["text"])
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    return wall, cpu, pd.DataFrame(arrays, columns=list(KEYS))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return 1 if any score differs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--repeat", type=int, default=1, help="runs per side (best is kept)")
    args = parser.parse_args(argv)
    source = paths.shared_data("reuters21578") / "reuters21578.jsonl"
    if not source.exists():
        print(f"dataset not found: {source}; nothing to benchmark")
        return 0
    articles = load_articles(source).articles
    if args.limit:
        articles = articles.head(args.limit)
    sents = sentences(articles)
    n = len(sents)
    print(f"{len(articles)} articles, {n} sentences, {sents['text'].nunique()} distinct")
    plain_t, plain_cpu, plain = min((_plain(sents) for _ in range(args.repeat)),
                                    key=lambda r: r[0])
    fast_t, fast_cpu, fast = min((_fast(sents) for _ in range(args.repeat)), key=lambda r: r[0])
    differ = int((plain["compound"] != fast["compound"]).sum())
    differ_any = int((plain != fast).any(axis=1).sum())
    print(f"plain  (df.apply NLTK polarity_scores): {n / plain_t:10.0f} sentences/s")
    print(f"fast   (FastVader.score_many)          : {n / fast_t:10.0f} sentences/s")
    print(f"ratio fast/plain: {plain_t / fast_t:.2f}x wall clock, "
          f"{plain_cpu / fast_cpu:.2f}x CPU time (on a shared machine CPU time is steadier)")
    print(f"sentences with a different compound: {differ}; with any different score: {differ_any}")
    return 1 if differ_any else 0


if __name__ == "__main__":
    sys.exit(main())
