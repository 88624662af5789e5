"""Matching keys of a written plan: every key its rows' new wordings bring, the blocking
keys only while they are not full.

The last step of ``write.apply_plan``, once every row has its id. A blocking key
(``blocking.capped``) stops taking rows at ``blocking.CAP`` + 1: by then it is too common
to look candidates up by (``candidates`` leaves it out), and reading it stays bounded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table

from eventstore.load.blocking import CAP, capped, claim_band_keys
from eventstore.load.candidates import carriers_of
from eventstore.load.changes import Entity
from eventstore.load.plan import Merge, Plan, RowWrite
from eventstore.load.upsert import insert_ignoring
from eventstore.normalize import claim_wording_key, text_order
from eventstore.schema import ClaimKeyRow, EventKeyRow, table

# entity ("event", "claim") -> lookup key -> the stored rows carrying it
Carriers = Mapping[str, dict[bytes, set[int]]]

EVENT_KEYS = table(EventKeyRow)
CLAIM_KEYS = table(ClaimKeyRow)


def write_keys(
    connection: Connection,
    plan: Plan,
    row_id: Callable[[Entity, int], int],
    experts: Mapping[str, int],
    carriers: Carriers | None = None,
) -> Filed:
    """Store the matching keys ``plan``'s wordings added; ``row_id(entity, ref)`` is a
    written row's id, ``experts`` the ids of experts by key. ``carriers`` are the stored
    rows of each key looked up before the plan was made, in this transaction: with the
    plan's merges applied to them (``merged``), and while no removal has deleted keys
    since, they are what the store holds and the cap is checked against them without
    reading the keys again. Returns them with the key rows filed (``Filed``)."""
    released = plan.released_events or plan.released_claims
    known = {} if carriers is None or released else merged(carriers, plan, row_id)
    event_rows: list[dict[str, Any]] = []
    for row in plan.events:
        event_id = row_id("event", row.ref)
        event_rows += _unfiled("event_id", event_id, row.keys, known.get("event", {}))
    claim_rows: list[dict[str, Any]] = []
    for row in plan.claims:
        claim_id = row_id("claim", row.ref)
        keys = _claim_keys(row, experts)
        claim_rows += _unfiled("claim_id", claim_id, keys, known.get("claim", {}))
    passes: tuple[tuple[list[dict[str, Any]], Table, Entity], ...] = (
        (event_rows, EVENT_KEYS, "event"),
        (claim_rows, CLAIM_KEYS, "claim"),
    )
    filed = Filed(dict(known))
    for rows, keys_table, entity in passes:
        parent = f"{entity}_id"
        kept = within_cap(connection, keys_table, parent, rows, known.get(entity))
        if kept:  # the keys are in their stored form already (``normalize.stored_key``)
            insert_ignoring(connection, keys_table, kept, [parent, "key"])
        filed.rows[entity] = [(row["key"], row[parent]) for row in kept]
    return filed


@dataclass
class Filed:
    """What ``write_keys`` knew and wrote: the carriers it checked the cap against (the
    stored rows of each key, the plan's merges applied; none after a removal), and the
    key rows it filed, (key, row id) per entity. Together: the keys' carriers now."""

    carriers: dict[str, dict[bytes, set[int]]] = field(default_factory=dict)
    rows: dict[str, list[tuple[bytes, int]]] = field(default_factory=dict)


def _unfiled(
    parent: str, owner: int, keys: AbstractSet[bytes], filed: Mapping[bytes, AbstractSet[int]]
) -> list[dict[str, Any]]:
    """The key rows of ``owner`` (in the order of the keys' text forms, the order they were
    inserted in before the loader kept them as bytes) but those ``filed`` (carriers read)
    shows it has, which ``within_cap`` would leave out: a stored event that takes a
    mention files every key of its wording again, some 4,800 rows a batch at 7,500
    stored, of which about 20 are new."""
    unfiled = [key for key in keys if owner not in filed.get(key, ())]
    return [{parent: owner, "key": key} for key in text_order(unfiled)]


def merged(carriers: Carriers, plan: Plan, row_id: Callable[[Entity, int], int]) -> Carriers:
    """``carriers`` as the plan's merges leave them: each key an absorbed row carried
    is carried by its survivor instead (``write`` moves the key row, or deletes it with
    the absorbed row when the survivor has the key already). Before, a batch with a merge
    read all its keys again: 0.04 s of the cap check at 2,500 stored, 0.86 s at 17,500,
    as merges grew more frequent (cProfile, one step of 2,500 articles)."""
    result: dict[str, dict[bytes, set[int]]] = dict(carriers)
    passes: tuple[tuple[Entity, tuple[Merge, ...]], ...] = (
        ("event", plan.event_merges),
        ("claim", plan.claim_merges),
    )
    for entity, merges in passes:
        survivors = {merge.loser: row_id(entity, merge.survivor) for merge in merges}
        if not survivors or entity not in carriers:
            continue
        result[entity] = {
            key: ids if ids.isdisjoint(survivors) else {survivors.get(i, i) for i in ids}
            for key, ids in carriers[entity].items()
        }
    return result


def _claim_keys(row: RowWrite, experts: Mapping[str, int]) -> set[bytes]:
    """A claim's new keys: those it took over, and those of its new wordings, scoped to its
    expert (whose id a new expert has only now)."""
    keys = set(row.keys)
    if row.norms:
        expert_id = row.scope if row.scope >= 0 else experts[row.expert or ""]
        for norm in row.norms:
            keys.add(claim_wording_key(norm, expert_id, row.kind))
            keys |= claim_band_keys(norm, expert_id, row.kind)
    return keys


def within_cap(
    connection: Connection,
    keys_table: Table,
    parent: str,
    rows: list[dict[str, Any]],
    known: Mapping[bytes, AbstractSet[int]] | None = None,
) -> list[dict[str, Any]]:
    """``rows`` (parent id and key) without those already stored and those that would go
    past the cap of a blocking key (kept in order: the first ones fill it). The carriers
    of keys in ``known`` are taken from it; those of the others are read. A row ``known``
    shows filed is left out whatever its key (a stored row's repeated wording files its
    whole key again: ``ON CONFLICT`` would skip it, after the work of trying)."""
    known = known or {}
    capped_keys = {key for key in {row["key"] for row in rows} if capped(key)}
    read: dict[bytes, set[int]] = defaultdict(set)
    # (not ``capped_keys - known.keys()``: that walks every key ``known`` holds)
    unknown = sorted(key for key in capped_keys if key not in known)
    for key, carrier in carriers_of(connection, keys_table, parent, unknown):
        read[key].add(carrier)
    # Rows kept here per capped key, apart from its carriers: copying every key's
    # carriers to add to them, and testing each row's key twice, cost more than the cap
    # check itself (0.8 s CPU per 2,500 articles at 7,500 stored).
    added: dict[bytes, set[int]] = defaultdict(set)
    kept = []
    for row in rows:
        key, owner = row["key"], row[parent]
        if key in capped_keys:
            have = known[key] if key in known else read[key]
            extra = added[key]
            if owner in have or owner in extra or len(have) + len(extra) > CAP:
                continue
            extra.add(owner)
        elif owner in known.get(key, ()):
            continue
        kept.append(row)
    return kept
