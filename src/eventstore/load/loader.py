"""Loading: read -> extract -> resolve -> write (docs/architecture.md), batch by batch.

The entry point of the CLI, the benchmarks and scheduled jobs alike. Inputs are found
first (so progress has a total), then stream: a batch is read, checked against stored
hashes (unchanged articles are not even extracted; files known unchanged by size and
time are not even read, ``unchanged.py``), extracted, and committed with its
problems and its run's counters in one transaction under the writer lock
(``commit.py``). Every load is an ``ingestion_runs`` row; every newly rejected input an
``ingestion_errors`` row and a ``rejected_inputs`` row, which makes it ``known_bad``,
not rejected again, while it stays unchanged (``rejects.py``). Re-extraction of stored
articles (``reextract.py``) runs through the same ``recorded_run`` and
``write_extracted``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from sqlalchemy import Engine

from eventstore import migrations
from eventstore.db import translate_db_errors
from eventstore.errors import InputRejected
from eventstore.extract import ArticleDoc
from eventstore.extract.nlp import require_model
from eventstore.load.batches import Item, Spoiled, batches
from eventstore.load.candidates import is_current, stored_versions
from eventstore.load.carriers import KnownCarriers
from eventstore.load.collection import fewer_collections
from eventstore.load.commit import problem_of, write_batch, write_extracted
from eventstore.load.extractor import Extractor
from eventstore.load.files import STDIN_NAME, common_root, discover
from eventstore.load.guard import exclusive_load
from eventstore.load.inputs import Inputs, require_paths
from eventstore.load.plan import Extracted
from eventstore.load.problems import Problem
from eventstore.load.read import RawArticle
from eventstore.load.recorded import LoadReport, recorded_run
from eventstore.load.rejects import Seen
from eventstore.load.runs import RunTotals
from eventstore.load.unchanged import FileRead, FileStat, Unread, file_key, unchanged_files
from eventstore.logs import event
from eventstore.redact import mask_url

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_MAX_FILE_BYTES",
    "InputProgress",
    "LoadOptions",
    "LoadReport",
    "Progress",
    "accept",
    "load_paths",
    "prepare_schema",
    "recorded_run",
    "write_batch",
    "write_extracted",
]

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 100
DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class LoadOptions:
    """How to load: batch size, the file size limit, the date loads are checked against,
    the run lock, extraction workers, whether known-bad inputs are tried again and
    whether files known unchanged are read all the same."""

    batch_size: int = DEFAULT_BATCH_SIZE
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    today: date = field(default_factory=date.today)
    exclusive: bool = False
    workers: int = 1
    retry_rejected: bool = False
    # Read every file, even one known unchanged by its size and time (``unchanged.py``).
    reread: bool = False


# Re-extraction: called with the number of articles just done.
Progress = Callable[[int], None]
# Loads: called with the inputs (files, standard input) done and their total.
InputProgress = Callable[[int, int], None]


def prepare_schema(engine: Engine) -> None:
    """Migrate an empty database to head; refuse one that is behind (SchemaOutOfDate)."""
    url = engine.url
    current = migrations.current_revision(url)
    if current is not None and current != migrations.head_revision():
        # Another first load may be migrating this database now (PostgreSQL commits each
        # revision): wait until nobody migrates, then look again.
        migrations.wait_for_migration(url)
        current = migrations.current_revision(url)
    if current is None:
        log.info("empty database: migrating to %s", migrations.head_revision())
        migrations.upgrade(url)
    migrations.require_head(url)


def load_paths(
    engine: Engine,
    paths: Sequence[Path],
    *,
    options: LoadOptions | None = None,
    progress: InputProgress | None = None,
) -> LoadReport:
    """Load every article under ``paths`` into the database behind ``engine``; the path
    ``-`` is standard input, read as JSONL. Raises InputMissing when a path does not
    exist, before anything else.

    With ``options.exclusive`` the load first takes the run lock and raises LockHeld at
    once when another exclusive load holds it.
    """
    options = options or LoadOptions()
    require_paths(paths)  # an inbox not mounted: exit 66, not a rejected input
    require_model()  # no language model: stop before a run is recorded (exit 78)
    with translate_db_errors(mask_url(engine.url)):
        prepare_schema(engine)
        with exclusive_load(engine) if options.exclusive else nullcontext():
            return _run(engine, paths, options, progress)


def _run(
    engine: Engine, paths: Sequence[Path], options: LoadOptions, progress: InputProgress | None
) -> LoadReport:
    def work(run_id: int, totals: RunTotals) -> None:
        with fewer_collections():
            _pipeline(engine, run_id, paths, options, totals=totals, progress=progress)

    return recorded_run(engine, [str(path) for path in paths], work, root=common_root(paths))


@dataclass
class _Pending:
    """A batch read and checked, its extraction under way."""

    inputs_done: int
    problems: list[Problem]
    unchanged: list[RawArticle]
    changed: list[RawArticle]
    results: Callable[[], list[ArticleDoc | InputRejected]]
    files: list[FileRead]


def _pipeline(
    engine: Engine,
    run_id: int,
    paths: Sequence[Path],
    options: LoadOptions,
    *,
    totals: RunTotals,
    progress: InputProgress | None,
) -> None:
    """Find the inputs, then read, check and hand each batch to the extractor; while it
    extracts (in worker processes with ``workers > 1``), write the batch before it."""
    inputs = _find(paths, totals)
    lookup = None if options.reread else partial(_unchanged, engine)
    articles = _timed(inputs.read(options.max_file_bytes, lookup), totals)
    spoiled: Spoiled = set()
    finish = partial(
        _finish,
        engine,
        run_id,
        totals=totals,
        options=options,
        spoiled=spoiled,
        carriers=KnownCarriers(),
    )
    with Extractor(options.workers, options.today) as extractor:
        pending: _Pending | None = None
        for batch in batches(articles, options.batch_size, totals, spoiled):
            problems, unchanged, changed, files = _check(engine, batch, totals)
            submitted = extractor.submit(changed)
            current = _Pending(inputs.done, problems, unchanged, changed, submitted, files)
            if pending is not None:
                finish(pending)
                _report(progress, pending.inputs_done, len(inputs.found))
            pending = current
        if pending is not None:
            finish(pending)
    _report(progress, len(inputs.found), len(inputs.found))


def _unchanged(engine: Engine, stats: list[FileStat]) -> dict[str, Unread]:
    with engine.connect() as connection:
        return unchanged_files(connection, stats)


def _find(paths: Sequence[Path], totals: RunTotals) -> Inputs:
    started = time.perf_counter()
    found = list(discover(paths, totals.skipped))
    totals.read_s += time.perf_counter() - started
    skipped = dict(totals.skipped)
    log.info(
        "%d inputs found, %d entries skipped",
        len(found),
        sum(skipped.values()),
        extra=event("inputs_found", total=len(found), skipped=skipped),
    )
    return Inputs(found)


def _report(progress: InputProgress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _check(
    engine: Engine, batch: list[Item], totals: RunTotals
) -> tuple[list[Problem], list[RawArticle], list[RawArticle], list[FileRead]]:
    """The batch's problems so far, its articles stored unchanged, those whose content is
    new or changed, and the files it reads to their end."""
    problems = [item for item in batch if isinstance(item, Problem)]
    raws = [item for item in batch if isinstance(item, RawArticle)]
    files = [item for item in batch if isinstance(item, FileRead)]
    totals.files_seen += len(problems) + len(raws)
    if not raws:
        return problems, [], [], files
    with engine.connect() as connection:
        stored = stored_versions(connection, [raw.external_id for raw in raws])
    current = [is_current(stored.get(raw.external_id), raw) for raw in raws]
    unchanged = [raw for raw, same in zip(raws, current, strict=True) if same]
    changed = [raw for raw, same in zip(raws, current, strict=True) if not same]
    totals.unchanged += len(unchanged)
    return problems, unchanged, changed, files


def _finish(
    engine: Engine,
    run_id: int,
    pending: _Pending,
    *,
    totals: RunTotals,
    options: LoadOptions,
    spoiled: Spoiled,
    carriers: KnownCarriers,
) -> None:
    started = time.perf_counter()
    results = pending.results()
    totals.extract_s += time.perf_counter() - started
    extracted = accept(pending.changed, results, pending.problems)
    loaded = [*pending.unchanged, *(item.raw for item in extracted)]
    seen = Seen(
        tuple((raw.path, raw.line) for raw in loaded),
        retry=options.retry_rejected,
        files=tuple(read for read in pending.files if read.stat.key not in spoiled),
        keyed=tuple(
            (raw.external_id, file_key(raw.path)) for raw in loaded if raw.path != STDIN_NAME
        ),
    )
    write_extracted(
        engine, run_id, extracted, pending.problems, totals, seen=seen, carriers=carriers
    )
    # A JSONL file's later lines may come in a later batch: its rejections spoil it.
    spoiled.update(file_key(p.path) for p in pending.problems if p.severity == "error")


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
            problems.append(problem_of(raw, result.code, result.reason))
            continue
        problems += [
            problem_of(raw, note.code, note.message, severity="warning") for note in result.notes
        ]
        extracted.append(Extracted(raw, result))
    return extracted


def _timed(items: Iterator[Item], totals: RunTotals) -> Iterator[Item]:
    while True:
        started = time.perf_counter()
        item = next(items, None)
        totals.read_s += time.perf_counter() - started
        if item is None:
            return
        yield item
