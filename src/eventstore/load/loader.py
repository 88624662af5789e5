"""Loading: the pipeline of DESIGN.md, read -> extract -> resolve -> write, batch by batch.

The entry point of the CLI, the benchmarks and scheduled jobs alike. Inputs stream: a
batch is read, checked against stored hashes (unchanged articles are not even
extracted), extracted, and written in one transaction under the writer lock. When a
batch cannot be written, its articles are written one by one so that one bad article
costs only itself. Every load is an ``ingestion_runs`` row; every bad input an
``ingestion_errors`` row. Re-extraction of stored articles (``reextract.py``) runs
through the same ``recorded_run`` and ``write_extracted``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from eventstore import migrations
from eventstore.db import translate_db_errors, write_with_retry
from eventstore.errors import InputRejected
from eventstore.extract import ArticleDoc
from eventstore.extract.nlp import load_model
from eventstore.load.candidates import fetch_candidates, is_current, stored_versions
from eventstore.load.extractor import Extractor
from eventstore.load.guard import RunGuard, exclusive_load
from eventstore.load.plan import Extracted
from eventstore.load.problems import Problem
from eventstore.load.read import RawArticle, read_inputs
from eventstore.load.resolve import resolve_batch
from eventstore.load.runs import RunTotals, finish_run, record_problems
from eventstore.load.write import BatchOutcome, apply_plan
from eventstore.redact import mask_text, mask_url
from eventstore.vocabulary import ErrorCode, RunStatus, Severity

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 100
DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class LoadOptions:
    """How to load: batch size, the file size limit, and the date loads are checked against."""

    batch_size: int = DEFAULT_BATCH_SIZE
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    today: date = field(default_factory=date.today)
    exclusive: bool = False
    workers: int = 1


@dataclass
class LoadReport:
    """What a load did: its run id and totals, and the problems it met."""

    run_id: int
    totals: RunTotals

    @property
    def errors(self) -> list[Problem]:
        """Inputs that were rejected."""
        return [p for p in self.totals.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """Inputs that loaded with a part skipped."""
        return [p for p in self.totals.problems if p.severity == "warning"]

    @property
    def exit_code(self) -> int:
        """0 when every input loaded, 65 when some were rejected."""
        return 65 if self.totals.failed else 0


Progress = Callable[[int], None]


def prepare_schema(engine: Engine) -> None:
    """Migrate an empty database to head; refuse one that is behind (SchemaOutOfDate)."""
    url = engine.url
    if migrations.current_revision(url) is None:
        log.info("empty database: migrating to %s", migrations.head_revision())
        migrations.upgrade(url)
    migrations.require_head(url)


def load_paths(
    engine: Engine,
    paths: Sequence[Path],
    *,
    options: LoadOptions | None = None,
    progress: Progress | None = None,
) -> LoadReport:
    """Load every article under ``paths`` into the database behind ``engine``.

    With ``options.exclusive`` the load first takes the run lock and raises LockHeld at
    once when another exclusive load holds it.
    """
    options = options or LoadOptions()
    load_model()  # no language model: stop before a run is recorded (exit 78)
    with translate_db_errors(mask_url(engine.url)):
        prepare_schema(engine)
        with exclusive_load(engine) if options.exclusive else nullcontext():
            return _run(engine, paths, options, progress)


def _run(
    engine: Engine, paths: Sequence[Path], options: LoadOptions, progress: Progress | None
) -> LoadReport:
    def work(run_id: int, totals: RunTotals) -> None:
        _pipeline(engine, run_id, paths, options, totals=totals, progress=progress)

    return recorded_run(engine, [str(path) for path in paths], work)


def recorded_run(
    engine: Engine, paths: Sequence[str], work: Callable[[int, RunTotals], None]
) -> LoadReport:
    """Run ``work(run_id, totals)`` as one ``ingestion_runs`` row: started as running (dead
    runs marked interrupted first), finished with its totals, or as failed or interrupted
    when ``work`` raises."""
    guard = RunGuard(engine)
    run_id = guard.start(paths)
    totals = RunTotals()
    try:
        work(run_id, totals)
    except BaseException as exc:
        status: RunStatus = "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed"
        finish_run(engine, run_id, totals, status=status, message=mask_text(str(exc))[:1000])
        raise
    finally:
        guard.close()
    finish_run(engine, run_id, totals)
    return LoadReport(run_id, totals)


@dataclass
class _Pending:
    """A batch read and checked, its extraction under way."""

    size: int
    problems: list[Problem]
    changed: list[RawArticle]
    results: Callable[[], list[ArticleDoc | InputRejected]]


def _pipeline(
    engine: Engine,
    run_id: int,
    paths: Sequence[Path],
    options: LoadOptions,
    *,
    totals: RunTotals,
    progress: Progress | None,
) -> None:
    """Read, check and hand each batch to the extractor; while it extracts (in worker
    processes with ``workers > 1``), write the batch before it."""
    inputs = _timed(read_inputs(paths, max_bytes=options.max_file_bytes), totals)
    with Extractor(options.workers, options.today) as extractor:
        pending: _Pending | None = None
        for batch in _batches(inputs, options.batch_size):
            checked = _check(engine, batch, totals)
            current = _Pending(len(batch), *checked, extractor.submit(checked[1]))
            if pending is not None:
                _finish(engine, run_id, pending, totals, progress)
            pending = current
        if pending is not None:
            _finish(engine, run_id, pending, totals, progress)


def _check(
    engine: Engine, batch: list[RawArticle | Problem], totals: RunTotals
) -> tuple[list[Problem], list[RawArticle]]:
    """The batch's problems so far, and its articles whose content is new or changed."""
    problems = [item for item in batch if isinstance(item, Problem)]
    raws = [item for item in batch if isinstance(item, RawArticle)]
    totals.files_seen += len(batch)
    with engine.connect() as connection:
        stored = stored_versions(connection, [raw.external_id for raw in raws])
    changed = [raw for raw in raws if not is_current(stored.get(raw.external_id), raw)]
    totals.unchanged += len(raws) - len(changed)
    return problems, changed


