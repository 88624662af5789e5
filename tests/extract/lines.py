"""Short articles of our own for the extractor's tests: a headline, then the lines."""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc, ArticleMeta, ClaimDoc, EventDoc, extract_article


def article(
    *lines: str,
    published: date,
    outlet: str | None = None,
    title: str = "A headline of our own",
    category: str | None = None,
) -> ArticleDoc:
    """The extraction of a headline of our own followed by ``lines``, one per paragraph."""
    text = f"{title}\n" + "\n".join(lines) + "\n"
    meta = ArticleMeta(published_on=published, outlet=outlet, category=category)
    return extract_article(text, external_id="t", meta=meta, today=date(2026, 11, 30))


def claim_of(doc: ArticleDoc, words: str) -> ClaimDoc:
    """The one claim of ``doc`` with a mention holding ``words``."""
    (claim,) = [c for c in doc.claims if any(words in s.text for s in c.spans)]
    return claim


def event_of(doc: ArticleDoc, words: str) -> EventDoc:
    """The one event of ``doc`` whose mention holds ``words``."""
    (event,) = [e for e in doc.events if words in e.span.text]
    return event
