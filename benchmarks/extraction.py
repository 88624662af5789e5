"""Extraction throughput: ``python -m benchmarks.extraction --articles N --workers 1 2``.

Extracts N generated articles (benchmarks.corpus) with the loader's own ``Extractor``,
once per worker count, and prints articles per second overall and per worker, so the
figure for more cores can be read off the 1- and 2-worker runs. No database is touched:
this is the part of a load that runs in worker processes.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date
from typing import Any

from benchmarks.corpus import generate
from eventstore.extract import ArticleMeta
from eventstore.load.extractor import Extractor
from eventstore.load.read import RawArticle

TODAY = date(2026, 11, 30)


def raw_articles(count: int, seed: int) -> list[RawArticle]:
    """The generated corpus as the reader would hand it to extraction."""
    return [
        RawArticle(
            external_id=stem,
            text=text,
            meta=ArticleMeta.model_validate(sidecar),
            path=f"{stem}.txt",
        )
        for stem, text, sidecar in generate(count, seed)
    ]


def measure(raws: list[RawArticle], workers: int, batch: int) -> dict[str, Any]:
    """Extract ``raws`` in batches with ``workers`` processes; the figures of that run."""
    started = time.perf_counter()
    done = rejected = 0
    with Extractor(workers, TODAY) as extractor:
        for start in range(0, len(raws), batch):
            for result in extractor.submit(raws[start : start + batch])():
                done += 1
                rejected += not hasattr(result, "claims")
    seconds = time.perf_counter() - started
    return {
        "workers": workers,
        "articles": done,
        "rejected": rejected,
        "seconds": round(seconds, 2),
        "articles_per_s": round(done / seconds, 1),
        "articles_per_s_per_worker": round(done / seconds / workers, 1),
    }


def main() -> None:
    """Parse arguments, run once per worker count, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    raws = raw_articles(args.articles, args.seed)
    runs = [measure(raws, workers, args.batch_size) for workers in args.workers]
    print(json.dumps({"runs": runs}, indent=2))


if __name__ == "__main__":
    main()
