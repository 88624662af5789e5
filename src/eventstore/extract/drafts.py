"""What the sentence reader builds: claim drafts, events, and the article's running state.

A ``Draft`` is a claim that later sentences or paragraphs may still extend (a paraphrase
continued, a quotation running on); it becomes a ``ClaimDoc`` when the article is read.
Events are built at once, as ``EventDoc``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventstore.extract.consequences import consequence
from eventstore.extract.dates import DatePhrase, find_date, leading_date
from eventstore.extract.document import (
    ClaimDoc,
    DateReading,
    EventDoc,
    PersonRef,
    SourceRef,
    Span,
)
from eventstore.extract.events import EventReader
from eventstore.extract.sources import find_sources
from eventstore.extract.speakers import Speakers
from eventstore.extract.text import Paragraph, span_of
from eventstore.vocabulary import ClaimKind, Section

if TYPE_CHECKING:
    from spacy.tokens import Span as Sentence
    from spacy.tokens import Token

# Words that put a date ahead of the published date ("is scheduled for March 3"); not
# "would", which is reported speech about the past as often as the future.
FUTURE_WORDS = frozenset("will shall scheduled planned due upcoming set expected".split())
_MIN_CLAIM_WORDS = 3
_MIN_EVENT_WORDS = 4
_MIN_CONSEQUENCE_WORDS = 3
_PERIOD = frozenset("since far already".split())  # "since 2022", "so far", "has already"

Item = ClaimDoc | EventDoc


@dataclass
class Draft:
    """A claim being assembled: more sentences or paragraphs may join it."""

    speaker: PersonRef
    kind: ClaimKind
    spans: list[Span]
    section: Section
    rule: str
    confidence: float
    attribution: str | None = None
    sources: tuple[SourceRef, ...] = ()
    # A lede's speaker named later ("..., a top US official said"): the role noun that
    # the person named next must fit, and what the line is if nobody does.
    pending_role: str | None = None
    fallback: EventDoc | None = None

    def build(self) -> ClaimDoc | None:
        """The finished claim, or None when it has too few words to be a statement."""
        spans = tuple(self.spans)
        text = " ".join(span.text for span in spans)
        if len(text.split()) < _MIN_CLAIM_WORDS:
            return None
        return ClaimDoc(
            speaker=self.speaker,
            kind=self.kind,
            text=text,
            spans=spans,
            section=self.section,
            attribution=" ".join(self.attribution.split()) if self.attribution else None,
            sources=unique_sources((*self.sources, *find_sources(text))),
            extracted_by=self.rule,
            confidence=self.confidence,
        )


@dataclass(frozen=True, slots=True)
class Voice:
    """Whose narration an article is (an op-ed's author, a statement's issuer), and the
    rule that finds their sentences."""

    speaker: PersonRef
    rule: str  # "oped.author" or "statement.issuer"


@dataclass
class ArticleState:
    """What reading carries from paragraph to paragraph within one article."""

    speakers: Speakers
    events: EventReader
    open_quote: Draft | None = None
    # body offsets where a sentence of two speakers was read as two parts
    splits: list[tuple[int, int]] = field(default_factory=list)
    following: PersonRef | None = None
    pending_quote: list[Span] = field(default_factory=list)
    answering: PersonRef | None = None  # an interview: whose answer the text is
    asked: bool = False  # an interviewer's question was the paragraph before
    voice: Voice | None = None  # an op-ed's author, a statement's issuer: whose narration
    entry_time: str | None = None  # a live blog: the time of the entry being read
    headline: bool = False  # a roundup's bullet: its present tense tells a happening
    story_day: DateReading | None = None  # the day the story's last dated happening took
    label_source: SourceRef | None = None  # "Source: European Pravda": reports what follows
    last_outlet: SourceRef | None = None  # the outlet "the agency" and "the report" point to
    last_item: Item | Draft | None = None  # the last item of the paragraphs before
    deferred: Draft | None = None  # a lede claim whose speaker is named later
    deferred_left: int = 0  # paragraphs left to name them in
    # the one person the paragraph before introduced without quoting them ("angry words
    # from Slovakia's prime minister, Robert Fico"): "he wrote" next is theirs
    newcomer: PersonRef | None = None
    block_speaker: PersonRef | None = None  # "X said on Telegram:": whose block follows
    block_left: int = 0
    block_draft: Draft | None = None  # the block quotation being read, one claim
    turns: dict[int, PersonRef | None] = field(default_factory=dict)  # a transcript's
    # the paragraph before, when nobody was said to speak in it: a paragraph that opens
    # "X said this ..." or "This was stated by X" makes it X's claim (``said_before``)
    unclaimed: tuple[Paragraph, Section] | None = None
    said_before: bool = False
    # the dated happenings told so far, by their verb and what it was done to ("signed an
    # agreement"): the same told again undated ("The agreement was signed by ...") is theirs
    told: dict[tuple[str, str], DateReading] = field(default_factory=dict)

    @property
    def author(self) -> PersonRef | None:
        """Whose argument or positions the narration is (an op-ed's, a statement's)."""
        return self.voice.speaker if self.voice is not None else None


def spans_of(paragraph: Paragraph, ranges: list[tuple[int, int]]) -> list[Span]:
    """Trimmed spans of ``paragraph`` for character ranges of its text."""
    spans = [span_of(paragraph, start, end) for start, end in ranges]
    return [span for span in spans if span is not None]


def sentence_event(
    paragraph: Paragraph,
    unit: Sentence,
    phrase: DatePhrase | None,
    state: ArticleState,
    *,
    sources: tuple[SourceRef, ...] = (),
    timeline: bool,
    lede: bool = False,
) -> EventDoc | None:
    """The event a sentence reports, dated by ``phrase`` (None: undated).

    ``timeline``: the sentence stands in a timeline (the background section, or it opens
    with its date), so an explicit year carries forward to later dates. ``lede``: the
    sentence is the story's first paragraph, whose undated news is of its published day.
    """
    text = paragraph.text[unit.start_char : unit.end_char].rstrip()  # as written, not parsed
    start = paragraph.start + unit.start_char
    sentence = Paragraph(paragraph.index, start, start + len(text), text, paragraph.line)
    if phrase is None:
        phrase = leading_date(text)  # "Earlier, ...": an undated timeline line
    if state.entry_time is not None and (phrase is None or phrase.month is None):
        # A live blog's entry happened on the blog's day: "16:05 The death toll rose".
        phrase = DatePhrase(length=0, text=state.entry_time, relative="today")
    leading = phrase is not None and phrase.start == 0
    future = says_future(unit) or (not leading and _proposes(unit))
    future = future or (
        phrase is not None
        and (
            _dated_in_future_content(unit, phrase)
            or _ahead_of(unit, phrase)
            or _due(unit)
            or _arranged(unit, phrase)
        )
    )
    # "Nobody was injured.": a toll is news in three words
    shortest = _MIN_CONSEQUENCE_WORDS if consequence(unit.root) else _MIN_EVENT_WORDS
    event = state.events.read(
        sentence,
        phrase,
        leading=leading,
        future=future,
        carry=timeline or leading,
        min_words=shortest,
    )
    if event is None:
        return None
    dated = phrase is not None and not phrase.undated
    rule = "event.reported" if sources else "event.dated_sentence" if dated else "event.line"
    reading, confidence = event.date, 0.8 if dated else 0.6
    if dated and phrase is not None and phrase.relative == "overnight" and not timeline:
        # "Russia attacked during the night" after "..., the air force reported on the
        # morning of June 1": the night of the story's day, not of the published one
        day = state.story_day
        if day is not None and day.precision == "day" and day.qualifier == "morning":
            reading = day.model_copy(update={"text": reading.text, "qualifier": "night"})
    referred = _happening(unit, definite=True)  # "The agreement was signed by ..."
    retold = state.told.get(referred) if referred is not None else None
    if not dated and retold is not None:
        reading, confidence = retold.model_copy(update={"text": None, "year_inferred": True}), 0.6
    elif not timeline and not dated:
        story = _story_date(unit, state, lede=lede)
        reading, confidence = story or (reading, confidence)
        part = _PART_OF_DAY.match(text)
        if story is not None and part is not None:  # "In the morning, ferries were halted"
            reading = reading.model_copy(update={"qualifier": part.group("part").lower()})
        elif story is not None and _MIDNIGHT.search(text):  # "struck the town around midnight"
            reading = reading.model_copy(update={"qualifier": "night"})
    # "However, this month, five regions raised bonuses. Tatarstan raised its bonus ...":
    # a story of this month tells the month's happenings
    this_month = phrase is not None and phrase.relative == "this month"
    # "The plant was previously struck on Jan. 24.": told as before the story, not its day
    before = any(t.dep_ == "advmod" and t.lower_ in _PREVIOUSLY for t in unit)
    if not timeline and (reading.precision == "day" or this_month) and not before:
        state.story_day = reading
    elif not timeline and dated and leading:
        state.story_day = None  # "In May, ...": the story turns to its background
    happened = _happening(unit)
    if dated and reading.precision != "unknown" and happened is not None:
        state.told.setdefault(happened, reading)
    return event.model_copy(
        update={
            # The sentence's own words say the role best ("media reported": reported_by).
            "sources": unique_sources((*event.sources, *sources)),
            "extracted_by": rule,
            "confidence": confidence,
            "date": reading,
        }
    )


def _happening(unit: Sentence, *, definite: bool = False) -> tuple[str, str] | None:
    """The sentence's main verb and the head of what it was done to, as lemmas ("sign",
    "agreement" for both "X signed an agreement" and "The agreement was signed by X");
    ``definite``: only a thing referred back to ("the agreement")."""
    root = unit.root
    if root.pos_ != "VERB":
        return None
    done_to = [c for c in root.children if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ == "NOUN"]
    if not done_to or (definite and not any(c.lower_ == "the" for c in done_to[0].children)):
        return None
    return root.lemma_.lower(), done_to[0].lemma_.lower()


_OF_LATE = frozenset({"recently", "lately"})
# "In the morning, ...": a part of the story's day
_PART_OF_DAY = re.compile(
    r"(?:In|During)\s+the\s+(?P<part>morning|afternoon|evening|night)\b", re.I
)
_PREVIOUSLY = frozenset({"previously", "formerly"})
_MIDNIGHT = re.compile(r"\b(?:around|about|at|shortly\s+(?:after|before))\s+midnight\b", re.I)


def _story_date(
    unit: Sentence, state: ArticleState, *, lede: bool
) -> tuple[DateReading, float] | None:
    """The date a news story gives an undated happening, if any, with its confidence."""
    # A news story's undated happenings are of the day it is telling ("Russia struck on
    # Monday ... The strikes damaged ..."): the day of its last dated happening, in the
    # present perfect too ("Authorities have searched the homes of the two suspects", as
    # the annotators of every round of real news read it), unless it tells of a stretch of
    # time up to now ("North Korea has shipped millions of shells", "has repeatedly
    # struck").
    if any(t.lower_ in _OF_LATE and t.dep_ == "advmod" for t in unit):
        return None  # "Russian forces recently advanced near ...": some day before, not that day
    if any(t.tag_ == "MD" and t.head.i == unit.root.i for t in unit):
        return None  # "the missiles will be used against ...": no happening of that day yet
    if _done_before(unit) and not lede:
        return None
    if state.story_day is not None and (
        lede or consequence(unit.root) or not (news_perfect(unit) and _over_time(unit))
    ):
        day = state.story_day
        # "late on Monday" was when the first blasts rang out, not when all the rest happened
        qualifier = None if day.qualifier in {"early", "late"} else day.qualifier
        update = {"text": None, "year_inferred": True, "qualifier": qualifier}
        return day.model_copy(update=update), 0.5
    published = state.events.timeline.published_day()
    if lede and published is not None and (news_perfect(unit) or _simple(unit)):
        # "Putin and Kim have signed a pact, state media reported", "The G7 agreed on a
        # loan for Ukraine": the lede's news in the present perfect or a simple tense,
        # with no date, is of the day the story was published.
        return published, 0.5
    return None


def _over_time(unit: Sentence) -> bool:
    """ "has repeatedly struck", "has increasingly come under attack", "has shipped
    millions of shells": what was done again and again, or piled up, not on one day."""
    for token in unit:
        if token.dep_ == "advmod" and token.lower_ in _AGAIN_AND_AGAIN:
            return True
        following = token.nbor() if token.i + 1 < unit.end else None
        if token.lower_ in _HEAPS and following is not None and following.lower_ == "of":
            return True
    return False


