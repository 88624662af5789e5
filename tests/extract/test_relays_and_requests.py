"""Relayed words, requests and acts done by saying (pure; blind set D9's causes).

An agency that quotes someone, an outlet's closing "TASS reported", a participle after a
reported clause, "expects X to ...", "urged X to ...", "announced new sanctions". Each
case is a short article of our own; the test states what a reader would take from it.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc, ArticleMeta, extract_article

PUBLISHED = date(2024, 11, 29)  # a Friday


def extract(*lines: str) -> ArticleDoc:
    text = "A headline of our own\n" + "\n".join(lines) + "\n"
    meta = ArticleMeta(published_on=PUBLISHED)
    return extract_article(text, external_id="t", meta=meta, today=date(2026, 11, 30))


def said(doc: ArticleDoc) -> list[tuple[str, str, str]]:
    return [(claim.speaker.name, claim.kind, claim.text) for claim in doc.claims]


def test_an_agency_quoting_someone_gives_that_persons_quote() -> None:
    doc = extract(
        "\u201cOur armies have never worked so closely together,\u201d the Interfax agency "
        "quoted Andrei Belousov as saying at a meeting with his counterpart in Pyongyang."
    )
    assert said(doc) == [
        ("Andrei Belousov", "quote", "Our armies have never worked so closely together")
    ]


def test_an_outlet_relaying_a_named_officials_words_is_not_their_speaker() -> None:
    doc = extract(
        "Russian Defence Minister Andrei Belousov met North Korean Defence Minister "
        "No Kwang-chol in Pyongyang on Friday.",
        "At the talks, the North Korean defence chief stressed that military ties with "
        "Moscow were the country's first concern, Interfax reported.",
    )
    assert said(doc) == [
        (
            "No Kwang-chol",
            "paraphrase",
            "military ties with Moscow were the country's first concern",
        )
    ]


def test_a_countrys_top_diplomat_is_its_foreign_minister_named_before() -> None:
    doc = extract(
        "Foreign Minister Dmytro Kuleba met his Spanish counterpart in Madrid on Friday.",
        "Ukraine's top diplomat expressed his frustration with the slow pace of deliveries "
        "and stressed the need to use every available system.",
    )
    assert [(name, kind) for name, kind, _ in said(doc)] == [("Dmytro Kuleba", "paraphrase")]
    assert said(doc)[0][2].startswith("expressed his frustration with the slow pace")


def test_a_participle_after_a_reported_clause_is_the_reporters() -> None:
    doc = extract(
        "Russia said on Friday that a visit by the North Korean leader to Moscow next year "
        "was quite possible, noting that contacts between the two capitals were constant."
    )
    assert [(name, kind) for name, kind, _ in said(doc)] == [("Russia", "paraphrase")]
    assert "noting that contacts between the two capitals" in said(doc)[0][2]


def test_what_someone_is_expected_or_urged_to_do_keeps_the_verb() -> None:
    doc = extract(
        "Marta Kos, the enlargement commissioner of the European Union, expects the member "
        "states to agree on the new package within a month.",
        "Prime Minister Denys Shmyhal urged the donors to speed up the delivery of "
        "transformers before the frosts.",
    )
    assert [text for _, _, text in said(doc)] == [
        "expects the member states to agree on the new package within a month",
        "urged the donors to speed up the delivery of transformers before the frosts",
    ]


def test_an_act_done_by_announcing_is_an_event_and_a_charge_with_it_a_claim() -> None:
    doc = extract(
        "Secretary of State Antony Blinken arrived in London on Tuesday.",
        "Blinken announced new US sanctions on Iran, accusing it of sending short-range "
        "missiles to Russia for use in Ukraine.",
    )
    announced = [event.summary for event in doc.events][-1]
    assert announced == "Blinken announced new US sanctions on Iran"
    assert said(doc) == [
        (
            "Antony Blinken",
            "paraphrase",
            "accusing it of sending short-range missiles to Russia for use in Ukraine",
        )
    ]


def test_mentioning_a_subject_is_no_happening() -> None:
    doc = extract(
        "Foreign Minister Andrii Sybiha spoke to reporters in Brussels on Monday.",
        "Sybiha also mentioned the fighting around Pokrovsk, stressing that Russia was "
        "paying a huge price for every village.",
    )
    assert [event.summary for event in doc.events] == [
        "Foreign Minister Andrii Sybiha spoke to reporters in Brussels on Monday."
    ]


def test_revealed_is_a_verb_of_saying() -> None:
    doc = extract(
        "Ukraine\u2019s President Volodymyr Zelenskyy revealed that the promised systems had "
        "still not reached the country."
    )
    assert said(doc) == [
        (
            "Volodymyr Zelenskyy",
            "paraphrase",
            "the promised systems had still not reached the country",
        )
    ]


def test_a_paragraph_saying_whose_the_one_before_was_makes_it_their_claim() -> None:
    doc = extract(
        "Air defence that stands in a depot protects nobody, and the partners know it.",
        "President Volodymyr Zelensky said this in a video address on Thursday, Kyiv "
        "Newswire reports.",
        "Deliveries promised in spring are still stuck, so the allies must hurry.",
        "As Kyiv.Post writes with reference to its sources, this was stated by Foreign "
        "Minister Andrii Sybiha in Brussels.",
    )
    assert [(name, text[:40]) for name, _, text in said(doc)] == [
        ("Volodymyr Zelensky", "Air defence that stands in a depot prote"),
        ("Andrii Sybiha", "Deliveries promised in spring are still "),
    ]
    assert doc.events == ()


def test_a_newswires_reminder_lead_in_is_no_part_of_the_sentence() -> None:
    doc = extract(
        "Also remind, in July 2024, the President of Ukraine, Volodymyr Zelensky, noted "
        "that the army needs twelve more systems to cover the front"
    )
    assert said(doc) == [
        (
            "Volodymyr Zelensky",
            "paraphrase",
            "the army needs twelve more systems to cover the front",
        )
    ]


def test_an_outlet_relaying_a_quote_is_its_source() -> None:
    doc = extract(
        "Russian Defence Minister Andrei Belousov arrived in Pyongyang on Friday to meet "
        "North Korean Defence Minister No Kwang-chol.",
        "\u201cWe will honour every agreement,\u201d Russia\u2019s RIA Novosti agency quoted "
        "Belousov as saying.",
        "The North Korean defence chief said that the alliance was unbreakable, RIA "
        "Novosti also reported.",
    )
    assert [(c.speaker.name, [s.name for s in c.sources]) for c in doc.claims] == [
        ("Andrei Belousov", ["RIA Novosti"]),
        ("No Kwang-chol", ["RIA Novosti"]),
    ]


def test_a_caption_that_says_what_its_picture_is_yields_nothing() -> None:
    doc = extract(
        "Illustrative purposes only: A Ukrainian-made missile being fired on April 5, 2019. "
        "(The Presidential Office of Ukraine)",
        "Ukrainian forces struck a ferry crossing in Russia's Krasnodar Krai overnight.",
    )
    assert [event.summary for event in doc.events] == [
        "Ukrainian forces struck a ferry crossing in Russia's Krasnodar Krai overnight."
    ]


def test_a_weekday_beside_a_date_picks_its_year() -> None:
    text = (
        "A headline of our own\n"
        "The city declared Wednesday, June 25, a day of mourning for those killed in the "
        "night's attack.\n"
    )
    published = date(2025, 6, 24)  # June 25 was a Wednesday in 2025, a Tuesday in 2024
    meta = ArticleMeta(published_on=published)
    doc = extract_article(text, external_id="t", meta=meta, today=date(2026, 11, 30))
    day = doc.events[0].date
    assert (day.year, day.month, day.day) == (2025, 6, 25)


def test_a_block_signed_by_its_speaker_after_a_dash_is_theirs() -> None:
    doc = extract(
        'On the programme "Front Line Weekly", the director of the Kama plant, Rustam '
        "Garayev, stated the following:",
        "This is the biggest plant of its kind in Europe. Today we make nine times more "
        '"Geraniums" than planned - noted Garayev.',
    )
    assert said(doc) == [
        (
            "Rustam Garayev",
            "quote",
            "This is the biggest plant of its kind in Europe. Today we make nine times more "
            '"Geraniums" than planned',
        )
    ]


def test_a_site_named_by_its_address_relays_and_a_details_header_is_no_background() -> None:
    doc = extract(
        "Russian drones damaged a tram depot and a school in the city overnight.",
        "This was reported by the mayor of Kharkiv, Ihor Terekhov, on Telegram, "
        "reports Censor.NET.",
        "Details",
        "According to him, more than 30 houses were damaged in three districts.",
    )
    assert [(c.speaker.name, c.text[:30], c.section) for c in doc.claims] == [
        ("Ihor Terekhov", "Russian drones damaged a tram ", "lede"),
        ("Ihor Terekhov", "more than 30 houses were damag", "body"),
    ]


def test_a_sentence_naming_only_who_spoke_gives_the_words_before_to_them() -> None:
    doc = extract(
        "Moscow has stopped prisoner exchanges since the summer, though talks go on.",
        "Petro Yatsenko, a representative of the coordination headquarters, told reporters.",
        '"The talks go on, but the exchanges have in fact stopped," he said.',
    )
    assert [(name, kind, text[:30]) for name, kind, text in said(doc)] == [
        ("Petro Yatsenko", "paraphrase", "Moscow has stopped prisoner ex"),
        ("Petro Yatsenko", "quote", "The talks go on, but the excha"),
    ]


def test_next_weekday_and_a_part_of_a_month_without_in() -> None:
    doc = extract(
        "Seoul will raise the shipments at a UN Security Council meeting next Wednesday.",
        "The corridor opened after Moscow quit the grain deal mid-July.",
    )
    dates = [(e.date.year, e.date.month, e.date.day, e.date.qualifier) for e in doc.events]
    assert dates == [(2024, 12, 4, None), (2024, 7, None, "mid")]


def test_assuring_and_reaffirming_are_statements() -> None:
    doc = extract(
        "The Ministry of Energy assured that any change to the outage schedules would be "
        "announced in advance.",
        "Jens Stoltenberg reaffirmed the alliance's open-door policy for every country of Europe.",
    )
    assert [(name, text[:25]) for name, _, text in said(doc)] == [
        ("Ministry of Energy", "any change to the outage "),
        ("Jens Stoltenberg", "reaffirmed the alliance's"),
    ]


def test_a_column_signed_by_a_name_alone_under_its_title_is_its_authors() -> None:
    text = (
        "Moscow is testing Europe's patience\n"
        "Halyna Moroz\n"
        "I have long argued that Russia's drones over Poland are no accident.\n"
        "Our neighbours know this well, and Brussels still hesitates to act.\n"
        "For the latest headlines, follow our channel online or via the app.\n"
    )
    meta = ArticleMeta(published_on=PUBLISHED)
    doc = extract_article(text, external_id="t", meta=meta, today=date(2026, 11, 30))
    assert [(c.speaker.name, c.text[:25]) for c in doc.claims] == [
        ("Halyna Moroz", "I have long argued that R"),
        ("Halyna Moroz", "Our neighbours know this "),
    ]


def test_an_envoy_to_the_united_nations_and_the_diplomat_he_is_later() -> None:
    doc = extract(
        "Chinese Ambassador to the United Nations Fu Cong said on Friday that Beijing would "
        "publish a position paper on the war within days.",
        "China will stress the sovereignty of every state and urge talks without "
        "preconditions, according to the diplomat.",
    )
    assert [(c.speaker.name, c.speaker.affiliation) for c in doc.claims] == [
        ("Fu Cong", "United Nations"),
        ("Fu Cong", "United Nations"),
    ]
    assert doc.claims[1].text.startswith("China will stress the sovereignty")


def test_an_expert_who_told_an_agency_after_the_words_is_the_speaker() -> None:
    doc = extract(
        "The coming treaty shows that the two countries share a great deal, including their "
        "enemies, Laleh Karimi, associate professor at the University of Tabriz, told Sputnik."
    )
    assert [(c.speaker.name, c.text[:30], [s.name for s in c.sources]) for c in doc.claims] == [
        ("Laleh Karimi", "The coming treaty shows that t", ["Sputnik"])
    ]


def test_a_scheduled_meeting_or_delivery_is_an_event_a_forecast_is_not() -> None:
    doc = extract(
        "North Korean leader Kim Jong Un will meet President Vladimir Putin in Vladivostok.",
        "Germany will deliver two more launchers to Ukraine from its own stocks.",
        "Those who ordered the strike will be held accountable.",
        "A plant that already runs will deliver this winter, one still on paper in 2028.",
    )
    assert [event.summary[:30] for event in doc.events] == [
        "North Korean leader Kim Jong U",
        "Germany will deliver two more ",
    ]


def test_a_hyphenated_surname_alone_is_the_person_named_in_full() -> None:
    doc = extract(
        '"We want the package to move forward," said White House press secretary Karine '
        "Jean-Pierre.",
        "Jean-Pierre stressed that the administration was focused on getting it approved.",
    )
    assert [c.speaker.name for c in doc.claims] == ["Karine Jean-Pierre", "Karine Jean-Pierre"]


def test_a_past_clause_keeps_its_day_beside_a_scheduled_one() -> None:
    doc = extract(
        "On Tuesday, Foreign Minister Wang Yi arrived in Moscow and is scheduled to meet "
        "Sergei Lavrov on Friday."
    )
    day = doc.events[0].date
    assert (day.year, day.month, day.day) == (2024, 11, 26)  # the Tuesday before Friday 29


def test_an_outlet_closing_the_sentence_after_its_verb_relays_the_words() -> None:
    doc = extract(
        "Slovakia's newly elected Prime Minister Peter Kolar said here on Thursday that his "
        "government will stop delivering weapons to Ukraine, and will only provide "
        "humanitarian aid from now on, reported Xinhua."
    )
    (claim,) = doc.claims
    assert claim.speaker.name == "Peter Kolar"
    assert [s.name for s in claim.sources] == ["Xinhua"]
