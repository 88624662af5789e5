"""A body named again in a shorter or longer form is the body named first (pure): "the
Treasury Department" after "The U.S. Treasury Department" (its country left out), "NABU's
press service" is NABU, "the Foreign Office in Berlin" is the Foreign Office, and "The
U.S. Treasury Department Wednesday announced" names no body "... Wednesday".

Each case is a short article of our own.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc
from tests.extract.lines import article, claim_of, event_of

DAY = date(2024, 3, 20)  # a Wednesday


def news(*lines: str) -> ArticleDoc:
    return article(*lines, published=DAY, outlet="Harbour Wire")


def test_a_body_named_again_without_its_country() -> None:
    doc = news(
        "The U.S. Treasury Department Wednesday announced sanctions against two Moscow firms.",
        "The firms ran fake news sites posing as Western outlets, according to the Treasury "
        "Department.",
    )
    (told,) = event_of(doc, "fake news sites").sources  # the body's reported news
    (source,) = event_of(doc, "announced sanctions").sources
    assert told.name == source.name == "U.S. Treasury Department"


def test_a_press_service_speaks_for_its_body() -> None:
    doc = news(
        "The National Anti-Corruption Bureau (NABU) charged a former deputy minister on Tuesday.",
        "According to NABU’s press service, he is the sixth suspect in the case.",
    )
    assert claim_of(doc, "sixth suspect").speaker.name == "National Anti-Corruption Bureau"


def test_a_body_with_its_city_is_the_body() -> None:
    doc = news(
        "Germany recalled its ambassador to Moscow on Monday over a hacking campaign.",
        "The Foreign Office in Berlin said the government was taking the attack seriously.",
    )
    assert claim_of(doc, "taking the attack seriously").speaker.name == "Foreign Office"


def test_a_described_body_is_named_by_its_acronym() -> None:
    doc = news(
        "According to the United Nations refugee agency (UNHCR) estimates, over 6 million "
        "Ukrainians remain refugees abroad."
    )
    claim = claim_of(doc, "6 million")
    assert (claim.speaker.name, claim.text[:4]) == ("UNHCR", "over")
