"""``eventstore db``: migrate, inspect and check the schema."""

from __future__ import annotations

import sys

import click

from eventstore import migrations
from eventstore.access import grant_readonly
from eventstore.cli.context import AppContext, err_console, out_console, pass_app
from eventstore.cli.output import print_json
from eventstore.config import libpq_url
from eventstore.db import translate_db_errors
from eventstore.errors import DatabaseUnavailable, UsageError
from eventstore.redact import escape_controls
from eventstore.verify import verify as run_verify


@click.group()
def db() -> None:
    """Manage the database schema (Alembic migrations).

    \b
    Example:
        eventstore db upgrade
        eventstore db check
    """


@db.command()
@click.argument("revision", default="head")
@pass_app
def upgrade(app: AppContext, revision: str) -> None:
    """Migrate the database up to REVISION (default: head).

    \b
    Example:
        eventstore db upgrade
    """
    before = migrations.current_revision(app.settings.url)
    migrations.upgrade(app.settings.url, revision)
    after = migrations.current_revision(app.settings.url)
    if after == before:
        head = " (head)" if after == migrations.head_revision() else ""
        message = f"{app.masked_url}: already at {after}{head}, nothing to do"
    else:
        message = f"{app.masked_url}: upgraded from {before or 'empty'} to {after}"
    err_console().print(message, highlight=False, markup=False)


@db.command()
@click.argument("revision")
@click.option("--yes", is_flag=True, help="Do not ask (needed when there is no terminal).")
@pass_app
def downgrade(app: AppContext, revision: str, yes: bool) -> None:
    """Migrate the database down to REVISION ('base' removes every table), after asking.

    A downgrade drops the tables and columns added since REVISION, with their rows.

    \b
    Example:
        eventstore db downgrade 0007 --yes
    """
    before = migrations.current_revision(app.settings.url)
    if not yes:
        _confirm_downgrade(app.masked_url, before, revision)
    migrations.downgrade(app.settings.url, revision)
    after = migrations.current_revision(app.settings.url)
    err_console().print(
        f"{app.masked_url}: downgraded from {before or 'empty'} to {after or 'empty'}",
        highlight=False,
    )


def _confirm_downgrade(url: str, before: str | None, revision: str) -> None:
    """Ask before dropping data; a UsageError (exit 2) when there is no one to ask."""
    relative = revision == "base" or revision.startswith("-")
    if not relative and not migrations.is_known(revision):
        raise UsageError(f"cannot migrate to {revision!r}: no such revision")
    loss = "every table and its rows" if revision == "base" else "what came after it"
    if not sys.stdin.isatty():
        raise UsageError(
            f"downgrading {url} to {revision} drops {loss}: pass --yes to do it "
            "(no terminal to ask on)"
        )
    click.confirm(
        f"Downgrade {url} from {before or 'empty'} to {revision}, dropping {loss}?",
        abort=True,
        err=True,
    )


@db.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@pass_app
def current(app: AppContext, as_json: bool) -> None:
    """Print the database's revision and the head revision.

    \b
    Example:
        eventstore db current --json
    """
    revision = migrations.current_revision(app.settings.url)
    head = migrations.head_revision()
    if as_json:
        payload = {"database": app.masked_url, "current": revision, "head": head}
        print_json(payload)
        return
    out_console().print(f"{revision or 'empty'} (head: {head})", highlight=False)


@db.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@pass_app
def check(app: AppContext, as_json: bool) -> None:
    """Exit 1 when the database is behind head or the models drift from the migrations.

    \b
    Example:
        eventstore db check && echo "schema is current"
    """
    status = migrations.check(app.settings.url)
    if as_json:
        payload = {
            "database": app.masked_url,
            "current": status.current,
            "head": status.head,
            "drift": list(status.drift),
            "ok": status.up_to_date,
        }
        print_json(payload)
    elif status.up_to_date:
        out_console().print(f"ok: at head {status.head}, models match", highlight=False)
    else:
        out_console().print(_describe_problem(status), highlight=False)
    if not status.up_to_date:
        raise click.exceptions.Exit(1)


def _describe_problem(status: migrations.SchemaStatus) -> str:
    if status.current != status.head:
        return (
            f"behind: database at {status.current or 'empty'}, head is {status.head}; "
            "run `eventstore db upgrade`"
        )
    return "drift: the models differ from the migrations:\n" + "\n".join(status.drift)


@db.command()
@click.option("--libpq", is_flag=True, help="Print a URL psql accepts (no driver, no password).")
@pass_app
def url(app: AppContext, libpq: bool) -> None:
    """Print the database URL in use, without its password.

    With --libpq the URL is one that psql and other libpq clients accept; the password,
    if any, comes from PGPASSWORD or ~/.pgpass, never from output.

    \b
    Example:
        psql "$(eventstore db url --libpq)"
    """
    if libpq:
        click.echo(libpq_url(app.settings.url))
    else:
        click.echo(app.masked_url)


@db.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@pass_app
def verify(app: AppContext, as_json: bool) -> None:
    """Check the store's integrity; print each problem and exit 1 when there is one.

    First the engine's own check (SQLite's PRAGMA integrity_check; PostgreSQL's amcheck
    where the extension is installed, else a `skipped:` line on stderr says so), then foreign
    keys, claims and events with no mention, every mention's text against its span of
    the article body, the full-text indexes, and source links. Never writes: a store
    opened read-only is checked as it is.

    \b
    Example:
        eventstore db verify
    """
    try:
        store = app.store()
    except DatabaseUnavailable:
        # A file too damaged to read its revision is verify's to report, problem by
        # problem; a missing one is refused again here (never created).
        store = app.store(check_schema=False)
    with translate_db_errors(store.url):
        result = run_verify(store.engine)
    if as_json:
        payload = {
            "ok": result.ok,
            "checks": result.checks,
            "problems": list(result.problems),
            "skipped": list(result.skipped),
        }
        print_json(payload)
    else:
        console = out_console()
        for line in result.skipped:  # on stderr: stdout stays the verdict (ok: / problem:)
            err_console().print(f"skipped: {escape_controls(line)}", highlight=False, markup=False)
        if result.ok:
            console.print(f"ok: {result.checks} checks passed", highlight=False)
        for problem in result.problems:
            console.print(f"problem: {escape_controls(problem)}", highlight=False, markup=False)
    if not result.ok:
        raise click.exceptions.Exit(1)


@db.command("grant-readonly")
@click.argument("role")
@pass_app
def grant_readonly_command(app: AppContext, role: str) -> None:
    """Let ROLE read the contract views and tables, and nothing else.

    PostgreSQL only. The role is created (NOLOGIN) when missing; grant it to login
    users. It does not see operational columns (articles.source_path, ingestion_runs
    paths, input_root, host and pid, ingestion_errors.path): name columns, not `*`, on
    those tables. Temporary tables, large objects and the advisory locks loaders take
    are revoked from PUBLIC and granted back to the roles that load. PUBLIC, superusers
    and roles that can write are refused. Run it again after adding a loader role or
    upgrading the schema.

    \b
    Example:
        eventstore db grant-readonly analysts
    """
    with translate_db_errors(app.masked_url):
        grant = grant_readonly(app.engine(), role)
    for statement in grant.statements:
        err_console().print(statement, highlight=False, markup=False)
    for line in grant.skipped:
        err_console().print(f"warning: skipped {line}", highlight=False, markup=False)
    out_console().print(
        f"ok: {role} can read the contract views and tables (operational columns hidden)",
        highlight=False,
        markup=False,
    )
