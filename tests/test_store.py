"""``eventstore.Store``, the library's entry point: open by URL, checked, repositories out."""

from __future__ import annotations

from pathlib import Path

import pytest

import eventstore
from eventstore import migrations
from eventstore.errors import DatabaseUnavailable, SchemaOutOfDate
from eventstore.models import Page

REPO = Path(__file__).resolve().parents[1]


def test_a_store_at_head_hands_out_repositories_returning_models(db_url: str) -> None:
    with eventstore.Store.open(db_url) as store, store.reading() as read:
        page = read.events.timeline(limit=5)
        assert (page, read.stats.stats().runs) == (Page(items=()), 0)
        assert store.revision() == migrations.head_revision()


def test_opening_a_missing_sqlite_file_raises_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailable, match=r"no eventstore database at .*no such file"):
        eventstore.Store.open(f"sqlite:///{tmp_path / 'x.db'}")
    assert list(tmp_path.iterdir()) == []


def test_opening_an_unmigrated_database_says_to_upgrade(empty_db_url: str) -> None:
    if empty_db_url.startswith("sqlite"):
        Path(empty_db_url.removeprefix("sqlite:///")).touch()
    with pytest.raises(SchemaOutOfDate, match=r"run `eventstore db upgrade`$"):
        eventstore.Store.open(empty_db_url)
    store = eventstore.Store.open(empty_db_url, check_schema=False)
    assert store.revision() is None
    store.close()
