"""Decisions and endings told by verbs that elsewhere report words (pure): "The 30 members
agreed in a communique to spend 4%" and "The summit has concluded with a pact" are
happenings; "Ministers agreed that ..." and "The panel concluded that ..." report words.

Each case is a short article of our own in the manner of wires.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.lines import article, claim_of, event_of

DAY = date(2025, 6, 25)
LEDE = "Russian drones struck the port of Verkhnie on Wednesday, the governor said."


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("The 30 members agreed in a communique to spend 4% of output on defence.", "agreed in"),
        ("The 30 members agreed to spend 4% of their output on defence by 2030.", "agreed to"),
        ("The 30 members agreed on a new target for their defence budgets.", "agreed on"),
        ("The two-day summit in Vilnius concluded with a pact on air defence.", "concluded"),
    ],
)
def test_a_decision_or_an_ending_is_a_happening(line: str, words: str) -> None:
    doc = article(LEDE, line, published=DAY)
    assert event_of(doc, words).date.day == 25


def test_agreeing_that_something_is_so_is_a_claim() -> None:
    doc = article(
        LEDE,
        "Defence Minister Ilona Varga agreed that the port needed more air defence.",
        published=DAY,
    )
    assert claim_of(doc, "the port needed more air defence").speaker.name == "Ilona Varga"
    assert not [e for e in doc.events if "agreed that" in e.span.text]


@pytest.mark.parametrize(
    ("line", "words"),
    [
        (
            "The Council decided that temporary protection for refugees will be extended "
            "by a year.",
            "The Council decided",
        ),
        ("The court ruled that the ban on the opposition party was lawful.", "court ruled"),
    ],
)
def test_a_body_deciding_that_something_shall_be_is_a_happening(line: str, words: str) -> None:
    doc = article(LEDE, line, published=DAY)
    assert event_of(doc, words).date.day == 25
