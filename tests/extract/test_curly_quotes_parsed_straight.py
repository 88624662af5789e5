"""Curly quotation marks (pure): the small model parses 'called the attacks “war crimes”'
as one noun phrase and 'called the attacks "war crimes"' as what the attacks were called,
so the parser reads curly double quotes as straight ones; every mention still holds the
words as written, curly quotes and all.

Each case is a short article of our own in the manner of trade papers and wires.
"""

from __future__ import annotations

from datetime import date

from tests.extract.lines import article, claim_of, event_of

DAY = date(2023, 8, 2)


def test_what_someone_called_a_happening_in_curly_quotes_is_their_claim() -> None:
    doc = article(
        "Russian drones attacked the river port on Wednesday, damaging grain elevators.",
        "Romanian President Victor Stanescu called the attacks “war crimes” that hurt the "
        "ability of Ukraine to ship food.",
        published=DAY,
    )
    claim = claim_of(doc, "war crimes")
    assert claim.speaker.name == "Victor Stanescu"
    assert claim.kind == "paraphrase"


def test_mentions_keep_the_curly_quotes_as_written() -> None:
    doc = article(
        "Britain expanded its sanctions on Russia’s “shadow fleet” on Wednesday, adding 18 "
        "tankers to its list.",
        published=DAY,
    )
    event = event_of(doc, "shadow fleet")
    assert "“shadow fleet”" in event.span.text
    assert doc.body[event.span.start : event.span.end] == event.span.text
