"""Values a caller hands to a query, held to one set of limits before they reach SQL.

Ids are 64-bit on both databases: a larger number names no row (SQLite's driver raises
OverflowError for it, PostgreSQL "bigint out of range"), so it is answered as NotFound
without a query. Texts that become patterns or full-text queries are bounded: SQLite
refuses a LIKE pattern over 50,000 bytes where PostgreSQL takes it, and an FTS5 query of
50,000 words ran for 51 s.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, String

from eventstore.errors import UsageError

INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)
# A name, pattern or search text: 1,000 characters (at most 4,000 bytes of UTF-8).
MAX_TEXT_CHARS = 1000
# Words of a full-text search (each one is a term every match must hold).
MAX_SEARCH_WORDS = 64


def fits_int64(value: int) -> bool:
    """True when ``value`` can be bound as a 64-bit integer on both databases."""
    return INT64_MIN <= value <= INT64_MAX


def column_width(column: Column[Any]) -> int:
    """The length of a VARCHAR column: a longer value names no row of it."""
    if not isinstance(column.type, String) or not column.type.length:
        raise TypeError(f"{column} has no length")  # a schema change this module missed
    return column.type.length


def shown(value: object, width: int = 80) -> str:
    """``value`` quoted for a message, cut to ``width`` characters."""
    text = str(value)
    return repr(text if len(text) <= width else text[: width - 3] + "...")


def check_text(value: str, what: str) -> str:
    """``value`` when it is at most MAX_TEXT_CHARS long, else UsageError."""
    if len(value) > MAX_TEXT_CHARS:
        raise UsageError(
            f"{what}: {len(value):,} characters, at most {MAX_TEXT_CHARS:,} ({shown(value, 40)})"
        )
    return value
