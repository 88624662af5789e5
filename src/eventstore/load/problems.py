"""Problems met while loading: an input rejected, or a part of a loaded one skipped."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventstore.load.limits import ERROR_EXTERNAL_ID_MAX
from eventstore.redact import escape_controls
from eventstore.vocabulary import ErrorCode, Severity

REASON_MAX = 500
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")  # PostgreSQL refuses NUL; UTF-8 has no surrogates


def storable(text: str) -> str:
    """``text`` with what neither database can store (NUL, unpaired surrogates) escaped,
    everything else as it is: a file name keeps its control characters."""
    return _UNSTORABLE.sub(lambda found: escape_controls(found.group()), text)


@dataclass(frozen=True, slots=True)
class Problem:
    """An input rejected (error) or loaded with a part skipped (warning).

    Made to fit its ``ingestion_errors`` row on both dialects, whatever it is given, so
    that recording a rejection never fails: path and id storable, the id cut to its
    column, the reason one printable line of at most 500 characters.
    """

    path: str
    code: ErrorCode
    reason: str
    line: int | None = None
    external_id: str | None = None
    severity: Severity = "error"

    def __post_init__(self) -> None:
        reason = escape_controls(" ".join(self.reason.split()))[:REASON_MAX]
        object.__setattr__(self, "path", storable(self.path))
        object.__setattr__(self, "reason", reason)
        if self.external_id is not None:
            external_id = storable(self.external_id)[:ERROR_EXTERNAL_ID_MAX]
            object.__setattr__(self, "external_id", external_id)

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"
