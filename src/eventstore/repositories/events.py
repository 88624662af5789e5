"""Events: the timeline, one event with its mentions, and corroborated events."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, bindparam, case, func, or_, select, tuple_
from sqlalchemy.engine import RowMapping
from sqlalchemy.orm import Session

from eventstore.errors import NotFound
from eventstore.extract.names import source_key
from eventstore.models import EventDetail, EventMention, Page, TimelineEvent
from eventstore.repositories._links import source_links
from eventstore.repositories._paging import decode_ints, encode
from eventstore.repositories._search import fts_query, matches
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


# The view's columns a TimelineEvent needs (the others cost subqueries nobody reads).
_COLUMNS = (
    v.event_id,
    v.year,
    v.month,
    v.day,
    v.date_precision,
    v.date_qualifier,
    v.date_label,
    v.summary,
    v.article_count,
    v.mention_count,
    v.source_names,
)


def timeline_event(row: RowMapping) -> TimelineEvent:
    """A TimelineEvent from a v_timeline row (the database's constraints already hold for
    it, so it is constructed, not validated again)."""
    return TimelineEvent.model_construct(
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
        dialect = self.session.get_bind().dialect.name
        params: dict[str, Any] = {"limit": limit + 1, "min_articles": min_articles}
        params |= _range_params(start, end)
        if search is not None:
            params["fts_query"] = fts_query(dialect, search)
        if source is not None:
            params["source_key"] = source_key(source)
        if expert is not None:
            params["expert_id"] = expert_id_for(self.session, expert)
        if after is not None:
            params |= {f"k{i}": value for i, value in enumerate(decode_ints(after, 5))}
        shape = _Shape(
            start is not None,
            end is not None,
            min_articles > 1,
            dialect if search is not None else None,
            source is not None,
            expert is not None,
            after is not None,
        )
        rows = list(self.session.execute(_timeline(shape), params).mappings())
        more = len(rows) > limit
        rows = rows[:limit]
        cursor = encode([rows[-1][f"k{i}"] for i in range(len(_ORDER))]) if more else None
        return Page(items=tuple(timeline_event(row) for row in rows), next_after=cursor)

    def corroborated(self, min_articles: int = 2, *, limit: int = 100) -> list[TimelineEvent]:
        """Events reported by at least ``min_articles`` articles, the most reported first."""
        reports = func.count(func.distinct(EventMentionRow.article_id))
        counted = (
            select(EventMentionRow.event_id, reports.label("reports"))
            .group_by(EventMentionRow.event_id)
            .having(reports >= min_articles)
            .subquery()
        )
        query = (
            select(*_COLUMNS)
            .join(counted, counted.c.event_id == v.event_id)
            .order_by(counted.c.reports.desc(), *_ORDER)
            .limit(limit)
        )
        return [timeline_event(row) for row in self.session.execute(query).mappings()]

    def get(self, event_id: int) -> EventDetail:
        """One event with every mention (article, sentence, match) and source link."""
        params = {"event_id": event_id}
        found = self.session.execute(_EVENT, params).mappings().first()
        if found is None:
            raise NotFound(f"no event {event_id}")
        mentions = self.session.execute(_EVENT_MENTIONS, params).mappings()
        return EventDetail.model_construct(
            **timeline_event(found).__dict__,
            mentions=tuple(EventMention.model_construct(**row) for row in mentions),
            source_links=tuple(source_links(self.session, EventSourceRow, event_id)),
        )


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


_EVENT = select(*_COLUMNS).where(v.event_id == bindparam("event_id"))
_EVENT_MENTIONS = (
    select(
        *(getattr(EventMentionRow, name) for name in _MENTION_FIELDS),
        ArticleRow.external_id,
        ArticleRow.title.label("article_title"),
    )
    .join(ArticleRow, ArticleRow.id == EventMentionRow.article_id)
    .where(EventMentionRow.event_id == bindparam("event_id"))
    .order_by(ArticleRow.external_id, EventMentionRow.start_offset)
)


class _Shape(NamedTuple):
    """Which filters a timeline query has: one statement is built per shape."""

    start: bool
    end: bool
    corroborated: bool
    search: str | None
    source: bool
    expert: bool
    after: bool


@lru_cache(maxsize=128)
def _timeline(shape: _Shape) -> Select[Any]:
    """The timeline statement for one shape of filters, values left as parameters."""
    keys = [expression.label(f"k{i}") for i, expression in enumerate(_ORDER)]
    query = select(*_COLUMNS, *keys).where(*_date_conditions(shape.start, shape.end))
    if shape.corroborated:
        query = query.where(v.article_count >= bindparam("min_articles"))
    if shape.search is not None:
        query = query.where(v.event_id.in_(select(matches(shape.search, "events").c.id)))
    if shape.source:
        citing = (
            select(EventSourceRow.event_id)
            .join(SourceRow, SourceRow.id == EventSourceRow.source_id)
            .where(SourceRow.key == bindparam("source_key"))
        )
        query = query.where(v.event_id.in_(citing))
    if shape.expert:
        featuring = (
            select(EventMentionRow.event_id)
            .join(ArticleRow, ArticleRow.id == EventMentionRow.article_id)
            .where(ArticleRow.featured_expert_id == bindparam("expert_id"))
        )
        query = query.where(v.event_id.in_(featuring))
    if shape.after:
        after = tuple_(*(bindparam(f"k{i}") for i in range(len(_ORDER))))
        query = query.where(tuple_(*_ORDER) > after)
    return query.order_by(*_ORDER).limit(bindparam("limit"))


def _date_conditions(start: bool, end: bool) -> list[ColumnElement[bool]]:
    """Conditions keeping events whose date, at its own precision, lies in the range.

    The range is given twice: as a plain range on date_key, which the index serves, and
    at the event's own precision (a month that overlaps the range is in it)."""
    if not (start or end):
        return []
    conditions: list[ColumnElement[bool]] = [
        # A year-precision event (key YYYY0000) of a year in the range is in it too.
        or_(
            v.date_key.between(bindparam("low"), bindparam("high")),
            v.date_key.in_(bindparam("year_keys", expanding=True)),
        )
    ]
    for side, compare in (("start", v.date_key.__ge__), ("end", v.date_key.__le__)):
        if (side == "start" and start) or (side == "end" and end):
            threshold = case(
                (v.date_precision == "day", bindparam(f"{side}_day")),
                (v.date_precision == "month", bindparam(f"{side}_month")),
                else_=bindparam(f"{side}_year"),
            )
            conditions.append(compare(threshold))
    return conditions


def _range_params(start: date | None, end: date | None) -> dict[str, Any]:
    if start is None and end is None:
        return {}
    low = (start.year * 10_000 + start.month * 100) if start else 0
    high = (end.year * 10_000 + end.month * 100 + end.day) if end else 99_999_999
    years = range(start.year if start else high // 10_000, high // 10_000 + 1)
    params: dict[str, Any] = {
        "low": low,
        "high": high,
        "year_keys": [year * 10_000 for year in years if year * 10_000 < low] or [-1],
    }
    for side, bound in (("start", start), ("end", end)):
        if bound is not None:
            year_key = bound.year * 10_000
            params[f"{side}_year"] = year_key
            params[f"{side}_month"] = year_key + bound.month * 100
            params[f"{side}_day"] = year_key + bound.month * 100 + bound.day
    return params
