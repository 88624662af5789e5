"""Sources: all of them with their reach, the events citing one, and source links."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from eventstore.models import Page, Source, TimelineEvent
from eventstore.repositories._paging import decode_ints, encode
from eventstore.repositories._views import V_SOURCES
from eventstore.repositories.events import EventRepository

v = V_SOURCES.c


class SourceRepository:
    """Reads sources."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def list(self, *, limit: int = 1000, after: str | None = None) -> Page[Source]:
        """Sources, the widest reach (articles published or citing it) first, then by name."""
        reach = v.article_count + v.citing_article_count
        query = select(V_SOURCES, reach.label("reach")).order_by(reach.desc(), v.name, v.source_id)
        if after is not None:
            last_reach, last_id = decode_ints(after, 2)
            name = select(v.name).where(v.source_id == last_id).scalar_subquery()
            later = or_(v.name > name, and_(v.name == name, v.source_id > last_id))
            query = query.where(or_(reach < last_reach, and_(reach == last_reach, later)))
        rows = list(self.session.execute(query.limit(limit + 1)).mappings())
        more, rows = len(rows) > limit, rows[:limit]
        cursor = encode([rows[-1]["reach"], rows[-1]["source_id"]]) if more else None
        return Page(items=tuple(_source(row) for row in rows), next_after=cursor)

    def events_citing(
        self, source: str, *, limit: int = 100, after: str | None = None
    ) -> Page[TimelineEvent]:
        """The events linked to ``source`` (any spelling of its name), in date order."""
        return EventRepository(self.session).timeline(source=source, limit=limit, after=after)


def _source(row: Any) -> Source:
    return Source.model_validate(row)
