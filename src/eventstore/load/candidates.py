"""Candidates: the stored rows one batch could touch, read (never written) in its transaction.

For a batch of extracted articles: their stored versions; the stored experts they name;
the stored events and claims sharing a lookup key with one of the batch's (the whole key
or a blocking key, ``blocking``; keys carried by more than ``blocking.CAP`` rows are
full and left out); and, for articles stored before, the events and claims they mention
now (so that their new mentions are resolved against the rows they belonged to before
anything is deleted) and which of those are also mentioned elsewhere. Everything is
fetched by index (a key, an id), so the rows read per mention do not grow with the
store; ``resolve.resolve_batch`` does the rest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Row, Table, select

from eventstore.extract import EXTRACTOR_VERSION, ArticleDoc
from eventstore.load.blocking import CAP, claim_lookup_keys, event_lookup_keys
from eventstore.load.plan import Extracted
from eventstore.load.read import RawArticle
from eventstore.load.spellings import renamed, same_people
from eventstore.load.upsert import CHUNK, analyzed, ids_by, rows_where_in
from eventstore.normalize import match_text
from eventstore.schema import (
    ArticleRow,
    ClaimKeyRow,
    ClaimMentionRow,
    ClaimRow,
    EventKeyRow,
    EventMentionRow,
    EventRow,
    ExpertRow,
    table,
)

ARTICLES = table(ArticleRow)
EXPERTS = table(ExpertRow)
EVENTS = table(EventRow)
CLAIMS = table(ClaimRow)
EVENT_KEYS = table(EventKeyRow)
CLAIM_KEYS = table(ClaimKeyRow)
EVENT_MENTIONS = table(EventMentionRow)
CLAIM_MENTIONS = table(ClaimMentionRow)


# The columns of the stored rows resolution reads (``resolve._Resolver``).
RESOLVED = {
    "events": ("id", "summary", "year", "month", "day", "date_precision", "date_qualifier"),
    "claims": ("id", "text", "expert_id", "kind"),
}


@dataclass(frozen=True, slots=True)
class Stored:
    """An article as stored: its id, content hash and extractor version."""

    id: int
    content_hash: str
    extractor_version: str


@dataclass
class Candidates:
    """What resolution may match a batch against (see the module docstring)."""

    stored: dict[str, Stored] = field(default_factory=dict)
    expert_ids: dict[str, int] = field(default_factory=dict)
    # a speaker's key -> the key of the person it is, spelt another way ("kirill budanov"
    # -> "kyrylo budanov"): resolution writes the docs with these
    same_people: dict[str, str] = field(default_factory=dict)
    events: list[Row[Any]] = field(default_factory=list)
    # row id -> the batch's lookup keys it has (not every key it has)
    event_keys: dict[int, set[bytes]] = field(default_factory=dict)
    claims: list[Row[Any]] = field(default_factory=list)
    claim_keys: dict[int, set[bytes]] = field(default_factory=dict)
    # lookup keys carried by more than CAP stored rows: no candidate is found by them
    full_keys: set[bytes] = field(default_factory=set)
    # every lookup key -> the stored rows carrying it (the writer's cap needs no new read;
    # with ``known`` carriers, other keys too)
    event_carriers: dict[bytes, set[int]] = field(default_factory=dict)
    claim_carriers: dict[bytes, set[int]] = field(default_factory=dict)
    # external id -> ids of the events / claims that article mentions now
    prior_events: dict[str, set[int]] = field(default_factory=dict)
    prior_claims: dict[str, set[int]] = field(default_factory=dict)
    # prior rows that are mentioned by an article outside the batch's changed ones too
    kept_events: set[int] = field(default_factory=set)
    kept_claims: set[int] = field(default_factory=set)


def stored_versions(connection: Connection, external_ids: Sequence[str]) -> dict[str, Stored]:
    """external_id -> the stored version of the articles already stored."""
    found: dict[str, Stored] = {}
    for start in range(0, len(external_ids), CHUNK):
        chunk = external_ids[start : start + CHUNK]
        query = select(
            ARTICLES.c.external_id,
            ARTICLES.c.id,
            ARTICLES.c.content_hash,
            ARTICLES.c.extractor_version,
        ).where(ARTICLES.c.external_id.in_(chunk))
        found.update({row[0]: Stored(*row[1:]) for row in connection.execute(query)})
    return found


def is_current(stored: Stored | None, raw: RawArticle) -> bool:
    """True when the stored article has this content and this extractor's mentions."""
    return (
        stored is not None
        and stored.content_hash == raw.content_hash
        and stored.extractor_version == EXTRACTOR_VERSION
    )


def skipped(stored: Stored | None, raw: RawArticle, *, rewrite: bool) -> bool:
    """True when ``raw`` need not be written: it is current, or (``rewrite``, re-extraction
    of stored articles) the article it was read from has changed or gone since."""
    if rewrite:
        return stored is None or stored.content_hash != raw.content_hash
    return is_current(stored, raw)


def fetch_candidates(
    connection: Connection,
    items: Sequence[Extracted],
    *,
    rewrite: bool = False,
    known: Mapping[str, dict[bytes, set[int]]] | None = None,
) -> Candidates:
    """The candidates of ``items`` (one per external id) in the current transaction.
    ``known`` holds carriers of keys that need not be read again (``carriers``, as the
    store holds them in this transaction); the keys read are added to it."""
    analyzed(connection, [EVENT_KEYS, CLAIM_KEYS, EVENTS, CLAIMS])
    found = Candidates(stored=stored_versions(connection, [i.doc.external_id for i in items]))
    if known is not None:
        found.event_carriers = known.get("event", found.event_carriers)
        found.claim_carriers = known.get("claim", found.claim_carriers)
    todo = [
        i for i in items if not skipped(found.stored.get(i.doc.external_id), i.raw, rewrite=rewrite)
    ]
    found.same_people = same_people(connection, [item.doc for item in todo])
    docs = [renamed(item.doc, found.same_people) for item in todo]
    found.expert_ids = ids_by(connection, EXPERTS, "key", _people(docs))
    changed = {
        found.stored[doc.external_id].id: doc.external_id
        for doc in docs
        if doc.external_id in found.stored
    }
    _fetch_prior(connection, found, changed)
    _fetch_events(connection, found, docs)
    _fetch_claims(connection, found, docs)
    return found


