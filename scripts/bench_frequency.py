"""Benchmark: whole-corpus term + bigram counting vs the plain NLTK approach, in the same run.

Plain: ``NLTKWordTokenizer().tokenize`` per article + ``collections.Counter`` of terms and of
bigrams. Ours: :func:`analysis.frequency.count_corpus` (same counts as a Counter over our tokens,
stop words dropped, bigrams inside paragraphs). Prints both times and the ratio (target >= 4x).

    .venv/bin/python scripts/bench_frequency.py [--limit N] [--repeat R] [--memory]
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections import Counter

import pandas as pd
from nltk.tokenize import NLTKWordTokenizer

from analysis import paths
from analysis.frequency import count_corpus


def load(limit: int | None) -> pd.DataFrame:
    """The Reuters-21578 stories that have a body (through the corpus loader when present)."""
    source = paths.shared_data("reuters21578") / "reuters21578.jsonl"
    try:
        from analysis.corpus import load_articles
    except ImportError:  # foundation not there yet: read the file directly
        frame = pd.read_json(source, lines=True)
        frame = frame.rename(columns={"id": "doc_id"}).astype({"doc_id": str})
    else:
        frame = load_articles(source).articles
    frame = frame[frame["body"].fillna("").str.strip() != ""]
    return frame.head(limit) if limit else frame


def plain(bodies: list[str]) -> tuple[Counter, Counter]:
    """The baseline: NLTK's word tokenizer and Counters, article by article."""
    tokenizer = NLTKWordTokenizer()
    terms, bigrams = Counter(), Counter()
    for body in bodies:
        words = tokenizer.tokenize(body)
        terms.update(words)
        bigrams.update(zip(words, words[1:], strict=False))
    return terms, bigrams


def best_of(repeat: int, fn, *args, **kwargs) -> tuple[float, object]:
    """Shortest wall time of ``repeat`` runs (the machine is shared), with the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N stories only")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each, best time kept")
    parser.add_argument("--memory", action="store_true",
                        help="also trace peak memory on 2,000 stories and on all (slow)")
    args = parser.parse_args()
    if not (paths.shared_data("reuters21578") / "reuters21578.jsonl").exists():
        print("dataset not found: ../shared/data/reuters21578; nothing to benchmark")
        return 0
    articles = load(args.limit)
    bodies = articles["body"].tolist()
    n_chars = sum(map(len, bodies))
    print(f"Reuters-21578: {len(bodies):,} stories, {n_chars:,} characters")
    t_plain, (terms, bigrams) = best_of(args.repeat, plain, bodies)
    print(f"plain  NLTKWordTokenizer + Counter : {t_plain:7.2f} s "
          f"({len(terms):,} types, {len(bigrams):,} bigram types)")
    t_ours, counts = best_of(args.repeat, count_corpus, articles)
    print(f"ours   analysis.frequency.count_corpus: {t_ours:7.2f} s "
          f"({len(counts.terms):,} terms, {len(counts.ngrams):,} bigrams)")
    print(f"ratio plain / ours: {t_plain / t_ours:.1f}x (target >= 4x)")
    if not args.memory:
        return 0
    tracemalloc.start()
    count_corpus(articles.head(2000))
    small = tracemalloc.get_traced_memory()[1]
    tracemalloc.reset_peak()
    count_corpus(articles)
    full = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"peak memory of count_corpus: {small / 2**20:.0f} MiB on 2,000 stories, "
          f"{full / 2**20:.0f} MiB on {len(bodies):,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
