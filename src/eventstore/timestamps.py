"""Moments as every output shows them: ISO 8601 in UTC, with a ``Z``, on both databases.

SQLite hands back the naive UTC datetimes it stored, PostgreSQL aware ones in the
session's time zone; ``as_utc`` makes both aware UTC, ``iso_utc`` writes them
``2024-05-01T06:30:00.123456Z``.
"""

from __future__ import annotations

from datetime import UTC, datetime


def as_utc(moment: datetime) -> datetime:
    """``moment`` as an aware UTC datetime (a naive one is UTC already, as stored)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def iso_utc(moment: datetime) -> str:
    """``moment`` in ISO 8601, UTC, ending in ``Z``."""
    return as_utc(moment).isoformat().replace("+00:00", "Z")
