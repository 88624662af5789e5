"""The cap on blocking keys: a key carried by more than CAP rows finds no candidate, and
the writer files no more rows under it than it takes to know it is full."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import Engine, text

from eventstore.extract import ArticleDoc
from eventstore.extract.article import ArticleMeta
from eventstore.load.blocking import CAP
from eventstore.load.candidates import EVENT_KEYS, EVENTS, Candidates, _rows_by_key
from eventstore.load.keywrite import within_cap
from eventstore.load.loader import load_paths
from eventstore.load.plan import ArticleWrite, Extracted, Merge, Plan, RowWrite
from eventstore.load.read import RawArticle
from eventstore.normalize import (
    claim_wording_key,
    key_text,
    match_text,
    stored_key,
    wording_key,
)
from tests.load.plans import apply_in_run

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def K(name: str) -> bytes:
    """A key of ``name``'s kind ("b:busy": a b: key) with a hash of its own, in the
    stored form the loader works with."""
    return stored_key(name[:2] + hashlib.blake2b(name.encode(), digest_size=16).hexdigest())


def _events(engine: Engine, count: int, key: bytes) -> list[int]:
    """Insert ``count`` events filed under ``key`` (raw SQL); their ids."""
    with engine.begin() as connection:
        ids = []
        for n in range(count):
            event_id = connection.execute(
                text(
                    "INSERT INTO events (date_precision, summary) VALUES ('unknown', :s) "
                    "RETURNING id"
                ),
                {"s": f"event {key} {n}"},
            ).scalar_one()
            connection.execute(
                text("INSERT INTO event_keys (event_id, key) VALUES (:e, :k)"),
                {"e": event_id, "k": key},
            )
            ids.append(event_id)
    return ids


def test_a_full_key_finds_no_candidate(engine: Engine) -> None:
    _events(engine, CAP + 1, K("b:full"))
    rare = _events(engine, CAP, K("b:rare"))
    found = Candidates()
    with engine.connect() as connection:
        rows, keys = _rows_by_key(
            connection,
            found,
            EVENTS,
            EVENT_KEYS,
            [K("b:full"), K("b:rare"), K("b:none")],
            also=set(),
        )

    assert sorted(row.id for row in rows) == rare
    assert found.full_keys == {K("b:full")}
    assert keys[rare[0]] == {K("b:rare")}


def test_the_writer_stops_a_blocking_key_at_cap_plus_one_rows(engine: Engine) -> None:
    stored = _events(engine, CAP, K("b:busy"))
    new = _events(engine, 3, K("f:whole"))
    rows = [
        {"event_id": event_id, "key": key}
        for event_id in new
        for key in (K("b:busy"), K("f:whole"))
    ]
    rows.append({"event_id": stored[0], "key": K("b:busy")})
    with engine.connect() as connection:
        kept = within_cap(connection, EVENT_KEYS, "event_id", rows)

    # one more row makes b:busy full; f: keys are never capped; a row already filed is not
    # filed again
    assert kept == [
        {"event_id": new[0], "key": K("b:busy")},
        {"event_id": new[0], "key": K("f:whole")},
        {"event_id": new[1], "key": K("f:whole")},
        {"event_id": new[2], "key": K("f:whole")},
    ]


def test_the_writer_takes_the_carriers_candidates_read(engine: Engine) -> None:
    stored = _events(engine, CAP - 1, K("b:busy"))
    new = _events(engine, 3, K("f:whole"))
    rows = [{"event_id": event_id, "key": K("b:busy")} for event_id in new]
    # read by candidates earlier in the transaction: one more carrier than the store holds
    known = {K("b:busy"): {*stored, -1}}
    with engine.connect() as connection:
        kept = within_cap(connection, EVENT_KEYS, "event_id", rows, known)
        read = within_cap(connection, EVENT_KEYS, "event_id", rows)

    assert kept == [{"event_id": new[0], "key": K("b:busy")}]
    assert read == [
        {"event_id": new[0], "key": K("b:busy")},
        {"event_id": new[1], "key": K("b:busy")},
    ]


def test_the_writer_leaves_out_whole_keys_the_carriers_show_filed(engine: Engine) -> None:
    new = _events(engine, 2, K("f:whole"))
    rows = [
        {"event_id": event_id, "key": key} for event_id in new for key in (K("f:whole"), K("f:x"))
    ]
    with engine.connect() as connection:
        kept = within_cap(connection, EVENT_KEYS, "event_id", rows, {K("f:whole"): {new[0]}})

    # new[1] carries f:whole too, but the carriers read do not say so: ON CONFLICT skips it
    assert kept == [
        {"event_id": new[0], "key": K("f:x")},
        {"event_id": new[1], "key": K("f:whole")},
        {"event_id": new[1], "key": K("f:x")},
    ]


def _merge_then_file(engine: Engine, external_id: str, *, with_carriers: bool) -> list[int]:
    """CAP stored events carry b:busy, two of them (a survivor and the one it absorbs)
    among them; a batch merges the two and adds three new events under b:busy. Returns
    the ids of b:busy's carriers after the batch."""
    stored = _events(engine, CAP, K(f"b:busy{external_id}"))
    survivor, loser = stored[0], stored[1]
    key = K(f"b:busy{external_id}")
    new_event = {"date_precision": "unknown", "summary": "new", "year": None, "month": None}
    plan = Plan(
        articles=(
            ArticleWrite(
                Extracted(
                    RawArticle(external_id, "A body.", ArticleMeta(), f"{external_id}.txt"),
                    ArticleDoc(external_id=external_id, title="A title", body="A body."),
                ),
                None,
            ),
        ),
        events=(
            RowWrite(ref=1, id=survivor, values={}),
            *(RowWrite(ref=n, id=None, values=new_event, keys=frozenset({key})) for n in (2, 3, 4)),
        ),
        event_merges=(Merge(loser=loser, survivor=1),),
    )
    carriers = {"event": {key: set(stored)}} if with_carriers else None
    with engine.begin() as connection:
        apply_in_run(connection, plan, carriers)
        query = text("SELECT event_id FROM event_keys WHERE key = :k ORDER BY event_id")
        return list(connection.execute(query, {"k": key}).scalars())


