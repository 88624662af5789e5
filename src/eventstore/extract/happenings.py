"""Is a sentence a happening, and which date is its own: the predicates by which the
sentence reader tells events from statements and commentary.

"Ukraine's air force said it shot down 24 drones" tells of something done; "said the
cooperation was a sovereign matter" takes a position; "The pact has magnified western
concerns" is commentary. "Washington said on Jan. 4 that Russia fired on Dec. 30": the
event is Dec. 30, the statement Jan. 4.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from eventstore.extract.consequences import consequence
from eventstore.extract.cues import CUE_LEMMAS
from eventstore.extract.dates import DatePhrase, blanked, find_date, is_bound, leading_date
from eventstore.extract.document import DateReading
from eventstore.extract.drafts import FUTURE_WORDS
from eventstore.extract.frame_parts import Frame
from eventstore.extract.frames import OBJECT_CUES, recalled_envoy
from eventstore.extract.names import is_outlet

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Span as Sentence
    from spacy.tokens import Token

_ANAPHORIC = frozenset("the this these that those it they such".split())
# Cues of opinion or dispute: what follows is a claim even from an institution.
_OPINION_CUES = frozenset(
    "insist deny claim allege believe think warn argue fear doubt accuse condemn complain".split()
)
# Verbs that tell of no happening: states, speech, and declining to act.
_NOT_HAPPENINGS = (
    frozenset("be become have seem appear remain continue decline refuse mention highlight".split())
    # "said it was concerned about ...", "said it hoped to ...": a stance or a wish (the
    # lemmatizer makes "hoped" "hop")
    | frozenset("concern worry hope hop wish want intend regret".split())
    | CUE_LEMMAS
    | OBJECT_CUES
)
_MIN_HAPPENING_WORDS = 6
_NOBODY = frozenset("nothing nobody none".split())
_SPEECH_NOUNS = frozenset(
    "statement announcement remark comment speech address interview appeal".split()
)
# Objects that make a verb commentary rather than a happening ("raised concerns").
_STANCES = frozenset(
    "concern worry fear question doubt speculation debate alarm hope tension".split()
)


def date_of(unit: Sentence) -> DatePhrase | None:
    """The date the sentence gives: its opening phrase, else the most specific inside."""
    phrase = leading_date(unit.text)
    if phrase is not None and not phrase.undated:
        return phrase
    return find_date(unit.text)


def framed_date(unit: Sentence, frame: Frame) -> DatePhrase | None:
    """The date of a framed sentence: the reported content's own ("said on Jan. 4 that
    Russia fired on Dec. 30": Dec. 30), else the sentence's (which may date the report)."""
    whole = date_of(unit)
    if whole is not None and whole.start == 0:
        return whole  # "On Monday, X said ...": a timeline entry's date
    for start, end in frame.content:
        inner = find_date(unit.doc.text[start:end])
        if inner is not None and not is_bound(inner):
            inner = replace(inner, start=inner.start + start - unit.start_char)
            if inner.relative in _STORY_DAYS and _told_on_a_day(unit, frame, whole):
                return whole  # "an overnight attack, the air force reported on June 1"
            if not describes_a_thing(unit, inner):
                return inner
            # "the bridge, damaged on May 3, was hit again overnight, the governor said":
            # the clause dates the bridge; the content's own happening is undated unless
            # the rest of the sentence dates it, or the clause holds the only happening
            rest = date_of_rest(unit, inner)
            return rest if rest is not None or happening(frame) else inner
    if whole is not None and describes_a_thing(unit, whole):
        # "Russia, which began its invasion in February 2022, stepped up attacks in
        # March in what Kyiv said ...": the clause dates Russia, the rest the attacks
        return date_of_rest(unit, whole) or whole
    return whole


def _told_on_a_day(unit: Sentence, frame: Frame, phrase: DatePhrase | None) -> bool:
    """True when ``phrase`` is a day of the month the frame (not its content) gives: the
    day the report was made, from which "overnight" or "today" in the content counts."""
    if phrase is None or phrase.day is None or phrase.month is None:
        return False
    return outside_content(unit, frame, phrase)


