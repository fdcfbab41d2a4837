"""Benchmark: quotes + stance on all of Reuters-21578 vs plain sentence splitting, same run.

Baseline: :func:`analysis.text.sentences` over every article. Ours: quotes
(:func:`analysis.quotes.extract_quotes`) then stance (:func:`analysis.stance.stance_evidence`
with those quotes), timed separately and together. Targets: Reuters-style economic topics
(below) so that the stance rules actually fire; ``--targets FILE`` uses a targets file instead.
Prints articles/s for each, the ratios, and how many evidence rows were found.

    .venv/bin/python scripts/bench_stance.py [--limit N] [--source FILE] [--targets FILE]
"""

from __future__ import annotations

import argparse

from benchlib import bench_articles, timed

from analysis.quotes import extract_quotes
from analysis.stance import aggregate, stance_evidence
from analysis.text import sentences
from analysis.vader_fast import default_fast

BENCH_TARGETS = {
    "trade tariffs": ["tariff", "trade barriers", "protectionism", "import curbs"],
    "interest rate cuts": ["rate cut", "lower interest rates", "interest rate reduction",
                           "cut ... interest rates", "discount rate cut"],
    "takeover bids": ["takeover", "merger", "tender offer", "acquisition"],
    "OPEC output quotas": ["output quota", "production ceiling", "production quota",
                           "output ceiling"],
}



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--source", default=None, help="corpus (default: reuters21578.jsonl)")
    parser.add_argument("--targets", default=None, help="targets file (default: built-in topics)")
    args = parser.parse_args(argv)
    articles = bench_articles(args.source, args.limit)
    if articles is None:
        return 0
    targets = args.targets or BENCH_TARGETS
    n = len(articles)
    t_load, _ = timed(default_fast)  # one-off: VADER lexicon (and NLTK import) for reported speech
    t_base, sents = timed(sentences, articles)
    t_quotes, quotes = timed(extract_quotes, articles)
    t_stance, evidence = timed(stance_evidence, articles, targets, quotes=quotes)
    rows = aggregate(evidence)
    t_ours = t_quotes + t_stance
    megabytes = articles["body"].str.len().sum() / 1e6
    print(f"articles: {n}  sentences: {len(sents)}  MB: {megabytes:.1f}")
    print(f"one-off VADER load (not counted below): {t_load:.1f} s")
    print(f"baseline sentences():     {n / t_base:,.0f} articles/s ({t_base:.1f} s)")
    print(f"extract_quotes():         {n / t_quotes:,.0f} articles/s ({t_quotes:.1f} s)")
    print(f"stance_evidence():        {n / t_stance:,.0f} articles/s ({t_stance:.1f} s)")
    print(f"quotes + stance:          {n / t_ours:,.0f} articles/s ({t_ours:.1f} s)")
    print(f"ratio stance/baseline time: {t_stance / t_base:.2f}x; "
          f"quotes+stance/baseline: {t_ours / t_base:.2f}x")
    print(f"evidence rows: {len(evidence)} in {evidence['doc_id'].nunique()} articles; "
          f"holder x target rows: {len(rows)} "
          f"({(rows['stance'] != 'neutral').sum()} favor/against)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
