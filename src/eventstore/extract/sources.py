"""Sources named in a sentence, with the part each plays.

"The New York Times reported, citing US and allied officials, that ..." names two:
The New York Times (reported_by) and US and allied officials (cited). Persons are not
sources: "John Kirby said" is a statement of John Kirby, found by ``claims``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from eventstore.extract.document import SourceRef
from eventstore.extract.names import (
    display_source_name,
    looks_like_organization,
    source_key,
    source_kind,
)
from eventstore.vocabulary import SourceRole

# A capitalized word; a dot only inside an abbreviation ("U.S"), never at a sentence end.
_CAP = r"[A-Z](?:[\w'’&-]|\.(?=[A-Z]))*"
_NOUN_PHRASE = (
    rf"(?:(?:[Tt]he|[Ll]ocal|[Ww]estern|[Ff]oreign|[Rr]ussian|[Uu]krainian|[Ss]tate)\s+)*"
    rf"(?:{_CAP}(?:\s+(?:(?:of|for|and|on|de)\s+)?{_CAP})*|media|journalists)"
)
_VERB_ROLES: dict[str, SourceRole] = {
    "reported": "reported_by",
    "reports": "reported_by",
    "wrote": "reported_by",
    "writes": "reported_by",
    "published": "reported_by",
    "revealed": "reported_by",
    "confirmed": "confirmed_by",
    "confirms": "confirmed_by",
    "said": "stated_by",
    "says": "stated_by",
    "stated": "stated_by",
    "announced": "stated_by",
    "accused": "stated_by",
    "claimed": "stated_by",
    "noted": "stated_by",
    "warned": "stated_by",
    "denied": "stated_by",
    "hinted": "stated_by",
    "insisted": "stated_by",
    "informed": "stated_by",
}
# Verbs are rare and cheap to find; their subject is then looked for just before them
# (scanning every position of a long text for a noun phrase is what made this slow).
_VERB = re.compile(rf"\b(?P<verb>{'|'.join(_VERB_ROLES)})\b")
_SUBJECT_BEFORE = re.compile(rf"(?<![\w'’-])(?P<src>{_NOUN_PHRASE})\s+(?:has\s+|had\s+|also\s+)?$")
_SUBJECT_WINDOW = 120
_CITING = re.compile(
    r"\b(?:citing|according\s+to|quoting)\s+(?P<src>[^,;:.\"“”]+?)(?=\s*(?:,|;|:|\.|\"|”|$)"
    r"|\s+that\b|\s+as\b)",
    re.IGNORECASE,
)
_OBSERVED_BY = re.compile(
    r"\b(?:noticed|recorded|observed|spotted|detected|documented|confirmed)\s+by\s+"
    r"(?P<src>[^,;:.\"“”]+?)(?=\s*(?:,|;|:|\.|\"|”|$)|\s+(?:that|and|in|on)\b)",
    re.IGNORECASE,
)
_AFTER_PREPOSITION = re.compile(r"\b(?:to|of|at|in|with|by|from|for|on|about)\s+$", re.I)
_PREPOSITIONAL: tuple[tuple[re.Pattern[str], SourceRole, tuple[str, ...]], ...] = (
    (_CITING, "cited", ("citing", "according", "quoting")),
    (_OBSERVED_BY, "observed_by", (" by ",)),
)
_NOT_SOURCES = re.compile(
    r"^(?:him|her|them|he|she|they|it|us|me|the\s+(?:expert|analyst|observer|minister|"
    r"source|report|data)|(?:his|her|their|its)\s+.*|some\s+.*|this\s+.*|these\s+.*)$",
    re.IGNORECASE,
)


def find_sources(text: str) -> tuple[SourceRef, ...]:
    """Every source named in ``text``, each (key, role) once, in order of appearance."""
    found: list[tuple[int, SourceRef]] = []
    for verb in _VERB.finditer(text):
        window = max(0, verb.start() - _SUBJECT_WINDOW)
        match = _SUBJECT_BEFORE.search(text, window, verb.start())
        if match is None:
            continue
        name, start = match.group("src"), match.start("src")
        # "the US representative to the UN Security Council noted": the subject is the
        # representative, not the council.
        if _AFTER_PREPOSITION.search(text, max(0, start - 20), start):
            continue
        if _is_source_name(name, subject=True):
            found.append((start, _source(name, _VERB_ROLES[verb.group("verb")])))
    lowered = text.lower()
    for pattern, role, cue in _PREPOSITIONAL:
        if not any(word in lowered for word in cue):
            continue  # a substring test is far cheaper than the regex scan it saves
        for match in pattern.finditer(text):
            name = match.group("src")
            if _is_source_name(name, subject=False):
                found.append((match.start("src"), _source(name, role)))
    return _unique(source for _, source in sorted(found, key=lambda item: item[0]))


def _source(name: str, role: SourceRole) -> SourceRef:
    display = display_source_name(name)
    return SourceRef(name=display, key=source_key(display), kind=source_kind(display), role=role)


def _is_source_name(name: str, *, subject: bool) -> bool:
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    if not bare or len(bare) > 80 or _NOT_SOURCES.match(bare):
        return False
    if bare.lower().endswith("media") or bare.lower() == "journalists":
        return True
    if subject:
        # A subject must read as an organization or place; a person's name is a speaker.
        return looks_like_organization(bare)
    return bare[:1].isupper() or looks_like_organization(bare) or " officials" in bare


def _unique(sources: Iterable[SourceRef]) -> tuple[SourceRef, ...]:
    seen: set[tuple[str, str]] = set()
    result: list[SourceRef] = []
    for source in sources:
        marker = (source.key, source.role)
        if marker not in seen:
            seen.add(marker)
            result.append(source)
    return tuple(result)
