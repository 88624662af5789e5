"""Bodies by their own names (pure): a body named by what it is for ("the Coordination
Headquarters for the Treatment of Prisoners of War") and then by its first words ("the
Coordination Headquarters reported ...") speaks under its full name; what a body is,
written in lower case before its name ("the U.S. research group Eastern Conflict Monitor",
"human rights group Memorial"), is no part of the name, nor is its press service or the
platform it wrote on ("the SBI press service via Telegram"); a unit's number is part of its
name ("a spokesman for the 24th Separate Mechanized Brigade"); the platform after a role
("Kharkiv Mayor X on Telegram") is where the words were posted, not an employer.

Each case is a short article of our own in the manner of Ukrainian outlets and wires.
"""

from __future__ import annotations

from datetime import date

from tests.extract.lines import article, claim_of

DAY = date(2024, 10, 19)


def test_a_body_named_by_its_first_words_is_the_one_named_in_full() -> None:
    doc = article(
        "The Coordination Headquarters for the Treatment of Prisoners of War has carried out "
        "the 58th exchange of prisoners.",
        "The Coordination Headquarters reported that many of those released have serious "
        "illnesses.",
        published=DAY,
    )
    speaker = claim_of(doc, "have serious illnesses").speaker
    assert speaker.name == "Coordination Headquarters for the Treatment of Prisoners of War"


def test_what_a_body_is_and_where_it_wrote_are_no_part_of_its_name() -> None:
    doc = article(
        "Russia coerces residents of the occupied areas to accept its passports, the U.S. "
        "research group Eastern Conflict Monitor reported on Aug. 2.",
        "The officials took bribes for the contracts, the investigators found. This was "
        "reported by the SBI press service via Telegram.",
        published=DAY,
    )
    assert claim_of(doc, "accept its passports").speaker.name == "Eastern Conflict Monitor"
    assert claim_of(doc, "took bribes").speaker.name == "SBI"


def test_a_units_number_is_part_of_its_name() -> None:
    doc = article(
        '"The situation near the town remains difficult," said Ivan Hordiienko, a spokesman '
        "for the 24th Separate Mechanized Brigade.",
        published=DAY,
    )
    speaker = claim_of(doc, "remains difficult").speaker
    assert (speaker.role, speaker.affiliation) == ("spokesman", "24th Separate Mechanized Brigade")


def test_the_platform_after_a_role_is_where_not_who_employs() -> None:
    doc = article(
        "Source: Petro Lysenko, Head of Poltava Oblast Military Administration, on Telegram; "
        "Poltava Mayor Ivan Hordiienko on Telegram",
        'Quote from Hordiienko: "So far, six people are known to have been injured in the '
        'explosion."',
        published=DAY,
    )
    speaker = claim_of(doc, "six people are known").speaker
    assert (speaker.name, speaker.affiliation) == ("Ivan Hordiienko", None)
    assert "Telegram" not in (speaker.role or "")
