"""Happenings the tagger misreads (pure): "Deputy prosecutor general X also quit." is a
past happening though the tagger reads "quit" as a present (a singular subject in the
present would have "quits"); "Fifty-two vessels were added to the list" adds things, it
reports no words.

Each case is a short article of our own in the manner of wires.
"""

from __future__ import annotations

from datetime import date

from tests.extract.lines import article, event_of

DAY = date(2023, 1, 24)


def test_a_past_that_reads_as_a_present_is_a_happening() -> None:
    doc = article(
        "Ukraine's deputy defence minister resigned on Tuesday amid a scandal over army food "
        "contracts.",
        "Deputy prosecutor general Oleh Symchuk also quit.",
        published=DAY,
    )
    reading = event_of(doc, "also quit").date
    assert (reading.month, reading.day) == (1, 24)


def test_things_added_to_a_list_are_a_happening() -> None:
    doc = article(
        "European Union foreign ministers on Monday signed off on a new round of sanctions.",
        "Fifty-two vessels were added to the list of ships barred from its ports.",
        published=date(2024, 12, 16),
    )
    assert event_of(doc, "were added to the list").date.day == 16


def test_blows_reported_by_no_one_named_are_happenings() -> None:
    doc = article(
        "Russian missiles struck the port of Verkhnie on Saturday, killing 12 people.",
        "Strikes were also reported in the southern region, home to a large power plant.",
        "Explosions were reported in two more towns along the river.",
        "The regional administration reported a strike against the city with guided bombs.",
        published=date(2024, 1, 15),
    )
    for words in ("Strikes were also reported", "Explosions were reported", "reported a strike"):
        assert event_of(doc, words).date.day == 13
