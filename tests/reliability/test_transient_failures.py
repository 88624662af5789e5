"""Passing database failures are retried, never blamed on the input (issue 15, defect 5).

A terminated connection or a statement timeout used to reject every file of the batch
(exit 65, ``internal`` rows in ingestion_errors) although the files were fine; only
40001/40P01 and SQLite's lock errors were retried. Now every failure that says nothing
about the statement (the connection lost or terminated, an admin shutdown, a statement
timeout, a serialization failure, a deadlock, SQLite busy) is retried with backoff; when
it persists the run ends with exit 69 (unavailable) or 75 (temporary) and no input is
recorded as rejected. After the fault is gone, a plain rerun loads everything.

PostgreSQL's faults are raised by the server itself, from a trigger on ``articles``:
``pg_terminate_backend`` of the writing session (a real termination), or an error of the
fault's SQLSTATE, the first N writes or every one. SQLite's is a real lock, held by
another connection.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import SQLAlchemyError

from eventstore.cli import main
from eventstore.db import is_retryable, make_engine, write_with_retry
from eventstore.errors import DatabaseUnavailable, EventstoreError, TemporaryFailure

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
TERMINATE = "PERFORM pg_terminate_backend(pg_backend_pid())"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def raise_state(sqlstate: str) -> str:
    return f"RAISE EXCEPTION 'injected fault {sqlstate}' USING ERRCODE = '{sqlstate}'"


def inject(engine: Engine, action: str, times: int) -> None:
    """The first ``times`` inserts into articles (of any transaction) do ``action``."""
    with engine.begin() as connection:
        connection.execute(text("CREATE SEQUENCE fault_count"))
        connection.execute(
            text(
                "CREATE FUNCTION fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                f"IF nextval('fault_count') <= {times} THEN {action}; END IF; "
                "RETURN NEW; END $$"
            )
        )
        connection.execute(
            text(
                "CREATE TRIGGER fault BEFORE INSERT ON articles "
                "FOR EACH ROW EXECUTE FUNCTION fault()"
            )
        )


def heal(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("DROP TRIGGER fault ON articles"))
        connection.execute(text("DROP FUNCTION fault()"))
        connection.execute(text("DROP SEQUENCE fault_count"))


def store(engine: Engine) -> tuple[int, list[tuple[str, str]], list[str]]:
    """(articles, ingestion_errors as (code, reason), run statuses) of the store."""
    with engine.connect() as connection:
        articles = connection.execute(text("SELECT count(*) FROM articles")).scalar_one()
        errors = connection.execute(text("SELECT code, reason FROM ingestion_errors")).all()
        runs = connection.execute(text("SELECT status FROM ingestion_runs ORDER BY id")).all()
    return int(articles), [(row[0], row[1]) for row in errors], [row[0] for row in runs]


@pytest.mark.parametrize(
    ("action", "what"),
    [
        (TERMINATE, "connection terminated"),
        (raise_state("57P01"), "admin shutdown"),
        (raise_state("08006"), "connection failure"),
        (raise_state("57014"), "statement timeout"),
        (raise_state("40001"), "serialization failure"),
        (raise_state("40P01"), "deadlock"),
        (raise_state("55P03"), "lock timeout"),
    ],
    ids=[
        "terminated",
        "admin-shutdown",
        "connection-failure",
        "statement-timeout",
        "serialization",
        "deadlock",
        "lock-timeout",
    ],
)
@pytest.mark.parametrize("dialect", ["postgresql"], indirect=True)
def test_a_passing_failure_is_retried_and_the_load_succeeds(
    engine: Engine, action: str, what: str
) -> None:
    url = engine.url.render_as_string(hide_password=False)
    inject(engine, action, times=2)
    code, _out, err = run("--database-url", url, "load", str(SEEDS))
    assert code == 0, f"{what}: {err}"
    assert "Traceback" not in err
    assert "retrying" in err
    assert store(engine) == (5, [], ["succeeded"])


@pytest.mark.parametrize(
    ("action", "exit_code", "message"),
    [
        (TERMINATE, 69, "the connection to the database was lost"),
        (raise_state("57014"), 75, "the database stayed busy"),
        (raise_state("40001"), 75, "the database stayed busy"),
    ],
    ids=["terminated", "statement-timeout", "serialization"],
)
@pytest.mark.parametrize("dialect", ["postgresql"], indirect=True)
def test_a_persistent_failure_ends_the_run_without_blaming_the_input(
    engine: Engine, action: str, exit_code: int, message: str
) -> None:
    url = engine.url.render_as_string(hide_password=False)
    inject(engine, action, times=1_000_000)
    code, _, err = run("--database-url", url, "load", str(SEEDS))
    assert code == exit_code, err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, err
    assert message in errors[0], err
    assert "(tried 6 times)" in errors[0], err
    assert "rejected:" not in err
    assert "Traceback" not in err
    articles, recorded, runs = store(engine)
    assert (articles, recorded, runs) == (0, [], ["failed"])
    heal(engine)
    code, _, err = run("--database-url", url, "load", str(SEEDS))
    assert code == 0, err
    assert store(engine)[:2] == (5, [])
    assert run("--database-url", url, "db", "verify")[0] == 0


@pytest.fixture
def sqlite_lock(db_url: str) -> Iterator[threading.Event]:
    """Holds SQLite's write lock (BEGIN IMMEDIATE, another connection) until the event
    it yields is set."""
    release = threading.Event()
    taken = threading.Event()

    def hold() -> None:
        engine = make_engine(db_url)
        with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as connection:
            connection.begin()
            taken.set()
            release.wait(60)
            connection.rollback()
        engine.dispose()

    thread = threading.Thread(target=hold)
    thread.start()
    assert taken.wait(10)
    yield release
    release.set()
    thread.join()


def _insert_source(connection: Connection) -> int:
    connection.execute(text("INSERT INTO sources (name, key, kind) VALUES ('x', 'x', 'other')"))
    return 1


@pytest.mark.parametrize("dialect", ["sqlite"], indirect=True)
def test_sqlite_busy_is_retried_until_the_lock_is_free(
    db_url: str, sqlite_lock: threading.Event
) -> None:
    engine = make_engine(f"{db_url}?timeout=0.1")
    threading.Timer(0.5, sqlite_lock.set).start()
    started = time.monotonic()
    assert write_with_retry(engine, _insert_source) == 1
    assert time.monotonic() - started >= 0.4
    engine.dispose()


@pytest.mark.parametrize("dialect", ["sqlite"], indirect=True)
def test_sqlite_busy_that_persists_is_a_temporary_failure(
    db_url: str, sqlite_lock: threading.Event
) -> None:
    engine = make_engine(f"{db_url}?timeout=0.1")
    with pytest.raises(TemporaryFailure) as info:
        write_with_retry(engine, _insert_source)
    engine.dispose()
    assert info.value.exit_code == 75
    assert not isinstance(info.value, SQLAlchemyError), "not an input's own failure"
    assert "database is locked" in str(info.value)
    code, _, err = run("--database-url", f"{db_url}?timeout=0.1", "load", str(SEEDS))
    assert code == 75, err
    assert err.startswith("error: the database stayed busy at")
    assert "Traceback" not in err


@pytest.mark.parametrize("dialect", ["postgresql"], indirect=True)
def test_a_lost_connection_that_persists_is_database_unavailable(engine: Engine) -> None:
    """At the library level: write_with_retry raises the project's error (exit 69), not
    an SQLAlchemyError, which the loader would pin on the batch's inputs."""

    def terminated(connection: Connection) -> None:
        connection.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))

    with pytest.raises(DatabaseUnavailable) as info:
        write_with_retry(engine, terminated, attempts=2)
    assert isinstance(info.value, EventstoreError)
    assert info.value.exit_code == 69
    assert "terminating connection due to administrator command" in str(info.value)


def test_which_failures_are_retried(engine: Engine) -> None:
    """Only failures of the database are retryable; a statement's own are not."""
    with engine.connect() as connection:
        for statement, retryable in (
            ("SELECT * FROM no_such_table", False),
            ("INSERT INTO sources (id, name, key, kind) VALUES (1, 'a', 'a', 'nope')", False),
        ):
            with pytest.raises(SQLAlchemyError) as info:
                connection.execute(text(statement))
            assert is_retryable(info.value) is retryable, statement
            connection.rollback()
