"""Mention provenance and organizations as experts.

- ``claim_mentions`` and ``event_mentions`` get ``extracted_by`` (the rule or model step
  that found the mention; 'legacy' for rows loaded before this revision) and
  ``confidence`` (that step's confidence, CHECK between 0 and 1; 1.0 for rows loaded
  before).
- ``experts.kind`` may be 'organization' (the CHECK is widened; the comment says so).
- ``v_timeline`` and ``v_claims`` end with two new columns: ``extracted_by`` (the
  distinct steps that found the row's mentions, '; '-separated) and ``confidence`` (the
  highest confidence among them). ``v_experts.kind``'s comment names 'organization'.

PostgreSQL: every statement on an existing object runs after ``SET lock_timeout``. The
new columns have constant defaults, a catalog-only change since PostgreSQL 11; their
CHECKs, and the widened experts CHECK, are added ``NOT VALID`` (no scan under the
table's lock) and validated after the commit, which lets reads and writes go on. Every
statement can run twice (IF NOT EXISTS, DROP ... IF EXISTS before ADD), so that an
upgrade stopped after that commit can simply be run again. The views are replaced in
place (``CREATE OR REPLACE``: their grants and comments stay).

SQLite: the columns are added by ``ALTER TABLE ADD COLUMN`` (no rebuild, so the mention
tables keep their orphan triggers). ``experts`` is rebuilt in batch mode from a frozen
copy of its definition: with foreign keys off (checked: on, the rebuild would
cascade-delete every claim), its triggers taken over, its AUTOINCREMENT high-water mark
kept, and the views that read it dropped around the rebuild; ``PRAGMA
foreign_key_check`` runs before the commit.

The view SQL is frozen here, as of this revision (src/eventstore/views.py describes head).

Downgrade drops the two columns (their values are lost), makes experts of kind
'organization' 'other' (the old vocabulary has no 'organization'), restores the old
CHECK and the views of 0002. On PostgreSQL v_timeline and v_claims are dropped and
created again: grants on them must be given again.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCK_TIMEOUT = "10s"
MENTIONS = {"claim_mentions": "claim", "event_mentions": "event"}
EXTRACTED_BY = (
    "The rule or model step that found this mention, e.g. quote.cue_after, lede.summary, "
    "timeline.dated_line."
)
CONFIDENCE = "Confidence of that step in [0, 1]."
OLD_KINDS = ("expert", "official", "politician", "other")
NEW_KINDS = ("expert", "official", "politician", "organization", "other")
KIND_COMMENTS = {
    OLD_KINDS: "expert | official | politician | other.",
    NEW_KINDS: "expert | official | politician | organization | other.",
}
# SQLite: views that read experts cannot survive its rebuild (RENAME checks them).
SQLITE_REBUILT_VIEWS = ("v_timeline", "v_claims", "v_experts")


def upgrade() -> None:
    if _sqlite():
        _upgrade_sqlite()
    else:
        _upgrade_postgresql()


def downgrade() -> None:
    if _sqlite():
        _downgrade_sqlite()
    else:
        _downgrade_postgresql()


def _sqlite() -> bool:
    return op.get_context().dialect.name == "sqlite"


# -- PostgreSQL ----------------------------------------------------------------------------


def _upgrade_postgresql() -> None:
    op.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
    for table in MENTIONS:
        op.add_column(table, _extracted_by_column(), if_not_exists=True)
        op.add_column(table, _confidence_column(), if_not_exists=True)
        _replace_check(table, f"ck_{table}_confidence", "confidence BETWEEN 0 AND 1")
    _replace_check("experts", "ck_experts_kind", _kind_check(NEW_KINDS))
    _comment_expert_kind(OLD_KINDS, NEW_KINDS)
    for name, comment in PROVENANCE_COMMENTS.items():
        op.execute(f"CREATE OR REPLACE VIEW {name} AS {_view_sql(name, sqlite=False)}")
        _comment_view_columns(name, comment)
    op.execute("RESET lock_timeout")
    _validate(
        [(table, f"ck_{table}_confidence") for table in MENTIONS] + [("experts", "ck_experts_kind")]
    )


def _replace_check(table: str, name: str, condition: str) -> None:
    """Add CHECK ``name`` NOT VALID (no scan), dropping an earlier one of that name first."""
    # The drop is of the constraint being replaced in this same transaction (or left by
    # an earlier, interrupted run of this upgrade): nobody ever sees the table without it.
    op.execute(
        "-- squawk-ignore ban-drop-constraint\n"
        f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}"
    )
    op.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} CHECK ({condition}) NOT VALID")


def _validate(constraints: list[tuple[str, str]]) -> None:
    """Validate NOT VALID constraints after the commit (SHARE UPDATE EXCLUSIVE lock)."""
    with op.get_context().autocommit_block():
        op.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
        for table, name in constraints:
            op.execute(f"ALTER TABLE {table} VALIDATE CONSTRAINT {name}")
        op.execute("RESET lock_timeout")


def _comment_expert_kind(old: tuple[str, ...], new: tuple[str, ...]) -> None:
    op.alter_column(
        "experts",
        "kind",
        existing_type=sa.String(length=20),
        existing_nullable=False,
        comment=KIND_COMMENTS[new],
        existing_comment=KIND_COMMENTS[old],
    )
    op.execute(f"COMMENT ON COLUMN v_experts.kind IS {_quote(KIND_COMMENTS[new])}")


def _comment_view_columns(name: str, columns: dict[str, str]) -> None:
    for column, text in columns.items():
        op.execute(f"COMMENT ON COLUMN {name}.{column} IS {_quote(text)}")


def _downgrade_postgresql() -> None:
    op.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
    for name in PROVENANCE_COMMENTS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    for table in MENTIONS:
        op.drop_column(table, "confidence")  # its CHECK goes with it
        op.drop_column(table, "extracted_by")
    _forget_organizations()
    op.execute("ALTER TABLE experts DROP CONSTRAINT IF EXISTS ck_experts_kind")
    op.execute(
        f"ALTER TABLE experts ADD CONSTRAINT ck_experts_kind CHECK ({_kind_check(OLD_KINDS)})"
    )
    _comment_expert_kind(NEW_KINDS, OLD_KINDS)
    for name, (comment, columns) in OLD_VIEW_COMMENTS.items():
        op.execute(f"CREATE VIEW {name} AS {_view_sql(name, sqlite=False, provenance=False)}")
        op.execute(f"COMMENT ON VIEW {name} IS {_quote(comment)}")
        _comment_view_columns(name, columns)
    op.execute("RESET lock_timeout")


def _forget_organizations() -> None:
    op.execute("UPDATE experts SET kind = 'other' WHERE kind = 'organization'")


# -- SQLite ----------------------------------------------------------------------------------


def _upgrade_sqlite() -> None:
    _require_foreign_keys_off()
    _drop_views(SQLITE_REBUILT_VIEWS)
    for table in MENTIONS:
        op.add_column(table, _extracted_by_column())
        # A column's own CHECK may come with ALTER TABLE ADD COLUMN (checked against the
        # existing rows since SQLite 3.37); a table CHECK would need a rebuild.
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN confidence FLOAT DEFAULT 1.0 NOT NULL "
            f"CONSTRAINT ck_{table}_confidence CHECK (confidence BETWEEN 0 AND 1)"
        )
    _rebuild_experts(OLD_KINDS, NEW_KINDS)
    _create_sqlite_views(provenance=True)
    _check_foreign_keys()


def _downgrade_sqlite() -> None:
    _require_foreign_keys_off()
    _drop_views(SQLITE_REBUILT_VIEWS)
    for table in MENTIONS:
        # ALTER TABLE DROP COLUMN (SQLite 3.35+): no rebuild; the CHECK is the column's own.
        op.drop_column(table, "confidence")
        op.drop_column(table, "extracted_by")
    _forget_organizations()
    _rebuild_experts(NEW_KINDS, OLD_KINDS)
    _create_sqlite_views(provenance=False)
    _check_foreign_keys()


def _drop_views(names: Sequence[str]) -> None:
    for name in names:
        op.execute(f"DROP VIEW IF EXISTS {name}")


def _create_sqlite_views(*, provenance: bool) -> None:
    for name in SQLITE_REBUILT_VIEWS:
        op.execute(f"CREATE VIEW {name} AS {_view_sql(name, sqlite=True, provenance=provenance)}")


def _online() -> bool:
    return not context.is_offline_mode()


def _require_foreign_keys_off() -> None:
    if _online() and op.get_bind().exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError(
            "SQLite foreign keys are on: rebuilding experts would delete every claim "
            "(ON DELETE CASCADE). Migrate with `eventstore db upgrade` or `alembic upgrade`, "
            "which connect with foreign keys off."
        )


def _check_foreign_keys() -> None:
    """Fail (and roll back) when the rebuild left a dangling reference."""
    if not _online():
        return
    problems = op.get_bind().exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise RuntimeError(f"foreign key check failed: {problems[:5]}")


def _rebuild_experts(old: tuple[str, ...], new: tuple[str, ...]) -> None:
    """Rebuild experts with the CHECK of ``new`` kinds, keeping triggers and AUTOINCREMENT."""
    triggers = _triggers("experts")
    high_water = _sequence("experts")
    with op.batch_alter_table("experts", recreate="always", copy_from=_experts_table(old)) as batch:
        batch.drop_constraint(op.f("ck_experts_kind"), type_="check")
        batch.create_check_constraint(op.f("ck_experts_kind"), _kind_check(new))
    for sql in triggers:
        op.execute(sql)
    if high_water is not None:
        # The copy's sequence is the largest id left; ids deleted above it stay unused.
        op.execute(
            f"UPDATE sqlite_sequence SET seq = max(seq, {int(high_water)}) WHERE name = 'experts'"
        )


def _triggers(table: str) -> list[str]:
    if not _online():
        return []
    query = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name"
    return [str(sql) for (sql,) in op.get_bind().exec_driver_sql(query, (table,))]


def _sequence(table: str) -> int | None:
    if not _online():
        return None
    query = "SELECT seq FROM sqlite_sequence WHERE name = ?"
    found = op.get_bind().exec_driver_sql(query, (table,)).scalar()
    return None if found is None else int(found)


def _experts_table(kinds: tuple[str, ...]) -> sa.Table:
    """experts as revision 0001 created it, with the CHECK of ``kinds``."""
    return sa.Table(
        "experts",
        sa.MetaData(),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("affiliation", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.CheckConstraint(_kind_check(kinds), name="ck_experts_kind"),
        sa.UniqueConstraint("key", name="uq_experts_key"),
        sqlite_autoincrement=True,
    )


# -- columns, checks and quoting ---------------------------------------------------------------


def _extracted_by_column() -> sa.Column[str]:
    return sa.Column(
        "extracted_by",
        sa.String(length=40),
        server_default="legacy",
        nullable=False,
        comment=EXTRACTED_BY,
    )


def _confidence_column() -> sa.Column[float]:
    return sa.Column(
        "confidence",
        sa.Float(),
        server_default=sa.text("1.0"),
        nullable=False,
        comment=CONFIDENCE,
    )


def _kind_check(kinds: tuple[str, ...]) -> str:
    return "kind IN (" + ", ".join(f"'{kind}'" for kind in kinds) + ")"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# -- the views, frozen as of this revision (0002's SQL, plus the provenance columns) ----------


def _names(kind: str, sqlite: bool) -> str:
    """'; '-joined distinct source names of one event or claim (alias e or c)."""
    outer = "e" if kind == "event" else "c"
    pairs = (
        f"FROM {kind}_sources l JOIN sources s ON s.id = l.source_id WHERE l.{kind}_id = {outer}.id"
    )
    if sqlite:
        return (
            "(SELECT group_concat(name, '; ') FROM "
            f"(SELECT DISTINCT s.name AS name {pairs} ORDER BY s.name))"
        )
    return f"(SELECT string_agg(DISTINCT s.name, '; ' ORDER BY s.name) {pairs})"


def _pad(expression: str, sqlite: bool) -> str:
    if sqlite:
        return f"printf('%02d', {expression})"
    return f"lpad(CAST({expression} AS text), 2, '0')"


def _mentions(kind: str, aggregate: str, column: str, outer: str) -> str:
    return (
        f"(SELECT {aggregate}({column}) FROM {kind}_mentions m "
        f"JOIN articles a ON a.id = m.article_id WHERE m.{kind}_id = {outer}.id)"
    )


def _provenance(kind: str, sqlite: bool) -> str:
    """The provenance columns of one event or claim: its mentions' steps, best confidence."""
    outer = "e" if kind == "event" else "c"
    own = f"FROM {kind}_mentions m WHERE m.{kind}_id = {outer}.id"
    if sqlite:
        steps = (
            "(SELECT group_concat(step, '; ') FROM "
            f"(SELECT DISTINCT m.extracted_by AS step {own} ORDER BY m.extracted_by))"
        )
    else:
        steps = f"(SELECT string_agg(DISTINCT m.extracted_by, '; ' ORDER BY m.extracted_by) {own})"
    return f""",
               {steps} AS extracted_by,
               (SELECT max(m.confidence) {own}) AS confidence"""


