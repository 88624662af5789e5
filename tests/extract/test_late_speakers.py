"""Speakers named late, by role or not at all; lines that are not events (pure).

Each case is a short article of our own written in the manner of real news copy (issue
10, set C's misses): who said what, and which lines a reader would not call events.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstore.extract import ArticleDoc, ArticleMeta, extract_article

PUBLISHED = date(2024, 6, 5)  # a Wednesday


def extract(*lines: str, published: date | None = PUBLISHED) -> ArticleDoc:
    text = "A headline of our own\n" + "\n".join(lines) + "\n"
    meta = ArticleMeta(published_on=published)
    return extract_article(text, external_id="t", meta=meta, today=date(2026, 11, 30))


def speakers_of(doc: ArticleDoc) -> list[tuple[str, str]]:
    return [(claim.speaker.name, claim.text) for claim in doc.claims]


def holds(doc: ArticleDoc, words: str) -> str | None:
    """The speaker of the claim holding ``words``, or "event" / None."""
    for claim in doc.claims:
        if words in claim.text:
            return claim.speaker.name
    return "event" if any(words in e.span.text for e in doc.events) else None


# -- an unnamed speaker in the lede, named in the next paragraphs ---------------------


@pytest.mark.parametrize(
    ("lede", "named", "person"),
    [
        (
            "Belarus is quietly moving tank shells to Russia by rail, a senior US official "
            "said on Tuesday.",
            'The shells leave from depots near Baranavichy, "in large numbers", Pentagon '
            "spokesman Lucas Ferrand told reporters.",
            "Lucas Ferrand",
        ),
        (
            "Most of the new drones break down within a week, and spare parts are scarce, "
            "a Ukrainian military official said.",
            '"We count dozens of failures a day," Colonel Taras Oliinyk, deputy head of the '
            "army's drone command, told news outlet Kyiv Newswire.",
            "Taras Oliinyk",
        ),
        (
            "A third of promised shells arrive months late and the delay costs the army "
            "ground, Ukraine's deputy defence minister has warned.",
            "Speaking at a forum in Lviv, Oksana Melnyk said partners must keep their timetables.",
            "Oksana Melnyk",
        ),
    ],
    ids=["official-said-on-day", "military-official", "role-with-possessive"],
)
def test_an_unnamed_lede_speaker_is_the_person_named_next(
    lede: str, named: str, person: str
) -> None:
    doc = extract(lede, named)
    assert [c.speaker.name for c in doc.claims] == [person, person]
    assert doc.claims[0].text.startswith(lede[:20])
    assert doc.events == ()


def test_a_capital_urging_is_its_claim_with_the_whole_clause() -> None:
    doc = extract(
        "VILNIUS (Reuters) – Kyiv urged NATO on Monday to start talks “without delay” on a "
        "new air defence fund for the front-line cities.",
        "Foreign ministry spokesperson Marta Hlib said Kyiv welcomed the last fund but that "
        "it had run out in two months.",
    )
    lede = doc.claims[0]
    assert lede.speaker.name == "Kyiv"  # a place speaking is its own claim, not a person's
    assert "to start talks “without delay” on a new air defence fund" in lede.text


def test_an_unnamed_adviser_is_not_the_president_he_advises() -> None:
    doc = extract(
        "A senior adviser to President Volodymyr Zelensky said on Friday that Russia "
        "fired Iranian missiles at Odesa this week for the first time.",
        "Prosecutor spokesperson Daria Koval said the debris was being examined.",
    )
    assert holds(doc, "fired Iranian missiles at Odesa") == "event"
    assert "Volodymyr Zelensky" not in {c.speaker.name for c in doc.claims}
    (event,) = doc.events
    assert event.date.precision == "unknown"  # "this week", not the statement's Friday
    assert [s.name for s in event.sources] == ["senior adviser to President Volodymyr Zelensky"]


# -- role nouns, pronouns, institutions ------------------------------------------------


def test_a_role_noun_refers_to_the_person_named_with_that_role() -> None:
    doc = extract(
        "Poland's Foreign Minister Adam Wrona said on Monday that the border would stay open.",
        "The Foreign Minister has stated that the new crossings were ready.",
        "According to his words, the trucks would move again by Friday.",
        "The minister added that farmers had agreed to end the blockade.",
        "He also expressed gratitude for the help of the border guards.",
    )
    assert {c.speaker.name for c in doc.claims} == {"Adam Wrona"}
    assert len(doc.claims) == 5
    assert holds(doc, "expressed gratitude for the help") == "Adam Wrona"
    assert doc.events == ()
    assert all(s.name != "his words" for c in doc.claims for s in c.sources)


def test_a_title_noun_refers_to_the_person_with_that_title() -> None:
    doc = extract(
        "US Secretary of Defense Mark Delaney said on Monday that the shipment had left.",
        "The Defense Secretary emphasized that Kyiv had already received the first rounds.",
    )
    assert holds(doc, "Kyiv had already received the first rounds") == "Mark Delaney"
    assert doc.events == ()


def test_a_closing_frame_after_an_unattributed_lede_sentence_covers_it() -> None:
    doc = extract(
        "The Prosecutor General's Office has collected proof of Iranian drones striking "
        "Sumy. This includes the attack on a school on May 2, states Prosecutor General "
        "Ivan Hrytsenko.",
    )
    assert holds(doc, "has collected proof of Iranian drones") == "Ivan Hrytsenko"
    assert doc.events == ()


def test_a_pronoun_speaker_discussing_reports_a_claim() -> None:
    doc = extract(
        "Defence Minister Oleh Sirko said the new shells had passed their tests.",
        "He also discussed plans to open a second production line near Dnipro.",
    )
    assert holds(doc, "plans to open a second production line") == "Oleh Sirko"


def test_an_institution_accusing_is_its_claim() -> None:
    doc = extract(
        "The White House on Tuesday accused Iran of secretly shipping drone engines to "
        "Russia through the Caspian Sea.",
    )
    assert holds(doc, "secretly shipping drone engines") == "White House"
    assert all(s.name != "White House on Tuesday" for c in doc.claims for s in c.sources)


def test_an_institutions_conditional_is_a_claim_not_an_event() -> None:
    doc = extract(
        "Background",
        "The White House National Security Council said that if Belarus has sent troops "
        "to Russia, it would mark a grave escalation.",
    )
    assert holds(doc, "it would mark a grave escalation") == "White House National Security Council"


def test_as_stated_by_names_the_speaker_of_the_quote() -> None:
    doc = extract(
        "In the eastern regions, “it is a war of shells and patience,” as stated by Pentagon "
        "spokesman Lucas Ferrand during a briefing on Tuesday.",
    )
    assert holds(doc, "a war of shells and patience") == "Lucas Ferrand"


def test_a_speaker_after_a_mid_sentence_quote_and_the_next_quote() -> None:
    doc = extract(
        "Analyst Petra Lund said the purchases were a sign of weakness.",
        'If Moscow buys shells abroad, that means the Kremlin "cannot feed its own guns '
        'at even the simplest level," Hugo Marsh, a fellow at the Atlantic Forum, agreed. '
        '"It is a failure of planning."',
    )
    assert holds(doc, "cannot feed its own guns") == "Hugo Marsh"
    assert holds(doc, "It is a failure of planning") == "Hugo Marsh"


def test_a_while_clause_is_not_the_governors_claim() -> None:
    doc = extract(
        "While the air force said at the time it could not confirm the type, Odesa Governor "
        "Oleh Kiper later said that Russia had used a missile of unknown origin.",
    )
    claim = next(c for c in doc.claims if c.speaker.name == "Oleh Kiper")
    assert claim.text.startswith("Russia had used a missile of unknown origin")
    assert all("While" not in s.name for c in doc.claims for s in c.sources)


def test_an_administration_is_not_its_president() -> None:
    doc = extract(
        "US President Joe Biden's administration in May said Russia had received "
        "Iranian glide bombs for use in Ukraine.",
    )
    assert "Joe Biden" not in {c.speaker.name for c in doc.claims}
    speakers = [c.speaker.name for c in doc.claims]
    sources = [s.name for e in doc.events for s in e.sources]
    assert [*speakers, *sources] == ["Biden administration"]  # an event or a claim: either


def test_a_parenthetical_he_said_beats_a_cue_in_the_content() -> None:
    doc = extract(
        "NATO Secretary General Mark Rutte said on Tuesday that he expects a report from "
        "Seoul. Until then, he said, NATO cannot confirm that the troops are in Ukraine.",
    )
    assert {c.speaker.name for c in doc.claims} == {"Mark Rutte"}


# -- lines that are not events ---------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "• Jun 05 2024, 09:41 ist",
        "• updated: Jun 05 2024, 10:02 ist",
        "The treaty has also deepened western worries about Russian help for Iran's navy.",
        "The poor state of the captured drones has been widely discussed.",
        "Colonel Petro Sas declined to give the drone's exact model.",
        "But today Belarus is locked in a cold standoff with Poland that Minsk calls defence.",
    ],
)
def test_lines_that_report_no_happening(line: str) -> None:
    happening = "Russia struck Odesa on Monday, killing three people."
    doc = extract(happening, line)
    assert [e.span.text for e in doc.events] == [happening]


def test_a_source_line_sources_the_item_before_it() -> None:
    doc = extract(
        "Secretary of State Mark Delaney said on Monday that Iran had sent drones to Russia.",
        "This is according to the Kyiv Ledger, seen by Eastern Europe Monitor.",
    )
    assert doc.events == ()
    assert "Kyiv Ledger" in [s.name for s in doc.claims[0].sources]


# -- dates ---------------------------------------------------------------------------


def test_last_weekday_on_that_weekday_is_a_week_before() -> None:
    doc = extract("The two leaders met at the Vostochny space centre last Wednesday.")
    (event,) = doc.events
    assert (event.date.month, event.date.day) == (5, 29)


def test_the_happening_date_wins_over_the_statement_date() -> None:
    doc = extract(
        "Washington said on Jan. 4 that Russia fired Iranian missiles at a field on Dec. 30.",
        published=date(2024, 1, 11),
    )
    (event,) = doc.events
    assert (event.date.year, event.date.month, event.date.day) == (2023, 12, 30)


@pytest.mark.parametrize(
    "line",
    [
        "Russia shelled Sumy this week, killing two people in one of the deadliest "
        "attacks since the start of the large-scale war in February 2022.",
        "The Russian leader arrived for talks in Minsk, his first visit since 2008.",
    ],
)
def test_a_bound_in_a_side_phrase_does_not_date_the_event(line: str) -> None:
    (event,) = extract(line).events
    # undated, or the lede's news of the published day: never the bound's year or month
    reading = (event.date.year, event.date.month, event.date.day)
    assert reading in {(None, None, None), (2024, None, None), (2024, 6, 5)}


# -- affiliations and sources ---------------------------------------------------------


def test_affiliations_are_the_employer_not_a_place_or_a_programme() -> None:
    doc = extract(
        "Serhii Bondar, head of the criminal department of the Sumy region police, said the "
        "debris had been sent for tests.",
        '"It is an old design," said Dr Anna Berg, the Nordic fellow with the Arctic '
        "programme at Chatham House.",
    )
    found = {c.speaker.name: c.speaker.affiliation for c in doc.claims}
    assert "Sumy region police" in (found["Serhii Bondar"] or "")
    assert found["Anna Berg"] == "Chatham House"


def test_a_wire_prefix_in_brackets_is_not_a_role() -> None:
    doc = extract(
        "(MENAFN- Kyiv Ledger) US Secretary of State Mark Delaney said Iran had sent "
        "missiles to Russia."
    )
    (claim,) = doc.claims
    assert claim.speaker.role == "US Secretary of State"
    assert claim.speaker.affiliation is None


def test_sources_that_are_not_phrases_of_other_things() -> None:
    doc = extract(
        "Iran has moved drones to Crimea.",
        "The Kyiv Post, citing sources among European officials, informed that Iran had "
        "sent launchers to Russia.",
        "Russia has moved jets to Crimea, according to newly declassified U.S. intelligence.",
        "The U.S. reported late last month that Russia had bought drones from Iran.",
    )
    names = {s.name for e in doc.events for s in e.sources}
    assert {"The Kyiv Post", "U.S. intelligence"} <= names
    assert "U.S" not in names


def test_a_family_name_the_parser_hangs_on_the_first_name_is_still_the_name() -> None:
    """spaCy reads "Petro Mazur, political scientist at ..." as Petro with the apposition
    Mazur (and no PERSON entity); the speaker is still Petro Mazur, not an event."""
    doc = extract(
        "Petro Mazur, political scientist at the New Europe Center, is convinced that for "
        "the farmers the current situation means higher costs, which is why the pressure "
        "must not ease."
    )
    assert [(c.speaker.name, c.speaker.affiliation) for c in doc.claims] == [
        ("Petro Mazur", "New Europe Center")
    ]
    assert doc.events == ()
