"""Dialect-specific inserts, in one place: INSERT ... ON CONFLICT on SQLite and PostgreSQL.

Sources and experts are shared by concurrent loaders; their unique keys decide, and a
second description of a person only replaces the first when it says more (a longer role),
so the result does not depend on the order articles are loaded in.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, and_, case, func, or_, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.elements import ColumnElement

# Values per IN list (SQLite allows 32,766 parameters a statement), or per array.
CHUNK = 2_000


def _insert(connection: Connection, table: Table) -> Any:
    module = postgresql if connection.dialect.name == "postgresql" else sqlite
    return module.insert(table)


def insert_ignoring(
    connection: Connection, table: Table, rows: Sequence[dict[str, Any]], keys: Sequence[str]
) -> None:
    """Insert rows, skipping those whose ``keys`` (a unique constraint) already exist.
    Every row names the same columns; values go to the driver as they are (ids, text).

    One statement on PostgreSQL, the columns sent as binary arrays (no quoting of each
    element) and read back by ``unnest`` (a batch's 5,800 claim keys took 0.37 s as
    pipelined single-row inserts); one plain
    ``executemany`` on SQLite, without SQLAlchemy's per-row parameter processing.
    """
    if not rows:
        return
    columns = list(rows[0])
    quote = connection.dialect.identifier_preparer.quote
    names = ", ".join(quote(name) for name in columns)
    conflict = f"ON CONFLICT ({', '.join(quote(key) for key in keys)}) DO NOTHING"
    target = f"INSERT INTO {quote(table.name)} ({names})"
    if connection.dialect.name == "postgresql":
        arrays = ", ".join(
            f"%b::{table.c[name].type.compile(connection.dialect)}[]" for name in columns
        )
        values = tuple([row[name] for row in rows] for name in columns)
        statement = f"{target} SELECT * FROM unnest({arrays}) {conflict}"  # noqa: S608 - fixed names
        connection.exec_driver_sql(statement, values)
        return
    marks = ", ".join("?" for _ in columns)
    # itemgetter builds each row's tuple in C (a generator a row: 0.28 s of a step of
    # 2,500 articles under cProfile, mostly the claim key rows)
    pick = itemgetter(*columns)
    tuples = [pick(row) for row in rows] if len(columns) > 1 else [(pick(row),) for row in rows]
    connection.exec_driver_sql(f"{target} VALUES ({marks}) {conflict}", tuples)


def bulk_insert(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert new rows (their ids drawn already) by the fastest plain method: ``COPY`` on
    PostgreSQL, one ``executemany`` on SQLite. Every row names the same columns."""
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        _executemany(connection, table, rows)
        return
    columns = list(rows[0])
    quote = connection.dialect.identifier_preparer.quote
    names = ", ".join(quote(name) for name in columns)
    raw = connection.connection.dbapi_connection
    statement = f"COPY {quote(table.name)} ({names}) FROM STDIN"
    with raw.cursor() as cursor, cursor.copy(statement) as copy:  # type: ignore[union-attr]
        for row in rows:
            copy.write_row([row[name] for name in columns])


def _executemany(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """One plain ``executemany`` of ``rows``, each column's values put through the
    column type's bind processor (dates to SQLite's text) a column at a time:
    SQLAlchemy's own executemany builds each row's parameters one by one (about 0.8 s of
    CPU per 2,500 benchmark articles on SQLite)."""
    dialect = connection.dialect
    columns = list(rows[0])
    values = []
    for name in columns:
        column = [row[name] for row in rows]
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        values.append([process(value) for value in column] if process else column)
    quote = dialect.identifier_preparer.quote
    names = ", ".join(quote(name) for name in columns)
    marks = ", ".join("?" for _ in columns)
    statement = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})"  # noqa: S608 - fixed names
    connection.exec_driver_sql(statement, list(zip(*values, strict=True)))


