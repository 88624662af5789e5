"""History told by a speaker (pure): an interview's answers, a quotation, a first-person
account are the speaker's words, never events, whatever years they name.

Each case is a short article of our own in the manner of Ukrainian news sites.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc, ArticleMeta, extract_article

PUBLISHED = date(2025, 8, 10)


def extract(title: str, *lines: str) -> ArticleDoc:
    text = title + "\n" + "\n".join(lines) + "\n"
    meta = ArticleMeta(published_on=PUBLISHED)
    return extract_article(text, external_id="t", meta=meta, today=date(2026, 11, 30))


ANSWERS = (
    "The war began in 2014, when Russia seized Crimea. I volunteered in May 2014 and fought "
    "at Ilovaisk in August that year.",
    "In February 2022 we were forty men. The Russians crossed the canal in April 2024, and we "
    "pushed them back twice.",
)


def test_an_interview_opened_by_whom_the_outlet_spoke_to() -> None:
    """Not titled an interview, bare questions: "The Kyiv Ledger spoke to X, the commander
    of ..." says who answers, and is no item itself."""
    doc = extract(
        '"We have been fighting since 2014": a commander on the war',
        "The Kyiv Ledger spoke to Taras Hnatyk, the commander of a volunteer battalion near "
        "Pokrovsk, about the war before the invasion.",
        "When did your war begin?",
        ANSWERS[0],
        "How did the invasion change your unit?",
        ANSWERS[1],
    )
    assert doc.events == ()
    assert [(c.speaker.name, c.extracted_by) for c in doc.claims] == [
        ("Taras Hnatyk", "interview.answer")
    ] * 2
    assert doc.featured_expert is not None
    assert (doc.featured_expert.role or "").startswith("commander")


def test_an_interview_whose_intro_says_what_the_interviewee_commands() -> None:
    doc = extract(
        "Battalion commander: we have been fighting since 2014",
        "Taras Hnatyk commands a volunteer battalion near Pokrovsk. We asked him about the war.",
        "Q: When did your war begin?",
        "A: " + ANSWERS[0],
        "Q: How did the invasion change your unit?",
        "A: " + ANSWERS[1],
    )
    assert doc.events == ()
    assert [c.speaker.name for c in doc.claims] == ["Taras Hnatyk"] * 2


def test_a_first_person_account_outside_quotation_marks_is_the_speakers() -> None:
    doc = extract(
        "Commander says his battalion is short of men",
        '"We have been holding this line since the autumn," said Taras Hnatyk, the commander '
        "of a volunteer battalion.",
        "We have been fighting since 2022 without a break, and in August 2023 we lost half the "
        "company at Robotyne.",
    )
    assert doc.events == ()
    assert [c.speaker.name for c in doc.claims] == ["Taras Hnatyk"] * 2


def test_a_quotation_after_the_followed_speakers_name_is_theirs() -> None:
    doc = extract(
        "Commander says his battalion is short of men",
        '"We have been holding this line since the autumn," said Taras Hnatyk, the commander '
        "of a volunteer battalion.",
        'For Hnatyk, the war is older than the invasion: "It began in 2014, and we are still '
        'fighting the same people."',
    )
    assert doc.events == ()
    assert [c.speaker.name for c in doc.claims] == ["Taras Hnatyk"] * 2


def test_a_date_only_in_someones_quoted_words_makes_no_event() -> None:
    doc = extract(
        "Soldiers remember the winter",
        'Soldiers on the southern front still call it "the winter that came early, in '
        'October 2023".',
    )
    assert doc.events == ()


def test_the_outlets_own_we_after_a_report_is_nobodys() -> None:
    doc = extract(
        "Drones hit Odesa port",
        '"We will rebuild the terminal," said Oleh Kiper, the governor of the Odesa region.',
        "Russian drones hit a grain terminal in the port of Izmail overnight, officials said.",
        "We have asked the Russian Defence Ministry for comment.",
    )
    assert [c.speaker.name for c in doc.claims] == ["Oleh Kiper"]
    assert len(doc.events) == 1
