"""Writing: one batch of extracted articles into the database, in the caller's transaction.

The only code that writes articles, claims, events and their links. Unchanged articles
(same content hash and extractor version) are skipped; a changed article (or one
re-extracted from its stored text) loses its old mentions first (the database drops
claims and events left with none) and is written again. Inserts go in bulk, with ids
returned in parameter order.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update

from eventstore.extract import EXTRACTOR_VERSION, ArticleDoc, ClaimDoc, EventDoc, SourceRef
from eventstore.extract.events import event_summary
from eventstore.extract.names import source_key
from eventstore.load.match import text_key
from eventstore.load.read import RawArticle
from eventstore.load.resolve import (
    CLAIM_KEYS,
    EVENT_KEYS,
    ClaimIndex,
    EventIndex,
    Known,
    KnownClaim,
    KnownEvent,
    preferred,
)
from eventstore.load.upsert import (
    CHUNK,
    allocate_ids,
    insert_ignoring,
    upsert_preferring,
)
from eventstore.schema import (
    ArticleRow,
    ClaimMentionRow,
    ClaimRow,
    ClaimSourceRow,
    EventMentionRow,
    EventRow,
    EventSourceRow,
    ExpertRow,
    SourceRow,
    table,
)

_T = TypeVar("_T")
_Known = TypeVar("_Known", KnownEvent, KnownClaim)

ARTICLES = table(ArticleRow)
SOURCES = table(SourceRow)
EXPERTS = table(ExpertRow)
EVENTS = table(EventRow)
EVENT_MENTIONS = table(EventMentionRow)
EVENT_SOURCES = table(EventSourceRow)
CLAIMS = table(ClaimRow)
CLAIM_MENTIONS = table(ClaimMentionRow)
CLAIM_SOURCES = table(ClaimSourceRow)


@dataclass(frozen=True, slots=True)
class Extracted:
    """An article read and extracted, ready to be written."""

    raw: RawArticle
    doc: ArticleDoc


@dataclass
class BatchOutcome:
    """What writing one batch did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    resolve_s: float = 0.0


def stored_versions(connection: Connection, external_ids: Sequence[str]) -> dict[str, Any]:
    """external_id -> (id, content_hash, extractor_version) of the articles already stored."""
    found: dict[str, Any] = {}
    for start in range(0, len(external_ids), CHUNK):
        chunk = external_ids[start : start + CHUNK]
        query = select(
            ARTICLES.c.external_id,
            ARTICLES.c.id,
            ARTICLES.c.content_hash,
            ARTICLES.c.extractor_version,
        ).where(ARTICLES.c.external_id.in_(chunk))
        found.update({row[0]: row[1:] for row in connection.execute(query)})
    return found


def is_current(stored: Any, raw: RawArticle) -> bool:
    """True when the stored article has this content and this extractor's mentions."""
    return bool(stored) and stored[1] == raw.content_hash and stored[2] == EXTRACTOR_VERSION


def write_batch(
    connection: Connection, items: Sequence[Extracted], run_id: int, *, rewrite: bool = False
) -> BatchOutcome:
    """Write ``items`` (one per external id) in the current transaction.

    An item whose article is stored with the same content and extractor version is
    skipped. With ``rewrite`` (re-extraction of stored articles) an item is written only
    over the very article it was read from, whatever its extractor version, and skipped
    when that article has changed or gone since.
    """
    outcome = BatchOutcome()
    stored = stored_versions(connection, [item.doc.external_id for item in items])
    todo = []
    for item in items:
        previous = stored.get(item.doc.external_id)
        if _skipped(previous, item.raw, rewrite=rewrite):
            outcome.unchanged.append(item.doc.external_id)
        else:
            todo.append((item, previous[0] if previous else None))
    if not todo:
        return outcome
    survivors = _drop_old_mentions(connection, [old for _, old in todo if old is not None])
    writer = _BatchWriter(connection, run_id, [item for item, _ in todo])
    writer.articles(todo)
    for item, old in todo:
        (outcome.updated if old else outcome.added).append(item.doc.external_id)
    writer.flush()
    _refresh_wording(connection, *survivors)
    outcome.resolve_s = writer.resolve_s
    return outcome


def _skipped(stored: Any, raw: RawArticle, *, rewrite: bool) -> bool:
    if rewrite:
        return not stored or stored[1] != raw.content_hash
    return is_current(stored, raw)


