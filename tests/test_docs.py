"""The committed documentation matches the schema it describes."""

from __future__ import annotations

from pathlib import Path

from eventstore.schema_docs import mermaid, render

REPO = Path(__file__).resolve().parents[1]


def test_schema_doc_is_current() -> None:
    committed = (REPO / "docs" / "SCHEMA.md").read_text(encoding="utf-8")
    assert committed == render(), "docs/SCHEMA.md is stale: run `make docs`"


def test_architecture_diagram_is_current() -> None:
    page = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert f"```mermaid\n{mermaid()}\n```" in page, "docs/architecture.md is stale: `make docs`"


def test_schema_doc_covers_every_table_and_view() -> None:
    document = render()
    for name in ("articles", "claims", "events", "event_sources", "v_timeline", "v_sources"):
        assert f"### `{name}`" in document
