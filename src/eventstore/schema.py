"""The database schema: SQLAlchemy models of every table in docs/architecture.md's read contract.

These classes describe the tables; Alembic revisions create them (``alembic check`` keeps
the two in step). Every table and column carries a ``comment``: PostgreSQL stores it with
``COMMENT ON`` and ``docs/SCHEMA.md`` is generated from it. Only ``load/`` writes these rows
and only ``repositories/`` reads them; neither lets an ORM object escape.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import cast

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Computed,
    Date,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from eventstore import vocabulary as v

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# 64-bit ids; on SQLite the primary key must be spelled INTEGER to alias the rowid.
BigId = BigInteger().with_variant(Integer(), "sqlite")

# CURRENT_TIMESTAMP is spelled the same on SQLite and PostgreSQL; now() is not.
_NOW = text("CURRENT_TIMESTAMP")

# Tables keep AUTOINCREMENT on SQLite so that an id is never reused after a delete:
# services that remember ids (the change feed) must not see one mean two things.
_SQLITE_TABLE = {"sqlite_autoincrement": True}


class Base(DeclarativeBase):
    """Declarative base carrying the constraint naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def table(model: type[Base]) -> Table:
    """The Core table behind ``model``, for bulk statements."""
    return cast(Table, model.__table__)


def _one_of(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    allowed = ", ".join(f"'{value}'" for value in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=name)


def _offsets() -> CheckConstraint:
    return CheckConstraint("start_offset >= 0 AND start_offset < end_offset", name="offsets")


def _confidence_check() -> CheckConstraint:
    return CheckConstraint("confidence BETWEEN 0 AND 1", name="confidence")


def _extracted_by() -> Mapped[str]:
    # Rows loaded before the column existed say 'legacy' (revision 0005).
    return mapped_column(
        String(40),
        server_default="legacy",
        comment="The rule or model step that found this mention, e.g. quote.cue_after, "
        "lede.summary, timeline.dated_line.",
    )


def _confidence() -> Mapped[float]:
    return mapped_column(
        Float, server_default=text("1.0"), comment="Confidence of that step in [0, 1]."
    )


def _updated() -> Mapped[datetime | None]:
    # Nullable: added by revision 0006 without a default, not filled in for older rows.
    return mapped_column(
        DateTime(timezone=True),
        comment="When eventstore last inserted or changed this row (UTC); NULL: not changed "
        "since created_at (rows stored before revision 0006).",
    )


def _id(what: str) -> Mapped[int]:
    return mapped_column(BigId, primary_key=True, comment=f"Surrogate key of the {what}.")


def _created() -> Mapped[datetime]:
    return mapped_column(
        DateTime(timezone=True),
        server_default=_NOW,
        comment="When eventstore first wrote this row (UTC).",
    )


class SourceRow(Base):
    """An outlet that publishes articles, or a source cited by a claim or an event."""

    __tablename__ = "sources"
    __table_args__ = (
        _one_of("kind", v.SOURCE_KINDS, "kind"),
        {"comment": "Outlets and cited sources, one row per normalized name.", **_SQLITE_TABLE},
    )

    id: Mapped[int] = _id("source")
    name: Mapped[str] = mapped_column(
        String(300), comment="Display name as first seen, e.g. 'The New York Times'."
    )
    key: Mapped[str] = mapped_column(
        String(300),
        unique=True,
        comment="Normalized name: lower case, no leading 'the', aliases folded ('us' for US).",
    )
    kind: Mapped[str] = mapped_column(
        String(20),
        comment="outlet | publication | government | intelligence | organization | media | other.",
    )
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime | None] = _updated()


