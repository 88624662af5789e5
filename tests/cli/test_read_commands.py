"""The read commands on the seeds, as an analyst runs them (issue 4's acceptance)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from eventstore.cli import main
from tests.goldcheck import SEED_GOLD, read_gold

REPO = Path(__file__).resolve().parents[2]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def seeded(seeded_url: str) -> str:
    """A database with the seeds loaded."""
    return seeded_url


def _json(db_url: str, *args: str) -> object:
    code, out, err = run("--database-url", db_url, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def _items(db_url: str, *args: str) -> list[dict[str, Any]]:
    """The items of a list command's JSON page (``{"items": [...], "next_after": ...}``)."""
    page = _json(db_url, *args)
    assert isinstance(page, dict)
    assert set(page) == {"items", "next_after"}
    return list(page["items"])


def test_timeline_lists_every_gold_event_in_date_order(seeded: str) -> None:
    events = _items(seeded, "timeline")
    assert isinstance(events, list)
    gold = read_gold(SEED_GOLD)["events"]
    summaries = [event["summary"] for event in events]
    for item in gold:
        anchor = item["mentions"][0]["anchor"]
        found = [s for s in summaries if anchor in s]
        assert len(found) == 1 or item.get("either"), (item["id"], found)

    def key(event: dict[str, int | None]) -> tuple[int, ...]:
        group = 2 if event["date_precision"] == "unknown" else (1 if event["year"] is None else 0)
        return (group, event["year"] or 0, event["month"] or 0, event["day"] or 0)

    assert [key(e) for e in events] == sorted(key(e) for e in events)  # type: ignore[arg-type]


def test_claim_search_finds_katkovs_military_balance_claim(seeded: str) -> None:
    hits = _items(seeded, "claims", "--search", "Military Balance")
    assert isinstance(hits, list)
    assert [(h["expert_name"], h["kind"]) for h in hits] == [("Oleh Katkov", "quote")]
    assert "21,500 artillery systems" in hits[0]["text"]


def test_experts_lists_the_five_experts_with_counts(seeded: str) -> None:
    listed = {e["name"]: e for e in _items(seeded, "experts")}
    gold = [e["name"] for e in read_gold(SEED_GOLD)["experts"]]
    assert set(gold) <= set(listed)
    assert (listed["Oleh Katkov"]["claim_count"], listed["Oleh Katkov"]["featured_count"]) == (8, 2)
    assert listed["Oleksandr Kraiev"]["article_count"] == 2
    assert listed["Alina Hrytsenko"]["claim_count"] == 4


def test_event_shows_the_four_mentions_of_the_august_31_sanctions(seeded: str) -> None:
    events = _items(seeded, "timeline", "--search", "sanctions Russian citizens")
    assert isinstance(events, list)
    [sanctions] = [e for e in events if e["month"] == 8 and e["day"] == 31]
    detail = _json(seeded, "event", str(sanctions["event_id"]))
    assert isinstance(detail, dict)
    assert len(detail["mentions"]) == 4
    assert sorted(m["external_id"][:3] for m in detail["mentions"]) == ["000", "001", "002", "004"]
    code, out, _ = run("--database-url", seeded, "event", str(sanctions["event_id"]))
    assert code == 0
    for article in ("000", "001", "002", "004"):
        assert f"│ {article}_" in out
    assert "│ 003_" not in out


def test_expert_accepts_a_spelling_variant(seeded: str) -> None:
    code, out, _ = run("--database-url", seeded, "expert", "oleksandr  MUSIENKO", "--json")
    assert code == 0
    found = json.loads(out)
    assert found["affiliation"] == "Center for Military Legal Studies"
    assert len(found["claims"]) == found["claim_count"]


def test_unknown_expert_exits_1_with_a_reason(seeded: str) -> None:
    code, _, err = run("--database-url", seeded, "expert", "Nobody Atall")
    assert code == 1
    assert "no expert named 'Nobody Atall'" in err


def test_sources_articles_and_stats(seeded: str) -> None:
    sources = {s["name"]: s for s in _items(seeded, "sources")}
    assert sources["Espreso TV"]["article_count"] == 5
    assert sources["White House"]["event_count"] == 2
    articles = _items(seeded, "articles", "--search", "Vostochny")
    assert sorted(a["external_id"][:3] for a in articles) == ["001", "004"]
    stats = _json(seeded, "stats")
    assert stats["counts"]["articles"] == 5  # type: ignore[index]


