"""A day's part, a day counted from another, a year carried (pure): "late on Monday" and
"early on Friday" are that day with the qualifier "late" or "early", which the story's other
happenings do not take; "The day after the statement, the office said it had accepted ..."
is the day after the one told before (as "the next day" is); a year a timeline states of a
day or a month carries forward though its line tells no happening ("At the summit on 11-12
July 2025, most members backed ...", then "In June, ...").

Each case is a short article of our own in the manner of wires and Ukrainian outlets.
"""

from __future__ import annotations

from datetime import date

from tests.extract.lines import article, event_of

DAY = date(2024, 8, 6)  # a Tuesday


def test_late_on_a_weekday_is_that_day_late() -> None:
    doc = article(
        "Several explosions rang out in the capital late on Monday, witnesses said, after an "
        "air raid siren sounded.",
        published=DAY,
    )
    reading = event_of(doc, "explosions rang out").date
    assert (reading.month, reading.day, reading.qualifier) == (8, 5, "late")


def test_the_day_after_a_dated_happening_is_counted_from_it() -> None:
    doc = article(
        "On 23 January, the president announced changes to the staff of his office.",
        "The day after the statement, the presidential office said it had accepted the "
        "resignation of its deputy head.",
        published=date(2024, 1, 25),
    )
    reading = event_of(doc, "accepted the").date
    assert (reading.precision, reading.month, reading.day) == ("day", 1, 24)


def test_a_part_of_a_day_is_not_carried_to_the_rest_of_the_story() -> None:
    doc = article(
        "Several explosions rang out in the capital late on Monday, witnesses said.",
        "The attack caused three fires and damaged a school, the city administration said.",
        published=DAY,
    )
    reading = event_of(doc, "caused three fires").date
    assert (reading.month, reading.day, reading.qualifier) == (8, 5, None)


def test_a_year_stated_in_a_line_of_no_happening_carries_forward() -> None:
    doc = article(
        "The new rules took effect on September 3, according to a decision of the council.",
        "In December 2022, the bloc introduced its first limit on the price of fuel. At the "
        "summit in Vilnius on 11-12 July 2025, most members backed a lower limit, though one "
        "of them objected.",
        "In June, the ministers had asked the commission for a plan.",
        published=date(2025, 9, 3),
    )
    reading = event_of(doc, "asked the commission").date
    assert (reading.precision, reading.year, reading.month) == ("month", 2025, 6)
