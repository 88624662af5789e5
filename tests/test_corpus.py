"""The benchmark corpus generator (benchmarks/corpus.py): pure, no database.

The corpus is only useful if it is deterministic, the right size, read correctly by the
extractor (so a load's expected counts are known), and gives dedup real work: events that
recur in many articles under several wordings, statements that recur, and distinct events
and statements that a correct loader must keep apart.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter, defaultdict
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from benchmarks import corpus
from benchmarks.corpus import Article, generate, generate_articles, pool, write_corpus
from rapidfuzz import fuzz, process

from eventstore.extract import ArticleDoc, ArticleMeta, extract_article
from eventstore.load.similarity import CLAIM_THRESHOLD, EVENT_THRESHOLD, all_matches
from eventstore.normalize import fold, match_text, person_key

SEED = 20240917
TODAY = date(2026, 11, 23)
_NUMBER = re.compile(r"\d[\d,.]*")


@cache
def articles(count: int = 2000, seed: int = SEED) -> tuple[Article, ...]:
    return tuple(generate_articles(count, seed))


# --------------------------------------------------------------------------- determinism


def test_same_seed_gives_the_same_texts() -> None:
    first = list(generate(40, 7))
    assert first == list(generate(40, 7))
    assert [stem for stem, _, _ in first] == [f"{i:06d}" for i in range(40)]
    assert len({text for _, text, _ in first}) == 40


def test_different_seeds_give_different_texts() -> None:
    one = [text for _, text, _ in generate(40, 7)]
    other = [text for _, text, _ in generate(40, 8)]
    assert all(a != b for a, b in zip(one, other, strict=True))


def test_write_corpus_is_byte_identical_per_seed(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert write_corpus(first, 25, 3) == 25
    assert corpus.main(["--articles", "25", "--out", str(second), "--seed", "3"]) == 0
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert len(names) == 50
    assert "000000.txt" in names
    assert "000024.json" in names
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    for article in generate_articles(25, 3):
        sidecar = json.loads((first / f"{article.stem}.json").read_text(encoding="utf-8"))
        assert sidecar == {"published_on": article.published_on.isoformat()}
        assert (first / f"{article.stem}.txt").read_text(encoding="utf-8") == article.text


def test_the_pool_is_the_same_for_every_seed() -> None:
    the_pool = pool()
    assert len(the_pool.experts) == 300
    assert len(the_pool.events) == 2000
    keys = {person_key(expert.name) for expert in the_pool.experts}
    assert len(keys) == 300, "two pool experts would be one expert row"
    years = {event.year for event in the_pool.events}
    assert years <= {2021, 2022, 2023, 2024}
    assert {e.precision for e in the_pool.events} == {"day", "month", "unknown"}


# --------------------------------------------------------------------------- sizes


def test_every_article_is_two_to_four_kilobytes() -> None:
    sizes = [len(article.text.encode("utf-8")) for article in articles()[:300]]
    assert min(sizes) >= 2048
    assert max(sizes) <= 4096


# --------------------------------------------------------------------------- the extractor


def sample() -> list[Article]:
    return list(articles()[::30])  # 67 articles


def test_the_extractor_finds_the_featured_expert_and_outlet() -> None:
    the_pool = pool()
    for article in sample():
        doc = extract(article)
        expert = the_pool.experts[article.expert_id]
        featured = doc.featured_expert
        assert featured is not None, article.stem
        assert featured.name == expert.name, article.stem
        assert featured.role == expert.role, article.stem
        assert featured.affiliation == expert.organization, article.stem
        assert doc.outlet == "Espreso TV", article.stem
        assert doc.category == "News", article.stem
        assert doc.published_on == article.published_on


def test_the_extractor_reads_every_event_with_its_true_date() -> None:
    the_pool = pool()
    for article in sample():
        doc = extract(article)
        assert len(doc.events) == len(article.events), article.stem
        for found, mention in zip(doc.events, article.events, strict=True):
            event = the_pool.events[mention.event_id]
            reading = found.date
            assert found.span.text == mention.line, article.stem
            assert reading.precision == event.precision, mention.line
            if event.undated:
                assert (reading.year, reading.month, reading.day) == (None, None, None)
                continue
            assert (reading.year, reading.month, reading.day) == (
                event.year,
                event.month,
                event.day,
            ), mention.line
            assert reading.qualifier == mention.qualifier, mention.line
            assert reading.year_inferred is not mention.year_stated, mention.line


def test_the_extractor_attributes_every_statement() -> None:
    the_pool = pool()
    for article in sample():
        doc = extract(article)
        assert len(doc.claims) == len(article.claims), article.stem
        for found, mention in zip(doc.claims, article.claims, strict=True):
            speaker = the_pool.experts[mention.expert_id]
            assert found.speaker.key == person_key(speaker.name), article.stem
            assert found.kind == mention.kind, article.stem
            assert found.section == mention.section, article.stem
            assert fold(found.text) == fold(mention.text), article.stem
        featured = doc.featured_expert
        assert featured is not None, article.stem
        body = [c for c in doc.claims if c.section == "body"]
        assert {c.kind for c in body} == {"quote", "paraphrase"}, article.stem
        assert 3 <= len(body) <= 5
        assert all(c.speaker.key == featured.key for c in body), article.stem


@cache
def extract(article: Article) -> ArticleDoc:
    return extract_article(
        article.text,
        external_id=article.stem,
        meta=ArticleMeta(**article.sidecar),
        today=TODAY,
    )


# --------------------------------------------------------------------------- timelines


def test_timelines_are_chronological_and_published_after_their_events() -> None:
    the_pool = pool()
    carried = inferred_from_published = 0
    for article in articles():
        events = [the_pool.events[m.event_id] for m in article.events]
        assert 4 <= len(events) <= 8
        assert [e.earliest for e in events] == sorted(e.earliest for e in events)
        assert all(article.published_on > e.latest for e in events), article.stem
        stated_before = False
        for mention in article.events:
            if mention.precision == "unknown":
                continue
            if not mention.year_stated:
                carried += stated_before
                inferred_from_published += not stated_before
            stated_before = stated_before or mention.year_stated
    assert carried > 1000
    assert inferred_from_published > 1000


def test_every_form_of_the_seeds_occurs() -> None:
    text = "\n".join(article.text for article in articles()[:500])
    for phrase in (
        "believes that",
        "told Espreso TV that",
        "He expressed his opinion on Espreso TV.",
        "She said this on Espreso TV.",
        "on the Espreso TV channel.",
        "shared his opinions with Espreso TV.",
        "Some details about",
        "More details on",
        "\nBackground\n",
        ": chronology\n",
        "The expert also noted that",
        "According to him, ",
        "According to her, ",
        "\nBack on ",
        "\nEarlier, ",
        "\nIn early ",
        "\nOn the evening of ",
        "it became known that",
        "media reported that",
        "munitions",
        "ammunition",
    ):
        assert phrase in text, phrase
    assert re.search(r"\nIn [A-Z][a-z]+ 20\d\d, ", text)
    assert re.search(r"\nOn \d{1,2} [A-Z][a-z]+, ", text)


# --------------------------------------------------------------------------- events: dedup work


def test_events_recur_so_dedup_has_work() -> None:
    counts = Counter(m.event_id for a in articles() for m in a.events)
    articles_per_event = Counter(e for a in articles() for e in {m.event_id for m in a.events})
    mentions = sum(counts.values())
    assert mentions >= 4 * len(articles())
    assert len(counts) * 4 < mentions, "too few repeats for dedup to matter"
    assert max(articles_per_event.values()) >= 20
    busiest = sorted(counts.values(), reverse=True)[: len(pool().events) // 10]
    assert sum(busiest) > 0.4 * mentions, "a tenth of the events should take much of the news"


def test_the_same_event_is_reworded_across_articles() -> None:
    wordings: dict[int, set[str]] = defaultdict(set)
    lines: dict[int, set[str]] = defaultdict(set)
    for article in articles():
        for mention in article.events:
            wordings[mention.event_id].add(mention.wording)
            lines[mention.event_id].add(mention.line)
    reworded = [event for event, seen in wordings.items() if len(seen) >= 2]
    assert len(reworded) >= 500
    assert max(len(seen) for seen in lines.values()) >= 10


def test_every_wording_of_a_pool_event_matches_the_others() -> None:
    """All wordings of one event must dedup to one row under the loader's matcher."""
    for event in pool().events:
        forms = [match_text(w) for w in event.wordings()]
        assert len(forms) >= 2, event.text
        for one, other in itertools.combinations(forms, 2):
            assert all_matches(one, [other], threshold=EVENT_THRESHOLD), (one, other)
        sentence = event.wordings()[0]
        for frame in ("it became known that ", "media reported that ", "it was reported that "):
            assert match_text(frame + sentence) == match_text(sentence)


