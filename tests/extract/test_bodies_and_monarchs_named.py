"""Names of bodies and of those who reign (pure): "the U.S.-based Institute for the Study
of War" is the Institute for the Study of War; "Ukraine's Coordination Staff for the
Return of Prisoners" is the staff's own full name (but "Russia's Defence Ministry" and
"Ukraine's Ministry of Defence" keep their country); "the U.K.'s defence intelligence
unit said" is a body speaking; "Pope Leo XIV" and "King Charles III" are people, and
"Leo" is the pope later; a company named in quotation marks speaks ('"Rheinmetall" says
this is a record'); a body described in lower case before its name ("the global
initiative Tribunal for Putin (T4P") is named without it and its acronym; a text of law
("According to the Geneva Convention, ...") and an agency ("According to Agence France
Presse, ...") are no speakers.

Each case is a short article of our own in the manner of wires and Ukrainian news sites.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstore.extract.bodies import institution_named
from tests.extract.lines import article, claim_of

DAY = date(2025, 6, 5)


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("the U.S.-based Institute for the Study of War", "Institute for the Study of War"),
        (
            "Ukraine's Coordination Staff for the Return of Prisoners",
            "Coordination Staff for the Return of Prisoners",
        ),
        ("Russia's Defence Ministry", "Russia's Defence Ministry"),
        ("Ukraine's Ministry of Defence", "Ukraine's Ministry of Defence"),
        ("the global initiative Tribunal for Putin (T4P", "Tribunal for Putin"),
    ],
)
def test_a_body_is_named_without_where_it_sits(written: str, name: str) -> None:
    assert institution_named(written).name == name


def test_an_intelligence_unit_speaks() -> None:
    doc = article(
        '"Russian forces now very likely threaten the town from three sides," the U.K.\'s '
        "defence intelligence unit said on Wednesday.",
        published=DAY,
    )
    claim = claim_of(doc, "threaten the town from three sides")
    assert claim.speaker.kind == "organization"
    assert "intelligence unit" in claim.speaker.name


def test_a_pope_and_a_king_are_named_with_their_numbers() -> None:
    doc = article(
        "Pope Leo XIV said that both sides must take steps towards ending the war.",
        '"Peace is possible," Leo said after the call.',
        "King Charles III said that the alliance would stand by its members.",
        published=DAY,
    )
    assert claim_of(doc, "both sides must take steps").speaker.name == "Leo XIV"
    assert claim_of(doc, "Peace is possible").speaker.name == "Leo XIV"
    assert claim_of(doc, "the alliance would stand").speaker.name == "Charles III"


def test_a_company_named_in_quotation_marks_speaks() -> None:
    doc = article(
        "The new shell plant was built in 15 months. \u201cArmaTek\u201d says this is a "
        "record time for the industry.",
        published=DAY,
    )
    assert claim_of(doc, "this is a record time").speaker.name == "ArmaTek"


def test_a_text_of_law_and_an_agency_are_no_speakers() -> None:
    doc = article(
        "According to the Geneva Convention, attacking vital public infrastructure is a war crime.",
        "According to Agence France Presse, the company wants to open a tank plant in Lviv.",
        published=DAY,
    )
    assert not [
        c for c in doc.claims if c.speaker.name in {"Geneva Convention", "Agence France Presse"}
    ]
