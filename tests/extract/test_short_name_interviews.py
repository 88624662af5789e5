"""Interviews whose answers open with a short name (pure): a question, then "K. Saar:
...", twice or more; the answers are the interviewee's quotes and the questions nobody's.
A one-word label that is an answer's first word ("Everyone: students, drivers, ...") is
no name.

Each case is a short interview of our own in the manner of a European daily's.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc
from tests.extract.lines import article, claim_of

MONDAY = date(2025, 3, 3)


def interview(*lines: str) -> ArticleDoc:
    return article(
        *lines, published=MONDAY, outlet="Vecerni Posta", title="The front will not move"
    )


def test_answers_under_an_initial_and_a_surname_are_the_interviewees() -> None:
    doc = interview(
        "All eyes are on the eastern front. How do you judge the situation there?",
        "K. Saar: For weeks we have seen the defence around the town wear down slowly.",
        "What happens if the town falls?",
        "K. Saar: Then the attackers will stall again, as they did at every town before it.",
    )
    for words in ("defence around the town wear down", "attackers will stall again"):
        claim = claim_of(doc, words)
        assert (claim.speaker.name, claim.kind) == ("K. Saar", "quote")
    assert doc.featured_expert is not None
    assert doc.featured_expert.name == "K. Saar"
    assert not [c for c in doc.claims if "How do you judge" in c.text]


def test_a_one_word_label_after_a_question_is_no_speaker() -> None:
    doc = interview(
        "Marek Tamm trains drone pilots near the front. We asked him who comes to his school.",
        "Who comes to you?",
        "Everyone: students, drivers, pensioners who now build batteries for us.",
        "Is that enough?",
        "It is never enough, but every pilot we train saves lives at the front.",
    )
    assert all(c.speaker.name != "Everyone" for c in doc.claims)
