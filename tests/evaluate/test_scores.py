"""The evaluator on loaded stores, both dialects: perfect loads score 1.0 everywhere, and
each kind of damage (done with raw SQL) lowers the figures that count it, and only those."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from eventstore.db import make_engine
from eventstore.evaluate import FIGURE_NAMES, Scores, evaluate
from eventstore.load.loader import load_paths
from tests.evaluate.helpers import (
    ARTICLES,
    ARTICLES_GOLD,
    SEED_GOLD,
    SEEDS,
    execute,
    mention,
)

A000, A001, A002, A004 = (
    "000_b08e3bd24bb77b56",
    "001_873ae39e16960142",
    "002_8eed7f64ee0bb514",
    "004_a8488bd22045e4a9",
)
PERFECT = dict.fromkeys(FIGURE_NAMES, 1.0)


@pytest.fixture
def seeded(seeded_url: str) -> Iterator[Engine]:
    """A store holding the five seed articles."""
    engine = make_engine(seeded_url)
    yield engine
    engine.dispose()


def seed_scores(engine: Engine) -> Scores:
    return evaluate(engine, [SEED_GOLD])


def test_the_seeds_score_one_on_every_figure(seeded: Engine) -> None:
    scores = seed_scores(seeded)
    assert [figure.name for figure in scores.figures] == list(FIGURE_NAMES)
    assert scores.values == PERFECT, [m for f in scores.figures for m in f.misses]
    assert all(figure.denominator > 0 for figure in scores.figures)
    assert (scores.articles, scores.articles_loaded) == (5, 5)


def test_our_eight_articles_score_one_on_every_figure(engine: Engine) -> None:
    """tests/fixtures/articles/expected.yaml is in the docs/gold.md format."""
    report = load_paths(engine, [ARTICLES])
    assert (report.totals.added, report.totals.failed) == (8, 0)
    scores = evaluate(engine, [ARTICLES_GOLD])
    assert scores.values == PERFECT, [m for f in scores.figures for m in f.misses]


def test_both_corpora_together_score_one(engine: Engine) -> None:
    load_paths(engine, [SEEDS, ARTICLES])
    scores = evaluate(engine, [SEED_GOLD, ARTICLES_GOLD])
    assert scores.values == PERFECT, [m for f in scores.figures for m in f.misses]
    assert (scores.articles, scores.articles_loaded) == (13, 13)


def test_a_missing_article_lowers_recall_and_outlets(engine: Engine) -> None:
    load_paths(engine, sorted(SEEDS.glob("00[0-3]*.txt")))
    scores = seed_scores(engine)
    unloaded = [m for m in scores["claim_recall"].misses if f"({A004}): article not loaded" in m]
    assert len(unloaded) == 6  # the gold's claim mentions in 004
    assert any(m.startswith(f"hrytsenko-lede ({A004}): article not loaded") for m in unloaded)
    assert scores["outlets"].misses == (f"{A004}: not loaded",)
    assert "expert 'Alina Hrytsenko': not stored" in scores["experts_recall"].misses
    assert (scores.articles, scores.articles_loaded) == (5, 4)


def changes(before: Scores, after: Scores) -> dict[str, tuple[int, int]]:
    """How each changed figure's numerator and denominator moved."""
    moved = {
        one.name: (
            one.numerator - before[one.name].numerator,
            one.denominator - before[one.name].denominator,
        )
        for one in after.figures
    }
    return {name: delta for name, delta in moved.items() if delta != (0, 0)}


def new_misses(before: Scores, after: Scores, name: str) -> list[str]:
    """The misses of figure ``name`` that the damage added."""
    return [miss for miss in after[name].misses if miss not in before[name].misses]


def test_a_wrong_attribution_lowers_attribution_only(seeded: Engine) -> None:
    before = seed_scores(seeded)
    _, claim = mention(seeded, "claim", A000, "can also be a hub for the transfer")
    execute(
        seeded,
        "UPDATE claims SET expert_id = (SELECT id FROM experts WHERE name = :name) "
        "WHERE id = :claim",
        name="Oleksandr Kovalenko",
        claim=claim,
    )
    after = seed_scores(seeded)
    assert changes(before, after) == {"attribution": (-1, 0)}
    assert new_misses(before, after, "attribution") == [
        f"katkov-hub-lede ({A000}): claim #{claim} is by 'Oleksandr Kovalenko', "
        "expected 'Oleh Katkov'"
    ]


def test_a_wrong_event_date_lowers_dates_once_per_mention(seeded: Engine) -> None:
    before = seed_scores(seeded)
    _, event = mention(seeded, "event", A000, "Sergei Shoigu visited the DPRK")
    execute(seeded, "UPDATE events SET month = 8 WHERE id = :event", event=event)
    after = seed_scores(seeded)
    assert changes(before, after) == {"dates": (-4, 0)}  # the event's four gold mentions
    assert new_misses(before, after, "dates")[0] == (
        f"shoigu-visit-july ({A000}): event #{event} is {{precision: month, year: null, "
        "month: 8, day: null, qualifier: null}, expected {precision: month, "
        "year: null|2023, month: 7, day: null}"
    )


