"""The project's errors, each carrying the exit code the CLI uses for it (docs/architecture.md).

This module is pure Python so that extraction can raise these without importing the
database layer; database errors are translated into them by ``db.translate_db_errors``.
"""

from __future__ import annotations

from eventstore.vocabulary import ErrorCode


class EventstoreError(Exception):
    """Base of every error eventstore raises on purpose."""

    exit_code = 1


class ConfigurationError(EventstoreError):
    """The configuration (database URL, options) is unusable."""

    exit_code = 78


class DatabaseUnavailable(EventstoreError):
    """The database cannot be reached or opened."""

    exit_code = 69


class UsageError(EventstoreError):
    """An argument is malformed (a cursor, a text too long, a query parameter) or names
    nothing that exists (a migration revision)."""

    exit_code = 2


class PermissionDenied(EventstoreError):
    """The database refused a write or a read: a read-only file, role or transaction."""

    exit_code = 77


class TemporaryFailure(EventstoreError):
    """A database failure that may pass (busy, timed out, disk full) outlasted its retries."""

    exit_code = 75


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


class InputMissing(EventstoreError):
    """A path given to the loader does not exist (an inbox not mounted, a typo)."""

    exit_code = 66


class InputRejected(EventstoreError):
    """An input file or record cannot be loaded; the message is its one-line reason."""

    exit_code = 65

    def __init__(self, code: ErrorCode, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
