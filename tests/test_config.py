"""Where the database URL comes from, and that passwords never show."""

from __future__ import annotations

import pytest

from eventstore.config import libpq_url, load_settings, normalize_url
from eventstore.errors import ConfigurationError
from eventstore.redact import mask_text, mask_url


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVENTSTORE_DATABASE_URL", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)


def test_default_is_a_local_sqlite_file() -> None:
    assert load_settings().database_url == "sqlite:///eventstore.db"


def test_database_url_is_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://u@h/db1")
    assert load_settings().database_url == "postgres://u@h/db1"


def test_eventstore_variable_beats_database_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://u@h/db1")
    monkeypatch.setenv("EVENTSTORE_DATABASE_URL", "postgres://u@h/db2")
    assert load_settings().database_url == "postgres://u@h/db2"


def test_flag_beats_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTSTORE_DATABASE_URL", "postgres://u@h/db2")
    assert load_settings("sqlite:///x.db").database_url == "sqlite:///x.db"


@pytest.mark.parametrize(
    ("given", "driver"),
    [
        ("postgres://u:p@h:5433/db", "postgresql+psycopg"),
        ("postgresql://u:p@h/db", "postgresql+psycopg"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg"),
        ("sqlite:///a.db", "sqlite+pysqlite"),
    ],
    ids=["postgres", "postgresql", "explicit-psycopg", "sqlite"],
)
def test_urls_use_psycopg3_and_pysqlite(given: str, driver: str) -> None:
    assert normalize_url(given).drivername == driver


@pytest.mark.parametrize("bad", ["mysql://u@h/db", "not a url"], ids=["mysql", "garbage"])
def test_unusable_url_is_a_configuration_error(bad: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        load_settings(bad)
    assert info.value.exit_code == 78


def test_passwords_are_masked() -> None:
    assert "s3cret" not in mask_url("postgresql://u:s3cret@h/db")
    assert "s3cret" not in mask_text("failed for postgres://u:s3cret@h/db (password=s3cret)")
    assert "s3cret" not in mask_text("host=h password=s3cret user=u")


def test_libpq_url_drops_driver_and_password() -> None:
    assert libpq_url("postgres://u:s3cret@h:5433/db") == "postgresql://u@h:5433/db"
