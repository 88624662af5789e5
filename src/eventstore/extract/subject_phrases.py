"""Subject phrases trimmed to who speaks: an age, a body's press service, where a title
spoke or a participle the parser made the subject are no part of the speaker; a
broadcaster or a described outlet is one, whatever the recognizer says.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventstore.extract.bodies import institution_named
from eventstore.extract.document import PersonRef
from eventstore.extract.names import TITLE_WORDS, described_outlet, display_source_name
from eventstore.extract.naming import clean_phrase, ends_in_name
from eventstore.normalize import fold

if TYPE_CHECKING:
    from spacy.tokens import Span


# "DTEK's press service", "the press service of the Energy Ministry": the body speaks
_PRESS_SERVICE = re.compile(
    r"^(?:the\s+)?(?:(?P<owner>[A-Z][\w.&'’ -]{1,60}?)['’]s?\s+press\s+(?:service|office)"
    r"|press\s+(?:service|office)\s+of\s+(?P<owner2>.{2,60}))$",
    re.IGNORECASE,
)


def press_owner(subject: Span) -> Span:
    """ "DTEK's press service", "the press office of the ministry": the body speaks."""
    press = _PRESS_SERVICE.match(subject.text)
    if press is None:
        return subject
    group = "owner" if press.group("owner") else "owner2"
    start = subject.start_char
    owner = subject.doc.char_span(start + press.start(group), start + press.end(group))
    return owner if owner is not None else subject


def without_age(subject: Span) -> Span:
    """ "37-year-old Cherepanskyi": the name, without the age that describes him."""
    old = next((t for t in subject[:6] if t.lower_ == "old" and t.i > subject.start + 1), None)
    if old is None or subject.doc[old.i - 1].text != "-" or old.i + 1 >= subject.end:
        return subject
    return subject.doc[old.i + 1 : subject.end]


_BROADCASTER = re.compile(r"\b(?:Broadcasting|Broadcaster|Television|Radio)\b")


def outlet_described(subject: Span) -> PersonRef | None:
    """ "Turkish News Agency Anadolu Ajansi (AA)", "Estonian Public Broadcasting (ERR)": an
    outlet, whatever the recognizer says."""
    text = clean_phrase(subject.text)
    broadcaster = _BROADCASTER.search(text) and not any(e.label_ == "PERSON" for e in subject.ents)
    if described_outlet(text) or broadcaster:
        return institution_named(display_source_name(text))
    return None


def without_setting(subject: Span) -> Span:
    """ "Iran's Supreme Leader in a meeting with President Putin in July": the title, not
    where it spoke (a title's "of" and "for" are part of it); "Reporting from Kyiv, Al
    Jazeera's Zein Basravi": the reporter, not the participle the parser made the
    subject."""
    commas = [t.i for t in subject if t.text == ","]
    if subject[0].tag_ == "VBG" and commas and commas[0] + 1 < subject.end:
        subject = subject.doc[commas[0] + 1 : subject.end]
    head = subject.root
    if head.pos_ != "PROPN" or fold(head.text) not in TITLE_WORDS:
        return subject
    for child in head.children:
        if child.dep_ == "prep" and child.i > head.i and child.lower_ not in {"of", "for"}:
            if child.nbor(-1).text == "-":
                continue  # "Commander-in-Chief": one title, hyphened
            if ends_in_name(list(child.subtree)):
                continue  # "the MP from "Voice" Yaroslav Zheleznyak": the name is in it
            if any(
                c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i > child.i
                for c in head.children
            ):
                continue  # "US Ambassador to NATO Matthew Whitaker": named after the post
            return subject.doc[subject.start : child.i]
    return subject