def outside_content(unit: Sentence, frame: Frame, phrase: DatePhrase) -> bool:
    """True when ``phrase`` stands in the frame's words, not in what it reports."""
    at = unit.start_char + phrase.start
    return not any(a <= at < b for a, b in frame.content)


def pluperfect(frame: Frame) -> bool:
    """Reported content in the past perfect: done before it was told."""
    start, end = frame.content[0] if frame.content else (0, 0)
    doc = frame.cue.doc
    return any(t.lower_ == "had" and t.dep_ == "aux" and start <= t.idx < end for t in doc)


_STORY_DAYS = frozenset({"overnight", "today", "yesterday"})


def describes_a_thing(unit: Sentence, phrase: DatePhrase) -> bool:
    """A date inside a phrase describing a noun ("after an agreement signed in 2019
    expired", "Putin, who unveiled the missile in 2018, called it"): not the sentence's.
    A present participle's date is ("insured the tankers delivering oil in July": what
    they did then), and so is a date told from the story's day ("destroyed eight of nine
    drones launched overnight": both happened then)."""
    if phrase.relative in _STORY_DAYS:
        return False
    if _aside(unit.text, phrase) or _before_or_after(unit, phrase):
        return True
    verb = _describing(unit, phrase)
    return verb is not None and verb.tag_ != "VBG" and not _scheduling_subject(verb)


_SETTING = frozenset("schedule plan set slate due".split())


def _scheduling_subject(verb: Token) -> bool:
    """ "The meeting, scheduled for Sept. 4, will be held ...": when the sentence's own
    subject is set to happen."""
    subject = verb.head
    return (
        verb.lemma_.lower() in _SETTING
        and subject.dep_ in {"nsubj", "nsubjpass"}
        and subject.head.dep_ == "ROOT"
    )


# ("Compared to the same period last year", "less than a year ago"; not "more than 200
# drones at Odesa this week")
_COMPARED = re.compile(
    r"\b(?:compared\s+(?:to|with)\s+(?:\w+\s+){0,4}|than\s+(?:(?:in|on|during)\s+)?)$", re.I
)


def _aside(text: str, phrase: DatePhrase) -> bool:
    """A date set off from the sentence: between dashes ("breaking its previous record
    — set last week on May 26 — by 100 drones") or brackets, or the base of a
    comparison ("Compared to the same period last year, inflation rose to 8.6%")."""
    before, after = text[: phrase.start], text[phrase.start + phrase.length :]
    dashed = before.count("—") % 2 == 1 and "—" in after
    bracketed = before.rfind("(") > before.rfind(")") and ")" in after
    return dashed or bracketed or _COMPARED.search(before) is not None


def _before_or_after(unit: Sentence, phrase: DatePhrase) -> bool:
    """ "have raised the bonuses after cutting them late last year": the date of what came
    before (or after) the happening, told in a gerund after "after" or "before"; "plummeted
    since harsher sanctions were imposed earlier this year", in a clause of a bound (but
    "failed after lawmakers voted against it on Thursday": that day's)."""
    for token in _heads_above(unit, phrase):
        if token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.lower_ in _SEQUENCE:
            return True
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        if token.dep_ == "advcl" and marks & _BOUNDING_MARKS:
            return True
    return False


_SEQUENCE = frozenset({"after", "before", "since", "until"})
_BOUNDING_MARKS = _SEQUENCE - {"after"}


def _describing(unit: Sentence, phrase: DatePhrase) -> Token | None:
    """The verb of the relative or participial clause that holds ``phrase``, if any."""
    return next((t for t in _heads_above(unit, phrase) if t.dep_ in {"acl", "relcl"}), None)


def _heads_above(unit: Sentence, phrase: DatePhrase) -> Iterator[Token]:
    """The tokens from ``phrase``'s first word up its heads, short of the sentence's root."""
    at = unit.start_char + phrase.start
    token = next((t for t in unit if t.idx >= at), None)
    while token is not None and token.i not in {unit.root.i, token.head.i}:
        yield token
        token = token.head


