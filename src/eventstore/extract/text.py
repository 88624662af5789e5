"""Text plumbing for extraction: paragraphs with offsets, trimmed spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventstore.extract.document import Span

_LINE = re.compile(r"[^\n]+")
_TRIM_END = " \t\r\f\v,.;:"
QUOTE_OPEN = '"“«„'
QUOTE_CLOSE = '"”»“'


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One non-blank line of the body, without its surrounding white space."""

    index: int
    start: int
    end: int
    text: str
    line: int = 0


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes (offsets index the result)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def paragraphs(body: str) -> list[Paragraph]:
    """Every non-blank line of ``body``, in order, with its offsets."""
    found: list[Paragraph] = []
    line, counted_to = 1, 0
    for match in _LINE.finditer(body):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        line += body.count("\n", counted_to, match.start())
        counted_to = match.start()
        start = match.start() + (len(raw) - len(raw.lstrip()))
        found.append(Paragraph(len(found), start, start + len(stripped), stripped, line))
    return found


def span_of(paragraph: Paragraph, start: int, end: int | None = None) -> Span | None:
    """The span of ``paragraph.text[start:end]``, trimmed of space and end punctuation.

    Returns None when nothing but punctuation is left.
    """
    text = paragraph.text
    end = len(text) if end is None else end
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and text[end - 1] in _TRIM_END:
        end -= 1
    if end - start < 2:
        return None
    return Span(start=paragraph.start + start, end=paragraph.start + end, text=text[start:end])


def capitalize_first(text: str) -> str:
    """``text`` with its first letter upper-cased (for summaries cut out of a sentence)."""
    return text[:1].upper() + text[1:] if text else text
