"""``eventstore`` that stops at a chosen point of a load, for tests that kill it there.

``python -c "from tests.reliability.kill_points import main; main()" ARGS`` is
``eventstore ARGS``, except that with ``EVENTSTORE_TEST_PAUSE=point:n`` and
``EVENTSTORE_TEST_PAUSE_FILE=path`` in the environment, the process that reaches
``point`` for the n-th time writes its pid to ``path`` and waits there until ``path.go``
exists: the test kills it meanwhile (kill -9, as the OOM killer does) or lets it go on.
Nothing else changes, so what is killed is the real loader at a known point:

- ``worker_start``: a worker process starting, before it has asked to end with the
  loader (under ``--workers 2``);
- ``extract``: extracting a batch (in a worker process under ``--workers 2``);
- ``between``: a batch committed, the next not yet written;
- ``write``: inside a batch's write transaction, its articles written, not committed.

Workers are spawned and import this module to run ``extract_all`` (the pool names the
function it runs by module), so the point is reached in them too; they read the same
environment.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from eventstore.load import commit, extractor, loader

PAUSE = "EVENTSTORE_TEST_PAUSE"
PAUSE_FILE = "EVENTSTORE_TEST_PAUSE_FILE"
POINTS = ("worker_start", "extract", "between", "write")
# How to start it: as ``python -c`` so that functions keep this module's name.
COMMAND = "from tests.reliability.kill_points import main; main()"

_start_worker = extractor._start_worker  # the real one, wrapped below
_extract_all = extractor.extract_all
_write_extracted = loader.write_extracted
_write_batch = commit.write_batch
_reached: Counter[str] = Counter()


def _point(name: str) -> None:
    """Pause here when the environment asks for this point and this call."""
    wanted, _, nth = os.environ.get(PAUSE, "").partition(":")
    if wanted != name:
        return
    _reached[name] += 1
    if _reached[name] != int(nth or 1):
        return
    marker = Path(os.environ[PAUSE_FILE])
    marker.write_text(str(os.getpid()))
    go = marker.with_name(marker.name + ".go")
    deadline = time.monotonic() + 600
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.02)


def start_worker(loader: int) -> None:
    """``extractor._start_worker`` with the ``worker_start`` point before it."""
    _point("worker_start")
    _start_worker(loader)


def extract_all(jobs: Sequence[extractor.Job], today: date) -> list[extractor.Result]:
    """``extractor.extract_all`` with the ``extract`` point before it."""
    _point("extract")
    return _extract_all(jobs, today)


def write_extracted(*args: Any, **kwargs: Any) -> None:
    """``loader.write_extracted`` (a batch committed) with the ``between`` point after it."""
    _write_extracted(*args, **kwargs)
    _point("between")


def write_batch(*args: Any, **kwargs: Any) -> Any:
    """``commit.write_batch`` (inside the transaction) with the ``write`` point after it."""
    outcome = _write_batch(*args, **kwargs)
    _point("write")
    return outcome


def main() -> None:
    """Put the points in place, then run the CLI on ``sys.argv``."""
    extractor._start_worker = start_worker
    extractor.extract_all = extract_all  # type: ignore[assignment]  # same signature
    loader.write_extracted = write_extracted
    commit.write_batch = write_batch
    from eventstore.cli import main as cli  # noqa: PLC0415  # after the points are in place

    cli(prog_name="eventstore")