def clause_happening(
    unit: Sentence, phrase: DatePhrase | None
) -> tuple[Sentence, DatePhrase] | None:
    """A second happening with a date of its own, told in a clause that describes a noun
    and closes the sentence ("Ukraine brought home 84 soldiers on Tuesday, including
    marines captured in April 2022 during the battle for Mariupol"): the clause and its
    date, or None."""
    text = blanked(unit.text, phrase) if phrase is not None else unit.text
    found = find_date(text)
    if found is None or is_bound(found) or found.invalid:
        return None
    verb = _describing(unit, found)
    last = max((t.i for t in unit if not t.is_punct), default=unit.start)
    if verb is None or not _clause_verb(verb) or verb.right_edge.i < last:
        return None
    clause = unit.doc[verb.left_edge.i : verb.right_edge.i + 1]
    shift = clause.start_char - unit.start_char
    return clause, replace(found, start=found.start - shift)


def _clause_verb(verb: Token) -> bool:
    """A verb of doing in the past, neither denied nor under a modal."""
    lemma = verb.lemma_.lower() or verb.lower_
    if verb.pos_ != "VERB" or lemma in _NOT_HAPPENINGS or verb.tag_ not in {"VBN", "VBD"}:
        return False
    return not any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.children)


def dated_in_clause(unit: Sentence, phrase: DatePhrase) -> bool:
    """A happening told inside a clause that describes a noun, dated there, in a sentence
    whose main clause tells none ("Among those freed were 15 marines captured in April
    2022 during the battle for Mariupol"): the sentence is that event's."""
    verb = _describing(unit, phrase)
    if verb is None or happening_sentence(unit) or unit.root.tag_ == "MD":
        return False
    return _clause_verb(verb)


def date_of_rest(unit: Sentence, phrase: DatePhrase) -> DatePhrase | None:
    """The sentence's date once ``phrase`` is set aside ("expired in the early hours of
    January 1" after "an agreement signed in 2019")."""
    found = find_date(blanked(unit.text, phrase))
    return None if found is None or describes_a_thing(unit, found) else found


def continues_event(unit: Sentence, phrase: DatePhrase | None, before: DateReading) -> bool:
    """An undated sentence after an event, or one that opens by pointing back at it
    ("The deliveries took place between September 7 and October 1"); but not one whose
    date is another month than the event's and no span of it ("In late March, the board
    approved the loan. The Fund's mission started working in late May.": a happening of
    its own)."""
    if phrase is None or is_bound(phrase):
        return True
    span = unit.text[: phrase.start].rstrip().lower().endswith("between")
    if before.month not in {None, phrase.month} and phrase.month is not None and not span:
        return False
    return phrase.start > 0 and unit[0].lower_ in _ANAPHORIC


_ADDING = frozenset("moreover meanwhile additionally besides furthermore".split())


def adds_another(unit: Sentence) -> bool:
    """ "Moreover, EU states also agreed on a price cap": a sentence that tells another
    happening beside the one before, not more of it."""
    first = next((t for t in unit if not t.is_punct), None)
    if first is not None and (first.lower_ in _ADDING or unit.text.startswith("In addition")):
        return True
    return any(t.lower_ == "also" and t.head.i == unit.root.i for t in unit)


def happening(frame: Frame, ongoing: bool = False) -> bool:
    """Reported content whose main verb tells of something done ("said it shot down 24
    drones"), not a position ("said the cooperation was a sovereign matter"), a denial, a
    forecast, or an action only in a subordinate phrase ("are monitoring missiles being
    sent")."""
    if frame.kind == "quote" or not frame.content:
        return False
    if (frame.cue.lemma_.lower() or frame.cue.lower_) in _OPINION_CUES:
        return False
    # ``ongoing``: what an unnamed source says is going on ("Russia is buying arms from
    # North Korea, according to U.S. intelligence") is news of a happening too. The first
    # main verb decides: "said the cooperation was a sovereign matter and threatened no
    # one" takes a position, whatever its second verb.
    inside, first = _content_head(frame)
    if first is None or hedged(first):
        return False
    found = _past_action(first) or consequence(first) or (ongoing and _ongoing(first))
    return found and not any(t.tag_ == "MD" for t in inside)


