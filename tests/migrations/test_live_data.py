"""Migrations on a store that holds data: down and up again changes no row it kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, exc, inspect, text

from eventstore import migrations
from eventstore.load.loader import load_paths
from tests.load.test_loader import CONTENT_TABLES, dump
from tests.migrations.keys import assert_nothing_added, seeds_again, stored_keys

REPO = Path(__file__).resolve().parents[2]
PROVENANCE = ("extracted_by", "confidence")


def columns_now(engine: Engine) -> dict[str, list[str]]:
    """The columns of every content table at the database's current revision."""
    inspector = inspect(engine)
    return {table: [c["name"] for c in inspector.get_columns(table)] for table in CONTENT_TABLES}


def rows_of(engine: Engine, columns: dict[str, list[str]]) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every content table, only ``columns``, in id order."""
    with engine.connect() as connection:
        return {
            table: [
                tuple(row)
                for row in connection.execute(
                    text(f"SELECT {', '.join(names)} FROM {table} ORDER BY id")
                )
            ]
            for table, names in columns.items()
        }


def test_seeds_survive_down_and_up_migrations(engine: Engine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    load_paths(engine, [REPO / "seeds"])
    migrations.downgrade(url, "0001")
    first_columns = columns_now(engine)
    at_first_revision = dump(engine)
    assert sum(len(rows) for rows in at_first_revision.values()) > 100

    for step in (migrations.upgrade, lambda u: migrations.downgrade(u, "0001")) * 2:
        step(url)
        assert rows_of(engine, first_columns) == at_first_revision
    migrations.upgrade(url)
    assert migrations.check(url).up_to_date


def _provenance(engine: Engine) -> set[tuple[Any, ...]]:
    with engine.connect() as connection:
        return {
            tuple(row)
            for table in ("claim_mentions", "event_mentions", "v_claims", "v_timeline")
            for row in connection.execute(text(f"SELECT extracted_by, confidence FROM {table}"))
        }


def test_mentions_loaded_before_0005_say_legacy(engine: Engine) -> None:
    """Mentions stored before 0005 read extracted_by 'legacy', confidence 1.0, in the
    tables and in the views; deleting articles still takes the claims and events only
    they mention."""
    url = engine.url.render_as_string(hide_password=False)
    load_paths(engine, [REPO / "seeds"])
    assert ("legacy", 1.0) not in _provenance(engine)
    migrations.downgrade(url, "0004")
    migrations.upgrade(url)

    assert _provenance(engine) == {("legacy", 1.0)}
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM articles"))
    with engine.connect() as connection:
        left = [
            connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("claims", "events")
        ]
    assert left == [0, 0]


@pytest.mark.parametrize("dialect", ["postgresql"], indirect=True)
def test_an_upgrade_stopped_after_its_commit_runs_again(engine: Engine) -> None:
    """On PostgreSQL 0005 commits before it validates its CHECKs: stopped there, the
    store says 0004 with the columns in place, and the upgrade must simply run again."""
    url = engine.url.render_as_string(hide_password=False)
    load_paths(engine, [REPO / "seeds"])
    before = _provenance(engine)
    migrations.downgrade(url, "0005")
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0004'"))

    migrations.upgrade(url)

    assert migrations.check(url).up_to_date
    assert _provenance(engine) == before


def _insert_expert(engine: Engine, key: str, kind: str) -> int:
    with engine.begin() as connection:
        return int(
            connection.execute(
                text("INSERT INTO experts (name, key, kind) VALUES (:k, :k, :kind) RETURNING id"),
                {"k": key, "kind": kind},
            ).scalar_one()
        )


def test_organizations_are_experts_from_0005_and_other_below(engine: Engine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    kremlin = _insert_expert(engine, "the kremlin", "organization")
    with pytest.raises(exc.IntegrityError):
        _insert_expert(engine, "nobody", "ghost")

    migrations.downgrade(url, "0004")
    with engine.connect() as connection:
        kind = connection.execute(text("SELECT kind FROM experts WHERE id = :i"), {"i": kremlin})
        assert kind.scalar_one() == "other"
    with pytest.raises(exc.IntegrityError):
        _insert_expert(engine, "nato", "organization")

    migrations.upgrade(url)
    _insert_expert(engine, "nato", "organization")


def test_confidence_outside_0_to_1_is_refused(engine: Engine) -> None:
    load_paths(engine, [REPO / "seeds"])
    for table in ("claim_mentions", "event_mentions"):
        with pytest.raises(exc.IntegrityError), engine.begin() as connection:
            connection.execute(text(f"UPDATE {table} SET confidence = 1.5"))


def test_expert_ids_are_not_reused_after_the_rebuild(engine: Engine) -> None:
    """SQLite rebuilds experts in 0005; AUTOINCREMENT's high-water mark survives it."""
    url = engine.url.render_as_string(hide_password=False)
    ids = [_insert_expert(engine, f"person {n}", "expert") for n in range(3)]
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM experts WHERE id = :i"), {"i": ids[-1]})
    migrations.downgrade(url, "0004")
    migrations.upgrade(url)
    assert _insert_expert(engine, "person 4", "expert") > ids[-1]


def test_rows_stored_before_the_key_tables_still_match(engine: Engine, tmp_path: Path) -> None:
    """A store from before 0003 has no matching keys; the upgrade computes them, so the
    same articles from another feed match the stored events and claims, adding none."""
    url = engine.url.render_as_string(hide_password=False)
    load_paths(engine, [REPO / "seeds"])
    migrations.downgrade(url, "0002")
    migrations.upgrade(url)
    before, after = seeds_again(engine, tmp_path / "feed")
    assert_nothing_added(before, after)
    assert len(after["articles"]) == 2 * len(before["articles"])


def _blocking_keys(engine: Engine) -> set[tuple[str, int, str]]:
    """(table, row id, key) of every b:, n: and q: key stored (text form)."""
    return {entry for entry in stored_keys(engine) if entry[2][:2] in {"b:", "n:", "q:"}}


def _without_bands(engine: Engine) -> dict[str, int]:
    """How many events and claims have no b: key."""
    banded = {(table, row_id) for table, row_id, key in stored_keys(engine) if key[:2] == "b:"}
    with engine.connect() as connection:
        return {
            rows: sum(
                (f"{rows[:-1]}_keys", row_id) not in banded
                for row_id in connection.execute(text(f"SELECT id FROM {rows}")).scalars()
            )
            for rows in ("events", "claims")
        }


def test_rows_stored_before_0010_get_their_blocking_keys(engine: Engine, tmp_path: Path) -> None:
    """A store from before 0010 has no b:, n: or q: keys; the upgrade files those of each
    row's current wording (keys the loader had filed too), so the same articles from
    another feed match the stored events and claims, adding none."""
    url = engine.url.render_as_string(hide_password=False)
    load_paths(engine, [REPO / "seeds"])
    loaded = _blocking_keys(engine)
    migrations.downgrade(url, "0009")
    assert _blocking_keys(engine) == set()

    migrations.upgrade(url)

    filed = _blocking_keys(engine)
    assert filed <= loaded
    assert {table for table, _, _ in filed} == {"event_keys", "claim_keys"}
    assert _without_bands(engine) == {"events": 0, "claims": 0}
    before, after = seeds_again(engine, tmp_path / "feed")
    assert_nothing_added(before, after)
