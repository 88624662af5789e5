"""Documents quoted, releases' datelines and names the parser misreads (pure): a summit's
conclusions quoted ('"The European Council underlines ...," the document reads.') are the
words of the body they open by naming, and the next quotation the document "reads" too; a
press release's dateline ("Vilnius, Lithuania, October 12, 2021 - ") is no part of its
lede; "the Committee to Protect Journalists said" speaks though the parser reads "to
Protect Journalists" as a clause; "Censor.NET informs" is one outlet, not the end of a
sentence; "Minister of Agrarian Policy and Food Vitaliy Koval" is Koval.

Each case is a short article of our own in the manner of Ukrainian newswires and NGOs.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract.naming import name_after_of
from eventstore.extract.nlp import parse
from tests.extract.lines import article, claim_of

DAY = date(2024, 10, 18)


def test_quoted_conclusions_are_the_words_of_the_body_they_name() -> None:
    doc = article(
        "EU leaders backed a loan to Ukraine backed by the proceeds of frozen Russian assets.",
        "That is according to the conclusions of the summit, published on the council's "
        "website, the agency reports.",
        '"The European Council underlines the importance of the commitment made at the G7 '
        "summit to support Ukraine's needs,\" the document reads.",
        "\"Russia's assets should remain immobilised until Russia ceases its war and "
        'compensates Ukraine for the damage," the document reads.',
        published=DAY,
    )
    assert claim_of(doc, "underlines the importance").speaker.name == "European Council"
    assert claim_of(doc, "should remain immobilised").speaker.name == "European Council"


def test_a_press_releases_dateline_is_no_part_of_its_lede() -> None:
    doc = article(
        "Riga, Latvia, October 17, 2024 - Belarusian authorities must release the jailed "
        "reporters and should allow the press to work freely, the Committee to Protect "
        "Journalists said today.",
        published=DAY,
    )
    claim = claim_of(doc, "release the jailed reporters")
    assert claim.speaker.name == "Committee to Protect Journalists"
    assert all("Riga" not in s.name for c in doc.claims for s in (c.speaker,))


def test_a_sites_name_is_one_outlet_not_a_sentences_end() -> None:
    (doc,) = parse(["The head of the regional administration reported this, Censor.NET informs."])
    assert len(list(doc.sents)) == 1
    assert "Censor.NET" in [t.text for t in doc]


def test_a_name_the_recognizer_ran_into_a_title_ending_in_and() -> None:
    title = "Ukraine's Minister of Agrarian Policy and Food Vitaliy Koval"
    assert name_after_of("Food Vitaliy Koval", title) == "Vitaliy Koval"
