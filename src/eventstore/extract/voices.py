"""Whose voice the narration is, where no cue verb says so: an op-ed's author, an
interview's interviewee, a press statement's issuer.

Read after the layout, before the sentences: the speaker found here is the article's
featured expert, and the paragraph reader gives them the sentences nobody else is said
to have said (an op-ed's argument, a statement's positions) or the answers after an
interviewer's questions.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from eventstore.extract.bodies import institution_named
from eventstore.extract.document import PersonRef, Span
from eventstore.extract.drafts import Draft, Voice, spans_of
from eventstore.extract.layout import Layout
from eventstore.extract.names import is_outlet, looks_like_organization
from eventstore.extract.people import make_person, parse_person
from eventstore.extract.speakers import Speakers
from eventstore.extract.text import Paragraph
from eventstore.vocabulary import Section

if TYPE_CHECKING:
    from spacy.tokens import Span as Sentence

NARRATION = frozenset({"oped.author", "statement.issuer"})  # the rules of a narrator's claims
_OPINION = re.compile(
    r"^(?:Opinion|Op-ed|Comment|Commentary|View|Analysis and opinion)\s*[:|–—-]", re.I
)
_OPINION_CATEGORY = re.compile(r"(?i)^(?:opinions?|op-?eds?|columns?|commentary|comment)$")
_TITLED_BY = re.compile(
    r"^(?P<name>[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){1,2}):\s"
    # "The Oil War - by Diane Francis (Substack - January 29, 2024)", with any dash
    r"|\s[-–—|]\s+[Bb]y\s+(?P<by>[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){1,2})\b"
)
_FIRST_PERSON = re.compile(r"\b(?:I|my|me|[Oo]ur|[Ww]e)\b")
_QUOTE_MARKS = re.compile('["“”«»]')
_STATEMENT_WORDS = r"(?i:(?:Joint\s+)?(?:Statement|Press\s+release|Communiqu[eé]|Declaration))"
_CAPITALIZED = r"[A-Z][\w'’.&-]*"
# "Statement of the Ministry of Foreign Affairs of Ukraine on Russian missile attacks"
_STATEMENT_OF = re.compile(
    rf"^{_STATEMENT_WORDS}\s+(?:of|by|from)\s+(?:the\s+)?"
    rf"(?P<issuer>{_CAPITALIZED}(?:\s+(?:(?:of|for|and|the|de|&)\s+)*{_CAPITALIZED})*)"
    r"(?=\s+(?:on|regarding|concerning|about|in\s+connection\s+with|following)\b|\s*[:.–—-]|$)"
)
_STATEMENT = re.compile(rf"^{_STATEMENT_WORDS}\b")
# "Press remarks by Commissioner Jørgensen on ...", "Speech by President X at ...",
# "Comment of Spokesperson of the Ministry ... X regarding ...": the words of the one the
# title names
_WHO = rf"(?P<who>{_CAPITALIZED}(?:(?:\s+|/)(?:(?:of|the)\s+)*{_CAPITALIZED})*)"
_OCCASION = r"on|at|to|before|during|in|following|regarding|about|after"
_REMARKS_BY = re.compile(
    r"^(?:(?:Press|Opening|Closing|Introductory|Keynote|Video)\s+)?"
    rf"(?:(?i:remarks|speech|address|statement|intervention)\s+by|(?i:comment)\s+(?:by|of))"
    rf"\s+(?:the\s+)?{_WHO}"
    rf"(?=\s+(?:{_OCCASION})\b|\s*[:,.–—-]|$)"
)
# "Pre-ministerial press conference" over "by NATO Secretary General X ahead of ...": a
# title that only says what kind of words follow, and a line under it that says whose
_WORDS_KIND = re.compile(
    r"^(?:[\w-]+\s+){0,3}(?i:press\s+conference|remarks|speech|address|statement|briefing)$"
)
_BY_WHO = re.compile(rf"^by\s+(?:the\s+)?{_WHO}(?=\s+(?:{_OCCASION}|ahead)\b|\s*[:,.–—-]|$)")
# "Key Takeaways from the ISW": a think tank's findings, its own assessments
_FINDINGS_OF = re.compile(
    r"^(?:Key\s+)?(?i:takeaways|findings|conclusions)\s+(?:from|of|by)\s+(?:the\s+)?"
    rf"(?P<issuer>{_CAPITALIZED}(?:\s+(?:(?:of|for|and|the)\s+)*{_CAPITALIZED})*):?$"
)
_REPORTING = frozenset("report say claim allege believe estimate rumour rumor confirm".split())
_STATEMENT_CATEGORY = re.compile(
    r"^(?:statement|(?:press|news|media)\s+release|communiqu[eé])s?$", re.I
)


def narrator(
    parts: Layout, speakers: Speakers, outlet: str | None, category: str | None
) -> Voice | None:
    """The op-ed author or statement issuer whose sentences the narration is, registered
    as the featured speaker; an interview's interviewee is registered as featured only."""
    voice = _author(parts, category) or _remarks(parts) or _issuer(parts, outlet, category)
    if voice is not None:
        speakers.featured = speaker = speakers.add(voice.speaker)
        return Voice(speaker, voice.rule)
    if parts.interviewee is not None:
        name, role = parts.interviewee
        speakers.featured = speakers.add(make_person(name, role, default_kind="expert"))
    return None


