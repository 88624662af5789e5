"""How commands print results: a rich table on a terminal, JSON, JSON lines or CSV.

Every command that prints data takes the same ``--json`` / ``--format`` options (the
``output_options`` decorator) and hands its rows to ``emit``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import click
from rich.table import Table

from eventstore.cli.context import out_console

FORMATS = ("table", "json", "jsonl", "csv")
F = TypeVar("F", bound=Callable[..., Any])


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
        payload = document if document is not None else list(rows)
        click.echo(json.dumps(payload, default=str, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, default=str, ensure_ascii=False))
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


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple | set):
        return "; ".join(str(item) for item in value)
    return str(value)
