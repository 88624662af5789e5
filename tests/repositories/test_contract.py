"""One contract suite for every repository, on SQLite and PostgreSQL.

The data is set up by raw SQL inserts, not by the loader, so these tests do not depend on
the code that writes; each answer is checked against what the inserts say.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from eventstore.db import make_sessionmaker
from eventstore.errors import NotFound
from eventstore.models import Model
from eventstore.repositories import (
    ArticleRepository,
    ClaimRepository,
    EventRepository,
    ExpertRepository,
    RunRepository,
    SourceRepository,
    StatsRepository,
)

BODIES = {
    "a1": "Artillery talk\nKatkov believes that China can use the DPRK.\n"
    '"Artillery matters, according to Military Balance," Katkov said.\n'
    "On August 31, sanctions were imposed on two citizens.\n"
    "In early August, the White House accused Russia of buying munitions.",
    "a2": "Second article\n"
    '"Artillery matters, according to Military Balance," Katkov said.\n'
    "On August 31, sanctions were imposed on two citizens.\n"
    "On September 13, the leaders met at the Vostochny Cosmodrome.",
    "a3": "Third article\nEarlier, John Kirby said that talks were progressing.\n"
    "In 2022, a treaty was signed by the two states.\n"
    "Subsequently, talks were progressing fast between them.",
}


def _span(article: str, phrase: str) -> tuple[int, int]:
    start = BODIES[article].index(phrase)
    return start, start + len(phrase)


def _insert_world(engine: Engine) -> None:
    rows: list[tuple[str, dict[str, Any]]] = [
        (
            "INSERT INTO sources (id, name, key, kind) VALUES (:id, :name, :key, :kind)",
            {"id": 1, "name": "Espreso TV", "key": "espreso tv", "kind": "outlet"},
        ),
        (
            "INSERT INTO sources (id, name, key, kind) VALUES (:id, :name, :key, :kind)",
            {"id": 2, "name": "White House", "key": "white house", "kind": "government"},
        ),
        (
            "INSERT INTO sources (id, name, key, kind) VALUES (:id, :name, :key, :kind)",
            {"id": 3, "name": "Military Balance", "key": "military balance", "kind": "publication"},
        ),
        (
            "INSERT INTO experts (id, name, key, kind, role, affiliation) "
            "VALUES (:id, :name, :key, :kind, :role, :aff)",
            {
                "id": 1,
                "name": "Oleh Katkov",
                "key": "oleh katkov",
                "kind": "expert",
                "role": "editor-in-chief",
                "aff": "Defense Express",
            },
        ),
        (
            "INSERT INTO experts (id, name, key, kind, role, affiliation) "
            "VALUES (:id, :name, :key, :kind, :role, :aff)",
            {
                "id": 2,
                "name": "John Kirby",
                "key": "john kirby",
                "kind": "official",
                "role": "spokesman",
                "aff": "White House",
            },
        ),
        (
            "INSERT INTO ingestion_runs (id, status, extractor_version, files_seen, failed) "
            "VALUES (1, 'partial', 'test', 4, 1)",
            {},
        ),
        (
            "INSERT INTO ingestion_errors (run_id, path, code, reason) "
            "VALUES (1, 'bad.txt', 'empty', 'empty: no text')",
            {},
        ),
    ]
    articles = [
        ("a1", 1, 1, date(2023, 9, 1)),
        ("a2", 2, 1, date(2023, 9, 5)),
        ("a3", 3, None, None),
    ]
    for external_id, article_id, featured, published in articles:
        rows.append(
            (
                "INSERT INTO articles (id, external_id, source_id, featured_expert_id, title, "
                "body, published_on, content_hash, extractor_version, run_id) "
                "VALUES (:id, :eid, 1, :featured, :title, :body, :published, 'h', 'test', 1)",
                {
                    "id": article_id,
                    "eid": external_id,
                    "featured": featured,
                    "title": BODIES[external_id].split("\n")[0],
                    "body": BODIES[external_id],
                    "published": published,
                },
            )
        )
    events = [
        (1, 2023, 8, 31, "day", None, "Sanctions were imposed on two citizens."),
        (2, 2023, 8, None, "month", "early", "The White House accused Russia of buying."),
        (3, None, 9, 13, "day", None, "The leaders met at the Vostochny Cosmodrome."),
        (4, None, None, None, "unknown", None, "Talks were progressing fast between them."),
        (5, 2022, None, None, "year", None, "A treaty was signed by the two states."),
    ]
    for event_id, year, month, day, precision, qualifier, summary in events:
        rows.append(
            (
                "INSERT INTO events (id, year, month, day, date_precision, date_qualifier, "
                "summary) VALUES (:id, :y, :m, :d, :p, :q, :s)",
                {
                    "id": event_id,
                    "y": year,
                    "m": month,
                    "d": day,
                    "p": precision,
                    "q": qualifier,
                    "s": summary,
                },
            )
        )
    event_mentions = [
        (1, 1, "a1", "On August 31, sanctions were imposed on two citizens."),
        (2, 1, "a2", "On August 31, sanctions were imposed on two citizens."),
        (3, 2, "a1", "In early August, the White House accused Russia of buying munitions."),
        (4, 3, "a2", "On September 13, the leaders met at the Vostochny Cosmodrome."),
        (5, 4, "a3", "Subsequently, talks were progressing fast between them."),
        (6, 5, "a3", "In 2022, a treaty was signed by the two states."),
    ]
    article_ids = {"a1": 1, "a2": 2, "a3": 3}
    for mention_id, event_id, article, phrase in event_mentions:
        start, end = _span(article, phrase)
        rows.append(
            (
                "INSERT INTO event_mentions (id, event_id, article_id, start_offset, end_offset, "
                "text, date_precision, match_method) "
                "VALUES (:id, :e, :a, :s, :t, :x, 'day', 'new')",
                {
                    "id": mention_id,
                    "e": event_id,
                    "a": article_ids[article],
                    "s": start,
                    "t": end,
                    "x": phrase,
                },
            )
        )
    rows.append(
        (
            "INSERT INTO event_sources (event_id, mention_id, source_id, role) "
            "VALUES (1, 1, 2, 'reported_by')",
            {},
        )
    )
    claims = [
        (1, 1, "quote", "Artillery matters, according to Military Balance"),
        (2, 1, "summary", "China can use the DPRK"),
        (3, 2, "paraphrase", "talks were progressing"),
    ]
    for claim_id, expert_id, kind, claim_text in claims:
        rows.append(
            (
                "INSERT INTO claims (id, expert_id, kind, text, text_key) "
                "VALUES (:id, :x, :k, :t, :key)",
                {"id": claim_id, "x": expert_id, "k": kind, "t": claim_text, "key": f"k{claim_id}"},
            )
        )
    claim_mentions = [
        (1, 1, "a1", "Artillery matters, according to Military Balance", "body"),
        (2, 1, "a2", "Artillery matters, according to Military Balance", "body"),
        (3, 2, "a1", "China can use the DPRK", "lede"),
        (4, 3, "a3", "talks were progressing", "background"),
    ]
    for mention_id, claim_id, article, phrase, section in claim_mentions:
        start, end = _span(article, phrase)
        rows.append(
            (
                "INSERT INTO claim_mentions (id, claim_id, article_id, start_offset, end_offset, "
                "text, section, match_method) VALUES (:id, :c, :a, :s, :t, :x, :sec, 'new')",
                {
                    "id": mention_id,
                    "c": claim_id,
                    "a": article_ids[article],
                    "s": start,
                    "t": end,
                    "x": phrase,
                    "sec": section,
                },
            )
        )
    rows.append(
        (
            "INSERT INTO claim_sources (claim_id, mention_id, source_id, role) "
            "VALUES (1, 1, 3, 'cited')",
            {},
        )
    )
    # Provenance: the other mentions keep the defaults ('legacy', 1.0).
    for table, step, confidence in (
        ("event_mentions", "timeline.dated_line", 0.75),
        ("claim_mentions", "quote.cue_after", 0.5),
    ):
        rows.append(
            (
                f"UPDATE {table} SET extracted_by = :step, confidence = :c WHERE id = 2",
                {"step": step, "c": confidence},
            )
        )
    with engine.begin() as connection:
        for sql, params in rows:
            connection.execute(text(sql), params)
        if engine.dialect.name == "postgresql":
            # Explicit ids do not advance PostgreSQL's sequences; later inserts would collide.
            for table in ("sources", "experts", "articles", "events", "claims"):
                connection.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 100)")
                )


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session over the raw-inserted world."""
    _insert_world(engine)
    with make_sessionmaker(engine)() as session:
        yield session


