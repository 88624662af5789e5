"""Reading one paragraph: sentences -> quotations -> attribution frames -> items.

Each sentence (sentences joined where a quotation runs over their boundary) is read for
an attribution frame. A frame whose speaker is a person or institution gives a claim;
an institution, an outlet or an anonymous source reporting a happening gives an event
with that source. A sentence without a frame continues the paragraph's paraphrase or
event, is a quotation of the speaker the text is following, or reports an event.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventstore.extract.dates import DatePhrase, find_date, is_bound, leading_date
from eventstore.extract.document import EventDoc, PersonRef, SourceRef, Span
from eventstore.extract.drafts import (
    FUTURE_WORDS,
    ArticleState,
    Draft,
    Item,
    extended_event,
    sentence_event,
    spans_of,
    unique_sources,
)
from eventstore.extract.frames import CUE_LEMMAS, Frame, find_frame
from eventstore.extract.names import display_source_name, source_key
from eventstore.extract.people import make_person
from eventstore.extract.quotes import Quote, find_quotes
from eventstore.extract.speakers import Anonymous, is_outlet, resolve_subject
from eventstore.extract.text import Paragraph
from eventstore.vocabulary import Section, SourceRole

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as Sentence

_CLOSING = ('"', "”", "»")
_ANAPHORIC = frozenset("the this these that those it they such".split())
# "Zhdanov: That really is ..." — an interview answer introduced by the speaker's name.
_ANSWER = re.compile(r"^(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*:\s+(?=\S)")
_VENUE = re.compile(
    r"\b(?:told|to|with|by|on)\s+(?:the\s+)?(?:(?:news|state|online|TV)\s+)?"
    r"(?:(?:outlet|agency|channel|newspaper|broadcaster|website)\s+)?"
    r"(?P<name>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})"
)
# Cues of opinion or dispute: what follows is a claim even from an institution.
_OPINION_CUES = frozenset("insist deny claim allege believe think warn argue fear doubt".split())
_NOT_HAPPENINGS = frozenset("be have seem appear remain continue".split()) | CUE_LEMMAS
_MIN_HAPPENING_WORDS = 6


def read_paragraph(
    paragraph: Paragraph,
    doc: Doc,
    section: Section,
    state: ArticleState,
    label: str | None = None,
) -> list[Item | Draft]:
    """The claims and events of ``paragraph`` (parsed as ``doc``), in reading order.

    ``label`` is the paragraph's label in a labelled layout: "source" names the speaker
    of the following paragraphs and yields nothing itself; "quote" is that speaker's.
    """
    return _ParagraphReader(paragraph, doc, section, state).read(label)


class _ParagraphReader:
    """One paragraph's sentences, read in order against the article's state."""

    def __init__(self, paragraph: Paragraph, doc: Doc, section: Section, state: ArticleState):
        self.paragraph = paragraph
        self.doc = doc
        self.section = section
        self.state = state
        self.quotes = find_quotes(paragraph.text)
        self.items: list[Item | Draft] = []
        self.told: list[tuple[int, int]] = []  # sentences since the last claim

    def read(self, label: str | None) -> list[Item | Draft]:
        """Every item of the paragraph."""
        if label == "source":
            self._follow_source()
            return []
        if label == "question":  # an interviewer's: what follows is the interviewee's
            self.state.answering = self.state.following or self.state.speakers.featured
            return []
        self.state.entry_time = label[5:] if label and label.startswith("time:") else None
        if label == "quote" and self._labelled_quote():
            return self.items
        if self._continues_quote() or self._runs_on() or self._answer():
            return self.items
        if self.state.answering is not None and self._interview_answer():
            return self.items
        for unit in _units(self.doc, self.quotes):
            self._read_unit(unit)
        self._track_open_quote()
        self._settle_pending()
        if not any(isinstance(item, EventDoc) for item in self.items):
            self.state.story_day = None  # the story has moved on from that day's happenings
        return self.items

    # -- sentences ---------------------------------------------------------------------

    def _read_unit(self, unit: Sentence) -> None:
        frame = find_frame(unit, self.quotes)
        if frame is not None and not frame.content:
            if self.told and self._stated_by(frame):
                return
            frame = None
        self.told.append((unit.start_char, unit.end_char))
        item = self._framed(unit, frame) if frame is not None else None
        self._add(item if item is not None else self._unframed(unit))

    def _add(self, item: Item | Draft | None) -> None:
        last = self.items[-1] if self.items else None
        if item is None or item is last:
            return
        source = self.state.label_source
        if source is not None and isinstance(item, EventDoc):
            item = item.model_copy(update={"sources": unique_sources((*item.sources, source))})
        elif source is not None and isinstance(item, Draft):
            item.sources = unique_sources((*item.sources, source))
        if isinstance(item, Draft):
            self.told = []
        if (
            isinstance(item, EventDoc)
            and isinstance(last, EventDoc)
            and (item.span.start == last.span.start)
        ):
            self.items[-1] = item  # the same event, its span grown by a sentence
            return
        if isinstance(item, Draft) and isinstance(last, Draft) and _same_voice(item, last):
            # "X said that A. According to him, B.": one statement of X in two sentences.
            self._continue(last, item.spans)
            return
        self.items.append(item)

    def _framed(self, unit: Sentence, frame: Frame) -> Item | Draft | None:
        speaker = resolve_subject(frame.speaker, self.state.speakers)
        if speaker is None:
            return None
        phrase = _date_of(unit)
        opens_dated = phrase is not None and phrase.start == 0
        if self.section == "background" and opens_dated:
            # A dated timeline entry is an event, whoever speaks in it ("On June 12, Kim
            # emphasized ..."): its speaker's words are the event's wording.
            cited = (speaker.source,) if isinstance(speaker, Anonymous) else ()
            return self._event(unit, phrase, cited)
        if isinstance(speaker, Anonymous):
            if phrase is None and self.section != "background" and not _happening(frame):
                return None
            return self._event(unit, phrase, (speaker.source,))
        if speaker.kind == "organization":
            role: SourceRole = "reported_by" if is_outlet(speaker.name) else "stated_by"
            if (
                role == "reported_by"
                or self.section == "background"
                or opens_dated
                or _happening(frame)
            ):
                source = SourceRef(name=speaker.name, key=speaker.key, kind="other", role=role)
                return self._event(unit, phrase, (source, *venues(frame)))
        return self._claim(speaker, frame)

    def _claim(self, speaker: PersonRef, frame: Frame) -> Draft | None:
        spans = spans_of(self.paragraph, list(frame.content))
        if not spans:
            return None
        if speaker.kind != "organization":
            self.state.following = speaker
        return Draft(
            speaker,
            frame.kind,
            spans,
            self.section,
            frame.rule,
            frame.confidence,
            attribution=frame.attribution,
            sources=venues(frame),
        )

    def _unframed(self, unit: Sentence) -> Item | Draft | None:
        previous = self.items[-1] if self.items else None
        quoted = self._quote_of_following(unit, previous)
        if quoted is not None:
            return quoted
        phrase = _date_of(unit)
        if phrase is not None and (phrase.relative or "").endswith(("year", "month", "week")):
            # "well into next year", "this week": not the date of a reported happening
            phrase = phrase if _happening_sentence(unit) else None
        if isinstance(previous, Draft) and previous.kind == "paraphrase" and phrase is None:
            self._continue(previous, spans_of(self.paragraph, [(unit.start_char, unit.end_char)]))
            return previous
        if isinstance(previous, EventDoc) and _continues_event(unit, phrase):
            return extended_event(previous, self.paragraph, unit)
        if phrase is not None or self.section == "background" or _happening_sentence(unit):
            return self._event(unit, phrase, ())
        return self._authors(unit)

    def _authors(self, unit: Sentence) -> Draft | None:
        """In an op-ed, a sentence nobody else is said to have said is the author's own."""
        author = self.state.author
        if author is None:
            return None
        spans = spans_of(self.paragraph, [(unit.start_char, unit.end_char)])
        return Draft(author, "quote", spans, self.section, "oped.author", 0.6)

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
        if not inner or not _mostly_quote(unit, inner) or self.state.following is None:
            return None
        spans = spans_of(self.paragraph, [(q.start, q.end) for q in inner])
        if isinstance(previous, Draft) and previous.kind == "quote":
            previous.spans.extend(spans)
            return previous
        following = self.state.following
        return Draft(following, "quote", spans, self.section, "quote.following", 0.6)

    def _event(
        self, unit: Sentence, phrase: DatePhrase | None, sources: tuple[SourceRef, ...]
    ) -> EventDoc | None:
        timeline = self.section == "background"
        return sentence_event(
            self.paragraph, unit, phrase, self.state, sources=sources, timeline=timeline
        )

    def _stated_by(self, frame: Frame) -> bool:
        """ "... This was stated by X": the sentences before are X's claim."""
        speaker = resolve_subject(frame.speaker, self.state.speakers)
        if not isinstance(speaker, PersonRef):
            return False
        start = self.paragraph.start + self.told[0][0]
        self.items = [i for i in self.items if _starts(i) < start]
        ranges = [(self.told[0][0], self.told[-1][1])]
        spans = spans_of(self.paragraph, ranges)
        rule, confidence = frame.rule, frame.confidence
        self.state.following = speaker
        self._add(Draft(speaker, "paraphrase", spans, self.section, rule, confidence))
        return True

    # -- layouts -----------------------------------------------------------------------

    def _follow_source(self) -> None:
        """ "Source: Zelensky in his evening address": the speaker the next lines quote."""
        doc = self.doc
        end = next(
            (t.i for t in doc if t.i > 0 and (t.is_punct or t.lower_ in {"on", "in", "at"})),
            len(doc),
        )
        speaker = resolve_subject(doc[0:end], self.state.speakers) if end else None
        name = doc[0:end].text.strip()
        if speaker is None and re.fullmatch(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}", name):
            speaker = self.state.speakers.add(make_person(name))  # the label names a speaker
        if isinstance(speaker, PersonRef) and is_outlet(speaker.name):
            # "Source: European Pravda, referring to ...": the outlet reports what follows.
            role: SourceRole = "reported_by"
            self.state.label_source = SourceRef(
                name=speaker.name, key=source_key(speaker.name), kind="publication", role=role
            )
        elif isinstance(speaker, PersonRef):
            self.state.following = speaker

    def _labelled_quote(self) -> bool:
        following = self.state.following
        if following is None or find_frame(self.doc[:], self.quotes) is not None:
            return False
        bounds = [(q.start, q.end) for q in self.quotes] or [(0, len(self.paragraph.text))]
        spans = spans_of(self.paragraph, bounds)
        self._add(Draft(following, "quote", spans, self.section, "quote.labelled", 0.8))
        return True

    def _interview_answer(self) -> bool:
        """A paragraph after an interviewer's question, with no attribution of its own: the
        interviewee's answer. A paragraph that attributes ends the interview."""
        frames = [find_frame(unit, self.quotes) for unit in _units(self.doc, self.quotes)]
        if any(f is not None and f.speaker.root.lower_ not in {"i", "we"} for f in frames):
            self.state.answering = None  # someone else is speaking: the interview is over
            return False
        speaker = self.state.answering
        if speaker is None:
            return False
        spans = spans_of(self.paragraph, [(0, len(self.paragraph.text))])
        self._add(Draft(speaker, "quote", spans, self.section, "interview.answer", 0.75))
        return True

    def _answer(self) -> bool:
        """ "Zhdanov: ..." in an interview: the answer is the named person's quote."""
        match = _ANSWER.match(self.paragraph.text)
        if match is None:
            return False
        speaker = self.state.speakers.by_surname(match.group("who"))
        if speaker is None:
            return False
        spans = spans_of(self.paragraph, [(match.end(), len(self.paragraph.text))])
        self.state.following = self.state.answering = speaker
        self._add(Draft(speaker, "quote", spans, self.section, "interview.answer", 0.8))
        return True

    def _continues_quote(self) -> bool:
        """A paragraph that carries on the previous paragraph's unclosed quotation."""
        draft, self.state.open_quote = self.state.open_quote, None
        if draft is None:
            return False
        text = self.paragraph.text
        if not self.quotes and text[-1:] in _CLOSING:
            # The run-on paragraph with no opening mark that closes it: "... partners.\""
            draft.spans.extend(spans_of(self.paragraph, [(0, len(text) - 1)]))
            self.items.append(draft)
            return True
        if not self.quotes or self.quotes[0].start != 1:
            return False
        first = self.quotes[0]
        draft.spans.extend(spans_of(self.paragraph, [(first.start, first.end)]))
        if not first.closed:
            self.state.open_quote = draft
        self.items.append(draft)
        return True

    def _runs_on(self) -> bool:
        """A quotation that runs on with no frame yet: its speaker comes at its end."""
        quotes = self.quotes
        if len(quotes) != 1 or quotes[0].closed or quotes[0].start != 1:
            return False
        if find_frame(self.doc[:], quotes) is not None:
            return False
        spans = spans_of(self.paragraph, [(quotes[0].start, quotes[0].end)])
        self.state.pending_quote.extend(spans)
        return True

    def _track_open_quote(self) -> None:
        last = self.items[-1] if self.items else None
        open_quote = bool(self.quotes) and not self.quotes[-1].closed
        if open_quote and isinstance(last, Draft) and last.kind == "quote":
            self.state.open_quote = last

    def _settle_pending(self) -> None:
        """Give a run-on quotation held back to the quote that closes it, or its speaker."""
        state = self.state
        if not state.pending_quote:
            return
        pending, state.pending_quote = state.pending_quote, []
        draft = next((i for i in self.items if isinstance(i, Draft) and i.kind == "quote"), None)
        if draft is not None:
            draft.spans[:0] = pending
        elif state.following is not None:
            following = state.following
            held = Draft(following, "quote", pending, self.section, "quote.following", 0.5)
            self.items.insert(0, held)


