"""``eventstore evaluate`` through click's runner: the table, the JSON document, and the
one-line errors a bad gold file gets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventstore.cli import main
from eventstore.db import make_engine
from eventstore.evaluate import FIGURE_NAMES
from tests.evaluate.helpers import SEED_GOLD, execute

SQLITE_ONLY = pytest.mark.parametrize("dialect", ["sqlite"], indirect=True)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def seeded(seeded_url: str) -> str:
    """A database with the seeds loaded."""
    return seeded_url


def test_the_json_document_has_every_figure_with_its_counts(seeded: str) -> None:
    code, out, err = run("--database-url", seeded, "evaluate", str(SEED_GOLD), "--json")
    assert code == 0, err
    document = json.loads(out)
    assert document["gold_files"] == [str(SEED_GOLD)]
    assert document["articles"] == {"named": 5, "loaded": 5}
    assert list(document["figures"]) == list(FIGURE_NAMES)
    for name, figure in document["figures"].items():
        assert set(figure) == {"value", "numerator", "denominator", "misses"}, name
        assert figure["value"] == 1.0
        assert figure["numerator"] == figure["denominator"] > 0
        assert figure["misses"] == []


def test_the_table_lists_every_figure_and_details_list_the_misses(seeded: str) -> None:
    engine = make_engine(seeded)
    execute(engine, "UPDATE articles SET source_id = NULL WHERE external_id LIKE '002%'")
    engine.dispose()
    code, out, _ = run("--database-url", seeded, "evaluate", str(SEED_GOLD), "--details")
    assert code == 0
    for name in FIGURE_NAMES:
        assert name in out
    assert "0.800" in out
    assert "outlets: 002_8eed7f64ee0bb514: no outlet, expected 'Espreso TV'" in out
    code, out, _ = run("--database-url", seeded, "evaluate", str(SEED_GOLD))
    assert "expected 'Espreso TV'" not in out  # misses only with --details


def test_an_empty_database_reports_na(db_url: str) -> None:
    code, out, _ = run("--database-url", db_url, "db", "upgrade")
    assert code == 0
    code, out, _ = run("--database-url", db_url, "evaluate", str(SEED_GOLD), "--json")
    figures = json.loads(out)["figures"]
    assert figures["attribution"] == {
        "value": None,
        "numerator": 0,
        "denominator": 0,
        "misses": [],
    }
    code, out, _ = run("--database-url", db_url, "evaluate", str(SEED_GOLD))
    assert "n/a" in out


BAD_GOLD = {
    "yaml": ("articles: [unclosed\n", "not valid YAML: expected ',' or ']'"),
    "list": ("- a list\n", "expected a mapping with an `articles` key"),
    "no-mentions": (
        "articles: {a: {outlet: X}}\nclaims:\n  - {id: x, expert: A}\n",
        "claims[0] (x).mentions: Field required",
    ),
    "misspelt-key": (
        "articles: {a: {outlet: X}}\nclaims:\n"
        "  - {id: x, expert: A, mentions: [], optional_mention: []}\n",
        "claims[0] (x).optional_mention: Extra inputs are not permitted",
    ),
    "bad-precision": (
        "articles: {a: {outlet: X}}\nevents:\n"
        "  - {id: e, date: {precision: sometimes}, mentions: [{article: a, anchor: b}]}\n",
        "events[0] (e).date.precision[0]: Input should be 'day', 'month', 'year' or 'unknown'",
    ),
    "bad-year": (
        "articles: {a: {outlet: X}}\nevents:\n"
        "  - {id: e, date: {precision: day, year: {maybe: [1]}}, mentions: []}\n",
        "events[0] (e).date.year: Value error, expected a value, {any_of: [...]} or {null_or",
    ),
    "unknown-article": (
        "articles: {a: {outlet: X}}\nevents:\n  - {id: e, mentions: [{article: z, anchor: b}]}\n",
        "events: e: article 'z' is not under `articles`",
    ),
    "duplicate-id": (
        "articles: {a: {}}\nevents:\n  - {id: e, mentions: [{article: a, anchor: b}]}\n"
        "  - {id: e, mentions: [{article: a, anchor: c}]}\n",
        "events: item id 'e' is used twice",
    ),
}


@SQLITE_ONLY
@pytest.mark.parametrize("name", list(BAD_GOLD), ids=list(BAD_GOLD))
def test_a_malformed_gold_file_gets_one_line_and_exit_65(
    db_url: str, tmp_path: Path, name: str
) -> None:
    text, reason = BAD_GOLD[name]
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run("--database-url", db_url, "evaluate", str(path))
    assert code == 65
    assert out == ""
    assert err.startswith(f"error: gold file {path}: {reason}"), err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


@SQLITE_ONLY
def test_an_anchor_that_occurs_twice_is_refused(seeded: str, tmp_path: Path) -> None:
    path = tmp_path / "twice.yaml"
    path.write_text(
        "articles: {000_b08e3bd24bb77b56: {outlet: Espreso TV}}\n"
        "claims:\n  - id: vague\n    expert: Oleh Katkov\n"
        "    mentions: [{article: 000_b08e3bd24bb77b56, anchor: DPRK}]\n",
        encoding="utf-8",
    )
    code, _, err = run("--database-url", seeded, "evaluate", str(path))
    assert code == 65
    assert err.startswith(f"error: gold file {path}: vague: anchor 'DPRK' occurs ")
    assert "times in 000_b08e3bd24bb77b56" in err


@SQLITE_ONLY
def test_a_missing_gold_file_exits_66(db_url: str, tmp_path: Path) -> None:
    code, _, err = run("--database-url", db_url, "evaluate", str(tmp_path / "nope.yaml"))
    assert code == 66
    assert err == f"error: gold file {tmp_path / 'nope.yaml'}: no such file\n"


def test_evaluate_has_help_with_an_example() -> None:
    code, out, _ = run("evaluate", "--help")
    assert code == 0
    assert "eventstore evaluate gold/seeds.yaml" in out
