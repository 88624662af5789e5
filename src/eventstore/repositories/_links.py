"""Source links of one event or claim: which sources, in which role."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from eventstore.models import SourceLink
from eventstore.schema import ClaimSourceRow, EventSourceRow, SourceRow


@lru_cache(maxsize=2)
def _statement(links: type[EventSourceRow] | type[ClaimSourceRow]) -> Select[Any]:
    item = EventSourceRow.event_id if links is EventSourceRow else ClaimSourceRow.claim_id
    statement = (
        select(
            SourceRow.id.label("source_id"),
            SourceRow.name,
            SourceRow.kind,
            links.role,
        )
        .join(links, links.source_id == SourceRow.id)
        .where(item == bindparam("item_id"))
        .distinct()
        .order_by(SourceRow.name, links.role)
    )
    return cast(Select[Any], statement)


def source_links(
    session: Session, links: type[EventSourceRow] | type[ClaimSourceRow], item_id: int
) -> list[SourceLink]:
    """The distinct (source, role) pairs of the event or claim ``item_id``."""
    rows = session.execute(_statement(links), {"item_id": item_id}).mappings()
    return [SourceLink.trusted(**row) for row in rows]
