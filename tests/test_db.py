"""What every connection of ``make_engine`` is set up to do, on each dialect."""

from __future__ import annotations

from sqlalchemy import Engine, text


def test_connections_keep_their_settings_after_a_rollback(engine: Engine) -> None:
    """SQLite: foreign keys and WAL. PostgreSQL: each query planned for its own values
    (a generic plan made a one-month timeline 40x slower), also after a rollback."""
    settings = (
        {"PRAGMA foreign_keys": 1, "PRAGMA journal_mode": "wal"}
        if engine.dialect.name == "sqlite"
        else {"SHOW plan_cache_mode": "force_custom_plan"}
    )
    for _ in range(2):
        with engine.connect() as connection:
            for query, expected in settings.items():
                assert connection.execute(text(query)).scalar_one() == expected
            connection.rollback()
