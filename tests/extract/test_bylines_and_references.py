"""Op-ed bylines in other shapes, speeches named in their title, and references back to
people and bodies (pure): "- Carl P. Leubsdorf" and "ANGELO LYNN" under the title, "The
Oil War - by Jane Roe (...)" as the title; "Press remarks by Commissioner Kask on ..."
are the commissioner's words; "the president said" is the president, not the leader
named since; "the Treasury" is the U.S. Treasury Department; "the central bank" is
Russia's; "the agency said" with no agency named is nobody's claim.

Each case is a short article of our own.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstore.extract import ArticleDoc, ArticleMeta, extract_article
from tests.extract.lines import article, claim_of

FRIDAY = date(2024, 2, 16)
OPINION = (
    "Western capitals keep promising to choke the shadow fleet, and the tankers keep sailing.",
    "Every month of delay hands the Kremlin another few billion dollars for its war.",
)


def news(
    *lines: str, title: str = "A headline of our own", category: str | None = None
) -> ArticleDoc:
    return article(
        *lines, published=FRIDAY, outlet="Lakeside Courier", title=title, category=category
    )


@pytest.mark.parametrize(
    ("byline", "author"),
    [("- Marek P. Salonen", "Marek Salonen"), ("MAREK SALONEN", "Marek Salonen")],
)
def test_a_byline_with_a_dash_an_initial_or_capitals_names_the_author(
    byline: str, author: str
) -> None:
    doc = news(byline, *OPINION, title="The tankers keep sailing", category="Opinion")
    assert claim_of(doc, "hands the Kremlin another").speaker.name == author
    assert doc.featured_expert is not None
    assert doc.featured_expert.name == author


def test_an_opinion_title_names_its_author_after_by() -> None:
    doc = news(
        *OPINION,
        title="The Oil War \u2013 by Marek Salonen (Newsletter, Feb. 16)",
        category="Opinion",
    )
    assert claim_of(doc, "hands the Kremlin another").speaker.name == "Marek Salonen"


def test_a_capitalised_line_on_a_news_page_is_no_author_of_its_text() -> None:
    doc = news(
        "KEY POINTS", "Russian drones struck the port of Izmail on Friday, the governor said."
    )
    assert not [c for c in doc.claims if "port of Izmail" in c.text]


def test_press_remarks_are_the_words_of_the_one_the_title_names() -> None:
    doc = news(
        "Today we put forward a plan to end every import of Russian gas by 2027.",
        "We have already cut the share of Russian oil from a quarter to three percent.",
        title="Press remarks by Commissioner Kask on the roadmap to end Russian energy imports",
    )
    claim = claim_of(doc, "cut the share of Russian oil")
    assert (claim.speaker.name, claim.speaker.role) == ("Kask", "Commissioner")


def test_a_labelled_quote_runs_on_into_the_paragraph_that_closes_it() -> None:
    doc = news(
        "Foreign Minister Andrii Sybiha said Russia had timed the strike to the summit.",
        "Source: Sybiha on X",
        "Quote: \u201cThis was done on purpose. It is a signal of contempt for our partners.",
        "Moscow pretends to want peace while it shells our cities every single night.\u201d",
    )
    assert claim_of(doc, "pretends to want peace").speaker.name == "Andrii Sybiha"


def test_a_saying_that_is_the_purpose_of_a_persons_act_is_theirs() -> None:
    doc = news(
        "Anna Ozola, the Latvian foreign minister, used a news conference in Riga on Friday "
        "to announce that the government believes the tanker was carrying Russian oil."
    )
    assert claim_of(doc, "was carrying Russian oil").speaker.name == "Anna Ozola"


def test_the_president_is_the_one_titled_president_not_a_leader_named_since() -> None:
    doc = news(
        "The Senate approved the aid package on Friday. President Joe Biden has promised to "
        "sign it at once.",
        "Biden spoke with Democratic leader Hakeem Jeffries to thank him for the vote, the "
        "White House said.",
        "\u201cI will sign this package into law the moment it reaches my desk,\u201d the "
        "president said.",
    )
    assert claim_of(doc, "reaches my desk").speaker.name == "Joe Biden"


def test_short_names_of_bodies_named_in_full_before() -> None:
    doc = news(
        "The U.S. Treasury Department accused the owners of three tankers on Friday of "
        "breaking the price cap.",
        "The Treasury said in a statement that the vessels used American insurers.",
        "Russia's central bank raised its inflation forecast on Friday.",
        "Prices will rise by up to eight percent this year, the central bank said.",
    )
    assert claim_of(doc, "used American insurers").speaker.name == "U.S. Treasury Department"
    assert claim_of(doc, "rise by up to eight percent").speaker.name == "Russia's central bank"


def test_the_agency_with_no_agency_named_is_no_expert() -> None:
    doc = news(
        "Three tankers were added to the sanctions list on Friday.",
        "The agency said a Dubai-based firm is the registered owner of one of them.",
    )
    assert all(c.speaker.name != "agency" for c in doc.claims)


@pytest.mark.parametrize(
    "line",
    [
        "As stated by Prime Minister Oskar Lind, the transit of Russian gas will stop in January.",
        "As Prime Minister Oskar Lind noted, the transit of Russian gas will stop in January.",
        "Despite the protests, as Prime Minister Oskar Lind noted, the transit of Russian gas "
        "will stop in January.",
        "The transit of Russian gas will stop in January, as Prime Minister Oskar Lind said.",
        "Prime Minister Oskar Lind draws attention to the fact that the transit of Russian gas "
        "will stop in January.",
    ],
)
def test_frames_that_wrap_or_lead_what_is_said(line: str) -> None:
    doc = news(line)
    claim = claim_of(doc, "transit of Russian gas will stop")
    assert claim.speaker.name == "Oskar Lind"


@pytest.mark.parametrize(
    ("line", "name", "role"),
    [
        (
            "As noted by the governor of Tartu Oskar Lind, two people were wounded in the strike.",
            "Oskar Lind",
            "governor",
        ),
        (
            "The Head of the Cabinet of Ministers Oskar Lind said the grid would hold this winter.",
            "Oskar Lind",
            "Head",
        ),
    ],
)
def test_an_office_of_a_place_or_body_does_not_run_into_the_name(
    line: str, name: str, role: str
) -> None:
    (claim,) = news(line).claims
    assert (claim.speaker.name, claim.speaker.role) == (name, role)


def test_a_think_tanks_analysis_its_analysts_and_its_acronym_are_the_think_tank() -> None:
    doc = news(
        "An analysis by the Baltic Defence Institute (BDI) finds that the talks in Riga "
        "settled nothing about the front line",
        "BDI analysts concluded that neither side had agreed when the truce began.",
        "According to BDI, Moscow still refuses a ceasefire on the ground.",
    )
    for words in ("talks in Riga settled", "truce began", "refuses a ceasefire"):
        assert claim_of(doc, words).speaker.name == "Baltic Defence Institute"


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Op-ed article by NATO Deputy Secretary General Marek Salonen", "Marek Salonen"),
        ("By Marek Salonen, opinion contributor", "Marek Salonen"),
    ],
)
def test_op_ed_bylines_with_titles_or_a_role_after_the_name(byline: str, author: str) -> None:
    doc = news(byline, *OPINION, title="The tankers keep sailing", category="Opinion")
    assert claim_of(doc, "hands the Kremlin another").speaker.name == author


@pytest.mark.parametrize(
    ("line", "name"),
    [
        (
            "\u201cWe will track down every lead,\u201d said Under Secretary of Commerce for "
            "Industry and Security Marek Salonen.",
            "Marek Salonen",
        ),
        (
            'Earlier, the MP from "Unity" Marek Salonen claimed that the minister appears on '
            "the recordings under a code name.",
            "Marek Salonen",
        ),
        (
            "\u201cIt is a flagrant violation of international law,\u201d the Council of "
            "Europe, the continent's foremost human rights body, said this week.",
            "Council of Europe",
        ),
    ],
)
def test_names_past_long_titles_parties_and_appositions(line: str, name: str) -> None:
    (claim,) = news(line).claims
    assert claim.speaker.name == name


def test_a_syndicated_byline_and_a_bio_with_a_title_name_the_author_not_a_claim() -> None:
    doc = news(
        "Marek Salonen for Baltic Syndicate",
        "Marek Salonen is Associate Professor of International Law at the University of Tartu.",
        *OPINION,
        title="The tankers keep sailing",
        category="Opinion",
    )
    assert claim_of(doc, "hands the Kremlin another").speaker.name == "Marek Salonen"
    assert not [c for c in doc.claims if "Associate Professor" in c.text]


def test_a_statement_on_its_issuers_own_site_is_issued_under_its_full_name() -> None:
    text = (
        "Statement of the Ministry of Foreign Affairs on the sham votes in occupied districts\n"
        "The so-called votes held at gunpoint are null and void and change nothing.\n"
        "Those who organised them will be held responsible under international law.\n"
    )
    meta = ArticleMeta(
        published_on=FRIDAY, outlet="Ministry of Foreign Affairs of Estonia", category="Statements"
    )
    doc = extract_article(text, external_id="t", meta=meta, today=FRIDAY)
    claim = claim_of(doc, "null and void")
    assert claim.speaker.name == "Ministry of Foreign Affairs of Estonia"


def test_an_unnamed_mayor_is_no_expert_named_after_his_city() -> None:
    doc = news(
        "The mayor of Mykolaiv said that Russia had also hit the city with drones but that "
        "there were no casualties."
    )
    assert all("Mykolaiv" not in c.speaker.name for c in doc.claims)


def test_a_body_named_by_its_kind_in_two_words_still_speaks() -> None:
    doc = news(
        "\u201cAllied aircraft are in our airspace and air defences are at the highest "
        "readiness,\u201d the operational command said in a post on X."
    )
    assert claim_of(doc, "highest readiness").speaker.name == "operational command"


def test_a_hyphenated_given_name_before_the_family_name_is_whole() -> None:
    doc = news(
        "For more, we turned to Lieutenant General In-Bum Chun, a former commander.",
        "Chun said North Korea was seeking missile technology from Russia.",
    )
    assert claim_of(doc, "missile technology").speaker.name == "In-Bum Chun"


@pytest.mark.parametrize(
    "line",
    [
        "JANE ROE and JOHN DOE, Associated Press Feb. 16, 2024 Updated: Feb. 16, 2024 3:22 a.m.",
        "KUPIANSK, UKRAINE -- FEBRUARY 15: A power line damaged by shelling on February 15, "
        "2024 in Kupiansk, Kharkiv region, Ukraine.",
    ],
)
def test_a_wire_byline_and_a_photo_agencys_caption_are_no_text(line: str) -> None:
    doc = news(line, "Russian drones struck a power station near Kharkiv on Thursday.")
    assert [e.span.text[:20] for e in doc.events] == ["Russian drones struc"]
