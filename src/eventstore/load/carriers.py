"""Key carriers kept from one batch of a load to the next, while no other writer commits.

``candidates`` reads, for every lookup key of a batch, the stored rows carrying it, and
``keywrite`` checks the cap against them. A load's batches look up the same keys again
and again (the events of the news of the day are reported by article after article): on
the benchmark corpus, from 2,500 articles stored on, each batch of 100 read about 5,000
event keys and their carriers for some 620 event mentions. What a batch read, with what it
then wrote (merges applied, key rows added: ``keywrite.write_keys`` returns both), is
exactly what the store holds after its commit, so the next batch takes those keys from
here and reads only the others.

That stays true only while nothing else writes, which the change feed tells exactly:
every batch that writes a row writes its articles' changes, under the writers' lock, and
``seq`` is ``MAX(seq) + 1``. A batch starts (under the lock) by reading the feed's last
``seq``; unless it is the one this load's last commit left, everything kept is dropped.
Between the start and the commit nothing kept is trusted (a failed or retried
transaction finds nothing), and a batch that removed rows leaves nothing behind
(``keywrite`` returns no carriers then). Memory stays bounded: past ``LIMIT`` keys of
one kind, the oldest go.
"""

from __future__ import annotations

from itertools import islice

from sqlalchemy import Connection, func, select

from eventstore.load.changes import CHANGES, Entity
from eventstore.load.keywrite import Filed

# Keys kept (about 300 bytes each: the key, its set of ids, the dict's slot).
LIMIT = 100_000
# Event keys only: a claim's keys are scoped to its expert and kind, and an expert's new
# statements bring new bands, so a batch finds few of its claim keys in the batches
# before it (7% on the benchmark corpus at 7,500 stored, against 79% of its event keys),
# fewer than it costs to keep them (a merge of claims remaps every kept key).
KEPT: tuple[Entity, ...] = ("event",)


class KnownCarriers:
    """The stored rows carrying each lookup key a load's batches looked up or wrote (per
    entity: key -> ids), valid at the change feed's ``seq`` of the load's last commit."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self.by_entity: dict[str, dict[bytes, set[int]]] = {entity: {} for entity in KEPT}
        self.seq: int | None = None  # None: nothing kept may be trusted (a batch in flight)
        self.started_at = 0  # the feed's last seq when the batch in flight started

    def begin(self, connection: Connection) -> dict[str, dict[bytes, set[int]]]:
        """At a batch's start, under the writers' lock: what may be trusted (nothing when
        another writer committed since this load's last commit). The batch adds what it
        reads to it; until ``committed``, nothing here is trusted again."""
        last = connection.execute(select(func.coalesce(func.max(CHANGES.c.seq), 0))).scalar_one()
        if self.seq is None or self.seq != last:
            self.clear()
        self.seq, self.started_at = None, int(last)
        return self.by_entity

    def committed(self, keys: Filed, last_seq: int | None) -> None:
        """The batch begun last committed: keep the carriers its writer knew with the key
        rows it filed (``keywrite.write_keys``'s: as the store holds them now);
        ``last_seq`` is its last change (None: it wrote none)."""
        for entity in self.by_entity:
            kept = keys.carriers.get(entity, {})
            for key, row_id in keys.rows.get(entity, ()):
                if key in kept:
                    kept[key].add(row_id)
            if len(kept) > self.limit:  # the oldest first
                for key in list(islice(kept, len(kept) - self.limit)):
                    del kept[key]
            self.by_entity[entity] = kept
        self.seq = self.started_at if last_seq is None else last_seq

    def clear(self) -> None:
        """Trust nothing kept (a failed batch; another writer committed)."""
        self.by_entity = {entity: {} for entity in KEPT}
        self.seq = None
