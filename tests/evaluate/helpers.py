"""Shared by the evaluator's tests: the corpora, their gold files, and raw-SQL edits.

The edits damage a loaded store by a different path than the loader (plain SQL), so a
test can say exactly which figures the damage must lower.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
FIXTURES = REPO / "tests" / "fixtures"
SEED_GOLD = FIXTURES / "gold_seeds.yaml"
ARTICLES = FIXTURES / "articles"
ARTICLES_GOLD = ARTICLES / "expected.yaml"


def mention(engine: Engine, kind: str, article: str, anchor: str) -> tuple[int, int]:
    """(mention id, claim or event id) of the loaded ``kind`` mention holding ``anchor``."""
    sql = (
        f"SELECT m.id, m.{kind}_id, m.text FROM {kind}_mentions m "
        "JOIN articles a ON a.id = m.article_id WHERE a.external_id = :article"
    )
    with engine.connect() as connection:
        rows = connection.execute(text(sql), {"article": article}).all()
    found = [(row[0], row[1]) for row in rows if anchor in row[2]]
    assert len(found) == 1, (kind, article, anchor, found)
    return found[0]


def execute(engine: Engine, sql: str, **params: object) -> None:
    """Run one statement in its own transaction."""
    with engine.begin() as connection:
        connection.execute(text(sql), params)
