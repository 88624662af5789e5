"""A day of a scheduled job, as cron runs it: ``eventstore load --exclusive
--metrics-file ... inbox/`` every few minutes over an inbox that grows.

Through the real CLI (a real process for the run that is killed), on both dialects. A
bad file that stays is rejected once, then known bad (exit 0); a run started while the
last still goes exits 75; a run killed with SIGKILL is reported ``interrupted`` with the
counts it had committed by ``runs`` alone; after every run ``health`` and the metrics
file say what happened.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from benchmarks.corpus import write_corpus
from click.testing import CliRunner
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text

from eventstore.cli import main
from eventstore.db import make_engine

pytestmark = pytest.mark.slow
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
LATE_ARTICLES = 40  # arriving at noon: enough for a load to be caught mid-way


class Job:
    """The scheduled job and what an operator looks at after each run."""

    def __init__(self, db_url: str, folder: Path) -> None:
        self.db_url = db_url
        self.inbox = folder / "inbox"
        self.inbox.mkdir()
        self.metrics = folder / "eventstore.prom"

    def args(self, *extra: str) -> list[str]:
        command = ["--database-url", self.db_url, "load", "--exclusive"]
        return [*command, "--metrics-file", str(self.metrics), "--json", *extra, str(self.inbox)]

    def run(self) -> tuple[int, dict[str, Any]]:
        """One run of the job (in this process, as click runs it)."""
        result = CliRunner().invoke(main, self.args(), catch_exceptions=False)
        assert "Traceback" not in result.output
        return result.exit_code, json.loads(result.stdout) if result.stdout else {}

    def start(self) -> subprocess.Popen[bytes]:
        """One run of the job in its own process, one article per batch (a slow run)."""
        command = [sys.executable, "-m", "eventstore", *self.args("--batch-size", "1")]
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def cli(self, *args: str) -> tuple[int, str]:
        result = CliRunner().invoke(main, ["--database-url", self.db_url, *args])
        assert "Traceback" not in result.output
        return result.exit_code, result.stdout

    def runs(self) -> dict[int, dict[str, Any]]:
        """``eventstore runs --json`` by run id."""
        code, out = self.cli("runs", "--json", "--limit", "100")
        assert code == 0
        return {run["id"]: run for run in json.loads(out)["items"]}

    def health(self) -> tuple[int, dict[str, Any]]:
        code, out = self.cli("health", "--json")
        return code, json.loads(out)

    def figures(self) -> dict[str, float]:
        """The metrics file, as node_exporter's textfile collector reads it."""
        families = text_string_to_metric_families(self.metrics.read_text(encoding="utf-8"))
        found: dict[str, float] = {}
        for family in families:
            for sample in family.samples:
                label = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
                found[f"{sample.name}{{{label}}}" if label else sample.name] = sample.value
        return found

    def articles_of(self, run_id: int) -> int:
        engine = make_engine(self.db_url)
        try:
            with engine.connect() as connection:
                query = text("SELECT count(*) FROM articles WHERE run_id = :run")
                return int(connection.execute(query, {"run": run_id}).scalar_one())
        finally:
            engine.dispose()


def outcome(figures: dict[str, float], name: str) -> float:
    return figures[f"eventstore_load_articles{{outcome={name}}}"]


