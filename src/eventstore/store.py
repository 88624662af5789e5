"""The library's entry point: an eventstore database opened by URL, its schema checked.

``Store.open(url)`` is what the CLI's commands and other Python code call before reading:
it refuses, in one line, a database that does not exist (never creating an SQLite file),
one that is not an eventstore database, and one behind (or ahead of) this code's
migrations; ``store.reading()`` then hands out the repositories over one read
transaction, with database failures translated to the project's errors.

    with Store.open("sqlite:///eventstore.db") as store, store.reading() as read:
        page = read.events.timeline(limit=20)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType

from sqlalchemy import URL, Connection, Engine, inspect

from eventstore import migrations
from eventstore.config import load_settings, normalize_url
from eventstore.db import make_engine, make_sessionmaker, sqlite_file, translate_db_errors
from eventstore.errors import ConfigurationError, DatabaseUnavailable, SchemaOutOfDate
from eventstore.redact import mask_url
from eventstore.repositories import (
    ArticleRepository,
    ChangeRepository,
    ClaimRepository,
    EventRepository,
    ExpertRepository,
    RejectRepository,
    RunRepository,
    SourceRepository,
    StatsRepository,
)

_UPGRADE = "run `eventstore db upgrade`"


@dataclass(frozen=True)
class Readers:
    """The repositories of one read transaction (see :meth:`Store.reading`)."""

    articles: ArticleRepository
    changes: ChangeRepository
    claims: ClaimRepository
    events: EventRepository
    experts: ExpertRepository
    rejects: RejectRepository
    runs: RunRepository
    sources: SourceRepository
    stats: StatsRepository


class Store:
    """One eventstore database: its engine, schema check and repositories."""

    def __init__(self, engine: Engine, *, shown_url: str | None = None) -> None:
        self.engine = engine
        self.url = shown_url or mask_url(engine.url)  # as the user wrote it, masked

    @classmethod
    def open(cls, url: str | URL | None = None, *, check_schema: bool = True) -> Store:
        """Open the database at ``url`` (else the configured one) without creating it.

        DatabaseUnavailable (69) when an SQLite file or a server is not there,
        ConfigurationError (78) for a database that is not eventstore's, SchemaOutOfDate
        (1) for one at another revision than this code's head (``check_schema=False``
        skips those two checks, for commands that report the revision themselves).
        """
        given = url if url is not None else load_settings().database_url
        parsed = normalize_url(given)
        file = sqlite_file(parsed)
        if file is not None and not file.is_file():
            what = "a directory, not a database" if file.is_dir() else "no such file"
            raise DatabaseUnavailable(
                f"no eventstore database at {file} ({what}): {_UPGRADE} to create one, "
                "or give --database-url"
            )
        store = cls(make_engine(parsed), shown_url=mask_url(given))
        if check_schema:
            try:
                store.check_schema()
            except BaseException:
                store.close()
                raise
        return store

    def revision(self) -> str | None:
        """The migration revision the database is at; None when it has none."""
        with self.connection() as connection:
            return migrations.revision_on(connection)

    def check_schema(self) -> None:
        """Raise, in one line, unless the database is an eventstore database at head."""
        with self.connection() as connection:
            current = migrations.revision_on(connection)
            tables = inspect(connection).get_table_names() if current is None else []
        head = migrations.head_revision()
        if current == head:
            return
        if current is None and tables:
            raise ConfigurationError(
                f"{self.url} is not an eventstore database (it has tables of its own and no "
                "eventstore revision): give the URL of an eventstore database"
            )
        if current is None:
            raise SchemaOutOfDate(f"{self.url} has no eventstore schema yet: {_UPGRADE}")
        if not migrations.is_known(current):
            raise SchemaOutOfDate(
                f"{self.url} is at revision {current}, newer than this eventstore knows "
                f"(head {head}): upgrade eventstore"
            )
        raise SchemaOutOfDate(
            f"{self.url} is at revision {current}, this eventstore needs {head}: {_UPGRADE}"
        )

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A connection (for streaming and named queries), its failures translated."""
        with translate_db_errors(self.url), self.engine.connect() as connection:
            yield connection

    @contextmanager
    def reading(self) -> Iterator[Readers]:
        """The repositories over one read transaction, rolled back when the block ends."""
        with translate_db_errors(self.url), make_sessionmaker(self.engine)() as session:
            yield Readers(
                articles=ArticleRepository(session),
                changes=ChangeRepository(session),
                claims=ClaimRepository(session),
                events=EventRepository(session),
                experts=ExpertRepository(session),
                rejects=RejectRepository(session),
                runs=RunRepository(session),
                sources=SourceRepository(session),
                stats=StatsRepository(session),
            )

    def close(self) -> None:
        """Release the engine's connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.close()
