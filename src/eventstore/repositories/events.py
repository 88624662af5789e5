"""Events: the timeline, one event with its mentions, and corroborated events."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    bindparam,
    case,
    func,
    or_,
    select,
    tuple_,
)
from sqlalchemy.engine import RowMapping
from sqlalchemy.orm import Session

from eventstore.errors import NotFound
from eventstore.models import EventDetail, EventMention, Page, TimelineEvent
from eventstore.normalize import source_key
from eventstore.repositories._inputs import check_text, fits_int64, shown
from eventstore.repositories._links import source_links
from eventstore.repositories._paging import decode_ints, encode
from eventstore.repositories._search import fts_query, matches
from eventstore.repositories._views import V_TIMELINE
from eventstore.repositories.changes import ChangeRepository
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
    return TimelineEvent.trusted(
        event_id=row["event_id"],
        year=row["year"],
        month=row["month"],
        day=row["day"],
        date_precision=row["date_precision"],
        date_qualifier=row["date_qualifier"],
        date_label=row["date_label"],
        summary=row["summary"],
        article_count=row["article_count"],
        mention_count=row["mention_count"],
        source_names=split_names(row["source_names"]),
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
        include_undated: bool = False,
    ) -> Page[TimelineEvent]:
        """Events in date order, ``limit`` at a time.

        ``start``/``end`` keep events whose date (at its precision) falls in the range;
        events whose year is unknown cannot be placed in a range and are left out then
        (``yearless_count`` says how many), unless ``include_undated`` lists them after
        the range. ``search`` is full text over summaries, ``source`` a source name,
        ``expert`` keeps events reported in articles featuring that person.
        """
        params, filters = self._filters(
            start, end, search=search, source=source, expert=expert, min_articles=min_articles
        )
        # Read segment by segment, each in the order of an index: a page reads its own
        # rows (and those its filters reject), not every event of the store.
        position, after_params = -1, dict[str, int]()
        if after is not None:
            position, after_params = _resume_at(decode_ints(after, 5), params)
        rows: list[RowMapping] = []
        for segment in _segments(start is not None, end is not None, include_undated):
            if segment < position:
                continue
            resume = segment == position
            statement = _timeline(filters, segment, resume)
            wanted = {"limit": limit + 1 - len(rows)} | (after_params if resume else {})
            rows += self.session.execute(statement, params | wanted).mappings()
            if len(rows) > limit:
                break
        more = len(rows) > limit
        rows = rows[:limit]
        cursor = encode(_sort_key(rows[-1])) if more else None
        return Page(items=tuple(timeline_event(row) for row in rows), next_after=cursor)

    def yearless_count(
        self,
        *,
        search: str | None = None,
        source: str | None = None,
        expert: str | int | None = None,
        min_articles: int = 1,
    ) -> int:
        """How many events the other filters keep whose year is unknown: those a date
        range leaves out."""
        params, filters = self._filters(
            None, None, search=search, source=source, expert=expert, min_articles=min_articles
        )
        total = 0
        for segment in (YEARLESS, UNDATED):
            rows = _timeline(filters, segment, False).subquery()
            counted = select(func.count()).select_from(rows)
            total += self.session.execute(counted, params | {"limit": 2**62}).scalar_one()
        return total

    def _filters(
        self,
        start: date | None,
        end: date | None,
        *,
        search: str | None,
        source: str | None,
        expert: str | int | None,
        min_articles: int,
    ) -> tuple[dict[str, Any], _Shape]:
        """The parameters of a timeline query and the shape of its statement."""
        dialect = self.session.get_bind().dialect.name
        params: dict[str, Any] = {"min_articles": min_articles}
        params |= _range_params(start, end)
        if search is not None:
            params["fts_query"] = fts_query(dialect, search)
        if source is not None:
            params["source_key"] = source_key(check_text(source, "source"))
        if expert is not None:
            params["expert_id"] = expert_id_for(self.session, expert)
        shape = _Shape(
            start is not None,
            end is not None,
            min_articles > 1,
            dialect if search is not None else None,
            source is not None,
            expert is not None,
        )
        return params, shape

    def corroborated(self, min_articles: int = 2, *, limit: int = 100) -> list[TimelineEvent]:
        """Events reported by at least ``min_articles`` articles, the most reported first."""
        reports = func.count(func.distinct(EventMentionRow.article_id))
        counted = (
            select(EventMentionRow.event_id, reports.label("reports"))
            .group_by(EventMentionRow.event_id)
            .having(reports >= min_articles)
            .subquery()
        )
        # The top events are chosen on the count and the date alone; the view's other
        # columns (counts and names, each a subquery) are computed for those rows only.
        keys = [expression.label(f"k{i}") for i, expression in enumerate(_ORDER)]
        top = (
            select(v.event_id, counted.c.reports, *keys)
            .join(counted, counted.c.event_id == v.event_id)
            .order_by(counted.c.reports.desc(), *_ORDER)
            .limit(limit)
            .subquery("top")
        )
        query = (
            select(*_COLUMNS)
            .join(top, top.c.event_id == v.event_id)
            .order_by(top.c.reports.desc(), *(top.c[key.name] for key in keys))
        )
        return [timeline_event(row) for row in self.session.execute(query).mappings()]

    def get(self, event_id: int) -> EventDetail:
        """One event with every mention (article, sentence, match) and source link."""
        if not fits_int64(event_id):
            raise NotFound(f"no event {shown(event_id)}")
        params = {"event_id": event_id}
        found = self.session.execute(_EVENT, params).mappings().first()
        if found is None:
            live = ChangeRepository(self.session).live_id("event", event_id)
            return self.get(live).model_copy(update={"forwarded_from": event_id})
        mentions = self.session.execute(_EVENT_MENTIONS, params).mappings()
        return EventDetail.trusted(
            **timeline_event(found).__dict__,
            mentions=tuple(EventMention.trusted(**row) for row in mentions),
            source_links=tuple(source_links(self.session, EventSourceRow, event_id)),
            forwarded_from=None,
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
    "extracted_by",
    "confidence",
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
    """Which filters a timeline query has: one statement is built per shape and segment."""

    start: bool
    end: bool
    corroborated: bool
    search: str | None
    source: bool
    expert: bool


# Segments of the timeline, in its order. With a date range: the year-precision events
# of the start year (key YYYY0000, below the range's first month), then the range (then,
# if asked, the yearless and the undated). With none: every dated event, then those whose
# year is unknown, then the undated.
YEAR_HEAD, DATED, YEARLESS, UNDATED = range(4)


def _segments(start: bool, end: bool, include_undated: bool) -> tuple[int, ...]:
    yearless = (YEARLESS, UNDATED) if include_undated or not (start or end) else ()
    return (YEAR_HEAD, DATED, *yearless) if start else (DATED, *yearless)


def _sort_key(row: RowMapping) -> tuple[int, int, int, int, int]:
    """A row's place in the timeline: (group, year, month, day, id); the cursor."""
    group = 0 if row["year"] is not None else 1 if row["month"] is not None else 2
    return (group, row["year"] or 0, row["month"] or 0, row["day"] or 0, row["event_id"])


