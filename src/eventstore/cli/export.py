"""``eventstore export`` (the whole store, streamed) and ``eventstore query`` (named SQL)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import click
from sqlalchemy import Connection, select

from eventstore.cli.context import AppContext, err_console, out_console, pass_app
from eventstore.cli.output import emit, output_options, resolve_format
from eventstore.queries import all_queries, get_query, run_query
from eventstore.schema import Base
from eventstore.timestamps import iso_utc

STREAM_ROWS = 1000
EXPORTED = (
    "sources",
    "experts",
    "articles",
    "claims",
    "claim_mentions",
    "claim_sources",
    "events",
    "event_mentions",
    "event_sources",
    "ingestion_runs",
    "ingestion_errors",
)


def stream_rows(connection: Connection, table: str) -> Iterator[dict[str, Any]]:
    """Every row of ``table`` in id order, fetched in chunks (never all in memory), its
    moments in ISO 8601 UTC with ``Z`` (as every output writes them)."""
    model = Base.metadata.tables[table]
    query = select(model).order_by(model.c.id).execution_options(yield_per=STREAM_ROWS)
    for row in connection.execute(query).mappings():
        yield {
            key: iso_utc(value) if isinstance(value, datetime) else value
            for key, value in row.items()
        }


@contextmanager
def _target(output: Path | None, name: str | None = None) -> Iterator[IO[str]]:
    if output is None:
        yield sys.stdout
        return
    path = output / name if name else output
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        yield handle


@click.command()
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option(
    "--table",
    "tables",
    multiple=True,
    type=click.Choice(EXPORTED),
    help="Export only this table (repeatable; default: all).",
)
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    help="A file (jsonl, or csv of one table) or a directory (csv of several tables).",
)
@pass_app
def export(app: AppContext, fmt: str, tables: tuple[str, ...], output: Path | None) -> None:
    """Export the store, streamed row by row: JSON lines (one object per row, with its
    table) or CSV (one file per table).

    \b
    Example:
        eventstore export --format csv --output dump/
        eventstore export --table events > events.jsonl
    """
    chosen = tables or EXPORTED
    if fmt == "csv" and len(chosen) > 1 and (output is None or output.suffix):
        raise click.UsageError("CSV of several tables needs --output DIRECTORY")
    counts: dict[str, int] = {}
    with app.store().connection() as connection:
        if fmt == "jsonl":
            with _target(output) as handle:
                for table in chosen:
                    counts[table] = _jsonl(connection, table, handle)
        else:
            for table in chosen:
                name = f"{table}.csv" if len(chosen) > 1 or (output and not output.suffix) else None
                with _target(output, name) as handle:
                    counts[table] = _csv(connection, table, handle)
    summary = ", ".join(f"{table} {count}" for table, count in counts.items())
    err_console().print(f"exported: {summary}", highlight=False)


def _jsonl(connection: Connection, table: str, handle: IO[str]) -> int:
    count = 0
    for row in stream_rows(connection, table):
        handle.write(json.dumps({"table": table, **row}, default=str, ensure_ascii=False) + "\n")
        count += 1
    return count


def _csv(connection: Connection, table: str, handle: IO[str]) -> int:
    columns = [column.name for column in Base.metadata.tables[table].columns]
    writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in stream_rows(connection, table):
        writer.writerow(row)
        count += 1
    return count


@click.command()
@click.argument("name", required=False)
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter.")
@click.option("--list", "listing", is_flag=True, help="List the named queries.")
@output_options
@pass_app
def query(
    app: AppContext,
    *,
    name: str | None,
    params: tuple[str, ...],
    listing: bool,
    fmt: str | None,
    as_json: bool,
) -> None:
    """Run a named analyst query from queries/ (see --list), with typed parameters.

    \b
    Example:
        eventstore query --list
        eventstore query corroborated_events --param min_articles=3
    """
    fmt = resolve_format(fmt, as_json)
    if listing or name is None:
        found = all_queries()
        rows = [
            {
                "name": q.name,
                "description": q.description,
                "params": [param.describe() for param in q.params],
            }
            for q in found
        ]
        document = [
            {
                "name": q.name,
                "description": q.description,
                "params": [
                    {"name": p.name, "type": p.type, "default": p.default, "help": p.help}
                    for p in q.params
                ],
            }
            for q in found
        ]
        emit(rows, fmt=fmt, columns=("name", "description", "params"), document=document)
        return
    named = get_query(name)
    given = dict(_pair(param) for param in params)
    with app.store().connection() as connection:
        rows = list(run_query(connection, named, given))
    columns = tuple(rows[0]) if rows else ()
    emit(rows, fmt=fmt, columns=columns, title=named.name)
    if fmt == "table" and not rows:
        out_console().print("(no rows)")


def _pair(param: str) -> tuple[str, str]:
    key, separator, value = param.partition("=")
    if not separator or not key:
        raise click.BadParameter(f"expected KEY=VALUE, got {param!r}", param_hint="--param")
    return key.strip(), value


COMMANDS = (export, query)
