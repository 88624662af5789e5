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

Only regular files are read, never more than the size limit (``files.py``), and every
value is held to the limits of ``limits.py`` before it goes further, so a bad input is
rejected here, alike on SQLite and PostgreSQL, and costs only itself.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit, urlunsplit

from pydantic import ValidationError

from eventstore.errors import InputRejected
from eventstore.extract import ArticleMeta
from eventstore.extract.text import normalize_newlines
from eventstore.load.files import (
    bounded_lines,
    discover,
    open_regular,
    read_regular,
    stem,
)
from eventstore.load.limits import check_external_id, check_meta, check_text
from eventstore.load.problems import Problem
from eventstore.redact import escape_controls

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


def read_inputs(
    paths: Iterable[Path], *, max_bytes: int, skipped: Counter[str] | None = None
) -> Iterator[RawArticle | Problem]:
    """Every article under ``paths`` (files, or directories walked recursively), in order.
    ``skipped`` counts, by reason, the directory entries that are not inputs."""
    for item in discover(paths, skipped):
        if isinstance(item, Problem):
            yield item
        elif item.path.lower().endswith(".jsonl"):
            yield from read_jsonl(Path(item.path), max_bytes=max_bytes)
        else:
            yield read_txt(item.path, max_bytes=max_bytes, sidecar=item.sidecar)


def read_txt(
    path: str | Path, *, max_bytes: int, sidecar: str | None = None
) -> RawArticle | Problem:
    """One article from a .txt file and its optional .json sidecar."""
    path = str(path)
    try:
        text = decode(read_regular(path, max_bytes=max_bytes))
        meta = _sidecar(sidecar, max_bytes=max_bytes) if sidecar else ArticleMeta()
        external_id = meta.external_id or stem(os.path.basename(path))
        if not meta.external_id:
            check_external_id(external_id, "bad metadata")
    except InputRejected as exc:
        return Problem(path, exc.code, exc.reason)
    except OSError as exc:
        return Problem(path, "unreadable", f"unreadable: {exc.strerror or exc}")
    return RawArticle(external_id, text, meta, path)


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


def _sidecar(sidecar: str, *, max_bytes: int) -> ArticleMeta:
    name = os.path.basename(sidecar)
    try:
        data = _json(read_regular(sidecar, max_bytes=max_bytes, name=name).decode("utf-8-sig"))
    except OSError as exc:
        raise InputRejected("unreadable", f"unreadable: {name}: {exc.strerror or exc}") from None
    except ValueError as exc:  # not UTF-8, not JSON, or JSON Python will not take
        raise InputRejected("bad_metadata", f"bad metadata in {name}: {exc}") from None
    return _meta(data, f"bad metadata in {name}")


class _TooComplex(ValueError):
    """JSON that is well formed but that Python will not parse."""


def _json(text: str) -> Any:
    """``json.loads(text)``; JSON nested too deeply or with too long a number is a
    _TooComplex, not a RecursionError or a bare ValueError that would stop the load."""
    try:
        return json.loads(text)
    except RecursionError:
        raise _TooComplex("nested too deeply") from None
    except json.JSONDecodeError:
        raise
    except ValueError:  # sys.int_info's limit on the digits of an int
        digits = sys.get_int_max_str_digits()
        raise _TooComplex(f"a number of more than {digits:,} digits") from None


def _meta(data: Any, what: str) -> ArticleMeta:
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


def read_jsonl(path: Path, *, max_bytes: int) -> Iterator[RawArticle | Problem]:
    """One article per line of a JSONL file; a bad line is one error, the rest still load.

    A record whose id a later line repeats is skipped with a logged warning: the later
    line replaces it. Loading both would not do that on a reload, where each batch is
    checked against the store before the batch ahead of it is written, so the earlier
    record would win every second load.
    """
    try:
        with open_regular(str(path)) as handle:
            records = _records(path, handle, max_bytes)
            last = {r.external_id: r.line for r in records if isinstance(r, RawArticle)}
        handle = open_regular(str(path))
    except InputRejected as exc:
        yield Problem(str(path), exc.code, exc.reason)
        return
    except OSError as exc:
        yield Problem(str(path), "unreadable", f"unreadable: {exc.strerror or exc}")
        return
    with handle:
        for item in _records(path, handle, max_bytes):
            if isinstance(item, RawArticle) and last.get(item.external_id, item.line) != item.line:
                log.warning(
                    "%s: skipped: line %s has the same id (%s) and replaces it",
                    escape_controls(item.where),
                    last[item.external_id],
                    item.external_id,
                )
                continue
            yield item


def _records(path: Path, handle: BinaryIO, max_bytes: int) -> Iterator[RawArticle | Problem]:
    """Every line of an open JSONL file: a record, or why it is not one."""
    for number, raw in bounded_lines(handle, max_bytes):
        if isinstance(raw, int):
            reason = f"too large: line of {raw:,} bytes"
            yield Problem(str(path), "too_large", reason, line=number)
        elif raw.strip():
            try:
                yield _jsonl_record(path, number, raw)
            except InputRejected as exc:
                yield Problem(str(path), exc.code, exc.reason, line=number)


def _jsonl_record(path: Path, number: int, raw: bytes) -> RawArticle:
    try:
        data = _json(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputRejected("not_utf8", f"not UTF-8 at byte {exc.start:,} of the line") from None
    except json.JSONDecodeError as exc:
        if exc.pos >= len(raw.rstrip()) - 1:
            raise InputRejected("bad_json", "invalid JSON: the record is cut off") from None
        message = exc.msg.removesuffix(" at")
        raise InputRejected("bad_json", f"invalid JSON: {message} at column {exc.colno}") from None
    except _TooComplex as exc:
        raise InputRejected("bad_json", f"invalid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise InputRejected("bad_json", "invalid record: expected a JSON object")
    meta = _meta(data, "bad metadata")
    text = _record_text(data)
    check_text(text)
    external_id = meta.external_id or record_id(path.stem, url=meta.url, text=text)
    if not meta.external_id:
        check_external_id(external_id, "bad metadata")
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
