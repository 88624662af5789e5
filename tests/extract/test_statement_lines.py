"""Lines about statements: what is said about a statement, positions of institutions,
quotations whose closing mark was forgotten, an op-ed's arguments (pure).

Each case is a short article of our own in the manner of real news copy.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc, ArticleMeta, extract_article

PUBLISHED = date(2024, 2, 23)  # a Friday


def extract(*lines: str, outlet: str | None = None) -> ArticleDoc:
    text = "A headline of our own\n" + "\n".join(lines) + "\n"
    meta = ArticleMeta(published_on=PUBLISHED, outlet=outlet)
    return extract_article(text, external_id="t", meta=meta, today=date(2026, 11, 30))


def test_a_line_telling_where_a_statement_was_made_is_no_event() -> None:
    doc = extract(
        'Kremlin spokesman Dmitry Peskov said Moscow would "adapt" to the new sanctions.',
        "Peskov said this to journalists on Friday, according to Russian media.",
    )
    assert doc.events == ()
    assert [c.speaker.name for c in doc.claims] == ["Dmitry Peskov"]


def test_an_institutions_position_is_its_claim_whatever_its_second_verb() -> None:
    doc = extract(
        "The Kremlin said on Tuesday that military cooperation with Pyongyang was a "
        'sovereign matter for the two countries and "threatened no one".'
    )
    assert doc.events == ()
    (claim,) = doc.claims
    assert (claim.speaker.name, claim.speaker.kind) == ("Kremlin", "organization")


def test_an_institution_reporting_what_was_done_is_still_an_event() -> None:
    doc = extract(
        "The Kremlin said on Tuesday that Vladimir Putin had signed the decree and "
        "threatened no one with it."
    )
    assert len(doc.events) == 1
    assert doc.claims == ()


def test_an_unclosed_quotation_ending_in_its_attribution() -> None:
    doc = extract(
        "Tagesblatt reporter Lukas Brenner believes the package targets machine tools.",
        '"These are the firms without which the missile plants would stop within months, '
        "Brenner wrote on X.",
        'Foreign Minister Dmytro Kuleba called the packages "a good signal".',
    )
    quote = next(c for c in doc.claims if c.kind == "quote")
    assert quote.speaker.name == "Lukas Brenner"
    assert (
        quote.text
        == "These are the firms without which the missile plants would stop within months"
    )
    # the text is still faulty, and the load says so
    assert any("ended before its attribution" in note.message for note in doc.notes)


def test_a_denied_claim_is_not_the_deniers() -> None:
    doc = extract(
        "Moscow has accused Kyiv of using the ports to bring in Western weapons, a claim "
        "Ukraine denies."
    )
    assert "Ukraine" not in [c.speaker.name for c in doc.claims]


def test_an_op_eds_comparison_with_a_year_is_its_authors_argument() -> None:
    doc = extract(
        "By Sofia Marchenko",
        "Export controls fail because nobody checks where the chips end up.",
        "A manufacturer that sells ten times more chips to Kyrgyzstan than it did in 2021 "
        "knows what is happening.",
        "Sofia Marchenko is a research fellow at the Centre for Sanctions Policy.",
        outlet="Kyiv Ledger",
    )
    assert doc.events == ()
    assert any("Kyrgyzstan" in c.text for c in doc.claims)


def test_the_ministry_named_again_is_the_one_named_first() -> None:
    doc = extract(
        "Taiwan's defense ministry said on Monday it had detected 12 warships near the island.",
        '"The military will never relax its efforts to strengthen its combat readiness," the '
        "defense ministry said in a statement.",
    )
    (claim,) = doc.claims
    assert claim.speaker.name == "Taiwan's defense ministry"


def test_the_statement_said_is_the_institution_that_issued_it() -> None:
    doc = extract(
        'The exercise "tested the joint combat ability of the branches," the People\'s '
        "Liberation Army's (PLA) Eastern Command said in a statement.",
        'The statement said the troops were "ready for battle and can fight at any time."',
    )
    assert [c.speaker.name for c in doc.claims] == [
        "People's Liberation Army's Eastern Command"
    ] * 2
