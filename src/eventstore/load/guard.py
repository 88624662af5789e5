"""Loads that overlap or die: the ``--exclusive`` run lock, and telling dead runs apart.

A scheduled job started while its previous run still goes can ask for the run lock and
exit 75 at once when it is held: an advisory lock on PostgreSQL, a lock file beside the
database on SQLite. Every run also shows that it is alive while it works, so that the
next run can mark one killed mid-way as ``interrupted``: on PostgreSQL a session
advisory lock held by the run, on SQLite the host and process id it recorded.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import socket
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, insert, select, text, update

from eventstore.db import WRITER_LOCK_KEY, is_sqlite
from eventstore.errors import LockHeld
from eventstore.extract import EXTRACTOR_VERSION
from eventstore.load.runs import RUNS

log = logging.getLogger(__name__)

EXCLUSIVE_LOCK_KEY = WRITER_LOCK_KEY + 1
# Two-key advisory locks (class, run id) are held by live runs.
RUN_LOCK_CLASS = 0x6576


def _lock_file(engine: Engine) -> Path | None:
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    return Path(f"{database}.lock")


@contextmanager
def exclusive_load(engine: Engine) -> Iterator[None]:
    """Hold the run lock for the block, or raise LockHeld at once if another load has it."""
    if is_sqlite(engine):
        path = _lock_file(engine)
        if path is None:
            yield
            return
        with path.open("a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise LockHeld(f"another exclusive load is running (lock file {path})") from None
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        return
    with engine.connect() as connection:
        query = text("SELECT pg_try_advisory_lock(:key)")
        if not connection.execute(query, {"key": EXCLUSIVE_LOCK_KEY}).scalar_one():
            raise LockHeld("another exclusive load is running (PostgreSQL advisory lock)")
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": EXCLUSIVE_LOCK_KEY})
            connection.commit()


class RunGuard:
    """Starts a run's row and keeps the run visibly alive until ``close``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._connection: Connection | None = None

    def start(self, paths: Sequence[str]) -> int:
        """Mark dead runs interrupted, then record this run as running; returns its id."""
        mark_interrupted(self.engine)
        row = {
            "started_at": datetime.now(UTC),
            "status": "running",
            "paths": json.dumps(list(paths)),
            "extractor_version": EXTRACTOR_VERSION,
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
        }
        if is_sqlite(self.engine):
            with self.engine.begin() as connection:
                return int(connection.execute(insert(RUNS).returning(RUNS.c.id), row).scalar_one())
        # The liveness lock is taken before the row commits: no one can see this run
        # running without the lock held.
        self._connection = self.engine.connect()
        with self._connection.begin():
            run_id = int(
                self._connection.execute(insert(RUNS).returning(RUNS.c.id), row).scalar_one()
            )
            self._connection.execute(
                text("SELECT pg_advisory_lock(:cls, :id)"), {"cls": RUN_LOCK_CLASS, "id": run_id}
            )
        return run_id

    def close(self) -> None:
        """Release the liveness lock (the connection's end would release it too)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def mark_interrupted(engine: Engine) -> list[int]:
    """Mark runs whose process is gone as ``interrupted``; returns their ids."""
    with engine.begin() as connection:
        running = connection.execute(
            select(RUNS.c.id, RUNS.c.host, RUNS.c.pid).where(RUNS.c.status == "running")
        ).all()
        dead = [run_id for run_id, host, pid in running if _is_dead(connection, run_id, host, pid)]
        if dead:
            connection.execute(
                update(RUNS)
                .where(RUNS.c.id.in_(dead))
                .values(
                    status="interrupted",
                    finished_at=datetime.now(UTC),
                    message="the load stopped before finishing (killed or crashed)",
                )
            )
    for run_id in dead:
        log.warning("run %d was interrupted; marked so", run_id)
    return dead


def _is_dead(connection: Connection, run_id: int, host: str | None, pid: int | None) -> bool:
    if connection.dialect.name != "sqlite":
        # Free to take means no live run holds it; the xact lock goes with this transaction.
        query = text("SELECT pg_try_advisory_xact_lock(:cls, :id)")
        return bool(connection.execute(query, {"cls": RUN_LOCK_CLASS, "id": run_id}).scalar_one())
    if host != socket.gethostname()[:255] or pid is None:
        return False  # another machine's run: it cannot be checked from here
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    # Alive, unless it is this very process: then it is an earlier run of ours that ended
    # without being finished (the process went on after it).
    return pid == os.getpid()
