"""What a frame tells beyond its speaker and content: where the words were said ("told
Bloomberg News"), who passed them on ("..., as cited by Le Monde"), whether the words are
a disputed claim's ("..., a claim Ukraine denies") or only restate what came before
("Peskov said this to journalists").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventstore.extract.cues import CUE_LEMMAS
from eventstore.extract.document import ClaimDoc, SourceRef
from eventstore.extract.frame_parts import Frame
from eventstore.extract.names import display_source_name, is_outlet
from eventstore.extract.sources import CORRESPONDENT, named_source
from eventstore.normalize import source_key

if TYPE_CHECKING:
    from spacy.tokens import Token

_VENUE = re.compile(
    r"\b(?:told|tells|to|with|by|on)\s+(?:the\s+)?(?:(?:news|state|online|TV)\s+){0,2}"
    # "on the German TV channel ARD": the channel's country and kind are no part of it
    r"(?:(?:[A-Z][a-z]+\s+)?(?:TV|television|radio)\s+(?=channel|station|broadcaster))?"
    # "by the state news agency Belta": named as an outlet, whatever its name
    r"(?:(?P<kind>outlet|agency|channel|newspaper|broadcaster|website|station)\s+)?"
    r"[\"\u201c\u00ab]?"  # 'in an interview with "Suspilne."'
    r"(?P<name>[A-Z][\w.'’&/-]*(?:\s+(?:of\s+)?[A-Z][\w.'’&/-]*){0,3}"
    # "told the odkryto.cz website": a site's address in lower case
    r"|[a-z][\w-]*\.(?:cz|pl|de|com|net|ua|ru|org|media|info|news|eu)\b)"
)
# "in an interview with The Insider and LIGA.net websites": outlets by what they are
_NAMED_OUTLETS = re.compile(
    r"\b(?:told|to|with|by)\s+(?P<names>(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}"
    r"(?:\s*(?:,|and)\s+(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})*)\s+"
    r"(?:websites?|newspapers?|outlets?|channels?|magazines?|publications?)\b"
)
# "told Vikerraadio's "Uudis+" show", "on the BBC's Newsnight programme": whose show it is
_PROGRAMME = re.compile(
    r"\b(?:told|to|on|in)\s+(?:the\s+)?(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})['’]s\s+"
    r"(?:[\"“]?[\w+.:'’ -]{1,40}?[\"”]?\s+)?(?:show|programme|program|podcast|broadcast)\b"
)
_DISPUTED = frozenset("claim accusation allegation charge assertion".split())
_POINTERS = frozenset("this that it so these".split())
_TELLING = frozenset("say tell write state".split())


def disputed(frame: Frame) -> bool:
    cue = frame.cue
    if cue.dep_ == "relcl" and cue.head.lemma_.lower() in _DISPUTED:
        return True
    return any(
        c.dep_ == "dobj" and c.i < cue.i and c.lemma_.lower() in _DISPUTED for c in cue.children
    )


def restates(frame: Frame) -> bool:
    """Reported content that is only the telling of what came before ("Peskov said this
    to journalists on Friday", "he wrote so on X"): no item of its own."""
    if not frame.content:
        return False
    if frame.cue.lemma_.lower() in _TELLING and (
        any(c.dep_ == "dobj" and c.lower_ in {"this", "so"} for c in frame.cue.children)
        or _about_this(frame.cue)
    ):
        return True  # "She told this to journalists ..., Ukrinform reports": the venue
    start, end = frame.content[0]
    inside = [t for t in frame.cue.doc if start <= t.idx < end]
    heads = [t for t in inside if not start <= t.head.idx < end or t.head.i == t.i]
    main = min(heads, key=lambda t: t.i, default=None)
    if main is None or main.lemma_.lower() not in CUE_LEMMAS:
        return False
    told = [c for c in main.children if c.dep_ in {"dobj", "ccomp", "advmod", "xcomp"}]
    return bool(told) and all(c.lower_ in _POINTERS for c in told)


def _about_this(verb: Token) -> bool:
    """ "X told journalists about this on Saturday": the telling of what came before."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "about"
        and any(g.dep_ == "pobj" and g.lower_ in _POINTERS for g in c.children)
        for c in verb.children
    )


_RELAYED = re.compile(
    r"\b(?:according\s+to|as\s+cited\s+by|as\s+quoted\s+by|as\s+reported\s+by|with\s+reference\s+to)\s+"
    r"(?:the\s+)?"
    # "according to a Chinese foreign ministry statement": the ministry (display_source_name)
    r"(?P<name>(?:an?\s+)?[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|city|regional|state|"
    r"council|administration|office|ministry|foreign|defen[cs]e|statement)\b){0,4})"
)


# "..., TASS reported.", "Russia's TASS news agency quoted X as saying": an outlet's frame
# around the speaker's
_OUTLET_RELAYS = re.compile(
    r"(?:\b[A-Z][\w.-]*['’]s\s+)?(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})"
    r"(?:\s+(?:news\s+)?agency)?\s+"
    r"(?:also\s+)?(?:reported|reports|quoted|has\s+learned|learned|learns)\b"
)

# '"...," reported state news agency Belta.': the outlet after its verb, named or described
_RELAYS_OUTLET = re.compile(
    r"(?:[,\"\u201d]|\s)\s*(?:reported|reports|wrote|writes)\s+(?:the\s+)?"
    r"(?:(?:state|news|online|[A-Z][a-z]+)\s+){0,2}"
    r"(?:(?P<kind>agency|newspaper|outlet|broadcaster|website|channel|daily)\s+)?"
    r"(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\s*[.,;]?\s*$"
)


def relayed_by(frame: Frame) -> tuple[SourceRef, ...]:
    """Who passed the words on, named beside the speaker's frame ("..., he added,
    according to Kyiv city council"; "..., Macron said, as cited by Le Monde")."""
    doc = frame.cue.doc
    sentence = frame.cue.sent
    # a quotation running into the next sentence the parser made: to where that one ends
    last = max(end for _, end in frame.content)
    ending = doc.char_span(last - 1, last, alignment_mode="expand")
    stop = ending.sent.end_char if ending is not None else sentence.end_char
    outside = doc.text[sentence.start_char : stop]
    for start, end in frame.content:
        a, b = start - sentence.start_char, end - sentence.start_char
        outside = outside[:a] + " " * (b - a) + outside[b:]
    speaker = (frame.speaker.start_char - sentence.start_char, frame.speaker.end_char)
    whole = doc.text[sentence.start_char : stop]
    relays = (
        *_RELAYED.finditer(outside),
        *_OUTLET_RELAYS.finditer(outside),
        # "..., reported Xinhua.": the outlet closing the sentence, though the words it
        # relays were read to run over it
        *_RELAYS_OUTLET.finditer(whole),
    )
    names = [
        display_source_name(m.group("name"))
        for m in (*relays, *CORRESPONDENT.finditer(outside))  # "..., an X correspondent reports"
        if not speaker[0] <= m.start("name") < speaker[1] - sentence.start_char
        and (m.re not in (_OUTLET_RELAYS, _RELAYS_OUTLET) or _outlet(m))
    ]
    return tuple(named_source(name, "cited") for name in names)


def _outlet(match: re.Match[str]) -> bool:
    """An outlet by its name, or described as one ("state news agency Belta")."""
    return is_outlet(match.group("name")) or bool(match.groupdict().get("kind"))


def venues(frame: Frame, *, sentence: bool = False) -> tuple[SourceRef, ...]:
    """Outlets the frame names as where the words were said ("told Bloomberg News", "in
    an interview with the Financial Times", "was quoted by Yonhap"); with ``sentence``,
    anywhere in its sentence (a frame that only says whose the words before were)."""
    start, end = frame.frame_range
    if sentence:
        start, end = frame.cue.sent.start_char, frame.cue.sent.end_char
    text = frame.cue.doc.text[start:end]
    told = list(_VENUE.finditer(text))
    found = [m.group("name") for m in told]
    described = {display_source_name(m.group("name")) for m in told if m.group("kind")}
    named = [
        display_source_name(name)
        for m in _NAMED_OUTLETS.finditer(text)
        for name in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("names"))
    ]
    shows = [display_source_name(m.group("name")) for m in _PROGRAMME.finditer(text)]
    found = [n for n in found if not any(n.startswith(show) for show in shows)]
    outlets = (n for n in (display_source_name(n) for n in found) if is_outlet(n) or n in described)
    names = [*shows, *outlets, *named]
    return tuple(outlet_source(name) for name in dict.fromkeys(names))


