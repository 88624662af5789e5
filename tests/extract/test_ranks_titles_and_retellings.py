"""Speakers behind ranks and double titles, statements of a body named in passing, and a
happening told twice (pure): "said Col. (Ret.) Jane Marlow, the Chief of Staff to ..." is
Marlow (not cut into two sentences at "(Ret.)"), her "Chief of Staff to" someone is an
office, not an employer, and the "leading military expert" of the lede is she; "State
Councilor and Foreign Minister Wang Yi said" is Wang Yi; "China believes that ..., he
said." is his; "The ICC made the announcement. The statement alleges ..." is the
International Criminal Court's, named as the article spelt it first; "Manufacturer MBDA
says" is MBDA; a member "of the Voice faction" or "of the Green parliamentary group" works
for that group; "The agreement was signed by ..." after "... on Wednesday signed an
agreement" and a dated line of background is Wednesday's. "US Ambassador to NATO X said"
is X; "the UN Under-Secretary-General said" is the one named beside that title before
("..., by UN Under-Secretary-General for Humanitarian Affairs, X, during ..."); "... -
explained the spokesman." is the spokesman the text follows.

Each case is a short article of our own in the manner of wires and agencies.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract.people import split_role
from tests.extract.lines import article, claim_of, event_of

DAY = date(2025, 6, 26)  # a Thursday


def test_a_retired_colonel_is_named_after_the_rank_and_the_lede_is_hers() -> None:
    doc = article(
        "WASHINGTON, June 26. The outgoing administration is trying to bind its successor "
        "with the new missile rules, a leading US military expert has told the agency.",
        '"They want to make any change of course costly," said Col. (Ret.) Jane Marlow, '
        "the Chief of Staff to Secretary of State Paul Whitfield (in 2002-2005).",
        published=DAY,
    )
    quoted = claim_of(doc, "any change of course costly").speaker
    assert quoted.name == "Jane Marlow"
    assert quoted.affiliation is None
    assert claim_of(doc, "trying to bind its successor").speaker.name == "Jane Marlow"


def test_two_titles_joined_by_and_are_one_persons() -> None:
    doc = article(
        "China is willing to keep playing a constructive role in the talks, State Councilor "
        "and Foreign Minister Wang Yi said Monday.",
        "China believes that the wider the disagreement, the greater the need to sit down "
        "and negotiate, he said.",
        published=DAY,
    )
    assert claim_of(doc, "constructive role").speaker.name == "Wang Yi"
    assert claim_of(doc, "the greater the need").speaker.name == "Wang Yi"


def test_a_statement_is_the_words_of_the_body_named_before_it() -> None:
    doc = article(
        "The International Criminal Court has issued arrest warrants for two retired "
        "generals over strikes on the power grid.",
        "The ICC made the announcement on Tuesday. The statement alleges the two are "
        "responsible for war crimes.",
        published=DAY,
    )
    said = claim_of(doc, "responsible for war crimes").speaker
    assert said.name == "International Criminal Court"
    assert said.kind == "organization"


def test_a_company_described_at_the_start_of_a_sentence_is_named_without_it() -> None:
    doc = article(
        "Manufacturer MBDA says the missile flies further than 250 kilometres.",
        published=DAY,
    )
    assert claim_of(doc, "flies further than").speaker.name == "MBDA"


def test_a_parliamentary_group_employs_its_members() -> None:
    assert split_role("member of the Voice faction") == ("member", "Voice faction")
    assert split_role("deputy chairwoman of the Green parliamentary group") == (
        "deputy chairwoman",
        "Green parliamentary group",
    )
    assert split_role("Deputy CDU/CSU parliamentary group leader") == (
        "Deputy parliamentary group leader",
        "CDU/CSU",
    )


def test_a_happening_told_again_keeps_its_day() -> None:
    doc = article(
        "The Council of Europe and Ukraine on Wednesday signed an agreement to set up a "
        "special tribunal for the crime of aggression.",
        "Kyiv first asked for such a tribunal on May 13, 2022, weeks after the invasion.",
        "The agreement was signed by the Ukrainian president and the council's secretary "
        "general at a ceremony in Strasbourg.",
        published=DAY,
    )
    signed = event_of(doc, "The agreement was signed by").date
    assert (signed.year, signed.month, signed.day) == (2025, 6, 25)


def test_a_name_after_a_post_abroad_is_who_holds_it() -> None:
    doc = article(
        "More long-range missiles could push the Kremlin towards talks, US Ambassador to "
        "NATO Mark Holloway said, according to an Italian daily.",
        published=DAY,
    )
    assert claim_of(doc, "push the Kremlin towards talks").speaker.name == "Mark Holloway"


def test_a_hyphened_title_beside_a_name_refers_back_to_it() -> None:
    doc = article(
        "This was stated on Tuesday by UN Under-Secretary-General for Humanitarian Affairs, "
        "Ruth Calder, during a meeting of the Security Council, a correspondent reports.",
        '"The monitors reported this was the deadliest strike on a school since 2022," the '
        "UN Under-Secretary-General said.",
        published=DAY,
    )
    said = claim_of(doc, "deadliest strike on a school").speaker
    assert said.name == "Ruth Calder"
    assert said.role == "UN Under-Secretary-General for Humanitarian Affairs"


def test_a_quotation_signed_by_the_spokesman_the_text_follows_is_his() -> None:
    doc = article(
        "The contracts are meant for those not subject to mobilization. This was announced "
        "by the spokesman for the Ministry of Defence Ivan Hordiienko during a telethon.",
        "That is, the contract puts the new recruits level with those who have served for "
        "years - explained the spokesman.",
        published=DAY,
    )
    assert claim_of(doc, "level with those who have served").speaker.name == "Ivan Hordiienko"