def test_different_pool_events_never_match() -> None:
    """Two events of one date block differ in their numbers and in their wording."""
    blocks: dict[object, list[corpus.PoolEvent]] = defaultdict(list)
    for event in pool().events:
        blocks["undated" if event.undated else (event.month, event.day)].append(event)
    pairs = 0
    for events in blocks.values():
        for one, other in itertools.combinations(events, 2):
            a, b = match_text(one.wordings()[0]), match_text(other.wordings()[0])
            assert set(_NUMBER.findall(a)) != set(_NUMBER.findall(b)), (one.text, other.text)
            assert fuzz.token_set_ratio(a, b) < EVENT_THRESHOLD, (one.text, other.text)
            assert all_matches(a, [b], threshold=EVENT_THRESHOLD) == []
            pairs += 1
    assert pairs > 1000


# --------------------------------------------------------------------------- claims


def test_statements_repeat_only_on_purpose() -> None:
    """Repeated statements are the same claim; different ones never fuzzily match."""
    the_pool = pool()
    mentions = Counter((c.expert_id, c.kind, c.statement_id) for a in articles() for c in a.claims)
    repeated_body = [key for key, n in mentions.items() if n > 1 and key[1] != "paraphrase"]
    assert len(repeated_body) >= 20, "claim dedup needs repeated quotes and summaries"
    assert sum(n > 1 for n in mentions.values()) >= 200
    groups: dict[tuple[int, str], dict[str, str]] = defaultdict(dict)
    for article in articles()[:1000]:
        for claim in article.claims:
            groups[(claim.expert_id, claim.kind)].setdefault(claim.statement_id, claim.text)
    assert len(mentions) > 0.8 * sum(mentions.values()), "most claims should be new rows"
    for (expert_id, kind), statements in groups.items():
        norms = [match_text(text) for text in statements.values()]
        for i, norm in enumerate(norms[:-1]):
            later = norms[i + 1 :]
            near = process.extract(
                norm, later, scorer=fuzz.token_set_ratio, score_cutoff=80, limit=None
            )
            for other, _score, _index in near:
                if all_matches(norm, [other], threshold=CLAIM_THRESHOLD):
                    name = the_pool.experts[expert_id].name
                    pytest.fail(f"{name} {kind}: {norm!r} matches {other!r}")


