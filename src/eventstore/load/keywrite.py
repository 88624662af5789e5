"""Matching keys of a written plan: every key its rows' new wordings bring, the blocking
keys only while they are not full.

The last step of ``write.apply_plan``, once every row has its id. A blocking key
(``blocking.capped``) stops taking rows at ``blocking.CAP`` + 1: by then it is too common
to look candidates up by (``candidates`` leaves it out), and reading it stays bounded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Connection, Table, select

from eventstore.load.blocking import CAP, capped, claim_band_keys
from eventstore.load.changes import Entity
from eventstore.load.plan import Plan, RowWrite
from eventstore.load.upsert import CHUNK, insert_ignoring
from eventstore.normalize import claim_key_set
from eventstore.schema import ClaimKeyRow, EventKeyRow, table

EVENT_KEYS = table(EventKeyRow)
CLAIM_KEYS = table(ClaimKeyRow)


def write_keys(
    connection: Connection,
    plan: Plan,
    row_id: Callable[[Entity, int], int],
    experts: Mapping[str, int],
) -> None:
    """Store the matching keys ``plan``'s wordings added; ``row_id(entity, ref)`` is a
    written row's id, ``experts`` the ids of experts by key."""
    event_rows = [
        {"event_id": row_id("event", row.ref), "key": key}
        for row in plan.events
        for key in sorted(row.keys)
    ]
    claim_rows = []
    for row in plan.claims:
        claim_id = row_id("claim", row.ref)
        keys = _claim_keys(row, experts)
        claim_rows += [{"claim_id": claim_id, "key": key} for key in sorted(keys)]
    for rows, keys_table, parent in (
        (event_rows, EVENT_KEYS, "event_id"),
        (claim_rows, CLAIM_KEYS, "claim_id"),
    ):
        kept = within_cap(connection, keys_table, parent, rows)
        if kept:
            insert_ignoring(connection, keys_table, kept, [parent, "key"])


def _claim_keys(row: RowWrite, experts: Mapping[str, int]) -> set[str]:
    """A claim's new keys: those it took over, and those of its new wordings, scoped to its
    expert (whose id a new expert has only now)."""
    keys = set(row.keys)
    if row.norms:
        expert_id = row.scope if row.scope >= 0 else experts[row.expert or ""]
        for norm in row.norms:
            keys |= claim_key_set(norm, expert_id, row.kind)
            keys |= claim_band_keys(norm, expert_id, row.kind)
    return keys


def within_cap(
    connection: Connection, keys_table: Table, parent: str, rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """``rows`` (parent id and key) without those already stored and those that would go
    past the cap of a blocking key (kept in order: the first ones fill it)."""
    keys = sorted({row["key"] for row in rows if capped(row["key"])})
    carriers: dict[str, set[int]] = defaultdict(set)
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        query = select(keys_table.c.key, keys_table.c[parent]).where(keys_table.c.key.in_(chunk))
        for key, carrier in connection.execute(query):
            carriers[key].add(carrier)
    kept = []
    for row in rows:
        key = row["key"]
        if capped(key):
            have = carriers[key]
            if row[parent] in have or len(have) > CAP:
                continue
            have.add(row[parent])
        kept.append(row)
    return kept
