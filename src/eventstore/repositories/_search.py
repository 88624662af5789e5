"""Full-text search, the one place its SQL differs: FTS5 on SQLite, tsvector on PostgreSQL.

``matches(dialect, "claims")`` is a subquery of (id, rank) over the rows matching every
word of the ``fts_query`` parameter (stemmed), which ``fts_query(dialect, text)`` makes
from free text; a higher rank is a better match. Statements are built once per dialect and
table, and bound to the query at execution.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sqlalchemy import Float, Integer, Subquery, text

from eventstore.errors import UsageError
from eventstore.repositories._inputs import MAX_SEARCH_WORDS, check_text

SEARCHABLE = ("claims", "events", "articles")
_WORD = re.compile(r"\w+", re.UNICODE)


def words(query: str) -> list[str]:
    """The words of a free-text query (punctuation and operators dropped)."""
    return _WORD.findall(query)


def fts_query(dialect: str, query: str) -> str:
    """The value of the ``fts_query`` parameter for free text ``query``; UsageError
    for a text over 1,000 characters or 64 words."""
    terms = words(check_text(query, "search"))
    if len(terms) > MAX_SEARCH_WORDS:
        raise UsageError(
            f"search: {len(terms):,} words, at most {MAX_SEARCH_WORDS} (every word must match)"
        )
    if dialect == "sqlite":
        # Each word quoted: FTS5 operators in user input are read as plain words.
        return " ".join(f'"{term}"' for term in terms) or '""'
    return " ".join(terms)


@lru_cache(maxsize=16)
def matches(dialect: str, table: str) -> Subquery:
    """Ids of ``table`` rows matching the ``fts_query`` parameter, with a rank."""
    if table not in SEARCHABLE:
        raise ValueError(f"not searchable: {table}")
    if dialect == "sqlite":
        sql = (
            f"SELECT rowid AS id, -bm25({table}_fts) AS rank "  # noqa: S608 - fixed table names
            f"FROM {table}_fts WHERE {table}_fts MATCH :fts_query"
        )
    else:
        sql = (
            f"SELECT id, ts_rank(search_vector, q) AS rank "  # noqa: S608 - fixed table names
            f"FROM {table}, plainto_tsquery('english', :fts_query) q WHERE search_vector @@ q"
        )
    return text(sql).columns(id=Integer, rank=Float).subquery(f"{table}_hits")
