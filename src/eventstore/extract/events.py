"""Events: one per timeline line that reports something that happened, with its date.

A line opening with a date phrase ("On August 31, the United States imposed sanctions
...") is an event; so is an undated background line that is not a person's statement
("Later, the US State Department said that ..."). The whole line is the mention; the
summary is the line without its date phrase.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from eventstore.extract.dates import DatePhrase
from eventstore.extract.document import EventDoc, Note, Span
from eventstore.extract.sources import find_sources
from eventstore.extract.text import Paragraph, capitalize_first
from eventstore.extract.years import Timeline

# A stated year this far past the reference date (publication, else the load) is a typo
# or a forecast, not a timeline entry.
MAX_YEARS_AHEAD = 1
_MIN_WORDS = 4


@dataclass
class EventReader:
    """Reads the events of one timeline, applying its year rules in order."""

    timeline: Timeline
    reference: date
    notes: list[Note] = field(default_factory=list)

    def read(
        self,
        paragraph: Paragraph,
        phrase: DatePhrase | None,
        *,
        leading: bool = True,
        future: bool = False,
        carry: bool = True,
        min_words: int = _MIN_WORDS,
    ) -> EventDoc | None:
        """The event ``paragraph`` reports, or None (with a note when the date is bad).

        ``phrase`` opens the line when ``leading``; otherwise it stands inside it ("Polish
        farmers on Thursday blocked ...") and the whole line is the summary. A summary of
        fewer than ``min_words`` words is no event.
        """
        if phrase is not None and phrase.invalid:
            self._skip(paragraph, phrase.invalid)
            return None
        if (
            phrase is not None
            and (phrase.year or 0) > self.reference.year + MAX_YEARS_AHEAD + future
        ):
            self._skip(paragraph, f"{phrase.text!r} is after {self.reference.isoformat()}")
            return None
        summary = event_summary(paragraph.text, phrase.text if phrase and leading else None)
        if len(summary.split()) < min_words:
            return None
        reading = self.timeline.read(phrase, future=future, carry=carry)
        span = Span(start=paragraph.start, end=paragraph.end, text=paragraph.text)
        # Sources from the line as written (the summary's first letter is capitalized).
        sources = find_sources(paragraph.text)
        return EventDoc(span=span, summary=summary, date=reading, sources=sources)

    def _skip(self, paragraph: Paragraph, why: str) -> None:
        self.skip(paragraph, why, code="bad_date")

    def skip(
        self,
        paragraph: Paragraph,
        why: str,
        *,
        code: Literal["bad_date", "unbalanced_quote"],
        outcome: str = "the line was skipped",
    ) -> None:
        """Note that ``paragraph`` was skipped (or what was made of it), and why."""
        message = f"line {paragraph.line}: {why}; {outcome}"
        self.notes.append(Note(code=code, message=message))


def event_summary(line: str, date_text: str | None) -> str:
    """The summary of an event line: the line without its opening date phrase."""
    rest = line[len(date_text) :] if date_text and line.startswith(date_text) else line
    return capitalize_first(rest.strip(" ,;:"))
