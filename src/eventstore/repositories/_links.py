"""Source links of one event or claim: which sources, in which role."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from eventstore.models import SourceLink
from eventstore.schema import ClaimSourceRow, EventSourceRow, SourceRow


def source_links(
    session: Session,
    links: type[EventSourceRow] | type[ClaimSourceRow],
    item: InstrumentedAttribute[int],
    item_id: int,
) -> list[SourceLink]:
    """The distinct (source, role) pairs of the event or claim ``item_id``."""
    query = (
        select(SourceRow.id, SourceRow.name, SourceRow.kind, links.role)
        .join(links, links.source_id == SourceRow.id)
        .where(item == item_id)
        .distinct()
        .order_by(SourceRow.name, links.role)
    )
    names = ("source_id", "name", "kind", "role")
    return [
        SourceLink.model_validate(dict(zip(names, row, strict=True)))
        for row in session.execute(query)
    ]
