"""Read latency at scale: ``python -m benchmarks.queries --events N --database sqlite|postgresql``.

Builds (or reuses) a store with N events and about 2N event mentions, N/2 claims with
N mentions, written by bulk inserts (the loader's speed is benchmarks.ingest's job),
then times each repository query beside the same query written by hand in SQL, on the
same database, and prints one JSON object: p50/p95 in milliseconds and the ratio.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from benchmarks.store import DEFAULT_POSTGRES, database_url
from eventstore import migrations
from eventstore.db import make_engine, make_sessionmaker
from eventstore.repositories import ClaimRepository, EventRepository

WORDS = (
    "artillery drones sanctions grain ports missiles convoy ammunition shells reactor "
    "border embargo pipeline refinery satellite corridor tanker bridge airfield depot "
    "exports imports tariffs ceasefire talks summit treaty delegation parliament budget"
).split()
VOCABULARY = 20_000
# Search terms: words of frequency rank 100-999 in a Zipf vocabulary, each in roughly
# 0.1-1.5% of the claims (see "matches" in the output), as a named thing or topic is in
# real news; BROAD is the commonest word, in most of them: the worst case.
TERMS = range(100, 1_000, 9)
BROAD = 0


class Text:
    """Words drawn with Zipf's law (s = 1) from WORDS and then made-up words."""

    def __init__(self, rng: random.Random) -> None:
        syllables = [c + v for c in "bdgklmnprstvz" for v in "aeiou"]
        made_up = {
            "".join(rng.choice(syllables) for _ in range(3)) for _ in range(VOCABULARY * 2)
        } - set(WORDS)
        self.words = WORDS + sorted(made_up)[: VOCABULARY - len(WORDS)]
        self.weights = list(itertools.accumulate(1 / rank for rank in range(1, VOCABULARY + 1)))
        self.rng = rng

    def __call__(self, count: int) -> str:
        """``count`` words."""
        return " ".join(self.rng.choices(self.words, cum_weights=self.weights, k=count))


CHUNK = 5_000
SLOW = ("claim_search_broad", "corroborated_3")  # timed runs // 20 times


def _rows(count: int, make: Callable[[int], dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, count, CHUNK):
        yield [make(i) for i in range(start + 1, min(count, start + CHUNK) + 1)]


def build(engine: Engine, events: int, seed: int) -> None:
    """Fill an empty store: events over 2015-2024, two mentions each, N/2 claims."""
    rng = random.Random(seed)
    words = Text(rng)
    articles = max(1, events // 5)
    experts = max(1, events // 200)
    body = "Title\n" + words(60)

    def event(i: int) -> dict[str, Any]:
        precision = "day" if i % 4 else "month"
        return {
            "id": i,
            "year": 2015 + i % 10,
            "month": 1 + i % 12,
            "day": 1 + i % 28 if precision == "day" else None,
            "date_precision": precision,
            "summary": f"{words(12)} {i}",
        }

    def mention(i: int) -> dict[str, Any]:
        # Two mentions an event; every seventh goes to a random event, so some events
        # are reported by many articles. Offsets only need to be unique here.
        return {
            "id": i,
            "event_id": 1 + (i - 1) // 2 if i % 7 else 1 + rng.randrange(events),
            "article_id": 1 + rng.randrange(articles),
            "start_offset": i,
            "end_offset": i + 5,
            "text": "Title",
            "date_precision": "day",
            "match_method": "new",
        }

    def claim(i: int) -> dict[str, Any]:
        return {
            "id": i,
            "expert_id": 1 + i % experts,
            "kind": "quote",
            "text": words(15),
            "text_key": f"k{i}",
        }

    def claim_mention(i: int) -> dict[str, Any]:
        return {
            "id": i,
            "claim_id": 1 + (i - 1) // 2,
            "article_id": 1 + rng.randrange(articles),
            "start_offset": i,
            "end_offset": i + 5,
            "text": "Title",
            "section": "body",
            "match_method": "new",
        }

    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO sources (id, name, key, kind) VALUES (1, 'Outlet', 'outlet', 'outlet')"
            )
        )
        _insert(
            connection,
            "experts",
            _rows(
                experts,
                lambda i: {"id": i, "name": f"Expert {i}", "key": f"expert {i}", "kind": "expert"},
            ),
        )
        _insert(
            connection,
            "articles",
            _rows(
                articles,
                lambda i: {
                    "id": i,
                    "external_id": f"a{i}",
                    "source_id": 1,
                    "title": "Title",
                    "body": body,
                    "content_hash": "h",
                    "extractor_version": "bench",
                    "published_on": date(2015 + i % 10, 1 + i % 12, 1),
                },
            ),
        )
        _insert(connection, "events", _rows(events, event))
        _insert(connection, "event_mentions", _rows(2 * events, mention))
        _insert(connection, "claims", _rows(events // 2, claim))
        _insert(connection, "claim_mentions", _rows(events, claim_mention))
        if engine.dialect.name == "postgresql":
            for table in (
                "sources",
                "experts",
                "articles",
                "events",
                "event_mentions",
                "claims",
                "claim_mentions",
            ):
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    )
                )
    with engine.connect() as connection:
        connection.execute(text("ANALYZE"))
        connection.commit()


def _complete(url: str, events: int) -> bool:
    engine = make_engine(url)
    with engine.connect() as connection:
        built = connection.execute(text("SELECT count(*) FROM events")).scalar_one()
    engine.dispose()
    return bool(built == events)


def _insert(connection: Any, table: str, chunks: Any) -> None:
    for rows in chunks:
        if not rows:
            continue
        columns = list(rows[0])
        names = ", ".join(columns)
        values = ", ".join(f":{c}" for c in columns)
        connection.execute(text(f"INSERT INTO {table} ({names}) VALUES ({values})"), rows)


def _time(call: Callable[[int], Any], runs: int) -> list[float]:
    timings = []
    for i in range(runs):
        started = time.perf_counter()
        call(i)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _summary(ms: list[float]) -> dict[str, float]:
    ordered = sorted(ms)
    return {
        "p50_ms": round(statistics.median(ordered), 3),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 3),
    }


