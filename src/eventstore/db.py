"""Engines and sessions: one ``make_engine`` for both dialects, SQLite made safe to share.

SQLite connections get foreign keys, WAL and a busy timeout, and use SQLAlchemy's
documented recipe for transactions (the driver's own BEGIN handling is switched off and
SQLAlchemy emits BEGIN itself), so that rollbacks and savepoints behave as on PostgreSQL.
"""

from __future__ import annotations

import logging
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import URL, Connection, Engine, create_engine, event, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session, sessionmaker

from eventstore.config import normalize_url
from eventstore.errors import ConfigurationError, Conflict
from eventstore.failures import as_error, is_retryable, one_line
from eventstore.redact import mask_url

__all__ = [
    "MIGRATION_LOCK_KEY",
    "WRITER_LOCK_KEY",
    "is_retryable",
    "is_sqlite",
    "make_engine",
    "make_sessionmaker",
    "sqlite_file",
    "translate_db_errors",
    "write_with_retry",
    "writer_transaction",
]

SQLITE_BUSY_TIMEOUT_MS = 30_000
# A loader's batch dirties the pages of the key indexes at random (some 3,700 of 4,500
# pages at 10,000 articles stored) and reads its candidates' keys from them. In SQLite's
# default 2 MB page cache (500 pages) they spilled mid-transaction and were read again:
# a step of 2,500 articles wrote 1.34 GB and read 2.0 GB of pages (docs/performance.md,
# "Store side, seventh round"). A cache up to 32 MB (filled only as pages are read) and
# a checkpoint per 10,000 WAL pages rather than 1,000 (each commit's pages were copied
# into the database at once; now a page dirtied by several batches is copied once)
# brought that to 0.73 GB written and 0.32 GB read.
SQLITE_CACHE_KIB = 32_768
SQLITE_WAL_AUTOCHECKPOINT_PAGES = 10_000


log = logging.getLogger(__name__)
_T = TypeVar("_T")

# Any constant works; it names eventstore's writer lock among the server's advisory locks.
WRITER_LOCK_KEY = 0x65766E7473  # "evnts"
# Held by whoever migrates the schema (``migrations.upgrade``); the run lock is key + 1.
MIGRATION_LOCK_KEY = WRITER_LOCK_KEY + 2


def make_engine(url: str | URL, *, foreign_keys: bool = True, **kwargs: Any) -> Engine:
    """Create an engine for ``url``.

    ``foreign_keys=False`` is for migrations only (SQLite batch operations rebuild tables,
    and with foreign keys on an ``ON DELETE CASCADE`` child would lose its rows).
    """
    parsed = normalize_url(url)
    sqlite = parsed.get_backend_name() == "sqlite"
    if not sqlite:
        kwargs.setdefault("pool_pre_ping", True)
    try:
        engine = create_engine(parsed, **kwargs)
    except (ValueError, TypeError) as exc:  # a URL option the driver cannot read
        raise ConfigurationError(f"bad option in {mask_url(parsed)}: {exc}") from None
    if sqlite:
        _configure_sqlite(engine, foreign_keys=foreign_keys)
    else:
        _configure_postgresql(engine)
    return engine


def _configure_postgresql(engine: Engine) -> None:

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # psycopg prepares a statement on its fifth run, and PostgreSQL may then keep a
        # generic plan that ignores the parameters: a one-month timeline went from 10 ms
        # to 400 ms when the plan chosen for no particular month walked a whole year.
        # Every eventstore query's best plan depends on its values, so always plan them.
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET plan_cache_mode = force_custom_plan")
        dbapi_connection.commit()  # a SET in a rolled-back transaction would be undone


