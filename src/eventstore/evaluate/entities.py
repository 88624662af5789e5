"""The entity figures of docs/gold.md: experts, affiliations, sources, outlets, provenance.

Experts are compared by name as docs/gold.md says (``name_key``); sources and outlets by the
loader's normalized source key (``source_key``), which is what ``sources.key`` holds.
"""

from __future__ import annotations

from collections.abc import Iterable

from eventstore.evaluate.goldset import name_key
from eventstore.evaluate.match import Matching
from eventstore.evaluate.score import snippet
from eventstore.evaluate.scores import Figure, figure
from eventstore.evaluate.store import Kind, Store, StoredExpert
from eventstore.normalize import source_key


def _experts_named(store: Store) -> dict[str, list[StoredExpert]]:
    by_name: dict[str, list[StoredExpert]] = {}
    for expert_id, expert in store.experts.items():
        for name in store.all_names(expert_id):  # its name and how each article spells it
            by_name.setdefault(name_key(name), []).append(expert)
    return by_name


def experts_recall(matching: Matching) -> Figure:
    """Required experts present in the experts table."""
    stored = _experts_named(matching.store)
    experts = matching.gold.experts
    misses = [f"expert {e.name!r}: not stored" for e in experts if name_key(e.name) not in stored]
    return figure("experts_recall", len(experts), misses)


def experts_precision(matching: Matching) -> Figure:
    """Stored experts with a claim in the gold's articles that are gold or optional."""
    store, gold = matching.store, matching.gold
    known = {name_key(e.name) for e in gold.experts} | gold.optional_expert_keys
    speaking = sorted(set(store.claim_experts.values()))
    misses = []
    for expert_id in speaking:
        expert = store.experts.get(expert_id)
        if expert is None or not {name_key(n) for n in store.all_names(expert_id)} & known:
            name = expert.name if expert else "?"
            misses.append(
                f"expert #{expert_id} {name!r} (claims in {_articles_of(matching, expert_id)}): "
                "neither a gold nor an optional expert"
            )
    return figure("experts_precision", len(speaking), misses)


def _articles_of(matching: Matching, expert_id: int) -> str:
    claims = {c for c, e in matching.store.claim_experts.items() if e == expert_id}
    articles = {
        m.article for m in matching.store.mentions if m.kind == "claim" and m.row_id in claims
    }
    return ", ".join(sorted(articles))


def affiliations(matching: Matching) -> Figure:
    """Stored gold experts whose gold affiliation is in their stored affiliation or role."""
    stored = _experts_named(matching.store)
    total, misses = 0, []
    for expert in matching.gold.experts:
        rows = stored.get(name_key(expert.name), [])
        if not rows or not expert.affiliation:
            continue
        total += 1
        wanted = expert.affiliation.casefold()
        if not any(wanted in f"{r.affiliation or ''}\n{r.role or ''}".casefold() for r in rows):
            got = "; ".join(f"affiliation {r.affiliation!r}, role {r.role!r}" for r in rows)
            misses.append(f"expert {expert.name!r}: {expert.affiliation!r} not in {got}")
    return figure("affiliations", total, misses)


def _keys(store: Store, source_ids: Iterable[int]) -> set[str]:
    keys: set[str] = set()
    for source_id in source_ids:
        source = store.sources.get(source_id)
        if source is not None:
            keys |= {source.key, source_key(source.name)}
    return keys


def sources_recall(matching: Matching) -> Figure:
    """Required sources present in the sources table."""
    stored = _keys(matching.store, matching.store.sources)
    required = matching.gold.required_sources
    misses = [f"source {s!r}: not stored" for s in required if source_key(s) not in stored]
    return figure("sources_recall", len(required), misses)


def item_sources(matching: Matching) -> Figure:
    """Gold sources (an item's ``sources``) linked to the claim or event it was found as."""
    rows: dict[str, set[tuple[Kind, int]]] = {}
    for hit in matching.required():
        if hit.found:
            rows.setdefault(hit.entry.uid, set()).update(hit.rows)
    total, misses = 0, []
    for entry in matching.gold.entries:
        found = sorted(rows.get(entry.uid, ()))
        if not found:
            continue
        linked_ids = {s for row in found for s in matching.store.links.get(row, ())}
        linked = _keys(matching.store, linked_ids)
        for source in entry.item.sources:
            total += 1
            if source_key(source) not in linked:
                where = ", ".join(f"{kind} #{row}" for kind, row in found)
                names = sorted(matching.store.sources[s].name for s in linked_ids)
                misses.append(
                    f"{entry.label}: {source!r} is not linked to {where} "
                    f"(linked: {', '.join(names) or 'none'})"
                )
    return figure("item_sources", total, misses)


def outlets(matching: Matching) -> Figure:
    """Gold articles (with an outlet) loaded with that outlet."""
    expected = {a: o for a, o in matching.gold.outlets.items() if o is not None}
    misses = []
    for article, outlet in sorted(expected.items()):
        stored = matching.store.articles.get(article)
        if stored is None:
            misses.append(f"{article}: not loaded")
        elif source_key(stored.outlet or "") != source_key(outlet):
            got = f"outlet {stored.outlet!r}" if stored.outlet else "no outlet"
            misses.append(f"{article}: {got}, expected {outlet!r}")
    return figure("outlets", len(expected), misses)


def provenance(matching: Matching) -> Figure:
    """Mentions in the gold's articles whose text is their span of the body."""
    store = matching.store
    misses = []
    for mention in store.mentions:
        span = store.articles[mention.article].body[mention.start : mention.end]
        if span != mention.text:
            misses.append(
                f"{mention.article}: {mention.label} (mention #{mention.id}) "
                f"[{mention.start}:{mention.end}] is {snippet(span)}, "
                f"its text {snippet(mention.text)}"
            )
    return figure("provenance", len(store.mentions), misses)
