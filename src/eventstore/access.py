"""Access for services: a read-only PostgreSQL role over the read contract, and nothing else.

``grant_readonly(engine, role)`` lets the role SELECT the analyst views and the contract
tables of docs/architecture.md, with the operational columns (where files were, which host and
process loaded them) left out by column-level grants. It takes away what every role has
by default and a reader must not: temporary tables (TEMPORARY on the database, revoked
from PUBLIC and granted back to the roles that load), large objects (the functions that
create one, revoked from PUBLIC), and advisory locks. A reader holding the loader's
advisory lock key stalled every loader: EXECUTE on every ``pg_advisory_*`` and
``pg_try_advisory_*`` locking function is revoked from PUBLIC and granted back to the
roles that load (those that may insert articles, and the role running the grant);
superusers need no grant. Revoking on system functions needs a superuser: run by another
role, those steps are skipped and said so. Re-run it after adding a loader role or
upgrading the schema: it converges (earlier grants to the role are revoked first).

PUBLIC, superusers and roles that can write (or create, or grant themselves roles) are
refused: a grant cannot make them read-only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text

from eventstore.errors import ConfigurationError
from eventstore.views import VIEWS

_ROLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
CONTRACT_VIEWS = tuple(view.name for view in VIEWS)
CONTRACT_TABLES = (
    "alembic_version",
    "sources",
    "articles",
    "experts",
    "expert_names",
    "claims",
    "claim_mentions",
    "claim_sources",
    "events",
    "event_mentions",
    "event_sources",
    "ingestion_runs",
    "ingestion_errors",
    "changes",
    "retired_ids",
)
# Columns a reader does not see: paths of input files (and their hashes), the loading
# host and process.
HIDDEN_COLUMNS = {
    "articles": ("source_path", "input_key"),
    "ingestion_runs": ("paths", "input_root", "host", "pid"),
    "ingestion_errors": ("path",),
}
_LOCK_FUNCTIONS = r"^pg_(try_)?advisory_(xact_)?lock(_shared)?$"
_LARGE_OBJECT_MAKERS = ("lo_creat", "lo_create", "lo_from_bytea", "lo_import")


@dataclass(frozen=True)
class ReadOnlyGrant:
    """The statements a grant ran, and the steps it had to skip (with why)."""

    statements: tuple[str, ...]
    skipped: tuple[str, ...]


def grant_readonly(engine: Engine, role: str) -> ReadOnlyGrant:
    """Make ``role`` (created NOLOGIN when missing, a group to grant to users) a reader
    of the contract views and tables and nothing else; ConfigurationError, in one line,
    for a role that cannot be made read-only."""
    if engine.dialect.name != "postgresql":
        raise ConfigurationError(
            "read-only roles are a PostgreSQL feature; share an SQLite file read-only "
            "instead (sqlite:///file:eventstore.db?mode=ro&uri=true)"
        )
    _check_name(role)
    with engine.begin() as connection:
        _require_schema(connection)
        exists = _refuse_writers(connection, role)
        statements, skipped = _statements(connection, role, exists=exists)
        for statement in statements:
            connection.execute(text(statement))
    return ReadOnlyGrant(tuple(statements), tuple(skipped))


def _check_name(role: str) -> None:
    if role.lower() == "public":
        raise ConfigurationError(
            "refusing PUBLIC: it is every role, loaders included; name a role of its own"
        )
    if not _ROLE.match(role) or role.lower().startswith("pg_"):
        raise ConfigurationError(
            f"not a plain role name: {role!r} (letters, digits, _; not starting with pg_)"
        )


def _require_schema(connection: Connection) -> None:
    missing = [
        name
        for name in (*CONTRACT_TABLES, *CONTRACT_VIEWS)
        if connection.execute(text("SELECT to_regclass(:name)"), {"name": name}).scalar() is None
    ]
    if missing:
        raise ConfigurationError(
            f"the database lacks {', '.join(missing[:3])}: run `eventstore db upgrade` first"
        )


_ROLE_POWERS = text(
    "SELECT r.rolsuper, r.rolcreaterole, r.rolbypassrls, "
    "EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') "
    "  AND has_table_privilege(r.oid, c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, TRIGGER')), "
    "EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "  WHERE n.nspname = 'public' AND CASE WHEN c.relkind = 'S' "  # only then may it be asked
    "  THEN has_sequence_privilege(r.oid, c.oid, 'USAGE, UPDATE') END), "
    "has_schema_privilege(r.oid, 'public', 'CREATE'), "
    "has_database_privilege(r.oid, current_database(), 'CREATE') "
    "FROM pg_roles r WHERE r.rolname = :role"
)


def _refuse_writers(connection: Connection, role: str) -> bool:
    """ConfigurationError when ``role`` exists and can write; True when it exists."""
    powers = connection.execute(_ROLE_POWERS, {"role": role}).first()
    if powers is None:
        return False
    superuser, creates_roles, bypasses_rls, writes, sequences, schema, database = powers
    why = (
        "it is a superuser"
        if superuser
        else "it can create roles (and so grant itself any)"
        if creates_roles
        else "it bypasses row-level security"
        if bypasses_rls
        else "it can write tables of the public schema"
        if writes
        else "it can advance sequences of the public schema"
        if sequences
        else "it can create objects in the public schema"
        if schema
        else "it can create schemas in the database"
        if database
        else None
    )
    if why is not None:
        raise ConfigurationError(
            f"refusing to make {role} read-only: {why}, which a grant cannot take away; "
            "use a role of its own"
        )
    return True


def _statements(connection: Connection, role: str, *, exists: bool) -> tuple[list[str], list[str]]:
    quoted = f'"{role}"'
    database = connection.execute(text("SELECT current_database()")).scalar_one()
    db = '"' + str(database).replace('"', '""') + '"'
    writers = _writers(connection, role)
    statements = [] if exists else [f"CREATE ROLE {quoted} NOLOGIN"]
    statements += [
        # What an earlier grant-readonly gave (every table, now and later) is taken back.
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {quoted}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {quoted}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM {quoted}",
        f"GRANT CONNECT ON DATABASE {db} TO {quoted}",
        f"GRANT USAGE ON SCHEMA public TO {quoted}",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        *_select_grants(connection, quoted),
        f"REVOKE TEMPORARY ON DATABASE {db} FROM PUBLIC, {quoted}",
    ]
    if writers:
        statements.append(f"GRANT TEMPORARY ON DATABASE {db} TO {', '.join(writers)}")
    superuser = connection.execute(
        text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    ).scalar_one()
    if not superuser:
        skipped = [
            "large objects and advisory locks: revoking EXECUTE on system functions needs "
            f"a superuser; {role} can still create large objects and take the loaders' "
            "advisory locks (run grant-readonly as a superuser)"
        ]
        return statements, skipped
    statements += _function_grants(connection, writers)
    return statements, []


def _writers(connection: Connection, reader: str) -> list[str]:
    """The roles that load (may insert articles) and the role granting, quoted; not
    superusers, who need no grant."""
    rows = connection.execute(
        text(
            "SELECT quote_ident(rolname) FROM pg_roles WHERE NOT rolsuper "
            "AND rolname !~ '^pg_' AND rolname <> :reader AND (rolname = current_user "
            "OR has_table_privilege(oid, 'articles', 'INSERT')) ORDER BY rolname"
        ),
        {"reader": reader},
    )
    return [str(name) for name in rows.scalars()]


def _select_grants(connection: Connection, quoted: str) -> list[str]:
    whole = [name for name in (*CONTRACT_VIEWS, *CONTRACT_TABLES) if name not in HIDDEN_COLUMNS]
    statements = [f"GRANT SELECT ON {', '.join(whole)} TO {quoted}"]
    for table, hidden in HIDDEN_COLUMNS.items():
        columns = connection.execute(
            text(
                "SELECT quote_ident(column_name) FROM information_schema.columns "
                "WHERE table_schema = 'public' AND table_name = :table ORDER BY ordinal_position"
            ),
            {"table": table},
        ).scalars()
        shown = [str(column) for column in columns if column not in hidden]
        statements.append(f"GRANT SELECT ({', '.join(shown)}) ON {table} TO {quoted}")
    return statements


def _function_grants(connection: Connection, writers: list[str]) -> list[str]:
    rows = connection.execute(
        text(
            "SELECT p.proname, p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n "
            "ON n.oid = p.pronamespace WHERE n.nspname = 'pg_catalog' "
            "AND (p.proname = ANY(:names) OR p.proname ~ :pattern) ORDER BY 2"
        ),
        {"names": list(_LARGE_OBJECT_MAKERS), "pattern": _LOCK_FUNCTIONS},
    ).all()
    locks = ", ".join(str(sig) for name, sig in rows if re.match(_LOCK_FUNCTIONS, str(name)))
    large_objects = ", ".join(str(sig) for name, sig in rows if name in _LARGE_OBJECT_MAKERS)
    statements = [
        f"REVOKE EXECUTE ON FUNCTION {large_objects} FROM PUBLIC",
        f"REVOKE EXECUTE ON FUNCTION {locks} FROM PUBLIC",
    ]
    if writers:
        statements.append(f"GRANT EXECUTE ON FUNCTION {locks} TO {', '.join(writers)}")
    return statements
