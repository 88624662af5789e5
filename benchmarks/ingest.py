"""Ingestion throughput: ``python -m benchmarks.ingest --articles N --database sqlite|postgresql``.

Writes a deterministic corpus (benchmarks.corpus) to files, loads it into a new database
with the real loader (as ``eventstore load`` does), then, in the same run and on the same
rows, writes those rows again by the fastest plain method of the driver (one
``executemany`` transaction on SQLite, ``COPY`` on PostgreSQL) into a second, empty
database of the same schema, and finally reloads the unchanged corpus. Prints one JSON
object.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select, text

from benchmarks.corpus import write_corpus
from benchmarks.store import DEFAULT_POSTGRES, database_url
from eventstore import migrations
from eventstore.db import make_engine
from eventstore.load.loader import LoadOptions, load_paths
from eventstore.schema import Base

# Parents before children, so that the plain copy satisfies every foreign key.
TABLES = (
    "ingestion_runs",
    "sources",
    "experts",
    "articles",
    "claims",
    "claim_keys",
    "claim_mentions",
    "claim_sources",
    "events",
    "event_keys",
    "event_mentions",
    "event_sources",
)
CHUNK = 5_000


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory so far, in MB (Linux reports kB).

    RUSAGE_CHILDREN gives the largest finished child: an extraction worker of --workers.
    """
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def counts(engine: Engine) -> dict[str, int]:
    """Rows per table."""
    with engine.connect() as connection:
        return {
            table: int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
            for table in TABLES
        }


def _columns(table: str) -> list[str]:
    # Generated columns (events.date_key, PostgreSQL search vectors) are not written.
    return [c.name for c in Base.metadata.tables[table].columns if c.computed is None]


def raw_write(source: Engine, target: Engine) -> float:
    """Copy every row from ``source`` into the empty ``target`` by the driver's fastest
    plain method, in one transaction; return the seconds spent writing (reads excluded)."""
    spent = 0.0
    with source.connect() as reader, target.connect() as writer:
        transaction = writer.begin()
        for table in TABLES:
            columns = _columns(table)
            query = select(*(Base.metadata.tables[table].c[c] for c in columns))
            result = reader.execution_options(yield_per=CHUNK).execute(query)
            for rows in result.partitions(CHUNK):
                started = time.perf_counter()
                _write_rows(writer, table, columns, rows)
                spent += time.perf_counter() - started
        started = time.perf_counter()
        transaction.commit()
        spent += time.perf_counter() - started
    return spent


def _write_rows(writer: Connection, table: str, columns: list[str], rows: Any) -> None:
    raw = writer.connection.dbapi_connection
    if writer.dialect.name == "sqlite":
        marks = ", ".join("?" for _ in columns)
        cursor = raw.cursor()  # type: ignore[union-attr]
        cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
        cursor.close()
        return
    cursor = raw.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(tuple(row))
    cursor.close()


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Generate, load, copy plainly, reload; return the figures."""
    corpus = args.dir / f"corpus_{args.articles}_{args.seed}"
    if not (corpus / ".complete").exists():
        write_corpus(corpus, args.articles, args.seed)
        (corpus / ".complete").write_text("ok")
    name = f"ingest_{args.database}_{args.articles}"
    url, _ = database_url(args.database, name, args.url, args.dir, reuse=False)
    migrations.upgrade(url)
    engine = make_engine(url)
    options = LoadOptions(batch_size=args.batch_size, workers=args.workers)

    started = time.perf_counter()
    report = load_paths(engine, [corpus], options=options)
    seconds = time.perf_counter() - started
    rss = peak_rss_mb()
    totals = report.totals

    copy_url, _ = database_url(args.database, f"{name}_raw", args.url, args.dir, reuse=False)
    migrations.upgrade(copy_url)
    copy_engine = make_engine(copy_url)
    raw_write_s = raw_write(engine, copy_engine)
    copy_engine.dispose()

    started = time.perf_counter()
    again = load_paths(engine, [corpus], options=options)
    reload_s = time.perf_counter() - started
    rows = counts(engine)
    engine.dispose()
    return {
        "database": args.database,
        "articles": totals.added,
        "failed": totals.failed,
        "seconds": round(seconds, 2),
        "articles_per_s": round(totals.added / seconds, 1),
        "read_s": round(totals.read_s, 2),
        "extract_s": round(totals.extract_s, 2),
        "resolve_s": round(totals.resolve_s, 2),
        "write_s": round(totals.write_s - totals.resolve_s, 2),
        "raw_write_s": round(raw_write_s, 2),
        "write_vs_raw": round((totals.write_s - totals.resolve_s) / raw_write_s, 2),
        "peak_rss_mb": rss,
        "peak_worker_rss_mb": peak_rss_mb(resource.RUSAGE_CHILDREN),
        "reload_seconds": round(reload_s, 2),
        "reload_files_per_s": round(again.totals.files_seen / reload_s, 1),
        "reload_unchanged": again.totals.unchanged,
        "rows": rows,
        "batch_size": args.batch_size,
        "workers": args.workers,
    }


def main() -> None:
    """Parse arguments, run, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--url", default=DEFAULT_POSTGRES, help="PostgreSQL server to use")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=Path(".bench"))
    print(json.dumps(run(parser.parse_args()), indent=2))


if __name__ == "__main__":
    main()
