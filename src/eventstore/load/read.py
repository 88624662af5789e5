"""Reading input: files and directories in, raw articles (or one-line reasons) out.

``.txt`` is one article, title on the first line, with an optional ``<stem>.json``
sidecar of metadata; ``.jsonl`` is one article per line. Text is decoded as UTF-8 (a BOM
is allowed) with CRLF and CR made LF, and nothing else changed. Nothing is parsed here.

An article's ``external_id`` is its metadata's, else the ``.txt`` file's stem. A JSONL
record without one gets an id from what it says, never from its line number, so adding
or removing lines leaves the other records' ids alone: ``<stem>-<16 hex>``, the first 16
hex digits of the SHA-256 of its ``url`` (normalized, see ``normal_url``) or, without a
url, of its text as stored (title, newline, body). To update a record in place give it an
``external_id`` or a ``url``; without both, an edited record is a new article and the old
one stays. Two records of one file with the same id: the later replaces the earlier.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit, urlunsplit

from pydantic import ValidationError

from eventstore.errors import InputRejected
from eventstore.extract import ArticleMeta
from eventstore.extract.text import normalize_newlines
from eventstore.load.problems import Problem

ARTICLE_SUFFIXES = (".txt", ".jsonl")

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as read: its id, text, metadata and where it came from."""

    external_id: str
    text: str
    meta: ArticleMeta
    path: str
    line: int | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text and the metadata: equal hashes mean nothing changed."""
        digest = hashlib.sha256(self.text.encode())
        digest.update(b"\0" + self.meta.model_dump_json().encode())
        return digest.hexdigest()

    @property
    def where(self) -> str:
        """Path, with the line number for JSONL records."""
        return self.path if self.line is None else f"{self.path}:{self.line}"


def read_inputs(paths: Iterable[Path], *, max_bytes: int) -> Iterator[RawArticle | Problem]:
    """Every article under ``paths`` (files, or directories walked recursively), in order."""
    for item in discover(paths):
        if isinstance(item, Problem):
            yield item
        elif item.path.lower().endswith(".jsonl"):
            yield from read_jsonl(Path(item.path), max_bytes=max_bytes)
        else:
            yield read_txt(item.path, max_bytes=max_bytes, sidecar=item.sidecar)


@dataclass(frozen=True, slots=True)
class Found:
    """An article file, and its sidecar when there is one."""

    path: str
    sidecar: str = ""


def discover(paths: Iterable[Path]) -> Iterator[Found | Problem]:
    """Article files named by ``paths``; directories are walked (links followed, loops cut)."""
    for path in paths:
        if path.is_dir():
            yield from _walk(str(path), set())
        elif path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES:
            sidecar = path.with_suffix(".json")
            yield Found(str(path), str(sidecar) if sidecar.is_file() else "")
        elif path.exists() or path.is_symlink():
            yield _unsupported(path)
        else:
            yield Problem(str(path), "unreadable", "unreadable: no such file or directory")


def _unsupported(path: Path) -> Problem:
    if path.is_symlink() and not path.exists():
        return Problem(str(path), "unreadable", "unreadable: broken or looping symbolic link")
    return Problem(
        str(path), "not_article", f"not an article: unsupported file type {path.suffix!r}"
    )


def _walk(directory: str, seen: set[str]) -> Iterator[Found | Problem]:
    real = os.path.realpath(directory)
    if real in seen:
        yield Problem(directory, "unreadable", "unreadable: symbolic link loop")
        return
    seen = seen | {real}
    try:
        with os.scandir(directory) as listing:
            entries = sorted((e for e in listing if not e.name.startswith(".")), key=_name)
    except OSError as exc:
        yield Problem(directory, "unreadable", f"unreadable: {exc.strerror or exc}")
        return
    # Sidecars are found in the listing: no stat per article.
    names = {entry.name for entry in entries}
    for entry in entries:
        if entry.is_dir():
            yield from _walk(entry.path, seen)
        elif entry.is_symlink() and not os.path.exists(entry.path):
            yield _unsupported(Path(entry.path))
        elif entry.name.lower().endswith(ARTICLE_SUFFIXES):
            stem = entry.name.rsplit(".", 1)[0]
            sidecar = f"{stem}.json" if entry.name.lower().endswith(".txt") else None
            found = os.path.join(directory, sidecar) if sidecar in names else ""
            yield Found(entry.path, found)


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def read_txt(
    path: str | Path, *, max_bytes: int, sidecar: str | None = None
) -> RawArticle | Problem:
    """One article from a .txt file and its optional .json sidecar."""
    path = str(path)
    try:
        text = decode(_read_bytes(path, max_bytes=max_bytes))
        meta = _sidecar(sidecar) if sidecar else ArticleMeta()
    except InputRejected as exc:
        return Problem(path, exc.code, exc.reason)
    except OSError as exc:
        return Problem(path, "unreadable", f"unreadable: {exc.strerror or exc}")
    stem = os.path.basename(path).rsplit(".", 1)[0]
    return RawArticle(meta.external_id or stem, text, meta, path)


def _read_bytes(path: str, *, max_bytes: int) -> bytes:
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise InputRejected(
                "too_large",
                f"too large: {size:,} bytes (the limit is {max_bytes:,}; "
                "set EVENTSTORE_MAX_FILE_BYTES to change it)",
            )
        return handle.read()


def decode(data: bytes) -> str:
    """UTF-8 text (BOM allowed) with newlines normalized, or InputRejected saying why not."""
    if b"\0" in data:
        raise InputRejected("binary", "binary: the file contains NUL bytes, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputRejected(
            "not_utf8", f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start:,}"
        ) from None
    text = normalize_newlines(text)
    if not text.strip():
        raise InputRejected("empty", "empty: no text" if not text else "empty: only white space")
    return text


def _sidecar(sidecar: str) -> ArticleMeta:
    name = os.path.basename(sidecar)
    try:
        with open(sidecar, "rb") as handle:
            data = json.loads(handle.read().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputRejected("bad_metadata", f"bad metadata in {name}: {exc}") from None
    return _meta(data, f"bad metadata in {name}")


def _meta(data: Any, what: str) -> ArticleMeta:
    if not isinstance(data, dict):
        raise InputRejected("bad_metadata", f"{what}: expected a JSON object")
    try:
        return ArticleMeta.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise InputRejected("bad_metadata", f"{what}: {field}: {first['msg']}") from None


def read_jsonl(path: Path, *, max_bytes: int) -> Iterator[RawArticle | Problem]:
    """One article per line of a JSONL file; a bad line is one error, the rest still load.

    A record whose id a later line repeats is skipped with a logged warning: the later
    line replaces it. Loading both would not do that on a reload, where each batch is
    checked against the store before the batch ahead of it is written, so the earlier
    record would win every second load.
    """
    try:
        with path.open("rb") as handle:
            records = _records(path, handle, max_bytes)
            last = {r.external_id: r.line for r in records if isinstance(r, RawArticle)}
        handle = path.open("rb")
    except OSError as exc:
        yield Problem(str(path), "unreadable", f"unreadable: {exc.strerror or exc}")
        return
    with handle:
        for item in _records(path, handle, max_bytes):
            if isinstance(item, RawArticle) and last.get(item.external_id, item.line) != item.line:
                log.warning(
                    "%s: skipped: line %s has the same id (%s) and replaces it",
                    item.where,
                    last[item.external_id],
                    item.external_id,
                )
                continue
            yield item


def _records(path: Path, handle: BinaryIO, max_bytes: int) -> Iterator[RawArticle | Problem]:
    """Every line of an open JSONL file: a record, or why it is not one."""
    for number, raw in enumerate(handle, start=1):
        if not raw.strip():
            continue
        try:
            yield _jsonl_record(path, number, raw, max_bytes=max_bytes)
        except InputRejected as exc:
            yield Problem(str(path), exc.code, exc.reason, line=number)


def _jsonl_record(path: Path, number: int, raw: bytes, *, max_bytes: int) -> RawArticle:
    if len(raw) > max_bytes:
        raise InputRejected("too_large", f"too large: line of {len(raw):,} bytes")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputRejected("not_utf8", f"not UTF-8 at byte {exc.start:,} of the line") from None
    except json.JSONDecodeError as exc:
        if exc.pos >= len(raw.rstrip()) - 1:
            raise InputRejected("bad_json", "invalid JSON: the record is cut off") from None
        message = exc.msg.removesuffix(" at")
        raise InputRejected("bad_json", f"invalid JSON: {message} at column {exc.colno}") from None
    if not isinstance(data, dict):
        raise InputRejected("bad_json", "invalid record: expected a JSON object")
    meta = _meta(data, "bad metadata")
    text = _record_text(data)
    external_id = meta.external_id or record_id(path.stem, url=meta.url, text=text)
    return RawArticle(external_id, text, meta, str(path), number)


# Stored ids depend on these rules: changing them renames every JSONL article without
# an external_id (a reload then adds each one again under its new id).
ID_HEX_DIGITS = 16
_DEFAULT_PORTS = {"http": 80, "https": 443}


def record_id(stem: str, *, url: str | None, text: str) -> str:
    """The id of a JSONL record that gives none: from its url, else from its text."""
    key = normal_url(url) if url else text
    return f"{stem}-{hashlib.sha256(key.encode()).hexdigest()[:ID_HEX_DIGITS]}"


def normal_url(url: str) -> str:
    """``url`` with the scheme and host lower-cased, a default port and the fragment
    dropped, and an empty path made ``/``; anything not an absolute URL only stripped."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # an unparseable URL (bad port, bad IPv6 host) is kept as it is
        return url
    if not parts.scheme or not parts.netloc:
        return url
    scheme = parts.scheme.lower()
    userinfo, at, host = parts.netloc.rpartition("@")
    host = host.lower()
    if port is not None and port == _DEFAULT_PORTS.get(scheme):
        host = host.rsplit(":", 1)[0]
    return urlunsplit((scheme, f"{userinfo}{at}{host}", parts.path or "/", parts.query, ""))


def _record_text(data: dict[str, Any]) -> str:
    title, body, text = data.get("title"), data.get("body"), data.get("text")
    if isinstance(text, str) and text.strip():
        return normalize_newlines(text)
    if not isinstance(title, str) or not title.strip():
        raise InputRejected("no_title", "no title: the record has neither 'title' nor 'text'")
    if not isinstance(body, str) or not body.strip():
        raise InputRejected("not_article", "not an article: the record has no 'body'")
    return normalize_newlines(f"{title.strip()}\n{body}")