def _content_head(frame: Frame) -> tuple[list[Token], Token | None]:
    """The tokens of the frame's (first) content, and its first main verb: the first of
    them whose head lies outside it (or is itself), not the cue ("called on
    manufacturers to do more": content that opens with the cue is a position)."""
    start, end = frame.content[0]
    inside = [t for t in frame.cue.doc if start <= t.idx < end]
    heads = [t for t in inside if not start <= t.head.idx < end or t.head.i == t.i]
    heads = [t for t in heads if t.i != frame.cue.i]
    return inside, min(heads, key=lambda t: t.i, default=None)


# "The Netherlands said it would supply parts of a Patriot system": a body's pledge to
# deliver, news of a decision (as "announced it would send")
_DELIVERING = frozenset("supply send provide deliver transfer give donate".split())


def pledged_delivery(frame: Frame) -> bool:
    """A speaker's pledge that it will deliver something ("said it would supply parts of
    a Patriot system", "said it would provide Ukraine with its Patriot")."""
    if frame.kind == "quote" or not frame.content:
        return False
    _, first = _content_head(frame)
    if first is None or (first.lemma_.lower() or first.lower_) not in _DELIVERING:
        return False
    children = list(first.children)
    pledged = any(c.tag_ == "MD" and c.lower_ in {"would", "will"} for c in children)
    itself = any(c.dep_ == "nsubj" and c.lower_ in {"it", "they"} for c in children)
    objects = any(c.dep_ in {"dobj", "dative"} for c in children)
    return pledged and itself and objects and not any(c.dep_ == "neg" for c in children)


# "Putin has likely instructed the command to delay ...": an assessment, not news
_HEDGES = frozenset("likely probably possibly apparently presumably".split())


def hedged(verb: Token) -> bool:
    """True for a verb the writer hedges ("has likely tasked"): what is assessed, not
    what is told as done."""
    return any(c.dep_ == "advmod" and c.lower_ in _HEDGES for c in verb.children)


def _ongoing(verb: Token) -> bool:
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    doing = verb.pos_ == "VERB" and verb.lemma_.lower() not in _NOT_HAPPENINGS
    return doing and verb.tag_ == "VBG" and bool(auxiliaries & {"is", "are", "was", "were"})


def conditional(frame: Frame) -> bool:
    """Content that weighs a case ("said that if Iran has supplied ..., it would mark an
    escalation"): a position, even in a background section."""
    start, end = frame.content[0] if frame.content else (0, 0)
    inside = [t for t in frame.cue.doc if start <= t.idx < end]
    return any(t.lower_ in {"if", "unless"} and t.dep_ == "mark" for t in inside)


# "spoke in an address to the summit", "in an interview with X": where words were said
_TELLING_NOUNS = frozenset("interview address speech briefing conference".split())


def telling(verb: Token) -> bool:
    """The telling, no happening: "The Minister made this statement on air", "He spoke
    about this in an interview with X", "RFE/RL spoke with X"."""
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _SPEECH_NOUNS for c in verb.children):
        return True
    if verb.lemma_.lower() not in {"speak", "talk"}:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and is_outlet(" ".join(t.text for t in subject.subtree)):
        return True  # "To find out more, RFE/RL spoke with X": the outlet's interview
    return any(t.lower_ in _TELLING_NOUNS for t in verb.subtree)


# "agreed on a new package of sanctions", "announced further sanctions": a decision made,
# told by a verb that elsewhere reports words
_DECIDING = frozenset({"agree", "announce", "confirm"})
_DECISIONS = frozenset(
    "package sanction sanctions aid deal agreement plan measure measures loan loans".split()
)


