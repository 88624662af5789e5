"""The lede's summary claim: "Oleh Katkov, military expert and ..., believes that ...".

The seed outlet opens with a lede that names the featured expert and summarizes their
view; it is read by these exact patterns before the sentence reader (``reader``) takes
the rest of the article.
"""

from __future__ import annotations

import re

from eventstore.extract.document import ClaimDoc, PersonRef, Span
from eventstore.extract.names import PERSON_NAME, looks_like_organization
from eventstore.extract.naming import ends_in_connector, name_after_of
from eventstore.extract.people import make_person, name_at_end
from eventstore.extract.sources import find_sources
from eventstore.extract.speakers import Speakers
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
_ASKING = frozenset({"expects", "expected", "urged"})
# "said on Tuesday that", "said last week that": the time of the saying, not its content
_WHEN = (
    r"(?:\s+(?:on|in|at|during|last|this|earlier|early|late|yesterday|today)\b"
    r"(?:\s+(?!that\b)[\w.,]+){0,3}?(?=\s+that\b))?"
)
_QUOTE_MARKS = ('"', "“", "«", ":")
_LEDE = [
    # Name, role, believes that ...
    re.compile(
        rf"^(?P<name>{PERSON_NAME}),\s+(?P<role>[^,]{{3,160}}),\s+{_VERB}{_WHEN}"
        r"(?:\s+(?:the\s+)?(?P<outlet>[A-Z][^,]{1,40}?)\s+that\b|\s+that\b)?\s*,?\s*"
    ),
    # The editor-in-chief of Defense Express, Oleh Katkov, believes ...
    re.compile(
        rf"^(?:The\s+)?(?P<role>[^,]{{3,160}}),\s+(?P<name>{PERSON_NAME}),\s+{_VERB}{_WHEN}"
        r"(?:\s+that\b)?\s*,?\s*"
    ),
    # Military expert Oleh Zhdanov believes that ...
    re.compile(
        rf"^(?P<role>[A-Z][a-z][\w\s-]{{2,80}}?)\s+(?P<name>{PERSON_NAME})\s+{_VERB}{_WHEN}"
        r"(?:\s+that\b)?\s*,?\s*"
    ),
]


def lede_claim(lede: Paragraph, offset: int, speakers: Speakers) -> ClaimDoc | None:
    """The featured expert and the summary claim of a lede, when the lede names one."""
    text = lede.text[offset:]
    for pattern in _LEDE:
        match = pattern.match(text)
        if match is None or text[match.end() : match.end() + 1] in _QUOTE_MARKS:
            continue  # 'X said: "..."' is a quote, read by the sentence reader
        name, role = _name_and_role(match.group("name"), match.group("role"))
        if looks_like_organization(name) or ends_in_connector(role):
            # "The International Monetary Fund said", "The Office of the UN High
            # Commissioner for Human Rights said": a body, for the sentence reader
            continue
        featured = make_person(name, role, default_kind="expert")
        speakers.featured = speakers.add(featured)
        # "expects EU states to agree", "urged partners to ...": no claim without the verb
        said = text[match.start("verb") : match.end()].split()
        asked = said[0] in _ASKING and "that" not in said
        start = match.start("verb") if asked else match.end()
        return _claim(
            featured,
            "summary",
            lede,
            (offset + start, None),
            section="lede",
            attribution=None,
        )
    return None


def _name_and_role(name: str, role: str) -> tuple[str, str]:
    """ "Energy" + "Minister Herman Halushchenko" -> "Herman Halushchenko", "Energy Minister";
    "Minister of Foreign Affairs of" + "Ukraine Dmytro Kuleba" -> "Dmytro Kuleba", the rest."""
    short = name_after_of(name, f"{role} {name}")  # "... of Ministers Oskar Lind"
    if short != name:
        return short, f"{role} {name.removesuffix(short).strip()}"
    split = name_at_end(name)
    if split is None or not split[1]:
        return name, role
    # "Deputy Head of the" + "Presidential Office Ihor Zhovkva": read as one title phrase
    joined = name_at_end(f"{role} {name}")
    return joined if joined is not None else (split[0], f"{role} {split[1]}")


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
        extracted_by="lede.summary",
        confidence=0.95,
    )
