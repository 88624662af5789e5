"""Resolution: match a batch's events and claims to rows that already exist.

Events are compared within a date block: the same month and day (or month, or year) with
the same precision, and years equal or one of them unknown. Claims are compared among
the same expert's claims of the same kind. A match is exact (same normal form) or fuzzy
(rapidfuzz, above a threshold); otherwise the mention founds a new row. Where wordings
differ, the row keeps the longest (ties: the alphabetically first), so the result does not
depend on the order articles arrive in.

Candidates are fetched by index, never by scanning the store: dated events by their date,
undated events and claims by the hashes of their normal form, its head and its tail
(``match.MatchKeys``), so the cost of a batch does not grow with the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Connection, and_, select, tuple_

from eventstore.extract import ClaimDoc, DateReading, EventDoc
from eventstore.load.match import (
    CLAIM_THRESHOLD,
    EVENT_THRESHOLD,
    MatchKeys,
    best_match,
    match_keys,
    match_text,
)
from eventstore.load.upsert import prefer_longer
from eventstore.schema import ClaimRow, EventRow, table
from eventstore.vocabulary import MatchMethod

Block = tuple[object, ...]
_CHUNK = 400
EVENTS = table(EventRow)
CLAIMS = table(ClaimRow)


def preferred(current: str, incoming: str) -> str:
    """The wording a row keeps: the longer one, ties broken alphabetically."""
    return prefer_longer(current, incoming) or current


@dataclass(slots=True)
class _Worded:
    """A row with a wording and the normal form and keys that go with it."""

    text: str
    norm: str = ""
    keys: MatchKeys = field(default_factory=lambda: MatchKeys("", "", ""))
    dirty: bool = False

    def __post_init__(self) -> None:
        if not self.norm:
            self.norm = match_text(self.text)
        self.keys = match_keys(self.norm)

    def reword(self, incoming: str) -> None:
        """Keep the preferred of the current and the incoming wording."""
        better = preferred(self.text, incoming)
        if better != self.text:
            self.text, self.norm, self.dirty = better, match_text(better), True
            self.keys = match_keys(self.norm)


@dataclass(slots=True)
class KnownEvent(_Worded):
    """An event row as resolution sees it (``id`` is None until it is inserted)."""

    id: int | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    precision: str = "unknown"
    qualifier: str | None = None

    @property
    def summary(self) -> str:
        """The event's representative wording."""
        return self.text

    def absorb(self, reading: DateReading, summary: str) -> None:
        """Take what a newly matched mention adds: a year, a qualifier, a longer wording."""
        if self.year is None and reading.year is not None:
            self.year, self.dirty = reading.year, True
        if reading.qualifier and (self.qualifier is None or reading.qualifier < self.qualifier):
            self.qualifier, self.dirty = reading.qualifier, True
        self.reword(summary)


def block_of(precision: str, month: int | None, day: int | None) -> Block:
    """The date block an event is compared in (years are compared within it)."""
    if precision == "unknown":
        return ("unknown",)
    if month is None:
        return ("year",)
    return ("md", month, day)


