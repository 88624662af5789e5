"""A password holding an unencoded ``@`` is masked whole (issue 15, defect 10).

SQLAlchemy's URL parser ends the password at the first ``@``: ``u:sec@retPW@host`` was
printed ``u:***@retPW@host``, and libpq was asked to resolve the host ``retPW@host``
(its error message quoted it). The password now runs to the last ``@`` before the host,
in parsing, in masking URLs and in masking free text.
"""

from __future__ import annotations

import time

import pytest
from click.testing import CliRunner
from sqlalchemy.engine import make_url

from eventstore.cli import main
from eventstore.config import normalize_url
from eventstore.redact import mask_text, mask_url

SECRET = "sec@retPW"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://u:{SECRET}@host/db",
        f"postgres://u:{SECRET}@host:5433/db?sslmode=require",
        f"postgresql+psycopg://u:a@{SECRET}@host",
    ],
    ids=["plain", "port-and-query", "two-ats"],
)
def test_the_whole_password_is_masked(url: str) -> None:
    for shown in (mask_url(url), mask_text(f"connecting to {url} failed"), str(normalize_url(url))):
        assert "sec" not in shown, shown
        assert "retPW" not in shown, shown
        assert "u:***@host" in shown, shown
    assert normalize_url(url).host == "host"
    assert (normalize_url(url).password or "").endswith(SECRET)


def test_an_unreachable_server_does_not_leak_the_password() -> None:
    code, out, err = run("--database-url", f"postgresql://u:{SECRET}@127.0.0.1:1/db", "stats")
    assert code == 69, err
    assert "cannot reach the database at postgresql://u:***@127.0.0.1:1/db" in err
    assert "sec" not in out + err
    assert "retPW" not in out + err


@pytest.mark.parametrize("dialect", ["postgresql"], indirect=True)
def test_a_password_with_an_at_sign_connects(db_url: str) -> None:
    """The test server trusts local connections, so any password is accepted: what is
    checked is that the host is the host, not ``retPW@127.0.0.1``."""
    url = make_url(db_url).render_as_string(hide_password=False)
    with_secret = url.replace("://postgres@", f"://postgres:{SECRET}@")
    code, out, err = run("--database-url", with_secret, "db", "current", "--json")
    assert code == 0, err
    assert "sec" not in out + err
    assert "retPW" not in out + err
    assert "postgres:***@127.0.0.1" in out


@pytest.mark.parametrize(
    "text",
    ["a" * 1_000_000, "postgresql://u:" + "a" * 1_000_000, "postgresql://u:" + "a@" * 500_000],
    ids=["word", "password", "ats"],
)
def test_masking_a_huge_message_takes_linear_time(text: str) -> None:
    """Every error line is masked; a scheme was tried from every letter of a long word."""
    started = time.monotonic()
    masked = mask_text(text)
    assert time.monotonic() - started < 2
    assert "a@a" not in masked