def venues(frame: Frame) -> tuple[SourceRef, ...]:
    """Outlets the frame names as where the words were said ("told Bloomberg News", "in
    an interview with the Financial Times", "was quoted by Yonhap")."""
    start, end = frame.frame_range
    text = frame.cue.doc.text[start:end]
    found = [m.group("name") for m in _VENUE.finditer(text)]
    return tuple(
        SourceRef(name=name, key=source_key(name), kind="publication", role="reported_by")
        for name in (display_source_name(n) for n in found)
        if is_outlet(name)
    )


def _units(doc: Doc, quotes: list[Quote]) -> list[Sentence]:
    """Sentences, joined where a quotation runs across a sentence boundary."""
    units: list[Sentence] = []
    for sentence in doc.sents:
        joined = units and (
            any(q.start < sentence.start_char < q.end for q in quotes)
            or sentence.text[:1].islower()
            or sentence.text[:1] in ",;:”»"
        )
        if joined:
            units[-1] = doc[units[-1].start : sentence.end]
        else:
            units.append(sentence)
    return units


def _date_of(unit: Sentence) -> DatePhrase | None:
    """The date the sentence gives: its opening phrase, else the most specific inside."""
    phrase = leading_date(unit.text)
    if phrase is not None and not phrase.undated:
        return phrase
    return find_date(unit.text)


