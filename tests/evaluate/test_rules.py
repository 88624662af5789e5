"""docs/gold.md's scoring rules on small hand-made stores (pure: no database)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from eventstore.evaluate import score
from eventstore.evaluate.gold import GoldFile, GoldFileError
from eventstore.evaluate.goldset import combine, name_key
from eventstore.evaluate.store import (
    Kind,
    Store,
    StoredArticle,
    StoredEvent,
    StoredExpert,
    StoredMention,
)

BODY = (
    "A title\n"
    "Alice Smith said that the sky is falling. She added that it is blue.\n"
    "On May 1, the bridge over the river collapsed.\n"
    "Officials said talks were progressing.\n"
    "Background"
)
OTHER = "Another title\nThe bridge over the river collapsed on May 1.\n"
ALICE = StoredExpert(1, "Alice Smith", "analyst", "Sky Institute")


def at(article: str, phrase: str, kind: Kind, row: int, ident: int = 0) -> StoredMention:
    """A loaded mention of exactly ``phrase``."""
    body = {"a": BODY, "b": OTHER}[article]
    start = body.index(phrase)
    return StoredMention(ident or row, kind, row, article, start, start + len(phrase), phrase)


def store(*mentions: StoredMention, event: StoredEvent | None = None) -> Store:
    events = {m.row_id: event or StoredEvent(m.row_id, 2024, 5, 1, "day", None) for m in mentions}
    return Store(
        articles={
            "a": StoredArticle(1, "a", BODY, "Outlet"),
            "b": StoredArticle(2, "b", OTHER, "Outlet"),
        },
        mentions=mentions,
        claim_experts={m.row_id: 1 for m in mentions if m.kind == "claim"},
        events={k: v for k, v in events.items() if any(m.row == ("event", k) for m in mentions)},
        experts={1: ALICE},
        sources={},
    )


def gold(path: str = "g.yaml", **sections: Any) -> GoldFile:
    data = {"articles": {"a": {"outlet": "Outlet"}, "b": {"outlet": "Outlet"}}, **sections}
    return GoldFile.model_validate({**data, "path": path})


SKY: dict[str, Any] = {
    "id": "sky",
    "expert": "Alice Smith",
    "mentions": [{"article": "a", "anchor": "the sky is falling"}],
}
BRIDGE: dict[str, Any] = {
    "id": "bridge",
    "date": {"year": 2024, "month": 5, "day": 1, "precision": "day"},
    "mentions": [
        {"article": "a", "anchor": "the bridge over the river collapsed"},
        {"article": "b", "anchor": "bridge over the river collapsed on May 1"},
    ],
}
SKY_LINE = "Alice Smith said that the sky is falling. She added that it is blue."


def test_a_split_paragraph_is_one_found_mention_and_both_parts_are_precise() -> None:
    loaded = store(
        at("a", "the sky is falling", "claim", 1),
        at("a", "it is blue", "claim", 1, ident=2),
    )
    scores = score(combine([gold(claims=[SKY])]), loaded)
    assert scores["claim_recall"].numerator == scores["claim_recall"].denominator == 1
    assert (scores["claim_precision"].numerator, scores["claim_precision"].denominator) == (2, 2)


def test_a_mention_that_lacks_the_anchor_is_not_found() -> None:
    loaded = store(at("a", "it is blue", "claim", 1))
    scores = score(combine([gold(claims=[SKY])]), loaded)
    assert scores.values["claim_recall"] == 0.0
    assert scores.values["claim_precision"] == 1.0  # it still lies in the gold line


def test_the_wrong_kind_is_a_miss_of_recall_and_of_precision() -> None:
    scores = score(combine([gold(claims=[SKY])]), store(at("a", SKY_LINE, "event", 7)))
    assert scores["claim_recall"].misses == (
        "sky (a): loaded as event #7, expected a claim: 'the sky is falling'",
    )
    assert scores.values["event_precision"] == 0.0


def test_either_lines_take_a_claim_or_an_event() -> None:
    talks = {
        "id": "talks",
        "either": True,
        "speaker": "Alice Smith",
        "date": {"precision": "unknown"},
        "mentions": [{"article": "a", "anchor": "talks were progressing"}],
    }
    phrase = "Officials said talks were progressing."
    kinds: tuple[Kind, ...] = ("claim", "event")
    for kind in kinds:
        unknown = StoredEvent(3, None, None, None, "unknown", None)
        loaded = store(at("a", phrase, kind, 3), event=unknown)
        scores = score(combine([gold(events=[talks])]), loaded)
        assert scores.values["event_recall"] == 1.0
        assert scores.values[f"{kind}_precision"] == 1.0
        assert scores[{"claim": "attribution", "event": "dates"}[kind]].denominator == 1


def test_a_line_with_only_optional_mentions_is_neither_rewarded_nor_penalised() -> None:
    maybe = {
        "id": "maybe",
        "date": {"precision": "unknown"},
        "mentions": [],
        "optional_mentions": [{"article": "a", "anchor": "talks were progressing"}],
    }
    loaded = store(
        at("a", "the sky is falling", "claim", 1),
        at("a", "talks were progressing", "event", 2),
    )
    scores = score(combine([gold(claims=[SKY], events=[maybe])]), loaded)
    assert scores["event_recall"].denominator == 0
    assert scores.values["event_recall"] is None
    assert scores["event_precision"].denominator == 0


def test_same_as_joins_items_of_two_gold_files() -> None:
    first = {**BRIDGE, "mentions": BRIDGE["mentions"][:1]}
    second = {**BRIDGE, "id": "bridge-b", "same_as": "bridge", "mentions": BRIDGE["mentions"][1:]}
    files = combine([gold("one.yaml", events=[first]), gold("two.yaml", events=[second])])
    one_row = store(
        at("a", "the bridge over the river collapsed", "event", 5),
        at("b", "bridge over the river collapsed on May 1", "event", 5, ident=6),
    )
    assert score(files, one_row)["merge_recall"].numerator == 1
    two_rows = store(
        at("a", "the bridge over the river collapsed", "event", 5),
        at("b", "bridge over the river collapsed on May 1", "event", 6),
    )
    assert score(files, two_rows)["merge_recall"].misses == (
        "bridge (a) in event #5 and bridge-b (b) in event #6: not one row",
    )


def test_may_merge_with_allows_two_items_in_one_row() -> None:
    collapse = {**BRIDGE, "mentions": BRIDGE["mentions"][:1]}
    report = {**BRIDGE, "id": "report", "mentions": BRIDGE["mentions"][1:]}
    loaded = store(
        at("a", "the bridge over the river collapsed", "event", 5),
        at("b", "bridge over the river collapsed on May 1", "event", 5, ident=6),
    )
    strict = score(combine([gold(events=[collapse, report])]), loaded)
    assert strict["merge_precision"].misses == (
        "event #5 joins different gold items: bridge, report",
    )
    allowed = {**report, "may_merge_with": "bridge"}
    assert (
        score(combine([gold(events=[collapse, allowed])]), loaded).values["merge_precision"] == 1.0
    )


@pytest.mark.parametrize(
    ("date", "right"),
    [
        ({"year": 2024, "month": 5, "day": 1, "precision": "day"}, True),
        ({"year": {"null_or": [2024]}, "month": 5, "day": 1, "precision": "day"}, True),
        ({"year": {"null_or": [2023]}, "month": 5, "day": 1, "precision": "day"}, False),
        ({"year": 2024, "month": 5, "day": {"any_of": [1, 2]}, "precision": "day"}, True),
        ({"year": 2024, "month": 5, "precision": "month"}, False),
        ({"year": 2024, "month": 5, "day": 1, "precision": "day", "qualifier": "night"}, False),
    ],
    ids=["exact", "null-or-listed", "null-or-other", "any-of", "coarser", "qualifier"],
)
def test_dates_compare_every_field(date: dict[str, Any], right: bool) -> None:
    item = {**BRIDGE, "date": date, "mentions": BRIDGE["mentions"][:1]}
    loaded = store(at("a", "the bridge over the river collapsed", "event", 5))
    assert score(combine([gold(events=[item])]), loaded).values["dates"] == float(right)


def test_a_null_year_is_right_for_null_or() -> None:
    item = {
        **BRIDGE,
        "date": {"year": {"null_or": [2024]}, "month": 5, "day": 1, "precision": "day"},
    }
    unknown_year = StoredEvent(5, None, 5, 1, "day", "evening")
    loaded = store(at("a", "the bridge over the river collapsed", "event", 5), event=unknown_year)
    assert score(combine([gold(events=[item])]), loaded).values["dates"] == 1.0


@pytest.mark.parametrize(
    ("anchor", "message"),
    [
        ("said", "gold file g.yaml: sky: anchor 'said' occurs 2 times in a"),
        ("the moon", "gold file g.yaml: sky: anchor 'the moon' does not occur in a"),
    ],
    ids=["twice", "absent"],
)
def test_an_anchor_must_occur_exactly_once(anchor: str, message: str) -> None:
    item = {**SKY, "mentions": [{"article": "a", "anchor": anchor}]}
    with pytest.raises(GoldFileError) as raised:
        score(combine([gold(claims=[item])]), store())
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("stored", "gold_name"),
    [("Kim Jong-un", "Kim Jong Un"), ("the Kremlin", "Kremlin"), ("ALICE  SMITH", "Alice Smith")],
    ids=["hyphen", "leading-the", "case-and-space"],
)
def test_names_compare_as_gold_md_says(stored: str, gold_name: str) -> None:
    assert name_key(stored) == name_key(gold_name)


def test_an_expert_merged_across_spellings_is_right_in_each_articles_spelling() -> None:
    """One expert row for "Alice Smith" and "Alise Smith" (load/spellings.py): where an
    article spells her "Alise", the gold file of that article names her so, and is right."""
    claim = at("a", "the sky is falling", "claim", 7)
    loaded = store(claim)
    spelt = replace(loaded, spellings={(1, "a"): frozenset({"Alise Smith"})})
    item = {**SKY, "expert": "Alise Smith"}
    experts = [{"name": "Alise Smith", "affiliation": None, "role_words": []}]
    figures = score(combine([gold(claims=[item], experts=experts)]), spelt).values
    assert (figures["attribution"], figures["experts_recall"]) == (1.0, 1.0)
    assert (
        score(combine([gold(claims=[item], experts=experts)]), loaded).values["attribution"] == 0.0
    )
