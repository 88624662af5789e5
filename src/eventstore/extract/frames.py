"""Attribution frames: in one sentence, the cue, its speaker, and what was said.

A frame is read off the dependency parse: a cue verb in any tense or position ("said",
"says", "told Reuters", "warned", "believes") with its subject as the speaker and its
clausal complement as the content; "according to X"; "X is sure that ...". A quotation
next to the frame is the content of a direct quote; a quoted fragment inside reported
content makes it a paraphrase. The content of "The talks, he said, were ..." is the
sentence around the parenthetical frame.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from eventstore.extract.cues import CUE_LEMMAS
from eventstore.extract.frame_parts import (
    SUBJECTS,
    WRITTEN_OUT,
    Frame,
    adjacent_quotes,
    agent_of,
    around,
    clause_of,
    document_says,
    frame_span_of,
    frame_words,
    inside,
    rest_after,
    speaker_span,
    subject_of,
    words_before,
)
from eventstore.extract.misplaced_speakers import (
    frame_start,
    fronted_name,
    headless,
    person_like,
    second_subject,
    speaker_as_object,
    titled_after_cue,
    trailing_frame,
    when_clause,
)
from eventstore.extract.names import is_outlet, looks_like_organization
from eventstore.extract.naming import name_of
from eventstore.extract.quotes import Quote

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Cues that also name ordinary actions: a frame only with a clause or a quote.
_WEAK_CUES = frozenset(
    "report confirm announce promise pledge vow expect consider ask post add agree inform"
    " indicate".split()
)
# Verbs of a stance taken towards something, whose object is the statement.
# Verbs whose object, not a clause, is what the subject holds: "accused Moscow of ...",
# "rejected that claim", "dismissed the reports as ...".
_ACCUSING = frozenset(
    """accuse reject dismiss refute praise hail condemn denounce criticize criticise laud
    commend slam blast liken question welcome decry deplore lambaste castigate reprimand
    rebuke chide""".split()
)
# Verbs of a stance that also tell of a blow ("slammed into", "blasted through")
_PHYSICAL = frozenset("slam blast".split())
_MOTION = frozenset("into through onto against".split())
# Reactions that are a position when they name what they condemn, news when they point back.
_REACTING = frozenset({"condemn", "denounce"})
# "Ukraine's top diplomat expressed his disappointment in ...": a stance, whoever takes it.
_STANCE_TAKING = frozenset("express voice reaffirm repeat".split())
# "Zelenskiy has proposed implementing a ceasefire": a person's proposal is a position (a
# body's "proposed a sanctions package" is news)
_PROPOSING = frozenset({"propose"})
OBJECT_CUES = _ACCUSING | _STANCE_TAKING | _PROPOSING | frozenset({"discuss"})
OPINION_NOUNS = frozenset("opinion view words assessment estimation estimate".split())
CERTAINTY_ADJECTIVES = frozenset("sure convinced confident certain adamant".split())


def find_frame(unit: Span, quotes: list[Quote]) -> Frame | None:
    """The attribution frame of ``unit`` (one or more sentences), if it has one."""
    frames = [f for token in unit if (f := _frame_at(token, unit, quotes)) is not None]
    if not frames:
        return None
    # A named person's frame wins ("This was reported by Budanov ..., reports UNN"); then
    # the frame closest to the root of the parse governs the others ("X said Y told him").
    # "The NIS believes ..., according to deputy Yoo Sang-bum": the deputy relays it.
    best = min(
        frames,
        key=lambda f: (
            # "China will emphasize A, according to the diplomat": a saying foretold is
            # the content of the one who foretells it
            _foretold(f.cue),
            f.rule == "paraphrase.according_to" and len(frames) > 1,
            # "the defense chief stressed that ..., TASS reported": the outlet relays it
            len(frames) > 1 and is_outlet(f.speaker.text),
            # "China believes that ..., he said.": the closing "he said" is whose it all is
            len(frames) > 1 and not _closing_pronoun(f, unit),
            # "The report highlights the fact that Putin is describing ...": a frame inside
            # what another frame says is part of what is said
            _told_within(f, frames),
            not _names_person(f.speaker),
            _depth(f.cue),
            f.cue.i,
        ),
    )
    best = _told_outlet(best, unit) or _fronted_citing(best, unit) or best
    # A unit may be part of a sentence ("X said A, while Y said B"): its content too;
    # an outlet's frame that relays it closes it ("..., TASS reported").
    start, end = unit.start_char, unit.end_char
    relays = [f.frame_range[0] for f in frames if f is not best and is_outlet(f.speaker.text)]
    end = min([end, *(r for r in relays if r > best.frame_range[1])])
    content = tuple((max(a, start), min(b, end)) for a, b in best.content if a < end and b > start)
    after = (best.cue.idx + len(best.cue.text), end)
    if best.content and not content and len(unit.doc.text[after[0] : after[1]].strip()) > 10:
        # "..., but later X said the man was dead": the parser gave the cue the clause of the
        # part before; in this part, what follows the cue is what was said
        return replace(best, content=(after,), rule="paraphrase.cue_before")
    return replace(best, content=content) if content != best.content else best


_CONCESSIVE = frozenset("while although though whereas".split())


def _closing_pronoun(frame: Frame, unit: Span) -> bool:
    """True for ", he said." (or "she added") closing the sentence, after all it says."""
    speaker, cue = frame.speaker, frame.cue
    after = unit.doc[cue.i + 1 : unit.end]
    return (
        frame.rule == "paraphrase.cue_after"
        and speaker.root.lower_ in {"he", "she"}
        and cue.lemma_.lower() in {"say", "add"}
        and speaker.start > unit.start
        and unit.doc[speaker.start - 1].text == ","
        and all(t.is_punct for t in after)
    )


def _told_within(frame: Frame, frames: list[Frame]) -> bool:
    """True when ``frame``, a cue with an object ("is describing the advance as ..."),
    lies in the content of another frame (not an outlet's relay, not one whose own cue
    lies in ``frame``'s content, not "While X said ..." that the parser let run over the
    main clause)."""
    idx = frame.cue.idx
    if frame.rule != "paraphrase.cue_object":
        return False  # "X notes that in January, Kuleba pointed out that ...": Kuleba's
    return any(
        other is not frame
        and not any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in other.cue.children)
        and other.rule != "paraphrase.according_to"
        and not is_outlet(other.speaker.text)
        and not _body_relays_person(other, frame)
        and any(a <= idx < b for a, b in other.content)
        and not any(a <= other.cue.idx < b for a, b in frame.content)
        and _subordinate(frame.cue, other.cue)
        for other in frames
    )


def _body_relays_person(outer: Frame, inner: Frame) -> bool:
    """ "the Kremlin said Mr Putin had told the chancellor ...": a body passing on what a
    person it names said; the words are the person's."""
    return (
        looks_like_organization(outer.speaker.text)
        and _names_person(inner.speaker)
        and inner.cue.lemma_.lower() in {"say", "tell"}
        and bool(inner.content)
    )


