"""Evaluation: score a loaded store against gold files (docs/gold.md).

The flow: ``goldset.read_gold`` reads and validates the files, ``store.read_store``
reads the named articles' rows with plain SQL, ``match.match`` pairs gold mentions with
loaded ones, and ``score`` computes every figure of docs/gold.md's table.

    scores = evaluate(engine, [Path("gold/seeds.yaml")])
    scores["claim_recall"].value
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from sqlalchemy import Engine

from eventstore import migrations
from eventstore.db import translate_db_errors
from eventstore.evaluate import entities
from eventstore.evaluate import score as mention_figures
from eventstore.evaluate.gold import GoldFileError, GoldFileMissing
from eventstore.evaluate.goldset import GoldSet, read_gold
from eventstore.evaluate.match import Matching, match
from eventstore.evaluate.scores import FIGURE_NAMES, Figure, Scores
from eventstore.evaluate.store import Store, read_store
from eventstore.redact import mask_url

__all__ = [
    "FIGURE_NAMES",
    "Figure",
    "GoldFileError",
    "GoldFileMissing",
    "GoldSet",
    "Scores",
    "evaluate",
    "read_gold",
    "score",
]

# In the order of FIGURE_NAMES (docs/gold.md's table).
_FIGURES: tuple[Callable[[Matching], Figure], ...] = (
    partial(mention_figures.recall, kind="claim"),
    partial(mention_figures.precision, kind="claim"),
    partial(mention_figures.recall, kind="event"),
    partial(mention_figures.precision, kind="event"),
    mention_figures.attribution,
    mention_figures.dates,
    mention_figures.merge_recall,
    mention_figures.merge_precision,
    entities.experts_recall,
    entities.experts_precision,
    entities.affiliations,
    entities.sources_recall,
    entities.item_sources,
    entities.outlets,
    entities.provenance,
)


def score(gold: GoldSet, store: Store) -> Scores:
    """Every figure of ``store`` against ``gold``, in docs/gold.md's order (pure)."""
    matching = match(gold, store)
    figures = tuple(compute(matching) for compute in _FIGURES)
    return Scores(
        gold_files=gold.paths,
        articles=len(gold.articles),
        articles_loaded=len(store.articles),
        figures=figures,
    )


def evaluate(engine: Engine, gold_paths: Sequence[Path]) -> Scores:
    """Score the store behind ``engine`` against the gold files at ``gold_paths``.

    Raises GoldFileError (or GoldFileMissing) for a bad gold file, SchemaOutOfDate when
    the database is not at head, DatabaseUnavailable when it cannot be reached.
    """
    gold = read_gold(gold_paths)
    migrations.require_head(engine.url)
    with translate_db_errors(mask_url(engine.url)):
        store = read_store(engine, gold.articles)
    return score(gold, store)
