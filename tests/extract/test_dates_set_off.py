"""Dates of happenings told with other dates beside them (pure): a date set off between
dashes or brackets is an aside's, not the happening's ("breaking its record \u2014 set last
week on May 26 \u2014"); the base of a comparison is no date ("Compared to the same period
last year"); "overnight" in a report made on a stated day is that day's night; "the first
seven months of 2023" is the year 2023.

Each case is a short article of our own.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc
from tests.extract.lines import article, event_of

DAY = date(2025, 6, 2)


def news(*lines: str) -> ArticleDoc:
    return article(*lines, published=DAY, outlet="Harbour Wire")


def when(doc: ArticleDoc, words: str) -> tuple[str, int | None, int | None, int | None]:
    reading = event_of(doc, words).date
    return (reading.precision, reading.year, reading.month, reading.day)


def test_overnight_counts_from_the_day_the_report_was_made() -> None:
    doc = news(
        "Russia launched a record number of drones at Ukraine in a mass overnight attack, "
        "the air force reported on the morning of June 1."
    )
    assert when(doc, "record number of drones") == ("day", 2025, 6, 1)


def test_a_date_between_dashes_is_an_asides() -> None:
    doc = news(
        "Russia struck Kharkiv with glide bombs on Sunday, the regional governor said.",
        "Russia also attacked Ukraine with 380 drones, breaking its previous record "
        "\u2014 set just last week on May 26 \u2014 by over 60 drones.",
    )
    assert when(doc, "breaking its previous record") == ("day", 2025, 6, 1)


def test_the_base_of_a_comparison_is_no_date() -> None:
    doc = news(
        "Consumer prices in Ukraine rose 1.2% in May, the statistics service said.",
        "Compared to the same period last year, the state's revenue fell by 11.5%.",
    )
    assert when(doc, "revenue fell") == ("unknown", None, None, None)


def test_the_first_months_of_a_year_are_that_year() -> None:
    doc = news(
        "Ukraine's economy grew by 2.2% year-on-year in the first seven months of 2024, the "
        "economy ministry said on Wednesday."
    )
    assert when(doc, "grew by 2.2%") == ("year", 2024, None, None)


def test_the_night_before_a_morning_report_is_that_days() -> None:
    doc = news(
        "Russia launched a record number of drones at Ukraine in a mass overnight attack, "
        "the air force reported on the morning of June 1.",
        "Russia attacked Ukraine during the night with 472 drones and seven missiles.",
        "Air defence units shot down 210 drones, the air force said.",
    )
    assert when(doc, "472 drones") == ("day", 2025, 6, 1)
    assert when(doc, "shot down 210") == ("day", 2025, 6, 1)


def test_a_month_the_sentence_is_about() -> None:
    doc = news(
        "The government saw several reshuffles in recent months. March saw the dismissal of "
        "the infrastructure minister and the agriculture minister."
    )
    assert when(doc, "dismissal of") == ("month", 2025, 3, None)
