"""Full-text search, the one place its SQL differs: FTS5 on SQLite, tsvector on PostgreSQL.

``matches(session, "claims", "Military Balance")`` is a subquery of (id, rank) with every
word of the query present (stemmed); a higher rank is a better match.
"""

from __future__ import annotations

import re

from sqlalchemy import Float, Integer, Subquery, text
from sqlalchemy.orm import Session

SEARCHABLE = ("claims", "events", "articles")
_WORD = re.compile(r"\w+", re.UNICODE)


def words(query: str) -> list[str]:
    """The words of a free-text query (punctuation and operators dropped)."""
    return _WORD.findall(query)


def matches(session: Session, table: str, query: str) -> Subquery:
    """Ids of ``table`` rows matching every word of ``query``, with a rank."""
    if table not in SEARCHABLE:
        raise ValueError(f"not searchable: {table}")
    terms = words(query)
    if session.get_bind().dialect.name == "sqlite":
        # Each word quoted: FTS5 operators in user input are read as plain words.
        fts_query = " ".join(f'"{term}"' for term in terms) or '""'
        sql = (
            f"SELECT rowid AS id, -bm25({table}_fts) AS rank "  # noqa: S608 - fixed table names
            f"FROM {table}_fts WHERE {table}_fts MATCH :fts_query"
        )
    else:
        fts_query = " ".join(terms)
        sql = (
            f"SELECT id, ts_rank(search_vector, q) AS rank "  # noqa: S608 - fixed table names
            f"FROM {table}, plainto_tsquery('english', :fts_query) q WHERE search_vector @@ q"
        )
    clause = text(sql).bindparams(fts_query=fts_query).columns(id=Integer, rank=Float)
    return clause.subquery(f"{table}_hits")
