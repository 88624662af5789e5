"""Whole-article extraction (pure): layout, attribution, rejections, spans."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventstore.errors import InputRejected
from eventstore.extract import ArticleDoc, extract_article
from eventstore.extract.layout import is_header, layout
from eventstore.extract.text import paragraphs
from eventstore.load.similarity import EVENT_THRESHOLD, all_matches
from eventstore.normalize import match_text

REPO = Path(__file__).resolve().parents[2]
ARTICLES = sorted((REPO / "seeds").glob("*.txt")) + sorted(
    (REPO / "tests" / "fixtures" / "articles").glob("*.txt")
)
TODAY = date(2026, 11, 23)


def extract(text: str, external_id: str = "x") -> ArticleDoc:
    return extract_article(text, external_id=external_id, today=TODAY)


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem[:24] for p in ARTICLES])
def test_every_span_indexes_the_body(path: Path) -> None:
    doc = extract(path.read_text(encoding="utf-8"), path.stem)
    spans = [s for c in doc.claims for s in c.spans] + [e.span for e in doc.events]
    assert spans
    assert all(doc.body[s.start : s.end] == s.text for s in spans)


@pytest.mark.parametrize(
    "header",
    [
        "Some details about cooperation between Russia and the DPRK",
        "More details on cooperation between Russia and the DPRK",
        "Cooperation between Russia and the DPRK: details",
        "DPRK's cooperation with Russia",
        "Background",
        "Sanctions against Russia: chronology",
    ],
)
def test_section_headers(header: str) -> None:
    assert is_header(header)


@pytest.mark.parametrize(
    "line",
    [
        "He expressed his opinion on Espreso TV.",
        '"We must be prepared," the expert said.',
        "On August 31, the United States imposed sanctions.",
        "- News",
    ],
    ids=["venue", "quote", "dated", "category"],
)
def test_lines_that_are_not_headers(line: str) -> None:
    assert not is_header(line)


@pytest.mark.parametrize(
    ("venue", "outlet"),
    [
        ("He expressed his opinion on Espreso TV.", "Espreso TV"),
        ("He expressed his opinion on the Espreso TV channel.", "Espreso TV"),
        ("He shared his opinions with Espreso TV.", "Espreso TV"),
        ("She said this on Espreso TV.", "Espreso TV"),
        ("He said this in an interview with Radio Liberty.", "Radio Liberty"),
    ],
    ids=["opinion", "channel", "shared", "she-said", "interview"],
)
def test_venue_lines_give_the_outlet(venue: str, outlet: str) -> None:
    text = f"Title\nAnna Bond, analyst at the Kyiv Institute, believes that it rains.\n{venue}\n"
    parts = layout(paragraphs(text))
    assert parts.outlet == outlet
    assert parts.venue is not None


@pytest.mark.parametrize(
    ("dateline", "outlet"),
    [
        ("KYIV, June 3 (Reuters) - ", "Reuters"),
        ("KYIV, Ukraine (AP) — ", "AP"),
        ("Warsaw (AFP) - ", "AFP"),
    ],
    ids=["reuters", "ap", "afp"],
)
def test_datelines_give_the_outlet(dateline: str, outlet: str) -> None:
    parts = layout(paragraphs(f"Title\n{dateline}Drones struck a plant on Sunday.\n"))
    assert parts.outlet == outlet
    assert parts.lede is not None
    assert parts.lede.text[parts.lede_offset :].startswith("Drones")


LEDE = (
    "Mykola Bielieskov, chief analyst at the Come Back Alive foundation, believes that "
    "air defence is the priority\nHe expressed his opinion on Espreso TV.\n"
)


@pytest.mark.parametrize(
    "line",
    [
        '"Without it we lose the cities," the analyst noted.',
        '"Without it we lose the cities," Bielieskov explained.',
        '"Without it we lose the cities," he added.',
        '"Without it we lose the cities," emphasized Bielieskov.',
        "According to him, without it we lose the cities.",
        "The expert also noted that without it we lose the cities.",
        "Bielieskov added that without it we lose the cities.",
    ],
    ids=["role", "surname", "pronoun", "verb-first", "according", "expert-noted", "added"],
)
def test_body_statements_belong_to_the_featured_expert(line: str) -> None:
    doc = extract(f"Title\n{LEDE}{line}\n")
    assert doc.featured_expert is not None
    assert doc.featured_expert.affiliation == "Come Back Alive"
    kinds = {claim.kind: claim.speaker.name for claim in doc.claims}
    assert kinds["summary"] == "Mykola Bielieskov"
    statement = [claim for claim in doc.claims if claim.kind != "summary"]
    assert len(statement) == 1
    assert statement[0].speaker.name == "Mykola Bielieskov"
    assert "without it we lose the cities" in statement[0].text.lower()


def test_a_line_nobody_said_is_not_a_claim() -> None:
    doc = extract(f"Title\n{LEDE}The weather was cold that week in the capital.\n")
    assert [claim.kind for claim in doc.claims] == ["summary"]
    assert doc.events == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("   \n\n", "empty"),
        ("Only a title", "not_article"),
        ("<html><body>x</body></html>\nmore", "not_article"),
        ("x" * 400 + "\nbody", "no_title"),
    ],
    ids=["empty", "blank", "title-only", "html", "long-title"],
)
def test_rejections_say_why(text: str, code: str) -> None:
    with pytest.raises(InputRejected) as info:
        extract(text)
    assert info.value.code == code
    assert "\n" not in info.value.reason


def test_a_bad_date_line_is_skipped_with_a_note() -> None:
    doc = extract(
        f"Title\n{LEDE}\nBackground\nOn February 30, something happened in the capital.\n"
        "On March 3, another thing happened in the capital.\n"
    )
    assert [e.date.month for e in doc.events] == [3]
    assert [note.code for note in doc.notes] == ["bad_date"]
    # Line numbers count blank lines too: they are what an editor shows.
    assert "line 6: 'On February 30' is not a date" in doc.notes[0].message


def test_a_year_far_past_publication_is_skipped() -> None:
    doc = extract(f"Title\n{LEDE}Background\nOn August 31, 2099, sanctions were imposed on two.\n")
    assert doc.events == ()
    assert "is after 2026-11-23" in doc.notes[0].message


SAME_EVENT = [
    (
        "The White House accused Russia of trying to buy munitions from the DPRK.",
        "The White House accused Russia of trying to buy ammunition from the DPRK.",
    ),
    (
        "It became known that US President Joe Biden was ready to meet Kim Jong Un.",
        "Media reported that US President Joe Biden is ready to meet Kim Jong Un.",
    ),
    (
        "Earlier, the Kremlin said that Russia was ready to return to the grain deal.",
        "The Kremlin said that Russia is ready to return to the grain deal.",
    ),
    (
        "Shoigu visited the DPRK and met with his North Korean counterpart, among others.",
        "Shoigu visited the DPRK and met, among other things, with his North Korean counterpart.",
    ),
]
DIFFERENT_EVENTS = [
    (
        "Russia attacked the port of Odesa, destroying 60,000 tonnes of grain.",
        "The Russian Ministry of Defence said all ships heading to Ukrainian ports are targets.",
    ),
    (
        "The White House reported that North Korea had supplied 1,000 containers to Russia.",
        "The White House reported that North Korea had supplied 500 containers to Russia.",
    ),
    (
        "Polish farmers blocked roads leading to all six crossings on the border.",
        "The European Commission said the free movement of goods had to be restored.",
    ),
]


@pytest.mark.parametrize(("a", "b"), SAME_EVENT, ids=["munitions", "frame", "earlier", "order"])
def test_rewordings_match(a: str, b: str) -> None:
    assert all_matches(match_text(a), [match_text(b)], threshold=EVENT_THRESHOLD) != []


@pytest.mark.parametrize(("a", "b"), DIFFERENT_EVENTS, ids=["odesa", "numbers", "farmers"])
def test_different_events_do_not_match(a: str, b: str) -> None:
    assert all_matches(match_text(a), [match_text(b)], threshold=EVENT_THRESHOLD) == []
