"""Shapes of real news that fixtures 340-342 hold (pure): an expert-commentary lede
"..., believes former head of X Name", a page's "Posted"/"Updated" lines, a standfirst of
someone's words over a live blog, "this morning", a minister's word in a closing "hours
after" clause, "since February, when X told reporters ...", an institution's condemnation,
a CEO's title, a question a column retells, and a closing "said X" whose cue the parser
gave the content's subject too.

Each case is a short article of our own in the manner of real news copy.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc, ArticleMeta, extract_article

PUBLISHED = date(2025, 3, 13)  # a Thursday


def extract(*lines: str, title: str = "A headline of our own") -> ArticleDoc:
    text = title + "\n" + "\n".join(lines) + "\n"
    meta = ArticleMeta(published_on=PUBLISHED)
    return extract_article(text, external_id="t", meta=meta, today=date(2026, 11, 30))


def speakers_of(doc: ArticleDoc) -> list[str]:
    return [c.speaker.name for c in doc.claims]


def day_of(doc: ArticleDoc, words: str) -> tuple[int | None, int | None, str | None]:
    (event,) = [e for e in doc.events if words in e.span.text]
    return event.date.month, event.date.day, event.date.qualifier


def test_a_lede_of_opinion_with_its_expert_after_the_cue_features_him() -> None:
    doc = extract(
        "The strikes on the storage sites are meant to push Kyiv into transit talks before "
        "winter, believes former head of Chornomor Naftogaz Petro Levko.",
        '"Moscow wants the sites empty by autumn," he wrote on Facebook.',
        "At the same time, the ex-head of Chornomor Naftogaz noted that the damage so far "
        "has been to equipment above ground.",
    )
    assert doc.featured_expert is not None
    assert doc.featured_expert.name == "Petro Levko"
    assert (doc.featured_expert.role, doc.featured_expert.affiliation) == (
        "former head",
        "Chornomor Naftogaz",
    )
    assert speakers_of(doc) == ["Petro Levko"] * 3
    assert doc.claims[0].kind == "summary"
    assert doc.events == ()


def test_a_pages_posted_and_updated_lines_are_no_events() -> None:
    doc = extract(
        "Posted March 13, 2025 3:35 am.",
        "Last Updated March 13, 2025 5:02 am.",
        "Updated 12:05 GMT",
        "Russian drones hit a power substation in the Sumy region on Wednesday night, "
        "regional officials said.",
    )
    assert [e.span.text[:12] for e in doc.events] == ["Russian dron"]


def test_a_closing_clause_of_time_with_its_own_speaker_is_an_event_and_a_claim() -> None:
    doc = extract(
        "KYIV, Ukraine (AP) — Russia struck power plants in two regions with missiles and "
        "drones during the night, officials said Thursday, hours after Ukrainian Foreign "
        "Minister Andrii Sybiha said talks with Washington would resume next week."
    )
    assert speakers_of(doc) == ["Andrii Sybiha"]
    assert doc.claims[0].text.startswith("talks with Washington")
    assert day_of(doc, "struck power plants") == (3, 13, None)


def test_a_clause_on_a_date_tells_what_its_speaker_said_then() -> None:
    doc = extract(
        "The figure has doubled since February, when Defence Minister Oleh Kravets told "
        "reporters the North had sent about 3,000 containers to Russia."
    )
    assert speakers_of(doc) == ["Oleh Kravets"]
    assert doc.claims[0].text.startswith("the North had sent")


def test_an_institution_condemning_an_attack_states_a_position() -> None:
    doc = extract(
        "The European Union on Thursday condemned a Russian drone attack on Odesa earlier "
        "in the day that killed two port workers."
    )
    assert speakers_of(doc) == ["European Union"]
    assert doc.events == ()


def test_a_ceo_before_a_name_is_a_role_not_an_employer() -> None:
    doc = extract(
        "'This plant makes every part itself,' CEO Marat Ilyasov says in the film, "
        "explaining that engines are now built on site."
    )
    (claim,) = doc.claims
    assert (claim.speaker.name, claim.speaker.role, claim.speaker.affiliation) == (
        "Marat Ilyasov",
        "CEO",
        None,
    )


def test_a_live_blogs_standfirst_of_words_and_the_full_name_that_follows() -> None:
    doc = extract(
        "Putin says Moscow will accept a ceasefire only on its own terms",
        "Russia has launched a wave of drones at Odesa as at least two people were killed "
        "in the attack.",
        "Two dock workers were killed after a drone hit a grain terminal at around 6am "
        "local time this morning.",
        "Meanwhile, Russian president Vladimir Putin has said Moscow would agree to a "
        "ceasefire only if Ukraine withdrew its troops from four regions.",
        "Putin claimed that his forces had taken the initiative along the front.",
        title="Russia-Ukraine war latest: drones hit Odesa port",
    )
    # the standfirst's lone surname is the person the article names in full further down
    assert speakers_of(doc) == ["Vladimir Putin", "Vladimir Putin", "Vladimir Putin"]
    assert day_of(doc, "wave of drones") == (3, 13, None)
    assert day_of(doc, "grain terminal") == (3, 13, "morning")


def test_a_question_a_column_retells_is_nobodys_claim() -> None:
    doc = extract(
        "News / Opinion / Columns",
        "By Halyna Moroz",
        "After I wrote about the air defence gap last month, a reader asked, “Who decides "
        "which city gets the next Patriot battery?”",
        "That question deserves an answer, because the decision is made far from the cities "
        "that pay for it.",
        title="Moroz: Who decides where the next Patriot goes",
    )
    assert speakers_of(doc) == ["Halyna Moroz"]
    assert doc.claims[0].text.startswith("That question deserves")


def test_the_speaker_after_a_closing_cue_is_not_the_contents_subject() -> None:
    # the parser gives "said" two subjects here: "Wreckage" and "Kobzar"
    doc = extract(
        "Wreckage from downed drones injured at least three people in the city of Sumy "
        "and damaged 12 buildings, including a school, a bakery and two apartment blocks, "
        "said Artem Kobzar, head of the city’s military administration."
    )
    (claim,) = doc.claims
    assert claim.speaker.name == "Artem Kobzar"
    assert claim.text.startswith("Wreckage from downed drones injured")


def test_a_role_naming_a_body_in_lower_case_refers_back_to_it() -> None:
    doc = extract(
        "The US State Department on Thursday condemned a Russian missile attack on Kyiv "
        "that damaged a building hosting several embassies.",
        "“Any attack on diplomatic missions is unacceptable,” department spokesman Daniel "
        "Reyes said in a post on X.",
        "“We will rebuild the substation by Monday,” company spokesman Ivan Hordiienko said.",
    )
    employers = {c.speaker.name: c.speaker.affiliation for c in doc.claims}
    assert employers == {
        "US State Department": None,
        "Daniel Reyes": "US State Department",
        "Ivan Hordiienko": None,  # no company named before him
    }
