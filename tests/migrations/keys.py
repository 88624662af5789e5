"""Matching keys as the migration tests compare them: in their text form ("b:" and 32 hex
digits) whichever form the revision a store is at keeps them in (text before 0013,
17 bytes since)."""

from __future__ import annotations

from sqlalchemy import Engine, text

from eventstore.normalize import key_text

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