def test_new_statements_share_at_most_about_half_their_words() -> None:
    """The novelty rule: a new statement shares at most about half its content words with
    each of its expert's background statements and recent statements of its kind, and
    never has exactly the content words of an earlier one."""
    the_pool = pool()
    said: dict[tuple[int, str], list[frozenset[str]]] = defaultdict(list)
    for expert in the_pool.experts:
        said[(expert.id, "paraphrase")] = [content_words(s) for s in expert.statements]
    new: dict[str, tuple[tuple[int, str], frozenset[str]]] = {}
    for article in articles(3000):
        for claim in article.claims:
            if claim.section != "background":
                key = (claim.expert_id, claim.kind)
                new.setdefault(claim.statement_id, (key, content_words(claim.text)))
    checked = 0
    for statement_id in sorted(new, key=lambda sid: int(sid.rsplit(":", 1)[1])):
        key, words = new[statement_id]
        before = said[key]
        pinned = len(the_pool.experts[key[0]].statements) if key[1] == "paraphrase" else 0
        assert words not in before, statement_id
        for old in [*before[:pinned], *before[pinned:][-corpus._RECENT :]]:
            shared = len(words & old)
            assert shared <= 0.55 * min(len(words), len(old)), (statement_id, words, old)
        before.append(words)
        checked += 1
    assert checked > 10_000
    assert max(len(before) for before in said.values()) > corpus._RECENT, "the window fills"


def content_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", text.lower())) - corpus._STOP
