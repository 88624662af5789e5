"""Key carriers kept from one batch of a load to the next (``load/carriers.py``): the store
ends the same as when every batch reads them, and another writer's commit between two
batches makes the load trust nothing it kept."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from benchmarks.corpus import write_corpus
from sqlalchemy import Engine, text

from eventstore import migrations
from eventstore.db import make_engine, writer_transaction
from eventstore.errors import InputRejected
from eventstore.load.carriers import KnownCarriers
from eventstore.load.collection import fewer_collections
from eventstore.load.commit import write_extracted
from eventstore.load.extractor import extract_all
from eventstore.load.inputs import read_inputs
from eventstore.load.plan import Extracted
from eventstore.load.read import RawArticle
from eventstore.load.recorded import recorded_run
from eventstore.load.runs import RunTotals
from tests.load.test_loader import content

pytestmark = pytest.mark.slow
ARTICLES = 40
BATCH = 5


@pytest.fixture(scope="module")
def items(tmp_path_factory: pytest.TempPathFactory) -> list[Extracted]:
    """A generated corpus, extracted once (its events recur from article to article)."""
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, ARTICLES, seed=7)
    raws = [
        raw
        for raw in read_inputs(sorted(folder.glob("*.txt")), max_bytes=1 << 20)
        if isinstance(raw, RawArticle)
    ]
    docs = extract_all([(raw.text, raw.external_id, raw.meta) for raw in raws], date(2026, 12, 1))
    return [
        Extracted(raw, doc)
        for raw, doc in zip(raws, docs, strict=True)
        if not isinstance(doc, InputRejected)
    ]


def _batches(items: list[Extracted]) -> list[list[Extracted]]:
    return [items[i : i + BATCH] for i in range(0, len(items), BATCH)]


def _load(engine: Engine, batches: list[list[Extracted]], carriers: KnownCarriers | None) -> None:
    def work(run_id: int, totals: RunTotals) -> None:
        with fewer_collections():
            for batch in batches:
                write_extracted(engine, run_id, batch, [], totals, carriers=carriers)

    recorded_run(engine, ["test"], work)


def _stored(engine: Engine) -> dict[str, Any]:
    """``content`` and the key rows, by what their rows say (ids differ across dialects)."""
    keys = {
        "event_keys": "SELECT e.summary, e.month, e.day, k.key FROM event_keys k "
        "JOIN events e ON e.id = k.event_id",
        "claim_keys": "SELECT x.key, c.kind, c.text, k.key FROM claim_keys k "
        "JOIN claims c ON c.id = k.claim_id JOIN experts x ON x.id = c.expert_id",
    }
    with engine.connect() as connection:
        found = {
            name: sorted(map(tuple, connection.execute(text(sql)))) for name, sql in keys.items()
        }
    return {**content(engine), **found}


@pytest.fixture(scope="module")
def reference(items: list[Extracted], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The store when every batch reads its keys' carriers (SQLite, loaded once)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('reference') / 'reference.db'}"
    migrations.upgrade(url)
    engine = make_engine(url)
    _load(engine, _batches(items), None)
    expected = _stored(engine)
    engine.dispose()
    return expected


def test_carriers_kept_across_batches_store_the_same_rows(
    engine: Engine, items: list[Extracted], reference: dict[str, Any]
) -> None:
    carriers = KnownCarriers()
    _load(engine, _batches(items), carriers)

    assert _stored(engine) == reference
    assert carriers.by_entity["event"]  # kept, not read again by every batch


def test_another_writers_commit_drops_what_was_kept(
    engine: Engine, items: list[Extracted], reference: dict[str, Any]
) -> None:
    carriers = KnownCarriers()
    batches = _batches(items)
    _load(engine, batches[:4], carriers)
    assert carriers.by_entity["event"]
    # Another loader writes the next batch (its own run, without this load's carriers).
    _load(engine, batches[4:5], None)
    with writer_transaction(engine) as connection:
        assert carriers.begin(connection) == {"event": {}}
    # The first load goes on: it reads again what the other writer changed.
    _load(engine, batches[5:], carriers)

    assert _stored(engine) == reference
