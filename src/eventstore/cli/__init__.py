"""The ``eventstore`` command: a thin click client of the library.

Commands parse arguments, call the library and format results: data on stdout (a rich
table on a terminal, JSON or CSV for machines), logs and progress on stderr. Errors
become the exit codes of DESIGN.md: 1 failure, 2 usage, 65 rejected input, 69 database
unreachable, 75 lock held, 78 bad configuration.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

import click

from eventstore import __version__
from eventstore.cli import changes, db, evaluate, export, health, load, read
from eventstore.cli.context import AppContext, err_console
from eventstore.errors import EventstoreError
from eventstore.redact import mask_text


class _Group(click.Group):
    """A click group that turns eventstore errors into their exit codes."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except EventstoreError as exc:
            err_console().print(f"[bold red]error:[/] {mask_text(str(exc))}", highlight=False)
            ctx.exit(exc.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--database-url",
    envvar=None,
    metavar="URL",
    help="Database URL (else EVENTSTORE_DATABASE_URL, DATABASE_URL, sqlite:///eventstore.db).",
)
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for SQL).")
@click.version_option(__version__, prog_name="eventstore")
@click.pass_context
def main(ctx: click.Context, database_url: str | None, verbose: int) -> None:
    """Turn news articles into a normalized SQL database of who said what happened when.

    \b
    Example:
        eventstore --database-url postgresql://postgres@127.0.0.1/news db upgrade
        eventstore load seeds/
    """
    _configure_logging(verbose)
    ctx.obj = AppContext(database_url=database_url)
    ctx.call_on_close(ctx.obj.close)


def _configure_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_MaskPasswords())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("sqlalchemy.engine").setLevel(
        logging.INFO if verbose > 1 else logging.WARNING
    )


class _MaskPasswords(logging.Filter):
    """Rewrite every log record so no password reaches stderr."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_text(record.getMessage())
        record.args = None
        return True


main.add_command(db.db)
main.add_command(load.load)
main.add_command(load.reextract)
main.add_command(load.runs)
main.add_command(evaluate.evaluate)
main.add_command(changes.changes)
main.add_command(health.health)
for _command in (*read.COMMANDS, *export.COMMANDS):
    main.add_command(_command)
