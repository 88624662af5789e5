"""Read models: frozen pydantic objects that repositories return and the CLI prints.

Nothing here knows about sessions or ORM rows; a repository copies what it read into
these, so callers can keep them as long as they like.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Annotated, Any, Generic, Self, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainSerializer, field_validator

from eventstore.timestamps import as_utc, iso_utc
from eventstore.vocabulary import (
    ClaimKind,
    DatePrecision,
    ErrorCode,
    ExpertKind,
    MatchMethod,
    RunStatus,
    Section,
    Severity,
    SourceKind,
    SourceRole,
)

T = TypeVar("T")
# A moment: aware UTC in Python, ``...Z`` in JSON, whichever database it was read from.
UtcDateTime = Annotated[
    datetime, AfterValidator(as_utc), PlainSerializer(iso_utc, when_used="json")
]


class Model(BaseModel):
    """Base of every read model: frozen, built from attributes."""

    model_config = ConfigDict(frozen=True, from_attributes=True)

    @classmethod
    def trusted(cls, **values: Any) -> Self:
        """An instance from values the database has already checked, given for every field.

        Nothing is validated or defaulted: a repository reading its own schema's rows
        uses this where ``model_construct`` (which fills defaults field by field) took
        10 us a row, five times this, and most of a 100-row timeline page's time."""
        model = cls.__new__(cls)
        object.__setattr__(model, "__dict__", values)
        object.__setattr__(model, "__pydantic_fields_set__", set(values))
        object.__setattr__(model, "__pydantic_extra__", None)
        object.__setattr__(model, "__pydantic_private__", None)
        return model


class IngestionError(Model):
    """One input a run rejected, or loaded with a part skipped."""

    id: int
    path: str
    line: int | None
    external_id: str | None
    severity: Severity
    code: ErrorCode
    reason: str


class IngestionRun(Model):
    """One load: when, what it saw and did, and what went wrong."""

    id: int
    started_at: UtcDateTime
    finished_at: UtcDateTime | None
    status: RunStatus
    files_seen: int
    added: int
    updated: int
    unchanged: int
    failed: int
    extractor_version: str
    host: str | None
    pid: int | None
    read_s: float
    extract_s: float
    resolve_s: float
    write_s: float
    message: str | None
    known_bad: int = 0
    skipped: int = 0
    skipped_reasons: dict[str, int] = Field(default_factory=dict)
    version: str | None = None
    input_root: str | None = None
    progress_at: UtcDateTime | None = None
    errors: tuple[IngestionError, ...] = ()

    @field_validator("skipped_reasons", mode="before")
    @classmethod
    def _from_json(cls, value: object) -> object:
        """The column holds a JSON object (or NULL); a reason that counted none is left out."""
        if value is None:
            return {}
        counts = json.loads(value) if isinstance(value, str) else value
        if not isinstance(counts, dict):
            return counts  # pydantic says what is wrong with it
        return {reason: count for reason, count in counts.items() if count}


class RejectedInput(Model):
    """An input rejected and not loaded since: what it was, why, when first and last met."""

    id: int
    path: str
    line: int | None
    size: int
    content_hash: str
    code: ErrorCode
    reason: str
    first_seen_at: UtcDateTime
    last_seen_at: UtcDateTime
    first_run_id: int | None
    last_run_id: int | None
    times_seen: int


class Page(Model, Generic[T]):
    """One page of a long list; pass ``next_after`` back as ``after`` for the next page."""

    items: tuple[T, ...]
    next_after: str | None = None


class SourceLink(Model):
    """A source as one event or claim names it, with the part it plays."""

    source_id: int
    name: str
    kind: SourceKind
    role: SourceRole


class Source(Model):
    """A source with how far it reaches: articles it published, items that name it, and
    its links by role (the columns of v_sources)."""

    source_id: int
    name: str
    kind: SourceKind
    article_count: int
    event_count: int
    claim_count: int
    citing_article_count: int
    reported_by_count: int
    confirmed_by_count: int
    cited_count: int
    stated_by_count: int
    observed_by_count: int


class Expert(Model):
    """A person whose statements are recorded, with their activity (the columns of
    v_experts)."""

    expert_id: int
    name: str
    kind: ExpertKind
    role: str | None
    affiliation: str | None
    claim_count: int
    article_count: int
    featured_count: int
    first_seen_at: UtcDateTime | None
    last_seen_at: UtcDateTime | None
    first_published_on: date | None
    last_published_on: date | None


class Claim(Model):
    """One distinct statement of one person (named as v_claims names its columns)."""

    claim_id: int
    expert_id: int
    expert_name: str
    kind: ClaimKind
    text: str
    article_count: int
    source_names: tuple[str, ...] = ()


class ClaimHit(Claim):
    """A claim found by full-text search, with its rank (higher is better)."""

    rank: float


class ClaimMention(Model):
    """Where a claim is stated, and which extraction step found it with what confidence."""

    id: int
    article_id: int
    external_id: str
    article_title: str
    section: Section
    start_offset: int
    end_offset: int
    text: str
    attribution: str | None
    match_method: MatchMethod
    match_score: float | None
    extracted_by: str
    confidence: float


class ClaimDetail(Claim):
    """A claim with every mention and every source link."""

    mentions: tuple[ClaimMention, ...]
    source_links: tuple[SourceLink, ...]
    forwarded_from: int | None = None  # the id asked for, when it was merged into this one


class TimelineEvent(Model):
    """An event as a timeline shows it (named as v_timeline names its columns)."""

    event_id: int
    year: int | None
    month: int | None
    day: int | None
    date_precision: DatePrecision
    date_qualifier: str | None
    date_label: str | None
    summary: str
    article_count: int
    mention_count: int
    source_names: tuple[str, ...] = ()


class EventMention(Model):
    """One report of an event: the article, the sentence, how it was matched, and which
    extraction step found it with what confidence."""

    id: int
    article_id: int
    external_id: str
    article_title: str
    text: str
    start_offset: int
    end_offset: int
    date_text: str | None
    year: int | None
    month: int | None
    day: int | None
    date_precision: DatePrecision
    year_inferred: bool
    match_method: MatchMethod
    match_score: float | None
    extracted_by: str
    confidence: float


class EventDetail(TimelineEvent):
    """An event with every mention and every source link."""

    mentions: tuple[EventMention, ...]
    source_links: tuple[SourceLink, ...]
    forwarded_from: int | None = None  # the id asked for, when it was merged into this one


class ArticleSummary(Model):
    """An article as a list shows it."""

    id: int
    external_id: str
    title: str
    outlet: str | None
    published_on: date | None
    category: str | None
    featured_expert: str | None
    claim_count: int
    event_count: int
    ingested_at: UtcDateTime


class ArticleDetail(ArticleSummary):
    """An article with its text and provenance."""

    url: str | None
    lede: str | None
    body: str
    language: str | None
    content_hash: str
    extractor_version: str
    source_path: str | None
    updated_at: UtcDateTime
    run_id: int | None


class Stats(Model):
    """Row counts of the store and the span of its dated events."""

    counts: dict[str, int]
    first_event: str | None
    last_event: str | None
    runs: int
    last_run_at: UtcDateTime | None


class Change(Model):
    """One row of the change feed: what happened to which row, in commit order."""

    seq: int
    entity: str
    entity_id: int
    op: str
    survivor_id: int | None
    run_id: int | None
    changed_at: UtcDateTime


class Forward(Model):
    """Where a retired id leads: the row it was merged into (followed to the end), or
    nowhere (removed)."""

    entity: str
    id: int
    merged_into: int | None
    run_id: int | None
    retired_at: UtcDateTime