class ExpertRow(Base):
    """A person whose statements are recorded."""

    __tablename__ = "experts"
    __table_args__ = (
        _one_of("kind", v.EXPERT_KINDS, "kind"),
        Index(None, "skeleton"),
        Index(None, "surname_skeleton"),
        {
            "comment": "People whose statements are recorded, one row per normalized name.",
            **_SQLITE_TABLE,
        },
    )

    id: Mapped[int] = _id("expert")
    name: Mapped[str] = mapped_column(
        String(200), comment="Full name as most articles spell it (see expert_names)."
    )
    key: Mapped[str] = mapped_column(
        String(200),
        unique=True,
        comment="Normalized name: lower case, hyphens and transliteration variants folded.",
    )
    skeleton: Mapped[str | None] = mapped_column(
        String(200),
        comment="Consonants of the full name, transliteration folded: one for 'Kirill' and "
        "'Kyrylo Budanov'; a person spelt another way is matched on it. NULL for one word.",
    )
    surname_skeleton: Mapped[str | None] = mapped_column(
        String(100),
        comment="Consonants of the last word of the name: a speaker named by surname alone "
        "('Kuleba said') is the one expert with it. NULL for institutions.",
    )
    kind: Mapped[str] = mapped_column(
        String(20), comment="expert | official | politician | organization | other."
    )
    role: Mapped[str | None] = mapped_column(
        Text, comment="Role as written, e.g. 'military expert and editor-in-chief'."
    )
    affiliation: Mapped[str | None] = mapped_column(
        Text, comment="Organization the person speaks for, e.g. 'Defense Express'."
    )
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime | None] = _updated()


class ExpertNameRow(Base):
    """One spelling of an expert's name in one article."""

    __tablename__ = "expert_names"
    __table_args__ = (
        Index(None, "article_id"),
        {"comment": "How each article spells each expert it quotes or features: the name "
         "most articles use is the expert's."},
    )  # fmt: skip

    expert_id: Mapped[int] = mapped_column(
        ForeignKey("experts.id", ondelete="CASCADE"), primary_key=True, comment="The expert."
    )
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, comment="The article."
    )
    name: Mapped[str] = mapped_column(
        String(200), primary_key=True, comment="The name as that article spells it."
    )


class IngestionRunRow(Base):
    """One invocation of the loader and what it did."""

    __tablename__ = "ingestion_runs"
    __table_args__ = (
        _one_of("status", v.RUN_STATUSES, "status"),
        {
            "comment": "One row per load: files seen and their fate, status and timings.",
            **_SQLITE_TABLE,
        },
    )

    id: Mapped[int] = _id("run")
    started_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=_NOW, comment="When the load began (UTC)."
    )
    finished_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), comment="When the load ended; NULL while it runs."
    )
    status: Mapped[str] = mapped_column(
        String(20),
        comment="running | succeeded | partial (some files rejected) | failed | interrupted.",
    )
    files_seen: Mapped[int] = mapped_column(
        Integer, server_default="0", comment="Input records considered (files, JSONL lines)."
    )
    added: Mapped[int] = mapped_column(
        Integer, server_default="0", comment="Articles written for the first time."
    )
    updated: Mapped[int] = mapped_column(
        Integer, server_default="0", comment="Articles whose content changed and were rewritten."
    )
    unchanged: Mapped[int] = mapped_column(
        Integer, server_default="0", comment="Articles skipped because their content hash matched."
    )
    failed: Mapped[int] = mapped_column(
        Integer, server_default="0", comment="Records rejected; see ingestion_errors."
    )
    paths: Mapped[str | None] = mapped_column(
        Text, comment="The paths the load was given, as a JSON list."
    )
    extractor_version: Mapped[str] = mapped_column(
        String(32), comment="Version of the extraction rules used by this run."
    )
    host: Mapped[str | None] = mapped_column(String(255), comment="Host name of the loader.")
    pid: Mapped[int | None] = mapped_column(Integer, comment="Process id of the loader.")
    read_s: Mapped[float] = mapped_column(
        Float, server_default="0", comment="Seconds spent reading files."
    )
    extract_s: Mapped[float] = mapped_column(
        Float, server_default="0", comment="Seconds spent extracting documents."
    )
    resolve_s: Mapped[float] = mapped_column(
        Float, server_default="0", comment="Seconds spent matching to existing rows."
    )
    write_s: Mapped[float] = mapped_column(
        Float, server_default="0", comment="Seconds spent writing rows."
    )
    message: Mapped[str | None] = mapped_column(
        Text, comment="Why the run failed or was interrupted, when it did."
    )
    # Revision 0007: what a scheduled job's operator needs to know of a run.
    known_bad: Mapped[int] = mapped_column(
        Integer,
        server_default="0",
        comment="Inputs rejected by an earlier run and unchanged since: not rejected again "
        "(see rejected_inputs).",
    )
    skipped: Mapped[int] = mapped_column(
        Integer,
        server_default="0",
        comment="Directory entries passed over: hidden, of an unsupported type, sidecars "
        "without an article.",
    )
    skipped_reasons: Mapped[str | None] = mapped_column(
        Text, comment='skipped by reason, as a JSON object, e.g. {"hidden": 2}.'
    )
    version: Mapped[str | None] = mapped_column(
        String(40), comment="Version of eventstore that ran the load."
    )
    input_root: Mapped[str | None] = mapped_column(
        Text, comment="The directory the inputs have in common; '-' for standard input."
    )
    progress_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True),
        comment="When the run last committed a batch and its counters (UTC).",
    )


