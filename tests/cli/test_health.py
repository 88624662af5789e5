"""``eventstore health``: what a monitor or a readiness probe is told, and the exit code."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import Engine, text

from eventstore import migrations
from eventstore.cli import main
from eventstore.load.loader import load_paths
from eventstore.migrations import head_revision

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def health(engine: Engine, *args: str) -> tuple[int, str]:
    url = engine.url.render_as_string(hide_password=False)
    result = CliRunner().invoke(main, ["--database-url", url, "health", *args])
    return result.exit_code, result.output


def test_a_database_behind_head_is_not_healthy(engine: Engine) -> None:
    migrations.downgrade(engine.url.render_as_string(hide_password=False), "base")
    code, output = health(engine)
    assert (code, output.strip()) == (1, f"schema at none, code needs {head_revision()}")


def test_a_store_never_loaded_is_healthy_unless_a_load_is_required(engine: Engine) -> None:
    assert health(engine)[0] == 0
    code, output = health(engine, "--max-age", "1d")
    assert (code, output.strip()) == (1, "no load has succeeded yet")


def test_a_fresh_successful_load_is_healthy(engine: Engine) -> None:
    load_paths(engine, [SEEDS])

    code, output = health(engine, "--max-age", "1h", "--json")

    report = json.loads(output)
    assert (code, report["ok"], report["problem"]) == (0, True, None)
    assert report["last_run"]["status"] == "succeeded"
    assert report["last_success_at"].endswith("Z")


def test_a_stale_or_failed_last_load_is_not_healthy(engine: Engine) -> None:
    load_paths(engine, [SEEDS])
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE ingestion_runs SET finished_at = :t"), {"t": "2026-01-01 00:00:00"}
        )

    stale_code, stale = health(engine, "--max-age", "2h")
    with engine.begin() as connection:
        connection.execute(text("UPDATE ingestion_runs SET status = 'interrupted'"))
    failed_code, failed = health(engine)

    assert stale_code == 1
    assert stale.startswith("last successful load (run 1) finished ")
    assert (failed_code, failed.strip()) == (1, "last load (run 1) interrupted")


def test_a_bad_age_is_a_usage_error(engine: Engine) -> None:
    code, output = health(engine, "--max-age", "soon")
    assert code == 2
    assert "90s, 30m, 2h, 1d" in output
