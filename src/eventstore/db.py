"""Engines and sessions: one ``make_engine`` for both dialects, SQLite made safe to share.

SQLite connections get foreign keys, WAL and a busy timeout, and use SQLAlchemy's
documented recipe for transactions (the driver's own BEGIN handling is switched off and
SQLAlchemy emits BEGIN itself), so that rollbacks and savepoints behave as on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from eventstore.config import normalize_url
from eventstore.errors import translate_db_errors
from eventstore.redact import mask_url

SQLITE_BUSY_TIMEOUT_MS = 30_000


def make_engine(
    url: str | URL,
    *,
    foreign_keys: bool = True,
    immediate: bool = False,
    **kwargs: Any,
) -> Engine:
    """Create an engine for ``url``.

    ``foreign_keys=False`` is for migrations only (SQLite batch operations rebuild tables,
    and with foreign keys on an ``ON DELETE CASCADE`` child would lose its rows).
    ``immediate=True`` makes SQLite transactions take the write lock at BEGIN, so that
    concurrent writers queue on the busy timeout instead of failing to upgrade a lock.
    """
    parsed = normalize_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, **kwargs)
        _configure_sqlite(engine, foreign_keys=foreign_keys, immediate=immediate)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(parsed, **kwargs)


def _configure_sqlite(engine: Engine, *, foreign_keys: bool, immediate: bool) -> None:
    begin = "BEGIN IMMEDIATE" if immediate else "BEGIN"

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
        connection.exec_driver_sql(begin)


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """A session factory whose objects stay usable after commit (reads copy them out)."""
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def unit_of_work(engine: Engine) -> Iterator[Session]:
    """One transaction: commit when the block ends, roll back when it raises."""
    with translate_db_errors(mask_url(engine.url)), make_sessionmaker(engine).begin() as session:
        yield session


def check_connection(engine: Engine) -> None:
    """Open and close one connection, raising DatabaseUnavailable when that fails."""
    with translate_db_errors(mask_url(engine.url)), engine.connect() as connection:
        connection.exec_driver_sql("SELECT 1")


def is_sqlite(engine: Engine) -> bool:
    """True when ``engine`` talks to SQLite."""
    return engine.dialect.name == "sqlite"
