"""Shared pytest fixtures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from analysis import paths


@pytest.fixture
def shared_data() -> Callable[[str], Path]:
    """Return a function giving a ../shared/data folder, skipping the test when it is absent."""

    def get(name: str) -> Path:
        folder = paths.shared_data(name)
        if not folder.is_dir():
            pytest.skip(f"shared dataset {name!r} not found at {folder}")
        return folder

    return get
