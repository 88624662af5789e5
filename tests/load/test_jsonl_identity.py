"""Which stored article a JSONL record is, on both dialects: an id from its content
(its url, else its text), never from its line number."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, text

from eventstore.cli import main
from eventstore.load.jsonl import normal_url
from eventstore.load.loader import load_paths

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
DERIVED_ID = re.compile(r"feed-[0-9a-f]{16}")


def record(seed: str, **extra: str) -> dict[str, str]:
    """A JSONL record of the seed article ``seed``: its title and body, and ``extra``."""
    title, body = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8").split("\n", 1)
    return {"title": title, "body": body, **extra}


def write_feed(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def articles(engine: Engine) -> dict[str, tuple[str, int]]:
    """Stored articles: title -> (external_id, id)."""
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT title, external_id, id FROM articles")).all()
    return {title: (external_id, article_id) for title, external_id, article_id in rows}


def bodies(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT external_id, body FROM articles ORDER BY id"))
        return [(external_id, body) for external_id, body in rows]


def test_a_prepended_record_renames_no_stored_article(engine: Engine, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    first = [record("000_b08e3bd24bb77b56"), record("001_873ae39e16960142")]
    first.append(record("002_8eed7f64ee0bb514"))
    write_feed(feed, first)
    assert load_paths(engine, [feed]).totals.added == 3
    before = articles(engine)

    write_feed(feed, [record("003_7b92abb2997c6845"), *first])
    report = load_paths(engine, [feed])

    after = articles(engine)
    assert (report.totals.added, report.totals.updated, report.totals.unchanged) == (1, 0, 3)
    assert len(after) == 4
    assert {title: after[title] for title in before} == before
    assert all(DERIVED_ID.fullmatch(external_id) for external_id, _ in after.values())


def test_a_record_with_a_url_is_updated_in_place(engine: Engine, tmp_path: Path) -> None:
    url = "https://example.org/news/musienko"
    feed = write_feed(tmp_path / "feed.jsonl", [record("003_7b92abb2997c6845", url=url)])
    load_paths(engine, [feed])
    [(external_id, _)] = bodies(engine)
    before = articles(engine)

    edited = record("003_7b92abb2997c6845", url="HTTPS://Example.org/news/musienko#top")
    edited["body"] += "\nThe ministry declined to comment."
    write_feed(feed, [record("000_b08e3bd24bb77b56"), edited])
    report = load_paths(engine, [feed])

    assert (report.totals.added, report.totals.updated) == (1, 1)
    assert articles(engine)[edited["title"]] == before[edited["title"]]
    stored = dict(bodies(engine))
    assert stored[external_id].endswith("The ministry declined to comment.")


def test_an_edited_record_without_url_or_id_is_a_new_article(
    engine: Engine, tmp_path: Path
) -> None:
    original = record("003_7b92abb2997c6845")
    feed = write_feed(tmp_path / "feed.jsonl", [original])
    load_paths(engine, [feed])
    [(old_id, old_body)] = bodies(engine)

    edited = {**original, "body": original["body"] + "\nThe ministry declined to comment."}
    write_feed(feed, [edited])
    report = load_paths(engine, [feed])

    assert (report.totals.added, report.totals.updated) == (1, 0)
    stored = bodies(engine)
    assert stored[0] == (old_id, old_body)
    assert stored[1][0] != old_id
    assert stored[1][1].endswith("The ministry declined to comment.")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_the_later_of_two_records_with_one_id_wins_on_every_load(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:
    url = "https://example.org/news/musienko"
    earlier = record("003_7b92abb2997c6845", url=url)
    later = {**earlier, "body": earlier["body"] + "\nThe ministry declined to comment."}
    feed = write_feed(tmp_path / "feed.jsonl", [earlier, later])

    for expected in ((1, 0), (0, 1)):
        code, out, err = run("--database-url", db_url, "load", str(feed), "--json")
        summary = json.loads(out)
        assert code == 0
        assert (summary["added"], summary["unchanged"], summary["updated"]) == (*expected, 0)
        assert f"{feed}:1: skipped: line 2 has the same id (feed-" in err
        [(_, body)] = bodies(engine)
        assert body.endswith("The ministry declined to comment.")


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        ("HTTPS://Example.ORG:443/Path?q=1#frag", "https://example.org/Path?q=1"),
        ("http://example.org", "http://example.org/"),
        ("http://example.org:8080/a", "http://example.org:8080/a"),
        ("  example.org/a  ", "example.org/a"),
    ],
    ids=["case-port-fragment", "empty-path", "other-port", "not-absolute"],
)
def test_normal_url(url: str, normal: str) -> None:
    assert normal_url(url) == normal
