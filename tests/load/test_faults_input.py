"""Faults in the input that used to abort, hang or fool a load (issue 15), on both dialects.

Each bad input must cost itself only: one recorded, one-line reason, and the good inputs
beside it load. Values are held to one set of limits before they reach SQL, so SQLite
and PostgreSQL accept and reject the same inputs. Only regular files are read, and never
more than the size limit allows; file names with control characters are stored as they
are and printed escaped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, text

from eventstore.cli import main
from eventstore.load.inputs import read_inputs
from eventstore.load.loader import LoadOptions, LoadReport, load_paths
from eventstore.load.problems import Problem
from eventstore.load.runs import record_problems
from eventstore.redact import escape_controls

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
GOOD = SEEDS / "000_b08e3bd24bb77b56.txt"
MAX_BYTES = 250_000
OPTIONS = LoadOptions(max_file_bytes=MAX_BYTES, today=date(2026, 11, 23))
DEEP = "[" * 100_000 + "]" * 100_000  # json.loads raises RecursionError on this


def good_text(seed: str = "003_7b92abb2997c6845.txt") -> str:
    return (SEEDS / seed).read_text(encoding="utf-8")


def record(external_id: str, /, **fields: object) -> str:
    """One JSONL line: a good seed article with ``fields`` added."""
    return json.dumps({"external_id": external_id, "text": good_text(), **fields})


def with_sidecar(folder: Path, stem: str, sidecar: str) -> None:
    shutil.copy(GOOD, folder / f"{stem}.txt")
    (folder / f"{stem}.json").write_text(sidecar, encoding="utf-8")


def stored_ids(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return {str(row[0]) for row in connection.execute(text("SELECT external_id FROM articles"))}


def errors_by_place(report: LoadReport, folder: Path) -> dict[str, Problem]:
    """Each rejected input by its path relative to ``folder`` (``name:line`` for JSONL)."""
    found = {}
    for problem in report.errors:
        where = Path(problem.path).relative_to(folder).as_posix()
        found[where if problem.line is None else f"{where}:{problem.line}"] = problem
    return found


def assert_recorded(engine: Engine, report: LoadReport) -> None:
    """The run ended partial, with one ingestion_errors row per problem reported."""
    with engine.connect() as connection:
        status, failed = connection.execute(
            text("SELECT status, failed FROM ingestion_runs WHERE id = :id"), {"id": report.run_id}
        ).one()
        rows = connection.execute(
            text("SELECT code, reason FROM ingestion_errors WHERE run_id = :id"),
            {"id": report.run_id},
        ).all()
    assert (status, failed) == ("partial", len(report.errors))
    assert Counter(tuple(row) for row in rows) == Counter(
        (p.code, p.reason) for p in report.totals.problems
    )
    for problem in report.errors:
        assert problem.reason.isprintable(), problem.reason
        assert len(problem.reason) <= 500, problem.reason


# --- 1. one bad input never aborts the load ------------------------------------------------


def test_deeply_nested_json_rejects_only_its_input(engine: Engine, tmp_path: Path) -> None:
    shutil.copy(GOOD, tmp_path / "good.txt")
    with_sidecar(tmp_path, "deep", DEEP)
    with_sidecar(tmp_path, "deep_field", '{"external_id": "x", "a": ' + DEEP + "}")
    lines = [record("feed-1"), DEEP, '{"external_id": "feed-3", "extra": ' + DEEP + "}"]
    lines += [record("feed-4"), '{"external_id": "feed-5", "n": ' + "1" * 5000 + "}"]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    report = load_paths(engine, [tmp_path], options=OPTIONS)

    errors = errors_by_place(report, tmp_path)
    assert sorted(errors) == [
        "deep.txt",
        "deep_field.txt",
        "feed.jsonl:2",
        "feed.jsonl:3",
        "feed.jsonl:5",
    ]
    assert errors["deep.txt"].reason == "bad metadata in deep.json: nested too deeply"
    assert errors["deep.txt"].code == "bad_metadata"
    assert errors["feed.jsonl:2"].reason == "invalid JSON: nested too deeply"
    assert errors["feed.jsonl:2"].code == "bad_json"
    assert errors["feed.jsonl:5"].reason == "invalid JSON: a number of more than 4,300 digits"
    assert stored_ids(engine) == {"good", "feed-1", "feed-4"}
    assert_recorded(engine, report)


FIELDS = ("external_id", "url", "outlet", "category", "language")


@pytest.mark.parametrize("field", FIELDS, ids=FIELDS)
def test_a_nul_in_a_sidecar_field_rejects_its_article(
    engine: Engine, tmp_path: Path, field: str
) -> None:
    shutil.copy(GOOD, tmp_path / "good.txt")
    with_sidecar(tmp_path, "nul", json.dumps({field: "ab\0cd"}))

    report = load_paths(engine, [tmp_path], options=OPTIONS)

    [problem] = report.errors
    assert (Path(problem.path).name, problem.code) == ("nul.txt", "bad_metadata")
    assert problem.reason == (
        f"bad metadata in nul.json: {field}: control character U+0000 at position 3"
    )
    assert stored_ids(engine) == {"good"}
    assert_recorded(engine, report)


@pytest.mark.parametrize(
    ("value", "says"),
    [
        pytest.param("a\x1b[31mb", "control character U+001B at position 2", id="escape"),
        pytest.param("a\nb", "control character U+000A at position 2", id="newline"),
        pytest.param("a\x85b", "control character U+0085 at position 2", id="c1"),
        pytest.param("a\ud800b", "unpaired surrogate", id="surrogate"),
    ],
)
def test_control_characters_in_a_jsonl_id_reject_the_record(
    engine: Engine, tmp_path: Path, value: str, says: str
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(record("ok") + "\n" + record(value) + "\n", encoding="utf-8")

    report = load_paths(engine, [feed], options=OPTIONS)

    [problem] = report.errors
    assert (problem.line, problem.code) == (2, "bad_metadata")
    assert problem.reason == f"bad metadata: external_id: {says}"
    assert stored_ids(engine) == {"ok"}
    assert_recorded(engine, report)


@pytest.mark.parametrize(
    ("fields", "code", "reason"),
    [
        pytest.param(
            {"body": "x\0y"},
            "binary",
            "binary: the text contains a NUL character at position 15",
            id="nul-body",
        ),
        pytest.param(
            {"body": "x\udc80y"},
            "not_utf8",
            "not UTF-8: unpaired surrogate U+DC80 at position 15 of the text",
            id="surrogate-body",
        ),
    ],
)
def test_a_bad_body_is_rejected_alike_on_both_dialects(
    engine: Engine, tmp_path: Path, fields: dict[str, str], code: str, reason: str
) -> None:
    feed = tmp_path / "feed.jsonl"
    bad = json.dumps({"external_id": "bad", "title": "A title here", **fields})
    feed.write_text(record("ok") + "\n" + bad + "\n", encoding="utf-8")

    report = load_paths(engine, [feed], options=OPTIONS)

    [problem] = report.errors
    assert (problem.line, problem.code, problem.reason) == (2, code, reason)
    assert stored_ids(engine) == {"ok"}
    assert_recorded(engine, report)


@pytest.mark.parametrize(
    ("field", "length", "limit"),
    [
        pytest.param("external_id", 256, 255, id="external_id"),
        pytest.param("external_id", 100_000, 255, id="external_id-huge"),
        pytest.param("outlet", 301, 300, id="outlet"),
        pytest.param("outlet", 200_000, 300, id="outlet-huge"),
        pytest.param("url", 2049, 2048, id="url"),
        pytest.param("category", 101, 100, id="category"),
        pytest.param("language", 17, 16, id="language"),
    ],
)
def test_a_field_over_its_column_limit_is_rejected_alike(
    engine: Engine, tmp_path: Path, field: str, length: int, limit: int
) -> None:
    """SQLite stores a 200,000-character outlet that PostgreSQL refuses: both reject it."""
    shutil.copy(GOOD, tmp_path / "good.txt")
    with_sidecar(tmp_path, "long", json.dumps({field: "x" * length}))
    feed = tmp_path / "feed.jsonl"
    feed.write_text(record("ok") + "\n" + record("bad", **{field: "y" * length}) + "\n")

    report = load_paths(engine, [tmp_path], options=OPTIONS)

    errors = errors_by_place(report, tmp_path)
    assert sorted(errors) == ["feed.jsonl:2", "long.txt"]
    says = f"{field}: {length:,} characters, at most {limit:,}"
    assert errors["long.txt"].reason == f"bad metadata in long.json: {says}"
    assert errors["feed.jsonl:2"].reason == f"bad metadata: {says}"
    assert stored_ids(engine) == {"good", "ok"}
    assert_recorded(engine, report)


def test_an_outlet_whose_key_is_too_long_is_rejected(engine: Engine, tmp_path: Path) -> None:
    """'ﬃ' folds to 'ffi': 200 characters of name make a 600-character key."""
    with_sidecar(tmp_path, "fold", json.dumps({"outlet": "ﬃ" * 200}))
    report = load_paths(engine, [tmp_path], options=OPTIONS)
    [problem] = report.errors
    assert (
        problem.reason
        == "bad metadata in fold.json: outlet: its key is 600 characters, at most 300"
    )
    assert_recorded(engine, report)


def test_a_sidecar_is_held_to_the_size_limit(engine: Engine, tmp_path: Path) -> None:
    with_sidecar(tmp_path, "big", json.dumps({"outlet": "Reuters", "notes": "x" * MAX_BYTES}))
    report = load_paths(engine, [tmp_path], options=OPTIONS)
    [problem] = report.errors
    assert problem.code == "too_large"
    assert problem.reason.startswith("too large: big.json is 250,034 bytes (the limit is 250,000")
    assert_recorded(engine, report)


def test_an_error_row_is_recorded_whatever_its_values(engine: Engine) -> None:
    """The error row's own columns have limits: what would not fit is cut, never refused."""
    problem = Problem(
        "/in/a\udcffb.txt", "bad_metadata", "why\0 " * 200, external_id="\0" + "x" * 1000
    )
    assert problem.external_id == "\\x00" + "x" * 251
    assert problem.path == "/in/a\\xffb.txt"
    assert len(problem.reason) == 500
    assert "\0" not in problem.reason
    with engine.begin() as connection:
        run_id = connection.execute(
            text(
                "INSERT INTO ingestion_runs (started_at, status, files_seen, added, updated,"
                " unchanged, failed, extractor_version, read_s, extract_s, resolve_s, write_s)"
                " VALUES (CURRENT_TIMESTAMP, 'running', 0, 0, 0, 0, 0, 'x', 0, 0, 0, 0)"
                " RETURNING id"
            )
        ).scalar_one()
        record_problems(connection, run_id, [problem])
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT path, external_id FROM ingestion_errors")).one()
    assert tuple(stored) == (problem.path, problem.external_id)


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux only")
def test_a_file_name_that_is_not_utf8_is_rejected(engine: Engine, tmp_path: Path) -> None:
    shutil.copy(GOOD, tmp_path / "good.txt")
    shutil.copy(GOOD, os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt"))
    report = load_paths(engine, [tmp_path], options=OPTIONS)
    [problem] = report.errors
    assert problem.path == f"{tmp_path}/caf\\xe9.txt"
    assert problem.reason == "unreadable: the file name is not UTF-8"
    assert stored_ids(engine) == {"good"}
    assert_recorded(engine, report)


# --- 2. only regular files, and a bounded read ---------------------------------------------


def load_in_subprocess(db_url: str, *paths: Path) -> tuple[int, dict[str, object], str]:
    """``eventstore load --json`` in its own process: a hang fails the test, not the run."""
    done = subprocess.run(
        [sys.executable, "-m", "eventstore", "--database-url", db_url, "load", "--json"]
        + [str(p) for p in paths],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "EVENTSTORE_MAX_FILE_BYTES": str(MAX_BYTES)},
        check=False,
    )
    return done.returncode, json.loads(done.stdout), done.stderr


