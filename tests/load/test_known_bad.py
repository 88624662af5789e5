"""Known-bad inputs: rejected once, then counted ``known_bad`` while they stay unchanged;
tried again when they change or with ``--retry-rejected``; forgotten once they load."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from sqlalchemy import Engine, text

from eventstore.cli import main
from eventstore.load.loader import LoadOptions, LoadReport, load_paths

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def load(engine: Engine, folder: Path, *, retry: bool = False) -> LoadReport:
    return load_paths(engine, [folder], options=LoadOptions(retry_rejected=retry))


def counts(report: LoadReport) -> tuple[int, int, int, int]:
    totals = report.totals
    return totals.added, totals.failed, totals.known_bad, report.exit_code


def rejects(engine: Engine) -> list[dict[str, Any]]:
    url = engine.url.render_as_string(hide_password=False)
    result = CliRunner().invoke(main, ["--database-url", url, "rejects", "--json"])
    assert result.exit_code == 0, result.output
    return list(json.loads(result.stdout)["items"])


def error_rows(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM ingestion_errors")).scalar_one())


def test_a_bad_file_is_rejected_once_then_known_bad(engine: Engine, tmp_path: Path) -> None:
    shutil.copy(SEEDS[0], tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")

    first = load(engine, tmp_path)
    second = load(engine, tmp_path)

    assert counts(first) == (1, 1, 0, 65)
    assert counts(second) == (0, 0, 1, 0)
    assert second.totals.status == "succeeded"
    assert [str(p) for p in second.known_bad] == [f"{tmp_path / 'empty.txt'}: empty: no text"]
    assert error_rows(engine) == 1  # no new ingestion_errors row
    [reject] = rejects(engine)
    assert (reject["path"], reject["line"], reject["code"]) == (
        str(tmp_path / "empty.txt"),
        None,
        "empty",
    )
    assert (reject["first_run_id"], reject["last_run_id"], reject["times_seen"]) == (
        first.run_id,
        second.run_id,
        2,
    )
    assert reject["first_seen_at"] < reject["last_seen_at"]


def test_a_changed_bad_file_is_tried_again(engine: Engine, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")  # still being written when the first load came by
    load(engine, tmp_path)
    bad.write_bytes(b"\xff\xfe half a file")
    again = load(engine, tmp_path)
    shutil.copy(SEEDS[1], bad)
    fixed = load(engine, tmp_path)

    assert counts(again) == (0, 1, 0, 65)
    assert [p.code for p in again.errors] == ["not_utf8"]
    assert counts(fixed) == (1, 0, 0, 0)
    assert rejects(engine) == []


def test_retry_rejected_tries_known_bad_inputs_again(engine: Engine, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    load(engine, tmp_path)

    retried = load(engine, tmp_path, retry=True)

    assert counts(retried) == (0, 1, 0, 65)
    [reject] = rejects(engine)
    assert (reject["first_run_id"], reject["times_seen"]) == (retried.run_id, 1)


def test_a_bad_jsonl_line_stays_known_bad_while_the_feed_grows(
    engine: Engine, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.jsonl"
    record = {"title": "Ministry reports", "body": "On Monday the ministry said it had met."}
    lines = [json.dumps({**record, "external_id": "one"}), "{broken"]
    feed.write_text("\n".join(lines) + "\n")
    first = load(engine, tmp_path)
    with feed.open("a") as handle:
        handle.write(json.dumps({**record, "external_id": "two", "title": "Second"}) + "\n")

    grown = load(engine, tmp_path)

    assert counts(first) == (1, 1, 0, 65)
    assert counts(grown) == (1, 0, 1, 0)
    assert (grown.totals.unchanged, grown.known_bad[0].line) == (1, 2)
    [reject] = rejects(engine)
    assert (reject["line"], reject["code"], reject["times_seen"]) == (2, "bad_json", 2)


def test_a_fixed_sidecar_is_tried_again(engine: Engine, tmp_path: Path) -> None:
    shutil.copy(SEEDS[2], tmp_path / "story.txt")
    sidecar = tmp_path / "story.json"
    sidecar.write_text("{not json")
    assert counts(load(engine, tmp_path)) == (0, 1, 0, 65)
    assert counts(load(engine, tmp_path)) == (0, 0, 1, 0)

    sidecar.write_text(json.dumps({"outlet": "Espreso"}))

    assert counts(load(engine, tmp_path)) == (1, 0, 0, 0)
    assert rejects(engine) == []


def test_a_fifo_is_known_bad_without_being_opened(engine: Engine, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert counts(load(engine, tmp_path)) == (0, 1, 0, 65)
    assert counts(load(engine, tmp_path)) == (0, 0, 1, 0)


def test_the_runs_command_shows_the_known_bad_count(engine: Engine, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / ".hidden").write_text("x")
    load(engine, inbox)
    load(engine, inbox)
    url = engine.url.render_as_string(hide_password=False)

    table = CliRunner().invoke(main, ["--database-url", url, "runs"])
    listing = CliRunner().invoke(main, ["--database-url", url, "runs", "--json"])

    line = (
        "run 2: 1 known bad (rejected before, unchanged: eventstore rejects); 1 skipped (hidden 1)"
    )
    assert line in table.stdout.splitlines()
    newest = json.loads(listing.stdout)["items"][0]
    assert (newest["known_bad"], newest["failed"], newest["skipped_reasons"]) == (
        1,
        0,
        {"hidden": 1},
    )