def _people(docs: Sequence[ArticleDoc]) -> list[str]:
    keys = [claim.speaker.key for doc in docs for claim in doc.claims]
    return keys + [doc.featured_expert.key for doc in docs if doc.featured_expert]


def _fetch_prior(connection: Connection, found: Candidates, changed: dict[int, str]) -> None:
    """The rows the changed articles mention now, and which are mentioned elsewhere too."""
    if not changed:
        return
    for mentions, parent, prior, kept in (
        (EVENT_MENTIONS, "event_id", found.prior_events, found.kept_events),
        (CLAIM_MENTIONS, "claim_id", found.prior_claims, found.kept_claims),
    ):
        ids: set[int] = set()
        for chunk in _slices(sorted(changed)):
            query = select(mentions.c.article_id, mentions.c[parent]).where(
                mentions.c.article_id.in_(chunk)
            )
            for article_id, row_id in connection.execute(query):
                prior.setdefault(changed[article_id], set()).add(row_id)
                ids.add(row_id)
        for chunk in _slices(sorted(ids)):
            query = (
                select(mentions.c[parent])
                .where(mentions.c[parent].in_(chunk), mentions.c.article_id.not_in(sorted(changed)))
                .distinct()
            )
            kept |= set(connection.execute(query).scalars())


def _fetch_events(connection: Connection, found: Candidates, docs: Sequence[ArticleDoc]) -> None:
    """Stored events sharing a lookup key with one of the batch's, and prior ones."""
    keys = {
        key
        for doc in docs
        for event in doc.events
        for key in event_lookup_keys(match_text(event.summary), event.summary, event.date)
    }
    prior = {row_id for ids in found.prior_events.values() for row_id in ids}
    found.events, found.event_keys = _rows_by_key(
        connection, found, EVENTS, EVENT_KEYS, keys, also=prior, carriers=found.event_carriers
    )


def _fetch_claims(connection: Connection, found: Candidates, docs: Sequence[ArticleDoc]) -> None:
    """Stored claims sharing a lookup key with one of the batch's (scoped to a stored
    expert), and prior ones."""
    keys: set[bytes] = set()
    for doc in docs:
        for claim in doc.claims:
            expert_id = found.expert_ids.get(claim.speaker.key)
            if expert_id is not None:
                keys |= claim_lookup_keys(match_text(claim.text), expert_id, claim.kind)
    prior = {row_id for ids in found.prior_claims.values() for row_id in ids}
    found.claims, found.claim_keys = _rows_by_key(
        connection, found, CLAIMS, CLAIM_KEYS, keys, also=prior, carriers=found.claim_carriers
    )


def _rows_by_key(
    connection: Connection,
    found: Candidates,
    rows: Table,
    keys_table: Table,
    keys: Iterable[bytes],
    *,
    also: set[int],
    carriers: dict[bytes, set[int]] | None = None,
) -> tuple[list[Row[Any]], dict[int, set[bytes]]]:
    """Stored rows having any of ``keys`` that is not full (those go to
    ``found.full_keys``), and those whose ids are in ``also``; with the keys of ``keys``
    each one has (a row's other keys are not read: they do not grow its fetch). Every key
    of ``keys`` goes into ``carriers`` with the ids of the rows carrying it; those it
    holds already are not read again."""
    parent = keys_table.c[f"{rows.name[:-1]}_id"]
    carriers = {} if carriers is None else carriers
    looked_up = sorted(set(keys))
    unread = [key for key in looked_up if key not in carriers]
    carriers.update({key: set() for key in unread})
    for key, row_id in carriers_of(connection, keys_table, parent.name, unread):
        carriers[key].add(row_id)
    ids = set(also)
    keys_of: dict[int, set[bytes]] = defaultdict(set)
    for key in looked_up:
        row_ids = carriers[key]
        if not row_ids:  # a key no stored row carries (a new wording's)
            continue
        if len(row_ids) > CAP:
            found.full_keys.add(key)
            continue
        ids |= row_ids
        for row_id in row_ids:
            keys_of[row_id].add(key)
    # Only what resolution reads, as plain SQL (as the keys): no expanding IN list to
    # compile per chunk, nor PostgreSQL's search vectors to fetch; in id order, the order
    # SQLite's IN lists gave, so merges take their rows in the same order on both dialects.
    found_rows = rows_where_in(connection, rows, RESOLVED[rows.name], "id", sorted(ids))
    return sorted(found_rows, key=lambda row: row[0]), keys_of


def carriers_of(
    connection: Connection, keys_table: Table, parent: str, keys: Iterable[bytes]
) -> list[tuple[bytes, int]]:
    """(key, row id) of every stored row carrying one of ``keys`` (in their stored form,
    as the loader builds them: ``normalize.stored_key``), read from the index on (key,
    row id) alone."""
    found = rows_where_in(connection, keys_table, ("key", parent), "key", sorted(keys))
    return [(bytes(key), row_id) for key, row_id in found]


def _slices(values: list[Any]) -> list[list[Any]]:
    return [values[i : i + CHUNK] for i in range(0, len(values), CHUNK)]
