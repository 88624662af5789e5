"""Alembic environment: the same Settings and engine setup as the eventstore CLI.

The URL comes from, in order: a connection handed over in ``config.attributes``
(tests, ``eventstore db``), ``sqlalchemy.url`` set on the config, else eventstore's
Settings (EVENTSTORE_DATABASE_URL, DATABASE_URL, sqlite:///eventstore.db).
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection, Engine

from eventstore.config import load_settings, normalize_url
from eventstore.db import make_engine
from eventstore.schema import Base

config = context.config
target_metadata = Base.metadata

# Full-text objects are created by hand in the migrations (FTS5 tables and their shadow
# tables on SQLite; generated tsvector columns and GIN indexes on PostgreSQL) and are
# not part of the models, so autogenerate must not see them.
_FTS_TABLE_SUFFIXES = (
    "_fts",
    "_fts_data",
    "_fts_idx",
    "_fts_docsize",
    "_fts_config",
    "_fts_content",
)
_FTS_COLUMN = "search_vector"


def include_name(name: str | None, type_: str, _parents: dict[str, str | None]) -> bool:
    """Hide the hand-made full-text objects from autogenerate."""
    if name is None:
        return True
    if type_ == "table":
        return not name.endswith(_FTS_TABLE_SUFFIXES)
    if type_ == "column":
        return name != _FTS_COLUMN
    if type_ == "index":
        return not name.endswith(_FTS_COLUMN)
    return True


def _url() -> str:
    configured = config.get_main_option("sqlalchemy.url")
    if configured:
        return normalize_url(configured).render_as_string(hide_password=False)
    return load_settings().url.render_as_string(hide_password=False)


def _configure(connection: Connection | None = None, **extra: Any) -> None:
    dialect = connection.dialect.name if connection is not None else _url().split(":")[0]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_name=include_name,
        compare_type=True,
        render_as_batch=dialect.startswith("sqlite"),
        # SQLite can roll DDL back too: a migration that fails half-way leaves nothing.
        transactional_ddl=True,
        **extra,
    )


def run_migrations_offline() -> None:
    """Emit SQL instead of running it (``alembic upgrade --sql``)."""
    _configure(url=_url(), literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def _run(connection: Connection) -> None:
    _configure(connection)
    with context.begin_transaction():
        context.run_migrations()
    if connection.dialect.name == "sqlite":
        _check_sqlite_foreign_keys(connection)


def _check_sqlite_foreign_keys(connection: Connection) -> None:
    # Migrations run with foreign keys off (batch mode rebuilds tables); prove that
    # nothing they did left a dangling reference.
    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    connection.commit()
    if problems:
        raise RuntimeError(f"foreign key check failed after migration: {problems[:5]}")


def run_migrations_online() -> None:
    """Run migrations on a live connection."""
    given = config.attributes.get("connection")
    if isinstance(given, Connection):
        _run(given)
        return
    # An Engine may be handed over too (pytest-alembic does); else build one from the URL.
    engine = given if isinstance(given, Engine) else make_engine(_url(), foreign_keys=False)
    try:
        with engine.connect() as connection:
            _run(connection)
    finally:
        if given is None:
            engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
