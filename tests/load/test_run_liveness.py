"""Which runs ``runs`` (and the next load) marks interrupted: those whose process is gone,
never one that is alive (issue 15, defect 13: a live load whose lock connection
dropped)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from benchmarks.corpus import write_corpus
from click.testing import CliRunner
from sqlalchemy import Engine, text

from eventstore.cli import main
from eventstore.load.guard import RUN_LOCK_CLASS, this_host
from eventstore.load.loader import load_paths

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def statuses(engine: Engine) -> dict[int, str]:
    """``eventstore runs --json``: status by run id."""
    url = engine.url.render_as_string(hide_password=False)
    result = CliRunner().invoke(main, ["--database-url", url, "runs", "--json"])
    assert result.exit_code == 0, result.output
    return {run["id"]: run["status"] for run in json.loads(result.stdout)["items"]}


def insert_run(engine: Engine, *, host: str, pid: int, started_at: datetime) -> int:
    with engine.begin() as connection:
        return int(
            connection.execute(
                text(
                    "INSERT INTO ingestion_runs (status, extractor_version, host, pid, started_at)"
                    " VALUES ('running', 'x', :host, :pid, :at) RETURNING id"
                ),
                {"host": host, "pid": pid, "at": started_at},
            ).scalar_one()
        )


@pytest.fixture
def sleeper() -> Iterator[subprocess.Popen[bytes]]:
    """A process that lives while the test runs."""
    process = subprocess.Popen(["sleep", "120"])
    yield process
    process.kill()
    process.wait()


def test_a_live_process_keeps_its_run_running(
    engine: Engine, sleeper: subprocess.Popen[bytes]
) -> None:
    """Alive on this host: running, even with no lock held for it (PostgreSQL)."""
    time.sleep(0.05)  # the run starts after its process
    run_id = insert_run(engine, host=this_host(), pid=sleeper.pid, started_at=datetime.now(UTC))
    assert statuses(engine)[run_id] == "running"
    load_paths(engine, [SEEDS[0]])  # a load marks dead runs first: not this one
    assert statuses(engine)[run_id] == "running"


def test_a_reused_pid_does_not_keep_a_dead_run_running(
    engine: Engine, sleeper: subprocess.Popen[bytes]
) -> None:
    """The pid now names a process started after the run: the run's own is gone."""
    an_hour_ago = datetime.now(UTC) - timedelta(hours=1)
    run_id = insert_run(engine, host=this_host(), pid=sleeper.pid, started_at=an_hour_ago)
    assert statuses(engine)[run_id] == "interrupted"


def test_a_killed_process_not_yet_reaped_is_gone(engine: Engine) -> None:
    """A zombie (killed, its parent not yet waiting for it) runs nothing any more."""
    zombie = subprocess.Popen(["true"])
    deadline = time.monotonic() + 30
    while Path(f"/proc/{zombie.pid}/stat").read_text().split(") ")[1][0] != "Z":
        assert time.monotonic() < deadline
        time.sleep(0.02)
    try:
        run_id = insert_run(engine, host=this_host(), pid=zombie.pid, started_at=datetime.now(UTC))
        assert statuses(engine)[run_id] == "interrupted"
    finally:
        zombie.wait()


def test_a_run_of_another_host(engine: Engine) -> None:
    """SQLite cannot see another host's process: running. PostgreSQL: its lock is free."""
    run_id = insert_run(engine, host="elsewhere", pid=1, started_at=datetime.now(UTC))
    expected = "running" if engine.dialect.name == "sqlite" else "interrupted"
    assert statuses(engine)[run_id] == expected


def guard_backends(engine: Engine, run_id: int) -> list[int]:
    """The sessions holding run ``run_id``'s liveness lock in this database (other
    databases of the server have runs with the same ids)."""
    query = text(
        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = :cls "
        "AND objid = :run AND objsubid = 2 AND granted "
        "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    )
    with engine.connect() as connection:
        return list(connection.execute(query, {"cls": RUN_LOCK_CLASS, "run": run_id}).scalars())


@pytest.mark.slow
@pytest.mark.parametrize("dialect", ["postgresql"], indirect=True)
def test_a_load_whose_lock_connection_dropped_is_not_marked_interrupted(
    engine: Engine, tmp_path: Path
) -> None:
    url = engine.url.render_as_string(hide_password=False)
    write_corpus(tmp_path / "corpus", 30, seed=5)
    command = [sys.executable, "-m", "eventstore", "--database-url", url, "load"]
    slow = subprocess.Popen(
        [*command, "--batch-size", "1", str(tmp_path / "corpus")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        seen = _drop_the_lock_connection_and_look(engine, tmp_path)
        _, err = slow.communicate(timeout=300)
    finally:
        if slow.poll() is None:  # the test failed before the load ended
            slow.kill()
            slow.communicate()

    seen_running, seen_after_another_load, other = seen
    assert (seen_running, seen_after_another_load) == ("running", "running")
    assert slow.returncode == 0, err.decode()
    assert b"Traceback" not in err
    assert statuses(engine) == {1: "succeeded", other: "succeeded"}


def _drop_the_lock_connection_and_look(engine: Engine, tmp_path: Path) -> tuple[str, str, int]:
    """Terminate run 1's lock connection; its status then, and after another load."""
    deadline = time.monotonic() + 120
    while not (backends := guard_backends(engine, 1)) and time.monotonic() < deadline:
        time.sleep(0.05)
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backends[0]})
    while guard_backends(engine, 1) and time.monotonic() < deadline:
        time.sleep(0.05)
    seen_running = statuses(engine)[1]
    shutil.copy(SEEDS[0], tmp_path / "one.txt")
    other = load_paths(engine, [tmp_path / "one.txt"])
    return seen_running, statuses(engine)[1], other.run_id
