"""Loaders that overlap, or extract in worker processes, end in the same store as one
clean sequential load.

Real processes (``python -m eventstore load``), a real database, a generated corpus. A
loader killed (with and without workers, at several points of a load) is a case of the
fault matrix (tests/reliability/test_fault_matrix.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from benchmarks.corpus import write_corpus
from sqlalchemy import Engine, text

from eventstore.db import make_engine
from eventstore.load.loader import LoadOptions, load_paths
from tests.load.test_loader import content

pytestmark = pytest.mark.slow
ARTICLES = 40


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """A generated corpus: article files (each with its sidecar), in name order."""
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, ARTICLES, seed=7)
    return sorted(folder.glob("*.txt"))


def _loader(
    url: str, files: list[Path], batch: int, *, workers: int = 1
) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "eventstore", "--database-url", url, "load"]
    command += ["--batch-size", str(batch), "--workers", str(workers), *map(str, files)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture(scope="module")
def reference(corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """What one clean sequential load of the corpus holds (loaded once per module)."""
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('reference') / 'reference.db'}")
    load_paths(engine, corpus)
    expected = content(engine)
    engine.dispose()
    return expected


def _count(engine: Engine, sql: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(sql)).scalar_one())


def test_four_overlapping_loaders_end_like_one(
    engine: Engine, corpus: list[Path], reference: dict[str, object]
) -> None:
    url = engine.url.render_as_string(hide_password=False)
    subsets = [corpus[0:24], corpus[14:34], corpus[28:], corpus[::3]]
    loaders = [_loader(url, subset, batch=7) for subset in subsets]
    outcomes = [loader.communicate(timeout=600) for loader in loaders]
    for loader, (_, err) in zip(loaders, outcomes, strict=True):
        assert loader.returncode == 0, err.decode()
        assert b"database is locked" not in err

    assert content(engine) == reference
    assert _count(engine, "SELECT count(*) FROM articles") == ARTICLES
    assert _count(engine, "SELECT count(*) FROM ingestion_runs WHERE status = 'succeeded'") == 4


def test_parallel_extraction_loads_the_same_store(
    engine: Engine, corpus: list[Path], reference: dict[str, object]
) -> None:
    report = load_paths(engine, corpus, options=LoadOptions(batch_size=16, workers=2))
    assert (report.totals.added, report.totals.failed) == (ARTICLES, 0)
    assert content(engine) == reference
