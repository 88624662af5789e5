"""Shapes of pages that hid their speakers (pure): an interview set as named turns, a
list under "Background:", a page's calls to its readers, an op-ed signed only in its
author box, names cut by the recognizer or run into a title, wire photos' captions ("FILE
PHOTO: ...", "... REUTERS/Jane Roe", "In this photo provided by ...").

Each text is our own, in the manner of news copy.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc, ArticleMeta, extract_article
from tests.extract.lines import article


def read(text: str, **meta: str) -> ArticleDoc:
    sidecar = ArticleMeta(published_on=date(2025, 6, 20), **meta)
    return extract_article(text, external_id="t", meta=sidecar, today=date(2026, 11, 30))


def speakers(doc: ArticleDoc) -> list[str]:
    return [claim.speaker.name for claim in doc.claims]


NAMED_TURNS = "\n".join(
    [
        "Can the sanctions still bite?",
        (
            "Anna Berg: The measures were called the toughest ever, yet the economy "
            "kept growing. Are they working?"
        ),
        (
            "Ivan Sokil: Suppose Russia had invaded Ukraine in February 2022 and "
            "nobody had reacted. Its reserve fund would have paid for every missile "
            "it wanted."
        ),
        (
            "As you say, the economy has not collapsed. Other governments say it is "
            "not their war and keep trading, but every detour costs money."
        ),
        "Anna Berg: What should Brussels do next?",
        "Ivan Sokil: Enforce the rules it already has, at the border and at sea.",
        "",
    ]
)


def test_named_turns_are_an_interview_whose_answers_are_the_interviewees() -> None:
    doc = read(NAMED_TURNS, category="Interview")
    assert speakers(doc) == ["Ivan Sokil"] * 3
    assert doc.featured_expert is not None
    assert doc.featured_expert.name == "Ivan Sokil"
    # the question is nobody's, and the hypothetical invasion is no event
    assert not any("Are they working" in claim.text for claim in doc.claims)
    assert doc.events == ()


BULLETS = "\n".join(
    [
        "EU lists more tankers",
        "The European Union on Thursday added 27 tankers to its sanctions list.",
        "Background:",
        (
            "- Poland's Foreign Minister Radosław Sikorski said earlier that Russia "
            "is stepping up sabotage against railways across Central Europe."
        ),
        (
            "- In May, Estonia's Prime Minister Kristen Michal warned that Russia "
            "is testing how far NATO will let it go at sea."
        ),
        "Support the Kyiv Ledger on Patreon!",
        "Become a member of the Kyiv Ledger today!",
        "",
    ]
)


def test_a_list_under_background_holds_claims_and_the_page_chrome_nothing() -> None:
    doc = read(BULLETS)
    assert speakers(doc) == ["Radosław Sikorski", "Kristen Michal"]
    assert doc.claims[0].text.startswith("Russia is stepping up sabotage")
    # the lede is the only event: a dated bullet is a report, not a timeline's entry
    assert [event.summary[:18] for event in doc.events] == ["The European Union"]


def test_said_earlier_that_keeps_its_clause() -> None:
    doc = read(
        "T\nPoland's Foreign Minister Radosław Sikorski said earlier that Russia is "
        "stepping up sabotage against railways across Central Europe.\n"
    )
    assert speakers(doc) == ["Radosław Sikorski"]
    assert doc.events == ()


AUTHOR_BOX = "\n".join(
    [
        "Is Europe running out of shells?",
        "March 3, 2025",
        "Commentators have warned for months that the continent's arsenals are nearly empty.",
        (
            "But the picture is not as bleak as the headlines suggest, and the new "
            "plants will soon run at full rate."
        ),
        "Author",
        "Tomas Reinholt",
        "Senior Fellow",
        "",
    ]
)


def test_an_op_ed_signed_in_its_author_box_is_the_authors() -> None:
    doc = read(AUTHOR_BOX, category="Opinion")
    author = doc.featured_expert
    assert author is not None
    assert (author.name, author.role, author.affiliation) == (
        "Tomas Reinholt",
        "senior fellow",
        None,
    )
    assert speakers(doc) == ["Tomas Reinholt", "Tomas Reinholt"]
    assert not any("Senior Fellow" in claim.text for claim in doc.claims)


def test_a_hyphenated_given_name_the_recognizer_cut_is_whole() -> None:
    doc = read(
        "T\nRussian officers were drilling the North Korean troops in basic military terms, "
        "Park Sun-won, a member of the parliamentary intelligence committee, said during "
        'the briefing.\n"They learn just enough to follow an order," Park said.\n'
    )
    assert speakers(doc) == ["Park Sun-won", "Park Sun-won"]


def test_an_advisers_title_is_not_part_of_the_name() -> None:
    doc = read(
        "T\nAs National Security Adviser Jake Sullivan told reporters last week, the "
        "United States expects the troops to enter combat soon.\n"
    )
    assert speakers(doc) == ["Jake Sullivan"]


def test_a_people_named_by_nationality_is_no_expert() -> None:
    doc = read(
        "T\nZelensky spoke with European leaders on Friday.\n"
        "The Russians rejected the proposal for a full ceasefire.\n"
    )
    assert "Russians" not in speakers(doc)


TAKEAWAYS = "\n".join(
    [
        "CSDA Russian Offensive Campaign Assessment, March 4, 2025",
        "Key Takeaways from the CSDA:",
        "- Ukrainian drones struck an oil refinery in Saratov on March 4.",
        "- Neither Moscow nor Minsk appears ready to commit new reserves to the northern "
        "front, likely because both fear unrest at home.",
        "- Russian forces recently advanced near Pokrovsk and Toretsk.",
        "",
    ]
)


def test_key_takeaways_under_another_title_are_the_think_tanks() -> None:
    doc = read(TAKEAWAYS, category="Analysis")
    assert speakers(doc) == ["CSDA"]
    assert doc.claims[0].text.startswith("Neither Moscow nor Minsk")
    dates = {event.summary[:16]: event.date.precision for event in doc.events}
    # "recently" tells of some day before the refinery's: no day of the story
    assert dates == {"Ukrainian drones": "day", "Russian forces r": "unknown"}


def test_a_caption_placing_who_stands_where_is_no_text() -> None:
    doc = article(
        "Parliament Speaker Ruslan Stefanchuk, left, shakes hands with Speaker Fukushiro "
        "Nukaga in Tokyo on Wednesday.",
        "Ukraine's parliament speaker asked Japan to provide an air defence system during "
        "talks in Tokyo on Wednesday.",
        published=date(2023, 10, 25),
    )
    assert doc.events == ()
    assert [c.extracted_by for c in doc.claims] == ["paraphrase.cue_object"]


def test_wire_photo_captions_are_no_text() -> None:
    doc = article(
        "FILE PHOTO: A house destroyed by a Russian strike is seen in the town of Irpin, Kyiv "
        "region, Ukraine August 26, 2022. REUTERS/Jane Roe",
        "Cars burn after a missile attack in Kharkiv, Ukraine, October 10, 2022.  "
        "REUTERS / John Doe / File Photo",
        "In this photo provided by the brigade's press service, soldiers train at a firing "
        "range in Donetsk region, Ukraine, Friday, Nov. 29, 2024.",
        published=date(2024, 12, 2),
    )
    assert doc.events == ()
