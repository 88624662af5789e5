"""Progress of a load on stderr: a bar on a terminal; elsewhere a line every few seconds
(timestamped text, or a ``progress`` event in JSON logs)."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from eventstore.cli.context import err_console
from eventstore.logs import current_format, event, timestamp

log = logging.getLogger("eventstore.progress")
EVERY_S = 5.0


@contextmanager
def input_progress() -> Iterator[Callable[[int, int], None]]:
    """A ``show(done, total)`` for the inputs of a load."""
    console = err_console()
    if console.is_terminal and current_format() == "plain":
        columns = (
            SpinnerColumn(),
            BarColumn(),
            TextColumn("{task.completed}/{task.total} inputs"),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=console, transient=True) as bar:
            task = bar.add_task("load", total=None)
            yield lambda done, total: bar.update(task, completed=done, total=total)
        return
    printed = time.monotonic()

    def show(done: int, total: int) -> None:
        nonlocal printed
        if time.monotonic() - printed < EVERY_S:
            return
        printed = time.monotonic()
        _line(f"... {done}/{total} inputs", done=done, total=total)

    yield show


@contextmanager
def count_progress() -> Iterator[Callable[[int], None]]:
    """An ``advance(n)`` for re-extraction, whose total is not known ahead."""
    console = err_console()
    if console.is_terminal and current_format() == "plain":
        columns = (SpinnerColumn(), TextColumn("{task.completed} articles"), TimeElapsedColumn())
        with Progress(*columns, console=console, transient=True) as bar:
            task = bar.add_task("reextract", total=None)
            yield lambda n: bar.advance(task, n)
        return
    done, printed = 0, time.monotonic()

    def advance(n: int) -> None:
        nonlocal done, printed
        done += n
        if time.monotonic() - printed >= EVERY_S:
            printed = time.monotonic()
            _line(f"... {done} articles", done=done)

    yield advance


def _line(message: str, **fields: int) -> None:
    if current_format() == "json":
        log.info(message.removeprefix("... "), extra=event("progress", **fields))
    else:
        print(f"{timestamp()} {message}", file=sys.stderr, flush=True)
