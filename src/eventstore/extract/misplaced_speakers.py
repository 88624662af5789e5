"""Frames whose speaker the parser put in the wrong place: hung on an opening phrase
("Sheltering in ..., Kyiv, Marina X, an accountant, said"), taken for part of the content
("..., have reached Ukraine, Prime Minister X announced"), for the cue's object ("...,
believes former head of Naftogaz X") or a second subject ("..., said X, head of ..."), or
a trailing frame read as a relative clause ("..., a top US official said on Wednesday.").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventstore.extract.frame_parts import (
    SUBJECTS,
    Frame,
    adjacent_quotes,
    inside,
    name_after_comma,
    speaker_span,
    words_before,
)
from eventstore.extract.names import is_outlet, looks_like_organization
from eventstore.extract.naming import ROLE_NOUNS, ends_in_name

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from eventstore.extract.quotes import Quote


def fronted_name(verb: Token, unit: Span) -> Token | None:
    """ "Sheltering in a metro station in Kyiv, Marina Sergienko, an accountant, said ...":
    the parser hung the name on the opening phrase and left the cue with no subject; the
    name after the opening phrase's comma, with its appositive up to the cue, speaks."""
    doc = verb.doc
    if (modifier := _name_as_modifier(verb, unit) or _name_as_object(verb)) is not None:
        return modifier
    if verb.dep_ != "ROOT" or verb.tag_ not in {"VBD", "VBZ"} or verb.i <= unit.start + 3:
        return None
    name = next(
        (
            t
            for t in reversed(doc[unit.start : verb.i])
            if t.pos_ == "PROPN" and t.dep_ in {"conj", "appos"} and person_like(t)
        ),
        None,
    )
    if name is None or name.head.i >= name.i:
        return None
    start = min(t.i for t in name.subtree)
    between = doc[max(t.i for t in name.subtree) + 1 : verb.i]
    if start <= unit.start or doc[start - 1].text != "," or any(t.text != "," for t in between):
        return None
    if any(t.pos_ in {"VERB", "AUX"} and t.tag_ != "VBN" for t in doc[start : verb.i]):
        return None
    return name


def _name_as_modifier(verb: Token, unit: Span) -> Token | None:
    """ "Baerbock said last week that ...": a lone name opening the sentence that the
    parser hung on the cue as a modifier (tagging it a body), leaving it no subject."""
    first = unit.doc[unit.start]
    if verb.i != unit.start + 1 or first.head.i != verb.i:
        return None
    if first.pos_ != "PROPN" or first.dep_ not in {"advmod", "npadvmod", "nmod", "dep"}:
        return None
    return first if first.is_title and first.ent_type_ not in {"GPE", "NORP", "DATE"} else None


def _name_as_object(verb: Token) -> Token | None:
    """ "Speaking ahead of a summit in The Hague, Kosiniak-Kamysz said that ...": the parser
    made the opening phrase the cue's subject and the name, right before the cue, the
    object of its last preposition; the name after the comma (a person's or a body's, as
    the recognizer may tag a hyphened name) speaks."""
    before = verb.doc[verb.i - 1]
    if before.dep_ not in {"pobj", "appos"} or before.pos_ != "PROPN":
        return None
    if not any(c.dep_ == "csubj" for c in verb.children):
        return None
    name = name_after_comma(before)
    return before if name is not None and name.end == verb.i else None


def person_like(token: Token) -> bool:
    """A person by the recognizer, or a first name and a surname it left untagged."""
    if token.ent_type_:
        return token.ent_type_ == "PERSON"
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_title for c in token.children)


