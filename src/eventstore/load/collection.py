"""Garbage collection during a load or re-extraction: young collections far apart.

A load allocates millions of short-lived containers (extraction's tokens, resolution's
indexes and keys) beside millions of long-lived objects (the language model, the match
caches, the batch in flight). With Python's default thresholds (700, 10, 10) the collector
ran thousands of times per 2,500 articles and walked those long-lived objects again and
again: 5.9 s of a 22 s store side at 2,500 stored articles, 11.8 s of 32 s by 5,000
(``gc.callbacks``). With (100,000, 50, 100) it ran a dozen times for 0.6 s. The
thresholds are the process's, so the first load in sets them and the last one out puts
back what it found.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (100_000, 50, 100)


class _Holders:
    """How many loads of this process are inside, and the thresholds found before."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.count = 0
        self.saved = gc.get_threshold()


_holders = _Holders()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the block with the collector's thresholds at ``THRESHOLDS``."""
    with _holders.lock:
        if _holders.count == 0:
            _holders.saved = gc.get_threshold()
            gc.set_threshold(*THRESHOLDS)
        _holders.count += 1
    try:
        yield
    finally:
        with _holders.lock:
            _holders.count -= 1
            if _holders.count == 0:
                gc.set_threshold(*_holders.saved)
