"""Log lines for people and for machines: plain text, or one JSON object per line.

Every line carries an ISO 8601 UTC timestamp, its level and, while a load runs, the run
id. Library code logs events: ``log.info("run 7 finished", extra=event("run_finished",
added=3))``; the JSON format gives the event's name and fields as keys, the plain format
its message. Passwords are masked and control characters escaped in both, so a file
name can neither forge a line nor colour a terminal.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any, Literal, cast, get_args

from eventstore.redact import escape_controls, mask_text

LogFormat = Literal["plain", "json"]
LOG_FORMATS: tuple[str, ...] = get_args(LogFormat)

_RUN_ID: ContextVar[int | None] = ContextVar("eventstore_run_id", default=None)
_format: LogFormat = "plain"


def event(name: str, **fields: Any) -> dict[str, Any]:
    """The ``extra`` of a log call that records event ``name`` with ``fields``."""
    return {"event": name, "event_fields": fields}


@contextmanager
def run_context(run_id: int) -> Iterator[None]:
    """Every line logged in the block carries ``run_id``."""
    token = _RUN_ID.set(run_id)
    try:
        yield
    finally:
        _RUN_ID.reset(token)


def current_format() -> LogFormat:
    """The format ``configure`` set (plain until then)."""
    return _format


def configure(verbose: int, log_format: str = "plain") -> None:
    """Send log lines to stderr in ``log_format``. Plain shows warnings (``-v``: info,
    ``-vv``: SQL too); JSON, meant for collectors, shows info and up from the start."""
    global _format  # noqa: PLW0603 - one process, one log format
    _format = cast(LogFormat, log_format if log_format in LOG_FORMATS else "plain")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if _format == "json" else PlainFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO if verbose or _format == "json" else logging.WARNING)
    logging.getLogger("sqlalchemy.engine").setLevel(
        logging.INFO if verbose > 1 else logging.WARNING
    )
    # Alembic says which dialect it runs on whenever a revision is read: -v only.
    logging.getLogger("alembic").setLevel(logging.INFO if verbose else logging.WARNING)
    logging.captureWarnings(True)  # Python warnings become lines of the same format


def timestamp(moment: datetime | None = None) -> str:
    """ISO 8601 in UTC to the millisecond, e.g. 2026-12-07T09:30:00.123Z."""
    moment = moment or datetime.now(UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _created(record: logging.LogRecord) -> str:
    return timestamp(datetime.fromtimestamp(record.created, UTC))


class PlainFormatter(logging.Formatter):
    """``2026-12-07T09:30:00.123Z WARNING eventstore.load.guard run=7: message``."""

    def format(self, record: logging.LogRecord) -> str:
        """One line: timestamp, level, logger, run id, message (and the error's)."""
        run_id = _RUN_ID.get()
        run = f" run={run_id}" if run_id is not None else ""
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            message = f"{message}: {_one_line(record.exc_info[1])}"
        line = f"{_created(record)} {record.levelname} {record.name}{run}: {message}"
        return escape_controls(mask_text(line))


class JsonFormatter(logging.Formatter):
    """One JSON object per line: timestamp, level, logger, run_id, event, message, and
    the event's fields."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as one line of JSON (ASCII only: nothing a terminal acts on)."""
        payload: dict[str, Any] = {
            "timestamp": _created(record),
            "level": record.levelname.lower(),
            "logger": record.name,
            "run_id": _RUN_ID.get(),
            "event": getattr(record, "event", None) or "log",
            "message": record.getMessage(),
        }
        fields = getattr(record, "event_fields", None) or {}
        payload.update({key: value for key, value in fields.items() if key not in payload})
        if record.exc_info and record.exc_info[1] is not None:
            payload["error"] = _one_line(record.exc_info[1])
        # Masked value by value: masking the encoded line could eat a closing quote.
        return json.dumps(_masked(payload), default=str, ensure_ascii=True)


def _masked(value: Any) -> Any:
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, dict):
        return {key: _masked(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_masked(item) for item in value]
    return value


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:500]
