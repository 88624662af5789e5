"""Extraction: article text in, ``ArticleDoc`` out. Pure functions; no database here."""

from eventstore.extract.article import EXTRACTOR_VERSION, ArticleMeta, extract_article
from eventstore.extract.document import (
    ArticleDoc,
    ClaimDoc,
    DateReading,
    EventDoc,
    Note,
    PersonRef,
    SourceRef,
    Span,
)

__all__ = [
    "EXTRACTOR_VERSION",
    "ArticleDoc",
    "ArticleMeta",
    "ClaimDoc",
    "DateReading",
    "EventDoc",
    "Note",
    "PersonRef",
    "SourceRef",
    "Span",
    "extract_article",
]
