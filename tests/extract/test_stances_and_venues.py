"""Stances told by their verb, people named in a caption, and the interview behind a
speaker's words (pure; blind sets D19-D22's causes).

"President of Ukraine X" then "The President of Ukraine noted": one person; "a
spokesperson for X": X speaks.
"X criticized / questioned / likened / lauded ...", "X repeated Russia's stance that ...":
the speaker's claim, not a happening. "the Ukrainian minister" after a caption that
names a Japanese minister and a line that names the Ukrainian one by name only.
"X said in an interview with the Y that ..." and "He spoke about this in an interview
with Z": the outlet is the source of X's other words in the article too, and speaking
to it is no event. Each article is our own.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc
from tests.extract.lines import article

PUBLISHED = date(2025, 6, 4)  # a Wednesday


def claims_by(doc: ArticleDoc) -> list[tuple[str, str]]:
    claims = sorted(doc.claims, key=lambda c: c.spans[0].start)
    return [(c.speaker.name, c.text.split()[0]) for c in claims]


def test_verbs_of_stance_make_claims_of_their_speakers() -> None:
    doc = article(
        "Russian President Vladimir Putin on Wednesday repeated Russia's stance that any "
        "truce would only let Ukraine rearm.",
        "Putin also questioned the point of further talks in Istanbul.",
        "U.S. Defense Secretary Lloyd Austin criticized the strikes on Russian refineries, "
        "citing their effect on world oil prices.",
        "Former U.S. President Donald Trump likened the war to a quarrel between two "
        "children in a park.",
        published=PUBLISHED,
        outlet="Kyiv Ledger",
    )
    assert claims_by(doc) == [
        ("Vladimir Putin", "repeated"),
        ("Vladimir Putin", "questioned"),
        ("Lloyd Austin", "criticized"),
        ("Donald Trump", "likened"),
    ]
    assert not doc.events


def test_a_caption_names_whom_the_minister_is_and_whose_country_decides() -> None:
    doc = article(
        "Japan's Foreign Minister Kenji Arata lays flowers at a memorial in Kyiv on "
        "June 4, 2025. (AFP)",
        "KYIV: Japan's foreign minister warned Wednesday that foreign troops fighting for "
        "Russia would change the security of east Asia.",
        "Ukraine's Foreign Minister Andriy Sybiga said the visit showed that Ukraine's "
        "friends were not only in Europe.",
        "Arata said he had agreed with Sybiga to hold regular talks on security.",
        "The Ukrainian minister called the visit a sign of solidarity.",
        published=PUBLISHED,
    )
    assert [name for name, _ in claims_by(doc)] == [
        "Kenji Arata",
        "Andriy Sybiga",
        "Kenji Arata",
        "Andriy Sybiga",  # the last minister named is Japan's: the Ukrainian one is Sybiga
    ]


def test_the_interview_a_speaker_gave_is_the_source_of_all_his_words() -> None:
    doc = article(
        "The head of military intelligence, Kyrylo Budanov, said that no traitor had been "
        "found inside the directorate since February.",
        "The general spoke about this in an interview with Liga.net. He noted that Ukraine "
        "now had more agents inside Russia.",
        '"Our access to information has grown at every level," Budanov said.',
        "Separately, Foreign Minister Andrii Sybiha said Kyiv expected new sanctions soon.",
        published=PUBLISHED,
    )
    sources = {c.text.split()[0]: [s.name for s in c.sources] for c in doc.claims}
    assert sources == {"no": ["Liga.net"], "Ukraine": ["Liga.net"], "Our": ["Liga.net"]} | {
        "Kyiv": []
    }
    assert not doc.events  # speaking to the site is where the words were said


def test_the_office_before_a_name_the_parser_joins_to_its_country() -> None:
    doc = article(
        "President of Ukraine Volodymyr Zelenskyy met the NATO Secretary General in Kyiv "
        "on Monday.",
        "The President of Ukraine noted that Ukraine expected two more air defence systems "
        "by the summer.",
        published=PUBLISHED,
    )
    (claim,) = doc.claims
    assert (claim.speaker.name, claim.speaker.role, claim.speaker.affiliation) == (
        "Volodymyr Zelenskyy",
        "President",
        "Ukraine",
    )


def test_an_unnamed_spokesperson_speaks_for_the_body_named() -> None:
    doc = article(
        "A spokesperson for the Danube Shipping Company told Reuters that the company "
        "would not resume sailings until insurers returned.",
        "An FNSEA spokesperson told Reuters that the union had never backed the blockade.",
        "A spokesperson said the port would reopen on Friday.",
        published=PUBLISHED,
    )
    assert [c.speaker.name for c in doc.claims] == ["Danube Shipping Company", "FNSEA"]
    (event,) = doc.events  # whoever that spokesperson is, no one is named
    assert event.span.text.startswith("A spokesperson said")


def test_what_someone_called_a_thing_is_no_claim_of_theirs() -> None:
    doc = article(
        "Russia launched what it called a special military operation in Ukraine in "
        "February 2022, after warning that the alliance was moving east.",
        published=PUBLISHED,
    )
    assert not doc.claims
    (event,) = doc.events
    assert (event.date.year, event.date.month, event.date.precision) == (2022, 2, "month")


def test_a_persons_proposal_is_a_claim_a_bodys_is_news() -> None:
    doc = article(
        "Ukrainian President Volodymyr Zelenskiy has proposed a ceasefire until the two "
        "leaders can meet in person.",
        "The European Commission proposed a new package of sanctions on Tuesday.",
        published=PUBLISHED,
    )
    assert [c.speaker.name for c in doc.claims] == ["Volodymyr Zelenskiy"]
    assert [e.span.text[:26] for e in doc.events] == ["The European Commission pr"]


def test_giving_an_address_or_an_outlets_interview_is_no_happening() -> None:
    doc = article(
        "The head of state spoke in an address to the summit of the Nordic countries.",
        "To find out more, RFE/RL spoke with Dana Kowal, a fellow at a Prague institute.",
        "Zelensky spoke with the Danish prime minister by phone on Monday.",
        published=PUBLISHED,
    )
    assert [e.span.text[:20] for e in doc.events] == ["Zelensky spoke with "]


def test_a_body_named_in_full_with_its_acronym_then_by_the_acronym() -> None:
    doc = article(
        "Moscow is likely worried that the deal may expose it to new penalties, the "
        "Institute for the Study of War (ISW) wrote in its Sept. 13 report.",
        "According to the ISW, the Kremlin's quiet tone shows its need to balance the two risks.",
        published=PUBLISHED,
    )
    assert [c.speaker.name for c in doc.claims] == ["Institute for the Study of War"] * 2


def test_a_surname_of_several_words_opening_a_sentence() -> None:
    doc = article(
        "European Commission President Ursula von der Leyen presented the package in "
        "Brussels on Tuesday.",
        "Von der Leyen stated that the price cap would be discussed at the summit.",
        published=PUBLISHED,
    )
    assert [c.speaker.name for c in doc.claims] == ["Ursula von der Leyen"]
