"""Core handles on the analyst views, built from their documented columns (views.py)."""

from __future__ import annotations

from sqlalchemy import TableClause, column, table

from eventstore.views import VIEWS


def _view(name: str) -> TableClause:
    doc = next(view for view in VIEWS if view.name == name)
    return table(name, *(column(name) for name in doc.columns))


V_TIMELINE = _view("v_timeline")
V_CLAIMS = _view("v_claims")
V_EXPERTS = _view("v_experts")
V_SOURCES = _view("v_sources")
