"""A load as one ``ingestion_runs`` row: started as running (after dead runs are marked
interrupted), finished with its totals, or as failed or interrupted when it raises;
every line logged meanwhile carries its run id. Loads and re-extractions alike."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Engine

from eventstore.load.guard import RunGuard
from eventstore.load.problems import Problem
from eventstore.load.runs import RunTotals, finish_run
from eventstore.logs import event, run_context
from eventstore.redact import mask_text
from eventstore.vocabulary import RunStatus

log = logging.getLogger("eventstore.load.loader")


@dataclass
class LoadReport:
    """What a load did: its run id and totals, and the problems it met."""

    run_id: int
    totals: RunTotals

    @property
    def errors(self) -> list[Problem]:
        """Inputs that were rejected (newly: not those known bad)."""
        return [p for p in self.totals.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """Inputs that loaded with a part skipped."""
        return [p for p in self.totals.problems if p.severity == "warning"]

    @property
    def known_bad(self) -> list[Problem]:
        """Inputs rejected by an earlier run and unchanged since: not rejected again."""
        return self.totals.known

    @property
    def exit_code(self) -> int:
        """0 when no input was newly rejected, 65 when some were."""
        return 65 if self.totals.failed else 0


def recorded_run(
    engine: Engine,
    paths: Sequence[str],
    work: Callable[[int, RunTotals], None],
    *,
    root: str | None = None,
) -> LoadReport:
    """Run ``work(run_id, totals)`` as one ``ingestion_runs`` row: started as running (dead
    runs marked interrupted first), finished with its totals, or as failed or interrupted
    when ``work`` raises. Every line logged meanwhile carries the run id."""
    guard = RunGuard(engine)
    run_id = guard.start(paths, root=root)
    totals = RunTotals()
    started = time.monotonic()
    with run_context(run_id):
        log.info("run %d started", run_id, extra=event("run_started", paths=list(paths)))
        try:
            work(run_id, totals)
        except BaseException as exc:
            status: RunStatus = "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed"
            message = mask_text(str(exc))[:1000]
            finish_run(engine, run_id, totals, status=status, message=message)
            _log_finished(run_id, status, totals, time.monotonic() - started)
            raise
        finally:
            guard.close()
        finish_run(engine, run_id, totals)
        _log_finished(run_id, totals.status, totals, time.monotonic() - started)
    return LoadReport(run_id, totals)


def _log_finished(run_id: int, status: RunStatus, totals: RunTotals, seconds: float) -> None:
    counts = totals.as_row()
    fields = {name: counts[name] for name in ("files_seen", "added", "updated", "unchanged")}
    fields.update(failed=totals.failed, known_bad=totals.known_bad, skipped=dict(totals.skipped))
    fields.update(unread=totals.unread)  # files known unchanged by size and time
    log.info(
        "run %d %s: %d added, %d updated, %d unchanged, %d rejected, %d known bad",
        run_id,
        status,
        totals.added,
        totals.updated,
        totals.unchanged,
        totals.failed,
        totals.known_bad,
        extra=event("run_finished", status=status, seconds=round(seconds, 3), **fields),
    )
