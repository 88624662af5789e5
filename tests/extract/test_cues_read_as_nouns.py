"""Ledes in the manner of Ukrainian news sites and defence trade press (pure):
"A may be delivered as early as June. B is planned, Czech President X states in an
interview ..." where the tagger reads "states" as a plural noun; what the lede foretells
before the frame is the speaker's too; "may be delivered as early as June" is ahead of
the published day, not the June before it; "has become the eighth country to purchase"
is news; the day "the anniversary of the February 24 2022 invasion" recalls is no date of
the sentence's happening.

Each case is a short article of our own.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc
from tests.extract.lines import article, claim_of, event_of

DAY = date(2024, 5, 9)


def news(*lines: str) -> ArticleDoc:
    return article(*lines, published=DAY, outlet="Kyiv Ledger")


LEDE = (
    "The first batch of 180,000 shells bought under the Czech initiative may be delivered "
    "to Ukraine as early as June. Larger deliveries are planned later, Czech President "
    "Petr Pavel states in an interview on the German TV channel ARD."
)


def test_a_cue_the_tagger_read_as_a_noun_still_names_its_speaker() -> None:
    doc = news(LEDE, "The Czech President also noted that Ukraine had shown great resilience.")
    planned = claim_of(doc, "Larger deliveries are planned")
    assert planned.speaker.name == "Petr Pavel"
    assert [s.name for s in planned.sources] == ["ARD"]  # not "German TV"
    assert claim_of(doc, "great resilience").speaker.name == "Petr Pavel"


def test_what_a_lede_foretells_before_its_speakers_frame_is_the_speakers() -> None:
    doc = news(LEDE)
    claim = claim_of(doc, "may be delivered to Ukraine as early as June")
    assert claim.speaker.name == "Petr Pavel"
    assert not doc.events


def test_a_possibility_dated_by_a_month_lies_ahead_of_the_published_day() -> None:
    doc = news("A second batch of shells may be delivered to Ukraine as early as June.")
    assert event_of(doc, "second batch").date.year == 2024


def test_becoming_the_nth_country_to_buy_is_news() -> None:
    doc = news(
        "Denmark has become the eighth country to purchase the IRIS-T SLM air defence "
        "system under the European Sky Shield initiative."
    )
    assert event_of(doc, "eighth country to purchase").extracted_by == "event.line"


def test_the_day_an_anniversary_recalls_is_not_the_days_happening() -> None:
    doc = article(
        "Close to the third anniversary of the February 24 2022 invasion, EU ambassadors "
        "have adopted a new package of sanctions against Moscow.",
        published=date(2025, 2, 19),
        outlet="Kyiv Ledger",
    )
    adopted = event_of(doc, "have adopted a new package")
    assert (adopted.date.year, adopted.date.month) != (2024, 2)
