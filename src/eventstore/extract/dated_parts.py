"""Two happenings of one sentence, each with its own date, joined by "and".

"Russian drones violated the airspace of Romania on June 20 and Moldova on June 21";
"Russia struck Odesa on Monday and Kharkiv on Wednesday"; "Forces shelled Kherson on
Monday and launched drones at Sumy on Tuesday": two events, each dated by its own phrase,
not one dated by the first. The sentence is cut at the "and" between the two dates.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from eventstore.extract.dates import DatePhrase, blanked, find_date, is_bound
from eventstore.extract.happenings import describes_a_thing

if TYPE_CHECKING:
    from spacy.tokens import Span as Sentence

Part = tuple["Sentence", DatePhrase]
# Words after the "and" that name what the second date is of: a place, a thing, an act
# ("and again on Wednesday" names nothing new: one happening told over two days).
_NAMING_POS = frozenset({"NOUN", "PROPN", "VERB"})


def dated_halves(unit: Sentence, phrase: DatePhrase | None) -> tuple[Part, Part] | None:
    """The two parts of ``unit`` (each with its date, relative to the part's text) when
    it tells two happenings with two dates joined by one "and"; else None.

    ``phrase`` is the date the sentence was given. A date inside a clause that describes
    a noun ("the bridge, rebuilt in May, ...") is not one of the two.
    """
    if phrase is None or not _own_date(unit, phrase):
        return None
    text = unit.text
    other = find_date(blanked(text, phrase))
    if other is None or not _own_date(unit, other):
        return None
    if find_date(blanked(blanked(text, phrase), other)) is not None:
        return None  # three dates: no telling which goes with which
    first, second = sorted((phrase, other), key=lambda p: p.start)
    joint = _joint(unit, first, second)
    if joint is None:
        return None
    doc = unit.doc
    end = joint
    while end > unit.start and doc[end - 1].is_punct:
        end -= 1
    before, after = doc[unit.start : end], doc[joint + 1 : unit.end]
    shift = after.start_char - unit.start_char
    second = replace(second, start=second.start - shift)
    later = (second.month or 0) >= (first.month or 13)
    if second.year is None and first.year is not None and later:
        second = replace(second, year=first.year)  # "in May 2014 and ... in August": 2014
    return (before, first), (after, second)


def gapped_summary(part: Part, second: Sentence) -> str | None:
    """What the second part says in full when it leaves out what the first says ("Russia
    struck Odesa on Monday and Kharkiv on Wednesday": "Russia struck Kharkiv on
    Wednesday"): the first part up to the word the second's first word stands for, then
    the second part; None when that word is not found."""
    first, phrase = part
    opening = second[0]
    verb = opening.head if opening.pos_ in {"VERB", "AUX"} else None
    if verb is not None and opening.dep_ == "conj" and first.start <= verb.i < first.end:
        subject = [t for t in verb.children if t.dep_ in {"nsubj", "nsubjpass"}]
        cut = subject[0].left_edge.i if subject else None
        end = subject[0].right_edge.i + 1 if subject else None
        if cut is None or end is None:
            return None
        return f"{first.doc[cut:end].text} {second.text}"  # "and launched drones at Sumy"
    dated = first.start_char + phrase.start  # the date's own words stand for nothing
    same = [t for t in first if t.pos_ == opening.pos_ and first.start < t.i and t.idx < dated]
    if not same or opening.pos_ in {"VERB", "AUX"}:
        return None
    return f"{first.doc[first.start : same[-1].i].text} {second.text}"


def _own_date(unit: Sentence, phrase: DatePhrase) -> bool:
    dated = phrase.month is not None or phrase.weekday is not None or phrase.year is not None
    if not dated or phrase.invalid or phrase.undated or is_bound(phrase):
        return False
    return not describes_a_thing(unit, phrase)


def _joint(unit: Sentence, first: DatePhrase, second: DatePhrase) -> int | None:
    """The index of the "and" that joins the two happenings, else None: right after
    ``first`` (a comma between allowed) with words naming something before ``second``
    ("Odesa on Monday and Kharkiv on Wednesday"), or right before ``second`` when a clause
    of its own follows it ("On Monday, Russia struck Odesa, and on Wednesday it hit
    Kharkiv"). ("On September 4, X reported, citing US and allied officials, that ... in
    September": no joint.)"""
    base = unit.start_char
    low, high = base + first.start + first.length, base + second.start
    between = [t for t in unit if low <= t.idx < high]
    if between and between[0].text == ",":
        between = between[1:]
    if not between:
        return None
    joint = between[0]
    if joint.lower_ == "and" and any(t.pos_ in _NAMING_POS for t in between[1:]):
        return joint.i
    joint = between[-1]
    if joint.lower_ != "and":
        return None
    clauses = [
        t
        for t in unit
        if t.i > joint.i and t.dep_ == "conj" and t.head.i < joint.i and t.pos_ in {"VERB", "AUX"}
    ]
    own = any(c.dep_ in {"nsubj", "nsubjpass"} for t in clauses for c in t.children)
    return joint.i if own else None
