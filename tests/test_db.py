"""What every connection of ``make_engine`` is set up to do, on each dialect."""

from __future__ import annotations

import multiprocessing
import time
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Event
from pathlib import Path

from sqlalchemy import Engine, text

from eventstore.db import make_engine

_ROUNDS = 30  # before the fix, one round in about ten failed


def test_connections_keep_their_settings_after_a_rollback(engine: Engine) -> None:
    """SQLite: foreign keys and WAL. PostgreSQL: each query planned for its own values
    (a generic plan made a one-month timeline 40x slower), also after a rollback."""
    settings = (
        {"PRAGMA foreign_keys": 1, "PRAGMA journal_mode": "wal"}
        if engine.dialect.name == "sqlite"
        else {"SHOW plan_cache_mode": "force_custom_plan"}
    )
    for _ in range(2):
        with engine.connect() as connection:
            for query, expected in settings.items():
                assert connection.execute(text(query)).scalar_one() == expected
            connection.rollback()


def _first_connection(url: str, start: Event, failures: Queue[str]) -> None:
    engine = make_engine(url)  # connects on first use only
    start.wait()
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # reported to the test, which names it
        failures.put(f"{type(exc).__name__}: {exc}")
    finally:
        engine.dispose()


def test_two_processes_open_a_new_store_at_once(
    empty_db_url: str, dialect: str, tmp_path: Path
) -> None:
    """Two first connections at once (two ``db upgrade``, two first loads) both get in:
    on SQLite both switch a new file to WAL, and the loser was told "database is locked"
    at once, busy timeout or not."""
    context = multiprocessing.get_context("fork")
    for round_ in range(_ROUNDS):
        url = f"sqlite:///{tmp_path / f'new{round_}.db'}" if dialect == "sqlite" else empty_db_url
        start, failures = context.Event(), context.Queue()
        workers = [
            context.Process(target=_first_connection, args=(url, start, failures)) for _ in range(2)
        ]
        for worker in workers:
            worker.start()
        time.sleep(0.05)  # both waiting at the start line
        start.set()
        for worker in workers:
            worker.join()
        assert failures.empty(), f"round {round_}: {failures.get()}"
