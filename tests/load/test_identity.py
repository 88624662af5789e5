"""Ids that stay, forwarding addresses, and a change feed that replays to the store."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from benchmarks.corpus import write_corpus
from click.testing import CliRunner
from sqlalchemy import Engine, text

from eventstore.cli import main
from eventstore.db import make_sessionmaker
from eventstore.load.loader import load_paths
from eventstore.load.reextract import Selection, reextract
from eventstore.repositories import ChangeRepository

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
EDITED = "003_7b92abb2997c6845.txt"
# Three phrases of one seed, each in a different paragraph.
EDITS = (
    ("Ukraine condemned this decision", "Ukraine denounced this decision"),
    ("the US did not observe any additional", "the US did not see any additional"),
    ("Musienko added that it is also possible", "Musienko added that it is quite possible"),
)
ENTITIES = {
    "article": "articles",
    "source": "sources",
    "expert": "experts",
    "event": "events",
    "claim": "claims",
}


def rows(engine: Engine, table: str, column: str) -> dict[int, str]:
    with engine.connect() as connection:
        return dict(connection.execute(text(f"SELECT id, {column} FROM {table}")).all())


def ids(engine: Engine) -> dict[str, set[int]]:
    with engine.connect() as connection:
        return {
            entity: set(connection.execute(text(f"SELECT id FROM {table}")).scalars())
            for entity, table in ENTITIES.items()
        }


def replayed(engine: Engine) -> tuple[list[int], dict[str, set[int]]]:
    """Every seq of the feed, and the ids a consumer applying it from 0 holds."""
    held: dict[str, set[int]] = {entity: set() for entity in ENTITIES}
    seqs = []
    with make_sessionmaker(engine)() as session:
        for change in ChangeRepository(session).since(0, limit=1_000_000):
            seqs.append(change.seq)
            if change.op in ("insert", "update"):
                held[change.entity].add(change.entity_id)
            else:
                held[change.entity].discard(change.entity_id)
    return seqs, held


def edited_seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    path = folder / EDITED
    body = path.read_text(encoding="utf-8")
    for old, new in EDITS:
        assert body.count(old) == 1
        body = body.replace(old, new)
    path.write_text(body, encoding="utf-8")
    return folder


def test_an_edited_article_keeps_the_ids_of_what_did_not_change(
    engine: Engine, tmp_path: Path
) -> None:
    load_paths(engine, [SEEDS])
    events, claims = rows(engine, "events", "summary"), rows(engine, "claims", "text")

    report = load_paths(engine, [edited_seeds(tmp_path)])

    assert (report.totals.updated, report.totals.unchanged) == (1, 4)
    events_now, claims_now = rows(engine, "events", "summary"), rows(engine, "claims", "text")
    assert set(events_now) == set(events)  # none removed, none added: reworded in place
    assert set(claims_now) == set(claims)
    changed_events = {i for i in events if events[i] != events_now[i]}
    changed_claims = {i for i in claims if claims[i] != claims_now[i]}
    # ("denounced" is in the second sentence of an event line, outside its summary)
    assert len(changed_events) == 1
    assert "did not see" in events_now[changed_events.pop()]
    assert len(changed_claims) == 1
    assert "quite possible" in claims_now[changed_claims.pop()]


def test_reextracting_the_store_moves_no_id(engine: Engine) -> None:
    load_paths(engine, [SEEDS])
    before = ids(engine)

    reextract(engine, Selection(force=True))

    assert ids(engine) == before


def test_the_feed_is_gap_free_and_replays_to_the_store(engine: Engine, tmp_path: Path) -> None:
    load_paths(engine, [SEEDS])
    load_paths(engine, [edited_seeds(tmp_path)])
    reextract(engine, Selection(force=True))

    seqs, held = replayed(engine)

    assert seqs == list(range(1, len(seqs) + 1))
    assert held == ids(engine)
    with engine.connect() as connection:
        ops = dict(connection.execute(text("SELECT op, count(*) FROM changes GROUP BY op")).all())
    assert ops["update"] >= 3  # the edited article, its reworded event and claim


def test_a_merged_id_forwards_to_the_row_that_absorbed_it(engine: Engine) -> None:
    load_paths(engine, [SEEDS])
    with engine.begin() as connection:
        survivor = connection.execute(text("SELECT max(id) FROM events")).scalar_one()
        # As the writer records a merge: 9001 went into 9002, which went into survivor.
        connection.execute(
            text(
                "INSERT INTO retired_ids (entity, id, merged_into) VALUES "
                "('event', 9001, 9002), ('event', 9002, :survivor), ('event', 9003, NULL)"
            ),
            {"survivor": survivor},
        )
    url = engine.url.render_as_string(hide_password=False)
    runner = CliRunner()

    merged = runner.invoke(main, ["--database-url", url, "event", "9001"])
    removed = runner.invoke(main, ["--database-url", url, "event", "9003"])

    assert merged.exit_code == 0, merged.output
    assert f"event 9001 was merged into event {survivor}" in merged.output
    assert removed.exit_code == 1
    assert "event 9003 was removed" in removed.output


def test_a_merged_claim_id_forwards_too(engine: Engine) -> None:
    load_paths(engine, [SEEDS])
    with engine.begin() as connection:
        survivor = connection.execute(text("SELECT min(id) FROM claims")).scalar_one()
        connection.execute(
            text("INSERT INTO retired_ids (entity, id, merged_into) VALUES ('claim', 9001, :s)"),
            {"s": survivor},
        )
    url = engine.url.render_as_string(hide_password=False)

    result = CliRunner().invoke(main, ["--database-url", url, "claim", "9001"])

    assert result.exit_code == 0, result.output
    assert f"claim 9001 was merged into claim {survivor}" in result.output


def test_changes_command_pages_the_feed(engine: Engine) -> None:
    load_paths(engine, [SEEDS])
    url = engine.url.render_as_string(hide_password=False)

    result = CliRunner().invoke(
        main, ["--database-url", url, "changes", "--since", "3", "--limit", "2", "--json"]
    )

    assert result.exit_code == 0, result.output
    assert '"seq": 4' in result.output
    assert '"seq": 5' in result.output
    assert '"seq": 6' not in result.output


@pytest.mark.slow
def test_a_consumer_following_four_loaders_ends_holding_the_store(
    engine: Engine, tmp_path: Path
) -> None:
    write_corpus(tmp_path / "corpus", 40, seed=11)
    files = sorted((tmp_path / "corpus").glob("*.txt"))
    url = engine.url.render_as_string(hide_password=False)
    recipe = REPO / "docs" / "recipes" / "follow_changes.py"
    state = tmp_path / "state.json"
    consumer = subprocess.Popen([sys.executable, str(recipe), url, str(state)])
    loaders = [
        subprocess.Popen(
            [
                *(sys.executable, "-m", "eventstore", "--database-url", url, "load"),
                *("--batch-size", "5", *map(str, subset)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for subset in (files[0:24], files[14:34], files[28:], files[::2])
    ]
    for loader in loaders:
        _, err = loader.communicate(timeout=600)
        assert loader.returncode == 0, err.decode()
    consumer.terminate()
    consumer.wait(timeout=30)
    # Restarted from its saved seq, it catches up and stops when idle.
    subprocess.run([sys.executable, str(recipe), url, str(state), "--until-idle"], check=True)

    held = json.loads(state.read_text())["held"]
    store = ids(engine)
    assert {entity: set(held.get(entity, [])) for entity in ENTITIES} == store
    seqs, _ = replayed(engine)
    assert seqs == list(range(1, len(seqs) + 1))


@pytest.mark.parametrize("dialect", ["postgresql"], indirect=True)
def test_postgresql_notifies_listeners_of_the_last_seq(engine: Engine) -> None:
    url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as listener:
        listener.execute("LISTEN eventstore_changes")
        load_paths(engine, [SEEDS])
        heard = [n.payload for n in listener.notifies(timeout=5, stop_after=1)]

    seqs, _ = replayed(engine)
    assert heard == [str(seqs[-1])]  # one batch, one notice: its last seq
