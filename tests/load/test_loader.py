"""The loader on both dialects: idempotent, order-independent, updates, bad input."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from eventstore import migrations
from eventstore.db import make_engine
from eventstore.errors import SchemaOutOfDate
from eventstore.extract import extract_article
from eventstore.load.loader import LoadOptions, load_paths
from tests.goldcheck import SEED_GOLD, check, read_gold

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
CONTENT_TABLES = (
    "sources",
    "experts",
    "articles",
    "claims",
    "claim_mentions",
    "claim_sources",
    "events",
    "event_mentions",
    "event_sources",
)


def dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every content table, in id order."""
    with engine.connect() as connection:
        return {
            table: [
                tuple(row) for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY id"))
            ]
            for table in CONTENT_TABLES
        }


def content(engine: Engine) -> dict[str, set[Any]]:
    """What the store says, without ids: comparable across load orders."""
    queries = {
        "experts": "SELECT key, name, kind, role, affiliation FROM experts",
        "sources": "SELECT key, name, kind FROM sources",
        "claims": (
            "SELECT e.key, c.kind, c.text, a.external_id, m.start_offset, m.end_offset, m.section "
            "FROM claim_mentions m JOIN claims c ON c.id = m.claim_id "
            "JOIN experts e ON e.id = c.expert_id JOIN articles a ON a.id = m.article_id"
        ),
        "events": (
            "SELECT e.year, e.month, e.day, e.date_precision, e.date_qualifier, e.summary, "
            "a.external_id, m.start_offset FROM event_mentions m "
            "JOIN events e ON e.id = m.event_id JOIN articles a ON a.id = m.article_id"
        ),
        "event_sources": (
            "SELECT e.summary, s.key, l.role FROM event_sources l "
            "JOIN events e ON e.id = l.event_id JOIN sources s ON s.id = l.source_id"
        ),
    }
    with engine.connect() as connection:
        found = {name: set(connection.execute(text(sql)).all()) for name, sql in queries.items()}
        # Which mentions share a row: the partition, independent of ids.
        for kind in ("claim", "event"):
            groups: dict[int, set[tuple[str, int]]] = {}
            for item, article, start in connection.execute(
                text(
                    f"SELECT m.{kind}_id, a.external_id, m.start_offset FROM {kind}_mentions m "
                    "JOIN articles a ON a.id = m.article_id"
                )
            ):
                groups.setdefault(item, set()).add((article, start))
            found[f"{kind}_groups"] = {frozenset(group) for group in groups.values()}
    return found


