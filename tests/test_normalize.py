"""Stored keys stay what the migrations computed: the live normalization equals the
frozen copies the landed revisions ran, and no revision imports live code."""

from __future__ import annotations

import ast
import hashlib
import itertools
import re
from pathlib import Path
from types import ModuleType

from alembic.script import ScriptDirectory

from eventstore import migrations, normalize
from eventstore.load import blocking
from eventstore.load import match as frozen_0003

REPO = Path(__file__).resolve().parents[1]
TEXT_FOLDERS = (REPO / "seeds", REPO / "tests" / "fixtures" / "news")
# Written here: frames, synonyms, aliases, accents, transliterations, numbers.
EXTRA = (
    "It became known that the DPRK travelled to the United States.",
    "Earlier, media reported that munitions were delivered by Great Britain.",
    "Reportedly it was announced that 1,000 containers had been shipped.",
    "Radosław Sikorski met Volodymyr Zelenskyy and Kim Jong-un in Kyiv",
    "Kirill Budanov; Kyrylo Budanov; Halushchenko; Galushchenko; O'Brien",
    "The New York Times, the U.S. Defence Ministry, the E.U.",
    "   spaces\tand\nnewlines, “quotes” — dashes — and ‘apostrophes’  ",
    "",
    "a",
)
_NAME = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3}")
# Which frozen copy holds the keys of each normalization version: bumping the version
# without adding its copy (and the revision that recomputes stored keys) fails here.
FROZEN_BY_VERSION = {1: frozen_0003}


