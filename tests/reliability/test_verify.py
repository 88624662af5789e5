"""``db verify`` runs the engine's own check and never writes (issue 15, defect 7).

It used to pass a store with a damaged index (``ok: 25 checks``) while SQLite's
``PRAGMA integrity_check`` named the missing row; crash with a traceback on a malformed
file; and, on a store opened read-only, try to write with its full-text check, then
report all three indexes out of sync. The damage here is real: an index whose b-tree
lacks a row of its table, made with SQLite's writable schema or, on PostgreSQL, by
inserting while the index is marked not ready.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from eventstore.cli import main
from eventstore.db import make_engine
from eventstore.load.loader import load_paths

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def verify(url: str) -> tuple[int, dict[str, object]]:
    code, out, err = run("--database-url", url, "db", "verify", "--json")
    assert "Traceback" not in out + err
    return code, json.loads(out)


@pytest.fixture
def seeded(engine: Engine) -> Iterator[str]:
    """The URL of a store holding the seeds."""
    load_paths(engine, [SEEDS])
    return engine.url.render_as_string(hide_password=False)


def sqlite_path(url: str) -> Path:
    return Path(make_url(url).database or "")


def damage_an_sqlite_index(path: Path) -> None:
    """Point ix_events_month_day at a b-tree built without event 1: the table has a row
    its index lacks, as after a lost index page."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("CREATE INDEX damaged ON events (month, day) WHERE id <> 1")
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'damaged'")
    page = root.fetchone()[0]
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute("DELETE FROM sqlite_master WHERE name = 'damaged'")
    connection.execute(
        "UPDATE sqlite_master SET rootpage = ? WHERE name = 'ix_events_month_day'", (page,)
    )
    connection.close()


@pytest.mark.parametrize("dialect", ["sqlite"], indirect=True)
def test_sqlite_integrity_check_names_a_row_missing_from_an_index(seeded: str) -> None:
    code, report = verify(seeded)
    assert (code, report["problems"], report["skipped"]) == (0, [], [])
    damage_an_sqlite_index(sqlite_path(seeded))
    code, report = verify(seeded)
    assert code == 1
    assert (
        "sqlite integrity_check: row 1 missing from index ix_events_month_day"
        in (
            report["problems"]  # type: ignore[operator]
        )
    )
    code, out, _ = run("--database-url", seeded, "db", "verify")
    assert "problem: sqlite integrity_check: row 1 missing from index ix_events_month_day" in out


def damage_a_postgresql_index(engine: Engine) -> None:
    """Insert a source while uq_sources_key is marked not ready: its heap tuple has no
    index entry, which amcheck's heapallindexed check finds."""
    ready = "UPDATE pg_index SET indisready = {} WHERE indexrelid = 'uq_sources_key'::regclass"
    for statement in (
        ready.format("false"),
        "INSERT INTO sources (name, key, kind) VALUES ('Lost Row', 'lost row', 'other')",
        ready.format("true"),
    ):
        engine.dispose()  # each step in a new session, which reads the catalog afresh
        with engine.begin() as connection:
            connection.execute(text(statement))
    engine.dispose()


@pytest.mark.parametrize("dialect", ["postgresql"], indirect=True)
def test_amcheck_runs_where_installed_and_names_a_damaged_index(
    engine: Engine, seeded: str
) -> None:
    code, report = verify(seeded)
    assert (code, report["problems"]) == (0, [])
    assert report["skipped"] == [
        "amcheck: the extension is not installed in this database, so PostgreSQL's own "
        "check of indexes and tables did not run (a superuser can: CREATE EXTENSION amcheck)"
    ]
    code, out, err = run("--database-url", seeded, "db", "verify")
    assert out.startswith("ok: ")
    assert err.startswith("skipped: amcheck: the extension is not")
    with engine.begin() as connection:
        connection.execute(text("CREATE EXTENSION amcheck"))
    code, report = verify(seeded)
    assert (code, report["problems"], report["skipped"]) == (0, [], [])
    assert int(report["checks"]) > 60  # type: ignore[call-overload]  # every index and table
    damage_a_postgresql_index(engine)
    code, report = verify(seeded)
    assert code == 1
    problems = [str(problem) for problem in report["problems"]]  # type: ignore[attr-defined]
    assert len(problems) == 1, problems
    assert problems[0].startswith("amcheck: index uq_sources_key: heap tuple ("), problems
    assert 'from table "sources" lacks matching index tuple' in problems[0]


def read_only_url(url: str, engine: Engine) -> str:
    """The store opened so that it cannot be written: SQLite mode=ro, PostgreSQL a
    database whose transactions are read-only by default."""
    if engine.dialect.name == "sqlite":
        return f"sqlite:///file:{sqlite_path(url)}?mode=ro&uri=true"
    name = make_url(url).database
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
    engine.dispose()
    return url


def test_a_read_only_store_verifies_as_it_is(engine: Engine, seeded: str) -> None:
    url = read_only_url(seeded, engine)
    code, report = verify(url)
    assert (code, report["problems"]) == (0, []), report


@pytest.mark.parametrize("dialect", ["sqlite"], indirect=True)
def test_verify_takes_no_write_lock(seeded: str) -> None:
    """A loader holding the write lock does not hold verify up (it used to wait on it
    with its full-text check, an INSERT)."""
    writer = create_engine(seeded, connect_args={"isolation_level": None})
    with writer.connect() as connection:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        url = f"sqlite:///file:{sqlite_path(seeded)}?uri=true&timeout=1"
        code, report = verify(url)
        connection.exec_driver_sql("ROLLBACK")
    writer.dispose()
    assert (code, report["problems"]) == (0, []), report


@pytest.mark.parametrize("dialect", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        ("noise", "the database file is damaged: file is not a database"),
        ("truncated", "database disk image is malformed"),
    ],
    ids=["noise", "truncated"],
)
def test_a_malformed_file_is_reported_not_a_crash(
    seeded: str, damage: str, expected: str, tmp_path: Path
) -> None:
    path = sqlite_path(seeded)
    make_engine(seeded).dispose()
    data = path.read_bytes()
    bad = tmp_path / f"{damage}.db"
    if damage == "noise":
        bad.write_bytes(bytes(range(256)) * 64)
    else:
        bad.write_bytes(data[: len(data) // 2])
    code, out, err = run("--database-url", f"sqlite:///{bad}", "db", "verify")
    assert code == 1, err
    assert "Traceback" not in out + err
    lines = out.splitlines()
    assert lines, err
    assert all(line.startswith("problem: ") for line in lines), out
    assert any(expected in line for line in lines), out
    if damage == "noise":
        assert len(lines) == 1
