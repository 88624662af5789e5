"""Matching keys stored as 17 bytes, and looked up from an index on (key, row) alone.

``event_keys.key`` and ``claim_keys.key`` held each key as 34 characters: ``f:``, ``b:``,
``n:`` or ``q:`` and 32 hex digits of a 128-bit hash. They now hold the same key as 17
bytes: the kind as one byte (0 f:, 1 b:, 2 n:, 3 q:), then the 16 bytes of the hash
(``eventstore.normalize.stored_key``). The two forms are one-to-one, so the loader finds,
matches and caps exactly the rows it did; the index by key is about 0.6 of its size
(docs/performance.md, "Store side, fourth round": on SQLite one batch's new key rows each
changed a page of it, two thirds of what a batch wrote). The index by key becomes one
by (key, row id), so a lookup no longer reads the table for the row's id.

The key tables are read and written by the loader only (no view, named query,
repository or service reads them), so each is converted in place under its table's
lock, after ``SET lock_timeout`` on PostgreSQL: one ``ALTER COLUMN ... TYPE BYTEA USING``
(a rewrite: loads wait for it, readers never do), the new index built in the same
transaction. SQLite, which cannot change a column's type, copies each table into a new
one (its AUTOINCREMENT high-water mark kept), converting each key with a function of
this revision (SQLite 3.40 has no ``unhex``), then renames it. Offline SQL: PostgreSQL only.

Downgrade converts the keys back to their 34 characters (exactly: nothing is lost either
way) and restores the index by key and the comments.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

from collections.abc import Sequence

from alembic import context, op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCK_TIMEOUT = "10s"
TABLES = (("event_keys", "event_id", "events"), ("claim_keys", "claim_id", "claims"))
KINDS = ("f:", "b:", "n:", "q:")
TEXT_COMMENT = (
    "f: (a hash of a normalized wording) or b:, n:, q: (a MinHash band, name or count of a "
    "wording, scoped; at most 17 rows per key)."
)
BINARY_COMMENT = (
    "The kind of key (byte 0: f: a hash of a normalized wording; 1, 2, 3: b:, n:, q: a "
    "MinHash band, name or count of a wording, scoped, at most 17 rows per key), then its "
    "16-byte hash."
)
# PostgreSQL: text -> bytes and back, in SQL (a key of another kind fails the NOT NULL).
_PG_TO_BINARY = (
    'decode(CASE substr("key", 1, 2) '
    + " ".join(f"WHEN '{kind}' THEN '{number:02x}'" for number, kind in enumerate(KINDS))
    + " END || substr(\"key\", 3), 'hex')"
)
_PG_TO_TEXT = (
    'CASE get_byte("key", 0) '
    + " ".join(f"WHEN {number} THEN '{kind}'" for number, kind in enumerate(KINDS))
    + " END || encode(substring(\"key\" FROM 2), 'hex')"
)
_SQLITE_TO_TEXT = (
    'CASE hex(substr("key", 1, 1)) '
    + " ".join(f"WHEN '{number:02X}' THEN '{kind}'" for number, kind in enumerate(KINDS))
    + ' END || lower(hex(substr("key", 2)))'
)
# squawk's rules this revision knowingly breaks, and why (offline SQL carries the comment).
_SQUAWK_REASONS = {
    "changing-column-type": "a loader-only table, rewritten under its lock_timeout",
    "require-concurrent-index-creation": "the table is locked by its rewrite already",
    "require-concurrent-index-deletion": "dropped before the rewrite, inside its lock",
}


def upgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        _postgresql(binary=True)
    else:
        _sqlite(binary=True)


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        _postgresql(binary=False)
    else:
        _sqlite(binary=False)


def _postgresql(*, binary: bool) -> None:
    op.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
    for table, parent, _ in TABLES:
        old_index, new_index = _indexes(table, parent, binary=binary)
        op.execute(_ignoring("require-concurrent-index-deletion", f"DROP INDEX {old_index}"))
        convert = f"BYTEA USING {_PG_TO_BINARY}" if binary else f"VARCHAR(34) USING {_PG_TO_TEXT}"
        alter = f'ALTER TABLE {table} ALTER COLUMN "key" TYPE {convert}'
        op.execute(_ignoring("changing-column-type", alter))
        columns = _index_columns(parent, binary=binary)
        create = f"CREATE INDEX {new_index} ON {table} {columns}"
        op.execute(_ignoring("require-concurrent-index-creation", create))
        comment = BINARY_COMMENT if binary else TEXT_COMMENT
        op.execute(f"COMMENT ON COLUMN {table}.\"key\" IS '{comment}'")
    op.execute("RESET lock_timeout")


def _ignoring(rule: str, statement: str) -> str:
    """``statement``, preceded in offline SQL by squawk's ignore comment and its reason."""
    if not context.is_offline_mode():
        return statement
    return f"-- {_SQUAWK_REASONS[rule]}\n-- squawk-ignore {rule}\n{statement}"


def _indexes(table: str, parent: str, *, binary: bool) -> tuple[str, str]:
    """(the index to drop, the one to create)."""
    by_key, covering = f"ix_{table}_key", f"ix_{table}_key_{parent}"
    return (by_key, covering) if binary else (covering, by_key)


def _index_columns(parent: str, *, binary: bool) -> str:
    return f'("key", {parent})' if binary else '("key")'


def _sqlite(*, binary: bool) -> None:
    if context.is_offline_mode():
        raise RuntimeError("revision 0013 converts keys with a Python function: online only")
    connection = op.get_bind()
    connection.connection.dbapi_connection.create_function(  # type: ignore[union-attr]
        "eventstore_0013_key", 1, _stored_key, deterministic=True
    )
    convert = 'eventstore_0013_key("key")' if binary else _SQLITE_TO_TEXT
    for table, parent, parents in TABLES:
        query = "SELECT seq FROM sqlite_sequence WHERE name = ?"
        high_water = connection.exec_driver_sql(query, (table,)).scalar()
        copy = f"_{table}_0013"
        op.execute(_sqlite_table(copy, table, parent, parents, binary=binary))
        op.execute(
            f'INSERT INTO {copy} (id, {parent}, "key") '
            f"SELECT id, {parent}, {convert} FROM {table} ORDER BY id"
        )
        op.execute(f"DROP TABLE {table}")
        op.execute(f"ALTER TABLE {copy} RENAME TO {table}")
        _, index = _indexes(table, parent, binary=binary)
        op.execute(f"CREATE INDEX {index} ON {table} {_index_columns(parent, binary=binary)}")
        if high_water is not None:
            op.execute(
                f"UPDATE sqlite_sequence SET seq = max(seq, {int(high_water)}) "
                f"WHERE name = '{table}'"
            )


def _sqlite_table(name: str, table: str, parent: str, parents: str, *, binary: bool) -> str:
    """The key table as the models create it at this revision (binary) or at 0012."""
    return (
        f"CREATE TABLE {name} (\n"
        "\tid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n"
        f"\t{parent} INTEGER NOT NULL, \n"
        f'\t"key" {"BLOB" if binary else "VARCHAR(34)"} NOT NULL, \n'
        f"\tCONSTRAINT fk_{table}_{parent}_{parents} FOREIGN KEY({parent}) "
        f"REFERENCES {parents} (id) ON DELETE CASCADE, \n"
        f'\tCONSTRAINT uq_{table}_{parent}_key UNIQUE ({parent}, "key")\n'
        ")"
    )


def _stored_key(key: str) -> bytes:
    """A key's 17 bytes: its kind (the position of its prefix in KINDS), then its hash."""
    return bytes([KINDS.index(key[:2])]) + bytes.fromhex(key[2:])