def _drop_old_mentions(connection: Connection, article_ids: list[int]) -> tuple[set[int], set[int]]:
    """Delete the mentions of changed articles; return the events and claims they touched."""
    if not article_ids:
        return set(), set()
    events = set(
        connection.execute(
            select(EVENT_MENTIONS.c.event_id).where(EVENT_MENTIONS.c.article_id.in_(article_ids))
        ).scalars()
    )
    claims = set(
        connection.execute(
            select(CLAIM_MENTIONS.c.claim_id).where(CLAIM_MENTIONS.c.article_id.in_(article_ids))
        ).scalars()
    )
    connection.execute(delete(EVENT_MENTIONS).where(EVENT_MENTIONS.c.article_id.in_(article_ids)))
    connection.execute(delete(CLAIM_MENTIONS).where(CLAIM_MENTIONS.c.article_id.in_(article_ids)))
    return events, claims


class _BatchWriter:
    """Resolves and writes the articles of one batch, collecting rows to insert in bulk."""

    def __init__(self, connection: Connection, run_id: int, items: list[Extracted]) -> None:
        self.connection = connection
        self.run_id = run_id
        self.now = datetime.now(UTC)
        docs = [item.doc for item in items]
        self.source_ids = _source_ids(connection, docs)
        self.expert_ids = _expert_ids(connection, docs)
        started = time.perf_counter()
        self.events = EventIndex.load(connection, [e for d in docs for e in d.events])
        self.claims = ClaimIndex.load(
            connection,
            [(c, self.expert_ids[c.speaker.key]) for d in docs for c in d.claims],
        )
        self.resolve_s = time.perf_counter() - started
        self.event_mentions: list[tuple[KnownEvent, dict[str, Any], tuple[SourceRef, ...]]] = []
        self.claim_mentions: list[tuple[KnownClaim, dict[str, Any], tuple[SourceRef, ...]]] = []

    def articles(self, todo: Sequence[tuple[Extracted, int | None]]) -> None:
        """Write the article rows now (new ones in bulk); queue their mentions for ``flush``."""
        new = [item for item, old in todo if old is None]
        ids: dict[str, int] = {}
        if new:
            statement = insert(ARTICLES).returning(ARTICLES.c.id, sort_by_parameter_order=True)
            inserted = self.connection.execute(statement, [self._article_values(i) for i in new])
            ids = {
                item.doc.external_id: id_ for item, id_ in zip(new, inserted.scalars(), strict=True)
            }
        for item, old in todo:
            if old is not None:
                values = self._article_values(item)
                self.connection.execute(update(ARTICLES).where(ARTICLES.c.id == old), values)
                ids[item.doc.external_id] = old
        for item, _ in todo:
            article_id = ids[item.doc.external_id]
            for event in item.doc.events:
                self._queue_event(article_id, event)
            for claim in item.doc.claims:
                self._queue_claim(article_id, claim)

    def _article_values(self, item: Extracted) -> dict[str, Any]:
        doc = item.doc
        featured = doc.featured_expert
        return {
            "external_id": doc.external_id,
            "source_id": self.source_ids.get(source_key(doc.outlet)) if doc.outlet else None,
            "featured_expert_id": self.expert_ids[featured.key] if featured else None,
            "url": doc.url,
            "title": doc.title,
            "lede": doc.lede,
            "body": doc.body,
            "category": doc.category,
            "language": doc.language,
            "published_on": doc.published_on,
            "content_hash": item.raw.content_hash,
            "extractor_version": EXTRACTOR_VERSION,
            "source_path": item.raw.where,
            "updated_at": self.now,
            "run_id": self.run_id,
        }

    def _queue_event(self, article_id: int, doc: EventDoc) -> None:
        started = time.perf_counter()
        event, method, score = self.events.resolve(doc)
        self.resolve_s += time.perf_counter() - started
        reading = doc.date
        mention = {
            "article_id": article_id,
            "start_offset": doc.span.start,
            "end_offset": doc.span.end,
            "text": doc.span.text,
            "date_text": reading.text,
            "year": reading.year,
            "month": reading.month,
            "day": reading.day,
            "date_precision": reading.precision,
            "date_qualifier": reading.qualifier,
            "year_inferred": reading.year_inferred,
            "match_method": method,
            "match_score": score,
            "extracted_by": doc.extracted_by,
            "confidence": doc.confidence,
        }
        self.event_mentions.append((event, mention, doc.sources))

    def _queue_claim(self, article_id: int, doc: ClaimDoc) -> None:
        started = time.perf_counter()
        claim, method, score = self.claims.resolve(doc, self.expert_ids[doc.speaker.key])
        self.resolve_s += time.perf_counter() - started
        for span in doc.spans:
            mention = {
                "article_id": article_id,
                "start_offset": span.start,
                "end_offset": span.end,
                "text": span.text,
                "section": doc.section,
                "attribution": doc.attribution,
                "match_method": method,
                "match_score": score,
                "extracted_by": doc.extracted_by,
                "confidence": doc.confidence,
            }
            sources = tuple(s for s in doc.sources if s.name.lower() in span.text.lower())
            self.claim_mentions.append((claim, mention, sources or doc.sources))

    def flush(self) -> None:
        """Apply merges, insert and update the batch's events and claims, then mentions."""
        _repoint(self.connection, EVENT_MENTIONS, "event_id", self.events.merged)
        _repoint(self.connection, CLAIM_MENTIONS, "claim_id", self.claims.merged)
        events = [event.final for event, _, _ in self.event_mentions]
        claims = [claim.final for claim, _, _ in self.claim_mentions]
        _save_events(self.connection, events)
        _save_claims(self.connection, claims)
        self._insert_mentions(EVENT_MENTIONS, EVENT_SOURCES, "event_id", self.event_mentions)
        self._insert_mentions(CLAIM_MENTIONS, CLAIM_SOURCES, "claim_id", self.claim_mentions)

    def _insert_mentions(
        self,
        mentions: Table,
        links: Table,
        parent: str,
        queued: Sequence[tuple[KnownEvent | KnownClaim, dict[str, Any], tuple[SourceRef, ...]]],
    ) -> None:
        if not queued:
            return
        ids = allocate_ids(self.connection, mentions, len(queued))
        rows = [
            {**mention, parent: owner.final.id, "id": mention_id}
            for (owner, mention, _), mention_id in zip(queued, ids, strict=True)
        ]
        self.connection.execute(insert(mentions), rows)
        link_rows = [
            {
                parent: owner.final.id,
                "mention_id": mention_id,
                "source_id": source_id,
                "role": role,
            }
            for (owner, _, sources), mention_id in zip(queued, ids, strict=True)
            for source_id, role in self._source_links(sources)
        ]
        if link_rows:
            self.connection.execute(insert(links), link_rows)

    def _source_links(self, sources: tuple[SourceRef, ...]) -> list[tuple[int, str]]:
        unique = {(self.source_ids[source.key], source.role) for source in sources}
        return sorted(unique)


