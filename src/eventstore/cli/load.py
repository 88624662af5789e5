"""``eventstore load`` and ``reextract``: put articles in (files, directories, standard
input), bring them up to date with the extractor; a scheduled job's metrics file."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from eventstore.cli.context import AppContext, err_console, out_console, pass_app
from eventstore.cli.metrics import writable_folder, write_metrics_file
from eventstore.cli.output import emit, output_options, resolve_format
from eventstore.cli.progress import count_progress, input_progress
from eventstore.cli.runs import also_line, skipped_reasons
from eventstore.errors import EventstoreError
from eventstore.load.loader import DEFAULT_BATCH_SIZE, LoadOptions, LoadReport, load_paths
from eventstore.load.reextract import Selection
from eventstore.load.reextract import reextract as reextract_articles
from eventstore.logs import current_format, event, run_context
from eventstore.redact import escape_controls, mask_text

log = logging.getLogger("eventstore.cli.load")
_SUMMARY = ("run", "status", "seen", "added", "updated", "unchanged", "failed", "seconds")
# An 80-column table has no room for these: a line under it says them.
_SUMMARY_FIELDS = (*_SUMMARY, "known_bad", "skipped")
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
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    type=click.Path(path_type=Path, exists=False, allow_dash=True),
)
@write_options
@click.option(
    "--retry-rejected",
    is_flag=True,
    help="Try again the inputs rejected before and unchanged since (else: known_bad).",
)
@click.option(
    "--reread",
    is_flag=True,
    help="Read every file, even those known unchanged by their size and modification time.",
)
@click.option(
    "--metrics-file",
    type=click.Path(path_type=Path, dir_okay=False),
    callback=writable_folder,
    metavar="PATH",
    help="Write the run's figures there in the Prometheus text format (atomically), "
    "for node_exporter's textfile collector.",
)
@output_options
@pass_app
def load(
    app: AppContext,
    *,
    paths: tuple[Path, ...],
    batch_size: int,
    workers: int,
    exclusive: bool,
    retry_rejected: bool,
    reread: bool,
    metrics_file: Path | None,
    fmt: str | None,
    as_json: bool,
) -> None:
    """Load articles from files and directories (.txt, .jsonl; directories recursively;
    - reads JSONL from standard input).

    Unchanged articles are skipped; changed ones replace their earlier version. A file
    loaded whole before, and of the same size and modification time since, counts as
    unchanged without being read (--reread reads it all the same: after a same-size edit
    that put its old time back). Each
    rejected input is printed with its reason and recorded in ingestion_errors; an
    input rejected before and unchanged since counts as known_bad and is not rejected
    again (`eventstore rejects` lists them; --retry-rejected tries them again). Hidden
    files and unsupported types in directories are skipped and counted. Several loads
    may run at once; --exclusive makes a scheduled job refuse to overlap its last run.
    Exit status: 0 nothing newly rejected, 65 some inputs rejected, 66 an input path
    does not exist, 69 database unreachable, 75 another exclusive load is running,
    78 bad configuration.

    \b
    Example:
        eventstore load seeds/ more/article.txt feed.jsonl
        eventstore --log-format json load --exclusive --metrics-file m.prom inbox/
        curl -s https://example.org/feed.jsonl | eventstore load -
    """
    options = LoadOptions(
        batch_size=batch_size,
        max_file_bytes=app.settings.max_file_bytes,
        exclusive=exclusive,
        workers=workers,
        retry_rejected=retry_rejected,
        reread=reread,
    )
    invoked = datetime.now(UTC)
    started = time.perf_counter()
    with _failures(app, metrics_file, invoked), input_progress() as show:
        report = load_paths(app.engine(), list(paths), options=options, progress=show)
    seconds = round(time.perf_counter() - started, 3)
    _report_problems(report)
    if metrics_file is not None:
        write_metrics_file(app, metrics_file, report.exit_code, invoked)
    _print_summary(report, seconds, resolve_format(fmt, as_json))
    if report.exit_code:
        raise click.exceptions.Exit(report.exit_code)


@contextmanager
def _failures(app: AppContext, metrics_file: Path | None, invoked: datetime) -> Iterator[None]:
    """A load that fails still writes its metrics; in JSON logs its error is a line of
    JSON too (an exit code of docs/architecture.md, 1 for anything else)."""
    try:
        yield
    except Exception as exc:
        code = exc.exit_code if isinstance(exc, EventstoreError) else 1
        if metrics_file is not None:
            write_metrics_file(app, metrics_file, code, invoked)
        if current_format() != "json":
            raise
        message = mask_text(" ".join(str(exc).split()))[:1000]
        log.error("%s", message, extra=event("load_failed", exit_code=code))
        raise click.exceptions.Exit(code) from None


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
        "known_bad": totals.known_bad,
        "skipped": sum(totals.skipped.values()),
        "seconds": seconds,
    }
    document = {
        **_document(report, row),
        "skipped_reasons": skipped_reasons(totals.skipped),
        "known_bad_inputs": [_problem(p) for p in report.known_bad],
    }
    columns = _SUMMARY if fmt == "table" else _SUMMARY_FIELDS
    emit([row], fmt=fmt, columns=columns, title="load", document=document)
    line = also_line(totals.known_bad, totals.skipped)
    if fmt == "table" and line:
        out_console().print(line, highlight=False, markup=False)


def _document(report: LoadReport, row: Mapping[str, object]) -> dict[str, object]:
    """The JSON summary of a run: ``row``, its timings, errors and warnings."""
    return {
        **row,
        "timings": {k: v for k, v in report.totals.as_row().items() if k.endswith("_s")},
        "errors": [_problem(p) for p in report.errors],
        "warnings": [_problem(p) for p in report.warnings],
    }


def _report_problems(report: LoadReport) -> None:
    """Rejected inputs and skipped parts on stderr: ``rejected: path: reason`` lines, or
    events in JSON logs (where known-bad inputs are listed too)."""
    if current_format() == "json":
        with run_context(report.run_id):
            for problem in report.totals.problems:
                name = "input_rejected" if problem.severity == "error" else "input_warning"
                level = logging.WARNING if problem.severity == "error" else logging.INFO
                log.log(level, "%s", problem, extra=event(name, **_problem(problem)))
            for problem in report.known_bad:
                log.info("%s", problem, extra=event("input_known_bad", **_problem(problem)))
        return
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
    with count_progress() as advance:
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