def _timeline(sqlite: bool, provenance: bool) -> str:
    month, day = _pad("e.month", sqlite), _pad("e.day", sqlite)
    month_day = f"{month} || CASE WHEN e.day IS NULL THEN '' ELSE '-' || {day} END"
    label = (
        "CASE WHEN e.date_precision = 'unknown' THEN NULL "
        f"WHEN e.year IS NULL THEN '--' || {month_day} "
        "ELSE CAST(e.year AS TEXT) || "
        f"CASE WHEN e.month IS NULL THEN '' ELSE '-' || {month_day} END END"
    )
    extra = _provenance("event", sqlite) if provenance else ""
    return f"""
        SELECT e.id AS event_id, e.year, e.month, e.day, e.date_precision, e.date_qualifier,
               e.date_key, {label} AS date_label, e.summary,
               (SELECT count(DISTINCT m.article_id) FROM event_mentions m
                 WHERE m.event_id = e.id) AS article_count,
               (SELECT count(*) FROM event_mentions m WHERE m.event_id = e.id) AS mention_count,
               {_names("event", sqlite)} AS source_names,
               {_mentions("event", "min", "a.published_on", "e")} AS first_published_on,
               {_mentions("event", "min", "a.ingested_at", "e")} AS first_seen_at{extra}
        FROM events e
    """


