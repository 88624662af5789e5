"""Voices with no cue verb: an interview's answers, an op-ed author's argument, a
ministry's statement (pure).

Each case is a short article of our own in the manner of real news copy.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstore.extract import ArticleDoc, ArticleMeta, extract_article

PUBLISHED = date(2024, 3, 12)


def extract(title: str, *lines: str, outlet: str | None = None) -> ArticleDoc:
    text = title + "\n\n" + "\n\n".join(lines) + "\n"
    meta = ArticleMeta(published_on=PUBLISHED, outlet=outlet)
    return extract_article(text, external_id="t", meta=meta, today=date(2026, 11, 30))


def claims_of(doc: ArticleDoc) -> list[tuple[str, str]]:
    return [(c.speaker.name, c.text) for c in doc.claims]


def test_answers_after_bare_questions_are_the_interviewees_named_in_the_intro() -> None:
    doc = extract(
        'Interview with a battalion commander: "The nights are the hardest part"',
        "Marko Hrytsenko is the commander of an artillery battalion near Kupiansk. He "
        "is on a short leave, his first since the autumn.",
        "dispatch.ua: What do you do first when you come home?",
        "Marko Hrytsenko: I sleep for two days. Then I fix the fence my neighbour keeps "
        "asking about.",
        "How often do the drones come now?",
        "Every night, sometimes forty of them. We shoot down most with machine guns.",
        "Do you have enough shells?",
        "We have more than in winter, but not enough to answer every gun they have.",
    )
    assert doc.featured_expert is not None
    assert doc.featured_expert.name == "Marko Hrytsenko"
    assert doc.featured_expert.role is not None
    assert "commander" in doc.featured_expert.role
    assert [name for name, _ in claims_of(doc)] == ["Marko Hrytsenko"] * 3
    texts = [text for _, text in claims_of(doc)]
    assert texts[0].startswith("I sleep for two days")
    assert texts[2].startswith("We have more than in winter")
    assert all(c.kind == "quote" for c in doc.claims)
    assert not any("short leave" in text or "?" in text for text in texts)
    assert doc.events == ()


def test_bare_questions_outside_an_interview_stay_subheads() -> None:
    doc = extract(
        "What the new sanctions package means for shipping",
        "The European Union adopted its new package on Monday.",
        "Who is affected?",
        "Tankers that carried Russian crude above the price cap are affected, the commission said.",
        "What comes next?",
        "Insurers expect more vessels to be listed this year.",
    )
    assert all(c.extracted_by != "interview.answer" for c in doc.claims)


def test_a_columns_byline_under_a_section_path_and_disclaimer_names_its_author() -> None:
    doc = extract(
        "Moroz: Ukraine cannot wait for another winter of promises",
        "News / Opinion / Columns",
        "The following column is presented as part of our Opinion content. Opinions "
        "represent the viewpoint of the author.",
        "By Halyna Moroz",
        "Published: March 12, 2024, 7:15am",
        "Every winter the same promises reach Kyiv, and every spring the same excuses follow them.",
        "The interceptors that were pledged in October are still sitting in depots, "
        "while the cities they were meant to protect count their dead.",
    )
    assert doc.featured_expert is not None
    assert doc.featured_expert.name == "Halyna Moroz"
    assert {name for name, _ in claims_of(doc)} == {"Halyna Moroz"}
    assert any("still sitting in depots" in text for _, text in claims_of(doc))
    assert not any("viewpoint of the author" in text for _, text in claims_of(doc))


@pytest.mark.parametrize(
    ("repost", "byline"),
    [
        (
            "This article was first published by the Baltic Security Review.",
            "By Halyna Moroz, March 10, 2024",
        ),
        ("This piece originally appeared in the Riga Quarterly.", "Halyna Moroz | 10 March 2024"),
    ],
    ids=["by-name-date", "name-bar-date"],
)
def test_a_repost_with_a_dated_byline_and_the_authors_name_in_the_title(
    repost: str, byline: str
) -> None:
    doc = extract(
        "Halyna Moroz: Europe must stop rationing interceptors",
        repost,
        byline,
        "Every winter the same promises reach Kyiv, and every spring the same excuses follow them.",
        "The interceptors that were pledged in October are still sitting in depots, "
        "while the cities they were meant to protect count their dead.",
    )
    assert doc.featured_expert is not None
    assert doc.featured_expert.name == "Halyna Moroz"
    assert [name for name, _ in claims_of(doc)] == ["Halyna Moroz", "Halyna Moroz"]
    assert all(c.extracted_by == "oped.author" for c in doc.claims)
    assert not any("published" in text or "appeared" in text for _, text in claims_of(doc))
    assert doc.events == ()


def test_a_mastheads_dated_line_names_no_author() -> None:
    doc = extract(
        "Kyiv Ledger: what the new aid package contains",
        "Kyiv Ledger | 10 March 2024",
        "The package includes shells, air defence interceptors and armoured vehicles.",
        "Congress approved it after six months of delay.",
    )
    assert doc.featured_expert is None
    assert not any(c.extracted_by == "oped.author" for c in doc.claims)


def test_a_ministrys_statement_gives_its_positions_and_keeps_its_events() -> None:
    doc = extract(
        "Statement of the Ministry of Energy of Ukraine on the attack on the Burshtyn power plant",
        "12 March 2024",
        "Firefighters at the damaged turbine hall (Pic. Ministry of Energy of Ukraine)",
        "12 March 2024 09:40 ENERGY SECURITY",
        "On the night of March 12, Russia struck the Burshtyn thermal power plant with "
        "six missiles.",
        "As of noon, 3 workers have been reported injured. Some districts of the region "
        "remain without heating.",
        "Strikes on power plants in winter are a deliberate attempt to freeze civilians. "
        "Such attacks are war crimes.",
        "Partners must understand that every delayed air defence system means another dark city.",
        outlet="Ministry of Energy of Ukraine",
    )
    ministry = "Ministry of Energy of Ukraine"
    assert doc.featured_expert is not None
    assert doc.featured_expert.name == ministry
    claims = claims_of(doc)
    assert [name for name, _ in claims] == [ministry, ministry]
    assert claims[0][1].startswith("Strikes on power plants in winter")
    assert claims[1][1].startswith("Partners must understand")
    # the toll reported in the passive is an event of the strike's day, nobody's claim
    assert [e.span.text[:29] for e in doc.events] == [
        "On the night of March 12, Rus",
        "As of noon, 3 workers have be",
    ]
    assert doc.events[1].date.day == 12
    assert doc.claims[0].extracted_by == "statement.issuer"


def test_calling_on_pushing_for_and_calling_something_are_claims() -> None:
    doc = extract(
        "Ministers react to the strike",
        "Foreign Minister Darya Kovalenko called on partner states to close the skies over "
        "the western regions by spring.",
        "In a separate post, President Volodymyr Zelensky also pushed for tougher sanctions "
        "on Russian shipping.",
        "Russia's ambassador in Berlin, Pavel Orlov, called the new measures \u201creckless.\u201d",
    )
    assert [c.speaker.name for c in doc.claims] == [
        "Darya Kovalenko",
        "Volodymyr Zelensky",
        "Pavel Orlov",
    ]
    assert doc.claims[0].text.startswith("called on partner states")
    assert doc.claims[2].text.startswith("called the new measures")
    assert doc.events == ()


def test_a_block_after_he_wrote_ends_at_its_lone_closing_mark() -> None:
    doc = extract(
        "Drones strike the Chernihiv region overnight",
        "Russian drones struck the Chernihiv region overnight, local media reported.",
        "Chernihiv regional governor Vyacheslav Chaus said that firefighters were at work. "
        "Posting on Telegram, he wrote:",
        "The enemy attacked the region again at night. Two villages were hit.",
        "All services are on site. There is no threat to residents.\u201d",
        "The air force said it shot down 14 of the 19 drones on Wednesday.",
    )
    (block,) = [c for c in doc.claims if c.extracted_by == "quote.block"]
    assert block.speaker.name == "Vyacheslav Chaus"
    assert len(block.spans) == 2  # one quotation over two paragraphs: one claim
    assert block.text.endswith("no threat to residents")
    assert doc.notes == ()


def test_a_quotation_of_several_sentences_is_whole_and_remarks_run_on() -> None:
    doc = extract(
        "Shells from Pyongyang are mostly duds, says a gunner",
        "The North Korean shells should not worry Ukraine, former battery commander Ivan "
        "Sahaidak told Radio Polissia on Monday.",
        'Russia fires about 10,000 shells a day, and half come from Pyongyang, "but a '
        "shell that does not explode is only an expensive piece of iron, as we say at "
        'the front."',
        '"Of ten shells, three fly wrong. Two more do not explode. So we count five, and '
        'that is the real gift," Sahaidak explained, adding that the barrels also wear out.',
    )
    assert [c.speaker.name for c in doc.claims] == ["Ivan Sahaidak"] * 3
    assert "expensive piece of iron" in doc.claims[1].text
    assert doc.claims[2].kind == "quote"
    assert doc.claims[2].text.startswith("Of ten shells, three fly wrong")


def test_a_mixed_curly_and_straight_quote_closes() -> None:
    doc = extract(
        "The president marks the anniversary",
        "Kostiantyn Marchenko, the mayor of Sumy, spoke on Friday.",
        "The country's president followed up with a video in which he declared that "
        '\u201cthe invader must lose" and argued that the front will hold this year.',
        "President Volodymyr Zelensky also pushed for more air defence for the northern regions.",
    )
    assert any("argued that the front will hold" in c.text for c in doc.claims)


def test_a_venue_line_citing_an_agency_is_no_claim_but_a_source() -> None:
    doc = extract(
        "Finance minister promises more aid",
        "Finance Minister Olha Bereza has said that the budget will fund 400,000 drones.",
        "She told this to journalists in Lviv, Kyiv Newswire reports, citing Reuters.",
    )
    (claim,) = doc.claims
    assert "Reuters" in [s.name for s in claim.sources]


def test_a_title_with_a_place_before_the_name_and_a_body_named_in_full() -> None:
    doc = extract(
        "Strikes in the south",
        "Acting mayor of Kherson Roman Mrochko reported that Russian artillery hit the "
        "port and a school.",
        "The General Staff of Ukraine's Armed Forces wrote on Monday that 40 clashes took "
        "place near Pokrovsk.",
        "The General Staff said that Russian units were moving reserves to the south.",
    )
    names = [c.speaker.name for c in doc.claims]
    assert names[0] == "Roman Mrochko"
    assert doc.claims[0].speaker.role == "Acting mayor"
    assert names[-1] == "General Staff of Ukraine's Armed Forces"


def test_captions_and_time_stamp_headers_are_not_items() -> None:
    doc = extract(
        "Live: strikes on the Odesa region",
        "12 March 2024 10:05 RUSSIA'S WAR AGAINST UKRAINE",
        "A satellite image shows the damaged grain terminal in Izmail on 3 March 2024, "
        "left, and the same site a week later. Photograph: AP",
        "Russia struck the port of Izmail with drones on Tuesday night, the regional "
        "administration said.",
    )
    assert [e.span.text[:22] for e in doc.events] == ["Russia struck the port"]
