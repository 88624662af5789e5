"""docs/operations.md: its systemd units pass ``systemd-analyze verify`` (where the tool
exists), its CronJob is valid YAML that forbids overlaps, its exit-code table covers
every exit code the CLI uses, and the README links to it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from eventstore import errors

REPO = Path(__file__).resolve().parents[1]
PAGE = (REPO / "docs" / "operations.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```[a-z]*\n(.*?)```", PAGE, re.S)
INSTALLED = "/opt/eventstore/.venv/bin/eventstore"


def block(first_line: str) -> str:
    [found] = [text for text in BLOCKS if text.startswith(first_line)]
    return found


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_the_systemd_units_verify(tmp_path: Path) -> None:
    eventstore = Path(sys.executable).parent / "eventstore"
    units = []
    for name in ("eventstore-load.service", "eventstore-load.timer"):
        text = block(f"# /etc/systemd/system/{name}\n").replace(INSTALLED, str(eventstore))
        (tmp_path / name).write_text(text, encoding="utf-8")
        units.append(str(tmp_path / name))

    result = subprocess.run(
        ["systemd-analyze", "verify", *units],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "eventstore-load" not in result.stderr, result.stderr  # no warning about them


def test_the_cronjob_forbids_overlaps_and_logs_json() -> None:
    job = yaml.safe_load(block("# eventstore-load.yaml\n"))
    spec = job["spec"]
    [container] = spec["jobTemplate"]["spec"]["template"]["spec"]["containers"]
    env = {item["name"]: item for item in container["env"]}
    assert (job["kind"], spec["concurrencyPolicy"]) == ("CronJob", "Forbid")
    assert container["args"][:2] == ["load", "--exclusive"]
    assert env["EVENTSTORE_LOG_FORMAT"]["value"] == "json"
    assert "secretKeyRef" in env["EVENTSTORE_DATABASE_URL"]["valueFrom"]


def test_the_crontab_line_loads_exclusively_with_metrics() -> None:
    line = block("# /etc/cron.d/eventstore").splitlines()[1]
    *schedule, user, command = line.split(maxsplit=6)
    assert (schedule, user) == (["*/10", "*", "*", "*", "*"], "eventstore")
    assert f"{INSTALLED} load --exclusive --metrics-file " in command


def test_the_exit_code_table_covers_every_exit_code() -> None:
    codes = {0, 2} | {
        cls.exit_code
        for cls in vars(errors).values()
        if isinstance(cls, type) and issubclass(cls, errors.EventstoreError)
    }
    table = set(map(int, re.findall(r"^\| (\d+) \|", PAGE, re.M)))
    assert codes <= table, f"not in the exit-code table: {sorted(codes - table)}"


def test_the_readme_links_to_it_and_stays_short() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "(docs/operations.md)" in readme
    assert len(readme.splitlines()) < 250