def _no_orm(value: Any) -> None:
    """Results are plain pydantic models all the way down, never ORM rows."""
    if isinstance(value, BaseModel):
        assert isinstance(value, Model)
        for field in type(value).model_fields:
            _no_orm(getattr(value, field))
    elif isinstance(value, list | tuple):
        for item in value:
            _no_orm(item)
    else:
        assert isinstance(value, str | int | float | bool | date | dict | type(None)), value


def test_timeline_orders_by_date_then_unknown_year_then_undated(session: Session) -> None:
    page = EventRepository(session).timeline()
    assert [e.event_id for e in page.items] == [5, 2, 1, 3, 4]
    assert [e.date_label for e in page.items] == ["2022", "2023-08", "2023-08-31", "--09-13", None]
    assert page.next_after is None
    _no_orm(page)


def test_timeline_pages_with_a_cursor(session: Session) -> None:
    repository = EventRepository(session)
    seen = []
    page = repository.timeline(limit=2)
    while True:
        seen.append([e.event_id for e in page.items])
        if page.next_after is None:
            break
        page = repository.timeline(limit=2, after=page.next_after)
    assert seen == [[5, 2], [1, 3], [4]]


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({"start": date(2023, 8, 1), "end": date(2023, 8, 31)}, [2, 1]),
        ({"start": date(2023, 8, 15)}, [2, 1]),  # August overlaps the range
        ({"end": date(2022, 12, 31)}, [5]),
        ({"min_articles": 2}, [1]),
        ({"search": "sanction"}, [1]),
        ({"source": "the White House"}, [1]),
        ({"expert": "katkov"}, [2, 1, 3]),
    ],
    ids=["august", "from-mid-august", "until-2022", "corroborated", "search", "source", "expert"],
)
def test_timeline_filters(session: Session, arguments: dict[str, Any], expected: list[int]) -> None:
    assert [e.event_id for e in EventRepository(session).timeline(**arguments).items] == expected


