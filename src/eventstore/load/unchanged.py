"""Input files known unchanged by size and modification time, before they are read.

A scheduled job loads the same growing folder again and again; reading and hashing every
file it loaded before costs more than everything else. So a file that loaded whole (no
input of it rejected, none skipped as another input's id) gets an ``input_files`` row:
its size and modification time (in ns), and its sidecar's, as ``os.stat`` gave them
before the file was read, and how many articles it held; each of its articles records
the file's key (``articles.input_key``). The row is written in the transaction of the
batch its last article is written in.

A later load stats every file it finds (no open) and looks them up a chunk at a time,
two indexed queries per chunk: a file is ``Unread`` (counted unchanged, never opened)
when its stat is the one recorded and all its articles are still stored from it at the
current extractor version. Any other file is read and hashed as before: changed, touched
(read, unchanged, its new time recorded), moved, or its articles re-extracted by older
rules, overwritten from another file, or deleted.

A time less than ``RACY_NS`` old when the file was stat'ed is not recorded (git's "racy
clean"): a file rewritten within the file system's time granularity could keep both its
size and its time. It is read again next load, and recorded then.

What a stat cannot see: content rewritten at the same size with the old modification time
put back (``os.utime``, ``touch -r``, ``cp -p`` or ``rsync -t`` of a same-size edit).
Touching such a file makes the next load read it.
"""

from __future__ import annotations

import os
import stat
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, bindparam, delete, insert, or_, select, update

from eventstore.extract import EXTRACTOR_VERSION
from eventstore.load.files import STDIN_NAME, Found, input_key
from eventstore.load.problems import Problem
from eventstore.load.upsert import CHUNK
from eventstore.schema import ArticleRow, InputFileRow, table

INPUT_FILES = table(InputFileRow)
ARTICLES = table(ArticleRow)

# FAT keeps times to 2 s; ext4 and XFS to the kernel's clock tick (a few ms).
RACY_NS = 2_000_000_000


@dataclass(frozen=True, slots=True)
class FileStat:
    """A file found, as ``os.stat`` saw it (and its sidecar) before it was read."""

    path: str
    key: str
    size: int
    mtime_ns: int
    sidecar_size: int | None = None
    sidecar_mtime_ns: int | None = None
    # Old enough when stat'ed to be trusted next time (see RACY_NS).
    settled: bool = True

    @property
    def recorded(self) -> tuple[int, int, int | None, int | None]:
        """What ``input_files`` keeps of it."""
        return (self.size, self.mtime_ns, self.sidecar_size, self.sidecar_mtime_ns)


@dataclass(frozen=True, slots=True)
class Unread:
    """A file known unchanged without reading it: its path and its articles' ids."""

    path: str
    external_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FileRead:
    """A file read to its end (after its articles and problems in the stream): its stat
    before it was read and the ids of the articles read from it."""

    stat: FileStat
    external_ids: tuple[str, ...] = ()


def file_key(path: str) -> str:
    """The key of a whole file (``input_files.input_key``, ``articles.input_key``)."""
    return input_key(path, None)


def stat_found(found: Found, now_ns: int) -> FileStat | None:
    """The stat of a file found (and its sidecar); None for standard input, a file that
    is gone or not a regular file (reading it says why)."""
    if found.stdin:
        return None
    try:
        info = os.stat(found.path)
        side = os.stat(found.sidecar) if found.sidecar else None
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(info.st_mode) or (side is not None and not stat.S_ISREG(side.st_mode)):
        return None
    newest = max(info.st_mtime_ns, side.st_mtime_ns if side is not None else 0)
    return FileStat(
        found.path,
        file_key(found.path),
        info.st_size,
        info.st_mtime_ns,
        side.st_size if side is not None else None,
        side.st_mtime_ns if side is not None else None,
        settled=newest + RACY_NS <= now_ns,
    )


def stat_all(found: Sequence[Found | Problem]) -> list[FileStat | None]:
    """``stat_found`` of each input (None for problems), against the clock of now."""
    now_ns = time.time_ns()
    return [stat_found(item, now_ns) if isinstance(item, Found) else None for item in found]


def unchanged_files(connection: Connection, stats: Sequence[FileStat]) -> dict[str, Unread]:
    """Key -> ``Unread`` for the files of ``stats`` known unchanged (module docstring)."""
    recorded = _recorded(connection, sorted({s.key for s in stats}))
    same = {s.key for s in stats if s.key in recorded and recorded[s.key][0] == s.recorded}
    held = _held(connection, sorted(same))
    return {
        s.key: Unread(s.path, tuple(held[s.key]))
        for s in stats
        if s.key in same and len(held[s.key]) == recorded[s.key][1]
    }


