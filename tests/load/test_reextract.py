"""Re-extraction of stored articles, on both dialects: the loader's path, from stored rows."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, text

from eventstore.cli import main
from eventstore.errors import ConfigurationError, NotFound
from eventstore.extract import EXTRACTOR_VERSION, extract_article
from eventstore.load.loader import LoadOptions, load_paths, write_batch
from eventstore.load.plan import Extracted
from eventstore.load.reextract import Selection, reextract, stored_batches
from tests.load.test_loader import CONTENT_TABLES, content, count, dump

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
# Articles whose metadata (published_on, outlet, url, category) comes from a sidecar.
WITH_SIDECARS = ("102_iran_shahed_supplies", "201_reuters_drones_kremlin")
OLD = "0.0-old"


def _age(engine: Engine, *external_ids: str) -> None:
    """Mark articles as extracted by an old version of the rules (raw SQL)."""
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE articles SET extractor_version = :old WHERE external_id = :x"),
            [{"old": OLD, "x": external_id} for external_id in external_ids],
        )


def _column(engine: Engine, sql: str) -> list[object]:
    with engine.connect() as connection:
        return list(connection.execute(text(sql)).scalars())


def _external_ids(engine: Engine) -> list[str]:
    return [str(x) for x in _column(engine, "SELECT external_id FROM articles ORDER BY id")]


def _corpus(tmp_path: Path) -> Path:
    """The seeds and two fixture articles with sidecars, in one folder."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    for stem in WITH_SIDECARS:
        for suffix in (".txt", ".json"):
            source = REPO / "tests" / "fixtures" / "articles" / f"{stem}{suffix}"
            shutil.copy(source, folder / source.name)
    return folder


def test_stale_articles_are_reextracted_and_match_a_fresh_load(
    engine: Engine, tmp_path: Path
) -> None:
    corpus = _corpus(tmp_path)
    load_paths(engine, [corpus])
    fresh = content(engine)
    counts = {table: count(engine, table) for table in CONTENT_TABLES}
    article_ids = _column(engine, "SELECT id FROM articles ORDER BY id")
    stale = [_external_ids(engine)[0], *WITH_SIDECARS]
    _age(engine, *stale)

    report = reextract(engine, Selection(), options=LoadOptions(batch_size=2))

    totals = report.totals
    assert (totals.updated, totals.unchanged, totals.failed) == (3, len(article_ids) - 3, 0)
    rewritten = "SELECT external_id FROM articles WHERE run_id = :r ORDER BY external_id"
    with engine.connect() as connection:
        redone = connection.execute(text(rewritten), {"r": report.run_id}).scalars().all()
    assert redone == sorted(stale)
    assert _column(engine, "SELECT DISTINCT extractor_version FROM articles") == [EXTRACTOR_VERSION]
    assert _column(engine, "SELECT id FROM articles ORDER BY id") == article_ids
    assert {table: count(engine, table) for table in CONTENT_TABLES} == counts
    assert content(engine) == fresh


def test_reextracting_again_does_nothing_and_files_still_look_unchanged(
    engine: Engine, tmp_path: Path
) -> None:
    corpus = _corpus(tmp_path)
    load_paths(engine, [corpus])
    _age(engine, *_external_ids(engine)[:2])
    reextract(engine, Selection())
    before = dump(engine)

    again = reextract(engine, Selection())
    reload = load_paths(engine, [corpus])

    assert (again.totals.updated, again.totals.unchanged) == (0, len(_external_ids(engine)))
    assert reload.totals.unchanged == len(_external_ids(engine))
    assert dump(engine) == before


def test_force_reextracts_every_article_with_the_same_result(engine: Engine) -> None:
    load_paths(engine, [SEEDS])
    fresh = content(engine)

    report = reextract(engine, Selection(force=True))

    assert (report.totals.updated, report.totals.unchanged) == (5, 0)
    assert content(engine) == fresh


