"""``eventstore db verify``: integrity checks of a store, each problem in one line.

First the engine's own check of its files: ``PRAGMA integrity_check`` on SQLite (pages,
b-trees, every index against its table); ``amcheck`` on PostgreSQL where the extension is
installed (every B-tree index against its table, and the heap), else reported skipped.
Then the model's: foreign keys, orphan claims and events, every mention's text against
its span of the article body, the full-text indexes against their tables, and the links.

Verification never writes: SQLite's connection is ``query_only`` and PostgreSQL's
transaction ``READ ONLY``, so a store opened read-only is checked as it is. A file too
damaged to read is a problem like any other, not a crash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, TextClause, text
from sqlalchemy.exc import DBAPIError

from eventstore.failures import Failure, failure_of, one_line
from eventstore.schema import Base

# The tables with a full-text index (fixed names: no input reaches the SQL below).
_FTS = ("claims", "events", "articles")
# Problems listed one by one before the rest are counted.
_LISTED = 20


@dataclass(frozen=True)
class Verification:
    """What ``verify`` checked, what it found wrong, and what it could not check."""

    checks: int
    problems: tuple[str, ...]
    skipped: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems


@dataclass
class _Report:
    checks: int = 0
    problems: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def listed(self, what: str, found: list[str]) -> None:
        """Add ``found``, the first ones by name and a count of the rest."""
        self.problems += found[:_LISTED]
        if len(found) > _LISTED:
            self.problems.append(f"{what}: {len(found) - _LISTED} more")


_Check = Callable[[Connection, _Report], None]


def verify(engine: Engine) -> Verification:
    """Run every check, reading only; a database too damaged to open is one problem."""
    report = _Report()
    try:
        with engine.connect() as connection:
            _read_only(connection)
            try:
                for check in (_engine_check, *_MODEL_CHECKS):
                    _run(check, connection, report)
            finally:
                _restore(connection)
    except DBAPIError as exc:
        if failure_of(exc) is not Failure.BROKEN:
            raise
        report.problems.append(f"the database file is damaged: {one_line(exc.orig or exc)}")
    return Verification(report.checks, tuple(report.problems), tuple(report.skipped))


def _read_only(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA query_only = ON")
    else:
        connection.exec_driver_sql("SET TRANSACTION READ ONLY")


def _restore(connection: Connection) -> None:
    try:
        connection.rollback()
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA query_only = OFF")
            connection.rollback()
    except DBAPIError:  # the connection is unusable: it is not handed back to the pool
        connection.invalidate()


def _run(check: _Check, connection: Connection, report: _Report) -> None:
    """One check in a savepoint: damage it meets is its problem, the others still run."""
    try:
        with connection.begin_nested():
            check(connection, report)
    except DBAPIError as exc:
        if failure_of(exc) is not Failure.BROKEN:
            raise
        name = check.__name__.strip("_").replace("_", " ")
        report.problems.append(f"{name}: the database cannot be read: {one_line(exc.orig or exc)}")


def _engine_check(connection: Connection, report: _Report) -> None:
    if connection.dialect.name == "sqlite":
        _integrity_check(connection, report)
    else:
        _amcheck(connection, report)


def _integrity_check(connection: Connection, report: _Report) -> None:
    """SQLite's own check of every page, b-tree and index (read-only)."""
    report.checks += 1
    rows = connection.exec_driver_sql(f"PRAGMA integrity_check({_LISTED + 1})").scalars().all()
    found = [
        f"sqlite integrity_check: {one_line(Exception(line))}"
        for row in rows
        for line in str(row).splitlines()
        if line.strip() not in {"ok", "*** in database main ***"}
    ]
    report.listed("sqlite integrity_check", found)


_BTREE_INDEXES = text(
    "SELECT c.oid, c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am a ON a.oid = c.relam "
    "WHERE n.nspname = current_schema() AND a.amname = 'btree' AND i.indisvalid "
    "AND i.indisready ORDER BY c.relname"
)
_TABLES = text(
    "SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm') ORDER BY c.relname"
)