def _resume_at(key: tuple[int, ...], params: dict[str, Any]) -> tuple[int, dict[str, int]]:
    """The segment a cursor's row is in, and the parameters that resume after it."""
    group, year, month, day, event_id = key
    date_key = year * 10_000 + month * 100 + day
    if group == 0:
        segment = YEAR_HEAD if params.get("year_key") == date_key else DATED
    else:
        segment = YEARLESS if group == 1 else UNDATED
    return segment, {"a_key": date_key, "a_month": month, "a_day": day, "a_id": event_id}


_SEGMENT_ORDER = {
    # date_key is constant in the head, but ordering by it steers PostgreSQL to the
    # date_key index: "ORDER BY id LIMIT n" walked the primary key over every event.
    YEAR_HEAD: (v.date_key, v.event_id),
    DATED: (v.date_key, v.event_id),
    YEARLESS: (v.month, func.coalesce(v.day, 0), v.event_id),
    UNDATED: (v.event_id,),
}


@lru_cache(maxsize=256)
def _timeline(shape: _Shape, segment: int, resume: bool) -> Select[Any]:
    """One segment of the timeline for one shape of filters, values left as parameters."""
    query = select(*_COLUMNS).where(*_segment_conditions(shape, segment, resume))
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
    return query.order_by(*_SEGMENT_ORDER[segment]).limit(bindparam("limit"))


def _segment_conditions(shape: _Shape, segment: int, resume: bool) -> list[ColumnElement[bool]]:
    after_id = v.event_id > bindparam("a_id")
    if segment == YEAR_HEAD:
        # Only year-precision events have the key YYYY0000, and their year overlaps.
        conditions = [v.date_key == bindparam("year_key")]
        return [*conditions, after_id] if resume else conditions
    if segment == DATED:
        ranged = shape.start or shape.end
        conditions = (
            [v.date_key.between(bindparam("low"), bindparam("high")), *_precision_conditions(shape)]
            if ranged
            else [v.date_key.is_not(None)]
        )
        if resume:
            key = bindparam("a_key", type_=Integer)
            # The plain bound lets the index start at the cursor.
            conditions += [v.date_key >= key, or_(v.date_key > key, after_id)]
        return conditions
    if segment == YEARLESS:
        conditions = [v.year.is_(None), v.month.is_not(None)]
        if resume:
            position = tuple_(v.month, func.coalesce(v.day, 0), v.event_id)
            after = tuple_(bindparam("a_month"), bindparam("a_day"), bindparam("a_id"))
            conditions += [v.month >= bindparam("a_month"), position > after]
        return conditions
    conditions = [v.year.is_(None), v.month.is_(None)]
    return [*conditions, after_id] if resume else conditions


def _precision_conditions(shape: _Shape) -> list[ColumnElement[bool]]:
    """Conditions keeping events whose date, at its own precision, lies in the range.

    Within [low, high] (low is the start's month, YYYYMM00; high the end's day) every
    month and year overlaps the range, and so does every day but those of the start's
    month before the start day. Month and year keys end in 00, day keys never do.
    """
    if not shape.start:
        return []
    return [or_(v.date_key >= bindparam("start_day"), v.date_key % 100 == 0)]


def _range_params(start: date | None, end: date | None) -> dict[str, Any]:
    if start is None and end is None:
        return {}
    low = (start.year * 10_000 + start.month * 100) if start else 0
    high = (end.year * 10_000 + end.month * 100 + end.day) if end else 99_999_999
    params: dict[str, Any] = {"low": low, "high": high}
    if start is not None:
        # The start year's own year-precision events sort before the range's first month.
        params["year_key"] = start.year * 10_000
        params["start_day"] = low + start.day
    return params
