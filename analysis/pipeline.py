"""The whole analysis as per-partition stages: the pandas engine, and the pieces Dask maps.

Every stage is a function ``f(articles_partition) -> DataFrame`` that only looks at the
articles it is given (sentences, tokens, sentiment and quotes are per document), so the
pandas engine can call it on the whole corpus and the Dask engine on each partition
(``map_partitions`` / ``from_delayed`` with an explicit ``meta``). Term counts are
additive: each partition returns ``term, count`` and :func:`reduce_counts` sums them.

:func:`process_partition` runs several stages on one partition and shares the work
(sentences are split once, tokens built once). :func:`run_pandas` is the pandas engine:
load -> chunks of articles -> :func:`process_partition` (with a tqdm bar) -> concat.

>>> arts = pd.DataFrame({"doc_id": ["a"], "body": ["Prices rose. Traders were happy."]})
>>> sorted(process_partition(arts, stages=("sentences", "counts")))
['counts', 'sentences']
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import pandas as pd

from analysis import text

Stage = Literal["sentences", "tokens", "counts", "sentiment", "quotes"]
STAGES: tuple[Stage, ...] = ("sentences", "tokens", "counts", "sentiment", "quotes")
DEFAULT_CHUNK = 500  # articles per chunk (pandas engine) / per partition (Dask engine)


def sentences_stage(articles: pd.DataFrame) -> pd.DataFrame:
    """Sentences of a partition of articles (``analysis.text.sentences``)."""
    return text.sentences(articles)


def tokens_stage(articles: pd.DataFrame, *, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tokens of a partition (from its sentences when they are already split)."""
    return text.tokens(sentences if sentences is not None else sentences_stage(articles))


def counts_stage(articles: pd.DataFrame, *, tokens: pd.DataFrame | None = None) -> pd.DataFrame:
    """Partial term counts of a partition: ``term, count`` plus one total row.

    Terms are decided by ``analysis.frequency`` (default :class:`~analysis.frequency.Terms`);
    the row with a missing ``term`` holds the partition's number of word tokens
    (``n_words``). Partial counts add up: see :func:`reduce_counts`.
    """
    from analysis import frequency

    toks = tokens if tokens is not None else tokens_stage(articles)
    counts = frequency.term_counts(toks)
    n_words = int(counts["n_words"].iloc[0]) if len(counts) else _n_words(toks)
    total = pd.DataFrame({"term": [None], "count": [n_words]})
    frame = pd.concat([counts[["term", "count"]], total], ignore_index=True)
    return frame.astype({"term": "str", "count": "int64"})


def _n_words(tokens: pd.DataFrame) -> int:
    """Word tokens (letters or digits) of a frame that has no kept term."""
    return int(tokens["text"].str.contains(r"\w", regex=True).sum()) if len(tokens) else 0


def reduce_counts(partials: pd.DataFrame) -> pd.DataFrame:
    """Sum partial counts into ``analysis.frequency.term_counts``'s frame.

    Returns ``term, count, n_words, rel_freq, rank`` ordered by count desc then term asc.
    """
    is_total = partials["term"].isna()
    n_words = int(partials.loc[is_total, "count"].sum())
    summed = partials[~is_total].groupby("term", sort=False)["count"].sum()
    out = pd.DataFrame({"term": summed.index.astype("str"), "count": summed.to_numpy("int64")})
    out = out.sort_values(["count", "term"], ascending=[False, True], kind="mergesort")
    out = out.reset_index(drop=True)
    out["n_words"] = pd.Series(n_words, index=out.index, dtype="int64")
    out["rel_freq"] = out["count"] / n_words if n_words else float("nan")
    out["rank"] = pd.Series(range(1, len(out) + 1), index=out.index, dtype="int64")
    return out


def sentiment_stage(
    articles: pd.DataFrame, *, sentences: pd.DataFrame | None = None
) -> pd.DataFrame:
    """VADER neg/neu/pos/compound per sentence of a partition (``analysis.sentiment``)."""
    from analysis import sentiment

    sents = sentences if sentences is not None else sentences_stage(articles)
    return sentiment.score_sentences(sents)


