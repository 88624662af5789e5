"""Date phrases and the year rules of DESIGN.md (pure; no database)."""

from __future__ import annotations

from datetime import date

import pytest

from eventstore.extract.dates import find_date, leading_date
from eventstore.extract.years import Timeline

PHRASES = [
    ("On August 31, the United States", (None, 8, 31, "day", None)),
    ("In early August, the White House", (None, 8, None, "month", "early")),
    ("In July, Russian Defense Minister", (None, 7, None, "month", None)),
    ("Back on July 13, 2022, North Korea", (2022, 7, 13, "day", None)),
    ("On the evening of Friday, September 8, at a parade", (None, 9, 8, "day", "evening")),
    ("September 15, South Korea's top diplomat", (None, 9, 15, "day", None)),
    ("In January 2023, the US representative", (2023, 1, None, "month", None)),
    ("On 13 October, it became known", (None, 10, 13, "day", None)),
    ("As early as March, the US did not", (None, 3, None, "month", None)),
    ("But in April, the UK claimed", (None, 4, None, "month", None)),
    ("In mid-March, the Treasury", (None, 3, None, "month", "mid")),
    ("In late May, The Wall Street Journal", (None, 5, None, "month", "late")),
    ("At the end of June, the EU", (None, 6, None, "month", "end")),
    ("On the morning of Tuesday, May 14, 2024, the Council", (2024, 5, 14, "day", "morning")),
    ("In 2022, Russia", (2022, None, None, "year", None)),
    ("Earlier, White House spokesman", (None, None, None, "unknown", None)),
    ("Subsequently, Vladimir Putin", (None, None, None, "unknown", None)),
    ("Later, the US State Department", (None, None, None, "unknown", None)),
]


@pytest.mark.parametrize(("line", "expected"), PHRASES, ids=[p[0][:28] for p in PHRASES])
def test_leading_date_phrases(line: str, expected: tuple[object, ...]) -> None:
    reading = Timeline().read(leading_date(line))
    assert (
        reading.year,
        reading.month,
        reading.day,
        reading.precision,
        reading.qualifier,
    ) == expected


@pytest.mark.parametrize(
    "line",
    ["White House spokesman John Kirby said", "Oleh Katkov noted that", "In addition to it"],
    ids=["kirby", "katkov", "in-addition"],
)
def test_lines_without_a_date_phrase(line: str) -> None:
    assert leading_date(line) is None


def test_year_carries_forward_within_a_timeline() -> None:
    timeline = Timeline()
    lines = ["Back on July 13, 2022, x", "Later, x", "In January 2023, x", "As early as March, x"]
    readings = [timeline.read(leading_date(line)) for line in lines]
    assert [(r.year, r.year_inferred) for r in readings] == [
        (2022, False),
        (None, False),
        (2023, False),
        (2023, True),
    ]


@pytest.mark.parametrize(
    ("line", "year"),
    [("On December 5, x", 2023), ("On May 14, x", 2024), ("On June 20, x", 2024)],
    ids=["after-publication-day", "before", "same-day"],
)
def test_year_from_published_date_is_the_latest_not_after_it(line: str, year: int) -> None:
    reading = Timeline(published_on=date(2024, 6, 20)).read(leading_date(line))
    assert (reading.year, reading.year_inferred) == (year, True)


def test_without_any_year_the_year_stays_unknown() -> None:
    reading = Timeline().read(leading_date("On August 31, the United States imposed"))
    assert (reading.year, reading.year_inferred) == (None, False)


def test_weekday_resolves_against_the_published_date() -> None:
    timeline = Timeline(published_on=date(2024, 6, 5))  # a Wednesday
    monday = timeline.read(leading_date("On Monday, a strike"))
    wednesday = timeline.read(find_date("the air force said on Wednesday it shot"))
    assert (monday.month, monday.day) == (6, 3)
    assert (wednesday.month, wednesday.day, wednesday.precision) == (6, 5, "day")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("On February 30, x", "'On February 30' is not a date"),
        ("On Monday, June 4, 2024, x", "that day was not a Monday"),
    ],
    ids=["feb-30", "wrong-weekday"],
)
def test_impossible_dates_are_flagged(line: str, reason: str) -> None:
    phrase = leading_date(line)
    assert phrase is not None
    assert phrase.invalid is not None
    assert reason in phrase.invalid


def test_february_29_without_a_year_is_possible() -> None:
    phrase = leading_date("On February 29, x")
    assert phrase is not None
    assert phrase.invalid is None


@pytest.mark.parametrize(
    ("carried", "published", "year"),
    [(2023, None, None), (2024, None, 2024), (None, date(2025, 3, 10), None)],
    ids=["timeline-2023", "timeline-2024", "published-2025"],
)
def test_february_29_takes_only_a_leap_year(
    carried: int | None, published: date | None, year: int | None
) -> None:
    """A year carried from a timeline or taken from the published date that has no
    February 29 leaves the year unknown rather than give an impossible date."""
    timeline = Timeline(published_on=published, last_year=carried)
    reading = timeline.read(leading_date("On February 29, the talks resumed"))
    assert (reading.year, reading.month, reading.day) == (year, 2, 29)


@pytest.mark.parametrize(
    "line",
    [
        "Over the past day, sappers cleared 2.7 hectares",
        "In the past 24 hours, Russian forces shelled 14 villages",
    ],
    ids=["past-day", "past-24-hours"],
)
def test_a_daily_roundups_past_day_is_the_published_day(line: str) -> None:
    reading = Timeline(published_on=date(2023, 10, 1)).read(leading_date(line))
    assert (reading.year, reading.month, reading.day, reading.precision) == (2023, 10, 1, "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year before a double dash that sets off an aside
        ("following his arrest on March 29, 2023 -- the first such case", (2023, 3, 29, None)),
        (
            "first used the weapon early in the morning on November 21, 2024",
            (2024, 11, 21, "morning"),
        ),
        ("the convoy was hit in the evening of May 3", (None, 5, 3, "evening")),
    ],
)
def test_dates_with_a_double_dash_or_a_part_of_the_day_before_them(
    text: str, expected: tuple[object, ...]
) -> None:
    phrase = find_date(text)
    assert phrase is not None
    assert (phrase.year, phrase.month, phrase.day, phrase.qualifier) == expected


@pytest.mark.parametrize(
    "line",
    [
        "In Ukraine, in January-April 2023, 10,584 cases of desertion were registered.",
        "In Ukraine, in January\u2013April 2023, 10,584 cases of desertion were registered.",
        "Between January and April 2023, 10,584 cases of desertion were registered.",
        "From January to April 2023, 10,584 cases of desertion were registered.",
    ],
)
def test_months_of_one_year_date_the_year(line: str) -> None:
    reading = Timeline(published_on=date(2023, 6, 1)).read(find_date(line))
    assert (reading.year, reading.month, reading.precision) == (2023, None, "year")
