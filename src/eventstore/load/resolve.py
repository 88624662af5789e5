"""Resolution: a batch of extracted articles and its candidates in, an immutable plan out.

Pure: no database (``candidates.fetch_candidates`` reads what it needs first). Each event
and claim of each article is matched against the stored candidates and the batch's
earlier mentions (``known.EventIndex``, ``known.ClaimIndex``). An article stored before
is resolved against the rows its old version mentioned, before anything is deleted, so
a row keeps its id while a mention of it survives or its content still matches. A row
only the old version mentioned and that nothing matched now is paired, when the text
makes it plain, with the row a new mention of that article founded (a reworded
sentence, a re-dated event): that row is updated in place and keeps the id. What is left
is released; the writer removes it if no other article mentions it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from rapidfuzz import fuzz

from eventstore.extract import ClaimDoc, EventDoc, SourceRef
from eventstore.load.blocking import date_block, event_band_keys, related_keys
from eventstore.load.candidates import Candidates, skipped
from eventstore.load.known import ClaimIndex, EventIndex, Known, KnownClaim, KnownEvent
from eventstore.load.plan import ArticleWrite, Extracted, MentionWrite, Merge, Plan, RowWrite
from eventstore.load.spellings import renamed
from eventstore.normalize import wording_key

# How alike an old and a new sentence of one article must be to be one row reworded
# (token_set_ratio of their normal forms); a re-dated event must be closer still.
REWORDED = 50.0
REDATED = 85.0

K = TypeVar("K", bound=Known)
# A mention waiting for its row's id: the row, the article's external id, columns, sources.
Queued = tuple[K, str, dict[str, Any], tuple[SourceRef, ...]]


def resolve_batch(
    items: Sequence[Extracted], candidates: Candidates, *, rewrite: bool = False
) -> Plan:
    """The plan that writes ``items`` (one per external id) over what ``candidates`` hold."""
    unchanged, todo = [], []
    if candidates.same_people:  # speakers spelt apart from a known person take their key
        items = [replace(i, doc=renamed(i.doc, candidates.same_people)) for i in items]
    for item in items:
        stored = candidates.stored.get(item.doc.external_id)
        if skipped(stored, item.raw, rewrite=rewrite):
            unchanged.append(item.doc.external_id)
        else:
            todo.append(ArticleWrite(item, stored.id if stored else None))
    if not todo:
        return Plan(unchanged=tuple(unchanged))
    return _Resolver(candidates).plan(todo, tuple(unchanged))


class _Resolver:
    def __init__(self, candidates: Candidates) -> None:
        self.candidates = candidates
        experts = {expert_id: key for key, expert_id in candidates.expert_ids.items()}
        self.stand_ins: dict[str, int] = {}
        events = [
            _known_event(row, candidates.event_keys.get(row.id, set())) for row in candidates.events
        ]
        claims = [
            KnownClaim(
                text=row.text,
                id=row.id,
                keys=set(candidates.claim_keys.get(row.id, set())),
                expert=experts.get(row.expert_id, f"#{row.expert_id}"),
                scope=row.expert_id,
                kind=row.kind,
            )
            for row in candidates.claims
        ]
        self.stored_events = {event.id: event for event in events}
        self.stored_claims = {claim.id: claim for claim in claims}
        self.events = EventIndex(events, candidates.full_keys)
        self.claims = ClaimIndex(claims, candidates.full_keys)
        self.event_mentions: list[Queued[KnownEvent]] = []
        self.claim_mentions: list[Queued[KnownClaim]] = []
        self.founded: dict[int, str] = {}  # id(row) -> the article whose mention founded it

    def plan(self, todo: list[ArticleWrite], unchanged: tuple[str, ...]) -> Plan:
        for article in todo:
            doc = article.item.doc
            for event in doc.events:
                self._event(doc.external_id, event)
            for claim in doc.claims:
                self._claim(doc.external_id, claim)
        changed = [a.item.doc.external_id for a in todo if a.old_id is not None]
        released_events = self._pair(
            changed,
            self.candidates.prior_events,
            self.stored_events,
            self.event_mentions,
            self.candidates.kept_events,
        )
        released_claims = self._pair(
            changed,
            self.candidates.prior_claims,
            self.stored_claims,
            self.claim_mentions,
            self.candidates.kept_claims,
        )
        refs = _Refs()
        return Plan(
            unchanged=unchanged,
            articles=tuple(todo),
            events=tuple(_event_write(e, refs) for e in _owners(self.event_mentions)),
            claims=tuple(_claim_write(c, refs) for c in _owners(self.claim_mentions)),
            event_merges=_merges(self.events.merged, refs),
            claim_merges=_merges(self.claims.merged, refs),
            event_mentions=_mentions(self.event_mentions, refs),
            claim_mentions=_mentions(self.claim_mentions, refs),
            released_events=frozenset(released_events),
            released_claims=frozenset(released_claims),
            fanout=(*self.events.compared, *self.claims.compared),
        )

    def _event(self, article: str, doc: EventDoc) -> None:
        event, method, score = self.events.resolve(doc, article)
        self.founded.setdefault(id(event), article)
        reading = doc.date
        mention = {
            "start_offset": doc.span.start,
            "end_offset": doc.span.end,
            "text": doc.span.text,
            "date_text": reading.text,
            "year": reading.year,
            "month": reading.month,
            "day": reading.day,
            "date_precision": reading.precision,
            "date_qualifier": reading.qualifier,
            "year_inferred": reading.year_inferred,
            "match_method": method,
            "match_score": _shown_score(score),
            "extracted_by": doc.extracted_by,
            "confidence": doc.confidence,
        }
        self.event_mentions.append((event, article, mention, doc.sources))

    def _claim(self, article: str, doc: ClaimDoc) -> None:
        key = doc.speaker.key
        scope = self.candidates.expert_ids.get(key)
        if scope is None:
            scope = self.stand_ins.setdefault(key, -1 - len(self.stand_ins))
        claim, method, score = self.claims.resolve(doc, scope)
        self.founded.setdefault(id(claim), article)
        for span in doc.spans:
            mention = {
                "start_offset": span.start,
                "end_offset": span.end,
                "text": span.text,
                "section": doc.section,
                "attribution": doc.attribution,
                "match_method": method,
                "match_score": _shown_score(score),
                "extracted_by": doc.extracted_by,
                "confidence": doc.confidence,
            }
            sources = tuple(s for s in doc.sources if s.name.lower() in span.text.lower())
            self.claim_mentions.append((claim, article, mention, sources or doc.sources))

    def _pair(
        self,
        changed: list[str],
        prior: dict[str, set[int]],
        stored: dict[int | None, Any],
        queued: Sequence[Queued[Known]],
        kept: set[int],
    ) -> set[int]:
        """Pair each changed article's rows left behind with rows its new mentions founded
        (the same row reworded or re-dated: it keeps its id); return the rows released."""
        used = {id(owner.final) for owner, _, _, _ in queued}
        released: set[int] = set()
        for article in changed:
            old = [stored[i] for i in sorted(prior.get(article, ())) if i in stored]
            left = [
                r for r in old if r.merged_into is None and id(r) not in used and r.id not in kept
            ]
            fresh = _unique(
                owner.final
                for owner, source, _, _ in queued
                if source == article
                and owner.final.id is None
                and self.founded.get(id(owner.final)) == article
            )
            for row, new in _pairs(left, fresh):
                new.id, new.keys, new.dirty = row.id, new.keys | row.keys, True
                new.adopted = True
            released |= prior.get(article, set())
        return released


class _Refs:
    """Batch-local references of rows (one per row object)."""

    def __init__(self) -> None:
        self.refs: dict[int, int] = {}
        self.count = itertools.count(1)

    def __call__(self, row: Known) -> int:
        return self.refs.setdefault(id(row.final), next(self.count))


def _known_event(row: Any, keys: set[bytes]) -> KnownEvent:
    return KnownEvent(
        text=row.summary,
        id=row.id,
        keys=set(keys),
        year=row.year,
        month=row.month,
        day=row.day,
        precision=row.date_precision,
        qualifier=row.date_qualifier,
    )


def _pairs(left: list[Known], fresh: list[Known]) -> list[tuple[Known, Known]]:
    """Greedy best-first pairs (old row, new row) alike enough to be one row reworded."""
    scored = []
    for row in left:
        for new in fresh:
            score = _alike(row, new)
            if score is not None:
                scored.append((-score, row.id or 0, new.serial, row, new))
    pairs, taken_old, taken_new = [], set(), set()
    for _, _, _, row, new in sorted(scored, key=lambda entry: entry[:3]):
        if id(row) in taken_old or id(new) in taken_new:
            continue
        taken_old.add(id(row))
        taken_new.add(id(new))
        pairs.append((row, new))
    return pairs


def _alike(row: Known, new: Known) -> float | None:
    score = fuzz.token_set_ratio(row.norm, new.norm)
    if isinstance(row, KnownClaim) and isinstance(new, KnownClaim):
        same = row.expert == new.expert and row.kind == new.kind
        return score if same and score >= REWORDED else None
    if isinstance(row, KnownEvent) and isinstance(new, KnownEvent):
        same_date = (row.precision, row.month, row.day) == (new.precision, new.month, new.day)
        return score if score >= (REWORDED if same_date else REDATED) else None
    return None


def _unique(rows: Iterable[K]) -> list[K]:
    seen: dict[int, K] = {}
    for row in rows:
        seen.setdefault(id(row), row)
    return list(seen.values())


def _owners(queued: Sequence[Queued[K]]) -> list[K]:
    return _unique(owner.final for owner, _, _, _ in queued)


def _event_write(event: KnownEvent, refs: _Refs) -> RowWrite:
    columns = {
        "year": event.year,
        "month": event.month,
        "day": event.day,
        "date_precision": event.precision,
        "date_qualifier": event.qualifier,
        "summary": event.summary,
    }
    if event.id is not None and not event.adopted:
        kept = ("year", "date_qualifier", "summary")
        columns = {name: columns[name] for name in kept} if event.dirty else {}
    block = date_block(event.precision, event.month, event.day)
    keys = event.new_keys | related_keys(event.norm, event.text, block)
    for norm in event.new_norms:
        keys |= {wording_key(norm)} | event_band_keys(norm, block)
    return RowWrite(refs(event), event.id, columns, frozenset(keys))


def _claim_write(claim: KnownClaim, refs: _Refs) -> RowWrite:
    columns: dict[str, Any] = {"kind": claim.kind, "text": claim.text}
    if claim.id is not None:
        columns = {"text": claim.text} if claim.dirty else {}
    return RowWrite(
        refs(claim),
        claim.id,
        columns,
        keys=frozenset(claim.new_keys),
        norms=frozenset(claim.new_norms),
        expert=claim.expert,
        scope=claim.scope,
        kind=claim.kind,
    )


def _merges(merged: Sequence[Known], refs: _Refs) -> tuple[Merge, ...]:
    return tuple(Merge(row.id, refs(row.final)) for row in merged if row.id is not None)


def _mentions(queued: Sequence[Queued[Known]], refs: _Refs) -> tuple[MentionWrite, ...]:
    return tuple(
        MentionWrite(refs(owner), article, mention, sources)
        for owner, article, mention, sources in queued
    )


def _shown_score(score: float | None) -> float | None:
    """A match score as recorded: one decimal (rapidfuzz's 97.27272727272727 is 97.3);
    matching decided on the exact figure before."""
    return None if score is None else round(score, 1)