# The same questions asked by hand: what an analyst would type against the views, with
# the same columns the repositories return, on the same database.
HAND_SQL = {
    "month_timeline": """
        SELECT event_id, year, month, day, date_precision, date_qualifier, date_label,
               summary, article_count, mention_count, source_names
        FROM v_timeline WHERE date_key BETWEEN :lo AND :hi
        ORDER BY date_key, event_id LIMIT 101""",
    "claim_search_sqlite": """
        SELECT v.*, -bm25(claims_fts) AS rank FROM claims_fts
        JOIN v_claims v ON v.claim_id = claims_fts.rowid
        WHERE claims_fts MATCH :q ORDER BY rank DESC, v.claim_id LIMIT 20""",
    "claim_search_postgresql": """
        SELECT v.*, ts_rank(c.search_vector, q) AS rank
        FROM claims c JOIN v_claims v ON v.claim_id = c.id, plainto_tsquery('english', :q) q
        WHERE c.search_vector @@ q ORDER BY rank DESC, v.claim_id LIMIT 20""",
    "expert_claims": """
        SELECT * FROM v_claims WHERE expert_id = :x ORDER BY claim_id LIMIT 51""",
    "event_row": "SELECT * FROM v_timeline WHERE event_id = :e",
    "event_mentions": """
        SELECT m.*, a.external_id, a.title FROM event_mentions m
        JOIN articles a ON a.id = m.article_id WHERE m.event_id = :e
        ORDER BY a.external_id, m.start_offset""",
    "event_sources": """
        SELECT DISTINCT s.id, s.name, s.kind, l.role FROM event_sources l
        JOIN sources s ON s.id = l.source_id WHERE l.event_id = :e ORDER BY s.name, l.role""",
    # The repository's order: most reported first, then timeline order (dated by date,
    # then year unknown, then undated; ties by id).
    "corroborated": """
        SELECT t.event_id, t.year, t.month, t.day, t.date_precision, t.date_qualifier,
               t.date_label, t.summary, t.article_count, t.mention_count, t.source_names
        FROM (SELECT m.event_id, m.n,
                     CASE WHEN e.date_precision = 'unknown' THEN 2
                          WHEN e.year IS NULL THEN 1 ELSE 0 END AS g,
                     coalesce(e.year, 0) AS y, coalesce(e.month, 0) AS mo,
                     coalesce(e.day, 0) AS d
              FROM (SELECT event_id, count(DISTINCT article_id) AS n FROM event_mentions
                    GROUP BY event_id HAVING count(DISTINCT article_id) >= 3) AS m
              JOIN events e ON e.id = m.event_id
              ORDER BY m.n DESC, g, y, mo, d, m.event_id LIMIT 100) AS top
        JOIN v_timeline t ON t.event_id = top.event_id
        ORDER BY top.n DESC, top.g, top.y, top.mo, top.d, top.event_id""",
}


