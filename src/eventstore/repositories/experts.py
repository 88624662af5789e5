"""Experts: one by name or id, and all of them with their activity."""

from __future__ import annotations

from sqlalchemy import literal, select, tuple_
from sqlalchemy.engine import RowMapping
from sqlalchemy.orm import Session

from eventstore.errors import NotFound
from eventstore.models import Expert, Page
from eventstore.normalize import person_key
from eventstore.repositories._inputs import column_width, fits_int64, shown
from eventstore.repositories._paging import decode_ints, encode
from eventstore.repositories._views import V_EXPERTS
from eventstore.schema import ExpertRow, table

v = V_EXPERTS.c
_KEY_CHARS = column_width(table(ExpertRow).c.key)


def expert_id_for(session: Session, name_or_id: str | int) -> int:
    """The id of the expert named (any spelling, or a unique surname) or numbered."""
    if isinstance(name_or_id, int) or str(name_or_id).isdigit():
        number = int(name_or_id)
        found = session.get(ExpertRow, number) if fits_int64(number) else None
        if found is None:
            raise NotFound(f"no expert {shown(name_or_id)}")
        return found.id
    key = person_key(str(name_or_id))
    if len(key) > _KEY_CHARS:  # longer than any stored key: no query, no huge LIKE pattern
        raise NotFound(f"no expert named {shown(name_or_id)}")
    exact = session.scalar(select(ExpertRow.id).where(ExpertRow.key == key))
    if exact is not None:
        return exact
    candidates = session.execute(
        select(ExpertRow.id, ExpertRow.name).where(
            (ExpertRow.key.like(f"% {key}")) | (ExpertRow.key.like(f"{key} %"))
        )
    ).all()
    if len(candidates) == 1:
        return int(candidates[0][0])
    names = ", ".join(sorted(name for _, name in candidates))
    raise NotFound(
        f"no expert named {shown(name_or_id)}"
        + (f"; did you mean one of: {names}" if names else "")
    )


def _expert(row: RowMapping) -> Expert:
    return Expert.model_validate(row)


class ExpertRepository:
    """Reads experts with their claim and article counts."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, name_or_id: str | int) -> Expert:
        """One expert, by id or by name (case, hyphens and spelling variants ignored)."""
        expert_id = expert_id_for(self.session, name_or_id)
        row = self.session.execute(select(V_EXPERTS).where(v.expert_id == expert_id))
        return _expert(row.mappings().one())

    def list(self, *, limit: int = 100, after: str | None = None) -> Page[Expert]:
        """Experts, the most prolific (by claims) first."""
        order = (-v.claim_count, v.expert_id)
        query = select(V_EXPERTS).order_by(*order)
        if after is not None:
            count, last_id = decode_ints(after, 2)
            query = query.where(tuple_(*order) > tuple_(literal(-count), literal(last_id)))
        rows = list(self.session.execute(query.limit(limit + 1)).mappings())
        more, rows = len(rows) > limit, rows[:limit]
        cursor = encode([rows[-1]["claim_count"], rows[-1]["expert_id"]]) if more else None
        return Page(items=tuple(_expert(row) for row in rows), next_after=cursor)