def _decided(verb: Token, lemma: str) -> bool:
    if lemma not in _DECIDING:
        return False
    # ("agreed to extend sectoral sanctions", "agreed to provide Ukraine with a loan": what
    # the decision's verb takes)
    acts = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    things = [c for a in acts for c in a.children if c.dep_ == "dobj"]
    things += [
        g
        for a in acts
        for c in a.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    # "a range of further sanctions", "a package of measures"
    things += [g for t in things for c in t.children if c.dep_ == "prep" for g in c.children]
    return any(t.lemma_.lower() in _DECISIONS for t in things)


def _reported_harm(verb: Token, lemma: str) -> bool:
    """ "Regional power companies also reported power outages", "Ukrenergo reported damage
    to substations": a report whose object is the harm done tells that it happened."""
    # "The IAEA confirmed an explosion at the plant": as told; "Explosions were reported in
    # Kharkiv": by no one named
    told = {"dobj", "nsubjpass"}
    objects = [c for c in verb.children if c.dep_ in told] if lemma in _REPORTING else []
    return any(c.lemma_.lower() in _HARMS | _BLOWS for c in objects)


def harm_reporter(unit: Sentence) -> Token | None:
    """Who "reported damage to substations" in ``unit``: the subject of its main verb."""
    root = unit.root
    if not _reported_harm(root, root.lemma_.lower()):
        return None
    return next((c for c in root.children if c.dep_ == "nsubj"), None)


_REPORTING = frozenset({"report", "confirm"})
_HARMS = frozenset(
    "outage blackout damage explosion blast fire casualty death injury destruction".split()
)
_BLOWS = frozenset("strike airstrike attack shelling".split())  # ("strikes" too)


def _first_to(verb: Token, lemma: str) -> bool:
    """ "Denmark has become the eighth country to purchase the system": the becoming is
    the doing its infinitive names."""
    if lemma != "become":
        return False
    counted = any(c.dep_ == "attr" and c.lemma_.lower() in _COUNTED for c in verb.children)
    to_do = [c for c in verb.children if c.dep_ in {"xcomp", "relcl", "acl"} and c.pos_ == "VERB"]
    to_do += [
        g
        for c in verb.children
        if c.dep_ == "attr"
        for g in c.children
        if g.dep_ in {"relcl", "acl"}
    ]
    return counted and any(c.lemma_.lower() not in _NOT_HAPPENINGS for c in to_do)


_COUNTED = frozenset("country nation state member ally company".split())


def _past_action(verb: Token) -> bool:
    """A verb of doing in the past: "shot down", "has delivered", "were damaged"."""
    lemma = verb.lemma_.lower() or verb.lower_
    done = _decided(verb, lemma) or _first_to(verb, lemma) or _reported_harm(verb, lemma)
    # "Germany has recalled its ambassador": a cue's word that acts on a person or a thing
    done = done or (lemma == "recall" and recalled_envoy(verb))
    done = done or (lemma == "discuss" and _met(verb))
    # "Fifty-two vessels were added to the list": a thing added, no words
    done = done or (lemma == "add" and any(c.dep_ == "auxpass" for c in verb.children))
    done = done or _settled(verb, lemma)
    if verb.pos_ != "VERB" or (lemma in _NOT_HAPPENINGS and not done):
        return False
    children = list(verb.children)
    if any(c.dep_ == "neg" or c.tag_ == "MD" or _future_word(c) for c in children):
        return False  # a denial or a forecast is a claim
    if any(c.dep_ == "dobj" and _nobody(c) for c in children):
        return False  # "threatened no one", "did nothing"
    if telling(verb):
        return False
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _STANCES for c in children):
        return False  # "The pact has magnified western concerns": commentary
    auxiliaries = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
    return (
        verb.tag_ == "VBD"
        or _bare_past(verb, auxiliaries)
        or (verb.tag_ == "VBN" and bool(auxiliaries & {"has", "have", "had", "was", "were"}))
    )


