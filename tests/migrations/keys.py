"""Matching keys as the migration tests compare them: in their text form ("b:" and 32 hex
digits) whichever form the revision a store is at keeps them in (text before 0013,
17 bytes since)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from eventstore.load.loader import load_paths
from eventstore.normalize import key_text
from tests.load.test_loader import dump

REPO = Path(__file__).resolve().parents[2]

KEY_TABLES = (("event_keys", "event_id"), ("claim_keys", "claim_id"))

Keys = set[tuple[str, int, str]]


def as_text(key: str | bytes) -> str:
    """A stored key in its text form."""
    return key if isinstance(key, str) else key_text(bytes(key))


def stored_keys(engine: Engine) -> Keys:
    """(table, row id, key) of every matching key stored, keys in their text form."""
    with engine.connect() as connection:
        return {
            (table, row_id, as_text(key))
            for table, parent in KEY_TABLES
            for row_id, key in connection.execute(text(f"SELECT {parent}, key FROM {table}"))
        }


def seeds_again(engine: Engine, folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The store before and after loading copies of the seeds from another feed (``folder``,
    new): where the matching keys work, the copies match the stored events and claims."""
    before = dump(engine)
    folder.mkdir()
    for seed in sorted((REPO / "seeds").glob("*.txt")):
        (folder / f"copy_{seed.name}").write_bytes(seed.read_bytes())
    load_paths(engine, [folder])
    return before, dump(engine)


def assert_nothing_added(before: dict[str, Any], after: dict[str, Any]) -> None:
    for table in ("events", "claims", "experts", "sources"):
        assert len(after[table]) == len(before[table]), table