def _claims(sqlite: bool, provenance: bool) -> str:
    extra = _provenance("claim", sqlite) if provenance else ""
    return f"""
        SELECT c.id AS claim_id, c.expert_id, x.name AS expert_name,
               x.affiliation AS expert_affiliation, c.kind, c.text,
               (SELECT count(DISTINCT m.article_id) FROM claim_mentions m
                 WHERE m.claim_id = c.id) AS article_count,
               (SELECT count(*) FROM claim_mentions m WHERE m.claim_id = c.id) AS mention_count,
               {_names("claim", sqlite)} AS source_names,
               {_mentions("claim", "min", "a.published_on", "c")} AS first_published_on,
               {_mentions("claim", "min", "a.ingested_at", "c")} AS first_seen_at{extra}
        FROM claims c JOIN experts x ON x.id = c.expert_id
    """


def _experts() -> str:
    carried = (
        "FROM claim_mentions m JOIN claims c ON c.id = m.claim_id "
        "JOIN articles a ON a.id = m.article_id WHERE c.expert_id = x.id"
    )
    return f"""
        SELECT x.id AS expert_id, x.name, x.kind, x.role, x.affiliation,
               (SELECT count(*) FROM claims c WHERE c.expert_id = x.id) AS claim_count,
               (SELECT count(DISTINCT m.article_id) {carried}) AS article_count,
               (SELECT count(*) FROM articles a WHERE a.featured_expert_id = x.id)
                 AS featured_count,
               (SELECT min(a.ingested_at) {carried}) AS first_seen_at,
               (SELECT max(a.ingested_at) {carried}) AS last_seen_at,
               (SELECT min(a.published_on) {carried}) AS first_published_on,
               (SELECT max(a.published_on) {carried}) AS last_published_on
        FROM experts x
    """