class ArticleRow(Base):
    """One news article as read, with its extracted title, lede and metadata."""

    __tablename__ = "articles"
    __table_args__ = (
        Index(None, "published_on"),
        {"comment": "Articles as read; every mention offset indexes into body.", **_SQLITE_TABLE},
    )

    id: Mapped[int] = _id("article")
    external_id: Mapped[str] = mapped_column(
        String(255), unique=True, comment="Stable id from the input (file stem or metadata)."
    )
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id", ondelete="SET NULL"),
        index=True,
        comment="The outlet that published the article.",
    )
    featured_expert_id: Mapped[int | None] = mapped_column(
        ForeignKey("experts.id", ondelete="SET NULL"),
        index=True,
        comment="The expert the article is about (named in the lede), when there is one.",
    )
    url: Mapped[str | None] = mapped_column(Text, comment="Canonical URL, from metadata.")
    title: Mapped[str] = mapped_column(Text, comment="Headline (the first line of a .txt file).")
    lede: Mapped[str | None] = mapped_column(Text, comment="The opening paragraph after the title.")
    body: Mapped[str] = mapped_column(
        Text, comment="Full text as read: UTF-8, newlines normalized to \\n, title included."
    )
    category: Mapped[str | None] = mapped_column(
        String(100), comment="Category tag, e.g. 'News' from a closing '- News' line."
    )
    language: Mapped[str | None] = mapped_column(
        String(16), comment="Language code (from metadata, else 'en')."
    )
    published_on: Mapped[date | None] = mapped_column(
        Date, comment="Publication date, from metadata; anchors years of undated events."
    )
    content_hash: Mapped[str] = mapped_column(
        String(64), comment="SHA-256 of body and metadata; an unchanged article is skipped."
    )
    extractor_version: Mapped[str] = mapped_column(
        String(32), comment="Version of the extraction rules that produced the mentions."
    )
    source_path: Mapped[str | None] = mapped_column(
        Text, comment="Where the article was read from (file, or file:line for JSONL)."
    )
    # Revision 0009: which input file holds the article, so that a reload can count a file
    # it knows unchanged by size and time (input_files) without reading it. Not a foreign
    # key: a file is in input_files only once it loaded whole, and an article keeps its
    # input_key while its file is away.
    input_key: Mapped[str | None] = mapped_column(
        String(64),
        index=True,
        comment="input_files.input_key of the file it was last loaded from (SHA-256 of its "
        "absolute path); NULL for standard input, re-extraction only, or loads before 0009.",
    )
    ingested_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True),
        server_default=_NOW,
        comment="When the article was first loaded (UTC).",
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True),
        server_default=_NOW,
        comment="When the article was last written (UTC).",
    )
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("ingestion_runs.id", ondelete="SET NULL"),
        index=True,
        comment="The ingestion run that last wrote the article.",
    )


