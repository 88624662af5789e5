"""Sources as real news names them (pure; blind sets D15-D18's causes).

"As Interfax reported earlier", "the state news agency, KCNA,", "a Defence Intelligence
Agency report", "an Energy Monitor correspondent reports", "in an interview with A and B
websites", a "Source:" line that ends "as reported by X", and "the agency" for the outlet
named before. Each case is a short article of our own; the test states which outlet a
reader would say each item came from.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc
from eventstore.extract.names import display_source_name
from tests.extract.lines import article

PUBLISHED = date(2024, 11, 29)  # a Friday


def extract(*lines: str) -> ArticleDoc:
    return article(*lines, published=PUBLISHED, outlet="Kyiv Ledger")


def sourced(doc: ArticleDoc) -> list[list[str]]:
    items = [*doc.claims, *doc.events]
    items.sort(key=lambda i: i.spans[0].start if hasattr(i, "spans") else i.span.start)
    return [[s.name for s in item.sources] for item in items]


def test_source_names_lose_what_only_describes_them() -> None:
    assert display_source_name("As Interfax") == "Interfax"
    assert display_source_name("Pyongyang's official news agency, KCNA") == "KCNA"
    assert (
        display_source_name("a Defence Intelligence Agency report seen by two lawmakers")
        == "Defence Intelligence Agency"
    )
    assert display_source_name("the Institute for the Study of War report") == (
        "Institute for the Study of War"
    )
    assert display_source_name("Russian Telegram channel Astra") == "Astra"
    assert display_source_name("The Ukrainian military news site Defense Express") == (
        "Defense Express"
    )
    assert display_source_name("The Times") == "The Times"
    assert display_source_name("the White House") == "White House"


def test_a_correspondents_outlet_is_the_source_of_what_they_heard() -> None:
    doc = extract(
        "\u201cWe have filled the storage sites to 90%,\u201d Naftogaz chairman Petro Hnatenko "
        "told reporters in Lviv on Thursday, a Kyiv Energy Monitor correspondent reports."
    )
    assert sourced(doc) == [["Kyiv Energy Monitor"]]


def test_an_interview_named_after_the_words_gives_its_outlets_not_the_speaker() -> None:
    doc = extract(
        "Grain traders may store wheat in Ukrainian silos at a discount this winter.",
        "Marta Kovalska, the head of the State Grain Corporation, said this in an interview "
        "with The Harbour Review and Odesa.net websites.",
    )
    assert [c.speaker.name for c in doc.claims] == ["Marta Kovalska"]
    assert sourced(doc) == [["Harbour Review", "Odesa.net"]]


def test_a_source_line_that_names_an_outlet_sources_the_news_above_it() -> None:
    doc = extract(
        "The European Council has banned 12 more tankers from EU ports.",
        "Source: the Council in a statement, as reported by European Pravda",
        "Details: The tankers carried Russian crude above the price cap on Thursday.",
    )
    assert sourced(doc) == [["European Pravda"], ["European Pravda"]]


def test_the_agency_is_the_outlet_named_before() -> None:
    doc = extract(
        "UN monitors inspected missile debris in Kharkiv on Monday, according to Reuters.",
        "The fragments came from a North Korean missile fired in January, according to the agency.",
    )
    assert sourced(doc) == [["Reuters"], ["Reuters"]]


def test_a_document_cited_stands_for_whoever_published_it() -> None:
    assert display_source_name("a report in the Financial Times") == "The Financial Times"
    assert display_source_name("a Polish defence ministry statement") == "Polish defence ministry"
    doc = extract(
        "According to a report in the Financial Times, Russia has tripled its output of "
        "glide bombs since January.",
        "\u201cThe corridor stays open,\u201d Minister Olha Bilan told Ankara, according to a "
        "Turkish foreign ministry statement.",
    )
    assert sourced(doc) == [["The Financial Times"], ["Turkish foreign ministry"]]


def test_a_show_is_its_broadcasters() -> None:
    doc = extract(
        "\u201cThe eighth package must include an energy embargo,\u201d Minister Peeter Tamm "
        "told ERR on Thursday.",
        "\u201cRussia has to lose this war,\u201d Tamm told Vikerraadio's Evening News show.",
        "\u201cThe embargo will cost us little,\u201d Tamm told the BBC's Newsnight programme.",
    )
    assert sourced(doc) == [["ERR"], ["Vikerraadio"], ["BBC"]]


def test_a_line_that_points_back_at_an_interview_sources_the_speakers_words() -> None:
    doc = extract(
        "He said this in an interview with Politico, Kyiv Ledger reports.",
        "\u201cWe need more launchers, not more promises,\u201d Minister Taras Hnatiuk said.",
        "Hnatiuk said the front was holding near Pokrovsk.",
    )
    assert sourced(doc) == [["Politico"], ["Politico"]]


def test_what_an_outlet_reports_with_reference_to_another_is_both_of_theirs() -> None:
    doc = extract(
        "North Korean engineers may reach the Kursk region within a week. This was stated "
        "by intelligence chief Kyrylo Budanov, according to UNN with reference to The Drive."
    )
    assert sourced(doc) == [["UNN", "The Drive"]]


def test_an_interview_given_to_a_channel_sources_the_lines_after_it() -> None:
    doc = extract(
        "Prime Minister Irakli Kobakhidze gave an interview to the Imedi TV channel in its "
        "Weekly programme on the evening of November 28.",
        "The prime minister said Georgia was in no danger. \u201cOur ties with our neighbours "
        "will not get worse because of this,\u201d Kobakhidze said.",
    )
    assert doc.events == ()  # giving an interview is where words were said, no happening
    assert sourced(doc) == [["Imedi TV"], ["Imedi TV"]]


def test_an_agency_named_by_its_acronym_after_it_was_spelt_out() -> None:
    doc = extract(
        "Foreign Minister Hakan Fidan spoke with his Ukrainian counterpart by phone on "
        "Thursday, Turkish News Agency Anadolu Ajansi (AA) reported.",
        "President Erdogan told his guest that Ankara would keep working for a ceasefire, "
        "AA reported.",
    )
    (claim,) = doc.claims
    assert claim.text == "Ankara would keep working for a ceasefire"  # the relay is no part
    assert sourced(doc) == [["Anadolu Ajansi"], ["Anadolu Ajansi"]]


def test_an_outlet_named_after_what_it_is_or_fronted_by_as() -> None:
    doc = extract(
        "Authorities in four regions have raised sign-on bonuses for volunteers, the exiled "
        "news outlet 9x9 reported on Friday.",
        "Earlier, the ezine Budget Watch (Biudzhetna Varta) published an article saying that "
        "the state lacks UAH 200 billion for defence.",
        "As Bild notes, the head of an arms maker arrived in Kyiv on Friday with the Vice "
        "Chancellor.",
    )
    assert sourced(doc) == [["9x9"], ["Budget Watch"], ["Bild"]]


def test_an_outlet_citing_a_source_is_the_outlet_not_the_two_together() -> None:
    doc = extract(
        "A secret clause of the decree allows the ministry to call up 900,000 people, "
        "according to Novaya Gazeta Europe citing a source in the presidential administration."
    )
    (names,) = sourced(doc)
    assert names[0] == "Novaya Gazeta Europe"