def _configure_sqlite(engine: Engine, *, foreign_keys: bool) -> None:
    query = engine.url.query
    # A ?timeout= in the URL (seconds, pysqlite's own) replaces the default busy timeout.
    timeout = query.get("timeout")
    busy = None if timeout is not None else SQLITE_BUSY_TIMEOUT_MS
    patience_s = float(str(timeout)) if timeout is not None else SQLITE_BUSY_TIMEOUT_MS / 1000
    read_only = query.get("mode") == "ro" or query.get("immutable") == "1"

    @event.listens_for(engine, "do_connect")
    def _connect(dialect: Any, _record: Any, cargs: list[Any], cparams: dict[str, Any]) -> Any:
        return _open_sqlite(dialect.dbapi, cargs, cparams)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide when a transaction begins.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if busy is not None:
                cursor.execute(f"PRAGMA busy_timeout = {busy}")
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
            if not read_only:  # a store opened read-only keeps the journal mode it has
                _switch_to_wal(cursor, patience_s)
                cursor.execute("PRAGMA synchronous = NORMAL")
                cursor.execute(f"PRAGMA wal_autocheckpoint = {SQLITE_WAL_AUTOCHECKPOINT_PAGES}")
            cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Writers ask for IMMEDIATE: the write lock is taken at BEGIN, so concurrent
        # writers queue on the busy timeout instead of failing to upgrade a read lock.
        mode = connection.get_execution_options().get("sqlite_begin", "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())


def _switch_to_wal(cursor: Any, patience_s: float) -> None:
    """Put the database in WAL mode, waiting out a concurrent switch: two processes that
    open a new file at once both switch it, and SQLite answers the loser "database is
    locked" at once, without its busy timeout (measured: 60 of 200 pairs of first
    connections; two ``db upgrade`` at once failed so in CI)."""
    deadline = time.monotonic() + patience_s
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(random.uniform(0.005, 0.05))  # noqa: S311


def _open_sqlite(dbapi: Any, cargs: list[Any], cparams: dict[str, Any]) -> Any:
    """Open an SQLite connection; a ``mode=ro`` one on a read-only filesystem as
    ``immutable=1``.

    Reading a WAL database needs its ``-shm`` file, which a read-only directory cannot
    hold unless it is there already: ``mode=ro`` then fails with "unable to open
    database file". Nothing can write on a read-only filesystem either, so the file is
    opened as immutable (no locks, no ``-shm``); its ``-wal``, if one was left behind,
    is not read (checkpoint before making a copy read-only: docs/reliability.md).
    """
    connection = dbapi.connect(*cargs, **cparams)
    target = str(cargs[0]) if cargs else ""
    path, _, options = target.removeprefix("file:").partition("?")
    if not cparams.get("uri") or "mode=ro" not in options.split("&"):
        return connection
    try:
        connection.execute("PRAGMA schema_version")  # the file is opened at its first read
    except dbapi.OperationalError:
        connection.close()
        if os.access(os.path.dirname(os.path.abspath(path)), os.W_OK):
            raise  # a writable directory: the failure is another one
        log.info("%s is on a read-only filesystem: opened as immutable", path)
        return dbapi.connect(f"{target}&immutable=1", *cargs[1:], **cparams)
    return connection


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """A session factory whose objects stay usable after commit (reads copy them out)."""
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def writer_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that holds eventstore's writer lock until it ends.

    Loaders resolve against what is in the database, so two of them must not resolve
    and insert at the same time: SQLite takes its write lock at BEGIN IMMEDIATE,
    PostgreSQL a transaction-scoped advisory lock.
    """
    sqlite = is_sqlite(engine)
    options = {"sqlite_begin": "IMMEDIATE"} if sqlite else {}
    with engine.connect().execution_options(**options) as connection, connection.begin():
        if not sqlite:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK_KEY})
        yield connection


# Attempts of a write transaction that meets a passing failure, and the backoff between
# them: 0.1 s doubling to 2 s, jittered, about 4 s in all before the run gives up.
RETRY_ATTEMPTS = 6
_BACKOFF_S = (0.05, 2.0)


def write_with_retry(
    engine: Engine, work: Callable[[Connection], _T], *, attempts: int = RETRY_ATTEMPTS
) -> _T:
    """Run ``work`` in a writer transaction, retrying it (bounded, with backoff) when the
    database fails in a way that passes: the connection lost, the server shutting down,
    a timeout, a serialization failure, a deadlock, SQLite busy.

    A database failure that persists, or does not pass (a full disk, a read-only file or
    role), is raised as the project's error for it (exit 69, 75, 77), never as an
    SQLAlchemyError: it is not the fault of what ``work`` writes. A failure of the
    statement itself (a unique key, a value a column refuses) is raised unchanged.
    """
    for attempt in range(1, attempts + 1):
        try:
            with writer_transaction(engine) as connection:
                return work(connection)
        except sa_exc.DBAPIError as exc:
            error = as_error(exc, mask_url(engine.url), retried=attempt)
            if error is None:
                raise
            if not is_retryable(exc) or attempt == attempts:
                raise error from exc
            reason = one_line(exc.orig or exc)  # the driver's message, not the SQL
            log.warning("write failed (%s); retrying, attempt %d", reason, attempt)
            low, high = _BACKOFF_S
            time.sleep(min(low * 2**attempt, high) * (0.5 + random.random()))  # noqa: S311
    raise AssertionError("unreachable: the last attempt returns or raises")


def sqlite_file(url: str | URL) -> Path | None:
    """The file an SQLite URL names, or None for PostgreSQL and in-memory databases.

    A URI form (``sqlite:///file:x.db?mode=ro&uri=true``) names ``x.db``.
    """
    parsed = normalize_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in {"", ":memory:"}:
        return None
    if parsed.query.get("uri") in {"true", "1"} and database.startswith("file:"):
        if parsed.query.get("mode") == "memory":
            return None
        database = database.removeprefix("file:")
    return Path(database)


def is_sqlite(engine: Engine) -> bool:
    """True when ``engine`` talks to SQLite."""
    return engine.dialect.name == "sqlite"


@contextmanager
def translate_db_errors(masked_url: str) -> Iterator[None]:
    """Re-raise driver errors as eventstore errors, with no password in the message.

    The one place where database errors become the project's own: failures of the
    database (see ``failures``) become DatabaseUnavailable, TemporaryFailure,
    PermissionDenied or ConfigurationError; a unique key violated becomes Conflict.
    """
    try:
        yield
    except sa_exc.DBAPIError as exc:
        error = as_error(exc, masked_url)
        if error is not None:
            raise error from None
        if isinstance(exc, sa_exc.IntegrityError):
            raise Conflict(one_line(exc.orig or exc)) from None
        raise
