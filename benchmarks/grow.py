"""Growth: does loading cost grow with the store? One store, loaded step after step.

``python -m benchmarks.grow --steps 10 --step-articles 10000 --database sqlite|postgresql``
generates the corpus (benchmarks.corpus), then loads it into one new database in steps
of ``--step-articles`` with the real loader, and prints one JSON line per step:
articles/s end to end and store side (resolve + write of extracted articles, extraction
excluded), the fan-out (candidates each mention was compared with: mean, p99, max),
peak RSS, and a check against the corpus ground truth (stored events and experts
exactly the pool's so far; claims at most the distinct statements). A last line gives
the last step's rates over the first's.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from benchmarks.corpus import Article, generate_articles
from benchmarks.ingest import peak_rss_mb
from benchmarks.store import DEFAULT_POSTGRES, database_url
from eventstore import migrations
from eventstore.db import make_engine
from eventstore.load.loader import LoadOptions, load_paths


def fanout(histogram: Counter[int]) -> dict[str, float]:
    """Mean, 99th percentile and maximum of a histogram of candidates per mention."""
    total = sum(histogram.values())
    if not total:
        return {"mentions": 0, "mean": 0.0, "p99": 0, "max": 0}
    mean = sum(size * n for size, n in histogram.items()) / total
    seen, p99 = 0, 0
    for size in sorted(histogram):
        seen += histogram[size]
        if seen >= 0.99 * total:
            p99 = size
            break
    return {"mentions": total, "mean": round(mean, 2), "p99": p99, "max": max(histogram)}


class Truth:
    """What a correct load of the articles so far holds."""

    def __init__(self) -> None:
        self.events: set[int] = set()
        self.experts: set[int] = set()
        self.statements: set[str] = set()

    def add(self, article: Article) -> None:
        self.events |= {mention.event_id for mention in article.events}
        self.experts.add(article.expert_id)
        self.experts |= {claim.expert_id for claim in article.claims}
        self.statements |= {claim.statement_id for claim in article.claims}

    def check(self, engine: Engine) -> dict[str, Any]:
        with engine.connect() as connection:
            stored = {
                table: int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
                for table in ("events", "experts", "claims")
            }
        ok = (
            stored["events"] == len(self.events)
            and stored["experts"] == len(self.experts)
            and stored["claims"] <= len(self.statements)
        )
        truth = {"events": len(self.events), "experts": len(self.experts)}
        return {"stored": stored, "truth": truth, "statements": len(self.statements), "ok": ok}


def _write_step(folder: Path, articles: list[Article]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles:
        path = folder / f"{article.stem}.txt"
        path.write_text(article.text, encoding="utf-8", newline="\n")
        (folder / f"{article.stem}.json").write_text(json.dumps(article.sidecar) + "\n")
        paths.append(path)
    return paths


def run(args: argparse.Namespace) -> list[dict[str, Any]]:
    url, _ = database_url(args.database, "grow", args.server, args.dir, reuse=False)
    migrations.upgrade(url)
    engine = make_engine(url)
    truth, lines = Truth(), []
    corpus = generate_articles(args.steps * args.step_articles, args.seed)
    options = LoadOptions(batch_size=args.batch_size, workers=args.workers)
    with tempfile.TemporaryDirectory() as scratch:
        for step in range(1, args.steps + 1):
            articles = [next(corpus) for _ in range(args.step_articles)]
            for article in articles:
                truth.add(article)
            paths = _write_step(Path(scratch) / f"step{step}", articles)
            started = time.perf_counter()
            totals = load_paths(engine, paths, options=options).totals
            seconds = time.perf_counter() - started
            line = {
                "step": step,
                "stored": step * args.step_articles,
                "articles_per_s": round(len(paths) / seconds, 1),
                "store_side_per_s": round(len(paths) / totals.write_s, 1),
                "resolve_s": round(totals.resolve_s, 2),
                "write_s": round(totals.write_s - totals.resolve_s, 2),
                "extract_s": round(totals.extract_s, 2),
                "fanout": fanout(totals.fanout),
                "peak_rss_mb": peak_rss_mb(),
                "truth": truth.check(engine),
            }
            print(json.dumps(line), flush=True)
            lines.append(line)
    first, last = lines[0], lines[-1]
    ratios = {
        "end_to_end_last_vs_first": round(last["articles_per_s"] / first["articles_per_s"], 2),
        "store_side_last_vs_first": round(last["store_side_per_s"] / first["store_side_per_s"], 2),
        "truth_ok_every_step": all(line["truth"]["ok"] for line in lines),
    }
    print(json.dumps(ratios), flush=True)
    engine.dispose()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--step-articles", type=int, default=10_000)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--server", default=DEFAULT_POSTGRES, help="PostgreSQL server URL.")
    parser.add_argument("--dir", type=Path, default=Path("bench"), help="SQLite file folder.")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--workers", type=int, default=1)
    run(parser.parse_args())


if __name__ == "__main__":
    main()
