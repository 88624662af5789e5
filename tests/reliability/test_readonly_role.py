"""The read-only role reads the contract and nothing else (issue 15, defect 4).

It used to be able to stall every loader (``SELECT pg_advisory_lock(<the loader's
key>)``), store a large object, create temporary tables, read where input files were
and which host and process loaded them; ``grant-readonly PUBLIC`` created a role named
"PUBLIC" and ``grant-readonly postgres`` reported success for a superuser. Now the role
gets SELECT on the views and contract tables, operational columns left out; EXECUTE on
the advisory locking functions and TEMPORARY are revoked from PUBLIC and granted back to
the roles that load (so a reader cannot take the loaders' keys); the functions that make
large objects are revoked from PUBLIC; PUBLIC, superusers and writers are refused.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from eventstore.cli import main
from eventstore.db import WRITER_LOCK_KEY
from eventstore.load.loader import load_paths

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
pytestmark = pytest.mark.parametrize("dialect", ["postgresql"], indirect=True)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def login_role(engine: Engine, prefix: str) -> tuple[str, str]:
    """A new login role (dropped by the test database's teardown) and its URL."""
    role = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with engine.begin() as connection:
        connection.execute(text(f"CREATE ROLE {role} LOGIN"))
    url = make_url(engine.url.render_as_string(hide_password=False)).set(username=role)
    return role, url.render_as_string(hide_password=False)


def drop_role(engine: Engine, role: str) -> None:
    with engine.begin() as connection:
        connection.execute(text(f"DROP OWNED BY {role}"))
        connection.execute(text(f"DROP ROLE {role}"))


@pytest.fixture
def loader(engine: Engine) -> Iterator[tuple[str, str]]:
    """A login role that loads (not a superuser): may write every table."""
    role, url = login_role(engine, "loader")
    try:
        with engine.begin() as connection:
            connection.execute(text(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}"))
            connection.execute(text(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}"))
        yield role, url
    finally:
        drop_role(engine, role)


@pytest.fixture
def reader(engine: Engine, loader: tuple[str, str]) -> Iterator[tuple[str, str]]:
    """A login role made read-only with ``eventstore db grant-readonly``."""
    role, url = login_role(engine, "reader")
    try:
        code, out, err = run(
            "--database-url", str(engine.url.render_as_string(False)), "db", "grant-readonly", role
        )
        assert code == 0, err
        assert (
            out.strip()
            == f"ok: {role} can read the contract views and tables (operational columns hidden)"
        )
        yield role, url
    finally:
        drop_role(engine, role)


def refused(url: str, statement: str) -> str:
    """The error ``statement`` gets when run as the role of ``url``."""
    engine = create_engine(url)
    try:
        with pytest.raises(ProgrammingError) as info, engine.begin() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()
    return str(info.value.orig)


def test_the_reader_reads_the_contract(engine: Engine, reader: tuple[str, str]) -> None:
    load_paths(engine, [SEEDS])
    as_reader = create_engine(reader[1])
    with as_reader.connect() as connection:
        for view in ("v_timeline", "v_claims", "v_experts", "v_sources"):
            assert connection.execute(text(f"SELECT count(*) FROM {view}")).scalar_one() > 0
        for table in ("sources", "experts", "claims", "events", "changes", "retired_ids"):
            connection.execute(text(f"SELECT * FROM {table}")).all()
        titles = connection.execute(text("SELECT id, external_id, title FROM articles")).all()
        runs = connection.execute(text("SELECT id, status, added FROM ingestion_runs")).all()
        connection.execute(text("SELECT id, code, reason FROM ingestion_errors")).all()
    as_reader.dispose()
    assert len(titles) == 5
    assert len(runs) == 1


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("SELECT source_path FROM articles", "permission denied for table articles"),
        ("SELECT * FROM articles", "permission denied for table articles"),
        ("SELECT paths FROM ingestion_runs", "permission denied for table ingestion_runs"),
        ("SELECT host, pid FROM ingestion_runs", "permission denied for table ingestion_runs"),
        ("SELECT input_root FROM ingestion_runs", "permission denied for table ingestion_runs"),
        ("SELECT path FROM ingestion_errors", "permission denied for table ingestion_errors"),
        ("SELECT * FROM rejected_inputs", "permission denied for table rejected_inputs"),
        ("CREATE TEMP TABLE mine (id integer)", "permission denied to create temporary tables"),
        ("CREATE TABLE mine (id integer)", "permission denied for schema public"),
        ("SELECT lo_from_bytea(0, 'x')", "permission denied for function lo_from_bytea"),
        ("SELECT lo_creat(-1)", "permission denied for function lo_creat"),
        ("SELECT lo_create(0)", "permission denied for function lo_create"),
        (f"SELECT pg_advisory_lock({WRITER_LOCK_KEY})", "permission denied for function"),
        (f"SELECT pg_try_advisory_lock({WRITER_LOCK_KEY + 1})", "permission denied for function"),
        ("SELECT pg_advisory_lock_shared(1)", "permission denied for function"),
        ("SELECT pg_advisory_xact_lock(1, 2)", "permission denied for function"),
        ("SELECT pg_try_advisory_xact_lock_shared(1)", "permission denied for function"),
        ("INSERT INTO sources (name, key, kind) VALUES ('x', 'x', 'other')", "permission denied"),
        ("DELETE FROM articles", "permission denied"),
        ("SELECT nextval('articles_id_seq')", "permission denied for sequence"),
    ],
    ids=lambda value: str(value)[:48],
)
def test_the_reader_can_do_nothing_else(
    engine: Engine, reader: tuple[str, str], statement: str, expected: str
) -> None:
    assert expected in refused(reader[1], statement)


def test_loaders_keep_their_locks_and_load(
    engine: Engine, reader: tuple[str, str], loader: tuple[str, str]
) -> None:
    """A non-superuser loader still takes its advisory locks (run, writer, exclusive)."""
    code, _, err = run("--database-url", loader[1], "load", "--exclusive", str(SEEDS))
    assert code == 0, err
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM articles")).scalar_one() == 5


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("PUBLIC", "refusing PUBLIC: it is every role"),
        ("public", "refusing PUBLIC: it is every role"),
        ("postgres", "refusing to make postgres read-only: it is a superuser"),
        ("loader", "it can write tables of the public schema"),
        ("pg_monitor", "not a plain role name"),
        ("bad-name; DROP", "not a plain role name"),
    ],
    ids=["PUBLIC", "public", "superuser", "writer", "pg_-role", "not-a-name"],
)
def test_roles_that_cannot_be_made_read_only_are_refused(
    engine: Engine, loader: tuple[str, str], who: str, expected: str
) -> None:
    role = loader[0] if who == "loader" else who
    url = engine.url.render_as_string(hide_password=False)
    code, _out, err = run("--database-url", url, "db", "grant-readonly", role)
    assert code == 78, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: "), err
    assert expected in lines[0], err
    named = text("SELECT count(*) FROM pg_roles WHERE rolname IN ('PUBLIC', 'public')")
    with engine.connect() as connection:
        assert connection.execute(named).scalar_one() == 0, "no role named PUBLIC was created"


def test_grant_readonly_converges(engine: Engine, reader: tuple[str, str]) -> None:
    """Granted again (after a schema change, or over the old grant-everything), the role
    still reads only the contract."""
    with engine.begin() as connection:  # as the old grant-readonly did
        connection.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader[0]}"))
    url = engine.url.render_as_string(hide_password=False)
    assert run("--database-url", url, "db", "grant-readonly", reader[0])[0] == 0
    assert "permission denied" in refused(reader[1], "SELECT path FROM ingestion_errors")
    assert "permission denied" in refused(reader[1], "SELECT * FROM rejected_inputs")
