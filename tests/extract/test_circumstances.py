"""Clauses that tell when or why, not what was said, and "earlier in the day" (pure).

Each sentence is our own, in the manner of news copy.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc, ArticleMeta, extract_article

PUBLISHED = date(2025, 5, 16)  # a Friday


def read(*lines: str) -> ArticleDoc:
    text = "A headline of our own\n" + "\n".join(lines) + "\n"
    meta = ArticleMeta(published_on=PUBLISHED)
    return extract_article(text, external_id="t", meta=meta, today=date(2026, 11, 30))


def test_a_clause_of_time_before_a_verb_of_agreeing_is_no_content() -> None:
    doc = read(
        "After the Kremlin offered to hold talks in Geneva this month, President "
        "Volodymyr Zelensky agreed and invited Putin to meet him there in person."
    )
    assert doc.claims == ()
    (event,) = doc.events
    assert "invited Putin" in event.summary


def test_earlier_in_the_day_is_the_storys_day() -> None:
    doc = read("The Ukrainian delegation held talks with Turkish officials earlier in the day.")
    (event,) = doc.events
    assert (event.date.precision, event.date.month, event.date.day) == ("day", 5, 16)


def test_a_day_before_a_dashed_aside_dates_the_happening() -> None:
    doc = read(
        "Negotiators from Kyiv and Moscow met in Istanbul on Friday – without either "
        "president – for the first time since the spring of 2022."
    )
    (event,) = doc.events
    assert (event.date.precision, event.date.month, event.date.day) == ("day", 5, 16)
