"""Interviews and opinion pages as real sites set them (pure; blind sets D19-D22's causes).

An interview whose questions carry the outlet's name ("Ledger: ...?") and whose answers
carry the interviewee's ("Mira Holub: ..."), then run on bare; an expert's answers set in
quotation marks under bare questions, after an intro that names whom they were put to;
an opinion page whose author is named only in its title, above the page's disclaimer; a
reposted op-ed signed "© Name"; a think tank's list of takeaways with its map caption
and authors after it; a TV report's soundbites under "Name / Body" captions; a radio
transcript whose host's label has accented capitals; an interview page whose
"Respondent :" line names who answers the unlabelled questions (not the "Source :" line's
channel); a blitz interview whose deck ("Blitz interview with Interfax-Ukraine of
Commissioner X") names who answers the questions and answers set after two dashes; an
outlet's "spoke to X" intro after the lede names who answers, and an answer whose
quotation the page cut before it closed is still theirs. Each article is our own.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc
from tests.extract.lines import article, claim_of

PUBLISHED = date(2025, 3, 12)


def said(doc: ArticleDoc) -> list[tuple[str, str]]:
    """(speaker, first words) of each claim, in reading order."""
    claims = sorted(doc.claims, key=lambda c: c.spans[0].start)
    return [(c.speaker.name, " ".join(c.text.strip('“"').split()[:3])) for c in claims]


def test_turns_named_by_the_outlet_and_the_interviewee_then_bare() -> None:
    doc = article(
        "A former central banker on why the sanctions bite slowly. From the Kyiv Ledger.",
        "A one-time deputy governor in Minsk, Tomas Varenko left Belarus in 2015 and now "
        "teaches economics in Vilnius.",
        "Ledger: When did you last visit Minsk?",
        "Tomas Varenko: In the spring of 2019, for a family funeral. I have not been back.",
        "Was the city different from the one you had left?",
        "Richer on the surface and poorer underneath, I would say. The shops were full "
        "of goods that nobody I knew could afford.",
        published=PUBLISHED,
        title="The shop windows lie: an economist on sanctions",
        category="Interview",
    )
    assert said(doc) == [("Tomas Varenko", "In the spring"), ("Tomas Varenko", "Richer on the")]
    assert doc.featured_expert is not None
    assert doc.featured_expert.name == "Tomas Varenko"


def test_quoted_answers_under_bare_questions_belong_to_the_expert_the_intro_names() -> None:
    doc = article(
        "Three years on, the front barely moves while the costs of the war keep climbing.",
        "There are many questions left, and Riverside College Professor Dana Kowalczyk, "
        "PhD, is ready to answer them.",
        "Why has the front barely moved this winter?",
        "“Both armies have learned to see everything with drones, so nobody can mass "
        "troops without being hit. That favours the defender for now.”",
        "What should Europe watch for in the spring?",
        "“A new Russian push in the south, and whether the promised shells arrive on "
        "time. Both will decide more than any summit.”",
        published=PUBLISHED,
        title="Three years on, what comes next?",
    )
    assert said(doc) == [
        ("Dana Kowalczyk", "Both armies have"),
        ("Dana Kowalczyk", "A new Russian"),
    ]
    assert not doc.events  # the intro's framing and the questions are no happenings


def test_an_opinion_page_names_its_author_in_the_title_only() -> None:
    doc = article(
        "March 12, 2025 9:10 AM 4 min read",
        "The opinions expressed in the op-ed section are those of the authors and do not "
        "purport to reflect the views of the Kyiv Ledger.",
        "Europe still pays more for Russian gas each month than it gives Ukraine in weapons.",
        "Sanctions that nobody enforces are a press release, not a policy.",
        published=PUBLISHED,
        title="Olena Marchuk: Europe must stop paying for Russia's war",
        category="Opinion",
    )
    assert [name for name, _ in said(doc)] == ["Olena Marchuk", "Olena Marchuk"]
    assert doc.featured_expert is not None
    assert doc.featured_expert.name == "Olena Marchuk"


def test_a_reposted_op_ed_signed_with_a_copyright_line() -> None:
    doc = article(
        "Article published in the Northern Courier, 4 March 2025. © Gareth Pell",
        "Cheap drones launched by the hundred have become the cruellest weapon of this war.",
        "The answer is not more interceptors that cost a million each, but guns and "
        "jammers that cost a few thousand.",
        published=PUBLISHED,
        title="Give Ukraine the guns to stop the drone swarms",
        category="Opinion",
    )
    assert [name for name, _ in said(doc)] == ["Gareth Pell", "Gareth Pell"]


def test_a_takeaways_list_with_its_map_and_authors_after_it() -> None:
    doc = article(
        "• Russian forces are likely preparing a renewed push toward Kostiantynivka before "
        "the spring thaw ends.",
        "• The Kremlin is likely using the talks to delay new Western sanctions.",
        "• Russian forces recently made confirmed advances near Toretsk.",
        "CSDA - map.",
        "Authors: Anna Brook, Pavel Dorn, and Lee Marsh.",
        "See the original here.",
        published=PUBLISHED,
        title="Key Takeaways from the CSDA:",
    )
    assert said(doc) == [("CSDA", "Russian forces are"), ("CSDA", "The Kremlin is")]
    lines = [e.span.text for e in doc.events]
    assert lines == ["Russian forces recently made confirmed advances near Toretsk."]


def test_a_tv_reports_soundbites_under_their_name_and_body_captions() -> None:
    doc = article(
        "[REPORT]",
        "A satellite image of the port shows a Russian cargo ship anchored at its center.",
        "Han Ji-woo / Seoul Institute for Maritime Studies",
        "It looks like the same ship we saw in May. It will likely sail north within days.",
        "Both countries continued their trade despite the new sanctions.",
        "Park Min-seo/ Korea Center for Arms Control",
        "The two sides are moving from food to fuel. The trade is likely to grow.",
        published=PUBLISHED,
        title="[News Today] SHIPS AT THE PORT",
    )
    said_by = [(c.speaker.name, c.speaker.affiliation) for c in doc.claims]
    assert said_by == [
        ("Han Ji-woo", "Seoul Institute for Maritime Studies"),
        ("Park Min-seo", "Korea Center for Arms Control"),
    ]


def test_a_radio_transcript_whose_host_has_an_accented_name() -> None:
    doc = article(
        "A NÚÑEZ, HOST:",
        "Tankers with no clear owner keep carrying Russian oil past the price cap. We asked "
        "a historian how the trade began.",
        "PAVEL ORLOV: Well, the fleet grew as soon as the cap was set. Owners simply moved "
        "their ships to new flags.",
        "NÚÑEZ: Can Europe stop it?",
        "ORLOV: Only with inspections at sea, and that is slow and costly.",
        published=PUBLISHED,
        title="How a fleet of old tankers keeps Russian oil moving",
    )
    assert [c.speaker.name for c in doc.claims] == ["Pavel Orlov", "Pavel Orlov"]


def test_a_respondent_line_names_who_answers_the_questions() -> None:
    doc = article(
        "Author : Taras Hordiienko",
        "Respondent : Martin Keel",
        "Source : Channel 9 Kyiv",
        "Martin Keel, the OSCE envoy, came to our studio on the sidelines of the forum.",
        "You have met both presidents. What do they have in common?",
        "I have only met the Russian president once, when I worked for the government. "
        "That was a long time ago.",
        "Will the occupied territories return?",
        "We really believe that this territory will return to Ukraine in the end.",
        published=date(2018, 9, 21),
        outlet="Channel 9 Kyiv",
    )
    for words in ("I have only met the Russian president", "this territory will return"):
        claim = claim_of(doc, words)
        assert (claim.speaker.name, claim.kind) == ("Martin Keel", "quote")
    assert not [c for c in doc.claims if "What do they have in common" in c.text]


def test_a_blitz_interviews_deck_names_who_answers_the_dashed_questions() -> None:
    doc = article(
        "10:25 02.12.2024",
        "Blitz interview with Interfax-Ukraine of Enlargement Commissioner Irena Dolenc",
        "Text: Petro Hladkyi",
        "-- How was your first day in Kyiv?",
        "-- I am very glad my first visit as commissioner was to Kyiv, because enlargement is "
        "a priority of the whole Commission.",
        "Your country has made immense progress with its reforms while at war.",
        "-- Could any cluster be closed next year?",
        "-- No, this will take time, and most of the work is done on your side.",
        title="We will work hand in hand with Ukraine on membership - Irena Dolenc",
        published=PUBLISHED,
    )
    assert {name for name, _ in said(doc)} == {"Irena Dolenc"}
    assert claim_of(doc, "this will take time").text.startswith("No, this will take time")
    assert claim_of(doc, "immense progress").kind == "quote"


def test_an_intro_after_the_lede_names_who_answers_even_an_unclosed_quotation() -> None:
    doc = article(
        '"The chance that nuclear arms are used against Ukraine is very low," said Pavel '
        "Orlov, a senior fellow at the Vienna Centre.",
        "The Kremlin has repeatedly hinted at the use of nuclear weapons.",
        "Our outlet spoke to Pavel Orlov, a senior fellow at the Vienna Centre, about the "
        "risks. Here is a selection of his answers.",
        "Could Moscow use nuclear weapons against Ukraine?",
        '"The probability is very, very low. Of course, anything can happen," said Orlov.',
        "Could he move nuclear arms towards NATO members?",
        '"He does not have to move much. Plenty of weapons are already deployed deep '
        "inside Russia.",
        published=PUBLISHED,
    )
    answer = claim_of(doc, "Plenty of weapons are already deployed")
    assert (answer.speaker.name, answer.kind) == ("Pavel Orlov", "quote")
