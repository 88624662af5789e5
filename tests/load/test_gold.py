"""The acceptance fixtures: the seeds against shared/gold, and our own eight articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from eventstore.evaluate import evaluate
from eventstore.load.loader import load_paths
from tests.goldcheck import EXTRA_GOLD, FIXTURES, SEED_GOLD, check, read_gold

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"


def test_seeds_load_as_the_gold_file_says(engine: Engine) -> None:
    report = load_paths(engine, [SEEDS])
    assert (report.totals.added, report.totals.failed) == (5, 0)
    assert check(read_gold(SEED_GOLD), engine) == []


def test_our_eight_articles_load_as_expected(engine: Engine) -> None:
    report = load_paths(engine, [FIXTURES / "articles"])
    assert (report.totals.added, report.totals.failed) == (8, 0)
    assert check(read_gold(EXTRA_GOLD), engine) == []


def test_seeds_score_one_on_every_figure_of_eventstore_evaluate(engine: Engine) -> None:
    """The same acceptance through the shipped evaluator (docs/gold.md's figures)."""
    load_paths(engine, [SEEDS])
    scores = evaluate(engine, [SEED_GOLD])
    misses = [f"{figure.name}: {miss}" for figure in scores.figures for miss in figure.misses]
    assert set(scores.values.values()) == {1.0}, misses


NEWS = FIXTURES / "news"
# Every figure of docs/gold.md must reach this on our own articles in many outlets' styles.
NEWS_FLOOR = 0.95


def test_our_news_articles_score_on_every_figure(engine: Engine) -> None:
    """Our own articles in many outlet styles (tests/fixtures/news), scored by the shipped
    evaluator against their gold file."""
    report = load_paths(engine, [NEWS])
    assert (report.totals.added, report.totals.failed) == (len(list(NEWS.glob("*.txt"))), 0)
    scores = evaluate(engine, [NEWS / "gold.yaml"])
    short = {
        figure.name: (figure.value, figure.misses)
        for figure in scores.figures
        if figure.value is not None and figure.value < NEWS_FLOOR
    }
    assert short == {}


@pytest.mark.parametrize("dialect", ["sqlite"], indirect=True)
def test_the_checker_catches_a_wrong_load(engine: Engine) -> None:
    """The gold check is not vacuous: a store missing an article fails it loudly."""
    load_paths(engine, sorted(SEEDS.glob("00[0-3]*.txt")))
    problems = check(read_gold(SEED_GOLD), engine)
    assert "004_a8488bd22045e4a9: not loaded" in problems
    assert any(problem.startswith("hrytsenko-lede: no mention") for problem in problems)
