"""Shared pieces of the benchmark scripts: the timing helper and the benchmark corpus."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from analysis import paths
from analysis.corpus import load_articles

REUTERS = paths.shared_data("reuters21578") / "reuters21578.jsonl"


def timed(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[float, Any]:
    """Wall time of one call and its result."""
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def bench_articles(
    source: str | Path | None = None, limit: int | None = None
) -> pd.DataFrame | None:
    """Articles with a non-empty body from ``source`` (default Reuters-21578), or None if absent."""
    source = source or REUTERS
    try:
        articles = load_articles(source).articles
    except FileNotFoundError:
        print(f"dataset not found: {source}")
        return None
    articles = articles[articles["body"].fillna("").str.strip() != ""]
    return articles.head(limit) if limit else articles
