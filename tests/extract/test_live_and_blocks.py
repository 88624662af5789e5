"""Speakers of live-blog and newspaper copy (pure): block quotations after "X said:",
weak cues beside a quotation, lone surnames with a title, calls and praise, "the
Ukrainian leader", "last night".

Each case is a short article of our own in the manner of real news copy.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc, ArticleMeta, extract_article

PUBLISHED = date(2024, 2, 3)  # a Saturday


def extract(*lines: str) -> ArticleDoc:
    text = "A headline of our own\n" + "\n".join(lines) + "\n"
    meta = ArticleMeta(published_on=PUBLISHED)
    return extract_article(text, external_id="t", meta=meta, today=date(2026, 11, 30))


def said(doc: ArticleDoc) -> list[tuple[str, str]]:
    return [(claim.speaker.name, claim.text[:24]) for claim in doc.claims]


def test_paragraphs_after_said_and_a_colon_are_the_speakers_block() -> None:
    doc = extract(
        "A fire broke out at a refinery in southern Russia after a drone attack.",
        "Governor Ivan Belov said on Telegram:",
        "Air defence repelled an attack by drones in the Kalach district.",
        "A fire started at the refinery after one of the downed drones fell.",
        "Belov's statement did not say how many drones were launched.",
    )
    # one quotation over two paragraphs: one claim, a span a paragraph
    assert said(doc) == [("Ivan Belov", "Air defence repelled an ")]
    assert [s.text[:24] for s in doc.claims[0].spans] == [
        "Air defence repelled an ",
        "A fire started at the re",
    ]


def test_a_weak_cue_beside_a_quotation_attributes_it() -> None:
    doc = extract(
        '"It was a clear intention to harm us. This was a direct attack," Grossi added, '
        "without apportioning blame."
    )
    assert said(doc) == [("Grossi", "It was a clear intention")]


def test_a_lone_surname_with_a_title_is_a_person() -> None:
    doc = extract(
        "Poland's president Duda said in a post on X that his position had been clear from day one."
    )
    assert [c.speaker.name for c in doc.claims] == ["Duda"]


def test_calling_for_and_praising_are_claims() -> None:
    doc = extract(
        "IAEA chief Rafael Grossi said a drone had hit an agency vehicle.",
        'He called for "a clear and decisive response" from the agency\'s board.',
        'US President Donald Trump praised the summit where "tremendous things have been '
        'accomplished".',
    )
    assert [c.speaker.name for c in doc.claims] == [
        "Rafael Grossi",
        "Rafael Grossi",
        "Donald Trump",
    ]
    assert doc.events == ()


def test_the_leader_is_the_president_named_before() -> None:
    doc = extract(
        "President Volodymyr Zelensky met the families of the freed soldiers on Friday.",
        "The Ukrainian leader said that releasing all prisoners would be a step toward peace.",
    )
    assert [c.speaker.name for c in doc.claims] == ["Volodymyr Zelensky"]


def test_last_night_is_the_night_before_the_story() -> None:
    doc = extract("Last night, air defence repelled an attack by drones on the Volgograd region.")
    (event,) = doc.events
    assert (event.date.day, event.date.qualifier) == (3, "night")