def _settled(verb: Token, lemma: str) -> bool:
    """ "The 32 nations agreed in a declaration to invest 3.5%", "agreed on a target",
    "The summit has concluded with an agreement": a decision taken or a meeting ended, told
    by a verb that elsewhere reports words ("agreed that ...", "concluded that ...")."""
    if lemma not in {"agree", "conclude"} or any(c.dep_ == "ccomp" for c in verb.children):
        return False
    if lemma == "agree" and any(c.dep_ == "xcomp" for c in verb.children):
        return True
    # "agreed with the assessment" is a stance; "concluded with a deal" ended something
    linked = {"in", "on", "to", "upon"} if lemma == "agree" else {"with"}
    objects = {"dobj"} if lemma == "conclude" else set()
    return any(
        (c.dep_ == "prep" and c.lower_ in linked and any(g.dep_ == "pobj" for g in c.children))
        or c.dep_ in objects
        for c in verb.children
    )


def _bare_past(verb: Token, auxiliaries: set[str]) -> bool:
    """ "Deputy prosecutor Symonenko also quit": a past the tagger read as a present
    ("quit", "hit", "cut" are both), which one subject in the present would have ended
    in -s."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        verb.tag_ == "VBP"
        and not auxiliaries
        and verb.lower_ == verb.lemma_.lower()
        and subject is not None
        and subject.tag_ in {"NN", "NNP"}
    )


_PARTIES = frozenset("party side delegation leader minister president".split())


def _met(verb: Token) -> bool:
    """ "The parties also discussed the ceasefire", "Pope Leo and Putin discussed ...",
    "X discussed it with Y": a discussion between two is a meeting held."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return False
    plural = subject.tag_ in {"NNS", "NNPS"} and subject.lemma_.lower() in _PARTIES
    joined = any(c.dep_ == "conj" for c in subject.children)
    along = any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    return plural or joined or along


def _future_word(token: Token) -> bool:
    """ "is due to arrive", "is scheduled": but "caught fire due to falling debris" is a
    cause."""
    return token.lower_ in FUTURE_WORDS and not (token.lower_ == "due" and token.dep_ == "prep")


# Verbs of saying that name an act when their object is a thing or a deed, not words:
# "announced new sanctions", "pledged to transfer four more systems".
_UNDERTAKINGS = frozenset("announce pledge promise vow".split())


def _undertaking(verb: Token) -> bool:
    """ "Blinken announced new US sanctions on Iran", "Italy promised to deliver a second
    system": an act done by saying, in the past, with an object or a deed and no clause."""
    if verb.tag_ != "VBD" or (verb.lemma_.lower() or verb.lower_) not in _UNDERTAKINGS:
        return False
    children = list(verb.children)
    if any(c.dep_ in {"neg", "ccomp"} or c.tag_ == "MD" for c in children):
        return False
    return any(
        c.dep_ == "xcomp" or (c.dep_ == "dobj" and c.lemma_.lower() not in _SPEECH_NOUNS)
        for c in children
    )


# What a schedule holds: "Kim will meet Putin", "Germany will deliver two more systems".
_SCHEDULED = frozenset(
    "meet visit travel hold attend deliver participate receive sign arrive host send".split()
)


_WHEN = frozenset({"DATE", "TIME"})


def _scheduled(verb: Token) -> bool:
    """A meeting, visit or delivery the text says will happen ("will meet"), not denied."""
    if verb.pos_ != "VERB" or (verb.lemma_.lower() or verb.lower_) not in _SCHEDULED:
        return False
    children = list(verb.children)
    # "will be held accountable" is no meeting held; "a factory ... will deliver this
    # winter" (nothing delivered to anyone) is an argument's forecast
    whom = any(
        c.dep_ == "dobj" or (c.dep_ == "prep" and any(g.ent_type_ not in _WHEN for g in c.children))
        for c in children
    )
    return (
        whom
        and any(c.dep_ == "aux" and c.lower_ == "will" for c in children)
        and not any(c.dep_ in {"neg", "oprd", "acomp"} for c in children)
    )


def _nobody(word: Token) -> bool:
    return word.lower_ in _NOBODY or any(c.lower_ == "no" for c in word.children)