def _month(i: int) -> tuple[date, date]:
    year, month = 2015 + i % 10, 1 + i % 12
    return date(year, month, 1), date(year, month, 28)


def measure(engine: Engine, events: int, runs: int, seed: int) -> dict[str, Any]:
    """p50/p95 of each repository query and of its hand-written SQL twin."""
    session: Session = make_sessionmaker(engine)()
    experts = max(1, events // 200)
    search = HAND_SQL[f"claim_search_{engine.dialect.name}"]
    vocabulary = Text(random.Random(seed)).words
    terms = [vocabulary[rank] for rank in TERMS]

    def sql(name: str, **params: Any) -> list[Any]:
        return list(session.execute(text(HAND_SQL[name]), params))

    def month_keys(i: int) -> dict[str, int]:
        first, _ = _month(i)
        low = first.year * 10000 + first.month * 100
        return {"lo": low, "hi": low + 28}

    def event_id(i: int) -> int:
        return 1 + (i * 7919) % events

    cases: dict[str, tuple[Callable[[int], Any], Callable[[int], Any]]] = {
        "month_timeline": (
            lambda i: EventRepository(session).timeline(*_month(i), limit=100),
            lambda i: sql("month_timeline", **month_keys(i)),
        ),
        "claim_search": (
            lambda i: ClaimRepository(session).search(terms[i % len(terms)]),
            lambda i: list(session.execute(text(search), {"q": terms[i % len(terms)]})),
        ),
        "claim_search_broad": (
            lambda i: ClaimRepository(session).search(vocabulary[BROAD]),
            lambda i: list(session.execute(text(search), {"q": vocabulary[BROAD]})),
        ),
        "expert_claims": (
            lambda i: ClaimRepository(session).by_expert(1 + i % experts, limit=50),
            lambda i: sql("expert_claims", x=1 + i % experts),
        ),
        "event_detail": (
            lambda i: EventRepository(session).get(event_id(i)),
            lambda i: [
                sql(name, e=event_id(i))
                for name in ("event_row", "event_mentions", "event_sources")
            ],
        ),
        "corroborated_3": (
            lambda i: EventRepository(session).corroborated(3, limit=100),
            lambda i: sql("corroborated"),
        ),
    }
    report: dict[str, Any] = {}
    for name, (repository, handwritten) in cases.items():
        count = runs if name not in SLOW else max(3, runs // 20)
        repository(0), handwritten(0)  # warm caches
        mine, theirs = _summary(_time(repository, count)), _summary(_time(handwritten, count))
        report[name] = {
            **mine,
            "sql_p50_ms": theirs["p50_ms"],
            "sql_p95_ms": theirs["p95_ms"],
            "vs_sql": round(mine["p50_ms"] / max(theirs["p50_ms"], 1e-6), 2),
        }
        session.rollback()
    report["claim_search"]["matches"] = _matches(session, terms)
    report["claim_search_broad"]["matches"] = _matches(session, [vocabulary[BROAD]])
    session.close()
    return report


def _matches(session: Session, terms: list[str]) -> dict[str, int]:
    """How many claims a search term finds: min, median and max over ``terms``."""
    if session.get_bind().dialect.name == "sqlite":
        sql = "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH '\"' || :q || '\"'"
    else:
        sql = "SELECT count(*) FROM claims WHERE search_vector @@ plainto_tsquery('english', :q)"
    found = sorted(session.execute(text(sql), {"q": term}).scalar_one() for term in terms)
    return {"min": found[0], "median": found[len(found) // 2], "max": found[-1], "of": len(terms)}


def main() -> None:
    """Build or reuse the store, measure, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--url", default=DEFAULT_POSTGRES, help="PostgreSQL server to use")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=Path(".bench"))
    args = parser.parse_args()
    name = f"queries_{args.events}_{args.seed}"
    url, fresh = database_url(args.database, name, args.url, args.dir)
    if not fresh and not _complete(url, args.events):  # an earlier build was interrupted
        url, fresh = database_url(args.database, name, args.url, args.dir, reuse=False)
    engine = make_engine(url)
    built_s = 0.0
    if fresh:
        migrations.upgrade(url)
        started = time.perf_counter()
        build(engine, args.events, args.seed)
        built_s = time.perf_counter() - started
    result = {
        "database": args.database,
        "events": args.events,
        "event_mentions": 2 * args.events,
        "built_s": round(built_s, 1),
        "runs": args.runs,
        **measure(engine, args.events, args.runs, args.seed),
    }
    engine.dispose()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
