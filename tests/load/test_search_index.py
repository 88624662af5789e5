"""Full-text search after a load: the loader indexes the rows it inserts itself (SQLite:
one statement per table while search_deferrals holds its row); other writers' rows are
indexed by the triggers as before."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from eventstore.load.loader import load_paths
from eventstore.verify import verify

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _claims_matching(engine: Engine, word: str) -> list[int]:
    if engine.dialect.name == "sqlite":
        query = "SELECT rowid FROM claims_fts WHERE claims_fts MATCH :q ORDER BY rowid"
    else:
        query = "SELECT id FROM claims WHERE search_vector @@ plainto_tsquery('english', :q)"
    with engine.connect() as connection:
        return sorted(connection.execute(text(query), {"q": word}).scalars())


def _claims_saying(engine: Engine, word: str) -> list[int]:
    with engine.connect() as connection:
        query = "SELECT id FROM claims WHERE lower(text) LIKE :q"
        return sorted(connection.execute(text(query), {"q": f"%{word}%"}).scalars())


def test_every_loaded_row_is_searchable_when_the_load_commits(engine: Engine) -> None:
    assert load_paths(engine, [SEEDS]).exit_code == 0

    assert verify(engine).ok, verify(engine).problems
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM search_deferrals")).scalar() == 0
    assert _claims_matching(engine, "artillery") == _claims_saying(engine, "artillery") != []


def test_a_row_inserted_after_a_load_is_indexed_by_its_trigger(engine: Engine) -> None:
    assert load_paths(engine, [SEEDS]).exit_code == 0
    with engine.begin() as connection:
        expert_id = connection.execute(text("SELECT min(id) FROM experts")).scalar_one()
        connection.execute(
            text(
                "INSERT INTO claims (expert_id, kind, text, text_key) "
                "VALUES (:e, 'quote', 'Zeppelins were sighted over the harbour', 'zk')"
            ),
            {"e": expert_id},
        )

    assert len(_claims_matching(engine, "zeppelins")) == 1
