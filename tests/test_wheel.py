"""The wheel carries what eventstore reads at run time: built, installed into a fresh
virtual environment and run from outside the source tree, it migrates, loads and lists
its named queries.

The new environment gets the wheel alone (``pip --python ... --no-deps``); its
dependencies (SQLAlchemy, spaCy and the spaCy model, ...) come from the environment
running the tests, through a ``.pth`` line naming that environment's site-packages,
written after the install. Lines of a ``.pth`` file add a folder to the path without
reading the ``.pth`` files inside it, so the editable install of the checkout there is
not seen: ``eventstore`` can only be imported from the wheel (asserted). This needs no
network and no index, and takes 15 to 30 s (a loaded machine).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from eventstore.migrations import head_revision

pytestmark = pytest.mark.slow  # runs the real commands, many seconds
REPO = Path(__file__).resolve().parents[1]
QUERY_NAMES = sorted(path.stem for path in (REPO / "queries").glob("*.sql"))
# What would let the checkout leak in, or point the commands at another database.
_UNSET = ("PYTHONPATH", "EVENTSTORE_DATABASE_URL", "DATABASE_URL", "PYTHONHOME")


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command that must succeed; its stdout."""
    result = subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"{args} exited {result.returncode}:\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with the wheel of this checkout installed."""
    root = tmp_path_factory.mktemp("wheel")
    pip = (sys.executable, "-m", "pip", "--disable-pip-version-check")
    _run(*pip, "wheel", "--no-deps", "--quiet", "--wheel-dir", root / "dist", REPO, cwd=root)
    (wheel,) = (root / "dist").glob("eventstore-*.whl")
    _run(sys.executable, "-m", "venv", "--without-pip", root / "venv", cwd=root)
    python = root / "venv" / "bin" / "python"
    _run(*pip, "--python", python, "install", "--no-deps", "--no-index", "--quiet", wheel, cwd=root)
    site = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=root)
    dependencies = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site.strip()) / "_test_dependencies.pth").write_text("\n".join(sorted(dependencies)))
    return root / "venv"


@pytest.fixture
def outside(venv: Path, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A working folder outside the source tree, and an environment that names neither
    the checkout nor a database."""
    env = {key: value for key, value in os.environ.items() if key not in _UNSET}
    return tmp_path, env


def test_eventstore_is_imported_from_the_wheel(
    venv: Path, outside: tuple[Path, dict[str, str]]
) -> None:
    cwd, env = outside
    where = _run(
        venv / "bin" / "python",
        "-c",
        "import eventstore; print(eventstore.__file__)",
        cwd=cwd,
        env=env,
    )
    assert Path(where.strip()).is_relative_to(venv)


def test_the_installed_command_migrates_loads_and_lists_queries(
    venv: Path, outside: tuple[Path, dict[str, str]], dialect: str, empty_db_url: str
) -> None:
    cwd, env = outside
    # SQLite: a relative file, as a user types it, in the working folder.
    url = "sqlite:///x.db" if dialect == "sqlite" else empty_db_url
    eventstore = (venv / "bin" / "eventstore", "--database-url", url)
    seeds = cwd / "articles"
    seeds.mkdir()
    for path in (REPO / "seeds").glob("*.txt"):
        (seeds / path.name).write_bytes(path.read_bytes())

    _run(*eventstore, "db", "upgrade", cwd=cwd, env=env)
    current = _run(*eventstore, "db", "current", cwd=cwd, env=env)
    assert current.split()[0] == head_revision()
    loaded = json.loads(_run(*eventstore, "load", "--json", "articles", cwd=cwd, env=env))
    assert (loaded["seen"], loaded["added"], loaded["failed"]) == (5, 5, 0)
    listed = _run(*eventstore, "query", "--list", "--format", "csv", cwd=cwd, env=env)
    assert [name for name in QUERY_NAMES if name not in listed] == []
    assert len(QUERY_NAMES) >= 18
    if dialect == "sqlite":
        assert (cwd / "x.db").is_file()
