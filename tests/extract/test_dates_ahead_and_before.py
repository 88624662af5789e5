"""Dates of news copy (pure): a second sentence with a month of its own is a happening of
its own, not more of the one before; "the last day of July"; "last August"; a date said
to be ahead ("is expected to be sworn in on May 7", "the summit on April 17-18 will
discuss") in the published year when it has not passed by more than a few days; a lede's
undated news in the simple past is of the published day; "has already placed" is of
some time before the story's day.

Each case is a short article of our own in the manner of wire and Ukrainian news copy.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstore.extract import ArticleDoc
from tests.extract.lines import article, event_of


def news(*lines: str, published: date) -> ArticleDoc:
    return article(*lines, published=published, outlet="Harbour Wire")


def when(doc: ArticleDoc, words: str) -> tuple[int | None, int | None, int | None, str]:
    reading = event_of(doc, words).date
    return reading.year, reading.month, reading.day, reading.precision


def test_a_sentence_with_a_month_of_its_own_is_its_own_happening() -> None:
    doc = news(
        "The lenders' mission announced on Monday that technical talks had begun.",
        "In late March, the fund's board approved a four-year loan of USD 15.6 billion. "
        "The fund's mission in Kyiv started working in late May.",
        published=date(2023, 9, 25),
    )
    assert when(doc, "board approved") == (2023, 3, None, "month")
    assert when(doc, "started working") == (2023, 5, None, "month")
    assert "started working" not in event_of(doc, "board approved").span.text


def test_the_last_day_of_a_month_and_last_august() -> None:
    doc = news(
        "On the last day of July, the first six of 40 trainer jets arrived in the country.",
        "Last August, Italy announced that it would host a donors' conference.",
        published=date(2024, 10, 4),
    )
    assert when(doc, "trainer jets arrived") == (2024, 7, 31, "day")
    assert when(doc, "host a donors' conference") == (2024, 8, None, "month")


def test_last_august_told_in_august_is_the_year_before() -> None:
    doc = news(
        "Last August, Italy announced that it would host a donors' conference.",
        published=date(2024, 8, 20),
    )
    assert when(doc, "host a donors' conference") == (2023, 8, None, "month")


@pytest.mark.parametrize(
    ("line", "published", "expected"),
    [
        # "is expected to": ahead, so the coming May, not the one before
        (
            "The re-elected president is expected to be sworn in on May 7.",
            date(2024, 3, 21),
            (2024, 5, 7, "day"),
        ),
        # written the day before it was published: this April, not next
        (
            "The special summit on April 17-18 will also discuss the air defence of cities.",
            date(2024, 4, 18),
            (2024, 4, 17, "day"),
        ),
        # long past by the published day: next year's
        (
            "The special summit on April 17-18 will also discuss the air defence of cities.",
            date(2024, 6, 18),
            (2025, 4, 17, "day"),
        ),
    ],
)
def test_a_date_said_to_be_ahead(
    line: str, published: date, expected: tuple[int, int, int, str]
) -> None:
    doc = news(line, published=published)
    (event,) = doc.events
    reading = event.date
    assert (reading.year, reading.month, reading.day, reading.precision) == expected


def test_an_undated_lede_in_the_simple_past_is_news_of_the_published_day() -> None:
    doc = news(
        "A private plane crashed in the Tver region during a flight from Moscow to St. Petersburg.",
        "All ten people on board were killed.",
        published=date(2023, 8, 23),
    )
    assert when(doc, "plane crashed") == (2023, 8, 23, "day")
    assert when(doc, "ten people on board") == (2023, 8, 23, "day")


def test_a_perfect_that_says_already_is_not_of_the_storys_day() -> None:
    doc = news(
        "Russian drones struck a grain terminal in Izmail on Sunday, the regional governor said.",
        "The harbour's insurers have already placed the port on their high-risk list.",
        published=date(2023, 7, 17),
    )
    assert when(doc, "struck a grain terminal") == (2023, 7, 16, "day")
    assert when(doc, "high-risk list") == (None, None, None, "unknown")


def test_a_ledes_happening_told_by_a_person_sets_the_storys_day() -> None:
    doc = news(
        "Ukraine's forces have launched a missile strike on the fleet's headquarters in "
        'Sevastopol, "city governor" Oleg Yarmak has said.',
        "According to the Peninsula Channel, six missiles were launched across the peninsula.",
        published=date(2023, 9, 23),
    )
    (lede,) = doc.claims
    assert lede.speaker.name == "Oleg Yarmak"
    assert lede.speaker.role == "city governor"
    assert when(doc, "six missiles") == (2023, 9, 23, "day")


def test_this_months_story_dates_its_happenings_to_the_month() -> None:
    doc = news(
        "Five regions cut their sign-on bonuses to the federal minimum late last year.",
        "However, this month, the same five regions have again raised their bonuses.",
        "Kazan, for example, restored its one-time payment to 2.1 million rubles.",
        published=date(2026, 1, 14),
    )
    assert when(doc, "restored its one-time payment") == (2026, 1, None, "month")


def test_a_day_told_as_before_the_story_is_not_the_storys_day() -> None:
    doc = news(
        "Drones struck an oil refinery in Ryazan Oblast, the General Staff reported on Feb. 24.",
        "The refinery was previously struck overnight on Jan. 24.",
        "At least five explosions were heard near the facility.",
        published=date(2025, 2, 24),
    )
    assert when(doc, "previously struck") == (2025, 1, 24, "day")
    assert when(doc, "five explosions") == (2025, 2, 24, "day")


def test_in_the_morning_is_a_part_of_the_storys_day() -> None:
    doc = news(
        "Missiles struck the fleet headquarters in Sevastopol on Friday, the governor said.",
        "In the morning, passenger ferries were suspended across the bay.",
        published=date(2023, 9, 23),
    )
    reading = event_of(doc, "passenger ferries").date
    assert (reading.year, reading.month, reading.day, reading.qualifier) == (2023, 9, 22, "morning")


def test_a_day_in_the_week_after_publication_is_that_week_not_a_year_ago() -> None:
    doc = news(
        "Russian missiles struck the port of Verkhnie on Friday, killing 12 people.",
        "March 16 has been declared a day of mourning in the region.",
        "On March 30, the harbour master closed the northern pier for repairs.",
        published=date(2024, 3, 15),
    )
    assert when(doc, "day of mourning") == (2024, 3, 16, "day")
    assert when(doc, "northern pier") == (2023, 3, 30, "day")  # two weeks on: last year's
    late = news(
        "Russian missiles struck the port of Verkhnie on Friday, killing 12 people.",
        "January 2 has been declared a day of mourning in the region.",
        published=date(2024, 12, 29),
    )
    assert when(late, "day of mourning") == (2025, 1, 2, "day")
    month = news(
        "In early January, the harbour master closed the northern pier for repairs.",
        published=date(2024, 12, 29),
    )
    assert when(month, "northern pier") == (2024, 1, None, "month")  # a month alone: the last


def test_a_meeting_being_held_on_a_weekday_is_ahead() -> None:
    doc = news(
        "European leaders met in Paris on Monday to discuss the defence of the continent.",
        "They are holding an emergency summit in Brussels on Thursday after a week of uncertainty.",
        published=date(2025, 3, 4),
    )
    assert when(doc, "met in Paris") == (2025, 3, 3, "day")
    assert when(doc, "emergency summit") == (2025, 3, 6, "day")


def test_a_day_ahead_of_a_past_happening_is_not_ahead_of_the_story() -> None:
    doc = news(
        "The president vetoed a law on aid for refugees on Monday.",
        "The president, a nationalist, promised to cut welfare benefits during the campaign "
        "ahead of his election victory on June 1.",
        published=date(2025, 8, 25),
    )
    assert when(doc, "promised to cut welfare") == (2025, 6, 1, "day")
