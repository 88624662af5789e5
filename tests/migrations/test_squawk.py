"""The PostgreSQL SQL of every revision passes squawk with the project's ``.squawk.toml``.

Each revision's SQL is what ``alembic upgrade <prev>:<rev> --sql`` prints for PostgreSQL
(offline: no server needed). squawk is the ``squawk`` executable of the PyPI package
``squawk-cli``, installed in the same environment as this interpreter; when it is missing
the tests fail (never skip), saying how to install it.

Three rules of ``.squawk.toml`` are off because every revision so far only creates new
objects, or changes existing tables only in ways that neither rewrite nor scan them under
a blocking lock (indexes built CONCURRENTLY, columns with constant defaults, CHECKs added
NOT VALID and validated after the commit), each under its own ``SET lock_timeout``;
``test_revisions_only_touch_objects_they_create`` keeps that reason true.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory

from eventstore import migrations

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / ".squawk.toml"
# Offline SQL generation never connects; the URL only picks the dialect.
POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1/postgres"
SQUAWK = Path(sys.executable).parent / "squawk"


def revision_steps() -> list[tuple[str, str]]:
    """(previous, revision) for every revision, oldest first; the first comes from base."""
    script = ScriptDirectory.from_config(migrations.alembic_config())
    steps = [
        (str(revision.down_revision or "base"), revision.revision)
        for revision in script.walk_revisions()
    ]
    return list(reversed(steps))


STEPS = revision_steps()


def offline_sql(previous: str, revision: str) -> str:
    """The PostgreSQL SQL of one upgrade step, as ``alembic upgrade --sql`` prints it."""
    config = migrations.alembic_config(POSTGRES_URL)
    buffer = io.StringIO()
    # In --sql mode Alembic writes the SQL to config.output_buffer (Config.stdout only
    # gets its messages); eventstore's config leaves output_buffer unset (sys.stdout).
    config.output_buffer = buffer
    command.upgrade(config, f"{previous}:{revision}", sql=True)
    return buffer.getvalue()


def squawk(*args: str | Path) -> subprocess.CompletedProcess[str]:
    if not SQUAWK.is_file():
        pytest.fail(
            f"squawk is not installed: no {SQUAWK}. Install the dev dependencies "
            f"({sys.executable} -m pip install -e '.[dev]'), or just "
            f"`{sys.executable} -m pip install squawk-cli`."
        )
    return subprocess.run(
        [str(SQUAWK), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )


@pytest.mark.parametrize(("previous", "revision"), STEPS, ids=[rev for _, rev in STEPS])
def test_revision_sql_passes_squawk(previous: str, revision: str, tmp_path: Path) -> None:
    sql = offline_sql(previous, revision)
    assert f"upgrade {'' if previous == 'base' else previous} -> {revision}" in sql
    path = tmp_path / f"{revision}.sql"
    path.write_text(sql, encoding="utf-8")

    result = squawk("--config", CONFIG, "--reporter", "gcc", path)

    assert result.returncode == 0, (
        f"squawk found problems in the PostgreSQL SQL of {previous} -> {revision} "
        f"({path}):\n{result.stdout}{result.stderr}"
    )


def test_the_config_leaves_squawk_able_to_fail(tmp_path: Path) -> None:
    """A blocking index build on an existing table still fails: the config is not a mute."""
    path = tmp_path / "blocking.sql"
    path.write_text(
        "BEGIN;\nCREATE INDEX ix_articles_title ON articles (title);\nCOMMIT;\n", encoding="utf-8"
    )
    result = squawk("--config", CONFIG, "--reporter", "gcc", path)
    assert result.returncode != 0, result.stdout + result.stderr
    assert "require-concurrent-index-creation" in result.stdout, result.stdout + result.stderr


def test_every_excluded_rule_says_why() -> None:
    """Each rule in excluded_rules has a comment on its line or on the line above it."""
    text = CONFIG.read_text(encoding="utf-8")
    block = re.search(r"^excluded_rules\s*=\s*\[(.*?)^\]", text, re.S | re.M)
    assert block is not None
    lines = block.group(1).splitlines()
    rules = 0
    for number, line in enumerate(lines):
        if not re.match(r'\s*"[a-z-]+"', line):
            continue
        rules += 1
        above = lines[number - 1].strip() if number else ""
        assert "#" in line or above.startswith("#"), f"{line.strip()} has no reason"
    assert rules > 0


# -- the reason three lock rules are off: revisions only touch what they create ------------
# (or, after setting a lock_timeout, so that waiting for its lock cannot queue everyone
# behind it: build and drop indexes CONCURRENTLY, which blocks neither reads nor writes;
# change a comment, add a column with a constant default, or add or drop a CHECK
# NOT VALID, catalog-only changes since PostgreSQL 11; validate a constraint, which
# scans the table under a lock that lets reads and writes go on)

_CREATED = re.compile(
    r"^CREATE\s+(?:OR\s+REPLACE\s+)?(?:TABLE|VIEW|FUNCTION)\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)",
    re.I,
)
# Statements that lock (or write to) the object they name: "<what> <name>".
_TOUCHING = [
    re.compile(pattern, re.I | re.S)
    for pattern in (
        r"^ALTER\s+(?:TABLE|VIEW)\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(\w+)",
        r"^CREATE\s+(?:UNIQUE\s+)?INDEX\s+.*?\bON\s+(?:ONLY\s+)?(\w+)",
        r"^COMMENT\s+ON\s+(?:TABLE|VIEW)\s+(\w+)",
        r"^COMMENT\s+ON\s+COLUMN\s+(\w+)\.",
        r"^CREATE\s+(?:OR\s+REPLACE\s+)?TRIGGER\s+.*?\bON\s+(\w+)",
        r"^(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(\w+)",
    )
]
# Statements harmless to an existing table once a lock_timeout bounds their wait.
_CONSTANT = r"(?:'[^']*'|-?\d+(?:\.\d+)?|true|false)"
_LOCK_BOUNDED = {
    re.compile(r"^CREATE\s+INDEX\s+CONCURRENTLY\s+", re.I): "concurrent index",
    re.compile(r"^DROP\s+INDEX\s+CONCURRENTLY\s+", re.I): "concurrent index",
    re.compile(r"^COMMENT\s+ON\s+", re.I): "comment",
    re.compile(
        r"^ALTER\s+TABLE\s+\w+\s+ADD\s+COLUMN\s+(?:IF\s+NOT\s+EXISTS\s+)?\w+\s+\w+"
        r"(?:\s+WITH(?:OUT)?\s+TIME\s+ZONE)?(?:\(\d+\))?"
        rf"(?:\s+DEFAULT\s+{_CONSTANT})?(?:\s+NOT\s+NULL)?\Z",
        re.I,
    ): "catalog-only column",
    re.compile(
        r"^ALTER\s+TABLE\s+\w+\s+ADD\s+CONSTRAINT\s+\w+\s+CHECK\s*\(.*\)\s+NOT\s+VALID\Z",
        re.I | re.S,
    ): "check added NOT VALID",
    re.compile(
        r"^ALTER\s+TABLE\s+\w+\s+DROP\s+CONSTRAINT\s+(?:IF\s+EXISTS\s+)?\w+\Z", re.I
    ): "dropped constraint",
    re.compile(r"^ALTER\s+TABLE\s+\w+\s+VALIDATE\s+CONSTRAINT\s+\w+\Z", re.I): "validation",
    # A trigger is a catalog change (a brief SHARE ROW EXCLUSIVE lock, no scan).
    re.compile(r"^CREATE\s+TRIGGER\s+\w+\s+.*?\bON\s+\w+", re.I | re.S): "trigger",
    re.compile(r"^DROP\s+TRIGGER\s+IF\s+EXISTS\s+\w+\s+ON\s+\w+\Z", re.I): "trigger",
    re.compile(r"^DROP\s+FUNCTION\s+IF\s+EXISTS\s+\w+\(\)\Z", re.I): "trigger function",
}
# Tables only the loader reads and writes (matching keys: no view, named query, repository
# or service reads them). A revision may rewrite one (0013 changes its key column's type)
# under its lock_timeout: loads wait for it, readers never do.
_LOADER_ONLY = re.compile(
    r"^(?:(?:ALTER\s+TABLE|CREATE\s+INDEX\s+\w+\s+ON)\s+(?:event_keys|claim_keys)\b"
    r"|DROP\s+INDEX\s+ix_(?:event_keys|claim_keys)_\w+\Z)",
    re.I,
)
_LOCK_TIMEOUT = re.compile(r"^(SET|RESET)\s+lock_timeout\b", re.I)
# Alembic's own bookkeeping table: one row, locked only by migrations themselves.
_BOOKKEEPING = {"alembic_version"}


def statements(sql: str) -> list[str]:
    """The statements of an offline script, without comments and BEGIN/COMMIT."""
    lines = [line for line in sql.splitlines() if not line.lstrip().startswith("--")]
    found = [part.strip() for part in re.split(r";\s*\n", "\n".join(lines) + "\n")]
    return [part for part in found if part and part.upper() not in {"BEGIN", "COMMIT"}]


def outside_statements(sql: str) -> list[str]:
    """Statements of ``sql`` that touch an object it did not create (or are unknown)."""
    created: set[str] = set()
    outside: list[str] = []
    lock_timeout = False
    for statement in statements(sql):
        if match := _CREATED.match(statement):
            created.add(match.group(1).lower())
            continue
        if match := _LOCK_TIMEOUT.match(statement):
            lock_timeout = match.group(1).upper() == "SET"
            continue
        targets = [m.group(1).lower() for p in _TOUCHING if (m := p.match(statement))]
        if targets and targets[0] in created | _BOOKKEEPING:
            continue
        bounded = [label for p, label in _LOCK_BOUNDED.items() if p.match(statement)]
        bounded += ["loader-only table"] if _LOADER_ONLY.match(statement) else []
        if bounded:
            if not lock_timeout:
                outside.append(f"{bounded[0]} without a lock_timeout: {statement[:120]}")
        elif not targets:
            outside.append(f"unrecognized statement: {statement[:120]}")
        else:
            outside.append(f"touches existing {targets[0]}: {statement[:120]}")
    return outside


@pytest.mark.parametrize(("previous", "revision"), STEPS, ids=[rev for _, rev in STEPS])
def test_revisions_only_touch_objects_they_create(previous: str, revision: str) -> None:
    """If this fails, a revision locks or writes an existing table: turn require-lock-timeout,
    require-statement-timeout and adding-field-with-default back on in .squawk.toml and
    have alembic/env.py emit SET lock_timeout / statement_timeout for PostgreSQL."""
    sql = offline_sql(previous, revision)
    assert statements(sql), f"no statements parsed from the SQL of {revision}"
    outside = outside_statements(sql)
    assert outside == [], f"{previous} -> {revision}:\n" + "\n".join(outside)


def test_touching_an_existing_table_is_noticed() -> None:
    sql = (
        "BEGIN;\n\nCREATE TABLE fresh (id BIGINT);\n\nCOMMENT ON TABLE fresh IS 'new';\n\n"
        "ALTER TABLE articles ADD COLUMN note TEXT;\n\n"
        "CREATE INDEX ix_events_year ON events (year);\n\n"
        "CREATE INDEX CONCURRENTLY ix_events_month ON events (month);\n\n"
        "UPDATE claims SET kind = 'quote';\n\nVACUUM claims;\n\nCOMMIT;\n\n"
        "SET lock_timeout = '10s';\n\n"
        "CREATE INDEX CONCURRENTLY ix_events_day ON events (day);\n\n"
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS note VARCHAR(40) DEFAULT 'x' NOT NULL;\n\n"
        "ALTER TABLE events ADD COLUMN seen TIMESTAMP DEFAULT now() NOT NULL;\n\n"
        "ALTER TABLE events ADD CONSTRAINT ck_events_x CHECK (day > 0) NOT VALID;\n\n"
        "ALTER TABLE events ADD CONSTRAINT ck_events_y CHECK (day > 1);\n\n"
        "ALTER TABLE events VALIDATE CONSTRAINT ck_events_x;\n\n"
        "DROP INDEX CONCURRENTLY IF EXISTS ix_events_year;\n\nRESET lock_timeout;\n\n"
        "ALTER TABLE events DROP CONSTRAINT ck_events_x;\n\n"
        "DROP INDEX CONCURRENTLY ix_events_month;\n"
    )
    assert [line.split(":")[0] for line in outside_statements(sql)] == [
        "catalog-only column without a lock_timeout",
        "touches existing events",
        "concurrent index without a lock_timeout",
        "touches existing claims",
        "unrecognized statement",
        "touches existing events",
        "touches existing events",
        "dropped constraint without a lock_timeout",
        "concurrent index without a lock_timeout",
    ]


def test_only_the_key_tables_may_be_rewritten_and_only_under_a_lock_timeout() -> None:
    sql = (
        "BEGIN;\n\nALTER TABLE claim_keys ALTER COLUMN key TYPE BYTEA;\n\n"
        "SET lock_timeout = '10s';\n\nDROP INDEX ix_claim_keys_key;\n\n"
        "ALTER TABLE event_keys ALTER COLUMN key TYPE BYTEA;\n\n"
        "CREATE INDEX ix_event_keys_key_event_id ON event_keys (key, event_id);\n\n"
        "ALTER TABLE claims ALTER COLUMN text TYPE VARCHAR(10);\n\n"
        "DROP INDEX ix_claims_expert_id;\n\nRESET lock_timeout;\n\nCOMMIT;\n"
    )
    assert [line.split(":")[0] for line in outside_statements(sql)] == [
        "loader-only table without a lock_timeout",
        "touches existing claims",
        "unrecognized statement",
    ]
