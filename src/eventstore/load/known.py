"""Rows as resolution sees them, and the indexes a batch's mentions are matched in.

A mention is compared only with the rows sharing one of its lookup keys (``blocking``:
the whole key of its normal form, ``normalize.match_text``, and blocking keys: MinHash
bands, and for events dated to the day their names and counts), keys carried by more than
``blocking.CAP`` stored rows left out. An event's blocking keys are scoped to its date
block and it is compared only with events of that block (the same month and day, or
month, or year, at the same precision; years equal or one unknown); a claim's keys are
scoped to its expert and kind, and it is compared only with claims of both. A row keeps
the keys of every wording it ever absorbed (``event_keys``, ``claim_keys``), so a mention
finds its row whichever report came first. A mention matching two rows shows them to be
one, and they are merged. A match is exact (the normal form of a wording the row ever
had, found by its whole key) or fuzzy (rapidfuzz against the row's current wording, above
a threshold, ``similarity``); otherwise the mention founds a new row. Where wordings
differ, the row keeps the longest (ties: the alphabetically first), so the result does
not depend on order.

These objects change while one batch is resolved; ``resolve.resolve_batch`` turns them
into an immutable ``plan.Plan`` before anything is written.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Generic, Self, TypeVar, cast

from eventstore.extract import ClaimDoc, DateReading, EventDoc
from eventstore.load.blocking import (
    claim_lookup_keys,
    date_block,
    event_lookup_keys,
    related_keys,
)
from eventstore.load.similarity import (
    CLAIM_THRESHOLD,
    EVENT_THRESHOLD,
    Match,
    all_matches,
    names_of,
    same_day_related,
)
from eventstore.load.upsert import prefer_longer
from eventstore.normalize import claim_wording_key, match_text, wording_key
from eventstore.vocabulary import MatchMethod


def preferred(current: str, incoming: str) -> str:
    """The wording a row keeps: the longer one, ties broken alphabetically."""
    return prefer_longer(current, incoming) or current


_serials = itertools.count()


@dataclass(slots=True, eq=False)
class Known:
    """A row as resolution sees it: its wording, every key it has, what is new."""

    text: str
    norm: str = ""
    keys: set[bytes] = field(default_factory=set)
    new_keys: set[bytes] = field(default_factory=set)
    new_norms: set[str] = field(default_factory=set)
    id: int | None = None
    dirty: bool = False
    adopted: bool = False  # a new row taking over the id of a stored one (reworded)
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
        self._take_keys(other)
        self.reword(other.text, frozenset())

    def _take_keys(self, other: Known) -> None:
        # A stored row's keys are final; a new one's wordings are keyed when written.
        if other.id is not None:
            self.new_keys |= other.keys - self.keys
            self.keys |= other.keys
        self.new_norms |= other.new_norms

    def age(self) -> tuple[int, int]:
        """Stored rows (by id) before new ones (by creation): the survivor of a merge."""
        return (0, self.id) if self.id is not None else (1, self.serial)

    def worded(self, norm: str, whole: bytes) -> bool:
        """Whether the row ever had the wording whose normal form is ``norm`` (and whose
        whole key is ``whole``): now, earlier in this batch, or in a stored mention."""
        return norm == self.norm or norm in self.new_norms or whole in self.keys

    def reword(self, incoming: str, keys: AbstractSet[bytes]) -> None:
        """Take the incoming wording's keys; keep the preferred of the two wordings."""
        # A stored row files the keys of every wording it takes (one it had before 0010,
        # or whose band was full then, may lack blocking keys); a new one of each once.
        if keys and (self.id is not None or keys - self.keys):
            self.new_norms.add(match_text(incoming))
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
    # the batch's articles with a mention of it: within one article, a shared name is
    # no sign that two sentences tell one happening
    articles: set[str] = field(default_factory=set)

    @property
    def summary(self) -> str:
        """The event's representative wording."""
        return self.text

    def absorb(self, reading: DateReading, summary: str, keys: AbstractSet[bytes]) -> None:
        """Take what a newly matched mention adds: a year, a qualifier, keys, wording."""
        self._take_date(reading.year, reading.qualifier)
        self.reword(summary, keys)

    def swallow(self, other: Known) -> None:
        """Take in an event found to be the same as this one."""
        if isinstance(other, KnownEvent):
            self._take_date(other.year, other.qualifier)
        self._take_keys(other)
        self.reword(other.text, frozenset())

    def _take_date(self, year: int | None, qualifier: str | None) -> None:
        if self.year is None and year is not None:
            self.year, self.dirty = year, True
        if qualifier and (self.qualifier is None or qualifier < self.qualifier):
            self.qualifier, self.dirty = qualifier, True


