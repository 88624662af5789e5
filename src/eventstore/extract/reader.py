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

from eventstore.extract.bodies import institution_named
from eventstore.extract.cues import CUE_LEMMAS
from eventstore.extract.deferred import PARAGRAPHS, fits
from eventstore.extract.document import EventDoc, PersonRef, SourceRef
from eventstore.extract.drafts import (
    ArticleState,
    Draft,
    Item,
    spans_of,
    unique_sources,
)
from eventstore.extract.frame_parts import WRITTEN_OUT, Frame, speaker_span
from eventstore.extract.frames import find_frame
from eventstore.extract.framing import disputed, outlet_source, relayed_by, restates, venues
from eventstore.extract.happenings import (
    conditional,
    date_of,
    framed_date,
    happening,
    outside_content,
    pledged_delivery,
)
from eventstore.extract.labelled import LayoutReading
from eventstore.extract.names import display_source_name, is_outlet, source_kind
from eventstore.extract.naming import ROLE_NOUNS
from eventstore.extract.people import name_at_end
from eventstore.extract.quotes import find_quotes, units
from eventstore.extract.sentence_parts import two_speakers
from eventstore.extract.sources import find_sources
from eventstore.extract.speakers import Anonymous, resolve_subject
from eventstore.extract.text import Paragraph
from eventstore.extract.transcript import turn_claim
from eventstore.extract.unframed import UnframedReading
from eventstore.extract.voices import NARRATION, for_issuer
from eventstore.normalize import fold, person_key, source_key
from eventstore.vocabulary import Section, SourceRole

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as Sentence

_SOURCE_LINE = re.compile(
    r"^(?:This|That|It)\s+(?:is|was)\s+(?:according\s+to|reported\s+by|stated\s+in"
    r"|stated\s+on\s+the\s+website\s+of)\s+"  # "This is stated on the website of X."
    # "the State Bureau of Investigation": a name may hold "of", "for", "the", "and"
    r"(?:the\s+|an?\s+)?"
    r"(?P<name>[A-Z][\w.'’&-]*(?:\s+(?:(?:of|for|the|and)\s+)*[A-Z][\w.'’&-]*){0,5})"
    # "reported by a Rubryka correspondent on the ground", "stated in the X report"
    r"(?:\s+(?:correspondent|reporter|journalist|report|statement)s?(?:\s+on\s+the\s+ground)?)?"
    r"(?:\s*[,.]|\s+(?:with\s+reference\s+to|citing)\s)"  # "..., with reference to Y"
)
# "CNN writes about it.": the outlet the news before it comes from
_WRITES_ABOUT = re.compile(
    r"^(?P<name>(?:The\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})\s+"
    r"(?:writes|wrote|reports|reported)\s+(?:about\s+)?(?:it|this)\.?$"
)
# A lede of these cues sums up the view of the expert the story is about
_OPINION_CUES = frozenset({"believe", "think"})

_WHOLE_LABELS = frozenset({"source", "headline", "intro", "question", "turn"})


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


# The words of a role that stand for whatever office is highest ("EU chief", "agency head")
_TOPMOST = frozenset("chief head leader boss".split())


