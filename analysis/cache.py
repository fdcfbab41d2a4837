"""On-disk cache of processed frames: Parquet only, keyed by content hash, written atomically.

An entry is a folder ``<root>/<key>/`` holding one ``<name>.parquet`` (a file or a Dask
folder of parts) per frame and a ``manifest.json``. The key is a SHA-256 of the input's
*content* (file bytes, or the frame's values), the settings and the code version, so a
changed file, option or analysis module gives a new entry and an unchanged rerun is a hit.

Entries are built in a hidden ``.tmp-*`` folder next to the final one and renamed into
place only once complete: an exception, Ctrl-C or a crash mid-write never leaves a
partial entry that a later run could read. Nothing is pickled.

>>> key = cache_key("abc", {"stages": ["sentences"]}, code="v1")
>>> len(key)
24
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from analysis import paths

CACHE_FORMAT = 1
DEFAULT_ROOT = paths.CACHE / "pipeline"
MANIFEST = "manifest.json"
CODE_MODULES = ("corpus", "text", "frequency", "sentiment", "quotes", "pipeline", "scale", "cache")
_CHUNK = 1 << 20


def _hash_file(path: Path, digest: Any) -> None:
    """Feed a file's bytes into ``digest`` in 1 MiB chunks (constant memory)."""
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)


def source_files(source: str | Path) -> list[Path]:
    """The files behind a path source: the file itself, a folder's files, or a glob's matches."""
    text = str(source)
    if any(ch in text for ch in "*?["):
        pattern = text if Path(text).is_absolute() else str(paths.ROOT / text)
        return sorted(Path(p) for p in glob.glob(pattern, recursive=True) if Path(p).is_file())
    path = paths.resolve(source)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    return [path]


def content_hash(source: str | Path | pd.DataFrame) -> str:
    """SHA-256 of what a source contains (not of its name or modification time).

    A DataFrame hashes its column names, dtypes and values; a path hashes every file's
    relative name and bytes, streamed, so a 1 GB corpus costs about a second.
    """
    digest = hashlib.sha256()
    if isinstance(source, pd.DataFrame):
        digest.update(json.dumps([list(map(str, source.columns)),
                                  list(map(str, source.dtypes))]).encode())
        values = pd.util.hash_pandas_object(source, index=False, categorize=False)
        digest.update(values.to_numpy().tobytes())
        return digest.hexdigest()
    files = source_files(source)
    if not files or not all(f.exists() for f in files):
        raise FileNotFoundError(f"no input files at {source}")
    base = files[0].parent if len(files) == 1 else Path(os.path.commonpath(files))
    for path in files:
        digest.update(str(path.relative_to(base)).encode() + b"\0")
        _hash_file(path, digest)
        digest.update(b"\0")
    return digest.hexdigest()


def code_version(modules: Iterable[str] = CODE_MODULES) -> str:
    """SHA-256 of the source of the analysis modules a cached result depends on."""
    digest = hashlib.sha256(f"format={CACHE_FORMAT}".encode())
    package = Path(__file__).resolve().parent
    for name in modules:
        path = package / f"{name}.py"
        digest.update(name.encode())
        if path.exists():
            _hash_file(path, digest)
    return digest.hexdigest()


def cache_key(input_hash: str, settings: Mapping[str, Any], *, code: str | None = None) -> str:
    """Key of an entry: input content hash + settings (JSON, sorted) + code version."""
    payload = json.dumps({"input": input_hash, "settings": settings,
                          "code": code if code is not None else code_version()},
                         sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:24]


def lookup(key: str, *, root: str | Path | None = None) -> Path | None:
    """Folder of a complete entry, or None (a missing manifest means not complete)."""
    folder = Path(root or DEFAULT_ROOT) / key
    return folder if (folder / MANIFEST).is_file() else None


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of an entry: key, settings, frame names, row counts."""
    return json.loads((folder / MANIFEST).read_text())


@contextmanager
def atomic_entry(
    key: str, *, root: str | Path | None = None, manifest: Mapping[str, Any] | None = None
) -> Iterator[Path]:
    """Yield a temporary folder to write an entry into; publish it by rename on success.

    On any exception (including KeyboardInterrupt) the temporary folder is removed and
    the exception propagates: no partial entry is ever visible under ``root/key``.
    If another process published the same key first, its entry is kept.
    """
    base = Path(root or DEFAULT_ROOT)
    base.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{key}-", dir=base))
    try:
        yield tmp
        info = {"key": key, "format": CACHE_FORMAT, **dict(manifest or {})}
        info["frames"] = sorted(p.name.removesuffix(".parquet") for p in tmp.glob("*.parquet"))
        (tmp / MANIFEST).write_text(json.dumps(info, sort_keys=True, indent=1, default=str))
        try:
            os.rename(tmp, base / key)
        except OSError:
            if lookup(key, root=base) is None:
                raise
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write_frames(
    key: str, frames: Mapping[str, pd.DataFrame], *, root: str | Path | None = None,
    manifest: Mapping[str, Any] | None = None,
) -> Path:
    """Write pandas frames as ``<name>.parquet`` into a new entry, atomically; return it."""
    with atomic_entry(key, root=root, manifest=manifest) as tmp:
        for name, frame in frames.items():
            frame.to_parquet(tmp / f"{name}.parquet", index=False)
    return Path(root or DEFAULT_ROOT) / key


def read_frames(folder: Path, names: Iterable[str] | None = None) -> dict[str, pd.DataFrame]:
    """Read an entry's frames with pandas (a Dask folder of parts reads as one frame)."""
    names = read_manifest(folder)["frames"] if names is None else names
    return {name: pd.read_parquet(folder / f"{name}.parquet") for name in names}


def clear(*, root: str | Path | None = None) -> int:
    """Delete every entry (and leftover temporary folders) under ``root``; return how many."""
    base = Path(root or DEFAULT_ROOT)
    if not base.is_dir():
        return 0
    entries = [p for p in base.iterdir() if p.is_dir()]
    for entry in entries:
        shutil.rmtree(entry, ignore_errors=True)
    return len(entries)
