"""Writing: apply one batch's plan (``plan.Plan``) in the caller's transaction.

The only code that writes articles, claims, events and their links, in this order:
sources and experts (upserted by key); articles (new ones inserted, changed ones updated
in place, their old mentions deleted); new events and claims (ids drawn in bulk) and the
changed ones; merges (the absorbed row's mentions move to the survivor, its id forwards);
mentions and their source links; released rows (removed when no mention is left, else
given the preferred wording of the mentions they keep); matching keys (``keywrite``). Every insert,
update, merge and delete goes to the change feed (``changes.ChangeLog``). The plan is
never changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update

from eventstore.extract import EXTRACTOR_VERSION, SourceRef
from eventstore.extract.events import event_summary
from eventstore.load.changes import ChangeLog, Entity
from eventstore.load.entities import expert_ids, source_ids
from eventstore.load.keywrite import Carriers, Filed, write_keys
from eventstore.load.known import preferred
from eventstore.load.plan import ArticleWrite, MentionWrite, Merge, Plan, RowWrite
from eventstore.load.search import Indexer, deferred_search
from eventstore.load.spellings import record_spellings
from eventstore.load.upsert import CHUNK, allocate_ids, bulk_insert
from eventstore.normalize import source_key, text_key
from eventstore.schema import (
    ArticleRow,
    ClaimKeyRow,
    ClaimMentionRow,
    ClaimRow,
    ClaimSourceRow,
    EventKeyRow,
    EventMentionRow,
    EventRow,
    EventSourceRow,
    table,
)

ARTICLES = table(ArticleRow)
KEYS = {"event": table(EventKeyRow), "claim": table(ClaimKeyRow)}
EVENTS = table(EventRow)
EVENT_MENTIONS = table(EventMentionRow)
EVENT_SOURCES = table(EventSourceRow)
CLAIMS = table(ClaimRow)
CLAIM_MENTIONS = table(ClaimMentionRow)
CLAIM_SOURCES = table(ClaimSourceRow)


@dataclass
class BatchOutcome:
    """What writing one batch did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    resolve_s: float = 0.0
    last_seq: int | None = None
    fanout: tuple[int, ...] = ()
    # the carriers of the keys looked up and the key rows filed (``keywrite.Filed``),
    # for ``carriers.KnownCarriers``
    keys: Filed = field(default_factory=Filed)


def apply_plan(
    connection: Connection, plan: Plan, run_id: int, *, carriers: Carriers | None = None
) -> BatchOutcome:
    """Write ``plan`` in the current transaction (the caller holds the writers' lock);
    ``carriers`` are the stored rows of the keys the plan's candidates were looked up by,
    read in this transaction (``keywrite.write_keys``)."""
    outcome = BatchOutcome(unchanged=list(plan.unchanged), fanout=plan.fanout)
    if plan.empty:
        outcome.keys = Filed(dict(carriers or {}))
        return outcome
    _Writer(connection, plan, ChangeLog(run_id, datetime.now(UTC)), carriers).write(outcome)
    return outcome