def upsert_preferring(
    connection: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *,
    key: str,
    longer: Sequence[str] = (),
    ranked: dict[str, Sequence[str]] | None = None,
) -> dict[str, int]:
    """Insert rows by ``key``; on conflict keep, per column, the preferred value.

    Columns in ``longer`` prefer the longer text (ties: the alphabetically first); columns
    in ``ranked`` prefer the value listed first. Either way the row ends the same whatever
    order the values arrive in. Returns key -> id for every row.
    """
    if not rows:
        return {}
    rows = _merged(rows, key, longer, ranked or {})
    statement = _insert(connection, table)
    excluded = statement.excluded
    updates: dict[str, ColumnElement[Any]] = {}
    for name in longer:
        condition = _longer(table.c[name], excluded[name])
        updates[name] = case((condition, excluded[name]), else_=table.c[name])
    for name, order in (ranked or {}).items():
        condition = _rank(excluded[name], order) < _rank(table.c[name], order)
        updates[name] = case((condition, excluded[name]), else_=table.c[name])
    connection.execute(
        statement.on_conflict_do_update(index_elements=[key], set_=updates), list(rows)
    )
    return ids_by(connection, table, key, [row[key] for row in rows])


def _merged(
    rows: Sequence[dict[str, Any]],
    key: str,
    longer: Sequence[str],
    ranked: dict[str, Sequence[str]],
) -> list[dict[str, Any]]:
    """Rows with one per key, merged by the same preferences as the SQL (PostgreSQL
    refuses to update one row twice in a statement)."""
    merged: dict[str, dict[str, Any]] = {}
    for row in rows:
        current = merged.setdefault(row[key], dict(row))
        for name in longer:
            current[name] = prefer_longer(current[name], row[name])
        for name, order in ranked.items():
            current[name] = min(current[name], row[name], key=lambda v: _position(v, order))
    return list(merged.values())


def prefer_longer(current: str | None, incoming: str | None) -> str | None:
    """The longer of two texts (ties: the alphabetically first); None loses."""
    if current is None or incoming is None:
        return current if incoming is None else incoming
    return incoming if (len(incoming), current) > (len(current), incoming) else current


def _position(value: str, order: Sequence[str]) -> int:
    return order.index(value) if value in order else len(order)


def _rank(column: Any, order: Sequence[str]) -> ColumnElement[int]:
    return case({value: index for index, value in enumerate(order)}, value=column, else_=len(order))


def _longer(current: Any, incoming: Any) -> ColumnElement[bool]:
    return and_(
        incoming.is_not(None),
        or_(
            current.is_(None),
            func.length(incoming) > func.length(current),
            and_(func.length(incoming) == func.length(current), incoming < current),
        ),
    )


def ids_by(connection: Connection, table: Table, key: str, values: Sequence[str]) -> dict[str, int]:
    """key -> id for the rows of ``table`` whose ``key`` is among ``values``."""
    rows = rows_where_in(connection, table, (key, "id"), key, sorted(set(values)))
    return {row[0]: row[1] for row in rows}


def rows_where_in(
    connection: Connection,
    table: Table,
    columns: Sequence[str],
    column: str,
    values: Sequence[Any],
) -> list[Any]:
    """``columns`` of the rows of ``table`` whose ``column`` is among ``values``, read
    CHUNK values a statement as plain SQL: the matching keys of a batch are thousands of
    values, and compiling SQLAlchemy's expanding IN list for them cost more than the
    index reads (about a fifth of the store side's SQL time on SQLite)."""
    quote = connection.dialect.identifier_preparer.quote
    head = (
        f"SELECT {', '.join(quote(name) for name in columns)} FROM {quote(table.name)} "  # noqa: S608 - fixed names
        f"WHERE {quote(column)} "
    )
    found: list[Any] = []  # rows (tuples)
    if connection.dialect.name == "postgresql":
        # One array parameter, sent in binary: psycopg parses a query of more than 50
        # parameters anew at every call, and quotes each element of a text array by a
        # regular expression. 40 lookups of 2,000 claim keys on a 5,000-article store,
        # 4 runs: the client's CPU 0.21-0.25 s with IN lists, 0.12-0.15 s with = ANY of
        # a text array, 0.07-0.09 s of a binary one; the time by the clock alike (an
        # older whole-load comparison, of another loader, had IN lists ahead: 157
        # against 130 articles/s).
        array = f"%b::{table.c[column].type.compile(connection.dialect)}[]"
        with _by_index(connection):
            for start in range(0, len(values), CHUNK):
                listed = list(values[start : start + CHUNK])
                found += connection.exec_driver_sql(f"{head}= ANY({array})", (listed,)).all()
        return found
    for start in range(0, len(values), CHUNK):
        chunk = tuple(values[start : start + CHUNK])
        marks = ", ".join("?" for _ in chunk)
        found += connection.exec_driver_sql(f"{head}IN ({marks})", chunk).all()
    return found