def _finish(
    engine: Engine, run_id: int, pending: _Pending, totals: RunTotals, progress: Progress | None
) -> None:
    started = time.perf_counter()
    results = pending.results()
    totals.extract_s += time.perf_counter() - started
    extracted = accept(pending.changed, results, pending.problems)
    write_extracted(engine, run_id, extracted, pending.problems, totals)
    if progress is not None:
        progress(pending.size)


def accept(
    raws: Sequence[RawArticle],
    results: Sequence[ArticleDoc | InputRejected],
    problems: list[Problem],
) -> list[Extracted]:
    """The articles of ``raws`` extracted into documents; each rejection, and each part
    extraction skipped (a warning), is appended to ``problems``."""
    extracted = []
    for raw, result in zip(raws, results, strict=True):
        if isinstance(result, InputRejected):
            problems.append(_problem(raw, result.code, result.reason))
            continue
        problems += [
            _problem(raw, note.code, note.message, severity="warning") for note in result.notes
        ]
        extracted.append(Extracted(raw, result))
    return extracted


def _timed(
    items: Iterator[RawArticle | Problem], totals: RunTotals
) -> Iterator[RawArticle | Problem]:
    while True:
        started = time.perf_counter()
        item = next(items, None)
        totals.read_s += time.perf_counter() - started
        if item is None:
            return
        yield item


def _batches(
    items: Iterable[RawArticle | Problem], size: int
) -> Iterator[list[RawArticle | Problem]]:
    """Chunks of ``size``; a chunk also ends before an external id it already holds."""
    batch: list[RawArticle | Problem] = []
    ids: set[str] = set()
    for item in items:
        repeated = isinstance(item, RawArticle) and item.external_id in ids
        if len(batch) >= size or repeated:
            yield batch
            batch, ids = [], set()
        batch.append(item)
        if isinstance(item, RawArticle):
            ids.add(item.external_id)
    if batch:
        yield batch


