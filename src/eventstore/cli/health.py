"""``eventstore health``: is the store fit to serve, for a monitor or a readiness probe."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import click
from sqlalchemy import select
from sqlalchemy.orm import Session

from eventstore import migrations
from eventstore.cli.context import AppContext, out_console, pass_app
from eventstore.cli.output import print_json
from eventstore.db import make_sessionmaker
from eventstore.load.guard import refresh_statuses
from eventstore.schema import IngestionRunRow
from eventstore.timestamps import as_utc, iso_utc

_AGE = re.compile(r"^(\d+)([smhd])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


def _age(_ctx: click.Context, _param: click.Parameter, value: str | None) -> timedelta | None:
    if value is None:
        return None
    found = _AGE.match(value.strip())
    if found is None:
        raise click.BadParameter("give a number and a unit: 90s, 30m, 2h, 1d")
    return timedelta(**{_UNITS[found.group(2)]: int(found.group(1))})


@click.command()
@click.option(
    "--max-age",
    callback=_age,
    metavar="AGE",
    help="Unhealthy when the last successful load finished longer ago (30m, 2h, 1d).",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
@pass_app
def health(app: AppContext, max_age: timedelta | None, as_json: bool) -> None:
    """Exit 0 when the database answers, is at head, the last load did not fail or die,
    and (with --max-age) a load succeeded recently enough; otherwise exit 1 with one
    line saying which. A load whose process is gone is marked interrupted first. An
    unreachable database exits 69.

    \b
    Example:
        eventstore health --max-age 2h || alert "eventstore is stale"
    """
    store = app.store(check_schema=False)  # DatabaseUnavailable: exit 69
    store.revision()  # the database answers (else 69)
    engine = store.engine
    schema = migrations.check(app.settings.url)
    last = success = None
    if schema.current == schema.head:  # else there may be no runs table to read
        refresh_statuses(engine)  # a run whose process is gone: interrupted
        with make_sessionmaker(engine)() as session:
            last, success = _runs(session)
    problem = _problem(schema, last, success, max_age)
    if as_json:
        payload = {
            "ok": problem is None,
            "problem": problem,
            "schema": schema.current,
            "head": schema.head,
            "last_run": _summary(last) if last else None,
            "last_success_at": (
                iso_utc(success.finished_at) if success and success.finished_at else None
            ),
        }
        print_json(payload)
    else:
        message = problem or "ok: database answers, schema at head, loads current"
        out_console().print(message, highlight=False)
    if problem is not None:
        raise click.exceptions.Exit(1)


def _summary(run: IngestionRunRow) -> dict[str, object]:
    """What the newest run did, as far as it got."""
    fields = ("id", "status", "added", "updated", "unchanged", "failed", "known_bad")
    return {name: getattr(run, name) for name in fields}


def _runs(session: Session) -> tuple[IngestionRunRow | None, IngestionRunRow | None]:
    """The newest run, and the newest that succeeded (fully or partly)."""
    last = session.scalars(
        select(IngestionRunRow).order_by(IngestionRunRow.id.desc()).limit(1)
    ).first()
    success = session.scalars(
        select(IngestionRunRow)
        .where(IngestionRunRow.status.in_(("succeeded", "partial")))
        .order_by(IngestionRunRow.id.desc())
        .limit(1)
    ).first()
    return last, success


def _problem(
    schema: migrations.SchemaStatus,
    last: IngestionRunRow | None,
    success: IngestionRunRow | None,
    max_age: timedelta | None,
) -> str | None:
    if schema.current != schema.head:
        return f"schema at {schema.current or 'none'}, code needs {schema.head}"
    if last is not None and last.status in ("failed", "interrupted"):
        return f"last load (run {last.id}) {last.status}"
    if max_age is None:
        return None
    if success is None or success.finished_at is None:
        return "no load has succeeded yet"
    age = datetime.now(UTC) - as_utc(success.finished_at)
    if age > max_age:
        return f"last successful load (run {success.id}) finished {_rounded(age)} ago"
    return None


def _rounded(age: timedelta) -> str:
    minutes = int(age.total_seconds() // 60)
    return f"{minutes // 60}h {minutes % 60}m" if minutes >= 60 else f"{minutes}m"
