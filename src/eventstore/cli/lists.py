"""List commands: timeline, claims, experts, sources, articles; each pages alike (as
runs, rejects and changes do).

Every one takes ``--limit`` and ``--after``; under ``--json`` it prints one page as
``{"items": [...], "next_after": cursor}`` (null on the last page), in other formats the
cursor goes to stderr as ``more: --after CURSOR``.
"""

from __future__ import annotations

from datetime import date, datetime

import click

from eventstore.cli.context import AppContext, err_console, pass_app
from eventstore.cli.output import (
    after_option,
    limit_option,
    output_options,
    print_page,
    resolve_format,
)
from eventstore.models import ArticleSummary, Claim, Expert, Page, Source, TimelineEvent

DATE = click.DateTime(formats=["%Y-%m-%d"])


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


# The fields a table shows (every format else prints every field, named alike).
_EVENT_TABLE = (
    "event_id",
    "date_label",
    "date_qualifier",
    "summary",
    "article_count",
    "source_names",
)
CLAIM_TABLE = ("claim_id", "expert_name", "kind", "text", "article_count", "source_names")


@click.command()
@click.option("--from", "start", type=DATE, help="First day (YYYY-MM-DD).")
@click.option("--to", "end", type=DATE, help="Last day (YYYY-MM-DD).")
@click.option("--search", help="Full-text search over event summaries.")
@click.option("--source", help="Only events linked to this source.")
@click.option("--expert", help="Only events reported in articles featuring this expert.")
@click.option("--min-articles", type=click.IntRange(1), default=1, show_default=True)
@click.option(
    "--include-undated",
    is_flag=True,
    help="With --from/--to: list the events whose year is unknown after the range.",
)
@limit_option(1000)
@after_option
@output_options
@pass_app
def timeline(
    app: AppContext,
    *,
    start: datetime | None,
    end: datetime | None,
    search: str | None,
    source: str | None,
    expert: str | None,
    min_articles: int,
    include_undated: bool,
    limit: int,
    after: str | None,
    fmt: str | None,
    as_json: bool,
) -> None:
    """Events in date order: dated events, then those whose year is unknown, then undated.

    A date range (--from, --to) cannot place an event whose year is unknown: those are
    left out, and a line on stderr says how many; --include-undated lists them after it.

    \b
    Example:
        eventstore timeline --from 2023-07-01 --to 2023-09-30 --min-articles 2
    """
    ranged = start is not None or end is not None
    with app.store().reading() as read:
        page = read.events.timeline(
            _day(start),
            _day(end),
            search=search,
            source=source,
            expert=expert,
            min_articles=min_articles,
            limit=limit,
            after=after,
            include_undated=include_undated,
        )
        left_out = 0
        if ranged and not include_undated:
            left_out = read.events.yearless_count(
                search=search, source=source, expert=expert, min_articles=min_articles
            )
    print_page(page, resolve_format(fmt, as_json), _EVENT_TABLE, model=TimelineEvent)
    if left_out:
        err_console().print(
            f"left out: {left_out} event{'s' if left_out > 1 else ''} whose year is unknown "
            "(--include-undated lists them after the range)",
            highlight=False,
            markup=False,
        )


@click.command()
@click.option("--search", help="Full-text search (every word must match; stemmed).")
@click.option("--expert", help="Only this expert's claims (name, any spelling, or id).")
@click.option("--article", help="Only the claims of this article (external id or id).")
@limit_option(100)
@after_option
@output_options
@pass_app
def claims(
    app: AppContext,
    *,
    search: str | None,
    expert: str | None,
    article: str | None,
    limit: int,
    after: str | None,
    fmt: str | None,
    as_json: bool,
) -> None:
    """Claims: searched, by expert, by article, or all of them.

    \b
    Example:
        eventstore claims --search "Military Balance" --json
    """
    with app.store().reading() as read:
        repository = read.claims
        if search is not None:
            hits = repository.search(search, expert=expert, limit=limit)
            page: Page[Claim] = Page(items=tuple(hits))
        elif article is not None:
            page = Page(items=tuple(repository.by_article(article)))
        elif expert is not None:
            page = repository.by_expert(expert, limit=limit, after=after)
        else:
            page = repository.list(limit=limit, after=after)
    print_page(page, resolve_format(fmt, as_json), CLAIM_TABLE, model=Claim)


_EXPERT_TABLE = (
    "expert_id",
    "name",
    "kind",
    "role",
    "affiliation",
    "claim_count",
    "article_count",
    "featured_count",
)


@click.command()
@limit_option(1000)
@after_option
@output_options
@pass_app
def experts(app: AppContext, limit: int, after: str | None, fmt: str | None, as_json: bool) -> None:
    """People whose statements are recorded, the most prolific first.

    \b
    Example:
        eventstore experts --json
    """
    with app.store().reading() as read:
        page = read.experts.list(limit=limit, after=after)
    print_page(page, resolve_format(fmt, as_json), _EXPERT_TABLE, model=Expert)


_SOURCE_TABLE = (
    "source_id",
    "name",
    "kind",
    "article_count",
    "event_count",
    "claim_count",
    "citing_article_count",
)


@click.command()
@limit_option(1000)
@after_option
@output_options
@pass_app
def sources(app: AppContext, limit: int, after: str | None, fmt: str | None, as_json: bool) -> None:
    """Sources and their reach: articles published, events and claims that name them.

    \b
    Example:
        eventstore sources --format csv > sources.csv
    """
    with app.store().reading() as read:
        page = read.sources.list(limit=limit, after=after)

    print_page(page, resolve_format(fmt, as_json), _SOURCE_TABLE, model=Source)


_ARTICLE_TABLE = (
    "id",
    "external_id",
    "title",
    "outlet",
    "published_on",
    "claim_count",
    "event_count",
)


@click.command()
@click.option("--search", help="Full-text search over titles and bodies.")
@click.option("--outlet", help="Only articles of this outlet.")
@click.option("--from", "start", type=DATE, help="Published on or after (YYYY-MM-DD).")
@click.option("--to", "end", type=DATE, help="Published on or before (YYYY-MM-DD).")
@limit_option(100)
@after_option
@output_options
@pass_app
def articles(
    app: AppContext,
    *,
    search: str | None,
    outlet: str | None,
    start: datetime | None,
    end: datetime | None,
    limit: int,
    after: str | None,
    fmt: str | None,
    as_json: bool,
) -> None:
    """Articles in load order, or the best matches of a full-text search.

    \b
    Example:
        eventstore articles --search "Vostochny Cosmodrome"
    """
    with app.store().reading() as read:
        repository = read.articles
        if search is not None:
            page: Page[ArticleSummary] = Page(items=tuple(repository.search(search, limit=limit)))
        else:
            page = repository.list(
                outlet=outlet,
                published_from=_day(start),
                published_to=_day(end),
                limit=limit,
                after=after,
            )

    print_page(page, resolve_format(fmt, as_json), _ARTICLE_TABLE, model=ArticleSummary)


COMMANDS = (timeline, claims, experts, sources, articles)
