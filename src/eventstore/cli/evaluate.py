"""``eventstore evaluate``: score the database against gold files (docs/gold.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from eventstore.cli.context import AppContext, out_console, pass_app
from eventstore.cli.output import emit, output_options, resolve_format
from eventstore.evaluate import Figure, Scores
from eventstore.evaluate import evaluate as run_evaluation

COLUMNS = ("figure", "value", "numerator", "denominator", "misses")


def _row(one: Figure) -> dict[str, Any]:
    return {
        "figure": one.name,
        "value": "n/a" if one.value is None else f"{one.value:.3f}",
        "numerator": one.numerator,
        "denominator": one.denominator,
        "misses": len(one.misses),
    }


def _print_details(scores: Scores) -> None:
    console = out_console()
    for one in scores.figures:
        for miss in one.misses:
            console.print(f"{one.name}: {miss}", markup=False, highlight=False)


@click.command()
@click.argument(
    "gold_files", nargs=-1, required=True, metavar="GOLD.yaml...", type=click.Path(path_type=Path)
)
@click.option("--details", is_flag=True, help="After the table, print every miss, one a line.")
@output_options
@pass_app
def evaluate(
    app: AppContext, gold_files: tuple[Path, ...], details: bool, fmt: str | None, as_json: bool
) -> None:
    """Score the database against gold files: recall, precision, attribution, dates,
    merges, experts, sources, outlets and provenance, each in [0, 1] ("n/a" when there
    is nothing to count), with the counts behind it. Several gold files are scored
    together. JSON output always carries the misses; --details prints them after the
    table.

    \b
    Example:
        eventstore load seeds/
        eventstore evaluate gold/seeds.yaml --details
    """
    scores = run_evaluation(app.store().engine, gold_files)
    fmt = resolve_format(fmt, as_json)
    title = f"{scores.articles_loaded} of {scores.articles} gold articles loaded"
    rows = [_row(one) for one in scores.figures]
    emit(rows, fmt=fmt, columns=COLUMNS, title=title, document=scores.as_dict())
    if details and fmt == "table":
        _print_details(scores)
