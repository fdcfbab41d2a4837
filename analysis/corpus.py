"""Load any news corpus into one tidy ``articles`` frame plus a ``problems`` frame.

>>> articles, problems = load_articles("seeds")
>>> row = articles.iloc[0]
>>> row["doc_id"], row["author"], row["desk"], int(row["n_paragraphs"]), int(row["n_subheads"])
('000_ce342c1d8288ce55', 'G.Montoya', 'LGdM', 24, 2)

Accepted sources: a folder of seed-format ``.txt`` files (searched recursively, hidden
folders skipped), a glob such as ``"data/**/*.txt"``, a single ``.txt`` file, a ``.csv``,
``.tsv``, ``.jsonl`` (``.ndjson``, ``.json`` array) or ``.parquet`` file, or a DataFrame.
Relative paths are resolved against the repository root (:func:`analysis.paths.resolve`).

Rules (details in docs/corpus.md):

* every input file or table row ends up either as one row of ``articles`` or as a row of
  ``problems`` (``input``, ``reason``); bad content never raises. A missing top-level source
  raises :class:`FileNotFoundError`, an explicit column mapping naming a missing column
  raises one :class:`ValueError` that lists the available columns.
* ``body`` is the paragraphs (every non-blank line, stripped) joined by exactly ``"\\n\\n"``;
  ``- Subhead -`` lines stay in the body as their own paragraph and are counted in
  ``n_subheads``, not in ``n_paragraphs``. ``n_words`` counts whitespace-separated words of
  the whole body.
* ``content_hash`` is the SHA-256 of ``title + "\\n\\n" + body``; ``duplicate_of`` names the
  first article with the same body (re-headlined copies count as duplicates). Nothing is dropped.
"""

from __future__ import annotations

import glob
import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from analysis import paths
from analysis.corpus_formats import (
    BYLINE,
    SUBHEAD,
    Problem,
    RawTable,
    clean_lines,
    make_body,
    one_line,
    read_csv,
    read_jsonl,
    read_parquet,
    read_text_file,
)

__all__ = ["ARTICLE_COLUMNS", "BYLINE", "FIELDS", "PROBLEM_COLUMNS", "SUBHEAD", "LoadResult",
           "load_articles", "parse_dates"]

ARTICLE_COLUMNS = ("doc_id", "title", "body", "author", "desk", "source", "published",
                   "n_paragraphs", "n_subheads", "n_words", "content_hash", "path", "duplicate_of")
PROBLEM_COLUMNS = ("input", "reason")
STR_COLUMNS = ("doc_id", "title", "body", "author", "desk", "source", "content_hash", "path",
               "duplicate_of")
INT_COLUMNS = ("n_paragraphs", "n_subheads", "n_words")
DATETIME = "datetime64[us]"

#: Mapping keys and the input column names tried, in order, when a key is not mapped.
FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "story"),
    "title": ("title", "headline", "heading"),
    "date": ("date", "published", "published_at", "publish_date", "pub_date", "datetime"),
    "source": ("source", "outlet", "publisher", "publication"),
    "author": ("author", "byline", "authors", "writer"),
    "desk": ("desk",),
    "id": ("id", "doc_id", "article_id"),
}
TABLE_READERS: dict[str, Callable[[Path, str], RawTable]] = {
    ".csv": read_csv,
    ".tsv": partial(read_csv, sep="\t"),
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": partial(read_jsonl, allow_array=True),
    ".parquet": read_parquet,
}
GLOB_CHARS = frozenset("*?[")


class LoadResult(NamedTuple):
    """What :func:`load_articles` returns: one row per article, one row per rejected input."""

    articles: pd.DataFrame
    problems: pd.DataFrame


