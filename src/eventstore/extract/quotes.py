"""Quotations in a paragraph: where each opens and closes, and which run on.

Straight and curly double quotes, guillemets and single curly quotes are read with a
stack, so a quote nested inside another ('"He told me 'no'," she said') stays inside its
outer quote.
A quote still open at the end of a paragraph is ``unclosed``: in news style it either
runs on into the next paragraph (which opens with a quotation mark again) or was never
closed at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventstore.extract.cues import CUE_LEMMAS

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as Sentence

_PAIRS = {"“": "”", "«": "»", "„": "“"}
_STRAIGHT = '"'
# Single curly quotes, as British and some Ukrainian outlets set a quotation; the closing
# one is also the apostrophe, so only an opening one with a closing one after it opens one
_SINGLE_OPEN, _SINGLE_CLOSE = "\u2018", "\u2019"
# A straight quote opens after a space, a bracket or a dash, or at the start; elsewhere
# (after a letter or punctuation) it closes.
_OPENING_CONTEXT = " \t([{—–-:"


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``text[start:end]`` is its content, without the marks."""

    start: int
    end: int
    closed: bool
    repaired: bool = False  # never closed; ended before its attribution instead

    def contains(self, position: int) -> bool:
        """True when ``position`` lies inside the quotation marks."""
        return self.start <= position < self.end


def find_quotes(text: str) -> list[Quote]:
    """The outermost quotations of ``text``, in order (nested ones are inside them)."""
    found: list[Quote] = []
    stack: list[tuple[str, int]] = []  # (closing mark, content start)
    for index, char in enumerate(text):
        if stack and _closing(text, index, stack[-1][0]):
            _, start = stack.pop()
            if not stack:
                found.append(Quote(start, index, closed=True))
        elif char in _PAIRS:
            stack.append((_PAIRS[char], index + 1))
        elif char == _SINGLE_OPEN and not stack and _single_quote(text, index):
            stack.append((_SINGLE_CLOSE, index + 1))  # single quotes: "We document ...," he said
        elif char == _STRAIGHT and (not stack or stack[-1][0] != _STRAIGHT) and _opens(text, index):
            stack.append((_STRAIGHT, index + 1))
    if stack:
        start = stack[0][1]
        told = _TOLD_INSIDE.search(text, start)
        if told is not None:  # '"These are the companies ..., Brenner wrote on X.'
            found.append(Quote(start, told.start(), closed=True, repaired=True))
        else:
            found.append(Quote(start, len(text), closed=False))
    return [quote for quote in found if quote.end - quote.start > 1]


# The closing mark forgotten before the attribution: ', Brenner wrote on X.' ending the
# paragraph inside a quotation that never closes.
_TOLD_INSIDE = re.compile(
    r",\s+(?:(?:[A-Z][\w.'’-]+\s+){0,3}[A-Z][\w'’-]+|he|she|they)\s+"
    r"(?:said|says|wrote|writes|added|adds|told|tells|noted|stressed|explained|argued|warned)"
    r"\b[^\"“”«»,]{0,60}[.!?]?\s*$"
)


def _closing(text: str, index: int, expected: str) -> bool:
    """True when ``text[index]`` closes the quotation whose closing mark is ``expected``;
    a straight mark after a word closes a curly quote too ('“Russia must lose" and'); a
    closing single one is no apostrophe (as in "Ukraine's"): no letter follows it."""
    char = text[index]
    if expected == _SINGLE_CLOSE:
        return char == expected and not text[index + 1 : index + 2].isalnum()
    if char == expected:
        return _closes(text, index, char)
    mixed = char == _STRAIGHT and expected == "”" and not _opens(text, index)
    return mixed and _closes(text, index, char)


def _single_quote(text: str, index: int) -> bool:
    """An opening single mark that opens a quotation, closed by a single mark later (not
    one closed by a double mark, as in "called (single)Octopus(double)")."""
    if not _opens(text, index):
        return False
    return any(
        text[at] == _SINGLE_CLOSE and not text[at + 1 : at + 2].isalnum()
        for at in range(index + 1, len(text))
    )


def _opens(text: str, index: int) -> bool:
    return index == 0 or text[index - 1] in _OPENING_CONTEXT


def _closes(text: str, index: int, char: str) -> bool:
    if char != _STRAIGHT:
        return True
    # '"' right after a space and before a word opens a new quote rather than closing
    # (a missing closing mark); at the end or before punctuation or a space it closes.
    return not (
        index > 0 and text[index - 1] == " " and index + 1 < len(text) and text[index + 1].isalnum()
    )


def repaired_quote(text: str) -> bool:
    """True when ``text`` has a quotation never closed that was ended at its attribution."""
    return any(quote.repaired for quote in find_quotes(text))


def opens_with_quote(text: str) -> bool:
    """True when the paragraph starts with a quotation mark (a quote or its run-on)."""
    return bool(text) and (text[0] in _PAIRS or text[0] in {_STRAIGHT, _SINGLE_OPEN})


# "as of 7 p.m. Kyiv time (1700 GMT) on Thursday": the parser ends a sentence at "p.m."
_CLOCK = re.compile(r"\b[ap]\.m\.$")
_ZONE = re.compile(r"(?:[A-Z][\w-]*\s+)?(?:time\b|\()|[A-Z]{2,4}\b|on\s")


def _attributes_quote_before(before: Sentence, sentence: Sentence) -> bool:
    """'"... He will fix it!" Orban later wrote on social media.': a quotation closed
    with its own "!", "?" or "." and a sentence that only says who said it."""
    if not before.text.rstrip().endswith(_CLOSED_QUOTE):
        return False
    root = sentence.root
    said = (root.lemma_.lower() or root.lower_) in CUE_LEMMAS
    content = any(
        c.dep_ in {"ccomp", "xcomp"}
        or (c.dep_ == "dobj" and c.pos_ not in {"PROPN", "PRON"} and c.lower_ not in _AUDIENCES)
        for c in root.children
    )
    subject = any(c.dep_ == "nsubj" and c.i < root.i for c in root.children)
    return said and subject and not content and root.i - sentence.start <= 6


_AUDIENCES = frozenset("reporters journalists correspondents viewers listeners".split())
_CLOSED_QUOTE = tuple(f"{end}{mark}" for end in "!?." for mark in '”"')


def units(doc: Doc, quotes: list[Quote]) -> list[Sentence]:
    """Sentences, joined where a quotation runs across a sentence boundary."""
    units: list[Sentence] = []
    for sentence in doc.sents:
        joined = units and (
            any(q.start < sentence.start_char < q.end for q in quotes)
            or sentence.text[:1].islower()
            or sentence.text[:1] in ",;:”»"
            or (_CLOCK.search(units[-1].text) is not None and _ZONE.match(sentence.text))
            # "Censor.NET", "Gazeta.ru": no space after the full stop, no sentence ends
            or not doc[sentence.start - 1].whitespace_
            or _attributes_quote_before(units[-1], sentence)
        )
        if joined:
            units[-1] = doc[units[-1].start : sentence.end]
        else:
            units.append(sentence)
    return units
