"""Ingestion runs and their errors, newest first; inputs rejected and not loaded since."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from eventstore.models import IngestionError, IngestionRun, RejectedInput
from eventstore.schema import IngestionErrorRow, IngestionRunRow, RejectedInputRow

_SUCCEEDED = ("succeeded", "partial")


class RunRepository:
    """Reads ``ingestion_runs`` and ``ingestion_errors``."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def recent(self, *, limit: int = 10, errors_per_run: int = 50) -> list[IngestionRun]:
        """The newest runs, each with up to ``errors_per_run`` of its errors."""
        runs = self.session.scalars(
            select(IngestionRunRow).order_by(IngestionRunRow.id.desc()).limit(limit)
        ).all()
        errors = self._errors([run.id for run in runs], errors_per_run)
        return [
            IngestionRun.model_validate(run).model_copy(update={"errors": tuple(errors[run.id])})
            for run in runs
        ]

    def get(self, run_id: int) -> IngestionRun | None:
        """One run with all its errors, or None."""
        run = self.session.get(IngestionRunRow, run_id)
        if run is None:
            return None
        errors = self._errors([run_id], None)
        return IngestionRun.model_validate(run).model_copy(update={"errors": tuple(errors[run_id])})

    def last_success(self) -> IngestionRun | None:
        """The newest run that succeeded, fully or partly (without its errors)."""
        row = self.session.scalars(
            select(IngestionRunRow)
            .where(IngestionRunRow.status.in_(_SUCCEEDED))
            .order_by(IngestionRunRow.id.desc())
            .limit(1)
        ).first()
        return IngestionRun.model_validate(row) if row is not None else None

    def of_process(self, host: str, pid: int, since: datetime) -> IngestionRun | None:
        """The newest run that process ``pid`` of ``host`` started at or after ``since``."""
        row = self.session.scalars(
            select(IngestionRunRow)
            .where(
                IngestionRunRow.host == host,
                IngestionRunRow.pid == pid,
                IngestionRunRow.started_at >= since,
            )
            .order_by(IngestionRunRow.id.desc())
            .limit(1)
        ).first()
        return IngestionRun.model_validate(row) if row is not None else None

    def _errors(self, run_ids: list[int], per_run: int | None) -> dict[int, list[IngestionError]]:
        found: dict[int, list[IngestionError]] = defaultdict(list)
        if not run_ids:
            return found
        query = (
            select(IngestionErrorRow)
            .where(IngestionErrorRow.run_id.in_(run_ids))
            .order_by(IngestionErrorRow.run_id, IngestionErrorRow.id)
        )
        for row in self.session.scalars(query):
            if per_run is None or len(found[row.run_id]) < per_run:
                found[row.run_id].append(IngestionError.model_validate(row))
        return found


class RejectRepository:
    """Reads ``rejected_inputs``: inputs rejected and not loaded since."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def recent(self, *, limit: int = 50) -> list[RejectedInput]:
        """The inputs last met most recently first."""
        rows = self.session.scalars(
            select(RejectedInputRow)
            .order_by(RejectedInputRow.last_seen_at.desc(), RejectedInputRow.id.desc())
            .limit(limit)
        ).all()
        return [RejectedInput.model_validate(row) for row in rows]
