"""Keyset pagination: a cursor is the sort key of the last row a page returned."""

from __future__ import annotations

from collections.abc import Sequence

from eventstore.errors import UsageError
from eventstore.repositories._inputs import fits_int64, shown


def encode(key: Sequence[int | str]) -> str:
    """A cursor for ``key`` (numbers and strings, joined by ':')."""
    return ":".join(str(part) for part in key)


def decode_ints(cursor: str, size: int) -> tuple[int, ...]:
    """The integer sort key in ``cursor``, or UsageError for a malformed one."""
    parts = cursor.split(":")
    try:
        values = tuple(int(part) for part in parts)
    except ValueError:
        values = ()
    if len(values) != size or not all(fits_int64(value) for value in values):
        raise UsageError(f"not a cursor of this list: {shown(cursor)}")
    return values