def test_event_detail_has_every_mention_and_source(session: Session) -> None:
    detail = EventRepository(session).get(1)
    counts = (detail.article_count, detail.mention_count, detail.source_names)
    assert counts == (2, 2, ("White House",))
    assert [(m.external_id, m.article_title) for m in detail.mentions] == [
        ("a1", "Artillery talk"),
        ("a2", "Second article"),
    ]
    body = BODIES["a1"]
    first = detail.mentions[0]
    assert body[first.start_offset : first.end_offset] == first.text
    assert [(m.extracted_by, m.confidence) for m in detail.mentions] == [
        ("legacy", 1.0),
        ("timeline.dated_line", 0.75),
    ]
    assert [(s.name, s.role) for s in detail.source_links] == [("White House", "reported_by")]
    _no_orm(detail)
    with pytest.raises(NotFound):
        EventRepository(session).get(999)


def test_corroborated_events(session: Session) -> None:
    assert [e.event_id for e in EventRepository(session).corroborated(2)] == [1]
    assert [e.event_id for e in EventRepository(session).corroborated(1)][:1] == [1]


def test_claim_search_ranks_full_text_matches(session: Session) -> None:
    hits = ClaimRepository(session).search("military balance")
    assert [(h.claim_id, h.expert_name, h.source_names) for h in hits] == [
        (1, "Oleh Katkov", ("Military Balance",))
    ]
    assert ClaimRepository(session).search("artillery", expert="John Kirby") == []
    assert ClaimRepository(session).search("!!! ???") == []


def test_claims_by_expert_and_article(session: Session) -> None:
    repository = ClaimRepository(session)
    assert [c.claim_id for c in repository.by_expert("Oleh Katkov").items] == [1, 2]
    first = repository.by_expert("katkov", limit=1)
    assert [c.claim_id for c in first.items] == [1]
    assert first.next_after is not None
    assert [c.claim_id for c in repository.by_expert(1, after=first.next_after).items] == [2]
    assert [c.claim_id for c in repository.by_article("a1")] == [2, 1]
    assert [c.kind for c in repository.by_article(3)] == ["paraphrase"]


def test_claim_detail(session: Session) -> None:
    detail = ClaimRepository(session).get(1)
    assert detail.article_count == 2
    assert [(m.external_id, m.section) for m in detail.mentions] == [("a1", "body"), ("a2", "body")]
    assert [(m.extracted_by, m.confidence) for m in detail.mentions] == [
        ("legacy", 1.0),
        ("quote.cue_after", 0.5),
    ]
    assert [(s.name, s.role) for s in detail.source_links] == [("Military Balance", "cited")]
    _no_orm(detail)


@pytest.mark.parametrize(
    ("view", "key", "expected"),
    [
        ("v_claims", "claim_id", {1: ("legacy; quote.cue_after", 1.0), 2: ("legacy", 1.0)}),
        ("v_timeline", "event_id", {1: ("legacy; timeline.dated_line", 1.0), 2: ("legacy", 1.0)}),
    ],
    ids=["v_claims", "v_timeline"],
)
def test_views_show_how_mentions_were_found(
    session: Session, view: str, key: str, expected: dict[int, tuple[str, float]]
) -> None:
    query = text(f"SELECT {key}, extracted_by, confidence FROM {view} WHERE {key} IN (1, 2)")
    found = {row[0]: (row[1], row[2]) for row in session.execute(query)}
    assert found == expected


