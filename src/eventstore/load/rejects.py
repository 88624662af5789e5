"""Known-bad inputs: an input rejected once and unchanged since is not rejected again.

A rejected input (a file, or one line of a JSONL file) becomes a ``rejected_inputs`` row
holding its fingerprint: size and SHA-256 of the bytes that were read (of type, size and
modification time when it could not be read), and the extraction rules that rejected
it. A later load that meets the same input (same path and line) with the same
fingerprint under the same rules counts it ``known_bad``: no new ``ingestion_errors``
row, no exit 65, ``last_seen_at`` moves on. A changed input is tried again, and its row
replaced if it is rejected again; an input that loads removes its row. With ``retry``
(``load --retry-rejected``) every input is tried as if new.

Runs in the batch's transaction, under the writer lock, so two loads never decide the
same input at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, insert, select, update

from eventstore.extract import EXTRACTOR_VERSION
from eventstore.load.files import input_key
from eventstore.load.problems import Fingerprint, Problem
from eventstore.load.unchanged import FileRead
from eventstore.load.upsert import CHUNK
from eventstore.schema import RejectedInputRow, table

REJECTS = table(RejectedInputRow)


@dataclass(frozen=True)
class Seen:
    """The inputs of one batch the bookkeeping of inputs needs: those that loaded (path,
    line), and whether known-bad ones are tried again; for ``unchanged.record_files``,
    the files read to their end and the file key of each article loaded."""

    loaded: tuple[tuple[str, int | None], ...] = ()
    retry: bool = False
    files: tuple[FileRead, ...] = ()
    keyed: tuple[tuple[str, str], ...] = ()  # (external id, file key)


def sort_out(
    connection: Connection, run_id: int, problems: Sequence[Problem], seen: Seen
) -> list[Problem]:
    """Record the rejections among ``problems`` as rejected inputs and forget the inputs
    of ``seen.loaded``; returns the problems of inputs known bad (not new)."""
    rejected: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        if _rememberable(problem):
            rejected[input_key(problem.path, problem.line)].append(problem)
    stored = _stored(connection, list(rejected))
    now = datetime.now(UTC)
    known: list[Problem] = []
    for key, found in rejected.items():
        row = stored.get(key)
        if row is not None and not seen.retry and _unchanged(row, found[0]):
            known += found
            _met_again(connection, row.id, run_id, now)
        else:
            _remember(connection, key, found[0], run_id, now, replace=row is not None)
    _forget(connection, _loaded_keys(seen.loaded) - rejected.keys())
    return known


def _rememberable(problem: Problem) -> bool:
    # An internal error says nothing about the input: it is tried again next time.
    return (
        problem.severity == "error"
        and problem.code != "internal"
        and problem.fingerprint is not None
    )


@dataclass(frozen=True)
class _Stored:
    """A rejected input's row, as far as telling it unchanged goes."""

    id: int
    size: int
    content_hash: str
    extractor_version: str


def _unchanged(row: _Stored, problem: Problem) -> bool:
    fingerprint = problem.fingerprint
    return (
        fingerprint is not None
        and row.size == fingerprint.size
        and row.content_hash == fingerprint.digest
        and row.extractor_version == EXTRACTOR_VERSION
    )


def _stored(connection: Connection, keys: list[str]) -> dict[str, _Stored]:
    columns = (REJECTS.c.id, REJECTS.c.size, REJECTS.c.content_hash, REJECTS.c.extractor_version)
    found: dict[str, _Stored] = {}
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        query = select(REJECTS.c.input_key, *columns).where(REJECTS.c.input_key.in_(chunk))
        for key, *values in connection.execute(query):
            found[key] = _Stored(*values)
    return found


def _met_again(connection: Connection, row_id: int, run_id: int, now: datetime) -> None:
    connection.execute(
        update(REJECTS)
        .where(REJECTS.c.id == row_id)
        .values(last_seen_at=now, last_run_id=run_id, times_seen=REJECTS.c.times_seen + 1)
    )


def _remember(
    connection: Connection,
    key: str,
    problem: Problem,
    run_id: int,
    now: datetime,
    *,
    replace: bool,
) -> None:
    fingerprint = problem.fingerprint or Fingerprint(0, "")
    values = {
        "path": problem.path,
        "line": problem.line,
        "size": fingerprint.size,
        "content_hash": fingerprint.digest,
        "extractor_version": EXTRACTOR_VERSION,
        "code": problem.code,
        "reason": problem.reason,
        "first_seen_at": now,
        "last_seen_at": now,
        "first_run_id": run_id,
        "last_run_id": run_id,
        "times_seen": 1,
    }
    if replace:
        connection.execute(update(REJECTS).where(REJECTS.c.input_key == key).values(**values))
    else:
        connection.execute(insert(REJECTS).values(input_key=key, **values))


def _loaded_keys(loaded: Iterable[tuple[str, int | None]]) -> set[str]:
    """The keys of inputs that loaded; a line that loads also clears its whole file's
    earlier rejection (a JSONL file that could not be read before)."""
    keys: set[str] = set()
    for path, line in loaded:
        keys.add(input_key(path, line))
        if line is not None:
            keys.add(input_key(path, None))
    return keys


def _forget(connection: Connection, keys: set[str]) -> None:
    ordered = sorted(keys)
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        connection.execute(delete(REJECTS).where(REJECTS.c.input_key.in_(chunk)))