def wait_for(check: Any, what: str, timeout: float = 120.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def test_a_day_of_a_scheduled_job(db_url: str, tmp_path: Path) -> None:
    job = Job(db_url, tmp_path)
    for seed in SEED_FILES[:2]:
        shutil.copy(seed, job.inbox)
    (job.inbox / "broken.txt").write_bytes(b"")  # a bad file nobody removes
    (job.inbox / ".partial.txt").write_text("still being copied")  # hidden: skipped

    # 00:00 - the bad file is rejected, once.
    code, summary = job.run()
    assert (code, summary["added"], summary["failed"], summary["known_bad"]) == (65, 2, 1, 0)
    assert summary["skipped_reasons"] == {"hidden": 1}
    first = summary["run"]
    code, report = job.health()
    assert (code, report["last_run"]["status"], report["last_run"]["failed"]) == (0, "partial", 1)
    figures = job.figures()
    assert figures["eventstore_load_exit_code"] == 65
    assert (outcome(figures, "added"), outcome(figures, "rejected")) == (2, 1)
    assert figures["eventstore_load_last_success_timestamp_seconds"] > time.time() - 600

    # 00:10 - a new article; the bad file is known bad now: exit 0.
    shutil.copy(SEED_FILES[2], job.inbox)
    code, summary = job.run()
    assert (code, summary["added"], summary["unchanged"]) == (0, 1, 2)
    assert (summary["failed"], summary["known_bad"]) == (0, 1)
    assert [item["code"] for item in summary["known_bad_inputs"]] == ["empty"]
    code, report = job.health()
    assert (code, report["last_run"]["status"], report["last_run"]["known_bad"]) == (
        0,
        "succeeded",
        1,
    )
    figures = job.figures()
    assert figures["eventstore_load_exit_code"] == 0
    assert (outcome(figures, "added"), outcome(figures, "known_bad")) == (1, 1)
    code, out = job.cli("rejects", "--json")
    [reject] = json.loads(out)["items"]
    assert (reject["code"], reject["times_seen"], reject["first_run_id"]) == ("empty", 2, first)

    # 12:00 - a big delivery: the run takes a while ...
    write_corpus(job.inbox / "late", LATE_ARTICLES, seed=11)
    slow = job.start()
    running = wait_for(
        lambda: next((r for r in job.runs().values() if r["status"] == "running"), None),
        "the slow run to start",
    )
    # ... and runs shows how far it got while it goes.
    wait_for(lambda: job.runs()[running["id"]]["added"] >= 3, "committed batches in runs")

    # 12:10 - the next run finds it still going and leaves at once.
    code, _ = job.run()
    assert code == 75
    assert job.health()[0] == 0
    figures = job.figures()
    assert figures["eventstore_load_exit_code"] == 75
    assert outcome(figures, "added") == 1  # still the figures of the last run recorded

    # 12:15 - the slow run is killed (OOM killer, kill -9).
    os.kill(slow.pid, signal.SIGKILL)
    slow.communicate(timeout=60)
    dead = wait_for(
        lambda: (r := job.runs()[running["id"]])["status"] == "interrupted" and r,
        "runs to report the killed run interrupted",
    )
    committed = job.articles_of(running["id"])
    assert 3 <= dead["added"] == committed < LATE_ARTICLES
    assert dead["known_bad"] == 1
    code, report = job.health()
    assert (code, report["problem"]) == (1, f"last load (run {running['id']}) interrupted")

    # 12:20 - the next run loads the rest; the bad file is still only known bad.
    code, summary = job.run()
    assert (code, summary["failed"], summary["known_bad"]) == (0, 0, 1)
    assert summary["added"] == LATE_ARTICLES - committed
    assert summary["unchanged"] == 3 + committed
    assert job.health()[0] == 0
    figures = job.figures()
    assert (figures["eventstore_load_exit_code"], figures["eventstore_load_run_id"]) == (
        0,
        summary["run"],
    )
    assert outcome(figures, "added") == LATE_ARTICLES - committed

    # 18:00 - someone fixes the bad file: it loads and leaves the rejects list.
    shutil.copy(SEED_FILES[3], job.inbox / "broken.txt")
    code, summary = job.run()
    assert (code, summary["added"], summary["known_bad"]) == (0, 1, 0)
    assert json.loads(job.cli("rejects", "--json")[1])["items"] == []

    statuses = [run["status"] for run in sorted(job.runs().values(), key=lambda r: r["id"])]
    assert statuses == ["partial", "succeeded", "interrupted", "succeeded", "succeeded"]