def headless(verb: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    """ "..., have reached Ukraine, Prime Minister Petr Novak announced on Tuesday.": a
    trailing frame whose speaker the parser took for part of the content (a conjunct of
    its last noun); the name runs from the comma to the cue, nothing but its own words
    follow the cue."""
    doc = verb.doc
    # ("..., the regional military administration reported.": the parser may also hang the
    # speaker on the content's last noun and keep the cue as the root)
    reported = verb.dep_ == "ROOT" and any(
        c.dep_ == "ccomp" and c.i < verb.i for c in verb.children
    )
    if verb.tag_ not in {"VBD", "VBZ"} or not (
        verb.dep_ in {"acl", "relcl", "conj", "advcl"} or reported
    ):
        return None
    end = verb.i - 1 if doc[verb.i - 1].text == "," else verb.i  # "..., X, claimed"
    start = _name_start(end, unit)
    if end < verb.i and start < end and doc[start - 1].text == ",":
        # "the Wagner founder, Yevgeny Prigozhin, claimed": a title, then the name
        titled = _name_start(start - 1, unit, nouns=True)
        start = titled if titled < start - 1 and doc[titled - 1].text == "," else start
    if start == end or start <= unit.start or doc[start - 1].text != ",":
        unnamed = _unnamed_start(verb, unit)
        if unnamed is None:
            return None
        start, end = unnamed, verb.i
    elif not any(t.ent_type_ in {"PERSON", "ORG"} for t in doc[start:end]):
        return None
    rest = doc[verb.i + 1 : unit.end]
    if any(t.pos_ in {"VERB", "AUX"} for t in rest):
        return None
    speaker = doc[start:end]
    frame = (doc[start - 1].idx, unit.end_char)
    direct = adjacent_quotes(unit, quotes, frame)
    if direct:
        return Frame(speaker, verb, tuple(direct), "quote", "quote.cue_after", 0.8, frame)
    before = (unit.start_char, doc[start - 1].idx)
    return Frame(speaker, verb, (before,), "paraphrase", "paraphrase.cue_after", 0.75, frame)


_UNNAMED_HEADS = frozenset(
    # ("..., the regional military administration reported": a body named by what it is)
    "source sources official officials administration ministry service office agency command"
    " police authorities".split()
)


def _unnamed_start(verb: Token, unit: Span) -> int | None:
    """ "..., a source with direct knowledge of the operation told Reuters": an unnamed
    speaker after the content's comma that the parser hung on the content's last noun;
    where its phrase starts, if it runs up to the cue."""
    doc = verb.doc
    for token in doc[unit.start : verb.i]:
        if token.lower_ not in _UNNAMED_HEADS or token.dep_ not in {"appos", "conj"}:
            continue
        start = token.left_edge.i
        if start > unit.start and doc[start - 1].text == "," and token.right_edge.i == verb.i - 1:
            return start
    return None


def titled_after_cue(verb: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    """'"...," said Under Secretary of Commerce for Industry and Security Alan Estevez.':
    a speaker after the cue whose long title the parser read as a phrase of places; the
    words after the cue are a title and a name, and nothing else."""
    doc = verb.doc
    # ('..." said X, in a statement.': the words after the name's comma are the cue's)
    stop = next((t.i for t in doc[verb.i + 2 : unit.end] if t.text == ","), unit.end)
    tail = [t for t in doc[verb.i + 1 : stop] if not t.is_punct]
    if len(tail) < 3 or not ends_in_name(tail) or doc[verb.i - 1].text not in {",", "”", '"'}:
        return None
    if not all(t.text[:1].isupper() or t.lower_ in _TITLE_JOINS for t in tail):
        return None
    speaker = doc[tail[0].i : tail[-1].i + 1]
    frame = (verb.idx, unit.end_char)
    direct = adjacent_quotes(unit, quotes, frame)
    if not direct:
        return None
    return Frame(speaker, verb, tuple(direct), "quote", "quote.cue_after", 0.8, frame)


_TITLE_JOINS = frozenset({"of", "for", "and", "the", "on"})


def _name_start(end: int, unit: Span, *, nouns: bool = False) -> int:
    """Where the name (or, with ``nouns``, the title) that ends at ``end`` starts:
    "Latvian Prime Minister Arvis Kalnins", "the Institute for ... (ISW)", "the Wagner
    founder"."""
    doc, start = unit.doc, end
    while start > unit.start and (
        _in_name(doc[start - 1]) or (nouns and _title_word(doc[start - 1]))
    ):
        start -= 1
    if start > unit.start + 1 and doc[start - 1].lower_ == "the":
        start -= 1
    return start


def _title_word(token: Token) -> bool:
    """A word of a title in lower case: "the regional governor"."""
    return token.pos_ == "NOUN" or (token.pos_ == "ADJ" and token.dep_ == "amod")


def _in_name(token: Token) -> bool:
    """A word of a speaker's name or title, or of an organization the recognizer found."""
    title = token.text[:1].isupper() and token.pos_ == "ADJ"
    # (a comma the recognizer put inside an organization still ends the name before it)
    organization = token.ent_type_ == "ORG" and token.text != ","
    return token.pos_ == "PROPN" or title or organization or token.text in "()"


def speaker_as_object(verb: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    """ "..., believes former head of Naftogaz Andriy Kobolev.": a trailing cue with no
    subject whose speaker the parser took for its object; the content is all before the
    comma."""
    speaker = _object_speaker(verb, unit, quotes)
    return _closing_frame(verb, speaker, unit, quotes) if speaker is not None else None


def second_subject(verb: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    """ "Fragments ... injured two people and damaged 10 buildings, said Serhiy Popko,
    head of ...": the parser gave the cue the content's subject too; the subject after
    the comma and the cue is the speaker."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    after = [c for c in subjects if c.i > verb.i]
    if len(subjects) >= 2 and not after:
        return _subject_after_comma(verb, subjects[-1], unit, quotes)
    if len(subjects) < 2 or not after or verb.i <= unit.start or inside(after[0], quotes):
        return None
    if verb.doc[verb.i - 1].text != ",":
        return None
    return _closing_frame(verb, speaker_span(after[0]), unit, quotes)


def _subject_after_comma(
    verb: Token, subject: Token, unit: Span, quotes: list[Quote]
) -> Frame | None:
    """ "Hackers aimed to damage substations, Ukraine's Computer Emergency Response Team
    said": the parser gave the cue the content's subject too; the subject after the
    comma, right before the cue, speaks, and the content is all before the comma."""
    doc = verb.doc
    speaker = doc[subject.left_edge.i : subject.i + 1]  # (no title split from a name here)
    if speaker.start <= unit.start + 1 or doc[speaker.start - 1].text != ",":
        return None
    if inside(subject, quotes) or not all(t.is_punct for t in doc[speaker.end : verb.i]):
        return None
    before = words_before(unit, doc[speaker.start - 1].idx)
    if before is None:
        return None
    frame = (doc[speaker.start - 1].idx, verb.idx + len(verb.text))
    return Frame(speaker, verb, (before,), "paraphrase", "paraphrase.cue_after", 0.8, frame)


def _closing_frame(verb: Token, speaker: Span, unit: Span, quotes: list[Quote]) -> Frame | None:
    """The frame of a cue that follows its content after a comma, with its speaker after
    it: the content is all before the comma."""
    doc = verb.doc
    comma = _comma_before(verb, unit)
    if comma is None:
        return None
    before = words_before(unit, doc[comma].idx)
    if before is None:
        return None
    prior = doc[verb.i - 1]  # the comma, or the closing mark after it ('...," points out X')
    frame = (prior.idx + (len(prior.text) if comma < prior.i else 0), speaker.end_char)
    direct = adjacent_quotes(unit, quotes, frame)
    if direct:
        return Frame(speaker, verb, tuple(direct), "quote", "quote.cue_after", 0.8, frame)
    return Frame(speaker, verb, (before,), "paraphrase", "paraphrase.cue_after", 0.8, frame)


def _object_speaker(verb: Token, unit: Span, quotes: list[Quote]) -> Span | None:
    """The object of a cue after a comma that describes a person (a role noun or a name,
    with a proper noun) and closes the sentence."""
    doc = verb.doc
    if verb.tag_ not in {"VBD", "VBZ"} or _comma_before(verb, unit) is None:
        return None
    target = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if target is None or inside(target, quotes):
        return None
    words = [t for t in target.subtree if not t.is_punct]
    after = doc[words[-1].i + 1 : unit.end]
    # "..., reported CNN, citing western intelligence officials": who it cites may follow
    cites = len(after) > 1 and after[0].text == "," and after[1].lower_ in {"citing", "quoting"}
    if not cites and any(not t.is_punct for t in after):
        return None  # the object does not close the sentence
    if _full_name(target) and target.ent_type_ != "PERSON":
        return doc[target.i - 1 : target.i + 1]  # the name; the recognizer misread the rest
    outlet = verb.lemma_.lower() == "report" and is_outlet(doc[words[0].i : words[-1].i + 1].text)
    described = target.lemma_.lower() in ROLE_NOUNS or target.ent_type_ == "PERSON" or outlet
    if not described or not any(t.pos_ == "PROPN" for t in words):
        return None
    return doc[words[0].i : words[-1].i + 1]


def _comma_before(verb: Token, unit: Span) -> int | None:
    """The index of the comma the cue follows, right before it or before a closing
    quotation mark ('...," points out'); None when there is none."""
    doc = verb.doc
    before = verb.i - 1
    if before > unit.start and doc[before].text in {'"', "”", "''"}:
        before -= 1
    return before if before >= unit.start and doc[before].text == "," else None


def _full_name(target: Token) -> bool:
    """ "..., points out Iwona Kowalska from ...": a first name and a surname that the
    recognizer took for a place; not a body's name."""
    first = [c for c in target.children if c.dep_ == "compound" and c.i == target.i - 1]
    return (
        target.pos_ == "PROPN"
        and bool(first)
        and first[0].pos_ == "PROPN"
        and target.ent_type_ != "ORG"
        and not looks_like_organization(f"{first[0].text} {target.text}")
    )


def when_clause(verb: Token) -> bool:
    """ "... since February, when Defense Minister X told reporters the North had sent
    ...": a clause on a date, telling what was said then; its speaker said it."""
    when = next((c for c in verb.children if c.lower_ == "when" and c.i < verb.i), None)
    if verb.dep_ != "relcl" or when is None or when.i < 2:
        return False
    doc = verb.doc
    return doc[when.i - 1].text == "," and doc[when.i - 2].ent_type_ == "DATE"


def frame_start(verb: Token, subject: Token) -> int:
    """Where a trailing frame starts: its subject, or the noun the parser hung it on just
    before it ("..., state news agency TASS reported": "agency" is the head, "TASS
    reported" its relative clause)."""
    first = min(t.i for t in subject.subtree)
    noun = verb.head
    if verb.dep_ == "relcl" and noun.i == first - 1 and noun.pos_ in {"NOUN", "PROPN"}:
        first = noun.i
        while first > 0 and verb.doc[first - 1].dep_ in _NOUN_WORDS:
            first -= 1  # "state news agency": the words of the noun phrase before it
    return first


_NOUN_WORDS = frozenset({"compound", "amod", "det", "poss", "case"})


def trailing_frame(verb: Token, unit: Span) -> bool:
    """ "..., a top US official said on Wednesday.": a frame the parser hung on a noun of
    the content as a relative clause; after a comma, with a subject that is no relative
    pronoun, and nothing after it but its own words."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.tag_ in {"WDT", "WP"} or subject.lower_ == "that":
        return False
    first = frame_start(verb, subject)
    if first == 0 or verb.doc[first - 1].text != ",":
        return False
    last = max(t.i for t in verb.subtree)
    return all(t.is_punct for t in verb.doc[last + 1 : unit.end])
