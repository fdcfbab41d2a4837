"""Every path in the project, computed from the package location (never from the cwd)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
NOTEBOOKS = ROOT / "notebooks"
FIGURES = ROOT / "figures"
REPORTS = ROOT / "reports"
CACHE = ROOT / ".cache"
TESTS = ROOT / "tests"
CONFIG = ROOT / "config"
SHARED_DATA = ROOT.parent / "shared" / "data"


def resolve(path: str | Path) -> Path:
    """Resolve ``path`` against the repository root unless it is absolute.

    Notebook parameters such as ``"seeds"`` or ``"../shared/data/bbc_news"`` mean
    the same thing whichever folder the kernel was started in.

    >>> resolve("seeds") == SEEDS
    True
    """
    path = Path(path).expanduser()
    return path if path.is_absolute() else (ROOT / path).resolve()


def shared_data(name: str) -> Path:
    """Path of a dataset folder under ``../shared/data`` (may not exist).

    The environment variable ``NEWS_EDA_SHARED_DATA`` overrides the base folder.
    """
    import os

    base = os.environ.get("NEWS_EDA_SHARED_DATA")
    return (Path(base) if base else SHARED_DATA) / name
