"""Matching keys without head and tail: the h: and t: rows of event_keys and claim_keys go.

Since revision 0010 the loader looks candidates up by a wording's whole key (``f:``) and
its blocking keys (``b:``, ``n:``, ``q:``); nothing reads the ``h:`` and ``t:`` keys
(hashes of a wording's first and last six words, the candidates of revision 0003),
yet the loader kept filing them for every wording, two of a claim's eleven key rows
(docs/performance.md). The loader files them no more, and this revision deletes those
stored (online only, like the backfills of 0003 and 0010: the offline script keeps to
catalog changes). On PostgreSQL the comments of the key tables and columns say which keys
there are (under ``SET lock_timeout``).

Downgrade restores the comments and recomputes the ``h:`` and ``t:`` keys of every
event's and claim's current wording (claims scoped to their expert and kind), as 0003
filled them for stores loaded before it, with 0003's frozen functions
(``eventstore.load.match``); those of earlier wordings a row absorbed are not restored:
revision 0011's loader never reads them either.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

from collections.abc import Iterator, Sequence

import sqlalchemy as sa
from alembic import context, op

from eventstore.load.match import claim_key_set, key_set, match_text

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCK_TIMEOUT = "10s"
CHUNK = 5_000
DROPPED = ("h:", "t:")
KEY_COMMENTS = (
    "f:, h:, t: (a hash of a normalized wording, its first or last words) or b:, n:, q: "
    "(a MinHash band, name or count of a wording, scoped; at most 17 rows per key).",
    "f: (a hash of a normalized wording) or b:, n:, q: (a MinHash band, name or count of a "
    "wording, scoped; at most 17 rows per key).",
)
TABLE_COMMENTS = (
    "Matching keys of {rows} (whole, head and tail of every wording seen).",
    "Matching keys of {rows} (every wording's whole key, and blocking keys).",
)


def upgrade() -> None:
    _comment_keys(KEY_COMMENTS, TABLE_COMMENTS)
    if context.is_offline_mode():
        return
    for table in ("event_keys", "claim_keys"):
        op.execute(f"DELETE FROM {table} WHERE substr(key, 1, 2) IN ('h:', 't:')")


def downgrade() -> None:
    if not context.is_offline_mode():  # offline SQL cannot hash text
        _insert("event_keys", "event_id", _event_keys())
        _insert("claim_keys", "claim_id", _claim_keys())
    _comment_keys(KEY_COMMENTS[::-1], TABLE_COMMENTS[::-1])


def _comment_keys(columns: tuple[str, str], tables: tuple[str, str]) -> None:
    if op.get_context().dialect.name != "postgresql":
        return  # SQLite keeps no comments
    op.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
    for table, rows in (("event_keys", "events"), ("claim_keys", "claims")):
        op.alter_column(
            table,
            "key",
            existing_type=sa.String(length=34),
            existing_nullable=False,
            comment=columns[1],
            existing_comment=columns[0],
        )
        op.create_table_comment(
            table,
            tables[1].format(rows=rows),
            existing_comment=tables[0].format(rows=rows),
        )
    op.execute("RESET lock_timeout")


def _event_keys() -> Iterator[tuple[int, str]]:
    """(event id, key) of the h: and t: keys of every event's summary."""
    for row_id, summary in op.get_bind().execute(sa.text("SELECT id, summary FROM events")).all():
        for key in sorted(key_set(match_text(summary))):
            if key.startswith(DROPPED):
                yield row_id, key


def _claim_keys() -> Iterator[tuple[int, str]]:
    """(claim id, key) of the h: and t: keys of every claim's text, scoped."""
    query = sa.text("SELECT id, text, expert_id, kind FROM claims")
    for row_id, text, expert_id, kind in op.get_bind().execute(query).all():
        for key in sorted(claim_key_set(match_text(text), expert_id, kind)):
            if key.startswith(DROPPED):
                yield row_id, key


def _insert(table: str, parent: str, rows: Iterator[tuple[int, str]]) -> None:
    statement = sa.text(f"INSERT INTO {table} ({parent}, key) VALUES (:parent, :key)")
    batch: list[dict[str, object]] = []
    for row_id, key in rows:
        batch.append({"parent": row_id, "key": key})
        if len(batch) == CHUNK:
            op.get_bind().execute(statement, batch)
            batch = []
    if batch:
        op.get_bind().execute(statement, batch)
