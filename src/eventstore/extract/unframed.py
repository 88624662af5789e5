"""Reading a sentence that has no attribution frame of its own: it continues the
paragraph's paraphrase or event, is a quotation of the speaker the text is following, an
op-ed author's or a press statement issuer's own words, or reports an event.

A mixin of the paragraph reader (``reader._ParagraphReader``), as ``labelled`` and
``event_reading`` are.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventstore.extract.dates import DatePhrase, is_bound
from eventstore.extract.document import EventDoc, SourceRef, Span
from eventstore.extract.drafts import Draft, Item, extended_event, spans_of
from eventstore.extract.event_reading import EventReading
from eventstore.extract.frame_parts import Frame, speaker_span
from eventstore.extract.happenings import (
    adds_another,
    continues_event,
    date_of,
    date_of_rest,
    dated_in_clause,
    describes_a_thing,
    framed_date,
    happening_sentence,
    harm_reporter,
    headline_happening,
    telling,
)
from eventstore.extract.names import display_source_name
from eventstore.extract.quotes import Quote
from eventstore.extract.sources import named_source
from eventstore.extract.voices import narrated

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as Sentence

_DOCUMENT_SAYS = re.compile(
    r"\b(?:report|document|letter|statement|post|message|note|article|resolution|text)"
    r"\s+(?:reads|read|says|said|states|stated|continues)\s*[:,]?\s*[\"“«]?$"
)


class UnframedReading(EventReading):
    """The item of a sentence with no frame (mixed into the paragraph reader)."""

    doc: Doc
    quotes: list[Quote]
    reported: bool
    narrating: bool

    def _unframed(self, unit: Sentence, frame: Frame | None = None) -> Item | Draft | None:
        """What ``unit`` tells in the narrator's voice, or in a voice ``frame`` names but
        no one in the article answers to ("..., it said on Tuesday" with no body before)."""
        previous = self.items[-1] if self.items else None
        quoted = self._quote_of_following(unit, previous)
        account = quoted is None and self._first_person(unit)
        if account:
            quoted = self._own_words(unit)  # or nobody's: never an event
        if quoted is not None or account:
            return quoted
        phrase = self._own_date(unit, frame)
        # a transcript's correspondent reports in their own voice after citing someone
        continues = phrase is None and not self.narrating
        if continues and isinstance(previous, Draft) and previous.kind == "paraphrase":
            self._continue(previous, spans_of(self.paragraph, [(unit.start_char, unit.end_char)]))
            return previous
        if self.state.author is not None and not happening_sentence(unit):
            # an op-ed's argument, whatever dates it cites ("A manufacturer that sells ten
            # times more chips to Kyrgyzstan than it did in 2021 knows ...")
            phrase = None if phrase is None or phrase.start > 0 else phrase
        # a spoken report chains distinct happenings ("Six civilians died. The air force
        # also lost an F-16."): each happening a correspondent tells is its own
        own = (self.narrating or adds_another(unit)) and happening_sentence(unit)
        if (
            isinstance(previous, EventDoc)
            and not own
            and continues_event(unit, phrase, previous.date)
        ):
            return extended_event(previous, self.paragraph, unit)
        # "X gave an interview to Imedi TV on Monday": where words were said, no happening
        told = telling(unit.root) and self.section != "background"
        if not told and (
            phrase is not None or self.section == "background" or happening_sentence(unit)
        ):
            told_by = _told_by(unit)  # "Ukrenergo reported damage to ...": Ukrenergo told it
            return self._with_clause(unit, phrase) or self._event(unit, phrase, told_by)
        if not told and self.state.headline and headline_happening(unit):
            return self._event(unit, phrase, ())
        return self._authors(unit)

    def _own_date(self, unit: Sentence, frame: Frame | None = None) -> DatePhrase | None:
        """The date of the happening the sentence tells, if it has one of its own: not
        the date of its unanswered frame ("paid ... in May, it said on Tuesday": May)."""
        phrase = framed_date(unit, frame) if frame is not None and frame.content else date_of(unit)
        if phrase is not None and self._quoted(unit, phrase.start) and not happening_sentence(unit):
            # 'His men call it "the winter that came early, in October 2023"': a date in
            # someone's words, not the date of a happening the narrator tells
            phrase = None
        if phrase is not None and (phrase.relative or "").endswith(
            ("year", "month", "week", "today")
        ):
            # "well into next year", "this week", "But today Russia is engaged ...": not
            # the date of a reported happening
            phrase = phrase if happening_sentence(unit) else None
        if phrase is not None and phrase.rolling and self.section == "background":
            phrase = None  # "Earlier, X recorded 342 drones over the past day": which day?
        if phrase is not None and phrase.start > 0 and is_bound(phrase):
            phrase = None  # "..., his first since 2000": when a period began, not this
        if phrase is not None and phrase.start > 0 and describes_a_thing(unit, phrase):
            # "an agreement signed in 2019 expired": the rest's date; but "Among them were
            # marines captured in April 2022": the clause's, its happening the sentence's;
            # and a background line's only date is the line's
            rest = date_of_rest(unit, phrase)
            keep = self.section == "background" or dated_in_clause(unit, phrase)
            phrase = phrase if rest is None and keep else rest
        return phrase

    def _quoted(self, unit: Sentence, offset: int) -> bool:
        return any(q.contains(unit.start_char + offset) for q in self.quotes)

    def _first_person(self, unit: Sentence) -> bool:
        """ "We have been fighting since 2022, and in August 2023 we lost half the
        company": outside quotation marks and outside an op-ed or a statement, "I" or "we"
        as the subject is someone's answer or account, never the news's own narration."""
        if self.state.voice is not None:
            return False
        root = unit.root
        subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return any(
            s.lower_ in {"i", "we"} and not self._quoted(unit, s.idx - unit.start_char)
            for s in subjects
        )

    def _own_words(self, unit: Sentence) -> Draft | None:
        """A first-person sentence right after the followed speaker's words: theirs too;
        an interviewer's ("We asked him about ...": a third person beside it) or the
        outlet's ("We have contacted the ministry", after a report) nobody's."""
        following = self.state.following
        third = {"he", "him", "his", "she", "her", "they", "them"}
        if following is None or any(t.lower_ in third for t in unit):
            return None
        previous = self.items[-1] if self.items else self.state.last_item
        if not isinstance(previous, Draft) or previous.speaker.key != following.key:
            return None
        spans = spans_of(self.paragraph, [(unit.start_char, unit.end_char)])
        if self.items:
            self._continue(previous, spans)
            return previous
        return Draft(following, "quote", spans, self.section, "quote.following", 0.5)

    def _authors(self, unit: Sentence) -> Draft | None:
        """In an op-ed or a press statement, a sentence nobody else is said to have said
        is the author's or the issuer's own."""
        voice = self.state.voice
        if voice is None:
            return None
        reported = self.reported or any(isinstance(i, EventDoc) for i in self.items)
        draft = narrated(self.paragraph, unit, self.section, voice, after_report=reported)
        self.reported = draft is None
        return draft

    def _continue(self, draft: Draft, spans: list[Span]) -> None:
        """Grow ``draft``'s last span of this paragraph over ``spans``: one mention of the
        paraphrase, not one per sentence."""
        if not spans:
            return
        last = draft.spans[-1] if draft.spans else None
        paragraph = self.paragraph
        if last is None or not paragraph.start <= last.start <= paragraph.end:
            draft.spans.extend(spans)
            return
        end = spans[-1].end
        text = paragraph.text[last.start - paragraph.start : end - paragraph.start]
        draft.spans[-1] = Span(start=last.start, end=end, text=text)

    def _quote_of_following(self, unit: Sentence, previous: Item | Draft | None) -> Draft | None:
        """A quotation with no cue of its own, of the speaker the text is following."""
        inner = [q for q in self.quotes if unit.start_char <= q.start <= unit.end_char]
        if not inner or self.state.following is None:
            return None
        if _DOCUMENT_SAYS.search(self.doc.text[unit.start_char : inner[0].start]):
            return None  # 'The report reads: "..."': a document's words, not the speaker's
        if not _mostly_quote(unit, inner):
            return self._remarks_continued(unit, inner)
        spans = spans_of(self.paragraph, [(q.start, q.end) for q in inner])
        if isinstance(previous, Draft) and previous.kind == "quote":
            previous.spans.extend(spans)
            return previous
        following = self.state.following
        return Draft(following, "quote", spans, self.section, "quote.following", 0.6)

    def _remarks_continued(self, unit: Sentence, inner: list[Quote]) -> Draft | None:
        """A paragraph that opens, with no cue, on the narrator's summary of the remarks
        quoted just before and a quotation of a full clause ('X, and Y, "but ... are two
        very big differences"'): the speaker followed, paraphrased."""
        following, last = self.state.following, self.state.last_item
        if self.items or not isinstance(last, Draft) or following is None:
            return None
        if last.speaker.key != following.key:
            return None
        people = [e for e in unit.ents if e.label_ == "PERSON"]
        others = [e for e in people if e.text.split()[-1] != following.name.split()[-1]]
        if any(not any(q.contains(e.start_char) for q in inner) for e in others):
            return None  # someone else named: the narrator tells of them
        if max(len(self.paragraph.text[q.start : q.end].split()) for q in inner) < 6:
            return None  # a scare-quoted phrase, not the speaker's words
        spans = spans_of(self.paragraph, [(unit.start_char, unit.end_char)])
        return Draft(following, "paraphrase", spans, self.section, "quote.following", 0.5)


def _mostly_quote(unit: Sentence, quotes: list[Quote]) -> bool:
    quoted = sum(q.end - q.start for q in quotes)
    return quoted >= 0.7 * len(unit.text)


def _told_by(unit: Sentence) -> tuple[SourceRef, ...]:
    reporter = harm_reporter(unit)
    if reporter is None or reporter.pos_ == "PRON":
        return ()
    # "The International Atomic Energy Agency (IAEA) confirmed": the name, not its acronym
    name = re.sub(r"\s*\([A-Z]{2,8}\)?$", "", speaker_span(reporter).text)
    return (named_source(display_source_name(name), "stated_by"),)