def _continues_event(unit: Sentence, phrase: DatePhrase | None) -> bool:
    """An undated sentence after an event, or one that opens by pointing back at it
    ("The deliveries took place between September 7 and October 1")."""
    if phrase is None or is_bound(phrase):
        return True
    return phrase.start > 0 and unit[0].lower_ in _ANAPHORIC


def _happening(frame: Frame) -> bool:
    """Reported content whose main verb tells of something done ("said it shot down 24
    drones"), not a position ("said the cooperation was a sovereign matter"), a denial, a
    forecast, or an action only in a subordinate phrase ("are monitoring missiles being
    sent")."""
    if frame.kind == "quote" or not frame.content:
        return False
    if (frame.cue.lemma_.lower() or frame.cue.lower_) in _OPINION_CUES:
        return False
    start, end = frame.content[0]
    inside = [t for t in frame.cue.doc if start <= t.idx < end]
    heads = [t for t in inside if not start <= t.head.idx < end or t.head.i == t.i]
    mains = [*heads, *(c for t in heads for c in t.children if c.dep_ == "conj")]
    return any(_past_action(t) for t in mains) and not any(t.tag_ == "MD" for t in inside)


def _past_action(verb: Token) -> bool:
    """A verb of doing in the past: "shot down", "has delivered", "were damaged"."""
    if verb.pos_ != "VERB" or (verb.lemma_.lower() or verb.lower_) in _NOT_HAPPENINGS:
        return False
    children = list(verb.children)
    if any(c.dep_ == "neg" or c.tag_ == "MD" or c.lower_ in FUTURE_WORDS for c in children):
        return False  # a denial or a forecast is a claim
    auxiliaries = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
    return verb.tag_ == "VBD" or (
        verb.tag_ == "VBN" and bool(auxiliaries & {"has", "have", "had", "was", "were"})
    )


def _happening_sentence(unit: Sentence) -> bool:
    """A narrated happening with no date: a past action of a named or concrete subject
    ("North Korea has delivered more than a million shells to Russia")."""
    root = unit.root
    words = [t for t in unit if not t.is_punct]
    if len(words) < _MIN_HAPPENING_WORDS or not _past_action(root):
        return False
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ == "PRON":
        return False
    return not any(t.tag_ == "MD" or t.lower_ in FUTURE_WORDS for t in unit)


def _mostly_quote(unit: Sentence, quotes: list[Quote]) -> bool:
    quoted = sum(q.end - q.start for q in quotes)
    return quoted >= 0.7 * len(unit.text)


def _same_voice(item: Draft, last: Draft) -> bool:
    """Two sentences of one paragraph that carry one statement of one speaker: reported
    speech ("X said that A. According to him, B.") or an op-ed author's argument."""
    one_kind = item.kind == last.kind == "paraphrase" or item.rule == last.rule == "oped.author"
    return item.speaker.key == last.speaker.key and one_kind and item.section == last.section


def _starts(item: Item | Draft) -> int:
    if isinstance(item, EventDoc):
        return item.span.start
    return item.spans[0].start if item.spans else 0
