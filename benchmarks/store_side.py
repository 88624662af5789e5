"""Store side only: resolve + write of articles extracted once, step after step into one store.

``python -m benchmarks.store_side --articles 5000 --step 2500 --database sqlite|postgresql``
generates the corpus (benchmarks.corpus), extracts it once and keeps the documents in
``DIR/extracted_N_SEED.pickle`` (extraction is most of ``benchmarks.grow``'s time: about
ten minutes for 5,000 articles on this machine), then writes them into one new database
with ``write_extracted`` in batches, as the loader does after extraction, and prints one
JSON line per step: articles/s of the store side by the clock and per CPU second of this
process (steadier on a shared machine; on PostgreSQL also per CPU second of this process
and the database's backends together, when the server runs on this machine), resolve and
write seconds, the fan-out, the rows stored, so a change can be checked to store the very
same rows, and the process's peak RSS (the extracted articles, all held, included).
``--name`` names the database, so two versions of the code can be timed in turn.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import time
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from benchmarks.corpus import generate_articles
from benchmarks.grow import Truth, _write_step, fanout
from benchmarks.store import DEFAULT_POSTGRES, database_url
from eventstore import migrations
from eventstore.db import make_engine
from eventstore.errors import InputRejected
from eventstore.load.carriers import KnownCarriers
from eventstore.load.collection import fewer_collections
from eventstore.load.commit import write_extracted
from eventstore.load.extractor import extract_all
from eventstore.load.inputs import read_inputs
from eventstore.load.plan import Extracted
from eventstore.load.read import RawArticle
from eventstore.load.recorded import recorded_run
from eventstore.load.runs import RunTotals

COUNTED = (
    "events",
    "claims",
    "experts",
    "event_keys",
    "claim_keys",
    "event_mentions",
    "claim_mentions",
    "changes",
)
TODAY = date(2026, 12, 1)  # extraction reads relative dates against it: fixed, for the cache


def extracted(folder: Path, count: int, seed: int) -> tuple[list[Extracted], list[Any]]:
    """The corpus's articles extracted (from the cache when there), and its truth."""
    cache = folder / f"extracted_{count}_{seed}.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())  # type: ignore[no-any-return]  # noqa: S301 - our own cache
    articles = list(generate_articles(count, seed))
    paths = _write_step(folder / f"corpus_{count}_{seed}", articles)
    raws = [r for r in read_inputs(paths, max_bytes=10 << 20) if isinstance(r, RawArticle)]
    docs = extract_all([(raw.text, raw.external_id, raw.meta) for raw in raws], TODAY)
    items = [
        Extracted(raw, doc)
        for raw, doc in zip(raws, docs, strict=True)
        if not isinstance(doc, InputRejected)
    ]
    cache.write_bytes(pickle.dumps((items, articles)))
    return items, articles


def stored_rows(engine: Engine) -> dict[str, int]:
    """Rows per table of ``COUNTED``."""
    with engine.connect() as connection:
        return {
            name: int(connection.execute(text(f"SELECT count(*) FROM {name}")).scalar_one())
            for name in COUNTED
        }


def server_cpu(engine: Engine) -> dict[int, float]:
    """PostgreSQL backend pid -> CPU seconds so far of this database's backends, read
    from /proc (a server on this machine; empty on SQLite or when it is elsewhere)."""
    if engine.dialect.name != "postgresql":
        return {}
    with engine.connect() as connection:
        query = "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
        pids = connection.execute(text(query)).scalars().all()
    ticks = os.sysconf("SC_CLK_TCK")
    found = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[pid] = (int(fields[11]) + int(fields[12])) / ticks  # utime + stime
    return found


def run(args: argparse.Namespace) -> list[dict[str, Any]]:
    """Write the steps; return one line of figures per step."""
    args.dir.mkdir(parents=True, exist_ok=True)
    items, articles = extracted(args.dir, args.articles, args.seed)
    url, _ = database_url(args.database, args.name, args.server, args.dir, reuse=False)
    migrations.upgrade(url)
    engine = make_engine(url)
    truth, lines = Truth(), []
    for step, start in enumerate(range(0, len(items), args.step), 1):
        chunk = items[start : start + args.step]
        for article in articles[start : start + args.step]:
            truth.add(article)

        def work(run_id: int, totals: RunTotals, chunk: list[Extracted] = chunk) -> None:
            carriers = KnownCarriers()  # one per load, as the loader's
            with fewer_collections():
                for first in range(0, len(chunk), args.batch_size):
                    batch = chunk[first : first + args.batch_size]
                    write_extracted(engine, run_id, batch, [], totals, carriers=carriers)

        server_before = server_cpu(engine)
        started, cpu = time.perf_counter(), time.process_time()
        totals = recorded_run(engine, ["store_side"], work).totals
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        server = sum(used - server_before.get(pid, 0.0) for pid, used in server_cpu(engine).items())
        line = {
            "step": step,
            "stored": start + len(chunk),
            "store_side_per_s": round(len(chunk) / seconds, 1),
            "per_cpu_s": round(len(chunk) / cpu, 1),
            # PostgreSQL: per CPU second of this process and the server's backends together
            **({"per_cpu_s_with_server": round(len(chunk) / (cpu + server), 1)} if server else {}),
            "resolve_s": round(totals.resolve_s, 2),
            "write_s": round(totals.write_s - totals.resolve_s, 2),
            "fanout": fanout(totals.fanout),
            "rows": stored_rows(engine),
            "truth_ok": truth.check(engine)["ok"],
            # the process's peak, the extracted corpus held in memory included
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        }
        print(json.dumps(line), flush=True)
        lines.append(line)
    engine.dispose()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5_000)
    parser.add_argument("--step", type=int, default=2_500)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--server", default=DEFAULT_POSTGRES, help="PostgreSQL server URL.")
    parser.add_argument(
        "--dir", type=Path, default=Path("bench"), help="SQLite file and extraction cache."
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument(
        "--name", default="store_side", help="Database: DIR/NAME.db, or bench_NAME on the server."
    )
    run(parser.parse_args())


if __name__ == "__main__":
    main()
