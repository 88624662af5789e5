"""Bookkeeping of loads: one ``ingestion_runs`` row per load, one ``ingestion_errors`` row
per rejected input (or per skipped part of a loaded one)."""

from __future__ import annotations

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


@dataclass
class RunTotals:
    """Counts and timings of a run so far."""

    files_seen: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    read_s: float = 0.0
    extract_s: float = 0.0
    resolve_s: float = 0.0
    write_s: float = 0.0
    problems: list[Problem] = field(default_factory=list)
    # candidates compared per mention -> how many mentions (for benchmarks)
    fanout: Counter[int] = field(default_factory=Counter)

    @property
    def status(self) -> RunStatus:
        """succeeded, or partial when some inputs were rejected."""
        return "partial" if self.failed else "succeeded"

    def as_row(self) -> dict[str, object]:
        """The columns of ``ingestion_runs`` these totals fill."""
        names = ("files_seen", "added", "updated", "unchanged", "failed")
        timings = ("read_s", "extract_s", "resolve_s", "write_s")
        row: dict[str, object] = {name: getattr(self, name) for name in names}
        row.update({name: round(getattr(self, name), 6) for name in timings})
        return row


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
