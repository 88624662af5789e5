"""Revision 0011 (search_deferrals: SQLite's FTS5 insert triggers step aside while the
loader indexes its batch itself) down and up again on a loaded store, loading between."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from eventstore import migrations
from eventstore.load.loader import load_paths

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def _load(engine: Engine, folder: Path, seed: Path) -> None:
    folder.mkdir()
    shutil.copy(seed, folder)
    assert load_paths(engine, [folder]).exit_code == 0


def _insert_trigger(engine: Engine) -> str | None:
    if engine.dialect.name != "sqlite":
        return None
    with engine.connect() as connection:
        query = "SELECT sql FROM sqlite_master WHERE name = 'claims_fts_ai'"
        return str(connection.execute(text(query)).scalar_one())


def _insert_claim(engine: Engine) -> None:
    with engine.begin() as connection:
        expert_id = connection.execute(text("SELECT min(id) FROM experts")).scalar_one()
        count = connection.execute(text("SELECT count(*) FROM claims")).scalar_one()
        connection.execute(
            text(
                "INSERT INTO claims (expert_id, kind, text, text_key) "
                "VALUES (:e, 'quote', 'Zeppelins were sighted', :k)"
            ),
            {"e": expert_id, "k": f"zeppelins {count}"},
        )


def _indexed(engine: Engine) -> None:
    """Every article, claim and event is in its full-text index and nothing else is."""
    with engine.connect() as connection:
        for table in ("articles", "claims", "events"):
            rows = connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            if engine.dialect.name == "sqlite":
                query = f"SELECT count(*) FROM {table}_fts_docsize"
            else:
                query = f"SELECT count(*) FROM {table} WHERE search_vector IS NOT NULL"
            assert connection.execute(text(query)).scalar_one() == rows, table
        if engine.dialect.name == "sqlite":
            query = "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'zeppelins'"
        else:
            query = "SELECT count(*) FROM claims WHERE search_vector @@ to_tsquery('zeppelins')"
        sighted = "SELECT count(*) FROM claims WHERE text LIKE 'Zeppelins%'"
        assert connection.execute(text(query)).scalar_one() == (
            connection.execute(text(sighted)).scalar_one()
        )


def test_0011_down_and_up_on_a_loaded_store(engine: Engine, tmp_path: Path) -> None:
    url = engine.url.render_as_string(hide_password=False)
    _load(engine, tmp_path / "one", SEEDS[0])
    _indexed(engine)
    deferred = _insert_trigger(engine)

    migrations.downgrade(url, "0010")
    assert "search_deferrals" not in inspect(engine).get_table_names()
    if deferred is not None:
        assert "search_deferrals" not in (_insert_trigger(engine) or "")
    _insert_claim(engine)  # another writer: indexed by the trigger
    _indexed(engine)

    migrations.upgrade(url)
    assert migrations.current_revision(url) == migrations.head_revision()
    assert _insert_trigger(engine) == deferred
    _load(engine, tmp_path / "two", SEEDS[1])
    _insert_claim(engine)
    _indexed(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM search_deferrals")).scalar() == 0


def test_an_empty_store_goes_down_to_0010_and_back(engine: Engine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    migrations.downgrade(url, "0010")
    migrations.upgrade(url)
    assert "search_deferrals" in inspect(engine).get_table_names()
    _indexed(engine)
