"""A reader that stops reading (``| head -1``) ends a command quietly, with exit 141."""

from __future__ import annotations

import os
import subprocess
import sys

EVENTSTORE = [sys.executable, "-m", "eventstore"]


def _into_closed_pipe(*args: str) -> subprocess.CompletedProcess[str]:
    """Run eventstore with stdout a pipe whose reader has already gone: its first write
    fails, as the rest of ``| head -1`` does once head has its line."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [*EVENTSTORE, *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)


def test_a_closed_pipe_ends_query_list_without_a_word() -> None:
    result = _into_closed_pipe("query", "--list", "--format", "csv")
    assert (result.returncode, result.stderr) == (141, "")


def test_a_closed_pipe_ends_a_database_read_without_a_word(db_url: str) -> None:
    result = _into_closed_pipe("--database-url", db_url, "timeline", "--format", "csv")
    assert (result.returncode, result.stderr) == (141, "")
