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
