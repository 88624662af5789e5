"""Named analyst queries: ``queries/*.sql`` files with a header that declares parameters.

A query file starts with comment lines::

    -- Events reported by at least N distinct articles, most corroborated first.
    -- param: min_articles int = 2   how many articles must report the event
    SELECT ... WHERE article_count >= :min_articles

The first comment line is the description; each ``param:`` line gives a name, a type
(int, text, date or pattern), an optional default and the parameter's help. A
``pattern`` is a text the query matches with LIKE: a value without ``%`` matches
anywhere (``Katkov`` is ``%Katkov%``), one with ``%`` is used as it is. Values are bound
as parameters, never pasted into the SQL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Date, Integer, String, bindparam, text
from sqlalchemy.types import TypeEngine

from eventstore import packaged
from eventstore.errors import NotFound, UsageError
from eventstore.repositories._inputs import check_text, fits_int64, shown

_PARAM = re.compile(
    r"^--\s*param:\s*(?P<name>[a-z_][a-z0-9_]*)\s+(?P<type>int|text|date|pattern)"
    r"(?:\s*=\s*(?P<default>\S+))?\s*(?P<help>.*)$"
)
_SQL_TYPES: dict[str, TypeEngine[Any]] = {
    "int": Integer(),
    "text": String(),
    "pattern": String(),
    "date": Date(),
}
_CONVERT: dict[str, Callable[[str], Any]] = {
    "int": int,
    "text": str,
    "date": date.fromisoformat,
}


@dataclass(frozen=True)
class Param:
    """One declared parameter of a query."""

    name: str
    type: str
    default: str | None
    help: str

    def describe(self) -> str:
        """The parameter as ``query --list`` shows it: ``name (type = default): help``."""
        default = f" = {self.default}" if self.default else ""
        return f"{self.name} ({self.type}{default}){': ' + self.help if self.help else ''}"


@dataclass(frozen=True)
class NamedQuery:
    """A query file: its name, description, parameters and SQL."""

    name: str
    description: str
    params: tuple[Param, ...]
    sql: str

    def bind(self, given: Mapping[str, str]) -> dict[str, Any]:
        """Typed parameter values from strings, defaults filled in; UsageError
        for unknown, missing or malformed ones, and for values either database would
        refuse: an int beyond 64 bits, a text over 1,000 characters (SQLite refuses a
        LIKE pattern over 50,000 bytes), a negative LIMIT or OFFSET (PostgreSQL refuses
        it, SQLite reads it as no limit)."""
        declared = {param.name: param for param in self.params}
        unknown = sorted(set(given) - set(declared))
        if unknown:
            raise UsageError(f"{self.name}: unknown parameter(s) {', '.join(unknown)}")
        values: dict[str, Any] = {}
        for param in self.params:
            raw = given.get(param.name, param.default)
            if raw is None:
                raise UsageError(f"{self.name}: missing --param {param.name}=...")
            values[param.name] = self._value(param, raw)
        return values

    def _value(self, param: Param, raw: str) -> Any:
        where = f"{self.name}: {param.name}"
        if param.type == "text":
            return check_text(raw, where)
        if param.type == "pattern":
            value = check_text(raw, where)
            return value if "%" in value else f"%{value}%"
        try:
            value = _CONVERT[param.type](raw)
        except ValueError:
            raise UsageError(f"{where} must be a {param.type}, not {shown(raw)}") from None
        if param.type != "int":
            return value
        if not fits_int64(value):
            raise UsageError(f"{where} must be a 64-bit integer, not {shown(raw)}")
        if value < 0 and re.search(rf"\b(?:LIMIT|OFFSET)\s+:{param.name}\b", self.sql, re.I):
            raise UsageError(f"{where} must be 0 or more, not {value}")
        return value


def queries_dir() -> Path:
    """Where the named queries live: inside the installed package, or ./queries in a
    source checkout (eventstore.packaged)."""
    return packaged.folder("queries")


def parse(name: str, source: str) -> NamedQuery:
    """A NamedQuery from the text of its file."""
    description = ""
    params: list[Param] = []
    body: list[str] = []
    for line in source.splitlines():
        stripped = line.strip()
        match = _PARAM.match(stripped)
        if match:
            params.append(Param(match["name"], match["type"], match["default"], match["help"]))
        elif stripped.startswith("--") and not body:
            description = description or stripped.lstrip("- ").strip()
        else:
            body.append(line)
    return NamedQuery(name, description, tuple(params), "\n".join(body).strip().rstrip(";"))


def all_queries(folder: Path | None = None) -> list[NamedQuery]:
    """Every named query, by name."""
    folder = folder or queries_dir()
    return [
        parse(path.stem, path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.sql"))
    ]


def get_query(name: str, folder: Path | None = None) -> NamedQuery:
    """The query called ``name``, or NotFound listing the ones there are."""
    found = {query.name: query for query in all_queries(folder)}
    if name not in found:
        raise NotFound(f"no query named {name!r}; there are: {', '.join(sorted(found))}")
    return found[name]


def run_query(
    connection: Connection, query: NamedQuery, given: Mapping[str, str]
) -> Iterator[dict[str, Any]]:
    """Run ``query`` with ``given`` parameters; yield rows as dicts."""
    # Typed bind parameters: dates reach each driver as dates, not as strings.
    types = {param.name: _SQL_TYPES[param.type] for param in query.params}
    statement = text(query.sql).bindparams(*(bindparam(n, type_=t) for n, t in types.items()))
    result = connection.execute(statement, query.bind(given))
    for row in result.mappings():
        yield dict(row)
