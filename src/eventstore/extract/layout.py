"""The parts of an article: title, lede, venue line, body, background section, category.

The seed outlet writes: a title line, a lede naming the expert, a venue line ("He
expressed his opinion on Espreso TV."), quotes and paraphrases, a background header
("Some details about ...", "Background", "...: chronology"), a timeline, and "- News".
Wire copy opens with a dateline instead ("KYIV, June 3 (Reuters) - ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventstore.extract.dates import leading_date
from eventstore.extract.text import QUOTE_OPEN, Paragraph

_OUTLET = r"(?P<outlet>[A-Z][\w.'’&-]*(?:\s+[A-Z0-9][\w.'’&-]*)*)"
_OUTLET_TAIL = r"(?:\s+(?:TV\s+)?(?:channel|broadcast|program|programme|show|website|podcast))?"
_VENUE = re.compile(
    r"^(?:He|She|They|The\s+[\w-]+(?:\s+[\w-]+)?|[A-Z][\w'-]+)\s+"
    r"(?:expressed|shared|voiced|gave|made|said|stated|spoke|told|commented)\b[^.]{0,60}?"
    r"\b(?:on|with|to|in\s+an\s+interview\s+(?:with|to)|on\s+the\s+air\s+of)\s+"
    rf"(?:the\s+)?{_OUTLET}{_OUTLET_TAIL}\s*\.?$"
)
_TOLD_OUTLET = re.compile(rf"\btold\s+(?:the\s+)?{_OUTLET}{_OUTLET_TAIL}\s+that\b")
# KYIV, June 3 (Reuters) -   KYIV, Ukraine (AP) —   Warsaw (AFP) -
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'’/-]{1,30}(?:,\s+[A-Z][A-Za-z .'’-]{1,30})?"
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?)\s+\((?P<outlet>[^()]{2,40})\)\s*[-–—]+\s*"
)
_CATEGORY = re.compile(r"^[-–—]\s*(?P<category>[A-Z][\w &/,'-]{0,40})$")
_SENTENCE_END = '.!?…"”»)'


@dataclass
class Layout:
    """Where each part of an article is."""

    title: Paragraph
    lede: Paragraph | None = None
    lede_offset: int = 0
    venue: Paragraph | None = None
    outlet: str | None = None
    header: Paragraph | None = None
    body: list[Paragraph] = field(default_factory=list)
    background: list[Paragraph] = field(default_factory=list)
    category: str | None = None


def layout(paras: list[Paragraph]) -> Layout:
    """Split an article's paragraphs into its parts (the first paragraph is the title)."""
    found = Layout(title=paras[0])
    rest = list(paras[1:])
    if rest and (match := _CATEGORY.match(rest[-1].text)):
        found.category = match.group("category").strip()
        rest.pop()
    if not rest:
        return found
    found.lede = rest.pop(0)
    if match := _DATELINE.match(found.lede.text):
        found.outlet = _clean_outlet(match.group("outlet"))
        found.lede_offset = match.end()
    if rest and (match := _VENUE.match(rest[0].text)) and len(rest[0].text) < 160:
        found.venue = rest.pop(0)
        found.outlet = _clean_outlet(match.group("outlet"))
    elif found.outlet is None and (match := _TOLD_OUTLET.search(found.lede.text)):
        found.outlet = _clean_outlet(match.group("outlet"))
    header_at = next((i for i, p in enumerate(rest) if is_header(p.text)), None)
    if header_at is None:
        found.body = rest
    else:
        found.body, found.header, found.background = (
            rest[:header_at],
            rest[header_at],
            rest[header_at + 1 :],
        )
    return found


def _clean_outlet(name: str) -> str:
    return " ".join(name.split()).strip(" .,")


def is_header(text: str) -> bool:
    """A section header: a short line with no sentence ending, not a quote or a date."""
    words = text.split()
    return (
        0 < len(words) <= 14
        and len(text) <= 120
        and text[0].isupper()
        and text[-1] not in _SENTENCE_END
        and text[0] not in QUOTE_OPEN
        and leading_date(text + ",") is None
        and _CATEGORY.match(text) is None
    )
