"""Releases, on their issuer's site or run by a news agency (pure): a "News release" on a
body's own site is that body's words, in the first person; a "Press release" a news agency
runs is the words of the body it names most (its acronym); a caption closing in an
agency's and a photographer's credit ("© UNHCR/Jane Roe") is no text; a "Comment of
Spokesperson of the Ministry ... X regarding ..." is X's words, not the ministry's.

Each case is a short article of our own in the manner of a relief agency's release.
"""

from __future__ import annotations

from datetime import date

from tests.extract.lines import article, claim_of

DAY = date(2024, 11, 20)


def test_a_news_release_on_the_issuers_site_is_its_words() -> None:
    doc = article(
        "Geneva (IRCA) - We regret that we still have no access to the detainees held in the "
        "eastern camps. Our teams have been ready for months.",
        "Our mission can only succeed with the help of both parties, and we ask them to "
        "support it.",
        published=DAY,
        outlet="International Relief Committee Alliance",
        category="News release",
    )
    for words in ("We regret that we still have no access", "Our mission can only succeed"):
        assert claim_of(doc, words).speaker.name == "International Relief Committee Alliance"


def test_a_release_a_news_agency_runs_is_the_words_of_the_body_it_names_most() -> None:
    doc = article(
        "Halyna, 41, and her son had to leave Kharkiv in 2022. They now live in a rented room "
        "in Krakow. \u00a9 ARDA/Jan Nowak",
        "Today, after 1,000 days of war, ARDA, the regional displacement agency, stresses that "
        "the displaced must be heard in every talk about their future.",
        "More than half of the displaced still hope to return home, according to an ARDA "
        "survey published this week.",
        "There are more than four million people displaced inside the country.",
        published=DAY,
        outlet="Interfax-Ukraine",
        category="Press release",
    )
    assert claim_of(doc, "more than four million people displaced").speaker.name == "ARDA"
    assert not [c for c in doc.claims if "rented room" in c.text]
    assert not [e for e in doc.events if "rented room" in e.span.text]


def test_a_spokespersons_comment_is_the_spokespersons_words() -> None:
    doc = article(
        "Ministry of Foreign Affairs of Ukraine, posted 21 February 2023 19:50",
        "The decision to suspend participation in the treaty, announced today, is yet another "
        "provocative action by the aggressor state.",
        "We call upon the international community to stay united in its response.",
        title="Comment of Spokesperson of the Ministry of Foreign Affairs of Ukraine Olena "
        "Marchuk regarding the suspension of the treaty",
        published=DAY,
    )
    for words in ("yet another provocative action", "We call upon the international"):
        speaker = claim_of(doc, words).speaker
        assert (speaker.name, speaker.affiliation) == (
            "Olena Marchuk",
            "Ministry of Foreign Affairs of Ukraine",
        )
