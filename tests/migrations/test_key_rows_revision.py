"""Revision 0012: the h: and t: matching keys, which no lookup reads, go; downgrade files
those of every row's current wording again. On empty and loaded stores, both dialects."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from eventstore import migrations
from eventstore.load.loader import load_paths
from eventstore.load.match import claim_key_set, key_set, match_text
from tests.migrations.keys import Keys, assert_nothing_added, seeds_again, stored_keys

REPO = Path(__file__).resolve().parents[2]


def _keys(engine: Engine) -> Keys:
    """(table, row id, key) of every matching key stored (text form)."""
    return stored_keys(engine)


def _head_and_tail(keys: Keys) -> Keys:
    return {entry for entry in keys if entry[2][:2] in {"h:", "t:"}}


def _current_wordings(engine: Engine) -> Keys:
    """The h: and t: keys 0003 computed for each row's current wording."""
    with engine.connect() as connection:
        events = connection.execute(text("SELECT id, summary FROM events")).all()
        claims = connection.execute(text("SELECT id, text, expert_id, kind FROM claims")).all()
    keys = {("event_keys", i, key) for i, summary in events for key in key_set(match_text(summary))}
    keys |= {
        ("claim_keys", i, key)
        for i, wording, expert_id, kind in claims
        for key in claim_key_set(match_text(wording), expert_id, kind)
    }
    return _head_and_tail(keys)


def test_0012_down_and_up_on_a_loaded_store(engine: Engine, tmp_path: Path) -> None:
    url = engine.url.render_as_string(hide_password=False)
    load_paths(engine, [REPO / "seeds"])
    loaded = _keys(engine)
    assert loaded
    assert _head_and_tail(loaded) == set()

    migrations.downgrade(url, "0011")
    refiled = _keys(engine)
    assert _head_and_tail(refiled) == _current_wordings(engine) != set()
    assert refiled - _head_and_tail(refiled) == loaded

    migrations.upgrade(url)
    assert _keys(engine) == loaded
    assert migrations.check(url).up_to_date
    # the same articles from another feed still find every stored event and claim
    before, after = seeds_again(engine, tmp_path / "feed")
    assert_nothing_added(before, after)
    assert _head_and_tail(_keys(engine)) == set()


def test_an_empty_store_goes_down_to_0011_and_back(engine: Engine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    migrations.downgrade(url, "0011")
    assert _keys(engine) == set()
    migrations.upgrade(url)
    assert _keys(engine) == set()
    assert migrations.check(url).up_to_date
