"""Analyst views: v_timeline, v_claims, v_experts, v_sources.

One row per event, claim, person and source, with counts computed at read time. The
same names and columns on both dialects; only string aggregation and zero-padding are
spelled differently. On PostgreSQL every view and column carries a comment.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLES = ("reported_by", "confirmed_by", "cited", "stated_by", "observed_by")


def _names(kind: str, sqlite: bool) -> str:
    """'; '-joined distinct source names of one event or claim (alias e or c)."""
    outer = "e" if kind == "event" else "c"
    pairs = (
        f"FROM {kind}_sources l JOIN sources s ON s.id = l.source_id WHERE l.{kind}_id = {outer}.id"
    )
    if sqlite:
        return (
            "(SELECT group_concat(name, '; ') FROM "
            f"(SELECT DISTINCT s.name AS name {pairs} ORDER BY s.name))"
        )
    return f"(SELECT string_agg(DISTINCT s.name, '; ' ORDER BY s.name) {pairs})"


def _pad(expression: str, sqlite: bool) -> str:
    if sqlite:
        return f"printf('%02d', {expression})"
    return f"lpad(CAST({expression} AS text), 2, '0')"


def _mentions(kind: str, aggregate: str, column: str, outer: str) -> str:
    return (
        f"(SELECT {aggregate}({column}) FROM {kind}_mentions m "
        f"JOIN articles a ON a.id = m.article_id WHERE m.{kind}_id = {outer}.id)"
    )


def _timeline(sqlite: bool) -> str:
    month, day = _pad("e.month", sqlite), _pad("e.day", sqlite)
    month_day = f"{month} || CASE WHEN e.day IS NULL THEN '' ELSE '-' || {day} END"
    label = (
        "CASE WHEN e.date_precision = 'unknown' THEN NULL "
        f"WHEN e.year IS NULL THEN '--' || {month_day} "
        "ELSE CAST(e.year AS TEXT) || "
        f"CASE WHEN e.month IS NULL THEN '' ELSE '-' || {month_day} END END"
    )
    return f"""
        SELECT e.id AS event_id, e.year, e.month, e.day, e.date_precision, e.date_qualifier,
               e.date_key, {label} AS date_label, e.summary,
               (SELECT count(DISTINCT m.article_id) FROM event_mentions m
                 WHERE m.event_id = e.id) AS article_count,
               (SELECT count(*) FROM event_mentions m WHERE m.event_id = e.id) AS mention_count,
               {_names("event", sqlite)} AS source_names,
               {_mentions("event", "min", "a.published_on", "e")} AS first_published_on,
               {_mentions("event", "min", "a.ingested_at", "e")} AS first_seen_at
        FROM events e
    """


def _claims(sqlite: bool) -> str:
    return f"""
        SELECT c.id AS claim_id, c.expert_id, x.name AS expert_name,
               x.affiliation AS expert_affiliation, c.kind, c.text,
               (SELECT count(DISTINCT m.article_id) FROM claim_mentions m
                 WHERE m.claim_id = c.id) AS article_count,
               (SELECT count(*) FROM claim_mentions m WHERE m.claim_id = c.id) AS mention_count,
               {_names("claim", sqlite)} AS source_names,
               {_mentions("claim", "min", "a.published_on", "c")} AS first_published_on,
               {_mentions("claim", "min", "a.ingested_at", "c")} AS first_seen_at
        FROM claims c JOIN experts x ON x.id = c.expert_id
    """


def _experts() -> str:
    carried = (
        "FROM claim_mentions m JOIN claims c ON c.id = m.claim_id "
        "JOIN articles a ON a.id = m.article_id WHERE c.expert_id = x.id"
    )
    return f"""
        SELECT x.id AS expert_id, x.name, x.kind, x.role, x.affiliation,
               (SELECT count(*) FROM claims c WHERE c.expert_id = x.id) AS claim_count,
               (SELECT count(DISTINCT m.article_id) {carried}) AS article_count,
               (SELECT count(*) FROM articles a WHERE a.featured_expert_id = x.id)
                 AS featured_count,
               (SELECT min(a.ingested_at) {carried}) AS first_seen_at,
               (SELECT max(a.ingested_at) {carried}) AS last_seen_at,
               (SELECT min(a.published_on) {carried}) AS first_published_on,
               (SELECT max(a.published_on) {carried}) AS last_published_on
        FROM experts x
    """


def _sources() -> str:
    roles = ",\n".join(
        f"(SELECT count(*) FROM event_sources l WHERE l.source_id = s.id AND l.role = '{role}')"
        f" + (SELECT count(*) FROM claim_sources l WHERE l.source_id = s.id"
        f" AND l.role = '{role}') AS {role}_count"
        for role in ROLES
    )
    citing = (
        "SELECT m.article_id FROM event_sources l JOIN event_mentions m ON m.id = l.mention_id "
        "WHERE l.source_id = s.id UNION SELECT m.article_id FROM claim_sources l "
        "JOIN claim_mentions m ON m.id = l.mention_id WHERE l.source_id = s.id"
    )
    return f"""
        SELECT s.id AS source_id, s.name, s.kind,
               (SELECT count(*) FROM articles a WHERE a.source_id = s.id) AS article_count,
               (SELECT count(DISTINCT l.event_id) FROM event_sources l
                 WHERE l.source_id = s.id) AS event_count,
               (SELECT count(DISTINCT l.claim_id) FROM claim_sources l
                 WHERE l.source_id = s.id) AS claim_count,
               (SELECT count(*) FROM ({citing}) cited_in) AS citing_article_count,
               {roles}
        FROM sources s
    """


# What each view and column means, as of this revision (PostgreSQL COMMENT ON).
COMMENTS: dict[str, tuple[str, dict[str, str]]] = {
    "v_timeline": (
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
            "first_published_on": "Earliest published_on of the articles that mention it.",
            "first_seen_at": "Earliest ingested_at of the articles that mention it.",
        },
    ),
    "v_claims": (
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
            "first_published_on": "Earliest published_on of the articles that mention it.",
            "first_seen_at": "Earliest ingested_at of the articles that mention it.",
        },
    ),
    "v_experts": (
        "One row per person: claim and article counts, first and last seen.",
        {
            "expert_id": "The person (experts.id).",
            "name": "Name.",
            "kind": "expert | official | politician | other.",
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
    "v_sources": (
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
}


def upgrade() -> None:
    sqlite = op.get_context().dialect.name == "sqlite"
    definitions = {
        "v_timeline": _timeline(sqlite),
        "v_claims": _claims(sqlite),
        "v_experts": _experts(),
        "v_sources": _sources(),
    }
    for name, select in definitions.items():
        op.execute(f"CREATE VIEW {name} AS {select}")
        if sqlite:
            continue
        comment, columns = COMMENTS[name]
        op.execute(f"COMMENT ON VIEW {name} IS {_quote(comment)}")
        for column, text in columns.items():
            op.execute(f"COMMENT ON COLUMN {name}.{column} IS {_quote(text)}")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def downgrade() -> None:
    for name in ("v_sources", "v_experts", "v_claims", "v_timeline"):
        op.execute(f"DROP VIEW IF EXISTS {name}")
