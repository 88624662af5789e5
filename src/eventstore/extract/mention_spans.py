"""Claim mentions as whole sentences: the place a claim is stated holds its frame.

A claim's text is what was said ("the new list is absurd"); its mentions are the
sentences that say it ('"The new list is absurd," Peskov said.'), so that a reader checks
a mention by the speaker and the cue it names. A sentence that carries words of two claims
("X said A, while Y said B") keeps each claim's own words; spans of one claim that fall in
one sentence become one mention.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from eventstore.extract.document import ClaimDoc, Span
from eventstore.extract.quotes import find_quotes, units
from eventstore.extract.text import Paragraph

Bounds = tuple[int, int]


def sentence_bounds(paragraph: Paragraph, doc: Doc) -> list[Bounds]:
    """Body offsets of each sentence of ``paragraph`` (quotations kept whole)."""
    start = paragraph.start
    found = units(doc, find_quotes(paragraph.text))
    return [(start + unit.start_char, start + unit.end_char) for unit in found]


def widened(claims: list[ClaimDoc], sentences: list[Bounds], body: str) -> list[ClaimDoc]:
    """``claims`` with each mention grown to the sentences it lies in; a span with no
    place in the body is dropped rather than failing the article's load."""
    sentences = sorted(sentences)
    starts = [start for start, _ in sentences]

    def around(position: int) -> int | None:
        index = bisect_right(starts, position) - 1
        return index if index >= 0 and position < sentences[index][1] else None

    owners: dict[int, set[int]] = {}
    for number, claim in enumerate(claims):
        for span in claim.spans:
            for index in {around(span.start), around(span.end - 1)} - {None}:
                owners.setdefault(index, set()).add(number)  # type: ignore[arg-type]
    grown: list[ClaimDoc] = []
    for number, claim in enumerate(claims):
        spans: list[Span] = []
        for span in claim.spans:
            if not 0 <= span.start < span.end <= len(body):
                continue  # no place in the body (a reading gone wrong): not a mention
            first, last = around(span.start), around(span.end - 1)
            shared = (
                first is None
                or last is None
                or any(owners.get(index, set()) - {number} for index in range(first, last + 1))
            )
            start, end = span.start, span.end
            if not shared:
                start = min(start, sentences[first][0])  # type: ignore[index]
                end = max(end, sentences[last][1])  # type: ignore[index]
                while end > start and body[end - 1].isspace():
                    end -= 1
            if spans and start < spans[-1].end:  # two spans of one sentence: one mention
                start, end = spans[-1].start, max(end, spans.pop().end)
            spans.append(Span(start=start, end=end, text=body[start:end]))
        if spans:
            grown.append(claim.model_copy(update={"spans": tuple(spans)}))
    return grown
