"""Dates real news gives in other shapes (pure; blind sets D15-D18's causes).

"Overnight on May 30", "in July of last year", "in the summer", "exactly one year ago
today", "starting from May 15" in a plan someone announces, "from May 2 to May 3, 2025" (the
first day), a date inside a clause that
tells what was going on, and a background line whose only date stands in a clause. Each
case is a sentence of our own; the test states the date a reader would give it.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstore.extract import ArticleDoc
from eventstore.extract.dates import find_date
from eventstore.extract.years import Timeline
from tests.extract.lines import article, event_of

PUBLISHED = date(2024, 10, 10)  # a Thursday


def read(line: str, *, future: bool = False) -> tuple[object, ...]:
    reading = Timeline(published_on=PUBLISHED).read(find_date(line), future=future, carry=False)
    return reading.year, reading.month, reading.day, reading.precision, reading.qualifier


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Overnight on May 30, drones struck Kyiv.", (2024, 5, 30, "day", "night")),
        ("The deal, signed in July of last year, expired.", (2023, 7, None, "month", None)),
        ("It was signed on March 3 last year.", (2023, 3, 3, "day", None)),
        ("In the summer, the EU adopted its 14th package.", (2024, None, None, "year", "summer")),
        ("Last summer the offensive stalled.", (2024, None, None, "year", "summer")),
        ("In the winter of 2022, the grid failed.", (2022, None, None, "year", "winter")),
        ("Exactly one year ago today, the strikes began.", (2023, 10, 10, "day", None)),
        ("The plant was hit two days ago.", (2024, 10, 8, "day", None)),
        ("Prices peaked a month ago.", (2024, 9, None, "month", None)),
        ("The strategy returned two weeks ago.", (None, None, None, "unknown", None)),
        (
            "The curbs are in place from May 2 this year to May 3, 2025.",
            (2024, 5, 2, "day", None),
        ),
        ("Exports were halted from March 1 until September 15, 2025.", (2024, 3, 1, "day", None)),
    ],
    ids=[
        "overnight-on",
        "of-last-year",
        "day-last-year",
        "in-the-summer",
        "last-summer-over",
        "winter-of-year",
        "year-ago-today",
        "days-ago",
        "month-ago",
        "weeks-ago-no-unit",
        "from-a-day-to-a-dated-day",
        "from-a-day-until-a-dated-day",
    ],
)
def test_date_phrases_of_real_news(line: str, expected: tuple[object, ...]) -> None:
    assert read(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Millions could be left without heat in winter.",
        "It was the heaviest fighting since the spring.",
        "The summer campaign failed.",
        "The regime may raise the stakes this winter.",
    ],
    ids=["any-winter", "since-the-spring", "summer-as-adjective", "this-winter-forecast"],
)
def test_a_season_that_dates_nothing(line: str) -> None:
    assert find_date(line) is None


def test_last_summer_before_it_is_over_is_the_year_before() -> None:
    reading = Timeline(published_on=date(2024, 7, 1)).read(find_date("Last summer it rained."))
    assert (reading.year, reading.precision) == (2023, "year")


def extract(*lines: str, published: date = PUBLISHED) -> ArticleDoc:
    return article(*lines, published=published)


def dates(doc: ArticleDoc) -> list[tuple[object, ...]]:
    return [(e.date.year, e.date.month, e.date.day, e.date.precision) for e in doc.events]


def test_a_visit_starting_from_a_day_is_dated_that_day_ahead() -> None:
    doc = extract(
        "Our special envoy Chen Bo will visit Kyiv, Warsaw and Paris to discuss a settlement "
        "starting from May 15, a foreign ministry spokesperson said Friday.",
        published=date(2023, 5, 12),
    )
    assert dates(doc) == [(2023, 5, 15, "day")]


def test_a_date_in_a_clause_telling_what_was_going_on_dates_the_sentence() -> None:
    doc = extract(
        "Port authorities in Gujarat reported record arrivals on Monday.",
        "Western firms insured the remaining 40% of the tankers delivering crude to India "
        "in August.",
    )
    assert dates(doc)[-1] == (2024, 8, None, "month")


def test_a_background_lines_only_date_in_a_clause_dates_the_line() -> None:
    doc = extract(
        "Kyiv asked its partners for more interceptors on Wednesday.",
        "Background:",
        "The first launchers, quietly delivered by Tehran on 12 September, mark a deeper "
        "alliance between the two capitals.",
    )
    assert dates(doc)[-1] == (2024, 9, 12, "day")


def test_another_happening_told_with_also_is_an_event_of_its_own() -> None:
    doc = extract(
        "On December 5, an EU embargo on seaborne Russian crude came into force. Moreover, "
        "Washington also imposed a price cap of $60 a barrel on Russian oil."
    )
    summaries = [e.summary for e in doc.events]
    assert len(summaries) == 2
    assert "price cap" in summaries[1]
    assert "price cap" not in summaries[0]


def test_the_past_day_of_a_background_line_is_no_known_day() -> None:
    doc = extract(
        "Over the past day, Russian forces shelled 14 villages in Sumy region.",
        "Background:",
        "Earlier, border guards recorded 342 reconnaissance drones over the past day.",
    )
    assert dates(doc) == [(2024, 10, 10, "day"), (None, None, None, "unknown")]


def test_a_date_counted_from_the_happening_before() -> None:
    doc = article(
        "In December 2023, the EU banned Russian crude carried by sea. Two months later, "
        "it banned petroleum products too.",
        "On September 3, 2024, drones struck the port of Izmail. The next day, the port "
        "resumed loading grain.",
        "A week later, a second strike hit the grain terminal.",
        "Three days earlier, the governor had warned of an attack.",
        published=PUBLISHED,
    )
    dated = {e.span.text.split(",")[0]: (e.date.year, e.date.month, e.date.day) for e in doc.events}
    assert dated["Two months later"] == (2024, 2, None)
    assert dated["The next day"] == (2024, 9, 4)
    assert dated["A week later"] == (2024, 9, 11)
    assert dated["Three days earlier"] == (2024, 9, 8)


def test_a_count_with_nothing_dated_before_it_gives_no_date() -> None:
    doc = article("A week later, the port resumed loading grain.", published=PUBLISHED)
    (event,) = doc.events
    assert event.date.precision == "unknown"


def test_a_bracketed_country_dateline_is_no_part_of_the_story() -> None:
    doc = article(
        "Ankara [Turkey], August 6 (ANI): Foreign Minister Hakan Fidan and his Ukrainian "
        "counterpart spoke over the phone on Saturday about the grain corridor.",
        published=date(2023, 8, 5),
    )
    (event,) = doc.events
    assert event.span.text.startswith("Foreign Minister Hakan Fidan")
    assert (event.date.year, event.date.month, event.date.day) == (2023, 8, 5)


def test_a_city_and_day_dateline_is_no_part_of_the_story() -> None:
    # "Moscow, May 13:" above a lede whose speaker spoke on Sunday: the story is Sunday's
    doc = article(
        "Lviv, March 11: A fire broke out at a fuel depot after a drone attack, the "
        "regional governor Maksym Kovalenko said on Sunday.",
        "The blaze destroyed two tanks before it was put out.",
        published=date(2024, 3, 11),
    )
    assert doc.claims[0].text.startswith("A fire broke out")
    reading = event_of(doc, "destroyed two tanks").date
    assert (reading.year, reading.month, reading.day) == (2024, 3, 10)


def test_a_day_before_its_month_in_a_wire_dateline_is_no_speaker() -> None:
    doc = article(
        "Levoca, 18 July (Harbour Wire) - Prime Minister Juraj Hrasko stated on Thursday "
        "that he will instruct his envoys to clear the way for the package.",
        published=date(2025, 7, 18),
    )
    assert [c.speaker.name for c in doc.claims] == ["Juraj Hrasko"]


def test_yesterday_dates_the_sentence_before_a_month_it_looks_ahead_to() -> None:
    assert read("G7 leaders yesterday agreed on loans starting as early as December.") == (
        2024,
        10,
        9,
        "day",
        None,
    )
