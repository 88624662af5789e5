"""Finding input files and opening them safely: regular files only, and never more read
than the limit.

Directories are walked recursively: hidden entries skipped, symbolic links followed and
their loops cut, a ``<stem>.json`` beside a ``.txt`` taken as its sidecar.

A FIFO named like an article would block an ``open`` for ever and a link to
``/dev/zero`` would fill memory, so a file is opened without blocking and checked on the
opened descriptor (no race with a rename) before a byte is read. Reads are bounded by
the size limit, not by what ``fstat`` says: procfs files and files still being written
report a size that is not what a read returns.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from eventstore.errors import InputRejected
from eventstore.load.problems import Fingerprint, Problem
from eventstore.vocabulary import ErrorCode

ARTICLE_SUFFIXES = (".txt", ".jsonl")
STDIN = "-"  # the path that names standard input (a file named "-": give its full path)
STDIN_NAME = "<stdin>"  # standard input where a path is shown and recorded

READ_CHUNK = 1 << 20  # bytes read at once past an over-long line, or spooled from a stream
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | os.O_CLOEXEC
_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


@dataclass(frozen=True, slots=True)
class Found:
    """An article file, and its sidecar when there is one."""

    path: str
    sidecar: str = ""
    stdin: bool = False


def discover(
    paths: Iterable[Path], skipped: Counter[str] | None = None
) -> Iterator[Found | Problem]:
    """Article files named by ``paths``; directories are walked (links followed, loops cut),
    ``-`` is standard input. A special file named like an article is found too (reading it
    rejects it); a name that is not UTF-8 is a problem. ``skipped`` counts the entries
    passed over, by reason."""
    skipped = Counter() if skipped is None else skipped
    for path in paths:
        for item in _found(path, skipped):
            if isinstance(item, Found) and not _utf8(item.path):
                yield _problem(item.path, "unreadable", "unreadable: the file name is not UTF-8")
            else:
                yield item


def common_root(paths: Sequence[Path]) -> str | None:
    """The directory the inputs have in common (absolute), ``-`` when the only input is
    standard input; None when they share none (or there are none)."""
    named = [str(path) for path in paths if str(path) != STDIN]
    if not named:
        return STDIN if paths else None
    folders = [os.path.abspath(p if os.path.isdir(p) else os.path.dirname(p) or ".") for p in named]
    try:
        return os.path.commonpath(folders)
    except ValueError:
        return None


def _found(path: Path, skipped: Counter[str]) -> Iterator[Found | Problem]:
    if str(path) == STDIN:
        yield Found(STDIN_NAME, stdin=True)
    elif path.is_dir():
        yield from _walk(str(path), set(), skipped)
    elif path.exists() and path.suffix.lower() in ARTICLE_SUFFIXES:
        sidecar = path.with_suffix(".json")
        has_sidecar = path.suffix.lower() == ".txt" and os.path.lexists(sidecar)
        yield Found(str(path), str(sidecar) if has_sidecar else "")
    elif path.exists() or path.is_symlink():
        yield _unsupported(path)
    else:
        yield Problem(str(path), "unreadable", "unreadable: no such file or directory")


def _unsupported(path: Path) -> Problem:
    if path.is_symlink() and not path.exists():
        return _problem(str(path), "unreadable", "unreadable: broken or looping symbolic link")
    return _problem(
        str(path), "not_article", f"not an article: unsupported file type {path.suffix!r}"
    )


def _walk(directory: str, seen: set[str], skipped: Counter[str]) -> Iterator[Found | Problem]:
    real = os.path.realpath(directory)
    if real in seen:
        yield _problem(directory, "unreadable", "unreadable: symbolic link loop")
        return
    seen = seen | {real}
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=_name)
    except OSError as exc:
        yield _problem(directory, "unreadable", f"unreadable: {exc.strerror or exc}")
        return
    skipped["hidden"] += sum(1 for entry in entries if entry.name.startswith("."))
    entries = [entry for entry in entries if not entry.name.startswith(".")]
    # Sidecars are found in the listing: no stat per article.
    names = {entry.name for entry in entries}
    sidecars = {f"{stem(name)}.json" for name in names if name.lower().endswith(".txt")}
    for entry in entries:
        if entry.is_dir():
            yield from _walk(entry.path, seen, skipped)
        elif entry.is_symlink() and not os.path.exists(entry.path):
            yield _unsupported(Path(entry.path))
        elif entry.name.lower().endswith(ARTICLE_SUFFIXES):
            sidecar = f"{stem(entry.name)}.json"
            has_sidecar = entry.name.lower().endswith(".txt") and sidecar in names
            yield Found(entry.path, os.path.join(directory, sidecar) if has_sidecar else "")
        elif entry.name not in sidecars:
            orphan = entry.name.lower().endswith(".json")
            skipped["sidecar without article" if orphan else "unsupported type"] += 1


def input_key(path: str, line: int | None) -> str:
    """Which input this is: SHA-256 of its absolute path and line (0 for a whole file)."""
    where = path if path == STDIN_NAME else os.path.abspath(path)
    return hashlib.sha256(f"{where}\0{line or 0}".encode(errors="surrogateescape")).hexdigest()


def _problem(path: str, code: ErrorCode, reason: str) -> Problem:
    """A problem of a path found, known again while the path stays as it is."""
    return Problem(path, code, reason, fingerprint=Fingerprint.of_file(path))


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def stem(name: str) -> str:
    """A file name without its last suffix."""
    return name.rsplit(".", 1)[0]


def _utf8(path: str) -> bool:
    """False for a path with a byte that is not UTF-8 (os.fsdecode made it a surrogate)."""
    try:
        path.encode()
    except UnicodeEncodeError:
        return False
    return True


def open_regular(path: str, *, max_bytes: int | None = None, name: str = "") -> BinaryIO:
    """``path`` opened for reading, or InputRejected when it is not a regular file or
    says it is larger than ``max_bytes``. ``name`` names the file in reasons (a sidecar)."""
    _check_regular(os.stat(path).st_mode, name)  # a device is not even opened
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)  # the file opened, whatever was renamed since the stat
        _check_regular(info.st_mode, name)
        if max_bytes is not None and info.st_size > max_bytes:
            size = f"{info.st_size:,} bytes"
            raise too_large(f"{name} is {size}" if name else size, max_bytes)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def read_regular(path: str, *, max_bytes: int, name: str = "") -> bytes:
    """The bytes of the regular file ``path``: at most ``max_bytes`` of them, else
    InputRejected (``too_large``), whatever ``fstat`` said."""
    with open_regular(path, max_bytes=max_bytes, name=name) as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        size = f"over {max_bytes:,} bytes"
        raise too_large(f"{name} is {size}" if name else size, max_bytes)
    return data


def too_large(size: str, max_bytes: int) -> InputRejected:
    """The rejection of a file over the limit; ``size`` says how large it is."""
    return InputRejected(
        "too_large",
        f"too large: {size} (the limit is {max_bytes:,}; "
        "set EVENTSTORE_MAX_FILE_BYTES to change it)",
    )


def bounded_lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | Fingerprint]]:
    """(number, line) for each line of ``handle``; a line over ``max_bytes`` is read past
    in chunks and given as its fingerprint (length and hash) instead, never held whole."""
    number = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) <= max_bytes:
            yield number, line
            continue
        digest, length = hashlib.sha256(line), len(line)
        while not line.endswith(b"\n"):
            line = handle.readline(READ_CHUNK)
            if not line:
                break
            digest.update(line)
            length += len(line)
        yield number, Fingerprint(length, digest.hexdigest())


def _check_regular(mode: int, name: str) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((kind for test, kind in _KINDS if test(mode)), "a special file")
    what = f"{name} is not a regular file" if name else "not a regular file"
    raise InputRejected("unreadable", f"unreadable: {what} ({kind})")
