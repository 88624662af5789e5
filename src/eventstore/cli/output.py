"""How commands print results: a rich table on a terminal, JSON, JSON lines or CSV.

Every command that prints data takes the same ``--json`` / ``--format`` options (the
``output_options`` decorator) and hands its rows to ``emit``. Stored text (a file name,
an article's body) may hold control characters: a table or CSV cell shows them escaped
(``\x1b``; a newline or tab stays), JSON escapes every one (its strings stay the same).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import click
from rich.table import Table

from eventstore.cli.context import out_console
from eventstore.redact import escape_controls

FORMATS = ("table", "json", "jsonl", "csv")
F = TypeVar("F", bound=Callable[..., Any])
# What json.dumps(ensure_ascii=False) leaves raw that a terminal acts on: DEL, C1
# controls (U+009B is CSI), line separators, bidirectional controls, lone surrogates.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
_CELL_KEEPS = "\n\t"


def output_options(command: F) -> F:
    """Add ``--json`` and ``--format`` to a command (as ``fmt``)."""
    command = click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default=None,
        help="Output format (default: a table).",
    )(command)
    return click.option("--json", "as_json", is_flag=True, help="Same as --format json.")(command)


def resolve_format(fmt: str | None, as_json: bool) -> str:
    """The format asked for: --json wins, then --format, else a table."""
    return "json" if as_json else (fmt or "table")


def emit(
    rows: Iterable[dict[str, Any]],
    *,
    fmt: str,
    columns: Sequence[str],
    title: str | None = None,
    document: Any = None,
) -> None:
    """Print ``rows`` in ``fmt``. For json, ``document`` (if given) is printed instead."""
    if fmt == "json":
        print_json(document if document is not None else list(rows))
    elif fmt == "jsonl":
        for row in rows:
            click.echo(_json(row))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: _cell(row.get(key)) for key in columns})
    else:
        table = Table(title=title, show_lines=False, header_style="bold")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(row.get(column)) for column in columns))
        out_console().print(table)


def print_json(value: Any) -> None:
    """Print ``value`` as one indented JSON document (what ``--json`` prints)."""
    click.echo(_json(value, indent=2))


def _json(value: Any, *, indent: int | None = None) -> str:
    text = json.dumps(value, default=str, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple | set):
        return escape_controls("; ".join(str(item) for item in value), keep=_CELL_KEEPS)
    return escape_controls(str(value), keep=_CELL_KEEPS)
