"""Ingestion runs and their errors, newest first; inputs rejected and not loaded since."""

from __future__ import annotations

import builtins
from collections import defaultdict
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from eventstore.models import IngestionError, IngestionRun, Page, RejectedInput
from eventstore.repositories._paging import decode_ints, encode
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

    def list(
        self, *, limit: int = 10, after: str | None = None, errors_per_run: int = 50
    ) -> Page[IngestionRun]:
        """Runs newest first, ``limit`` at a time, each with up to ``errors_per_run`` of
        its errors; the cursor is the id of a page's last (oldest) run."""
        query = select(IngestionRunRow).order_by(IngestionRunRow.id.desc())
        if after is not None:
            query = query.where(IngestionRunRow.id < decode_ints(after, 1)[0])
        runs = self.session.scalars(query.limit(limit + 1)).all()
        more, runs = len(runs) > limit, runs[:limit]
        errors = self._errors([run.id for run in runs], errors_per_run)
        items = tuple(
            IngestionRun.model_validate(run).model_copy(update={"errors": tuple(errors[run.id])})
            for run in runs
        )
        return Page(items=items, next_after=encode([runs[-1].id]) if more else None)

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

    def _errors(
        self, run_ids: builtins.list[int], per_run: int | None
    ) -> dict[int, builtins.list[IngestionError]]:
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

    def list(self, *, limit: int = 50, after: str | None = None) -> Page[RejectedInput]:
        """The inputs last met most recently first, ``limit`` at a time; the cursor is
        the id of a page's last input (one that left the list since ends the listing)."""
        rows = RejectedInputRow
        query = select(rows).order_by(rows.last_seen_at.desc(), rows.id.desc())
        if after is not None:
            last_id = decode_ints(after, 1)[0]
            seen = select(rows.last_seen_at).where(rows.id == last_id).scalar_subquery()
            query = query.where(
                or_(rows.last_seen_at < seen, and_(rows.last_seen_at == seen, rows.id < last_id))
            )
        found = self.session.scalars(query.limit(limit + 1)).all()
        more, found = len(found) > limit, found[:limit]
        items = tuple(RejectedInput.model_validate(row) for row in found)
        return Page(items=items, next_after=encode([found[-1].id]) if more else None)

    def recent(self, *, limit: int = 50) -> builtins.list[RejectedInput]:
        """The inputs last met most recently first."""
        rows = self.session.scalars(
            select(RejectedInputRow)
            .order_by(RejectedInputRow.last_seen_at.desc(), RejectedInputRow.id.desc())
            .limit(limit)
        ).all()
        return [RejectedInput.model_validate(row) for row in rows]