def test_fifos_and_devices_are_rejected_without_hanging(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.txt")
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "feed.jsonl")
    shutil.copy(GOOD, folder / "side.txt")
    os.mkfifo(folder / "side.json")
    os.symlink("/dev/zero", folder / "zero.txt")
    os.symlink("/dev/zero", folder / "zeros.jsonl")
    os.symlink("/dev/null", folder / "null.txt")
    named = tmp_path / "named.txt"
    os.mkfifo(named)

    code, summary, err = load_in_subprocess(db_url, folder, named)

    assert code == 65, err
    reasons = {Path(e["path"]).name: e["reason"] for e in summary["errors"]}  # type: ignore[attr-defined]
    assert reasons == {
        "pipe.txt": "unreadable: not a regular file (a FIFO)",
        "feed.jsonl": "unreadable: not a regular file (a FIFO)",
        "side.txt": "unreadable: side.json is not a regular file (a FIFO)",
        "zero.txt": "unreadable: not a regular file (a character device)",
        "zeros.jsonl": "unreadable: not a regular file (a character device)",
        "null.txt": "unreadable: not a regular file (a character device)",
        "named.txt": "unreadable: not a regular file (a FIFO)",
    }
    assert (summary["added"], summary["failed"]) == (1, 7)


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs procfs")
def test_a_read_stops_at_the_limit_whatever_fstat_says(engine: Engine, tmp_path: Path) -> None:
    """procfs files say they are 0 bytes long; the read must stop at limit + 1 all the same."""
    os.symlink("/proc/self/status", tmp_path / "status.txt")
    options = LoadOptions(max_file_bytes=100, today=OPTIONS.today)

    report = load_paths(engine, [tmp_path], options=options)

    reasons = {Path(p.path).name: (p.code, p.reason) for p in report.errors}
    assert reasons["status.txt"][0] == "too_large"
    assert reasons["status.txt"][1].startswith("too large: over 100 bytes (the limit is 100;")


