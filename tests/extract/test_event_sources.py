"""The sources of events (pure): one institution once, whatever two ways a sentence names
it, and sources named through "according to data from", "told Reuters", "citing".

Each case is a short article of our own in the manner of Ukrainian news sites.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstore.extract import ArticleDoc, ArticleMeta, extract_article
from eventstore.normalize import source_key

PUBLISHED = date(2025, 7, 3)  # a Thursday


def extract(*lines: str) -> ArticleDoc:
    text = "A headline of our own\n" + "\n".join(lines) + "\n"
    meta = ArticleMeta(published_on=PUBLISHED)
    return extract_article(text, external_id="t", meta=meta, today=date(2026, 11, 30))


def source_keys(doc: ArticleDoc) -> list[list[str]]:
    return [[s.key for s in e.sources] for e in doc.events]


def test_an_institution_speaking_is_keyed_as_a_source() -> None:
    doc = extract(
        "Russia's Defence Ministry said its air defences shot down 41 Ukrainian drones "
        "over the Belgorod region overnight."
    )
    assert source_keys(doc) == [[source_key("Russia's Defence Ministry")]]


@pytest.mark.parametrize(
    "lines",
    [
        (
            "According to the General Staff of the Armed Forces of Ukraine, Russian troops "
            "launched 132 assaults along the front on Wednesday.",
            "The General Staff said Russian troops had lost 1,130 soldiers over the past day.",
        ),
        (
            "Ukraine's Defence Ministry said it received 12 howitzers on Wednesday.",
            "The Ministry of Defence said the first of them had reached the front on Thursday.",
        ),
    ],
    ids=["general-staff", "defence-ministry"],
)
def test_one_institution_named_two_ways_is_one_source_of_an_event(
    lines: tuple[str, ...],
) -> None:
    """The frame's speaker (the body named in full before) and the words of the sentence
    ("The General Staff said") are one source."""
    doc = extract(*lines)
    assert [len(e.sources) for e in doc.events] == [1, 1]


def test_a_full_name_cited_is_kept_whole() -> None:
    doc = extract(
        "According to the General Staff of the Armed Forces of Ukraine, Russian troops "
        "launched 132 assaults along the front on Wednesday."
    )
    name = "General Staff of the Armed Forces of Ukraine"
    assert source_keys(doc) == [[source_key(name)]]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Russian troops advanced near Pokrovsk on Tuesday, according to data from "
            "DeepState, a monitoring group.",
            ["DeepState"],
        ),
        (
            "A Russian missile hit a grain warehouse in Odesa on Monday, a regional official "
            "told Reuters.",
            ["regional official", "Reuters"],
        ),
    ],
    ids=["data-from", "told-an-agency"],
)
def test_sources_named_through_their_data_or_an_agency(line: str, expected: list[str]) -> None:
    (event,) = extract(line).events
    assert [s.name for s in event.sources] == expected
