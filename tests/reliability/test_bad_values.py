"""Values that used to end in a 60-150 line traceback and exit 1 (issue 15, defect 8).

Integers beyond 64 bits, a negative LIMIT, a 100 KB pattern or search, a revision the
history does not have, a URL option libpq refuses: each one is now one line on stderr,
the documented exit code, and no traceback, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy.engine import make_url

from eventstore.cli import main, print_error

BIG = "9" * 23  # beyond 64 bits
HUGE = "%a" * 50_000  # a 100 KB LIKE pattern (SQLite refuses one over 50,000 bytes)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def assert_one_line(err: str, expected: str) -> None:
    """stderr is exactly one ``error:`` line that holds ``expected``."""
    lines = err.splitlines()
    assert len(lines) == 1, err[:2000]
    assert lines[0].startswith("error: "), lines[0]
    assert expected in lines[0], lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "code", "expected"),
    [
        (("event", BIG), 1, f"no event '{BIG}'"),
        (("event", "--", f"-{BIG}"), 1, f"no event '-{BIG}'"),
        (("claim", BIG), 1, f"no claim '{BIG}'"),
        (("expert", BIG), 1, f"no expert '{BIG}'"),
        (("claims", "--expert", BIG), 1, f"no expert '{BIG}'"),
        (("timeline", "--expert", BIG), 1, f"no expert '{BIG}'"),
        (("claims", "--article", BIG), 1, f"no article '{BIG}'"),
        (("claims", "--after", BIG), 2, f"not a cursor of this list: '{BIG}'"),
        (("articles", "--after", BIG), 2, f"not a cursor of this list: '{BIG}'"),
        (("timeline", "--after", f"0:{BIG}:1:1:1"), 2, "not a cursor of this list"),
        (
            ("query", "corroborated_events", "--param", f"min_articles={BIG}"),
            2,
            f"corroborated_events: min_articles must be a 64-bit integer, not '{BIG}'",
        ),
        (
            ("query", "month_timeline", "--param", f"month={BIG}"),
            2,
            "month_timeline: month must be a 64-bit integer",
        ),
        (
            ("query", "recent_ingestion_errors", "--param", "limit=-1"),
            2,
            "recent_ingestion_errors: limit must be 0 or more, not -1",
        ),
        (
            ("query", "search_events", "--param", f"pattern={HUGE}"),
            2,
            "search_events: pattern: 100,000 characters, at most 1,000",
        ),
        (("claims", "--search", HUGE), 2, "search: 100,000 characters, at most 1,000"),
        (("articles", "--search", "war " * 100), 2, "search: 100 words, at most 64"),
        (("timeline", "--source", HUGE), 2, "source: 100,000 characters, at most 1,000"),
        (("articles", "--outlet", HUGE), 2, "outlet: 100,000 characters, at most 1,000"),
        (("expert", HUGE), 1, "no expert named '%a%a"),
        (("db", "upgrade", "nonexistent"), 2, "cannot migrate to 'nonexistent'"),
        (("db", "downgrade", "nonexistent"), 2, "cannot migrate to 'nonexistent'"),
        (("experts", "--after", "x"), 2, "not a cursor of this list: 'x'"),
        (("sources", "--after", "1"), 2, "not a cursor of this list: '1'"),
        (("runs", "--after", "x"), 2, "not a cursor of this list: 'x'"),
        (("rejects", "--after", "1:2"), 2, "not a cursor of this list: '1:2'"),
        (("changes", "--after", BIG), 2, f"not a cursor of this list: '{BIG}'"),
        (("changes", "--since", "1", "--after", "2"), 2, "give --since or --after, not both"),
    ],
    ids=lambda value: (
        " ".join(part[:20] for part in value) if isinstance(value, tuple) else str(value)[:30]
    ),
)
def test_a_bad_value_is_one_line_and_its_exit_code(
    db_url: str, args: tuple[str, ...], code: int, expected: str
) -> None:
    got, _out, err = run("--database-url", db_url, *args)
    assert got == code, err[:2000]
    assert_one_line(err, expected)


def test_changes_after_a_seq_beyond_64_bits_are_none(db_url: str) -> None:
    code, out, err = run("--database-url", db_url, "changes", "--since", BIG, "--json")
    assert (code, json.loads(out), err) == (0, {"items": [], "next_after": None}, "")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"query": {"sslmode": "bogus"}}, 'invalid sslmode value: "bogus"'),
        ({"query": {"target_session_attrs": "bogus"}}, "invalid target_session_attrs value"),
        ({"query": {"connect_timeout": "abc"}}, "bad value for connect_timeout"),
        ({"query": {"no_such_option": "1"}}, 'invalid connection option "no_such_option"'),
        ({"query": {"options": "-c statement_timeout=bogus"}}, "invalid value for parameter"),
        ({"port": 99999}, "bad port 99999"),
    ],
    ids=["sslmode", "target_session_attrs", "connect_timeout", "unknown", "server", "port"],
)
@pytest.mark.parametrize("dialect", ["postgresql"], indirect=True)
def test_a_bad_url_option_is_a_configuration_error(
    db_url: str, change: dict[str, object], expected: str
) -> None:
    url = make_url(db_url)
    url = url.update_query_dict(change["query"]) if "query" in change else url  # type: ignore[arg-type]
    url = url.set(port=change["port"]) if "port" in change else url  # type: ignore[arg-type]
    code, _, err = run("--database-url", url.render_as_string(hide_password=False), "stats")
    assert code == 78, err[:2000]
    assert_one_line(err, expected)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ("timeout=abc", "could not convert string to float: 'abc'"),
        ("mode=bogus&uri=true", "no such access mode: bogus"),
        ("vfs=nope&uri=true", "no such vfs: nope"),
    ],
    ids=["timeout", "mode", "vfs"],
)
@pytest.mark.parametrize("dialect", ["sqlite"], indirect=True)
def test_a_bad_sqlite_url_option_is_a_configuration_error(
    db_url: str, options: str, expected: str
) -> None:
    path = make_url(db_url).database
    url = f"sqlite:///file:{path}?{options}" if "uri=true" in options else f"{db_url}?{options}"
    code, _, err = run("--database-url", url, "stats")
    assert code == 78, err
    assert_one_line(err, expected)


def test_a_port_that_is_not_a_number_is_a_configuration_error() -> None:
    code, _, err = run("--database-url", "postgresql://u:pw@127.0.0.1:abc/db", "stats")
    assert code == 78
    assert_one_line(err, "not a database URL")
    assert "pw" not in err.replace("postgresql", "")


@pytest.mark.parametrize(
    "message",
    [
        "[bold red]fake[/] and [link=http://x]link[/link]",
        "line one\nerror: a forged second line\x1b[2J\x9b31m\u202e",
    ],
    ids=["markup", "controls"],
)
def test_error_messages_are_printed_as_they_are_escaped(db_url: str, message: str) -> None:
    """An error quoting user input (here an expert's name) prints its brackets as they
    are, and control characters escaped: it cannot forge a line or style the terminal."""
    code, _, err = run("--database-url", db_url, "expert", message)
    assert code == 1
    assert_one_line(err, "no expert named")
    if message.startswith("["):
        assert "[bold red]fake[/]" in err
    else:
        assert "\\nerror: a forged second line\\x1b[2J\\x9b31m\\u202e" in err
        assert "\x1b" not in err
        assert "\x9b" not in err


def test_print_error_escapes_markup_and_controls(capsys: pytest.CaptureFixture[str]) -> None:
    print_error("[red]x[/red] one\ntwo\x1b[31m \x9b \u202e postgresql://u:sec@ret@h/db")
    err = capsys.readouterr().err
    assert err == "error: [red]x[/red] one\\ntwo\\x1b[31m \\x9b \\u202e postgresql://u:***@h/db\n"
