"""``eventstore db verify``: integrity checks of a store, each problem in one line.

Foreign keys, orphan claims and events, every mention's text against its span of the
article body, the full-text indexes against their tables, and the counts that tie them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from eventstore.schema import Base

# The tables with a full-text index (fixed names: no input reaches the SQL below).
_FTS = ("claims", "events", "articles")


@dataclass(frozen=True)
class Verification:
    """What ``verify`` checked and what it found wrong."""

    checks: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems


def verify(engine: Engine) -> Verification:
    """Run every check; read-only."""
    checks = [_foreign_keys, _orphans, _spans, _full_text, _links]
    problems: list[str] = []
    count = 0
    with engine.connect() as connection:
        for check in checks:
            found, done = check(connection)
            problems += found
            count += done
    return Verification(count, tuple(problems))


def _scalar(connection: Connection, sql: str) -> int:
    return int(connection.execute(text(sql)).scalar_one() or 0)


def _foreign_keys(connection: Connection) -> tuple[list[str], int]:
    problems = []
    checks = 0
    for table in Base.metadata.sorted_tables:
        for constraint in table.foreign_key_constraints:
            checks += 1
            pairs = list(zip(constraint.column_keys, constraint.elements, strict=True))
            parent = constraint.referred_table.name
            join = " AND ".join(f"p.{e.column.name} = c.{col}" for col, e in pairs)
            present = " AND ".join(f"c.{col} IS NOT NULL" for col, _ in pairs)
            missing = _scalar(
                connection,
                f"SELECT count(*) FROM {table.name} c WHERE {present} AND NOT EXISTS "  # noqa: S608
                f"(SELECT 1 FROM {parent} p WHERE {join})",
            )
            if missing:
                problems.append(
                    f"{table.name}: {missing} row(s) point to a missing {parent} "
                    f"({', '.join(constraint.column_keys)})"
                )
    return problems, checks


def _orphans(connection: Connection) -> tuple[list[str], int]:
    problems = []
    for parent, mentions, column in (
        ("claims", "claim_mentions", "claim_id"),
        ("events", "event_mentions", "event_id"),
    ):
        orphans = _scalar(
            connection,
            f"SELECT count(*) FROM {parent} x WHERE NOT EXISTS "  # noqa: S608 - fixed names
            f"(SELECT 1 FROM {mentions} m WHERE m.{column} = x.id)",
        )
        if orphans:
            problems.append(f"{parent}: {orphans} row(s) with no mention")
    return problems, 2


def _spans(connection: Connection) -> tuple[list[str], int]:
    problems = []
    for mentions in ("claim_mentions", "event_mentions"):
        wrong = connection.execute(
            text(
                f"SELECT m.id, a.external_id FROM {mentions} m "  # noqa: S608 - fixed names
                "JOIN articles a ON a.id = m.article_id "
                "WHERE substr(a.body, m.start_offset + 1, m.end_offset - m.start_offset) <> m.text "
                "OR m.end_offset > length(a.body) ORDER BY m.id"
            )
        ).all()
        problems += [
            f"{mentions} {row[0]}: its text is not the span it names in article {row[1]}"
            for row in wrong[:20]
        ]
        if len(wrong) > 20:
            problems.append(f"{mentions}: {len(wrong) - 20} more mention(s) off their span")
    return problems, 2


def _full_text(connection: Connection) -> tuple[list[str], int]:
    problems = []
    for table in _FTS:
        if connection.dialect.name == "sqlite":
            problems += _fts5_check(connection, table)
            continue
        stale = _scalar(
            connection,
            f"SELECT count(*) FROM {table} WHERE search_vector IS NULL",  # noqa: S608
        )
        if stale:
            problems.append(f"{table}: {stale} row(s) without a search vector")
    return problems, len(_FTS)


def _fts5_check(connection: Connection, table: str) -> list[str]:
    fts = f"{table}_fts"
    triggers = {f"{fts}_{suffix}" for suffix in ("ai", "ad", "au")}
    present = set(
        connection.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE :p"),
            {"p": f"{fts}_%"},
        ).scalars()
    )
    if triggers - present:
        missing = ", ".join(sorted(triggers - present))
        return [f"{fts}: sync triggers missing ({missing}); the index will drift from {table}"]
    try:
        # FTS5's own check of an external-content index against its table.
        check = f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)"  # noqa: S608
        connection.execute(text(check))
    except DBAPIError as exc:
        connection.rollback()
        rebuild = f"INSERT INTO {fts}({fts}) VALUES ('rebuild')"  # noqa: S608
        return [f"{fts}: out of sync with {table} ({exc.orig}); fix with: {rebuild}"]
    finally:
        connection.rollback()
    return []


def _links(connection: Connection) -> tuple[list[str], int]:
    problems = []
    for kind in ("event", "claim"):
        wrong = _scalar(
            connection,
            f"SELECT count(*) FROM {kind}_sources l JOIN {kind}_mentions m "  # noqa: S608
            f"ON m.id = l.mention_id WHERE m.{kind}_id <> l.{kind}_id",
        )
        if wrong:
            problems.append(
                f"{kind}_sources: {wrong} link(s) name another {kind} than their mention"
            )
    runs = _scalar(connection, "SELECT count(*) FROM ingestion_runs WHERE finished_at < started_at")
    if runs:
        problems.append(f"ingestion_runs: {runs} run(s) finished before they started")
    return problems, 3
