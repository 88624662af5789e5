"""Speakers named after their words: "..., a top US official said on Wednesday" or "Kyiv
urged the EU ..." at the top of a story, with the person who spoke named in the next
paragraphs ("White House spokesman John Kirby told reporters").

News copy often opens with an unnamed speaker and names them a paragraph or two later.
The lede's words are held as a claim whose speaker is pending; the first named person who
speaks within ``PARAGRAPHS`` paragraphs and fits the description takes them. Otherwise
they stay what they were: an event sourced to the unnamed speaker (or nothing), or the
claim of the capital that was said to speak.
"""

from __future__ import annotations

from eventstore.extract.document import PersonRef
from eventstore.normalize import fold

PARAGRAPHS = 2
# Descriptions any official fits ("a top US official", "a Ukrainian military official"),
# and anyone a newsroom asked ("a leading US military expert has told TASS")
_GENERIC = frozenset("official source expert analyst".split())
_SAME_ROLE = (
    frozenset("head chief director leader boss executive".split()),
    frozenset("spokesperson spokesman spokeswoman".split()),
    frozenset("adviser advisor aide".split()),
    # "the Ukrainian leader" after "President Volodymyr Zelensky"
    frozenset("leader president premier chancellor".split()),
    # "the diplomat" after "Ambassador to the United Nations Zhang Jun"
    frozenset("diplomat ambassador envoy".split()),
)


def role_words(word: str) -> frozenset[str]:
    """``word`` with the role nouns that say the same ("head" and "chief")."""
    groups = [group for group in _SAME_ROLE if word in group]
    return frozenset({word}.union(*groups))


# Nationalities, folded to one word per country ("U.S." and "American" are "us").
_NATIONS = {
    "us": "us", "u.s": "us", "u.s.": "us", "american": "us", "america": "us",
    "russia": "russia", "russian": "russia", "ukraine": "ukraine", "ukrainian": "ukraine",
    "uk": "uk", "british": "uk", "britain": "uk", "german": "germany", "germany": "germany",
    "french": "france", "france": "france", "chinese": "china", "china": "china",
    "iranian": "iran", "iran": "iran", "israeli": "israel", "israel": "israel",
    "korean": "korea", "polish": "poland", "poland": "poland", "turkish": "turkey",
    "japan": "japan", "japanese": "japan", "india": "india", "indian": "india",
    "belarus": "belarus", "belarusian": "belarus", "turkey": "turkey", "hungary": "hungary",
    "hungarian": "hungary", "romania": "romania", "romanian": "romania", "moldova": "moldova",
    "lithuania": "lithuania", "lithuanian": "lithuania", "latvia": "latvia", "estonia": "estonia",
    "finland": "finland", "finnish": "finland", "italy": "italy", "italian": "italy",
    "latvian": "latvia", "estonian": "estonia", "moldovan": "moldova", "sweden": "sweden",
    "swedish": "sweden", "norway": "norway", "norwegian": "norway", "denmark": "denmark",
    "danish": "denmark", "netherlands": "netherlands", "dutch": "netherlands",
    "spain": "spain", "spanish": "spain", "czech": "czechia", "czechia": "czechia",
    "slovakia": "slovakia", "slovak": "slovakia", "georgia": "georgia", "georgian": "georgia",
    "canada": "canada", "canadian": "canada",
}  # fmt: skip


def nations(text: str) -> frozenset[str]:
    """The countries a description names ("a US defence official": us)."""
    return frozenset(_NATIONS[w] for w in fold(text).replace("’s", "").split() if w in _NATIONS)


def fits(description: str, person: PersonRef, described: str = "") -> bool:
    """True when ``person`` may be the one described by the role noun ``description``
    ("" for a capital or country that spoke: anyone named next) in the words
    ``described`` ("a US official" is no Russian ministry's spokesman)."""
    theirs = nations(f"{person.role or ''} {person.affiliation or ''}")
    ours = nations(described)
    if ours and theirs and not ours & theirs:
        return False
    if not description or description in _GENERIC or person.role is None:
        return True
    return bool(role_words(description) & set(fold(person.role).split()))
