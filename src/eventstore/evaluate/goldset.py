"""Several gold files scored together: their items, articles, experts and sources as one.

Items keep the file they come from; ``same_as`` links items of different files into one
merge group (their mentions must share one row), ``may_merge_with`` lists groups that
may share a row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from eventstore.evaluate.gold import (
    GoldExpert,
    GoldFile,
    GoldFileError,
    GoldItem,
    GoldMention,
    read_gold_file,
)

Section = Literal["claim", "event"]
_HYPHENS = re.compile(r"[-‐‑‒–—]+")


def name_key(name: str) -> str:
    """A person's name as docs/gold.md compares it: case and hyphens ignored, and a leading
    "The" (so "Kim Jong-un" is "Kim Jong Un", "The Kremlin" is "Kremlin")."""
    words = _HYPHENS.sub(" ", name.casefold()).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class GoldEntry:
    """One gold item of one file, with the section it is listed in."""

    uid: str
    file: str
    section: Section
    item: GoldItem
    group: str

    @property
    def label(self) -> str:
        """How details name the item: its id."""
        return self.item.id

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds of row a loaded mention of this item may be: its section, or both."""
        return frozenset({"claim", "event"}) if self.item.either else frozenset({self.section})

    @property
    def only_optional(self) -> bool:
        """True for `mentions: []`: a line that may or may not be loaded."""
        return not self.item.mentions


@dataclass(frozen=True)
class GoldSet:
    """The gold files given to one evaluation, combined."""

    paths: tuple[str, ...]
    entries: tuple[GoldEntry, ...]
    outlets: Mapping[str, str | None]
    not_items: tuple[tuple[str, GoldMention], ...]
    experts: tuple[GoldExpert, ...]
    optional_expert_keys: frozenset[str]
    required_sources: tuple[str, ...]
    optional_sources: tuple[str, ...]
    allowed_merges: frozenset[frozenset[str]]

    @property
    def articles(self) -> tuple[str, ...]:
        """Every article the gold files name (external ids), sorted."""
        return tuple(sorted(self.outlets))


def read_gold(paths: Sequence[Path]) -> GoldSet:
    """Read, validate and combine the gold files at ``paths``."""
    if not paths:
        raise GoldFileError("no gold file given")
    return combine([read_gold_file(path) for path in paths])


def combine(files: Sequence[GoldFile]) -> GoldSet:
    """One GoldSet from several validated files."""
    entries = _entries(files)
    by_id = _ids(entries)
    groups = _groups(entries, by_id)
    entries = tuple(GoldEntry(e.uid, e.file, e.section, e.item, groups[e.uid]) for e in entries)
    experts: dict[str, GoldExpert] = {}
    for gold in files:
        for expert in gold.experts:
            experts.setdefault(name_key(expert.name), expert)
    return GoldSet(
        paths=tuple(gold.path for gold in files),
        entries=entries,
        outlets=_outlets(files),
        not_items=tuple((gold.path, m) for gold in files for m in gold.not_items),
        experts=tuple(experts.values()),
        optional_expert_keys=frozenset(
            name_key(name) for gold in files for name in gold.optional_experts
        ),
        required_sources=_unique(s for gold in files for s in gold.sources.required),
        optional_sources=_unique(s for gold in files for s in gold.sources.optional),
        allowed_merges=_allowed_merges(entries, _ids(entries)),
    )


def _entries(files: Sequence[GoldFile]) -> tuple[GoldEntry, ...]:
    entries: list[GoldEntry] = []
    for gold in files:
        sections: tuple[tuple[Section, tuple[GoldItem, ...]], ...] = (
            ("claim", gold.claims),
            ("event", gold.events),
        )
        for section, items in sections:
            for item in items:
                uid = f"{gold.path}#{item.id}"
                entries.append(GoldEntry(uid, gold.path, section, item, uid))
    return tuple(entries)


def _ids(entries: Iterable[GoldEntry]) -> dict[str, list[GoldEntry]]:
    by_id: dict[str, list[GoldEntry]] = {}
    for entry in entries:
        by_id.setdefault(entry.item.id, []).append(entry)
    return by_id


def _groups(entries: Sequence[GoldEntry], by_id: Mapping[str, list[GoldEntry]]) -> dict[str, str]:
    """Union-find over `same_as`: each uid's merge group (the smallest uid of the group).

    A `same_as` naming an item of no given file is inert: that corpus is not scored.
    """
    parent = {entry.uid: entry.uid for entry in entries}

    def root(uid: str) -> str:
        while parent[uid] != uid:
            uid = parent[uid]
        return uid

    for entry in entries:
        target = entry.item.same_as
        for other in by_id.get(target, []) if target else []:
            if other.file != entry.file:
                low, high = sorted((root(entry.uid), root(other.uid)))
                parent[high] = low
    return {uid: root(uid) for uid in parent}


def _allowed_merges(
    entries: Sequence[GoldEntry], by_id: Mapping[str, list[GoldEntry]]
) -> frozenset[frozenset[str]]:
    """Pairs of merge groups that may share a row (`may_merge_with`, either direction)."""
    pairs: set[frozenset[str]] = set()
    for entry in entries:
        for target in entry.item.may_merge_with:
            for other in by_id.get(target, []):
                pairs.add(frozenset({entry.group, other.group}))
    return frozenset(pairs)


def _outlets(files: Sequence[GoldFile]) -> dict[str, str | None]:
    outlets: dict[str, str | None] = {}
    for gold in files:
        for external_id, article in gold.articles.items():
            if external_id in outlets and outlets[external_id] != article.outlet:
                raise GoldFileError(
                    f"gold file {gold.path}: articles: {external_id}: outlet "
                    f"{article.outlet!r} differs from {outlets[external_id]!r} in another file"
                )
            outlets[external_id] = article.outlet
    return outlets


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))
