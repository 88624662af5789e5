"""Scheduled loads: known-bad inputs, and runs that say how far they got and where.

- ``rejected_inputs``: one row per input (a file, or a line of a JSONL file) rejected
  and not loaded since, with its size and the SHA-256 of its bytes when rejected, the
  extraction rules that rejected it, its reason, and when and by which runs it was first
  and last met. A load meeting it again unchanged counts it as ``known_bad`` instead of
  rejecting it again; ``load --retry-rejected`` tries them all again.
- ``ingestion_runs`` gets ``known_bad`` and ``skipped`` (counters, default 0),
  ``skipped_reasons`` (JSON), ``version`` (of eventstore), ``input_root`` and
  ``progress_at`` (when the run last committed a batch with its counters). Rows of
  earlier runs keep 0 and NULL.

PostgreSQL: the statements on ``ingestion_runs`` run after ``SET lock_timeout``; its new
columns are nullable or have constant defaults (catalog-only changes, no rewrite).

Downgrade drops the table and the columns (their values are lost).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCK_TIMEOUT = "10s"
# Frozen here: the error codes of this revision (vocabulary.ERROR_CODES describes head).
ERROR_CODES = (
    "empty",
    "not_utf8",
    "binary",
    "too_large",
    "no_title",
    "not_article",
    "bad_json",
    "bad_metadata",
    "unreadable",
    "bad_date",
    "unbalanced_quote",
    "internal",
)
RUN_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _run_columns() -> list[sa.Column[object]]:
    return [
        sa.Column(
            "known_bad",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Inputs rejected by an earlier run and unchanged since: not rejected "
            "again (see rejected_inputs).",
        ),
        sa.Column(
            "skipped",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Directory entries passed over: hidden, of an unsupported type, sidecars "
            "without an article.",
        ),
        sa.Column(
            "skipped_reasons",
            sa.Text(),
            nullable=True,
            comment='skipped by reason, as a JSON object, e.g. {"hidden": 2}.',
        ),
        sa.Column(
            "version",
            sa.String(length=40),
            nullable=True,
            comment="Version of eventstore that ran the load.",
        ),
        sa.Column(
            "input_root",
            sa.Text(),
            nullable=True,
            comment="The directory the inputs have in common; '-' for standard input.",
        ),
        sa.Column(
            "progress_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="When the run last committed a batch and its counters (UTC).",
        ),
    ]


def _sqlite() -> bool:
    return op.get_context().dialect.name == "sqlite"


def upgrade() -> None:
    if not _sqlite():
        op.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
    for column in _run_columns():
        op.add_column("ingestion_runs", column)
    _create_rejected_inputs()
    if not _sqlite():
        op.execute("RESET lock_timeout")


def downgrade() -> None:
    if not _sqlite():
        op.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
    op.drop_table("rejected_inputs")
    for column in reversed(_run_columns()):
        op.drop_column("ingestion_runs", column.name)
    if not _sqlite():
        op.execute("RESET lock_timeout")


def _create_rejected_inputs() -> None:
    codes = ", ".join(f"'{code}'" for code in ERROR_CODES)
    op.create_table(
        "rejected_inputs",
        sa.Column("id", RUN_ID, nullable=False, comment="Surrogate key of the rejected input."),
        sa.Column(
            "input_key",
            sa.String(length=64),
            nullable=False,
            comment="SHA-256 of the absolute path and the line (0 for a whole file): which "
            "input this is.",
        ),
        sa.Column("path", sa.Text(), nullable=False, comment="The file, as the load was given it."),
        sa.Column(
            "line",
            sa.Integer(),
            nullable=True,
            comment="Line number inside a JSONL file; NULL for whole files.",
        ),
        sa.Column(
            "size",
            sa.BigInteger(),
            nullable=False,
            comment="Bytes of the input when rejected (file and sidecar, or the line).",
        ),
        sa.Column(
            "content_hash",
            sa.String(length=64),
            nullable=False,
            comment="SHA-256 of those bytes (of type, size and mtime when it could not be read).",
        ),
        sa.Column(
            "extractor_version",
            sa.String(length=32),
            nullable=False,
            comment="Extraction rules that rejected it; new rules try it again.",
        ),
        sa.Column(
            "code",
            sa.String(length=20),
            nullable=False,
            comment="Why, as in ingestion_errors.code.",
        ),
        sa.Column("reason", sa.Text(), nullable=False, comment="One-line, human-readable reason."),
        sa.Column(
            "first_seen_at",
            sa.DateTime(timezone=True),
            nullable=False,
            comment="When a load first rejected it in this form (UTC).",
        ),
        sa.Column(
            "last_seen_at",
            sa.DateTime(timezone=True),
            nullable=False,
            comment="When a load last met it (UTC).",
        ),
        sa.Column(
            "first_run_id",
            RUN_ID,
            nullable=True,
            comment="The run that rejected it (its ingestion_errors row).",
        ),
        sa.Column("last_run_id", RUN_ID, nullable=True, comment="The last run that met it."),
        sa.Column(
            "times_seen",
            sa.Integer(),
            server_default="1",
            nullable=False,
            comment="Runs that met it in this form.",
        ),
        sa.CheckConstraint(f"code IN ({codes})", name=op.f("ck_rejected_inputs_code")),
        sa.ForeignKeyConstraint(
            ["first_run_id"],
            ["ingestion_runs.id"],
            name=op.f("fk_rejected_inputs_first_run_id_ingestion_runs"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["last_run_id"],
            ["ingestion_runs.id"],
            name=op.f("fk_rejected_inputs_last_run_id_ingestion_runs"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rejected_inputs")),
        sa.UniqueConstraint("input_key", name=op.f("uq_rejected_inputs_input_key")),
        comment="Inputs rejected and not loaded since, one row per file or JSONL line; a load "
        "counts one unchanged since as known_bad instead of rejecting it again.",
        sqlite_autoincrement=True,
    )
