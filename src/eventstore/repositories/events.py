"""Events: the timeline, one event with its mentions, and corroborated events."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, select, tuple_
from sqlalchemy.engine import RowMapping
from sqlalchemy.orm import Session

from eventstore.errors import NotFound
from eventstore.extract.names import source_key
from eventstore.models import EventDetail, EventMention, Page, TimelineEvent
from eventstore.repositories._links import source_links
from eventstore.repositories._paging import decode_ints, encode
from eventstore.repositories._search import matches
from eventstore.repositories._views import V_TIMELINE
from eventstore.repositories.experts import expert_id_for
from eventstore.schema import (
    ArticleRow,
    EventMentionRow,
    EventSourceRow,
    SourceRow,
)

v = V_TIMELINE.c
# Timeline order: dated events by date (a month sorts at the head of its month), then
# events whose year is unknown by month and day, then undated events; ties by id.
_GROUP = case((v.date_precision == "unknown", 2), (v.year.is_(None), 1), else_=0)
_ORDER = (
    _GROUP,
    func.coalesce(v.year, 0),
    func.coalesce(v.month, 0),
    func.coalesce(v.day, 0),
    v.event_id,
)


def split_names(names: str | None) -> tuple[str, ...]:
    """The '; '-joined source names of a view row, as a tuple."""
    return tuple(names.split("; ")) if names else ()


def timeline_event(row: RowMapping) -> TimelineEvent:
    """A TimelineEvent from a v_timeline row."""
    return TimelineEvent(
        id=row["event_id"],
        year=row["year"],
        month=row["month"],
        day=row["day"],
        date_precision=row["date_precision"],
        date_qualifier=row["date_qualifier"],
        date_label=row["date_label"],
        summary=row["summary"],
        article_count=row["article_count"],
        mention_count=row["mention_count"],
        sources=split_names(row["source_names"]),
    )


class EventRepository:
    """Reads events, their mentions and sources."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def timeline(
        self,
        start: date | None = None,
        end: date | None = None,
        *,
        search: str | None = None,
        source: str | None = None,
        expert: str | int | None = None,
        min_articles: int = 1,
        limit: int = 100,
        after: str | None = None,
    ) -> Page[TimelineEvent]:
        """Events in date order, ``limit`` at a time.

        ``start``/``end`` keep events whose date (at its precision) falls in the range;
        events whose year is unknown cannot be placed in a range and are left out then.
        ``search`` is full text over summaries, ``source`` a source name, ``expert`` keeps
        events reported in articles featuring that person.
        """
        query = select(V_TIMELINE).where(v.article_count >= min_articles)
        query = query.where(*_date_range(start, end))
        if search is not None:
            query = query.where(
                v.event_id.in_(select(matches(self.session, "events", search).c.id))
            )
        if source is not None:
            query = query.where(v.event_id.in_(_citing(source)))
        if expert is not None:
            query = query.where(v.event_id.in_(self._featuring(expert)))
        if after is not None:
            query = query.where(tuple_(*_ORDER) > tuple_(*map(literal, decode_ints(after, 5))))
        return self._page(query.order_by(*_ORDER), limit)

    def corroborated(self, min_articles: int = 2, *, limit: int = 100) -> list[TimelineEvent]:
        """Events reported by at least ``min_articles`` articles, the most reported first."""
        query = (
            select(V_TIMELINE)
            .where(v.article_count >= min_articles)
            .order_by(v.article_count.desc(), *_ORDER)
            .limit(limit)
        )
        return [timeline_event(row) for row in self.session.execute(query).mappings()]

    def get(self, event_id: int) -> EventDetail:
        """One event with every mention (article, sentence, match) and source link."""
        row = self.session.execute(select(V_TIMELINE).where(v.event_id == event_id)).mappings()
        found = row.first()
        if found is None:
            raise NotFound(f"no event {event_id}")
        return EventDetail(
            **timeline_event(found).model_dump(),
            mentions=tuple(self._mentions(event_id)),
            source_links=tuple(
                source_links(self.session, EventSourceRow, EventSourceRow.event_id, event_id)
            ),
        )

    def _page(self, query: Select[Any], limit: int) -> Page[TimelineEvent]:
        keys = [expression.label(f"k{i}") for i, expression in enumerate(_ORDER)]
        rows = list(self.session.execute(query.add_columns(*keys).limit(limit + 1)).mappings())
        more = len(rows) > limit
        rows = rows[:limit]
        cursor = encode([rows[-1][f"k{i}"] for i in range(len(keys))]) if more else None
        return Page(items=tuple(timeline_event(row) for row in rows), next_after=cursor)

    def _featuring(self, expert: str | int) -> Select[Any]:
        expert_id = expert_id_for(self.session, expert)
        return (
            select(EventMentionRow.event_id)
            .join(ArticleRow, ArticleRow.id == EventMentionRow.article_id)
            .where(ArticleRow.featured_expert_id == expert_id)
        )

    def _mentions(self, event_id: int) -> list[EventMention]:
        query = (
            select(EventMentionRow, ArticleRow.external_id, ArticleRow.title)
            .join(ArticleRow, ArticleRow.id == EventMentionRow.article_id)
            .where(EventMentionRow.event_id == event_id)
            .order_by(ArticleRow.external_id, EventMentionRow.start_offset)
        )
        return [
            _event_mention(mention, external_id, title)
            for mention, external_id, title in self.session.execute(query)
        ]


_MENTION_FIELDS = (
    "id",
    "article_id",
    "text",
    "start_offset",
    "end_offset",
    "date_text",
    "year",
    "month",
    "day",
    "date_precision",
    "year_inferred",
    "match_method",
    "match_score",
)


def _event_mention(mention: EventMentionRow, external_id: str, title: str) -> EventMention:
    values = {name: getattr(mention, name) for name in _MENTION_FIELDS}
    return EventMention.model_validate(
        {**values, "external_id": external_id, "article_title": title}
    )


def _citing(source: str) -> Select[Any]:
    return (
        select(EventSourceRow.event_id)
        .join(SourceRow, SourceRow.id == EventSourceRow.source_id)
        .where(SourceRow.key == source_key(source))
    )


def _date_range(start: date | None, end: date | None) -> list[ColumnElement[bool]]:
    """Conditions keeping events whose date, at its own precision, lies in the range."""
    conditions: list[ColumnElement[bool]] = []
    for bound, compare in ((start, v.date_key.__ge__), (end, v.date_key.__le__)):
        if bound is None:
            continue
        year_key = bound.year * 10_000
        month_key = year_key + bound.month * 100
        threshold = case(
            (v.date_precision == "day", month_key + bound.day),
            (v.date_precision == "month", month_key),
            else_=year_key,
        )
        conditions.append(and_(v.date_key.is_not(None), compare(threshold)))
    return conditions
