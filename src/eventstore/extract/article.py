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
from eventstore.extract.claims import Speakers, body_claim, lede_claim
from eventstore.extract.dates import Timeline, date_inside
from eventstore.extract.document import ArticleDoc, ClaimDoc, EventDoc
from eventstore.extract.events import EventReader, opens_with_date
from eventstore.extract.layout import Layout, layout
from eventstore.extract.text import Paragraph, normalize_newlines, paragraphs
from eventstore.vocabulary import Section

EXTRACTOR_VERSION = "1.0"
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
    claims, events = _read_parts(parts, speakers, reader)
    featured = speakers.featured
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
    parts: Layout, speakers: Speakers, reader: EventReader
) -> tuple[list[ClaimDoc], list[EventDoc]]:
    found: list[ClaimDoc | EventDoc | None] = []
    if parts.lede is not None:
        summary = lede_claim(parts.lede, parts.lede_offset, speakers)
        lede = _after(parts.lede, parts.lede_offset)
        found.append(summary or _read_line(lede, "lede", speakers, reader))
    found += [_read_line(paragraph, "body", speakers, reader) for paragraph in parts.body]
    found += [_read_line(p, "background", speakers, reader) for p in parts.background]
    claims = [item for item in found if isinstance(item, ClaimDoc)]
    events = [item for item in found if isinstance(item, EventDoc)]
    return claims, events


def _read_line(
    paragraph: Paragraph, section: Section, speakers: Speakers, reader: EventReader
) -> ClaimDoc | EventDoc | None:
    """A line's claim or event: a dated line is an event; else a person's statement is a
    claim; else, in the background, an undated event; elsewhere, an event only when the
    line dates itself ("... said on Thursday ...")."""
    if _LONG_GAP.search(paragraph.text):
        return None  # no sentence has such a gap; and it would make the patterns crawl
    phrase = opens_with_date(paragraph)
    if phrase is not None and not phrase.undated:
        return reader.read(paragraph, phrase)
    rest = _after(paragraph, phrase.length) if phrase else paragraph
    claim = body_claim(rest, speakers, section)
    if claim is not None:
        return claim
    if section == "background":
        return reader.read(paragraph, phrase)
    inside = date_inside(paragraph.text)
    if inside is not None:
        return reader.read(paragraph, inside, leading=False)
    if _unbalanced(paragraph.text):
        reader.skip(paragraph, "unbalanced quotation mark", code="unbalanced_quote")
    return None


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
