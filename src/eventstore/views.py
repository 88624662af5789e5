"""The analyst views: their names, columns and meaning, as the current read contract.

The views themselves are created by migrations (alembic/versions), whose SQL is frozen
history; this module describes what head provides, for ``docs/SCHEMA.md`` and for the
test that checks every view at head has exactly these columns (and, on PostgreSQL,
these comments). Counts are computed when the view is read, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ViewDoc:
    """One view: its name, what a row is, and what each column means."""

    name: str
    comment: str
    columns: dict[str, str]


_FIRST_SEEN = "Earliest ingested_at of the articles that mention it."
_FIRST_PUBLISHED = "Earliest published_on of the articles that mention it."
_EXTRACTED_BY = "Rules or model steps that found its mentions, '; '-separated."
_CONFIDENCE = "Highest confidence among its mentions (0-1)."

VIEWS: tuple[ViewDoc, ...] = (
    ViewDoc(
        "v_timeline",
        "One row per event: its date, summary, how many articles report it, and its sources.",
        {
            "event_id": "The event (events.id).",
            "year": "Year, NULL when unknown.",
            "month": "Month 1-12, NULL when unknown.",
            "day": "Day of month, NULL when unknown.",
            "date_precision": "day | month | year | unknown.",
            "date_qualifier": "early, mid, late, end, evening, ... when the text says so.",
            "date_key": "Sortable YYYYMMDD (00 for an unknown month or day); NULL without a year.",
            "date_label": "2023-08-31, 2023-08, 2023, or --08-31 when the year is unknown.",
            "summary": "The event in its representative wording.",
            "article_count": "Number of distinct articles that report the event.",
            "mention_count": "Number of mentions (one per reporting line).",
            "source_names": "Names of the sources linked to the event, '; '-separated.",
            "first_published_on": _FIRST_PUBLISHED,
            "first_seen_at": _FIRST_SEEN,
            "extracted_by": _EXTRACTED_BY,
            "confidence": _CONFIDENCE,
        },
    ),
    ViewDoc(
        "v_claims",
        "One row per claim: who said it, what, how often it was reported, its sources.",
        {
            "claim_id": "The claim (claims.id).",
            "expert_id": "Who made it (experts.id).",
            "expert_name": "Their name.",
            "expert_affiliation": "Their affiliation.",
            "kind": "quote | paraphrase | summary.",
            "text": "The claim in its representative wording.",
            "article_count": "Number of distinct articles that carry the claim.",
            "mention_count": "Number of mentions.",
            "source_names": "Names of the sources the claim cites, '; '-separated.",
            "first_published_on": _FIRST_PUBLISHED,
            "first_seen_at": _FIRST_SEEN,
            "extracted_by": _EXTRACTED_BY,
            "confidence": _CONFIDENCE,
        },
    ),
    ViewDoc(
        "v_experts",
        "One row per person: claim and article counts, first and last seen.",
        {
            "expert_id": "The person (experts.id).",
            "name": "Name.",
            "kind": "expert | official | politician | organization | other.",
            "role": "Role as written.",
            "affiliation": "Organization they speak for.",
            "claim_count": "Number of distinct claims.",
            "article_count": "Number of distinct articles carrying their claims.",
            "featured_count": "Number of articles that feature them (named in the lede).",
            "first_seen_at": "Earliest ingested_at of an article carrying their claims.",
            "last_seen_at": "Latest ingested_at of an article carrying their claims.",
            "first_published_on": "Earliest published_on of an article carrying their claims.",
            "last_published_on": "Latest published_on of an article carrying their claims.",
        },
    ),
    ViewDoc(
        "v_sources",
        "One row per source: articles it published, events and claims citing it, by role.",
        {
            "source_id": "The source (sources.id).",
            "name": "Name.",
            "kind": "outlet | publication | government | intelligence | organization | media"
            " | other.",
            "article_count": "Articles it published (as their outlet).",
            "event_count": "Distinct events linked to it.",
            "claim_count": "Distinct claims linked to it.",
            "citing_article_count": "Distinct articles whose events or claims name it.",
            "reported_by_count": "Links in which it reported (events and claims).",
            "confirmed_by_count": "Links in which it confirmed.",
            "cited_count": "Links in which it is cited ('according to', 'citing').",
            "stated_by_count": "Links in which it made the statement.",
            "observed_by_count": "Links in which it noticed or recorded.",
        },
    ),
)
