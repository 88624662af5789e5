"""Loads that overlap or die: the ``--exclusive`` run lock, and telling dead runs apart.

A scheduled job started while its previous run still goes can ask for the run lock and
exit 75 at once when it is held: an advisory lock on PostgreSQL, a lock file beside the
database on SQLite. Every run also shows that it is alive while it works, so that the
next run, or ``runs`` and ``health``, can mark one killed mid-way as ``interrupted``: it
records its host and process id, and on PostgreSQL holds a session advisory lock. A run
is dead when its process is gone from this host (or its pid names a later process), and
on PostgreSQL also its lock is free; a run of another host, on PostgreSQL, when its lock
is free.
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
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from eventstore import __version__
from eventstore.db import WRITER_LOCK_KEY, is_sqlite
from eventstore.errors import LockHeld
from eventstore.extract import EXTRACTOR_VERSION
from eventstore.load.runs import RUNS
from eventstore.logs import event

log = logging.getLogger(__name__)

EXCLUSIVE_LOCK_KEY = WRITER_LOCK_KEY + 1
# Two-key advisory locks (class, run id) are held by live runs.
RUN_LOCK_CLASS = 0x6576
# /proc gives a process's start to the clock tick and the boot time to the second.
_CLOCK_SLACK_S = 2.0
# Runs this process has started and not yet closed.
_LIVE: set[int] = set()


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
        self._run_id: int | None = None

    def start(self, paths: Sequence[str], *, root: str | None = None) -> int:
        """Mark dead runs interrupted, then record this run as running; returns its id."""
        mark_interrupted(self.engine)
        row = {
            "started_at": datetime.now(UTC),
            "status": "running",
            "paths": json.dumps(list(paths)),
            "extractor_version": EXTRACTOR_VERSION,
            "version": __version__,
            "input_root": root,
            "host": this_host(),
            "pid": os.getpid(),
        }
        if is_sqlite(self.engine):
            with self.engine.begin() as connection:
                inserted = connection.execute(insert(RUNS).returning(RUNS.c.id), row)
                run_id = int(inserted.scalar_one())
        else:
            run_id = self._start_locked(row)
        self._run_id = run_id
        _LIVE.add(run_id)
        return run_id

    def _start_locked(self, row: dict[str, object]) -> int:
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
        """Release the liveness lock by closing its connection (which the server may have
        dropped meanwhile: it is discarded, never handed back to the pool)."""
        if self._run_id is not None:
            _LIVE.discard(self._run_id)
            self._run_id = None
        if self._connection is not None:
            try:
                self._connection.invalidate()
                self._connection.close()
            except SQLAlchemyError as exc:  # the connection was gone already
                log.debug("closing the run guard's connection: %s", exc)
            self._connection = None


def this_host() -> str:
    """The host name a run records (and is checked against)."""
    return socket.gethostname()[:255]


def mark_interrupted(engine: Engine) -> list[int]:
    """Mark runs whose process is gone as ``interrupted``; returns their ids."""
    with engine.begin() as connection:
        running = connection.execute(
            select(RUNS.c.id, RUNS.c.host, RUNS.c.pid, RUNS.c.started_at).where(
                RUNS.c.status == "running"
            )
        ).all()
        dead = [run_id for run_id, *seen in running if _is_dead(connection, run_id, *seen)]
        if dead:
            connection.execute(
                update(RUNS)
                .where(RUNS.c.id.in_(dead), RUNS.c.status == "running")
                .values(
                    status="interrupted",
                    finished_at=datetime.now(UTC),
                    message="the load stopped before finishing (killed or crashed)",
                )
            )
    for run_id in dead:
        log.warning(
            "run %d was interrupted; marked so",
            run_id,
            extra=event("run_interrupted", interrupted_run=run_id),
        )
    return dead


def refresh_statuses(engine: Engine) -> list[int]:
    """``mark_interrupted`` for commands that only read: a store they may not write (a
    read-only role, a busy or read-only SQLite file) is shown as it is."""
    try:
        return mark_interrupted(engine)
    except DBAPIError as exc:
        log.info("runs of dead processes not marked: %s", " ".join(str(exc.orig).split())[:200])
        return []


def _is_dead(
    connection: Connection,
    run_id: int,
    host: str | None,
    pid: int | None,
    started_at: datetime | None,
) -> bool:
    """Dead when every check that can be made here says so: on the same host its process
    is gone (or its pid now names a later process); on PostgreSQL its liveness lock is
    free too. A run alive whose lock's connection dropped is alive; on SQLite a run of
    another host cannot be checked and stays running."""
    gone = _process_gone(run_id, host, pid, started_at)
    if connection.dialect.name == "sqlite":
        return gone is True
    if _lock_held(connection, run_id):
        return False
    return gone is not False


def _process_gone(
    run_id: int, host: str | None, pid: int | None, started_at: datetime | None
) -> bool | None:
    """True or False when the run's process can be checked from here, else None."""
    if host != this_host() or pid is None:
        return None  # another machine's run: its process cannot be seen from here
    if pid == os.getpid():
        # This very process: alive while the run is one of its own still going.
        return run_id not in _LIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        pass  # alive, another user's
    return _not_the_run(pid, started_at)


def _lock_held(connection: Connection, run_id: int) -> bool:
    """Whether a session holds the run's liveness lock (read from pg_locks: no lock is
    taken, so a reader without rights to advisory locks can ask too)."""
    query = text(
        "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted "
        "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
        "AND classid = CAST(:cls AS oid) AND objid = CAST(:id AS oid) AND objsubid = 2)"
    )
    return bool(connection.execute(query, {"cls": RUN_LOCK_CLASS, "id": run_id}).scalar_one())


def _not_the_run(pid: int, started_at: datetime | None) -> bool:
    """True when process ``pid`` is not the run's any more: a zombie (killed, not yet
    reaped), or a process started after the run (which recorded its start after its
    process began): the pid was reused. Linux /proc only; elsewhere False."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        state, ticks = fields[0], int(fields[19])  # fields 3 and 22 of proc_pid_stat(5)
        boot = next(
            int(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime ")
        )
    except (OSError, ValueError, IndexError, StopIteration):
        return False
    if state == "Z" or started_at is None:
        return state == "Z"
    started = boot + ticks / os.sysconf("SC_CLK_TCK")
    return started > _utc(started_at).timestamp() + _CLOCK_SLACK_S


def _utc(moment: datetime) -> datetime:
    """SQLite gives timestamps back without their zone: they are UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
