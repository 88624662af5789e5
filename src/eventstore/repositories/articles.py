"""Articles: one by id or external id, a filtered list, and full-text search."""

from __future__ import annotations

import builtins
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from eventstore.errors import NotFound
from eventstore.models import ArticleDetail, ArticleSummary, Page
from eventstore.normalize import source_key
from eventstore.repositories._inputs import check_text, column_width, fits_int64, shown
from eventstore.repositories._paging import decode_ints, encode
from eventstore.repositories._search import fts_query, matches
from eventstore.schema import (
    ArticleRow,
    ClaimMentionRow,
    EventMentionRow,
    ExpertRow,
    SourceRow,
    table,
)

_EXTERNAL_ID_CHARS = column_width(table(ArticleRow).c.external_id)
_SUMMARY = ("id", "external_id", "title", "published_on", "category", "ingested_at")
_DETAIL = (
    "url",
    "lede",
    "body",
    "language",
    "content_hash",
    "extractor_version",
    "source_path",
    "updated_at",
    "run_id",
)


def article_id_for(session: Session, article: str | int) -> int:
    """The id of an article given its id or its external id."""
    found = None
    if len(str(article)) <= _EXTERNAL_ID_CHARS:  # a longer one names no article
        query = select(ArticleRow.id).where(ArticleRow.external_id == str(article))
        found = session.scalar(query)
    if found is None and (isinstance(article, int) or str(article).isdigit()):
        number = int(article)
        if fits_int64(number):
            found = session.scalar(select(ArticleRow.id).where(ArticleRow.id == number))
    if found is None:
        raise NotFound(f"no article {shown(article)}")
    return found


def _listing() -> Select[Any]:
    claims = (
        select(func.count(func.distinct(ClaimMentionRow.claim_id)))
        .where(ClaimMentionRow.article_id == ArticleRow.id)
        .scalar_subquery()
    )
    events = (
        select(func.count(EventMentionRow.id))
        .where(EventMentionRow.article_id == ArticleRow.id)
        .scalar_subquery()
    )
    outlet = aliased(SourceRow)
    featured = aliased(ExpertRow)
    return (
        select(
            ArticleRow,
            outlet.name.label("outlet"),
            featured.name.label("featured_expert"),
            claims.label("claim_count"),
            events.label("event_count"),
        )
        .outerjoin(outlet, outlet.id == ArticleRow.source_id)
        .outerjoin(featured, featured.id == ArticleRow.featured_expert_id)
    )


def _values(article: ArticleRow, names: tuple[str, ...], **extra: Any) -> dict[str, Any]:
    return {**{name: getattr(article, name) for name in names}, **extra}


class ArticleRepository:
    """Reads articles."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, article: str | int) -> ArticleDetail:
        """One article by external id or id, with its text and provenance."""
        article_id = article_id_for(self.session, article)
        row = self.session.execute(_listing().where(ArticleRow.id == article_id)).one()
        found, outlet, featured, claims, events = row
        values = _values(
            found,
            _SUMMARY + _DETAIL,
            outlet=outlet,
            featured_expert=featured,
            claim_count=claims,
            event_count=events,
        )
        return ArticleDetail.model_validate(values)

    def list(
        self,
        *,
        outlet: str | None = None,
        published_from: date | None = None,
        published_to: date | None = None,
        limit: int = 50,
        after: str | None = None,
    ) -> Page[ArticleSummary]:
        """Articles in load order, filtered by outlet and publication date."""
        query = _listing().order_by(ArticleRow.id)
        if outlet is not None:
            key = source_key(check_text(outlet, "outlet"))
            query = query.where(
                ArticleRow.source_id.in_(select(SourceRow.id).where(SourceRow.key == key))
            )
        if published_from is not None:
            query = query.where(ArticleRow.published_on >= published_from)
        if published_to is not None:
            query = query.where(ArticleRow.published_on <= published_to)
        if after is not None:
            query = query.where(ArticleRow.id > decode_ints(after, 1)[0])
        rows = self._summaries(query.limit(limit + 1))
        more, rows = len(rows) > limit, rows[:limit]
        return Page(items=tuple(rows), next_after=encode([rows[-1].id]) if more else None)

    def search(self, text: str, *, limit: int = 20) -> builtins.list[ArticleSummary]:
        """Articles whose title or body match every word of ``text``, best first."""
        dialect = self.session.get_bind().dialect.name
        hits = matches(dialect, "articles")
        query = (
            _listing()
            .join(hits, hits.c.id == ArticleRow.id)
            .order_by(hits.c.rank.desc(), ArticleRow.id)
            .limit(limit)
        )
        return self._summaries(query, {"fts_query": fts_query(dialect, text)})

    def _summaries(
        self, query: Select[Any], params: dict[str, Any] | None = None
    ) -> builtins.list[ArticleSummary]:
        return [
            ArticleSummary.model_validate(
                _values(
                    article,
                    _SUMMARY,
                    outlet=outlet,
                    featured_expert=featured,
                    claim_count=claims,
                    event_count=events,
                )
            )
            for article, outlet, featured, claims, events in self.session.execute(query, params)
        ]
