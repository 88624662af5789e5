"""Extraction for the loader: in this process, or spread over worker processes.

``Extractor.submit`` takes a batch of raw articles and returns a function that waits for
their documents (or rejections), so the loader can write one batch while the next is
being extracted. Workers only parse text; they never touch the database.

Workers are spawned (a fresh interpreter each, which loads the language model once), so
they inherit none of the loader's database connections: a forked worker that outlived a
killed loader kept its writer transaction (and the writers' lock) open on PostgreSQL,
and every later load waited for it forever. Each worker also asks the kernel to end it
when the loader goes (Linux ``PR_SET_PDEATHSIG``), as after the OOM killer's kill -9.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from functools import lru_cache, partial
from types import TracebackType

from eventstore.errors import ConfigurationError, InputRejected
from eventstore.extract import ArticleDoc, ArticleMeta, extract_article
from eventstore.extract.nlp import load_model, model_name, require_model
from eventstore.load.read import RawArticle

log = logging.getLogger(__name__)

Result = ArticleDoc | InputRejected
Job = tuple[str, str, ArticleMeta]


def extract_all(jobs: Sequence[Job], today: date) -> list[Result]:
    """Documents of ``jobs`` (text, external id, metadata); a rejection where one fails.

    Any exception is a rejection of that article only: a bug must not stop the load.
    """
    results: list[Result] = []
    model = model_name()
    for text, external_id, meta in jobs:
        try:
            results.append(_extracted(text, external_id, meta, today, model))
        except InputRejected as exc:
            results.append(exc)
        except ConfigurationError:
            raise  # no language model: no article can be read, so the load stops
        except Exception as exc:
            log.exception("extraction failed for %s", external_id)
            reason = f"internal error: {type(exc).__name__}: {exc}"
            results.append(InputRejected("internal", reason))
    return results


@lru_cache(maxsize=256)
def _extracted(
    text: str, external_id: str, meta: ArticleMeta, today: date, model: str
) -> ArticleDoc:
    """``extract_article``, remembered for the last 256 articles of this process (``model``,
    the pipeline asked for, is part of the key): extraction is pure, so the same text,
    metadata and day give the same frozen document. A process that loads the same files
    into several stores (a test suite, a reload into a second database) extracts each
    once; a rejection is not remembered."""
    return extract_article(text, external_id=external_id, meta=meta, today=today)


# prctl(2) option: the signal the kernel sends this process when its parent dies.
_PR_SET_PDEATHSIG = 1


def _start_worker(loader: int) -> None:
    """In each worker: end with the loader (pid ``loader``), and load the language model
    once. A loader killed while this worker was still starting sent no signal: the
    worker finds it gone and exits (it kept the loader's output open for good)."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != loader:
        os._exit(1)
    load_model()


class Extractor:
    """Runs ``extract_all`` over batches, with ``workers`` processes when above one."""

    def __init__(self, workers: int, today: date) -> None:
        self.today = today
        self.workers = max(1, workers)
        # A missing language model stops the load with its install command (exit 78)
        # before any worker starts; the model itself is loaded when a batch needs it.
        require_model()
        self._pool: ProcessPoolExecutor | None = None
        if self.workers > 1:
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(os.getpid(),),
            )

    def submit(self, raws: Sequence[RawArticle]) -> Callable[[], list[Result]]:
        """Start extracting ``raws``; the returned function waits for the results."""
        jobs = [(raw.text, raw.external_id, raw.meta) for raw in raws]
        if self._pool is None or len(jobs) < 2 * self.workers:
            # In this process: extract when the results are asked for, so that the time
            # is counted as extraction (the loader times the call), not as reading.
            return partial(extract_all, jobs, self.today)
        size = -(-len(jobs) // self.workers)
        futures: list[Future[list[Result]]] = [
            self._pool.submit(extract_all, jobs[i : i + size], self.today)
            for i in range(0, len(jobs), size)
        ]
        return lambda: [result for future in futures for result in future.result()]

    def __enter__(self) -> Extractor:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=error is None, cancel_futures=True)
