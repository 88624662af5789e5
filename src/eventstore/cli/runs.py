"""``eventstore runs`` and ``eventstore rejects``: what loads did, and the inputs they
rejected that have not loaded since."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

import click

from eventstore.cli.context import AppContext, out_console, pass_app
from eventstore.cli.output import emit, output_options, resolve_format
from eventstore.load.guard import refresh_statuses
from eventstore.redact import escape_controls

_RUN_COLUMNS = (
    "run",
    "started",
    "status",
    "seen",
    "added",
    "updated",
    "unchanged",
    "failed",
)
# A table of 80 columns has no room for these: it says them in a line under the table.
_RUN_FIELDS = (*_RUN_COLUMNS, "known_bad", "skipped", "errors")
_REJECT_COLUMNS = ("input", "code", "reason", "first_seen", "last_seen", "times", "last_run")


@click.command()
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
@output_options
@pass_app
def runs(app: AppContext, limit: int, fmt: str | None, as_json: bool) -> None:
    """List recent loads, newest first, with the inputs each rejected.

    A load still going shows the counts it has committed so far; one whose process is
    gone (killed, crashed) is marked interrupted, with the counts it had committed.
    known_bad counts inputs rejected by an earlier load and unchanged since (see
    `eventstore rejects`); skipped, directory entries passed over (hidden, unsupported).

    \b
    Example:
        eventstore runs --limit 3
    """
    store = app.store()
    refresh_statuses(store.engine)
    with store.reading() as read:
        recent = read.runs.recent(limit=limit)
    rows = [
        {
            "run": run.id,
            "started": _when(run.started_at),
            "status": run.status,
            "seen": run.files_seen,
            "added": run.added,
            "updated": run.updated,
            "unchanged": run.unchanged,
            "failed": run.failed,
            "known_bad": run.known_bad,
            "skipped": run.skipped,
            "errors": [_error_line(e.path, e.line, e.reason) for e in run.errors],
        }
        for run in recent
    ]
    fmt = resolve_format(fmt, as_json)
    document = [run.model_dump(mode="json") for run in recent]
    columns = _RUN_COLUMNS if fmt == "table" else _RUN_FIELDS
    emit(rows, fmt=fmt, columns=columns, title="recent runs", document=document)
    if fmt == "table":
        for run in recent:
            if run.known_bad or run.skipped:
                line = also_line(run.known_bad, run.skipped_reasons)
                out_console().print(f"run {run.id}: {line}", highlight=False, markup=False)
            for error in run.errors:
                line = _error_line(error.path, error.line, error.reason)
                out_console().print(
                    f"run {run.id} {error.severity}: {line}", highlight=False, markup=False
                )


@click.command()
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@output_options
@pass_app
def rejects(app: AppContext, limit: int, fmt: str | None, as_json: bool) -> None:
    """List inputs rejected and not loaded since, last met first: each with its reason,
    when a load first rejected it and last met it, and how many loads met it.

    A load that meets one of them unchanged (same path, size and content, same
    extraction rules) counts it known_bad instead of rejecting it again, and exits 0
    if nothing new failed; `load --retry-rejected` tries them all again. An input that
    changes is tried again; one that loads leaves this list.

    \b
    Example:
        eventstore rejects --json
    """
    with app.store().reading() as read:
        found = read.rejects.recent(limit=limit)
    rows = [
        {
            "input": escape_controls(f"{item.path}:{item.line}" if item.line else item.path),
            "code": item.code,
            "reason": item.reason,
            "first_seen": _when(item.first_seen_at),
            "last_seen": _when(item.last_seen_at),
            "times": item.times_seen,
            "last_run": item.last_run_id,
        }
        for item in found
    ]
    document = [item.model_dump(mode="json") for item in found]
    emit(
        rows,
        fmt=resolve_format(fmt, as_json),
        columns=_REJECT_COLUMNS,
        title="rejected inputs",
        document=document,
    )


def also_line(known_bad: int, skipped: Mapping[str, int]) -> str:
    """What a run met besides its rows: known-bad inputs, entries skipped by reason."""
    parts = []
    if known_bad:
        parts.append(f"{known_bad} known bad (rejected before, unchanged: eventstore rejects)")
    if skipped:
        reasons = ", ".join(f"{reason} {count}" for reason, count in sorted(skipped.items()))
        parts.append(f"{sum(skipped.values())} skipped ({reasons})")
    return "; ".join(parts)


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _error_line(path: str, line: int | None, reason: str) -> str:
    """One rejected input as one printable line: control characters of its path (stored
    as they were) escaped, so that a file name cannot forge a line or a colour."""
    return escape_controls(f"{path}:{line}: {reason}" if line else f"{path}: {reason}")