@dataclass(slots=True, eq=False)
class KnownClaim(Known):
    """A claim row (``id`` is None until it is inserted)."""

    expert: str = ""  # the expert's key
    scope: int = 0  # the expert's id, or a stand-in while the expert is not stored
    kind: str = "quote"


K = TypeVar("K", bound=Known)


class _ByKey(Generic[K]):
    """Rows filed under slots (matching keys, or a date block), found by any slot.

    Rows are their own keys (identity: ``Known`` compares by identity), in the order
    they were filed, so ``sharing`` finds them in that order; keyed by ``id(row)``, the
    calls to ``id`` alone took a tenth of resolution's indexing."""

    def __init__(self) -> None:
        self.rows: dict[bytes, dict[K, None]] = defaultdict(dict)
        self.filed: dict[K, set[bytes]] = defaultdict(set)

    def add(self, row: K, slots: AbstractSet[bytes]) -> None:
        rows = self.rows
        for slot in slots:
            rows[slot][row] = None
        self.filed[row].update(slots)

    def sharing(self, slots: AbstractSet[bytes]) -> list[K]:
        found: dict[K, None] = {}
        rows = self.rows
        for slot in slots:
            if slot in rows:
                found.update(rows[slot])
        return list(found)

    def remove(self, row: K) -> None:
        for slot in self.filed.pop(row, set()):
            self.rows[slot].pop(row, None)


def _matches(norm: str, whole: bytes, candidates: list[K], threshold: float) -> list[Match]:
    """Every candidate saying the same as ``norm`` (whose whole key is ``whole``), in
    candidate order: exact where the row ever had this wording, else scored against its
    current one (a repeat of a row's first wording stays exact after the row took a longer
    one)."""
    if not candidates:  # a wording no stored or earlier row shares a key with
        return []
    found: list[Match] = []
    # Rows that ever had this wording are exact whatever their current one scores: only
    # the others are scored (rapidfuzz was called for both before, the score thrown away).
    others: list[int] = []
    for index, row in enumerate(candidates):
        if row.worded(norm, whole):
            found.append(Match(index, 100.0, exact=True))
        else:
            others.append(index)
    if others:
        texts = [candidates[index].norm for index in others]
        for match in all_matches(norm, texts, threshold=threshold):
            found.append(Match(others[match.index], match.score, match.exact))
        found.sort(key=lambda match: match.index)
    return found


def _match(
    norm: str,
    whole: bytes,
    candidates: list[K],
    threshold: float,
    *,
    index: _ByKey[K],
    merged: list[K],
) -> tuple[K | None, Match | None]:
    """The candidate ``norm`` matches best, after merging every candidate it matches (a
    mention saying the same as two rows shows the two are one: the oldest survives)."""
    found = _matches(norm, whole, candidates, threshold)
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
            slots = index.filed.get(loser, set()).copy()
            index.remove(loser)
            index.add(survivor, slots)
            merged.append(loser)
    return survivor, best