_AGAIN_AND_AGAIN = frozenset(
    "repeatedly regularly often consistently increasingly continuously constantly".split()
)
_HEAPS = frozenset("dozens hundreds thousands millions billions tens".split())


def _done_before(unit: Sentence) -> bool:
    """A perfect tense that says its happening came before ("has already placed", "had
    previously used") or counts a period up to now ("said the plant has experienced eight
    blackouts since the war began"): of some time before the day the story tells, not of
    that day; and a sentence the text opens as told before it ("Earlier, the authorities
    reported that ...", "Earlier media reports suggested ...")."""
    if unit[0].lower_ == "earlier" and unit[0].dep_ in {"advmod", "amod"}:
        return True
    verbs = [unit.root, *(c for c in unit.root.children if c.dep_ == "ccomp")]
    for verb in verbs:
        if not any(c.dep_ == "aux" and c.lower_ in _HAVE for c in verb.children):
            continue
        if any(c.dep_ == "advmod" and c.lower_ in _BEFORE for c in verb.children):
            return True
        present = any(c.dep_ == "aux" and c.lower_ in _HAS for c in verb.children)
        if present and any(c.lower_ in _PERIOD for c in verb.children):
            return True  # not "had repelled 41 attacks, the heaviest fighting since May"
    return False


_HAVE = frozenset({"has", "have", "'ve", "'s", "had", "'d"})
_HAS = frozenset({"has", "have", "'ve", "'s"})
_BEFORE = frozenset({"already", "previously", "earlier", "before", "once", "ever"})