_Recorded = tuple[tuple[int, int, int | None, int | None], int]


def _recorded(connection: Connection, keys: Sequence[str]) -> dict[str, _Recorded]:
    """File key -> (what was recorded of its stat, how many articles it held)."""
    found: dict[str, _Recorded] = {}
    columns = (
        INPUT_FILES.c.input_key,
        INPUT_FILES.c.articles,
        INPUT_FILES.c.size,
        INPUT_FILES.c.mtime_ns,
        INPUT_FILES.c.sidecar_size,
        INPUT_FILES.c.sidecar_mtime_ns,
    )
    for chunk in _chunks(keys):
        rows = connection.execute(select(*columns).where(INPUT_FILES.c.input_key.in_(chunk)))
        for key, articles, size, mtime_ns, sidecar_size, sidecar_mtime_ns in rows:
            found[key] = ((size, mtime_ns, sidecar_size, sidecar_mtime_ns), articles)
    return found


def _held(connection: Connection, keys: Sequence[str]) -> dict[str, list[str]]:
    """File key -> the external ids of the articles stored from it by these rules."""
    found: dict[str, list[str]] = defaultdict(list)
    for chunk in _chunks(keys):
        query = select(ARTICLES.c.input_key, ARTICLES.c.external_id).where(
            ARTICLES.c.input_key.in_(chunk), ARTICLES.c.extractor_version == EXTRACTOR_VERSION
        )
        for key, external_id in connection.execute(query):
            found[key].append(external_id)
    return found


def record_files(
    connection: Connection,
    run_id: int,
    files: Sequence[FileRead],
    keyed: Sequence[tuple[str, str]],
    problems: Iterable[Problem],
) -> None:
    """In the batch's transaction: give the articles of ``keyed`` (external id, file key)
    their file's key, and record the files read to their end in this batch; those with
    a rejected input among ``problems``, or a time too new to trust, are forgotten."""
    _key_articles(connection, keyed)
    bad = {file_key(p.path) for p in problems if p.severity == "error" and p.path != STDIN_NAME}
    for chunk in _chunks(sorted({f.stat.key for f in files})):
        connection.execute(delete(INPUT_FILES).where(INPUT_FILES.c.input_key.in_(chunk)))
    good = {f.stat.key: f for f in files if f.stat.settled and f.stat.key not in bad}
    if not good:
        return
    _unkey_others(connection, good)
    now = datetime.now(UTC)
    rows = [
        {
            "input_key": key,
            "path": read.stat.path,
            "size": read.stat.size,
            "mtime_ns": read.stat.mtime_ns,
            "sidecar_size": read.stat.sidecar_size,
            "sidecar_mtime_ns": read.stat.sidecar_mtime_ns,
            "articles": len(set(read.external_ids)),
            "checked_at": now,
            "run_id": run_id,
        }
        for key, read in good.items()
    ]
    connection.execute(insert(INPUT_FILES), rows)


def _unkey_others(connection: Connection, good: dict[str, FileRead]) -> None:
    """Articles keyed to a file that no longer holds them (a JSONL line removed, an id
    changed in a sidecar) lose the key: the file's count of articles stays exact."""
    holds = {key: set(read.external_ids) for key, read in good.items()}
    others: list[str] = []
    for chunk in _chunks(sorted(good)):
        query = select(ARTICLES.c.input_key, ARTICLES.c.external_id)
        for key, external_id in connection.execute(query.where(ARTICLES.c.input_key.in_(chunk))):
            if external_id not in holds[key]:
                others.append(external_id)
    for chunk in _chunks(others):
        statement = update(ARTICLES).where(ARTICLES.c.external_id.in_(chunk))
        connection.execute(statement.values(input_key=None))


def _key_articles(connection: Connection, keyed: Sequence[tuple[str, str]]) -> None:
    if not keyed:
        return
    statement = (
        update(ARTICLES)
        .where(
            ARTICLES.c.external_id == bindparam("eid"),
            or_(ARTICLES.c.input_key.is_(None), ARTICLES.c.input_key != bindparam("key")),
        )
        .values(input_key=bindparam("key"))
    )
    connection.execute(statement, [{"eid": eid, "key": key} for eid, key in keyed])


def _chunks(keys: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(keys), CHUNK):
        yield keys[start : start + CHUNK]
