"""Compare what a load stored with a gold file (the format of shared/gold/seeds.yaml).

The store is read with plain SQL, not through eventstore's own read code. ``check``
returns every disagreement as a readable line, so a failing test shows all of them.
Rules (from the gold file's header): a gold mention is found when a loaded mention lies
inside the line holding the anchor and contains the anchor; the mentions of one gold
item share one row; two gold items never share one; lines no gold item names hold no
mention.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import Engine, text

from eventstore.normalize import person_key, source_key

FIXTURES = Path(__file__).parent / "fixtures"
SEED_GOLD = FIXTURES / "gold_seeds.yaml"
EXTRA_GOLD = FIXTURES / "articles" / "expected.yaml"


def read_gold(path: Path) -> dict[str, Any]:
    """The gold file as a dict."""
    return dict(yaml.safe_load(path.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Mention:
    """A stored claim or event mention."""

    item: tuple[str, int]
    article: str
    start: int
    end: int
    text: str


@dataclass
class Store:
    """What the database holds, in the shape the checks need."""

    articles: dict[str, dict[str, Any]] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    claims: dict[int, dict[str, Any]] = field(default_factory=dict)
    events: dict[int, dict[str, Any]] = field(default_factory=dict)
    experts: dict[str, dict[str, Any]] = field(default_factory=dict)
    sources: set[str] = field(default_factory=set)


def read_store(engine: Engine) -> Store:
    """Read the whole store with plain SQL."""
    store = Store()
    with engine.connect() as connection:

        def rows(sql: str) -> list[Any]:
            return list(connection.execute(text(sql)).mappings())

        for row in rows(
            "SELECT a.external_id, a.title, a.body, a.category, a.url, a.published_on, "
            "s.name AS outlet, e.name AS featured FROM articles a "
            "LEFT JOIN sources s ON s.id = a.source_id "
            "LEFT JOIN experts e ON e.id = a.featured_expert_id"
        ):
            store.articles[row["external_id"]] = dict(row)
        for kind in ("claim", "event"):
            for row in rows(
                f"SELECT m.{kind}_id AS item, a.external_id, m.start_offset, m.end_offset, m.text "
                f"FROM {kind}_mentions m JOIN articles a ON a.id = m.article_id"
            ):
                store.mentions.append(
                    Mention(
                        (kind, row["item"]),
                        row["external_id"],
                        row["start_offset"],
                        row["end_offset"],
                        row["text"],
                    )
                )
        for row in rows(
            "SELECT c.id, c.kind, e.key AS expert "
            "FROM claims c JOIN experts e ON e.id = c.expert_id"
        ):
            store.claims[row["id"]] = {**row, "sources": set()}
        for row in rows("SELECT * FROM events"):
            store.events[row["id"]] = {**row, "sources": set()}
        for kind, items in (("claim", store.claims), ("event", store.events)):
            for row in rows(
                f"SELECT l.{kind}_id AS item, s.key FROM {kind}_sources l "
                "JOIN sources s ON s.id = l.source_id"
            ):
                items[row["item"]]["sources"].add(row["key"])
        for row in rows("SELECT name, key, role, affiliation FROM experts"):
            store.experts[row["key"]] = dict(row)
        store.sources = {row["key"] for row in rows("SELECT key FROM sources")}
    return store


def _line_of(body: str, anchor: str) -> tuple[int, int] | None:
    at = body.find(anchor)
    if at < 0:
        return None
    start = body.rfind("\n", 0, at) + 1
    end = body.find("\n", at)
    return start, (len(body) if end < 0 else end)


class Checker:
    """Checks one store against one gold file."""

    def __init__(self, gold: dict[str, Any], store: Store) -> None:
        self.gold = gold
        self.store = store
        self.problems: list[str] = []
        self.owner: dict[tuple[str, int], str] = {}

    def run(self) -> list[str]:
        """Every disagreement between the store and the gold file."""
        self._articles()
        self._experts()
        for item in self.gold.get("claims", []):
            self._item(item, is_event=False)
        for item in self.gold.get("events", []):
            self._item(item, is_event=True)
        self._sources()
        self._unnamed_lines()
        self._offsets()
        return self.problems

    def _articles(self) -> None:
        for external_id, expected in self.gold["articles"].items():
            stored = self.store.articles.get(external_id)
            if stored is None:
                self.problems.append(f"{external_id}: not loaded")
                continue
            if stored["title"] != expected["title"]:
                self.problems.append(f"{external_id}: title {stored['title']!r}")
            if source_key(stored["outlet"] or "") != source_key(expected["outlet"] or ""):
                self.problems.append(f"{external_id}: outlet {stored['outlet']!r}")
            if stored["category"] != expected.get("category"):
                self.problems.append(f"{external_id}: category {stored['category']!r}")
            featured = expected.get("featured_expert")
            if person_key(stored["featured"] or "") != person_key(featured or ""):
                self.problems.append(f"{external_id}: featured expert {stored['featured']!r}")
            if "published_on" in expected:
                published = stored["published_on"]
                published = str(published) if published else None
                if published != expected["published_on"]:
                    self.problems.append(f"{external_id}: published_on {published!r}")
            if "url" in expected and stored["url"] != expected["url"]:
                self.problems.append(f"{external_id}: url {stored['url']!r}")

    def _experts(self) -> None:
        for expected in self.gold.get("experts", []):
            stored = self.store.experts.get(person_key(expected["name"]))
            if stored is None:
                self.problems.append(f"expert {expected['name']}: missing")
                continue
            affiliation = expected.get("affiliation")
            if (stored["affiliation"] or "").casefold() != (affiliation or "").casefold():
                self.problems.append(
                    f"expert {expected['name']}: affiliation {stored['affiliation']!r}"
                )
            role = (stored["role"] or "").casefold()
            for word in expected.get("role_words", []):
                if word.casefold() not in role:
                    self.problems.append(f"expert {expected['name']}: role {stored['role']!r}")

    def _found(self, mention: dict[str, str]) -> Mention | None:
        article = self.store.articles.get(mention["article"])
        if article is None:
            return None
        line = _line_of(article["body"], mention["anchor"])
        if line is None:
            self.problems.append(f"gold anchor not in article: {mention}")
            return None
        for stored in self.store.mentions:
            inside = line[0] <= stored.start and stored.end <= line[1]
            if stored.article == mention["article"] and inside and mention["anchor"] in stored.text:
                return stored
        return None

    def _item(self, item: dict[str, Any], *, is_event: bool) -> None:
        name = item["id"]
        found = []
        for mention in item["mentions"]:
            stored = self._found(mention)
            if stored is None:
                self.problems.append(f"{name}: no mention in {mention['article']}")
            else:
                found.append(stored.item)
        if not found:
            return
        if len(set(found)) > 1:
            self.problems.append(f"{name}: its mentions are split over {sorted(set(found))}")
        ref = found[0]
        self._own(ref, name)
        for mention in item.get("optional_mentions", []):
            stored = self._found(mention)
            if stored is not None and stored.item != ref:
                self._own(stored.item, name)
        if ref[0] == "claim":
            self._claim(name, item, ref[1], is_event=is_event)
        elif not is_event:
            self.problems.append(f"{name}: loaded as an event, expected a claim")
        else:
            self._event(name, item, ref[1])

    def _own(self, ref: tuple[str, int], name: str) -> None:
        other = self.owner.setdefault(ref, name)
        if other != name:
            self.problems.append(f"{name} and {other} were merged into one {ref[0]} row")

    def _claim(self, name: str, item: dict[str, Any], claim_id: int, *, is_event: bool) -> None:
        claim = self.store.claims[claim_id]
        if is_event and not item.get("either"):
            self.problems.append(f"{name}: loaded as a claim, expected an event")
            return
        speaker = item.get("speaker") if is_event else item["expert"]
        if claim["expert"] != person_key(speaker or ""):
            self.problems.append(f"{name}: claim of {claim['expert']!r}, expected {speaker!r}")
        if not is_event and claim["kind"] != item["kind"]:
            self.problems.append(f"{name}: kind {claim['kind']!r}, expected {item['kind']!r}")
        self._has_sources(name, claim["sources"], item.get("sources", []))

    def _event(self, name: str, item: dict[str, Any], event_id: int) -> None:
        event = self.store.events[event_id]
        expected = item["date"]
        got = {k: event[k] for k in ("year", "month", "day", "date_precision", "date_qualifier")}
        if event["date_precision"] != expected["precision"]:
            self.problems.append(f"{name}: date {got}, expected {expected}")
            return
        for part in ("month", "day"):
            if event[part] != expected.get(part):
                self.problems.append(f"{name}: {part} {event[part]}, expected {expected}")
        if "qualifier" in expected and event["date_qualifier"] != expected["qualifier"]:
            self.problems.append(f"{name}: qualifier {event['date_qualifier']!r}")
        year = expected.get("year")
        allowed = [None, *year["null_or"]] if isinstance(year, dict) else [year]
        if event["year"] not in allowed:
            self.problems.append(f"{name}: year {event['year']}, expected one of {allowed}")
        self._has_sources(name, event["sources"], item.get("sources", []))

    def _has_sources(self, name: str, stored: set[str], expected: list[str]) -> None:
        missing = {source_key(source) for source in expected} - stored
        if missing:
            self.problems.append(f"{name}: sources {sorted(stored)} lack {sorted(missing)}")

    def _sources(self) -> None:
        for source in self.gold.get("sources", {}).get("required", []):
            if source_key(source) not in self.store.sources:
                self.problems.append(f"source {source!r} missing")

    def _named_lines(self) -> dict[str, list[tuple[int, int]]]:
        named: dict[str, list[tuple[int, int]]] = {}
        for item in [*self.gold.get("claims", []), *self.gold.get("events", [])]:
            for mention in [*item["mentions"], *item.get("optional_mentions", [])]:
                article = self.store.articles.get(mention["article"])
                line = _line_of(article["body"], mention["anchor"]) if article else None
                if line:
                    named.setdefault(mention["article"], []).append(line)
        return named

    def _unnamed_lines(self) -> None:
        named = self._named_lines()
        for stored in self.store.mentions:
            if stored.article not in self.gold["articles"]:
                continue
            lines = named.get(stored.article, [])
            if not any(start <= stored.start and stored.end <= end for start, end in lines):
                self.problems.append(
                    f"{stored.article}: a line no gold item names holds a {stored.item[0]}: "
                    f"{stored.text[:70]!r}"
                )

    def _offsets(self) -> None:
        for stored in self.store.mentions:
            body = self.store.articles[stored.article]["body"]
            if body[stored.start : stored.end] != stored.text:
                self.problems.append(f"{stored.article}: span {stored.start} does not match")


def check(gold: dict[str, Any], engine: Engine) -> list[str]:
    """Every disagreement between the store behind ``engine`` and ``gold``."""
    return Checker(gold, read_store(engine)).run()
