"""Access for services: a read-only PostgreSQL role over every table and view."""

from __future__ import annotations

import re

from sqlalchemy import Engine, text

from eventstore.errors import ConfigurationError

_ROLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def grant_readonly(engine: Engine, role: str) -> list[str]:
    """Let ``role`` read every table and view of the public schema, now and later, and
    nothing else; create it (NOLOGIN, a group to grant to users) when it does not exist.
    Returns the statements run."""
    if engine.dialect.name != "postgresql":
        raise ConfigurationError(
            "read-only roles are a PostgreSQL feature; share an SQLite file read-only "
            "instead (sqlite:///file:eventstore.db?mode=ro&uri=true)"
        )
    if not _ROLE.match(role):
        raise ConfigurationError(f"not a plain role name: {role!r} (letters, digits, _)")
    quoted = f'"{role}"'
    with engine.begin() as connection:
        database = connection.execute(text("SELECT current_database()")).scalar_one()
        exists = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}
        ).first()
        statements = [] if exists else [f"CREATE ROLE {quoted} NOLOGIN"]
        statements += [
            f'GRANT CONNECT ON DATABASE "{database}" TO {quoted}',
            f"GRANT USAGE ON SCHEMA public TO {quoted}",
            f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {quoted}",
            # Tables and views created later by this owner (new migrations) too.
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {quoted}",
        ]
        for statement in statements:
            connection.execute(text(statement))
    return statements