def test_a_jsonl_line_over_the_limit_costs_only_itself(engine: Engine, tmp_path: Path) -> None:
    """The line is skipped as it is read, never held whole; the lines after it load."""
    feed = tmp_path / "feed.jsonl"
    long_line = json.dumps({"external_id": "long", "text": "x" * (3 * MAX_BYTES)})
    feed.write_text(record("a") + "\n" + long_line + "\n" + record("b") + "\n")

    report = load_paths(engine, [feed], options=OPTIONS)

    [problem] = report.errors
    assert (problem.line, problem.code) == (2, "too_large")
    assert problem.reason == f"too large: line of {len(long_line) + 1:,} bytes"
    assert stored_ids(engine) == {"a", "b"}


# --- 3. control characters in file names ---------------------------------------------------

FAKE = "rejected: forged.txt: empty: no text"


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def hostile_names(folder: Path) -> dict[str, Path]:
    """Three files whose names carry a newline, an ANSI colour and a C1 CSI."""
    paths = {
        "newline": folder / f"a\n{FAKE}.txt",
        "ansi": folder / "b\x1b[31mred\x1b[0m.txt",
        "c1": folder / "c\x9b2Jclear.txt",
    }
    for path in paths.values():
        path.write_bytes(b"")  # rejected: empty
    return paths