class _ParagraphReader(LayoutReading, UnframedReading):
    """One paragraph's sentences, read in order against the article's state."""

    def __init__(self, paragraph: Paragraph, doc: Doc, section: Section, state: ArticleState):
        self.paragraph = paragraph
        self.doc = doc
        self.section = section
        self.state = state
        self.quotes = find_quotes(paragraph.text)
        self.items: list[Item | Draft] = []
        self.told: list[tuple[int, int]] = []  # sentences since the last claim
        self.sourced = False  # a line naming the source of the item before it
        self.reported = False  # a sentence of the paragraph reported what others reported
        self.narrating = False  # a host's or correspondent's own report in a transcript
        self.bulleted = False  # an item of a list ("- ...")

    def read(self, label: str | None) -> list[Item | Draft]:
        """Every item of the paragraph."""
        if self.state.deferred is not None:
            self.state.deferred_left -= 1
            if self.state.deferred_left <= 0:
                self.state.deferred = None  # nobody named in time: the line stays as it was
        if label in _WHOLE_LABELS:
            return self._labelled_whole(label)
        self._entry(label)
        self.narrating = label == "narrated"
        self.bulleted = label == "bullet"
        if label is not None and label.split(":")[0] == "quote":
            self._quoted_by(label.partition(":")[2])
            if self._labelled_quote():
                return self.items
        if self._block_quote() or self._continues_quote() or self._runs_on() or self._answer():
            return self.items
        if self._signed():
            return self.items
        if self.state.answering is not None and self._interview_answer():
            return self.items
        newcomer, self.state.newcomer = self.state.newcomer, None
        for number, unit in enumerate(units(self.doc, self.quotes)):
            self.state.newcomer = newcomer if number == 0 else None
            self._read_unit(unit)
            if self.section == "background" or self.state.events.timeline.last_year is not None:
                self.state.events.timeline.note_years(unit.text)
        # a paragraph that names no one and yields nothing leaves the newcomer standing
        quiet = not self.items and not any(e.label_ == "PERSON" for e in self.doc.ents)
        self.state.newcomer = newcomer if quiet else self._introduces()
        self._track_open_quote()
        self._settle_pending()
        self.open_block()
        breaking = self.state.events.timeline.breaking(self.state.story_day)
        if not self.items and not self.sourced and not self.narrating and not breaking:
            # The story has moved on from that day's happenings (its quotes about them,
            # claims only, and its source lines have not: "In a statement, the air force
            # said ..." after them; nor a programme's greetings and introductions). A
            # story that breaks on its published day stays on it ("Air defences were
            # active over Kyiv." between the attack and its toll) until a subhead.
            self.state.story_day = None
        return self.items

    def _labelled_whole(self, label: str) -> list[Item | Draft]:
        """A paragraph its label reads whole: a source line or a roundup's headline (told
        again below: nothing), an interview's intro ("The Ledger spoke to X, ...": whom
        the outlet asked; nothing), an interviewer's question, a transcript's turn."""
        if label == "source":
            self._follow_source()
        elif label == "question":  # an interviewer's: what follows is the interviewee's
            following = self.state.following
            if following is not None and following.kind == "organization":
                following = None  # "Source: 112 Ukraine" names where, not who answers
            self.state.answering = following or self.state.speakers.featured
            self.state.asked = True
        elif label == "turn":
            self._turn()
        return self.items

    def _turn(self) -> None:
        """A transcript's turn: the labelled speaker's words, or nobody's (a question)."""
        speaker = self.state.turns.get(self.paragraph.index)
        if speaker is None or self.paragraph.text.rstrip().endswith("?"):
            return  # nobody's, or a question put (by a host whose label was not read as one)
        # "SECRETARY BLINKEN" is the "Secretary of State Antony Blinken" named before
        named = self.state.speakers.by_surname(speaker.name.split()[-1])
        if named is not None and named.role is None:
            named = named.model_copy(update={"role": speaker.role, "kind": speaker.kind})
        speaker = self.state.speakers.add(named or speaker)
        own: list[Sentence] = []
        for unit in units(self.doc, self.quotes):
            frame = find_frame(unit, self.quotes)
            if frame is not None and frame.content and _third_party(frame):
                # "the air force told us ...", '"...," Zelensky said': theirs, not the turn's
                if own:
                    self._add(turn_claim(self.paragraph, own, speaker, self.section))
                own = []
                self._read_unit(unit)
            else:
                own.append(unit)
        if own or not self.items:
            self._add(turn_claim(self.paragraph, own, speaker, self.section))

    def _entry(self, label: str | None) -> None:
        """A live blog's entry time, or a roundup's bullet: the news of the roundup's day,
        told in the present of a headline."""
        self.state.entry_time = label[5:] if label and label.startswith("time:") else None
        self.state.headline = label == "update"
        if label == "update":
            self.state.entry_time = "update"

    # -- sentences ---------------------------------------------------------------------

    def _read_unit(self, unit: Sentence) -> None:
        halves = self._two_speakers(unit)
        if halves:  # "X called the move historic, while Y described it as ...": each theirs
            start = self.paragraph.start
            self.state.splits.append((start + halves[0].end_char, start + halves[1].start_char))
            for half in halves:
                self._read_unit(half)
            return
        if self._source_line(unit):
            return
        frame = self._frame_of(unit)
        opens = not self.told and not self.items  # the paragraph opens with it
        if frame is not None and opens and self._said_before(frame):
            return
        if frame is not None and not frame.content:
            if self._says_who(frame, unit):
                return
            frame = None
        if frame is not None and frame.rule == "paraphrase.cue_after" and self.told:
            # "A happened. This includes B, states X.": the sentences before are X's too.
            points_back = unit[0].lower_ in {"this", "that", "these", "it"}
            before = points_back or self._foretold_before(unit) or self._first_person_before(unit)
            if before and self._stated_by(frame, end=frame.content[-1][1]):
                return
        if frame is not None and disputed(frame):
            frame = None  # "..., a claim Ukraine denies": the words are not the denier's
        if frame is not None and restates(frame):
            # "Peskov said this to journalists, according to Russian media": no item, but
            # who passed the words on sources the one before
            self.sourced = self._cite(find_sources(unit.text)) or self.sourced
            return
        self.told.append((unit.start_char, unit.end_char))
        item = self._framed(unit, frame) if frame is not None else None
        if isinstance(item, Draft) and frame is not None:
            self._add(self._commented(unit, frame))
        self._add(item if item is not None else self._unframed(unit, frame))

    def _two_speakers(self, unit: Sentence) -> tuple[Sentence, Sentence] | None:
        """``unit`` as two speakers' statements, if it is; never split inside a quotation
        ('"A, but what it will ask for is B," X said': one speaker's words)."""
        halves = two_speakers(unit)
        if halves and any(q.contains(halves[0].end_char) for q in self.quotes):
            return None
        return halves

    def _frame_of(self, unit: Sentence) -> Frame | None:
        """The frame of ``unit``; none for the outlet's aside "As reported, X announced
        the supply of ...", whose content would be only "As reported"."""
        frame = find_frame(unit, self.quotes)
        if (
            frame is not None
            and frame.content
            and all(
                _AS_REPORTED.fullmatch(unit.doc.text[a:b].strip(" ,")) for a, b in frame.content
            )
        ):
            return None
        return frame

    def _first_person_before(self, unit: Sentence) -> bool:
        """ "Three of our systems are already in Ukraine. The next one is in a few weeks,
        Rauch said.": unquoted words in the first person, outside an op-ed or a statement,
        are the words of whoever the paragraph's closing frame names."""
        if self.state.voice is not None:
            return False
        told = [t for t in self.doc if self.told[0][0] <= t.idx < unit.start_char]
        return any(
            t.lower_ in _FIRST_PERSON and not any(q.contains(t.idx) for q in self.quotes)
            for t in told
        )

    def _foretold_before(self, unit: Sentence) -> bool:
        """ "A may be delivered as early as June. B is planned, Czech President X states.":
        the paragraph's last sentence closes on its speaker, and what came before it only
        foretold (a possibility or a plan, no happening told as done): the speaker's too."""
        last = unit.end_char >= len(self.paragraph.text.rstrip()) - 1
        events = [i for i in self.items if isinstance(i, EventDoc)]
        return (
            last
            and len(events) == len(self.items)
            and all(_MODAL.search(e.span.text) for e in events)
            and self.section == "lede"
        )

    def _source_line(self, unit: Sentence) -> bool:
        """ "This is according to The Washington Post, seen by Ukrinform.", "CNN writes
        about it.": the source of the claim or event before it, not an item of its own."""
        match = _SOURCE_LINE.match(unit.text)
        about = _WRITES_ABOUT.match(unit.text.strip())
        if about is not None and is_outlet(about.group("name")):
            match = about
        if match is None:
            return False
        name = display_source_name(match.group("name"))
        # "This was reported by the Prime Minister of Ukraine Denys Shmyhal": the person
        titled = name_at_end(name)
        reporter = self.state.speakers.mentioned.get(person_key(titled[0] if titled else name))
        name = reporter.name if reporter is not None else name
        source = SourceRef(name=name, key=source_key(name), kind="publication", role="cited")
        cited = self._cite((source,))
        self.sourced = self.sourced or cited
        if cited and reporter is not None:
            # "This was reported by X, a spokesman for ...": "according to him" next is X
            self.state.following = self.state.speakers.add(reporter)
        return cited

    def _cite(self, sources: tuple[SourceRef, ...]) -> bool:
        """Add ``sources`` to the item before; False when there is none."""
        last = self.items[-1] if self.items else self.state.last_item
        if last is None:
            return False
        if isinstance(last, Draft):
            last.sources = unique_sources((*last.sources, *sources))
            return True
        sourced = last.model_copy(update={"sources": unique_sources((*last.sources, *sources))})
        if self.items:
            self.items[-1] = sourced
        else:
            self.state.last_item = sourced  # the article puts it in place of the old one
        return True

    def _add(self, item: Item | Draft | None) -> None:
        last = self.items[-1] if self.items else None
        if item is None or item is last:
            return
        item = self._pointed(item)
        source = self.state.label_source
        if source is not None and isinstance(item, EventDoc):
            item = item.model_copy(update={"sources": unique_sources((*item.sources, source))})
        elif source is not None and isinstance(item, Draft):
            item.sources = unique_sources((*item.sources, source))
        if isinstance(item, Draft):
            self.told = []
            self._name_deferred(item)
        if (
            isinstance(item, EventDoc)
            and isinstance(last, EventDoc)
            and (item.span.start == last.span.start)
        ):
            self.items[-1] = item  # the same event, its span grown by a sentence
            return
        if (
            isinstance(item, Draft)
            and isinstance(last, Draft)
            and _same_voice(item, last)
            and all(s.start >= self.paragraph.start for s in item.spans)
        ):
            # "X said that A. According to him, B.": one statement of X in two sentences
            # (a paragraph that says whose the one before was adds that one: no continuation)
            self._continue(last, item.spans)
            return
        self.items.append(item)

    def _pointed(self, item: Item | Draft) -> Item | Draft:
        """``item`` with "according to the agency" or "the report" as the outlet last
        named before it ("..., according to Reuters. ... the agency said": Reuters); the
        outlets it names become the one such words point to."""
        pointed: list[SourceRef] = []
        for source in item.sources:
            if fold(source.name) not in _POINTERS:
                pointed.append(source)
            elif self.state.last_outlet is not None:  # no outlet named before: no source
                pointed.append(self.state.last_outlet)
        sources = tuple(pointed)
        outlets = [s for s in sources if is_outlet(s.name)]
        self.state.last_outlet = outlets[-1] if outlets else self.state.last_outlet
        if sources == item.sources:
            return item
        if isinstance(item, Draft):
            item.sources = unique_sources(sources)
            return item
        return item.model_copy(update={"sources": unique_sources(sources)})

    def _framed(self, unit: Sentence, frame: Frame) -> Item | Draft | None:
        if frame.speaker.root.lower_ in {"he", "she"}:
            introduced = self._introduced(unit) or self.state.newcomer or self._subject_before(unit)
            self.state.speakers.last = introduced or self.state.speakers.last
        speaker = (
            self._document_voice(frame)
            or resolve_subject(frame.speaker, self.state.speakers)
            or _reporter(frame)
        )
        if isinstance(speaker, Anonymous):
            speaker = self._newcomer_by_role(frame) or speaker
        if speaker is None:
            return None
        if not isinstance(speaker, Anonymous):
            speaker = for_issuer(self.state.voice, speaker)
        phrase = framed_date(unit, frame)
        if phrase is not None and phrase.shift is not None:
            self._count_from_report(unit, frame)
        opens_dated = phrase is not None and phrase.start == 0
        if self.section == "background" and opens_dated and not self.bulleted:
            # A dated timeline entry is an event, whoever speaks in it ("On June 12, Kim
            # emphasized ..."): its speaker's words are the event's wording. A bullet of
            # a list under "Background:" is a report of its own, not a timeline's entry.
            cited = (speaker.source,) if isinstance(speaker, Anonymous) else ()
            return self._event(unit, phrase, cited)
        if isinstance(speaker, Anonymous):
            event = None
            if phrase is not None and any(
                q.contains(unit.start_char + phrase.start) for q in self.quotes
            ):
                phrase = None  # 'Soldiers call it "the winter of 2023"': their words' date
            # "according to his office": a source only the pronoun's antecedent could name
            owned = speaker.source.name.split()[0].lower() in {"his", "her", "their", "its"}
            told = (() if owned else (speaker.source,)) + venues(frame)  # "told CNN"
            if phrase is not None or self.section == "background" or happening(frame, True):
                event = self._event(unit, phrase, told)
            return self._deferred(unit, frame, speaker, event) or event
        outlet = is_outlet(speaker.name)  # "As Bild notes, ...": even read as a surname
        if speaker.kind == "organization" or outlet:
            role: SourceRole = "reported_by" if outlet else "stated_by"
            timeline = self.section == "background" and not conditional(frame)
            news = happening(frame) or pledged_delivery(frame)
            if role == "reported_by" or timeline or opens_dated or news:
                # keyed as a source, not as an expert ("Russia's" and "Russia" one source)
                name = speaker.name
                kind = source_kind(name)
                source = SourceRef(name=name, key=source_key(name), kind=kind, role=role)
                return self._event(unit, phrase, (source, *venues(frame)))
            return self._claim(speaker, frame)
        self._story_day_of(unit, frame)
        return self._claim(speaker, frame)

    def _count_from_report(self, unit: Sentence, frame: Frame) -> None:
        """ "Prosecutors said on Thursday that the men were arrested a day earlier": the
        day of the report is the one "a day earlier" counts from."""
        told = date_of(unit)
        if told is None or (told.day is None and told.weekday is None) or told.shift:
            return
        if outside_content(unit, frame, told):
            self.state.events.timeline.read(told, carry=False)

    def _document_voice(self, frame: Frame) -> PersonRef | None:
        """'"The European Council underlines ...," the document reads.': the body a
        document's quoted words open by naming as their subject speaks them."""
        if frame.speaker.root.lemma_.lower() not in WRITTEN_OUT or not frame.content:
            return None
        start, _ = frame.content[0]
        opening = next((t for t in self.doc if t.idx >= start and not t.is_punct), None)
        if opening is None:
            return None
        subject = next((t for t in opening.sent if t.dep_ == "nsubj" and t.idx >= start), None)
        if subject is None or subject.ent_type_ != "ORG" or subject.i - opening.i > 3:
            return None
        return self.state.speakers.add(institution_named(speaker_span(subject).text))

    def _newcomer_by_role(self, frame: Frame) -> PersonRef | None:
        """ "EU chief Ursula von der Leyen presented a plan. '...,' the European
        Commission president said": the person the paragraph before was about, named
        again by the office of one ("the", a role noun, no other nation's)."""
        newcomer, root = self.state.newcomer, frame.speaker.root
        definite = frame.speaker[0].lower_ == "the" and root.tag_ == "NN"
        if newcomer is None or not definite or root.lemma_.lower() not in ROLE_NOUNS:
            return None
        if not fits("", newcomer, frame.speaker.text):
            return None  # "the Russian president" is no newcomer of another nation
        office = root.lemma_.lower()
        topmost = bool(set(fold(newcomer.role or "").split()) & _TOPMOST)  # "EU chief"
        return newcomer if topmost or fits(office, newcomer) else None

    def _introduces(self) -> PersonRef | None:
        """The one person this paragraph names in full without quoting anyone, if any."""
        if any(isinstance(item, Draft) for item in self.items):
            return None
        people = {
            person_key(e.text) for e in self.doc.ents if e.label_ == "PERSON" and " " in e.text
        }
        if len(people) == 1:
            person = self.state.speakers.mentioned.get(people.pop())
        else:
            # "Brink, who had worked for five presidents, recently quit ...": the person
            # named before whom the paragraph is about; "Defense Minister X, who co-chairs
            # the meeting with his British counterpart Y, announced ...": X, its subject
            person = self._subject_of_paragraph()
        return None if person is self.state.speakers.last else person

    def _subject_of_paragraph(self) -> PersonRef | None:
        first = next(iter(self.doc.sents), None)
        return self._person_subject(first) if first is not None else None

    def _subject_before(self, unit: Sentence) -> PersonRef | None:
        """ "Kishida spoke in London on Thursday. He said: ...": the person the sentence
        before in the paragraph was about, when it tells what they did."""
        before = [s for s in self.doc.sents if s.end_char <= unit.start_char]
        return self._person_subject(before[-1]) if before else None

    def _person_subject(self, sentence: Sentence) -> PersonRef | None:
        """The person named before whom ``sentence``'s subject names by surname (or the
        agent of its passive: "The protest was organized by Dmytro X, a serviceman")."""
        subject = next((c for c in sentence.root.children if c.dep_ == "nsubj"), None)
        agent = next((c for c in sentence.root.children if c.dep_ == "agent"), None)
        if subject is None and agent is not None:
            subject = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if subject is None or subject.pos_ != "PROPN":
            return None
        found = self.state.speakers.by_surname(subject.text)
        return found if found is not None and found.kind != "organization" else None

    def _introduced(self, unit: Sentence) -> PersonRef | None:
        """ "..., including Yevgeny Prigozhin, ..., who complained about ... . He claimed
        ...": the one person the sentence before introduced as speaking ("who said")."""
        before = [s for s in self.doc.sents if s.end_char <= unit.start_char]
        if not before:
            return None
        sentence = before[-1]
        people = {e.text for e in sentence.ents if e.label_ == "PERSON" and " " in e.text}
        speaking = any(
            t.lower_ == "who" and t.head.dep_ == "relcl" and t.head.lemma_ in CUE_LEMMAS
            for t in sentence
        )
        if len(people) != 1 or not speaking:
            return None
        return self.state.speakers.mentioned.get(person_key(people.pop()))

    def _deferred(
        self, unit: Sentence, frame: Frame, speaker: Anonymous, fallback: EventDoc | None
    ) -> Draft | None:
        """The words of an unnamed speaker ("..., a top US official said") before anyone
        is named: held for the person the next paragraphs name in that role."""
        state = self.state
        if state.deferred is not None or state.following is not None or state.author:
            return None
        root = frame.speaker.root
        role = root.lemma_.lower()
        if state.speakers.featured is not None or root.tag_ != "NN" or role not in ROLE_NOUNS:
            return None
        placeholder = PersonRef(name=speaker.source.name, key="", kind="other")
        # The whole sentence: its unnamed speaker is part of what the lede says.
        spans = spans_of(self.paragraph, [(unit.start_char, unit.end_char)])
        draft = Draft(
            placeholder,
            frame.kind,
            spans,
            self.section,
            frame.rule,
            frame.confidence,
            attribution=frame.attribution,
            sources=venues(frame),
            pending_role=role,
            fallback=fallback,
        )
        state.deferred, state.deferred_left = draft, PARAGRAPHS + 1
        return draft

    def _name_deferred(self, item: Draft) -> None:
        """Give a held lede claim to ``item``'s speaker, if they fit its description."""
        deferred = self.state.deferred
        speaker = item.speaker
        if deferred is None or item.pending_role is not None or not speaker.key:
            return
        if speaker.kind == "organization" or not fits(
            deferred.pending_role or "", speaker, deferred.speaker.name
        ):
            return
        deferred.speaker, deferred.pending_role, deferred.fallback = speaker, None, None
        self.state.deferred = None

    def _claim(self, speaker: PersonRef, frame: Frame) -> Draft | None:
        cut = [_without_relay(self.paragraph, bounds) for bounds in frame.content]
        spans = spans_of(self.paragraph, [bounds for bounds, _ in cut])
        relays = tuple(relay for _, relay in cut if relay is not None)
        if not spans:
            return None
        kind = frame.kind
        if speaker.kind != "organization":
            self.state.following = speaker
            if self._featured_by_lede(frame):
                # "..., believes former head of Naftogaz X.": the expert the story is about,
                # and the lede sums up their view, as the seed outlet's "X believes that"
                self.state.speakers.featured, kind = speaker, "summary"
        # "tells the Times" after "The New York Times" was named: the full masthead
        sources = tuple(self._full_outlet(s) for s in venues(frame)) + relayed_by(frame) + relays
        return Draft(
            speaker,
            kind,
            spans,
            self.section,
            frame.rule,
            frame.confidence,
            attribution=frame.attribution,
            sources=sources,
        )

    def _featured_by_lede(self, frame: Frame) -> bool:
        """True for a lede of opinion ("X believes ...", "..., thinks X") that names no
        one featured yet."""
        opinion = frame.cue.lemma_.lower() in _OPINION_CUES and frame.kind == "paraphrase"
        return self.section == "lede" and opinion and self.state.speakers.featured is None

    def _full_outlet(self, source: SourceRef) -> SourceRef:
        words = source.key.split()
        for name, _ in reversed(self.state.speakers.institutions):
            key = source_key(name)
            if key != source.key and key.split()[-len(words) :] == words:
                return source.model_copy(update={"name": name, "key": key})
        return source

    def _says_who(self, frame: Frame, unit: Sentence) -> bool:
        """A frame with no words of its own: "A. This was stated by X." (the sentences
        before are X's), or a paragraph's "Peskov said this to journalists on Friday."
        (who said the words before: a source of the item before)."""
        if self.told:
            return self._stated_by(frame)
        if frame.rule != "paraphrase.stated_by":
            return False
        self.sourced = self._cite(find_sources(unit.text)) or self.sourced
        return True

    def _said_before(self, frame: Frame) -> bool:
        """A paragraph that opens by saying whose the one before was ("X said this in a
        post on Telegram", "As Y reports, this was stated by X"), after one in which
        nobody was said to speak: that paragraph is X's claim."""
        before = self.state.unclaimed
        if before is None or (frame.content and not restates(frame)):
            return False
        speaker = resolve_subject(frame.speaker, self.state.speakers)
        if not isinstance(speaker, PersonRef):
            return False
        paragraph, section = before
        spans = spans_of(paragraph, [(0, len(paragraph.text))])
        # "X told journalists about this, Suspilne reports": the outlet that relays it too
        relays = (s for s in find_sources(frame.cue.sent.text) if is_outlet(s.name))
        sources = unique_sources((*_frame_sources(frame, speaker), *relays))
        self.state.following, self.state.said_before = speaker, True
        rule = "paraphrase.stated_after"
        self._add(Draft(speaker, "paraphrase", spans, section, rule, 0.7, sources=sources))
        return True

    def _stated_by(self, frame: Frame, end: int | None = None) -> bool:
        """ "... This was stated by X": the sentences before (to ``end``) are X's claim."""
        speaker = resolve_subject(frame.speaker, self.state.speakers)
        if not isinstance(speaker, PersonRef):
            return False
        relay: tuple[SourceRef, ...] = ()
        if is_outlet(speaker.name) and (referred := self._referred_to(frame)) is not None:
            # "UNN reports this with reference to the National Police": the police's words
            relay, speaker = (outlet_source(speaker.name),), referred
        start = self.paragraph.start + self.told[0][0]
        self.items = [i for i in self.items if _starts(i) < start]
        ranges = [(self.told[0][0], end or self.told[-1][1])]
        spans = spans_of(self.paragraph, ranges)
        rule, confidence = frame.rule, frame.confidence
        self.state.following = speaker
        sources = relay or _frame_sources(frame, speaker)  # "according to UNN with reference to X"
        self._add(
            Draft(speaker, "paraphrase", spans, self.section, rule, confidence, sources=sources)
        )
        return True

    def _referred_to(self, frame: Frame) -> PersonRef | None:
        """Whom an outlet's report refers to ("with reference to X", "citing X")."""
        for token in frame.cue.subtree:
            named = token.lower_ == "citing" or (
                token.lower_ == "reference" and token.head.lower_ == "with"
            )
            if not named:
                continue
            linked = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"]
            objects = [g for c in linked for g in c.children if g.dep_ == "pobj"]
            objects += [c for c in token.children if c.dep_ == "dobj"]
            for thing in objects:
                found = resolve_subject(speaker_span(thing), self.state.speakers)
                if isinstance(found, PersonRef):
                    return found
        return None


