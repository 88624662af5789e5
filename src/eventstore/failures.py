"""Database failures: which are the statement's own fault and which the database's, and
the project error each of the latter becomes.

A failure that says nothing about the statement (the connection dropped, the server shut
down, a timeout, a serialization failure or deadlock, SQLite busy, a full disk, a
read-only file or role) must never be blamed on the input being written: ``db`` retries
the passing ones and turns the rest, or those that outlast their retries, into
DatabaseUnavailable (69), TemporaryFailure (75), PermissionDenied (77) or
ConfigurationError (78). A statement's own failure (a unique key, a value the column
refuses) is left as it is, for the caller to pin on its input.
"""

from __future__ import annotations

import re
from enum import Enum

from sqlalchemy import exc as sa_exc

from eventstore.errors import (
    ConfigurationError,
    DatabaseUnavailable,
    EventstoreError,
    PermissionDenied,
    TemporaryFailure,
)
from eventstore.redact import escape_controls, mask_text


class Failure(Enum):
    """What kind of database failure an exception is."""

    LOST = "the connection to the database was lost"
    REFUSED = "cannot reach the database"
    BUSY = "the database stayed busy"
    UNREACHABLE = "cannot open the database"
    FULL = "the database's disk is full"
    BROKEN = "the database cannot be read or written"
    DENIED = "permission denied by the database"
    MISCONFIGURED = "the database URL has a bad option"

    @property
    def passes(self) -> bool:
        """True for failures that a retry of the whole transaction can cure."""
        return self in {Failure.LOST, Failure.REFUSED, Failure.BUSY}


_BY_SQLSTATE = {
    "57P01": Failure.LOST,  # admin_shutdown: pg_terminate_backend, a fast shutdown
    "57P02": Failure.LOST,  # crash_shutdown
    "57P03": Failure.LOST,  # cannot_connect_now: starting up or shutting down
    "25P03": Failure.LOST,  # idle_in_transaction_session_timeout (the session is gone)
    "40001": Failure.BUSY,  # serialization_failure
    "40P01": Failure.BUSY,  # deadlock_detected
    "55P03": Failure.BUSY,  # lock_not_available: lock_timeout
    "57014": Failure.BUSY,  # query_canceled: statement_timeout
    "53200": Failure.BUSY,  # out_of_memory
    "53300": Failure.BUSY,  # too_many_connections
    "53400": Failure.BUSY,  # configuration_limit_exceeded
    "53100": Failure.FULL,  # disk_full
    "58030": Failure.BROKEN,  # io_error
    "XX001": Failure.BROKEN,  # data_corrupted
    "XX002": Failure.BROKEN,  # index_corrupted
    "42501": Failure.DENIED,  # insufficient_privilege
    "25006": Failure.DENIED,  # read_only_sql_transaction: a standby, a read-only session
    "3D000": Failure.UNREACHABLE,  # invalid_catalog_name: no such database
    "08001": Failure.REFUSED,  # sqlclient_unable_to_establish_sqlconnection
    "08004": Failure.UNREACHABLE,  # sqlserver_rejected_establishment_of_sqlconnection
}
_BY_SQLSTATE_CLASS = {"08": Failure.LOST, "28": Failure.UNREACHABLE}
# sqlite3 exceptions carry the primary result code's name (Python 3.11+).
_BY_SQLITE_CODE = {
    "SQLITE_BUSY": Failure.BUSY,
    "SQLITE_LOCKED": Failure.BUSY,
    "SQLITE_FULL": Failure.FULL,
    "SQLITE_IOERR": Failure.BROKEN,
    "SQLITE_CORRUPT": Failure.BROKEN,
    "SQLITE_NOTADB": Failure.BROKEN,
    "SQLITE_CANTOPEN": Failure.UNREACHABLE,
    "SQLITE_READONLY": Failure.DENIED,
    "SQLITE_PERM": Failure.DENIED,
    "SQLITE_AUTH": Failure.DENIED,
}
# Driver messages without an SQLSTATE, in the order they are tried: libpq refusing an
# option comes first, as its message may also say "connection failed".
_BY_MESSAGE = (
    (
        Failure.MISCONFIGURED,
        re.compile(
            r"invalid connection option|bad value for|invalid \w+ value|invalid port"
            r"|invalid integer value|invalid value for parameter|unrecognized configuration"
            r"|no such access mode|no such vfs|no such cache mode|invalid uri authority"
        ),
    ),
    (
        Failure.UNREACHABLE,
        re.compile(
            r"does not exist|password authentication failed"
            r"|failed to resolve host|name or service not known|unable to open database"
            r"|no password supplied|role .* is not permitted to log in"
        ),
    ),
    (
        Failure.LOST,
        re.compile(
            r"server closed the connection|terminating connection|consuming input failed"
            r"|connection is closed|connection is lost|connection already closed"
            r"|ssl syscall|could not (?:receive|send) data|connection reset|broken pipe"
            r"|connection is bad"
        ),
    ),
    (
        Failure.REFUSED,
        re.compile(
            r"connection refused|could not connect|connection failed|connection timed out"
            r"|timeout expired|no route to host|could not translate host|failed to resolve host"
            r"|name or service not known|temporary failure in name resolution"
        ),
    ),
    (Failure.BUSY, re.compile(r"database is locked|database is busy|database table is locked")),
    (Failure.FULL, re.compile(r"database or disk is full")),
    (Failure.DENIED, re.compile(r"readonly database|read-only|permission denied")),
    (
        Failure.BROKEN,
        re.compile(r"disk i/o error|disk image is malformed|not a database"),
    ),
)


