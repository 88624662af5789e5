"""Full-text indexing of a loader's batch in one statement per table: search_deferrals.

SQLite's FTS5 insert triggers (``<table>_fts_ai`` on articles, claims and events,
revision 0001) index rows one by one; indexing the same rows in one
``INSERT INTO <table>_fts ... SELECT`` per batch costs 40% of it (measured on the rows of
5,000 benchmark articles: claims 2.4-2.9 s by trigger, 0.9-1.2 s batched; articles
2.6-2.8 s and 1.1-1.2 s). This revision adds ``search_deferrals`` (one integer column)
and recreates the three insert triggers with ``WHEN NOT EXISTS (SELECT 1 FROM
search_deferrals)``. The loader writes its row at the start of a batch, indexes the
rows it inserted itself, and deletes the row before the batch commits, so the table is
empty in every committed state and any other writer (an analyst's INSERT, a restore)
is indexed by the triggers as before; search is never out of date after a commit.
The delete and update triggers are unchanged.

PostgreSQL keeps its search vectors in generated columns: the table is created there too
(one schema for both dialects) and never written. Downgrade restores the triggers of 0001
and drops the table. A later batch migration of articles, claims or events on SQLite
must recreate these triggers as they are here.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# table -> the text columns its full-text index covers (as revision 0001).
FTS_COLUMNS: dict[str, tuple[str, ...]] = {
    "claims": ("text",),
    "events": ("summary",),
    "articles": ("title", "body"),
}
DEFERRED = "WHEN NOT EXISTS (SELECT 1 FROM search_deferrals) "
TABLE_COMMENT = (
    "Empty whenever a transaction commits. SQLite: the loader writes one row for the length "
    "of a batch, and the FTS5 insert triggers of articles, claims and events skip rows "
    "inserted meanwhile, which the loader indexes in one statement per table before it "
    "removes the row (docs/performance.md). PostgreSQL keeps search vectors in generated "
    "columns and never uses it."
)


def upgrade() -> None:
    op.create_table(
        "search_deferrals",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False, comment="Always 1."),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_deferrals")),
        comment=TABLE_COMMENT,
    )
    _insert_triggers(DEFERRED)


def downgrade() -> None:
    _insert_triggers("")
    op.drop_table("search_deferrals")


def _insert_triggers(condition: str) -> None:
    if op.get_context().dialect.name != "sqlite":
        return
    for table, columns in FTS_COLUMNS.items():
        names = ", ".join(columns)
        values = ", ".join(f"new.{column}" for column in columns)
        fts = f"{table}_fts"
        op.execute(f"DROP TRIGGER IF EXISTS {fts}_ai")
        op.execute(
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} {condition}"
            f"BEGIN INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {values}); END"
        )