class ClaimRow(Base):
    """One distinct statement of one expert."""

    __tablename__ = "claims"
    __table_args__ = (
        _one_of("kind", v.CLAIM_KINDS, "kind"),
        UniqueConstraint("expert_id", "kind", "text_key"),
        {
            "comment": "Distinct statements; the same statement in several articles is one row.",
            **_SQLITE_TABLE,
        },
    )

    id: Mapped[int] = _id("claim")
    expert_id: Mapped[int] = mapped_column(
        ForeignKey("experts.id", ondelete="CASCADE"),
        index=True,
        comment="Who made the statement.",
    )
    kind: Mapped[str] = mapped_column(
        String(20), comment="quote | paraphrase | summary (the lede's 'X believes that ...')."
    )
    text: Mapped[str] = mapped_column(Text, comment="The statement in its representative wording.")
    text_key: Mapped[str] = mapped_column(
        String(64), comment="Hash of the normalized wording of text."
    )

    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime | None] = _updated()


class ClaimMentionRow(Base):
    """Where a claim appears: an article and a character span of its body."""

    __tablename__ = "claim_mentions"
    __table_args__ = (
        _offsets(),
        _one_of("section", v.SECTIONS, "section"),
        _one_of("match_method", v.MATCH_METHODS, "match_method"),
        _confidence_check(),
        UniqueConstraint("article_id", "start_offset", "end_offset"),
        UniqueConstraint("id", "claim_id"),
        {
            "comment": "Each place a claim is stated: body[start_offset:end_offset] == text.",
            **_SQLITE_TABLE,
        },
    )

    id: Mapped[int] = _id("claim mention")
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), index=True, comment="The claim stated here."
    )
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"),
        index=True,
        comment="The article that states it.",
    )
    start_offset: Mapped[int] = mapped_column(
        Integer, comment="Start of the span in articles.body (characters, 0-based)."
    )
    end_offset: Mapped[int] = mapped_column(
        Integer, comment="End of the span in articles.body (exclusive)."
    )
    text: Mapped[str] = mapped_column(Text, comment="The span's text, exactly as in the body.")
    section: Mapped[str] = mapped_column(String(20), comment="lede | body | background.")
    attribution: Mapped[str | None] = mapped_column(
        Text, comment="The words that attribute the claim, e.g. 'Katkov explained'."
    )
    match_method: Mapped[str] = mapped_column(
        String(10), comment="How the mention was linked to its claim: new | exact | fuzzy."
    )
    match_score: Mapped[float | None] = mapped_column(
        Float, comment="Similarity (0-100) to the claim when matched fuzzily."
    )
    extracted_by: Mapped[str] = _extracted_by()
    confidence: Mapped[float] = _confidence()


