"""Names, roles, affiliations and sources (pure)."""

from __future__ import annotations

import pytest

from eventstore.extract.people import parse_person, split_role
from eventstore.extract.sources import find_sources
from eventstore.normalize import person_key, source_key

ROLES = [
    (
        "military expert and Defense Express editor-in-chief",
        ("military expert and editor-in-chief", "Defense Express"),
    ),
    ("editor-in-chief of Defense Express", ("editor-in-chief", "Defense Express")),
    (
        "chief consultant at the National Institute for Strategic Studies",
        ("chief consultant", "National Institute for Strategic Studies"),
    ),
    (
        "military and political observer with the Information Resistance group",
        ("military and political observer", "Information Resistance"),
    ),
    (
        "head of the Center for Military Legal Studies",
        ("head", "Center for Military Legal Studies"),
    ),
    (
        "an expert at the Ukrainian Prism Foreign Policy Council",
        ("expert", "Ukrainian Prism Foreign Policy Council"),
    ),
    ("White House spokesman", ("spokesman", "White House")),
    (
        "Institute for Economics and Forecasting political analyst",
        ("political analyst", "Institute for Economics and Forecasting"),
    ),
    ("Kyiv School of Economics analyst", ("analyst", "Kyiv School of Economics")),
    ("Russian Defense Minister", ("Russian Defense Minister", None)),
    ("Polish Agriculture Minister", ("Polish Agriculture Minister", None)),
    (
        "senior fellow at the Center for a Secure Black Sea",
        ("senior fellow", "Center for a Secure Black Sea"),
    ),
    (
        "Ukrainian military intelligence (HUR) deputy chief",
        ("deputy chief", "Ukrainian military intelligence (HUR)"),
    ),
    ("Chinese foreign ministry spokesperson", ("spokesperson", "Chinese foreign ministry")),
    ("military expert", ("military expert", None)),
]


@pytest.mark.parametrize(("phrase", "expected"), ROLES, ids=[r[0][:30] for r in ROLES])
def test_role_and_affiliation(phrase: str, expected: tuple[str | None, str | None]) -> None:
    assert split_role(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "name", "role", "affiliation"),
    [
        ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "spokesman", "Kremlin"),
        (
            "Yuriy Ihnat, spokesman for the Ukrainian Air Force",
            "Yuriy Ihnat",
            "spokesman",
            "Ukrainian Air Force",
        ),
        ("North Korean leader Kim Jong Un", "Kim Jong Un", "North Korean leader", None),
        ("US President Joe Biden", "Joe Biden", "US President", None),
        (
            "Institute for Economics and Forecasting political analyst Maria Sydorenko",
            "Maria Sydorenko",
            "political analyst",
            "Institute for Economics and Forecasting",
        ),
    ],
    ids=["peskov", "ihnat", "kim", "biden", "org-before-role"],
)
def test_people_from_phrases(phrase: str, name: str, role: str, affiliation: str | None) -> None:
    person = parse_person(phrase)
    assert person is not None
    assert (person.name, person.role, person.affiliation) == (name, role, affiliation)


@pytest.mark.parametrize(
    "phrase",
    [
        "the US representative to the UN Security Council",
        "Ukraine's air force",
        "Center for Economic Strategy",
        "Naftogaz Energy",
        "the European Business Association",
        "Razumkov Research Centre",
    ],
    ids=["council", "air-force", "center-for", "energy", "business", "research"],
)
def test_organizations_are_not_people(phrase: str) -> None:
    assert parse_person(phrase) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Jong Un", "Kim Jong-un"),
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
        ("Dmitriy Peskov", "Dmitry Peskov"),
    ],
    ids=["hyphen", "double-y", "iy"],
)
def test_person_spelling_variants_share_a_key(a: str, b: str) -> None:
    assert person_key(a) == person_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The New York Times", "the New York Times"),
        ("US", "United States"),
        ("the US Treasury Department", "The United States Treasury Department"),
        ("U.S. intelligence", "US intelligence"),
        ("Ministry of Defence", "Ministry of Defense"),
    ],
    ids=["the", "us", "us-department", "dots", "spelling"],
)
def test_source_variants_share_a_key(a: str, b: str) -> None:
    assert source_key(a) == source_key(b)


SENTENCES = [
    (
        "The New York Times reported, citing US and allied officials, that Kim plans to visit",
        {("The New York Times", "reported_by"), ("US and allied officials", "cited")},
    ),
    ("the White House accused Russia of trying to buy munitions", {("White House", "stated_by")}),
    ("The Kremlin confirmed Kim Jong Un's visit", {("Kremlin", "confirmed_by")}),
    ("This was noticed by US intelligence. Secondly", {("US intelligence", "observed_by")}),
    ("according to Military Balance, this country has", {("Military Balance", "cited")}),
    ("the US State Department said that Russia", {("US State Department", "stated_by")}),
    ("media reported that", {("media", "reported_by")}),
    ("White House spokesman John Kirby said that talks", set()),
    ("the US representative to the UN Security Council noted that Iran", set()),
    ("According to him, Ukraine must", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES, ids=[s[0][:25] for s in SENTENCES])
def test_sources_in_a_sentence(sentence: str, expected: set[tuple[str, str]]) -> None:
    found = {(source.name, source.role) for source in find_sources(sentence)}
    assert {(source_key(n), r) for n, r in found} == {(source_key(n), r) for n, r in expected}