def _subordinate(inner: Token, outer: Token) -> bool:
    """True when ``outer`` comes first and governs ``inner`` through no coordination
    ("Kyiv said A, but Shoigu rejected that claim": Shoigu's is a frame of its own; "X
    noted that Y had backed her and had not expressed concerns" is X's: a coordination
    inside what is said, with no subject of its own, does not part them)."""
    token = inner
    for _ in range(30):
        if token.i == outer.i:
            return outer.i < inner.i
        if token.head.i == token.i:
            return False
        own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
        if token.dep_ in {"conj", "parataxis"} and (token.head.i == outer.i or own_subject):
            return False
        token = token.head
    return False


def _told_outlet(frame: Frame, unit: Span) -> Frame | None:
    """ "A ..., Foad Izadi, associate professor at ..., told Sputnik.": the parser made the
    outlet the speaker; the person named after the content's last comma spoke to it."""
    if frame.cue.lemma_.lower() != "tell" or not is_outlet(frame.speaker.text):
        return None
    if not is_outlet(frame.speaker.root.text) and any(
        t.ent_type_ == "PERSON" for t in frame.speaker
    ):
        return None  # "head of the Center for Radio Technologies, Beskrestnov, told": his
    doc = unit.doc
    people = [
        e
        for e in doc.ents
        if e.label_ == "PERSON"
        and unit.start < e.start
        and e.end <= frame.cue.i
        and doc[e.start - 1].text == ","
    ]
    if not people:
        return None
    person = people[-1]
    content = (unit.start_char, doc[person.start - 1].idx)
    frame_range = (person.start_char, frame.speaker.end_char)
    speaker = doc[person.start : frame.cue.i]
    while len(speaker) > len(person) and speaker[-1].is_punct:
        speaker = speaker[:-1]
    return replace(
        frame,
        speaker=speaker,
        content=(content,),
        rule="paraphrase.cue_after",
        frame_range=frame_range,
    )


def _fronted_citing(frame: Frame, unit: Span) -> Frame | None:
    """ "Citing Governor X, Suspilne reported that A": the parser took "X, Suspilne" for
    the cue's subject; X is cited, and the outlet after the comma reports X's words."""
    speaker, doc = frame.speaker, unit.doc
    comma = next((t for t in speaker if t.text == ","), None)
    if unit[0].lower_ != "citing" or comma is None:
        return None
    cited, outlet = doc[speaker.start : comma.i], doc[comma.i + 1 : speaker.end]
    if not is_outlet(outlet.text) or not any(t.ent_type_ == "PERSON" for t in cited):
        return None
    frame_range = (unit.start_char, frame.frame_range[1])
    return replace(
        frame, speaker=cited, rule="paraphrase.citing", confidence=0.75, frame_range=frame_range
    )


