"""One output contract: each object has one set of field names in ``--json``, JSON lines,
CSV, the repositories' models and its SQL view (or table), and every moment is ISO 8601
UTC with ``Z``, on both databases."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from eventstore.cli import main
from eventstore.models import (
    ArticleSummary,
    Change,
    Claim,
    Expert,
    IngestionRun,
    Model,
    RejectedInput,
    Source,
    TimelineEvent,
)
from eventstore.store import Store
from tests.conftest import copy_of_store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MOMENT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$")


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


# object: (list command, the SQL relation it reads, fields it adds to that relation)
OBJECTS: dict[str, tuple[str, str, set[str]]] = {
    "event": ("timeline", "v_timeline", set()),
    "claim": ("claims", "v_claims", set()),
    "expert": ("experts", "v_experts", set()),
    "source": ("sources", "v_sources", set()),
    "article": (
        "articles",
        "articles",
        {"outlet", "featured_expert", "claim_count", "event_count"},
    ),
    "run": ("runs", "ingestion_runs", {"errors"}),
    "reject": ("rejects", "rejected_inputs", set()),
    "change": ("changes", "changes", set()),
}

MODELS: dict[str, type[Model]] = {
    "event": TimelineEvent,
    "claim": Claim,
    "expert": Expert,
    "source": Source,
    "article": ArticleSummary,
    "run": IngestionRun,
    "reject": RejectedInput,
    "change": Change,
}


@pytest.fixture
def loaded(request: pytest.FixtureRequest, tmp_path: Path, dialect: str) -> str:
    """The seeds and one rejected file loaded: a row of every object."""

    def fill(url: str) -> None:
        rejected = request.getfixturevalue("tmp_path_factory").mktemp("rejected")
        (rejected / "empty.txt").write_bytes(b"")
        result = CliRunner().invoke(
            main, ["--database-url", url, "load", str(SEEDS), str(rejected)]
        )
        assert result.exit_code == 65, result.output

    return copy_of_store(request, tmp_path, dialect, "seeds-and-a-rejected-file", fill)


def _formats(db_url: str, command: str) -> dict[str, tuple[list[str], list[dict[str, Any]]]]:
    """The field names and rows a list command prints in JSON, JSON lines and CSV."""
    page = json.loads(run("--database-url", db_url, command, "--json"))
    assert set(page) == {"items", "next_after"}
    lines = [
        json.loads(line)
        for line in run("--database-url", db_url, command, "--format", "jsonl").splitlines()
    ]
    reader = csv.DictReader(io.StringIO(run("--database-url", db_url, command, "--format", "csv")))
    rows = list(reader)
    assert [len(page["items"]), len(lines)] == [len(rows)] * 2
    assert rows, f"{command} printed no rows"
    return {
        "json": (list(page["items"][0]), page["items"]),
        "jsonl": (list(lines[0]), lines),
        "csv": (list(reader.fieldnames or ()), rows),
    }


def _relation_columns(db_url: str, relation: str) -> set[str]:
    with Store.open(db_url) as store, store.connection() as connection:
        return set(connection.execute(text(f"SELECT * FROM {relation} WHERE 1 = 0")).keys())


@pytest.mark.parametrize("name", list(OBJECTS), ids=list(OBJECTS))
def test_an_object_has_one_set_of_field_names_in_every_format(loaded: str, name: str) -> None:
    command, relation, added = OBJECTS[name]
    shapes = _formats(loaded, command)
    fields = shapes["json"][0]

    assert shapes["jsonl"][0] == fields
    assert shapes["csv"][0] == fields
    columns = _relation_columns(loaded, relation)
    assert set(fields) - added <= columns, f"not in {relation}: {set(fields) - added - columns}"
    assert added.isdisjoint(columns)


@pytest.mark.parametrize("name", ["expert", "source"])
def test_experts_and_sources_print_every_column_of_their_view(loaded: str, name: str) -> None:
    command, relation, _ = OBJECTS[name]
    assert set(_formats(loaded, command)["json"][0]) == _relation_columns(loaded, relation)


def test_a_list_is_a_list_in_json_and_joined_in_csv_under_the_same_name(loaded: str) -> None:
    shapes = _formats(loaded, "claims")
    cited = [item for item in shapes["json"][1] if len(item["source_names"]) > 0]
    assert cited, "some claim cites a source"
    assert isinstance(cited[0]["source_names"], list)
    by_id = {row["claim_id"]: row for row in shapes["csv"][1]}
    row = by_id[str(cited[0]["claim_id"])]
    assert row["source_names"] == "; ".join(cited[0]["source_names"])
    with Store.open(loaded) as store, store.connection() as connection:
        viewed = connection.execute(
            text("SELECT source_names FROM v_claims WHERE claim_id = :id"),
            {"id": cited[0]["claim_id"]},
        ).scalar_one()
    assert viewed == row["source_names"]


def test_the_repositories_models_carry_the_json_names(loaded: str) -> None:
    with Store.open(loaded) as store, store.reading() as read:
        models = {
            "timeline": read.events.timeline(limit=1).items[0],
            "claims": read.claims.list(limit=1).items[0],
            "experts": read.experts.list(limit=1).items[0],
            "sources": read.sources.list(limit=1).items[0],
            "articles": read.articles.list(limit=1).items[0],
            "runs": read.runs.list(limit=1).items[0],
            "rejects": read.rejects.list(limit=1).items[0],
            "changes": read.changes.page(limit=1).items[0],
        }
    for command, model in models.items():
        printed = json.loads(run("--database-url", loaded, command, "--json", "--limit", "1"))
        assert list(model.model_dump()) == list(printed["items"][0]), command


@pytest.mark.parametrize("command", ["experts", "articles", "runs", "rejects", "changes"])
def test_every_moment_is_iso_utc_with_z(loaded: str, command: str) -> None:
    moments = 0
    for fmt, (fields, rows) in _formats(loaded, command).items():
        for row in rows:
            for field in fields:
                if field.endswith("_at") and row[field] not in (None, ""):
                    assert MOMENT.match(row[field]), (fmt, field, row[field])
                    moments += 1
    assert moments >= 3


def test_export_and_health_write_moments_with_z(loaded: str, tmp_path: Path) -> None:
    out = run("--database-url", loaded, "export", "--table", "ingestion_runs")
    [exported] = [json.loads(line) for line in out.splitlines()]
    assert MOMENT.match(exported["started_at"]), exported["started_at"]
    run(
        "--database-url",
        loaded,
        "export",
        "--format",
        "csv",
        "--table",
        "articles",
        "--output",
        str(tmp_path / "a.csv"),
    )
    with (tmp_path / "a.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 5
    assert all(MOMENT.match(row["ingested_at"]) for row in rows), rows[0]["ingested_at"]
    result = CliRunner().invoke(main, ["--database-url", loaded, "health", "--json"])
    assert MOMENT.match(json.loads(result.stdout)["last_success_at"])


@pytest.mark.parametrize("name", list(OBJECTS), ids=list(OBJECTS))
def test_an_empty_list_still_prints_the_whole_csv_header(db_url: str, name: str) -> None:
    command, relation, added = OBJECTS[name]
    out = run("--database-url", db_url, command, "--format", "csv")
    [header] = list(csv.reader(io.StringIO(out)))
    assert set(header) - added <= _relation_columns(db_url, relation)
    assert header == list(MODELS[name].model_fields)  # every field, not a table's few
