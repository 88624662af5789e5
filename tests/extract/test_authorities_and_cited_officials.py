"""Speakers of wire and Ukrainian news copy (pure): "the sea ports authority said" is a
body that speaks, and "it said" after it is that body, not the country of the lede; a
source label whose body cites an official ("Source: the Prosecutor General's Office,
citing X, Chief of ...") names who speaks below, so "X stated" is that person in full;
an employer's name runs on through "during" and through a list of its capitalized words
("Committee on Finance, Tax and Customs Policy").

Each case is a short article of our own.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc
from eventstore.extract.people import make_person
from tests.extract.lines import article, claim_of

DAY = date(2022, 8, 17)


def news(*lines: str) -> ArticleDoc:
    return article(*lines, published=DAY, outlet="Harbour Wire")


def test_an_authority_speaks_and_it_said_is_that_authority() -> None:
    doc = news(
        "Ukraine expects four ships to arrive at its Pivdennyi port on Wednesday, the "
        "largest convoy so far under the grain deal.",
        "The Ukrainian sea ports authority said that the new cargoes would include barley.",
        '"Today we expect four vessels to enter the port of Pivdennyi," it said.',
    )
    assert claim_of(doc, "include barley").speaker.name == "Ukrainian sea ports authority"
    assert claim_of(doc, "four vessels").speaker.name == "Ukrainian sea ports authority"


def test_a_source_label_citing_an_official_names_who_speaks_below() -> None:
    doc = news(
        "Prosecutors have opened a case over the shooting of two prisoners near Vovchansk.",
        "Source: Prosecutor General’s Office, citing Yurii Bieliaiev, Chief of the "
        "Department for Combating Crimes Committed during Armed Conflicts, in an interview "
        "with Radio Lviv",
        "Details: Commenting on the video, Bieliaiev stated that the first reports had been "
        "received and were being checked.",
        "Bieliaiev called on people not to share the names of the soldiers.",
    )
    for words in ("first reports had been received", "not to share the names"):
        speaker = claim_of(doc, words).speaker
        assert speaker.name == "Yurii Bieliaiev"
        assert speaker.role == "Chief"
        assert speaker.affiliation == (
            "Department for Combating Crimes Committed during Armed Conflicts"
        )


def test_an_employers_name_runs_through_during_and_a_list() -> None:
    chief = make_person(
        "Andrii Koval", "Chief of the Department for Crimes Committed during Armed Conflicts"
    )
    assert chief.affiliation == "Department for Crimes Committed during Armed Conflicts"
    member = make_person(
        "Olena Marchuk", "Member of the Verkhovna Rada Committee on Finance, Tax and Customs Policy"
    )
    assert member.affiliation == "Verkhovna Rada Committee on Finance, Tax and Customs Policy"
    assert make_person("Olena Marchuk", "head of the Institute of Economics, Kyiv").affiliation == (
        "Institute of Economics"
    )


def test_announced_at_a_briefing_by_x_names_who_said_it() -> None:
    doc = news(
        "The fund's board is scheduled to meet next Monday to discuss the second review of "
        "the programme for Ukraine.",
        "This was announced on Thursday at a press briefing in Washington by Julia Kovalska, "
        "Director at the Fund's Communications Department, a Harbour Wire correspondent "
        "reports.",
        "She confirmed that in case of a positive decision, the next tranche will amount to "
        "about $900 million.",
    )
    assert claim_of(doc, "scheduled to meet next Monday").speaker.name == "Julia Kovalska"
    assert claim_of(doc, "about $900 million").speaker.name == "Julia Kovalska"


def test_an_office_named_for_its_holder_is_a_body_not_a_person() -> None:
    doc = news(
        "The Office of the UN High Commissioner for Refugees Affairs said on Monday that "
        "the shelters were full.",
        "It said 433 of the families were waiting for places.",
    )
    body = "Office of the UN High Commissioner for Refugees Affairs"
    assert claim_of(doc, "shelters were full").speaker.name == body
    assert claim_of(doc, "433 of the families").speaker.name == body


def test_who_heads_a_body_is_its_head() -> None:
    doc = news(
        "Ports in the south stayed closed for a third day after the storm.",
        "Dmytro Hrytsenko, who heads the Ukrainian Sea Ports Authority, said the ports would "
        "reopen next week.",
        "Olha Melnyk, who led the ministry's audit, told reporters that two contracts had been "
        "cancelled.",
    )
    head = claim_of(doc, "reopen next week").speaker
    assert (head.role, head.affiliation) == ("head", "Ukrainian Sea Ports Authority")
    assert claim_of(doc, "two contracts").speaker.role == "head of the ministry's audit"
