"""Extraction of one article: text and metadata in, an ``ArticleDoc`` out. Pure.

The only entry point of ``extract/``: the loader, the benchmarks and the tests call
``extract_article``. It either returns a document whose every span indexes into its
body, or raises ``InputRejected`` with a one-line reason.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from pydantic import BaseModel, ConfigDict

from eventstore.errors import InputRejected
from eventstore.extract.claims import lede_claim
from eventstore.extract.document import ArticleDoc, ClaimDoc, EventDoc
from eventstore.extract.drafts import ArticleState, Draft, Voice, finished
from eventstore.extract.events import EventReader
from eventstore.extract.framing import carry_interviews
from eventstore.extract.layout import Layout, layout
from eventstore.extract.mention_spans import sentence_bounds, widened
from eventstore.extract.nlp import parse
from eventstore.extract.quotes import repaired_quote
from eventstore.extract.reader import read_paragraph
from eventstore.extract.sources import acronyms, spelt_out
from eventstore.extract.speakers import Speakers, mention_people
from eventstore.extract.spotted_names import spot_names
from eventstore.extract.text import Paragraph, normalize_newlines, paragraphs
from eventstore.extract.voices import narrator
from eventstore.extract.years import Timeline
from eventstore.vocabulary import Section

EXTRACTOR_VERSION = "3.9"
MAX_TITLE_CHARS = 300
_LONG_GAP = re.compile(r"\s{64}")
_HTML = re.compile(r"<\s*(?:!doctype|html|head|body|div|p|span|script|br)\b[^>]*>", re.I)


class ArticleMeta(BaseModel):
    """Metadata from a sidecar or a JSONL record; it overrides what extraction finds."""

    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=True)

    external_id: str | None = None
    url: str | None = None
    published_on: date | None = None
    outlet: str | None = None
    language: str | None = None
    category: str | None = None


def extract_article(
    text: str, *, external_id: str, meta: ArticleMeta | None = None, today: date
) -> ArticleDoc:
    """Extract ``text`` into an ArticleDoc, or raise InputRejected saying why not.

    ``today`` only bounds stated years when there is no published date (a year past it
    is a typo); it is never used as the year of an event.
    """
    meta = meta or ArticleMeta()
    body = normalize_newlines(text)
    paras = _checked_paragraphs(body)
    parts = layout(paras)
    speakers = Speakers()
    reader = EventReader(Timeline(published_on=meta.published_on), meta.published_on or today)
    voice = narrator(parts, speakers, meta.outlet or parts.outlet, meta.category)
    claims, events, sentences = _read_parts(parts, speakers, reader, voice)
    claims = widened(claims, sentences, body)
    claims = [c.model_copy(update={"speaker": speakers.in_full(c.speaker)}) for c in claims]
    claims = carry_interviews(claims, body)
    spelled = acronyms(body)
    claims = [c.model_copy(update={"sources": spelt_out(c.sources, spelled)}) for c in claims]
    events = [e.model_copy(update={"sources": spelt_out(e.sources, spelled)}) for e in events]
    featured = speakers.featured and speakers.in_full(speakers.featured)
    return ArticleDoc(
        external_id=meta.external_id or external_id,
        title=parts.title.text,
        body=body,
        lede=parts.lede.text if parts.lede else None,
        url=meta.url,
        outlet=meta.outlet or parts.outlet,
        category=meta.category or parts.category,
        language=meta.language or "en",
        published_on=meta.published_on,
        featured_expert=featured,
        claims=tuple(claims),
        events=tuple(events),
        notes=tuple(reader.notes),
    )


def _checked_paragraphs(body: str) -> list[Paragraph]:
    if not body.strip():
        raise InputRejected("empty", "empty: the file has no text")
    if _HTML.search(body[:5000]):
        raise InputRejected("not_article", "not an article: the text is HTML markup")
    paras = paragraphs(body)
    title = paras[0].text
    if len(title) > MAX_TITLE_CHARS:
        raise InputRejected(
            "no_title",
            f"no title: the first line is {len(title):,} characters long "
            f"(a title is at most {MAX_TITLE_CHARS})",
        )
    if len(paras) < 2:
        raise InputRejected("not_article", "not an article: only a title, no text below it")
    return paras


def _read_parts(
    parts: Layout, speakers: Speakers, reader: EventReader, voice: Voice | None
) -> tuple[list[ClaimDoc], list[EventDoc], list[tuple[int, int]]]:
    """Claims and events of every part, read paragraph by paragraph in order, and the
    bounds of the sentences read."""
    turns = {index: turn.speaker for index, turn in parts.turns.items()}
    state = ArticleState(speakers=speakers, events=reader, voice=voice, turns=turns)
    found: list[ClaimDoc | EventDoc | Draft] = []
    todo: list[tuple[Paragraph, Section]] = []
    sentences: list[tuple[int, int]] = []
    if parts.lede is not None:
        summary = lede_claim(parts.lede, parts.lede_offset, speakers)
        if summary is not None:
            found.append(summary)
            sentences += sentence_bounds(parts.lede, parse([parts.lede.text])[0])
            state.following, state.last_item = speakers.featured, summary
        else:
            todo.append((_after(parts.lede, parts.lede_offset), "lede"))
    todo += [(paragraph, "body") for paragraph in parts.body]
    todo += [(paragraph, "background") for paragraph in parts.background]
    todo = [(p, section) for p, section in todo if not _LONG_GAP.search(p.text)]
    asides = parse(p.text for p in parts.asides)
    docs = parse(p.text for p, _ in todo)
    spot_names([*asides, *docs])
    for doc in asides:
        mention_people(doc, speakers)
    previous = 0  # where the items of the paragraph before start in ``found``
    read_to = 0  # the index of the paragraph read last
    for (paragraph, section), doc in zip(todo, docs, strict=True):
        if any(read_to < index < paragraph.index for index in parts.subheads):
            state.story_day = None  # a subhead: the story turns to another part
        read_to = paragraph.index
        mention_people(doc, speakers)  # names so far, for "Kirby said" and "the agency"
        sentences += sentence_bounds(paragraph, doc)
        items = read_paragraph(paragraph, doc, section, state, parts.labels.get(paragraph.index))
        if state.said_before:  # "X said this in a post": the paragraph before is X's claim
            del found[previous:]
            state.said_before = False
        state.unclaimed = None if _claims(items) else (paragraph, section)
        previous = len(found)
        if _unbalanced(paragraph.text) and state.pending_quote:
            outcome = "the quotation was read to the end of its paragraph"
            reader.skip(
                paragraph, "unbalanced quotation mark", code="unbalanced_quote", outcome=outcome
            )
        elif not items and _unbalanced(paragraph.text):
            reader.skip(paragraph, "unbalanced quotation mark", code="unbalanced_quote")
        elif repaired_quote(paragraph.text):
            outcome = "the quotation was ended before its attribution"
            reader.skip(
                paragraph, "unbalanced quotation mark", code="unbalanced_quote", outcome=outcome
            )
        if found and state.last_item is not None and state.last_item is not found[-1]:
            found[-1] = state.last_item  # a source line ("This is according to X") added X
        found += items
        state.last_item = found[-1] if found else None
    return (*finished(found), _split(sentences, state.splits))


def _split(sentences: list[tuple[int, int]], at: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences, those read as two parts ("X said A, while Y said B") cut in two at
    the words that join them, so that each part's claim has its part as its mention."""
    for first_end, second_start in at:
        sentences = [
            piece
            for start, end in sentences
            for piece in (
                ((start, first_end), (second_start, end))
                if start < first_end <= second_start < end
                else ((start, end),)
            )
        ]
    return sentences


def _claims(items: list[ClaimDoc | EventDoc | Draft]) -> bool:
    return any(not isinstance(item, EventDoc) for item in items)


def _unbalanced(text: str) -> bool:
    """True when a line opens a quotation it never closes."""
    straight = text.count('"') % 2 == 1
    curly = text.count("“") != text.count("”")
    return straight or curly


def _after(paragraph: Paragraph, offset: int) -> Paragraph:
    """The rest of ``paragraph`` after ``offset`` characters and any ", " that follows."""
    rest = paragraph.text[offset:]
    skipped = offset + len(rest) - len(rest.lstrip(" ,;:"))
    return replace(paragraph, start=paragraph.start + skipped, text=paragraph.text[skipped:])
