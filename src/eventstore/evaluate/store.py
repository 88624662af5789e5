"""What a loaded store holds for the articles a gold set names, read with plain SQL.

The evaluator reads the tables of the read contract (docs/architecture.md) through SQLAlchemy Core,
not through eventstore's repositories, so a bug in the read path cannot hide a bug in
the load. Mentions, claims and events are read for the named articles only; experts and
sources are read whole (recall asks whether they exist anywhere).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from sqlalchemy import Connection, Engine, Select, Table, select

from eventstore.schema import Base

Kind = Literal["claim", "event"]
KINDS: tuple[Kind, Kind] = ("claim", "event")


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


@dataclass(frozen=True)
class StoredArticle:
    """An article row: its body and the name of its outlet."""

    id: int
    external_id: str
    body: str
    outlet: str | None


@dataclass(frozen=True)
class StoredMention:
    """A claim or event mention: the row it belongs to and its span of the body."""

    id: int
    kind: Kind
    row_id: int
    article: str
    start: int
    end: int
    text: str

    @property
    def row(self) -> tuple[Kind, int]:
        """The claim or event row, as (kind, id)."""
        return (self.kind, self.row_id)

    @property
    def label(self) -> str:
        """``claim #12``: how details name the row."""
        return f"{self.kind} #{self.row_id}"


@dataclass(frozen=True)
class StoredEvent:
    """An event row's date."""

    id: int
    year: int | None
    month: int | None
    day: int | None
    precision: str
    qualifier: str | None


@dataclass(frozen=True)
class StoredExpert:
    """An expert row."""

    id: int
    name: str
    role: str | None
    affiliation: str | None


@dataclass(frozen=True)
class StoredSource:
    """A source row."""

    id: int
    name: str
    key: str


@dataclass(frozen=True)
class Store:
    """The store as the scorer sees it."""

    articles: Mapping[str, StoredArticle]
    mentions: tuple[StoredMention, ...]
    claim_experts: Mapping[int, int]
    events: Mapping[int, StoredEvent]
    experts: Mapping[int, StoredExpert]
    sources: Mapping[int, StoredSource]
    links: Mapping[tuple[Kind, int], frozenset[int]] = field(default_factory=dict)
    # (expert id, external id) -> how that article spells the expert (expert_names)
    spellings: Mapping[tuple[int, str], frozenset[str]] = field(default_factory=dict)

    def names_in(self, expert_id: int, article: str) -> set[str]:
        """The expert's name and the spelling ``article`` gives it."""
        expert = self.experts.get(expert_id)
        names = set(self.spellings.get((expert_id, article), frozenset()))
        return names | ({expert.name} if expert is not None else set())

    def all_names(self, expert_id: int) -> set[str]:
        """The expert's name and every spelling the named articles give it."""
        expert = self.experts.get(expert_id)
        names = set(self._spelt_by_expert.get(expert_id, ()))
        return names | ({expert.name} if expert is not None else set())

    @cached_property
    def _spelt_by_expert(self) -> dict[int, set[str]]:
        by_expert: dict[int, set[str]] = {}
        for (expert_id, _), spelt in self.spellings.items():
            by_expert.setdefault(expert_id, set()).update(spelt)
        return by_expert


def read_store(engine: Engine, articles: Collection[str]) -> Store:
    """Read what the scorer needs about ``articles`` (external ids) in one transaction."""
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            # One snapshot for every query, so a load running meanwhile cannot show half.
            connection.execution_options(isolation_level="REPEATABLE READ")
        stored = _articles(connection, articles)
        ids = [article.id for article in stored.values()]
        return Store(
            articles=stored,
            mentions=_mentions(connection, ids, {a.id: a.external_id for a in stored.values()}),
            claim_experts=_claim_experts(connection, ids),
            events=_events(connection, ids),
            experts=_experts(connection),
            sources=_sources(connection),
            links=_links(connection, ids),
            spellings=_spellings(connection, {a.id: a.external_id for a in stored.values()}),
        )