class _Writer:
    def __init__(
        self, connection: Connection, plan: Plan, log: ChangeLog, carriers: Carriers | None
    ) -> None:
        self.connection = connection
        self.plan = plan
        self.log = log
        self.carriers = carriers
        self.search: Indexer  # the batch's full-text indexing, set by write()
        self.ids: dict[tuple[Entity, int], int] = {}  # (entity, ref) -> id

    def write(self, outcome: BatchOutcome) -> None:
        with deferred_search(self.connection) as self.search:
            self._write(outcome)

    def _write(self, outcome: BatchOutcome) -> None:
        plan = self.plan
        docs = [article.item.doc for article in plan.articles]
        self.sources = source_ids(self.connection, docs, self.log)
        self.experts = expert_ids(self.connection, docs, self.log)
        articles = self._articles(outcome)
        record_spellings(self.connection, docs, articles, self.experts, self.log)
        self._insert(EVENTS, "event", plan.events, self._event_values)
        self._insert(CLAIMS, "claim", plan.claims, self._claim_values)
        self._merge(EVENT_MENTIONS, EVENTS, "event", plan.event_merges)
        self._merge(CLAIM_MENTIONS, CLAIMS, "claim", plan.claim_merges)
        # After the merges: a survivor may take the wording of a claim it absorbed, whose
        # row (unique by expert, kind and text_key) must be gone first.
        self._update(EVENTS, "event", plan.events, self._event_values)
        self._update(CLAIMS, "claim", plan.claims, self._claim_values)
        self._mentions(EVENT_MENTIONS, EVENT_SOURCES, "event", plan.event_mentions, articles)
        self._mentions(CLAIM_MENTIONS, CLAIM_SOURCES, "claim", plan.claim_mentions, articles)
        self._release()
        outcome.keys = write_keys(
            self.connection,
            plan,
            lambda entity, ref: self.ids[(entity, ref)],
            self.experts,
            self.carriers,
        )
        outcome.last_seq = self.log.write(self.connection)

    # -- articles -----------------------------------------------------------------------

    def _articles(self, outcome: BatchOutcome) -> dict[str, int]:
        """Insert new articles, update changed ones (their old mentions go); external id
        -> article id."""
        new = [a for a in self.plan.articles if a.old_id is None]
        ids: dict[str, int] = {}
        if new:
            statement = insert(ARTICLES).returning(ARTICLES.c.id, sort_by_parameter_order=True)
            inserted = self.connection.execute(statement, [self._article_values(a) for a in new])
            for article, article_id in zip(new, inserted.scalars(), strict=True):
                ids[article.item.doc.external_id] = article_id
                outcome.added.append(article.item.doc.external_id)
            self.search.index(ARTICLES, [ids[a.item.doc.external_id] for a in new])
        old = [a for a in self.plan.articles if a.old_id is not None]
        for article in old:
            values = self._article_values(article)
            self.connection.execute(update(ARTICLES).where(ARTICLES.c.id == article.old_id), values)
            ids[article.item.doc.external_id] = article.old_id  # type: ignore[assignment]
            outcome.updated.append(article.item.doc.external_id)
        old_ids = [a.old_id for a in old if a.old_id is not None]
        for mentions in (EVENT_MENTIONS, CLAIM_MENTIONS):
            for start in range(0, len(old_ids), CHUNK):
                chunk = old_ids[start : start + CHUNK]
                self.connection.execute(delete(mentions).where(mentions.c.article_id.in_(chunk)))
        self.log.inserted("article", [ids[a.item.doc.external_id] for a in new])
        self.log.updated("article", old_ids)
        return ids

    def _article_values(self, article: ArticleWrite) -> dict[str, Any]:
        doc, raw = article.item.doc, article.item.raw
        featured = doc.featured_expert
        return {
            "external_id": doc.external_id,
            "source_id": self.sources.get(source_key(doc.outlet)) if doc.outlet else None,
            "featured_expert_id": self.experts[featured.key] if featured else None,
            "url": doc.url,
            "title": doc.title,
            "lede": doc.lede,
            "body": doc.body,
            "category": doc.category,
            "language": doc.language,
            "published_on": doc.published_on,
            "content_hash": raw.content_hash,
            "extractor_version": EXTRACTOR_VERSION,
            "source_path": raw.where,
            "updated_at": self.log.now,
            "run_id": self.log.run_id,
        }

    # -- events and claims ----------------------------------------------------------------

    def _event_values(self, row: RowWrite) -> dict[str, Any]:
        return dict(row.values)

    def _claim_values(self, row: RowWrite) -> dict[str, Any]:
        values = dict(row.values)
        if "text" in values:
            values["text_key"] = text_key(values["text"])
        if row.id is None:
            values["expert_id"] = self.experts[row.expert or ""]
        return values

    def _insert(self, target: Table, entity: Entity, rows: Sequence[RowWrite], values: Any) -> None:
        """Insert the new rows (ids drawn in bulk); every row's id by its ref."""
        fresh = [row for row in rows if row.id is None]
        new_ids = allocate_ids(self.connection, target, len(fresh))
        for row, row_id in zip(fresh, new_ids, strict=True):
            self.ids[(entity, row.ref)] = row_id
        for row in rows:
            if row.id is not None:
                self.ids[(entity, row.ref)] = row.id
        now = self.log.now
        if fresh:
            inserts = [
                {**values(row), "id": row_id, "updated_at": now}
                for row, row_id in zip(fresh, new_ids, strict=True)
            ]
            bulk_insert(self.connection, target, inserts)
            self.search.index(target, new_ids)
            self.log.inserted(entity, new_ids)

    def _update(self, target: Table, entity: Entity, rows: Sequence[RowWrite], values: Any) -> None:
        """Write the changed columns of stored rows."""
        changed = [row for row in rows if row.id is not None and row.values]
        if changed:
            now = self.log.now
            updates = [{"row_id": row.id, **values(row), "updated_at": now} for row in changed]
            statement = update(target).where(target.c.id == bindparam("row_id"))
            self.connection.execute(statement, updates)
            self.log.updated(entity, [row.id for row in changed if row.id is not None])

    def _merge(
        self, mentions: Table, target: Table, entity: Entity, merges: Sequence[Merge]
    ) -> None:
        """Move the mentions of stored rows merged into others, delete them, forward their
        ids (source links follow their mentions: ON UPDATE CASCADE)."""
        if not merges:
            return
        parent = f"{entity}_id"
        moves = [{"loser": m.loser, "survivor": self.ids[(entity, m.survivor)]} for m in merges]
        statement = (
            update(mentions)
            .where(mentions.c[parent] == bindparam("loser"))
            .values({parent: bindparam("survivor")})
        )
        self.connection.execute(statement, moves)
        self._move_keys(entity, moves)
        losers = [m.loser for m in merges]
        self.connection.execute(delete(target).where(target.c.id.in_(losers)))
        for move in moves:
            self.log.merged(entity, move["loser"], move["survivor"])

    def _move_keys(self, entity: Entity, moves: list[dict[str, int]]) -> None:
        """Give survivors the matching keys of the rows they absorbed (resolution saw only
        the keys it looked up; the rest would go with the deleted row)."""
        keys_table = KEYS[entity]
        parent = keys_table.c[f"{entity}_id"]
        held = select(keys_table.c.key).where(parent == bindparam("survivor")).scalar_subquery()
        statement = (
            update(keys_table)
            .where(parent == bindparam("loser"), keys_table.c.key.not_in(held))
            .values({parent: bindparam("survivor")})
        )
        self.connection.execute(statement, moves)

    def _mentions(
        self,
        mentions: Table,
        links: Table,
        entity: Entity,
        queued: Sequence[MentionWrite],
        articles: dict[str, int],
    ) -> None:
        if not queued:
            return
        parent = f"{entity}_id"
        ids = allocate_ids(self.connection, mentions, len(queued))
        rows = [
            {
                **mention.values,
                "article_id": articles[mention.article],
                parent: self.ids[(entity, mention.owner)],
                "id": mention_id,
            }
            for mention, mention_id in zip(queued, ids, strict=True)
        ]
        bulk_insert(self.connection, mentions, rows)
        link_rows = [
            {
                parent: self.ids[(entity, mention.owner)],
                "mention_id": mention_id,
                "source_id": source_id,
                "role": role,
            }
            for mention, mention_id in zip(queued, ids, strict=True)
            for source_id, role in self._source_links(mention.sources)
        ]
        if link_rows:
            bulk_insert(self.connection, links, link_rows)

    def _source_links(self, sources: tuple[SourceRef, ...]) -> list[tuple[int, str]]:
        return sorted({(self.sources[source.key], source.role) for source in sources})

    # -- what the changed articles left behind ----------------------------------------------

    def _release(self) -> None:
        """Remove released rows left with no mention; one whose wording no longer occurs
        in any mention takes the preferred wording of those it keeps."""
        merged = {m.loser for m in self.plan.event_merges} | {
            m.loser for m in self.plan.claim_merges
        }
        passes: tuple[tuple[Table, Entity, str, frozenset[int], _Wordings], ...] = (
            (EVENTS, "event", "summary", self.plan.released_events, _event_wordings),
            (CLAIMS, "claim", "text", self.plan.released_claims, _claim_wordings),
        )
        for target, entity, column, released, wordings in passes:
            ids = set(released) - merged
            if not ids:
                continue
            found = wordings(self.connection, ids)
            gone = ids - set(found)
            if gone:
                self.connection.execute(delete(target).where(target.c.id.in_(sorted(gone))))
                self.log.deleted(entity, sorted(gone))
            self._reword(target, entity, column, found)

    def _reword(
        self, target: Table, entity: Entity, column: str, found: dict[int, list[str]]
    ) -> None:
        query = select(target.c.id, target.c[column]).where(target.c.id.in_(sorted(found)))
        stale = {
            row_id: _preferred(found[row_id])
            for row_id, wording in self.connection.execute(query)
            if not any(wording in text for text in found[row_id])
        }
        for row_id, wording in stale.items():
            values: dict[str, Any] = {column: wording, "updated_at": self.log.now}
            if entity == "claim":
                values["text_key"] = text_key(wording)
            self.connection.execute(update(target).where(target.c.id == row_id).values(values))
        self.log.updated(entity, sorted(stale))


