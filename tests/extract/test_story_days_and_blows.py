"""The day of a story told through a speaker, seasons counted back, and happenings that
read like stances (pure): a lede "X detained a tanker, the prime minister said Friday"
dates what the story tells after it; what "will" happen is of no day yet; "last fall" in
January is the autumn just gone; "slammed into a building" is a blow, "set fire to" a
happening; a source named with no comma before the sentence runs on; a title, then the
name after its comma.

Each case is a short article of our own in the manner of wire and broadcaster copy.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc, EventDoc
from tests.extract.lines import article, claim_of, event_of

FRIDAY = date(2025, 4, 11)


def news(*lines: str, published: date = FRIDAY) -> ArticleDoc:
    return article(*lines, published=published, outlet="Baltic Wire")


def day(event: EventDoc) -> tuple[int | None, int | None, int | None, str]:
    return event.date.year, event.date.month, event.date.day, event.date.precision


def test_a_lede_told_on_a_day_dates_the_story_after_it() -> None:
    doc = news(
        "Latvian border guards detained and boarded a tanker of Russia's shadow fleet in the "
        "Gulf of Riga, Prime Minister Anna Ozola said Friday.",
        "The vessel was held near the port of Ventspils in an operation involving two helicopters.",
    )
    assert day(event_of(doc, "was held near the port")) == (2025, 4, 11, "day")


def test_what_will_happen_takes_no_day_of_the_story() -> None:
    doc = news(
        "Russian drones struck the port of Odesa on Friday, killing two people, the governor said.",
        "The damaged berths will be closed for a month, according to The Odesa Herald.",
    )
    assert day(event_of(doc, "will be closed")) == (None, None, None, "unknown")


def test_last_fall_in_january_is_the_autumn_just_gone() -> None:
    doc = news(
        "The captured soldier said his unit trained with Russian troops for a week last fall.",
        published=date(2025, 1, 12),
    )
    event = event_of(doc, "last fall")
    assert (event.date.year, event.date.precision, event.date.qualifier) == (
        2024,
        "year",
        "autumn",
    )


def test_a_drone_that_slammed_into_a_building_is_no_stance() -> None:
    doc = news(
        "Russian drones struck Riga's port district on Friday, officials said.",
        "One of the drones slammed into a residential building, killing three people, "
        "according to the deputy head of the city council, Martins Ozols.",
    )
    speaker = claim_of(doc, "slammed into").speaker
    assert speaker.name == "Martins Ozols"


def test_blasts_that_set_fire_to_buildings_are_a_happening() -> None:
    doc = news(
        "Russian drones struck Riga's port district on Friday, officials said.",
        "The blasts set fire to three warehouses and sent dock workers running to shelters.",
    )
    assert day(event_of(doc, "The blasts set fire")) == (2025, 4, 11, "day")


def test_a_source_named_without_a_comma_ends_where_the_clause_opens() -> None:
    doc = news(
        "According to The Baltic Times the long-range missiles, known as Iskanders, have been "
        "moved to a base near Pskov."
    )
    (event,) = doc.events
    assert [s.name.removeprefix("The ") for s in event.sources] == ["Baltic Times"]


def test_a_lede_told_on_a_day_of_something_done_before_dates_nothing_after_it() -> None:
    doc = news(
        "Latvian border guards had detained a tanker of Russia's shadow fleet in the Gulf of "
        "Riga, Prime Minister Anna Ozola said Friday.",
        "The vessel was held near the port of Ventspils in an operation involving two helicopters.",
    )
    assert day(event_of(doc, "was held near the port")) == (None, None, None, "unknown")


def test_a_date_ahead_of_the_story_and_a_term_that_expires() -> None:
    doc = news(
        "Officials in Moscow kept to a hardline stance ahead of the second round of peace "
        "talks in Istanbul on June 2.",
        "The transit contract between the two gas companies expires on December 31.",
        published=date(2025, 5, 31),
    )
    assert day(event_of(doc, "ahead of the second round")) == (2025, 6, 2, "day")
    assert day(event_of(doc, "expires on December 31")) == (2025, 12, 31, "day")


def test_a_toll_confirmed_as_it_stands_now() -> None:
    doc = news(
        "Russian missiles hit a block of flats in Riga's port district on Friday.",
        "Authorities say at least 26 people are confirmed to have been killed, many of them "
        "in this building.",
    )
    event = event_of(doc, "confirmed to have been killed")
    assert day(event) == (2025, 4, 11, "day")
    assert [s.name for s in event.sources] == ["Authorities"]
