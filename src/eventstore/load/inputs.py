"""The inputs of a load: the paths checked, every input found first (so that progress
has a total), then read in order: ``.txt`` files (``read.py``), ``.jsonl`` files and
standard input (``jsonl.py``), but files known unchanged by size and modification time
(``unchanged.py``)."""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventstore.errors import InputMissing
from eventstore.load.files import STDIN, Found, discover
from eventstore.load.jsonl import read_jsonl, read_stdin
from eventstore.load.problems import Problem
from eventstore.load.read import RawArticle, read_txt
from eventstore.load.unchanged import FileRead, FileStat, Unread, stat_all
from eventstore.redact import escape_controls


def require_paths(paths: Sequence[Path]) -> None:
    """Raise InputMissing when a path (other than ``-``) does not exist."""
    missing = [str(path) for path in paths if str(path) != STDIN and not os.path.lexists(path)]
    if missing:
        named = ", ".join(escape_controls(path) for path in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        raise InputMissing(f"no such file or directory: {named}{more}")


# Files stat'ed, then looked up in the store, at a time (``unchanged.py``).
STAT_CHUNK = 1_000

# The files of a chunk known unchanged: file key -> Unread.
Lookup = Callable[[list[FileStat]], dict[str, Unread]]


@dataclass
class Inputs:
    """The inputs found, and how many of them have been read to their end."""

    found: list[Found | Problem]
    done: int = 0

    def read(
        self, max_bytes: int, unchanged: Lookup | None = None
    ) -> Iterator[RawArticle | Problem | Unread | FileRead]:
        """Their articles (and problems), in order. With ``unchanged``, files are stat'ed
        and looked up a chunk at a time before they are read: a file known unchanged is
        one ``Unread``, never opened; every other file is followed by its ``FileRead``."""
        for start in range(0, len(self.found), STAT_CHUNK):
            chunk = self.found[start : start + STAT_CHUNK]
            stats = stat_all(chunk) if unchanged is not None else [None] * len(chunk)
            listed = [found for found in stats if found is not None]
            known = unchanged(listed) if unchanged is not None and listed else {}
            for item, found in zip(chunk, stats, strict=True):
                if found is not None and found.key in known:
                    yield known[found.key]
                else:
                    yield from _read_whole(item, found, max_bytes)
                self.done += 1


def _read_whole(
    item: Found | Problem, found: FileStat | None, max_bytes: int
) -> Iterator[RawArticle | Problem | FileRead]:
    """The articles of one input, then (for a file stat'ed) its ``FileRead``."""
    external_ids = []
    for read in read_found(item, max_bytes=max_bytes):
        if isinstance(read, RawArticle):
            external_ids.append(read.external_id)
        yield read
    if found is not None:
        yield FileRead(found, tuple(external_ids))


def read_inputs(
    paths: Iterable[Path], *, max_bytes: int, skipped: Counter[str] | None = None
) -> Iterator[RawArticle | Problem]:
    """Every article under ``paths`` (files, or directories walked recursively), in order;
    ``-`` is standard input, read as JSONL. ``skipped`` counts, by reason, the directory
    entries that are not inputs."""
    for item in discover(paths, skipped):
        yield from read_found(item, max_bytes=max_bytes)


def read_found(item: Found | Problem, *, max_bytes: int) -> Iterator[RawArticle | Problem]:
    """The articles of one input that ``discover`` found (or its problem)."""
    if isinstance(item, Problem):
        yield item
    elif item.stdin:
        yield from read_stdin(sys.stdin.buffer, max_bytes=max_bytes)
    elif item.path.lower().endswith(".jsonl"):
        yield from read_jsonl(Path(item.path), max_bytes=max_bytes)
    else:
        yield read_txt(item.path, max_bytes=max_bytes, sidecar=item.sidecar)
