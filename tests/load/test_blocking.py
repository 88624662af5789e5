"""The cap on blocking keys: a key carried by more than CAP rows finds no candidate, and
the writer files no more rows under it than it takes to know it is full."""

from __future__ import annotations

from sqlalchemy import Engine, text

from eventstore.load.blocking import CAP
from eventstore.load.candidates import EVENT_KEYS, EVENTS, Candidates, _rows_by_key
from eventstore.load.keywrite import within_cap


def _events(engine: Engine, count: int, key: str) -> list[int]:
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
    _events(engine, CAP + 1, "b:full")
    rare = _events(engine, CAP, "b:rare")
    found = Candidates()
    with engine.connect() as connection:
        rows, keys = _rows_by_key(
            connection, found, EVENTS, EVENT_KEYS, ["b:full", "b:rare", "b:none"], also=set()
        )

    assert sorted(row.id for row in rows) == rare
    assert found.full_keys == {"b:full"}
    assert keys[rare[0]] == {"b:rare"}


def test_the_writer_stops_a_blocking_key_at_cap_plus_one_rows(engine: Engine) -> None:
    stored = _events(engine, CAP, "b:busy")
    new = _events(engine, 3, "f:whole")
    rows = [{"event_id": event_id, "key": key} for event_id in new for key in ("b:busy", "f:whole")]
    rows.append({"event_id": stored[0], "key": "b:busy"})
    with engine.connect() as connection:
        kept = within_cap(connection, EVENT_KEYS, "event_id", rows)

    # one more row makes b:busy full; f: keys are never capped; a row already filed is not
    # filed again
    assert kept == [
        {"event_id": new[0], "key": "b:busy"},
        {"event_id": new[0], "key": "f:whole"},
        {"event_id": new[1], "key": "f:whole"},
        {"event_id": new[2], "key": "f:whole"},
    ]


def test_the_writer_takes_the_carriers_candidates_read(engine: Engine) -> None:
    stored = _events(engine, CAP - 1, "b:busy")
    new = _events(engine, 3, "f:whole")
    rows = [{"event_id": event_id, "key": "b:busy"} for event_id in new]
    # read by candidates earlier in the transaction: one more carrier than the store holds
    known = {"b:busy": {*stored, -1}}
    with engine.connect() as connection:
        kept = within_cap(connection, EVENT_KEYS, "event_id", rows, known)
        read = within_cap(connection, EVENT_KEYS, "event_id", rows)

    assert kept == [{"event_id": new[0], "key": "b:busy"}]
    assert read == [{"event_id": new[0], "key": "b:busy"}, {"event_id": new[1], "key": "b:busy"}]
