"""Outlets a speaker talked to and names as the text writes them (pure): "said X to
Dumka.media", "in a comment to Voice of America", "told Tagesspiegel", "told the
odkryto.cz website", "AFP journalists heard", "the RBC news website reported", "according
to Kyodo News and NHK", "TASS news agency quoted X as saying"; a role written in capitals
before a name ("Analyst Jane Roe"), initials that open a name ("P.S. Raghavan"), an adverb
after a body's name, a body named beside the noun that says what it is, "the company" after
"the defence contractor X", an op-ed's byline of a name and its titles.

Each case is a short article of our own in the manner of wire copy, Ukrainian outlets'
English pages and opinion pages.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc, ClaimDoc, EventDoc
from tests.extract.lines import article, claim_of, event_of

PUBLISHED = date(2024, 12, 19)


def news(*lines: str, category: str | None = None) -> ArticleDoc:
    return article(*lines, published=PUBLISHED, outlet="Kyiv Courier", category=category)


def sources(item: ClaimDoc | EventDoc) -> list[str]:
    return [s.name for s in item.sources]


def test_outlets_a_speaker_talked_to() -> None:
    doc = news(
        "Glide bombs now fly up to 100 kilometres, said Petro Savchuk, head of the regional "
        "prosecutor's office, to Dumka.media.",
        "In a comment to Voice of America, Ambassador Ihor Melnyk said he saw no reason to "
        "attend the session.",
        "Arms maker chief Jonas Berger told Tagesspiegel that the plant would produce 200,000 "
        "shells a year.",
        '"The initiative has delivered four million rounds," Petr Vlasak, a former NATO '
        "official, told the odkryto.cz website.",
    )
    assert sources(claim_of(doc, "100 kilometres")) == ["Dumka.media"]
    assert sources(claim_of(doc, "no reason to attend")) == ["Voice of America"]
    assert sources(claim_of(doc, "200,000 shells")) == ["Tagesspiegel"]
    assert sources(claim_of(doc, "four million rounds")) == ["odkryto.cz"]


def test_outlets_that_saw_reported_or_relayed() -> None:
    doc = news(
        "AFP journalists in the capital heard air raid sirens and several explosions.",
        "The price of Urals crude fell to $34.52 a barrel as of Dec. 16, the RBC news website "
        "reported, citing data from Argus Media.",
        "According to Kyodo News and NHK, the missile flew about 800 kilometres.",
        'Western countries will run "colossal risks" if they send more jets, TASS news agency '
        "quoted Deputy Foreign Minister Alexander Grushko as saying on Saturday.",
    )
    assert sources(event_of(doc, "air raid sirens")) == ["AFP"]
    assert sources(event_of(doc, "Urals crude")) == ["RBC", "Argus Media"]
    assert sources(event_of(doc, "800 kilometres")) == ["Kyodo News", "NHK"]
    grushko = claim_of(doc, "colossal risks")
    assert (grushko.speaker.name, sources(grushko)) == ("Alexander Grushko", ["TASS"])


def test_names_as_the_text_writes_them() -> None:
    doc = news(
        "Analyst Selin Kaya of the Duvar news portal said the meeting sent a message to "
        "Turkey's allies.",
        "K.V. Menon, chairman of India's National Security Advisory Board, said India was "
        "taking a sharper public stand.",
        "Russia's state-owned nuclear agency Rosatom later on Sunday claimed that three "
        "workers were wounded when a drone hit the canteen.",
    )
    assert claim_of(doc, "sent a message").speaker.name == "Selin Kaya"
    assert claim_of(doc, "sharper public stand").speaker.name == "K.V. Menon"
    assert claim_of(doc, "three workers were wounded").speaker.name == "Rosatom"


def test_the_company_after_the_contractor_it_names() -> None:
    doc = news(
        "According to DW, the plant is being built by the defence contractor Rheinmetall in "
        "the town of Unterluss, where the company already has a factory.",
        "The company said it would pay for the new road to the site.",
    )
    assert claim_of(doc, "pay for the new road").speaker.name == "Rheinmetall"


def test_an_op_eds_byline_of_a_name_and_its_titles() -> None:
    doc = news(
        "Olena Marchuk, Member of the Ukrainian Parliament, Head of the Working Group on "
        "Defence Investment",
        "Markus Feld, Minister for European Affairs of Saxony",
        "Drones now appear over European airports every week. Europe has to learn fast.",
        "Ukraine's defence industry is a natural partner for Europe's.",
        category="Opinion",
    )
    assert doc.featured_expert is not None
    assert doc.featured_expert.name == "Olena Marchuk"
    assert claim_of(doc, "natural partner").speaker.name == "Olena Marchuk"
    assert not [c for c in doc.claims if "Markus Feld" in c.spans[0].text]


def test_a_lone_name_that_reports_and_an_outlet_that_cited_people() -> None:
    doc = news(
        "The price of Urals crude fell to $34.52 a barrel as of Dec. 16, data showed.",
        "Discounts on Urals crude reached $23-25 a barrel in Novorossiysk and $24 in Baltic "
        "ports, Petromark reported.",
        "Russian oil companies are lowering prices to move cargoes that Indian refineries "
        "refuse, Reuters cited traders as saying.",
    )
    assert sources(event_of(doc, "Discounts on Urals")) == ["Petromark"]
    assert sources(event_of(doc, "lowering prices")) == ["Reuters", "traders"]


def test_an_age_a_legal_form_a_syndicators_bracket_and_a_decrying() -> None:
    doc = news(
        "Russian missiles hit Sloviansk on Friday, killing five people.",
        '"When it hits your own family, you see the war differently," 37-year-old Ihor Lysenko '
        "said.",
        'According to NPC "Energolink", preparing the grid for winter may cost $1.5 billion.',
        "President Volodymyr Zelensky decried Russia for shelling residential buildings in "
        "broad daylight.",
    )
    assert claim_of(doc, "see the war differently").speaker.name == "Ihor Lysenko"
    assert claim_of(doc, "may cost").speaker.name == "Energolink"
    assert claim_of(doc, "decried Russia").speaker.name == "Volodymyr Zelensky"


def test_a_syndicators_bracket_with_a_dash_is_no_part_of_the_lede() -> None:
    doc = news(
        "(Baltic Christian News)—A spokesperson for the State Department said on Thursday "
        "that a ceasefire was close.",
    )
    assert claim_of(doc, "ceasefire was close").speaker.name == "State Department"


def test_agencies_that_quoted_a_named_spokesman_and_a_fleet_that_is_a_body() -> None:
    doc = news(
        "An attempt to attack the naval base with underwater drones failed, news agencies "
        "quoted the Black Sea Fleet as saying on Monday.",
        '"The attempt at sabotage failed to achieve its aims," the agencies quoted the head of '
        "the fleet's press service Aleksei Rulyov as saying.",
    )
    assert claim_of(doc, "attempt at sabotage").speaker.name == "Aleksei Rulyov"
    fleet = claim_of(doc, "news agencies quoted").speaker
    assert (fleet.name, fleet.kind) == ("Black Sea Fleet", "organization")
