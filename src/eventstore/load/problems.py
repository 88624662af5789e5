"""Problems met while loading: an input rejected, or a part of a loaded one skipped."""

from __future__ import annotations

from dataclasses import dataclass

from eventstore.vocabulary import ErrorCode, Severity


@dataclass(frozen=True, slots=True)
class Problem:
    """An input rejected (error) or loaded with a part skipped (warning)."""

    path: str
    code: ErrorCode
    reason: str
    line: int | None = None
    external_id: str | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"
