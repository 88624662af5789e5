"""Claims: who said what, with the exact span of what they said.

The lede gives the featured expert and a summary claim ("Oleh Katkov, military expert
and Defense Express editor-in-chief, believes that ..."). In the body, quotes and
paraphrases are attributed by surname ("Katkov explained"), role noun ("the military
expert noted") or pronoun ("he added", "According to her"). A background line naming
another person ("Oleksandr Kraiev, an expert at ..., believes that ...") is that
person's claim. Anything not attributable is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventstore.extract.document import ClaimDoc, PersonRef, Span
from eventstore.extract.names import PERSON_NAME, person_key
from eventstore.extract.people import make_person, parse_person
from eventstore.extract.sources import find_sources
from eventstore.extract.text import Paragraph, span_of
from eventstore.vocabulary import ClaimKind, Section

SPEECH_VERBS = (
    "believes|believe|says|said|say|thinks|think|noted|notes|explained|explains|added|adds"
    "|emphasized|emphasizes|emphasised|emphasises|stressed|stresses|stated|states|told|tells"
    "|continued|concluded|remarked|pointed out|points out|argued|argues|warned|warns|insisted"
    "|suggested|suggests|commented|comments|underlined|asserted|claimed|claims|wrote|writes"
    "|recalled|recalls|summed up|clarified|admitted|acknowledged|observed|is convinced"
    "|is sure|is confident|predicts|predicted|assumes|considers|expects|hinted|announced"
    "|reiterated|replied|answered|specified|elaborated|cautioned|urged"
)
_VERB = rf"(?P<verb>{SPEECH_VERBS})"
_ADVERB = r"(?:(?:also|further|then|later|additionally|again|once\s+again)\s+)?"
_ROLE_NOUNS = (
    "expert|analyst|observer|scientist|consultant|editor|editor-in-chief|specialist|researcher"
    "|economist|diplomat|official|spokesman|spokeswoman|spokesperson|head|director|professor"
    "|journalist|historian|strategist|colonel|general|officer|politician|lawmaker|deputy"
    "|interlocutor|guest|commentator|minister|chief|ambassador|representative|president"
)
_ROLE_REFERENCE = re.compile(rf"^the\s+(?:[\w-]+\s+){{0,3}}(?:{_ROLE_NOUNS})$", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:he|she|they|him|her|them)$", re.IGNORECASE)
_TIME_TAIL = re.compile(
    r"\s+(?:on\s+\w+|in\s+an?\s+[\w\s]+|to\s+reporters|to\s+journalists|at\s+a\s+[\w\s]+"
    r"|reporters|journalists)\s*$",
    re.IGNORECASE,
)

# "...," the military expert noted.  /  "...," emphasized Hrytsenko.
_QUOTE_FIRST = re.compile(
    r"^[\"“«](?P<quote>.+)[\"”»](?:\s*,)?\s*(?P<attr>[^\"“”«»]{2,160}?)\s*\.?$"
)
# Katkov said: "..."
_QUOTE_AFTER = re.compile(
    rf"^(?P<who>[^\"“«]{{2,120}}?)\s+{_ADVERB}{_VERB}(?:\s+that)?\s*[:,]\s*"
    r"[\"“«](?P<quote>.+)[\"”»]\s*\.?$"
)
# "A," he said. "B."
_QUOTE_SPLIT = re.compile(
    r"^[\"“«](?P<q1>[^\"“”«»]+)[\"”»](?:\s*,)?\s*(?P<attr>[^\"“”«»]{2,120}?)\s*[.,]\s*"
    r"[\"“«](?P<q2>.+)[\"”»]\s*\.?$"
)
# According to her, ...  /  In his opinion, ...
_ACCORDING = re.compile(
    rf"^(?:According\s+to\s+(?P<who>him|her|them|the\s+[\w-]+(?:\s+[\w-]+)?|{PERSON_NAME}"
    r"|[A-Z][\w'’-]+)|In\s+(?P<pron>his|her|their)\s+(?:opinion|view|words))\s*,\s*"
)
# Katkov noted that ...  /  The expert also noted that ...
_SAYS_THAT = re.compile(
    rf"^(?P<who>[^\"“«,]{{2,80}}?)\s+{_ADVERB}{_VERB}(?:\s+(?:on|in)\s+[\w\s]+?)?"
    r"(?:\s+that\b\s*,?|\s*:)\s*"
)
# Peskov said the Kremlin saw no basis ...  (a known speaker; no "that")
_SAYS_PLAIN = re.compile(
    rf"^(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,3}})\s+{_ADVERB}"
    r"(?P<verb>said|says|added|noted|stressed|warned|insisted|told\s+(?:reporters|journalists))"
    r"\s+(?!that\b)(?=\S)"
)
# Oleksandr Kraiev, an expert at ..., believes that ...  /  X told the leader that ...
_PERSON_SAYS_THAT = re.compile(
    rf"^(?P<who>[^\"“«]{{4,200}}?),?\s+{_ADVERB}{_VERB}"
    r"(?:\s+(?:the\s+|reporters|journalists|[A-Z]|(?:on|in|at|to)\s)[^,\"“]{0,60}?)?"
    r"\s+that\b\s*,?\s*"
)
_LEDE = [
    # Name, role, believes that ...
    re.compile(
        rf"^(?P<name>{PERSON_NAME}),\s+(?P<role>[^,]{{3,160}}),\s+{_VERB}"
        r"(?:\s+(?:the\s+)?(?P<outlet>[A-Z][^,]{1,40}?)\s+that\b|\s+that\b)?\s*,?\s*"
    ),
    # The editor-in-chief of Defense Express, Oleh Katkov, believes ...
    re.compile(
        rf"^(?:The\s+)?(?P<role>[^,]{{3,160}}),\s+(?P<name>{PERSON_NAME}),\s+{_VERB}"
        r"(?:\s+that\b)?\s*,?\s*"
    ),
    # Military expert Oleh Zhdanov believes that ...
    re.compile(
        rf"^(?P<role>[A-Z][a-z][\w\s-]{{2,80}}?)\s+(?P<name>{PERSON_NAME})\s+{_VERB}"
        r"(?:\s+that\b)?\s*,?\s*"
    ),
]


@dataclass
class Speakers:
    """The people of one article, for resolving "he", "the expert" and surnames."""

    featured: PersonRef | None = None
    known: dict[str, PersonRef] = field(default_factory=dict)
    last: PersonRef | None = None

    def add(self, person: PersonRef) -> PersonRef:
        """Remember ``person`` (the first description of a name wins)."""
        kept = self.known.setdefault(person.key, person)
        self.last = kept
        return kept

    def resolve(self, who: str, *, allow_new: bool) -> PersonRef | None:
        """The person ``who`` refers to, or None when it cannot be told."""
        who = _TIME_TAIL.sub("", " ".join(who.split()).strip(" ,.")).strip()
        if _PRONOUN.match(who) or _ROLE_REFERENCE.match(who):
            return self.last or self.featured
        by_surname = self._by_surname(who)
        if by_surname is not None:
            self.last = by_surname
            return by_surname
        if allow_new:
            person = parse_person(who)
            if person is not None:
                known = self._by_surname(person.name)
                return known if known is not None else self.add(person)
        return None

    def _by_surname(self, who: str) -> PersonRef | None:
        key = person_key(who)
        if not key:
            return None
        if key in self.known:
            return self.known[key]
        last_word = key.split()[-1]
        matches = [p for p in self.known.values() if p.key.split()[-1] == last_word]
        if len(matches) == 1 and (len(key.split()) == 1 or matches[0].key.endswith(key)):
            return matches[0]
        return None


def lede_claim(lede: Paragraph, offset: int, speakers: Speakers) -> ClaimDoc | None:
    """The featured expert and the summary claim of a lede, when the lede names one."""
    text = lede.text[offset:]
    for pattern in _LEDE:
        match = pattern.match(text)
        if match is None:
            continue
        featured = make_person(match.group("name"), match.group("role"), default_kind="expert")
        speakers.featured = speakers.add(featured)
        return _claim(
            featured,
            "summary",
            lede,
            (offset + match.end(), None),
            section="lede",
            attribution=None,
        )
    return None


def body_claim(paragraph: Paragraph, speakers: Speakers, section: Section) -> ClaimDoc | None:
    """A quote or paraphrase in ``paragraph``, attributed to a known or named person."""
    allow_new = section == "background" or speakers.featured is None
    for reader in (_quote_split, _quote_first, _quote_after, _paraphrase):
        claim = reader(paragraph, speakers, section, allow_new)
        if claim is not None:
            return claim
    if section == "background" or speakers.featured is None:
        return _person_says_that(paragraph, speakers, section)
    return None


def _quote_first(
    paragraph: Paragraph, speakers: Speakers, section: Section, allow_new: bool
) -> ClaimDoc | None:
    match = _QUOTE_FIRST.match(paragraph.text)
    if match is None:
        return None
    who = _attribution_speaker(match.group("attr"))
    speaker = speakers.resolve(who, allow_new=allow_new) if who else None
    if speaker is None:
        return None
    start, end = match.span("quote")
    return _claim(
        speaker, "quote", paragraph, (start, end), section=section, attribution=match.group("attr")
    )


def _quote_split(
    paragraph: Paragraph, speakers: Speakers, section: Section, allow_new: bool
) -> ClaimDoc | None:
    match = _QUOTE_SPLIT.match(paragraph.text)
    if match is None:
        return None
    who = _attribution_speaker(match.group("attr"))
    speaker = speakers.resolve(who, allow_new=allow_new) if who else None
    first = span_of(paragraph, *match.span("q1"))
    second = span_of(paragraph, *match.span("q2"))
    if speaker is None or first is None or second is None:
        return None
    return _make_claim(
        speaker, "quote", (first, second), section=section, attribution=match.group("attr")
    )


def _quote_after(
    paragraph: Paragraph, speakers: Speakers, section: Section, allow_new: bool
) -> ClaimDoc | None:
    match = _QUOTE_AFTER.match(paragraph.text)
    if match is None:
        return None
    speaker = speakers.resolve(match.group("who"), allow_new=allow_new)
    if speaker is None:
        return None
    start, end = match.span("quote")
    attribution = paragraph.text[: match.start("quote")].strip(' :,"“«')
    return _claim(
        speaker, "quote", paragraph, (start, end), section=section, attribution=attribution
    )


def _paraphrase(
    paragraph: Paragraph, speakers: Speakers, section: Section, allow_new: bool
) -> ClaimDoc | None:
    match = _ACCORDING.match(paragraph.text)
    if match is not None:
        who = match.group("who") or match.group("pron")
        speaker = speakers.resolve(_pronoun_of(who), allow_new=allow_new)
    else:
        match = _SAYS_THAT.match(paragraph.text)
        speaker = speakers.resolve(match.group("who"), allow_new=allow_new) if match else None
    if speaker is None:
        match = _SAYS_PLAIN.match(paragraph.text)
        speaker = speakers.resolve(match.group("who"), allow_new=False) if match else None
    if match is None or speaker is None:
        return None
    return _reported(speaker, paragraph, match.end(), section)


def _person_says_that(
    paragraph: Paragraph, speakers: Speakers, section: Section
) -> ClaimDoc | None:
    match = _PERSON_SAYS_THAT.match(paragraph.text)
    speaker = speakers.resolve(match.group("who"), allow_new=True) if match else None
    if match is None or speaker is None:
        return None
    return _reported(speaker, paragraph, match.end(), section)


def _reported(
    speaker: PersonRef, paragraph: Paragraph, start: int, section: Section
) -> ClaimDoc | None:
    """A paraphrase: the line after its attribution ("Katkov noted that ...")."""
    attribution = paragraph.text[:start].strip(" ,:")
    return _claim(
        speaker, "paraphrase", paragraph, (start, None), section=section, attribution=attribution
    )


def _pronoun_of(who: str) -> str:
    return {"his": "he", "her": "she", "their": "they"}.get(who.lower(), who)


def _attribution_speaker(attribution: str) -> str | None:
    """The speaker words of an attribution: "Katkov explained" or "emphasized Hrytsenko"."""
    match = re.search(rf"\b{_VERB}\b", attribution)
    if match is None:
        return None
    before = attribution[: match.start()].strip(" ,")
    before = re.sub(r"\s+(?:also|further|then|later|additionally|again)$", "", before)
    after = attribution[match.end() :].strip(" ,")
    return before or after or None


def _claim(
    speaker: PersonRef,
    kind: ClaimKind,
    paragraph: Paragraph,
    bounds: tuple[int, int | None],
    *,
    section: Section,
    attribution: str | None,
) -> ClaimDoc | None:
    span = span_of(paragraph, *bounds)
    if span is None or len(span.text.split()) < 3:
        return None
    return _make_claim(speaker, kind, (span,), section=section, attribution=attribution)


def _make_claim(
    speaker: PersonRef,
    kind: ClaimKind,
    spans: tuple[Span, ...],
    *,
    section: Section,
    attribution: str | None,
) -> ClaimDoc:
    text = " ".join(span.text for span in spans)
    return ClaimDoc(
        speaker=speaker,
        kind=kind,
        text=text,
        spans=spans,
        section=section,
        attribution=" ".join(attribution.split()) if attribution else None,
        sources=find_sources(text),
    )
