"""``load --metrics-file``: the run's figures in the Prometheus text format, written
atomically, for node_exporter's textfile collector."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from click.testing import CliRunner
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import Engine

from eventstore.cli import main
from eventstore.load.guard import exclusive_load

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def load(url: str, *args: str) -> int:
    result = CliRunner().invoke(main, ["--database-url", url, "load", *args])
    assert "Traceback" not in result.output
    return result.exit_code


def samples(path: Path) -> dict[str, float]:
    found: dict[str, float] = {}
    for family in text_string_to_metric_families(path.read_text(encoding="utf-8")):
        for sample in family.samples:
            labels = "".join(f"{{{value}}}" for value in sample.labels.values())
            found[f"{sample.name}{labels}"] = sample.value
    return found


def test_a_load_writes_its_figures(db_url: str, tmp_path: Path) -> None:
    inbox, metrics = tmp_path / "inbox", tmp_path / "prom" / "eventstore.prom"
    inbox.mkdir()
    metrics.parent.mkdir()
    for seed in SEEDS[:2]:
        shutil.copy(seed, inbox)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "notes.md").write_text("not an article")
    before = time.time()

    assert load(db_url, "--metrics-file", str(metrics), str(inbox)) == 65
    assert load(db_url, "--metrics-file", str(metrics), str(inbox)) == 0

    figures = samples(metrics)
    assert figures["eventstore_load_exit_code"] == 0
    assert figures["eventstore_load_run_id"] == 2
    assert {
        name: figures[f"eventstore_load_articles{{{name}}}"]
        for name in ("added", "updated", "unchanged", "rejected", "known_bad")
    } == {"added": 0, "updated": 0, "unchanged": 2, "rejected": 0, "known_bad": 1}
    assert figures["eventstore_load_skipped_entries{unsupported type}"] == 1
    assert 0 <= figures["eventstore_load_duration_seconds"] < 60
    assert before <= figures["eventstore_load_last_success_timestamp_seconds"] <= time.time()
    assert sorted(p.name for p in metrics.parent.iterdir()) == ["eventstore.prom"]


def test_a_refused_or_unreachable_load_keeps_the_last_run_figures(
    engine: Engine, tmp_path: Path
) -> None:
    url = engine.url.render_as_string(hide_password=False)
    metrics = tmp_path / "eventstore.prom"
    assert load(url, "--metrics-file", str(metrics), str(SEEDS[0])) == 0
    success = samples(metrics)["eventstore_load_last_success_timestamp_seconds"]

    with exclusive_load(engine):
        assert load(url, "--exclusive", "--metrics-file", str(metrics), str(SEEDS[1])) == 75
    refused = samples(metrics)
    down = "postgresql://nobody@127.0.0.1:1/none"
    assert load(down, "--metrics-file", str(metrics), str(SEEDS[1])) == 69
    unreachable = samples(metrics)

    for figures, code in ((refused, 75), (unreachable, 69)):
        assert figures["eventstore_load_exit_code"] == code
        assert figures["eventstore_load_run_id"] == 1
        assert figures["eventstore_load_articles{added}"] == 1
        assert figures["eventstore_load_last_success_timestamp_seconds"] == success


def test_a_metrics_folder_that_cannot_be_written_is_a_usage_error(
    db_url: str, tmp_path: Path
) -> None:
    metrics = tmp_path / "no" / "m.prom"
    result = CliRunner().invoke(
        main, ["--database-url", db_url, "load", "--metrics-file", str(metrics), str(SEEDS[0])]
    )
    assert result.exit_code == 2
    assert "is not a folder this user can write to" in result.output
    runs = CliRunner().invoke(main, ["--database-url", db_url, "runs", "--json"])
    assert json.loads(runs.stdout)["items"] == [], "nothing is loaded"
