"""``eventstore runs`` and ``eventstore rejects``: what loads did, and the inputs they
rejected that have not loaded since."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import click

from eventstore.cli.context import AppContext, out_console, pass_app
from eventstore.cli.output import (
    after_option,
    limit_option,
    output_options,
    print_page,
    resolve_format,
)
from eventstore.load.guard import refresh_statuses
from eventstore.models import IngestionRun, RejectedInput
from eventstore.redact import escape_controls

# A table of 80 columns has no room for the other fields: a line under it says them.
_RUN_TABLE = (
    "id",
    "started_at",
    "status",
    "files_seen",
    "added",
    "updated",
    "unchanged",
    "failed",
)
_REJECT_TABLE = (
    "path",
    "line",
    "code",
    "reason",
    "first_seen_at",
    "last_seen_at",
    "times_seen",
    "last_run_id",
)


def _run_cells(run: dict[str, Any]) -> dict[str, Any]:
    """A run's errors as a cell shows them: one ``path:line: reason`` each."""
    errors = [_error_line(e["path"], e["line"], e["reason"]) for e in run["errors"]]
    return {**run, "errors": errors}


@click.command()
@limit_option(10)
@after_option
@output_options
@pass_app
def runs(app: AppContext, limit: int, after: str | None, fmt: str | None, as_json: bool) -> None:
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
        page = read.runs.list(limit=limit, after=after)
    fmt = resolve_format(fmt, as_json)
    print_page(page, fmt, _RUN_TABLE, model=IngestionRun, cells=_run_cells, title="recent runs")
    if fmt == "table":
        for run in page.items:
            line = also_line(run.known_bad, run.skipped_reasons)
            if line:
                out_console().print(f"run {run.id}: {line}", highlight=False, markup=False)
            for error in run.errors:
                line = _error_line(error.path, error.line, error.reason)
                out_console().print(
                    f"run {run.id} {error.severity}: {line}", highlight=False, markup=False
                )


@click.command()
@limit_option(50)
@after_option
@output_options
@pass_app
def rejects(app: AppContext, limit: int, after: str | None, fmt: str | None, as_json: bool) -> None:
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
        page = read.rejects.list(limit=limit, after=after)
    fmt = resolve_format(fmt, as_json)
    print_page(page, fmt, _REJECT_TABLE, model=RejectedInput, title="rejected inputs")


def also_line(known_bad: int, skipped: Mapping[str, int]) -> str:
    """What a run met besides its rows: known-bad inputs, entries skipped by reason."""
    parts = []
    if known_bad:
        parts.append(f"{known_bad} known bad (rejected before, unchanged: eventstore rejects)")
    counted = skipped_reasons(skipped)
    if counted:
        reasons = ", ".join(f"{reason} {count}" for reason, count in counted.items())
        parts.append(f"{sum(counted.values())} skipped ({reasons})")
    return "; ".join(parts)


def skipped_reasons(skipped: Mapping[str, int]) -> dict[str, int]:
    """The reasons entries were skipped for, by name, without those that counted none (a
    walk counts every reason it checks, so "hidden 0" says nothing)."""
    return {reason: count for reason, count in sorted(skipped.items()) if count}


def _error_line(path: str, line: int | None, reason: str) -> str:
    """One rejected input as one printable line: control characters of its path (stored
    as they were) escaped, so that a file name cannot forge a line or a colour."""
    return escape_controls(f"{path}:{line}: {reason}" if line else f"{path}: {reason}")