_AS_REPORTED = re.compile(r"as\s+(?:was\s+|we\s+|previously\s+|earlier\s+)*reported", re.I)
_FIRST_PERSON = frozenset({"i", "we", "my", "our", "us", "me"})
_MODAL = re.compile(r"\b(?:may|might|could|will|would)\b")
# A source named by what it is, pointing back at an outlet named before
_POINTERS = frozenset({"agency", "news agency", "report", "newspaper", "publication", "outlet"})


def _frame_sources(frame: Frame, speaker: PersonRef) -> tuple[SourceRef, ...]:
    """The sources a frame names besides its speaker ("X said this in an interview with
    POLITICO": POLITICO; not "Naftogaz CEO X" as a source of his own words)."""
    start, end = frame.frame_range
    found = find_sources(frame.cue.doc.text[start:end])
    own = fold(speaker.name)
    told = venues(frame, sentence=True)
    return unique_sources((*(s for s in found if own not in fold(s.name)), *told))


def _third_party(frame: Frame) -> bool:
    """A frame inside a speaker's turn whose speaker is someone else ("As the President
    said, ...", "the air force told us ..."), not "I said" or "we believe", nor the body
    the speaker speaks for taking a position now ("The United States condemns ...")."""
    if frame.speaker.root.lower_ in {"i", "we", "me", "us"}:
        return False
    speaking_for = frame.speaker.root.ent_type_ in {"GPE", "ORG", "NORP"}
    return not (speaking_for and frame.cue.tag_ in {"VBZ", "VBP"})


