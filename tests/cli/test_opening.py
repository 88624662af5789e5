"""Reading commands open the store without creating it, and refuse one that is not an
eventstore database at head in one line (issue 13: no traceback, no stray file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from eventstore import migrations
from eventstore.cli import main
from eventstore.db import make_engine

HEAD = migrations.head_revision()

READERS = (
    ("timeline",),
    ("stats",),
    ("runs",),
    ("rejects",),
    ("claims",),
    ("claim", "1"),
    ("event", "1"),
    ("experts",),
    ("expert", "Katkov"),
    ("sources",),
    ("articles",),
    ("changes",),
    ("health",),
    ("export",),
    ("query", "corroborated_events"),
    ("db", "verify"),
)
IDS = [" ".join(args) for args in READERS]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("args", READERS, ids=IDS)
def test_a_read_in_a_folder_with_no_database_creates_no_file(
    args: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EVENTSTORE_DATABASE_URL", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    code, out, err = run(*args)
    assert (code, out) == (69, "")
    assert err.startswith("error: no eventstore database at eventstore.db")
    assert "eventstore db upgrade" in err
    assert len(err.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_db_current_on_a_missing_file_reads_none_and_creates_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'none.db'}"
    assert run("--database-url", url, "db", "current")[:2] == (0, f"empty (head: {HEAD})\n")
    assert list(tmp_path.iterdir()) == []


def _created(url: str) -> str:
    """``url`` with its database in existence (an SQLite file is made by connecting)."""
    engine = make_engine(url)
    engine.connect().close()
    engine.dispose()
    return url


@pytest.mark.parametrize("args", READERS, ids=IDS)
def test_an_empty_database_says_to_upgrade(args: tuple[str, ...], empty_db_url: str) -> None:
    code, out, err = run("--database-url", _created(empty_db_url), *args)
    if args == ("health",):  # health reports it as its problem, on stdout
        assert (code, out) == (1, f"schema at none, code needs {HEAD}\n")
        return
    assert (code, out) == (1, "")
    assert err.endswith("has no eventstore schema yet: run `eventstore db upgrade`\n")
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("args", READERS[:6], ids=IDS[:6])
def test_a_database_behind_head_says_to_upgrade(args: tuple[str, ...], empty_db_url: str) -> None:
    migrations.upgrade(empty_db_url, "0005")
    code, out, err = run("--database-url", empty_db_url, *args)
    assert (code, out) == (1, "")
    assert err.endswith(
        f"is at revision 0005, this eventstore needs {HEAD}: run `eventstore db upgrade`\n"
    )


def test_a_database_of_something_else_is_refused_as_configuration(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE customers (id integer primary key)"))
    engine.dispose()
    code, out, err = run("--database-url", empty_db_url, "timeline")
    assert (code, out) == (78, "")
    assert "is not an eventstore database" in err
    assert len(err.splitlines()) == 1


def test_a_sqlite_file_that_is_not_a_database_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "eventstore.db"
    path.write_text("hello\n")
    code, _, err = run("--database-url", f"sqlite:///{path}", "stats")
    assert code == 69
    assert err.startswith("error: the database cannot be read or written at")
    assert "not a database" in err
    assert len(err.splitlines()) == 1
