"""One wire story of our own, read whole (pure): every line and what a reader takes from it.

``articles/wire_belarus_drone_engines.txt`` gathers the phenomena of issue 10's set C in
one article: a deck and a page's time stamps under the title, an unnamed official in the
lede named in the next paragraph, a title noun ("The spokesperson"), "as stated by",
an institution accusing, a report dated apart from its happening, an unnamed adviser,
"According to his words", "He also expressed ...", a refusal, commentary, "last
Wednesday" on a Wednesday, and a source line. (``tests/fixtures/news`` holds 22 articles
that ``tests/load/test_gold.py`` counts; this one is scored here, without a database.)
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventstore.extract import ArticleDoc, ArticleMeta, extract_article

ARTICLE = Path(__file__).parent / "articles" / "wire_belarus_drone_engines.txt"
PUBLISHED = date(2024, 6, 5)  # a Wednesday


@pytest.fixture(scope="module")
def doc() -> ArticleDoc:
    meta = ArticleMeta(published_on=PUBLISHED, outlet="Kyiv Newswire")
    text = ARTICLE.read_text("utf-8")
    return extract_article(text, external_id=ARTICLE.stem, meta=meta, today=date(2026, 11, 30))


def _line_of(doc: ArticleDoc, anchor: str) -> tuple[int, int]:
    start = doc.body.index(anchor)
    return doc.body.rfind("\n", 0, start) + 1, doc.body.index("\n", start)


def _reading(doc: ArticleDoc, anchor: str) -> list[str]:
    """What was loaded from the line holding ``anchor``: speakers of claims, dates of
    events ("event 2024-05-28", "event unknown")."""
    first, last = _line_of(doc, anchor)
    found = [
        claim.speaker.name
        for claim in doc.claims
        if any(first <= span.start < last for span in claim.spans)
    ]
    for event in doc.events:
        if first <= event.span.start < last:
            when = event.date
            day = f"{when.year}-{when.month:02d}-{when.day:02d}" if when.day else when.precision
            found.append(f"event {day}")
    return found


LINES = [
    ("Minsk denies any transfers as Odesa counts", []),  # a deck under the title
    ("• Jun 05 2024, 14:20 ist", []),
    ("• updated: Jun 05 2024, 15:02 ist", []),
    ("quietly moving drone engines and spare parts", ["Lucas Ferrand"]),
    ("leave from depots near Baranavichy", ["Lucas Ferrand"]),
    ("still tracking these shipments", ["Lucas Ferrand"]),
    ("raise the matter with its allies", ["Lucas Ferrand"]),
    ("a contest of drones and engines", ["Lucas Ferrand"]),
    ("accused two Belarusian firms", ["US Treasury"]),
    ("launched 31 drones with the new engines", ["event 2024-05-28"]),
    ("fired more than 200 drones at Odesa this week", ["event unknown"]),
    ("sent to a laboratory in Kyiv", ["Oleh Marchuk"]),
    ("the engines carried serial numbers", ["Oleh Marchuk"]),
    ("expressed gratitude for the air defence crews", ["Oleh Marchuk"]),
    ("declined to give the exact number", []),
    ("deepened western worries", []),
    ("signed a pact on joint drone production", ["event 2024-05-29"]),
    ("This is according to the Kyiv Ledger", []),
]


@pytest.mark.parametrize(("anchor", "expected"), LINES, ids=[line[0] for line in LINES])
def test_each_line_reads_as_a_reader_would(
    doc: ArticleDoc, anchor: str, expected: list[str]
) -> None:
    assert _reading(doc, anchor) == expected


def test_sources_are_the_ones_named(doc: ArticleDoc) -> None:
    pact = next(e for e in doc.events if "joint drone production" in e.span.text)
    assert [s.name for s in pact.sources] == ["Kyiv Ledger"]  # from the source line after it
    adviser = next(e for e in doc.events if "200 drones" in e.span.text)
    assert [s.name for s in adviser.sources] == ["senior adviser to President Volodymyr Zelensky"]
    names = {s.name for item in (*doc.claims, *doc.events) for s in item.sources}
    assert not names & {"his words", "US Treasury on Wednesday", "Zelensky"}


def test_people_keep_their_roles(doc: ArticleDoc) -> None:
    people = {c.speaker.name: (c.speaker.role, c.speaker.affiliation) for c in doc.claims}
    assert people["Lucas Ferrand"] == ("spokesperson", "White House National Security Council")
    assert people["Oleh Marchuk"] == ("Odesa Governor", None)
    assert "Volodymyr Zelensky" not in people
