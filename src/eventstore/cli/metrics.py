"""The metrics file of ``eventstore load --metrics-file``: which figures go in it (the
run this invocation recorded, else the file's own), and where it may be written."""

from __future__ import annotations

import logging
import os
from datetime import datetime
from pathlib import Path

import click
from sqlalchemy.exc import SQLAlchemyError

from eventstore.cli.context import AppContext
from eventstore.db import make_sessionmaker
from eventstore.errors import EventstoreError
from eventstore.load.guard import this_host
from eventstore.metrics import LoadFigures, epoch, figures_of, read_metrics, write_metrics
from eventstore.models import IngestionRun
from eventstore.repositories import RunRepository

log = logging.getLogger("eventstore.cli.load")


def writable_folder(
    _ctx: click.Context, _param: click.Parameter, value: Path | None
) -> Path | None:
    """A metrics file must go in a folder that exists and can be written (checked before
    anything is loaded)."""
    if value is not None:
        folder = value.parent
        if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
            raise click.BadParameter(f"{folder} is not a folder this user can write to")
    return value


def write_metrics_file(app: AppContext, path: Path, exit_code: int, invoked: datetime) -> None:
    """Write the figures of the run this invocation recorded (else of the file's last
    run, with this exit code) to ``path``; a failure to write is logged, not raised."""
    run, success = _recorded(app, invoked)
    if run is not None:
        last = success.finished_at if success else None
        figures = figures_of(run, exit_code=exit_code, last_success=last)
    else:
        last_at = epoch(success.finished_at) if success and success.finished_at else None
        earlier = read_metrics(path) or LoadFigures(exit_code, 0.0)
        figures = earlier.again(exit_code, last_at)
    try:
        write_metrics(path, figures)
    except OSError as exc:
        log.error("metrics file %s not written: %s", path, exc.strerror or exc)


def _recorded(
    app: AppContext, invoked: datetime
) -> tuple[IngestionRun | None, IngestionRun | None]:
    """The run this invocation recorded and the last successful one, as far as the
    database can tell (not at all when it is down)."""
    try:
        with make_sessionmaker(app.engine())() as session:
            runs = RunRepository(session)
            return runs.of_process(this_host(), os.getpid(), invoked), runs.last_success()
    except (EventstoreError, SQLAlchemyError):
        return None, None
