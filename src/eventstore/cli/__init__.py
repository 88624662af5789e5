"""The ``eventstore`` command: a thin click client of the library.

Commands parse arguments, call the library and format results: data on stdout (a rich
table on a terminal, JSON or CSV for machines), logs and progress on stderr. Errors
become the exit codes of docs/architecture.md: 1 failure, 2 usage, 65 rejected input, 69 database
unreachable or unreadable, 75 lock held or a database failure that outlasted its retries
(busy, timed out, disk full), 77 permission denied, 78 bad configuration. Every error is
one line on stderr; no traceback reaches a user. A reader that goes away (``| head``)
ends the command quietly with 141, the status of a process that SIGPIPE ended.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

import click
from rich.text import Text

from eventstore import __version__
from eventstore.cli import changes, db, evaluate, export, health, lists, load, read, runs
from eventstore.cli.context import AppContext, err_console
from eventstore.errors import EventstoreError
from eventstore.failures import one_line
from eventstore.logs import LOG_FORMATS
from eventstore.logs import configure as configure_logging
from eventstore.redact import escape_controls, mask_text

log = logging.getLogger("eventstore.cli")
_MAX_ERROR_CHARS = 1000
# 128 + SIGPIPE: what a shell reports for `cat big | head -1`, so `set -o pipefail`
# scripts see the same as with any other cut-short producer.
EX_BROKEN_PIPE = 141


class _Group(click.Group):
    """A click group that turns eventstore errors into their exit codes, and any other
    exception into one line and exit 1: no traceback reaches a user (``-v`` logs it)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()  # a reader gone by now is told here, not at exit
        except BrokenPipeError:
            _discard_stdout()
            ctx.exit(EX_BROKEN_PIPE)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except EventstoreError as exc:
            print_error(str(exc))
            ctx.exit(exc.exit_code)
        except Exception as exc:  # anything else is a bug, still told in one line
            log.info("internal error", exc_info=True)
            reason = one_line(getattr(exc, "orig", None) or exc)  # a driver's, not its SQL
            print_error(f"internal error ({type(exc).__name__}): {reason or 'no message'}")
            ctx.exit(1)


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush of what is still
    buffered does not fail again (and print "Exception ignored ... BrokenPipeError")."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)


def print_error(message: str) -> None:
    """Print ``error: message`` on stderr as one line: no password, no rich markup (a
    ``[red]`` in a message is printed as it is), control characters escaped, at most
    1,000 characters."""
    line = escape_controls(mask_text(message))
    if len(line) > _MAX_ERROR_CHARS:
        line = line[: _MAX_ERROR_CHARS - 3] + "..."
    err_console().print(Text.assemble(("error:", "bold red"), " ", line), highlight=False)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--database-url",
    envvar=None,
    metavar="URL",
    help="Database URL (else EVENTSTORE_DATABASE_URL, DATABASE_URL, sqlite:///eventstore.db).",
)
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for SQL).")
@click.option(
    "--log-format",
    type=click.Choice(LOG_FORMATS),
    default="plain",
    envvar="EVENTSTORE_LOG_FORMAT",
    show_default=True,
    help="Logs on stderr as timestamped text, or one JSON object per line "
    "(else EVENTSTORE_LOG_FORMAT).",
)
@click.version_option(__version__, prog_name="eventstore")
@click.pass_context
def main(ctx: click.Context, database_url: str | None, verbose: int, log_format: str) -> None:
    """Turn news articles into a normalized SQL database of who said what happened when.

    \b
    Example:
        eventstore --database-url postgresql://postgres@127.0.0.1/news db upgrade
        eventstore load seeds/
    """
    configure_logging(verbose, log_format)
    ctx.obj = AppContext(database_url=database_url)
    ctx.call_on_close(ctx.obj.close)


main.add_command(db.db)
main.add_command(load.load)
main.add_command(load.reextract)
main.add_command(runs.runs)
main.add_command(runs.rejects)
main.add_command(evaluate.evaluate)
main.add_command(changes.changes)
main.add_command(health.health)
for _command in (*lists.COMMANDS, *read.COMMANDS, *export.COMMANDS):
    main.add_command(_command)
