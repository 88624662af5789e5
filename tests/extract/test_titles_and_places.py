"""Long titles before a name, and places or nationalities beside a role (pure).

"Head of the Main Intelligence Directorate Kyrylo Budanov" is Kyrylo Budanov, head, of
the Main Intelligence Directorate; "a Kyiv-based analyst" and "Finnish economist" name no
employer. Each sentence is our own, in the manner of news copy.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstore.extract import ArticleMeta, PersonRef, extract_article
from eventstore.extract.people import split_role
from tests.extract.lines import article


def speaker_of(sentence: str) -> PersonRef:
    text = "A title line\n" + sentence + "\n"
    meta = ArticleMeta(published_on=date(2024, 10, 15), outlet="Kyiv Newswire")
    doc = extract_article(text, external_id="t", meta=meta, today=date(2026, 11, 30))
    assert len(doc.claims) == 1, doc.claims
    return doc.claims[0].speaker


TITLED = [
    (
        "Commander-in-Chief of Ukraine's Armed Forces Oleksandr Syrskyi said on Tuesday that "
        "the offensive had lost momentum, Kyiv Newswire reports.",
        ("Oleksandr Syrskyi", "Commander-in-Chief", "Ukraine's Armed Forces"),
    ),
    (
        "Deputy Head of the Presidential Office Ihor Zhovkva said Kyiv expected partners to "
        "deliver the systems before winter.",
        ("Ihor Zhovkva", "Deputy Head", "Presidential Office"),
    ),
    (
        "Head of the Office of the President of Ukraine Andriy Yermak said the talks would "
        "continue next week.",
        ("Andriy Yermak", "Head", "Office of the President of Ukraine"),
    ),
    (
        "Chief of the General Staff Valery Gerasimov claimed that Russian troops were "
        "advancing along the whole front.",
        ("Valery Gerasimov", "Chief", "General Staff"),
    ),
    (
        "Minister of Foreign Affairs of Ukraine Dmytro Kuleba said the partners had agreed "
        "to speed up deliveries.",
        ("Dmytro Kuleba", "Minister of Foreign Affairs of Ukraine", None),
    ),
    (
        "Chairman of the Joint Chiefs of Staff General Charles Q. Brown said the "
        "interceptors would arrive within weeks.",
        ("Charles Brown", "Chairman", "Joint Chiefs of Staff"),
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), TITLED, ids=[t[1][0] for t in TITLED])
def test_a_long_title_goes_to_the_role_and_the_affiliation(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    speaker = speaker_of(sentence)
    assert (speaker.name, speaker.role, speaker.affiliation) == expected


PLACED = [
    (
        "Mariana Kostiuk, a Kyiv-based maritime analyst, said premiums had fallen by half.",
        "Kostiuk",
    ),
    ("Finnish economist Aino Lehtinen said the corridor kept world wheat prices down.", "Lehtinen"),
    (
        "Ivan Petrenko, a political analyst from Odesa, said traders were not frightened.",
        "Petrenko",
    ),
    ("Tomas Varga, a Slovak lawmaker, said the union should pay for air defence.", "Varga"),
    (
        "Ivan Petrenko, an analyst in Kharkiv, said the city had learned to live with it.",
        "Petrenko",
    ),
    ("Ukrainian President Volodymyr Zelensky said the systems had saved lives.", "Zelensky"),
]


@pytest.mark.parametrize(("sentence", "surname"), PLACED, ids=[p[0][:40] for p in PLACED])
def test_a_place_or_a_nationality_is_no_affiliation(sentence: str, surname: str) -> None:
    speaker = speaker_of(sentence)
    assert speaker.name.endswith(surname)
    assert speaker.affiliation is None
    assert speaker.role is not None


ROLES = [
    ("Minister of Energy", ("Minister of Energy", None)),
    (
        "Secretary of the National Security and Defense Council",
        ("Secretary", "National Security and Defense Council"),
    ),
    (
        "researcher at the Warsaw-based Vistula Centre for Eastern Studies",
        ("researcher", "Vistula Centre for Eastern Studies"),
    ),
    ("Lviv-based lawyer with Hrytsak and Partners", ("Lviv-based lawyer", "Hrytsak and Partners")),
    (
        "head of a training school for drone pilots near Vinnytsia",
        ("head of a training school for drone pilots near Vinnytsia", None),
    ),
    ("researcher in the Defence Ministry", ("researcher", "Defence Ministry")),
    (
        "analyst at the Kyiv Institute for Global Affairs",
        ("analyst", "Kyiv Institute for Global Affairs"),
    ),
    ("Chairman of the Joint Chiefs of Staff General", ("Chairman", "Joint Chiefs of Staff")),
]


@pytest.mark.parametrize(("phrase", "expected"), ROLES, ids=[r[0][:30] for r in ROLES])
def test_an_affiliation_is_an_organisation(
    phrase: str, expected: tuple[str | None, str | None]
) -> None:
    assert split_role(phrase) == expected


def test_an_ombudsmans_title_is_no_part_of_the_name() -> None:
    speaker = speaker_of(
        "Ukrainian Ombudsman Dmytro Lubinets said that 48 more civilians had come home."
    )
    assert (speaker.name, speaker.role) == ("Dmytro Lubinets", "Ukrainian Ombudsman")


def test_a_first_name_the_tagger_takes_for_a_verb_stays_in_the_name() -> None:
    speaker = speaker_of(
        "A second point was made at the conference.\n"
        "Anatolii Karpenko, leading researcher at the Institute of Energy Strategies, noted "
        "that Pyongyang is trying to buy time."
    )
    assert (speaker.name, speaker.role) == ("Anatolii Karpenko", "leading researcher")


def test_a_leader_in_a_meeting_with_a_president_is_not_the_president() -> None:
    doc = article(
        "The remarks come as Iran's Supreme Leader in a meeting with Russian President "
        "Vladimir Putin back in July clearly expressed support for Moscow's war in Ukraine.",
        published=date(2022, 10, 24),
        outlet="Gulf Ledger",
    )
    # an office named without its holder is no expert: its words are a sourced report
    assert doc.claims == ()
    (event,) = doc.events
    assert [s.name for s in event.sources] == ["Iran's Supreme Leader"]
    assert (event.date.year, event.date.month) == (2022, 7)


def test_a_correspondent_reporting_from_a_city_is_her_outlets() -> None:
    speaker = speaker_of(
        "Reporting from Kyiv, Gulf Ledger's Amira Haddad said: \u201cRussia is sending the "
        "capital a very clear signal tonight.\u201d"
    )
    assert (speaker.name, speaker.affiliation) == ("Amira Haddad", "Gulf Ledger")


def test_a_party_in_brackets_is_the_affiliation_of_a_minister_with_no_employer() -> None:
    speaker = speaker_of(
        "Defence Minister Jana Novakova (ODS) said the army would buy more shells this year."
    )
    assert (speaker.role, speaker.affiliation) == ("Defence Minister", "ODS")


def test_a_short_title_points_at_the_person_named_with_it() -> None:
    doc = article(
        "Georgian Prime Minister Irakli Kobakhidze spoke to reporters in Tbilisi on Monday.",
        "The PM said Georgia would not join the sanctions against Russia.",
        published=date(2024, 10, 15),
    )
    assert [c.speaker.name for c in doc.claims] == ["Irakli Kobakhidze"]


def test_a_name_of_four_words_is_known_by_any_of_them() -> None:
    doc = article(
        "Zelensky finally met Brazil's Luiz Inácio Lula da Silva in New York on Wednesday.",
        "\u201cWe had a good conversation about the ways to build peace,\u201d Lula wrote.",
        published=date(2023, 9, 21),
    )
    assert [c.speaker.name for c in doc.claims] == ["Luiz Inácio Lula da Silva"]
