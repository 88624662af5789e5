"""Speakers named after long titles, and a labelled story with a long list (pure):
"the Commissioner for Human Rights Dmytro Lubinets" is Lubinets (the tagger may take his
family name for a noun), and "the Ombudsman" is he; "expert and head of the Centre for
Radio Engineering, Koval, told X" is Koval, not an anonymous "expert"; a "Source:" /
"Details:" story whose "Background:" list is longer than its text is still a story, not
a list that is the whole text; "according to the representative of the Coordination
Staff for Missing Persons (KSZO), Taras Melnyk, in an interview with "Lviv Radio."" is
Melnyk, the staff's representative, speaking to Lviv Radio, and "According to him" is he.

Each case is a short article of our own.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc
from tests.extract.lines import article, claim_of

DAY = date(2024, 2, 7)


def news(*lines: str) -> ArticleDoc:
    return article(*lines, published=DAY, outlet="Capital Wire")


def test_the_ombudsman_is_the_commissioner_for_human_rights() -> None:
    doc = news(
        "On February 6, the Ukrainian Parliament Commissioner for Human Rights Dmytro "
        "Lubinets met with the head of the Ministry of Defense Rustem Umerov after sharp "
        "criticism of the draft law. After discussing the text, the Ombudsman urged MPs to "
        "support the draft law."
    )
    ombudsman = claim_of(doc, "urged MPs").speaker
    assert ombudsman.name == "Dmytro Lubinets"
    assert ombudsman.role == "Ukrainian Parliament Commissioner for Human Rights"


def test_a_name_after_two_joined_roles_is_the_speaker() -> None:
    doc = news(
        "In January, radio engineer and head of the Centre for Radio Engineering, Koval, "
        "told Hromadske that Russian units were quickly copying the new drones."
    )
    koval = claim_of(doc, "quickly copying").speaker
    assert koval.name == "Koval"
    assert koval.affiliation == "Centre for Radio Engineering"
    assert [s.name for s in claim_of(doc, "quickly copying").sources] == ["Hromadske"]


def test_a_labelled_story_with_a_long_background_list_is_read_whole() -> None:
    doc = news(
        "Occupation officials said they would keep moving residents out of the region.",
        "Source: Ivan Moroz, the Russian-installed head of the region, on a state channel",
        "Details: Moroz claims that the relocation continues and that people are leaving "
        "for their own safety.",
        "Background:",
        "- Moroz earlier asked Moscow to help remove residents from the towns along the "
        "river, and the Russian government promised free housing to those who leave.",
        "- At the end of October, the occupation administration stated it had finished "
        "moving civilians from the right bank of the river in the region.",
        "- The city was liberated by the Armed Forces of Ukraine on 11 November, after "
        "eight months of occupation and weeks of fighting on its approaches.",
        "- Partisans reported that the occupiers had begun withdrawing their collaborators "
        "and their families from the towns of the left bank of the river.",
    )
    assert claim_of(doc, "relocation continues").speaker.name == "Ivan Moroz"


def test_a_title_its_acronym_and_then_the_name_after_according_to() -> None:
    doc = news(
        "Russia has halted the return of missing soldiers' bodies to press Kyiv, according "
        "to the representative of the Coordination Staff for Missing Persons (KSZO), Taras "
        'Melnyk, in an interview with "Lviv Radio."',
        "According to him, the talks on the next handover have stalled for a month.",
    )
    lede = claim_of(doc, "halted the return of missing soldiers")
    assert lede.speaker.name == "Taras Melnyk"
    assert lede.speaker.affiliation == "Coordination Staff for Missing Persons"
    assert [s.name for s in lede.sources] == ["Lviv Radio"]
    assert claim_of(doc, "the talks on the next handover").speaker.name == "Taras Melnyk"
