"""Logs on stderr: one JSON object per line with ``--log-format json`` (or
``EVENTSTORE_LOG_FORMAT=json``), timestamped text otherwise."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from eventstore.cli import main
from eventstore.db import make_engine
from eventstore.load.guard import exclusive_load
from eventstore.load.loader import load_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def inbox(folder: Path) -> Path:
    """Two articles, a bad file, a hidden file and a picture."""
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, folder)
    (folder / "bad\nrejected: forged.txt").write_bytes(b"\xff\xfe not text")
    (folder / ".hidden.txt").write_text("x")
    (folder / "photo.png").write_bytes(b"\x89PNG")
    return folder


def json_lines(stderr: str) -> list[dict[str, Any]]:
    """Every line of ``stderr``, each parsed on its own with json.loads."""
    lines = stderr.splitlines()
    assert lines, "no log lines"
    return [json.loads(line) for line in lines]


def test_json_logs_parse_line_by_line(db_url: str, tmp_path: Path) -> None:
    folder = inbox(tmp_path / "inbox")
    env = {**os.environ, "EVENTSTORE_LOG_FORMAT": "json", "PYTHONWARNINGS": "default"}
    command = [sys.executable, "-m", "eventstore", "--database-url", db_url, "load"]
    result = subprocess.run(
        [*command, str(folder)], env=env, capture_output=True, text=True, timeout=300, check=False
    )

    assert result.returncode == 65, result.stderr
    lines = json_lines(result.stderr)
    for line in lines:
        assert ISO_UTC.match(line["timestamp"]), line
        assert datetime.fromisoformat(line["timestamp"]).tzinfo == UTC
        assert line["level"] in {"debug", "info", "warning", "error"}
    by_event = {line["event"]: line for line in lines}
    started, finished = by_event["run_started"], by_event["run_finished"]
    run_id = started["run_id"]
    assert isinstance(run_id, int)
    assert (finished["run_id"], finished["status"]) == (run_id, "partial")
    assert (finished["added"], finished["failed"], finished["known_bad"]) == (2, 1, 0)
    assert finished["skipped"] == {"hidden": 1, "unsupported type": 1}
    assert by_event["inputs_found"]["total"] == 3
    rejected = by_event["input_rejected"]
    assert (rejected["run_id"], rejected["code"], rejected["level"]) == (
        run_id,
        "not_utf8",
        "warning",
    )
    assert rejected["path"] == str(folder / "bad\nrejected: forged.txt")


def test_a_refused_load_is_a_json_line_too(engine: Any, tmp_path: Path) -> None:
    url = engine.url.render_as_string(hide_password=False)
    folder = inbox(tmp_path / "inbox")
    with exclusive_load(engine):
        result = CliRunner().invoke(
            main,
            ["--database-url", url, "--log-format", "json", "load", "--exclusive", str(folder)],
        )
    assert result.exit_code == 75
    [line] = [entry for entry in json_lines(result.stderr) if entry["event"] == "load_failed"]
    assert (line["level"], line["exit_code"]) == ("error", 75)
    assert "another exclusive load is running" in line["message"]


def test_plain_logs_are_timestamped(db_url: str, tmp_path: Path) -> None:
    folder = inbox(tmp_path / "inbox")
    engine = make_engine(db_url)
    load_paths(engine, [folder])  # the bad file is known bad from now on
    engine.dispose()

    result = CliRunner().invoke(main, ["--database-url", db_url, "-v", "load", str(folder)])

    assert result.exit_code == 0, result.output
    logged = [line for line in result.stderr.splitlines() if " INFO " in line]
    assert logged, result.stderr
    for line in logged:
        stamp, level, _ = line.split(" ", 2)
        assert ISO_UTC.match(stamp), line
        assert level == "INFO"
    assert any(re.search(r" run=\d+: run \d+ succeeded: .* 1 known bad$", x) for x in logged)