class EventIndex:
    """The candidate events of one batch, by lookup key (``full`` keys are not used)."""

    def __init__(self, known: Iterable[KnownEvent] = (), full: AbstractSet[bytes] = frozenset()):
        self.index: _ByKey[KnownEvent] = _ByKey()
        for event in known:
            self.index.add(event, event.keys)
        self.full = full
        self.merged: list[KnownEvent] = []
        self.compared: list[int] = []  # candidates per mention (the fan-out)

    def resolve(
        self, doc: EventDoc, article: str = ""
    ) -> tuple[KnownEvent, MatchMethod, float | None]:
        """The event ``doc`` (of ``article``) reports: a matched candidate, or a new one
        added to the index."""
        event, method, score = self._resolve(doc, article)
        event.articles.add(article)
        return event, method, score

    def _resolve(self, doc: EventDoc, article: str) -> tuple[KnownEvent, MatchMethod, float | None]:
        reading = doc.date
        norm = match_text(doc.summary)
        whole = wording_key(norm)
        keys = frozenset({whole})
        slots = event_lookup_keys(norm, doc.summary, reading) - self.full
        candidates = [e for e in self.index.sharing(slots) if _same_date(e, reading)]
        self.compared.append(len(candidates))
        event, found = _match(
            norm, whole, candidates, EVENT_THRESHOLD, index=self.index, merged=self.merged
        )
        if event is not None and found is not None:
            self._absorb(event, reading, doc.summary, keys, slots)
            return event, ("exact" if found.exact else "fuzzy"), found.score
        related = (
            _related(doc.summary, norm, candidates, article) if reading.precision == "day" else None
        )
        if related is not None:
            event, score = related
            self._absorb(event, reading, doc.summary, keys, slots)
            return event, "fuzzy", score
        event = KnownEvent(
            text=doc.summary,
            norm=norm,
            keys=set(keys),
            new_norms={norm},
            year=reading.year,
            month=reading.month,
            day=reading.day,
            precision=reading.precision,
            qualifier=reading.qualifier,
        )
        self.index.add(event, slots)
        return event, "new", None

    def _absorb(
        self,
        event: KnownEvent,
        reading: DateReading,
        summary: str,
        keys: AbstractSet[bytes],
        slots: AbstractSet[bytes],
    ) -> None:
        """``event`` takes a mention: it is filed under the mention's keys too, and under
        the names and counts of its wording if that changed."""
        event.absorb(reading, summary, keys)
        block = date_block(event.precision, event.month, event.day)
        self.index.add(event, (slots | related_keys(event.norm, event.text, block)) - self.full)


def _related(
    summary: str, norm: str, candidates: list[KnownEvent], article: str
) -> tuple[KnownEvent, float] | None:
    """The same-day candidate worded apart that shares a distinctive name or all numbers
    with ``summary`` (the best, then the oldest), if any. A name is not enough between two
    sentences of one article ("drones hit a depot in the Bryansk region" and "air defences
    shot down 22 drones over the Bryansk region"): there, all numbers must agree."""
    names = names_of(summary)
    scored = [
        (score, event)
        for event in candidates
        if (
            score := same_day_related(
                norm,
                event.norm,
                names,
                names_of(event.text) if article not in event.articles else frozenset(),
            )
        )
        is not None
    ]
    if not scored:
        return None
    score, event = min(scored, key=lambda pair: (-pair[0], pair[1].age()))
    return event, score


def _same_date(event: KnownEvent, reading: DateReading) -> bool:
    return (
        event.precision == reading.precision
        and event.month == reading.month
        and event.day == reading.day
        and (event.year is None or reading.year is None or event.year == reading.year)
    )


class ClaimIndex:
    """The candidate claims of one batch, by lookup key (``full`` keys are not used)."""

    def __init__(self, known: Iterable[KnownClaim] = (), full: AbstractSet[bytes] = frozenset()):
        self.index: _ByKey[KnownClaim] = _ByKey()
        for claim in known:
            self.index.add(claim, claim.keys)
        self.full = full
        self.merged: list[KnownClaim] = []
        self.compared: list[int] = []  # candidates per mention (the fan-out)

    def resolve(self, doc: ClaimDoc, scope: int) -> tuple[KnownClaim, MatchMethod, float | None]:
        """The claim ``doc`` states: a matched candidate, or a new one added to the index.
        ``scope`` is its expert's id (a negative stand-in for an expert not yet stored)."""
        norm = match_text(doc.text)
        whole = claim_wording_key(norm, scope, doc.kind)
        keys = frozenset({whole})
        slots = claim_lookup_keys(norm, scope, doc.kind) - self.full
        expert = doc.speaker.key
        candidates = [
            claim
            for claim in self.index.sharing(slots)
            if claim.expert == expert and claim.kind == doc.kind
        ]
        self.compared.append(len(candidates))
        claim, found = _match(
            norm, whole, candidates, CLAIM_THRESHOLD, index=self.index, merged=self.merged
        )
        if claim is not None and found is not None:
            claim.reword(doc.text, keys)
            self.index.add(claim, slots)
            return claim, ("exact" if found.exact else "fuzzy"), found.score
        claim = KnownClaim(
            text=doc.text,
            norm=norm,
            keys=set(keys),
            new_norms={norm},
            expert=expert,
            scope=scope,
            kind=doc.kind,
        )
        self.index.add(claim, slots)
        return claim, "new", None
