"""The change feed and the forwarding addresses of retired ids."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from eventstore.errors import NotFound
from eventstore.models import Change, Forward, Page
from eventstore.repositories._inputs import INT64_MAX, fits_int64
from eventstore.repositories._paging import decode_ints, encode
from eventstore.schema import ChangeRow, RetiredIdRow

# A forwarding chain longer than this is a cycle (merges only ever point to live rows).
_MAX_HOPS = 1000


class ChangeRepository:
    """Reads ``changes`` and ``retired_ids``."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def since(self, seq: int = 0, *, limit: int = 1000) -> list[Change]:
        """The changes after ``seq``, oldest first, at most ``limit``."""
        if seq >= INT64_MAX:  # no seq comes after the largest one
            return []
        seq = max(seq, 0)  # seqs start at 1
        query = select(ChangeRow).where(ChangeRow.seq > seq).order_by(ChangeRow.seq).limit(limit)
        return [Change.model_validate(row) for row in self.session.scalars(query)]

    def page(self, seq: int = 0, *, limit: int = 1000, after: str | None = None) -> Page[Change]:
        """The changes after ``seq`` (or after the cursor ``after``, a seq too), oldest
        first, ``limit`` at a time."""
        if after is not None:
            seq = decode_ints(after, 1)[0]
        found = self.since(seq, limit=limit + 1)
        more, found = len(found) > limit, found[:limit]
        return Page(items=tuple(found), next_after=encode([found[-1].seq]) if more else None)

    def last_seq(self) -> int:
        """The newest ``seq`` (0 for an empty feed)."""
        query = select(ChangeRow.seq).order_by(ChangeRow.seq.desc()).limit(1)
        return int(self.session.scalar(query) or 0)

    def forward(self, entity: str, row_id: int) -> Forward | None:
        """Where retired ``entity`` ``row_id`` leads (merges followed to the live row), or
        None when the id was never retired."""
        if not fits_int64(row_id):
            return None
        first = self.session.get(RetiredIdRow, (entity, row_id))
        if first is None:
            return None
        found = Forward.model_validate(first)
        target = first.merged_into
        for _ in range(_MAX_HOPS):
            nxt = None if target is None else self.session.get(RetiredIdRow, (entity, target))
            if nxt is None:
                break
            target = nxt.merged_into
        return found.model_copy(update={"merged_into": target})

    def live_id(self, entity: str, row_id: int) -> int:
        """The live row a missing ``entity`` ``row_id`` was merged into; NotFound (saying
        why) when it was removed or never existed."""
        forward = self.forward(entity, row_id)
        if forward is None:
            raise NotFound(f"no {entity} {row_id}")
        if forward.merged_into is None:
            raise NotFound(f"{entity} {row_id} was removed (run {forward.run_id})")
        return forward.merged_into