def _problem(
    raw: RawArticle, code: ErrorCode, reason: str, *, severity: Severity = "error"
) -> Problem:
    return Problem(
        path=raw.path,
        code=code,
        reason=" ".join(reason.split())[:500],
        line=raw.line,
        external_id=raw.external_id,
        severity=severity,
    )


def write_extracted(
    engine: Engine,
    run_id: int,
    extracted: list[Extracted],
    problems: list[Problem],
    totals: RunTotals,
    *,
    rewrite: bool = False,
) -> None:
    """Write one batch and its problems in one transaction under the writer lock; when
    that fails, write its articles one by one, so that a bad one costs only itself.
    ``rewrite`` is ``write_batch``'s (re-extraction of stored articles)."""
    started = time.perf_counter()

    def work(connection: Connection) -> BatchOutcome:
        outcome = write_batch(connection, extracted, run_id, rewrite=rewrite)
        record_problems(connection, run_id, problems)
        return outcome

    try:
        _count(totals, write_with_retry(engine, work), problems)
    except SQLAlchemyError:
        log.warning("batch write failed; writing its %d articles one by one", len(extracted))
        _write_one_by_one(engine, run_id, extracted, problems, totals, rewrite=rewrite)
    totals.write_s += time.perf_counter() - started


def _write_one_by_one(
    engine: Engine,
    run_id: int,
    extracted: list[Extracted],
    problems: list[Problem],
    totals: RunTotals,
    *,
    rewrite: bool,
) -> None:
    for item in extracted:
        try:
            write = partial(_write_one, item=item, run_id=run_id, rewrite=rewrite)
            outcome = write_with_retry(engine, write)
            _count(totals, outcome, [])
        except SQLAlchemyError as exc:
            reason = f"internal error: could not write: {_one_line(exc)}"
            problems.append(_problem(item.raw, "internal", reason))
    write_with_retry(engine, lambda connection: record_problems(connection, run_id, problems))
    _count_problems(totals, problems)


def _write_one(
    connection: Connection, *, item: Extracted, run_id: int, rewrite: bool
) -> BatchOutcome:
    return write_batch(connection, [item], run_id, rewrite=rewrite)


def write_batch(
    connection: Connection, items: Sequence[Extracted], run_id: int, *, rewrite: bool = False
) -> BatchOutcome:
    """Resolve ``items`` (one per external id) against the store and write them, in the
    current transaction under the writers' lock: candidates -> plan -> write.

    An item whose article is stored with the same content and extractor version is
    skipped. With ``rewrite`` (re-extraction of stored articles) an item is written only
    over the very article it was read from, whatever its extractor version, and skipped
    when that article has changed or gone since.
    """
    started = time.perf_counter()
    plan = resolve_batch(
        items, fetch_candidates(connection, items, rewrite=rewrite), rewrite=rewrite
    )
    resolve_s = time.perf_counter() - started
    outcome = apply_plan(connection, plan, run_id)
    outcome.resolve_s = resolve_s
    return outcome


def _count(totals: RunTotals, outcome: BatchOutcome, problems: list[Problem]) -> None:
    totals.added += len(outcome.added)
    totals.updated += len(outcome.updated)
    totals.unchanged += len(outcome.unchanged)
    totals.resolve_s += outcome.resolve_s
    totals.fanout.update(outcome.fanout)
    _count_problems(totals, problems)


def _count_problems(totals: RunTotals, problems: list[Problem]) -> None:
    totals.problems += problems
    totals.failed += sum(1 for problem in problems if problem.severity == "error")


def _one_line(exc: BaseException) -> str:
    return mask_text(" ".join(str(getattr(exc, "orig", None) or exc).split()))[:300]
