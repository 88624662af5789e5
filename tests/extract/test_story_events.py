"""Events a news story tells without a verb of doing or without a date (pure): the toll of
an attack ("There were no casualties", "Nobody was injured"), a lede's news in the
present perfect, and the undated paragraphs of the story's day after its quotes; what the
narrator says was "reportedly" done, and news after the aside "As reported,".

Each case is a short article of our own in the manner of wire copy.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstore.extract import ArticleDoc, ArticleMeta, EventDoc, extract_article

PUBLISHED = date(2025, 6, 25)  # a Wednesday
DATELINE = "KYIV, June 25 (Reuters) - "


def extract(*lines: str) -> ArticleDoc:
    text = "A headline of our own\n" + "\n".join(lines) + "\n"
    meta = ArticleMeta(published_on=PUBLISHED)
    return extract_article(text, external_id="t", meta=meta, today=date(2026, 11, 30))


def day(event: EventDoc) -> tuple[int | None, int | None, int | None, str]:
    return event.date.year, event.date.month, event.date.day, event.date.precision


def event_on(doc: ArticleDoc, words: str) -> EventDoc:
    (event,) = [e for e in doc.events if words in e.span.text]
    return event


ATTACK = DATELINE + "Russian drones struck the port of Verkhnie on Tuesday night, officials said."


@pytest.mark.parametrize(
    "toll",
    [
        "There were no casualties.",
        "Nobody was injured.",
        "No one was hurt in the attack on the port.",
        "Two dock workers were killed.",
        "There were no immediate reports of casualties or damage.",
        "No casualties were reported.",
        "Eleven people have been reported injured, among them two children.",
        "In the port, a number of destructions were reported.",
    ],
    ids=[
        "no-casualties",
        "nobody-injured",
        "no-one-hurt",
        "two-killed",
        "no-reports",
        "none-reported",
        "reported-injured",
        "destructions-reported",
    ],
)
def test_a_toll_without_a_verb_of_doing_is_an_event_of_the_storys_day(toll: str) -> None:
    doc = extract(ATTACK, toll)
    assert day(event_on(doc, toll)) == (2025, 6, 24, "day")


def test_a_toll_told_by_an_institution_is_its_event() -> None:
    doc = extract(ATTACK, "No one was hurt, the regional administration said.")
    event = event_on(doc, "No one was hurt")
    assert [s.name for s in event.sources] == ["regional administration"]
    assert doc.claims == ()


@pytest.mark.parametrize(
    "line",
    [
        "Civilians along the river could be killed if the ports are left without cover.",
        "There was no immediate comment from Moscow.",
        "There were concerns that the port would close for the season.",
    ],
    ids=["forecast", "no-comment", "concerns"],
)
def test_harm_forecast_or_a_missing_comment_is_no_event(line: str) -> None:
    doc = extract("Ukraine's grain exports along the Danube rose in May, traders said.", line)
    assert [e for e in doc.events if line[:20] in e.span.text] == []


def test_a_ledes_news_in_the_present_perfect_is_of_the_published_day() -> None:
    doc = extract(
        DATELINE + "Ukraine and Moldova have signed an agreement to guard the crossings on "
        "the Dniester river together, the two governments said.",
        "The agreement lets border guards of either country patrol both banks.",
    )
    assert day(event_on(doc, "have signed an agreement")) == (2025, 6, 25, "day")


def test_a_period_counted_in_the_present_perfect_stays_undated() -> None:
    doc = extract(
        DATELINE + "Russia has fired more than 300 drones at the Danube ports since the "
        "grain deal collapsed, according to the regional administration."
    )
    assert event_on(doc, "more than 300 drones").date.precision == "unknown"


def test_the_present_perfect_after_the_lede_is_not_dated_by_publication() -> None:
    doc = extract(
        "Kyiv pressed its partners for more air defence systems, the defence minister said.",
        "North Korea has shipped millions of shells to Russia, according to Seoul's spy agency.",
    )
    assert event_on(doc, "millions of shells").date.precision == "unknown"


def test_the_present_perfect_after_the_lede_continues_the_storys_day() -> None:
    # real annotators, round after round, give a continuing line in the present perfect
    # the story's day
    doc = extract(
        ATTACK,
        "The governor says Belarus has also sent engineers to the border to help "
        "Russian crews repair the launch sites.",
    )
    assert day(event_on(doc, "struck the port")) == (2025, 6, 24, "day")
    assert day(event_on(doc, "has also sent engineers")) == (2025, 6, 24, "day")


def test_the_present_perfect_of_a_stretch_of_time_is_not_of_the_storys_day() -> None:
    doc = extract(
        ATTACK,
        "The governor says Belarus has repeatedly sent engineers to the border to help "
        "Russian crews repair the launch sites.",
        "Russia has fired thousands of drones at the region's ports.",
    )
    assert event_on(doc, "has repeatedly sent engineers").date.precision == "unknown"
    assert event_on(doc, "thousands of drones").date.precision == "unknown"


def test_the_storys_day_holds_across_its_quotes() -> None:
    doc = extract(
        ATTACK,
        '"The enemy targeted the port that feeds half of Africa," Governor Taras Lytvyn said.',
        "In a statement on Telegram, the air force said its units shot down 38 of the 46 "
        "drones over the south.",
    )
    assert day(event_on(doc, "shot down 38")) == (2025, 6, 24, "day")


def test_a_month_dated_paragraph_ends_the_storys_day() -> None:
    doc = extract(
        ATTACK,
        "In May, Russian drones hit the grain terminals of the port of Izmail.",
        "The port's owners rebuilt two of the damaged terminals with Danish money.",
    )
    assert event_on(doc, "rebuilt two").date.precision == "unknown"


def test_during_the_night_is_the_night_before_the_story() -> None:
    doc = extract(
        DATELINE + "During the night, Russia launched 46 attack drones at Ukraine, the air "
        "force said."
    )
    assert day(event_on(doc, "46 attack drones")) == (2025, 6, 25, "day")


def test_a_persons_claim_of_a_dated_happening_sets_the_storys_day() -> None:
    doc = extract(
        DATELINE + "Russia launched 57 drones at the port of Izmail overnight, regional "
        "governor Taras Lytvyn said.",
        "In a statement on Telegram, the air force said its units shot down 38 of the drones.",
    )
    assert [c.speaker.name for c in doc.claims] == ["Taras Lytvyn"]
    assert day(event_on(doc, "shot down 38")) == (2025, 6, 25, "day")


def test_the_day_a_person_spoke_on_is_not_the_storys_day() -> None:
    doc = extract(
        "Foreign Minister Andrii Sybiha said on Monday that the talks in Geneva had failed.",
        "Russian drones struck the port of Izmail and a grain terminal in the Odesa region.",
    )
    assert event_on(doc, "grain terminal").date.precision == "unknown"


def test_a_decision_told_by_a_verb_of_saying_is_an_event() -> None:
    doc = extract(
        "Russian drones struck the port of Verkhnie on Tuesday night, officials said.",
        "The bloc's 27 members agreed on a new package of sanctions against Russian banks.",
        "Foreign Minister Andrii Sybiha announced that the talks would resume in July.",
    )
    assert event_on(doc, "agreed on a new package")
    # words a person announces are their claim, not an event
    assert not [e for e in doc.events if "talks would resume" in e.span.text]
    assert [c.speaker.name for c in doc.claims] == ["Andrii Sybiha"]


def test_a_happening_told_as_reported_is_news() -> None:
    doc = extract(
        DATELINE + "Fragments of a drone fell near the village of Plauru on Wednesday, the "
        "defence ministry said.",
        "Another helicopter was reportedly dispatched to the site with a team to examine "
        "the fragments.",
    )
    assert day(event_on(doc, "reportedly dispatched")) == (2025, 6, 25, "day")


def test_an_announcement_after_the_aside_as_reported_is_news() -> None:
    doc = extract(
        "As reported, during the opening of the summit, US President Joe Biden announced "
        "the supply of five air defence systems to Ukraine.",
    )
    assert not doc.claims
    assert event_on(doc, "announced the supply")


def test_a_bodys_pledge_to_deliver_is_news_of_a_decision() -> None:
    doc = extract(
        DATELINE + "The first Patriot battery arrived in Ukraine on Wednesday.",
        "The Netherlands said it would supply parts of a Patriot system to Ukraine, "
        "specifically two launchers and missiles.",
        "Norway said it would not send any fighter jets.",
    )
    pledge = event_on(doc, "would supply parts")
    assert [s.name for s in pledge.sources] == ["Netherlands"]
    assert not [c for c in doc.claims if "would supply" in c.text]
    assert not [e for e in doc.events if "fighter jets" in e.span.text]


def test_an_impersonal_it_is_noted_that_tells_a_happening() -> None:
    doc = extract(
        "The navy showed a new sea drone at a trade fair in Kyiv on Tuesday.",
        "It is noted that Ukraine has developed an unmanned surface vessel able to carry "
        "several smaller drones in its hull.",
    )
    assert event_on(doc, "unmanned surface vessel").extracted_by == "event.line"


def test_whom_a_decisions_measures_name_is_that_decisions_news() -> None:
    doc = extract(
        "The European Union imposed sanctions on two Moscow news agencies on Tuesday.",
        "The new restrictive measures target seven individuals and five legal entities in "
        "Russia behind the campaign.",
    )
    assert day(event_on(doc, "target seven individuals")) == (2025, 6, 24, "day")


def test_a_lede_in_the_present_perfect_with_a_day_ahead_in_its_own_clause() -> None:
    doc = extract(
        "The Danish prime minister has arrived in Vilnius, where she will attend a summit of "
        "Baltic leaders on Thursday."
    )
    assert day(event_on(doc, "has arrived in Vilnius")) == (2025, 6, 25, "day")