def load_articles(
    source: str | os.PathLike[str] | pd.DataFrame,
    *,
    columns: Mapping[str, str | None] | None = None,
) -> LoadResult:
    """Load articles from a folder/glob of ``.txt``, a table file or a DataFrame.

    Args:
        source: folder, glob, ``.txt``/``.csv``/``.tsv``/``.jsonl``/``.json``/``.parquet``
            path (relative paths are from the repository root), or a DataFrame.
        columns: for tables, ``{"text": ..., "title": ..., "date": ..., "source": ...,
            "author": ..., "desk": ..., "id": ...}`` naming input columns; unmapped keys are
            auto-detected (see ``FIELDS``); map a key to ``None`` to ignore that field.
            Ignored for ``.txt`` sources.

    Returns:
        ``LoadResult(articles, problems)``.

    Raises:
        FileNotFoundError: the source path or glob matches nothing, or a folder has no
            ``.txt`` file.
        ValueError: ``columns`` has an unknown key or names a column the input lacks, or the
            file type is not supported.
    """
    mapping = check_mapping_keys(columns)
    if isinstance(source, pd.DataFrame):
        raw = RawTable(source.reset_index(drop=True), list(range(1, len(source) + 1)), [])
        return load_table(raw, mapping, stem="frame", label="<DataFrame>", path=None)
    text = os.fspath(source)
    path = paths.resolve(text)
    if GLOB_CHARS & set(text) and not path.exists():
        return load_text_files(glob_files(text), base=None)
    if path.is_dir():
        files, problems = folder_files(path)
        if not files and not problems:
            raise FileNotFoundError(f"no .txt files in folder {path}")
        return load_text_files(files, base=path, problems=problems)
    if not path.exists():
        raise FileNotFoundError(f"corpus source not found: {path}")
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return load_text_files([path], base=None)
    if suffix not in TABLE_READERS:
        supported = ", ".join([".txt", *TABLE_READERS])
        raise ValueError(f"unsupported corpus file type {suffix or '(none)'!r} for {path}; "
                         f"use a folder of .txt files or one of: {supported}")
    label = display_path(path)
    raw = TABLE_READERS[suffix](path, label)
    return load_table(raw, mapping, stem=path.stem, label=label, path=label)


def display_path(path: Path) -> str:
    """``path`` relative to the repository root when inside it (stable across clones)."""
    try:
        return path.resolve().relative_to(paths.ROOT).as_posix()
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------- text files


def glob_files(pattern: str) -> list[Path]:
    """Files matching a glob (``**`` recurses); raises when nothing matches."""
    full = str(paths.resolve(pattern))
    files = sorted(Path(p) for p in glob.glob(full, recursive=True) if Path(p).is_file())
    if not files:
        raise FileNotFoundError(f"no files match {pattern!r} (searched {full})")
    return files


def folder_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """``.txt`` files below ``folder`` (recursive, hidden entries skipped), unreadable folders."""
    problems: list[Problem] = []

    def unreadable(error: OSError) -> None:
        where = display_path(Path(error.filename)) if error.filename else display_path(folder)
        problems.append((where, f"unreadable folder: {error.strerror or error}"))

    files = []
    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files += [Path(root) / n for n in names
                  if n.lower().endswith(".txt") and not n.startswith(".")]
    return sorted(files), problems


def _text_doc_id(path: Path, base: Path | None) -> str:
    """File stem, or the path below ``base`` without suffix for files in subfolders."""
    if base is None:
        return path.stem
    return path.relative_to(base).with_suffix("").as_posix()


def load_text_files(files: list[Path], *, base: Path | None,
                     problems: Iterable[Problem] = ()) -> LoadResult:
    """Parse seed-format files; each becomes an article or a problem."""
    records, found = [], list(problems)
    for path in files:
        label = display_path(path)
        record, problem = read_text_file(path, label)
        if record is None:
            found.append(problem)
        else:
            records.append({"doc_id": _text_doc_id(path, base), "path": label, **record})
    frame = pd.DataFrame.from_records(records) if records else pd.DataFrame()
    return LoadResult(finish_articles(frame, extras=["encoding"]), problems_frame(found))


# --------------------------------------------------------------------------- tables


def check_mapping_keys(columns: Mapping[str, str | None] | None) -> dict[str, str | None]:
    """Validate mapping keys; ``"body"`` is accepted as a synonym of ``"text"``."""
    mapping = dict(columns or {})
    if "body" in mapping and "text" not in mapping:
        mapping["text"] = mapping.pop("body")
    unknown = sorted(set(mapping) - set(FIELDS), key=str)
    if unknown:
        raise ValueError(f"unknown key(s) in columns=: {', '.join(map(repr, unknown))}; "
                         f"valid keys are {', '.join(FIELDS)}")
    return mapping


def _choose_columns(available: list[str], mapping: dict[str, str | None]) -> dict[str, str]:
    """Input column for each field: the mapping first, else the first auto-detected name."""
    missing = {k: v for k, v in mapping.items() if v is not None and v not in available}
    if missing:
        wanted = ", ".join(f"{k}={v!r}" for k, v in missing.items())
        raise ValueError(f"column mapping refers to missing column(s): {wanted}. "
                         f"Available columns: {', '.join(map(repr, available))}")
    lowered = {name.strip().lower(): name for name in reversed(available)}
    chosen = {k: v for k, v in mapping.items() if v is not None}
    for field, candidates in FIELDS.items():
        if field in mapping:
            continue
        taken = set(chosen.values())
        found = next((lowered[c] for c in candidates if c in lowered and lowered[c] not in taken),
                     None)
        if found is not None:
            chosen[field] = found
    return chosen