def test_a_mention_moved_to_another_event_lowers_merges(seeded: Engine) -> None:
    before = seed_scores(seeded)
    moved, _ = mention(seeded, "event", A001, "accused Russia of trying to buy")
    _, shoigu = mention(seeded, "event", A001, "Sergei Shoigu visited the DPRK")
    execute(seeded, "UPDATE event_mentions SET event_id = :e WHERE id = :m", e=shoigu, m=moved)
    after = seed_scores(seeded)
    moved_by = changes(before, after)
    assert moved_by["merge_recall"] == (-3, 0)  # the moved mention paired with 3 others
    assert moved_by["merge_precision"] == (-1, 0)
    assert moved_by["dates"] == (-1, 0)  # it now carries the July date
    assert new_misses(before, after, "merge_precision") == [
        f"event #{shoigu} joins different gold items: "
        "shoigu-visit-july, white-house-accuses-munitions"
    ]


def test_a_missing_source_link_lowers_item_sources(seeded: Engine) -> None:
    before = seed_scores(seeded)
    _, event = mention(seeded, "event", A000, "plans to visit Russia in September")
    execute(seeded, "DELETE FROM event_sources WHERE event_id = :event", event=event)
    after = seed_scores(seeded)
    assert changes(before, after) == {"item_sources": (-1, 0)}
    assert new_misses(before, after, "item_sources")[0].startswith(
        f"nyt-kim-plans-visit: 'The New York Times' is not linked to event #{event}"
    )


def test_a_misspelt_expert_lowers_the_expert_figures(seeded: Engine) -> None:
    before = seed_scores(seeded)
    execute(seeded, "UPDATE experts SET name = 'Oleksandr Kraev' WHERE name = 'Oleksandr Kraiev'")
    # and so spelt in his article too (the scorer takes an article's own spelling)
    execute(
        seeded, "UPDATE expert_names SET name = 'Oleksandr Kraev' WHERE name = 'Oleksandr Kraiev'"
    )
    after = seed_scores(seeded)
    assert changes(before, after) == {
        "experts_recall": (-1, 0),
        "experts_precision": (-1, 0),
        "affiliations": (-1, -1),  # an expert not found is not scored for affiliation
        "attribution": (-2, 0),  # kraiev-food's two mentions
    }
    assert new_misses(before, after, "experts_recall") == ["expert 'Oleksandr Kraiev': not stored"]
    assert "'Oleksandr Kraev'" in new_misses(before, after, "experts_precision")[0]


def test_a_mention_outside_every_gold_line_lowers_precision(seeded: Engine) -> None:
    before = seed_scores(seeded)
    moved, claim = mention(seeded, "claim", A002, "Even Shoigu's visit could not")
    title = "DPRK needs China's alignment on weapons supply to Russia"
    execute(
        seeded,
        "UPDATE claim_mentions SET start_offset = 0, end_offset = :end, text = :text "
        "WHERE id = :id",
        end=len(title),
        text=title,
        id=moved,
    )
    after = seed_scores(seeded)
    assert changes(before, after) == {
        "claim_recall": (-1, 0),
        "claim_precision": (-1, 0),
        "attribution": (-1, -1),  # a claim not found is not scored for attribution
    }
    assert new_misses(before, after, "claim_precision") == [
        f"{A002}: claim #{claim} (mention #{moved}) lies in no gold line: {title!r}"
    ]
    assert new_misses(before, after, "claim_recall")[0].startswith(
        f"kovalenko-shoigu-visit ({A002}): no claim mention holds"
    )


def test_a_mention_whose_text_is_not_its_span_lowers_provenance(seeded: Engine) -> None:
    before = seed_scores(seeded)
    moved, _ = mention(seeded, "event", A004, "highest traffic on the border")
    execute(seeded, "UPDATE event_mentions SET text = text || ' ' WHERE id = :id", id=moved)
    after = seed_scores(seeded)
    assert changes(before, after) == {"provenance": (-1, 0)}
    assert new_misses(before, after, "provenance")[0].startswith(f"{A004}: event #")


def test_a_wrong_outlet_lowers_outlets(seeded: Engine) -> None:
    before = seed_scores(seeded)
    execute(
        seeded,
        "UPDATE articles SET source_id = (SELECT id FROM sources WHERE name = 'White House') "
        "WHERE external_id = :article",
        article=A002,
    )
    after = seed_scores(seeded)
    assert changes(before, after) == {"outlets": (-1, 0)}
    assert new_misses(before, after, "outlets") == [
        f"{A002}: outlet 'White House', expected 'Espreso TV'"
    ]


def test_an_empty_store_counts_nothing_it_cannot(engine: Engine) -> None:
    scores = seed_scores(engine)
    values = scores.values
    assert values["claim_recall"] == 0.0
    assert values["claim_precision"] is None  # nothing loaded, nothing to count
    assert values["attribution"] is None
    assert values["outlets"] == 0.0