def _author(parts: Layout, category: str | None) -> Voice | None:
    """An op-ed: a byline, and a closing bio, an opinion title or category or a column's
    marks; on an opinion page with no byline, the author its title opens with ("Jane
    Roe: To sink Russia, ...")."""
    opinion = parts.opinion or _OPINION_CATEGORY.match(category or "") is not None
    if parts.author is None:
        named = _TITLED_BY.search(parts.title.text) if opinion else None
        return (
            Voice(
                make_person(named.group("name") or named.group("by"), default_kind="expert"),
                "oped.author",
            )
            if named
            else None
        )
    if parts.author_body:
        return Voice(institution_named(parts.author), "oped.author")
    if (
        parts.author_bio
        or opinion
        or _OPINION.match(parts.title.text)
        or _column(parts, parts.author)
    ):
        role = parts.author_bio or parts.author_paper  # the columnist's paper employs her
        author = make_person(parts.author, role, default_kind="expert")
        return Voice(author, "oped.author")
    return None


def _column(parts: Layout, author: str) -> bool:
    """A bylined column: titled with its author's name ("Rubin: Send Patriots to
    Ukraine", "Jane Rubin: ..."), or written in the first person outside quotations in
    two paragraphs."""
    title = parts.title.text
    if title.startswith((f"{author.rsplit(maxsplit=1)[-1]}:", f"{author}:")):
        return True
    text = [parts.lede, *parts.body] if parts.lede is not None else parts.body
    mine = [p for p in text if _FIRST_PERSON.search(p.text) and not _QUOTE_MARKS.search(p.text)]
    return len(mine) >= 2


def _remarks(parts: Layout) -> Voice | None:
    """A speech or remarks page: the person its title names ("Press remarks by
    Commissioner Jørgensen on ...", "Speech by President Joe Biden at ..."), or the line
    under a title of the kind alone ("Press conference" / "by Secretary General X ...")."""
    match = _REMARKS_BY.match(parts.title.text)
    if match is None and parts.deck is not None and _WORDS_KIND.match(parts.title.text):
        match = _BY_WHO.match(parts.deck.text)
    if match is None:
        return None
    who = match.group("who")
    person = parse_person(who, default_kind="expert")  # "NATO Secretary General X"
    if person is None and looks_like_organization(who):
        return None
    if person is None:  # "Commissioner Jørgensen": a title and a surname
        role, _, surname = who.rpartition(" ")
        person = make_person(surname, role or None, default_kind="expert")
    return Voice(person, "statement.issuer")


