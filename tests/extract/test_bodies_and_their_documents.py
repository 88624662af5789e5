"""Bodies behind their documents and their acts (pure): "A World Bank report has estimated
..." is the World Bank's; '"...," the Defence Ministry informs.' is a cue however the
tagger reads "informs", and "the Defence Ministry" is the "Ministry of Defence" named
before; "Germany has recalled its ambassador" is a happening, while "Selezen recalls the
moment ..." is her memory.

Each case is a short article of our own.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc
from tests.extract.lines import article, claim_of, event_of

DAY = date(2024, 5, 7)


def news(*lines: str) -> ArticleDoc:
    return article(*lines, published=DAY, outlet="Harbour Wire")


def test_a_bodys_report_estimates() -> None:
    doc = news(
        "A World Bank report has estimated it will cost Ukraine $486bn over the next decade "
        "to rebuild its towns, roads and power plants."
    )
    assert claim_of(doc, "$486bn").speaker.name == "World Bank"


def test_informs_is_a_cue_and_the_ministry_is_the_one_named_before() -> None:
    doc = news(
        "The Ministry of Defence held a demonstration of fibre-optic drones on Monday.",
        '"The drones shown at the range will reach the army by the summer," the Defence '
        "Ministry informs.",
    )
    assert claim_of(doc, "reach the army").speaker.name == "Ministry of Defence"


def test_an_envoy_recalled_is_a_happening_a_moment_recalled_is_a_memory() -> None:
    doc = news(
        "Germany has recalled its ambassador to Moscow for a week of consultations.",
        "Reflecting on last winter, Anna Koval recalls the painful moment that Russia "
        "launched 80 missiles at Ukraine on Oct. 10.",
    )
    assert event_of(doc, "recalled its ambassador").extracted_by.startswith("event.")
    assert claim_of(doc, "the painful moment").speaker.name == "Anna Koval"


def test_the_companys_president_works_for_the_company_named_before() -> None:
    doc = news(
        "Mobile operator Kyivstar said on Monday that it had restored most of its services.",
        "Voice calls work again in almost every region, the company's president Oleksandr "
        "Komarov said.",
    )
    assert claim_of(doc, "Voice calls work").speaker.affiliation == "Kyivstar"