class EventRow(Base):
    """One distinct real-world event, with its date to the precision the text gives."""

    __tablename__ = "events"
    __table_args__ = (
        _one_of("date_precision", v.DATE_PRECISIONS, "date_precision"),
        CheckConstraint("month IS NULL OR month BETWEEN 1 AND 12", name="month"),
        CheckConstraint("day IS NULL OR day BETWEEN 1 AND 31", name="day"),
        CheckConstraint(
            "(date_precision = 'day' AND month IS NOT NULL AND day IS NOT NULL)"
            " OR (date_precision = 'month' AND month IS NOT NULL AND day IS NULL)"
            " OR (date_precision = 'year' AND year IS NOT NULL AND month IS NULL AND day IS NULL)"
            " OR (date_precision = 'unknown' AND year IS NULL AND month IS NULL AND day IS NULL)",
            name="date_parts",
        ),
        Index(None, "year", "month", "day"),
        Index(None, "month", "day"),
        Index(None, "date_key", "id"),  # timeline order: (date_key, id)
        {
            "comment": "Distinct real-world events; the same event in several articles is one row.",
            **_SQLITE_TABLE,
        },
    )

    id: Mapped[int] = _id("event")
    year: Mapped[int | None] = mapped_column(SmallInteger, comment="Year, NULL when unknown.")
    month: Mapped[int | None] = mapped_column(
        SmallInteger, comment="Month 1-12, NULL when unknown."
    )
    day: Mapped[int | None] = mapped_column(
        SmallInteger, comment="Day of month, NULL when unknown."
    )
    date_precision: Mapped[str] = mapped_column(
        String(10), comment="day | month | year | unknown: how much of the date the text gives."
    )
    date_qualifier: Mapped[str | None] = mapped_column(
        String(40), comment="Qualifier of the date: early, mid, late, evening, morning, ..."
    )
    date_key: Mapped[int | None] = mapped_column(
        Integer,
        Computed("year * 10000 + COALESCE(month, 0) * 100 + COALESCE(day, 0)", persisted=True),
        comment="Sortable date YYYYMMDD, 00 for unknown month or day; NULL when the year is.",
    )
    summary: Mapped[str] = mapped_column(
        Text, comment="The event in its representative wording (one mention's sentence)."
    )

    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime | None] = _updated()


class EventMentionRow(Base):
    """Where an event is reported: an article, a span, and how it was linked to the event."""

    __tablename__ = "event_mentions"
    __table_args__ = (
        _offsets(),
        _one_of("match_method", v.MATCH_METHODS, "match_method"),
        _one_of("date_precision", v.DATE_PRECISIONS, "date_precision"),
        _confidence_check(),
        UniqueConstraint("article_id", "start_offset", "end_offset"),
        UniqueConstraint("id", "event_id"),
        {
            "comment": "Each report of an event: its wording, its own date reading, and the match.",
            **_SQLITE_TABLE,
        },
    )

    id: Mapped[int] = _id("event mention")
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True, comment="The event reported."
    )
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"),
        index=True,
        comment="The article that reports it.",
    )
    start_offset: Mapped[int] = mapped_column(
        Integer, comment="Start of the span in articles.body (characters, 0-based)."
    )
    end_offset: Mapped[int] = mapped_column(
        Integer, comment="End of the span in articles.body (exclusive)."
    )
    text: Mapped[str] = mapped_column(Text, comment="The span's text, exactly as in the body.")
    date_text: Mapped[str | None] = mapped_column(
        Text, comment="The date phrase as written, e.g. 'On the evening of Friday, September 8'."
    )
    year: Mapped[int | None] = mapped_column(
        SmallInteger, comment="Year this mention gives or implies; NULL when unknown."
    )
    month: Mapped[int | None] = mapped_column(SmallInteger, comment="Month this mention gives.")
    day: Mapped[int | None] = mapped_column(SmallInteger, comment="Day this mention gives.")
    date_precision: Mapped[str] = mapped_column(
        String(10), comment="Precision of this mention's date: day | month | year | unknown."
    )
    date_qualifier: Mapped[str | None] = mapped_column(
        String(40), comment="Qualifier in this mention's date phrase (early, evening, ...)."
    )
    year_inferred: Mapped[bool] = mapped_column(
        Boolean,
        server_default=false(),
        comment="True when the year is not in the phrase (carried forward or from published_on).",
    )
    match_method: Mapped[str] = mapped_column(
        String(10), comment="How the mention was linked to its event: new | exact | fuzzy."
    )
    match_score: Mapped[float | None] = mapped_column(
        Float, comment="Similarity (0-100) to the event's other wording when matched fuzzily."
    )
    extracted_by: Mapped[str] = _extracted_by()
    confidence: Mapped[float] = _confidence()