def quotes_stage(articles: pd.DataFrame, *, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Direct quotes with speakers of a partition (``analysis.quotes.extract_quotes``)."""
    from analysis import quotes

    return quotes.extract_quotes(articles, sentences=sentences)


def process_partition(
    articles: pd.DataFrame, *, stages: Iterable[Stage] = STAGES
) -> dict[str, pd.DataFrame]:
    """Run ``stages`` on one partition of articles, splitting sentences and tokens once.

    Returns a dict stage -> frame (``counts`` holds partial counts).
    """
    wanted = set(stages)
    unknown = wanted - set(STAGES)
    if unknown:
        raise ValueError(f"unknown stages {sorted(unknown)}; choose from {STAGES}")
    out: dict[str, pd.DataFrame] = {}
    sents = sentences_stage(articles)
    if "sentences" in wanted:
        out["sentences"] = sents
    if wanted & {"tokens", "counts"}:
        toks = tokens_stage(articles, sentences=sents)
        if "tokens" in wanted:
            out["tokens"] = toks
        if "counts" in wanted:
            out["counts"] = counts_stage(articles, tokens=toks)
    if "sentiment" in wanted:
        out["sentiment"] = sentiment_stage(articles, sentences=sents)
    if "quotes" in wanted:
        out["quotes"] = quotes_stage(articles, sentences=sents)
    return out


def warm_up(stages: Iterable[Stage] = STAGES) -> None:
    """Import the stage modules and build their tables once (imports of NLTK and SciPy
    take seconds: Dask workers do this before their first partition)."""
    tiny = pd.DataFrame({"doc_id": ["warm-up"], "body": ['"Good news," she said.']})
    process_partition(tiny, stages=stages)


def chunks(articles: pd.DataFrame, size: int = DEFAULT_CHUNK) -> list[pd.DataFrame]:
    """Consecutive slices of ``size`` articles (at least one slice, maybe empty)."""
    starts = range(0, max(len(articles), 1), max(size, 1))
    return [articles.iloc[i:i + size] for i in starts]


def show_progress(progress: bool | None) -> bool:
    """Progress bars: on when asked, else only when stderr is a terminal (not in notebooks)."""
    return sys.stderr.isatty() if progress is None else progress


def run_stages(
    articles: pd.DataFrame,
    *,
    stages: Sequence[Stage] = STAGES,
    chunk_size: int = DEFAULT_CHUNK,
    progress: bool | None = None,
) -> dict[str, pd.DataFrame]:
    """Pandas engine on loaded articles: stages per chunk (tqdm bar), concatenated, reduced."""
    from tqdm.auto import tqdm

    parts: dict[str, list[pd.DataFrame]] = {stage: [] for stage in stages}
    bar = tqdm(chunks(articles, chunk_size), desc="pipeline", unit="chunk",
               disable=not show_progress(progress))
    for chunk in bar:
        for stage, frame in process_partition(chunk, stages=stages).items():
            parts[stage].append(frame)
    out = {stage: pd.concat(frames, ignore_index=True) for stage, frames in parts.items()}
    if "counts" in out:
        out["counts"] = reduce_counts(out["counts"])
    return out


def run_pandas(
    source: Any,
    *,
    stages: Sequence[Stage] = STAGES,
    columns: dict[str, str] | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    progress: bool | None = None,
) -> dict[str, pd.DataFrame]:
    """Load ``source`` and run ``stages``: articles, problems and one frame per stage.

    No cache: :func:`analysis.scale.run_pipeline` adds it (and the Dask engine).
    """
    from analysis.scale import load_source

    articles, problems = load_source(source, columns=columns)
    out = run_stages(articles, stages=stages, chunk_size=chunk_size, progress=progress)
    return {"articles": articles, "problems": problems, **out}
