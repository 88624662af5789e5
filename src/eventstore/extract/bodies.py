"""Bodies by their names: an institution's expert record as the text names it ("the
American Institute for the Study of War (ISW)", NPC "Ukrenergo"), and the body a subject
phrase names around its head ("nuclear agency Rosatom", "a spokesperson for Euronews",
"US President Joe Biden's administration").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventstore.extract.document import PersonRef
from eventstore.extract.names import POSTED_ON, display_source_name, looks_like_organization
from eventstore.extract.naming import PLACES, person_name, possessive
from eventstore.normalize import person_key

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


COMPANY_FORM = re.compile(r"^(?:NPC|NJSC|PJSC|JSC|LLC|SE|PrJSC)\s+(?=[\"“A-Z])")


def institution_named(name: str) -> PersonRef:
    """The expert record of an institution named ``name`` (its acronym dropped)."""
    # "the military's Strategic Communications Center": whose it is is no part of its name;
    # nor are a company's legal form and the quotation marks around its name (NPC
    # "Ukrenergo")
    name = re.sub(r"^(?:the\s+)?[a-z]+['’]s\s+(?=[A-Z])", "", name)
    # "the global initiative Tribunal for Putin": what it is, in lower case, neither
    name = re.sub(
        r"^(?:(?:the|a|an)\s+)?(?:[a-z][a-z-]*\s+){1,3}(?=[A-Z][\w'’-]*\s+(?:for|of)\s)", "", name
    )
    # "the SBU press service via Telegram": the body, not its office nor where it wrote
    name = POSTED_ON.sub("", name)
    name = re.sub(r"(?<=\w)\s+press\s+(?:service|office|center|centre)$", "", name)
    # "the U.S. research group Ukraine Conflict Observatory", "human rights group Memorial":
    # what it is, in lower case, before its name (never a name's own "of" or "for")
    name = re.sub(
        r"^(?:(?:the|a|an)\s+)?(?:[A-Z][\w.]*\s+)?"
        r"(?:(?!(?:of|for|and|on|in|the|to|at|de)\s)[a-z][a-z-]*\s+){1,3}(?=[A-Z])",
        "",
        name,
    )
    # "Manufacturer MBDA says": what it is, capitalized only because it opens the sentence
    name = re.sub(
        r"^(?:Manufacturer|Maker|Producer|Contractor|Operator|Company|Firm|Carrier)\s+(?=[A-Z])",
        "",
        name,
    )
    # "the U.S.-based Institute for the Study of War": where it sits is no part either
    name = re.sub(r"^(?:[Tt]he\s+)?[\w.]+-based\s+(?=[A-Z])", "", name)
    # "Ukraine's Coordination Headquarters for the Treatment of Prisoners of War": a full
    # name of its own (two words and a connector before the rest) needs no country
    name = re.sub(r"^(?:the\s+)?[A-Z][\w.]*['’]s\s+(?=(?:[A-Z]\w*\s+){2,}(?:for|of)\s)", "", name)
    # "the Council of Europe, the continent's foremost human rights body": the name only
    # "DTEK, Ukraine's largest private energy company": nor is what is said of it after
    name = re.sub(r",\s+(?:(?:the|a|an)\s+|[A-Z][\w-]*['’]s\s+)[a-z].*$", "", name)
    # "a Department of the Treasury press release": the body whose release it is
    name = re.sub(r"(?<=[A-Za-z])\s+(?:press\s+release|statement|communiqu[eé])$", "", name)
    name = _as_acronym_spells(COMPANY_FORM.sub("", name).replace('"', "").strip())
    # "South Korea's National Intelligence Service (NIS)": the name without its acronym
    # "People's Liberation Army's (PLA) Eastern Command": nor inside it
    display = display_source_name(
        re.sub(r"\s*\([A-Z][A-Z0-9]{1,5}\)?$|\s*\([A-Z][A-Z0-9]{1,5}\)(?=\s)", "", name)
    )
    return PersonRef(name=display, key=person_key(display), kind="organization")


def _as_acronym_spells(name: str) -> str:
    """ "the American Institute for the Study of War (ISW)": a describing word before the
    name its acronym spells is no part of it."""
    match = re.fullmatch(
        r"(?:the\s+)?(?P<first>[A-Z][\w'’-]*)\s+(?P<rest>.+?)\s*\((?P<acr>[A-Z]{2,6})\)?", name
    )
    if match is None:
        return name
    initials = "".join(w[0] for w in match.group("rest").split() if w[:1].isupper())
    if initials == match.group("acr") and match.group("first")[0] != initials[0]:
        return f"{match.group('rest')} ({match.group('acr')})"
    return name


def named_in_apposition(head: Token) -> str | None:
    """ "Russia's state-owned nuclear agency Rosatom", 'the state-owned company
    "Energoatom"': the body's name beside the noun that says what it is."""
    named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    # 'the state-owned company "Energoatom"': its name in quotation marks
    quoted = named is not None and named.i == head.i + 2 and head.nbor().text in {'"', "“"}
    if named is None or head.pos_ != "NOUN" or not (named.i == head.i + 1 or quoted):
        return None
    words = [t for t in named.subtree if t.pos_ == "PROPN" and t.i >= named.i]
    return " ".join(t.text for t in words) if len(words) == 1 + (words[-1].i - named.i) else None


def proper_name(subject: Span, head: Token) -> str | None:
    """ "Industry giant Lukoil", "state energy company Naftogaz": the institution's own
    name, without the common nouns that describe it."""
    if head.pos_ != "PROPN" or any(c.dep_ == "prep" and c.i > head.i for c in head.children):
        return None  # "the Institute for the Study of War": the name runs on past its head
    start = head.i
    while start > subject.start and subject.doc[start - 1].pos_ == "PROPN":
        start -= 1
    before = subject.doc[subject.start : start]
    # "Ukraine's state-owned oil and gas company Naftogaz": whose it is, then common words
    if len(before) > 2 and before[1].tag_ == "POS" and before[0].ent_type_ in PLACES:
        before = before[2:]
    common = all(
        t.pos_ == "NOUN"
        or (t.is_lower and t.pos_ in {"ADJ", "DET", "VERB", "CCONJ"})
        or t.text in {"-", '"', "“"}  # the state-owned company "Energoatom"
        for t in before
    )
    if not len(before) or not common:
        return None  # "European Pravda" keeps its adjective
    return subject.doc[start : head.i + 1].text


_OWNED = frozenset("administration government team campaign".split())


def owned_institution(subject: Span) -> str | None:
    """ "US President Joe Biden's administration": the Biden administration."""
    head = subject.root.lower_
    owner = next((e for e in subject.ents if e.label_ == "PERSON" and possessive(e)), None)
    name = person_name(owner.text) if owner is not None and head in _OWNED else None
    return f"{name.split()[-1]} {head}" if name else None


def spoken_for(subject: Span, head: Token) -> str | None:
    """The body an unnamed spokesperson speaks for: "a spokesperson for Euronews", "an
    FNSEA spokesperson" (a name the recognizer or its shape says is an organization)."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in {"for", "of"}):
        named = [t for t in prep.subtree if t.pos_ == "PROPN"]
        if named:
            return subject.doc[named[0].i : named[-1].i + 1].text
    before = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    if (
        before
        and before[0].ent_type_ not in PLACES
        and (before[0].ent_type_ == "ORG" or looks_like_organization(before[0].text))
    ):
        return subject.doc[before[0].i : before[-1].i + 1].text
    return None
