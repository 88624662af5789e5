"""Matching keys: event_keys and claim_keys, filled for the events and claims already stored.

The loader finds the rows a new mention may match by indexed keys (a hash of a wording's
normal form, of its first and of its last words) instead of reading candidates row by
row. Stores loaded before this revision get the keys of their rows' current wordings
(claim keys scoped to the expert and kind), computed by the loader's own functions, so
their events and claims keep matching. claims.text_key now follows the kept wording; on
PostgreSQL its comment says so.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

from eventstore.load.match import claim_key_set, key_set, match_text

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCK_TIMEOUT = "10s"
CHUNK = 5_000
TEXT_KEY_COMMENTS = (
    "Hash of the normalized wording that first created the claim.",
    "Hash of the normalized wording of text.",
)


def upgrade() -> None:
    for parent in ("event", "claim"):
        _create_keys(parent)
    _backfill()
    _comment_text_key(*TEXT_KEY_COMMENTS)


def downgrade() -> None:
    _comment_text_key(*reversed(TEXT_KEY_COMMENTS))
    for parent in ("claim", "event"):
        op.drop_index(op.f(f"ix_{parent}_keys_key"), table_name=f"{parent}_keys")
        op.drop_table(f"{parent}_keys")


def _create_keys(parent: str) -> None:
    table = f"{parent}_keys"
    ids = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        table,
        sa.Column("id", ids, nullable=False, comment=f"Surrogate key of the {parent} key."),
        sa.Column(f"{parent}_id", ids, nullable=False, comment=f"The {parent}."),
        sa.Column(
            "key",
            sa.String(length=34),
            nullable=False,
            comment="f:, h: or t: and a hash of a normalized wording, its first or last words.",
        ),
        sa.ForeignKeyConstraint(
            [f"{parent}_id"],
            [f"{parent}s.id"],
            name=op.f(f"fk_{table}_{parent}_id_{parent}s"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        sa.UniqueConstraint(f"{parent}_id", "key", name=op.f(f"uq_{table}_{parent}_id_key")),
        comment=f"Matching keys of {parent}s (whole, head and tail of every wording seen).",
        sqlite_autoincrement=True,
    )
    op.create_index(op.f(f"ix_{table}_key"), table, ["key"], unique=False)


def _backfill() -> None:
    """Keys of the stored rows' wordings (online only: offline SQL cannot hash text)."""
    if context.is_offline_mode():
        return
    bind = op.get_bind()
    events = bind.execute(sa.text("SELECT id, summary FROM events")).all()
    _insert("event_keys", "event_id", [(i, key_set(match_text(s))) for i, s in events])
    claims = bind.execute(sa.text("SELECT id, text, expert_id, kind FROM claims")).all()
    keyed = [(i, claim_key_set(match_text(t), e, k)) for i, t, e, k in claims]
    _insert("claim_keys", "claim_id", keyed)


def _insert(table: str, parent: str, keyed: list[tuple[int, frozenset[str]]]) -> None:
    statement = sa.text(f"INSERT INTO {table} ({parent}, key) VALUES (:parent, :key)")
    rows = [{"parent": row_id, "key": key} for row_id, keys in keyed for key in sorted(keys)]
    for start in range(0, len(rows), CHUNK):
        op.get_bind().execute(statement, rows[start : start + CHUNK])


def _comment_text_key(old: str, new: str) -> None:
    if op.get_context().dialect.name != "postgresql":
        return  # SQLite keeps no comments
    op.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
    op.alter_column(
        "claims",
        "text_key",
        existing_type=sa.String(length=64),
        existing_nullable=False,
        comment=new,
        existing_comment=old,
    )
    op.execute("RESET lock_timeout")
