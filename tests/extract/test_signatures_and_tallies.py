"""Signatures, tallies and the subject a paragraph is about (pure): a quotation in marks
signed after a dash by a body ('"..." - emphasized the General Staff.') is the body's, named
as the article first named it in full ("The General Staff of the Armed Forces of Ukraine
confirmed ..."); "according to a CNN tally" cites CNN, "according to data from the
prosecutor general's office" the office; "as quoted by RND" is RND's report, and so is
"..., BelTA has learned."; "a HUR source told ..." cites HUR; "he said"
after a paragraph that names two people is its subject's ("Defence Minister X, who
co-chairs the meeting with his counterpart Y, announced ..."); "the study said" is the
words of the body whose study the text named ("a study by X", "X said in a study", "the X
report"), not of the Kremlin that spoke last; "X said in a study that ..." says what
follows, never whose the paragraph before was, whatever the parse; "a Foreign Ministry
statement on Monday that said ..." gives the ministry's words.

Each case is a short article of our own in the manner of Ukrainian newswires and wires.
"""

from __future__ import annotations

from datetime import date

from tests.extract.lines import article, claim_of, event_of

DAY = date(2025, 8, 14)


def test_a_quotation_signed_by_a_body_is_the_bodys() -> None:
    doc = article(
        "The General Staff of the Armed Forces of Ukraine confirmed the strike on the oil "
        "refinery in Saratov, writes the agency.",
        "\"We keep cutting the fuel the aggressor's army runs on. To be continued... Glory "
        'to Ukraine!" - emphasized the General Staff.',
        published=DAY,
    )
    speaker = claim_of(doc, "keep cutting the fuel").speaker
    assert speaker.name == "General Staff of the Armed Forces of Ukraine"
    assert speaker.kind == "organization"


def test_tallies_data_and_quotations_name_their_sources() -> None:
    doc = article(
        "According to a CNN tally, drones have struck at least nine large refineries in "
        "August alone.",
        "Since 2022, prosecutors opened nearly 90,000 cases against soldiers who left their "
        "units, according to data from the prosecutor general's office.",
        "Chancellor Olaf Kern has categorically rejected the possibility of sending the "
        "missiles, speaking at the editorial conference of the news agency, as quoted by RND.",
        published=DAY,
    )
    assert [s.name for s in event_of(doc, "nine large refineries").sources] == ["CNN"]
    cited = [s.name for s in event_of(doc, "90,000 cases").sources]
    assert cited == ["prosecutor general's office"]
    assert "RND" in [s.name for s in claim_of(doc, "rejected the possibility").sources]


def test_he_after_a_paragraph_naming_two_people_is_its_subject() -> None:
    doc = article(
        "German Defence Minister Karl Brenner, who is co-chairing the meeting of the contact "
        "group together with his British counterpart Tom Ashby, announced the delivery of "
        "the first launchers to Ukraine.",
        '"Germany is now sending two complete air defence systems. The first launchers are '
        'already there," he said, opening the meeting.',
        published=DAY,
    )
    assert claim_of(doc, "two complete air defence systems").speaker.name == "Karl Brenner"


def test_the_study_is_the_words_of_the_body_that_said_it_in_one() -> None:
    doc = article(
        "The Kremlin said on Tuesday that a think tank's estimate of Russia's losses could "
        "not be trusted.",
        "A study by the Center for Defence Studies put the number of Russian soldiers killed "
        "since the invasion at about 300,000.",
        '"No major power has lost this many soldiers in any war since 1945," the study said.',
        published=DAY,
    )
    said = claim_of(doc, "No major power has lost").speaker
    assert said.name == "Center for Defence Studies"


def test_an_agency_that_has_learned_and_a_bodys_source_are_sources() -> None:
    doc = article(
        "Belarus will not join the war, President Viktor Lasko told reporters in Minsk on "
        "Thursday, BelTA has learned.",
        "Drones struck an oil refinery in the Leningrad region overnight, a HUR source told "
        "the Kyiv Independent.",
        published=DAY,
    )
    assert [s.name for s in claim_of(doc, "Belarus will not join the war").sources] == ["BelTA"]
    struck = [s.name for s in event_of(doc, "struck an oil refinery").sources]
    assert "HUR" in struck
    assert "HUR source" not in struck


def test_said_in_a_study_that_does_not_claim_the_paragraph_before() -> None:
    doc = article(
        "Yesterday, defence ministers of the alliance met in Brussels to talk about sending "
        "Ukraine more interceptor drones.",
        "The Center for Defence Studies (CDS) said in a study that around 300,000 Russian "
        "soldiers were killed between February 2022 and December 2025, with another 800,000 "
        "wounded or missing.",
        published=DAY,
    )
    met = event_of(doc, "ministers of the alliance met in Brussels")
    assert (met.date.month, met.date.day) == (8, 13)
    assert all("met in Brussels" not in s.text for c in doc.claims for s in c.spans)


def test_a_statement_that_said_gives_its_issuers_words() -> None:
    doc = article(
        "China's foreign minister spoke to his Russian counterpart by phone on Monday.",
        "The minister's words to his counterpart were announced in a Foreign Ministry "
        "statement on Monday that said Beijing would be an impartial voice at any forum.",
        published=DAY,
    )
    said = claim_of(doc, "would be an impartial voice")
    assert said.speaker.name == "Foreign Ministry"
    assert "were announced" not in said.text