def _view_sql(name: str, *, sqlite: bool, provenance: bool = True) -> str:
    if name == "v_timeline":
        return _timeline(sqlite, provenance)
    if name == "v_claims":
        return _claims(sqlite, provenance)
    return _experts()


# The new columns' comments (PostgreSQL), appended to the views' existing ones.
PROVENANCE_COMMENTS: dict[str, dict[str, str]] = {
    "v_timeline": {
        "extracted_by": "Rules or model steps that found its mentions, '; '-separated.",
        "confidence": "Highest confidence among its mentions (0-1).",
    },
    "v_claims": {
        "extracted_by": "Rules or model steps that found its mentions, '; '-separated.",
        "confidence": "Highest confidence among its mentions (0-1).",
    },
}

# The comments of 0002, for the views a downgrade creates again.
OLD_VIEW_COMMENTS: dict[str, tuple[str, dict[str, str]]] = {
    "v_timeline": (
        "One row per event: its date, summary, how many articles report it, and its sources.",
        {
            "event_id": "The event (events.id).",
            "year": "Year, NULL when unknown.",
            "month": "Month 1-12, NULL when unknown.",
            "day": "Day of month, NULL when unknown.",
            "date_precision": "day | month | year | unknown.",
            "date_qualifier": "early, mid, late, end, evening, ... when the text says so.",
            "date_key": "Sortable YYYYMMDD (00 for an unknown month or day); NULL without a year.",
            "date_label": "2023-08-31, 2023-08, 2023, or --08-31 when the year is unknown.",
            "summary": "The event in its representative wording.",
            "article_count": "Number of distinct articles that report the event.",
            "mention_count": "Number of mentions (one per reporting line).",
            "source_names": "Names of the sources linked to the event, '; '-separated.",
            "first_published_on": "Earliest published_on of the articles that mention it.",
            "first_seen_at": "Earliest ingested_at of the articles that mention it.",
        },
    ),
    "v_claims": (
        "One row per claim: who said it, what, how often it was reported, its sources.",
        {
            "claim_id": "The claim (claims.id).",
            "expert_id": "Who made it (experts.id).",
            "expert_name": "Their name.",
            "expert_affiliation": "Their affiliation.",
            "kind": "quote | paraphrase | summary.",
            "text": "The claim in its representative wording.",
            "article_count": "Number of distinct articles that carry the claim.",
            "mention_count": "Number of mentions.",
            "source_names": "Names of the sources the claim cites, '; '-separated.",
            "first_published_on": "Earliest published_on of the articles that mention it.",
            "first_seen_at": "Earliest ingested_at of the articles that mention it.",
        },
    ),
}
