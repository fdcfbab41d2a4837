"""Low-level readers behind :func:`analysis.corpus.load_articles`.

Each reader turns one input file into plain records (or a raw table) plus a list of
problems ``(input, reason)``; none of them raises on bad content. Text rules shared by
every format live here too: decoding, line-break normalisation, the seed layout
(title, ``- Subhead -`` lines, ``Name--DESK`` byline) and paragraph joining.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from analysis.text import SUBHEAD_RE

Problem = tuple[str, str]

#: A subhead line: ``- 'Very difficult period' -``; shared with analysis.text.paragraphs.
SUBHEAD = SUBHEAD_RE
#: A byline: ``Name--DESK`` with no spaces around ``--`` (``G.Montoya--LGdM``).
BYLINE = re.compile(
    r"^(?P<author>[^\s-](?:[^\n]{0,38}[^\s-])?)--(?P<desk>[^\W_](?:[\w./]{0,28}\w)?)$")
LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: Share of control characters above which decoded text is treated as binary.
MAX_CONTROL_SHARE = 0.10
ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


class Decoded(NamedTuple):
    """Text decoded from bytes, with the encoding that worked (or a problem reason)."""

    text: str | None
    encoding: str | None
    reason: str | None


class Body(NamedTuple):
    """A normalised body: paragraphs joined by a blank line, and its counts."""

    text: str
    n_paragraphs: int
    n_subheads: int


def decode_bytes(data: bytes) -> Decoded:
    """Decode file bytes: UTF-8 (BOM stripped), UTF-16 with BOM, else cp1252, else Latin-1.

    Returns a reason instead of text for empty or binary content (NUL bytes outside a
    UTF-16 file, or more than 10% control characters).

    >>> decode_bytes("caf\\u00e9".encode("latin-1")).encoding
    'cp1252'
    """
    if not data.strip():
        return Decoded(None, None, "empty file")
    text, encoding = _decode_unicode(data)
    if text is None:
        if b"\x00" in data:
            return Decoded(None, None, "binary file (NUL bytes)")
        text, encoding = _decode_legacy(data)
    if _control_share(text) > MAX_CONTROL_SHARE:
        return Decoded(None, None, "binary file (control characters)")
    if not text.strip():
        return Decoded(None, None, "empty file")
    return Decoded(text, encoding, None)


def _decode_unicode(data: bytes) -> tuple[str | None, str | None]:
    """Try the Unicode encodings that can be recognised with certainty."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"),
                          (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None, None
    if b"\x00" in data:
        return None, None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return None, None


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Windows-1252 when every byte is defined there, else Latin-1 (never fails)."""
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _control_share(text: str) -> float:
    """Share of characters that are control characters other than tabs and line breaks."""
    if not text:
        return 0.0
    sample = text[:100_000]
    bad = sum(1 for ch in sample if ch not in ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc")
    return bad / len(sample)


def clean_lines(text: str) -> list[str]:
    """Non-blank lines of ``text`` with surrounding whitespace removed (CRLF/CR count as breaks)."""
    return [s for s in (line.strip() for line in LINE_BREAK.split(text)) if s]


def make_body(lines: list[str]) -> Body:
    """Join paragraph lines with exactly one blank line and count subheads.

    >>> make_body(["First.", "- Sub -", "Second."])
    Body(text='First.\\n\\n- Sub -\\n\\nSecond.', n_paragraphs=2, n_subheads=1)
    """
    n_subheads = sum(1 for line in lines if SUBHEAD.match(line))
    return Body("\n\n".join(lines), len(lines) - n_subheads, n_subheads)


def one_line(text: str) -> str:
    """Collapse all whitespace (including line breaks) to single spaces."""
    return " ".join(text.split())


def parse_seed_text(text: str) -> tuple[dict[str, object] | None, str | None]:
    """Split a seed-format text into title, body, author and desk.

    The first non-blank line is the title; a last line ``Name--DESK`` is the byline;
    every other non-blank line is a paragraph (``- Subhead -`` lines included, verbatim).

    Returns ``(record, None)`` or ``(None, reason)`` when there is no body.
    """
    lines = clean_lines(text)
    if not lines:
        return None, "empty file"
    title, rest = one_line(lines[0]), lines[1:]
    author = desk = None
    if rest and (match := BYLINE.match(rest[-1])):
        author, desk, rest = match["author"], match["desk"], rest[:-1]
    if not rest:
        return None, "title only, no body"
    body = make_body(rest)
    return {"title": title, "body": body.text, "author": author, "desk": desk,
            "n_paragraphs": body.n_paragraphs, "n_subheads": body.n_subheads}, None


def read_bytes(path: Path, label: str) -> tuple[bytes | None, Problem | None]:
    """Read a file's bytes, turning OS errors into a problem row."""
    try:
        return path.read_bytes(), None
    except OSError as error:
        return None, (label, f"unreadable: {error.strerror or type(error).__name__}")


def read_text_file(path: Path, label: str) -> tuple[dict[str, object] | None, Problem | None]:
    """Read one seed-format ``.txt`` file into a record (or a problem)."""
    data, problem = read_bytes(path, label)
    if data is None:
        return None, problem
    decoded = decode_bytes(data)
    if decoded.text is None:
        return None, (label, decoded.reason or "unreadable")
    record, reason = parse_seed_text(decoded.text)
    if record is None:
        return None, (label, reason or "no text")
    return {**record, "encoding": decoded.encoding}, None


class RawTable(NamedTuple):
    """A table as read from disk: the rows, their 1-based numbers, and file-level problems."""

    frame: pd.DataFrame
    rows: list[int]
    problems: list[Problem]


def _empty_table(problems: list[Problem]) -> RawTable:
    return RawTable(pd.DataFrame(), [], problems)


def _read_text(path: Path, label: str) -> str | RawTable:
    """The decoded text of ``path``, or an empty table carrying the reason it has none."""
    data, problem = read_bytes(path, label)
    if data is None:
        return _empty_table([problem])
    decoded = decode_bytes(data)
    if decoded.text is None:
        return _empty_table([(label, decoded.reason or "unreadable")])
    return decoded.text


def read_jsonl(path: Path, label: str, *, allow_array: bool = False) -> RawTable:
    """Read JSON Lines; each malformed or non-object line becomes a problem (line numbered).

    With ``allow_array`` (``.json`` files) a file starting with ``[`` is read as one array.
    """
    text = _read_text(path, label)
    if isinstance(text, RawTable):
        return text
    if allow_array and text.lstrip().startswith("["):
        return _read_json_array(text, label)
    records, rows, problems = [], [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (ValueError, RecursionError) as error:
            problems.append((f"{label}:{number}", f"malformed JSON on line {number}: "
                                                  f"{_json_error(error)}"))
            continue
        if not isinstance(value, dict):
            problems.append((f"{label}:{number}",
                             f"line {number} is not a JSON object ({type(value).__name__})"))
            continue
        records.append(value)
        rows.append(number)
    return RawTable(pd.DataFrame.from_records(records) if records else pd.DataFrame(), rows,
                    problems)


def _json_error(error: Exception) -> str:
    """``Expecting ',' delimiter (column 59)`` rather than json's multi-part message."""
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} (column {error.colno})"
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return one_line(str(error))


def _read_json_array(text: str, label: str) -> RawTable:
    """Read a ``.json`` file holding one array of objects."""
    try:
        values = json.loads(text)
    except (ValueError, RecursionError) as error:
        return _empty_table([(label, f"malformed JSON: {_json_error(error)}")])
    if not isinstance(values, list):
        return _empty_table([(label, "JSON file is not an array of objects")])
    records, rows, problems = [], [], []
    for number, value in enumerate(values, start=1):
        if isinstance(value, dict):
            records.append(value)
            rows.append(number)
        else:
            problems.append((f"{label}:{number}", f"item {number} is not a JSON object"))
    return RawTable(pd.DataFrame.from_records(records) if records else pd.DataFrame(), rows,
                    problems)


def read_csv(path: Path, label: str, *, sep: str = ",") -> RawTable:
    """Read a CSV/TSV file as strings; rows with the wrong number of fields become problems."""
    text = _read_text(path, label)
    if isinstance(text, RawTable):
        return text
    options = {"sep": sep, "dtype": "str", "keep_default_na": False, "na_values": [""]}
    try:
        frame = pd.read_csv(io.StringIO(text), **options)
        problems: list[Problem] = []
    except pd.errors.EmptyDataError:
        return _empty_table([(label, "empty file")])
    except (pd.errors.ParserError, csv.Error, ValueError):
        frame, problems = _read_csv_leniently(text, label, options)
    return RawTable(frame, list(range(1, len(frame) + 1)), problems)


def _read_csv_leniently(text: str, label: str, options: dict) -> tuple[pd.DataFrame, list[Problem]]:
    """Second pass for ragged CSV: keep good rows, report each bad one."""
    problems: list[Problem] = []

    def bad_line(fields: list[str]) -> None:
        preview = one_line(",".join(fields))[:60]
        problems.append((label, f"malformed CSV row with {len(fields)} fields: {preview!r}"))

    try:
        frame = pd.read_csv(io.StringIO(text), engine="python", on_bad_lines=bad_line, **options)
    except (pd.errors.ParserError, csv.Error, ValueError) as error:
        return pd.DataFrame(), [(label, f"malformed CSV: {one_line(str(error))}")]
    return frame, problems


def read_parquet(path: Path, label: str) -> RawTable:
    """Read a Parquet file; a file pyarrow cannot open becomes one problem."""
    try:
        frame = pd.read_parquet(path)
    except OSError as error:
        reason = (f"unreadable: {error.strerror}" if error.strerror
                  else f"unreadable Parquet file: {one_line(str(error))[:200]}")
        return _empty_table([(label, reason)])
    except Exception as error:  # noqa: BLE001 - pyarrow raises many types for corrupt files
        return _empty_table([(label, f"unreadable Parquet file: {one_line(str(error))[:200]}")])
    return RawTable(frame.reset_index(drop=True), list(range(1, len(frame) + 1)), [])
