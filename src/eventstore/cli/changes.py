"""``eventstore changes``: the change feed, for services that follow the store."""

from __future__ import annotations

import click

from eventstore.cli.context import AppContext, pass_app
from eventstore.cli.output import emit, output_options, resolve_format

_COLUMNS = ("seq", "entity", "id", "op", "into", "run", "at (UTC)")


@click.command()
@click.option(
    "--since", type=click.IntRange(0), default=0, show_default=True, help="Last seq read."
)
@click.option("--limit", type=click.IntRange(1, 100_000), default=100, show_default=True)
@output_options
@pass_app
def changes(app: AppContext, since: int, limit: int, fmt: str | None, as_json: bool) -> None:
    """Changes after seq SINCE, oldest first: every insert, update, merge and delete of an
    article, source, expert, claim or event, in the order loads committed them.

    Save the last seq you read and pass it as --since next time. A merge names the id
    the row was merged into; `eventstore event ID` follows merged ids.

    \b
    Example:
        eventstore changes --since 120 --limit 50 --json
    """
    with app.store().reading() as read:
        found = read.changes.since(since, limit=limit)
    rows = [
        {
            "seq": change.seq,
            "entity": change.entity,
            "id": change.entity_id,
            "op": change.op,
            "into": change.survivor_id,
            "run": change.run_id,
            "at (UTC)": change.changed_at.strftime("%Y-%m-%d %H:%M:%S"),
        }
        for change in found
    ]
    document = [change.model_dump(mode="json") for change in found]
    emit(
        rows, fmt=resolve_format(fmt, as_json), columns=_COLUMNS, title="changes", document=document
    )
