"""Matching (docs/gold.md): which loaded mentions answer which gold mentions.

A gold mention's line is the line of the article body holding its anchor, which must
occur exactly once in the body. A loaded mention matches the gold mention when it lies
inside that line and contains the anchor; it is *found* when it is also of a kind the
item allows (its section, or either kind for an ``either`` item).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from eventstore.evaluate.gold import GoldFileError, GoldMention
from eventstore.evaluate.goldset import GoldEntry, GoldSet
from eventstore.evaluate.store import Kind, Store, StoredMention


@dataclass(frozen=True)
class Line:
    """One line (paragraph) of an article body, as offsets into the body."""

    article: str
    start: int
    end: int

    def holds(self, mention: StoredMention) -> bool:
        """True when ``mention`` lies inside this line."""
        return (
            mention.article == self.article
            and self.start <= mention.start
            and mention.end <= self.end
        )


def find_line(body: str, anchor: str) -> tuple[Line | None, int]:
    """The line holding ``anchor`` (article left blank) and how often the anchor occurs."""
    places = []
    at = body.find(anchor)
    while at >= 0:
        places.append(at)
        at = body.find(anchor, at + 1)
    if len(places) != 1:
        return None, len(places)
    start = body.rfind("\n", 0, places[0]) + 1
    end = body.find("\n", places[0])
    return Line("", start, len(body) if end < 0 else end), 1


@dataclass(frozen=True)
class Hit:
    """One gold mention, the loaded mentions that match it, and all those in its line."""

    entry: GoldEntry
    mention: GoldMention
    required: bool
    line: Line | None
    matches: tuple[StoredMention, ...]
    in_line: tuple[StoredMention, ...] = ()

    @property
    def found(self) -> tuple[StoredMention, ...]:
        """The matches of a kind the item allows."""
        return tuple(m for m in self.matches if m.kind in self.entry.kinds)

    @property
    def rows(self) -> frozenset[tuple[Kind, int]]:
        """The claim and event rows the found mentions belong to."""
        return frozenset(m.row for m in self.found)

    @property
    def where(self) -> str:
        """``item-id (article)``: how details name this gold mention."""
        return f"{self.entry.label} ({self.mention.article})"


@dataclass(frozen=True)
class Matching:
    """Every gold mention with its matches, and the gold lines by article."""

    gold: GoldSet
    store: Store
    hits: tuple[Hit, ...]
    not_item_lines: tuple[Line, ...]

    def required(self, section: Kind | None = None) -> tuple[Hit, ...]:
        """Required gold mentions, of items listed in ``section`` if given."""
        return tuple(h for h in self.hits if h.required and section in (None, h.entry.section))

    def lines_holding(self, mention: StoredMention) -> tuple[Hit, ...]:
        """The gold mentions (required or optional) whose line holds ``mention``."""
        return tuple(h for h in self.hits if h.line is not None and h.line.holds(mention))


def match(gold: GoldSet, store: Store) -> Matching:
    """Match every gold mention of ``gold`` against ``store``."""
    by_article: dict[str, list[StoredMention]] = {}
    for mention in store.mentions:
        by_article.setdefault(mention.article, []).append(mention)
    hits = [
        _hit(entry, mention, required, store, by_article)
        for entry in gold.entries
        for required, mentions in (
            (True, entry.item.mentions),
            (False, entry.item.optional_mentions),
        )
        for mention in mentions
    ]
    not_items = [_line(store, m, f"gold file {path}: not_items") for path, m in gold.not_items]
    return Matching(
        gold=gold,
        store=store,
        hits=tuple(hits),
        not_item_lines=tuple(line for line in not_items if line is not None),
    )


def _hit(
    entry: GoldEntry,
    mention: GoldMention,
    required: bool,
    store: Store,
    by_article: Mapping[str, Sequence[StoredMention]],
) -> Hit:
    line = _line(store, mention, f"gold file {entry.file}: {entry.label}")
    in_line: tuple[StoredMention, ...] = ()
    if line is not None:
        in_line = tuple(m for m in by_article.get(mention.article, ()) if line.holds(m))
    matches = tuple(m for m in in_line if mention.anchor in m.text)
    return Hit(entry, mention, required, line, matches, in_line)


def _line(store: Store, mention: GoldMention, where: str) -> Line | None:
    """The anchor's line, None when the article is not loaded; an anchor that does not
    occur exactly once in the loaded body is an error of the gold file."""
    article = store.articles.get(mention.article)
    if article is None:
        return None
    line, count = find_line(article.body, mention.anchor)
    if line is None:
        times = "does not occur" if count == 0 else f"occurs {count} times"
        raise GoldFileError(f"{where}: anchor {mention.anchor!r} {times} in {mention.article}")
    return Line(mention.article, line.start, line.end)
