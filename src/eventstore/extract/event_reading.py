"""Events the paragraph reader makes of a sentence: the sentence's own, and the second
one a sentence may hold (a happening before another speaker's word on it, a dated clause
that closes it).

A mixin of the paragraph reader (``reader._ParagraphReader``), as ``labelled`` is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventstore.extract.dated_parts import dated_halves, gapped_summary
from eventstore.extract.dates import DatePhrase, date_phrases, find_date, is_bound
from eventstore.extract.document import EventDoc, SourceRef
from eventstore.extract.drafts import ArticleState, Draft, Item, sentence_event
from eventstore.extract.frame_parts import Frame
from eventstore.extract.happenings import (
    clause_happening,
    date_of,
    date_of_rest,
    describes_a_thing,
    happening,
    pluperfect,
)
from eventstore.extract.sentence_parts import happening_before
from eventstore.extract.text import Paragraph, capitalize_first
from eventstore.vocabulary import Section

if TYPE_CHECKING:
    from spacy.tokens import Span as Sentence


class EventReading:
    """The events of one sentence (mixed into the paragraph reader)."""

    paragraph: Paragraph
    section: Section
    state: ArticleState
    items: list[Item | Draft]

    def _add(self, item: Item | Draft | None) -> None:
        raise NotImplementedError  # the paragraph reader's

    def _story_day_of(self, unit: Sentence, frame: Frame) -> None:
        """ "Russia launched 57 drones overnight, the governor said": a person's claim of
        a happening dated to a day in its own words sets the story's day, as an event
        would (the undated happenings told after it are of that day)."""
        start, end = frame.content[0] if frame.content else (0, 0)
        phrase = find_date(unit.doc.text[start:end]) if frame.content else None
        if phrase is None and self.section == "lede" and not pluperfect(frame):
            # "Estonian authorities detained a tanker, Prime Minister X said Friday": the
            # lede's happening is of the day it was told
            phrase = find_date(unit.text)
        published = self.state.events.timeline.published_day()
        if phrase is None and self.section == "lede" and published is not None:
            # "Ukraine's forces have launched a strike on X, the governor has said": the
            # lede's undated happening is news of the published day
            if happening(frame) and not pluperfect(frame):
                self.state.story_day = published
            return
        if phrase is None or is_bound(phrase) or phrase.invalid or not happening(frame):
            self._lede_day(unit)
            return
        reading = self.state.events.timeline.read(phrase, carry=False)
        if reading.precision == "day" and self.section != "background":
            self.state.story_day = reading

    def _lede_day(self, unit: Sentence) -> None:
        """ "X promised Europe will produce a million shells by April during a visit to
        Tallinn on Friday": the day a lede's words were told is the story's day, when the
        sentence gives one beside its bounds."""
        if self.section != "lede" or self.state.story_day is not None:
            return
        phrase = next((p for p in date_phrases(unit.text) if not is_bound(p)), None)
        if phrase is None or phrase.invalid or (phrase.day is None and phrase.weekday is None):
            return
        reading = self.state.events.timeline.read(phrase, carry=False)
        if reading.precision == "day":
            self.state.story_day = reading

    def _event(
        self, unit: Sentence, phrase: DatePhrase | None, sources: tuple[SourceRef, ...]
    ) -> EventDoc | None:
        """The event of ``unit``; of two happenings with their own dates joined by "and"
        ("Russia struck Odesa on Monday and Kharkiv on Wednesday"), the first is added
        and the second returned."""
        halves = dated_halves(unit, phrase)
        if halves is None:
            return self._one_event(unit, phrase, sources)
        (first, first_date), (second, second_date) = halves
        before = self._one_event(first, first_date, sources)
        event = self._one_event(second, second_date, sources)
        if before is None or event is None:  # too short to stand alone: one event after all
            return self._one_event(unit, phrase, sources)
        self._add(before)
        summary = gapped_summary((first, first_date), second)
        if summary is None:
            return event
        return event.model_copy(update={"summary": capitalize_first(summary.rstrip(" ."))})

    def _one_event(
        self, unit: Sentence, phrase: DatePhrase | None, sources: tuple[SourceRef, ...]
    ) -> EventDoc | None:
        timeline, lede = self.section == "background", self.section == "lede"
        return sentence_event(
            self.paragraph, unit, phrase, self.state, sources=sources, timeline=timeline, lede=lede
        )

    def _commented(self, unit: Sentence, frame: Frame) -> EventDoc | None:
        """ "NATO members pledged 5% on Wednesday, with Rutte hailing the deal as
        historic": the happening before the comment is an event of its own."""
        main = happening_before(unit, frame)
        if main is None or self.state.author is not None:
            return None
        phrase = date_of(main)
        if phrase is not None and describes_a_thing(main, phrase):
            phrase = date_of_rest(main, phrase) or phrase  # "X, which began ... in 2022,"
        return self._event(main, None if phrase is None or is_bound(phrase) else phrase, ())

    def _with_clause(self, unit: Sentence, phrase: DatePhrase | None) -> EventDoc | None:
        """ "Ukraine brought home 84 soldiers on Friday, among them marines captured in
        April 2022": two events, the sentence's (up to the clause) and the one its closing
        clause dates on its own; None when the sentence tells only one."""
        found = clause_happening(unit, phrase)
        if found is None:
            return None
        clause, inner_phrase = found
        end = clause.start
        while end > unit.start and unit.doc[end - 1].is_punct:
            end -= 1
        main = self._event(unit.doc[unit.start : end], phrase, ())
        day = self.state.story_day
        inner = self._event(clause, inner_phrase, ())
        self.state.story_day = day  # a happening of long ago is not the story's day
        if main is None or inner is None or inner.date == main.date:
            return None
        self._add(main)
        return inner