def _same_voice(item: Draft, last: Draft) -> bool:
    """Two sentences of one paragraph that carry one statement of one speaker: reported
    speech ("X said that A. According to him, B.") or an op-ed author's argument."""
    one_kind = item.kind == last.kind == "paraphrase" or item.rule == last.rule in NARRATION
    return item.speaker.key == last.speaker.key and one_kind and item.section == last.section


def _starts(item: Item | Draft) -> int:
    if isinstance(item, EventDoc):
        return item.span.start
    return item.spans[0].start if item.spans else 0


# "Erdogan told Putin that Turkey would go on, AA reported.": the outlet's relay at the
# end of the words is no part of them
_RELAY_END = re.compile(
    r",\s+(?P<name>(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\s+(?:reported|reports)\W*$"
)


def _without_relay(
    paragraph: Paragraph, bounds: tuple[int, int]
) -> tuple[tuple[int, int], SourceRef | None]:
    """``bounds`` (of the paragraph's text) without a closing ", AA reported", and the
    outlet that relayed the words."""
    start, end = bounds
    match = _RELAY_END.search(paragraph.text, start, end)
    name = display_source_name(match.group("name")) if match is not None else ""
    if match is None or not (is_outlet(name) or name.isupper()):
        return bounds, None
    return (start, match.start()), outlet_source(name)


def _reporter(frame: Frame) -> PersonRef | None:
    """ "..., Argus reported.": a lone name no one introduced, that reports, is a body that
    reports (an outlet or an agency), not nobody."""
    words = [t for t in frame.speaker if not t.is_punct]
    lone = len(words) == 1 and words[0].pos_ == "PROPN" and words[0].ent_type_ != "PERSON"
    if not lone or frame.cue.lemma_.lower() != "report":
        return None
    return institution_named(words[0].text)
