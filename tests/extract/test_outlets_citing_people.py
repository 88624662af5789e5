"""An outlet that passes on a named person's words ("..., Interfax reported, citing
Deputy Foreign Minister X"): the words are the person's, the outlet their source; an
outlet citing no one by name ("citing sources", "citing intercepted communications")
keeps the words as its own report (pure).

Each case is a short article of our own in the manner of wire copy.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstore.extract import ArticleDoc
from tests.extract.lines import article, claim_of, event_of

MONDAY = date(2025, 3, 3)


def wire(*lines: str) -> ArticleDoc:
    return article(*lines, published=MONDAY, outlet="Harbour Wire")


@pytest.mark.parametrize(
    ("line", "speaker", "outlet"),
    [
        (
            "Moscow sees no progress in talks on a new grain corridor, the Interfax news "
            "agency reported on Monday, citing Deputy Foreign Minister Pavel Ostrogin.",
            "Pavel Ostrogin",
            "Interfax",
        ),
        (
            "Moscow has no plans to send observers to the talks, the state news agency TASS "
            "reported on Monday, citing Deputy Foreign Minister Pavel Ostrogin.",
            "Pavel Ostrogin",
            "TASS",
        ),
        (
            "TASS reported, citing Kremlin spokesman Dmitry Peskov, that the president had "
            "no plans to meet the Turkish delegation this month.",
            "Dmitry Peskov",
            "TASS",
        ),
        (
            "Citing the head of the regional administration, Oleh Marchenko, Suspilne "
            "reported that the repair crews had restored power to the city.",
            "Oleh Marchenko",
            "Suspilne",
        ),
        (
            "Citing regional governor Oleh Marchenko, the broadcaster Suspilne reported that "
            "the repair crews had restored power to the city.",
            "Oleh Marchenko",
            "Suspilne",
        ),
    ],
)
def test_the_words_an_outlet_cites_are_the_cited_persons(
    line: str, speaker: str, outlet: str
) -> None:
    claim = claim_of(wire(line), line.split()[3])
    assert claim.speaker.name == speaker
    assert [s.name for s in claim.sources] == [outlet]
    assert claim.extracted_by == "paraphrase.citing"


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        (
            "The Financial Times reported, citing three people familiar with the matter, "
            "that the commission would propose new tariffs on fertiliser.",
            "The Financial Times",
        ),
        (
            "Russian units near Pokrovsk were short of artillery shells, Suspilne reported, "
            "citing intercepted communications.",
            "Suspilne",
        ),
    ],
)
def test_an_outlet_citing_no_one_by_name_reports_it_itself(line: str, outlet: str) -> None:
    doc = wire(line)
    assert not doc.claims
    assert outlet in [s.name for s in event_of(doc, line.split()[4]).sources]


def test_an_outlet_after_its_cue_reports_what_comes_before() -> None:
    doc = wire(
        "Several thousand foreign troops are already inside the region, reported CNN, citing "
        "western intelligence officials."
    )
    assert not doc.claims
    assert "CNN" in [s.name for s in event_of(doc, "foreign troops").sources]


def test_an_outlet_that_writes_about_it_is_the_source_of_the_news_before() -> None:
    doc = wire(
        "China's special envoy Li Wen stated that no side has closed the door to talks.",
        "CNN writes about it.",
    )
    assert [s.name for s in claim_of(doc, "closed the door").sources] == ["CNN"]
    assert len(doc.claims) == 1


def test_an_outlet_reporting_with_reference_to_a_body_relays_the_bodys_words() -> None:
    doc = article(
        "Russian guided bombs struck the city of Verkhnie on Monday, killing nine people.",
        "Police paramedics rescued five people from the rubble. Harbour News reports this "
        "with reference to the National Police of Ukraine.",
        published=MONDAY,
    )
    claim = claim_of(doc, "Police paramedics rescued five people")
    assert claim.speaker.name == "National Police of Ukraine"
    assert [s.name for s in claim.sources] == ["Harbour News"]
