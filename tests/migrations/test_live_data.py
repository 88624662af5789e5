"""Migrations on a store that holds data: down to 0001 and up again changes no row."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from eventstore import migrations
from eventstore.load.loader import load_paths
from tests.load.test_loader import dump

REPO = Path(__file__).resolve().parents[2]


def test_seeds_survive_down_and_up_migrations(engine: Engine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    load_paths(engine, [REPO / "seeds"])
    migrations.downgrade(url, "0001")
    at_first_revision = dump(engine)
    assert sum(len(rows) for rows in at_first_revision.values()) > 100

    migrations.upgrade(url)
    assert dump(engine) == at_first_revision
    migrations.downgrade(url, "0001")
    assert dump(engine) == at_first_revision
    migrations.upgrade(url)
    assert dump(engine) == at_first_revision
    assert migrations.check(url).up_to_date


def test_rows_stored_before_the_key_tables_still_match(engine: Engine, tmp_path: Path) -> None:
    """A store from before 0003 has no matching keys; the upgrade computes them, so the
    same articles from another feed match the stored events and claims, adding none."""
    url = engine.url.render_as_string(hide_password=False)
    load_paths(engine, [REPO / "seeds"])
    migrations.downgrade(url, "0002")
    migrations.upgrade(url)
    before = dump(engine)
    again = tmp_path / "feed"
    again.mkdir()
    for seed in sorted((REPO / "seeds").glob("*.txt")):
        (again / f"copy_{seed.name}").write_bytes(seed.read_bytes())

    load_paths(engine, [again])

    after = dump(engine)
    for table in ("events", "claims", "experts", "sources"):
        assert len(after[table]) == len(before[table]), table
    assert len(after["articles"]) == 2 * len(before["articles"])
