"""Sentences that tell two happenings with two dates joined by "and", and dates inside a
clause that describes a noun (pure).

Each case is a short article of our own in the manner of Ukrainian news sites.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstore.extract import ArticleDoc, ArticleMeta, extract_article

PUBLISHED = date(2025, 7, 3)  # a Thursday


def extract(*lines: str) -> ArticleDoc:
    text = "A headline of our own\n" + "\n".join(lines) + "\n"
    meta = ArticleMeta(published_on=PUBLISHED)
    return extract_article(text, external_id="t", meta=meta, today=date(2026, 11, 30))


def days(doc: ArticleDoc) -> list[tuple[int | None, int | None]]:
    return [(e.date.month, e.date.day) for e in doc.events]


@pytest.mark.parametrize(
    ("line", "summaries", "dated"),
    [
        (
            "Russia struck Odesa on Monday and Kharkiv on Wednesday, killing nine people.",
            ["Russia struck Odesa on Monday", "Russia struck Kharkiv on Wednesday, killing nine"],
            [(6, 30), (7, 2)],
        ),
        (
            "Drones violated the airspace of Romania on June 20 and Moldova on June 21, the "
            "two governments said.",
            [
                "Drones violated the airspace of Romania on June 20",
                "Drones violated the airspace of Moldova on June 21",
            ],
            [(6, 20), (6, 21)],
        ),
        (
            "Russian forces shelled Kherson on Monday and launched drones at Sumy on Tuesday.",
            ["Russian forces shelled Kherson on Monday", "Russian forces launched drones at Sumy"],
            [(6, 30), (7, 1)],
        ),
    ],
    ids=["gapped-place", "gapped-after-a-frame", "two-verbs"],
)
def test_two_happenings_with_their_own_dates_are_two_events(
    line: str, summaries: list[str], dated: list[tuple[int, int]]
) -> None:
    doc = extract(line)
    assert days(doc) == dated
    assert [e.summary[: len(s)] for e, s in zip(doc.events, summaries, strict=True)] == summaries
    assert doc.events[0].span.end <= doc.events[1].span.start


def test_the_source_of_the_sentence_goes_to_both_events() -> None:
    doc = extract(
        "Drones violated the airspace of Romania on June 20 and Moldova on June 21, the "
        "two governments said."
    )
    assert [[s.name for s in e.sources] for e in doc.events] == [["two governments"]] * 2


@pytest.mark.parametrize(
    "line",
    [
        "Russia struck Odesa on Monday and again on Wednesday with ballistic missiles.",
        "The talks were held between June 20 and June 21 in the Swiss city of Geneva.",
    ],
    ids=["again", "a-span-of-days"],
)
def test_one_happening_over_two_days_stays_one_event(line: str) -> None:
    assert len(extract(line).events) == 1


def test_a_persons_claim_with_two_dates_stays_one_claim() -> None:
    doc = extract("Governor Oleh Kiper said Russia struck Izmail on Monday and Odesa on Wednesday.")
    assert [c.speaker.name for c in doc.claims] == ["Oleh Kiper"]
    assert doc.events == ()


@pytest.mark.parametrize(
    ("line", "dated"),
    [
        (
            "A bridge over the estuary, damaged by a missile on May 12, was hit again "
            "overnight, the regional administration said.",
            (7, 3),
        ),
        (
            "Officials said the dam, which was blown up in June 2023, had been partly rebuilt "
            "on Tuesday.",
            (7, 1),
        ),
    ],
    ids=["participle", "relative-clause"],
)
def test_a_date_inside_a_clause_describing_a_noun_is_not_the_reported_happenings(
    line: str, dated: tuple[int, int]
) -> None:
    assert days(extract(line)) == [dated]


def test_a_happening_according_to_a_person_is_their_claim_only() -> None:
    doc = extract(
        "Grain shipments through the Danube, which fell by a third in April, have since "
        "recovered, according to Daryna Osadcha, a freight analyst in Odesa."
    )
    assert [c.speaker.name for c in doc.claims] == ["Daryna Osadcha"]
    assert doc.events == ()


def test_a_clause_of_its_own_after_and_with_its_date_is_a_second_event() -> None:
    doc = extract(
        "On Monday, Russia struck Odesa with drones, and on Wednesday it hit Kharkiv with "
        "glide bombs."
    )
    assert days(doc) == [(6, 30), (7, 2)]
    assert [e.span.text for e in doc.events] == [
        "On Monday, Russia struck Odesa with drones",
        "on Wednesday it hit Kharkiv with glide bombs.",
    ]


def test_a_second_part_too_short_to_stand_alone_keeps_one_event() -> None:
    doc = extract("Russian troops captured Avdiivka in February 2024, and in November they won.")
    assert [(e.date.year, e.date.month) for e in doc.events] == [(2024, 2)]
