"""The mention figures of docs/gold.md: recall, precision, attribution, dates and merges.

Each figure is a pure function of a ``Matching``. Figures over found things (attribution,
dates, merges) count only gold mentions that were found, so a miss lowers recall once
and does not lower them too.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

from eventstore.evaluate.gold import GoldDate
from eventstore.evaluate.goldset import name_key
from eventstore.evaluate.match import Hit, Matching
from eventstore.evaluate.scores import Figure, figure
from eventstore.evaluate.store import Kind, StoredEvent, StoredMention

_SNIPPET = 80


def snippet(text: str) -> str:
    """``text`` cut to one short quoted line for a detail."""
    text = " ".join(text.split())
    return repr(text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…")


def recall(matching: Matching, kind: Kind) -> Figure:
    """Required gold mentions of items listed as ``kind`` that were found."""
    hits = matching.required(kind)
    misses = [_recall_miss(hit) for hit in hits if not hit.found]
    return figure(f"{kind}_recall", len(hits), misses)


def _recall_miss(hit: Hit) -> str:
    anchor = snippet(hit.mention.anchor)
    if hit.line is None:
        return f"{hit.where}: article not loaded; anchor {anchor}"
    if hit.matches:
        loaded = ", ".join(m.label for m in hit.matches)
        return f"{hit.where}: loaded as {loaded}, expected a {hit.entry.section}: {anchor}"
    kinds = " or ".join(sorted(hit.entry.kinds))
    held = "; ".join(f"{m.label} {snippet(m.text)}" for m in hit.in_line)
    return f"{hit.where}: no {kinds} mention holds {anchor}" + (
        f" (the line holds {held})" if held else " (nothing loaded from its line)"
    )


def precision(matching: Matching, kind: Kind) -> Figure:
    """Loaded ``kind`` mentions that lie in a gold line of that kind (or an ``either``
    line). Lines of items with only optional mentions are left out of the count."""
    counted, misses = 0, []
    for mention in matching.store.mentions:
        if mention.kind != kind:
            continue
        holders = matching.lines_holding(mention)
        if any(kind in h.entry.kinds and not h.entry.only_optional for h in holders):
            counted += 1
        elif any(h.entry.only_optional for h in holders):
            continue
        else:
            counted += 1
            misses.append(_precision_miss(matching, mention, holders))
    return figure(f"{kind}_precision", counted, misses)


def _precision_miss(matching: Matching, mention: StoredMention, holders: tuple[Hit, ...]) -> str:
    if holders:
        items = ", ".join(sorted({h.entry.label for h in holders}))
        place = f"lies in the line of {items}, which is no {mention.kind}"
    elif any(line.holds(mention) for line in matching.not_item_lines):
        place = "lies in a not_items line"
    else:
        place = "lies in no gold line"
    where = f"{mention.article}: {mention.label} (mention #{mention.id})"
    return f"{where} {place}: {snippet(mention.text)}"


def attribution(matching: Matching) -> Figure:
    """Found claim mentions whose claim's expert is the gold expert."""
    total, misses = 0, []
    for hit in matching.required():
        expected = hit.entry.item.speaker_name
        claims = [m for m in hit.found if m.kind == "claim"]
        if not claims or not expected:
            continue
        total += 1
        names = {m.label: _expert_name(matching, m) for m in claims}
        # the expert's name, or the spelling the mention's article gives it (expert_names)
        spelt = {
            name_key(name)
            for m in claims
            if (expert_id := matching.store.claim_experts.get(m.row_id)) is not None
            for name in matching.store.names_in(expert_id, m.article)
        }
        if name_key(expected) not in spelt:
            said = ", ".join(f"{label} is by {name!r}" for label, name in names.items())
            misses.append(f"{hit.where}: {said}, expected {expected!r}")
    return figure("attribution", total, misses)


def _expert_name(matching: Matching, mention: StoredMention) -> str | None:
    expert_id = matching.store.claim_experts.get(mention.row_id)
    expert = matching.store.experts.get(expert_id) if expert_id is not None else None
    return expert.name if expert else None


def dates(matching: Matching) -> Figure:
    """Found event mentions whose event row has the gold date."""
    total, misses = 0, []
    for hit in matching.required():
        expected = hit.entry.item.date
        events = [m for m in hit.found if m.kind == "event"]
        if not events or expected is None:
            continue
        total += 1
        rows = [
            matching.store.events[m.row_id] for m in events if m.row_id in matching.store.events
        ]
        if not any(_date_fits(row, expected) for row in rows):
            got = "; ".join(f"event #{row.id} is {_show_event(row)}" for row in rows)
            misses.append(f"{hit.where}: {got}, expected {_show_gold(expected)}")
    return figure("dates", total, misses)


def _date_fits(event: StoredEvent, expected: GoldDate) -> bool:
    return (
        event.precision in expected.precision
        and event.year in expected.year
        and event.month in expected.month
        and event.day in expected.day
        and (expected.qualifier is None or event.qualifier in expected.qualifier)
    )


def _show_event(event: StoredEvent) -> str:
    def one(value: object) -> str:
        return "null" if value is None else str(value)

    return (
        f"{{precision: {event.precision}, year: {one(event.year)}, month: {one(event.month)}, "
        f"day: {one(event.day)}, qualifier: {one(event.qualifier)}}}"
    )


def _show_gold(expected: GoldDate) -> str:
    def one(values: Iterable[object]) -> str:
        return "|".join("null" if v is None else str(v) for v in values)

    parts = [f"precision: {one(expected.precision)}"]
    parts += [f"{name}: {one(getattr(expected, name))}" for name in ("year", "month", "day")]
    if expected.qualifier is not None:
        parts.append(f"qualifier: {one(expected.qualifier)}")
    return "{" + ", ".join(parts) + "}"


def merge_recall(matching: Matching) -> Figure:
    """Pairs of found mentions of one gold item (with ``same_as``) that share a row."""
    groups: dict[str, list[Hit]] = {}
    for hit in matching.required():
        if hit.found:
            groups.setdefault(hit.entry.group, []).append(hit)
    total, misses = 0, []
    for hits in groups.values():
        for first, second in combinations(hits, 2):
            total += 1
            if not first.rows & second.rows:
                misses.append(
                    f"{first.where} in {_rows(first)} and {second.where} in {_rows(second)}: "
                    "not one row"
                )
    return figure("merge_recall", total, misses)


def _rows(hit: Hit) -> str:
    return ", ".join(f"{kind} #{row}" for kind, row in sorted(hit.rows))


def merge_precision(matching: Matching) -> Figure:
    """Rows shared by several found gold mentions that join one item (or items allowed
    to merge by ``may_merge_with``)."""
    by_row: dict[tuple[Kind, int], list[Hit]] = {}
    for hit in matching.hits:
        for row in hit.rows:
            by_row.setdefault(row, []).append(hit)
    shared = {row: hits for row, hits in by_row.items() if len(hits) > 1}
    misses = []
    for (kind, row_id), hits in sorted(shared.items()):
        groups = {hit.entry.group for hit in hits}
        allowed = matching.gold.allowed_merges
        if any(frozenset(pair) not in allowed for pair in combinations(sorted(groups), 2)):
            items = ", ".join(sorted({hit.entry.label for hit in hits}))
            misses.append(f"{kind} #{row_id} joins different gold items: {items}")
    return figure("merge_precision", len(shared), misses)
