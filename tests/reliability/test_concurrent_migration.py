"""Two first loads, or two ``db upgrade``, at once on a fresh database (issue 15, defect 6).

One of the two used to fail, 3 times out of 3: on PostgreSQL both created the version
table (``duplicate key ... pg_type_typname_nsp_index``), on SQLite the second hit
"database is locked" with a traceback. Migration now runs under a lock (a PostgreSQL
advisory lock, polled so that a waiter holds no transaction open; SQLite's write lock,
taken at BEGIN IMMEDIATE before the version table is read): the second waits, finds the
database at head and has nothing to do. Real processes, started together.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from eventstore import migrations
from eventstore.db import make_engine

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
pytestmark = pytest.mark.slow


def new_database(request: pytest.FixtureRequest, tmp_path: Path, dialect: str, name: str) -> str:
    if dialect == "sqlite":
        return f"sqlite:///{tmp_path / f'{name}.db'}"
    server = request.getfixturevalue("postgres_server")
    return str(server.create_database())


def together(url: str, *args: str, copies: int = 2) -> list[tuple[int, str]]:
    """Run ``eventstore --database-url url *args`` ``copies`` times at once."""
    command = [sys.executable, "-m", "eventstore", "--database-url", url, *args]
    env = {**os.environ, "NO_COLOR": "1"}
    started = [
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True
        )
        for _ in range(copies)
    ]
    results = []
    for process in started:
        _, err = process.communicate(timeout=300)
        results.append((process.returncode, err))
    return results


def test_two_upgrades_at_once_both_succeed(
    request: pytest.FixtureRequest, tmp_path: Path, dialect: str
) -> None:
    for attempt in range(3):
        url = new_database(request, tmp_path, dialect, f"upgrade{attempt}")
        results = together(url, "db", "upgrade")
        assert [code for code, _ in results] == [0, 0], results
        assert all("Traceback" not in err for _, err in results)
        assert migrations.current_revision(url) == migrations.head_revision()


def test_two_first_loads_at_once_both_succeed(
    request: pytest.FixtureRequest, tmp_path: Path, dialect: str
) -> None:
    url = new_database(request, tmp_path, dialect, "loads")
    results = together(url, "load", str(SEEDS))
    assert [code for code, _ in results] == [0, 0], results
    assert migrations.current_revision(url) == migrations.head_revision()
    engine = make_engine(url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM articles")).scalar_one() == 5
        statuses = connection.execute(text("SELECT status FROM ingestion_runs")).scalars().all()
    engine.dispose()
    assert statuses == ["succeeded", "succeeded"]