def _articles(connection: Connection, external_ids: Collection[str]) -> dict[str, StoredArticle]:
    articles, sources = _table("articles"), _table("sources")
    query = (
        select(articles.c.id, articles.c.external_id, articles.c.body, sources.c.name)
        .select_from(articles.outerjoin(sources, sources.c.id == articles.c.source_id))
        .where(articles.c.external_id.in_(list(external_ids)))
    )
    return {
        row.external_id: StoredArticle(row.id, row.external_id, row.body, row.name)
        for row in connection.execute(query)
    }


def _mentions(
    connection: Connection, article_ids: list[int], external: Mapping[int, str]
) -> tuple[StoredMention, ...]:
    found: list[StoredMention] = []
    for kind in KINDS:
        table = _table(f"{kind}_mentions")
        query = (
            select(
                table.c.id,
                table.c[f"{kind}_id"].label("row_id"),
                table.c.article_id,
                table.c.start_offset,
                table.c.end_offset,
                table.c.text,
            )
            .where(table.c.article_id.in_(article_ids))
            .order_by(table.c.article_id, table.c.start_offset, table.c.id)
        )
        found += [
            StoredMention(
                row.id,
                kind,
                row.row_id,
                external[row.article_id],
                row.start_offset,
                row.end_offset,
                row.text,
            )
            for row in connection.execute(query)
        ]
    return tuple(found)


def _mentioned(kind: Kind, article_ids: list[int]) -> Select[tuple[int]]:
    """The ids of the claims or events mentioned in ``article_ids`` (a subquery)."""
    table = _table(f"{kind}_mentions")
    column = table.c[f"{kind}_id"]
    return select(column).where(table.c.article_id.in_(article_ids)).distinct()


def _claim_experts(connection: Connection, article_ids: list[int]) -> dict[int, int]:
    claims = _table("claims")
    query = select(claims.c.id, claims.c.expert_id).where(
        claims.c.id.in_(_mentioned("claim", article_ids))
    )
    return {row.id: row.expert_id for row in connection.execute(query)}


def _events(connection: Connection, article_ids: list[int]) -> dict[int, StoredEvent]:
    events = _table("events")
    query = select(
        events.c.id,
        events.c.year,
        events.c.month,
        events.c.day,
        events.c.date_precision,
        events.c.date_qualifier,
    ).where(events.c.id.in_(_mentioned("event", article_ids)))
    return {row.id: StoredEvent(*row) for row in connection.execute(query)}


def _spellings(
    connection: Connection, articles: Mapping[int, str]
) -> dict[tuple[int, str], frozenset[str]]:
    names = _table("expert_names")
    query = select(names.c.expert_id, names.c.article_id, names.c.name).where(
        names.c.article_id.in_(sorted(articles))
    )
    found: dict[tuple[int, str], set[str]] = {}
    for expert_id, article_id, name in connection.execute(query):
        found.setdefault((expert_id, articles[article_id]), set()).add(name)
    return {key: frozenset(spelt) for key, spelt in found.items()}


def _experts(connection: Connection) -> dict[int, StoredExpert]:
    experts = _table("experts")
    query = select(experts.c.id, experts.c.name, experts.c.role, experts.c.affiliation)
    return {row.id: StoredExpert(*row) for row in connection.execute(query)}


def _sources(connection: Connection) -> dict[int, StoredSource]:
    sources = _table("sources")
    query = select(sources.c.id, sources.c.name, sources.c.key)
    return {row.id: StoredSource(*row) for row in connection.execute(query)}


def _links(
    connection: Connection, article_ids: list[int]
) -> dict[tuple[Kind, int], frozenset[int]]:
    """The sources linked to each claim and event mentioned in the articles."""
    links: dict[tuple[Kind, int], set[int]] = {}
    for kind in KINDS:
        table = _table(f"{kind}_sources")
        column = table.c[f"{kind}_id"]
        query = select(column, table.c.source_id).where(column.in_(_mentioned(kind, article_ids)))
        for row_id, source_id in connection.execute(query):
            links.setdefault((kind, row_id), set()).add(source_id)
    return {row: frozenset(sources) for row, sources in links.items()}
