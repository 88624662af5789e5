"""Sources and experts of a batch: upserted by their normalized key, changes recorded.

Sources and experts are shared by concurrent loaders; their unique keys decide, and a
second description only replaces the first when it says more (``upsert.upsert_preferring``),
so the result does not depend on load order. What the upsert inserted or changed is found
by comparing the rows before and after, and goes to the change feed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, select, update

from eventstore.extract import ArticleDoc
from eventstore.load.changes import ChangeLog, Entity
from eventstore.load.spellings import skeleton_of, surname_of
from eventstore.load.upsert import CHUNK, upsert_preferring
from eventstore.normalize import source_key
from eventstore.schema import ExpertRow, SourceRow, table

SOURCES = table(SourceRow)
EXPERTS = table(ExpertRow)

# When two descriptions of one source or person disagree, which one the row keeps.
SOURCE_KIND_ORDER = (
    "outlet",
    "intelligence",
    "government",
    "publication",
    "media",
    "organization",
    "other",
)
EXPERT_KIND_ORDER = ("expert", "official", "politician", "organization", "other")


def source_ids(
    connection: Connection, docs: Sequence[ArticleDoc], log: ChangeLog
) -> dict[str, int]:
    """key -> id of every source the batch names (outlets included), upserted."""
    rows = []
    for doc in docs:
        if doc.outlet:
            rows.append({"name": doc.outlet, "key": source_key(doc.outlet), "kind": "outlet"})
        sources = [s for c in doc.claims for s in c.sources]
        sources += [s for e in doc.events for s in e.sources]
        rows += [{"name": s.name, "key": s.key, "kind": s.kind} for s in sources]
    return _tracked(
        connection,
        SOURCES,
        "source",
        rows,
        log,
        longer=["name"],
        ranked={"kind": SOURCE_KIND_ORDER},
    )


def expert_ids(
    connection: Connection, docs: Sequence[ArticleDoc], log: ChangeLog
) -> dict[str, int]:
    """key -> id of every person the batch quotes or features, upserted."""
    people = [claim.speaker for doc in docs for claim in doc.claims]
    people += [doc.featured_expert for doc in docs if doc.featured_expert]
    rows = [
        {
            "name": person.name,
            "key": person.key,
            "skeleton": skeleton_of(person),
            "surname_skeleton": surname_of(person),
            "kind": person.kind,
            "role": person.role,
            "affiliation": person.affiliation,
        }
        for person in people
    ]
    # The name is the spelling most articles use (spellings.record_spellings), not the
    # longer one: it is set there, after the articles are written.
    return _tracked(
        connection,
        EXPERTS,
        "expert",
        rows,
        log,
        longer=["role", "affiliation"],
        ranked={"kind": EXPERT_KIND_ORDER},
    )


def _tracked(
    connection: Connection,
    target: Table,
    entity: Entity,
    rows: list[dict[str, Any]],
    log: ChangeLog,
    *,
    longer: list[str],
    ranked: dict[str, Sequence[str]],
) -> dict[str, int]:
    if not rows:
        return {}
    columns = [*longer, *ranked]
    keys = sorted({row["key"] for row in rows})
    before = _snapshot(connection, target, keys, columns)
    stamped = [{**row, "updated_at": log.now} for row in rows]
    ids = upsert_preferring(connection, target, stamped, key="key", longer=longer, ranked=ranked)
    after = _snapshot(connection, target, keys, columns)
    changed = sorted(ids[key] for key in keys if key in before and before[key] != after[key])
    if changed:
        stamp = update(target).where(target.c.id.in_(changed)).values(updated_at=log.now)
        connection.execute(stamp)
    log.inserted(entity, sorted(ids[key] for key in keys if key not in before))
    log.updated(entity, changed)
    return ids


def _snapshot(
    connection: Connection, target: Table, keys: list[str], columns: list[str]
) -> dict[str, tuple[Any, ...]]:
    found: dict[str, tuple[Any, ...]] = {}
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        query = select(target.c.key, *(target.c[c] for c in columns)).where(target.c.key.in_(chunk))
        found.update({row[0]: tuple(row[1:]) for row in connection.execute(query)})
    return found
