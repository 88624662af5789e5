"""Ledes of permissions and of outlets described (pure): "The administration has allowed
Ukraine to use long-range missiles ..." tells a decision, not an argument, so it is the
story's news of the published day; "..., the exiled news outlet 7x7 reported Wednesday"
is 7x7's report, even as a lede; the date of what came before the happening ("have raised
the bonuses after cutting them late last year") is not the happening's, which keeps the
day the lede was reported, nor is a date in a "since" clause ("have collapsed since
sanctions were imposed earlier this year"); "failed after lawmakers voted against it on
Tuesday" is Tuesday's. A newswire's lone "Details" heading heads more of the same story,
whose undated happenings keep its day; a happening "around midnight" is of the story's night.
"EU leaders have agreed to provide Ukraine with a loan" is a decision made, not words; a
toll closed by ", the regional military administration reported." is that body's report;
"said on Wednesday that the men were arrested a day earlier" is of Tuesday.

Each case is a short article of our own in the manner of wires and exiled Russian outlets.
"""

from __future__ import annotations

from datetime import date

from tests.extract.lines import article, event_of

DAY = date(2026, 1, 15)  # a Thursday


def test_a_permission_in_the_lede_is_the_days_news() -> None:
    doc = article(
        "WASHINGTON: The administration has allowed Ukraine to use long-range missiles "
        "against targets inside Russia, a sharp turn in its policy.",
        published=DAY,
    )
    allowed = event_of(doc, "has allowed Ukraine to use").date
    assert (allowed.year, allowed.month, allowed.day) == (2026, 1, 15)


def test_an_exiled_outlets_lede_is_its_report_of_its_day() -> None:
    doc = article(
        "Authorities in at least four Russian regions have sharply raised sign-on bonuses "
        "for contract soldiers after cutting them to the federal minimum late last year, "
        "the exiled news outlet 7x7 reported Wednesday.",
        published=DAY,
    )
    raised = event_of(doc, "sharply raised sign-on bonuses")
    assert [s.name for s in raised.sources] == ["7x7"]
    assert (raised.date.year, raised.date.month, raised.date.day) == (2026, 1, 14)


def test_a_since_clauses_date_is_not_the_happenings() -> None:
    doc = article(
        "Turkish purchases of Russian crude have quietly collapsed since tougher sanctions "
        "were imposed earlier this year, the Moscow Times reported on Jan. 13.",
        "The opposition's motion on the missiles failed after a majority of lawmakers voted "
        "against it on Tuesday.",
        published=DAY,
    )
    collapsed = event_of(doc, "quietly collapsed").date
    assert (collapsed.year, collapsed.month, collapsed.day) == (2026, 1, 13)
    rejected = event_of(doc, "motion on the missiles failed").date
    assert (rejected.year, rejected.month, rejected.day) == (2026, 1, 13)


def test_a_newswires_details_heading_keeps_the_storys_day() -> None:
    doc = article(
        "On January 13, the foreign minister met his Russian counterpart in Minsk.",
        "Details",
        "The two ministers discussed the supply of fuel to the border regions and the "
        "transit of grain.",
        published=DAY,
    )
    talked = event_of(doc, "discussed the supply of fuel").date
    assert (talked.year, talked.month, talked.day) == (2026, 1, 13)


def test_a_strike_around_midnight_is_of_the_storys_night() -> None:
    doc = article(
        "Russian forces struck the town of Kurakhove on Tuesday, killing two people.",
        "The missiles hit the centre of the town around midnight, damaging a school and a clinic.",
        published=DAY,
    )
    hit = event_of(doc, "around midnight").date
    assert (hit.month, hit.day, hit.qualifier) == (1, 13, "night")


def test_agreeing_to_a_loan_or_to_extend_sanctions_is_a_decision_made() -> None:
    doc = article(
        "EU leaders have agreed to provide Ukraine with a 90 billion euro loan backed by the "
        "bloc's common budget.",
        "The ambassadors also agreed to extend sectoral sanctions against Russia for six months.",
        published=DAY,
    )
    assert doc.claims == ()
    assert event_of(doc, "agreed to provide Ukraine").date.day == 15
    assert event_of(doc, "agreed to extend sectoral sanctions").date.day == 15


def test_a_body_named_by_what_it_is_closing_a_toll_reports_it() -> None:
    doc = article(
        "A 68-year-old woman was injured in an artillery strike on the town of "
        "Novovorontsovka, the regional military administration reported.",
        published=DAY,
    )
    injured = event_of(doc, "was injured in an artillery strike")
    assert [s.name for s in injured.sources] == ["regional military administration"]


def test_a_day_earlier_counts_from_the_day_of_the_report() -> None:
    doc = article(
        "Germany has arrested two men on suspicion of plotting sabotage attacks on military sites.",
        "Prosecutors said on Wednesday that the two men were arrested a day earlier in the "
        "town of Bayreuth after their homes were searched.",
        published=DAY,
    )
    arrested = event_of(doc, "arrested a day earlier").date
    assert (arrested.month, arrested.day) == (1, 13)
