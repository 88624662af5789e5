"""The analyst views at head: the documented columns on both dialects, comments on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from eventstore.views import VIEWS


@pytest.mark.parametrize("view", VIEWS, ids=[view.name for view in VIEWS])
def test_view_has_exactly_the_documented_columns(engine: Engine, view: object) -> None:
    name = view.name  # type: ignore[attr-defined]
    with engine.connect() as connection:
        result = connection.execute(text(f"SELECT * FROM {name} WHERE 1 = 0"))
        assert list(result.keys()) == list(view.columns)  # type: ignore[attr-defined]


@pytest.mark.parametrize("dialect", ["postgresql"], indirect=True)
def test_postgres_views_carry_the_documented_comments(engine: Engine) -> None:
    with engine.connect() as connection:
        for view in VIEWS:
            comment = connection.execute(
                text("SELECT obj_description(CAST(:name AS regclass), 'pg_class')"),
                {"name": view.name},
            ).scalar_one()
            assert comment == view.comment
            columns = dict(
                connection.execute(
                    text(
                        "SELECT a.attname, col_description(a.attrelid, a.attnum) "
                        "FROM pg_attribute a WHERE a.attrelid = CAST(:name AS regclass) "
                        "AND a.attnum > 0"
                    ),
                    {"name": view.name},
                ).all()
            )
            assert columns == view.columns
