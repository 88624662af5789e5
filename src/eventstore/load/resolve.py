"""Resolution: match a batch's events and claims to rows that already exist.

Events are compared within a date block: the same month and day (or month, or year) with
the same precision, and years equal or one of them unknown. Claims are compared among
the same expert's claims of the same kind. A match is exact (same normal form) or fuzzy
(rapidfuzz, above a threshold); otherwise the mention founds a new row. Where wordings
differ, the row keeps the longest (ties: the alphabetically first), so the result does not
depend on the order articles arrive in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, and_, select, tuple_

from eventstore.extract import ClaimDoc, DateReading, EventDoc
from eventstore.load.match import CLAIM_THRESHOLD, EVENT_THRESHOLD, best_match, match_text
from eventstore.load.upsert import prefer_longer
from eventstore.schema import ClaimRow, EventRow, table
from eventstore.vocabulary import MatchMethod

Block = tuple[object, ...]
_CHUNK = 400


def preferred(current: str, incoming: str) -> str:
    """The wording a row keeps: the longer one, ties broken alphabetically."""
    return prefer_longer(current, incoming) or current


@dataclass(slots=True)
class KnownEvent:
    """An event row as resolution sees it (``id`` is None until it is inserted)."""

    id: int | None
    year: int | None
    month: int | None
    day: int | None
    precision: str
    qualifier: str | None
    summary: str
    norm: str
    dirty: bool = False

    def absorb(self, reading: DateReading, summary: str) -> None:
        """Take what a newly matched mention adds: a year, a qualifier, a longer wording."""
        if self.year is None and reading.year is not None:
            self.year, self.dirty = reading.year, True
        if reading.qualifier and (self.qualifier is None or reading.qualifier < self.qualifier):
            self.qualifier, self.dirty = reading.qualifier, True
        better = preferred(self.summary, summary)
        if better != self.summary:
            self.summary, self.norm, self.dirty = better, match_text(better), True


def block_of(precision: str, year: int | None, month: int | None, day: int | None) -> Block:
    """The date block an event is compared in."""
    if precision == "unknown":
        return ("unknown",)
    if month is None:
        return ("year", year)
    return ("md", month, day)


class EventIndex:
    """The candidate events of one batch, by date block."""

    def __init__(self, known: Iterable[KnownEvent] = ()) -> None:
        self.blocks: dict[Block, list[KnownEvent]] = defaultdict(list)
        for event in known:
            self.blocks[block_of(event.precision, event.year, event.month, event.day)].append(event)

    @classmethod
    def load(cls, connection: Connection, readings: Iterable[DateReading]) -> EventIndex:
        """Candidates from the database for every block the readings fall in."""
        return cls(_load_events(connection, list(readings)))

    def resolve(self, doc: EventDoc) -> tuple[KnownEvent, MatchMethod, float | None]:
        """The event ``doc`` reports: a matched candidate, or a new one added to the index."""
        reading = doc.date
        block = self.blocks[block_of(reading.precision, reading.year, reading.month, reading.day)]
        candidates = [event for event in block if _same_date(event, reading)]
        norm = match_text(doc.summary)
        found = best_match(norm, [event.norm for event in candidates], threshold=EVENT_THRESHOLD)
        if found is not None:
            event = candidates[found.index]
            event.absorb(reading, doc.summary)
            return event, ("exact" if found.exact else "fuzzy"), found.score
        event = KnownEvent(
            id=None,
            year=reading.year,
            month=reading.month,
            day=reading.day,
            precision=reading.precision,
            qualifier=reading.qualifier,
            summary=doc.summary,
            norm=norm,
        )
        block.append(event)
        return event, "new", None


def _same_date(event: KnownEvent, reading: DateReading) -> bool:
    return (
        event.precision == reading.precision
        and event.month == reading.month
        and event.day == reading.day
        and (event.year is None or reading.year is None or event.year == reading.year)
    )


def _load_events(connection: Connection, readings: list[DateReading]) -> list[KnownEvent]:
    events = table(EventRow)
    days = sorted({(r.month, r.day) for r in readings if r.precision == "day"})
    months = sorted({r.month for r in readings if r.precision == "month" and r.month})
    years = sorted({r.year for r in readings if r.precision == "year" and r.year})
    conditions: list[ColumnElement[bool]] = [
        tuple_(events.c.month, events.c.day).in_(days[i : i + _CHUNK])
        for i in range(0, len(days), _CHUNK)
    ]
    if months:
        conditions.append(and_(events.c.month.in_(months), events.c.day.is_(None)))
    if years:
        conditions.append(and_(events.c.year.in_(years), events.c.month.is_(None)))
    if any(r.precision == "unknown" for r in readings):
        conditions.append(events.c.date_precision == "unknown")
    found: list[KnownEvent] = []
    columns = (events.c.id, events.c.year, events.c.month, events.c.day, events.c.date_precision)
    for condition in conditions:
        query = select(*columns, events.c.date_qualifier, events.c.summary).where(condition)
        for row in connection.execute(query):
            found.append(KnownEvent(*row, norm=match_text(row.summary)))
    return found


@dataclass(slots=True)
class KnownClaim:
    """A claim row as resolution sees it (``id`` is None until it is inserted)."""

    id: int | None
    expert_id: int
    kind: str
    text: str
    norm: str
    dirty: bool = False

    def absorb(self, text: str) -> None:
        """Keep the preferred wording of the claim."""
        better = preferred(self.text, text)
        if better != self.text:
            self.text, self.norm, self.dirty = better, match_text(better), True


class ClaimIndex:
    """The candidate claims of one batch, by expert and kind."""

    def __init__(self, known: Iterable[KnownClaim] = ()) -> None:
        self.groups: dict[tuple[int, str], list[KnownClaim]] = defaultdict(list)
        for claim in known:
            self.groups[(claim.expert_id, claim.kind)].append(claim)

    @classmethod
    def load(cls, connection: Connection, expert_ids: Iterable[int]) -> ClaimIndex:
        """Every claim of the given experts."""
        claims = table(ClaimRow)
        ids = sorted(set(expert_ids))
        found: list[KnownClaim] = []
        for start in range(0, len(ids), _CHUNK):
            query = select(claims.c.id, claims.c.expert_id, claims.c.kind, claims.c.text).where(
                claims.c.expert_id.in_(ids[start : start + _CHUNK])
            )
            rows = connection.execute(query)
            found += [KnownClaim(*row, norm=match_text(row.text)) for row in rows]
        return cls(found)

    def resolve(
        self, doc: ClaimDoc, expert_id: int
    ) -> tuple[KnownClaim, MatchMethod, float | None]:
        """The claim ``doc`` states: a matched candidate, or a new one added to the index."""
        group = self.groups[(expert_id, doc.kind)]
        norm = match_text(doc.text)
        found = best_match(norm, [claim.norm for claim in group], threshold=CLAIM_THRESHOLD)
        if found is not None:
            claim = group[found.index]
            claim.absorb(doc.text)
            return claim, ("exact" if found.exact else "fuzzy"), found.score
        claim = KnownClaim(id=None, expert_id=expert_id, kind=doc.kind, text=doc.text, norm=norm)
        group.append(claim)
        return claim, "new", None
