"""The acceptance fixtures: the seeds against shared/gold, and our own eight articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

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


@pytest.mark.parametrize("dialect", ["sqlite"], indirect=True)
def test_the_checker_catches_a_wrong_load(engine: Engine) -> None:
    """The gold check is not vacuous: a store missing an article fails it loudly."""
    load_paths(engine, sorted(SEEDS.glob("00[0-3]*.txt")))
    problems = check(read_gold(SEED_GOLD), engine)
    assert "004_a8488bd22045e4a9: not loaded" in problems
    assert any(problem.startswith("hrytsenko-lede: no mention") for problem in problems)