def _foretold(verb: Token) -> bool:
    """A verb under a modal, or joined to one that is ("will emphasize A and urge B")."""
    for _ in range(5):
        if any(c.tag_ == "MD" for c in verb.children):
            return True
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _names_person(speaker: Span) -> bool:
    """A person's name, tagged so or by its shape after a long title ("Deputy Head of
    the Presidential Office Ihor Zhovkva", which the recognizer tags an organization);
    not an outlet the recognizer tags a person ("..., Kyiv Newswire reports")."""
    if any(e.label_ == "PERSON" and not looks_like_organization(e.text) for e in speaker.ents):
        return True
    name = name_of(speaker)
    return name is not None and len(name.split()) > 1 and not looks_like_organization(name)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _frame_at(token: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    if inside(token, quotes):
        return None
    lower = token.lower_
    if lower == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        return _according(token, unit, quotes)
    if token.pos_ in {"ADJ", "VERB"} and lower in CERTAINTY_ADJECTIVES:
        return _certain(token, unit, quotes)
    if lower in OPINION_NOUNS and token.dep_ == "pobj" and token.head.lower_ == "in":
        return _opinion(token, unit)
    return _cue_frame(token, unit, quotes)


def _cue_frame(token: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    """A cue verb's frame: "X said", "said X", "X was quoted as saying", "This was
    stated by X"."""
    if (named := _cue_read_as_noun(token, unit)) is not None:
        return named
    # "a claim Ukraine denies": a relative clause attributes nothing new, unless it is a
    # frame the parser hung on the content ("..., a top US official said").
    if (token.pos_ not in {"VERB", "AUX"} and not _cue_tagged_noun(token)) or (
        token.dep_ == "relcl"
        and not trailing_frame(token, unit)
        and not when_clause(token)
        and not document_says(token)
    ):
        return None
    if _appeal(token) or _named_thing(token):
        return _from_verb(token, unit, quotes)
    lemma = _cue_lemma(token)
    if lemma == "cite":  # "Reuters cited traders as saying": no cue otherwise ("citing data")
        return _quoted_as_saying(token, unit, quotes) or _cited_by_outlet(token, unit, quotes)
    if lemma == "deny" and any(
        c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i > token.i for c in token.children
    ):
        lemma = "reject"  # "North Korea denied the accusations": a stance on what it names
    if lemma in OBJECT_CUES:
        return _object_frame(token, lemma, unit, quotes)
    return _subject_frame(token, lemma, unit, quotes) if lemma in CUE_LEMMAS else None


_ENVOYS = frozenset("ambassador envoy diplomat consul delegation representative troops".split())


def recalled_envoy(verb: Token) -> bool:
    """ "Germany has recalled its ambassador": sent for, not remembered ("Selezen recalls
    the moment Russia struck" is her memory)."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _ENVOYS for c in verb.children)


# "..., The International Working Group on Russian Sanctions reports.": the tagger may
# read a cue in the third person as a plural noun; with a subject of its own it is a verb
_CUE_FORMS = frozenset(
    "reports says claims warns notes writes states informs adds explains stresses emphasizes"
    " believes announces insists argues concludes confirms".split()
)


def _cue_read_as_noun(token: Token, unit: Span) -> Frame | None:
    """ "A, Czech President Petr Pavel states in an interview ...": the tagger read the
    cue as a plural noun heading the sentence, and the speaker's name as its compounds;
    the content is all before the comma."""
    if token.pos_ != "NOUN" or token.lower_ not in _CUE_FORMS or token.dep_ != "ROOT":
        return None
    names = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
    doc = unit.doc
    start = min((t.i for c in names for t in c.subtree), default=token.i)
    speaker = doc[start : token.i]
    named = any(t.ent_type_ == "PERSON" for t in speaker)
    if not named or start <= unit.start or doc[start - 1].text != ",":
        return None
    content = (unit.start_char, doc[start - 1].idx)
    frame = (speaker.start_char, unit.end_char)
    return Frame(speaker, token, (content,), "paraphrase", "paraphrase.cue_after", 0.75, frame)


def _trailing_after_clause(token: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    """ "A fire broke out after a drone attack, the governor, X, said": the parser made the
    cue a clause of the content's verb, with the content's noun ("attack") its subject."""
    subject = subject_of(token)
    if token.dep_ != "advcl" or subject is None or subject.pos_ != "NOUN" or subject.ent_type_:
        return None
    if any(c.dep_ == "dobj" for c in token.children):
        return None  # "..., while the president, X, described it as ...": X's own clause
    return headless(token, unit, quotes)


def _cue_tagged_noun(token: Token) -> bool:
    return (
        token.pos_ == "NOUN"
        and token.lower_ in _CUE_FORMS
        and any(c.dep_ in SUBJECTS for c in token.children)
    )


def _subject_frame(token: Token, lemma: str, unit: Span, quotes: list[Quote]) -> Frame | None:
    """The frame of a cue verb by the shape of its subject: none ("as stated by X"),
    passive ("This was stated by X"), or the speaker ("X said")."""
    if not any(c.dep_ in SUBJECTS for c in token.children):
        # "A is explained by B, believes X": a conjunct's borrowed subject is not X; nor
        # is it in "..., the Institute for the Study of War wrote" read as a conjunct
        inverted = (
            speaker_as_object(token, unit, quotes)
            or headless(token, unit, quotes)
            or titled_after_cue(token, unit, quotes)
        )
        if inverted is not None:
            return inverted
    inverted = second_subject(token, unit, quotes)
    if inverted is None and lemma == "quote":
        inverted = _quoted_as_saying(token, unit, quotes)
    inverted = inverted or _trailing_after_clause(token, unit, quotes)
    if inverted is not None:
        return inverted
    # ("a ministry statement that said ...": the statement says)
    subject = (token.head if document_says(token) else subject_of(token)) or fronted_name(
        token, unit
    )
    if subject is None:
        return _as_stated(token, unit, quotes) or headless(token, unit, quotes)
    subject = _document_author(subject) or subject  # "a report by X says": X says
    if inside(subject, quotes):
        # '"..., so many that we ...," X, the head of recruitment, said': the parser gave
        # the cue a subject inside the quotation too; the one outside it speaks
        outside = [c for c in token.children if c.dep_ in SUBJECTS and not inside(c, quotes)]
        if not outside:
            return None
        subject = outside[-1]
    if subject.dep_ == "nsubjpass":
        return _passive(token, subject, unit, quotes)
    return (
        _told_this(token, subject)
        or _as_noted(token, subject, unit)
        or _verb_frame(token, subject, unit, quotes, weak=lemma in _WEAK_CUES)
    )


def _as_noted(verb: Token, subject: Token, unit: Span) -> Frame | None:
    """ "As the minister noted, A", "A, as Kuleba said": what the sentence says around
    the frame is the speaker's (an "as" with a clause of its own is a time: "as X said
    that ...")."""
    marker = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    if marker is None or verb.dep_ != "advcl" or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    speaker = speaker_span(subject)
    frame = (marker.idx, frame_span_of(verb, speaker)[1])
    text = unit.doc.text
    parts = [(unit.start_char, frame[0]), (frame[1], unit.end_char)]
    content = tuple(p for p in parts if len(text[p[0] : p[1]].strip(" ,.")) >= 10)
    if not content:
        return None
    return Frame(speaker, verb, content, "paraphrase", "paraphrase.parenthetical", 0.8, frame)


_SAYING = frozenset("say tell write state add".split())


def _quoted_as_saying(verb: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    """ "TASS quoted Belousov as saying ...": the object said it."""
    saying = any(  # ("as telling the court", "as writing")
        c.dep_ == "prep" and c.lower_ == "as" and any(g.lemma_ in _SAYING for g in c.children)
        for c in verb.children
    )
    target = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    named = target is not None and any(t.pos_ == "PROPN" and person_like(t) for t in target.subtree)
    if (
        not saying
        or target is None
        or not (target.pos_ == "PROPN" or target.tag_ == "NNS" or named)
    ):
        return None  # "quoted Belousov", "cited traders", "quoted the head of ... X" as saying
    speaker = speaker_span(target)
    # '"...," TASS quoted X as saying in a meeting with ...': all after the quote frames it
    frame = (frame_span_of(verb, speaker)[0], unit.end_char)
    direct = [q for q in adjacent_quotes(unit, quotes, frame) if q[1] <= frame[0]]
    if direct:
        return _quoted(verb, speaker, unit, direct, frame)
    comma = next((t for t in reversed(unit.doc[unit.start : verb.i]) if t.text == ","), None)
    before = words_before(unit, comma.idx) if comma is not None else None
    if comma is not None and before is not None:
        # "Western countries will run risks ..., TASS news agency quoted X as saying": the
        # words before the comma
        framed = (comma.idx + 1, unit.end_char)
        return Frame(speaker, verb, (before,), "paraphrase", "paraphrase.cue_after", 0.8, framed)
    return _verb_frame(verb, target, unit, quotes, weak=False)


def _cited_by_outlet(citing: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    """ "A, Interfax reported, citing Deputy Foreign Minister X", "TASS reported, citing
    Kremlin spokesman X, that A": the words are those of the person the outlet cites (the
    outlet, outside the content, is read as their source); "citing sources" or "citing
    intercepted communications" name no one, and the outlet's frame stands."""
    cited = next((c for c in citing.children if c.dep_ == "dobj"), None)
    if citing.lower_ != "citing" or cited is None:
        return None
    if not any(t.ent_type_ == "PERSON" and person_like(t) for t in cited.subtree):
        return None
    relay = _relay_of(citing, unit, quotes)
    if relay is None:
        return None
    speaker = speaker_span(cited)
    start, end = relay.frame_range
    frame = (min(start, speaker.start_char), max(end, speaker.end_char))
    return replace(
        relay, speaker=speaker, rule="paraphrase.citing", confidence=0.75, frame_range=frame
    )


def _relay_of(citing: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    """The outlet's frame that "citing" belongs to, with the words it relays: the cue's or
    the participle's clause, else what the cue frames, else (the parser hung "citing" on
    the sentence's verb) the words before ", OUTLET reported"."""
    report = citing.head
    outlet = subject_of(report) if citing.dep_ == "advcl" else None
    if outlet is not None and is_outlet(speaker_span(outlet).text):
        speaker = speaker_span(outlet)
        frame = frame_span_of(report, speaker)
        clause = clause_of(citing)
        if clause is not None:
            return Frame(speaker, report, (clause,), "paraphrase", "", 0.0, frame)
        framed = _cue_frame(report, unit, quotes) if report.lemma_ in CUE_LEMMAS else None
        return framed if framed is not None and framed.content else None
    doc = unit.doc
    commas = [t for t in doc[unit.start : citing.i] if t.text == ","]
    if len(commas) < 2 or commas[-1].i != citing.i - 1:
        return None
    piece = doc[commas[-2].i + 1 : commas[-1].i]
    cue = next((t for t in piece if t.lemma_ in _RELAY_CUES and t.pos_ == "VERB"), None)
    if cue is None or not is_outlet(doc[piece.start : cue.i].text):
        return None
    content = (unit.start_char, commas[-2].idx)
    frame = (piece.start_char, piece.end_char)
    return Frame(doc[piece.start : cue.i], cue, (content,), "paraphrase", "", 0.0, frame)


_RELAY_CUES = frozenset({"report", "say"})


def _quoted(
    verb: Token, speaker: Span, unit: Span, direct: list[tuple[int, int]], frame: tuple[int, int]
) -> Frame:
    """A frame whose content is its quotes; but 'called the move "historic"' is the
    naming, not its one quoted word."""
    if _naming(verb) and all(start > verb.idx for start, _ in direct):
        content = (verb.idx, unit.end_char)  # 'called the development "a new victory"'
        return Frame(speaker, verb, (content,), "paraphrase", "paraphrase.cue_object", 0.7, frame)
    rule = "quote.cue_after" if direct[0][0] < frame[0] else "quote.cue_before"
    return Frame(speaker, verb, tuple(direct), "quote", rule, 0.9, frame)


def _whole_quote(
    speaker: Span, verb: Token, whole: tuple[int, int], frame: tuple[int, int]
) -> Frame:
    """'"A. B. C," Dykyi explained, suggesting ...': the parser took the quotation's last
    sentence for the clause; the quotation is what was said."""
    rule = "quote.cue_after" if whole[0] < frame[0] else "quote.cue_before"
    return Frame(speaker, verb, (whole,), "quote", rule, 0.85, frame)


def _quote_holding(clause: tuple[int, int], quotes: list[Quote]) -> tuple[int, int] | None:
    """The quotation that holds ``clause`` and more before it, if any."""
    for quote in quotes:
        if quote.start < clause[0] and clause[1] <= quote.end + 1:
            return quote.start, quote.end
    return None


def _naming(verb: Token) -> bool:
    return (verb.lemma_.lower() or verb.lower_) in {"call", "describe", "term", "dub", "label"}


# Verbs that are cues with one of their children: (lemmas, the child, the cue they make).
_PHRASAL_CUES: tuple[tuple[frozenset[str], Callable[[Token], bool], str], ...] = (
    # "Tkachenko put it bluntly: ..."
    (frozenset({"put"}), lambda c: c.dep_ == "dobj" and c.lower_ == "it", "say"),
    # "He called for a clear and decisive response"
    (frozenset({"call"}), lambda c: c.dep_ == "prep" and c.lower_ == "for", "urge"),
    # "Shmyhal draws attention to the fact that ...": a point made
    (frozenset({"draw", "pay"}), lambda c: c.lower_ == "attention", "stress"),
    # "does not rule out provocations", "ruled out talks": a stance
    (frozenset({"rule"}), lambda c: c.dep_ == "prt" and c.lower_ == "out", "dismiss"),
    # "asked Japan to provide an air defence system": an appeal
    (
        frozenset({"ask", "request"}),
        lambda c: c.dep_ in {"xcomp", "ccomp"} and any(g.tag_ == "TO" for g in c.children),
        "urge",
    ),
)


# "described Oreshnik as a variant of ...", "derided the sanctions as an unfriendly act",
# "justified the strike as retaliation": what a thing is called is a statement
_NAMING_AS = frozenset(
    """call describe term dub label brand deride justify characterize characterise portray
    hail""".split()
)


def _cue_lemma(token: Token) -> str:
    lemma = token.lemma_.lower() or token.lower_
    if lemma == "recall" and recalled_envoy(token):
        return "recall an envoy"  # "Germany has recalled its ambassador": an act, no cue
    if lemma in {"find", "show"} and _document_author(subject_of(token)) is not None:
        return "conclude"  # "An analysis by the ISW finds that ...": its author's finding
    if (documented := _decided_or_read(token, lemma)) is not None:
        return documented
    for lemmas, child, cue in _PHRASAL_CUES:
        if lemma in lemmas and any(child(c) for c in token.children):
            return cue
    what = any(c.tag_ in {"WP", "WDT"} for c in token.children)  # "what it called a ..."
    if (
        lemma in _NAMING_AS
        and not what
        and (
            any(c.dep_ in {"oprd", "xcomp", "ccomp"} or c.lower_ == "as" for c in token.children)
            or (lemma == "describe" and any(t.lower_ == "as" for t in token.subtree))
        )
    ):
        return "say"  # "Peskov called the new list absurd", "described it as wicked"
    return lemma


def _decided_or_read(token: Token, lemma: str) -> str | None:
    """ "EU leaders agreed to provide a loan": a decision, not words; '"...," the document
    reads.': the words are its issuer's, as said."""
    if lemma == "agree" and any(c.dep_ == "xcomp" for c in token.children):
        return "agree to"
    subject = subject_of(token) if lemma == "read" else None
    return "say" if subject is not None and subject.lemma_.lower() in WRITTEN_OUT else None


# "called on states to ...", "pushed for more sanctions": an appeal, whatever the verb
# means alone; the words from the verb on are the claim.
_APPEALS = {"call": {"for", "on"}, "push": {"for"}, "press": {"for"}, "appeal": {"for", "to"}}
_NAMING = frozenset("call term dub label brand".split())  # "describe" takes "as"


def _appeal(verb: Token) -> bool:
    if verb.lemma_.lower() == "urge":  # "urged partners to ...", "urged continued pressure"
        return any(c.dep_ in {"dobj", "xcomp", "ccomp"} and c.i > verb.i for c in verb.children)
    particles = _APPEALS.get(verb.lemma_.lower(), set())
    return any(
        c.dep_ in {"prep", "prt"} and c.lower_ in particles and c.i == verb.i + 1
        for c in verb.children
    )


def _asked_of(verb: Token) -> bool:
    """ "expects EU member states to agree", "told reporters to wait": what is reported is
    an infinitive with its own doer, which reads as a claim only with the verb."""
    for clause in verb.children:
        if clause.dep_ not in {"ccomp", "xcomp"} or clause.i < verb.i:
            continue
        infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)
        doer = any(c.dep_ in SUBJECTS and c.i < clause.i for c in clause.children) or any(
            c.dep_ == "dobj" and verb.i < c.i < clause.i for c in verb.children
        )
        if infinitive and doer:
            return True
    return False


def _named_thing(verb: Token) -> bool:
    """'called the latest sanctions "thoughtless"': the parser hangs what the thing is
    called on the thing, after it."""
    if verb.lemma_.lower() not in _NAMING:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ != "PRON"]
    # "called the visit a sign of solidarity": or on the verb, as its object predicate
    named = [c for c in verb.children if c.dep_ == "oprd" and c.pos_ in {"ADJ", "NOUN"}]
    return any(
        c.i > o.i
        and c.dep_ in {"amod", "appos", "acomp", "attr", "oprd"}
        and c.pos_ in {"ADJ", "NOUN"}
        for o in objects
        for c in [*o.children, *named]
    )


def _from_verb(verb: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    """A frame whose content is the words from its verb on ("Kuleba called on states to
    respond ...", "Antonov called the sanctions 'thoughtless'")."""
    subject = subject_of(verb)
    if subject is None or inside(subject, quotes) or subject.dep_ == "nsubjpass":
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    speaker = speaker_span(subject)
    frame = frame_span_of(verb, speaker)
    content = (verb.idx, unit.end_char)
    return Frame(speaker, verb, (content,), "paraphrase", "paraphrase.cue_object", 0.7, frame)


def _object_frame(verb: Token, lemma: str, unit: Span, quotes: list[Quote]) -> Frame | None:
    """ "The White House accused North Korea of ...", "He also expressed gratitude for
    ...", "He also discussed efforts to ...": the words from the verb on are the claim.
    Verbs that also tell of doing count only with a pronoun that points at a speaker."""
    subject = subject_of(verb)
    # '"...," the ministry said as Lukashenko welcomed them': the quotation is the said's
    within_cue = (
        verb.dep_ == "advcl"
        and verb.head.lemma_.lower() in CUE_LEMMAS
        and any(c.dep_ == "nsubj" for c in verb.children)  # not "..., accusing it of"
    )
    if subject is None or inside(subject, quotes) or subject.dep_ == "nsubjpass" or within_cue:
        return None
    personal = subject.lower_ in {"he", "she"} or (
        lemma in _PROPOSING and subject.ent_type_ == "PERSON"
    )
    if lemma not in _ACCUSING | _STANCE_TAKING and not personal:
        return None
    if any(t.dep_ in {"cc", "conj"} for t in subject.subtree):
        return None  # "The US, Ukraine and six allies accused ...": no one speaker
    objects = any(c.dep_ in {"dobj", "prep", "xcomp"} and c.i > verb.i for c in verb.children)
    # "One of the drones slammed into a building": a blow, not a stance
    blow = lemma in _PHYSICAL and any(
        c.dep_ == "prep" and c.lower_ in _MOTION for c in verb.children
    )
    if not objects or blow:
        return None
    if lemma in _REACTING and _points_back(verb):
        return None  # "Ukraine condemned this decision and announced ...": news of a reaction
    speaker = speaker_span(subject)
    frame = (speaker.start_char, speaker.end_char)
    # "does not rule out ...": a denial keeps its "not"
    denied = [c for c in verb.children if c.dep_ in {"aux", "neg"} and c.i < verb.i]
    start = denied[0].idx if any(c.dep_ == "neg" for c in denied) else verb.idx
    content = (start, unit.end_char)
    return Frame(speaker, verb, (content,), "paraphrase", "paraphrase.cue_object", 0.6, frame)


def _points_back(verb: Token) -> bool:
    """The verb's object points back at what was told before ("this decision", "it")."""
    target = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if target is None:
        return False
    if target.pos_ == "PRON":
        return True
    return any(
        c.dep_ == "det" and c.lower_ in {"this", "that", "these", "those"} for c in target.children
    )


def _as_stated(verb: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    """ "..., as stated by spokesperson John Kirby during a briefing": the words before."""
    agent = agent_of(verb)
    marker = next((c for c in verb.children if c.lower_ == "as"), None)
    if agent is None or marker is None or verb.i < marker.i:
        return None
    speaker = speaker_span(agent)
    start, end = frame_span_of(verb, speaker)
    frame = (min(start, marker.idx), end)
    direct = adjacent_quotes(unit, quotes, frame)
    if direct:
        return Frame(speaker, verb, tuple(direct), "quote", "quote.cue_after", 0.85, frame)
    before = (unit.start_char, frame[0])
    if len(unit.doc.text[before[0] : before[1]].strip(" ,")) < 10:
        return _as_stated_first(verb, agent, unit)
    return Frame(speaker, verb, (before,), "paraphrase", "paraphrase.cue_after", 0.8, frame)


def _as_stated_first(verb: Token, agent: Token, unit: Span) -> Frame | None:
    """ "As stated by Prime Minister Denys Shmyhal, Ukraine will block ...": the words
    after the frame's comma (the parser may hang the sentence's subject on the name)."""
    comma = next((t for t in unit.doc[agent.i : unit.end] if t.text == ","), None)
    if comma is None or len(unit.doc.text[comma.idx + 1 : unit.end_char].strip()) < 10:
        return None
    speaker = unit.doc[agent.left_edge.i : comma.i]
    frame = (unit.start_char, comma.idx)
    content = (comma.idx + 1, unit.end_char)
    return Frame(speaker, verb, (content,), "paraphrase", "paraphrase.cue_before", 0.8, frame)


def _passive(verb: Token, subject: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    """ "This was reported by X" (the content is what came before) and "X was quoted as
    saying ..." (the subject is the speaker)."""
    agent = agent_of(verb) or _author_of_document(verb)
    # "This was also denied by the ministry": the words before are whom it denies
    denied = verb.lemma_.lower() in {"deny", "refute", "reject", "dispute"}
    if agent is not None and subject.lower_ in {"this", "that", "it"} and not denied:
        speaker = _with_name_after(speaker_span(agent))
        frame = (unit.start_char, unit.end_char)
        return Frame(speaker, verb, (), "paraphrase", "paraphrase.stated_by", 0.75, frame)
    if verb.lemma_.lower() == "quote":
        return _verb_frame(verb, subject, unit, quotes, weak=False)
    return None


_BARE_CUES = frozenset("say tell state report".split())
_TELLING_THIS = _BARE_CUES | {"write", "post", "announce"}
_DOCUMENTS = frozenset("report statement study assessment analysis post interview".split())


def _document_author(subject: Token | None) -> Token | None:
    """ "An analysis by the Institute for the Study of War finds ...": the author."""
    if subject is None or subject.lemma_.lower() not in _DOCUMENTS:
        return None
    by = next((c for c in subject.children if c.lower_ == "by"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by else None


def _author_of_document(verb: Token) -> Token | None:
    """ "This is stated in a report by the Institute for the Study of War": the author."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        for document in prep.children:
            if (author := _document_author(document)) is not None:
                return author
    return None


def _told_this(verb: Token, subject: Token) -> Frame | None:
    """ "Minister X posted this on Facebook, according to Ukrinform", "X wrote it on
    Telegram": whose the words before are, and nothing more (the object points back)."""
    if verb.lemma_.lower() not in _TELLING_THIS or verb.tag_ not in {"VBD", "VBZ"}:
        return None
    target = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if target is None or target.lower_ not in {"this", "it"}:
        return None
    speaker = speaker_span(subject)
    frame = frame_span_of(verb, speaker)
    return Frame(speaker, verb, (), "paraphrase", "paraphrase.stated_by", 0.7, frame)


def _naming_frame(verb: Token, speaker: Span, unit: Span, frame: tuple[int, int]) -> Frame | None:
    """ "X described Oreshnik as a variant of ...", "X alluded to Russian involvement": the
    naming or the hint, from its verb on."""
    hint = verb.lemma_.lower() in {"allude", "hint"} and any(
        c.dep_ == "prep" and c.lower_ in {"to", "at"} for c in verb.children
    )
    if not hint and (_cue_lemma(verb) != "say" or verb.lemma_.lower() not in _NAMING_AS):
        return None
    named = (verb.idx, unit.end_char)
    return Frame(speaker, verb, (named,), "paraphrase", "paraphrase.cue_object", 0.7, frame)


def _bare(verb: Token, speaker: Span, unit: Span, frame: tuple[int, int]) -> Frame | None:
    """ "A representative of ..., Petro Yatsenko, told reporters.": a frame that says who
    spoke and nothing more (the words are before it); its content is for the reader."""
    lemma = verb.lemma_.lower()
    if lemma not in _BARE_CUES or verb.tag_ not in {"VBD", "VBZ"}:
        return None
    if re.search(r"\bthat\s", unit.doc.text[verb.idx : unit.end_char]):
        return None  # "X said in a study that ...": words follow, whatever the parse
    after = unit.doc.text[frame[1] : unit.end_char]
    if after.strip(" .,;:\"”’'") and not _WHERE_SAID.match(after):
        return None
    first = min(speaker.start, verb.i)  # "..., stated the commander X": before the cue
    comma = unit.doc[first - 1] if first > unit.start else None
    before = words_before(unit, comma.idx) if comma is not None and comma.text == "," else None
    if before is not None:
        # "Ukraine's forces fired 39 shells ..., a local official told reporters.": the
        # words before the comma, in the same sentence
        return Frame(speaker, verb, (before,), "paraphrase", "paraphrase.cue_after", 0.75, frame)
    return Frame(speaker, verb, (), "paraphrase", "paraphrase.stated_by", 0.7, frame)


# "..., stated X during the Meeting of the Staff.": where it was said, closing the sentence
_WHERE_SAID = re.compile(r"\s*(?:during|at|in|on|after)\s[^,;\"“”]*$")


def _with_name_after(speaker: Span) -> Span:
    """ "the mayor of Dnipro, Borys Filatov,": a title whose name the parser left outside
    the phrase, after its comma."""
    doc = speaker.doc
    for comma in range(speaker.start + 1, min(speaker.end + 1, len(doc) - 1)):
        if doc[comma].text != ",":
            continue
        end = comma + 1
        while end < len(doc) and end - comma <= 4 and doc[end].pos_ == "PROPN":
            end += 1
        name = doc[comma + 1 : end]
        if len(name) < 2 or end >= len(doc) or not doc[end].is_punct:
            continue
        if all(t.text[:1].isupper() for t in name) and not looks_like_organization(name.text):
            return doc[speaker.start : end]  # "..., Ihor Terekhov, on Telegram": not the venue
    return speaker


def _verb_frame(
    verb: Token, subject: Token, unit: Span, quotes: list[Quote], *, weak: bool
) -> Frame | None:
    speaker = speaker_span(subject)
    frame = frame_span_of(verb, speaker)
    clause = clause_of(verb)
    # "confirmed Kim's visit": an action with an object, not speech; "NATO cannot confirm
    # that ...": what cannot be said is no attribution.
    negated = any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.children)
    direct = adjacent_quotes(unit, quotes, frame_words(verb, frame, unit, quotes))
    # '"...," Grossi added': a weak cue beside a quote attributes it; but "confirmed Kim's
    # visit "in the coming days"" is an action with its object
    objects = weak and any(c.dep_ == "dobj" for c in verb.children)
    # "told Russian media the talks were "highly productive"": the clause after the cue
    # opens before its quote, so the clause is the content
    opened = clause is not None and verb.idx < clause[0] < min((q[0] for q in direct), default=0)
    if direct and not negated and not objects and not opened:
        return _quoted(verb, speaker, unit, direct, frame)
    whole = _quote_holding(clause, quotes) if clause is not None and not negated else None
    # "..., the oblast governor reported on Dec. 11.": a weak cue that closes its content
    trailing = verb.dep_ == "relcl" and not when_clause(verb) and not document_says(verb)
    # "A, the agency added, citing B": a weak cue set off after what it frames frames it
    aside = verb.dep_ == "parataxis" and verb.head.i < verb.i
    if whole is not None or (weak and (negated or (clause is None and not trailing and not aside))):
        return _whole_quote(speaker, verb, whole, frame) if whole is not None else None
    if trailing:
        # a trailing frame: the content is all before its comma
        before = (unit.start_char, unit.doc[frame_start(verb, subject)].idx - 1)
        return Frame(speaker, verb, (before,), "paraphrase", "paraphrase.cue_after", 0.8, frame)
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:
        content = around(verb.head, verb, unit)
        if content:
            return Frame(
                speaker, verb, content, "paraphrase", "paraphrase.parenthetical", 0.8, frame
            )
    if clause is None:
        clause = rest_after(verb, frame, unit)
        if clause is None:
            return _naming_frame(verb, speaker, unit, frame) or _bare(verb, speaker, unit, frame)
        rule, confidence = "paraphrase.cue_object", 0.6
    elif clause[0] >= verb.idx:
        # "Koval added that A, so B": what is reported runs to the end of the sentence,
        # whatever the parser hung the last clause on.
        start = clause[0]
        if unit.doc.text[start : start + 5].lower() == "that ":
            start += 5  # "said that A, so B": the parser may hang "that" below the top
        if _asked_of(verb):
            start = verb.idx  # "expects EU states to agree ...": no claim without the verb
        clause = (start, max(clause[1], unit.end_char))
        frame = (frame[0], min(frame[1], clause[0]))
        rule, confidence = "paraphrase.cue_before", 0.85
    else:
        rule, confidence = "paraphrase.cue_after", 0.85
    return Frame(speaker, verb, (clause,), "paraphrase", rule, confidence, frame)


def _according(token: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    to = token.nbor()
    objects = [c for c in to.children if c.dep_ == "pobj"] or [
        c for c in token.children if c.dep_ == "pobj"
    ]
    if not objects or objects[0].lemma_.lower() in _LAWS:
        return None  # "According to the Geneva Convention, ...": a text of law, no speaker
    owner = next((c for c in objects[0].children if c.dep_ == "poss"), None)
    if objects[0].lower_ in OPINION_NOUNS and owner is not None:
        speaker = owner.doc[owner.i : owner.i + 1]  # "According to his words, ...": him
        prep = [token, to, *objects[0].subtree]
    else:
        speaker = _titles_then_name(objects[0]) or speaker_span(objects[0])
        speaker = _name_after_title(speaker, unit)
        prep = [token, to, *speaker]
    frame = (min(t.idx for t in prep), max(t.idx + len(t.text) for t in prep))
    doc = unit.doc
    # "according to the UN refugee agency (UNHCR) estimates, ...": the words the
    # parser left after the body are the frame's too
    rest = _ACCORDING_TAIL.match(doc.text, frame[1], unit.end_char)
    frame = (frame[0], rest.end()) if rest is not None else frame
    before = (unit.start_char, frame[0])
    after = (frame[1], unit.end_char)
    parts = [p for p in (before, after) if len(doc.text[p[0] : p[1]].strip(" ,.;:")) > 10]
    if not parts:
        return None
    return Frame(speaker, token, tuple(parts), "paraphrase", "paraphrase.according_to", 0.85, frame)


_LAWS = frozenset("convention treaty law constitution charter code statute".split())
_ACCORDING_TAIL = re.compile(
    r"\s*\)\s*(?:(?:estimates?|data|figures|calculations|report)\b)?(?=\s*[,.])"
    # "according to X, in an interview with Suspilne.": where X said it
    r"|,?\s+in\s+an\s+interview\s+(?:with|to)\s+[^,;:]+?(?=\s*(?:[,;:]|\.(?!\w)|$))"
)


def _name_after_title(speaker: Span, unit: Span) -> Span:
    """ "according to the deputy head of the president's office, Kyrylo Tymoshenko.": the
    name after the title's comma that closes the sentence is the speaker's."""
    doc = speaker.doc
    end = speaker.end
    if end < unit.end and doc[end].text == "(":  # "... of War (KSHPPV), Petro Yatsenko"
        end = next((t.i + 1 for t in doc[end : unit.end] if t.text == ")"), unit.end)
    elif end < unit.end and doc[end].text == ")":  # the span ended inside the brackets
        end += 1
    if end >= unit.end or doc[end].text != ",":
        return speaker
    # the name runs to the sentence's end or to a comma ("..., Petro Yatsenko, in an
    # interview with Suspilne.")
    closing = next((t.i for t in doc[end + 1 : unit.end] if t.text == ","), unit.end)
    rest = [t for t in doc[end + 1 : closing] if not t.is_punct]
    named = 2 <= len(rest) <= 4 and all(t.is_title for t in rest)
    if named and any(t.ent_type_ == "PERSON" for t in rest) and rest[-1].i + 1 >= closing - 1:
        return doc[speaker.start : rest[-1].i + 1]
    return speaker


def _titles_then_name(title: Token) -> Span | None:
    """ "according to Harvard professor and former IMF chief economist Kenneth Rogoff": two
    titles joined, then the name of the one person who holds both."""
    if title.pos_ != "NOUN":
        return None
    for joined in (c for c in title.children if c.dep_ == "conj"):
        people = [t for t in joined.subtree if t.ent_type_ == "PERSON"]
        if people:
            return title.doc[title.left_edge.i : people[-1].i + 1]
    return None


def _certain(adjective: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    """ "X is sure that ...", "X is convinced that ..." (the parser reads either an
    adjective after "is" or a passive participle)."""
    verb = adjective.head
    near = [*adjective.children]
    near += [g for c in adjective.children if c.dep_ in {"aux", "auxpass"} for g in c.children]
    subject = next((c for c in near if c.dep_ in SUBJECTS), None)
    if subject is None and adjective.dep_ == "acomp":
        subject = subject_of(verb)
    if subject is None:
        return None
    clause = clause_of(adjective)
    if clause is None:
        return None
    clause = (clause[0], max(clause[1], unit.end_char))  # to the end, as for a cue verb
    speaker = speaker_span(subject)
    tokens = [*speaker, verb, adjective]
    frame = (min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens))
    return Frame(speaker, adjective, (clause,), "paraphrase", "paraphrase.certainty", 0.8, frame)


def _opinion(noun: Token, unit: Span) -> Frame | None:
    """ "In her opinion, ...", "In the view of Oleh Zhdanov, ..."."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    if owner is None:
        return None
    phrase = list(noun.head.subtree)
    frame = (phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
    doc = unit.doc
    parts = [(unit.start_char, frame[0]), (frame[1], unit.end_char)]
    parts = [p for p in parts if len(doc.text[p[0] : p[1]].strip(" ,.;:")) > 10]
    if not parts:
        return None
    speaker = doc[owner.i : owner.i + 1] if owner.pos_ == "PRON" else speaker_span(owner)
    return Frame(speaker, noun, tuple(parts), "paraphrase", "paraphrase.opinion", 0.8, frame)