class EventIndex:
    """The candidate events of one batch, by date block."""

    def __init__(self, known: Iterable[KnownEvent] = ()) -> None:
        self.blocks: dict[Block, list[KnownEvent]] = defaultdict(list)
        for event in known:
            self.blocks[block_of(event.precision, event.month, event.day)].append(event)

    @classmethod
    def load(cls, connection: Connection, docs: Sequence[EventDoc]) -> EventIndex:
        """Candidates from the database for every block and key the batch's events have."""
        return cls(_load_events(connection, docs))

    def resolve(self, doc: EventDoc) -> tuple[KnownEvent, MatchMethod, float | None]:
        """The event ``doc`` reports: a matched candidate, or a new one added to the index."""
        reading = doc.date
        block = self.blocks[block_of(reading.precision, reading.month, reading.day)]
        candidates = [event for event in block if _same_date(event, reading)]
        norm = match_text(doc.summary)
        found = best_match(norm, [event.norm for event in candidates], threshold=EVENT_THRESHOLD)
        if found is not None:
            event = candidates[found.index]
            event.absorb(reading, doc.summary)
            return event, ("exact" if found.exact else "fuzzy"), found.score
        event = KnownEvent(
            text=doc.summary,
            norm=norm,
            year=reading.year,
            month=reading.month,
            day=reading.day,
            precision=reading.precision,
            qualifier=reading.qualifier,
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


def _chunks(values: Iterable[object]) -> list[list[object]]:
    ordered = sorted(set(values), key=repr)
    return [ordered[i : i + _CHUNK] for i in range(0, len(ordered), _CHUNK)]


def _event_conditions(docs: Sequence[EventDoc]) -> list[ColumnElement[bool]]:
    """Index-friendly conditions selecting every candidate of the batch's events."""
    c = EVENTS.c
    readings = [doc.date for doc in docs]
    days = [r for r in readings if r.precision == "day"]
    months = [r for r in readings if r.precision == "month"]
    conditions: list[ColumnElement[bool]] = []
    # A known year meets its own year and events whose year is still unknown.
    for chunk in _chunks((r.year, r.month, r.day) for r in days if r.year is not None):
        conditions.append(tuple_(c.year, c.month, c.day).in_(chunk))
    for chunk in _chunks((r.month, r.day) for r in days):
        year_free = [d for d in days if d.year is None and (d.month, d.day) in chunk]
        conditions.append(and_(c.year.is_(None), tuple_(c.month, c.day).in_(chunk)))
        if year_free:  # an unknown year meets every year of that day
            conditions.append(tuple_(c.month, c.day).in_([(d.month, d.day) for d in year_free]))
    for chunk in _chunks((r.year, r.month) for r in months if r.year is not None):
        conditions.append(and_(c.day.is_(None), tuple_(c.year, c.month).in_(chunk)))
    for chunk in _chunks(r.month for r in months):
        conditions.append(and_(c.day.is_(None), c.year.is_(None), c.month.in_(chunk)))
        if any(r.year is None and r.month in chunk for r in months):
            conditions.append(and_(c.day.is_(None), c.month.in_(chunk)))
    for chunk in _chunks(r.year for r in readings if r.precision == "year"):
        conditions.append(and_(c.month.is_(None), c.year.in_(chunk)))
    undated = [match_keys(match_text(d.summary)) for d in docs if d.date.precision == "unknown"]
    conditions += _key_conditions(
        undated, (c.match_key, c.head_key, c.tail_key), c.date_precision == "unknown"
    )
    return conditions


def _key_conditions(
    keys: Sequence[MatchKeys],
    columns: tuple[ColumnElement[str], ColumnElement[str], ColumnElement[str]],
    scope: ColumnElement[bool] | None = None,
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    for column, part in zip(columns, ("full", "head", "tail"), strict=True):
        for chunk in _chunks(getattr(key, part) for key in keys):
            condition = column.in_(chunk)
            conditions.append(and_(scope, condition) if scope is not None else condition)
    return conditions


def _load_events(connection: Connection, docs: Sequence[EventDoc]) -> list[KnownEvent]:
    c = EVENTS.c
    found: dict[int, KnownEvent] = {}
    columns = (c.id, c.year, c.month, c.day, c.date_precision, c.date_qualifier, c.summary)
    for condition in _event_conditions(docs):
        for row in connection.execute(select(*columns).where(condition)):
            if row.id not in found:
                found[row.id] = KnownEvent(
                    text=row.summary,
                    id=row.id,
                    year=row.year,
                    month=row.month,
                    day=row.day,
                    precision=row.date_precision,
                    qualifier=row.date_qualifier,
                )
    return list(found.values())


@dataclass(slots=True)
class KnownClaim(_Worded):
    """A claim row as resolution sees it (``id`` is None until it is inserted)."""

    id: int | None = None
    expert_id: int = 0
    kind: str = "quote"

    def absorb(self, text: str) -> None:
        """Keep the preferred wording of the claim."""
        self.reword(text)


class ClaimIndex:
    """The candidate claims of one batch, by expert and kind."""

    def __init__(self, known: Iterable[KnownClaim] = ()) -> None:
        self.groups: dict[tuple[int, str], list[KnownClaim]] = defaultdict(list)
        for claim in known:
            self.groups[(claim.expert_id, claim.kind)].append(claim)

    @classmethod
    def load(cls, connection: Connection, docs: Sequence[ClaimDoc]) -> ClaimIndex:
        """The stored claims sharing a key (whole text, head or tail) with one of ``docs``."""
        c = CLAIMS.c
        keys = [match_keys(match_text(doc.text)) for doc in docs]
        found: dict[int, KnownClaim] = {}
        columns = (c.id, c.expert_id, c.kind, c.text)
        for condition in _key_conditions(keys, (c.text_key, c.head_key, c.tail_key)):
            for row in connection.execute(select(*columns).where(condition)):
                if row.id not in found:
                    found[row.id] = KnownClaim(
                        text=row.text, id=row.id, expert_id=row.expert_id, kind=row.kind
                    )
        return cls(found.values())

    def resolve(
        self, doc: ClaimDoc, expert_id: int
    ) -> tuple[KnownClaim, MatchMethod, float | None]:
        """The claim ``doc`` states: a matched candidate, or a new one added to the index."""
        group = self.groups[(expert_id, doc.kind)]
        norm = match_text(doc.text)
        keys = match_keys(norm)
        # The same blocking as in the database: only claims sharing a key are compared.
        candidates = [claim for claim in group if _share_a_key(claim.keys, keys)]
        found = best_match(norm, [claim.norm for claim in candidates], threshold=CLAIM_THRESHOLD)
        if found is not None:
            claim = candidates[found.index]
            claim.absorb(doc.text)
            return claim, ("exact" if found.exact else "fuzzy"), found.score
        claim = KnownClaim(text=doc.text, norm=norm, expert_id=expert_id, kind=doc.kind)
        group.append(claim)
        return claim, "new", None


def _share_a_key(a: MatchKeys, b: MatchKeys) -> bool:
    return a.full == b.full or a.head == b.head or a.tail == b.tail
