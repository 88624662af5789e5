"""Bodies that speak again under another word (pure): "the fund" after the International
Monetary Fund, "the regulator" after a central bank, "the bloc" after the European Union
are those bodies, and so are "the coordination center" after the Coordination
Headquarters for ... (its describing word under another noun) and "the Ukrainian agency"
after Energoatom (a nationality names no body, but "the Russian embassy in Germany" is
one, named with its country; "A Finnish court on Friday" is the court); "..., it said"
after a body's own action is that body, not the last one named before the sentence; a
frame nobody in the article answers to dates the report, not the happening ("paid ... in
May, it said on Tuesday": May).

Each case is a short article of our own.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc
from tests.extract.lines import article, claim_of, event_of

DAY = date(2024, 6, 29)  # a Saturday


def news(*lines: str) -> ArticleDoc:
    return article(*lines, published=DAY, outlet="Market Wire")


def test_the_fund_and_the_regulator_are_the_bodies_named_before() -> None:
    doc = news(
        "The International Monetary Fund approved a new disbursement to Ukraine on Friday.",
        '"Performance under the programme remains strong despite very difficult '
        'conditions," the fund said.',
        "The National Bank of Ukraine kept its key rate at 13% on Thursday.",
        '"We see upside risks to inflation from the energy sector," the regulator said.',
    )
    assert claim_of(doc, "remains strong").speaker.name == "International Monetary Fund"
    assert claim_of(doc, "upside risks").speaker.name == "National Bank of Ukraine"


def test_the_bloc_is_the_union_named_before() -> None:
    doc = news(
        "The European Union agreed its fourteenth package of sanctions on Monday.",
        '"We will keep raising the cost of this war for the Kremlin," the bloc said.',
    )
    assert claim_of(doc, "raising the cost").speaker.name == "European Union"


def test_a_body_described_under_another_noun_is_the_body_named_before() -> None:
    doc = news(
        "The Coordination Headquarters for the Treatment of Prisoners of War said 95 "
        "soldiers had come home on Friday.",
        '"We keep working to bring every one of them back," the coordination center said.',
        "State nuclear operator Energoatom said a drone had struck the plant's training centre.",
        '"Nobody was hurt, but the risk is growing," the Ukrainian agency added.',
    )
    said = claim_of(doc, "bring every one of them back").speaker.name
    assert said == "Coordination Headquarters for the Treatment of Prisoners of War"
    assert claim_of(doc, "the risk is growing").speaker.name == "Energoatom"
    assert all(c.speaker.name != "Ukrainian" for c in doc.claims)


def test_it_said_after_a_bodys_own_action_is_that_body() -> None:
    doc = news(
        "The International Monetary Fund said on Friday that it had completed its review.",
        "The European Commission disbursed 4 billion euros to Kyiv on Monday, it said in a "
        "statement.",
    )
    (source,) = event_of(doc, "disbursed 4 billion").sources
    assert source.name == "European Commission"


def test_forces_in_the_reported_clause_are_not_the_speaker() -> None:
    doc = news(
        "The Defence Ministry said on Monday that its troops had repelled 12 attacks.",
        "Russian forces captured the village of Novoselivka, it said.",
    )
    (source,) = event_of(doc, "captured the village").sources
    assert source.name == "Defence Ministry"


def test_an_unanswered_frame_dates_the_report_not_the_happening() -> None:
    doc = news("Naftogaz paid 1.2 billion hryvnias in taxes in May, it said on Tuesday.")
    when = event_of(doc, "paid 1.2 billion").date
    assert (when.precision, when.year, when.month) == ("month", 2024, 5)


def test_a_nationalitys_embassy_is_a_body_of_its_own() -> None:
    doc = news(
        "The European Union condemned the plot on Friday.",
        "The Russian embassy in Germany called the arrests a provocation and said that Berlin "
        "had shown no evidence.",
        '"We reject these absurd accusations," the embassy said on its page.',
    )
    assert (
        claim_of(doc, "Berlin had shown no evidence").speaker.name == "Russian embassy in Germany"
    )
    assert claim_of(doc, "absurd accusations").speaker.name == "Russian embassy in Germany"


def test_an_embassy_keeps_its_country_and_a_court_drops_its_day() -> None:
    doc = news(
        "The Russian embassy in Poland called the arrests a provocation and said that Warsaw "
        "had shown no evidence.",
        "A Finnish court on Friday dismissed the charges against the tanker's captain, ruling "
        "that it lacked jurisdiction.",
    )
    assert claim_of(doc, "had shown no evidence").speaker.name == "Russian embassy in Poland"
    assert all("Friday" not in c.speaker.name for c in doc.claims)


def test_the_organization_is_the_council_named_before() -> None:
    doc = news(
        "The Nordic Refugee Council reported that a Russian missile struck one of its "
        "demining sites on Thursday.",
        '"At the time of the strike, our teams were clearing farmland of mines," the '
        "organization wrote.",
    )
    assert claim_of(doc, "our teams were clearing").speaker.name == "Nordic Refugee Council"
