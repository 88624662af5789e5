"""Configuration: where the database is, read from flags, then the environment.

The database URL comes from ``--database-url``, else ``EVENTSTORE_DATABASE_URL``, else
``DATABASE_URL``, else ``sqlite:///eventstore.db``. Every URL leaving this module for a
human (logs, errors, ``--json``) goes through :func:`mask_url` first.
"""

from __future__ import annotations

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError

from eventstore.errors import ConfigurationError
from eventstore.redact import is_secret, mask_text, mask_url, parse_url

DEFAULT_DATABASE_URL = "sqlite:///eventstore.db"

_DRIVER_ALIASES = {
    "postgres": "postgresql+psycopg",
    "postgresql": "postgresql+psycopg",
    # A shared DATABASE_URL often names psycopg2, which eventstore does not install:
    # psycopg 3 reads the same URLs.
    "postgres+psycopg2": "postgresql+psycopg",
    "postgresql+psycopg2": "postgresql+psycopg",
    "sqlite": "sqlite+pysqlite",
}


class Settings(BaseSettings):
    """Runtime settings of eventstore, resolved once per command."""

    model_config = SettingsConfigDict(env_prefix="", extra="ignore", frozen=True)

    database_url: str = Field(
        default=DEFAULT_DATABASE_URL,
        validation_alias=AliasChoices("EVENTSTORE_DATABASE_URL", "DATABASE_URL"),
        description="SQLAlchemy or libpq-style URL of the store.",
    )
    max_file_bytes: int = Field(
        default=10 * 1024 * 1024,
        validation_alias=AliasChoices("EVENTSTORE_MAX_FILE_BYTES"),
        description="Files larger than this are rejected by the loader.",
        gt=0,
    )

    @field_validator("database_url")
    @classmethod
    def _check_url(cls, value: str) -> str:
        normalize_url(value)
        return value

    @property
    def url(self) -> URL:
        """The database URL with the driver eventstore uses made explicit."""
        return normalize_url(self.database_url)


def load_settings(database_url: str | None = None) -> Settings:
    """Resolve settings, letting an explicit ``database_url`` (the CLI flag) win."""
    try:
        if database_url:
            return Settings(database_url=database_url)
        return Settings()
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        raise ConfigurationError(_first_error_line(exc)) from None


def normalize_url(url: str | URL) -> URL:
    """Parse ``url`` and pin the driver: ``postgres://`` and ``postgresql://`` use psycopg 3.

    A password may hold an unencoded ``@``; a port must be a number from 1 to 65535.
    """
    try:
        parsed = parse_url(url)
    except (ArgumentError, ValueError) as exc:
        # make_url raises ValueError for a port that is not a number.
        reason = f" ({exc})" if isinstance(exc, ValueError) else ""
        raise ConfigurationError(f"not a database URL: {mask_url(url)!r}{reason}") from None
    driver = _DRIVER_ALIASES.get(parsed.drivername, parsed.drivername)
    if driver.split("+")[0] not in {"sqlite", "postgresql"}:
        raise ConfigurationError(
            f"unsupported database {parsed.drivername!r}: use sqlite:/// or postgresql://"
        )
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise ConfigurationError(
            f"bad port {parsed.port} in {mask_url(parsed)}: a port is a number from 1 to 65535"
        )
    return parsed.set(drivername=driver)


def libpq_url(url: str | URL) -> str:
    """A URL psql accepts: no SQLAlchemy driver suffix and no password, in the user
    information or the query string (libpq reads PGPASSWORD or ~/.pgpass for that)."""
    parsed = normalize_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ConfigurationError("--libpq needs a PostgreSQL URL")
    bare = URL.create(
        "postgresql",
        username=parsed.username,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query={key: value for key, value in parsed.query.items() if not is_secret(key)},
    )
    return bare.render_as_string(hide_password=False)


def _first_error_line(exc: Exception) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return mask_text(" ".join(lines[1:3]) if len(lines) > 1 else (lines[0] if lines else "invalid"))