def assert_no_controls(output: str) -> None:
    assert "\x1b" not in output
    assert "\x9b" not in output
    assert not any(line.startswith(FAKE) for line in output.splitlines())


def test_control_characters_in_file_names_are_printed_escaped(db_url: str, tmp_path: Path) -> None:
    paths = hostile_names(tmp_path)

    code, out, err = cli("--database-url", db_url, "load", str(tmp_path))

    assert code == 65
    assert_no_controls(out + err)
    rejected = [line for line in err.splitlines() if line.startswith("rejected: ")]
    assert len(rejected) == 3
    assert f"rejected: {tmp_path}/a\\n{FAKE}.txt: empty: no text" in rejected
    assert f"rejected: {tmp_path}/b\\x1b[31mred\\x1b[0m.txt: empty: no text" in rejected
    assert f"rejected: {tmp_path}/c\\x9b2Jclear.txt: empty: no text" in rejected

    for fmt in ("table", "csv", "jsonl", "json"):
        code, out, _ = cli("--database-url", db_url, "runs", "--format", fmt)
        assert code == 0
        assert_no_controls(out)
    code, out, _ = cli("--database-url", db_url, "runs", "--json")
    stored = {error["path"] for error in json.loads(out)["items"][0]["errors"]}
    assert stored == {str(path) for path in paths.values()}, "stored as they are"


def test_a_stored_path_keeps_its_control_characters(engine: Engine, tmp_path: Path) -> None:
    """An article named with an escape sequence loads (its sidecar gives the id) and keeps
    the name it was read from; an id taken from such a name is rejected."""
    with_sidecar(tmp_path, "x\x1b[2Jy", json.dumps({"external_id": "clean"}))
    shutil.copy(GOOD, tmp_path / "tab\there.txt")

    report = load_paths(engine, [tmp_path], options=OPTIONS)

    [problem] = report.errors
    assert problem.path == str(tmp_path / "tab\there.txt")
    assert problem.reason == (
        "bad metadata: external_id (from the file name): control character U+0009 "
        "at position 4; give it an external_id"
    )
    with engine.connect() as connection:
        [(path,)] = connection.execute(text("SELECT source_path FROM articles")).all()
    assert path == str(tmp_path / "x\x1b[2Jy.txt")


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        pytest.param("a\nb\tc\rd", "a\\nb\\tc\\rd", id="c0"),
        pytest.param("\x1b[1m\x7f\x9b", "\\x1b[1m\\x7f\\x9b", id="esc-del-c1"),
        pytest.param("back\\slash", "back\\slash", id="backslash-kept"),
        pytest.param("\u202egnp.exe\u2028", "\\u202egnp.exe\\u2028", id="bidi-separator"),
        pytest.param("caf\udce9", "caf\\xe9", id="surrogate"),
        pytest.param("Київ ✓", "Київ ✓", id="printable-kept"),
    ],
)
def test_escape_controls(raw: str, shown: str) -> None:
    assert escape_controls(raw) == shown


# --- 4. skipped files ----------------------------------------------------------------------


def test_skipped_files_are_counted_by_reason(tmp_path: Path) -> None:
    shutil.copy(GOOD, tmp_path / "good.txt")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / "notes.md").write_text("x")
    (tmp_path / "photo.png").write_bytes(b"x")
    (tmp_path / "orphan.json").write_text("{}")
    (tmp_path / "good.json").write_text("{}")  # a sidecar: read, not skipped
    skipped: Counter[str] = Counter()

    items = list(read_inputs([tmp_path], max_bytes=MAX_BYTES, skipped=skipped))

    assert len(items) == 1
    assert skipped == Counter({"hidden": 2, "unsupported type": 2, "sidecar without article": 1})
