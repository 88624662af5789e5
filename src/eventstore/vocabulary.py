"""The closed vocabularies of the data model, shared by extraction, schema and read models.

Pure Python on purpose: ``extract`` uses these without importing the database layer, and
``schema`` turns each into a CHECK constraint, so the two can never disagree.
"""

from __future__ import annotations

from typing import Literal, get_args

SourceKind = Literal[
    "outlet", "publication", "government", "intelligence", "organization", "media", "other"
]
ExpertKind = Literal["expert", "official", "politician", "organization", "other"]
ClaimKind = Literal["quote", "paraphrase", "summary"]
Section = Literal["lede", "body", "background"]
DatePrecision = Literal["day", "month", "year", "unknown"]
SourceRole = Literal["reported_by", "confirmed_by", "cited", "stated_by", "observed_by"]
MatchMethod = Literal["new", "exact", "fuzzy"]
RunStatus = Literal["running", "succeeded", "partial", "failed", "interrupted"]
ErrorCode = Literal[
    "empty",
    "not_utf8",
    "binary",
    "too_large",
    "no_title",
    "not_article",
    "bad_json",
    "bad_metadata",
    "unreadable",
    "bad_date",
    "unbalanced_quote",
    "internal",
]
Severity = Literal["error", "warning"]

SOURCE_KINDS: tuple[str, ...] = get_args(SourceKind)
EXPERT_KINDS: tuple[str, ...] = get_args(ExpertKind)
CLAIM_KINDS: tuple[str, ...] = get_args(ClaimKind)
SECTIONS: tuple[str, ...] = get_args(Section)
DATE_PRECISIONS: tuple[str, ...] = get_args(DatePrecision)
SOURCE_ROLES: tuple[str, ...] = get_args(SourceRole)
MATCH_METHODS: tuple[str, ...] = get_args(MatchMethod)
RUN_STATUSES: tuple[str, ...] = get_args(RunStatus)
ERROR_CODES: tuple[str, ...] = get_args(ErrorCode)
SEVERITIES: tuple[str, ...] = get_args(Severity)
