"""An SQLite store whose disk fails: full, read-only, I/O errors (issue 15, defect 8).

Each used to end a load in a traceback and exit 1. Now each is one line and the exit code
of docs/architecture.md: a full disk 75 (temporary: free space and run again), a read-only database
77 (permission denied), a disk I/O error 69 (the database cannot be used). Nothing is
blamed on the input files, and after the fault is gone a plain rerun loads everything.
The faults are real: a tmpfs too small for the load (where mounting is allowed), a file
size limit (RLIMIT_FSIZE) on the loader process, a database opened with ``mode=ro``.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from eventstore.cli import main

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
pytestmark = pytest.mark.parametrize("dialect", ["sqlite"], indirect=True)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def assert_one_error_line(err: str, expected: str) -> None:
    lines = [line for line in err.splitlines() if not line.startswith("warning:")]
    assert len(lines) == 1, err[:3000]
    assert lines[0].startswith("error: "), lines[0]
    assert expected in lines[0], lines[0]
    assert "Traceback" not in err


def counts(path: Path) -> tuple[int, int]:
    """(articles, ingestion_errors) in the store at ``path``."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        articles = connection.execute(text("SELECT count(*) FROM articles")).scalar_one()
        errors = connection.execute(text("SELECT count(*) FROM ingestion_errors")).scalar_one()
    engine.dispose()
    return int(articles), int(errors)


def assert_a_rerun_loads_everything(url: str, path: Path) -> None:
    code, _, err = run("--database-url", url, "load", str(SEEDS))
    assert code == 0, err
    assert counts(path) == (5, 0)
    assert run("--database-url", url, "db", "verify")[0] == 0


@contextmanager
def tiny_tmpfs(folder: Path) -> Iterator[Path]:
    """A 400 KB tmpfs mounted at ``folder/disk`` (a skip where mounting is not allowed)."""
    mount = folder / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 400 KB tmpfs: room for a migrated store, not for the seeds loaded into it."""
    with tiny_tmpfs(tmp_path) as mount:
        yield mount


def test_a_full_disk_ends_the_load_with_75(db_url: str, tiny_disk: Path) -> None:
    source = Path(db_url.removeprefix("sqlite:///"))
    store = tiny_disk / "eventstore.db"
    shutil.copyfile(source, store)
    url = f"sqlite:///{store}"
    code, _, err = run("--database-url", url, "load", str(SEEDS))
    assert code == 75, err
    assert_one_error_line(err, "database or disk is full")
    assert counts(store)[1] == 0, "no input is blamed for the full disk"
    shutil.copyfile(store, source)  # the same store, moved to a disk with room
    assert_a_rerun_loads_everything(db_url, source)


def test_a_read_only_database_is_permission_denied(db_url: str) -> None:
    path = Path(db_url.removeprefix("sqlite:///"))
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    code, _, err = run("--database-url", read_only, "load", str(SEEDS))
    assert code == 77, err
    assert_one_error_line(err, "attempt to write a readonly database")
    assert run("--database-url", read_only, "stats")[0] == 0, "reading it still works"
    assert_a_rerun_loads_everything(db_url, path)


def limit_file_size() -> None:
    # Any write past 32 bytes of a file fails (EFBIG): the WAL's header fits, its first
    # frame does not. Python ignores SIGXFSZ, so the write fails rather than the process.
    resource.setrlimit(resource.RLIMIT_FSIZE, (32, 32))


def test_a_disk_io_error_is_database_unavailable(db_url: str) -> None:
    path = Path(db_url.removeprefix("sqlite:///"))
    held = create_engine(db_url)  # keeps -shm at its full size: the loader need not grow it
    with held.connect() as connection:
        connection.execute(text("SELECT count(*) FROM articles"))
        done = subprocess.run(
            [sys.executable, "-m", "eventstore", "--database-url", db_url, "load", str(SEEDS)],
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=limit_file_size,
            env={**os.environ, "NO_COLOR": "1"},
            check=False,
        )
    held.dispose()
    assert done.returncode == 69, done.stderr
    assert_one_error_line(done.stderr, "disk I/O error")
    assert counts(path)[1] == 0
    assert_a_rerun_loads_everything(db_url, path)
