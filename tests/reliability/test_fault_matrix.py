"""The fault matrix of issue 15: every fault, through the real CLI, on both dialects.

One test over ``CASES``. A case sets its fault up around a small inbox (eight short
articles of tests/fixtures/brief with their sidecars), runs ``eventstore`` in a subprocess, and
checks what a user or a scheduler would see:

- no hang: every process runs under a timeout, and one that outlasts it fails the case;
- the exit code of the exit-code tables (docs/operations.md, docs/reliability.md), a
  killed loader's being -9;
- no traceback and no raw escape sequence on stdout or stderr, at most one ``error:``
  line, and the reason the case names.

Then the case heals its fault (bad input files stay: they are known bad) and the
scheduled job's command, ``eventstore load --exclusive`` of the same inbox (run in this
process, as the checks after it are: the fault itself always runs in its own), must exit 0
without updating anything, leave no run ``running``, and leave a store that holds what a
clean load of the good inputs holds (articles, sources, experts, claims, events and
their mentions, compared without ids); ``eventstore db verify`` must pass.

The kill -9 cases stop the loader at a point of the load (``kill_points.py``: extracting
a batch, between two batches, inside a batch's write transaction), with and without
``--workers 2``, kill it with SIGKILL, as the OOM killer does, and check that its
workers end with it.

Left to their own modules: a full disk on SQLite needs a tmpfs mount, so that case skips
where mounting is not allowed (as test_storage_faults.py does); a read-only filesystem
(test_readonly_sqlite.py, a mount), a malformed database file and a store opened
read-only for ``db verify`` (test_verify.py), what else the read-only role cannot do
(test_readonly_role.py), serialization failures and deadlocks (test_transient_failures.py,
the same path as a statement timeout), and the masking of passwords in free text
(test_passwords.py).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from eventstore.cli import main
from eventstore.db import WRITER_LOCK_KEY, make_engine
from eventstore.load.guard import EXCLUSIVE_LOCK_KEY
from eventstore.load.loader import load_paths
from tests.conftest import DIALECTS, REPO
from tests.load.test_loader import content
from tests.load.test_run_liveness import guard_backends
from tests.reliability import kill_points
from tests.reliability.test_readonly_role import drop_role, login_role
from tests.reliability.test_storage_faults import limit_file_size, tiny_tmpfs
from tests.reliability.test_transient_failures import TERMINATE, heal, inject, raise_state
from tests.reliability.test_verify import damage_a_postgresql_index, damage_an_sqlite_index

BRIEF = REPO / "tests" / "fixtures" / "brief"  # short articles: README.md there says why
CORPUS = sorted(BRIEF.glob("b0[1-8]_*.txt"))  # eight articles: two batches of four
SPARE = BRIEF / "b09_spare_riyadh.txt"  # a good text under a bad input's name
OTHER = BRIEF / "b10_other_systems.txt"
BATCH = "4"
TIMEOUT = 120  # seconds, for any one process of a case
BIG = "9" * 23  # beyond 64 bits
DEEP = "[" * 100_000 + "]" * 100_000  # json.loads raises RecursionError on this
FAKE = "rejected: forged.txt: empty: no text"
KILLED = -signal.SIGKILL
INBOX = "<inbox>"
NO_COLOR = {"NO_COLOR": "1"}


@dataclass(frozen=True)
class Run:
    """One ``eventstore`` process that ended: its arguments, exit code and output."""

    args: tuple[str, ...]
    code: int
    out: str
    err: str

    def __str__(self) -> str:
        shown = " ".join(arg[:60] for arg in self.args)
        return f"eventstore {shown} -> {self.code}\n{self.out[-2000:]}\n{self.err[-4000:]}"


@dataclass
class Started:
    """An ``eventstore`` process under way, its output going to pipes (not files: a
    case's file size limit would cut its output short)."""

    args: tuple[str, ...]
    process: subprocess.Popen[bytes]


@dataclass
class Store:
    """The store under test, the inbox loaded into it, and every process run on it."""

    url: str
    folder: Path
    dialect: str
    inbox: Path = field(init=False)
    runs: list[Run] = field(default_factory=list)
    _engine: Engine | None = None

    def __post_init__(self) -> None:
        self.inbox = make_inbox(self.folder / "inbox")

    @property
    def engine(self) -> Engine:
        """An engine on the store, for setting faults up and reading it back."""
        if self._engine is None:
            self._engine = make_engine(self.url)
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    def start(
        self,
        *args: str,
        url: str | None = None,
        env: Mapping[str, str] | None = None,
        pause: tuple[str, int, Path] | None = None,
        preexec_fn: Callable[[], None] | None = None,
    ) -> Started:
        """Start ``eventstore --database-url URL ARGS``; with ``pause`` (point, n, file)
        it stops at that point of the load (``kill_points``)."""
        entry = ["-m", "eventstore"]
        extra = dict(env or {})
        if pause is not None:
            point, nth, marker = pause
            entry = ["-c", kill_points.COMMAND]
            extra |= {kill_points.PAUSE: f"{point}:{nth}", kill_points.PAUSE_FILE: str(marker)}
        command = [sys.executable, *entry, "--database-url", url or self.url, *args]
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            cwd=REPO,
            env=environment(extra),
            preexec_fn=preexec_fn,  # noqa: PLW1509  # a resource limit, set before exec
        )
        return Started(tuple(args), process)

    def finish(self, started: Started, timeout: float = TIMEOUT) -> Run:
        """Wait for ``started`` to end: a hang kills it and fails the case."""
        try:
            out, err = started.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            started.process.kill()
            try:
                out, err = started.process.communicate(timeout=10)
            except subprocess.TimeoutExpired:  # a process it started holds its output
                out, err = b"", b"(its output is held open by a process it started)"
            pytest.fail(f"hung for {timeout} s: {Run(started.args, 0, _text(out), _text(err))}")
        run = Run(started.args, started.process.returncode, _text(out), _text(err))
        self.runs.append(run)
        return run

    def cli(self, *args: str, **options: Any) -> Run:
        """Run ``eventstore ARGS`` on the store (or on ``url=``) to its end."""
        return self.finish(self.start(*args, **options))

    def check(self, *args: str) -> Run:
        """Run ``eventstore ARGS`` on the store in this process (the checks after a case:
        the same CLI, without a second's start-up for each)."""
        result = CliRunner().invoke(main, ["--database-url", self.url, *args], env=NO_COLOR)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        run = Run(tuple(args), result.exit_code, result.stdout, result.stderr)
        self.runs.append(run)
        return run


