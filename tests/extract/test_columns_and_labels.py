"""Speakers a column or a labelled layout names in its own way (pure): "By X / The Paper"
over a "Comment:" column (the paper employs her); "Special Envoy for Sanctions" (a
portfolio, no employer); "she said" after a paragraph about a woman named before (not
the columnist); "Said Brink: "..."", "Quote by Peskov:" and "Quote from X:"; "Trump and
Vice President X" gives Trump no role of X's; "the Ukrainian president" is the one whose
role says so; "the governor" is not the deputy governor named since; a speaker the
parser joined to the content ("..., Kharkiv Oblast Governor X told journalists"); "only
Türkiye"; a source line's agency with a hyphened word in its description; a body in a
source line, the source of the news above it ("... due to Russian attacks": a cause, no
forecast); a relative clause deep in a speaker's title ends the speaker (not one after a
role: "a former diplomat who now teaches at Leiden University"); "This was also denied
by X" does not make the words before X's; "Ukrenergo reported damage to ..." is news
Ukrenergo told.

Each case is a short article of our own in those manners.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc
from tests.extract.lines import article, claim_of, event_of

DAY = date(2025, 5, 22)


def news(*lines: str, title: str = "A headline of our own") -> ArticleDoc:
    return article(*lines, published=DAY, outlet="Lakeshore Herald", title=title)


COLUMN = (
    "The White House keeps giving ground to the Kremlin and calling it diplomacy.",
    "By Ruth Calloway / The Lakeshore Inquirer",
    "I spoke last month with the former U.S. ambassador to Ukraine, Helen Marsh, one of "
    "the most experienced diplomats of her generation.",
    "Marsh, who served five presidents, resigned in April because she could no longer "
    "carry out the policy.",
    "\u201cI left,\u201d she said, \u201cbecause we were pressing the victim and excusing "
    "the aggressor.\u201d",
    "The turning point came when Trump and Vice President Carl Brandt berated Ukrainian "
    "President Volodymyr Zelensky in the Oval Office.",
    "Brandt told reporters afterwards that the meeting had been frank.",
    "\u201cThey would not even name Russia in the condolence note,\u201d the Ukrainian "
    "president wrote at the time.",
    "Said Marsh: \u201cWe kept putting the blame on Kyiv.\u201d",
)


def column() -> ArticleDoc:
    return news(*COLUMN, title="Comment: An ambassador's exit tells the story")


def test_a_column_bylined_with_its_first_paper_is_its_authors() -> None:
    doc = column()
    assert doc.featured_expert is not None
    assert doc.featured_expert.name == "Ruth Calloway"
    assert doc.featured_expert.affiliation == "Lakeshore Inquirer"


def test_an_envoys_portfolio_after_for_is_no_employer() -> None:
    doc = news(
        "The European Union's Special Envoy for Sanctions, Daniel Moore, said that the bloc "
        "respected the country's decision not to join the measures."
    )
    speaker = claim_of(doc, "respected the country's decision").speaker
    assert speaker.affiliation != "Sanctions"
    assert "European Union" in f"{speaker.role} {speaker.affiliation}"


def test_she_in_a_column_is_the_woman_the_paragraph_before_was_about() -> None:
    assert claim_of(column(), "pressing the victim").speaker.name == "Helen Marsh"


def test_said_name_colon_before_a_quotation_is_hers() -> None:
    assert claim_of(column(), "putting the blame on Kyiv").speaker.name == "Helen Marsh"


def test_the_countrys_president_is_the_one_whose_role_names_the_country() -> None:
    claim = claim_of(column(), "name Russia in the condolence note")
    assert claim.speaker.name == "Volodymyr Zelensky"


def test_a_name_before_and_gives_no_role_to_the_name_after() -> None:
    doc = news(
        "Trump and Vice President Carl Brandt met the delegation at the White House.",
        "Brandt said on Monday that the talks would go on.",
    )
    roles = {c.speaker.name: c.speaker.role for c in doc.claims}
    assert "Trump" not in (roles.get("Carl Brandt") or "")


def test_the_governor_is_not_the_deputy_governor_named_since() -> None:
    doc = news(
        "Russian troops may attack in the north of the region, Kharkiv Oblast Governor Oleh "
        "Marchuk told journalists on May 22.",
        "Ukrainian forces held most of the town as of May 20, Deputy Kharkiv Oblast Governor "
        "Roman Hlushko said.",
        "\u201cThe enemy keeps trying to push deeper, but has not succeeded,\u201d the "
        "governor said.",
    )
    assert claim_of(doc, "may attack in the north").speaker.name == "Oleh Marchuk"
    assert claim_of(doc, "has not succeeded").speaker.name == "Oleh Marchuk"


def test_a_quote_labelled_by_its_speaker_and_a_source_line_with_a_hyphened_word() -> None:
    doc = news(
        "Kremlin spokesman Dmitry Peskov has claimed that the summit's results approach zero.",
        "Source: Russian state-owned news agency RIA Novosti",
        "Quote by Peskov: \u201cMany of them confirmed that nothing serious can be discussed "
        "without us.\u201d",
        "Details: In fact, only T\u00fcrkiye expressed regret that Russia was not invited.",
    )
    assert claim_of(doc, "nothing serious can be discussed").speaker.name == "Dmitry Peskov"
    assert claim_of(doc, "expressed regret").speaker.name == "T\u00fcrkiye"
    assert all("state" not in c.speaker.name for c in doc.claims)


def test_a_body_in_a_source_line_is_the_source_of_the_news_above_it() -> None:
    doc = news(
        "Ukrenergo, the state-owned grid operator, has introduced emergency power outages in "
        "several regions due to Russian attacks on energy facilities.",
        "Source: Ukrenergo on Telegram",
    )
    outages = event_of(doc, "emergency power outages")
    assert [s.name for s in outages.sources] == ["Ukrenergo"]


def test_a_relative_clause_deep_in_a_speakers_title_ends_the_speaker() -> None:
    doc = news(
        "The special representative of the Chinese government Li Wen, who visited Kyiv and "
        "Moscow this month, stated that no side has closed the door to talks."
    )
    assert claim_of(doc, "closed the door to talks").speaker.name == "Li Wen"


def test_what_a_body_denies_is_not_its_words() -> None:
    doc = news(
        "China's special representative Li Wen said the talks would be hard.",
        "- Also, the envoy repeated his refutation of the claim that his country had urged a "
        "ceasefire on the current lines. This was also denied by the Ministry of Foreign "
        "Affairs of Ukraine.",
    )
    assert all(c.speaker.name != "Ministry of Foreign Affairs of Ukraine" for c in doc.claims)


def test_a_relative_clause_after_a_role_still_says_where_they_work() -> None:
    doc = news(
        '"They want air defence, and they want it now," said Omid Karimi, a former diplomat '
        "who now teaches at Leiden University."
    )
    speaker = claim_of(doc, "want air defence").speaker
    assert "Leiden University" in f"{speaker.role} {speaker.affiliation}"


def test_a_company_that_reports_damage_tells_of_a_happening() -> None:
    doc = news(
        "Russian missiles struck energy facilities in five regions overnight.",
        "Ukrenergo reported damage to substations and generation facilities in the Odesa "
        "and Lviv regions.",
    )
    damage = event_of(doc, "damage to substations")
    assert [s.name for s in damage.sources] == ["Ukrenergo"]


def test_a_quote_labelled_from_another_speaker_than_the_ledes() -> None:
    doc = news(
        "Defence Minister Oleh Marchuk has said that the delegations discussed a large "
        "exchange of prisoners.",
        "Details: Ivan Sorokin, the head of the other delegation, confirmed the agreement.",
        "Quote from Sorokin: \u201cIn the coming days, a large exchange of prisoners will take "
        "place.\u201d",
    )
    assert claim_of(doc, "In the coming days").speaker.name == "Ivan Sorokin"
