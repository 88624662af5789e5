"""People a story introduces by what they did, then quotes (pure): a name with particles
("Ursula von der Leyen", "Mark van der Berg") is one person whatever follows it; the
person the paragraph before was about is "the European Commission president" of the next
one, and "she" after a paragraph that names no one.

Each case is a short article of our own in the manner of a wire story.
"""

from __future__ import annotations

from datetime import date

from tests.extract.lines import article, claim_of

DAY = date(2025, 3, 4)


def test_a_name_with_particles_is_one_person() -> None:
    doc = article(
        "EU chief Ursula von der Leyen Tuesday presented a plan to lend 150 billion "
        "euros for air defence.",
        '"We are talking about shared capabilities," she told reporters in Brussels.',
        published=DAY,
    )
    claim = claim_of(doc, "We are talking about shared capabilities")
    assert claim.speaker.name == "Ursula von der Leyen"


def test_the_office_of_the_person_introduced_before_names_her() -> None:
    doc = article(
        "Commission chief Greta Holm on Tuesday presented a plan to lend 150 billion euros "
        "for air defence.",
        '"A new era is upon us," the European Commission president said in a letter to '
        "national leaders.",
        published=DAY,
    )
    assert claim_of(doc, "A new era is upon us").speaker.name == "Greta Holm"


def test_a_paragraph_naming_no_one_leaves_her_the_one_followed() -> None:
    doc = article(
        "Commission chief Greta Holm on Tuesday presented a plan to lend 150 billion euros "
        "for air defence.",
        "Part one involves suspending the budget rules for two years.",
        '"Europe faces a danger none of us has seen in our adult lifetime," she wrote.',
        published=DAY,
    )
    assert claim_of(doc, "Europe faces a danger").speaker.name == "Greta Holm"
