"""``eventstore load``, ``reextract`` and ``runs``: put articles in, bring them up to date
with the extractor, see what loads did."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from eventstore.cli.context import AppContext, err_console, out_console
from eventstore.cli.output import emit, output_options, resolve_format
from eventstore.db import make_sessionmaker
from eventstore.load.loader import DEFAULT_BATCH_SIZE, LoadOptions, LoadReport, load_paths
from eventstore.load.reextract import Selection
from eventstore.load.reextract import reextract as reextract_articles
from eventstore.redact import escape_controls
from eventstore.repositories import RunRepository

pass_app = click.make_pass_decorator(AppContext)
PLAIN_PROGRESS_EVERY_S = 5.0

Progress_ = Callable[[int], None]
_RUN_COLUMNS = ("run", "started", "status", "seen", "added", "updated", "unchanged", "failed")
_SUMMARY = ("run", "status", "seen", "added", "updated", "unchanged", "failed", "seconds")
_REEXTRACT_SUMMARY = ("run", "status", "seen", "reextracted", "skipped", "failed", "seconds")


def write_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--batch-size, --workers and --exclusive: how a load or a re-extraction writes."""
    for option in reversed(
        (
            click.option(
                "--batch-size",
                type=click.IntRange(1, 10_000),
                default=DEFAULT_BATCH_SIZE,
                show_default=True,
                help="Articles written per transaction.",
            ),
            click.option(
                "--workers",
                type=click.IntRange(1, 64),
                default=1,
                show_default=True,
                help="Processes extracting articles in parallel (the writer stays one).",
            ),
            click.option(
                "--exclusive",
                is_flag=True,
                help="Take the run lock; exit 75 at once if another exclusive load holds it.",
            ),
        )
    ):
        command = option(command)
    return command


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=False))
@write_options
@output_options
@pass_app
def load(
    app: AppContext,
    *,
    paths: tuple[Path, ...],
    batch_size: int,
    workers: int,
    exclusive: bool,
    fmt: str | None,
    as_json: bool,
) -> None:
    """Load articles from files and directories (.txt, .jsonl; directories recursively).

    Unchanged articles are skipped; changed ones replace their earlier version. Each
    rejected file is printed with its reason and recorded in ingestion_errors. Several
    loads may run at once; --exclusive makes a scheduled job refuse to overlap its last
    run. Exit status: 0 all loaded, 65 some inputs rejected, 69 database unreachable,
    75 another exclusive load is running.

    \b
    Example:
        eventstore load seeds/ more/article.txt feed.jsonl
    """
    options = LoadOptions(
        batch_size=batch_size,
        max_file_bytes=app.settings.max_file_bytes,
        exclusive=exclusive,
        workers=workers,
    )
    started = time.perf_counter()
    with _progress() as advance:
        report = load_paths(app.engine(), list(paths), options=options, progress=advance)
    seconds = round(time.perf_counter() - started, 3)
    _report_problems(report)
    _print_summary(report, seconds, resolve_format(fmt, as_json))
    if report.exit_code:
        raise click.exceptions.Exit(report.exit_code)


def _print_summary(report: LoadReport, seconds: float, fmt: str) -> None:
    totals = report.totals
    row = {
        "run": report.run_id,
        "status": totals.status,
        "seen": totals.files_seen,
        "added": totals.added,
        "updated": totals.updated,
        "unchanged": totals.unchanged,
        "failed": totals.failed,
        "seconds": seconds,
    }
    emit([row], fmt=fmt, columns=_SUMMARY, title="load", document=_document(report, row))


def _document(report: LoadReport, row: Mapping[str, object]) -> dict[str, object]:
    """The JSON summary of a run: ``row``, its timings, errors and warnings."""
    return {
        **row,
        "timings": {k: v for k, v in report.totals.as_row().items() if k.endswith("_s")},
        "errors": [_problem(p) for p in report.errors],
        "warnings": [_problem(p) for p in report.warnings],
    }


def _report_problems(report: LoadReport) -> None:
    for problem in report.totals.problems:
        label = "rejected" if problem.severity == "error" else "warning"
        err_console().print(escape_controls(f"{label}: {problem}"), highlight=False, markup=False)


def _problem(problem: object) -> dict[str, object]:
    fields = ("path", "line", "external_id", "code", "reason")
    return {name: getattr(problem, name) for name in fields}


