"""The day of a breaking story (pure): a wire story published the morning after an attack
tells of that day or night until a subhead turns it to another part, even across lines
that report nothing; its undated lede, reported by a source, is of its published day;
and "launched overnight" dates what was done to what was launched.

Each case is a short article of our own in the manner of wire and broadcaster copy.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstore.extract import ArticleDoc, EventDoc
from tests.extract.lines import article

PUBLISHED = date(2024, 11, 26)  # a Tuesday


def news(*lines: str) -> ArticleDoc:
    return article(*lines, published=PUBLISHED, outlet="Channel Nine News")


def dated(doc: ArticleDoc, words: str) -> tuple[int | None, int | None, int | None, str]:
    (event,) = [e for e in doc.events if words in e.span.text]
    return _day(event)


def _day(event: EventDoc) -> tuple[int | None, int | None, int | None, str]:
    return event.date.year, event.date.month, event.date.day, event.date.precision


STRIKE = "Russia launched 96 drones at Ukraine overnight, the Ukrainian air force said."


def test_a_line_that_reports_nothing_does_not_end_the_day_of_a_breaking_story() -> None:
    doc = news(
        STRIKE,
        "Air defences were busy over the capital for much of the night.",
        "At least four people were killed in the Odesa region, according to local officials.",
    )
    assert dated(doc, "At least four people were killed") == (2024, 11, 26, "day")


def test_a_subhead_turns_the_story_to_another_part() -> None:
    doc = news(
        STRIKE,
        "Air defences were busy over the capital for much of the night.",
        "How the drone war grew",
        "After the first Iranian drones arrived, Russia built a factory of its own in "
        "Tatarstan to assemble them.",
    )
    assert dated(doc, "Russia built a factory") == (None, None, None, "unknown")


@pytest.mark.parametrize(
    "lede",
    [
        "Ukrainian drones struck the Millerovo airfield in southern Russia, a security "
        "service source told Channel Nine.",
        "Ukraine's navy sank a Russian landing ship off Crimea, military sources told "
        "Channel Nine.",
    ],
)
def test_an_undated_lede_a_source_reports_is_of_the_published_day(lede: str) -> None:
    doc = news(lede, "The source said three aircraft were damaged.")
    first = doc.events[0]
    assert first.span.text == lede
    assert _day(first) == (2024, 11, 26, "day")
    assert "Channel Nine" in [s.name for s in first.sources]


def test_what_was_done_to_drones_launched_overnight_was_done_overnight() -> None:
    doc = news(
        "Kyiv said its air defences had destroyed 11 of 14 drones launched overnight by "
        "Russian forces.",
    )
    assert dated(doc, "destroyed 11 of 14 drones") == (2024, 11, 26, "day")


def test_a_day_older_than_the_story_still_ends_with_a_line_that_reports_nothing() -> None:
    doc = news(
        "Russian missiles struck Kharkiv on November 12, the regional governor said.",
        "The city has been a frequent target since the first weeks of the war.",
        "Eleven people were injured when a shopping centre was hit.",
    )
    assert dated(doc, "Eleven people were injured") == (None, None, None, "unknown")
