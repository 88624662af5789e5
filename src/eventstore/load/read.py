"""Reading an article file: a ``.txt`` and its sidecar in, a raw article (or a one-line
reason) out; the pieces JSONL reading shares (``jsonl.py``).

``.txt`` is one article, title on the first line, with an optional ``<stem>.json``
sidecar of metadata. Text is decoded as UTF-8 (a BOM is allowed) with CRLF and CR made
LF, and nothing else changed. Nothing is parsed here. An article's ``external_id`` is
its metadata's, else the ``.txt`` file's stem.

Only regular files are read, never more than the size limit (``files.py``), and every
value is held to the limits of ``limits.py`` before it goes further, so a bad input is
rejected here, alike on SQLite and PostgreSQL, and costs only itself. A rejected input
carries the fingerprint of what was read (``Fingerprint``), so that a later load can
tell it unchanged (``rejects.py``).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from eventstore.errors import InputRejected
from eventstore.extract import ArticleMeta
from eventstore.extract.text import normalize_newlines
from eventstore.load.files import read_regular, stem
from eventstore.load.limits import check_external_id, check_meta
from eventstore.load.problems import Fingerprint, Problem


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


def read_txt(
    path: str | Path, *, max_bytes: int, sidecar: str | None = None
) -> RawArticle | Problem:
    """One article from a .txt file and its optional .json sidecar."""
    path = str(path)
    files, read = [path, *([sidecar] if sidecar else [])], []
    try:
        read.append(read_regular(path, max_bytes=max_bytes))
        text = decode(read[0])
        meta = ArticleMeta()
        if sidecar:
            read.append(_read_sidecar(sidecar, max_bytes=max_bytes))
            meta = _sidecar(read[1], os.path.basename(sidecar))
        external_id = meta.external_id or stem(os.path.basename(path))
        if not meta.external_id:
            check_external_id(external_id, "bad metadata")
    except InputRejected as exc:
        return Problem(path, exc.code, exc.reason, fingerprint=_seen(files, read))
    except OSError as exc:
        reason = f"unreadable: {exc.strerror or exc}"
        return Problem(path, "unreadable", reason, fingerprint=_seen(files, read))
    return RawArticle(external_id, text, meta, path)


def _seen(files: list[str], read: list[bytes]) -> Fingerprint | None:
    """The fingerprint of a rejected article file and its sidecar: of the bytes read, and
    of type, size and time of the files that could not be."""
    parts, size = list(read), sum(len(data) for data in read)
    for name in files[len(read) :]:
        found = Fingerprint.of_file(name)
        if found is None:
            return None
        parts.append(found.digest.encode())
        size += found.size
    return Fingerprint(size, Fingerprint.of(*parts).digest)


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


def _read_sidecar(sidecar: str, *, max_bytes: int) -> bytes:
    name = os.path.basename(sidecar)
    try:
        return read_regular(sidecar, max_bytes=max_bytes, name=name)
    except OSError as exc:
        raise InputRejected("unreadable", f"unreadable: {name}: {exc.strerror or exc}") from None


def _sidecar(data: bytes, name: str) -> ArticleMeta:
    try:
        parsed = parse_json(data.decode("utf-8-sig"))
    except ValueError as exc:  # not UTF-8, not JSON, or JSON Python will not take
        raise InputRejected("bad_metadata", f"bad metadata in {name}: {exc}") from None
    return metadata(parsed, f"bad metadata in {name}")


class TooComplex(ValueError):
    """JSON that is well formed but that Python will not parse."""


def parse_json(text: str) -> Any:
    """``json.loads(text)``; JSON nested too deeply or with too long a number is a
    TooComplex, not a RecursionError or a bare ValueError that would stop the load."""
    try:
        return json.loads(text)
    except RecursionError:
        raise TooComplex("nested too deeply") from None
    except json.JSONDecodeError:
        raise
    except ValueError:  # sys.int_info's limit on the digits of an int
        digits = sys.get_int_max_str_digits()
        raise TooComplex(f"a number of more than {digits:,} digits") from None


def metadata(data: Any, what: str) -> ArticleMeta:
    if not isinstance(data, dict):
        raise InputRejected("bad_metadata", f"{what}: expected a JSON object")
    try:
        meta = ArticleMeta.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        message = "unpaired surrogate" if first["type"] == "string_unicode" else first["msg"]
        raise InputRejected("bad_metadata", f"{what}: {field}: {message}") from None
    check_meta(meta, what)
    return meta
