"""How commands print results: a rich table on a terminal, JSON, JSON lines or CSV.

Every command that prints data takes the same ``--json`` / ``--format`` options (the
``output_options`` decorator) and hands its rows to ``emit``. Objects (claims, events,
runs, ...) go through ``print_models`` or ``print_page``: one row stream, the model's
field names in every format (a table shows some of them), lists '; '-joined in a
CSV or table cell, moments in ISO 8601 UTC with ``Z``. Stored text (a file name,
an article's body) may hold control characters: a table or CSV cell shows them escaped
(``\x1b``; a newline or tab stays), JSON escapes every one (its strings stay the same).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any, TypeVar

import click
from rich.table import Table

from eventstore.cli.context import err_console, out_console
from eventstore.models import Model, Page
from eventstore.redact import escape_controls
from eventstore.timestamps import iso_utc

FORMATS = ("table", "json", "jsonl", "csv")
F = TypeVar("F", bound=Callable[..., Any])
# What json.dumps(ensure_ascii=False) leaves raw that a terminal acts on: DEL, C1
# controls (U+009B is CSI), line separators, bidirectional controls, lone surrogates.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
_CELL_KEEPS = "\n\t"
_MOMENT_WIDTH = len("2026-12-01T05:25:46Z")
# Table headers a terminal reader knows at a glance, for the fields with long names.
_TABLE_LABELS = {
    "date_label": "date",
    "date_qualifier": "qualifier",
    "expert_name": "expert",
    "expert_affiliation": "affiliation",
    "source_names": "sources",
    "article_count": "articles",
    "mention_count": "mentions",
    "claim_count": "claims",
    "event_count": "events",
    "featured_count": "featured",
    "citing_article_count": "cited in",
}
_FRACTION = re.compile(r"(?<=T\d\d:\d\d:\d\d)\.\d+Z$")


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


_LIMIT_HELP = "At most this many rows (the cursor of the next page follows them)."
_AFTER_HELP = "Continue after this cursor (the next_after of the previous page)."


def limit_option(default: int) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--limit`` with ``default``, the same range and help on every list command."""
    return click.option(
        "--limit",
        type=click.IntRange(1, 100_000),
        default=default,
        show_default=True,
        help=_LIMIT_HELP,
    )


after_option = click.option("--after", metavar="CURSOR", help=_AFTER_HELP)


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
        for position, column in enumerate(columns):
            width = _MOMENT_WIDTH if column.endswith("_at") else None  # one line for it
            table.add_column(_label(column, position), overflow="fold", min_width=width)
        for row in rows:
            table.add_row(*(_cell(row.get(column)) for column in columns))
        out_console().print(table)


def _label(column: str, position: int) -> str:
    """A table's header for a field: short, for a reader at a terminal (the field's own
    name is what JSON, JSONL, CSV and the views say). A leading ``<object>_id`` is "id"."""
    if position == 0 and column.endswith("_id"):
        return "id"
    return _TABLE_LABELS.get(column, column.replace("_", " "))


def print_json(value: Any) -> None:
    """Print ``value`` as one indented JSON document (what ``--json`` prints)."""
    click.echo(_json(value, indent=2))


Cells = Callable[[dict[str, Any]], dict[str, Any]]


def dump(model: Model) -> dict[str, Any]:
    """A model as JSON values (what --json prints for it)."""
    return model.model_dump(mode="json")


def print_models(
    models: Sequence[Model],
    fmt: str,
    shown: Sequence[str],
    *,
    model: type[Model],
    document: Any = None,
    cells: Cells | None = None,
    title: str | None = None,
) -> None:
    """Models in ``fmt``: JSON (``document``, else a list), JSON lines, CSV (every field,
    its header the field names) or a table of the fields ``shown``. ``cells`` turns a
    nested value into what a CSV or table cell shows (the field keeps its name). The CSV
    header is ``model``'s fields (those of the models given, when a subclass adds some)."""
    items = [dump(item) for item in models]
    fields = tuple(type(models[0]).model_fields if models else model.model_fields)
    rows = [cells(item) for item in items] if cells and fmt in ("csv", "table") else items
    if fmt == "table":  # a moment to the second is what a reader of a table wants
        rows = [{key: _to_second(value) for key, value in row.items()} for row in rows]
    columns = shown if fmt == "table" else fields
    emit(
        rows,
        fmt=fmt,
        columns=columns,
        title=title,
        document=items if document is None else document,
    )


def print_page(
    page: Page[Any],
    fmt: str,
    shown: Sequence[str],
    *,
    model: type[Model],
    cells: Cells | None = None,
    title: str | None = None,
) -> None:
    """One page of a list command. JSON is ``{"items": [...], "next_after": cursor}``
    (null on the last page); other formats say the cursor on stderr (``more: --after``)."""
    document = {"items": [dump(item) for item in page.items], "next_after": page.next_after}
    print_models(page.items, fmt, shown, model=model, document=document, cells=cells, title=title)
    if page.next_after and fmt != "json":
        err_console().print(f"more: --after {page.next_after}", highlight=False, markup=False)


def _json(value: Any, *, indent: int | None = None) -> str:
    text = json.dumps(value, default=_json_default, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def _to_second(value: Any) -> Any:
    return _FRACTION.sub("Z", value) if isinstance(value, str) else value


def _json_default(value: Any) -> str:
    return iso_utc(value) if isinstance(value, datetime) else str(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, dict):  # counts by reason, a run's timings: JSON in a cell
        return escape_controls(_json(value), keep=_CELL_KEEPS)
    if isinstance(value, list | tuple | set):
        return escape_controls("; ".join(str(item) for item in value), keep=_CELL_KEEPS)
    return escape_controls(str(value), keep=_CELL_KEEPS)
