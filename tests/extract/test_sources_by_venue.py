"""Sources named by where the words were said or who reported them (pure): an unnamed
source after the lede's comma that "told Reuters"; an outlet whose name runs over a slash
("Radio Free Europe/Radio Liberty"); an outlet named after what it is ("citing Italian TV
channel Rai News" is Rai News); "This was reported by a Rubryka correspondent on the
ground." and "This is stated in the State Statistics Service report." as the source of the
line before; a source label's "on air on Russia 24"; an outlet of a name no list holds, described as
one ("was quoted by the state news agency Tarvo", '"...," reported state news agency
Tarvo.'), even when the quotation runs over two sentences.

Each case is a short article of our own.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc
from tests.extract.lines import article, claim_of, event_of

DAY = date(2024, 7, 5)


def news(*lines: str) -> ArticleDoc:
    return article(*lines, published=DAY, outlet="Harbour Wire")


def names(item: object) -> list[str]:
    return [s.name for s in item.sources]  # type: ignore[attr-defined]


def test_an_unnamed_source_after_the_ledes_comma_told_the_outlet() -> None:
    doc = news(
        "Hackers linked to Ukraine's military intelligence have broken into the servers of a "
        "Moscow internet provider, a source with direct knowledge of the operation told "
        "Reuters on Tuesday."
    )
    assert "Reuters" in names(event_of(doc, "Moscow internet provider"))


def test_an_outlets_name_over_a_slash() -> None:
    doc = news(
        "Some ministers may be dismissed soon, Olena Hrab, a member of the parliament's budget "
        "committee, told Radio Free Europe/Radio Liberty on July 4."
    )
    assert names(claim_of(doc, "may be dismissed")) == ["Radio Free Europe/Radio Liberty"]


def test_an_outlet_named_after_what_it_is() -> None:
    doc = news(
        "Rome will host the next recovery conference, Prime Minister Giorgia Meloni said.",
        "Source: Meloni at a press conference in Rome, as reported by European Pravda, citing "
        "Italian TV channel Rai News",
    )
    assert names(claim_of(doc, "next recovery conference")) == ["European Pravda", "Rai News"]


def test_a_line_that_names_who_reported_the_line_before() -> None:
    doc = news(
        "On July 4, residents gathered in Lviv for a protest against the new land law.",
        "This was reported by a Rubryka correspondent on the ground.",
        "Consumer prices rose by 1.7% in June.",
        "This is stated in the State Statistics Service report.",
    )
    assert names(event_of(doc, "gathered in Lviv")) == ["Rubryka"]
    assert names(event_of(doc, "rose by 1.7%")) == ["State Statistics Service"]


def test_a_source_labels_channel() -> None:
    doc = news(
        "The occupation authorities said they are moving more residents out of the region.",
        "Source: Ivan Moroz, the Russian-installed governor of the region, on air on Russia 24, "
        "a state-owned TV channel",
        "Details: Moroz claims that the relocation continues.",
    )
    assert names(claim_of(doc, "relocation continues")) == ["Russia 24"]


def test_told_journalists_about_this_is_no_claim_of_its_own() -> None:
    doc = news(
        "Ukraine is catching up with Russia in using fibre-optic drones, the army's "
        "commander-in-chief Oleksandr Syrsky said.",
        "Oleksandr Syrsky told journalists about this on Saturday, July 5, a Babel "
        "correspondent reports.",
    )
    assert not [c for c in doc.claims if "told journalists" in c.spans[0].text]


def test_the_outlet_closing_a_line_that_says_whose_the_line_before_was() -> None:
    doc = news(
        "The government plans to let men aged 18 to 22 travel abroad by the end of the week.",
        "Prime Minister Yulia Svyrydenko told journalists about this, Suspilne reports.",
    )
    claim = claim_of(doc, "travel abroad")
    assert (claim.speaker.name, names(claim)) == ("Yulia Svyrydenko", ["Suspilne"])


def test_an_outlet_described_as_one_is_a_source_whatever_its_name() -> None:
    doc = news(
        '"Our border units are holding the line," Ales Marchuk was quoted as saying by the '
        "state news agency Tarvo.",
        'Marchuk said the neighbours "should thank us for keeping order. Otherwise '
        'the column would have reached their cities," reported state news agency Tarvo.',
    )
    assert names(claim_of(doc, "Our border units are holding the line")) == ["Tarvo"]
    assert names(claim_of(doc, "should thank us for keeping order")) == ["Tarvo"]
