"""The project's errors, and the one place where database errors are translated into them.

Each error carries the process exit code the CLI uses for it (DESIGN.md, Interfaces).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc as sa_exc

from eventstore.redact import mask_text


class EventstoreError(Exception):
    """Base of every error eventstore raises on purpose."""

    exit_code = 1


class ConfigurationError(EventstoreError):
    """The configuration (database URL, options) is unusable."""

    exit_code = 78


class DatabaseUnavailable(EventstoreError):
    """The database cannot be reached or opened."""

    exit_code = 69


class SchemaOutOfDate(EventstoreError):
    """The database is behind the migrations this code needs."""

    exit_code = 1


class LockHeld(EventstoreError):
    """Another exclusive load holds the run lock."""

    exit_code = 75


class NotFound(EventstoreError):
    """A named row does not exist."""

    exit_code = 1


class Conflict(EventstoreError):
    """A write collided with a unique key or a concurrent writer."""

    exit_code = 1


class InputRejected(EventstoreError):
    """An input file or record cannot be loaded; the message is its one-line reason."""

    exit_code = 65

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


@contextmanager
def translate_db_errors(masked_url: str) -> Iterator[None]:
    """Re-raise driver errors as eventstore errors, with no password in the message."""
    try:
        yield
    except sa_exc.IntegrityError as exc:
        raise Conflict(mask_text(_one_line(exc.orig or exc))) from None
    except (sa_exc.OperationalError, sa_exc.InterfaceError) as exc:
        if _is_connect_failure(exc):
            reason = mask_text(_one_line(exc.orig or exc))
            raise DatabaseUnavailable(
                f"cannot reach the database at {masked_url}: {reason}"
            ) from None
        raise


def _is_connect_failure(exc: sa_exc.DBAPIError) -> bool:
    if exc.connection_invalidated:
        return True
    text = str(exc.orig).lower()
    markers = (
        "connection refused",
        "could not connect",
        "connection failed",
        "unable to open database",
        "does not exist",
        "could not translate host",
        "timeout expired",
        "no such host",
        "password authentication failed",
        "server closed the connection",
    )
    return any(marker in text for marker in markers)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 300 else text[:297] + "..."
