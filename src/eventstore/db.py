"""Engines and sessions: one ``make_engine`` for both dialects, SQLite made safe to share.

SQLite connections get foreign keys, WAL and a busy timeout, and use SQLAlchemy's
documented recipe for transactions (the driver's own BEGIN handling is switched off and
SQLAlchemy emits BEGIN itself), so that rollbacks and savepoints behave as on PostgreSQL.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import URL, Connection, Engine, create_engine, event, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session, sessionmaker

from eventstore.config import normalize_url
from eventstore.errors import Conflict, DatabaseUnavailable
from eventstore.redact import mask_text, mask_url

SQLITE_BUSY_TIMEOUT_MS = 30_000


log = logging.getLogger(__name__)
_T = TypeVar("_T")

# Any constant works; it names eventstore's writer lock among the server's advisory locks.
WRITER_LOCK_KEY = 0x65766E7473  # "evnts"


def make_engine(url: str | URL, *, foreign_keys: bool = True, **kwargs: Any) -> Engine:
    """Create an engine for ``url``.

    ``foreign_keys=False`` is for migrations only (SQLite batch operations rebuild tables,
    and with foreign keys on an ``ON DELETE CASCADE`` child would lose its rows).
    """
    parsed = normalize_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, **kwargs)
        _configure_sqlite(engine, foreign_keys=foreign_keys)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    engine = create_engine(parsed, **kwargs)
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

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide when a transaction begins.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Writers ask for IMMEDIATE: the write lock is taken at BEGIN, so concurrent
        # writers queue on the busy timeout instead of failing to upgrade a read lock.
        mode = connection.get_execution_options().get("sqlite_begin", "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """A session factory whose objects stay usable after commit (reads copy them out)."""
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def unit_of_work(engine: Engine) -> Iterator[Session]:
    """One transaction: commit when the block ends, roll back when it raises."""
    with translate_db_errors(mask_url(engine.url)), make_sessionmaker(engine).begin() as session:
        yield session


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


# PostgreSQL's serialization failure and deadlock: the transaction may simply be retried.
_RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})
_RETRYABLE_SQLITE = ("database is locked", "database is busy", "database table is locked")


def is_retryable(exc: BaseException) -> bool:
    """True for failures a retry of the whole transaction can cure."""
    if not isinstance(exc, sa_exc.DBAPIError):
        return False
    if getattr(exc.orig, "sqlstate", None) in _RETRYABLE_SQLSTATES:
        return True
    return any(marker in str(exc.orig).lower() for marker in _RETRYABLE_SQLITE)


def write_with_retry(engine: Engine, work: Callable[[Connection], _T], *, attempts: int = 6) -> _T:
    """Run ``work`` in a writer transaction, retrying it (bounded, with backoff) when the
    database reports a serialization failure, a deadlock or a lock it could not get."""
    for attempt in range(1, attempts):
        try:
            with writer_transaction(engine) as connection:
                return work(connection)
        except sa_exc.DBAPIError as exc:
            if not is_retryable(exc):
                raise
            log.warning("write failed (%s); retrying, attempt %d", _one_line(exc), attempt)
            time.sleep(min(0.05 * 2**attempt, 2.0) * (0.5 + random.random()))  # noqa: S311
    with writer_transaction(engine) as connection:
        return work(connection)


def check_connection(engine: Engine) -> None:
    """Open and close one connection, raising DatabaseUnavailable when that fails."""
    with translate_db_errors(mask_url(engine.url)), engine.connect() as connection:
        connection.exec_driver_sql("SELECT 1")


def is_sqlite(engine: Engine) -> bool:
    """True when ``engine`` talks to SQLite."""
    return engine.dialect.name == "sqlite"


@contextmanager
def translate_db_errors(masked_url: str) -> Iterator[None]:
    """Re-raise driver errors as eventstore errors, with no password in the message.

    The one place where database errors become the project's own.
    """
    try:
        yield
    except sa_exc.IntegrityError as exc:
        raise Conflict(mask_text(_one_line(exc.orig or exc))) from None
    except (sa_exc.OperationalError, sa_exc.InterfaceError) as exc:
        if _is_connect_failure(exc):
            reason = mask_text(_one_line(exc.orig or exc))
            raise DatabaseUnavailable(
                f"cannot reach the database at {masked_url}: {reason}"
            ) from None
        raise


def _is_connect_failure(exc: sa_exc.DBAPIError) -> bool:
    if exc.connection_invalidated:
        return True
    text = str(exc.orig).lower()
    markers = (
        "connection refused",
        "could not connect",
        "connection failed",
        "unable to open database",
        "does not exist",
        "could not translate host",
        "timeout expired",
        "no such host",
        "password authentication failed",
        "server closed the connection",
    )
    return any(marker in text for marker in markers)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 300 else text[:297] + "..."