def test_csv_output_has_a_header_and_a_row_per_item(seeded: str) -> None:
    code, out, _ = run("--database-url", seeded, "experts", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert {"Oleh Katkov", "Alina Hrytsenko"} <= {row["name"] for row in rows}


def test_export_streams_every_table(seeded: str, tmp_path: Path) -> None:
    code, _, err = run("--database-url", seeded, "export", "--output", str(tmp_path / "all.jsonl"))
    assert code == 0
    lines = [json.loads(line) for line in (tmp_path / "all.jsonl").read_text().splitlines()]
    assert sum(1 for line in lines if line["table"] == "articles") == 5
    assert "articles 5" in err
    code, _, _ = run(
        "--database-url", seeded, "export", "--format", "csv", "--output", str(tmp_path / "csv")
    )
    with (tmp_path / "csv" / "events.csv").open() as handle:
        assert {"id", "year", "summary"} <= set(next(csv.reader(handle)))


def test_export_of_several_tables_as_csv_needs_a_directory(seeded: str) -> None:
    assert run("--database-url", seeded, "export", "--format", "csv")[0] == 2


def test_named_query_runs_with_typed_parameters(seeded: str) -> None:
    code, out, _ = run("--database-url", seeded, "query", "--list", "--json")
    assert code == 0
    names = [q["name"] for q in json.loads(out)]
    assert len(names) >= 10
    code, out, err = run("--database-url", seeded, "query", names[0], "--param", "nope=1")
    assert code == 2
    assert "unknown parameter" in err


@pytest.mark.parametrize("command", ["timeline", "claims", "experts", "sources", "articles"])
def test_every_list_pages_with_limit_and_after_and_json_carries_the_cursor(
    seeded: str, command: str
) -> None:
    whole = _items(seeded, command)
    paged: list[dict[str, Any]] = []
    after: list[str] = []
    while True:
        page = _json(seeded, command, "--limit", "2", *after)
        assert isinstance(page, dict)
        paged += page["items"]
        if page["next_after"] is None:
            break
        after = ["--after", page["next_after"]]
    assert len(whole) > 2
    assert paged == whole


def test_the_cursor_of_a_table_is_on_stderr(seeded: str) -> None:
    code, out, err = run("--database-url", seeded, "experts", "--limit", "1", "--format", "csv")
    assert code == 0
    assert len(out.splitlines()) == 2
    assert err.startswith("more: --after ")
    cursor = err.split()[-1]
    code, out, err = run("--database-url", seeded, "experts", "--after", cursor, "--json")
    assert (code, err) == (0, "")
    assert len(json.loads(out)["items"]) == len(_items(seeded, "experts")) - 1


def test_a_date_range_says_how_many_yearless_events_it_left_out(seeded: str) -> None:
    yearless = [e["event_id"] for e in _items(seeded, "timeline") if e["year"] is None]
    assert len(yearless) > 5
    september = ("timeline", "--from", "2023-09-01", "--to", "2023-09-30", "--json")
    code, out, err = run("--database-url", seeded, *september)
    assert code == 0
    assert json.loads(out)["items"] == []
    assert err == (
        f"left out: {len(yearless)} events whose year is unknown "
        "(--include-undated lists them after the range)\n"
    )
    code, out, err = run("--database-url", seeded, *september, "--include-undated")
    assert (code, err) == (0, "")
    assert [e["event_id"] for e in json.loads(out)["items"]] == yearless


def test_query_list_shows_what_each_parameter_means() -> None:
    code, out, _ = run("query", "--list", "--json")
    assert code == 0
    listed = {q["name"]: q for q in json.loads(out)}
    [expert] = listed["expert_claims"]["params"]
    assert (expert["name"], expert["type"]) == ("expert", "pattern")
    assert expert["help"].startswith("any part of the name")
    code, out, _ = run("query", "--list", "--format", "csv")
    assert "expert (pattern): any part of the name, e.g. katkov" in out


def test_a_pattern_parameter_matches_any_part_of_a_name(seeded: str) -> None:
    args = ("query", "expert_claims", "--param", "expert=Katkov", "--format", "jsonl")
    code, out, _ = run("--database-url", seeded, *args)
    assert code == 0
    assert {json.loads(line)["expert_name"] for line in out.splitlines()} == {"Oleh Katkov"}
