"""The limits an input is held to as it is read, before any of it reaches SQL.

PostgreSQL refuses a NUL character in text and a value longer than its VARCHAR column;
SQLite stores both. One set of limits, checked here, makes both databases accept and
reject the same inputs, each with its own reason, and keeps a bad value from costing its
batch a transaction. The lengths are the columns' own (``schema.py``); a url has no
column limit and is held to the 2,048 characters of the sitemaps protocol. Identifiers
and metadata may hold no control character; a text may hold any but NUL.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Column, String

from eventstore.errors import InputRejected
from eventstore.extract import ArticleMeta
from eventstore.normalize import source_key
from eventstore.schema import ArticleRow, IngestionErrorRow, SourceRow, table


def _width(column: Column[Any]) -> int:
    if not isinstance(column.type, String) or not column.type.length:
        raise TypeError(f"{column} has no length")  # a schema change this module missed
    return column.type.length


ARTICLES, SOURCES = table(ArticleRow), table(SourceRow)
EXTERNAL_ID_MAX = _width(ARTICLES.c.external_id)
ERROR_EXTERNAL_ID_MAX = _width(table(IngestionErrorRow).c.external_id)
URL_MAX = 2048
OUTLET_MAX = min(_width(SOURCES.c.name), _width(SOURCES.c.key))
FIELD_LIMITS = {
    "external_id": EXTERNAL_ID_MAX,
    "url": URL_MAX,
    "outlet": OUTLET_MAX,
    "category": _width(ARTICLES.c.category),
    "language": _width(ARTICLES.c.language),
}

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def check_meta(meta: ArticleMeta, what: str) -> None:
    """InputRejected (``bad_metadata``, reason starting with ``what``) when a field of
    ``meta`` holds a control character or is longer than its column."""
    for name, limit in FIELD_LIMITS.items():
        value = getattr(meta, name)
        if value is not None:
            _check_field(name, value, limit, what)
    if meta.outlet and len(key := source_key(meta.outlet)) > OUTLET_MAX:
        raise InputRejected(
            "bad_metadata",
            f"{what}: outlet: its key is {len(key):,} characters, at most {OUTLET_MAX:,}",
        )


def check_external_id(external_id: str, what: str) -> None:
    """InputRejected when an id made from a file name would not be stored alike."""
    _check_field(
        "external_id (from the file name)",
        external_id,
        EXTERNAL_ID_MAX,
        what,
        hint="; give it an external_id",
    )


def check_text(text: str) -> None:
    """InputRejected when ``text`` holds a NUL or an unpaired surrogate (JSON's ``\\u0000``
    and ``\\ud800`` escapes; a decoded file has neither)."""
    if (nul := text.find("\0")) >= 0:
        raise InputRejected(
            "binary", f"binary: the text contains a NUL character at position {nul + 1:,}"
        )
    if found := _SURROGATE.search(text):
        raise InputRejected(
            "not_utf8",
            f"not UTF-8: unpaired surrogate U+{ord(found.group()):04X} "
            f"at position {found.start() + 1:,} of the text",
        )


def _check_field(name: str, value: str, limit: int, what: str, *, hint: str = "") -> None:
    if found := _CONTROL.search(value) or _SURROGATE.search(value):
        kind = "unpaired surrogate" if _SURROGATE.match(found.group()) else "control character"
        problem = f"{kind} U+{ord(found.group()):04X} at position {found.start() + 1:,}"
    elif len(value) > limit:
        problem = f"{len(value):,} characters, at most {limit:,}"
    else:
        return
    raise InputRejected("bad_metadata", f"{what}: {name}: {problem}{hint}")
