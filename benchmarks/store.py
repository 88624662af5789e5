"""Benchmark databases: a file under the bench directory, or a database on a server."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from eventstore import migrations
from eventstore.config import normalize_url

DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def database_url(
    dialect: str, name: str, server: str, folder: Path, *, reuse: bool = True
) -> tuple[str, bool]:
    """URL of the benchmark database ``name``; True when it is new (empty)."""
    if dialect == "sqlite":
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.db"
        if path.exists() and not reuse:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        fresh = not path.exists() or migrations.current_revision(f"sqlite:///{path}") is None
        return f"sqlite:///{path}", fresh
    admin = create_engine(normalize_url(server), isolation_level="AUTOCOMMIT")
    database = f"bench_{name}"
    with admin.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": database}
        ).first()
        if exists and not reuse:
            connection.execute(text(f'DROP DATABASE "{database}" WITH (FORCE)'))
            exists = None
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{database}"'))
    admin.dispose()
    url = make_url(normalize_url(server)).set(database=database)
    rendered = url.render_as_string(hide_password=False)
    return rendered, not exists or migrations.current_revision(rendered) is None
