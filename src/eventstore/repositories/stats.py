"""What the store holds: row counts, the span of dated events, the last load."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from eventstore.models import Stats
from eventstore.repositories._views import V_TIMELINE
from eventstore.schema import (
    ArticleRow,
    ClaimMentionRow,
    ClaimRow,
    EventMentionRow,
    EventRow,
    ExpertRow,
    IngestionErrorRow,
    IngestionRunRow,
    SourceRow,
)

_COUNTED = {
    "articles": ArticleRow,
    "experts": ExpertRow,
    "claims": ClaimRow,
    "claim_mentions": ClaimMentionRow,
    "events": EventRow,
    "event_mentions": EventMentionRow,
    "sources": SourceRow,
    "ingestion_errors": IngestionErrorRow,
}


class StatsRepository:
    """Reads summary figures of the whole store."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def stats(self) -> Stats:
        """Row counts, first and last dated event, number of runs and the last one."""
        counts = {
            name: int(self.session.scalar(select(func.count()).select_from(model)) or 0)
            for name, model in _COUNTED.items()
        }
        label = V_TIMELINE.c.date_label
        dated = select(func.min(V_TIMELINE.c.date_key), func.max(V_TIMELINE.c.date_key))
        first_key, last_key = self.session.execute(dated).one()
        first = self.session.scalar(select(label).where(V_TIMELINE.c.date_key == first_key))
        last = self.session.scalar(select(label).where(V_TIMELINE.c.date_key == last_key))
        runs, last_run = self.session.execute(
            select(func.count(IngestionRunRow.id), func.max(IngestionRunRow.started_at))
        ).one()
        return Stats(
            counts=counts, first_event=first, last_event=last, runs=runs, last_run_at=last_run
        )
