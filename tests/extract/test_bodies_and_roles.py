"""Who speaks when the text names a body or a role rather than a person (pure): a
company's press service, "the company", "the chief executive", "the energy boss"; a name
after an opening phrase the parser hangs it on; a weak cue that closes its sentence; a
minister's portfolio in a possessive; an author box on one line; a broadcaster cited as a
source; a labelled "Source:" line above a "Background:" header; a live blog entry's own
dateline.

Each case is a short article of our own in the manner of Ukrainian outlets, wires and
opinion pages.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc
from tests.extract.lines import article, claim_of

PUBLISHED = date(2025, 3, 6)


def news(*lines: str, category: str | None = None) -> ArticleDoc:
    return article(*lines, published=PUBLISHED, outlet="Odesa Courier", category=category)


def speaker_of(doc: ArticleDoc, words: str) -> str:
    return claim_of(doc, words).speaker.name


def test_a_press_service_speaks_for_its_body() -> None:
    doc = news(
        "A drone attack damaged a thermal plant in the Odesa region overnight, Volta Energy said.",
        "Volta Energy's press service said repairs would take at least a week.",
        "The press service of the Energy Ministry said 40,000 homes were still without heat.",
    )
    assert speaker_of(doc, "repairs would take") == "Volta Energy"
    assert speaker_of(doc, "40,000 homes") == "Energy Ministry"


def test_the_company_is_the_company_named_before() -> None:
    doc = news(
        "Volta Energy said a drone attack had damaged its substation near Izmail.",
        "According to the company, the damage is severe and will take weeks to repair.",
    )
    assert speaker_of(doc, "the damage is severe") == "Volta Energy"


def test_the_company_is_no_ministry_nor_a_platform_named_since() -> None:
    doc = news(
        "Volta Energy said a drone attack had damaged its substation near Izmail.",
        "The Energy Ministry posted photographs of the site on Telegram.",
        "According to the company, the damage is severe and will take weeks to repair.",
    )
    assert speaker_of(doc, "the damage is severe") == "Volta Energy"


def test_a_title_without_a_name_is_the_person_who_holds_it() -> None:
    doc = news(
        "Oksana Hrytsenko, the chief executive of the grid operator Linia, said most large "
        "substations in the south had been hit.",
        "Spare transformers are the main shortage, the chief executive said.",
        "Describing the grid as close to collapse, the energy boss said Ukraine had asked "
        "its partners for more air defence.",
    )
    assert speaker_of(doc, "Spare transformers") == "Oksana Hrytsenko"
    assert speaker_of(doc, "close to collapse") == "Oksana Hrytsenko"


def test_a_name_after_an_opening_phrase_speaks() -> None:
    doc = news(
        "Russian drones struck the port of Izmail overnight, the regional governor said.",
        "Sheltering in a metro station in the centre of Odesa, Iryna Bondar, a 46-year-old "
        "nurse, said she thought the repeated strikes had a clear purpose.",
    )
    assert speaker_of(doc, "Sheltering in a metro station") == "Iryna Bondar"


def test_a_weak_cue_that_closes_its_sentence_attributes_it() -> None:
    doc = news(
        "Some 200,000 people remain without power supply in Odesa Oblast following a recent "
        "Russian drone attack on critical infrastructure in the region, the oblast governor "
        "Maksym Marchenko reported on March 6.",
    )
    assert speaker_of(doc, "Some 200,000 people") == "Maksym Marchenko"


def test_a_lede_without_a_full_stop_that_reports_a_speaker_is_no_deck() -> None:
    doc = news(
        "Some 200,000 people remain without power supply in Odesa Oblast following a recent "
        "Russian drone attack on critical infrastructure in the region, the oblast governor "
        "Maksym Marchenko reported on March 6",
        "The situation is slowly improving, Marchenko said.",
        "Repair crews from three regions have been sent to the city.",
    )
    assert speaker_of(doc, "Some 200,000 people") == "Maksym Marchenko"
    assert speaker_of(doc, "slowly improving") == "Maksym Marchenko"


def test_a_possessive_country_employs_its_minister() -> None:
    doc = news(
        "Latvia's foreign minister Anna Berzina said the shadow fleet threatened Baltic "
        "undersea cables.",
    )
    speaker = claim_of(doc, "shadow fleet").speaker
    assert (speaker.role, speaker.affiliation) == ("foreign minister", "Latvia")


def test_an_author_box_on_one_line_names_the_op_eds_author() -> None:
    doc = news(
        "About the author: Marta Liepa is Latvia's defence minister.",
        "Europe keeps promising shells it has not yet ordered. That has to change this year.",
        "Every month of delay is paid for in Ukrainian lives.",
        category="Opinion",
    )
    assert doc.featured_expert is not None
    assert doc.featured_expert.name == "Marta Liepa"
    assert speaker_of(doc, "paid for in Ukrainian lives") == "Marta Liepa"
    assert not [c for c in doc.claims if "About the author" in c.spans[0].text]


def test_a_first_name_spelt_like_a_rank_after_a_title() -> None:
    doc = news(
        "Japanese Defense Minister Gen Sakamoto said the missile flew about 600 kilometres.",
        "Sakamoto said the launch was the fifth this year.",
    )
    assert speaker_of(doc, "fifth this year") == "Gen Sakamoto"


def test_a_statement_posted_then_said_to_be_the_ministers() -> None:
    doc = news(
        "On the night of March 6, Russia attacked energy facilities in three regions, and a "
        "shift engineer was wounded.",
        "Energy Minister Pavlo Hordiienko posted this on Facebook, according to Ukrinform.",
    )
    claim = claim_of(doc, "a shift engineer was wounded")
    assert claim.speaker.name == "Pavlo Hordiienko"
    assert [s.name for s in claim.sources] == ["Ukrinform"]


def test_a_broadcaster_cited_for_a_happening_is_its_source() -> None:
    doc = news(
        "Estonian police boarded a tanker of the shadow fleet in the Gulf of Finland.",
        "The tanker was heading to Ust-Luga, according to Latvian Public Broadcasting.",
    )
    assert not [c for c in doc.claims if "heading to Ust-Luga" in c.spans[0].text]
    (event,) = [e for e in doc.events if "heading to Ust-Luga" in e.span.text]
    assert [s.name for s in event.sources] == ["Latvian Public Broadcasting"]


def test_a_news_agency_is_named_without_saying_what_it_is() -> None:
    doc = news(
        "Ukraine has asked the G7 to lower the oil price cap to $30 a barrel.",
        "Source: Foreign Minister Ivan Marchuk in Brussels, as reported by the Ukrinform news "
        "agency",
        "Details: Marchuk also said that sanctions must be imposed on Russia's central bank.",
        "He noted that tough measures were needed now.",
        "Background:",
        "On 20 May, the EU adopted its 17th sanctions package against Russia.",
    )
    assert speaker_of(doc, "central bank") == "Ivan Marchuk"
    assert speaker_of(doc, "tough measures") == "Ivan Marchuk"
    assert [s.name for s in claim_of(doc, "central bank").sources] == ["Ukrinform"]


def test_a_live_blog_entrys_dateline_is_no_part_of_its_speaker() -> None:
    doc = news(
        "Russian drones hit Kyiv again on Thursday morning, city officials said.",
        "Air defence units shot down most of the drones over the city's western districts.",
        "Emergency crews put out fires in two residential buildings.",
        "Schools in the capital moved their lessons online for the day.",
        "KYIV, Ukraine — Ukrainian nuclear energy company Atomtrade says external power to "
        "the Zaporizhzhia plant was once again cut off by shelling.",
    )
    assert speaker_of(doc, "once again cut off") == "Atomtrade"


def test_two_speakers_joined_by_but() -> None:
    doc = news(
        "A Russian glide bomb hit a hospital in Kharkiv on Thursday.",
        "Earlier, the city's mayor Ihor Danko reported that the attack killed one person, but "
        "later Petro Sas, the head of the regional police, said the man was dead before the "
        "strike.",
    )
    assert speaker_of(doc, "killed one person") == "Ihor Danko"
    assert speaker_of(doc, "dead before the strike") == "Petro Sas"


def test_an_unnamed_official_who_told_reporters_after_the_comma() -> None:
    doc = news(
        "Ukraine's armed forces fired 39 shells at Nova Kakhovka and other towns in the "
        "Kherson region last night, a local emergencies official told reporters on Tuesday.",
    )
    (event,) = doc.events
    assert "fired 39 shells" in event.span.text
    assert [s.name for s in event.sources] == ["local emergencies official"]


def test_the_agency_is_the_centre_named_before() -> None:
    doc = news(
        "Wreckage of the drone was found near Izium, according to the army's Strategic "
        "Communications Centre, which shared photos of the debris.",
        '"The wing elements allow us to confirm the type of the drone," the agency said.',
    )
    assert speaker_of(doc, "wing elements") == "Strategic Communications Centre"


def test_a_country_in_the_lede_speaks_through_the_official_the_source_line_names() -> None:
    doc = news(
        "Latvia has welcomed the new sanctions, but has proposed lowering the price cap on "
        "Russian oil to $30 a barrel.",
        "Source: Latvian Foreign Minister Ivars Ozols in Brussels, as reported by the LETA "
        "news agency",
        "Details: Ozols also said that sanctions must reach Russia's central bank.",
    )
    assert speaker_of(doc, "lowering the price cap") == "Ivars Ozols"
    assert speaker_of(doc, "central bank") == "Ivars Ozols"


def test_a_denial_of_what_was_said_before_is_the_deniers() -> None:
    doc = news(
        "The United States first accused North Korea of selling shells to Russia in "
        "September 2022. At the time, North Korea denied the accusations.",
    )
    assert speaker_of(doc, "North Korea denied the accusations") == "North Korea"
    assert speaker_of(doc, "first accused") == "United States"


def test_a_name_the_parser_split_from_its_long_title() -> None:
    doc = news(
        "There must be a ceasefire before any talks begin, EU High Representative for "
        "Foreign Affairs Kaja Kallas said, stressing that Russia keeps shelling Ukraine.",
    )
    assert speaker_of(doc, "There must be a ceasefire") == "Kaja Kallas"


def test_a_quotation_whose_speaker_follows_with_a_long_appositive() -> None:
    doc = news(
        "The brigade invited soldiers who had left without leave to come back.",
        "“There was a flood of applications; so many that we still cannot process them all,” "
        "Taras Lytvyn, the brigade's head of recruitment, said two weeks later.",
    )
    assert speaker_of(doc, "a flood of applications") == "Taras Lytvyn"


def test_a_body_named_in_full_then_by_its_last_word_and_its_spokesperson() -> None:
    doc = news(
        "The International Monetary Fund said on Thursday that Ukraine had met its targets.",
        "The board is expected to meet in the coming weeks, the Fund's spokesperson said.",
    )
    assert speaker_of(doc, "coming weeks") == "International Monetary Fund"
    assert doc.featured_expert is None


def test_but_inside_a_quotation_splits_nothing() -> None:
    doc = news(
        "Military expert Oleh Petrenko said the risk of Chinese arms reaching Russia was growing.",
        '"The second risk is that the country becomes a hub for Chinese arms. In this '
        "situation, there is the experience of an older war, when China declared "
        "non-interference in that conflict and support for talks, but instead transferred "
        'weapons to its ally. After that, it did not care how they were used," he added.',
    )
    claim = claim_of(doc, "instead transferred weapons")
    assert claim.speaker.name == "Oleh Petrenko"
    assert claim.text.startswith("The second risk")
