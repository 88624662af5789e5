"""Speakers the parser leads astray (pure): a long title after the cue followed by a
circumstance ('..." said Under Secretary of ... Jane Doe, in a statement.'); a lone family
name opening the sentence tagged as a body and hung on the cue as a modifier; "Kyivstar's
CEO" as the company's chief named before; "the lawmaker" as the member of parliament the
text follows; a speaker named after the cue that the parser took for its object ("They
hold about a thousand square kilometres, stated the Commander-in-Chief of the Armed Forces
of Ukraine Oleksandr Syrskyi during the meeting of the Staff."), a hyphened title whole,
and the same title after "This was stated by".

Each case is a short article of our own.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc
from tests.extract.lines import article, claim_of

DAY = date(2024, 5, 10)


def news(*lines: str) -> ArticleDoc:
    return article(*lines, published=DAY, outlet="Harbour Wire")


def test_a_long_title_after_the_cue_with_a_circumstance() -> None:
    doc = news(
        "Washington imposed sanctions on two Moscow firms on Friday.",
        '"We will keep exposing these campaigns of deception wherever they run," said Under '
        "Secretary of the Treasury for Terrorism and Financial Intelligence Brian E. Nelson, "
        "in a statement.",
    )
    speaker = claim_of(doc, "exposing these campaigns").speaker
    assert speaker.name == "Brian Nelson"
    assert speaker.role == (
        "Under Secretary of the Treasury for Terrorism and Financial Intelligence"
    )


def test_a_family_name_opening_the_sentence_speaks() -> None:
    doc = news(
        "Foreign Minister Annalena Baerbock cut short a trip to Australia on Thursday.",
        "Baerbock said last week that Russian military hackers were behind the attack on the "
        "party's e-mail accounts.",
    )
    assert claim_of(doc, "military hackers").speaker.name == "Annalena Baerbock"


def test_a_companys_chief_by_its_title() -> None:
    doc = news(
        "Mobile operator Kyivstar may need weeks to restore its services after the attack, "
        "the company's CEO Oleksandr Komarov said on Tuesday.",
        "Kyivstar's CEO said the hackers had used an employee's account for the attack.",
    )
    assert claim_of(doc, "employee's account").speaker.name == "Oleksandr Komarov"


def test_the_lawmaker_is_the_member_the_text_follows() -> None:
    doc = news(
        "Oleksii Hrytsenko, an MP from the opposition, said the bill would reach the floor "
        "next week.",
        "The lawmaker added that at least 240 votes were already secured.",
    )
    assert claim_of(doc, "240 votes").speaker.name == "Oleksii Hrytsenko"


def test_a_body_after_the_contents_comma_given_two_subjects() -> None:
    doc = news(
        "Ukraine thwarted a cyber attack on its power grid, officials said on Tuesday.",
        "Hackers aimed to shut down several major elements, including high-voltage "
        "substations, Ukraine's Computer Emergency Response Team said in a statement.",
    )
    speaker = claim_of(doc, "high-voltage substations").speaker
    assert (speaker.name, speaker.kind) == (
        "Ukraine's Computer Emergency Response Team",
        "organization",
    )


def test_he_after_the_agent_of_a_passive_is_that_person() -> None:
    doc = news(
        "Several hundred people gathered in front of the city council on Thursday.",
        "The protest was organized by Taras Melnyk, a medic from the volunteer unit Ulf. He "
        "noted that he was very pleased to see so many people show up.",
    )
    speaker = claim_of(doc, "very pleased").speaker
    assert (speaker.name, speaker.affiliation) == ("Taras Melnyk", "Ulf")


def test_reminded_that_is_a_cue() -> None:
    doc = news(
        "The parliament approved changes to this year's budget on Thursday, the head of its "
        "budget committee, Roksana Pidluzhna, said.",
        "She reminded that the budget had already been changed twice this year.",
    )
    assert claim_of(doc, "changed twice").speaker.name == "Roksana Pidluzhna"


def test_a_speaker_after_the_cue_taken_for_its_object() -> None:
    doc = news(
        "Ukrainian units press on in the border region. They hold about a thousand square "
        "kilometres, stated the Commander-in-Chief of the Armed Forces of Ukraine Oleksandr "
        "Syrskyi during the meeting of the Staff.",
        "The advance has slowed, stated the Commander-in-Chief of the Armed Forces of "
        "Ukraine Oleksandr Syrskyi.",
    )
    for words in ("They hold about a thousand square", "The advance has slowed"):
        speaker = claim_of(doc, words).speaker
        assert speaker.name == "Oleksandr Syrskyi"
        assert speaker.role == "Commander-in-Chief"
        assert speaker.affiliation == "Armed Forces of Ukraine"


def test_a_long_title_after_by_names_whose_the_line_before_was() -> None:
    doc = news(
        "The army presses on in the border region. Currently, it holds about a thousand "
        "square kilometres.",
        "This was stated by the Commander-in-Chief of the Armed Forces of Ukraine Oleksandr "
        "Syrskyi during a meeting of the Staff, Kyiv Newswire reports.",
    )
    speaker = claim_of(doc, "it holds about a thousand").speaker
    assert (speaker.name, speaker.role) == ("Oleksandr Syrskyi", "Commander-in-Chief")


def test_a_name_after_an_opening_phrase_the_parser_made_the_subject() -> None:
    doc = article(
        "Poland backs a higher spending target for the alliance, Defence Minister Marek "
        "Nowacki-Kamysz said on Friday.",
        "Speaking ahead of a NATO summit opening in The Hague, Nowacki-Kamysz said that "
        "Warsaw had long been preparing for the talks.",
        published=DAY,
    )
    claim = claim_of(doc, "had long been preparing for the talks")
    assert claim.speaker.name == "Marek Nowacki-Kamysz"


def test_a_title_and_name_set_off_after_a_clause_of_the_content_speak() -> None:
    doc = article(
        "A fire broke out at a fuel depot after a drone attack, the regional governor, "
        "Maksym Kovalenko, said on Sunday.",
        published=DAY,
    )
    claim = claim_of(doc, "A fire broke out at a fuel depot")
    assert claim.speaker.name == "Maksym Kovalenko"
    assert "governor" not in claim.text
