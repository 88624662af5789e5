"""Writing a plan directly, as the loader's writer does, for tests of the write step."""

from __future__ import annotations

from sqlalchemy import Connection, text

from eventstore.load.keywrite import Carriers
from eventstore.load.plan import Plan
from eventstore.load.write import apply_plan


def apply_in_run(connection: Connection, plan: Plan, carriers: Carriers | None = None) -> None:
    """Apply ``plan`` in a new running ingestion run of ``connection``'s transaction."""
    run_id = connection.execute(
        text(
            "INSERT INTO ingestion_runs (status, extractor_version) VALUES ('running', 'test') "
            "RETURNING id"
        )
    ).scalar_one()
    apply_plan(connection, plan, run_id, carriers=carriers)
