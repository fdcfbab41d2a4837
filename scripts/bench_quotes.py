"""Benchmark: quote extraction on all of Reuters-21578 vs plain sentence splitting, same run.

Baseline: :func:`analysis.text.sentences` over every article (the cheapest pass any quote
extractor needs). Ours: :func:`analysis.quotes.extract_quotes` (quote marks, attribution,
speaker resolution and the same sentence ids as evidence). Prints articles/s for both, the
ratio, and how many quotes/speakers were found.

    .venv/bin/python scripts/bench_quotes.py [--limit N] [--source FILE]
"""

from __future__ import annotations

import argparse

import pandas as pd
from benchlib import bench_articles, timed

from analysis.quotes import extract_quotes
from analysis.text import sentences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--source", default=None, help="corpus (default: reuters21578.jsonl)")
    args = parser.parse_args(argv)
    articles = bench_articles(args.source, args.limit)
    if articles is None:
        return 0
    n = len(articles)
    t_base, sents = timed(sentences, articles)
    t_ours, quotes = timed(extract_quotes, articles)
    assert isinstance(quotes, pd.DataFrame)
    megabytes = articles['body'].str.len().sum() / 1e6
    print(f"articles: {n}  sentences: {len(sents)}  MB: {megabytes:.1f}")
    print(f"baseline sentences(): {n / t_base:,.0f} articles/s ({t_base:.1f} s)")
    print(f"extract_quotes():     {n / t_ours:,.0f} articles/s ({t_ours:.1f} s)")
    print(f"ratio quotes/baseline time: {t_ours / t_base:.2f}x")
    print(f"quotes: {len(quotes)} in {quotes['doc_id'].nunique()} articles; "
          f"with a speaker: {quotes['speaker'].notna().mean():.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