def count(engine: Engine, table: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_loading_twice_changes_no_table(engine: Engine) -> None:
    load_paths(engine, [SEEDS])
    before = dump(engine)
    second = load_paths(engine, [SEEDS])
    assert (second.totals.unchanged, second.totals.added, second.totals.updated) == (5, 0, 0)
    assert dump(engine) == before
    assert count(engine, "ingestion_runs") == 2


def test_reverse_order_gives_the_same_events_and_claims(engine: Engine, tmp_path: Path) -> None:
    forward = make_engine(f"sqlite:///{tmp_path / 'forward.db'}")
    load_paths(forward, [SEEDS])
    expected = content(forward)
    forward.dispose()
    for path in sorted(SEEDS.glob("*.txt"), reverse=True):
        load_paths(engine, [path])
    assert content(engine) == expected
    assert check(read_gold(SEED_GOLD), engine) == []


def test_a_changed_article_replaces_its_mentions(engine: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    load_paths(engine, [folder])
    events_before = count(engine, "events")
    target = folder / "004_a8488bd22045e4a9.txt"
    lines = target.read_text(encoding="utf-8").split("\n")
    # Drop the two events only 004 reports (border traffic, 1,000 containers).
    kept = [line for line in lines if not line.startswith(("On October 7", "On October 13"))]
    target.write_text("\n".join(kept), encoding="utf-8")

    report = load_paths(engine, [folder])

    assert (report.totals.updated, report.totals.unchanged) == (1, 4)
    assert count(engine, "events") == events_before - 2
    with engine.connect() as connection:
        containers = connection.execute(
            text("SELECT count(*) FROM events WHERE summary LIKE '%1,000 containers%'")
        ).scalar_one()
        sanctions_mentions = connection.execute(
            text(
                "SELECT count(*) FROM event_mentions m JOIN events e ON e.id = m.event_id "
                "WHERE e.summary LIKE '%sanctions on two Russian citizens%'"
            )
        ).scalar_one()
    assert containers == 0
    assert sanctions_mentions == 4


def test_mentions_record_the_step_that_found_them(engine: Engine) -> None:
    path = SEEDS / "000_b08e3bd24bb77b56.txt"
    load_paths(engine, [path])
    doc = extract_article(path.read_text(encoding="utf-8"), external_id="x", today=date.today())
    expected = {
        "claim_mentions": {
            (span.start, claim.extracted_by, claim.confidence)
            for claim in doc.claims
            for span in claim.spans
        },
        "event_mentions": {(e.span.start, e.extracted_by, e.confidence) for e in doc.events},
    }
    with engine.connect() as connection:
        stored = {
            table: set(
                connection.execute(
                    text(f"SELECT start_offset, extracted_by, confidence FROM {table}")
                ).all()
            )
            for table in expected
        }
    assert stored == expected
    assert all(rows for rows in stored.values())


def test_deleting_an_article_removes_its_mentions_and_orphans(engine: Engine) -> None:
    load_paths(engine, [SEEDS])
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM articles WHERE external_id = '004_a8488bd22045e4a9'"))
    with engine.connect() as connection:
        orphans = connection.execute(
            text(
                "SELECT count(*) FROM events e WHERE NOT EXISTS "
                "(SELECT 1 FROM event_mentions m WHERE m.event_id = e.id)"
            )
        ).scalar_one()
        hrytsenko = connection.execute(
            text(
                "SELECT count(*) FROM claims c JOIN experts e ON e.id = c.expert_id "
                "WHERE e.name = 'Alina Hrytsenko'"
            )
        ).scalar_one()
        sanctions = connection.execute(
            text(
                "SELECT count(*) FROM event_mentions m JOIN events e ON e.id = m.event_id "
                "WHERE e.summary LIKE '%sanctions on two Russian citizens%'"
            )
        ).scalar_one()
    assert (orphans, hrytsenko, sanctions) == (0, 0, 3)


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Write one file per kind of bad input; return name -> the start of its reason."""
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\t\n")
    (folder / "latin1.txt").write_bytes("Caf\xe9 title\nSome body text here.".encode("latin-1"))
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "big.txt").write_bytes(b"Title\n" + b"word " * 3000)
    (folder / "long_line.txt").write_bytes(b"x" * 4000 + b"\nbody")
    (folder / "title_only.txt").write_bytes(b"Just a title")
    (folder / "page.txt").write_bytes(b"<html><body><p>Hello</p></body></html>\nmore")
    (folder / "meta.txt").write_bytes(b"A title\nA body line.")
    (folder / "meta.json").write_bytes(b'{"published_on": "not a date"}')
    return {
        "empty.txt": "empty: no text",
        "blank.txt": "empty: only white space",
        "latin1.txt": "not UTF-8: byte 0xe9 at offset 3",
        "binary.txt": "binary: the file contains NUL bytes",
        "big.txt": "too large: 15,006 bytes (the limit is 10,000",
        "long_line.txt": "no title: the first line is 4,000 characters long",
        "title_only.txt": "not an article: only a title",
        "page.txt": "not an article: the text is HTML markup",
        "meta.txt": "bad metadata in meta.json: published_on",
    }


def test_bad_files_are_recorded_and_the_good_ones_load(engine: Engine, tmp_path: Path) -> None:
    expected = _bad_inputs(tmp_path / "bad")
    shutil.copy(SEEDS / "000_b08e3bd24bb77b56.txt", tmp_path / "bad" / "good.txt")

    report = load_paths(engine, [tmp_path / "bad"], options=LoadOptions(max_file_bytes=10_000))

    assert (report.totals.added, report.totals.failed, report.exit_code) == (1, 9, 65)
    with engine.connect() as connection:
        recorded = {
            Path(path).name: reason
            for path, reason in connection.execute(
                text("SELECT path, reason FROM ingestion_errors WHERE severity = 'error'")
            )
        }
        status = connection.execute(
            text("SELECT status, failed FROM ingestion_runs WHERE id = :id"), {"id": report.run_id}
        ).one()
    assert set(recorded) == set(expected)
    for name, reason in expected.items():
        assert recorded[name].startswith(reason), (name, recorded[name])
        assert "\n" not in recorded[name]
    assert tuple(status) == ("partial", 9)


def test_jsonl_loads_good_lines_and_rejects_the_broken_one(engine: Engine, tmp_path: Path) -> None:
    seed = (SEEDS / "003_7b92abb2997c6845.txt").read_text(encoding="utf-8")
    title, body = seed.split("\n", 1)
    lines = [
        json.dumps({"external_id": "a-1", "title": title, "body": body, "outlet": "Espreso TV"}),
        '{"external_id": "a-2", "title": "broken',
        json.dumps({"external_id": "a-3", "text": seed, "published_on": "2023-10-20"}),
        json.dumps({"external_id": "a-4", "body": "no title here"}),
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")

    report = load_paths(engine, [feed])

    assert (report.totals.added, report.totals.failed) == (2, 2)
    assert sorted((p.line, p.code) for p in report.errors) == [(2, "bad_json"), (4, "no_title")]
    with engine.connect() as connection:
        stored = connection.execute(
            text("SELECT external_id, source_path FROM articles ORDER BY external_id")
        ).all()
    assert [tuple(row) for row in stored] == [("a-1", f"{feed}:1"), ("a-3", f"{feed}:3")]


def test_sidecar_metadata_overrides_and_dates_the_timeline(engine: Engine, tmp_path: Path) -> None:
    article = tmp_path / "katkov.txt"
    shutil.copy(SEEDS / "000_b08e3bd24bb77b56.txt", article)
    sidecar = {
        "external_id": "espreso-2023-09-12-katkov",
        "published_on": "2023-09-12",
        "url": "https://example.org/katkov",
        "outlet": "Espreso",
        "category": "Politics",
    }
    (tmp_path / "katkov.json").write_text(json.dumps(sidecar), encoding="utf-8")

    load_paths(engine, [article])

    with engine.connect() as connection:
        row = connection.execute(
            text(
                "SELECT a.external_id, a.url, a.category, s.name, a.published_on "
                "FROM articles a JOIN sources s ON s.id = a.source_id"
            )
        ).one()
        years = dict(
            connection.execute(
                text("SELECT date_text, year FROM event_mentions WHERE date_text IS NOT NULL")
            ).all()
        )
    assert tuple(row)[:4] == ("espreso-2023-09-12-katkov", sidecar["url"], "Politics", "Espreso")
    assert str(row[4]) == "2023-09-12"
    assert years["On August 31"] == 2023
    assert years["In July"] == 2023


def test_bom_and_crlf_keep_offsets_true(engine: Engine, tmp_path: Path) -> None:
    seed = (SEEDS / "001_873ae39e16960142.txt").read_text(encoding="utf-8")
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + seed.replace("\n", "\r\n").encode("utf-8"))
    load_paths(engine, [path])
    with engine.connect() as connection:
        body = connection.execute(text("SELECT body FROM articles")).scalar_one()
        spans = connection.execute(
            text("SELECT start_offset, end_offset, text FROM claim_mentions")
        ).all()
    assert body == seed
    assert spans
    assert all(body[start:end] == mention for start, end, mention in spans)


def test_an_empty_database_is_migrated_on_first_load(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        report = load_paths(engine, [SEEDS / "002_8eed7f64ee0bb514.txt"])
    finally:
        engine.dispose()
    assert report.totals.added == 1
    assert migrations.current_revision(empty_db_url) == migrations.head_revision()


def test_a_database_behind_head_is_refused(empty_db_url: str) -> None:
    migrations.upgrade(empty_db_url)
    engine = make_engine(empty_db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'older'"))
    with pytest.raises(SchemaOutOfDate, match="run `eventstore db upgrade`"):
        load_paths(engine, [SEEDS])
    engine.dispose()
