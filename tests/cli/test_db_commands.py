"""``eventstore db ...`` through click's runner, on real databases."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from eventstore.cli import main
from eventstore.migrations import head_revision


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_upgrade_then_check_passes(empty_db_url: str) -> None:
    code, out, _ = run("--database-url", empty_db_url, "db", "check")
    assert code == 1
    assert "behind" in out
    code, _, err = run("--database-url", empty_db_url, "db", "upgrade")
    assert code == 0
    assert f"to {head_revision()}" in err
    code, out, _ = run("--database-url", empty_db_url, "db", "check")
    assert (code, out.strip()) == (0, f"ok: at head {head_revision()}, models match")


def test_current_as_json(db_url: str) -> None:
    code, out, _ = run("--database-url", db_url, "db", "current", "--json")
    assert code == 0
    assert json.loads(out)["current"] == head_revision()


def test_downgrade_to_base_empties_the_database(db_url: str) -> None:
    assert run("--database-url", db_url, "db", "downgrade", "base", "--yes")[0] == 0
    _, out, _ = run("--database-url", db_url, "db", "current")
    assert out.startswith("empty")


def test_downgrade_without_yes_and_without_a_terminal_refuses(db_url: str) -> None:
    code, out, err = run("--database-url", db_url, "db", "downgrade", "base")
    assert (code, out) == (2, "")
    assert err.endswith("every table and its rows: pass --yes to do it (no terminal to ask on)\n")
    head = head_revision()
    assert run("--database-url", db_url, "db", "current")[1] == f"{head} (head: {head})\n"


def test_downgrade_on_a_terminal_asks_and_no_keeps_everything(db_url: str) -> None:
    controller, terminal = pty.openpty()
    command = [sys.executable, "-m", "eventstore", "--database-url", db_url, "db", "downgrade"]
    with subprocess.Popen(
        [*command, "0005"], stdin=terminal, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        os.write(controller, b"n\n")
        _, err = process.communicate(timeout=120)
    os.close(controller)
    os.close(terminal)
    assert process.returncode == 1
    assert f"from {head_revision()} to 0005, dropping what came after it? [y/N]".encode() in err
    head = head_revision()
    assert run("--database-url", db_url, "db", "current")[1] == f"{head} (head: {head})\n"


def test_upgrade_at_head_says_so(db_url: str) -> None:
    code, _, err = run("--database-url", db_url, "db", "upgrade")
    assert code == 0
    assert err.endswith(f": already at {head_revision()} (head), nothing to do\n")


def test_a_psycopg2_url_is_read_with_psycopg(request: pytest.FixtureRequest) -> None:
    server = request.getfixturevalue("postgres_server")
    url = server.create_database().replace("postgresql+psycopg://", "postgresql+psycopg2://")
    assert run("--database-url", url, "db", "upgrade")[0] == 0
    code, out, _ = run("--database-url", url, "timeline", "--json")
    assert (code, json.loads(out)) == (0, {"items": [], "next_after": None})


def test_a_password_in_the_query_string_is_never_printed(request: pytest.FixtureRequest) -> None:
    server = request.getfixturevalue("postgres_server")
    url = server.create_database() + "?password=hunter2&application_name=x"
    code, out, err = run("--database-url", url, "db", "current", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["database"].endswith("?application_name=x&password=***")
    code, out, _ = run("--database-url", url, "db", "url")
    assert (code, out.endswith("?application_name=x&password=***\n")) == (0, True)
    code, out, _ = run("--database-url", url, "db", "url", "--libpq")
    assert (code, out.endswith("?application_name=x\n")) == (0, True)
    code, _, err = run("--database-url", url.replace("/es_test", "/none_"), "stats")
    assert code == 69
    assert "hunter2" not in err


def test_unreachable_database_exits_69_without_the_password() -> None:
    code, out, err = run(
        "--database-url", "postgresql://me:hunter2@127.0.0.1:1/nowhere", "db", "current"
    )
    assert code == 69
    assert "cannot reach the database" in err
    assert "hunter2" not in out + err


def test_bad_configuration_exits_78() -> None:
    code, _, err = run("--database-url", "mysql://x@y/z", "db", "current")
    assert code == 78
    assert "unsupported database" in err


def test_unknown_option_is_a_usage_error() -> None:
    assert run("db", "upgrade", "--no-such-flag")[0] == 2


def test_libpq_url_is_accepted_by_psql_style_clients() -> None:
    code, out, _ = run("--database-url", "postgres://u:pw@h:5433/db", "db", "url", "--libpq")
    assert (code, out.strip()) == (0, "postgresql://u@h:5433/db")


def _all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = [prefix]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += _all_commands(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


@pytest.mark.parametrize("path", _all_commands(main), ids=lambda p: " ".join(p) or "eventstore")
def test_every_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    code, out, _ = run(*path, "--help")
    assert code == 0
    assert "Example" in out
