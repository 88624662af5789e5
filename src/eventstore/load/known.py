"""Resolution: match a batch's events and claims to rows that already exist.

A dated event is compared with the events of its date block (the same month and day, or
month, or year, at the same precision; years equal or one unknown). Undated events and
claims are compared only when they share a matching key: a hash of a normal form
(``match.match_text``), of its first or of its last words; claims also need the same
expert and kind, and their keys are scoped to both (``match.claim_key_set``). A row keeps
the keys of every wording it ever absorbed (``event_keys``, ``claim_keys``), so a mention
finds its row whichever report came first. Candidates are fetched by index (a date, a
key): a batch reads only rows it could match, though where many claims of one expert
share a key (statements opened alike) that set grows with the store (README,
Performance). A mention matching two rows shows them to be one, and they are merged. A
match is exact (same normal form) or fuzzy (rapidfuzz, above a threshold); otherwise the
mention founds a new row. Where wordings differ, the row keeps the longest (ties: the
alphabetically first), so the result does not depend on order.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any, Generic, Self, TypeVar, cast

from sqlalchemy import ColumnElement, Connection, Row, Table, and_, select, tuple_

from eventstore.extract import ClaimDoc, DateReading, EventDoc
from eventstore.load.match import (
    CLAIM_THRESHOLD,
    EVENT_THRESHOLD,
    Match,
    all_matches,
    claim_key_set,
    key_set,
    match_text,
    names_of,
    same_day_related,
)
from eventstore.load.upsert import CHUNK, prefer_longer
from eventstore.schema import ClaimKeyRow, ClaimRow, EventKeyRow, EventRow, table
from eventstore.vocabulary import MatchMethod

_CHUNK = CHUNK
EVENTS = table(EventRow)
CLAIMS = table(ClaimRow)
EVENT_KEYS = table(EventKeyRow)
CLAIM_KEYS = table(ClaimKeyRow)


def preferred(current: str, incoming: str) -> str:
    """The wording a row keeps: the longer one, ties broken alphabetically."""
    return prefer_longer(current, incoming) or current


_serials = itertools.count()


@dataclass(slots=True, eq=False)
class Known:
    """A row as resolution sees it: its wording, every key it has, what is new."""

    text: str
    norm: str = ""
    keys: set[str] = field(default_factory=set)
    new_keys: set[str] = field(default_factory=set)
    id: int | None = None
    dirty: bool = False
    merged_into: Known | None = None
    serial: int = field(default_factory=lambda: next(_serials))

    def __post_init__(self) -> None:
        self.norm = self.norm or match_text(self.text)

    @property
    def final(self) -> Self:
        """The row this one ends up as, after merges (always of the same kind)."""
        row: Known = self
        while row.merged_into is not None:
            row = row.merged_into
        return cast(Self, row)

    def swallow(self, other: Known) -> None:
        """Take in a row found to say the same as this one."""
        self.reword(other.text, other.keys)

    def age(self) -> tuple[int, int]:
        """Stored rows (by id) before new ones (by creation): the survivor of a merge."""
        return (0, self.id) if self.id is not None else (1, self.serial)

    def reword(self, incoming: str, keys: AbstractSet[str]) -> None:
        """Take the incoming wording's keys; keep the preferred of the two wordings."""
        self.new_keys |= keys - self.keys
        self.keys |= keys
        better = preferred(self.text, incoming)
        if better != self.text:
            self.text, self.norm, self.dirty = better, match_text(better), True


@dataclass(slots=True, eq=False)
class KnownEvent(Known):
    """An event row (``id`` is None until it is inserted)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    precision: str = "unknown"
    qualifier: str | None = None

    @property
    def summary(self) -> str:
        """The event's representative wording."""
        return self.text

    def absorb(self, reading: DateReading, summary: str, keys: AbstractSet[str]) -> None:
        """Take what a newly matched mention adds: a year, a qualifier, keys, wording."""
        self._take_date(reading.year, reading.qualifier)
        self.reword(summary, keys)

    def swallow(self, other: Known) -> None:
        """Take in an event found to be the same as this one."""
        if isinstance(other, KnownEvent):
            self._take_date(other.year, other.qualifier)
        self.reword(other.text, other.keys)

    def _take_date(self, year: int | None, qualifier: str | None) -> None:
        if self.year is None and year is not None:
            self.year, self.dirty = year, True
        if qualifier and (self.qualifier is None or qualifier < self.qualifier):
            self.qualifier, self.dirty = qualifier, True


@dataclass(slots=True, eq=False)
class KnownClaim(Known):
    """A claim row (``id`` is None until it is inserted)."""

    expert_id: int = 0
    kind: str = "quote"


K = TypeVar("K", bound=Known)