def test_the_cap_after_a_merge_is_checked_against_the_carriers_it_left(engine: Engine) -> None:
    """The merge deletes the absorbed row's b:busy (its survivor has it): CAP - 1 carriers
    are left and two of the three new events file the key (CAP + 1: full), the same with
    the carriers candidates read (moved to survivors) as with the keys read again."""
    read_again = _merge_then_file(engine, "a1", with_carriers=False)
    taken = _merge_then_file(engine, "a2", with_carriers=True)

    assert len(read_again) == len(taken) == CAP + 1


def test_a_load_files_whole_and_blocking_keys_only(engine: Engine) -> None:
    """No h: or t: key (no lookup reads them since revision 0010); every event and claim
    has the whole key of its current wording."""
    load_paths(engine, [SEEDS])
    with engine.connect() as connection:
        kinds = {
            key_text(key)[:2]
            for table in ("event_keys", "claim_keys")
            for key in connection.execute(text(f"SELECT key FROM {table}")).scalars()
        }
        events = connection.execute(text("SELECT id, summary FROM events")).all()
        claims = connection.execute(text("SELECT id, text, expert_id, kind FROM claims")).all()
        event_keys = {
            (i, bytes(key))
            for i, key in connection.execute(text("SELECT event_id, key FROM event_keys"))
        }
        claim_keys = {
            (i, bytes(key))
            for i, key in connection.execute(text("SELECT claim_id, key FROM claim_keys"))
        }

    assert kinds == {"f:", "b:", "n:", "q:"}
    assert events
    assert claims
    assert all((i, wording_key(match_text(summary))) in event_keys for i, summary in events)
    assert all(
        (i, claim_wording_key(match_text(wording), expert_id, kind)) in claim_keys
        for i, wording, expert_id, kind in claims
    )