class EventSourceRow(Base):
    """A source that reported, confirmed or is cited for an event, as one mention says."""

    __tablename__ = "event_sources"
    __table_args__ = (
        _one_of("role", v.SOURCE_ROLES, "role"),
        ForeignKeyConstraint(
            ["mention_id", "event_id"],
            ["event_mentions.id", "event_mentions.event_id"],
            ondelete="CASCADE",
            onupdate="CASCADE",
        ),
        UniqueConstraint("mention_id", "source_id", "role"),
        {
            "comment": "Who reported, confirmed or is cited for an event, per mention.",
            **_SQLITE_TABLE,
        },
    )

    id: Mapped[int] = _id("event source link")
    event_id: Mapped[int] = mapped_column(BigInteger, index=True, comment="The event.")
    mention_id: Mapped[int] = mapped_column(
        BigInteger, comment="The mention whose sentence names the source."
    )
    source_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), index=True, comment="The source."
    )
    role: Mapped[str] = mapped_column(
        String(20),
        comment="reported_by | confirmed_by | cited | stated_by | observed_by.",
    )


class ClaimSourceRow(Base):
    """A source a claim cites or relies on, as one mention says."""

    __tablename__ = "claim_sources"
    __table_args__ = (
        _one_of("role", v.SOURCE_ROLES, "role"),
        ForeignKeyConstraint(
            ["mention_id", "claim_id"],
            ["claim_mentions.id", "claim_mentions.claim_id"],
            ondelete="CASCADE",
            onupdate="CASCADE",
        ),
        UniqueConstraint("mention_id", "source_id", "role"),
        {
            "comment": "Sources cited in claims ('according to Military Balance'), per mention.",
            **_SQLITE_TABLE,
        },
    )

    id: Mapped[int] = _id("claim source link")
    claim_id: Mapped[int] = mapped_column(BigInteger, index=True, comment="The claim.")
    mention_id: Mapped[int] = mapped_column(
        BigInteger, comment="The mention whose sentence names the source."
    )
    source_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), index=True, comment="The source."
    )
    role: Mapped[str] = mapped_column(
        String(20),
        comment="reported_by | confirmed_by | cited | stated_by | observed_by.",
    )


class IngestionErrorRow(Base):
    """One input a run could not load, with the reason."""

    __tablename__ = "ingestion_errors"
    __table_args__ = (
        _one_of("code", v.ERROR_CODES, "code"),
        _one_of("severity", v.SEVERITIES, "severity"),
        {
            "comment": "Inputs a run rejected (errors) or loaded with a problem (warnings).",
            **_SQLITE_TABLE,
        },
    )

    id: Mapped[int] = _id("error")
    run_id: Mapped[int] = mapped_column(
        ForeignKey("ingestion_runs.id", ondelete="CASCADE"),
        index=True,
        comment="The run that met the bad input.",
    )
    path: Mapped[str] = mapped_column(Text, comment="The file that was rejected.")
    line: Mapped[int | None] = mapped_column(
        Integer, comment="Line number inside a JSONL file; NULL for whole files."
    )
    external_id: Mapped[str | None] = mapped_column(
        String(255), comment="The article concerned, when the input got as far as an id."
    )
    severity: Mapped[str] = mapped_column(
        String(10),
        server_default="error",
        comment="error (the input was not loaded) | warning (loaded, with a part skipped).",
    )
    code: Mapped[str] = mapped_column(
        String(20),
        comment="empty | not_utf8 | binary | too_large | no_title | not_article | bad_json | ...",
    )
    reason: Mapped[str] = mapped_column(Text, comment="One-line, human-readable reason.")
    created_at: Mapped[datetime] = _created()