def sample_lines() -> list[str]:
    lines = [
        line
        for folder in TEXT_FOLDERS
        for path in sorted(folder.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [*lines, *EXTRA]


def sample_names() -> list[str]:
    names = {name for line in sample_lines() for name in _NAME.findall(line)}
    return sorted(names | set(EXTRA[3].split(" and ")) | set(EXTRA[4].split("; ")))


def revision_module(revision: str) -> ModuleType:
    script = ScriptDirectory.from_config(migrations.alembic_config())
    found = script.get_revision(revision)
    assert found is not None
    return found.module


def test_the_sample_is_large_enough_to_notice_drift() -> None:
    assert len(sample_lines()) > 400
    assert len(sample_names()) > 200


def test_live_keys_equal_those_revision_0003_stored() -> None:
    """0003 filled event_keys and claim_keys with eventstore.load.match's functions; the
    loader uses eventstore.normalize's. If they differ on purpose, bump
    NORMALIZATION_VERSION and add a revision that recomputes the stored keys."""
    frozen = FROZEN_BY_VERSION[normalize.NORMALIZATION_VERSION]
    drifted = []
    for line, (scope, kind) in zip(
        sample_lines(), itertools.cycle([(1, "quote"), (42, "paraphrase")]), strict=False
    ):
        norm = normalize.match_text(line)
        live = (norm, normalize.key_set(norm), normalize.claim_key_set(norm, scope, kind))
        stored = (
            frozen.match_text(line),
            frozen.key_set(norm),
            frozen.claim_key_set(norm, scope, kind),
        )
        if live != stored:
            drifted.append(line)
    assert drifted == [], (
        "normalize drifted from the keys stores hold: a new revision must recompute them"
    )


def test_claim_text_key_is_the_whole_key_of_event_keys() -> None:
    """claims.text_key is the hash in the f: key 0003 computed for the same wording."""
    for line in sample_lines()[:200]:
        norm = frozen_0003.match_text(line)
        assert f"f:{normalize.text_key(line)}" in frozen_0003.key_set(norm)


def test_live_skeletons_equal_those_revision_0008_stored() -> None:
    """0008 filled experts.skeleton and surname_skeleton with its own copy of the
    functions; the loader matches new speakers on eventstore.normalize's."""
    frozen = revision_module("0008")
    names = sample_names()
    assert [normalize.name_skeleton(name) for name in names] == [
        frozen._skeleton(name) for name in names
    ]
    assert [normalize.surname_skeleton(name) for name in names] == [
        frozen._surname(name) for name in names
    ]


def test_live_blocking_keys_equal_those_revision_0010_stored() -> None:
    """0010 filled the b:, n: and q: keys of stored rows with its own copy of
    eventstore.load.blocking (and of match_text, names and counts); the loader looks
    candidates up by the live functions. If they differ on purpose, a new revision must
    recompute the stored keys."""
    frozen = revision_module("0010")
    blocks = itertools.cycle(["day:2:24", "month:3:None", "year:None:None", "unknown"])
    drifted = []
    for line, block in zip(sample_lines(), blocks, strict=False):
        norm = normalize.match_text(line)
        live = (
            blocking.event_band_keys(norm, block) | blocking.related_keys(norm, line, block),
            blocking.claim_band_keys(norm, 42, "quote"),
        )
        stored = (  # the loader's keys are in the stored form (revision 0013)
            _stored(
                frozen._band_keys(norm, block, frozen.EVENT_ROWS)
                | frozen._related_keys(norm, line, block)
            ),
            _stored(frozen._band_keys(norm, "42:quote", frozen.CLAIM_ROWS)),
        )
        if live != stored or frozen._match_text(line) != norm:
            drifted.append(line)
    assert drifted == []
    assert (frozen.CAP, frozen.CAPPED) == (blocking.CAP, blocking.CAPPED)


def _stored(keys: frozenset[str]) -> frozenset[bytes]:
    return frozenset(normalize.stored_key(key) for key in keys)


def test_names_and_counts_key_day_events_only() -> None:
    """Same-day reports worded apart meet by a name or a count; other blocks by bands."""
    line = "Ukrenergo cut power to 1,467 settlements of the Dnipropetrovsk region."
    norm = normalize.match_text(line)
    day = blocking.related_keys(norm, line, "day:3:4")

    assert {normalize.key_text(key)[:2] for key in day} == {"n:", "q:"}
    assert blocking.related_keys(norm, line, "month:3:None") == frozenset()
    assert day.isdisjoint(blocking.related_keys(norm, line, "day:3:5"))


def test_no_revision_imports_live_eventstore_code() -> None:
    """A revision computes what it stores with code of its own or a frozen copy, never
    with code that may change after it landed."""
    allowed = {"eventstore.load.match"}  # frozen for 0003
    script = ScriptDirectory.from_config(migrations.alembic_config())
    imported: dict[str, set[str]] = {}
    for revision in script.walk_revisions():
        tree = ast.parse(Path(revision.path).read_text(encoding="utf-8"))
        names = {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        names |= {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        live = {name for name in names if name.split(".")[0] == "eventstore"} - allowed
        if live:
            imported[revision.revision] = live
    assert imported == {}


def test_the_filed_key_is_the_whole_key_of_the_key_set() -> None:
    """Since 0012 a wording files only the f: key of key_set / claim_key_set (with its
    blocking keys); lookups of stored rows find them by it."""
    for line in sample_lines()[:200]:
        norm = normalize.match_text(line)
        whole = normalize.whole_key(normalize.key_set(norm))
        claim_whole = normalize.whole_key(normalize.claim_key_set(norm, 7, "quote"))
        assert normalize.wording_key(norm) == normalize.stored_key(whole)
        assert normalize.claim_wording_key(norm, 7, "quote") == normalize.stored_key(claim_whole)


def test_keys_in_text_order_are_sorted_as_their_text_forms() -> None:
    """Key rows are inserted in the order of the keys' text forms, as before the loader
    kept them in their stored form, so they take the same ids."""
    texts = [
        f"{kind}{hashlib.blake2b(str(n).encode(), digest_size=16).hexdigest()}"
        for n, kind in enumerate(["f:", "b:", "n:", "q:"] * 5)
    ]
    stored = [normalize.stored_key(key) for key in texts]

    assert [normalize.key_text(key) for key in normalize.text_order(stored)] == sorted(texts)
    assert normalize.text_order([]) == []
    assert normalize.text_order(stored[1:4]) == sorted(stored[1:4])  # no whole key