@click.command()
@click.option(
    "--article",
    "external_ids",
    multiple=True,
    metavar="EXTERNAL_ID",
    help="Re-extract this article, whatever its extractor version (repeatable).",
)
@click.option(
    "--all",
    "all_articles",
    is_flag=True,
    help="Every stored article whose extractor version is not the current one.",
)
@click.option("--force", is_flag=True, help="With --all: the current ones too.")
@write_options
@output_options
@pass_app
def reextract(
    app: AppContext,
    *,
    external_ids: tuple[str, ...],
    all_articles: bool,
    force: bool,
    batch_size: int,
    workers: int,
    exclusive: bool,
    fmt: str | None,
    as_json: bool,
) -> None:
    """Extract stored articles again, from their stored text and metadata, with the
    current extraction rules; their claims and events are replaced as a load of a
    changed file would replace them.

    --all takes every article extracted by an earlier version of the rules (--force:
    every article); --article names articles to redo whatever their version. Articles
    keep their ids; a claim or event keeps its id only while an article left alone
    still mentions it. An article the rules now reject keeps its earlier claims and
    events.
    Exit status: 0 done, 1 an --article that is not stored, 2 usage error, 65 some
    articles rejected, 69 database unreachable, 75 another exclusive load is running.

    \b
    Example:
        eventstore reextract --all
        eventstore reextract --article 001_873ae39e16960142 --json
    """
    if bool(external_ids) == all_articles:
        raise click.UsageError("name articles with --article EXTERNAL_ID, or pass --all")
    if force and not all_articles:
        raise click.UsageError("--force goes with --all (named articles are always redone)")
    options = LoadOptions(batch_size=batch_size, exclusive=exclusive, workers=workers)
    selection = Selection(external_ids=tuple(dict.fromkeys(external_ids)), force=force)
    started = time.perf_counter()
    with _progress() as advance:
        report = reextract_articles(app.engine(), selection, options=options, progress=advance)
    seconds = round(time.perf_counter() - started, 3)
    _report_problems(report)
    _print_reextract_summary(report, seconds, resolve_format(fmt, as_json))
    if report.exit_code:
        raise click.exceptions.Exit(report.exit_code)


def _print_reextract_summary(report: LoadReport, seconds: float, fmt: str) -> None:
    totals = report.totals
    row = {
        "run": report.run_id,
        "status": totals.status,
        "seen": totals.files_seen,
        "reextracted": totals.updated,
        "skipped": totals.unchanged,
        "failed": totals.failed,
        "seconds": seconds,
    }
    document = _document(report, row)
    emit([row], fmt=fmt, columns=_REEXTRACT_SUMMARY, title="reextract", document=document)


@contextmanager
def _progress() -> Iterator[Progress_]:
    console = err_console()
    if console.is_terminal:
        columns = (SpinnerColumn(), TextColumn("{task.completed} inputs"), TimeElapsedColumn())
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task("load", total=None)
            yield lambda n: progress.advance(task, n)
        return
    done, printed = 0, time.monotonic()

    def advance(n: int) -> None:
        nonlocal done, printed
        done += n
        if time.monotonic() - printed >= PLAIN_PROGRESS_EVERY_S:
            print(f"... {done} inputs", file=sys.stderr, flush=True)
            printed = time.monotonic()

    yield advance


@click.command()
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
@output_options
@pass_app
def runs(app: AppContext, limit: int, fmt: str | None, as_json: bool) -> None:
    """List recent loads, newest first, with the inputs each rejected.

    \b
    Example:
        eventstore runs --limit 3
    """
    with make_sessionmaker(app.engine())() as session:
        recent = RunRepository(session).recent(limit=limit)
    rows = [
        {
            "run": run.id,
            "started": run.started_at.strftime("%Y-%m-%d %H:%M:%S"),
            "status": run.status,
            "seen": run.files_seen,
            "added": run.added,
            "updated": run.updated,
            "unchanged": run.unchanged,
            "failed": run.failed,
            "errors": [_error_line(e.path, e.line, e.reason) for e in run.errors],
        }
        for run in recent
    ]
    fmt = resolve_format(fmt, as_json)
    document = [run.model_dump(mode="json") for run in recent]
    columns = _RUN_COLUMNS if fmt == "table" else (*_RUN_COLUMNS, "errors")
    emit(rows, fmt=fmt, columns=columns, title="recent runs", document=document)
    if fmt == "table":
        for run in recent:
            for error in run.errors:
                line = _error_line(error.path, error.line, error.reason)
                out_console().print(
                    f"run {run.id} {error.severity}: {line}", highlight=False, markup=False
                )


def _error_line(path: str, line: int | None, reason: str) -> str:
    """One rejected input as one printable line: control characters of its path (stored
    as they were) escaped, so that a file name cannot forge a line or a colour."""
    return escape_controls(f"{path}:{line}: {reason}" if line else f"{path}: {reason}")
