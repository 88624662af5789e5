"""Sources: all of them with their reach, the events citing one, and source links."""

from __future__ import annotations

import builtins

from sqlalchemy import select
from sqlalchemy.orm import Session

from eventstore.models import Page, Source, TimelineEvent
from eventstore.repositories._views import V_SOURCES
from eventstore.repositories.events import EventRepository
from eventstore.vocabulary import SOURCE_ROLES

v = V_SOURCES.c


class SourceRepository:
    """Reads sources."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def list(self) -> builtins.list[Source]:
        """Every source, the widest reach (articles published or citing it) first."""
        reach = v.article_count + v.citing_article_count
        query = select(V_SOURCES).order_by(reach.desc(), v.name, v.source_id)
        return [
            Source.model_validate(
                {
                    **row,
                    "id": row["source_id"],
                    "role_counts": {role: row[f"{role}_count"] for role in SOURCE_ROLES},
                }
            )
            for row in self.session.execute(query).mappings()
        ]

    def events_citing(
        self, source: str, *, limit: int = 100, after: str | None = None
    ) -> Page[TimelineEvent]:
        """The events linked to ``source`` (any spelling of its name), in date order."""
        return EventRepository(self.session).timeline(source=source, limit=limit, after=after)
