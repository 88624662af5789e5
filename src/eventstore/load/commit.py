"""Committing a batch: its articles, its problems, its known-bad inputs and its run's
counters, in one transaction under the writer lock.

Everything a batch changes commits together, so what ``runs`` shows of a run is what is
in the store, even after a kill -9. When the batch cannot be written, its articles are
written one by one (each with the counters it adds), so a bad one costs only itself.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from functools import partial

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from eventstore.db import write_with_retry
from eventstore.load.candidates import fetch_candidates
from eventstore.load.carriers import KnownCarriers
from eventstore.load.plan import Extracted
from eventstore.load.problems import Fingerprint, Problem
from eventstore.load.read import RawArticle
from eventstore.load.rejects import Seen, sort_out
from eventstore.load.resolve import resolve_batch
from eventstore.load.runs import BatchCounts, RunTotals, record_problems, save_progress
from eventstore.load.unchanged import record_files
from eventstore.load.write import BatchOutcome, apply_plan
from eventstore.redact import mask_text
from eventstore.vocabulary import ErrorCode, Severity

log = logging.getLogger(__name__)


def write_extracted(
    engine: Engine,
    run_id: int,
    extracted: list[Extracted],
    problems: list[Problem],
    totals: RunTotals,
    *,
    rewrite: bool = False,
    seen: Seen | None = None,
    carriers: KnownCarriers | None = None,
) -> None:
    """Write one batch, its problems and its run's counters in one transaction under the
    writer lock; when that fails, write its articles one by one, so that a bad one costs
    only itself. ``rewrite`` is ``write_batch``'s (re-extraction of stored articles);
    ``seen`` (loads of files) turns on the bookkeeping of rejected inputs; ``carriers``
    keeps key carriers from one batch of a load to the next."""
    started = time.perf_counter()

    def work(connection: Connection) -> tuple[BatchOutcome, BatchCounts, list[Problem]]:
        outcome = write_batch(connection, extracted, run_id, rewrite=rewrite, carriers=carriers)
        counts, known = _settle(
            connection, run_id, problems, totals=totals, outcome=outcome, seen=seen
        )
        return outcome, counts, known

    try:
        outcome, counts, known = write_with_retry(engine, work)
        if carriers is not None:
            carriers.committed(outcome.keys, outcome.last_seq)
        _count(totals, outcome)
        _count_problems(totals, counts, problems, known)
    except SQLAlchemyError:
        if carriers is not None:
            carriers.clear()
        log.warning("batch write failed; writing its %d articles one by one", len(extracted))
        _write_one_by_one(engine, run_id, extracted, problems, totals, rewrite=rewrite, seen=seen)
    totals.write_s += time.perf_counter() - started


def _settle(
    connection: Connection,
    run_id: int,
    problems: list[Problem],
    *,
    totals: RunTotals,
    outcome: BatchOutcome | None,
    seen: Seen | None,
) -> tuple[BatchCounts, list[Problem]]:
    """Record the batch's new problems and its counters; returns the counters it adds and
    the problems of inputs known bad already (not recorded again)."""
    known = sort_out(connection, run_id, problems, seen) if seen is not None else []
    if seen is not None:
        record_files(connection, run_id, seen.files, seen.keyed, problems)
    known_ids = {id(problem) for problem in known}
    new = [problem for problem in problems if id(problem) not in known_ids]
    record_problems(connection, run_id, new)
    counts = BatchCounts(
        added=len(outcome.added) if outcome else 0,
        updated=len(outcome.updated) if outcome else 0,
        unchanged=len(outcome.unchanged) if outcome else 0,
        failed=sum(1 for problem in new if problem.severity == "error"),
        known_bad=len(known),
    )
    save_progress(connection, run_id, totals, counts)
    return counts, known


def _write_one_by_one(
    engine: Engine,
    run_id: int,
    extracted: list[Extracted],
    problems: list[Problem],
    totals: RunTotals,
    *,
    rewrite: bool,
    seen: Seen | None,
) -> None:
    for item in extracted:
        try:
            write = partial(_write_one, item=item, run_id=run_id, rewrite=rewrite, totals=totals)
            outcome = write_with_retry(engine, write)
        except SQLAlchemyError as exc:
            reason = f"internal error: could not write: {_one_line(exc)}"
            problems.append(problem_of(item.raw, "internal", reason))
            continue
        _count(totals, outcome)
        totals.add(_article_counts(outcome))

    def settle(connection: Connection) -> tuple[BatchCounts, list[Problem]]:
        return _settle(connection, run_id, problems, totals=totals, outcome=None, seen=seen)

    counts, known = write_with_retry(engine, settle)
    _count_problems(totals, counts, problems, known)


def _write_one(
    connection: Connection, *, item: Extracted, run_id: int, rewrite: bool, totals: RunTotals
) -> BatchOutcome:
    outcome = write_batch(connection, [item], run_id, rewrite=rewrite)
    save_progress(connection, run_id, totals, _article_counts(outcome))
    return outcome


def write_batch(
    connection: Connection,
    items: Sequence[Extracted],
    run_id: int,
    *,
    rewrite: bool = False,
    carriers: KnownCarriers | None = None,
) -> BatchOutcome:
    """Resolve ``items`` (one per external id) against the store and write them, in the
    current transaction under the writers' lock: candidates -> plan -> write.

    An item whose article is stored with the same content and extractor version is
    skipped. With ``rewrite`` (re-extraction of stored articles) an item is written only
    over the very article it was read from, whatever its extractor version, and skipped
    when that article has changed or gone since. ``carriers``: key carriers known from
    the load's earlier batches (trusted only while no other writer committed since).
    """
    started = time.perf_counter()
    known = None if carriers is None else carriers.begin(connection)
    candidates = fetch_candidates(connection, items, rewrite=rewrite, known=known)
    plan = resolve_batch(items, candidates, rewrite=rewrite)
    resolve_s = time.perf_counter() - started
    read = {"event": candidates.event_carriers, "claim": candidates.claim_carriers}
    outcome = apply_plan(connection, plan, run_id, carriers=read)
    outcome.resolve_s = resolve_s
    return outcome


def problem_of(
    raw: RawArticle, code: ErrorCode, reason: str, *, severity: Severity = "error"
) -> Problem:
    """The problem of an article read: rejected (or loaded with a part skipped) after it
    was read, known again while its text and metadata stay the same."""
    return Problem(
        path=raw.path,
        code=code,
        reason=" ".join(reason.split())[:500],
        line=raw.line,
        external_id=raw.external_id,
        severity=severity,
        fingerprint=Fingerprint(len(raw.text.encode(errors="surrogatepass")), raw.content_hash),
    )


def _article_counts(outcome: BatchOutcome) -> BatchCounts:
    return BatchCounts(
        added=len(outcome.added), updated=len(outcome.updated), unchanged=len(outcome.unchanged)
    )


def _count(totals: RunTotals, outcome: BatchOutcome) -> None:
    totals.resolve_s += outcome.resolve_s
    totals.fanout.update(outcome.fanout)


def _count_problems(
    totals: RunTotals, counts: BatchCounts, problems: list[Problem], known: list[Problem]
) -> None:
    totals.add(counts)
    known_ids = {id(problem) for problem in known}
    totals.problems += [problem for problem in problems if id(problem) not in known_ids]
    totals.known += known


def _one_line(exc: BaseException) -> str:
    return mask_text(" ".join(str(getattr(exc, "orig", None) or exc).split()))[:300]
