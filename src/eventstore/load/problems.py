"""Problems met while loading: an input rejected, or a part of a loaded one skipped; and
the fingerprint that tells whether a rejected input has changed since."""

from __future__ import annotations

import hashlib
import os
import re
import stat
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
class Fingerprint:
    """What an input was when it was read: its size and the SHA-256 of its bytes."""

    size: int
    digest: str

    @classmethod
    def of(cls, *parts: bytes) -> Fingerprint:
        """The fingerprint of the bytes read (an article file and its sidecar, a line)."""
        digest = hashlib.sha256()
        for part in parts:
            digest.update(hashlib.sha256(part).digest())
        return cls(sum(len(part) for part in parts), digest.hexdigest())

    @classmethod
    def of_file(cls, path: str) -> Fingerprint | None:
        """For an input that could not be read (too large, not a regular file, unreadable):
        a hash of its type, size and modification time; None when it is not there."""
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            try:  # a dangling or looping link: the link itself
                info = os.lstat(path)
            except (OSError, ValueError):
                return None
        kind = stat.S_IFMT(info.st_mode)
        key = f"stat\0{kind}\0{info.st_size}\0{info.st_mtime_ns}".encode()
        return cls(info.st_size, hashlib.sha256(key).hexdigest())


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
    # What the rejected input was, to know it again unchanged (None: never known again).
    fingerprint: Fingerprint | None = None

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
