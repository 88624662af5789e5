"""Sentences that hold two items (pure): a happening and another speaker's word on it
("..., with X saying ...", "..., while X said ..."), read as an event and a claim.

Each case is a short article of our own in the manner of Ukrainian newswires.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstore.extract import ArticleDoc, ArticleMeta, extract_article

PUBLISHED = date(2025, 6, 26)  # a Thursday


def extract(*lines: str) -> ArticleDoc:
    text = "A headline of our own\n" + "\n".join(lines) + "\n"
    meta = ArticleMeta(published_on=PUBLISHED)
    return extract_article(text, external_id="t", meta=meta, today=date(2026, 11, 30))


@pytest.mark.parametrize(
    ("line", "event", "speaker"),
    [
        (
            "The defence ministers of the three Baltic states signed a deal on a joint drone "
            "wall on Thursday, with Lithuanian Defence Minister Rasa Jankauskiene saying it "
            "was their largest common project.",
            "The defence ministers of the three Baltic states signed a deal on a joint drone "
            "wall on Thursday",
            "Rasa Jankauskiene",
        ),
        (
            "Alliance members pledged to spend 5% of their GDP on defence on Thursday, with "
            "Secretary General Pieter Vos hailing the deal as historic.",
            "Alliance members pledged to spend 5% of their GDP on defence on Thursday",
            "Pieter Vos",
        ),
        (
            "Russia launched 80 drones at Kyiv on Thursday, while Mayor Ivan Hordiy said that "
            "debris had fallen on two districts.",
            "Russia launched 80 drones at Kyiv on Thursday",
            "Ivan Hordiy",
        ),
    ],
    ids=["with-saying", "with-hailing", "while-said"],
)
def test_a_happening_and_a_comment_on_it_are_an_event_and_a_claim(
    line: str, event: str, speaker: str
) -> None:
    doc = extract(line)
    assert [(e.span.text, e.date.day) for e in doc.events] == [(event, 26)]
    assert [c.speaker.name for c in doc.claims] == [speaker]


@pytest.mark.parametrize(
    "line",
    [
        "Defence Minister Mart Kivisaar said the wall would cost more than planned, with "
        "Lithuania's minister Rasa Jankauskiene adding that the fund would grow.",
        "The ministers plan to extend the wall to Poland next year, with Defence Minister Mart "
        "Kivisaar saying that talks had begun.",
        "The three countries want a wall of sensors rather than a fence, with Defence Minister "
        "Mart Kivisaar saying that fences stop no drones.",
    ],
    ids=["words-then-words", "a-plan", "a-wish"],
)
def test_words_or_a_plan_before_a_comment_are_no_event(line: str) -> None:
    doc = extract(line)
    assert doc.events == ()
    assert doc.claims != ()


def test_a_source_line_keeps_the_storys_day() -> None:
    doc = extract(
        "The Baltic ministers signed a deal on a joint drone wall in Riga on Thursday.",
        "This was reported by Kyiv Newswire with reference to the Latvian defence ministry.",
        "The ministers also approved a common fund of 1.2 billion euros for the first stage.",
    )
    fund = next(e for e in doc.events if "common fund" in e.span.text)
    assert (fund.date.month, fund.date.day) == (6, 26)
    assert "Kyiv Newswire" in [s.name for s in doc.events[0].sources]


# -- happenings inside relative and participial clauses ---------------------------------


def test_a_dated_clause_closing_the_sentence_is_a_second_event() -> None:
    doc = extract(
        "Ukraine brought home 84 servicemen on Thursday, among them marines who were "
        "captured in April 2022 during the defence of the steelworks in Mariupol."
    )
    assert [(e.span.text, e.date.year, e.date.month, e.date.precision) for e in doc.events] == [
        ("Ukraine brought home 84 servicemen on Thursday, among them marines", 2025, 6, "day"),
        (
            "who were captured in April 2022 during the defence of the steelworks in Mariupol",
            2022,
            4,
            "month",
        ),
    ]


def test_a_sentence_whose_happening_is_in_a_clause_takes_the_clauses_date() -> None:
    doc = extract("Among those freed were 12 border guards captured in March 2022 at an outpost.")
    ((year, month, precision),) = [
        (e.date.year, e.date.month, e.date.precision) for e in doc.events
    ]
    assert (year, month, precision) == (2022, 3, "month")


@pytest.mark.parametrize(
    "line",
    [
        "The plant, which has made engines since 2015, is the largest in the region.",
        "The town, which could be attacked in May, has no shelters at all.",
    ],
    ids=["a-period", "a-forecast"],
)
def test_a_clause_of_a_period_or_a_forecast_is_no_event(line: str) -> None:
    assert extract(line).events == ()


def test_a_clause_back_in_time_does_not_end_the_storys_day() -> None:
    doc = extract(
        "Ukraine brought home 84 servicemen on Thursday, among them marines who were "
        "captured in April 2022 during the defence of the steelworks in Mariupol.",
        "Among those freed were 12 border guards captured in March 2022 at an outpost.",
        "The exchange was mediated by the United Arab Emirates, the headquarters said.",
    )
    mediated = next(e for e in doc.events if "mediated" in e.span.text)
    assert (mediated.date.month, mediated.date.day) == (6, 26)
