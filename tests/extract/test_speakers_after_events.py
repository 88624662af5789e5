"""Speakers real news names after a happening or spells again (pure; blind sets D15-D18).

"Kishida spoke in London on Thursday. He said: ..." (the pronoun is the person the
sentence before was about, though nobody has spoken yet) and "Sybiha" spelt "Sibiha"
further down. Each case is a short article of our own.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc
from tests.extract.lines import article

PUBLISHED = date(2024, 11, 29)  # a Friday


def extract(*lines: str) -> ArticleDoc:
    return article(*lines, published=PUBLISHED)


def said(doc: ArticleDoc) -> list[tuple[str, str]]:
    return [(claim.speaker.name, claim.text) for claim in doc.claims]


def test_he_after_a_happening_is_the_person_it_was_about() -> None:
    doc = extract(
        "Norwegian Prime Minister Jonas Lindqvist visited Warsaw and Kyiv this week.",
        "Lindqvist arrived in Vilnius on Thursday, where he ended a tour of the Baltic "
        'states. He said: "The alliance has never been more united."',
    )
    assert said(doc) == [("Jonas Lindqvist", "The alliance has never been more united")]
    assert len(doc.events) == 2  # the visits and the arrival, neither swallowing the quote


def test_a_surname_spelt_another_way_further_down_is_the_same_person() -> None:
    doc = extract(
        "Ukraine's Foreign Minister Andriy Sybiga called on partners to target tankers.",
        "Sibiga emphasized that Russia earns billions from energy exports to Europe.",
    )
    assert said(doc)[-1] == ("Andriy Sybiga", "Russia earns billions from energy exports to Europe")


def test_a_bodys_acronym_before_the_title_stays_in_the_role() -> None:
    doc = extract(
        "Ukraine's navy has sunk a third of the Black Sea Fleet, Ukrainian naval "
        "intelligence (NIU) chief Oksana Hrytsenko told reporters in Odesa."
    )
    speaker = doc.claims[0].speaker
    assert (speaker.name, speaker.role, speaker.affiliation) == (
        "Oksana Hrytsenko",
        "chief",
        "Ukrainian naval intelligence",
    )


def test_a_speaker_named_after_points_out_and_a_closing_quote() -> None:
    doc = extract(
        'Russian budget revenues keep rising despite the war. "This shows the Kremlin '
        'still has room to spend," points out Iwona Wiśniewska from the Centre for Eastern '
        "Studies.",
        "\u201cSanctions bite, but slowly,\u201d Wiśniewska added.",
    )
    assert [c.speaker.name for c in doc.claims] == ["Iwona Wiśniewska", "Iwona Wiśniewska"]


def test_a_subhead_set_in_quotation_marks_is_nobodys_words() -> None:
    doc = extract(
        '"Our reserves will last," Finance Minister Ilona Petrenko told reporters on Monday.',
        '"The Kremlin shifts the costs"',
        "Oil export revenue fell by a fifth in March.",
    )
    assert [c.text for c in doc.claims] == ["Our reserves will last"]
