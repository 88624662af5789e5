"""Revision 0013: matching keys stored as 17 bytes (kind, then hash) instead of 34
characters, looked up by an index on (key, row id); downgrade gives back the very same
text keys. On empty and loaded stores, both dialects."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect, text

from eventstore import migrations
from eventstore.load.loader import load_paths
from eventstore.normalize import stored_key
from tests.migrations.keys import KEY_TABLES, assert_nothing_added, seeds_again

REPO = Path(__file__).resolve().parents[2]


def _rows(engine: Engine) -> set[tuple[str, int, int, str | bytes]]:
    """(table, id, row id, key as stored) of every key row."""
    with engine.connect() as connection:
        return {
            (table, key_id, row_id, key if isinstance(key, str) else bytes(key))
            for table, parent in KEY_TABLES
            for key_id, row_id, key in connection.execute(
                text(f"SELECT id, {parent}, key FROM {table}")
            )
        }


def _indexes(engine: Engine) -> dict[str, list[list[str | None]]]:
    found = inspect(engine)
    return {
        table: sorted(i["column_names"] for i in found.get_indexes(table) if not i["unique"])
        for table, _ in KEY_TABLES
    }


def test_0013_converts_loaded_keys_both_ways(engine: Engine, tmp_path: Path) -> None:
    url = engine.url.render_as_string(hide_password=False)
    load_paths(engine, [REPO / "seeds"])
    loaded = _rows(engine)
    assert loaded
    assert {len(key) for *_, key in loaded} == {17}

    migrations.downgrade(url, "0012")
    as_text = _rows(engine)
    assert {len(key) for *_, key in as_text} == {34}
    assert {key[:2] for *_, key in as_text} == {"f:", "b:", "n:", "q:"}
    # the same rows, ids and all; each key the text whose stored form it was
    assert {(t, i, r, stored_key(str(k))) for t, i, r, k in as_text} == loaded
    assert _indexes(engine) == {"event_keys": [["key"]], "claim_keys": [["key"]]}

    migrations.upgrade(url)
    assert _rows(engine) == loaded
    assert _indexes(engine) == {
        "event_keys": [["key", "event_id"]],
        "claim_keys": [["key", "claim_id"]],
    }
    assert migrations.check(url).up_to_date
    # the same articles from another feed still find every stored event and claim
    before, after = seeds_again(engine, tmp_path / "feed")
    assert_nothing_added(before, after)


def test_0013_keeps_the_key_ids_unused_after_a_delete(engine: Engine) -> None:
    """SQLite copies each key table: its AUTOINCREMENT high-water mark goes along."""
    url = engine.url.render_as_string(hide_password=False)
    load_paths(engine, [REPO / "seeds"])
    with engine.begin() as connection:
        top = connection.execute(text("SELECT max(id) FROM claim_keys")).scalar_one()
        connection.execute(text("DELETE FROM claim_keys WHERE id = :i"), {"i": top})
    migrations.downgrade(url, "0012")
    migrations.upgrade(url)
    with engine.begin() as connection:
        claim_id = connection.execute(text("SELECT min(id) FROM claims")).scalar_one()
        statement = "INSERT INTO claim_keys (claim_id, key) VALUES (:c, :k) RETURNING id"
        key = stored_key("b:" + "0" * 32)
        assert connection.execute(text(statement), {"c": claim_id, "k": key}).scalar_one() > top


def test_an_empty_store_goes_down_to_0012_and_back(engine: Engine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    migrations.downgrade(url, "0012")
    assert _rows(engine) == set()
    migrations.upgrade(url)
    assert _rows(engine) == set()
    assert migrations.check(url).up_to_date
