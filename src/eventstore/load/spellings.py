"""One person, however outlets spell them: "Kirill" and "Kyrylo Budanov", "Zelenskiy",
"Zelenskyy" and "Zelensky" are one expert, named as most articles spell them.

Among the candidates, ``same_people`` finds for each speaker the key of the stored expert
with the same name skeleton (``normalize.name_skeleton``), or, within a batch, of the
spelling most of its articles use; resolution writes the docs with those keys. After the
articles are written, ``record_spellings`` notes how each article spells each expert
(``expert_names``) and renames the experts whose most-used spelling changed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

from sqlalchemy import Connection, delete, func, select, update

from eventstore.extract import ArticleDoc, PersonRef
from eventstore.load.changes import ChangeLog
from eventstore.load.upsert import CHUNK, insert_ignoring, prefer_longer
from eventstore.normalize import name_skeleton, surname_skeleton
from eventstore.schema import ExpertNameRow, ExpertRow, table

EXPERTS = table(ExpertRow)
EXPERT_NAMES = table(ExpertNameRow)


def skeleton_of(person: PersonRef) -> str | None:
    """The skeleton a person is matched on; institutions have none."""
    return None if person.kind == "organization" else name_skeleton(person.name)


def surname_of(person: PersonRef) -> str | None:
    """The skeleton of a person's surname; institutions have none."""
    return None if person.kind == "organization" else surname_skeleton(person.name)


def people_of(doc: ArticleDoc) -> list[PersonRef]:
    """Every person ``doc`` quotes or features."""
    people = [claim.speaker for claim in doc.claims]
    return [*people, doc.featured_expert] if doc.featured_expert else people


def same_people(connection: Connection, docs: Sequence[ArticleDoc]) -> dict[str, str]:
    """key -> the key it stands for, for each speaker of ``docs`` spelt apart from a
    person the store (or most of the batch) spells another way (read-only)."""
    spelt: dict[str, Counter[str]] = defaultdict(Counter)  # skeleton -> key -> articles
    for doc in docs:
        for key, skeleton in {(p.key, skeleton_of(p)) for p in people_of(doc)}:
            if skeleton:
                spelt[skeleton][key] += 1
    keys = {key for counts in spelt.values() for key in counts}
    # "Rafael Mariano Grossi" is "Rafael Grossi" when someone is known by that name
    shorter = {s: f"{s.split()[0]} {s.split()[-1]}" for s in spelt if len(s.split()) > 2}
    stored = _stored_keys(connection, keys, sorted({*spelt, *shorter.values()}))
    for skeleton, short in shorter.items():
        if short in spelt or short in stored["skeleton"]:
            spelt[short] += spelt.pop(skeleton)
    canonical: dict[str, str] = {}
    for skeleton, counts in spelt.items():
        known = sorted(key for key in counts if key in stored["key"])
        chosen = stored["skeleton"].get(skeleton) or (known[0] if known else None)
        chosen = chosen or min(counts, key=lambda key: (-counts[key], key))
        canonical.update({key: chosen for key in counts if key != chosen})
    canonical.update(_surnames_alone(connection, docs, canonical))
    return canonical


def _surnames_alone(
    connection: Connection, docs: Sequence[ArticleDoc], canonical: dict[str, str]
) -> dict[str, str]:
    """key -> full key, for speakers named by surname alone ("Kuleba said", the full
    name only in a headline cut off) whom one person of the batch, else of the store,
    has as surname."""
    alone = {
        p.key: surname
        for doc in docs
        for p in people_of(doc)
        if len(p.key.split()) == 1 and (surname := surname_of(p)) is not None
    }
    if not alone:
        return {}
    in_batch: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        for person in people_of(doc):
            if len(person.key.split()) > 1 and (surname := surname_of(person)):
                in_batch[surname].add(canonical.get(person.key, person.key))
    found = {key: in_batch[s].pop() for key, s in alone.items() if len(in_batch[s]) == 1}
    wanted = sorted({s for key, s in alone.items() if key not in found})
    for start in range(0, len(wanted), CHUNK):
        query = (
            select(EXPERTS.c.surname_skeleton, EXPERTS.c.key)
            .where(EXPERTS.c.surname_skeleton.in_(wanted[start : start + CHUNK]))
            .where(EXPERTS.c.kind != "organization")
        )
        stored: dict[str, set[str]] = defaultdict(set)
        for surname, key in connection.execute(query):
            if len(key.split()) > 1:
                stored[surname].add(key)
        for key, surname in alone.items():
            if key not in found and len(stored.get(surname, ())) == 1:
                found[key] = stored[surname].pop()
    return found


def renamed(doc: ArticleDoc, canonical: dict[str, str]) -> ArticleDoc:
    """``doc`` with each person's key replaced by the one it stands for (pure)."""
    if not canonical:
        return doc

    def person(ref: PersonRef) -> PersonRef:
        key = canonical.get(ref.key)
        return ref if key is None else ref.model_copy(update={"key": key})

    claims = tuple(c.model_copy(update={"speaker": person(c.speaker)}) for c in doc.claims)
    featured = person(doc.featured_expert) if doc.featured_expert else None
    return doc.model_copy(update={"claims": claims, "featured_expert": featured})