# When two descriptions of one source or person disagree, which one the row keeps.
SOURCE_KIND_ORDER = (
    "outlet",
    "intelligence",
    "government",
    "publication",
    "media",
    "organization",
    "other",
)
EXPERT_KIND_ORDER = ("expert", "official", "politician", "organization", "other")


def _source_ids(connection: Connection, docs: Sequence[ArticleDoc]) -> dict[str, int]:
    rows = []
    for doc in docs:
        if doc.outlet:
            rows.append({"name": doc.outlet, "key": source_key(doc.outlet), "kind": "outlet"})
        sources = [s for c in doc.claims for s in c.sources]
        sources += [s for e in doc.events for s in e.sources]
        rows += [{"name": s.name, "key": s.key, "kind": s.kind} for s in sources]
    return upsert_preferring(
        connection, SOURCES, rows, key="key", longer=["name"], ranked={"kind": SOURCE_KIND_ORDER}
    )


def _expert_ids(connection: Connection, docs: Sequence[ArticleDoc]) -> dict[str, int]:
    people = [claim.speaker for doc in docs for claim in doc.claims]
    people += [doc.featured_expert for doc in docs if doc.featured_expert]
    rows = [
        {
            "name": person.name,
            "key": person.key,
            "kind": person.kind,
            "role": person.role,
            "affiliation": person.affiliation,
        }
        for person in people
    ]
    return upsert_preferring(
        connection,
        EXPERTS,
        rows,
        key="key",
        longer=["name", "role", "affiliation"],
        ranked={"kind": EXPERT_KIND_ORDER},
    )


def _save_events(connection: Connection, events: list[KnownEvent]) -> None:
    _save(
        connection,
        EVENTS,
        events,
        new=lambda e: {
            "year": e.year,
            "month": e.month,
            "day": e.day,
            "date_precision": e.precision,
            "date_qualifier": e.qualifier,
            "summary": e.summary,
        },
        changed=lambda e: {"year": e.year, "date_qualifier": e.qualifier, "summary": e.summary},
    )
    # Only undated events are found by key; a dated one is found by its date.
    undated = [event for event in events if event.precision == "unknown"]
    _save_keys(connection, EVENT_KEYS, "event_id", undated)


