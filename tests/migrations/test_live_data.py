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
