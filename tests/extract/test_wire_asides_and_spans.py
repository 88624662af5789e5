"""Wire frames the parser hangs elsewhere, and days given as spans (pure): "...,
state news agency TASS reported." after the happening, "It happened near X, the agency
added, citing ..." set off after it; "on the night of 16-17 June" and "on July 11-12"
date by their first day.

Each case is a short article of our own in the manner of wire copy and live blogs.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstore.extract import ArticleDoc, EventDoc
from tests.extract.lines import article, claim_of, event_of

FRIDAY = date(2025, 6, 20)


def news(*lines: str) -> ArticleDoc:
    return article(*lines, published=FRIDAY, outlet="Harbour Wire")


def day(event: EventDoc) -> tuple[int | None, int | None, int | None, str | None]:
    return event.date.year, event.date.month, event.date.day, event.date.qualifier


def test_a_happening_an_agency_named_after_its_kind_reported() -> None:
    doc = news(
        "A military transport plane has crashed in Russia's Pskov region, killing the crew, "
        "state news agency TASS reported.",
        "It came down near the village of Lyady, the agency added, citing the regional "
        "emergencies ministry.",
    )
    crash = event_of(doc, "transport plane has crashed")
    assert [s.name for s in crash.sources] == ["TASS"]
    assert crash.span.text.startswith("A military transport plane has crashed")
    lyady = event_of(doc, "near the village of Lyady")
    assert "TASS" in [s.name for s in lyady.sources]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "On the night of 16-17 June, Russian drones struck the port of Izmail.",
            (2025, 6, 16, "night"),
        ),
        ("Russian drones struck the port of Izmail on 16\u201317 June.", (2025, 6, 16, None)),
    ],
)
def test_a_span_of_days_dates_by_its_first(
    line: str, expected: tuple[int, int, int, str | None]
) -> None:
    assert day(event_of(news(line), "port of Izmail")) == expected


def test_a_happening_with_its_cause_after_due_to_is_news() -> None:
    doc = news(
        "Two houses in the village of Lyady caught fire due to falling drone debris, "
        "officials said."
    )
    fire = event_of(doc, "caught fire due to falling drone debris")
    assert [s.name for s in fire.sources] == ["officials"]


def test_a_vote_that_has_begun_and_concludes_on_a_weekday_ends_on_the_coming_one() -> None:
    doc = news("Voting in the occupied districts has already begun and concludes Sunday.")
    assert day(event_of(doc, "concludes Sunday")) == (2025, 6, 22, None)


def test_an_outlets_people_and_a_papers_short_name_are_the_outlet() -> None:
    doc = news(
        "Explosions rang out over the port late on Thursday, Reuters witnesses said.",
        "Iran has shipped drones to Russia by sea, the Wall Street Journal reported on Friday.",
        "The shipment included about 200 drones, The Journal reported, citing officials.",
    )
    assert [s.name for s in event_of(doc, "Explosions rang out").sources] == ["Reuters"]
    shipment = event_of(doc, "about 200 drones")
    assert "The Wall Street Journal" in [s.name for s in shipment.sources]


def test_roundup_headlines_without_their_auxiliaries_are_happenings_of_the_day() -> None:
    doc = news(
        "Estonian officials met their Finnish counterparts in Tallinn to discuss the border.",
        "Key developments on June 20:",
        "\u2022 Estonia building a fence at its border with Russia",
        "\u2022 Bodies of two fishermen found near the port of Narva",
        "\u2022 Finland to send Ukraine 200 more generators",
        "Estonian border guards began work on the fence on Thursday, the interior minister said.",
    )
    for words in ("building a fence", "Bodies of two fishermen", "200 more generators"):
        assert day(event_of(doc, words)) == (2025, 6, 20, None)


def test_credits_glued_to_the_last_paragraph_leave_its_words() -> None:
    doc = news(
        "Dec 19 (Harbour Wire) - Defence Minister Anton Petrenko on Friday proposed raising "
        "the age of conscription.",
        "Speaking at a conference of military chiefs, Petrenko also said the army was "
        "speeding up deliveries of new radars. (Reporting by Jane Roe; Editing by John Doe)",
    )
    claim = claim_of(doc, "speeding up deliveries")
    assert claim.speaker.name == "Anton Petrenko"
    assert "Reporting" not in claim.text
    assert not [c for c in doc.claims if "Harbour Wire" in c.text]
    assert not [e for e in doc.events if "Harbour Wire" in e.span.text]