def _amcheck(connection: Connection, report: _Report) -> None:
    """PostgreSQL's amcheck: every B-tree index against its table, and every table's heap
    (``verify_heapam``, PostgreSQL 14+). Skipped, saying so, where it is not installed."""
    installed = connection.execute(
        text("SELECT extversion FROM pg_extension WHERE extname = 'amcheck'")
    ).first()
    if installed is None:
        report.skipped.append(
            "amcheck: the extension is not installed in this database, so PostgreSQL's own "
            "check of indexes and tables did not run (a superuser can: CREATE EXTENSION amcheck)"
        )
        return
    found: list[str] = []
    index_check = text("SELECT bt_index_check(CAST(CAST(:oid AS oid) AS regclass), true)")
    heap_check = text(
        "SELECT blkno, offnum, msg FROM verify_heapam(CAST(CAST(:oid AS oid) AS regclass))"
    )
    targets = [
        (index_check, oid, f"index {name}") for oid, name in connection.execute(_BTREE_INDEXES)
    ]
    if connection.execute(text("SELECT 1 FROM pg_proc WHERE proname = 'verify_heapam'")).first():
        targets += [(heap_check, oid, f"table {name}") for oid, name in connection.execute(_TABLES)]
    for query, oid, what in targets:
        if not _amcheck_one(connection, report, query=query, oid=oid, what=what, found=found):
            break
    report.listed("amcheck", found)


def _amcheck_one(
    connection: Connection,
    report: _Report,
    *,
    query: TextClause,
    oid: int,
    what: str,
    found: list[str],
) -> bool:
    """Run one amcheck function on ``oid``; False when this role may not run it."""
    report.checks += 1
    try:
        with connection.begin_nested():
            rows = connection.execute(query, {"oid": oid}).all()
    except DBAPIError as exc:
        if failure_of(exc) is Failure.DENIED:
            report.skipped.append(f"amcheck: {one_line(exc.orig or exc)}")
            return False
        found.append(f"amcheck: {what}: {one_line(exc.orig or exc)}")
        return True
    found += [
        f"amcheck: {what}: block {row[0]}, item {row[1]}: {row[2]}" for row in rows if len(row) == 3
    ]
    return True


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
    # A loader holds a row there only inside its batch's transaction (revision 0011):
    # one committed turns SQLite's FTS5 insert triggers off for every other writer.
    deferrals = _scalar(connection, "SELECT count(*) FROM search_deferrals")
    if deferrals:
        problems.append(
            "search_deferrals: holds a row, so new rows are not indexed for search; "
            "delete it, then rebuild the full-text indexes"
        )
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
    """The index's sync triggers exist, and it holds exactly the table's rows: FTS5 keeps
    one ``_docsize`` row per indexed row, in the index's own transaction. (FTS5's own
    'integrity-check' is an INSERT, which a read-only store refuses.)"""
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
    unindexed = _scalar(
        connection,
        f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "  # noqa: S608 - fixed names
        f"(SELECT 1 FROM {fts}_docsize d WHERE d.id = t.id)",
    )
    stale = _scalar(
        connection,
        f"SELECT count(*) FROM {fts}_docsize d WHERE NOT EXISTS "  # noqa: S608 - fixed names
        f"(SELECT 1 FROM {table} t WHERE t.id = d.id)",
    )
    if unindexed or stale:
        rebuild = f"INSERT INTO {fts}({fts}) VALUES ('rebuild')"  # noqa: S608
        return [
            f"{fts}: out of sync with {table} ({unindexed} row(s) not indexed, {stale} "
            f"indexed row(s) gone); fix with: {rebuild}"
        ]
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


def _model(check: Callable[[Connection], tuple[list[str], int]]) -> _Check:
    def run(connection: Connection, report: _Report) -> None:
        found, done = check(connection)
        report.problems += found
        report.checks += done

    run.__name__ = check.__name__
    return run


_MODEL_CHECKS = tuple(
    _model(check) for check in (_foreign_keys, _orphans, _spans, _full_text, _links)
)