def test_experts(session: Session) -> None:
    repository = ExpertRepository(session)
    katkov = repository.get("OLEH  katkov")
    assert (katkov.claim_count, katkov.article_count, katkov.featured_count) == (2, 2, 2)
    assert repository.get(2).name == "John Kirby"
    assert [e.name for e in repository.list().items] == ["Oleh Katkov", "John Kirby"]
    with pytest.raises(NotFound, match="no expert named 'Nobody'"):
        repository.get("Nobody")


def test_articles(session: Session) -> None:
    repository = ArticleRepository(session)
    article = repository.get("a1")
    assert (article.outlet, article.featured_expert) == ("Espreso TV", "Oleh Katkov")
    assert (article.claim_count, article.event_count) == (2, 2)
    assert article.body == BODIES["a1"]
    assert [a.external_id for a in repository.list(outlet="espreso tv").items] == ["a1", "a2", "a3"]
    dated = repository.list(published_from=date(2023, 9, 2))
    assert [a.external_id for a in dated.items] == ["a2"]
    assert [a.external_id for a in repository.search("Vostochny cosmodrome")] == ["a2"]
    with pytest.raises(NotFound):
        repository.get("missing")


def test_sources_with_reach(session: Session) -> None:
    found = {s.name: s for s in SourceRepository(session).list().items}
    assert found["Espreso TV"].article_count == 3
    assert (found["White House"].event_count, found["White House"].citing_article_count) == (1, 1)
    assert found["White House"].reported_by_count == 1
    assert found["Military Balance"].cited_count == 1
    citing = SourceRepository(session).events_citing("white house")
    assert [e.event_id for e in citing.items] == [1]


def test_runs_and_stats(session: Session) -> None:
    runs = RunRepository(session).recent()
    assert [(r.status, [e.code for e in r.errors]) for r in runs] == [("partial", ["empty"])]
    figures = StatsRepository(session).stats()
    assert figures.counts["events"] == 5
    assert figures.counts["claims"] == 3
    assert (figures.first_event, figures.last_event, figures.runs) == ("2022", "2023-08-31", 1)


def test_results_are_frozen(session: Session) -> None:
    event = EventRepository(session).get(1)
    with pytest.raises(ValidationError):
        event.summary = "changed"  # type: ignore[misc]


def _insert_calendar(engine: Engine) -> list[tuple[int, int | None, int | None, int | None]]:
    """Forty events over 2021-2023 at every precision, with and without a year, shuffled
    ids; returns (id, year, month, day) of each."""
    rng = random.Random(7)  # noqa: S311 - test data, not secrets
    events: list[tuple[int, int | None, int | None, int | None]] = []
    for event_id in rng.sample(range(1, 200), 40):
        year = rng.choice([2021, 2022, 2023, None])
        month = rng.choice([None, *range(1, 13)]) if year else rng.choice([None, 3, 9])
        day = rng.choice([None, 1, 15, 28]) if month else None
        events.append((event_id, year, month, day))
    with engine.begin() as connection:
        for event_id, year, month, day in events:
            precision = "day" if day else "month" if month else "year" if year else "unknown"
            connection.execute(
                text(
                    "INSERT INTO events (id, year, month, day, date_precision, summary) "
                    "VALUES (:id, :y, :m, :d, :p, :s)"
                ),
                {"id": event_id, "y": year, "m": month, "d": day, "p": precision, "s": "x"},
            )
    return events


def _overlaps(
    event: tuple[int, int | None, int | None, int | None], start: date | None, end: date | None
) -> bool:
    _, year, month, day = event
    if year is None:
        return False
    first = date(year, month or 1, day or 1)
    if day:
        last = first
    elif month:
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    else:
        last = date(year, 12, 31)
    return (start is None or last >= start) and (end is None or first <= end)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (None, None),
        (date(2022, 3, 10), None),
        (None, date(2022, 6, 30)),
        (date(2022, 1, 1), date(2022, 12, 31)),
        (date(2021, 7, 15), date(2023, 2, 14)),
    ],
    ids=["all", "from", "until", "one-year", "across-years"],
)
def test_every_page_size_walks_the_same_timeline(
    engine: Engine, start: date | None, end: date | None
) -> None:
    events = _insert_calendar(engine)
    ranged = start is not None or end is not None
    chosen = [e for e in events if not ranged or _overlaps(e, start, end)]
    expected = [
        e[0]
        for e in sorted(
            chosen,
            key=lambda e: (0 if e[1] else 1 if e[2] else 2, e[1] or 0, e[2] or 0, e[3] or 0, e[0]),
        )
    ]
    with make_sessionmaker(engine)() as session:
        repository = EventRepository(session)
        for limit in (1, 3, 7, 100):
            walked: list[int] = []
            page = repository.timeline(start, end, limit=limit)
            while True:
                walked += [e.event_id for e in page.items]
                if page.next_after is None or len(walked) > len(events):
                    break
                page = repository.timeline(start, end, limit=limit, after=page.next_after)
            assert walked == expected, limit