def happening_sentence(unit: Sentence) -> bool:
    """A narrated happening with no date: a past action of a named or concrete subject
    ("North Korea has delivered more than a million shells to Russia"), also behind an
    impersonal "It is noted that ..."."""
    root = _impersonal_content(unit.root) or unit.root
    if consequence(root) or _listing(root):
        return True  # "Nobody was injured", "There were no casualties": the toll of one
    words = [t for t in unit if not t.is_punct]
    # "Zelensky agreed and invited Putin ...": an action joined to a verb that is none
    acts = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    planned = _scheduled(root)
    if len(words) < _MIN_HAPPENING_WORDS or not (
        planned or any(_past_action(verb) or _undertaking(verb) for verb in acts)
    ):
        return False
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ == "PRON":
        return False
    ruled = root.lemma_.lower() in _RULINGS  # "The Council decided that ...": a decision
    if (
        any(c.dep_ == "ccomp" and not _infinitive(c) for c in root.children) and not ruled
    ) or hedged(root):
        return False  # "Every missile that got through showed that ...": an argument
    # "Kim admired ... last year, and his wishlist could include ...": a modal of a later
    # clause does not make the main verb's happening a forecast.
    return planned or not any(
        (t.tag_ == "MD" or _future_word(t)) and t.head.i == root.i != t.i for t in unit
    )  # ("The blasts set fire to ...": the verb itself is no word of a plan; "due to
    # Russian attacks" is a cause)


_RULINGS = frozenset("decide rule order decree resolve".split())


def _infinitive(clause: Token) -> bool:
    """ "has allowed Ukraine to use the missiles": a deed allowed or ordered, not words."""
    return any(c.tag_ == "TO" for c in clause.children) and any(
        c.dep_ == "nsubj" and c.pos_ != "PRON" for c in clause.children
    )


# (the lemmatizer may leave a plural as it is)
_MEASURES = frozenset(
    """sanction sanctions measure measures listing listings restriction restrictions
    designations package""".split()
)
_LISTING_VERBS = frozenset("target concern cover include hit".split())


def _listing(root: Token) -> bool:
    """ "The sanctions also target three individuals", "Other listings concern ANO
    Dialog": who a decision's measures name, told in the present: that decision's news."""
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return (
        root.lemma_.lower() in _LISTING_VERBS
        and root.tag_ in {"VBP", "VBZ"}
        and subject is not None
        and subject.lemma_.lower() in _MEASURES
        and any(c.dep_ == "dobj" for c in root.children)
    )


_IMPERSONAL = frozenset("note report state say indicate emphasize add specify".split())


def _impersonal_content(root: Token) -> Token | None:
    """ "It is noted that Ukraine has developed a new vessel": the outlet's own report of
    what the clause tells (no one speaks); the clause's verb."""
    if root.lemma_.lower() not in _IMPERSONAL:
        return None
    if not any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in root.children):
        return None
    return next((c for c in root.children if c.dep_ == "ccomp"), None)


def headline_happening(unit: Sentence) -> bool:
    """A headline's happening, told in the present ("Russian attack on Kharkiv kills 7",
    "Norway announces new package"): a verb in the third person (or a plural noun the
    tagger took it for, that has a subject: "kills"), not negated nor under a modal, with
    a subject that is no pronoun; a verb of saying counts with an act as its object
    ("confirms drone attack"), not with words."""
    root = unit.root
    children = list(root.children)
    subject = next((c for c in children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    # a headline drops its auxiliaries: "Ukraine building a wall at the border", "Bodies
    # found in liberated villages", "Germany to send 1 billion euros"
    bare = not any(c.dep_ in {"aux", "auxpass"} and c.tag_ != "TO" for c in children)
    elided = bare and (
        root.tag_ in {"VBG", "VBN"} or (root.tag_ == "VB" and any(c.tag_ == "TO" for c in children))
    )
    if subject is None or subject.pos_ == "PRON" or not (root.tag_ in {"VBZ", "NNS"} or elided):
        return False
    if any(c.dep_ == "neg" or c.tag_ == "MD" or c.dep_ == "ccomp" for c in children):
        return False
    said = (root.lemma_.lower() or root.lower_) in _NOT_HAPPENINGS
    acts = [c for c in children if c.dep_ == "dobj" and c.lemma_.lower() not in _SPEECH_NOUNS]
    return not said or (bool(acts) and root.lemma_.lower() not in {"say", "tell", "be", "have"})
