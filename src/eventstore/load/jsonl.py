"""Reading JSONL: one article per line, from a ``.jsonl`` file or standard input.

A bad line is one error; the other lines load. A record without an ``external_id`` gets
an id from what it says, never from its line number, so adding or removing lines leaves
the other records' ids alone: ``<stem>-<16 hex>``, the first 16 hex digits of the
SHA-256 of its ``url`` (normalized, see ``normal_url``) or, without a url, of its text
as stored (title, newline, body). To update a record in place give it an
``external_id`` or a ``url``; without both, an edited record is a new article and the
old one stays. Two records of one file with the same id: the later replaces the earlier.
Standard input (the path ``-``) is read as a file named ``<stdin>`` (ids ``stdin-...``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit, urlunsplit

from eventstore.errors import InputRejected
from eventstore.extract.text import normalize_newlines
from eventstore.load.files import READ_CHUNK, STDIN_NAME, bounded_lines, open_regular
from eventstore.load.limits import check_external_id, check_text
from eventstore.load.problems import Fingerprint, Problem
from eventstore.load.read import RawArticle, TooComplex, metadata, parse_json
from eventstore.redact import escape_controls

log = logging.getLogger(__name__)


def read_jsonl(path: Path, *, max_bytes: int) -> Iterator[RawArticle | Problem]:
    """One article per line of a JSONL file; a bad line is one error, the rest still load.

    A record whose id a later line repeats is skipped with a logged warning: the later
    line replaces it. Loading both would not do that on a reload, where each batch is
    checked against the store before the batch ahead of it is written, so the earlier
    record would win every second load.
    """
    yield from _read_lines(str(path), path.stem, lambda: open_regular(str(path)), max_bytes)


def read_stdin(stream: BinaryIO, *, max_bytes: int) -> Iterator[RawArticle | Problem]:
    """JSONL from ``stream`` (standard input), as ``read_jsonl`` reads a file named
    ``<stdin>``: it is first copied to an unnamed temporary file, read twice."""
    with tempfile.TemporaryFile() as spool:
        shutil.copyfileobj(stream, spool, READ_CHUNK)

        def reopen() -> BinaryIO:
            spool.seek(0)
            return os.fdopen(os.dup(spool.fileno()), "rb")

        yield from _read_lines(STDIN_NAME, "stdin", reopen, max_bytes)


def _read_lines(
    name: str, id_stem: str, reopen: Callable[[], BinaryIO], max_bytes: int
) -> Iterator[RawArticle | Problem]:
    try:
        with reopen() as handle:
            records = _records(name, id_stem, handle, max_bytes)
            last = {r.external_id: r.line for r in records if isinstance(r, RawArticle)}
        handle = reopen()
    except InputRejected as exc:
        yield Problem(name, exc.code, exc.reason, fingerprint=Fingerprint.of_file(name))
        return
    except OSError as exc:
        reason = f"unreadable: {exc.strerror or exc}"
        yield Problem(name, "unreadable", reason, fingerprint=Fingerprint.of_file(name))
        return
    with handle:
        for item in _records(name, id_stem, handle, max_bytes):
            if isinstance(item, RawArticle) and last.get(item.external_id, item.line) != item.line:
                log.warning(
                    "%s: skipped: line %s has the same id (%s) and replaces it",
                    escape_controls(item.where),
                    last[item.external_id],
                    item.external_id,
                )
                continue
            yield item


def _records(
    name: str, id_stem: str, handle: BinaryIO, max_bytes: int
) -> Iterator[RawArticle | Problem]:
    """Every line of an open JSONL file: a record, or why it is not one."""
    for number, raw in bounded_lines(handle, max_bytes):
        if isinstance(raw, Fingerprint):
            reason = f"too large: line of {raw.size:,} bytes"
            yield Problem(name, "too_large", reason, line=number, fingerprint=raw)
        elif raw.strip():
            try:
                yield _jsonl_record(name, id_stem, number, raw)
            except InputRejected as exc:
                seen = Fingerprint.of(raw)
                yield Problem(name, exc.code, exc.reason, line=number, fingerprint=seen)


def _jsonl_record(name: str, id_stem: str, number: int, raw: bytes) -> RawArticle:
    try:
        data = parse_json(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputRejected("not_utf8", f"not UTF-8 at byte {exc.start:,} of the line") from None
    except json.JSONDecodeError as exc:
        if exc.pos >= len(raw.rstrip()) - 1:
            raise InputRejected("bad_json", "invalid JSON: the record is cut off") from None
        message = exc.msg.removesuffix(" at")
        raise InputRejected("bad_json", f"invalid JSON: {message} at column {exc.colno}") from None
    except TooComplex as exc:
        raise InputRejected("bad_json", f"invalid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise InputRejected("bad_json", "invalid record: expected a JSON object")
    meta = metadata(data, "bad metadata")
    text = _record_text(data)
    check_text(text)
    external_id = meta.external_id or record_id(id_stem, url=meta.url, text=text)
    if not meta.external_id:
        check_external_id(external_id, "bad metadata")
    return RawArticle(external_id, text, meta, name, number)


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
