"""Re-extraction: stored articles through the current extractor, without their files.

When the extraction rules change (``EXTRACTOR_VERSION``), the articles already stored are
brought up to date from what the database holds: each one's body and metadata
(published_on, url, outlet, category, language) are read back, extracted again, and
written by the loader's own path (``write_batch``: resolve against the stored rows,
replace the article's mentions), under the writer lock, one transaction per batch, as
one ``ingestion_runs`` row. An article keeps its id and its content hash, so a later load
of the same file still finds it unchanged.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Row, Select, func, select

from eventstore import migrations
from eventstore.db import translate_db_errors
from eventstore.errors import NotFound
from eventstore.extract import EXTRACTOR_VERSION, ArticleMeta
from eventstore.extract.nlp import require_model
from eventstore.load.carriers import KnownCarriers
from eventstore.load.collection import fewer_collections
from eventstore.load.entities import SOURCES
from eventstore.load.extractor import Extractor
from eventstore.load.guard import exclusive_load
from eventstore.load.loader import (
    LoadOptions,
    LoadReport,
    Progress,
    accept,
    recorded_run,
    write_extracted,
)
from eventstore.load.problems import Problem
from eventstore.load.read import RawArticle
from eventstore.load.runs import RunTotals
from eventstore.load.upsert import CHUNK
from eventstore.load.write import ARTICLES
from eventstore.redact import mask_url


@dataclass(frozen=True, slots=True)
class StoredArticle(RawArticle):
    """An article read back from the database, as the loader's input.

    Its content hash is the one it was stored with, the hash of the file and metadata it
    was loaded from: rewriting the article must not make that file look changed.
    """

    stored_hash: str = ""

    @property
    def content_hash(self) -> str:
        """The hash the article was stored with."""
        return self.stored_hash


@dataclass(frozen=True)
class Selection:
    """Which stored articles to re-extract: those named, else every article whose
    extractor version is not the current one (every article with ``force``)."""

    external_ids: tuple[str, ...] = ()
    force: bool = False

    def describe(self) -> list[str]:
        """What the run was asked to do, for ``ingestion_runs.paths``."""
        if self.external_ids:
            return [f"reextract:{external_id}" for external_id in self.external_ids]
        return ["reextract:all" if self.force else "reextract:stale"]


def reextract(
    engine: Engine,
    selection: Selection,
    *,
    options: LoadOptions | None = None,
    progress: Progress | None = None,
) -> LoadReport:
    """Re-extract the ``selection`` of stored articles and write them as a load would.

    The report counts articles re-extracted (``totals.updated``), skipped (``unchanged``:
    already at the current version, or changed by another load meanwhile) and failed
    (rejected by the extractor: they keep their earlier mentions and version). Raises
    SchemaOutOfDate unless the database is at head, NotFound when a named article is not
    stored, and ConfigurationError without the language model, all before a run starts.
    """
    chosen = options or LoadOptions()

    def work(run_id: int, totals: RunTotals) -> None:
        with fewer_collections():
            _pipeline(
                engine, run_id, totals, selection=selection, options=chosen, progress=progress
            )

    with translate_db_errors(mask_url(engine.url)):
        migrations.require_head(engine.url)
        _require_stored(engine, selection.external_ids)
        require_model()  # no language model: stop before a run is recorded (exit 78)
        with exclusive_load(engine) if chosen.exclusive else nullcontext():
            return recorded_run(engine, selection.describe(), work)


def _require_stored(engine: Engine, external_ids: Sequence[str]) -> None:
    found: set[str] = set()
    with engine.connect() as connection:
        for start in range(0, len(external_ids), CHUNK):
            chunk = external_ids[start : start + CHUNK]
            query = select(ARTICLES.c.external_id).where(ARTICLES.c.external_id.in_(chunk))
            found.update(connection.execute(query).scalars())
    missing = [external_id for external_id in external_ids if external_id not in found]
    if missing:
        listed = ", ".join(repr(external_id) for external_id in missing[:10])
        more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
        raise NotFound(f"no stored article with external id {listed}{more}")


def _pipeline(
    engine: Engine,
    run_id: int,
    totals: RunTotals,
    *,
    selection: Selection,
    options: LoadOptions,
    progress: Progress | None,
) -> None:
    """Extract and write the selection batch by batch, counting current ones as skipped."""
    skipped = _current_count(engine, selection)
    totals.files_seen += skipped
    totals.unchanged += skipped
    carriers = KnownCarriers()
    with Extractor(options.workers, options.today) as extractor:
        for batch in _timed(stored_batches(engine, selection, options.batch_size), totals):
            totals.files_seen += len(batch)
            started = time.perf_counter()
            results = extractor.submit(batch)()
            totals.extract_s += time.perf_counter() - started
            problems: list[Problem] = []
            extracted = accept(batch, results, problems)
            write_extracted(
                engine, run_id, extracted, problems, totals, rewrite=True, carriers=carriers
            )
            if progress is not None:
                progress(len(batch))


def _current_count(engine: Engine, selection: Selection) -> int:
    """Articles left alone because they are at the current version already."""
    if selection.external_ids or selection.force:
        return 0
    query = select(func.count()).where(ARTICLES.c.extractor_version == EXTRACTOR_VERSION)
    with engine.connect() as connection:
        return int(connection.execute(query).scalar_one())


def stored_batches(
    engine: Engine, selection: Selection, size: int
) -> Iterator[list[StoredArticle]]:
    """The selected articles in id order, ``size`` at a time, each batch read afresh."""
    after = 0
    while True:
        with engine.connect() as connection:
            rows = connection.execute(_selected(selection, after, size)).all()
        if not rows:
            return
        yield [_stored(row) for row in rows]
        after = rows[-1].id


def _selected(selection: Selection, after: int, size: int) -> Select[Any]:
    query = (
        select(
            ARTICLES.c.id,
            ARTICLES.c.external_id,
            ARTICLES.c.body,
            ARTICLES.c.content_hash,
            ARTICLES.c.source_path,
            ARTICLES.c.url,
            ARTICLES.c.published_on,
            ARTICLES.c.category,
            ARTICLES.c.language,
            SOURCES.c.name.label("outlet"),
        )
        .outerjoin(SOURCES, SOURCES.c.id == ARTICLES.c.source_id)
        .where(ARTICLES.c.id > after)
        .order_by(ARTICLES.c.id)
        .limit(size)
    )
    if selection.external_ids:
        return query.where(ARTICLES.c.external_id.in_(selection.external_ids))
    if not selection.force:
        return query.where(ARTICLES.c.extractor_version != EXTRACTOR_VERSION)
    return query


def _stored(row: Row[Any]) -> StoredArticle:
    values = row._mapping
    meta = ArticleMeta(
        url=values["url"],
        published_on=values["published_on"],
        outlet=values["outlet"],
        language=values["language"],
        category=values["category"],
    )
    where = values["source_path"] or values["external_id"]
    return StoredArticle(
        values["external_id"], values["body"], meta, where, stored_hash=values["content_hash"]
    )


def _timed(
    batches: Iterator[list[StoredArticle]], totals: RunTotals
) -> Iterator[list[StoredArticle]]:
    """``batches``, with the time spent reading them counted as reading."""
    while True:
        started = time.perf_counter()
        batch = next(batches, None)
        totals.read_s += time.perf_counter() - started
        if batch is None:
            return
        yield batch