def _no_text_reason(available: list[str]) -> str:
    names = ", ".join(map(repr, available)) or "(none)"
    return (f"no text column: expected one of {', '.join(FIELDS['text'])} or "
            f"columns={{'text': ...}}; available columns: {names}")


def load_table(raw: RawTable, mapping: dict[str, str | None], *, stem: str, label: str,
                path: str | None) -> LoadResult:
    """Turn a raw table into articles and problems (row problems keyed ``label:row``)."""
    frame = raw.frame.set_axis(unique_names([str(c) for c in raw.frame.columns]), axis=1)
    problems = list(raw.problems)
    if frame.shape[1] == 0:
        empty = finish_articles(pd.DataFrame())
        return LoadResult(empty, problems_frame(problems or [(label, "no rows")]))
    chosen = _choose_columns(list(frame.columns), mapping)
    if "text" not in chosen:
        problems.append((label, _no_text_reason(list(frame.columns))))
        return LoadResult(finish_articles(pd.DataFrame()), problems_frame(problems))
    if frame.empty and not problems:
        problems.append((label, "no rows"))
    articles, row_problems = _standardise(frame, chosen, raw.rows, stem=stem, label=label)
    kept = articles.pop("_index").to_numpy()
    articles["path"] = path
    extras = {(f"input_{c}" if c in ARTICLE_COLUMNS else c): frame[c].iloc[kept].to_numpy()
              for c in frame.columns if c not in chosen.values()}
    articles = articles.assign(**extras)
    return LoadResult(finish_articles(articles, extras=list(extras)),
                      problems_frame([*problems, *row_problems]))


