"""Read commands of one thing: event, claim, expert; and stats."""

from __future__ import annotations

from typing import Any

import click

from eventstore.cli.context import AppContext, out_console, pass_app
from eventstore.cli.lists import CLAIM_TABLE
from eventstore.cli.output import dump, emit, output_options, print_models, resolve_format
from eventstore.models import Claim, ClaimDetail, EventDetail


def _emitted(detail: EventDetail | ClaimDetail, fmt: str) -> bool:
    """Print a detail's mentions in a machine format; False for the table format."""
    if fmt == "table":
        return False
    rows = [dump(mention) for mention in detail.mentions]
    emit(rows, fmt=fmt, columns=tuple(rows[0]) if rows else (), document=dump(detail))
    return True


def _print_head(
    entity: str, row_id: int, detail: EventDetail | ClaimDetail, label: str, wording: str
) -> None:
    """The lines above a detail's mentions: a merge followed, id, label, wording, sources."""
    console = out_console()
    if detail.forwarded_from is not None:
        console.print(f"{entity} {detail.forwarded_from} was merged into {entity} {row_id}")
    console.print(f"[bold]{entity} {row_id}[/] {label}", highlight=False)
    console.print(wording, highlight=False)
    links = [f"{link.name} ({link.role})" for link in detail.source_links]
    console.print(f"sources: {', '.join(links) or '-'}", highlight=False)


@click.command()
@click.argument("event_id", type=int)
@output_options
@pass_app
def event(app: AppContext, event_id: int, fmt: str | None, as_json: bool) -> None:
    """One event: its date, every mention (article and sentence) and its sources.

    \b
    Example:
        eventstore event 4
    """
    with app.store().reading() as read:
        detail = read.events.get(event_id)
    if _emitted(detail, resolve_format(fmt, as_json)):
        return
    label = f"{detail.date_label or 'undated'} ({detail.date_precision})"
    _print_head("event", detail.event_id, detail, label, detail.summary)
    rows = [
        {
            "article": m.external_id,
            "date as written": m.date_text,
            "year": f"{m.year}{' (inferred)' if m.year_inferred else ''}" if m.year else "?",
            "match": f"{m.match_method} {m.match_score:.0f}" if m.match_score else m.match_method,
            "sentence": m.text,
            "offsets": f"{m.start_offset}-{m.end_offset}",
            "found by": f"{m.extracted_by} ({m.confidence:.2f})",
        }
        for m in detail.mentions
    ]
    emit(rows, fmt="table", columns=tuple(rows[0]) if rows else (), title="mentions")


@click.command()
@click.argument("claim_id", type=int)
@output_options
@pass_app
def claim(app: AppContext, claim_id: int, fmt: str | None, as_json: bool) -> None:
    """One claim: who said it, every mention (article and sentence) and its sources.

    \b
    Example:
        eventstore claim 12
    """
    with app.store().reading() as read:
        detail = read.claims.get(claim_id)
    if _emitted(detail, resolve_format(fmt, as_json)):
        return
    _print_head(
        "claim", detail.claim_id, detail, f"{detail.expert_name} ({detail.kind})", detail.text
    )
    rows = [
        {
            "article": m.external_id,
            "section": m.section,
            "attribution": m.attribution or "",
            "sentence": m.text,
            "found by": f"{m.extracted_by} ({m.confidence:.2f})",
        }
        for m in detail.mentions
    ]
    emit(rows, fmt="table", columns=tuple(rows[0]) if rows else (), title="mentions")


@click.command()
@click.argument("name")
@output_options
@pass_app
def expert(app: AppContext, name: str, fmt: str | None, as_json: bool) -> None:
    """One expert (by name in any spelling, a unique surname, or id) and their claims.

    \b
    Example:
        eventstore expert "Kim Jong-un"
    """
    with app.store().reading() as read:
        found = read.experts.get(name)
        said = read.claims.by_expert(found.expert_id, limit=100_000).items
    fmt = resolve_format(fmt, as_json)
    if fmt == "json":
        emit([], fmt=fmt, columns=(), document={**dump(found), "claims": [dump(c) for c in said]})
        return
    if fmt == "table":
        role = ", ".join(part for part in (found.role, found.affiliation) if part)
        out_console().print(f"[bold]{found.name}[/] ({found.kind}) {role}", highlight=False)
    print_models(said, fmt, CLAIM_TABLE, model=Claim)


@click.command()
@output_options
@pass_app
def stats(app: AppContext, fmt: str | None, as_json: bool) -> None:
    """What the store holds: rows per table, the span of dated events, loads so far.

    \b
    Example:
        eventstore stats
    """
    with app.store().reading() as read:
        figures = read.stats.stats()
    rows: list[dict[str, Any]] = [
        {"what": name, "value": count} for name, count in figures.counts.items()
    ]
    rows += [
        {"what": "first dated event", "value": figures.first_event},
        {"what": "last dated event", "value": figures.last_event},
        {"what": "loads", "value": figures.runs},
        {"what": "last load", "value": figures.last_run_at},
    ]
    emit(rows, fmt=resolve_format(fmt, as_json), columns=("what", "value"), document=dump(figures))


COMMANDS = (event, claim, expert, stats)