def _issuer(parts: Layout, outlet: str | None, category: str | None) -> Voice | None:
    """A press statement: its issuer named in the title ("Statement of the Ministry of
    ..."), or the outlet that published it when the title or category says statement."""
    title = parts.title.text
    # "Key Takeaways from the ISW:" may head the list under another title
    heading = parts.deck.text if parts.deck is not None else ""
    if (
        match := _STATEMENT_OF.match(title)
        or _FINDINGS_OF.match(title)
        or _FINDINGS_OF.match(heading)
    ):
        name = match.group("issuer")
    elif (_STATEMENT.match(title) or _STATEMENT_CATEGORY.match(category or "")) and outlet:
        # a release a news agency runs is its issuer's: the acronym it names most
        name = _named_most(parts) if is_outlet(outlet) else outlet
    else:
        return None
    if name is None or not looks_like_organization(name):
        return None
    if outlet and outlet.startswith(name):
        name = outlet  # "Statement of the Ministry of Foreign Affairs" on the ministry's site
    return Voice(institution_named(name), "statement.issuer")


_ACRONYM = re.compile(r"\b[A-Z]{3,8}\b")


def _named_most(parts: Layout) -> str | None:
    """The acronym a release names more often than any other, at least twice ("UNHCR")."""
    lede = [parts.lede] if parts.lede is not None else []
    body = " ".join(p.text for p in [*lede, *parts.body, *parts.background])
    counts = Counter[str](_ACRONYM.findall(body)).most_common(2)
    if not counts or counts[0][1] < 2 or (len(counts) > 1 and counts[1][1] == counts[0][1]):
        return None
    return counts[0][0]


def narrated(
    paragraph: Paragraph, unit: Sentence, section: Section, voice: Voice, *, after_report: bool
) -> Draft | None:
    """The narrator's own sentence as their claim, unless it reports what others reported
    ("92 people have been reported injured") or follows such a report or a happening in
    its paragraph (``after_report``: "Some areas lack electricity" adds to the report)."""
    place_line = unit.text.strip() == paragraph.text.strip() and not _has_verb(unit)
    if after_report or hearsay(unit) or _asks(unit) or place_line:
        return None
    spans: list[Span] = spans_of(paragraph, [(unit.start_char, unit.end_char)])
    return Draft(voice.speaker, "quote", spans, section, voice.rule, 0.6)


def _has_verb(unit: Sentence) -> bool:
    """False for "Jeddah, Saudi Arabia" under a transcript's title: a line with no verb
    states nothing (but "Most, but not all." in a paragraph of an argument is part of it)."""
    return any(token.pos_ in {"VERB", "AUX"} for token in unit)


def _asks(unit: Sentence) -> bool:
    """ "..., a reader asked, "Do you know what ...?"", "But what about ...?": a question
    put (by the author or by someone they tell of) states no position."""
    return unit.text.rstrip().rstrip("\"”’»'").endswith("?")


def hearsay(unit: Sentence) -> bool:
    """A verb of reporting in the passive with nobody named, governing its clause ("were
    reported", "is said to"; not "the systems that were pledged"): what the sentence
    tells is someone else's report, not the narrator's position."""
    return any(
        (token.lemma_.lower() or token.lower_) in _REPORTING
        and token.tag_ == "VBN"
        and token.dep_ not in {"relcl", "acl", "amod"}
        and any(c.dep_ == "auxpass" for c in token.children)
        and not any(c.dep_ == "agent" for c in token.children)
        for token in unit
    )


def for_issuer(voice: Voice | None, speaker: PersonRef) -> PersonRef:
    """In a press statement, the country its issuer speaks for is the issuer ("Ukraine
    calls on its partners ..." in a statement of the Ministry of Foreign Affairs of
    Ukraine); any other speaker stays who they are."""
    if voice is None or voice.rule != "statement.issuer":
        return speaker
    if voice.speaker.name.endswith(f" of {speaker.name}"):
        return voice.speaker
    return speaker