@contextmanager
def _by_index(connection: Connection) -> Iterator[None]:
    """PostgreSQL, within the transaction: look rows up by their index, not by reading
    the whole table (every lookup of ``rows_where_in`` is by an indexed column). For
    2,000 keys of 466,161 claim keys (10,000 benchmark articles) the planner chose a
    sequential scan, 28-34 ms a lookup and growing with the table, where the index
    answers in 6-7 ms: it prices 2,000 index probes above reading 3,900 pages until the
    table is a few times larger. It takes the right index only with statistics
    (``analyzed``)."""
    before = connection.exec_driver_sql("SELECT current_setting('enable_seqscan')").scalar_one()
    connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
    yield
    connection.exec_driver_sql("SELECT set_config('enable_seqscan', %s, true)", (before,))


# A table is analyzed again once this share of its rows changed since its statistics.
STALE = 0.2


def analyzed(connection: Connection, tables: Sequence[Table]) -> None:
    """PostgreSQL: ANALYZE those of ``tables`` whose statistics are missing or stale (a
    fifth of their rows changed since), in the current transaction. A load grows the
    key tables faster than autovacuum (if it runs at all) analyzes them, and without
    statistics the planner expects most of a key table to match a lookup and reads it
    all (``_by_index``). One read of the statistics' counters a batch; an ANALYZE of
    466,161 claim keys samples 30,000 rows."""
    if connection.dialect.name != "postgresql":
        return
    query = (
        "SELECT relname FROM pg_stat_user_tables WHERE relname = ANY(%s) "
        "AND n_mod_since_analyze > 1000 "
        "AND n_mod_since_analyze > %s * GREATEST(n_live_tup - n_mod_since_analyze, 0)"
    )
    names = [table.name for table in tables]
    for (name,) in connection.exec_driver_sql(query, (names, STALE)).all():
        connection.exec_driver_sql(f"ANALYZE {connection.dialect.identifier_preparer.quote(name)}")


def allocate_ids(connection: Connection, table: Table, count: int) -> list[int]:
    """Reserve ``count`` new ids of ``table``, so rows can be inserted in bulk with their
    ids known (RETURNING in parameter order makes SQLite insert row by row).

    PostgreSQL draws them from the table's sequence. On SQLite the caller holds the
    write lock (BEGIN IMMEDIATE), so nobody else inserts until it commits; the ids follow
    both the largest id and AUTOINCREMENT's high-water mark, so none is ever reused.
    """
    if count <= 0:
        return []
    name = table.name
    if connection.dialect.name == "postgresql":
        query = text(
            "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"
        )
        return [int(v) for v in connection.execute(query, {"table": name, "n": count}).scalars()]
    sequence = connection.execute(
        text("SELECT seq FROM sqlite_sequence WHERE name = :table"), {"table": name}
    ).scalar()
    largest = connection.execute(select(func.max(table.c.id))).scalar()
    start = max(int(sequence or 0), int(largest or 0)) + 1
    return list(range(start, start + count))
