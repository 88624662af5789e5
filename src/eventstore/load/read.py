"""Reading input: files and directories in, raw articles (or one-line reasons) out.

``.txt`` is one article, title on the first line, with an optional ``<stem>.json``
sidecar of metadata; ``.jsonl`` is one article per line. Text is decoded as UTF-8 (a BOM
is allowed) with CRLF and CR made LF, and nothing else changed. Nothing is parsed here.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from eventstore.errors import InputRejected
from eventstore.extract import ArticleMeta
from eventstore.extract.text import normalize_newlines
from eventstore.load.problems import Problem

ARTICLE_SUFFIXES = (".txt", ".jsonl")


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
        elif item.suffix.lower() == ".jsonl":
            yield from read_jsonl(item, max_bytes=max_bytes)
        else:
            yield read_txt(item, max_bytes=max_bytes)


def discover(paths: Iterable[Path]) -> Iterator[Path | Problem]:
    """Article files named by ``paths``; directories are walked (links followed, loops cut)."""
    for path in paths:
        if path.is_dir():
            yield from _walk(path, set())
        elif path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES:
            yield path
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


def _walk(directory: Path, seen: set[str]) -> Iterator[Path | Problem]:
    real = os.path.realpath(directory)
    if real in seen:
        yield Problem(str(directory), "unreadable", "unreadable: symbolic link loop")
        return
    seen = seen | {real}
    try:
        entries = sorted(directory.iterdir())
    except OSError as exc:
        yield Problem(str(directory), "unreadable", f"unreadable: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, seen)
        elif entry.is_symlink() and not entry.exists():
            yield _unsupported(entry)
        elif entry.suffix.lower() in ARTICLE_SUFFIXES:
            yield entry


def read_txt(path: Path, *, max_bytes: int) -> RawArticle | Problem:
    """One article from a .txt file and its optional .json sidecar."""
    try:
        text = decode(_read_bytes(path, max_bytes=max_bytes))
        meta = _sidecar(path)
    except InputRejected as exc:
        return Problem(str(path), exc.code, exc.reason)
    except OSError as exc:
        return Problem(str(path), "unreadable", f"unreadable: {exc.strerror or exc}")
    return RawArticle(meta.external_id or path.stem, text, meta, str(path))


def _read_bytes(path: Path, *, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise InputRejected(
            "too_large",
            f"too large: {size:,} bytes (the limit is {max_bytes:,}; "
            "set EVENTSTORE_MAX_FILE_BYTES to change it)",
        )
    return path.read_bytes()


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


def _sidecar(path: Path) -> ArticleMeta:
    sidecar = path.with_suffix(".json")
    if not sidecar.is_file():
        return ArticleMeta()
    try:
        data = json.loads(sidecar.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputRejected("bad_metadata", f"bad metadata in {sidecar.name}: {exc}") from None
    return _meta(data, f"bad metadata in {sidecar.name}")


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
    """One article per line of a JSONL file; a bad line is one error, the rest still load."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Problem(str(path), "unreadable", f"unreadable: {exc.strerror or exc}")
        return
    with handle:
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
    return RawArticle(meta.external_id or f"{path.stem}-{number}", text, meta, str(path), number)


def _record_text(data: dict[str, Any]) -> str:
    title, body, text = data.get("title"), data.get("body"), data.get("text")
    if isinstance(text, str) and text.strip():
        return normalize_newlines(text)
    if not isinstance(title, str) or not title.strip():
        raise InputRejected("no_title", "no title: the record has neither 'title' nor 'text'")
    if not isinstance(body, str) or not body.strip():
        raise InputRejected("not_article", "not an article: the record has no 'body'")
    return normalize_newlines(f"{title.strip()}\n{body}")