def _save_claims(connection: Connection, claims: list[KnownClaim]) -> None:
    _save(
        connection,
        CLAIMS,
        claims,
        new=lambda c: {"expert_id": c.expert_id, "kind": c.kind, **_claim_wording(c.text)},
        changed=lambda c: _claim_wording(c.text),
    )
    _save_keys(connection, CLAIM_KEYS, "claim_id", claims)


def _repoint(connection: Connection, mentions: Table, parent: str, merged: Sequence[Known]) -> None:
    """Move the mentions of stored rows merged into others; the emptied rows go (orphan
    triggers) with their keys, and source links follow their mentions (ON UPDATE CASCADE)."""
    moves = [{"loser": row.id, "survivor": row.final.id} for row in merged if row.id is not None]
    if moves:
        statement = (
            update(mentions)
            .where(mentions.c[parent] == bindparam("loser"))
            .values({parent: bindparam("survivor")})
        )
        connection.execute(statement, moves)


def _save_keys(
    connection: Connection, target: Table, parent: str, items: Sequence[KnownEvent | KnownClaim]
) -> None:
    """Store the matching keys the batch's wordings added (ids are known by now)."""
    rows = [{parent: item.id, "key": key} for item in _unique(list(items)) for key in item.new_keys]
    if rows:
        insert_ignoring(connection, target, rows, [parent, "key"])
    for item in items:
        item.new_keys.clear()


def _claim_wording(text: str) -> dict[str, str]:
    return {"text": text, "text_key": text_key(text)}


def _save(
    connection: Connection,
    target: Table,
    items: list[_Known],
    *,
    new: Callable[[_Known], dict[str, Any]],
    changed: Callable[[_Known], dict[str, Any]],
) -> None:
    """Insert the items that have no id yet (taking their ids), update the changed ones."""
    fresh = _unique([item for item in items if item.id is None])
    if fresh:
        ids = allocate_ids(connection, target, len(fresh))
        for item, item_id in zip(fresh, ids, strict=True):
            item.id, item.dirty = item_id, False
        connection.execute(insert(target), [{**new(item), "id": item.id} for item in fresh])
    dirty = _unique([item for item in items if item.dirty])
    if dirty:
        rows = [{"row_id": item.id, **changed(item)} for item in dirty]
        updating = update(target).where(target.c.id == bindparam("row_id"))
        connection.execute(updating, rows)
        for item in dirty:
            item.dirty = False


def _unique(items: list[_T]) -> list[_T]:
    """``items`` without repeats of the same object, in order."""
    seen: set[int] = set()
    result: list[_T] = []
    for item in items:
        if id(item) not in seen:
            seen.add(id(item))
            result.append(item)
    return result


def _refresh_wording(connection: Connection, events: set[int], claims: set[int]) -> None:
    """Events and claims that lost mentions take the preferred wording of those left."""
    if events:
        query = select(
            EVENT_MENTIONS.c.event_id, EVENT_MENTIONS.c.text, EVENT_MENTIONS.c.date_text
        ).where(EVENT_MENTIONS.c.event_id.in_(sorted(events)))
        wordings: dict[int, str] = {}
        for event_id, text, date_text in connection.execute(query):
            summary = event_summary(text, date_text)
            wordings[event_id] = preferred(wordings.get(event_id, summary), summary)
        for event_id, summary in wordings.items():
            connection.execute(
                update(EVENTS).where(EVENTS.c.id == event_id).values(summary=summary)
            )
    if claims:
        for claim_id, text in _claim_wordings(connection, claims).items():
            connection.execute(
                update(CLAIMS).where(CLAIMS.c.id == claim_id).values(**_claim_wording(text))
            )


def _claim_wordings(connection: Connection, claims: set[int]) -> dict[int, str]:
    query = (
        select(CLAIM_MENTIONS.c.claim_id, CLAIM_MENTIONS.c.article_id, CLAIM_MENTIONS.c.text)
        .where(CLAIM_MENTIONS.c.claim_id.in_(sorted(claims)))
        .order_by(CLAIM_MENTIONS.c.article_id, CLAIM_MENTIONS.c.start_offset)
    )
    per_article: dict[tuple[int, int], list[str]] = defaultdict(list)
    for claim_id, article_id, text in connection.execute(query):
        per_article[(claim_id, article_id)].append(text)
    wordings: dict[int, str] = {}
    for (claim_id, _), parts in per_article.items():
        text = " ".join(parts)
        wordings[claim_id] = preferred(wordings.get(claim_id, text), text)
    return wordings
