"""Details of wire and column copy (pure): who speaks when a name carries a relative
clause or a party, clock times, captions, documents quoted, columns in the first person,
"the first week of May", and unnamed speakers of another country.

Each case is a short article of our own in the manner of real news copy.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc, ArticleMeta, extract_article

PUBLISHED = date(2023, 5, 17)  # a Wednesday


def extract(*lines: str, title: str = "A headline of our own") -> ArticleDoc:
    text = title + "\n" + "\n".join(lines) + "\n"
    meta = ArticleMeta(published_on=PUBLISHED)
    return extract_article(text, external_id="t", meta=meta, today=date(2026, 11, 30))


def test_a_relative_clause_is_no_part_of_the_speakers_name() -> None:
    doc = extract(
        "Hydroenergo, which runs the country's dams, said 40% of demand was not being met as "
        "of 7 p.m. Kyiv time (1700 GMT) on Tuesday."
    )
    (claim,) = doc.claims
    assert claim.speaker.name == "Hydroenergo"
    assert claim.text.endswith("(1700 GMT) on Tuesday")
    assert doc.events == ()


def test_making_an_announcement_is_no_event() -> None:
    doc = extract(
        "The first shells bought under the Baltic initiative have reached Ukraine, Latvian "
        "Prime Minister Arvis Kalnins announced on Tuesday.",
        "Kalnins made the announcement ahead of a meeting with the president.",
    )
    assert doc.events == ()


def test_a_party_in_brackets_is_no_role() -> None:
    doc = extract(
        "Defence Minister Ilona Varga (KDP) said 18 countries had joined the initiative.",
        "Varga said she hoped the shells would make a difference at the front.",
    )
    assert {(c.speaker.name, c.speaker.role) for c in doc.claims} == {
        ("Ilona Varga", "Defence Minister")
    }


def test_a_file_photo_caption_is_not_read() -> None:
    doc = extract(
        "Kyiv pressed its allies for more air defence for months (File photo)",
        "Russian missiles struck a power plant near Lviv on Tuesday, the governor said.",
    )
    assert ["File photo" in e.span.text for e in doc.events] == [False]


def test_termed_names_a_claim() -> None:
    doc = extract(
        "Defence Minister Anatol Brusk, who unveiled the drone in 2019, has termed it "
        '"an ideal weapon" for the steppe.'
    )
    assert doc.events == ()
    assert [c.speaker.name for c in doc.claims] == ["Anatol Brusk"]


def test_a_reports_words_are_not_the_followed_speakers() -> None:
    doc = extract(
        '"The strike hit a launcher," Major General Ivan Dorosh said on Tuesday.',
        "US officials suggested to CNN that the launcher was more exposed than others. The "
        'report reads: "Unlike mobile systems, the battery is large and stationary."',
    )
    assert [c.speaker.name for c in doc.claims] == ["Ivan Dorosh"]


def test_an_unnamed_us_official_is_not_the_russian_spokesman_named_next() -> None:
    doc = extract(
        "A US official acknowledged to CNN that a launcher was damaged by a Russian strike",
        "Russia's military said Tuesday that it had hit a launcher in Kyiv.",
        '"A precise strike hit the launcher," said Russian Defence Ministry spokesman Igor '
        "Konashenkov.",
    )
    assert all("acknowledged" not in c.text for c in doc.claims)


def test_a_bylined_column_in_the_first_person_is_its_authors() -> None:
    doc = extract(
        "By Margaret Holm",
        "After I wrote about air defence last month, a reader asked me what the plan is.",
        "That is the question as Russia bombs Kharkiv every night and Washington waits.",
        "I believe the interceptors should go now, before the summer offensive begins.",
        title="Holm: Send the interceptors now",
    )
    assert {c.speaker.name for c in doc.claims} == {"Margaret Holm"}


def test_the_first_week_of_a_month() -> None:
    doc = extract("Kyiv said its air defence downed a missile in the first week of May.")
    (event,) = doc.events
    assert (event.date.month, event.date.day, event.date.precision) == (5, None, "month")
    assert event.date.qualifier == "early"


def test_an_ap_dateline_is_not_the_speakers_name() -> None:
    doc = extract(
        "SEOUL, South Korea — South Korea's spy agency believes the North sent more shells "
        "to Russia, according to a lawmaker briefed on Wednesday."
    )
    assert all(not c.speaker.name.startswith("SEOUL") for c in doc.claims)


def test_a_name_with_particles() -> None:
    doc = extract(
        "The package will strip Russia of energy revenues, European Commission President "
        "Ursula von der Leyen said on Thursday."
    )
    assert [c.speaker.name for c in doc.claims] == ["Ursula von der Leyen"]


def test_a_date_describing_a_thing_does_not_date_the_happening() -> None:
    doc = extract(
        "Gas stopped flowing through the pipeline after an agreement signed in 2019 expired "
        "on Tuesday."
    )
    (event,) = doc.events
    assert (event.date.year, event.date.month, event.date.day) == (2023, 5, 16)


def test_a_title_the_parser_splits_from_the_name_stays_the_role() -> None:
    doc = extract(
        "Ukraine's military intelligence chief Kyrylo Budanov said on Tuesday that the first "
        "troops had reached the Kursk region."
    )
    (claim,) = doc.claims
    assert (claim.speaker.name, claim.speaker.role) == ("Kyrylo Budanov", "chief")
    assert claim.speaker.affiliation == "Ukraine's military intelligence"


def test_two_speakers_in_one_sentence_each_keep_their_words() -> None:
    doc = extract(
        'Ukraine\'s energy minister, German Halytsky, called the move "historic", while the '
        "country's president, Volodymyr Zelensky, described it in a post on social media as "
        '"one of Moscow\'s biggest defeats".'
    )
    assert [(c.speaker.name, c.text[:16]) for c in doc.claims] == [
        ("German Halytsky", "called the move "),
        ("Volodymyr Zelensky", "in a post on soc"),
    ]


def test_he_wrote_after_a_paragraph_that_introduces_someone() -> None:
    doc = extract(
        '"The transit is over," President Volodymyr Zelensky said on Wednesday.',
        "The move prompted angry words from Slovakia's prime minister, Robert Fico, who had "
        "lobbied against it for months.",
        '"Halting the transit will hurt us all in the EU but not Russia," he wrote on Facebook.',
    )
    assert [c.speaker.name for c in doc.claims] == ["Volodymyr Zelensky", "Robert Fico"]


def test_a_name_with_letters_beyond_ascii() -> None:
    doc = extract(
        'Poland\'s foreign minister, Radosław Sikorski, called the development "a new victory" '
        "for the continent."
    )
    (claim,) = doc.claims
    assert claim.speaker.name == "Radosław Sikorski"


def test_a_proposed_date_is_ahead() -> None:
    doc = extract("Russia has proposed holding the next round of talks in Istanbul on June 2.")
    (event,) = doc.events
    assert (event.date.year, event.date.month, event.date.day) == (2023, 6, 2)


def test_rejecting_a_claim_is_a_claim() -> None:
    doc = extract(
        "Kyiv said its air defence shot down six hypersonic missiles, but Russian Defence "
        "Minister Sergei Shoigu rejected that claim."
    )
    assert [c.speaker.name for c in doc.claims] == ["Sergei Shoigu"]


def test_a_second_speaker_inside_the_first_ones_words() -> None:
    doc = extract(
        "In late May, Fiala said that 15 countries had contributed over 1.6 billion euros, "
        "while Defence Minister Jana Varga said 18 countries had signed the memoranda."
    )
    assert [(c.speaker.name, c.text[:10]) for c in doc.claims] == [
        ("Fiala", "15 countri"),
        ("Jana Varga", "18 countri"),
    ]


def test_who_passed_the_words_on_is_their_source() -> None:
    doc = extract(
        "Kyiv mayor Vitaly Klitschko said 60% of residents were without power.",
        '"We have to be ready for any developments," he added, according to Kyiv city council.',
        '"The door is open," French President Emmanuel Macron said, as cited by Le Monde.',
    )
    sources = {c.speaker.name: [s.name for s in c.sources] for c in doc.claims if c.sources}
    assert sources == {"Vitaly Klitschko": ["Kyiv city council"], "Emmanuel Macron": ["Le Monde"]}


def test_an_unnamed_officials_outlet_sources_the_event() -> None:
    doc = extract("A US official told CNN that a launcher in Kyiv was damaged but not destroyed.")
    (event,) = doc.events
    assert {s.name for s in event.sources} == {"US official", "CNN"}


def test_a_portfolio_after_the_is_no_part_of_the_name() -> None:
    doc = extract(
        "The export corridor is working despite the attack, Vice Prime Minister for the "
        "Restoration Oleksandr Kubrakov claimed."
    )
    assert [c.speaker.name for c in doc.claims] == ["Oleksandr Kubrakov"]


def test_a_surname_with_an_appositive_is_the_person_named_before() -> None:
    doc = extract(
        "Among them was 28-year-old Aliona Skuibida, who has campaigned for her fiance's "
        "return for three years.",
        "Skuibida, a member of the Marine Corps Strength Association, said they were to marry "
        "as soon as he came back.",
    )
    assert [c.speaker.name for c in doc.claims] == ["Aliona Skuibida"]


def test_an_institution_without_the_words_that_describe_it() -> None:
    doc = extract(
        "Industry giant Lukoil, which operates the refinery, says the plant is the biggest "
        "producer in the region."
    )
    assert [c.speaker.name for c in doc.claims] == ["Lukoil"]