def _stored_keys(
    connection: Connection, keys: set[str], skeletons: list[str]
) -> dict[str, dict[str, str]]:
    """Which of ``keys`` the store holds, and the key of the oldest expert per skeleton."""
    found: dict[str, dict[str, str]] = {"key": {}, "skeleton": {}}
    ordered = sorted(keys)
    for start in range(0, len(ordered), CHUNK):
        query = select(EXPERTS.c.key).where(EXPERTS.c.key.in_(ordered[start : start + CHUNK]))
        found["key"].update((key, key) for key in connection.execute(query).scalars())
    for start in range(0, len(skeletons), CHUNK):
        chunk = skeletons[start : start + CHUNK]
        query = (
            select(EXPERTS.c.skeleton, EXPERTS.c.key)
            .where(EXPERTS.c.skeleton.in_(chunk))
            .order_by(EXPERTS.c.id.desc())
        )
        found["skeleton"].update(dict(connection.execute(query).all()))
    return found


_CAPITALIZED_RUN = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:[a-z]{1,3}\s+)*[A-Z][\w'’-]+)+")


def spellings_in(body: str, person: PersonRef) -> set[str]:
    """How ``body`` spells ``person`` in full: the name extraction kept, and any other
    run of as many capitalized words with the same skeleton ("Kyrylo Budanov" in an
    article that calls him "Kirill Budanov" first)."""
    found = {person.name}
    skeleton = skeleton_of(person)
    if skeleton is None:
        return found
    size = len(person.name.split())
    for candidate in _names_of_size(body, size):
        if name_skeleton(candidate) == skeleton:
            found.add(candidate)
    return found


@lru_cache(maxsize=64)
def _names_of_size(body: str, size: int) -> tuple[str, ...]:
    """Every run of ``size`` capitalized words in ``body``: read once per article and
    size, not once per person it names (a batch asked for each about seven times)."""
    names: dict[str, None] = {}
    for run in _CAPITALIZED_RUN.findall(body):
        words = run.split()
        for start in range(len(words) - size + 1):
            names.setdefault(" ".join(words[start : start + size]))
    return tuple(names)


def record_spellings(
    connection: Connection,
    docs: Iterable[ArticleDoc],
    article_ids: dict[str, int],
    expert_ids: dict[str, int],
    log: ChangeLog,
) -> None:
    """Note how each article of the batch spells its people (replacing what a changed
    article said before), then name each expert as most of its articles spell it."""
    rows = {
        (expert_ids[person.key], article_ids[doc.external_id], name)
        for doc in docs
        for person in people_of(doc)
        for name in spellings_in(doc.body, person)
    }
    articles = sorted(set(article_ids.values()))
    for start in range(0, len(articles), CHUNK):
        chunk = articles[start : start + CHUNK]
        connection.execute(delete(EXPERT_NAMES).where(EXPERT_NAMES.c.article_id.in_(chunk)))
    columns = ("expert_id", "article_id", "name")
    if rows:
        insert_ignoring(
            connection,
            EXPERT_NAMES,
            [dict(zip(columns, row, strict=True)) for row in rows],
            columns,
        )
    _rename(connection, sorted({expert_id for expert_id, _, _ in rows}), log)


def _rename(connection: Connection, experts: list[int], log: ChangeLog) -> None:
    """Experts whose most-used spelling is not their name take it (ties: the longer, then
    the alphabetically first, so the result does not depend on load order)."""
    renamed: dict[int, str] = {}
    for start in range(0, len(experts), CHUNK):
        chunk = experts[start : start + CHUNK]
        counted = (
            select(EXPERT_NAMES.c.expert_id, EXPERT_NAMES.c.name, func.count())
            .where(EXPERT_NAMES.c.expert_id.in_(chunk))
            .group_by(EXPERT_NAMES.c.expert_id, EXPERT_NAMES.c.name)
        )
        best: dict[int, tuple[bool, int, str]] = {}
        for expert_id, name, count in connection.execute(counted):
            # a full name beats a surname alone ("Dmytro Kuleba", not "Kuleba")
            rank = (" " in name, count)
            current = best.get(expert_id)
            if current is None or rank > current[:2]:
                best[expert_id] = (*rank, name)
            elif rank == current[:2]:
                best[expert_id] = (*rank, prefer_longer(current[2], name) or current[2])
        names = select(EXPERTS.c.id, EXPERTS.c.name).where(EXPERTS.c.id.in_(chunk))
        for expert_id, name in connection.execute(names):
            if expert_id in best and best[expert_id][2] != name:
                renamed[expert_id] = best[expert_id][2]
    for expert_id, name in renamed.items():
        statement = update(EXPERTS).where(EXPERTS.c.id == expert_id)
        connection.execute(statement.values(name=name, updated_at=log.now))
    log.updated("expert", sorted(renamed))
