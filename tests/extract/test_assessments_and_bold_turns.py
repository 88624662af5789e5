"""A think tank's assessment retold, and a transcript as State Department pages set it
(pure): "The report highlights the fact that X is describing ..." is the report's, not
X's; "the Institute suggests" points back at the institute named before; what the
writer hedges ("has likely instructed") is an assessment, not news; a turn label set in
bold ("*SECRETARY RUBIO:*") is a label; a place line under a transcript's title states
nothing; "the Kremlin said Mr Putin had told ..." is Putin's.

Each case is a short article of our own in those manners.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc
from tests.extract.lines import article, claim_of

DAY = date(2024, 12, 24)


def news(*lines: str) -> ArticleDoc:
    return article(*lines, published=DAY, outlet="Kyiv Ledger")


def remarks(*lines: str) -> ArticleDoc:
    """A page of the department's own site, filed under its press releases."""
    title = "Secretary of State Erik Halvorsen Remarks to the Press"
    outlet = "U.S. Department of State"
    return article(*lines, published=DAY, outlet=outlet, title=title, category="Press Releases")


ASSESSMENT = (
    "A winter assault on fortified towns could slow the Russian advance, reports the "
    "US Institute for the Study of War (ISW).",
    "The report highlights the fact that Putin is increasingly describing the advance in "
    "square kilometres rather than in towns taken.",
    "In light of this, the Institute suggests that Putin has likely instructed his "
    "commanders to delay the assault on Pokrovsk.",
)


def test_what_a_report_highlights_is_the_reports_not_the_person_it_names() -> None:
    claim = claim_of(news(*ASSESSMENT), "describing the advance in square kilometres")
    assert claim.speaker.name == "Institute for the Study of War"


def test_the_institute_points_back_and_its_hedged_reading_is_its_assessment() -> None:
    doc = news(*ASSESSMENT)
    claim = claim_of(doc, "delay the assault on Pokrovsk")
    assert claim.speaker.name == "Institute for the Study of War"
    assert not [e for e in doc.events if "delay the assault" in e.span.text]


def test_a_hedged_happening_told_by_the_writer_is_no_event() -> None:
    doc = news("Russian commanders have likely moved two brigades towards Kurakhove.")
    assert not doc.events


TRANSCRIPT = (
    "Erik Halvorsen, Secretary of State",
    "Jeddah, Saudi Arabia",
    "Harbour View Hotel",
    "*SECRETARY HALVORSEN:* Today we made an offer that the other side has accepted, and "
    "we will now take it to Moscow.",
    "*QUESTION:* Will Moscow say yes?",
    "*SECRETARY HALVORSEN:* The ball is now in their court.",
)


def test_a_turn_label_set_in_bold_is_the_speakers() -> None:
    doc = remarks(*TRANSCRIPT)
    assert claim_of(doc, "The ball is now in their court").speaker.name == "Erik Halvorsen"
    assert claim_of(doc, "we made an offer").extracted_by == "transcript.turn"


def test_a_place_line_under_a_transcripts_title_states_nothing() -> None:
    doc = remarks(*TRANSCRIPT)
    assert not [c for c in doc.claims if any("Jeddah" in s.text for s in c.spans)]


def test_a_body_passing_on_what_a_person_told_gives_the_words_to_the_person() -> None:
    doc = news(
        "Russian President Vladimir Putin spoke to the German chancellor for an hour.",
        "Following the call, the Kremlin said Mr Putin had told the chancellor any agreement "
        'should reflect "new territorial realities".',
        "He added any deal should acknowledge Russia's security demands.",
    )
    assert claim_of(doc, "new territorial realities").speaker.name == "Vladimir Putin"
    assert claim_of(doc, "security demands").speaker.name == "Vladimir Putin"