class RejectedInputRow(Base):
    """An input the loader rejected, as it was when rejected: not rejected again unchanged."""

    __tablename__ = "rejected_inputs"
    __table_args__ = (
        _one_of("code", v.ERROR_CODES, "code"),
        {
            "comment": "Inputs rejected and not loaded since, one row per file or JSONL line; "
            "a load counts one unchanged since as known_bad instead of rejecting it again.",
            **_SQLITE_TABLE,
        },
    )

    id: Mapped[int] = _id("rejected input")
    input_key: Mapped[str] = mapped_column(
        String(64),
        unique=True,
        comment="SHA-256 of the absolute path and the line (0 for a whole file): which "
        "input this is.",
    )
    path: Mapped[str] = mapped_column(Text, comment="The file, as the load was given it.")
    line: Mapped[int | None] = mapped_column(
        Integer, comment="Line number inside a JSONL file; NULL for whole files."
    )
    size: Mapped[int] = mapped_column(
        BigInteger, comment="Bytes of the input when rejected (file and sidecar, or the line)."
    )
    content_hash: Mapped[str] = mapped_column(
        String(64),
        comment="SHA-256 of those bytes (of type, size and mtime when it could not be read).",
    )
    extractor_version: Mapped[str] = mapped_column(
        String(32), comment="Extraction rules that rejected it; new rules try it again."
    )
    code: Mapped[str] = mapped_column(String(20), comment="Why, as in ingestion_errors.code.")
    reason: Mapped[str] = mapped_column(Text, comment="One-line, human-readable reason.")
    first_seen_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), comment="When a load first rejected it in this form (UTC)."
    )
    last_seen_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), comment="When a load last met it (UTC)."
    )
    first_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("ingestion_runs.id", ondelete="SET NULL"),
        comment="The run that rejected it (its ingestion_errors row).",
    )
    last_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("ingestion_runs.id", ondelete="SET NULL"),
        comment="The last run that met it.",
    )
    times_seen: Mapped[int] = mapped_column(
        Integer, server_default="1", comment="Runs that met it in this form."
    )


class InputFileRow(Base):
    """An input file as its last whole, clean read found it: a reload that finds the file
    the same size and modification time counts its articles unchanged without reading it."""

    __tablename__ = "input_files"
    __table_args__ = (
        {
            "comment": "Input files that loaded whole (no input of theirs rejected), with "
            "their size and modification time then; a load trusts them while they stay so "
            "and the file's articles are still stored from it, at this extractor version.",
            **_SQLITE_TABLE,
        },
    )

    id: Mapped[int] = _id("input file")
    input_key: Mapped[str] = mapped_column(
        String(64),
        unique=True,
        comment="SHA-256 of the absolute path (as rejected_inputs.input_key of a whole file).",
    )
    path: Mapped[str] = mapped_column(Text, comment="The file, as the load was given it.")
    size: Mapped[int] = mapped_column(BigInteger, comment="Bytes of the file when it was read.")
    mtime_ns: Mapped[int] = mapped_column(
        BigInteger, comment="Its modification time then, in nanoseconds since the epoch."
    )
    sidecar_size: Mapped[int | None] = mapped_column(
        BigInteger, comment="Bytes of its <stem>.json sidecar then; NULL: it had none."
    )
    sidecar_mtime_ns: Mapped[int | None] = mapped_column(
        BigInteger, comment="The sidecar's modification time then (ns); NULL: no sidecar."
    )
    articles: Mapped[int] = mapped_column(
        Integer,
        comment="Articles the file held (loaded or unchanged); it is trusted only while "
        "that many articles with its input_key are stored at the current extractor version.",
    )
    checked_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), comment="When a load last read it whole (UTC)."
    )
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("ingestion_runs.id", ondelete="SET NULL"),
        index=True,
        comment="The run that last read it.",
    )


KEY_COMMENT = (
    "The kind of key (byte 0: f: a hash of a normalized wording; 1, 2, 3: b:, n:, q: a "
    "MinHash band, name or count of a wording, scoped, at most 17 rows per key), then its "
    "16-byte hash."
)


class EventKeyRow(Base):
    """A matching key of an event: a hash of one wording it was reported in."""

    __tablename__ = "event_keys"
    __table_args__ = (
        UniqueConstraint("event_id", "key"),
        # Revision 0013: by key, then row, so a lookup is answered from the index alone.
        Index(None, "key", "event_id"),
        {
            "comment": "Matching keys of events (every wording's whole key, and blocking keys).",
            **_SQLITE_TABLE,
        },
    )

    id: Mapped[int] = _id("event key")
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), comment="The event."
    )
    key: Mapped[bytes] = mapped_column(
        LargeBinary(17),
        comment=KEY_COMMENT,
    )


