"""Who speaks, named as a reader would name them (pure): a press conference's opening
remarks titled by their kind alone, with the speaker in the line under the title; bodies
named after the words that describe them ("Ukraine's state-owned oil and gas company
Naftogaz", 'the state-owned company "Energoatom"', "DTEK, Ukraine's largest private
energy company", "a Department of the Treasury press release"); a name that ends in its
generation ("Lloyd J. Austin III", then "Austin said"); a naval rank before a name.

Each case is a short article of our own in the manner of the outlets met.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstore.extract import ArticleDoc
from tests.extract.lines import article, claim_of

DAY = date(2025, 2, 12)


def news(*lines: str, title: str = "A headline of our own") -> ArticleDoc:
    return article(*lines, published=DAY, outlet="Harbour Wire", title=title)


def test_remarks_titled_by_their_kind_are_the_speakers_named_under_the_title() -> None:
    doc = news(
        "by NATO Secretary General Jan Verhoeven ahead of the meeting of Defence Ministers",
        "(As delivered)",
        "Good afternoon,",
        "We have robust plans in place to keep our people safe in a more dangerous world.",
        "But we do not yet have all we need to carry them out in full.",
        title="Pre-ministerial press conference",
    )
    assert doc.featured_expert is not None
    assert doc.featured_expert.name == "Jan Verhoeven"
    for words in ("robust plans in place", "all we need to carry them out"):
        assert claim_of(doc, words).speaker.name == "Jan Verhoeven"


def test_a_title_of_another_kind_over_a_by_line_names_no_speaker() -> None:
    doc = news(
        "by Marta Kovalenko, a reporter in Kyiv",
        "Russian drones struck an energy facility in the Kyiv region overnight.",
        title="Drones strike energy facility near Kyiv",
    )
    assert not doc.claims


@pytest.mark.parametrize(
    ("line", "words", "body"),
    [
        (
            "Gas supplies to households will not be affected, Ukraine's state-owned oil and "
            "gas company Naftogaz said.",
            "Gas supplies to households",
            "Naftogaz",
        ),
        (
            "DTEK, Ukraine's largest private energy company, said that emergency outages "
            "were in effect in two regions.",
            "emergency outages",
            "DTEK",
        ),
        (
            "According to a Department of the Treasury press release, the measures target "
            "two oil companies and their subsidiaries.",
            "the measures target",
            "Department of the Treasury",
        ),
    ],
)
def test_a_body_is_named_without_the_words_that_describe_it(
    line: str, words: str, body: str
) -> None:
    assert claim_of(news(line), words).speaker.name == body


def test_a_body_named_in_quotation_marks_is_the_one_its_description_points_back_to() -> None:
    doc = news(
        "The plant lost its last external power line overnight. This was reported by the "
        'state-owned company "Energoatom".',
        '"Only the return of the plant to its lawful operator can prevent a disaster," the '
        "state-owned company concluded.",
    )
    assert claim_of(doc, "lost its last external power line").speaker.name == "Energoatom"
    assert claim_of(doc, "lawful operator").speaker.name == "Energoatom"


def test_a_name_that_ends_in_its_generation_is_found_again_by_surname() -> None:
    doc = news(
        "Defense Secretary Walter P. Brennan III chaired the meeting of the contact group.",
        '"Donate whatever interceptors you can spare," said Walter P. Brennan III at the '
        "meeting's close.",
        "Air defence, Brennan said, remains the alliance's first need this winter.",
    )
    assert claim_of(doc, "whatever interceptors").speaker.name == "Walter Brennan III"
    assert claim_of(doc, "remains the alliance's first need").speaker.name == "Walter Brennan III"


def test_a_naval_rank_before_a_name_is_no_part_of_it() -> None:
    doc = news("Navy Commander Cdre Ivo Saar said that the tanker would be held in port.")
    assert claim_of(doc, "held in port").speaker.name == "Ivo Saar"
