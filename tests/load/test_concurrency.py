"""Loaders that overlap or get killed end in the same store as one clean sequential load.

Real processes (``python -m eventstore load``), a real database, a generated corpus.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from benchmarks.corpus import write_corpus
from sqlalchemy import Engine, text

from eventstore.db import make_engine
from eventstore.load.loader import LoadOptions, load_paths
from tests.load.test_loader import content

pytestmark = pytest.mark.slow
ARTICLES = 120


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


def _reference(tmp_path: Path, files: list[Path]) -> dict[str, object]:
    engine = make_engine(f"sqlite:///{tmp_path / 'reference.db'}")
    load_paths(engine, files)
    expected = content(engine)
    engine.dispose()
    return expected


def _count(engine: Engine, sql: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(sql)).scalar_one())


def test_four_overlapping_loaders_end_like_one(
    engine: Engine, corpus: list[Path], tmp_path: Path
) -> None:
    url = engine.url.render_as_string(hide_password=False)
    subsets = [corpus[0:70], corpus[40:110], corpus[80:], corpus[::3]]
    loaders = [_loader(url, subset, batch=7) for subset in subsets]
    outcomes = [loader.communicate(timeout=600) for loader in loaders]
    for loader, (_, err) in zip(loaders, outcomes, strict=True):
        assert loader.returncode == 0, err.decode()
        assert b"database is locked" not in err

    assert content(engine) == _reference(tmp_path, corpus)
    assert _count(engine, "SELECT count(*) FROM articles") == ARTICLES
    assert _count(engine, "SELECT count(*) FROM ingestion_runs WHERE status = 'succeeded'") == 4


def _kill_when(engine: Engine, loader: subprocess.Popen[bytes], articles: int) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and loader.poll() is None:
        if _count(engine, "SELECT count(*) FROM articles") >= articles:
            break
        time.sleep(0.02)
    os.kill(loader.pid, signal.SIGKILL)
    loader.communicate()  # reap it and close its pipes


def _no_partial_article(engine: Engine) -> None:
    # Every generated article carries claims and events: a row without them is half-written.
    for mentions in ("claim_mentions", "event_mentions"):
        bare = _count(
            engine,
            f"SELECT count(*) FROM articles a WHERE NOT EXISTS "
            f"(SELECT 1 FROM {mentions} m WHERE m.article_id = a.id)",
        )
        assert bare == 0, f"articles without {mentions}"
    for parent, mentions, column in (
        ("claims", "claim_mentions", "claim_id"),
        ("events", "event_mentions", "event_id"),
    ):
        orphans = _count(
            engine,
            f"SELECT count(*) FROM {parent} p WHERE NOT EXISTS "
            f"(SELECT 1 FROM {mentions} m WHERE m.{column} = p.id)",
        )
        assert orphans == 0


def test_a_killed_loader_leaves_nothing_half_written(
    engine: Engine, corpus: list[Path], tmp_path: Path
) -> None:
    url = engine.url.render_as_string(hide_password=False)
    for point in (5, 40, 90):  # kill after this many articles are in
        loader = _loader(url, corpus, batch=5)
        _kill_when(engine, loader, point)
        _no_partial_article(engine)
        assert _count(engine, "SELECT count(*) FROM articles") < ARTICLES

    final = _loader(url, corpus, batch=5)
    _, err = final.communicate(timeout=600)
    assert final.returncode == 0, err.decode()

    with engine.connect() as connection:
        statuses = [
            row[0]
            for row in connection.execute(text("SELECT status FROM ingestion_runs ORDER BY id"))
        ]
    assert statuses == ["interrupted", "interrupted", "interrupted", "succeeded"]
    _no_partial_article(engine)
    assert content(engine) == _reference(tmp_path, corpus)


def test_parallel_extraction_loads_the_same_store(
    engine: Engine, corpus: list[Path], tmp_path: Path
) -> None:
    report = load_paths(engine, corpus, options=LoadOptions(batch_size=16, workers=2))
    assert (report.totals.added, report.totals.failed) == (ARTICLES, 0)
    assert content(engine) == _reference(tmp_path, corpus)


def _descendants(pid: int) -> list[int]:
    """Processes whose parent chain leads to ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        children = [child for child, parent in parents.items() if parent in frontier]
        found += children
        frontier = children
    return found


def test_a_killed_loader_with_workers_leaves_no_worker_and_no_hang(
    engine: Engine, corpus: list[Path], tmp_path: Path
) -> None:
    """kill -9 of a loader with extraction workers (as the OOM killer does): its workers
    end with it and hold none of its connections, so the next load neither hangs nor
    finds the writers' lock taken, and it marks the dead run interrupted."""
    url = engine.url.render_as_string(hide_password=False)
    loader = _loader(url, corpus, batch=8, workers=2)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and _count(engine, "SELECT count(*) FROM articles") < 16:
        time.sleep(0.05)
    workers = _descendants(loader.pid)
    assert workers, "the loader started no worker processes"
    _kill_when(engine, loader, 16)

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(Path(f"/proc/{p}").exists() for p in workers):
        time.sleep(0.1)
    alive = [p for p in workers if Path(f"/proc/{p}").exists()]
    assert alive == [], f"workers outlived the loader: {alive}"
    final = _loader(url, corpus, batch=8)
    _, err = final.communicate(timeout=300)  # a hang fails here
    assert final.returncode == 0, err.decode()
    with engine.connect() as connection:
        statuses = [
            row[0]
            for row in connection.execute(text("SELECT status FROM ingestion_runs ORDER BY id"))
        ]
    assert statuses == ["interrupted", "succeeded"]
    assert content(engine) == _reference(tmp_path, corpus)
