"""The change feed: what one batch changed, appended to ``changes`` in its transaction.

``seq`` is allocated under the writers' lock (SQLite's write lock, taken at BEGIN
IMMEDIATE; PostgreSQL's transaction-scoped advisory lock) as ``MAX(seq) + 1``: writers
commit one at a time in ``seq`` order, so the feed has no gap, and a reader never sees a
row with a smaller ``seq`` appear after one it has read (a sequence would leave gaps on
rollback and let a later-committing writer show a smaller ``seq`` late). Merged and
removed ids are recorded in ``retired_ids``. On PostgreSQL each batch ends with
``NOTIFY eventstore_changes, '<last seq>'``, delivered when it commits.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Literal

from sqlalchemy import Connection, func, insert, select, text

from eventstore.load.upsert import bulk_insert
from eventstore.schema import ChangeRow, RetiredIdRow, table

CHANGES = table(ChangeRow)
RETIRED = table(RetiredIdRow)
CHANNEL = "eventstore_changes"

Entity = Literal["article", "source", "expert", "claim", "event"]
Op = Literal["insert", "update", "merge", "delete"]


class ChangeLog:
    """The changes of one batch, one per row: an insert absorbs later updates; a merge or
    a delete replaces what came before it."""

    def __init__(self, run_id: int, now: datetime) -> None:
        self.run_id = run_id
        self.now = now
        self.entries: dict[tuple[Entity, int], tuple[Op, int | None]] = {}

    def inserted(self, entity: Entity, ids: Iterable[int]) -> None:
        for row_id in ids:
            self.entries[(entity, row_id)] = ("insert", None)

    def updated(self, entity: Entity, ids: Iterable[int]) -> None:
        for row_id in ids:
            self.entries.setdefault((entity, row_id), ("update", None))

    def merged(self, entity: Entity, loser: int, survivor: int) -> None:
        self._last((entity, loser), ("merge", survivor))

    def deleted(self, entity: Entity, ids: Iterable[int]) -> None:
        for row_id in ids:
            self._last((entity, row_id), ("delete", None))

    def _last(self, key: tuple[Entity, int], entry: tuple[Op, int | None]) -> None:
        previous = self.entries.pop(key, None)
        if previous is None or previous[0] != "insert":
            self.entries[key] = entry

    def write(self, connection: Connection) -> int | None:
        """Append the changes (the caller holds the writers' lock); the last ``seq``."""
        if not self.entries:
            return None
        last = connection.execute(select(func.coalesce(func.max(CHANGES.c.seq), 0))).scalar_one()
        rows = [
            {
                "seq": last + number,
                "entity": entity,
                "entity_id": row_id,
                "op": op,
                "survivor_id": survivor,
                "run_id": self.run_id,
                "changed_at": self.now,
            }
            for number, ((entity, row_id), (op, survivor)) in enumerate(self.entries.items(), 1)
        ]
        bulk_insert(connection, CHANGES, rows)
        retired = [
            {
                "entity": row["entity"],
                "id": row["entity_id"],
                "merged_into": row["survivor_id"],
                "run_id": self.run_id,
                "retired_at": self.now,
            }
            for row in rows
            if row["op"] in ("merge", "delete")
        ]
        if retired:
            connection.execute(insert(RETIRED), retired)
        final = int(rows[-1]["seq"])
        if connection.dialect.name == "postgresql":
            connection.execute(
                text("SELECT pg_notify(:channel, :seq)"), {"channel": CHANNEL, "seq": str(final)}
            )
        self.entries.clear()
        return final
