"""Full-text indexing of the rows a batch inserts: one statement per table on SQLite.

SQLite's FTS5 insert triggers index rows one by one; since revision 0011 they step aside
while ``search_deferrals`` holds a row, and the writer indexes the rows it inserted with
one ``INSERT INTO <table>_fts ... SELECT`` per table and chunk (40% of the triggers' cost:
docs/performance.md). The row is written at the start of a batch and deleted at its end
in the same transaction, so no committed state ever holds it and search is never out of
date after a commit; rows updated or deleted keep their triggers. PostgreSQL computes its
search vectors in generated columns: nothing to do there.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection, Table, delete, insert

from eventstore.load.upsert import CHUNK
from eventstore.schema import SearchDeferralRow, table

DEFERRALS = table(SearchDeferralRow)
# table -> the columns of its FTS5 index (revision 0001)
FTS_COLUMNS: dict[str, tuple[str, ...]] = {
    "claims": ("text",),
    "events": ("summary",),
    "articles": ("title", "body"),
}


class Indexer:
    """Indexes the rows a batch inserts, while the insert triggers step aside."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.deferred = connection.dialect.name == "sqlite"

    def index(self, target: Table, ids: Sequence[int]) -> None:
        """Add the rows ``ids`` of ``target``, just inserted, to its full-text index."""
        if not self.deferred or not ids:
            return
        columns = ", ".join(FTS_COLUMNS[target.name])
        fts = f"{target.name}_fts"
        for start in range(0, len(ids), CHUNK):
            chunk = tuple(ids[start : start + CHUNK])
            marks = ", ".join("?" for _ in chunk)
            self.connection.exec_driver_sql(
                f"INSERT INTO {fts}(rowid, {columns}) "  # noqa: S608 - fixed names
                f"SELECT id, {columns} FROM {target.name} WHERE id IN ({marks})",
                chunk,
            )


@contextmanager
def deferred_search(connection: Connection) -> Iterator[Indexer]:
    """Run the block with SQLite's FTS5 insert triggers stepping aside; the block indexes
    what it inserts through the ``Indexer``."""
    indexer = Indexer(connection)
    if indexer.deferred:
        connection.execute(insert(DEFERRALS).values(id=1))
    try:
        yield indexer
    finally:
        if indexer.deferred:
            connection.execute(delete(DEFERRALS))