def _as_text(value: object) -> tuple[str | None, str | None]:
    """A cell as text: ``(text, None)``, ``(None, None)`` when missing, ``(None, reason)``."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None, None
    if isinstance(value, str):
        return _valid_unicode(value), None
    if isinstance(value, int | float | bool):
        return str(value), None
    return None, f"text is not a string ({type(value).__name__})"


def _valid_unicode(text: str) -> str:
    """Replace lone surrogates (e.g. from JSON ``\\ud800`` escapes) so text can be encoded."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def _standardise(frame: pd.DataFrame, chosen: dict[str, str], rows: list[int], *, stem: str,
                 label: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Build the article columns from the mapped input columns; reject rows without text."""
    n = len(frame)
    titles = [one_line(t) if t else "" for t in map(_first, _column(frame, chosen, "title", n))]
    ids = _ids(_column(frame, chosen, "id", n), rows, stem)
    records, problems = [], []
    for index, value in enumerate(frame[chosen["text"]].tolist()):
        text, reason = _as_text(value)
        lines = clean_lines(text) if text else []
        if not lines:
            reason = reason or ("title only, no body" if titles[index] else "missing text")
            problems.append((f"{label}:{rows[index]}", reason))
            continue
        body = make_body(lines)
        records.append((index, ids[index], titles[index], body.text, body.n_paragraphs,
                        body.n_subheads))
    articles = pd.DataFrame.from_records(
        records, columns=["_index", "doc_id", "title", "body", "n_paragraphs", "n_subheads"])
    kept = articles["_index"].to_numpy()
    for field in ("author", "desk", "source"):
        values = _column(frame, chosen, field, n)
        articles[field] = [_first(values[i]) for i in kept]
    date = frame[chosen["date"]] if "date" in chosen else pd.Series([None] * n, dtype=object)
    articles["published"] = parse_dates(date).iloc[kept].to_numpy()
    return articles, problems


def _column(frame: pd.DataFrame, chosen: dict[str, str], field: str, n: int) -> list[object]:
    """Values of the column mapped to ``field`` (all ``None`` when unmapped)."""
    return frame[chosen[field]].tolist() if field in chosen else [None] * n


def _first(value: object) -> str | None:
    """A metadata cell as one line of text; lists are joined with ``", "``; blank is ``None``."""
    if isinstance(value, list | tuple) or hasattr(value, "tolist") and not isinstance(value, str):
        value = ", ".join(str(v) for v in list(value) if v is not None)
    text, _ = _as_text(value)
    text = one_line(text) if text else ""
    return text or None


def _ids(values: list[object], rows: list[int], stem: str) -> list[str]:
    """``str`` of the id column (integral floats without ``.0``), else ``stem:row``."""
    ids = []
    for value, row in zip(values, rows, strict=True):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = _first(value)
        ids.append(text if text else f"{stem}:{row}")
    return ids


def parse_dates(values: pd.Series) -> pd.Series:
    """Parse a column of dates into naive ``datetime64[us]`` (UTC for zone-aware input).

    ISO 8601 strings are parsed exactly; other strings go through pandas' flexible parser;
    numbers are Unix epoch seconds (milliseconds when larger than 1e11). Anything
    unparseable becomes ``NaT``.

    >>> parse_dates(pd.Series(["2024-10-17T10:00:00+02:00", "17 Oct 2024", "soon"])).tolist()
    [Timestamp('2024-10-17 08:00:00'), Timestamp('2024-10-17 00:00:00'), NaT]
    """
    values = values.reset_index(drop=True)
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        return values.dt.tz_convert("UTC").dt.tz_localize(None).astype(DATETIME)
    if pd.api.types.is_datetime64_dtype(values.dtype):
        return values.astype(DATETIME)
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values):
        return _from_epoch(pd.to_numeric(values, errors="coerce").astype("float64"))
    text = pd.Series([_first(v) for v in values], dtype="str")
    parsed = _to_utc(text, "ISO8601")
    retry = parsed.isna() & text.notna()
    if retry.any():
        parsed[retry] = _to_utc(text[retry], "mixed")
    return parsed.dt.tz_localize(None).astype(DATETIME)


def _from_epoch(numbers: pd.Series) -> pd.Series:
    """Unix time per value: seconds below 1e11, milliseconds below 1e14, else ``NaT``."""
    size = numbers.abs()
    seconds = pd.to_datetime(numbers.where(size < 1e11), unit="s", errors="coerce")
    millis = pd.to_datetime(numbers.where((size >= 1e11) & (size < 1e14)), unit="ms",
                            errors="coerce")
    return seconds.astype(DATETIME).fillna(millis.astype(DATETIME))


def _to_utc(text: pd.Series, fmt: str) -> pd.Series:
    """``pd.to_datetime`` to UTC, never raising."""
    try:
        return pd.to_datetime(text, format=fmt, errors="coerce", utc=True)
    except (ValueError, OverflowError, TypeError):
        return pd.Series(pd.NaT, index=text.index, dtype="datetime64[us, UTC]")


# --------------------------------------------------------------------------- assembly


def unique_names(names: list[str]) -> list[str]:
    """Keep the first of each name; later repeats become ``name~2``, ``name~3``, ..."""
    taken, out = set(names), []
    seen: set[str] = set()
    for name in names:
        if name in seen:
            k = 2
            while f"{name}~{k}" in taken:
                k += 1
            name = f"{name}~{k}"
            taken.add(name)
        seen.add(name)
        out.append(name)
    return out


def find_duplicates(doc_ids: list[str], bodies: list[str]) -> list[str | None]:
    """For each article, the doc_id of the first earlier article with the same body."""
    first: dict[str, str] = {}
    out = []
    for doc_id, body in zip(doc_ids, bodies, strict=True):
        out.append(first.get(body))
        first.setdefault(body, doc_id)
    return out


def _hash(title: str, body: str) -> str:
    return hashlib.sha256(f"{title}\n\n{body}".encode()).hexdigest()


def finish_articles(frame: pd.DataFrame, *, extras: Iterable[str] = ()) -> pd.DataFrame:
    """Add ids, counts, hashes and duplicate flags; fix column order and dtypes."""
    frame = frame.reset_index(drop=True)
    for column in ARTICLE_COLUMNS:
        if column not in frame:
            frame[column] = pd.Series([None] * len(frame), dtype=object)
    doc_ids = unique_names([str(d) for d in frame["doc_id"]])
    titles, bodies = frame["title"].tolist(), frame["body"].tolist()
    frame["doc_id"] = doc_ids
    frame["n_words"] = [len(b.split()) for b in bodies]
    frame["content_hash"] = [_hash(t, b) for t, b in zip(titles, bodies, strict=True)]
    frame["duplicate_of"] = find_duplicates(doc_ids, bodies)
    frame["published"] = pd.to_datetime(frame["published"]).astype(DATETIME)
    frame = frame.astype({c: "str" for c in STR_COLUMNS} | {c: "int64" for c in INT_COLUMNS})
    return frame[[*ARTICLE_COLUMNS, *[c for c in extras if c in frame]]]


def problems_frame(problems: Iterable[Problem]) -> pd.DataFrame:
    """The problems frame: ``input`` and ``reason``, both ``str``."""
    return pd.DataFrame(list(problems), columns=list(PROBLEM_COLUMNS)).astype("str")
