"""Schema v1: sources, articles, experts, claims, events, their mentions and source links,
ingestion runs and errors, and full-text search on both dialects.

Claims and events exist only through their mentions: triggers on claim_mentions and
event_mentions delete a claim or event when its last mention goes (an article deleted,
or rewritten by the loader), on both dialects.

Full-text search is made by hand, not by autogenerate (alembic/env.py hides it):
SQLite gets FTS5 external-content tables kept in sync by triggers; PostgreSQL gets stored
generated ``search_vector`` columns with GIN indexes. A later batch migration on SQLite
rebuilds its table and drops these triggers: it must create them again.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# table -> the text columns its full-text index covers (title weighs more than body).
FTS_COLUMNS: dict[str, tuple[str, ...]] = {
    "claims": ("text",),
    "events": ("summary",),
    "articles": ("title", "body"),
}
_TOKENIZER = "porter unicode61 remove_diacritics 2"


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="Surrogate key of the event.",
        ),
        sa.Column("year", sa.SmallInteger(), nullable=True, comment="Year, NULL when unknown."),
        sa.Column(
            "month", sa.SmallInteger(), nullable=True, comment="Month 1-12, NULL when unknown."
        ),
        sa.Column(
            "day", sa.SmallInteger(), nullable=True, comment="Day of month, NULL when unknown."
        ),
        sa.Column(
            "date_precision",
            sa.String(length=10),
            nullable=False,
            comment="day | month | year | unknown: how much of the date the text gives.",
        ),
        sa.Column(
            "date_qualifier",
            sa.String(length=40),
            nullable=True,
            comment="Qualifier of the date: early, mid, late, evening, morning, ...",
        ),
        sa.Column(
            "date_key",
            sa.Integer(),
            sa.Computed(
                "year * 10000 + COALESCE(month, 0) * 100 + COALESCE(day, 0)", persisted=True
            ),
            nullable=True,
            comment="Sortable date YYYYMMDD, 00 for unknown month or day; NULL when the year is.",
        ),
        sa.Column(
            "summary",
            sa.Text(),
            nullable=False,
            comment="The event in its representative wording (one mention's sentence).",
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
            comment="When eventstore first wrote this row (UTC).",
        ),
        sa.CheckConstraint(
            "(date_precision = 'day' AND month IS NOT NULL AND day IS NOT NULL) OR (date_precision = 'month' AND month IS NOT NULL AND day IS NULL) OR (date_precision = 'year' AND year IS NOT NULL AND month IS NULL AND day IS NULL) OR (date_precision = 'unknown' AND year IS NULL AND month IS NULL AND day IS NULL)",
            name=op.f("ck_events_date_parts"),
        ),
        sa.CheckConstraint(
            "date_precision IN ('day', 'month', 'year', 'unknown')",
            name=op.f("ck_events_date_precision"),
        ),
        sa.CheckConstraint("day IS NULL OR day BETWEEN 1 AND 31", name=op.f("ck_events_day")),
        sa.CheckConstraint("month IS NULL OR month BETWEEN 1 AND 12", name=op.f("ck_events_month")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        comment="Distinct real-world events; the same event in several articles is one row.",
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_events_date_key"), "events", ["date_key"], unique=False)
    op.create_index(op.f("ix_events_month_day"), "events", ["month", "day"], unique=False)
    op.create_index(
        op.f("ix_events_year_month_day"), "events", ["year", "month", "day"], unique=False
    )
    op.create_table(
        "experts",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="Surrogate key of the expert.",
        ),
        sa.Column(
            "name", sa.String(length=200), nullable=False, comment="Full name as first seen."
        ),
        sa.Column(
            "key",
            sa.String(length=200),
            nullable=False,
            comment="Normalized name: lower case, hyphens and transliteration variants folded.",
        ),
        sa.Column(
            "kind",
            sa.String(length=20),
            nullable=False,
            comment="expert | official | politician | other.",
        ),
        sa.Column(
            "role",
            sa.Text(),
            nullable=True,
            comment="Role as written, e.g. 'military expert and editor-in-chief'.",
        ),
        sa.Column(
            "affiliation",
            sa.Text(),
            nullable=True,
            comment="Organization the person speaks for, e.g. 'Defense Express'.",
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
            comment="When eventstore first wrote this row (UTC).",
        ),
        sa.CheckConstraint(
            "kind IN ('expert', 'official', 'politician', 'other')", name=op.f("ck_experts_kind")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_experts")),
        sa.UniqueConstraint("key", name=op.f("uq_experts_key")),
        comment="People whose statements are recorded, one row per normalized name.",
        sqlite_autoincrement=True,
    )
    op.create_table(
        "ingestion_runs",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="Surrogate key of the run.",
        ),
        sa.Column(
            "started_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
            comment="When the load began (UTC).",
        ),
        sa.Column(
            "finished_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="When the load ended; NULL while it runs.",
        ),
        sa.Column(
            "status",
            sa.String(length=20),
            nullable=False,
            comment="running | succeeded | partial (some files rejected) | failed | interrupted.",
        ),
        sa.Column(
            "files_seen",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Input records considered (files, JSONL lines).",
        ),
        sa.Column(
            "added",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Articles written for the first time.",
        ),
        sa.Column(
            "updated",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Articles whose content changed and were rewritten.",
        ),
        sa.Column(
            "unchanged",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Articles skipped because their content hash matched.",
        ),
        sa.Column(
            "failed",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Records rejected; see ingestion_errors.",
        ),
        sa.Column(
            "paths",
            sa.Text(),
            nullable=True,
            comment="The paths the load was given, as a JSON list.",
        ),
        sa.Column(
            "extractor_version",
            sa.String(length=32),
            nullable=False,
            comment="Version of the extraction rules used by this run.",
        ),
        sa.Column("host", sa.String(length=255), nullable=True, comment="Host name of the loader."),
        sa.Column("pid", sa.Integer(), nullable=True, comment="Process id of the loader."),
        sa.Column(
            "read_s",
            sa.Float(),
            server_default="0",
            nullable=False,
            comment="Seconds spent reading files.",
        ),
        sa.Column(
            "extract_s",
            sa.Float(),
            server_default="0",
            nullable=False,
            comment="Seconds spent extracting documents.",
        ),
        sa.Column(
            "resolve_s",
            sa.Float(),
            server_default="0",
            nullable=False,
            comment="Seconds spent matching to existing rows.",
        ),
        sa.Column(
            "write_s",
            sa.Float(),
            server_default="0",
            nullable=False,
            comment="Seconds spent writing rows.",
        ),
        sa.Column(
            "message",
            sa.Text(),
            nullable=True,
            comment="Why the run failed or was interrupted, when it did.",
        ),
        sa.CheckConstraint(
            "status IN ('running', 'succeeded', 'partial', 'failed', 'interrupted')",
            name=op.f("ck_ingestion_runs_status"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingestion_runs")),
        comment="One row per load: files seen and their fate, status and timings.",
        sqlite_autoincrement=True,
    )
    op.create_table(
        "sources",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="Surrogate key of the source.",
        ),
        sa.Column(
            "name",
            sa.String(length=300),
            nullable=False,
            comment="Display name as first seen, e.g. 'The New York Times'.",
        ),
        sa.Column(
            "key",
            sa.String(length=300),
            nullable=False,
            comment="Normalized name: lower case, no leading 'the', aliases folded ('us' for US).",
        ),
        sa.Column(
            "kind",
            sa.String(length=20),
            nullable=False,
            comment="outlet | publication | government | intelligence | organization | media | other.",
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
            comment="When eventstore first wrote this row (UTC).",
        ),
        sa.CheckConstraint(
            "kind IN ('outlet', 'publication', 'government', 'intelligence', 'organization', 'media', 'other')",
            name=op.f("ck_sources_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("key", name=op.f("uq_sources_key")),
        comment="Outlets and cited sources, one row per normalized name.",
        sqlite_autoincrement=True,
    )
    op.create_table(
        "articles",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="Surrogate key of the article.",
        ),
        sa.Column(
            "external_id",
            sa.String(length=255),
            nullable=False,
            comment="Stable id from the input (file stem or metadata).",
        ),
        sa.Column(
            "source_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
            comment="The outlet that published the article.",
        ),
        sa.Column(
            "featured_expert_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
            comment="The expert the article is about (named in the lede), when there is one.",
        ),
        sa.Column("url", sa.Text(), nullable=True, comment="Canonical URL, from metadata."),
        sa.Column(
            "title", sa.Text(), nullable=False, comment="Headline (the first line of a .txt file)."
        ),
        sa.Column(
            "lede", sa.Text(), nullable=True, comment="The opening paragraph after the title."
        ),
        sa.Column(
            "body",
            sa.Text(),
            nullable=False,
            comment="Full text as read: UTF-8, newlines normalized to \\n, title included.",
        ),
        sa.Column(
            "category",
            sa.String(length=100),
            nullable=True,
            comment="Category tag, e.g. 'News' from a closing '- News' line.",
        ),
        sa.Column(
            "language",
            sa.String(length=16),
            nullable=True,
            comment="Language code (from metadata, else 'en').",
        ),
        sa.Column(
            "published_on",
            sa.Date(),
            nullable=True,
            comment="Publication date, from metadata; anchors years of undated events.",
        ),
        sa.Column(
            "content_hash",
            sa.String(length=64),
            nullable=False,
            comment="SHA-256 of body and metadata; an unchanged article is skipped.",
        ),
        sa.Column(
            "extractor_version",
            sa.String(length=32),
            nullable=False,
            comment="Version of the extraction rules that produced the mentions.",
        ),
        sa.Column(
            "source_path",
            sa.Text(),
            nullable=True,
            comment="Where the article was read from (file, or file:line for JSONL).",
        ),
        sa.Column(
            "ingested_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
            comment="When the article was first loaded (UTC).",
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
            comment="When the article was last written (UTC).",
        ),
        sa.Column(
            "run_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
            comment="The ingestion run that last wrote the article.",
        ),
        sa.ForeignKeyConstraint(
            ["featured_expert_id"],
            ["experts.id"],
            name=op.f("fk_articles_featured_expert_id_experts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["ingestion_runs.id"],
            name=op.f("fk_articles_run_id_ingestion_runs"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_articles_source_id_sources"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("external_id", name=op.f("uq_articles_external_id")),
        comment="Articles as read; every mention offset indexes into body.",
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_articles_featured_expert_id"), "articles", ["featured_expert_id"], unique=False
    )
    op.create_index(op.f("ix_articles_published_on"), "articles", ["published_on"], unique=False)
    op.create_index(op.f("ix_articles_run_id"), "articles", ["run_id"], unique=False)
    op.create_index(op.f("ix_articles_source_id"), "articles", ["source_id"], unique=False)
    op.create_table(
        "claims",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="Surrogate key of the claim.",
        ),
        sa.Column(
            "expert_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="Who made the statement.",
        ),
        sa.Column(
            "kind",
            sa.String(length=20),
            nullable=False,
            comment="quote | paraphrase | summary (the lede's 'X believes that ...').",
        ),
        sa.Column(
            "text",
            sa.Text(),
            nullable=False,
            comment="The statement in its representative wording.",
        ),
        sa.Column(
            "text_key",
            sa.String(length=64),
            nullable=False,
            comment="Hash of the normalized wording that first created the claim.",
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
            comment="When eventstore first wrote this row (UTC).",
        ),
        sa.CheckConstraint(
            "kind IN ('quote', 'paraphrase', 'summary')", name=op.f("ck_claims_kind")
        ),
        sa.ForeignKeyConstraint(
            ["expert_id"],
            ["experts.id"],
            name=op.f("fk_claims_expert_id_experts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sa.UniqueConstraint(
            "expert_id", "kind", "text_key", name=op.f("uq_claims_expert_id_kind_text_key")
        ),
        comment="Distinct statements; the same statement in several articles is one row.",
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_claims_expert_id"), "claims", ["expert_id"], unique=False)
    op.create_table(
        "ingestion_errors",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="Surrogate key of the error.",
        ),
        sa.Column(
            "run_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="The run that met the bad input.",
        ),
        sa.Column("path", sa.Text(), nullable=False, comment="The file that was rejected."),
        sa.Column(
            "line",
            sa.Integer(),
            nullable=True,
            comment="Line number inside a JSONL file; NULL for whole files.",
        ),
        sa.Column(
            "external_id",
            sa.String(length=255),
            nullable=True,
            comment="The article concerned, when the input got as far as an id.",
        ),
        sa.Column(
            "severity",
            sa.String(length=10),
            server_default="error",
            nullable=False,
            comment="error (the input was not loaded) | warning (loaded, with a part skipped).",
        ),
        sa.Column(
            "code",
            sa.String(length=20),
            nullable=False,
            comment="empty | not_utf8 | binary | too_large | no_title | not_article | bad_json | ...",
        ),
        sa.Column("reason", sa.Text(), nullable=False, comment="One-line, human-readable reason."),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
            comment="When eventstore first wrote this row (UTC).",
        ),
        sa.CheckConstraint(
            "code IN ('empty', 'not_utf8', 'binary', 'too_large', 'no_title', 'not_article', 'bad_json', 'bad_metadata', 'unreadable', 'bad_date', 'unbalanced_quote', 'internal')",
            name=op.f("ck_ingestion_errors_code"),
        ),
        sa.CheckConstraint(
            "severity IN ('error', 'warning')", name=op.f("ck_ingestion_errors_severity")
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["ingestion_runs.id"],
            name=op.f("fk_ingestion_errors_run_id_ingestion_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingestion_errors")),
        comment="Inputs a run rejected (errors) or loaded with a problem (warnings).",
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_ingestion_errors_run_id"), "ingestion_errors", ["run_id"], unique=False
    )
    op.create_table(
        "claim_mentions",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="Surrogate key of the claim mention.",
        ),
        sa.Column(
            "claim_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="The claim stated here.",
        ),
        sa.Column(
            "article_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="The article that states it.",
        ),
        sa.Column(
            "start_offset",
            sa.Integer(),
            nullable=False,
            comment="Start of the span in articles.body (characters, 0-based).",
        ),
        sa.Column(
            "end_offset",
            sa.Integer(),
            nullable=False,
            comment="End of the span in articles.body (exclusive).",
        ),
        sa.Column(
            "text", sa.Text(), nullable=False, comment="The span's text, exactly as in the body."
        ),
        sa.Column(
            "section", sa.String(length=20), nullable=False, comment="lede | body | background."
        ),
        sa.Column(
            "attribution",
            sa.Text(),
            nullable=True,
            comment="The words that attribute the claim, e.g. 'Katkov explained'.",
        ),
        sa.Column(
            "match_method",
            sa.String(length=10),
            nullable=False,
            comment="How the mention was linked to its claim: new | exact | fuzzy.",
        ),
        sa.Column(
            "match_score",
            sa.Float(),
            nullable=True,
            comment="Similarity (0-100) to the claim when matched fuzzily.",
        ),
        sa.CheckConstraint(
            "match_method IN ('new', 'exact', 'fuzzy')", name=op.f("ck_claim_mentions_match_method")
        ),
        sa.CheckConstraint(
            "section IN ('lede', 'body', 'background')", name=op.f("ck_claim_mentions_section")
        ),
        sa.CheckConstraint(
            "start_offset >= 0 AND start_offset < end_offset",
            name=op.f("ck_claim_mentions_offsets"),
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_claim_mentions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_claim_mentions_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_mentions")),
        sa.UniqueConstraint(
            "article_id",
            "start_offset",
            "end_offset",
            name=op.f("uq_claim_mentions_article_id_start_offset_end_offset"),
        ),
        sa.UniqueConstraint("id", "claim_id", name=op.f("uq_claim_mentions_id_claim_id")),
        comment="Each place a claim is stated: body[start_offset:end_offset] == text.",
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_claim_mentions_article_id"), "claim_mentions", ["article_id"], unique=False
    )
    op.create_index(
        op.f("ix_claim_mentions_claim_id"), "claim_mentions", ["claim_id"], unique=False
    )
    op.create_table(
        "event_mentions",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="Surrogate key of the event mention.",
        ),
        sa.Column(
            "event_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="The event reported.",
        ),
        sa.Column(
            "article_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="The article that reports it.",
        ),
        sa.Column(
            "start_offset",
            sa.Integer(),
            nullable=False,
            comment="Start of the span in articles.body (characters, 0-based).",
        ),
        sa.Column(
            "end_offset",
            sa.Integer(),
            nullable=False,
            comment="End of the span in articles.body (exclusive).",
        ),
        sa.Column(
            "text", sa.Text(), nullable=False, comment="The span's text, exactly as in the body."
        ),
        sa.Column(
            "date_text",
            sa.Text(),
            nullable=True,
            comment="The date phrase as written, e.g. 'On the evening of Friday, September 8'.",
        ),
        sa.Column(
            "year",
            sa.SmallInteger(),
            nullable=True,
            comment="Year this mention gives or implies; NULL when unknown.",
        ),
        sa.Column("month", sa.SmallInteger(), nullable=True, comment="Month this mention gives."),
        sa.Column("day", sa.SmallInteger(), nullable=True, comment="Day this mention gives."),
        sa.Column(
            "date_precision",
            sa.String(length=10),
            nullable=False,
            comment="Precision of this mention's date: day | month | year | unknown.",
        ),
        sa.Column(
            "date_qualifier",
            sa.String(length=40),
            nullable=True,
            comment="Qualifier in this mention's date phrase (early, evening, ...).",
        ),
        sa.Column(
            "year_inferred",
            sa.Boolean(),
            server_default=sa.false(),
            nullable=False,
            comment="True when the year is not in the phrase (carried forward or from published_on).",
        ),
        sa.Column(
            "match_method",
            sa.String(length=10),
            nullable=False,
            comment="How the mention was linked to its event: new | exact | fuzzy.",
        ),
        sa.Column(
            "match_score",
            sa.Float(),
            nullable=True,
            comment="Similarity (0-100) to the event's other wording when matched fuzzily.",
        ),
        sa.CheckConstraint(
            "date_precision IN ('day', 'month', 'year', 'unknown')",
            name=op.f("ck_event_mentions_date_precision"),
        ),
        sa.CheckConstraint(
            "match_method IN ('new', 'exact', 'fuzzy')", name=op.f("ck_event_mentions_match_method")
        ),
        sa.CheckConstraint(
            "start_offset >= 0 AND start_offset < end_offset",
            name=op.f("ck_event_mentions_offsets"),
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_event_mentions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_mentions_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_mentions")),
        sa.UniqueConstraint(
            "article_id",
            "start_offset",
            "end_offset",
            name=op.f("uq_event_mentions_article_id_start_offset_end_offset"),
        ),
        sa.UniqueConstraint("id", "event_id", name=op.f("uq_event_mentions_id_event_id")),
        comment="Each report of an event: its wording, its own date reading, and the match.",
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_event_mentions_article_id"), "event_mentions", ["article_id"], unique=False
    )
    op.create_index(
        op.f("ix_event_mentions_event_id"), "event_mentions", ["event_id"], unique=False
    )
    op.create_table(
        "claim_sources",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="Surrogate key of the claim source link.",
        ),
        sa.Column("claim_id", sa.BigInteger(), nullable=False, comment="The claim."),
        sa.Column(
            "mention_id",
            sa.BigInteger(),
            nullable=False,
            comment="The mention whose sentence names the source.",
        ),
        sa.Column(
            "source_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="The source.",
        ),
        sa.Column(
            "role",
            sa.String(length=20),
            nullable=False,
            comment="reported_by | confirmed_by | cited | stated_by | observed_by.",
        ),
        sa.CheckConstraint(
            "role IN ('reported_by', 'confirmed_by', 'cited', 'stated_by', 'observed_by')",
            name=op.f("ck_claim_sources_role"),
        ),
        sa.ForeignKeyConstraint(
            ["mention_id", "claim_id"],
            ["claim_mentions.id", "claim_mentions.claim_id"],
            name=op.f("fk_claim_sources_mention_id_claim_id_claim_mentions"),
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_claim_sources_source_id_sources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_sources")),
        sa.UniqueConstraint(
            "mention_id",
            "source_id",
            "role",
            name=op.f("uq_claim_sources_mention_id_source_id_role"),
        ),
        comment="Sources cited in claims ('according to Military Balance'), per mention.",
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_claim_sources_claim_id"), "claim_sources", ["claim_id"], unique=False)
    op.create_index(
        op.f("ix_claim_sources_source_id"), "claim_sources", ["source_id"], unique=False
    )
    op.create_table(
        "event_sources",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="Surrogate key of the event source link.",
        ),
        sa.Column("event_id", sa.BigInteger(), nullable=False, comment="The event."),
        sa.Column(
            "mention_id",
            sa.BigInteger(),
            nullable=False,
            comment="The mention whose sentence names the source.",
        ),
        sa.Column(
            "source_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            comment="The source.",
        ),
        sa.Column(
            "role",
            sa.String(length=20),
            nullable=False,
            comment="reported_by | confirmed_by | cited | stated_by | observed_by.",
        ),
        sa.CheckConstraint(
            "role IN ('reported_by', 'confirmed_by', 'cited', 'stated_by', 'observed_by')",
            name=op.f("ck_event_sources_role"),
        ),
        sa.ForeignKeyConstraint(
            ["mention_id", "event_id"],
            ["event_mentions.id", "event_mentions.event_id"],
            name=op.f("fk_event_sources_mention_id_event_id_event_mentions"),
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_event_sources_source_id_sources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_sources")),
        sa.UniqueConstraint(
            "mention_id",
            "source_id",
            "role",
            name=op.f("uq_event_sources_mention_id_source_id_role"),
        ),
        comment="Who reported, confirmed or is cited for an event, per mention.",
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_event_sources_event_id"), "event_sources", ["event_id"], unique=False)
    op.create_index(
        op.f("ix_event_sources_source_id"), "event_sources", ["source_id"], unique=False
    )
    _create_full_text_search()
    _create_orphan_triggers()


def downgrade() -> None:
    _drop_orphan_triggers()
    _drop_full_text_search()
    op.drop_index(op.f("ix_event_sources_source_id"), table_name="event_sources")
    op.drop_index(op.f("ix_event_sources_event_id"), table_name="event_sources")
    op.drop_table("event_sources")
    op.drop_index(op.f("ix_claim_sources_source_id"), table_name="claim_sources")
    op.drop_index(op.f("ix_claim_sources_claim_id"), table_name="claim_sources")
    op.drop_table("claim_sources")
    op.drop_index(op.f("ix_event_mentions_event_id"), table_name="event_mentions")
    op.drop_index(op.f("ix_event_mentions_article_id"), table_name="event_mentions")
    op.drop_table("event_mentions")
    op.drop_index(op.f("ix_claim_mentions_claim_id"), table_name="claim_mentions")
    op.drop_index(op.f("ix_claim_mentions_article_id"), table_name="claim_mentions")
    op.drop_table("claim_mentions")
    op.drop_index(op.f("ix_ingestion_errors_run_id"), table_name="ingestion_errors")
    op.drop_table("ingestion_errors")
    op.drop_index(op.f("ix_claims_expert_id"), table_name="claims")
    op.drop_table("claims")
    op.drop_index(op.f("ix_articles_source_id"), table_name="articles")
    op.drop_index(op.f("ix_articles_run_id"), table_name="articles")
    op.drop_index(op.f("ix_articles_published_on"), table_name="articles")
    op.drop_index(op.f("ix_articles_featured_expert_id"), table_name="articles")
    op.drop_table("articles")
    op.drop_table("sources")
    op.drop_table("ingestion_runs")
    op.drop_table("experts")
    op.drop_index(op.f("ix_events_year_month_day"), table_name="events")
    op.drop_index(op.f("ix_events_month_day"), table_name="events")
    op.drop_index(op.f("ix_events_date_key"), table_name="events")
    op.drop_table("events")


def _create_full_text_search() -> None:
    if op.get_context().dialect.name == "sqlite":
        for table, columns in FTS_COLUMNS.items():
            _create_fts5(table, columns)
        return
    for table, columns in FTS_COLUMNS.items():
        op.add_column(
            table,
            sa.Column(
                "search_vector",
                postgresql.TSVECTOR(),
                sa.Computed(_tsvector_expression(columns), persisted=True),
                nullable=True,
                comment=f"Full-text search vector over {', '.join(columns)} (generated).",
            ),
        )
        op.create_index(
            f"ix_{table}_search_vector", table, ["search_vector"], postgresql_using="gin"
        )


def _tsvector_expression(columns: tuple[str, ...]) -> str:
    weights = "ABCD"
    parts = [
        f"setweight(to_tsvector('english'::regconfig, coalesce({column}, '')), '{weights[i]}')"
        for i, column in enumerate(columns)
    ]
    return " || ".join(parts)


def _create_fts5(table: str, columns: tuple[str, ...]) -> None:
    names = ", ".join(columns)
    new_values = ", ".join(f"new.{column}" for column in columns)
    old_values = ", ".join(f"old.{column}" for column in columns)
    fts = f"{table}_fts"
    insert_new = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new_values});"
    delete_old = (
        f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old_values});"
    )
    op.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', "
        f"content_rowid='id', tokenize='{_TOKENIZER}')"
    )
    op.execute(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN {insert_new} END")
    op.execute(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN {delete_old} END")
    op.execute(
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {names} ON {table} "
        f"BEGIN {delete_old} {insert_new} END"
    )


def _drop_full_text_search() -> None:
    if op.get_context().dialect.name == "sqlite":
        for table in FTS_COLUMNS:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {table}_fts")
        return
    for table in FTS_COLUMNS:
        op.drop_index(f"ix_{table}_search_vector", table_name=table)
        op.drop_column(table, "search_vector")


# mention table -> (parent table, parent column): a parent with no mention left is deleted.
ORPHAN_PARENTS = {
    "claim_mentions": ("claims", "claim_id"),
    "event_mentions": ("events", "event_id"),
}


def _create_orphan_triggers() -> None:
    sqlite = op.get_context().dialect.name == "sqlite"
    for mentions, (parent, column) in ORPHAN_PARENTS.items():
        condition = (
            f"id = old.{column} AND NOT EXISTS "
            f"(SELECT 1 FROM {mentions} WHERE {column} = old.{column})"
        )
        if sqlite:
            for event, name in (("DELETE", "ad"), (f"UPDATE OF {column}", "au")):
                op.execute(
                    f"CREATE TRIGGER {mentions}_orphan_{name} AFTER {event} ON {mentions} "
                    f"BEGIN DELETE FROM {parent} WHERE {condition}; END"
                )
            continue
        op.execute(
            f"CREATE FUNCTION {mentions}_drop_orphan() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN DELETE FROM {parent} WHERE {condition}; RETURN NULL; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {mentions}_orphan AFTER DELETE OR UPDATE OF {column} "
            f"ON {mentions} FOR EACH ROW EXECUTE FUNCTION {mentions}_drop_orphan()"
        )


def _drop_orphan_triggers() -> None:
    sqlite = op.get_context().dialect.name == "sqlite"
    for mentions in ORPHAN_PARENTS:
        if sqlite:
            op.execute(f"DROP TRIGGER IF EXISTS {mentions}_orphan_ad")
            op.execute(f"DROP TRIGGER IF EXISTS {mentions}_orphan_au")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {mentions}_orphan ON {mentions}")
            op.execute(f"DROP FUNCTION IF EXISTS {mentions}_drop_orphan()")
