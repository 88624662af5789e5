"""Read models: frozen pydantic objects that repositories return and the CLI prints.

Nothing here knows about sessions or ORM rows; a repository copies what it read into
these, so callers can keep them as long as they like.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from eventstore.vocabulary import ErrorCode, RunStatus, Severity


class Model(BaseModel):
    """Base of every read model: frozen, built from attributes."""

    model_config = ConfigDict(frozen=True, from_attributes=True)


class IngestionError(Model):
    """One input a run rejected, or loaded with a part skipped."""

    id: int
    path: str
    line: int | None
    external_id: str | None
    severity: Severity
    code: ErrorCode
    reason: str


class IngestionRun(Model):
    """One load: when, what it saw and did, and what went wrong."""

    id: int
    started_at: datetime
    finished_at: datetime | None
    status: RunStatus
    files_seen: int
    added: int
    updated: int
    unchanged: int
    failed: int
    extractor_version: str
    host: str | None
    pid: int | None
    read_s: float
    extract_s: float
    resolve_s: float
    write_s: float
    message: str | None
    errors: tuple[IngestionError, ...] = ()
