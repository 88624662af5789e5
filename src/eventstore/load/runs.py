"""Bookkeeping of loads: one ``ingestion_runs`` row per load, its counters brought up to
date with every batch it commits, one ``ingestion_errors`` row per rejected input (or
per skipped part of a loaded one)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, insert, update

from eventstore.load.problems import Problem
from eventstore.schema import IngestionErrorRow, IngestionRunRow, table
from eventstore.vocabulary import RunStatus

RUNS = table(IngestionRunRow)
ERRORS = table(IngestionErrorRow)
_COUNTERS = ("files_seen", "added", "updated", "unchanged", "failed", "known_bad")
_TIMINGS = ("read_s", "extract_s", "resolve_s", "write_s")


@dataclass(frozen=True)
class BatchCounts:
    """What one batch adds to its run's counters once it commits."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    known_bad: int = 0


@dataclass
class RunTotals:
    """Counts and timings of a run so far."""

    files_seen: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    known_bad: int = 0
    read_s: float = 0.0
    extract_s: float = 0.0
    resolve_s: float = 0.0
    write_s: float = 0.0
    problems: list[Problem] = field(default_factory=list)
    # Inputs rejected by an earlier run and unchanged since (not in ``problems``).
    known: list[Problem] = field(default_factory=list)
    # Directory entries passed over, by reason (hidden, unsupported type, ...).
    skipped: Counter[str] = field(default_factory=Counter)
    # Files counted unchanged by size and time without being read (``unchanged.py``).
    unread: int = 0
    # candidates compared per mention -> how many mentions (for benchmarks)
    fanout: Counter[int] = field(default_factory=Counter)

    @property
    def status(self) -> RunStatus:
        """succeeded, or partial when some inputs were newly rejected."""
        return "partial" if self.failed else "succeeded"

    def add(self, counts: BatchCounts) -> None:
        """Count a committed batch."""
        for name in ("added", "updated", "unchanged", "failed", "known_bad"):
            setattr(self, name, getattr(self, name) + getattr(counts, name))

    def as_row(self, plus: BatchCounts | None = None) -> dict[str, object]:
        """The columns of ``ingestion_runs`` these totals fill (with ``plus`` counted)."""
        plus = plus or BatchCounts()
        row: dict[str, object] = {
            name: getattr(self, name) + getattr(plus, name, 0) for name in _COUNTERS
        }
        row.update({name: round(getattr(self, name), 6) for name in _TIMINGS})
        row["skipped"] = sum(self.skipped.values())
        row["skipped_reasons"] = json.dumps(dict(sorted(self.skipped.items())))
        return row


def save_progress(
    connection: Connection, run_id: int, totals: RunTotals, plus: BatchCounts
) -> None:
    """Write the run's counters, ``plus`` this batch's, in the batch's own transaction:
    what ``runs`` shows is what is committed, even after a kill. A run marked
    interrupted while it was alive (its lock's connection dropped, on another host) is
    running again."""
    connection.execute(
        update(RUNS)
        .where(RUNS.c.id == run_id, RUNS.c.status.in_(("running", "interrupted")))
        .values(
            progress_at=datetime.now(UTC),
            status="running",
            finished_at=None,
            message=None,
            **totals.as_row(plus),
        )
    )


def finish_run(
    engine: Engine,
    run_id: int,
    totals: RunTotals,
    *,
    status: RunStatus | None = None,
    message: str | None = None,
) -> None:
    """Record how a load ended."""
    with engine.begin() as connection:
        connection.execute(
            update(RUNS)
            .where(RUNS.c.id == run_id)
            .values(
                finished_at=datetime.now(UTC),
                status=status or totals.status,
                message=message,
                **totals.as_row(),
            )
        )


def record_problems(connection: Connection, run_id: int, problems: Sequence[Problem]) -> None:
    """Insert ``problems`` as ``ingestion_errors`` rows of ``run_id``."""
    if not problems:
        return
    rows = [
        {
            "run_id": run_id,
            "path": problem.path,
            "line": problem.line,
            "external_id": problem.external_id,
            "severity": problem.severity,
            "code": problem.code,
            "reason": problem.reason,
            "created_at": datetime.now(UTC),
        }
        for problem in problems
    ]
    connection.execute(insert(ERRORS), rows)
