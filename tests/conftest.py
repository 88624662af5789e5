"""Database fixtures: every database test runs on SQLite (a temp file) and PostgreSQL.

PostgreSQL databases are created on the server named by EVENTSTORE_TEST_POSTGRES_URL
(default: the local server) and dropped at the end of the session. When that server
cannot be reached the PostgreSQL half is skipped with the reason, except under CI=true,
where it fails: CI must never pass on SQLite alone.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from eventstore import migrations
from eventstore.config import normalize_url
from eventstore.db import make_engine
from eventstore.load.loader import load_paths

DIALECTS = ("sqlite", "postgresql")
POSTGRES_URL = os.environ.get(
    "EVENTSTORE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
UNDER_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
REPO = Path(__file__).resolve().parents[1]
_DROPPERS = 8  # connections dropping test databases at once at the session's end


class PostgresServer:
    """Creates throw-away databases on the test server and drops them afterwards."""

    def __init__(self, url: str) -> None:
        self.url = normalize_url(url)
        self._admin = create_engine(
            self.url, isolation_level="AUTOCOMMIT", pool_size=_DROPPERS, max_overflow=0
        )
        self._prefix = f"es_test_{uuid.uuid4().hex[:8]}"
        self._count = 0
        self._created: list[str] = []
        self._templates: set[str] = set()

    def ping(self) -> None:
        with self._admin.connect() as connection:
            connection.execute(text("SELECT 1"))

    def create_database(self, template: str | None = None) -> str:
        self._count += 1
        name = f"{self._prefix}_{self._count}"
        clause = f" TEMPLATE {template}" if template else ""
        if template:
            self._templates.add(template)
        with self._admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"{clause}'))
            # a test database need not outlive a crash of the server: its commits do not
            # wait for the disk (every connection to it, the CLI's included)
            connection.execute(text(f'ALTER DATABASE "{name}" SET synchronous_commit = off'))
        self._created.append(name)
        return self.url.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        """Drop every database created, several at a time: a drop waits mostly on the
        server's disk, so eight at once take about a quarter of the time of one by one."""
        templates = [n for n in self._created if n in self._templates]
        with ThreadPoolExecutor(_DROPPERS) as pool:
            list(pool.map(self._drop, [n for n in self._created if n not in templates]))
        for name in templates:  # after the copies made from them
            self._drop(name)
        self._admin.dispose()

    def _drop(self, name: str) -> None:
        with self._admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The PostgreSQL test server, or a skip (a failure under CI) when it is down."""
    server = PostgresServer(POSTGRES_URL)
    try:
        server.ping()
    except Exception as exc:  # any connection problem means the same: no server
        reason = f"PostgreSQL not reachable at {make_url(POSTGRES_URL).render_as_string()}: {exc}"
        if UNDER_CI:
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    yield server
    server.drop_all()


def _new_empty_database(request: pytest.FixtureRequest, tmp_path: Path, dialect: str) -> str:
    if dialect == "sqlite":
        return f"sqlite:///{tmp_path / 'eventstore.db'}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.create_database()


@pytest.fixture(scope="session")
def _migrated_templates(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    """Per dialect, a database migrated to head once, to copy for each test."""
    return {}


def _migrated_database(request: pytest.FixtureRequest, tmp_path: Path, dialect: str) -> str:
    templates: dict[str, str] = request.getfixturevalue("_migrated_templates")
    if dialect == "sqlite":
        if "sqlite" not in templates:
            folder = request.getfixturevalue("tmp_path_factory").mktemp("template")
            templates["sqlite"] = str(folder / "template.db")
            migrations.upgrade(f"sqlite:///{templates['sqlite']}")
        target = tmp_path / "eventstore.db"
        shutil.copyfile(templates["sqlite"], target)
        return f"sqlite:///{target}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    if "postgresql" not in templates:
        template_url = server.create_database()
        migrations.upgrade(template_url)
        templates["postgresql"] = make_url(template_url).database or ""
    return server.create_database(template=templates["postgresql"])


def _copy_database(request: pytest.FixtureRequest, tmp_path: Path, dialect: str, url: str) -> str:
    """A new database holding what the one at ``url`` holds (nothing may be connected to
    it: PostgreSQL copies it as a template)."""
    if dialect == "sqlite":
        target = tmp_path / "eventstore.db"
        shutil.copyfile(make_url(url).database or "", target)
        return f"sqlite:///{target}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.create_database(template=make_url(url).database)


@pytest.fixture(scope="session")
def _filled_originals() -> dict[tuple[str, str], str]:
    """Per store name and dialect, a database filled once, to copy for each test."""
    return {}


def copy_of_store(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    dialect: str,
    name: str,
    fill: Callable[[str], None],
) -> str:
    """URL of a new database holding what ``fill`` (given a migrated database's URL) puts
    in one: filled once per session, dialect and ``name``, then copied for each test, as
    reloading the same articles for every test cost minutes."""
    originals: dict[tuple[str, str], str] = request.getfixturevalue("_filled_originals")
    if (name, dialect) not in originals:
        folder = request.getfixturevalue("tmp_path_factory").mktemp(name)
        url = _migrated_database(request, folder, dialect)
        fill(url)
        originals[name, dialect] = url
    return _copy_database(request, tmp_path, dialect, originals[name, dialect])


def _load_the_seeds(url: str) -> None:
    engine = make_engine(url)
    try:
        report = load_paths(engine, [REPO / "seeds"])
    finally:
        engine.dispose()
    assert (report.totals.added, report.totals.failed) == (5, 0)


@pytest.fixture
def seeded_url(request: pytest.FixtureRequest, tmp_path: Path, dialect: str) -> str:
    """URL of a new database holding the five seed articles."""
    return copy_of_store(request, tmp_path, dialect, "seeds", _load_the_seeds)


@pytest.fixture(params=DIALECTS)
def dialect(request: pytest.FixtureRequest) -> str:
    """The dialect under test: sqlite or postgresql."""
    return str(request.param)


@pytest.fixture
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path, dialect: str) -> str:
    """URL of a new, empty database (no tables)."""
    return _new_empty_database(request, tmp_path, dialect)


@pytest.fixture
def db_url(request: pytest.FixtureRequest, tmp_path: Path, dialect: str) -> str:
    """URL of a new database migrated to head."""
    return _migrated_database(request, tmp_path, dialect)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """An engine on a new database migrated to head."""
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


# pytest-alembic's fixtures, bound to the same two dialects.
@pytest.fixture
def alembic_config() -> object:
    """The project's Alembic configuration."""
    return migrations.alembic_config()


@pytest.fixture
def alembic_engine(empty_db_url: str) -> Iterator[Engine]:
    """An empty database for pytest-alembic's tests (foreign keys off, as migrations run)."""
    engine = make_engine(empty_db_url, foreign_keys=False)
    yield engine
    engine.dispose()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Long tests (marked ``slow``) first: the workers then end together, instead of one
    idling while the other runs the last long test (the suite ran 14.5 min with one worker
    idle for its last few minutes)."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
