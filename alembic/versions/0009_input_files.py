"""A reload that trusts size and modification time: input_files and articles.input_key.

- ``input_files``: one row per input file that loaded whole (none of its inputs
  rejected), with its size and modification time (and its sidecar's) as the load saw
  them before reading it, and how many articles it held. A later load that finds the
  file the same counts its articles unchanged without opening it, while that many
  articles are still stored from it at the current extractor version.
- ``articles.input_key`` (nullable, indexed): the ``input_files.input_key`` of the file
  the article was last loaded from (SHA-256 of the file's absolute path). Not a foreign
  key: a file is in ``input_files`` only once it loaded whole.

Nothing is filled in: articles stored before this revision get their key, and their
files a row, the next time a load reads them (once, as it does now).

PostgreSQL: the column is catalog-only, under ``SET lock_timeout``; its index is built
CONCURRENTLY outside a transaction. Downgrade drops the index, the table and the column.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCK_TIMEOUT = "10s"
INDEX = "ix_articles_input_key"
ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
INPUT_KEY_COMMENT = (
    "input_files.input_key of the file it was last loaded from (SHA-256 of its absolute "
    "path); NULL for standard input, re-extraction only, or loads before 0009."
)


def upgrade() -> None:
    postgresql = op.get_context().dialect.name == "postgresql"
    if postgresql:
        op.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
    column = sa.Column("input_key", sa.String(length=64), comment=INPUT_KEY_COMMENT)
    op.add_column("articles", column, if_not_exists=postgresql)  # SQLite: no IF NOT EXISTS
    if postgresql:
        op.execute("RESET lock_timeout")
    _create_input_files()
    _index(create=True)


def downgrade() -> None:
    _index(create=False)
    op.drop_index(op.f("ix_input_files_run_id"), table_name="input_files")
    op.drop_table("input_files")
    postgresql = op.get_context().dialect.name == "postgresql"
    if postgresql:
        op.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
    op.drop_column("articles", "input_key")
    if postgresql:
        op.execute("RESET lock_timeout")


def _create_input_files() -> None:
    op.create_table(
        "input_files",
        sa.Column("id", ID, nullable=False, comment="Surrogate key of the input file."),
        sa.Column(
            "input_key",
            sa.String(length=64),
            nullable=False,
            comment="SHA-256 of the absolute path (as rejected_inputs.input_key of a whole file).",
        ),
        sa.Column("path", sa.Text(), nullable=False, comment="The file, as the load was given it."),
        sa.Column(
            "size", sa.BigInteger(), nullable=False, comment="Bytes of the file when it was read."
        ),
        sa.Column(
            "mtime_ns",
            sa.BigInteger(),
            nullable=False,
            comment="Its modification time then, in nanoseconds since the epoch.",
        ),
        sa.Column(
            "sidecar_size",
            sa.BigInteger(),
            nullable=True,
            comment="Bytes of its <stem>.json sidecar then; NULL: it had none.",
        ),
        sa.Column(
            "sidecar_mtime_ns",
            sa.BigInteger(),
            nullable=True,
            comment="The sidecar's modification time then (ns); NULL: no sidecar.",
        ),
        sa.Column(
            "articles",
            sa.Integer(),
            nullable=False,
            comment="Articles the file held (loaded or unchanged); it is trusted only while "
            "that many articles with its input_key are stored at the current extractor "
            "version.",
        ),
        sa.Column(
            "checked_at",
            sa.DateTime(timezone=True),
            nullable=False,
            comment="When a load last read it whole (UTC).",
        ),
        sa.Column("run_id", ID, nullable=True, comment="The run that last read it."),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["ingestion_runs.id"],
            name=op.f("fk_input_files_run_id_ingestion_runs"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_input_files")),
        sa.UniqueConstraint("input_key", name=op.f("uq_input_files_input_key")),
        comment="Input files that loaded whole (no input of theirs rejected), with their "
        "size and modification time then; a load trusts them while they stay so and the "
        "file's articles are still stored from it, at this extractor version.",
        sqlite_autoincrement=True,
        if_not_exists=True,
    )
    op.create_index(
        op.f("ix_input_files_run_id"), "input_files", ["run_id"], unique=False, if_not_exists=True
    )


def _index(*, create: bool) -> None:
    if op.get_context().dialect.name != "postgresql":
        if create:
            op.create_index(INDEX, "articles", ["input_key"])
        else:
            op.drop_index(INDEX, table_name="articles")
        return
    with op.get_context().autocommit_block():
        op.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
        # A build interrupted earlier leaves an invalid index of that name behind.
        op.drop_index(INDEX, table_name="articles", postgresql_concurrently=True, if_exists=True)
        if create:
            op.create_index(
                INDEX, "articles", ["input_key"], postgresql_concurrently=True, if_not_exists=True
            )
        op.execute("RESET lock_timeout")