def _text(output: bytes) -> str:
    return output.decode("utf-8", errors="replace")


def environment(extra: Mapping[str, str]) -> dict[str, str]:
    """This process's environment, with the repository importable (for kill_points)."""
    path = os.pathsep.join(filter(None, (str(REPO), os.environ.get("PYTHONPATH"))))
    return {**os.environ, **NO_COLOR, "PYTHONPATH": path, **extra}


def make_inbox(folder: Path) -> Path:
    """The good inputs: the corpus's articles and their sidecars."""
    folder.mkdir(parents=True)
    for article in CORPUS:
        shutil.copy(article, folder)
        shutil.copy(article.with_suffix(".json"), folder)
    return folder


ARTICLES = (
    "SELECT a.external_id, s.key, x.key, a.url, a.title, a.lede, a.body, a.category, "
    "a.language, a.published_on, a.content_hash, a.extractor_version FROM articles a "
    "LEFT JOIN sources s ON s.id = a.source_id LEFT JOIN experts x ON x.id = a.featured_expert_id"
)


def stored(engine: Engine) -> dict[str, set[Any]]:
    """What the store holds, without ids (dates as text: SQLite returns them so)."""
    found = content(engine)
    with engine.connect() as connection:
        found["articles"] = {
            tuple(None if value is None else str(value) for value in row)
            for row in connection.execute(text(ARTICLES))
        }
    return found


Content = dict[str, set[Any]]
GoodInputs = Callable[[Path], None]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Callable[[GoodInputs | None], Content]:
    """What a clean load of the good inputs stores (the inbox, plus what a case adds),
    loaded once into SQLite."""
    cache: dict[str, Content] = {}

    def of(good: GoodInputs | None) -> Content:
        key = good.__name__ if good else ""
        if key not in cache:
            folder = tmp_path_factory.mktemp("reference")
            inbox = make_inbox(folder / "inbox")
            if good is not None:
                good(inbox)
            engine = make_engine(f"sqlite:///{folder / 'reference.db'}")
            report = load_paths(engine, [inbox])
            assert report.exit_code == 0, report.errors
            cache[key] = stored(engine)
            engine.dispose()
        return cache[key]

    return of


