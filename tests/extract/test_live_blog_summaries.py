"""A live blog's summary and housekeeping (pure): the bullets under "What you need to
know" are the blog day's headlines, their present tense a happening of that day; a page's
stamp ("Published May 9, 2025last updated May 9, 2025") and the blog's closing line
("This blog is now closed. Please move over to Saturday's blog ...") are no text, nor is
an embedded post's signature ("— Jane Roe (@janeroe) May 9, 2025"); a front's daily tally
"since the beginning of the day" is of that day.

Each case is a short article of our own in the manner of a broadcaster's live page.
"""

from __future__ import annotations

from datetime import date

from tests.extract.lines import article, event_of

DAY = date(2025, 5, 9)


def test_a_summarys_bullets_are_the_days_headlines() -> None:
    doc = article(
        "Published May 9, 2025last updated May 9, 2025",
        "The leaders of four European states are on their way to Kyiv, according to a joint "
        "statement.",
        "What you need to know",
        "\u2022 The German chancellor meets with EU and NATO officials in Brussels",
        "\u2022 Finland's foreign minister travels to Lviv for talks on air defence",
        "This blog is now closed. Please move over to Saturday's blog for fresh updates.",
        published=DAY,
        outlet="Rhine Broadcasting",
    )
    for words in ("meets with EU and NATO officials", "travels to Lviv for talks"):
        event = event_of(doc, words)
        assert (event.date.year, event.date.month, event.date.day) == (2025, 5, 9)
    texts = [e.span.text for e in doc.events] + [c.text for c in doc.claims]
    assert not [t for t in texts if "Published" in t or "move over" in t]


def test_a_posts_signature_is_no_text_and_a_daily_tally_is_the_days() -> None:
    doc = article(
        "Today I am in the Kupiansk sector with our warriors.",
        "\u2014 Olena Marchuk (@olenamarchuk) May 9, 2025",
        "As reported earlier, 116 combat engagements took place at the front since the "
        "beginning of the day, with the most fighting in the Pokrovsk sector.",
        published=DAY,
        outlet="Rhine Broadcasting",
    )
    assert not [e for e in doc.events if "@olenamarchuk" in e.span.text]
    tally = event_of(doc, "116 combat engagements")
    assert (tally.date.year, tally.date.month, tally.date.day) == (2025, 5, 9)
