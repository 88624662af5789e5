"""Lines a story tells as before its day (pure): "Earlier, the authorities reported that
..." and "Earlier media reports suggested ..." take no day of the story, nor does a count
of a period up to now in the present perfect ("said the plant has experienced eight
blackouts since the war began"); a past perfect that only describes its count with
"since" ("had repelled 41 attacks, the heaviest fighting there since the spring") keeps
the story's day.

Each case is a short article of our own in the manner of wires and Ukrainian outlets.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract.document import DateReading
from tests.extract.lines import article, event_of

DAY = date(2024, 5, 23)


def _day(reading: DateReading) -> tuple[str, int | None, int | None]:
    return (reading.precision, reading.month, reading.day)


def test_a_line_opened_by_earlier_takes_no_day_of_the_story() -> None:
    doc = article(
        "Russian forces struck the power plant near the city on Wednesday, cutting its last "
        "external line.",
        "Earlier, Ukrainian officials reported that Russia had moved more troops to the area.",
        "Earlier media reports suggested that the village nearby had been captured.",
        published=DAY,
    )
    assert _day(event_of(doc, "cutting its last").date) == ("day", 5, 22)
    assert _day(event_of(doc, "moved more troops").date) == ("unknown", None, None)
    assert _day(event_of(doc, "had been captured").date) == ("unknown", None, None)


def test_a_count_up_to_now_takes_no_day_of_the_story() -> None:
    doc = article(
        "Russian forces struck the power plant near the city on Wednesday, cutting its last "
        "external line.",
        "The operator said that the plant has experienced eight complete blackouts since the "
        "beginning of the full-scale war.",
        "The General Staff said Ukrainian units had repelled 41 attacks near the town, the "
        "heaviest fighting there since the spring.",
        published=DAY,
    )
    assert _day(event_of(doc, "eight complete blackouts").date) == ("unknown", None, None)
    assert _day(event_of(doc, "repelled 41 attacks").date) == ("day", 5, 22)
