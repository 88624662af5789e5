"""What every command shares: resolved settings, the store (or, for writers, the engine),
and the two consoles."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import click
from rich.console import Console
from sqlalchemy import Engine

from eventstore.config import Settings, load_settings
from eventstore.db import make_engine
from eventstore.redact import mask_url
from eventstore.store import Store


@cache
def out_console() -> Console:
    """Console for results (stdout)."""
    return Console(soft_wrap=True)


@cache
def err_console() -> Console:
    """Console for logs, progress and errors (stderr)."""
    return Console(stderr=True, soft_wrap=True)


@dataclass
class AppContext:
    """Per-invocation state, created by the root command and passed to subcommands."""

    database_url: str | None = None
    _settings: Settings | None = field(default=None, repr=False)
    _engine: Engine | None = field(default=None, repr=False)
    _store: Store | None = field(default=None, repr=False)

    @property
    def settings(self) -> Settings:
        """Settings resolved from the flag and the environment (once)."""
        if self._settings is None:
            self._settings = load_settings(self.database_url)
        return self._settings

    @property
    def masked_url(self) -> str:
        """The database URL, safe to print."""
        return mask_url(self.settings.database_url)

    def close(self) -> None:
        """Release the engine's connections (called when the command ends)."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        if self._store is not None:
            self._store.close()
            self._store = None

    def store(self, *, check_schema: bool = True) -> Store:
        """The store to read, opened once: never created, its schema checked at head
        (unless the command reports the schema's state itself)."""
        if self._store is None:
            self._store = Store.open(self.settings.database_url, check_schema=check_schema)
        return self._store

    def engine(self) -> Engine:
        """The engine for this invocation's database, for commands that write (a load
        creates and migrates the database; readers go through ``store``)."""
        if self._engine is None:
            self._engine = make_engine(self.settings.url)
        return self._engine


pass_app = click.make_pass_decorator(AppContext)
"""Hands a command the invocation's AppContext (the root command creates it)."""