_Wordings = Callable[[Connection, set[int]], dict[int, list[str]]]


def _preferred(wordings: list[str]) -> str:
    best = wordings[0]
    for wording in wordings[1:]:
        best = preferred(best, wording)
    return best


def _event_wordings(connection: Connection, events: set[int]) -> dict[int, list[str]]:
    """event id -> the wordings of its mentions (events with none are absent)."""
    query = select(
        EVENT_MENTIONS.c.event_id, EVENT_MENTIONS.c.text, EVENT_MENTIONS.c.date_text
    ).where(EVENT_MENTIONS.c.event_id.in_(sorted(events)))
    wordings: dict[int, list[str]] = defaultdict(list)
    for event_id, text, date_text in connection.execute(query):
        wordings[event_id].append(event_summary(text, date_text))
    return wordings


def _claim_wordings(connection: Connection, claims: set[int]) -> dict[int, list[str]]:
    """claim id -> the wordings of its mentions (one per article; none: absent)."""
    query = (
        select(CLAIM_MENTIONS.c.claim_id, CLAIM_MENTIONS.c.article_id, CLAIM_MENTIONS.c.text)
        .where(CLAIM_MENTIONS.c.claim_id.in_(sorted(claims)))
        .order_by(CLAIM_MENTIONS.c.article_id, CLAIM_MENTIONS.c.start_offset)
    )
    per_article: dict[tuple[int, int], list[str]] = defaultdict(list)
    for claim_id, article_id, text in connection.execute(query):
        per_article[(claim_id, article_id)].append(text)
    wordings: dict[int, list[str]] = defaultdict(list)
    for (claim_id, _), parts in per_article.items():
        wordings[claim_id].append(" ".join(parts))
    return wordings
