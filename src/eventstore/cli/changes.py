"""``eventstore changes``: the change feed, for services that follow the store."""

from __future__ import annotations

import click

from eventstore.cli.context import AppContext, pass_app
from eventstore.cli.output import (
    after_option,
    limit_option,
    output_options,
    print_page,
    resolve_format,
)
from eventstore.errors import UsageError
from eventstore.models import Change

_TABLE = ("seq", "entity", "entity_id", "op", "survivor_id", "run_id", "changed_at")


@click.command()
@click.option(
    "--since", type=click.IntRange(0), default=None, help="Last seq read (default: 0, the start)."
)
@limit_option(100)
@after_option
@output_options
@pass_app
def changes(
    app: AppContext,
    *,
    since: int | None,
    limit: int,
    after: str | None,
    fmt: str | None,
    as_json: bool,
) -> None:
    """Changes after seq SINCE, oldest first: every insert, update, merge and delete of an
    article, source, expert, claim or event, in the order loads committed them.

    Save the last seq you read and pass it as --since next time (--after takes the
    next_after of a page, which is a seq too). A merge names the id the row was merged
    into (survivor_id); `eventstore event ID` follows merged ids.

    \b
    Example:
        eventstore changes --since 120 --limit 50 --json
    """
    if since is not None and after is not None:
        raise UsageError("give --since or --after, not both")
    with app.store().reading() as read:
        page = read.changes.page(since or 0, limit=limit, after=after)
    print_page(page, resolve_format(fmt, as_json), _TABLE, model=Change, title="changes")
