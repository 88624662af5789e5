"""Talks and the days they are held on (pure): "the parties discussed ..." is a meeting
held, and a lede telling one makes its day the story's; "The meeting, scheduled for Sept.
4, will be held ..." is of Sept. 4; "was expected to be finalized ... after a meeting on
Aug. 18" is no happening ahead (Aug. 18 of the published year, not the next); "Russia,
which began its invasion in February 2022, stepped up attacks in March in what Kyiv
said ..." dates the attacks by March; "Friday's planned summit" is the Friday ahead; "in the early
hours of Friday" is that Friday's night; "The IAEA confirmed an explosion" and "X confirmed
the agreement on an exchange" are news told by whoever confirmed it; a lede's promise
made "during a visit to Tallinn on Friday" makes Friday the story's day (its "by April"
is a bound).

Each case is a short article of our own in the manner of Ukrainian news sites and wires.
"""

from __future__ import annotations

from datetime import date

from tests.extract.lines import article, event_of

DAY = date(2025, 9, 3)


def day_of(event: object) -> tuple[int | None, int | None, int | None]:
    reading = event.date  # type: ignore[attr-defined]
    return reading.year, reading.month, reading.day


def test_parties_discussing_is_a_meeting_of_the_ledes_day() -> None:
    doc = article(
        "Defence Minister Oleh Marchuk has said that during the talks in Geneva, the two "
        "delegations discussed a large exchange of prisoners.",
        "Details: The parties also discussed a ceasefire and a possible meeting of the two "
        "presidents.",
        published=DAY,
    )
    assert day_of(event_of(doc, "The parties also discussed a ceasefire")) == (2025, 9, 3)


def test_a_meeting_scheduled_for_a_day_is_of_that_day() -> None:
    doc = article(
        "The meeting, scheduled for Sept. 4, will be held in a hybrid format and will be "
        "co-chaired by the French and British leaders.",
        published=DAY,
    )
    assert day_of(event_of(doc, "scheduled for Sept. 4")) == (2025, 9, 4)


def test_what_was_expected_then_puts_no_date_ahead() -> None:
    doc = article(
        "The plan was expected to be finalized within ten days following a high-level "
        "meeting at the White House on Aug. 18, which included European leaders.",
        published=DAY,
    )
    assert day_of(event_of(doc, "a high-level meeting at the White House")) == (2025, 8, 18)


def test_a_relative_clauses_date_is_not_the_main_happenings() -> None:
    doc = article(
        "Russia, which began its full-scale invasion in February 2022, stepped up attacks "
        "on the power grid in March in what Kyiv said looked like an effort to break the "
        "system before winter.",
        published=date(2024, 8, 29),
    )
    event = event_of(doc, "stepped up attacks on the power grid")
    assert (event.date.year, event.date.month) == (2024, 3)


def test_a_days_planned_summit_is_ahead() -> None:
    doc = article(
        "Friday's planned summit in Geneva between the two presidents has suddenly raised "
        "hopes of a deal, according to observers.",
        published=date(2025, 8, 13),  # a Wednesday
    )
    assert day_of(event_of(doc, "planned summit in Geneva")) == (2025, 8, 15)


def test_the_early_hours_of_a_day_are_its_night() -> None:
    doc = article(
        "Russian troops went on the offensive towards Kharkiv in the early hours of Friday, "
        "according to the Ukrainian Defence Ministry.",
        published=date(2024, 5, 10),
    )
    event = event_of(doc, "went on the offensive towards Kharkiv")
    assert day_of(event) == (2024, 5, 10)
    assert event.date.qualifier == "night"


def test_a_body_confirming_a_harm_or_an_agreement_tells_news() -> None:
    doc = article(
        "The International Atomic Energy Agency (IAEA) confirmed an explosion at the "
        "shelter over the old reactor.",
        "Details: Volodymyr Petrenko, the head of the other delegation, confirmed the "
        "agreement on a large prisoner exchange.",
        published=DAY,
    )
    blast = event_of(doc, "confirmed an explosion at the shelter")
    assert [s.name for s in blast.sources] == ["International Atomic Energy Agency"]
    assert event_of(doc, "confirmed the agreement on a large prisoner exchange")


def test_the_day_a_ledes_words_were_told_is_the_storys() -> None:
    doc = article(
        "EU Commissioner Jean Marot promised that Europe will produce a million shells a year "
        "by the start of April during a visit to Tallinn on Friday.",
        "Marot met with Prime Minister Liisa Kask to discuss the bloc's defence industry.",
        published=date(2024, 1, 19),
    )
    assert day_of(event_of(doc, "met with Prime Minister Liisa Kask")) == (2024, 1, 19)
