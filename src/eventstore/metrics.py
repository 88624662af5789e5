"""The figures of a load in the Prometheus text format, for node_exporter's textfile
collector (``load --metrics-file /var/lib/node_exporter/textfile/eventstore.prom``).

The file describes the last run a load recorded (its articles by outcome, skipped
entries, seconds, when it finished) and the last invocation (its exit code and when it
ended), with the time of the last successful load. An invocation that recorded no run
(another load held the lock, the database was down) keeps the figures of the file it
finds and changes only the exit code and time. It is written by ``prometheus_client``
to a temporary file beside it, then renamed over it: a scrape never reads half a file.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from prometheus_client import CollectorRegistry, Gauge, write_to_textfile
from prometheus_client.parser import text_string_to_metric_families

from eventstore.models import IngestionRun

log = logging.getLogger(__name__)

PREFIX = "eventstore_load"
OUTCOMES = ("added", "updated", "unchanged", "rejected", "known_bad")


@dataclass(frozen=True)
class LoadFigures:
    """What the metrics file says: the last run recorded and the last invocation."""

    exit_code: int
    invoked_at: float
    run_id: int | None = None
    articles: Mapping[str, int] = field(default_factory=dict)
    skipped: Mapping[str, int] = field(default_factory=dict)
    seconds: float | None = None
    finished_at: float | None = None
    last_success_at: float | None = None

    def again(self, exit_code: int, last_success_at: float | None) -> LoadFigures:
        """These run figures, for a later invocation that recorded no run."""
        return replace(
            self,
            exit_code=exit_code,
            invoked_at=time.time(),
            last_success_at=last_success_at or self.last_success_at,
        )


def figures_of(run: IngestionRun, *, exit_code: int, last_success: datetime | None) -> LoadFigures:
    """The figures of a recorded run."""
    finished = epoch(run.finished_at) if run.finished_at else None
    return LoadFigures(
        exit_code=exit_code,
        invoked_at=time.time(),
        run_id=run.id,
        articles={
            "added": run.added,
            "updated": run.updated,
            "unchanged": run.unchanged,
            "rejected": run.failed,
            "known_bad": run.known_bad,
        },
        skipped=dict(run.skipped_reasons),
        seconds=finished - epoch(run.started_at) if finished is not None else None,
        finished_at=finished,
        last_success_at=epoch(last_success) if last_success else None,
    )


def write_metrics(path: Path, figures: LoadFigures) -> None:
    """Write ``figures`` to ``path`` atomically (a temporary file renamed over it)."""
    registry = CollectorRegistry()

    def gauge(name: str, documentation: str, value: float | None) -> None:
        if value is not None:
            Gauge(f"{PREFIX}_{name}", documentation, registry=registry).set(value)

    gauge("exit_code", "Exit status of the last eventstore load.", figures.exit_code)
    gauge("invoked_timestamp_seconds", "When the last eventstore load ended.", figures.invoked_at)
    gauge("run_id", "ingestion_runs.id of the last run recorded.", figures.run_id)
    gauge("duration_seconds", "Seconds the last run took.", figures.seconds)
    gauge("last_run_timestamp_seconds", "When the last run finished.", figures.finished_at)
    gauge(
        "last_success_timestamp_seconds",
        "When the last load that succeeded (fully or partly) finished.",
        figures.last_success_at,
    )
    if figures.articles:
        articles = Gauge(
            f"{PREFIX}_articles",
            "Articles of the last run by outcome; rejected counts inputs newly rejected, "
            "known_bad those rejected before and unchanged since.",
            ["outcome"],
            registry=registry,
        )
        for outcome in OUTCOMES:
            articles.labels(outcome=outcome).set(figures.articles.get(outcome, 0))
    skipped = Gauge(
        f"{PREFIX}_skipped_entries",
        "Directory entries the last run passed over, by reason.",
        ["reason"],
        registry=registry,
    )
    for reason, count in sorted(figures.skipped.items()):
        skipped.labels(reason=reason).set(count)
    write_to_textfile(str(path), registry)


_SCALARS = {
    f"{PREFIX}_run_id": "run_id",
    f"{PREFIX}_duration_seconds": "seconds",
    f"{PREFIX}_last_run_timestamp_seconds": "finished_at",
    f"{PREFIX}_last_success_timestamp_seconds": "last_success_at",
}


def read_metrics(path: Path) -> LoadFigures | None:
    """The figures of an earlier metrics file at ``path``; None when there is none or it
    cannot be read (it is then written afresh)."""
    try:
        text = path.read_text(encoding="utf-8")
        families = list(text_string_to_metric_families(text))
    except (OSError, ValueError) as exc:
        if not isinstance(exc, FileNotFoundError):
            log.warning("metrics file %s not read: %s", path, exc)
        return None
    scalars: dict[str, float | None] = {}
    articles: dict[str, int] = {}
    skipped: dict[str, int] = {}
    for family in families:
        for sample in family.samples:
            if sample.name in _SCALARS:
                scalars[_SCALARS[sample.name]] = sample.value
            elif sample.name == f"{PREFIX}_articles":
                articles[sample.labels.get("outcome", "")] = int(sample.value)
            elif sample.name == f"{PREFIX}_skipped_entries":
                skipped[sample.labels.get("reason", "")] = int(sample.value)
    run_id = scalars.pop("run_id", None)
    return LoadFigures(
        exit_code=0,
        invoked_at=0.0,
        run_id=int(run_id) if run_id is not None else None,
        articles=articles,
        skipped=skipped,
        **scalars,
    )


def epoch(moment: datetime) -> float:
    """Seconds since the epoch; SQLite gives timestamps back without their zone (UTC)."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()
