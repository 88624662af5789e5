"""Bodies that publish (pure): a working group's report and the study it describes, its
experts' appeals, a think tank's assessment "stated in a report by" it, a think tank's own
text under its byline; and an interview set as questions put to "you" under a deck that
names whom they were put to.

Each case is a short article of our own in the manner of wire copy, Ukrainian and
Russian-language outlets' English pages, and analysis sites.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc
from tests.extract.lines import article, claim_of

PUBLISHED = date(2023, 8, 29)


def news(*lines: str, title: str = "A headline of our own") -> ArticleDoc:
    return article(*lines, published=PUBLISHED, outlet="Baltic Monitor", title=title)


def test_a_group_that_reports_and_the_study_it_describes() -> None:
    doc = news(
        "Russia's defence ministry said on Tuesday that its air defences shot down two drones.",
        "Most of the chips found in Russian drones come from China, The Independent Panel on "
        "Drone Supply Chains reports.",
        "According to the study, 61% of the components are shipped through Hong Kong.",
        "The group's experts called on manufacturers to check who buys their products.",
        "It also recommended that governments investigate the distributors that ignore sanctions.",
    )
    panel = "Independent Panel on Drone Supply Chains"
    for words in ("come from China", "61% of the components", "check who buys", "distributors"):
        assert claim_of(doc, words).speaker.name == panel, words
    assert not [e for e in doc.events if "check who buys" in e.span.text]


def test_a_study_named_by_its_authors_words_is_theirs() -> None:
    doc = news(
        "The Independent Panel on Drone Supply Chains, led by two former ambassadors, "
        "published its findings on Monday, the presidential office said.",
        "Most of the chips come from China, with a fifth of them shipped through Hong Kong, "
        "according to the independent panel study.",
    )
    speaker = claim_of(doc, "a fifth of them").speaker
    assert speaker.name.startswith("Independent Panel")


def test_stated_in_a_report_by_a_think_tank_named_by_its_acronym() -> None:
    doc = news(
        "Russian units may have pushed Ukrainian troops back from two villages east of the "
        "city, but they failed to surround them.",
        "This is stated in a report by the American Centre for Defence Studies (CDS).",
        '"Russian forces probably aimed to cut the road south of the reservoir," CDS added.',
    )
    assert claim_of(doc, "failed to surround them").speaker.name == "Centre for Defence Studies"
    assert claim_of(doc, "cut the road").speaker.name == "Centre for Defence Studies"


def test_a_think_tanks_byline_makes_its_text_its_own() -> None:
    doc = news(
        "By Tallinn Institute of Economics November 20, 2023",
        "Almost none of Russia's crude is sold below the cap, as evasion is widespread.",
        "Coastal states should inspect every tanker that passes through their waters.",
        title="TIE: Bold measures are needed to enforce the oil price cap",
    )
    assert doc.featured_expert is not None
    assert doc.featured_expert.name == "Tallinn Institute of Economics"
    speaker = claim_of(doc, "inspect every tanker").speaker
    assert (speaker.name, speaker.kind) == ("Tallinn Institute of Economics", "organization")


def test_an_outlets_byline_is_no_think_tank() -> None:
    doc = news(
        "By Kyiv Newswire November 20, 2023",
        "Estonian police boarded a tanker in the Gulf of Finland on Monday, officials said.",
    )
    assert doc.featured_expert is None


def test_questions_put_to_you_make_an_interview() -> None:
    doc = news(
        "Do sanctions work? Oxford economist Helena Marsh explains",
        "Russia is the most sanctioned country in the world. We asked Professor Marsh how "
        "long the sanctions will take to work.",
        "In Davos you said that Russia faces deep poverty. But the crisis has been milder "
        "than expected. Why do you think that is?",
        "Well, it is a long-term proposition. Isolation compounds year after year.",
        "Oil revenues fell at the end of last year. How long do you think the other "
        "sanctions need?",
        "Only once in history did sanctions work quickly, and the whole world was united then.",
        title="'Russia has made itself dependent on China'",
    )
    assert claim_of(doc, "a long-term proposition").speaker.name == "Helena Marsh"
    assert claim_of(doc, "Only once in history").speaker.name == "Helena Marsh"


def test_two_titles_joined_before_one_name() -> None:
    doc = news(
        "According to Oxford professor and former chief economist of the IMF Thomas Brandt, "
        "Russia is headed for a decade of stagnation.",
    )
    assert claim_of(doc, "a decade of stagnation").speaker.name == "Thomas Brandt"


def test_an_interview_titled_with_its_interviewees_office_and_name() -> None:
    doc = news(
        "Text – Olha Marchenko",
        "How do you assess the country's need for gas imports?",
        "We need them, and not only this season. We have to fill our storage for the next "
        "heating season.",
        "How would you comment on the price Naftogaz is paying? Yesterday it bought 150 "
        "million cubic metres.",
        "That is the market price today. Earlier purchases are no longer relevant.",
        title="Brief Interview with Minister of Energy German Halytsky for Kyiv Courier",
    )
    assert claim_of(doc, "fill our storage").speaker.name == "German Halytsky"
    assert claim_of(doc, "the market price today").speaker.name == "German Halytsky"
    assert not [c for c in doc.claims if "How would you comment" in c.spans[0].text]


def test_an_op_eds_byline_with_a_dash() -> None:
    doc = news(
        "Kira Holub - Leader of the Voice party",
        "For two years our cities have learned the sound of sirens. Now they hear generators.",
        "Europe must seize the frozen Russian assets and pay for Ukraine's power plants.",
        title="Opinion: now is the time to hit Russia where it hurts",
    )
    assert doc.featured_expert is not None
    assert doc.featured_expert.name == "Kira Holub"
    assert claim_of(doc, "frozen Russian assets").speaker.name == "Kira Holub"
