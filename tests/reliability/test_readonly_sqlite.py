"""Sharing an SQLite store read-only works on a read-only filesystem (issue 15, defect 9).

The URL the docs suggest, ``sqlite:///file:PATH?mode=ro&uri=true``, failed there with
"unable to open database file": a WAL database is read through its ``-shm`` file, which a
read-only directory cannot hold. eventstore now opens such a file ``immutable=1`` itself
(no locks, no ``-shm``: nothing can write on that filesystem either), and a store opened
read-only keeps its journal mode (no ``PRAGMA journal_mode = WAL``). The filesystem here
is a real read-only mount (a tmpfs remounted ``ro``), where mounting is allowed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine

from eventstore.cli import main
from eventstore.load.loader import load_paths

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
pytestmark = pytest.mark.parametrize("dialect", ["sqlite"], indirect=True)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, check=False)


@pytest.fixture
def read_only_copy(engine: Engine, tmp_path: Path) -> Iterator[Path]:
    """The seeds' store, copied (after its writers closed) onto a read-only filesystem."""
    load_paths(engine, [SEEDS])
    engine.dispose()  # the last connection to close checkpoints the WAL and removes it
    source = Path(engine.url.database or "")
    assert not Path(f"{source}-wal").exists()
    mount = tmp_path / "ro"
    mount.mkdir()
    done = _mount("-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount))
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.strip()}")
    try:
        shutil.copyfile(source, mount / "eventstore.db")
        assert _mount("-o", "remount,ro", str(mount)).returncode == 0
        yield mount / "eventstore.db"
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.parametrize(
    "options", ["mode=ro&uri=true", "immutable=1&uri=true"], ids=["mode-ro", "immutable"]
)
def test_a_store_on_a_read_only_filesystem_can_be_read(read_only_copy: Path, options: str) -> None:
    url = f"sqlite:///file:{read_only_copy}?{options}"
    code, out, err = run("--database-url", url, "stats", "--json")
    assert code == 0, err
    assert json.loads(out)["counts"]["articles"] == 5
    code, out, err = run("--database-url", url, "timeline", "--json")
    assert code == 0, err
    assert len(json.loads(out)["items"]) > 10
    code, out, err = run("--database-url", url, "db", "verify")
    assert (code, out.startswith("ok: ")) == (0, True), out + err
    code, _, err = run("--database-url", url, "load", str(SEEDS))
    assert code == 77, err
    assert err.startswith("error: permission denied by the database")
    assert "Traceback" not in err
    assert sorted(path.name for path in read_only_copy.parent.iterdir()) == ["eventstore.db"]
