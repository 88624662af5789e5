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
from eventstore.extract.text import fold

PARAGRAPHS = 2
# Descriptions any official fits ("a top US official", "a Ukrainian military official").
_GENERIC = frozenset("official source".split())
_SAME_ROLE = (
    frozenset("head chief director leader".split()),
    frozenset("spokesperson spokesman spokeswoman".split()),
    frozenset("adviser advisor aide".split()),
)


def role_words(word: str) -> frozenset[str]:
    """``word`` with the role nouns that say the same ("head" and "chief")."""
    for group in _SAME_ROLE:
        if word in group:
            return group
    return frozenset({word})


def fits(description: str, person: PersonRef) -> bool:
    """True when ``person`` may be the one described by the role noun ``description``
    ("" for a capital or country that spoke: anyone named next)."""
    if not description or description in _GENERIC or person.role is None:
        return True
    return bool(role_words(description) & set(fold(person.role).split()))
