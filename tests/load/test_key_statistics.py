"""Statistics that follow a load (``upsert.analyzed``): on PostgreSQL a table whose rows
changed by more than a fifth since its statistics (or that has none) is analyzed in the
batch's transaction, so key lookups are planned by the index, not by reading the table;
on SQLite nothing happens."""

from __future__ import annotations

from sqlalchemy import Engine, insert, text

from eventstore.load.upsert import analyzed
from eventstore.schema import ExpertRow, table

EXPERTS = table(ExpertRow)


def _has_statistics(engine: Engine) -> bool:
    with engine.connect() as connection:
        query = "SELECT count(*) FROM pg_stats WHERE tablename = 'experts'"
        return int(connection.execute(text(query)).scalar_one()) > 0


def test_a_table_grown_past_its_statistics_is_analyzed(engine: Engine) -> None:
    people = [{"name": f"Person {n}", "key": f"person {n}", "kind": "expert"} for n in range(1500)]
    with engine.begin() as connection:
        connection.execute(insert(EXPERTS), people)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:  # the counters reach the statistics collector
            connection.execute(text("SELECT pg_stat_force_next_flush()"))
        assert not _has_statistics(engine)

    with engine.begin() as connection:
        analyzed(connection, [EXPERTS])

    if engine.dialect.name == "postgresql":
        assert _has_statistics(engine)