class _ByKey(Generic[K]):
    """Rows filed under slots (matching keys, or a date block), found by any slot."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[int, K]] = defaultdict(dict)
        self.filed: dict[int, set[str]] = defaultdict(set)

    def add(self, row: K, slots: Iterable[str]) -> None:
        for slot in slots:
            self.rows[slot][id(row)] = row
            self.filed[id(row)].add(slot)

    def sharing(self, slots: AbstractSet[str]) -> list[K]:
        found: dict[int, K] = {}
        for slot in slots:
            found.update(self.rows.get(slot, {}))
        return list(found.values())

    def remove(self, row: K) -> None:
        for slot in self.filed.pop(id(row), set()):
            self.rows[slot].pop(id(row), None)


def _match(
    norm: str, candidates: list[K], threshold: float, index: _ByKey[K], merged: list[K]
) -> tuple[K | None, Match | None]:
    """The candidate ``norm`` matches best, after merging every candidate it matches (a
    mention saying the same as two rows shows the two are one: the oldest survives)."""
    found = all_matches(norm, [row.norm for row in candidates], threshold=threshold)
    if not found:
        return None, None
    # The best score wins; of equals, the oldest row (not the order candidates came in).
    best = min(found, key=lambda match: (-match.score, candidates[match.index].age()))
    matched = [candidates[match.index] for match in found]
    survivor = min(matched, key=lambda row: row.age())
    for loser in matched:
        if loser is not survivor:
            survivor.swallow(loser)
            loser.merged_into = survivor
            slots = index.filed.get(id(loser), set()).copy()
            index.remove(loser)
            index.add(survivor, slots)
            merged.append(loser)
    return survivor, best


def _load_keyed(
    connection: Connection, rows: Table, keys_table: Table, parent: str, keys: Iterable[str]
) -> tuple[list[Row[Any]], dict[int, set[str]]]:
    """Stored rows having any of ``keys``, and every key of each."""
    keys_column, parent_column = keys_table.c.key, keys_table.c[parent]
    ids: set[int] = set()
    ordered = sorted(set(keys))
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        ids |= set(
            connection.execute(select(parent_column).where(keys_column.in_(chunk))).scalars()
        )
    found: list[Row[Any]] = []
    all_keys: dict[int, set[str]] = defaultdict(set)
    listed = sorted(ids)
    for start in range(0, len(listed), _CHUNK):
        id_chunk = listed[start : start + _CHUNK]
        found += connection.execute(select(rows).where(rows.c.id.in_(id_chunk))).all()
        query = select(parent_column, keys_column).where(parent_column.in_(id_chunk))
        for row_id, key in connection.execute(query):
            all_keys[row_id].add(key)
    return found, all_keys


def _block(event: KnownEvent | DateReading) -> str:
    """The date block of an event or a reading (years are compared within it)."""
    precision = event.precision
    return "unknown" if precision == "unknown" else f"{precision}:{event.month}:{event.day}"


class EventIndex:
    """The candidate events of one batch: dated ones by date block, undated by key."""

    def __init__(self, known: Iterable[KnownEvent] = ()) -> None:
        self.index: _ByKey[KnownEvent] = _ByKey()
        for event in known:
            self.index.add(event, self._slots(event))
        self.merged: list[KnownEvent] = []

    @staticmethod
    def _slots(event: KnownEvent, keys: AbstractSet[str] | None = None) -> set[str]:
        """Where an event is filed: its date block, or (undated) its matching keys."""
        if event.precision == "unknown":
            return set(event.keys if keys is None else keys)
        return {_block(event)}

    @classmethod
    def load(cls, connection: Connection, docs: Sequence[EventDoc]) -> EventIndex:
        """The stored events of the batch's date blocks, and the undated ones sharing a
        key with one of ``docs``."""
        undated = [doc for doc in docs if doc.date.precision == "unknown"]
        keys = {key for doc in undated for key in key_set(match_text(doc.summary))}
        rows, all_keys = _load_keyed(connection, EVENTS, EVENT_KEYS, "event_id", keys)
        seen = {row.id for row in rows}
        rows += [r for r in _load_dated(connection, [d.date for d in docs]) if r.id not in seen]
        known = [
            KnownEvent(
                text=row.summary,
                id=row.id,
                keys=all_keys[row.id],
                year=row.year,
                month=row.month,
                day=row.day,
                precision=row.date_precision,
                qualifier=row.date_qualifier,
            )
            for row in rows
        ]
        return cls(known)

    def resolve(self, doc: EventDoc) -> tuple[KnownEvent, MatchMethod, float | None]:
        """The event ``doc`` reports: a matched candidate, or a new one added to the index."""
        reading = doc.date
        norm = match_text(doc.summary)
        keys = key_set(norm)
        slots = keys if reading.precision == "unknown" else {_block(reading)}
        candidates = [e for e in self.index.sharing(slots) if _same_date(e, reading)]
        event, found = _match(norm, candidates, EVENT_THRESHOLD, self.index, self.merged)
        if event is not None and found is not None:
            event.absorb(reading, doc.summary, keys)
            self.index.add(event, self._slots(event, keys))
            return event, ("exact" if found.exact else "fuzzy"), found.score
        related = _related(doc.summary, norm, candidates) if reading.precision == "day" else None
        if related is not None:
            event, score = related
            event.absorb(reading, doc.summary, keys)
            self.index.add(event, self._slots(event, keys))
            return event, "fuzzy", score
        event = KnownEvent(
            text=doc.summary,
            norm=norm,
            keys=set(keys),
            new_keys=set(keys),
            year=reading.year,
            month=reading.month,
            day=reading.day,
            precision=reading.precision,
            qualifier=reading.qualifier,
        )
        self.index.add(event, self._slots(event))
        return event, "new", None


def _related(
    summary: str, norm: str, candidates: list[KnownEvent]
) -> tuple[KnownEvent, float] | None:
    """The same-day candidate worded apart that shares a distinctive name or all numbers
    with ``summary`` (the best, then the oldest), if any."""
    names = names_of(summary)
    scored = [
        (score, event)
        for event in candidates
        if (score := same_day_related(norm, event.norm, names, names_of(event.text))) is not None
    ]
    if not scored:
        return None
    score, event = min(scored, key=lambda pair: (-pair[0], pair[1].age()))
    return event, score


def _load_dated(connection: Connection, readings: Sequence[DateReading]) -> list[Row[Any]]:
    """Stored events in the date blocks of ``readings``, fetched by their date index."""
    c = EVENTS.c
    found: dict[int, Row[Any]] = {}
    for condition in _date_conditions(c, readings):
        for row in connection.execute(select(EVENTS).where(condition)):
            found.setdefault(row.id, row)
    return list(found.values())


def _date_conditions(c: Any, readings: Sequence[DateReading]) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    dated = [r for r in readings if r.precision != "unknown"]
    for precision, parts in (("day", ("month", "day")), ("month", ("month",)), ("year", ())):
        same = [r for r in dated if r.precision == precision]
        spot = [c.date_precision == precision]
        known = sorted({(r.year, *(getattr(r, p) for p in parts)) for r in same if r.year})
        columns = (c.year, *(c[p] for p in parts))
        for chunk in _slices(known):
            conditions.append(and_(*spot, tuple_(*columns).in_(chunk)))
        if parts:
            # A year still unknown on either side: the same month (and day) any year.
            any_year = sorted({tuple(getattr(r, p) for p in parts) for r in same})
            unknown = [r for r in same if r.year is None]
            for chunk in _slices(any_year):
                where = tuple_(*(c[p] for p in parts)).in_(chunk)
                conditions.append(and_(*spot, c.year.is_(None), where))
                if unknown:
                    conditions.append(and_(*spot, where))
    return conditions


def _slices(values: list[Any]) -> list[list[Any]]:
    return [values[i : i + _CHUNK] for i in range(0, len(values), _CHUNK)]


def _same_date(event: KnownEvent, reading: DateReading) -> bool:
    return (
        event.precision == reading.precision
        and event.month == reading.month
        and event.day == reading.day
        and (event.year is None or reading.year is None or event.year == reading.year)
    )


def _legacy_keys(norm: str) -> frozenset[str]:
    """Claim keys as eventstore stored them before they were scoped to an expert and kind:
    looked up, never written, so that claims of stores loaded earlier still match."""
    return key_set(norm)


class ClaimIndex:
    """The candidate claims of one batch, by matching key."""

    def __init__(self, known: Iterable[KnownClaim] = ()) -> None:
        self.index: _ByKey[KnownClaim] = _ByKey()
        for claim in known:
            self.index.add(claim, claim.keys)
        self.merged: list[KnownClaim] = []

    @classmethod
    def load(cls, connection: Connection, claims: Sequence[tuple[ClaimDoc, int]]) -> ClaimIndex:
        """The stored claims sharing a key with one of ``claims`` (a doc and its expert)."""
        keys: set[str] = set()
        for doc, expert_id in claims:
            norm = match_text(doc.text)
            keys |= claim_key_set(norm, expert_id, doc.kind) | _legacy_keys(norm)
        rows, all_keys = _load_keyed(connection, CLAIMS, CLAIM_KEYS, "claim_id", keys)
        known = [
            KnownClaim(
                text=row.text,
                id=row.id,
                keys=all_keys[row.id],
                expert_id=row.expert_id,
                kind=row.kind,
            )
            for row in rows
        ]
        return cls(known)

    def resolve(
        self, doc: ClaimDoc, expert_id: int
    ) -> tuple[KnownClaim, MatchMethod, float | None]:
        """The claim ``doc`` states: a matched candidate, or a new one added to the index."""
        norm = match_text(doc.text)
        keys = claim_key_set(norm, expert_id, doc.kind)
        candidates = [
            claim
            for claim in self.index.sharing(keys | _legacy_keys(norm))
            if claim.expert_id == expert_id and claim.kind == doc.kind
        ]
        claim, found = _match(norm, candidates, CLAIM_THRESHOLD, self.index, self.merged)
        if claim is not None and found is not None:
            claim.reword(doc.text, keys)
            self.index.add(claim, keys)
            return claim, ("exact" if found.exact else "fuzzy"), found.score
        claim = KnownClaim(
            text=doc.text,
            norm=norm,
            keys=set(keys),
            new_keys=set(keys),
            expert_id=expert_id,
            kind=doc.kind,
        )
        self.index.add(claim, keys)
        return claim, "new", None
