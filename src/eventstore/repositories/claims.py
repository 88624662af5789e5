"""Claims: full-text search, by expert, by article, and one with its mentions."""

from __future__ import annotations

import builtins
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.engine import RowMapping
from sqlalchemy.orm import Session

from eventstore.errors import NotFound
from eventstore.models import Claim, ClaimDetail, ClaimHit, ClaimMention, Page
from eventstore.repositories._inputs import fits_int64, shown
from eventstore.repositories._links import source_links
from eventstore.repositories._paging import decode_ints, encode
from eventstore.repositories._search import fts_query, matches
from eventstore.repositories._views import V_CLAIMS
from eventstore.repositories.articles import article_id_for
from eventstore.repositories.changes import ChangeRepository
from eventstore.repositories.events import split_names
from eventstore.repositories.experts import expert_id_for
from eventstore.schema import ArticleRow, ClaimMentionRow, ClaimSourceRow

v = V_CLAIMS.c
# The view's columns a Claim needs (the others cost subqueries nobody reads).
_COLUMNS = (
    v.claim_id,
    v.expert_id,
    v.expert_name,
    v.kind,
    v.text,
    v.article_count,
    v.source_names,
)


def _claim(row: RowMapping) -> dict[str, Any]:
    return {
        "claim_id": row["claim_id"],
        "expert_id": row["expert_id"],
        "expert_name": row["expert_name"],
        "kind": row["kind"],
        "text": row["text"],
        "article_count": row["article_count"],
        "source_names": split_names(row["source_names"]),
    }


class ClaimRepository:
    """Reads claims, their mentions and sources."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def search(
        self, text: str, *, expert: str | int | None = None, limit: int = 20
    ) -> builtins.list[ClaimHit]:
        """Claims matching every word of ``text`` (stemmed), best match first; only
        ``expert``'s when given."""
        dialect = self.session.get_bind().dialect.name
        hits = matches(dialect, "claims")
        query = (
            select(*_COLUMNS, hits.c.rank)
            .join(hits, hits.c.id == v.claim_id)
            .order_by(hits.c.rank.desc(), v.claim_id)
            .limit(limit)
        )
        if expert is not None:
            query = query.where(v.expert_id == expert_id_for(self.session, expert))
        return [
            ClaimHit.trusted(**_claim(row), rank=row["rank"])
            for row in self.session.execute(
                query, {"fts_query": fts_query(dialect, text)}
            ).mappings()
        ]

    def list(self, *, limit: int = 100, after: str | None = None) -> Page[Claim]:
        """Every claim, oldest first."""
        return self._page(select(*_COLUMNS), limit, after)

    def by_expert(
        self, expert: str | int, *, limit: int = 50, after: str | None = None
    ) -> Page[Claim]:
        """An expert's claims, oldest first."""
        expert_id = expert_id_for(self.session, expert)
        return self._page(select(*_COLUMNS).where(v.expert_id == expert_id), limit, after)

    def _page(self, query: Select[Any], limit: int, after: str | None) -> Page[Claim]:
        if after is not None:
            query = query.where(v.claim_id > decode_ints(after, 1)[0])
        query = query.order_by(v.claim_id).limit(limit + 1)
        rows = builtins.list(self.session.execute(query).mappings())
        more, rows = len(rows) > limit, rows[:limit]
        cursor = encode([rows[-1]["claim_id"]]) if more else None
        claims = tuple(Claim.trusted(**_claim(row)) for row in rows)
        return Page(items=claims, next_after=cursor)

    def by_article(self, article: str | int) -> builtins.list[Claim]:
        """The claims an article carries, in the order it states them."""
        article_id = article_id_for(self.session, article)
        first = (
            select(ClaimMentionRow.claim_id, func.min(ClaimMentionRow.start_offset).label("at"))
            .where(ClaimMentionRow.article_id == article_id)
            .group_by(ClaimMentionRow.claim_id)
            .subquery()
        )
        query = (
            select(*_COLUMNS)
            .join(first, first.c.claim_id == v.claim_id)
            .order_by(first.c.at, v.claim_id)
        )
        return [Claim.model_validate(_claim(r)) for r in self.session.execute(query).mappings()]

    def get(self, claim_id: int) -> ClaimDetail:
        """One claim with every mention and source link."""
        if not fits_int64(claim_id):
            raise NotFound(f"no claim {shown(claim_id)}")
        row = self.session.execute(select(*_COLUMNS).where(v.claim_id == claim_id)).mappings()
        found = row.first()
        if found is None:
            live = ChangeRepository(self.session).live_id("claim", claim_id)
            return self.get(live).model_copy(update={"forwarded_from": claim_id})
        return ClaimDetail.model_validate(
            {
                **_claim(found),
                "mentions": self._mentions(claim_id),
                "source_links": source_links(self.session, ClaimSourceRow, claim_id),
            }
        )

    def _mentions(self, claim_id: int) -> builtins.list[ClaimMention]:
        query = (
            select(ClaimMentionRow, ArticleRow.external_id, ArticleRow.title)
            .join(ArticleRow, ArticleRow.id == ClaimMentionRow.article_id)
            .where(ClaimMentionRow.claim_id == claim_id)
            .order_by(ArticleRow.external_id, ClaimMentionRow.start_offset)
        )
        fields = (
            "id",
            "article_id",
            "section",
            "start_offset",
            "end_offset",
            "text",
            "attribution",
            "match_method",
            "match_score",
            "extracted_by",
            "confidence",
        )
        return [
            ClaimMention.model_validate(
                {
                    **{name: getattr(mention, name) for name in fields},
                    "external_id": external_id,
                    "article_title": title,
                }
            )
            for mention, external_id, title in self.session.execute(query)
        ]
