"""Operating a store: verify, read-only access, run locks, interrupted runs, secrets."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError as SAOperationalError
from sqlalchemy.exc import ProgrammingError

from eventstore.cli import main
from eventstore.db import is_retryable, make_engine
from eventstore.errors import LockHeld
from eventstore.load.guard import exclusive_load, mark_interrupted
from eventstore.load.loader import LoadOptions, load_paths

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_verify_passes_on_a_loaded_store_and_names_a_broken_span(db_url: str) -> None:
    assert run("--database-url", db_url, "load", str(SEEDS))[0] == 0
    code, out, _ = run("--database-url", db_url, "db", "verify")
    assert (code, out.startswith("ok:")) == (0, True)
    engine = make_engine(db_url)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE event_mentions SET start_offset = start_offset + 1 WHERE id = 1")
        )
    engine.dispose()
    code, out, _ = run("--database-url", db_url, "db", "verify", "--json")
    report = json.loads(out)
    assert (code, report["ok"]) == (1, False)
    assert report["problems"] == [
        "event_mentions 1: its text is not the span it names in article 000_b08e3bd24bb77b56"
    ]


@pytest.mark.parametrize("dialect", ["sqlite"], indirect=True)
def test_verify_notices_a_missing_full_text_trigger(engine: Engine) -> None:
    load_paths(engine, [SEEDS])
    with engine.begin() as connection:
        connection.execute(text("DROP TRIGGER events_fts_ad"))
    code, out, _ = run("--database-url", str(engine.url), "db", "verify")
    assert code == 1
    assert "events_fts: sync triggers missing (events_fts_ad)" in out


def test_verify_notices_a_search_deferral_left_committed(engine: Engine) -> None:
    load_paths(engine, [SEEDS])
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO search_deferrals (id) VALUES (1)"))
    code, out, _ = run("--database-url", str(engine.url.render_as_string(False)), "db", "verify")
    assert code == 1
    assert "search_deferrals: holds a row" in out


@pytest.fixture
def reader(engine: Engine) -> Iterator[tuple[str, str]]:
    """A login role made a read-only reader of the test database; (role, its URL)."""
    role = f"reader_{uuid.uuid4().hex[:8]}"
    with engine.begin() as connection:
        connection.execute(text(f"CREATE ROLE {role} LOGIN"))
    code, _, err = run(
        "--database-url", str(engine.url.render_as_string(False)), "db", "grant-readonly", role
    )
    assert code == 0, err
    url = make_url(engine.url.render_as_string(False)).set(username=role, password=None)
    yield role, url.render_as_string(hide_password=False)
    with engine.begin() as connection:
        connection.execute(text(f"DROP OWNED BY {role}"))
    with engine.begin() as connection:
        connection.execute(text(f"DROP ROLE {role}"))


@pytest.mark.parametrize("dialect", ["postgresql"], indirect=True)
def test_readonly_role_reads_every_view_and_cannot_write(
    engine: Engine, reader: tuple[str, str]
) -> None:
    load_paths(engine, [SEEDS])
    with engine.begin() as connection:  # a table added after the grant, like a new migration
        connection.execute(text("CREATE TABLE later_table (id integer PRIMARY KEY)"))
    as_reader = create_engine(reader[1])
    try:
        with as_reader.connect() as connection:
            for view in ("v_timeline", "v_claims", "v_experts", "v_sources"):
                assert connection.execute(text(f"SELECT count(*) FROM {view}")).scalar_one() > 0
        # The role reads the read contract only (issue 15): not a table added later.
        for statement in (
            "SELECT count(*) FROM later_table",
            "INSERT INTO sources (name, key, kind) VALUES ('x', 'x', 'other')",
            "DELETE FROM articles",
            "CREATE TABLE mine (id integer)",
        ):
            with pytest.raises(ProgrammingError, match="permission denied"), as_reader.begin() as c:
                c.execute(text(statement))
    finally:
        as_reader.dispose()


@pytest.mark.parametrize("dialect", ["sqlite"], indirect=True)
def test_grant_readonly_on_sqlite_explains_itself(db_url: str) -> None:
    code, _, err = run("--database-url", db_url, "db", "grant-readonly", "analysts")
    assert code == 78
    assert "PostgreSQL feature" in err


def test_an_exclusive_load_refuses_to_overlap(engine: Engine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    with exclusive_load(engine):
        code, _, err = run("--database-url", url, "load", "--exclusive", str(SEEDS))
        assert code == 75
        assert "another exclusive load is running" in err
        # A load that does not ask for the lock is not stopped by it.
        assert run("--database-url", url, "load", str(SEEDS))[0] == 0
    with pytest.raises(LockHeld), exclusive_load(engine), exclusive_load(engine):
        pass
    assert run("--database-url", url, "load", "--exclusive", str(SEEDS))[0] == 0


def test_a_run_whose_process_died_is_marked_interrupted(engine: Engine) -> None:
    # A run row left 'running' by a process that no longer exists (and holds no lock).
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO ingestion_runs (id, status, extractor_version, host, pid) "
                "VALUES (900, 'running', 'x', :host, :pid)"
            ),
            {"host": os.uname().nodename, "pid": 2**22 + 12345},
        )
    report = load_paths(engine, [SEEDS / "000_b08e3bd24bb77b56.txt"])
    with engine.connect() as connection:
        statuses = dict(connection.execute(text("SELECT id, status FROM ingestion_runs")).all())
    assert statuses[900] == "interrupted"
    assert statuses[report.run_id] == "succeeded"
    assert mark_interrupted(engine) == []


def test_transient_database_errors_are_retried() -> None:
    locked = SAOperationalError("COMMIT", {}, Exception("database is locked"))
    broken = SAOperationalError("SELECT", {}, Exception("no such table: x"))
    assert is_retryable(locked)
    assert not is_retryable(broken)


@pytest.mark.parametrize("dialect", ["postgresql"], indirect=True)
def test_no_password_is_ever_printed(db_url: str, tmp_path: Path) -> None:
    secret = "Sup3r-s3cret-pw"
    url = make_url(db_url).set(password=secret).render_as_string(hide_password=False)
    (tmp_path / "bad.txt").write_bytes(b"")
    outputs = [
        run("--database-url", url, "load", str(SEEDS), str(tmp_path), "--json"),
        run("--database-url", url, "runs", "--json"),
        run("--database-url", url, "db", "current", "--json"),
        run("--database-url", url, "db", "check", "--json"),
        run("--database-url", url, "db", "url"),
        run("--database-url", url, "db", "url", "--libpq"),
        run("--database-url", url, "-v", "stats", "--json"),
        run("--database-url", make_url(url).set(port=1).render_as_string(False), "stats"),
    ]
    assert outputs[0][0] == 65
    assert outputs[-1][0] == 69
    for code, out, err in outputs:
        assert secret not in out + err, (code, out, err)
    engine = make_engine(url)
    with engine.connect() as connection:
        stored = " ".join(
            str(value)
            for table in ("ingestion_runs", "ingestion_errors")
            for row in connection.execute(text(f"SELECT * FROM {table}"))
            for value in row
        )
    engine.dispose()
    assert secret not in stored


def test_load_options_pass_the_size_limit(engine: Engine, tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("Title\n" + "word " * 100, encoding="utf-8")
    report = load_paths(engine, [tmp_path], options=LoadOptions(max_file_bytes=100))
    assert [p.code for p in report.errors] == ["too_large"]