def failure_of(exc: BaseException) -> Failure | None:
    """The kind of database failure ``exc`` is, or None when it is the statement's own."""
    if not isinstance(exc, sa_exc.DBAPIError):
        return None
    if exc.connection_invalidated:
        return Failure.LOST
    orig = exc.orig
    state = str(getattr(orig, "sqlstate", None) or "")
    if state:
        return _BY_SQLSTATE.get(state) or _BY_SQLSTATE_CLASS.get(state[:2])
    code = str(getattr(orig, "sqlite_errorname", None) or "")
    # Extended codes name their primary one first: SQLITE_IOERR_WRITE is SQLITE_IOERR.
    # A plain SQLITE_ERROR is told by its message ("no such access mode: ...").
    if code and (found := _BY_SQLITE_CODE.get("_".join(code.split("_")[:2]))) is not None:
        return found
    message = str(orig).lower()
    for failure, pattern in _BY_MESSAGE:
        if pattern.search(message):
            return failure
    return None


def is_retryable(exc: BaseException) -> bool:
    """True for failures a retry of the whole transaction can cure."""
    failure = failure_of(exc)
    return failure is not None and failure.passes


def as_error(exc: BaseException, masked_url: str, *, retried: int = 0) -> EventstoreError | None:
    """The project error for a database failure, or None for the statement's own."""
    failure = failure_of(exc)
    if failure is None:
        return None
    reason = one_line(getattr(exc, "orig", None) or exc)
    tried = f" (tried {retried} times)" if retried > 1 else ""
    message = f"{failure.value} at {masked_url}{tried}: {reason}"
    if failure in {Failure.LOST, Failure.REFUSED, Failure.UNREACHABLE, Failure.BROKEN}:
        return DatabaseUnavailable(message)
    if failure is Failure.DENIED:
        return PermissionDenied(message)
    if failure is Failure.MISCONFIGURED:
        return ConfigurationError(message)
    advice = "free space, then run again" if failure is Failure.FULL else "try again later"
    return TemporaryFailure(f"{message}; {advice}")


def one_line(exc: BaseException) -> str:
    """``exc``'s message on one printable line of at most 300 characters, no password."""
    text = escape_controls(" ".join(mask_text(str(exc)).split()))
    return text if len(text) <= 300 else text[:297] + "..."
