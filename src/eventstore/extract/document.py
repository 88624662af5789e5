"""What extraction produces: frozen pydantic documents, with every span into the body.

An ``ArticleDoc`` is everything the loader needs to write one article; nothing in it
refers to database rows. Offsets are character offsets into ``ArticleDoc.body``.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from eventstore.vocabulary import (
    ClaimKind,
    DatePrecision,
    ExpertKind,
    Section,
    SourceKind,
    SourceRole,
)


class _Doc(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Doc):
    """A character span of the body: ``body[start:end] == text``."""

    start: int
    end: int
    text: str


class DateReading(_Doc):
    """A date phrase as read, and what it says (after the timeline's year rules)."""

    text: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    precision: DatePrecision = "unknown"
    qualifier: str | None = None
    year_inferred: bool = False


class PersonRef(_Doc):
    """A person named in the article, with what the article says they are."""

    name: str
    key: str
    kind: ExpertKind = "expert"
    role: str | None = None
    affiliation: str | None = None


class SourceRef(_Doc):
    """A source named in a sentence, and the part it plays there."""

    name: str
    key: str
    kind: SourceKind
    role: SourceRole


class ClaimDoc(_Doc):
    """One statement of one person, where it stands, and who it cites.

    ``extracted_by`` names the rule or model step that found it (``quote.cue_after``,
    ``lede.summary``, ...); ``confidence`` is that step's confidence in [0, 1].

    A quote interrupted by its attribution ('"A," he said. "B."') is one claim with
    two spans; ``text`` joins them.
    """

    speaker: PersonRef
    kind: ClaimKind
    text: str
    spans: tuple[Span, ...]
    section: Section
    attribution: str | None = None
    sources: tuple[SourceRef, ...] = ()
    extracted_by: str = Field(default="rule", max_length=40)
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)


class EventDoc(_Doc):
    """One reported event: the sentence, its date reading, its summary and sources.

    ``extracted_by`` and ``confidence`` as on ``ClaimDoc`` (``timeline.dated_line``, ...).
    """

    span: Span
    summary: str
    date: DateReading
    sources: tuple[SourceRef, ...] = ()
    extracted_by: str = Field(default="rule", max_length=40)
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)


class Note(_Doc):
    """Something extraction skipped, and why (the article itself still loads)."""

    code: Literal["bad_date", "unbalanced_quote"]
    message: str


class ArticleDoc(_Doc):
    """One article, fully extracted."""

    external_id: str
    title: str
    body: str
    lede: str | None = None
    url: str | None = None
    outlet: str | None = None
    category: str | None = None
    language: str | None = "en"
    published_on: date | None = None
    featured_expert: PersonRef | None = None
    claims: tuple[ClaimDoc, ...] = ()
    events: tuple[EventDoc, ...] = ()
    notes: tuple[Note, ...] = ()
