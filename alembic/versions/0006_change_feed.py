"""Stable identity and a change feed: ``changes``, ``retired_ids``, ``updated_at``.

- ``changes``: one row per insert, update, merge or delete of an article, source, expert,
  claim or event, appended by the loader in the transaction that made it. ``seq`` is
  allocated under the writers' lock (``MAX(seq) + 1``), so it has no gap and a reader
  never sees a row with a smaller ``seq`` appear after one it has read. The upgrade
  backfills one 'insert' per stored row (sources, experts, articles, events, claims, each
  by id), so a consumer starting at ``seq`` 0 reads the whole store.
- ``retired_ids``: an id that no longer names a row says why: merged into another
  (``merged_into``) or removed (``merged_into`` NULL, a tombstone).
- ``updated_at`` on sources, experts, claims and events (UTC; the loader sets it on every
  insert and update; NULL on rows stored before this revision, which have not changed
  since ``created_at``: filling it in would rewrite every row under its lock).
- Claims and events left with no mention are now deleted by the loader, which records
  them in ``changes`` and ``retired_ids``, instead of by triggers on the mention tables
  (a trigger cannot tell a removal from a mention moving to another row within one
  write). Deleting an article by hand still takes the claims and events only it
  mentions, by a ``BEFORE DELETE`` trigger on ``articles``.

PostgreSQL: statements on existing tables run after ``SET lock_timeout``; the new columns
are nullable without a default (a catalog-only change).

Downgrade drops the two tables and the columns, and restores the triggers of 0001.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCK_TIMEOUT = "10s"
# Backfill order: what a consumer needs first (an article's outlet, a claim's expert).
ENTITIES = {
    "source": "sources",
    "expert": "experts",
    "article": "articles",
    "event": "events",
    "claim": "claims",
}
UPDATED = ("sources", "experts", "claims", "events")
UPDATED_AT = (
    "When eventstore last inserted or changed this row (UTC); NULL: not changed since "
    "created_at (rows stored before revision 0006)."
)
# mention table -> (parent table, parent column), as in 0001.
ORPHAN_PARENTS = {
    "claim_mentions": ("claims", "claim_id"),
    "event_mentions": ("events", "event_id"),
}
ENTITY_CHECK = "entity IN ('article', 'source', 'expert', 'claim', 'event')"


def _sqlite() -> bool:
    return op.get_context().dialect.name == "sqlite"


def upgrade() -> None:
    if not _sqlite():
        op.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
    _create_changes()
    _create_retired_ids()
    for name in UPDATED:
        op.add_column(name, sa.Column("updated_at", sa.DateTime(timezone=True), comment=UPDATED_AT))
    _drop_orphan_triggers()
    _create_article_trigger()
    _backfill()
    if not _sqlite():
        op.execute("RESET lock_timeout")


def downgrade() -> None:
    if not _sqlite():
        op.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
    _drop_article_trigger()
    _create_orphan_triggers()
    for name in UPDATED:
        op.drop_column(name, "updated_at")
    op.drop_table("retired_ids")
    op.drop_table("changes")
    if not _sqlite():
        op.execute("RESET lock_timeout")


def _create_changes() -> None:
    op.create_table(
        "changes",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=False,
            nullable=False,
            comment="Position in the feed: gap-free and increasing in commit order.",
        ),
        sa.Column(
            "entity",
            sa.String(length=10),
            nullable=False,
            comment="article | source | expert | claim | event.",
        ),
        sa.Column("entity_id", sa.BigInteger(), nullable=False, comment="The row's id."),
        sa.Column(
            "op", sa.String(length=10), nullable=False, comment="insert | update | merge | delete."
        ),
        sa.Column(
            "survivor_id",
            sa.BigInteger(),
            nullable=True,
            comment="For a merge: the id of the row this one was merged into.",
        ),
        sa.Column(
            "run_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
            comment="The ingestion run that made the change (NULL: the migration's backfill).",
        ),
        sa.Column(
            "changed_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
            comment="When the change was written (UTC).",
        ),
        sa.CheckConstraint(ENTITY_CHECK, name=op.f("ck_changes_entity")),
        sa.CheckConstraint(
            "op IN ('insert', 'update', 'merge', 'delete')", name=op.f("ck_changes_op")
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["ingestion_runs.id"],
            name=op.f("fk_changes_run_id_ingestion_runs"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_changes")),
        comment="The change feed: every write of the loader, in order (read with --since SEQ).",
    )
    op.create_index(op.f("ix_changes_entity_entity_id"), "changes", ["entity", "entity_id"])


def _create_retired_ids() -> None:
    op.create_table(
        "retired_ids",
        sa.Column(
            "entity", sa.String(length=10), nullable=False, comment="source | expert | claim | ..."
        ),
        sa.Column("id", sa.BigInteger(), nullable=False, comment="The id no longer in use."),
        sa.Column(
            "merged_into",
            sa.BigInteger(),
            nullable=True,
            comment="The row it was merged into (follow on); NULL when it was removed.",
        ),
        sa.Column(
            "run_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
            comment="The ingestion run that retired it.",
        ),
        sa.Column(
            "retired_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
            comment="When it was retired (UTC).",
        ),
        sa.CheckConstraint(ENTITY_CHECK, name=op.f("ck_retired_ids_entity")),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["ingestion_runs.id"],
            name=op.f("fk_retired_ids_run_id_ingestion_runs"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("entity", "id", name=op.f("pk_retired_ids")),
        comment="Forwarding addresses: ids merged into another row, and tombstones of removed ones.",
    )


def _backfill() -> None:
    offset = "0"
    for entity, name in ENTITIES.items():
        op.execute(
            "INSERT INTO changes (seq, entity, entity_id, op) "
            f"SELECT {offset} + ROW_NUMBER() OVER (ORDER BY id), '{entity}', id, 'insert' "
            f"FROM {name}"
        )
        offset = "(SELECT COALESCE(MAX(seq), 0) FROM changes)"


# -- triggers --------------------------------------------------------------------------------


def _create_article_trigger() -> None:
    """Deleting an article by hand deletes the claims and events it alone mentions, then
    its mentions (at once: PostgreSQL would cascade only at the end of the statement, and
    the next article of a multi-row DELETE must not see them)."""
    statements = [
        f"DELETE FROM {parent} WHERE id IN (SELECT {column} FROM {mentions} "
        f"WHERE article_id = old.id) AND NOT EXISTS (SELECT 1 FROM {mentions} m "
        f"WHERE m.{column} = {parent}.id AND m.article_id <> old.id); "
        f"DELETE FROM {mentions} WHERE article_id = old.id;"
        for mentions, (parent, column) in ORPHAN_PARENTS.items()
    ]
    body = " ".join(statements)
    if _sqlite():
        op.execute(
            f"CREATE TRIGGER articles_drop_orphans BEFORE DELETE ON articles BEGIN {body} END"
        )
        return
    op.execute(
        "CREATE FUNCTION articles_drop_orphans() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {body} RETURN old; END $$"
    )
    op.execute(
        "CREATE TRIGGER articles_drop_orphans BEFORE DELETE ON articles "
        "FOR EACH ROW EXECUTE FUNCTION articles_drop_orphans()"
    )


def _drop_article_trigger() -> None:
    if _sqlite():
        op.execute("DROP TRIGGER IF EXISTS articles_drop_orphans")
        return
    op.execute("DROP TRIGGER IF EXISTS articles_drop_orphans ON articles")
    op.execute(
        "-- squawk-ignore ban-drop-function\nDROP FUNCTION IF EXISTS articles_drop_orphans()"
    )


def _create_orphan_triggers() -> None:
    """The triggers of 0001 (frozen here)."""
    for mentions, (parent, column) in ORPHAN_PARENTS.items():
        condition = (
            f"id = old.{column} AND NOT EXISTS "
            f"(SELECT 1 FROM {mentions} WHERE {column} = old.{column})"
        )
        if _sqlite():
            for event, name in (("DELETE", "ad"), (f"UPDATE OF {column}", "au")):
                op.execute(
                    f"CREATE TRIGGER {mentions}_orphan_{name} AFTER {event} ON {mentions} "
                    f"BEGIN DELETE FROM {parent} WHERE {condition}; END"
                )
            continue
        op.execute(
            f"CREATE FUNCTION {mentions}_drop_orphan() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN DELETE FROM {parent} WHERE {condition}; RETURN NULL; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {mentions}_orphan AFTER DELETE OR UPDATE OF {column} "
            f"ON {mentions} FOR EACH ROW EXECUTE FUNCTION {mentions}_drop_orphan()"
        )


def _drop_orphan_triggers() -> None:
    for mentions in ORPHAN_PARENTS:
        if _sqlite():
            op.execute(f"DROP TRIGGER IF EXISTS {mentions}_orphan_ad")
            op.execute(f"DROP TRIGGER IF EXISTS {mentions}_orphan_au")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {mentions}_orphan ON {mentions}")
            op.execute(
                "-- squawk-ignore ban-drop-function\n"
                f"DROP FUNCTION IF EXISTS {mentions}_drop_orphan()"
            )
