"""Reload of an unchanged corpus: ``python -m benchmarks.reload --files 20000``.

What a scheduled job pays to load the same folder again when nothing in it changed.
Writes the deterministic corpus (``benchmarks.corpus``: one ``.txt`` and its ``.json``
sidecar per article) unless ``DIR/corpus_N_SEED`` is there, loads it into a store of its
own per dialect (kept between runs: ``DIR/reload_N_FILL.db``, database
``bench_reload_N_FILL``), then times, on each dialect:

- ``reread``: a load that reads and hashes every file (``LoadOptions(reread=True)``,
  ``eventstore load --reread``), what every reload did before revision 0009; it also
  records every file's size and time;
- ``reload``: the same load trusting size and modification time (the default), best of
  ``--repeat``.

Each is ``load_paths`` end to end, as ``eventstore load DIR`` runs it (schema check, run
row, finding the files, stat, look-ups, run totals). files/s counts article files (a
sidecar is read with its article, not counted). Prints one JSON object.

``--fill stub`` (the default) fills the store through the real loader with extraction
replaced by the title and metadata alone (no claims, events or experts): real extraction
of 20,000 articles takes many minutes, and neither reload extracts or reads a mention
(they read files, ``input_files`` and ``articles`` by key). ``--fill real`` extracts.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import eventstore.load.extractor
from benchmarks.corpus import write_corpus
from benchmarks.ingest import peak_rss_mb
from benchmarks.store import DEFAULT_POSTGRES, database_url
from eventstore import migrations
from eventstore.db import make_engine
from eventstore.extract import ArticleDoc
from eventstore.load.extractor import Job, Result
from eventstore.load.loader import LoadOptions, LoadReport, load_paths


def corpus(folder: Path, files: int, seed: int) -> Path:
    """The corpus of ``files`` articles, written once."""
    path = folder / f"corpus_{files}_{seed}"
    if not (path / ".complete").exists():
        write_corpus(path, files, seed)
        (path / ".complete").write_text("ok")
    return path


def titles_only(jobs: Sequence[Job], today: date) -> list[Result]:
    """Extraction for ``--fill stub``: the title line, the text and the metadata."""
    del today
    return [
        ArticleDoc(
            external_id=external_id,
            title=text.split("\n", 1)[0],
            body=text,
            url=meta.url,
            outlet=meta.outlet,
            category=meta.category,
            language=meta.language or "en",
            published_on=meta.published_on,
        )
        for text, external_id, meta in jobs
    ]


def timed(engine: Any, path: Path, options: LoadOptions) -> tuple[LoadReport, float]:
    started = time.perf_counter()
    report = load_paths(engine, [path], options=options)
    return report, time.perf_counter() - started


def figures(report: LoadReport, seconds: float) -> dict[str, Any]:
    totals = report.totals
    return {
        "seconds": round(seconds, 3),
        "files_per_s": round(totals.files_seen / seconds, 1),
        "files": totals.files_seen,
        "unchanged": totals.unchanged,
        "unread": totals.unread,
        "added": totals.added,
        "updated": totals.updated,
    }


def run_dialect(args: argparse.Namespace, dialect: str, path: Path) -> dict[str, Any]:
    """Fill the store once, then time a reread and the reloads."""
    url, fresh = database_url(dialect, f"reload_{args.files}_{args.fill}", args.url, args.dir)
    migrations.upgrade(url)
    engine = make_engine(url)
    # The stub replaces extraction in this process: no worker processes.
    workers = args.workers if args.fill == "real" else 1
    options = LoadOptions(batch_size=args.batch_size, workers=workers)
    result: dict[str, Any] = {"database": dialect, "fill": args.fill, "store_was_empty": fresh}
    if fresh:
        real = eventstore.load.extractor.extract_all
        if args.fill == "stub":
            eventstore.load.extractor.extract_all = titles_only
        try:
            report, seconds = timed(engine, path, options)
        finally:
            eventstore.load.extractor.extract_all = real
        result["first_load"] = figures(report, seconds)
    report, seconds = timed(engine, path, LoadOptions(batch_size=args.batch_size, reread=True))
    result["reread"] = figures(report, seconds)
    best: tuple[LoadReport, float] | None = None
    for _ in range(args.repeat):
        report, seconds = timed(engine, path, LoadOptions(batch_size=args.batch_size))
        if best is None or seconds < best[1]:
            best = report, seconds
    if best is None:
        raise SystemExit("--repeat must be at least 1")
    result["reload"] = figures(*best)
    result["reload_vs_reread"] = round(result["reread"]["seconds"] / best[1], 1)
    engine.dispose()
    return result


def main() -> None:
    """Parse arguments, run, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--database", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--url", default=DEFAULT_POSTGRES, help="PostgreSQL server to use")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--workers", type=int, default=1, help="for a real first load")
    parser.add_argument("--fill", choices=("stub", "real"), default="stub")
    parser.add_argument("--repeat", type=int, default=3, help="reloads timed (the best)")
    parser.add_argument("--dir", type=Path, default=Path(".bench"))
    args = parser.parse_args()
    path = corpus(args.dir, args.files, args.seed)
    dialects = ("sqlite", "postgresql") if args.database == "both" else (args.database,)
    results = [run_dialect(args, dialect, path) for dialect in dialects]
    print(
        json.dumps(
            {"files": args.files, "results": results, "peak_rss_mb": peak_rss_mb()}, indent=2
        )
    )


if __name__ == "__main__":
    main()
