"""Match scores are recorded rounded, as an analyst reviewing merges reads them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from eventstore.load.loader import load_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_every_recorded_match_score_has_one_decimal_at_most(engine: Engine) -> None:
    load_paths(engine, [SEEDS])
    with engine.connect() as connection:
        scores = [
            float(score)
            for table in ("event_mentions", "claim_mentions")
            for score in connection.execute(
                text(f"SELECT match_score FROM {table} WHERE match_method = 'fuzzy'")
            ).scalars()
        ]
    assert scores
    assert [score for score in scores if score != round(score, 1)] == []