class ClaimKeyRow(Base):
    """A matching key of a claim: a hash of one wording it was stated in."""

    __tablename__ = "claim_keys"
    __table_args__ = (
        UniqueConstraint("claim_id", "key"),
        # Revision 0013: by key, then row, so a lookup is answered from the index alone.
        Index(None, "key", "claim_id"),
        {
            "comment": "Matching keys of claims (every wording's whole key, and blocking keys).",
            **_SQLITE_TABLE,
        },
    )

    id: Mapped[int] = _id("claim key")
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), comment="The claim."
    )
    key: Mapped[bytes] = mapped_column(
        LargeBinary(17),
        comment=KEY_COMMENT,
    )


ENTITY_CHECK = "entity IN ('article', 'source', 'expert', 'claim', 'event')"


class ChangeRow(Base):
    """One write of the loader, in the order writes committed."""

    __tablename__ = "changes"
    __table_args__ = (
        CheckConstraint(ENTITY_CHECK, name="entity"),
        CheckConstraint("op IN ('insert', 'update', 'merge', 'delete')", name="op"),
        Index(None, "entity", "entity_id"),
        {
            "comment": "The change feed: every write of the loader, in order "
            "(read with --since SEQ).",
        },
    )

    seq: Mapped[int] = mapped_column(
        BigId,
        primary_key=True,
        autoincrement=False,
        comment="Position in the feed: gap-free and increasing in commit order.",
    )
    entity: Mapped[str] = mapped_column(
        String(10), comment="article | source | expert | claim | event."
    )
    entity_id: Mapped[int] = mapped_column(BigInteger, comment="The row's id.")
    op: Mapped[str] = mapped_column(String(10), comment="insert | update | merge | delete.")
    survivor_id: Mapped[int | None] = mapped_column(
        BigInteger, comment="For a merge: the id of the row this one was merged into."
    )
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("ingestion_runs.id", ondelete="SET NULL"),
        comment="The ingestion run that made the change (NULL: the migration's backfill).",
    )
    changed_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True),
        server_default=_NOW,
        comment="When the change was written (UTC).",
    )


class RetiredIdRow(Base):
    """An id that no longer names a row, and why."""

    __tablename__ = "retired_ids"
    __table_args__ = (
        CheckConstraint(ENTITY_CHECK, name="entity"),
        {
            "comment": "Forwarding addresses: ids merged into another row, and tombstones "
            "of removed ones.",
        },
    )

    entity: Mapped[str] = mapped_column(
        String(10), primary_key=True, comment="source | expert | claim | ..."
    )
    id: Mapped[int] = mapped_column(
        BigInteger, primary_key=True, autoincrement=False, comment="The id no longer in use."
    )
    merged_into: Mapped[int | None] = mapped_column(
        BigInteger,
        comment="The row it was merged into (follow on); NULL when it was removed.",
    )
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("ingestion_runs.id", ondelete="SET NULL"),
        comment="The ingestion run that retired it.",
    )
    retired_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True),
        server_default=_NOW,
        comment="When it was retired (UTC).",
    )


class SearchDeferralRow(Base):
    """While it holds a row, SQLite's full-text insert triggers step aside for the loader."""

    __tablename__ = "search_deferrals"
    __table_args__ = (
        {
            "comment": "Empty whenever a transaction commits. SQLite: the loader writes one "
            "row for the length of a batch, and the FTS5 insert triggers of articles, claims "
            "and events skip rows inserted meanwhile, which the loader indexes in one "
            "statement per table before it removes the row (docs/performance.md). "
            "PostgreSQL keeps search vectors in generated columns and never uses it.",
        },
    )

    id: Mapped[int] = mapped_column(
        Integer, primary_key=True, autoincrement=False, comment="Always 1."
    )
