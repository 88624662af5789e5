"""Revision 0007 (rejected_inputs; known_bad, skipped, version, input_root, progress_at on
ingestion_runs) down and up again on a store that holds runs and rejected inputs."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from eventstore import migrations
from eventstore.load.loader import load_paths

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
NEW_RUN_COLUMNS = {"known_bad", "skipped", "skipped_reasons", "version", "input_root"}


def _runs(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        query = "SELECT id, status, added, failed FROM ingestion_runs ORDER BY id"
        return [tuple(row) for row in connection.execute(text(query))]


def test_0007_down_and_up_on_a_loaded_store(engine: Engine, tmp_path: Path) -> None:
    url = engine.url.render_as_string(hide_password=False)
    shutil.copy(SEEDS[0], tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    load_paths(engine, [tmp_path])
    assert load_paths(engine, [tmp_path]).totals.known_bad == 1
    runs = _runs(engine)

    migrations.downgrade(url, "0006")
    inspector = inspect(engine)
    assert "rejected_inputs" not in inspector.get_table_names()
    columns = {column["name"] for column in inspector.get_columns("ingestion_runs")}
    assert not NEW_RUN_COLUMNS & columns
    assert _runs(engine) == runs

    migrations.upgrade(url)
    assert migrations.current_revision(url) == migrations.head_revision()
    assert _runs(engine) == runs
    with engine.connect() as connection:
        known_bad = connection.execute(text("SELECT known_bad FROM ingestion_runs")).scalars()
        assert set(known_bad) == {0}
    # Forgotten with the table: rejected once more, then known bad again.
    assert load_paths(engine, [tmp_path]).exit_code == 65
    assert load_paths(engine, [tmp_path]).totals.known_bad == 1