def test_a_named_article_is_redone_whatever_its_version(engine: Engine) -> None:
    load_paths(engine, [SEEDS])
    named = _external_ids(engine)[1]

    report = reextract(engine, Selection(external_ids=(named,)))

    assert (report.totals.files_seen, report.totals.updated) == (1, 1)
    with engine.connect() as connection:
        paths = connection.execute(
            text("SELECT paths FROM ingestion_runs WHERE id = :r"), {"r": report.run_id}
        ).scalar_one()
    assert json.loads(paths) == [f"reextract:{named}"]


def test_an_unknown_article_is_refused_before_any_run(engine: Engine) -> None:
    load_paths(engine, [SEEDS])
    with pytest.raises(NotFound, match="no stored article with external id 'nope'"):
        reextract(engine, Selection(external_ids=(_external_ids(engine)[0], "nope")))
    assert count(engine, "ingestion_runs") == 1


def test_without_the_language_model_no_run_starts(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_paths(engine, [SEEDS])
    monkeypatch.setenv("EVENTSTORE_NLP_MODEL", "no_such_pipeline")
    with pytest.raises(ConfigurationError, match="'no_such_pipeline' is not installed"):
        reextract(engine, Selection(force=True))
    assert count(engine, "ingestion_runs") == 1


def test_an_article_the_rules_now_reject_keeps_its_mentions(engine: Engine) -> None:
    load_paths(engine, [SEEDS])
    victim = _external_ids(engine)[0]
    mentions = count(engine, "claim_mentions") + count(engine, "event_mentions")
    with engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE articles SET body = '  ', extractor_version = :old WHERE external_id = :x"
            ),
            {"old": OLD, "x": victim},
        )

    report = reextract(engine, Selection())

    assert (report.totals.failed, report.exit_code) == (1, 65)
    assert [(p.external_id, p.code) for p in report.errors] == [(victim, "empty")]
    assert count(engine, "claim_mentions") + count(engine, "event_mentions") == mentions
    old = _column(engine, f"SELECT external_id FROM articles WHERE extractor_version = '{OLD}'")
    assert old == [victim]
    assert count(engine, "ingestion_errors") == 1


def test_an_article_changed_after_it_was_read_is_left_to_its_new_version(
    engine: Engine,
) -> None:
    """Re-extraction reads outside the writer lock; a load that rewrote the article in
    between wins (the stored hash no longer matches what was read)."""
    load_paths(engine, [SEEDS])
    _age(engine, *_external_ids(engine))
    batch = next(stored_batches(engine, Selection(), size=1))
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE articles SET content_hash = 'changed' WHERE external_id = :x"),
            {"x": batch[0].external_id},
        )
    raw = batch[0]
    doc = extract_article(raw.text, external_id=raw.external_id, meta=raw.meta, today=date.today())
    with engine.begin() as connection:
        outcome = write_batch(connection, [Extracted(raw, doc)], run_id=1, rewrite=True)
    assert (outcome.updated, outcome.unchanged) == ([], [raw.external_id])


# -- the command ---------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_command_reextracts_stale_articles_and_prints_counts(engine: Engine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    load_paths(engine, [SEEDS])
    _age(engine, *_external_ids(engine)[:2])

    code, out, _ = run("--database-url", url, "reextract", "--all", "--json")

    summary = json.loads(out)
    assert code == 0
    assert (summary["reextracted"], summary["skipped"], summary["failed"]) == (2, 3, 0)
    code, out, _ = run("--database-url", url, "reextract", "--all", "--json")
    assert (json.loads(out)["reextracted"], json.loads(out)["skipped"]) == (0, 5)


def test_command_refuses_an_unknown_article_without_a_traceback(engine: Engine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    load_paths(engine, [SEEDS])

    code, out, err = run("--database-url", url, "reextract", "--article", "nope")

    assert code == 1
    assert out == ""
    assert "error: no stored article with external id 'nope'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "name articles with --article EXTERNAL_ID, or pass --all"),
        (("--all", "--article", "x"), "name articles with --article EXTERNAL_ID, or pass --all"),
        (("--article", "x", "--force"), "--force goes with --all"),
    ],
    ids=["nothing", "both", "force-without-all"],
)
def test_command_needs_one_selection(db_url: str, args: tuple[str, ...], message: str) -> None:
    code, _, err = run("--database-url", db_url, "reextract", *args)
    assert code == 2
    assert message in err