def _simple(unit: Sentence) -> bool:
    """A sentence in simple tenses: no "has fired ... since" counting a period up to now."""
    return not any(t.dep_ == "aux" and t.lemma_ == "have" for t in unit)


def news_perfect(unit: Sentence) -> bool:
    """A happening told in the present perfect ("have signed"), in the main clause or in
    what the main clause reports, with no date phrase and no period ("has fired 300 drones
    since the war began" counts a period, not today's news); a date of what is ahead in a
    clause of its own ("has arrived in The Hague, where he will attend a summit on
    Wednesday") is no date of the happening."""
    phrase = find_date(unit.text)
    if (phrase is not None and not _ahead_in_clause(unit, phrase)) or any(
        t.lower_ in _PERIOD for t in unit
    ):
        return False
    root = unit.root
    verbs = [root, *(c for c in root.children if c.dep_ == "ccomp")]
    return any(
        verb.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ in {"has", "have", "'ve", "'s"} for c in verb.children)
        and not any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.children)
        for verb in verbs
    )


def _ahead_in_clause(unit: Sentence, phrase: DatePhrase) -> bool:
    """Whether ``phrase`` dates a clause with a modal of its own ("where he will attend a
    summit on Wednesday"), not the sentence's main verb."""
    at = unit.doc.char_span(
        unit.start_char + phrase.start, unit.start_char + phrase.start + 1, alignment_mode="expand"
    )
    if at is None:
        return False
    verb = next((a for a in at[0].ancestors if a.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and verb.i != unit.root.i and any(c.tag_ == "MD" for c in verb.children)


def says_future(unit: Sentence) -> bool:
    """True when the sentence puts its happening ahead: "will", "shall", "is scheduled
    for", "is due to", "upcoming" (not "scheduled power outages", an adjective)."""
    root = unit.root
    for token in unit:
        if _planned_for_a_day(token):
            return True
        if root.i not in (token.i, token.head.i):
            continue  # "..., which pledged aid if either will be attacked": not the main verb
        if token.dep_ == "conj" and root.tag_ == "VBD":
            continue  # "On Tuesday X arrived and is scheduled to meet ...": the past's day
        word = token.lower_
        if word in {"will", "shall"} and token.tag_ == "MD":
            return True
        # "may be delivered as early as June": a possibility ahead (not "may have been")
        perfect = any(c.lower_ == "have" for c in root.children)
        if word in {"may", "might", "could"} and token.tag_ == "MD" and not perfect:
            return True
        if word == "upcoming":
            return True
        auxiliaries = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
        # "The model was expected to be finalized ... after a meeting on Aug. 18": what was
        # expected then is no happening ahead
        expected_then = word == "expected" and any(c.tag_ == "VBD" for c in auxiliaries)
        if word in FUTURE_WORDS and auxiliaries and not expected_then:
            return True
    return False


def _planned_for_a_day(token: Token) -> bool:
    """ "Friday's planned summit in Alaska": a thing planned for the day that owns it."""
    if token.lower_ not in {"planned", "scheduled", "upcoming"} or token.dep_ != "amod":
        return False
    return any(c.dep_ == "poss" and c.ent_type_ == "DATE" for c in token.head.children)


def _dated_in_future_content(unit: Sentence, phrase: DatePhrase) -> bool:
    """ "Li Hui will visit Kyiv starting from May 15, a spokesperson said Friday": the
    date lies in what is said, which puts it ahead."""
    at = unit.start_char + phrase.start
    token = next((t for t in unit if t.idx >= at), None)
    while token is not None and token.i not in {unit.root.i, token.head.i}:
        if token.dep_ == "ccomp" and token.head.i == unit.root.i:
            return any(c.tag_ == "MD" and c.lower_ in {"will", "shall"} for c in token.children)
        token = token.head
    return False


def _ahead_of(unit: Sentence, phrase: DatePhrase) -> bool:
    """ "ahead of the second round of talks in Istanbul on June 2": what is ahead is to come;
    but "promised cuts during the campaign ahead of his victory on June 1" tells of a day
    before a past happening (a day in the week after the published one is that week's
    anyway)."""
    if unit.root.tag_ == "VBD" and phrase.day is not None:
        return False
    at = unit.start_char + phrase.start
    token = next((t for t in unit if t.idx >= at), None)
    while token is not None and token.i != token.head.i:
        if token.lower_ == "ahead" or (token.lower_ == "of" and token.nbor(-1).lower_ == "ahead"):
            return True
        token = token.head
    return False


# "The transit contract expires on December 31": a term that ends (or starts) as set
_TERMS = frozenset("expire end begin start lapse conclude close open finish resume".split())


def _due(unit: Sentence) -> bool:
    """ "expires on December 31", "has begun and concludes Sunday": a term set to end."""
    root = unit.root
    verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return any(v.tag_ in {"VBZ", "VBP"} and v.lemma_.lower() in _TERMS for v in verbs)


def _arranged(unit: Sentence, phrase: DatePhrase) -> bool:
    """ "They are holding an emergency meeting in Brussels on Thursday": the present
    progressive with a weekday tells what is arranged, ahead (on the published day's own
    weekday, that day)."""
    root = unit.root
    return (
        phrase.weekday is not None
        and phrase.month is None
        and not phrase.last
        and root.tag_ == "VBG"
        and any(c.dep_ == "aux" and c.lower_ in _BE_NOW for c in root.children)
    )


_BE_NOW = frozenset("is are am 're 's".split())
_PROPOSING = frozenset("propose suggest plan intend schedule expect".split())


def _proposes(unit: Sentence) -> bool:
    """ "Russia has proposed holding talks in Istanbul on June 2", "plans to visit in
    March": a date after a proposal or a plan is the proposed one, ahead."""
    root = unit.root
    return root.lemma_.lower() in _PROPOSING and any(
        c.tag_ == "VBG" or (c.dep_ == "xcomp" and c.tag_ == "VB") for c in root.children
    )


def extended_event(event: EventDoc, paragraph: Paragraph, unit: Sentence) -> EventDoc:
    """``event`` with the next sentence of its paragraph joined to its span."""
    end = paragraph.start + unit.start_char + len(unit.text.rstrip())
    text = paragraph.text[event.span.start - paragraph.start : end - paragraph.start]
    sources = unique_sources((*event.sources, *find_sources(unit.text)))
    span = Span(start=event.span.start, end=end, text=text)
    return event.model_copy(update={"span": span, "sources": sources})


def unique_sources(sources: tuple[SourceRef, ...]) -> tuple[SourceRef, ...]:
    """Each source once, in the role it was first found in. A name whose words (two or
    more) all stand in another name of the same item is that one said short ("the
    General Staff" and "the General Staff of the Armed Forces of Ukraine", "the Ministry
    of Defence" and "Ukraine's Defence Ministry"): one source, the fuller name."""
    seen: dict[str, SourceRef] = {}
    for source in sources:
        seen.setdefault(source.key, source)
    kept = list(seen.values())
    fuller = [_fuller(source, kept) for source in kept]
    final: dict[str, SourceRef] = {}
    for source in fuller:
        final.setdefault(source.key, source)
    return tuple(final.values())


_NAME_GLUE = frozenset("of the and for on s".split())


def _fuller(source: SourceRef, others: list[SourceRef]) -> SourceRef:
    """``source`` under the fullest name of ``others`` that holds all its words."""
    words = set(source.key.split()) - _NAME_GLUE
    if len(words) < 2:
        return source
    longer = [o for o in others if words < set(o.key.split()) - _NAME_GLUE]
    if not longer:
        return source
    best = max(longer, key=lambda o: len(o.key))
    return source.model_copy(update={"name": best.name, "key": best.key, "kind": best.kind})


def finished(found: list[Item | Draft]) -> tuple[list[ClaimDoc], list[EventDoc]]:
    """Claims and events in reading order; drafts (which later text may extend) built last."""
    claims: list[ClaimDoc] = []
    events: list[EventDoc] = []
    seen: set[int] = set()
    for item in found:
        if isinstance(item, EventDoc):
            events.append(item)
        elif isinstance(item, ClaimDoc):
            claims.append(item)
        elif id(item) not in seen:
            seen.add(id(item))
            if item.pending_role is not None and not item.speaker.key:
                if item.fallback is not None:  # nobody was named: the unnamed source's event
                    events.append(item.fallback)
                continue
            built = item.build()
            if built is not None:
                claims.append(built)
    return claims, events
