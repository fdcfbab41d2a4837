"""The seeds are immutable: their bytes must match the checksum table in seeds/README.md."""

from __future__ import annotations

import hashlib
import re

from analysis import paths

ROW = re.compile(r"^\| `(?P<name>[^`]+)` \| (?P<size>\d+) \| `(?P<sha>[0-9a-f]{64})` \|$", re.M)


def checksum_table() -> dict[str, tuple[int, str]]:
    """``{file name: (bytes, sha256)}`` parsed from the README's table."""
    text = (paths.SEEDS / "README.md").read_text(encoding="utf-8")
    return {m["name"]: (int(m["size"]), m["sha"]) for m in ROW.finditer(text)}


def test_readme_lists_every_seed_file() -> None:
    table = checksum_table()
    assert table, "seeds/README.md has no checksum table"
    assert sorted(table) == sorted(p.name for p in paths.SEEDS.glob("*.txt"))


def test_seed_bytes_unchanged() -> None:
    for name, (size, sha) in checksum_table().items():
        data = (paths.SEEDS / name).read_bytes()
        assert len(data) == size, f"{name}: size changed"
        assert hashlib.sha256(data).hexdigest() == sha, f"{name}: content changed"


def test_seeds_match_shared_copy_when_present() -> None:
    shared = paths.ROOT.parent / "shared" / "seeds"
    for name in checksum_table():
        if (shared / name).is_file():
            assert (shared / name).read_bytes() == (paths.SEEDS / name).read_bytes()