def statuses(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        query = text("SELECT status FROM ingestion_runs ORDER BY id")
        return [str(status) for status in connection.execute(query).scalars()]


def sqlite_path(store: Store) -> Path:
    return Path(make_url(store.url).database or "")


# --- kill -9 --------------------------------------------------------------------------------


def descendants(pid: int) -> list[int]:
    """Processes whose parent chain leads to ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found: list[int] = []
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found += frontier
    return sorted(found)


def alive(pid: int) -> bool:
    """The process exists and is no zombie (a container's init may never reap one)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_paused(store: Store, loader: Started, marker: Path) -> int:
    """Wait for the loader to reach its point; the pid of the process that did."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if marker.exists() and (pid := marker.read_text()):
            return int(pid)
        if loader.process.poll() is not None:
            pytest.fail(f"the loader ended before its point: {store.finish(loader)}")
        time.sleep(0.02)
    loader.process.kill()
    pytest.fail(f"the loader never reached its point: {store.finish(loader)}")


def kill(point: str, nth: int, workers: int) -> Callable[[Store], Run]:
    """Stop a load at the ``nth`` time it reaches ``point`` and kill -9 it there."""

    def fault(store: Store) -> Run:
        marker = store.folder / "paused"
        loader = store.start(
            "load",
            "--batch-size",
            BATCH,
            "--workers",
            str(workers),
            str(store.inbox),
            pause=(point, nth, marker),
        )
        paused = wait_paused(store, loader, marker)
        children = descendants(loader.process.pid)
        os.kill(loader.process.pid, signal.SIGKILL)
        marker.with_name(marker.name + ".go").touch()  # a worker paused as it started goes on
        if workers > 1:
            assert children, "the loader started no worker"
            if point in {"worker_start", "extract"}:
                assert paused in children, "the point was reached outside the workers"
        deadline = time.monotonic() + 30
        while any(alive(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [pid for pid in children if alive(pid)] == [], "processes outlived the loader"
        return store.finish(loader)

    fault.__name__ = f"kill_{point}_{workers}"
    return fault


# --- bad inputs -----------------------------------------------------------------------------


def spare(inbox: Path, stem: str, sidecar: str | None = None) -> None:
    """A good text named ``stem`` whose sidecar (when given) is ``sidecar``."""
    shutil.copy(SPARE, inbox / f"{stem}.txt")
    if sidecar is not None:
        (inbox / f"{stem}.json").write_text(sidecar, encoding="utf-8")


def load_with(write: Callable[[Path], None], *options: str, **run: Any) -> Callable[[Store], Run]:
    """Put bad inputs beside the good ones, then load the inbox."""

    def fault(store: Store) -> Run:
        write(store.inbox)
        return store.cli("load", *options, str(store.inbox), **run)

    fault.__name__ = write.__name__
    return fault


def nested_json(inbox: Path) -> None:
    spare(inbox, "deep", DEEP)
    lines = [DEEP, '{"external_id": "long-number", "n": ' + "1" * 5000 + "}"]
    (inbox / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def nul_in_external_id(inbox: Path) -> None:
    spare(inbox, "nul", json.dumps({"external_id": "ab\0cd"}))


def long_external_id(inbox: Path) -> None:
    spare(inbox, "long", json.dumps({"external_id": "x" * 300}))


def fifo_article(inbox: Path) -> None:
    os.mkfifo(inbox / "b.txt")


def fifo_sidecar(inbox: Path) -> None:
    spare(inbox, "b")
    os.mkfifo(inbox / "b.json")


def link_to_dev_zero(inbox: Path) -> None:
    os.symlink("/dev/zero", inbox / "zero.txt")
    os.symlink("/dev/zero", inbox / "zeros.jsonl")


def huge_outlet(inbox: Path) -> None:
    spare(inbox, "outlet", json.dumps({"outlet": "x" * 10_000_000}))


def big_sidecar(inbox: Path) -> None:
    spare(inbox, "big", json.dumps({"outlet": "Reuters", "notes": "x" * 11_000_000}))


def nul_in_jsonl_body(inbox: Path) -> None:
    record = {"external_id": "nul-body", "title": "A title here", "body": "x\0y"}
    (inbox / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")


def _story(extra: str) -> dict[str, str]:
    title, body = SPARE.read_text(encoding="utf-8").split("\n", 1)
    return {"external_id": "feed-story", "title": title, "body": body + extra}


def one_id_twice(inbox: Path) -> None:
    records = [_story(""), _story("\nThe ministry declined to comment.")]
    (inbox / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))


def one_id_twice_good(inbox: Path) -> None:
    """What a clean load should hold of ``one_id_twice``: the later record only."""
    record = _story("\nThe ministry declined to comment.")
    (inbox / "feed.jsonl").write_text(json.dumps(record) + "\n")


def one_id_two_files(inbox: Path) -> None:
    one_id_two_files_good(inbox)
    shutil.copy(OTHER, inbox / "dup_b.txt")
    (inbox / "dup_b.json").write_text(json.dumps({"external_id": "same"}))


def one_id_two_files_good(inbox: Path) -> None:
    """What a clean load should hold of ``one_id_two_files``: the first file read."""
    spare(inbox, "dup_a", json.dumps({"external_id": "same"}))


def hostile_names(inbox: Path) -> None:
    shutil.copy(SPARE, inbox / f"a\n{FAKE}.txt")  # its id, from the name, has a newline
    (inbox / "b\x1b[31mred\x1b[0m.txt").write_bytes(b"")
    shutil.copy(SPARE, os.fsdecode(bytes(inbox) + b"/caf\xe9.txt"))


def no_forged_line(fault: Callable[[Store], Run]) -> Callable[[Store], Run]:
    """``fault``, and no line of its output that a file name forged."""

    def checked(store: Store) -> Run:
        run = fault(store)
        lines = (run.out + run.err).splitlines()
        assert not any(line.startswith(FAKE) for line in lines), run.err
        assert "\\x1b[31mred\\x1b[0m.txt: empty" in run.err, run.err
        return run

    checked.__name__ = fault.__name__
    return checked


# --- the database ---------------------------------------------------------------------------


def injected(action: str, times: int) -> Callable[[Store], Run]:
    """The first ``times`` inserts into articles fail with ``action`` (a server-side
    trigger: a real termination, or an error of the fault's SQLSTATE); then it heals."""

    def fault(store: Store) -> Run:
        inject(store.engine, action, times)
        run = store.cli("load", str(store.inbox))
        heal(store.engine)
        return run

    fault.__name__ = f"injected_{times}"
    return fault


def sqlite_busy(store: Store) -> Run:
    """Another connection holds SQLite's write lock for the whole load."""
    holder = create_engine(store.url, connect_args={"isolation_level": None})
    with holder.connect() as connection:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        run = store.cli("load", str(store.inbox), url=f"{store.url}?timeout=0.1")
        connection.exec_driver_sql("ROLLBACK")
    holder.dispose()
    return run


def sqlite_read_only(store: Store) -> Run:
    url = f"sqlite:///file:{sqlite_path(store)}?mode=ro&uri=true"
    return store.cli("load", str(store.inbox), url=url)


def sqlite_io_error(store: Store) -> Run:
    """Writes fail with EFBIG (as test_storage_faults.py makes them)."""
    with store.engine.connect() as connection:  # keeps -shm at its full size
        connection.execute(text("SELECT count(*) FROM articles"))
        run = store.cli("load", str(store.inbox), preexec_fn=limit_file_size)
    store.engine.dispose()
    return run


def sqlite_disk_full(store: Store) -> Run:
    """The store on a 400 KB tmpfs, then moved back to a disk with room (needs a mount)."""
    with tiny_tmpfs(store.folder) as mount:
        small = mount / "eventstore.db"
        shutil.copyfile(sqlite_path(store), small)
        run = store.cli("load", str(store.inbox), url=f"sqlite:///{small}")
        shutil.copyfile(small, sqlite_path(store))
    return run


def url_with(store: Store, **change: Any) -> str:
    url = make_url(store.url)
    url = url.update_query_dict(change.pop("query", {}))
    return url.set(**change).render_as_string(hide_password=False)


def bad_url_option(store: Store) -> Run:
    return store.cli("load", str(store.inbox), url=url_with(store, query={"sslmode": "bogus"}))


def bad_port(store: Store) -> Run:
    return store.cli("load", str(store.inbox), url=url_with(store, port=99999))


def unreachable_with_at_in_password(store: Store) -> Run:
    run = store.cli("load", str(store.inbox), url="postgresql://u:sec@retPW@127.0.0.1:1/db")
    assert "retPW" not in run.out + run.err
    assert "sec@" not in run.out + run.err
    return run


@contextmanager
def read_only_role(store: Store) -> Iterator[str]:
    """A login role made read-only with ``eventstore db grant-readonly``: its URL."""
    role, url = login_role(store.engine, "reader")
    try:
        granted = CliRunner().invoke(
            main, ["--database-url", store.url, "db", "grant-readonly", role]
        )
        assert granted.exit_code == 0, granted.output
        yield url
    finally:
        drop_role(store.engine, role)


def reader_takes_the_loaders_locks(store: Store) -> Run:
    """The reader asks for the loaders' advisory locks (refused) and stays in an open
    transaction while an exclusive load runs: it must not stall it."""
    with read_only_role(store) as url:
        reader = create_engine(url)
        try:
            with reader.connect() as connection:
                for key in (WRITER_LOCK_KEY, EXCLUSIVE_LOCK_KEY):
                    with pytest.raises(ProgrammingError, match="permission denied"):
                        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
                    connection.rollback()
                connection.execute(text("SELECT count(*) FROM v_timeline"))
                return store.cli("load", "--exclusive", str(store.inbox))
        finally:
            reader.dispose()


def load_as_reader(store: Store) -> Run:
    with read_only_role(store) as url:
        return store.cli("load", str(store.inbox), url=url)


def guard_connection_dropped(store: Store) -> Run:
    """Run 1's lock connection is terminated while it works: neither ``runs`` nor another
    load may mark it interrupted, and it ends well."""
    marker = store.folder / "paused"
    loader = store.start(
        "load", "--batch-size", BATCH, str(store.inbox), pause=("between", 1, marker)
    )
    try:
        wait_paused(store, loader, marker)
        [backend] = guard_backends(store.engine, 1)
        with store.engine.connect() as connection:
            connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
        deadline = time.monotonic() + 30
        while guard_backends(store.engine, 1) and time.monotonic() < deadline:
            time.sleep(0.05)
        listed = store.cli("runs", "--json")
        assert [run["status"] for run in json.loads(listed.out)["items"]] == ["running"], listed.out
        other = store.cli("load", str(store.inbox))
        assert other.code == 0, str(other)
        assert statuses(store.engine) == ["running", "succeeded"]
    finally:
        marker.with_name(marker.name + ".go").touch()
    return store.finish(loader)


def together(*args: str) -> Callable[[Store], Run]:
    """Two ``eventstore ARGS`` at once on a fresh database (``INBOX``: the inbox's path);
    both must succeed."""

    def fault(store: Store) -> Run:
        command = [str(store.inbox) if arg == INBOX else arg for arg in args]
        first, second = [store.start(*command) for _ in range(2)]
        done = store.finish(first)
        assert done.code == 0, str(done)
        return store.finish(second)

    fault.__name__ = f"together_{args[-1]}"
    return fault


def damaged_index(store: Store) -> Run:
    """An index that lost a row: ``db verify`` names it (exit 1); the index is rebuilt."""
    load_paths(store.engine, [store.inbox])
    if store.dialect == "sqlite":
        store.engine.dispose()
        damage_an_sqlite_index(sqlite_path(store))
        run = store.cli("db", "verify")
        connection = sqlite3.connect(sqlite_path(store), isolation_level=None)
        connection.execute("REINDEX ix_events_month_day")
        connection.execute("VACUUM")  # drops the pages of the index's old b-tree
        connection.close()
        return run
    with store.engine.begin() as connection:
        connection.execute(text("CREATE EXTENSION IF NOT EXISTS amcheck"))
    damage_a_postgresql_index(store.engine)
    run = store.cli("db", "verify")
    with store.engine.begin() as connection:  # the index first: the row is not in it
        connection.execute(text("REINDEX INDEX uq_sources_key"))
        connection.execute(text("DELETE FROM sources WHERE key = 'lost row'"))
    return run


def command(*args: str) -> Callable[[Store], Run]:
    def fault(store: Store) -> Run:
        return store.cli(*args)

    fault.__name__ = "_".join(args[:2])
    return fault


# --- the table ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One fault: how to set it up and run it, the exit code the docs give, and the
    reason its output must hold."""

    name: str
    fault: Callable[[Store], Run]
    exit_code: int
    says: str = ""
    dialects: tuple[str, ...] = DIALECTS
    fresh: bool = False  # an empty database, not one migrated to head
    good: GoodInputs | None = None  # good inputs the fault adds to the inbox
    runs: tuple[str, ...] | None = None  # ingestion_runs statuses after the rerun
    slow: bool = False


SQLITE, POSTGRESQL = ("sqlite",), ("postgresql",)
INTERRUPTED = ("interrupted", "succeeded")

CASES = [
    # kill -9 of the loader (issue 15 defect 1, and the promise that held without workers)
    Case("kill-9-extracting", kill("extract", 1, 1), KILLED, runs=INTERRUPTED),
    Case("kill-9-between-batches", kill("between", 1, 1), KILLED, runs=INTERRUPTED),
    Case("kill-9-writing", kill("write", 2, 1), KILLED, runs=INTERRUPTED),
    Case(
        "kill-9-workers-starting", kill("worker_start", 1, 2), KILLED, runs=INTERRUPTED, slow=True
    ),
    Case("kill-9-workers-extracting", kill("extract", 1, 2), KILLED, runs=INTERRUPTED, slow=True),
    Case("kill-9-workers-between", kill("between", 1, 2), KILLED, runs=INTERRUPTED, slow=True),
    Case("kill-9-workers-writing", kill("write", 2, 2), KILLED, runs=INTERRUPTED, slow=True),
    # one bad input (defects 2, 3, 11, 12, 14): it costs itself only
    Case("deeply-nested-json", load_with(nested_json), 65, "nested too deeply"),
    Case("nul-in-external-id", load_with(nul_in_external_id), 65, "control character U+0000"),
    Case("external-id-300-chars", load_with(long_external_id), 65, "300 characters, at most 255"),
    Case("fifo-article", load_with(fifo_article), 65, "b.txt: unreadable: not a regular file"),
    Case("fifo-sidecar", load_with(fifo_sidecar), 65, "b.json is not a regular file (a FIFO)"),
    Case("fifo-exclusive", load_with(fifo_article, "--exclusive"), 65, "(a FIFO)"),
    Case("link-to-dev-zero", load_with(link_to_dev_zero), 65, "(a character device)"),
    Case("outlet-10-mb", load_with(huge_outlet), 65, "outlet: 10,000,000 characters"),
    Case("sidecar-over-limit", load_with(big_sidecar), 65, "too large: big.json"),
    Case("nul-in-jsonl-body", load_with(nul_in_jsonl_body), 65, "contains a NUL character"),
    Case(
        "one-id-twice",
        load_with(one_id_twice),
        0,
        "has the same id (feed-story) and replaces it",
        good=one_id_twice_good,
    ),
    Case(
        "one-id-two-files",
        load_with(one_id_two_files),
        0,
        "has the same id (same) and was read first",
        good=one_id_two_files_good,
    ),
    Case("hostile-file-names", no_forged_line(load_with(hostile_names)), 65, "not UTF-8"),
    # the database fails (defects 5, 8)
    Case("connection-terminated-twice", injected(TERMINATE, 2), 0, "retrying", POSTGRESQL),
    Case(
        "connection-terminated-always",
        injected(TERMINATE, 1_000_000),
        69,
        "the connection to the database was lost",
        POSTGRESQL,
    ),
    Case(
        "statement-timeout-always",
        injected(raise_state("57014"), 1_000_000),
        75,
        "the database stayed busy",
        POSTGRESQL,
    ),
    Case(
        "disk-full",
        injected(raise_state("53100"), 1_000_000),
        75,
        "disk is full",
        POSTGRESQL,
    ),
    Case("disk-full", sqlite_disk_full, 75, "database or disk is full", SQLITE),
    Case("busy-always", sqlite_busy, 75, "the database stayed busy", SQLITE),
    Case("read-only-file", sqlite_read_only, 77, "attempt to write a readonly database", SQLITE),
    Case("disk-io-error", sqlite_io_error, 69, "disk I/O error", SQLITE),
    Case("bad-url-option", bad_url_option, 78, 'invalid sslmode value: "bogus"', POSTGRESQL),
    Case("port-out-of-range", bad_port, 78, "bad port 99999", POSTGRESQL),
    Case(
        "unreachable-at-in-password",
        unreachable_with_at_in_password,
        69,
        "cannot reach the database at postgresql+psycopg://u:***@127.0.0.1:1/db",
        POSTGRESQL,
    ),
    # the read-only role (defect 4)
    Case("reader-takes-loader-locks", reader_takes_the_loaders_locks, 0, dialects=POSTGRESQL),
    Case("load-as-reader", load_as_reader, 77, "permission denied by the database", POSTGRESQL),
    Case(
        "grant-readonly-public",
        command("db", "grant-readonly", "PUBLIC"),
        78,
        "refusing PUBLIC",
        POSTGRESQL,
    ),
    # runs that overlap or lose their lock connection (defects 6, 13)
    Case(
        "two-first-loads",
        together("load", INBOX),
        0,
        fresh=True,
        runs=("succeeded",) * 3,
        slow=True,
    ),
    Case("two-upgrades", together("db", "upgrade"), 0, fresh=True, runs=("succeeded",)),
    Case(
        "lock-connection-dropped",
        guard_connection_dropped,
        0,
        dialects=POSTGRESQL,
        runs=("succeeded", "succeeded", "succeeded"),
        slow=True,
    ),
    # db verify (defect 7) and values no query can take (defect 8)
    Case("damaged-index", damaged_index, 1, "problem: "),
    Case("event-id-beyond-64-bits", command("event", BIG), 1, f"no event '{BIG}'"),
    Case(
        "negative-limit",
        command("query", "recent_ingestion_errors", "--param", "limit=-1"),
        2,
        "limit must be 0 or more",
    ),
    Case(
        "like-pattern-100-kb",
        command("claims", "--search", "%a" * 50_000),
        2,
        "search: 100,000 characters, at most 1,000",
    ),
    Case("upgrade-nonexistent", command("db", "upgrade", "nonexistent"), 2, "cannot migrate"),
]


def _params() -> list[Any]:
    return [
        pytest.param(
            case,
            dialect,
            id=f"{case.name}-{dialect}",
            marks=[pytest.mark.slow] if case.slow else [],
        )
        for case in CASES
        for dialect in case.dialects
    ]


@pytest.mark.parametrize(("case", "dialect"), _params(), indirect=["dialect"])
def test_fault(
    case: Case,
    dialect: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    reference: Callable[[GoodInputs | None], Content],
) -> None:
    url = request.getfixturevalue("empty_db_url" if case.fresh else "db_url")
    store = Store(url, tmp_path, dialect)
    try:
        run = case.fault(store)
        assert run.code == case.exit_code, str(run)
        assert case.says in run.out + run.err, str(run)

        rerun = store.check("load", "--exclusive", "--json", str(store.inbox))
        assert rerun.code == 0, str(rerun)
        summary = json.loads(rerun.out)
        assert (summary["updated"], summary["failed"]) == (0, 0), rerun.out
        assert stored(store.engine) == reference(case.good)
        found = statuses(store.engine)
        assert "running" not in found, found
        if case.runs is not None:
            assert found == list(case.runs)
        verify = store.check("db", "verify")
        assert (verify.code, verify.out.startswith("ok: ")) == (0, True), str(verify)

        for done in store.runs:
            shown = done.out + done.err
            assert "Traceback" not in shown, str(done)
            assert "\x1b" not in shown, str(done)
            assert len([line for line in shown.splitlines() if line.startswith("error:")]) <= 1
    finally:
        store.close()
