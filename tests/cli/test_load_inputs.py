"""What ``eventstore load`` reads: JSONL from standard input (``-``); directory entries
it passes over, counted by reason in the summary and in ``runs``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from eventstore.cli import main

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
RECORD = {"title": "Ministry reports", "body": "On Monday the ministry said it had met."}


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def test_dash_reads_jsonl_from_standard_input(db_url: str) -> None:
    feed = json.dumps({**RECORD, "external_id": "piped-1"}) + '\n{"title": "cut\n'

    code, out, err = run("--database-url", db_url, "load", "-", "--json", stdin=feed)
    again = run("--database-url", db_url, "load", "-", "--json", stdin=feed)

    summary = json.loads(out)
    assert (code, summary["added"], summary["failed"]) == (65, 1, 1)
    assert "rejected: <stdin>:2: invalid JSON: the record is cut off" in err
    assert (again[0], json.loads(again[1])["unchanged"], json.loads(again[1])["known_bad"]) == (
        0,
        1,
        1,
    )
    runs = json.loads(run("--database-url", db_url, "runs", "--json")[1])["items"]
    assert runs[-1]["input_root"] == "-"


def test_a_record_from_standard_input_without_an_id_gets_one_from_its_content(
    db_url: str,
) -> None:
    code, out, _ = run("--database-url", db_url, "load", "-", "--json", stdin=json.dumps(RECORD))
    assert (code, json.loads(out)["added"]) == (0, 1)
    code, out, _ = run("--database-url", db_url, "articles", "--json")
    [article] = json.loads(out)["items"]
    assert article["external_id"].startswith("stdin-")


def test_skipped_entries_are_counted_by_reason(db_url: str, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    shutil.copy(SEEDS[0], inbox)
    (inbox / ".DS_Store").write_bytes(b"\0")
    (inbox / "sub" / ".draft.txt").write_text("x")
    (inbox / "photo.png").write_bytes(b"\x89PNG")
    (inbox / "orphan.json").write_text("{}")

    code, out, _ = run("--database-url", db_url, "load", str(inbox), "--json")
    table = run("--database-url", db_url, "load", str(inbox))[1]
    runs = json.loads(run("--database-url", db_url, "runs", "--json")[1])["items"]

    summary = json.loads(out)
    reasons = {"hidden": 2, "sidecar without article": 1, "unsupported type": 1}
    assert (code, summary["added"], summary["skipped"]) == (0, 1, 4)
    assert summary["skipped_reasons"] == reasons
    assert "4 skipped (hidden 2, sidecar without article 1, unsupported type 1)" in table
    assert [(r["skipped"], r["skipped_reasons"]) for r in runs] == [(4, reasons)] * 2
    assert runs[0]["input_root"] == str(inbox)
    assert runs[0]["version"]


def test_a_load_that_skipped_nothing_says_nothing_about_skips(db_url: str, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SEEDS[0], inbox)

    code, out, _ = run("--database-url", db_url, "load", str(inbox), "--json")
    table = run("--database-url", db_url, "load", str(inbox))[1]
    runs_table = run("--database-url", db_url, "runs")[1]
    runs = json.loads(run("--database-url", db_url, "runs", "--json")[1])["items"]

    assert (code, json.loads(out)["skipped"], json.loads(out)["skipped_reasons"]) == (0, 0, {})
    assert "unchanged" in table
    assert "skipped (" not in table
    assert "skipped (" not in runs_table
    assert [run["skipped_reasons"] for run in runs] == [{}, {}]


def test_a_missing_input_path_exits_66_before_a_run(db_url: str, tmp_path: Path) -> None:
    code, _, err = run("--database-url", db_url, "load", str(SEEDS[0]), str(tmp_path / "gone"))
    assert code == 66
    assert f"error: no such file or directory: {tmp_path / 'gone'}" in err
    assert json.loads(run("--database-url", db_url, "runs", "--json")[1])["items"] == []
