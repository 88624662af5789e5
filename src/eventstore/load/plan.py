"""What resolution decides and writing applies: an immutable plan per batch.

``resolve.resolve_batch`` reads a batch of extracted articles and the stored rows they could
match (``candidates.Candidates``) and returns a ``Plan``; ``write.apply_plan`` applies it in
the caller's transaction and changes nothing in it. Rows the batch creates are named by a
``ref`` (their ids are drawn only when they are written); stored rows by their id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from eventstore.extract import ArticleDoc, SourceRef
from eventstore.load.read import RawArticle


@dataclass(frozen=True, slots=True)
class Extracted:
    """An article read and extracted, ready to be written."""

    raw: RawArticle
    doc: ArticleDoc


@dataclass(frozen=True, slots=True)
class ArticleWrite:
    """An article to insert (``old_id`` None) or to write over its stored version."""

    item: Extracted
    old_id: int | None


@dataclass(frozen=True, slots=True)
class RowWrite:
    """An event or claim the batch inserts (``id`` None) or changes.

    ``values`` are every column of a new row, or the changed columns of a stored one
    (empty: unchanged). ``keys`` are matching keys to file for it (in their stored form);
    a claim's ``norms`` are wordings whose keys are scoped to its expert's id, known only
    when written.
    """

    ref: int
    id: int | None
    values: Mapping[str, Any]
    keys: frozenset[bytes] = frozenset()
    norms: frozenset[str] = frozenset()
    expert: str | None = None  # claims: the expert's key
    scope: int = 0  # claims: the expert's id, or a negative stand-in when not yet stored
    kind: str = ""  # claims: the kind


@dataclass(frozen=True, slots=True)
class Merge:
    """A stored row found to be the same as another: its mentions move, its id forwards."""

    loser: int
    survivor: int  # a ref


@dataclass(frozen=True, slots=True)
class MentionWrite:
    """A mention to insert: its owner (a ref), article (external id), columns, sources."""

    owner: int
    article: str
    values: Mapping[str, Any]
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything one batch writes, in the order it is written."""

    unchanged: tuple[str, ...] = ()
    articles: tuple[ArticleWrite, ...] = ()
    events: tuple[RowWrite, ...] = ()
    claims: tuple[RowWrite, ...] = ()
    event_merges: tuple[Merge, ...] = ()
    claim_merges: tuple[Merge, ...] = ()
    event_mentions: tuple[MentionWrite, ...] = ()
    claim_mentions: tuple[MentionWrite, ...] = ()
    # Stored rows the changed articles mentioned: each is removed if left with no mention,
    # or takes the preferred wording of the mentions it keeps.
    released_events: frozenset[int] = frozenset()
    released_claims: frozenset[int] = frozenset()
    # How many candidates each event and claim mention was compared with (the fan-out).
    fanout: tuple[int, ...] = ()

    @property
    def empty(self) -> bool:
        """True when there is nothing to write."""
        return not self.articles
