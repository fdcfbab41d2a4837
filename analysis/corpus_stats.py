"""Describe a loaded corpus: summary per group, problems, duplicates, length profiles.

All functions take the frames of :func:`analysis.corpus.load_articles` and
:mod:`analysis.text` and return new, small frames ready to display or plot.

>>> from analysis.corpus import load_articles
>>> summarise(load_articles("seeds").articles)[["group", "articles", "words"]].to_dict("records")
[{'group': 'all', 'articles': 1, 'words': 763}]
"""

from __future__ import annotations

import pandas as pd

ALL = "all"


def summarise(articles: pd.DataFrame, *, sentences: pd.DataFrame | None = None,
              by: str | None = None) -> pd.DataFrame:
    """One row per value of ``by`` (most articles first, then name) and a final ``all`` row.

    Args:
        articles: the ``articles`` frame.
        sentences: optional sentences frame (adds ``sentences`` and ``sentences_per_article``;
            subhead "sentences" are not counted).
        by: a column to group by, e.g. ``"source"``, ``"desk"`` or ``"category"``.

    Returns:
        ``group, articles, words, words_per_article, median_words, paragraphs_per_article,
        subheads, [sentences, sentences_per_article,] first_published, last_published,
        duplicates``; means rounded to 1 decimal.
    """
    frame = articles.assign(_group=ALL if by is None else articles[by].astype("str"))
    if sentences is not None:
        body = sentences[sentences["kind"] == "body"]
        counts = body.groupby("doc_id").size()
        frame = frame.assign(_sentences=frame["doc_id"].map(counts).fillna(0).astype("int64"))
    rows = [_summary_row(name, group) for name, group in frame.groupby("_group", sort=False)]
    table = pd.DataFrame(rows, columns=_summary_columns(sentences is not None))
    table = table.sort_values(["articles", "group"], ascending=[False, True], kind="mergesort")
    if by is not None:
        total = pd.DataFrame([_summary_row(ALL, frame)], columns=table.columns)
        table = pd.concat([table, total]) if len(table) else total
    if table.empty:
        table = pd.DataFrame([_summary_row(ALL, frame)], columns=table.columns)
    return table.reset_index(drop=True)


def _summary_columns(with_sentences: bool) -> list[str]:
    middle = ["sentences", "sentences_per_article"] if with_sentences else []
    return ["group", "articles", "words", "words_per_article", "median_words",
            "paragraphs_per_article", "subheads", *middle, "first_published", "last_published",
            "duplicates"]


def _summary_row(name: str, group: pd.DataFrame) -> dict[str, object]:
    """Counts and means for one group of articles (empty groups give zeros and NaT)."""
    n = len(group)
    row: dict[str, object] = {
        "group": name, "articles": n, "words": int(group["n_words"].sum()),
        "words_per_article": _mean(group["n_words"]),
        "median_words": float(group["n_words"].median()) if n else float("nan"),
        "paragraphs_per_article": _mean(group["n_paragraphs"]),
        "subheads": int(group["n_subheads"].sum()),
        "first_published": group["published"].min(), "last_published": group["published"].max(),
        "duplicates": int(group["duplicate_of"].notna().sum()),
    }
    if "_sentences" in group:
        row |= {"sentences": int(group["_sentences"].sum()),
                "sentences_per_article": _mean(group["_sentences"])}
    return row


def _mean(values: pd.Series) -> float:
    return round(float(values.mean()), 1) if len(values) else float("nan")


def problem_reasons(problems: pd.DataFrame, *, width: int = 60) -> pd.DataFrame:
    """``reason, inputs, example``: problems counted by reason (line numbers folded together).

    Reasons that differ only by a line or column number (malformed JSON) share one row;
    ``example`` is the first input with that reason. Most frequent first, then reason.
    """
    kind = problems["reason"].str.replace(r"\d+", "N", regex=True).str.slice(0, width)
    table = (problems.assign(reason=kind)
             .groupby("reason", sort=False)
             .agg(inputs=("input", "size"), example=("input", "first"))
             .reset_index())
    table = table.sort_values(["inputs", "reason"], ascending=[False, True], kind="mergesort")
    return table.reset_index(drop=True).astype({"inputs": "int64"})


def duplicate_pairs(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per flagged duplicate: doc_id, duplicate_of, title, original_title, same_title."""
    titles = articles.set_index("doc_id")["title"]
    dups = articles.loc[articles["duplicate_of"].notna(), ["doc_id", "duplicate_of", "title"]]
    dups = dups.assign(original_title=dups["duplicate_of"].map(titles).astype("str"))
    return dups.assign(same_title=dups["title"] == dups["original_title"]).reset_index(drop=True)


def paragraph_profile(paragraphs: pd.DataFrame, *, max_position: int = 30) -> pd.DataFrame:
    """Words per body paragraph by its position in the article (1 = first body paragraph).

    Returns:
        ``position, articles, median_words, q1_words, q3_words`` for positions
        1..``max_position`` that occur. With one article the quartiles equal the median.
    """
    body = paragraphs[paragraphs["kind"] == "body"]
    words = body["text"].str.split().str.len().astype("int64")
    position = body.groupby("doc_id", sort=False).cumcount() + 1
    frame = pd.DataFrame({"position": position, "words": words})
    frame = frame[frame["position"] <= max_position]
    grouped = frame.groupby("position")["words"]
    table = pd.DataFrame({
        "articles": grouped.size(),
        "median_words": grouped.median(),
        "q1_words": grouped.quantile(0.25),
        "q3_words": grouped.quantile(0.75),
    }).reset_index()
    return table.astype({"position": "int64", "articles": "int64"})


def sentence_length_histogram(sentences: pd.DataFrame, *, bin_width: int = 5,
                              max_words: int = 80) -> pd.DataFrame:
    """Body sentences binned by word count: ``words_from, words_to, sentences, share``.

    Bins are ``[1, bin_width]``, ``[bin_width + 1, 2 * bin_width]`` ...; sentences of more
    than ``max_words`` words share the last bin (its ``words_to`` is the longest one).
    """
    body = sentences[sentences["kind"] == "body"]
    words = body["text"].str.split().str.len().astype("int64")
    capped = words.clip(lower=1, upper=max_words + 1)
    start = (capped - 1) // bin_width * bin_width + 1
    counts = start.value_counts().sort_index()
    table = pd.DataFrame({"words_from": counts.index.astype("int64"),
                          "sentences": counts.to_numpy()})
    table["words_to"] = table["words_from"] + bin_width - 1
    if len(table) and words.max() > max_words:
        table.loc[table.index[-1], "words_to"] = int(words.max())
    table["share"] = (table["sentences"] / max(len(words), 1)).round(4)
    return table[["words_from", "words_to", "sentences", "share"]]


def articles_per_month(articles: pd.DataFrame) -> pd.DataFrame:
    """``month`` (``YYYY-MM``) and ``articles`` from the first to the last dated month.

    Months without articles inside that range are listed with 0, so gaps stay visible.
    """
    dated = articles["published"].dropna()
    if dated.empty:
        return pd.DataFrame({"month": pd.Series([], dtype="str"),
                             "articles": pd.Series([], dtype="int64")})
    months = dated.dt.to_period("M")
    counts = months.value_counts().reindex(pd.period_range(months.min(), months.max(), freq="M"),
                                           fill_value=0)
    return pd.DataFrame({"month": counts.index.strftime("%Y-%m").astype("str"),
                         "articles": counts.to_numpy().astype("int64")})