def outlet_source(name: str) -> SourceRef:
    """An outlet where a speaker's words were said or reported."""
    return SourceRef(name=name, key=source_key(name), kind="publication", role="reported_by")


# "in an interview with the New York Times", "gave an interview to Liga.net"
_INTERVIEWED = re.compile(
    r"\binterview\s+(?:with|to)\s+(?:the\s+)?(?P<name>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})"
)
_GAVE = re.compile(r"\b(?:gave|granted|gives)\s+an\s+interview\s+to\b")


# "He stated this in an interview with Politico": a line that says whose the lines
# around it are
_POINTED = re.compile(r"(?:He|She)\s+(?:\w+\s+)?(?:this|that|it|so)\s+in\s+an\s+interview\b")


def _lines(body: str) -> list[tuple[int, int]]:
    """Where each line of ``body`` starts and ends."""
    bounds, start = [], 0
    for line in body.split("\n"):
        bounds.append((start, start + len(line)))
        start += len(line) + 1
    return bounds


def _nearest(lines: dict[int, set[str]], start: int, *, after: bool = False) -> set[str] | None:
    """The speakers of the closest line with claims: the one before, else the one after
    (with ``after``, the other way round)."""
    earlier = [line for line in lines if line < start - 1]
    later = [line for line in lines if line > start - 1]
    first = min(later) if later else None
    last = max(earlier) if earlier else None
    found = (first, last) if after else (last, first)
    line = next((f for f in found if f is not None), None)
    return lines[line] if line is not None else None


def carry_interviews(claims: list[ClaimDoc], body: str) -> list[ClaimDoc]:
    """A speaker's claims with no source of their own, told in the interview the article
    names beside one of them ("X said in an interview with the New York Times that ...",
    then "X added ..."): that outlet is their source too."""
    lines: dict[int, set[str]] = {}
    for claim in claims:
        lines.setdefault(body.rfind("\n", 0, claim.spans[0].start), set()).add(claim.speaker.key)
    venues: dict[str, SourceRef] = {}
    for start, end in _lines(body):
        speakers = lines.get(start - 1)
        if speakers is None and _POINTED.match(body, start):
            speakers = _nearest(lines, start)  # "He said this in an interview with X."
        elif speakers is None and _GAVE.search(body, start, end):
            # "X gave an interview to the Imedi TV channel ...": the lines after are his
            speakers = _nearest(lines, start, after=True)
        if not speakers or len(speakers) != 1:
            continue
        for match in _INTERVIEWED.finditer(body[start:end]):
            name = display_source_name(re.split(r"\.\s", match.group("name"))[0].rstrip("."))
            if is_outlet(name):
                venues.setdefault(next(iter(speakers)), outlet_source(name))
    return [
        c.model_copy(update={"sources": (venues[c.speaker.key],)})
        if not c.sources and c.speaker.key in venues
        else c
        for c in claims
    ]
