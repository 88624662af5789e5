"""Batches: what reading yields, cut into the batches the loader checks, extracts and
writes; an input whose id was read first is skipped, a file known unchanged is counted."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from eventstore.load.problems import Problem
from eventstore.load.read import RawArticle
from eventstore.load.runs import RunTotals
from eventstore.load.unchanged import FileRead, Unread, file_key
from eventstore.redact import escape_controls

log = logging.getLogger("eventstore.load.loader")

# What flows from reading to the batches: articles, problems, and the file markers.
Item = RawArticle | Problem | Unread | FileRead
# Keys of files not to record as read whole this run: an input of theirs was rejected or
# skipped as another's id.
Spoiled = set[str]


def batches(
    items: Iterable[Item], size: int, totals: RunTotals, spoiled: Spoiled
) -> Iterator[list[Item]]:
    """Chunks of ``size`` articles and problems (with the ``FileRead`` of each file that
    ends in them). Of two inputs with one external id, the first read is loaded and the
    later skipped with a warning: both were loaded, each overwriting the other on every
    run (``updated`` for ever; issue 15, defect 12). Lines of one JSONL file are sorted
    out before (the later replaces the earlier, ``jsonl.py``). A file known unchanged
    (``Unread``) is counted here and goes no further; its ids were read first too."""
    batch: list[Item] = []
    counted = 0  # articles and problems in the batch
    first: dict[str, str] = {}  # external id -> where this run read it first
    for item in items:
        if isinstance(item, Unread):
            _count_unread(item, first, totals)
            continue
        if isinstance(item, RawArticle):
            if item.external_id in first:
                _skip_repeated(item.where, item.external_id, first[item.external_id])
                spoiled.add(file_key(item.path))
                continue
            first[item.external_id] = item.where
        if counted >= size or len(batch) >= _MARKERS * size:
            yield batch
            batch, counted = [], 0
        batch.append(item)
        counted += not isinstance(item, FileRead)
    if batch:
        yield batch


# A batch holds at most this many times its size in items, file markers included.
_MARKERS = 4


def _count_unread(item: Unread, first: dict[str, str], totals: RunTotals) -> None:
    """Count the articles of a file known unchanged, as ``_check`` counts those read."""
    fresh = 0
    for external_id in item.external_ids:
        if external_id in first:
            _skip_repeated(item.path, external_id, first[external_id])
            continue
        first[external_id] = item.path
        fresh += 1
    totals.files_seen += fresh
    totals.unchanged += fresh
    totals.unread += 1


def _skip_repeated(where: str, external_id: str, first: str) -> None:
    if where != first:  # not the same input named twice
        log.warning(
            "%s: skipped: %s has the same id (%s) and was read first",
            escape_controls(where),
            escape_controls(first),
            escape_controls(external_id),
        )
