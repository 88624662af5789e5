"""The schema as a reader sees it: comments, full-text search, the alembic command."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import Engine, inspect, text

from eventstore.migrations import head_revision
from eventstore.schema import Base

CONTRACT_TABLES = {
    "sources",
    "articles",
    "experts",
    "claims",
    "claim_mentions",
    "events",
    "event_mentions",
    "event_sources",
    "claim_sources",
    "ingestion_runs",
    "ingestion_errors",
}


def test_models_cover_the_read_contract() -> None:
    assert set(Base.metadata.tables) >= CONTRACT_TABLES


def test_every_model_table_and_column_has_a_comment() -> None:
    missing = [
        f"{table.name}.{column.name}"
        for table in Base.metadata.tables.values()
        for column in table.columns
        if not column.comment
    ] + [table.name for table in Base.metadata.tables.values() if not table.comment]
    assert missing == []


def test_every_table_has_a_primary_key(engine: Engine) -> None:
    inspector = inspect(engine)
    tables = [name for name in inspector.get_table_names() if not name.endswith("_fts")]
    without = [
        name
        for name in tables
        if not inspector.get_pk_constraint(name)["constrained_columns"]
        and not name.startswith(("alembic_", "sqlite_"))
        and "_fts_" not in name
    ]
    assert without == []


@pytest.mark.parametrize("dialect", ["postgresql"], indirect=True)
def test_postgres_catalog_has_a_comment_on_every_table_and_column(engine: Engine) -> None:
    query = text(
        """
        SELECT c.relname, a.attname
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE c.relkind IN ('r', 'v', 'm') AND c.relname <> 'alembic_version'
          AND (obj_description(c.oid, 'pg_class') IS NULL
               OR (a.attname IS NOT NULL AND col_description(c.oid, a.attnum) IS NULL))
        """
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
        tables = connection.execute(
            text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        ).scalar_one()
    assert tables >= len(CONTRACT_TABLES)
    assert rows == []


@pytest.mark.parametrize("dialect", ["sqlite"], indirect=True)
def test_sqlite_full_text_tables_and_triggers_exist_at_head(engine: Engine) -> None:
    with engine.connect() as connection:
        names = set(
            connection.execute(
                text("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
            ).scalars()
        )
    for table in ("claims", "events", "articles"):
        assert f"{table}_fts" in names
        assert {f"{table}_fts_ai", f"{table}_fts_ad", f"{table}_fts_au"} <= names


def _search_claims(engine: Engine, words: str) -> list[int]:
    if engine.dialect.name == "sqlite":
        query = "SELECT rowid FROM claims_fts WHERE claims_fts MATCH :q ORDER BY rowid"
    else:
        query = (
            "SELECT id FROM claims WHERE search_vector @@ plainto_tsquery('english', :q) "
            "ORDER BY id"
        )
    with engine.connect() as connection:
        return list(connection.execute(text(query), {"q": words}).scalars())


def test_inserted_claim_is_found_by_full_text_search(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO experts (name, key, kind) "
                "VALUES ('Oleh Katkov', 'oleh katkov', 'expert')"
            )
        )
        expert_id = connection.execute(text("SELECT id FROM experts")).scalar_one()
        connection.execute(
            text(
                "INSERT INTO claims (expert_id, kind, text, text_key) "
                "VALUES (:e, 'quote', 'The DPRK has a huge number of artillery systems', 'k1')"
            ),
            {"e": expert_id},
        )
        claim_id = connection.execute(text("SELECT id FROM claims")).scalar_one()
    # Stemming: 'system' finds 'systems'.
    assert _search_claims(engine, "artillery system") == [claim_id]
    with engine.begin() as connection:
        connection.execute(text("UPDATE claims SET text = 'Shells were recorded'"))
    assert _search_claims(engine, "artillery") == []
    assert _search_claims(engine, "shells") == [claim_id]
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM claims"))
    assert _search_claims(engine, "shells") == []


def _alembic(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "EVENTSTORE_DATABASE_URL": url}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "alembic", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=str(__import__("tests.conftest").conftest.REPO),
    )


def test_alembic_command_reads_eventstore_database_url(empty_db_url: str) -> None:
    for args in (["upgrade", "head"], ["downgrade", "base"], ["upgrade", "head"], ["check"]):
        result = _alembic(empty_db_url, *args)
        assert result.returncode == 0, result.stderr
    assert f"{head_revision()} (head)" in _alembic(empty_db_url, "current").stdout
