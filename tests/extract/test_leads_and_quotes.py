"""Quotes after a leading participle, and the lines around them (pure): "Speaking of the
deal, X said: "..."" and "Asked about it, X said, "..."" are the speaker's own words, not a
paraphrase holding a quotation mark.

Each case is a short article of our own in the manner of wire and newspaper copy.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstore.extract import ArticleDoc
from tests.extract.lines import article, claim_of

MONDAY = date(2023, 7, 17)


def news(*lines: str, published: date = MONDAY) -> ArticleDoc:
    return article(*lines, published=published, outlet="Harbour Gazette")


def teller(doc: ArticleDoc, words: str) -> str:
    """Who tells the line holding ``words``: its claim's speaker, or its event's source (an
    institution saying that something happened may be read either way)."""
    claims = [c.speaker.name for c in doc.claims if any(words in s.text for s in c.spans)]
    events = [e.sources[0].name for e in doc.events if words in e.span.text and e.sources]
    (name,) = claims + events
    return name


@pytest.mark.parametrize(
    "lead",
    [
        "Speaking of the corridor agreement, Mr. Hallik said:",
        "Asked about the talks, Hallik said:",
        "Commenting on the decision, Hallik said,",
        "Responding to a question from reporters in Tallinn, Hallik told them:",
    ],
)
def test_a_leading_participle_keeps_the_quote_a_quote(lead: str) -> None:
    doc = news(
        "Estonia's port authority closed two berths to Russian-flagged ships on Monday, its "
        "director Toomas Hallik said.",
        f"{lead} \u201cWe will reopen them the day the inspections are finished.\u201d",
    )
    claim = claim_of(doc, "reopen them the day")
    assert claim.kind == "quote"
    assert claim.speaker.name == "Toomas Hallik"
    assert claim.text == "We will reopen them the day the inspections are finished"


@pytest.mark.parametrize(
    "after",
    [
        "Toomas Hallik said in a radio interview that was broadcast late on Sunday.",
        "Toomas Hallik said on Monday in a video address posted on the authority's channel.",
    ],
)
def test_a_quote_before_its_cue_stays_a_quote_whatever_follows_the_cue(after: str) -> None:
    doc = news(f"\u201cWe will reopen the berths the day the inspections end,\u201d {after}")
    claim = claim_of(doc, "reopen the berths")
    assert (claim.kind, claim.speaker.name) == ("quote", "Toomas Hallik")
    assert claim.text == "We will reopen the berths the day the inspections end"


def test_a_cue_that_reports_more_after_the_quote_keeps_it_in_the_claim() -> None:
    doc = news(
        "\u201cWe will reopen the berths,\u201d Toomas Hallik said, adding that the inspections "
        "would end within a week."
    )
    claim = claim_of(doc, "inspections would end within a week")
    assert claim.speaker.name == "Toomas Hallik"
    assert claim.kind == "paraphrase"


def test_the_company_is_the_body_whose_chief_executive_was_named() -> None:
    doc = news(
        "Hackers who shut down the mobile operator had been inside its network since spring, "
        "said Marta Ilves, the head of cyber defence at the Internal Security Service (ISS).",
        "Telnora CEO Karl Sepp said the intruders came in through the account of an employee.",
        "Ilves said the ISS had linked the attack to a unit of Russia's military intelligence.",
        "On Tuesday the company denied that any customer data had been stolen.",
    )
    assert teller(doc, "customer data had been stolen") == "Telnora"


def test_the_company_is_the_body_an_apposition_calls_a_provider() -> None:
    doc = news(
        "The attack on Dec. 12 targeted Telnora, the largest internet provider in the country.",
        "Marta Ilves, the head of cyber defence at the Internal Security Service (ISS), said "
        "the ISS had traced the attack to Russian military hackers.",
        "The company said on Wednesday that it had restored voice calls in most regions.",
    )
    assert teller(doc, "restored voice calls") == "Telnora"


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        (
            "Toomas Hallik derided the new rules as an unfriendly act against Estonian ports.",
            "Toomas Hallik",
        ),
        (
            "Marta Ilves, deputy spokeswoman of the ministry, described the drone as a copy of "
            "an Iranian Shahed.",
            "Marta Ilves",
        ),
        (
            "The Kremlin justified the strike as retaliation for attacks on Russian airfields.",
            "Kremlin",
        ),
    ],
)
def test_what_a_speaker_calls_a_thing_is_their_claim(line: str, speaker: str) -> None:
    doc = news(line)
    (claim,) = doc.claims
    assert claim.speaker.name == speaker
    assert not doc.events


@pytest.mark.parametrize(
    ("line", "words"),
    [
        (
            "Minister Toomas Hallik underscored to his EU colleagues that the ports must stay "
            "closed to Russian ships.",
            "ports must stay closed",
        ),
        (
            "Toomas Hallik justified the closure by claiming that Russian ships had been mapping "
            "the cables.",
            "mapping the cables",
        ),
        (
            "In a later post, Toomas Hallik alluded to Russian involvement in the fire.",
            "Russian involvement",
        ),
    ],
)
def test_underscoring_claiming_by_and_alluding_are_saying(line: str, words: str) -> None:
    claim = claim_of(news(line), words)
    assert claim.speaker.name == "Toomas Hallik"


def test_a_list_of_a_speakers_statements_is_his() -> None:
    doc = news(
        "Foreign Minister Toomas Hallik said the Baltic Sea had become a front line.",
        "In addition, he repeated a number of earlier warnings and also touched on the "
        "relations with Finland. In particular, his statements include the following:",
        "- Russia is testing the alliance with every cable it damages;",
        "- The shadow fleet will be inspected at every Estonian port from July;",
        "- Estonia will not reopen the border crossings this year;",
        "- The insurance papers of most tankers are forged;",
        "The ministry later published the full interview on its website.",
    )
    for words in ("testing the alliance", "inspected at every", "border crossings", "forged"):
        assert claim_of(doc, words).speaker.name == "Toomas Hallik"


def test_a_short_line_opening_a_list_of_statements_is_no_subhead() -> None:
    doc = news(
        "Foreign Minister Toomas Hallik said the Baltic Sea had become a front line.",
        "In particular, his statements include the following:",
        "- Russia is testing the alliance with every cable it damages;",
        "- The insurance papers of most tankers are forged;",
        "The ministry later published the full interview on its website.",
    )
    for words in ("testing the alliance", "forged"):
        assert claim_of(doc, words).speaker.name == "Toomas Hallik"
