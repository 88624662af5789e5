"""Transcripts: a briefing or press availability whose turns open with a speaker's label
in capitals ("SECRETARY BLINKEN: ...", "MR MILLER: ...", "QUESTION: ...").

Read after the layout's lines are known, before the sentences: each turn is the labelled
speaker's, named in full where the transcript names them so ("Secretary of State Antony
Blinken", "Antony J. Blinken, Secretary of State"); a reporter's question and a
moderator's or operator's words are nobody's claims; greetings and thanks are no claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventstore.extract.document import PersonRef
from eventstore.extract.drafts import Draft, spans_of
from eventstore.extract.people import make_person
from eventstore.extract.text import Paragraph
from eventstore.vocabulary import Section

if TYPE_CHECKING:
    from spacy.tokens import Doc

# "SECRETARY BLINKEN:", "MR. MILLER:", "FOREIGN MINISTER KULEBA:", "QUESTION:"; and a
# reporter's "Q:" or the White House's "Q    Good to see you." with no colon
TURN = re.compile(
    r"^(?:(?P<who>(?:[A-Z][A-Z.'’-]*\s+){0,4}[A-Z][A-Z'’-]+)\s*:|(?P<who_q>Q)\s*:?)\s+(?=\S)"
)
_MIN_TURNS = 2
# Who asks or keeps order: their words are nobody's claims.
_QUESTIONERS = frozenset(
    """QUESTION Q MODERATOR OPERATOR REPORTER JOURNALIST PARTICIPANT STAFF AUDIENCE PRESS
    INTERPRETER TRANSLATOR PARTICIPANTS""".split()
)
_HONORIFICS = frozenset("MR MR. MRS MRS. MS MS. DR DR.".split())
# Greetings, thanks and welcomes, after any "Well," or a name addressed ("Tony, welcome
# back"); "Thanks to our partners, ..." is no thanks.
_PLEASANTRY = re.compile(
    r"^(?:(?:well|so|and|okay|ok|yes|all right|alright|great)[,.!]?\s+)*"
    r"(?:[A-Z][a-z]+,\s+)?"
    r"(?:thank(?:s(?!\s+to\b)|\s+you)\b|good\s+(?:morning|afternoon|evening|day)\b|welcome\b"
    r"|hello\b|hi\b|(?:it\s+is|it['’]s)\s+(?:(?:very|so|really|always)\s+)?"
    r"(?:good|great|nice|wonderful|a\s+(?:real\s+)?pleasure|an\s+honou?r)\b"
    r"|(?:I\s+am|I['’]m)\s+(?:(?:very|so|really)\s+)?(?:glad|pleased|happy|delighted)\s+to\b"
    r"|let\s+me\s+(?:start|begin)\s+by\s+thanking\b|(?:nice|good|great)\s+to\s+(?:see|be)\b"
    r"|(?:go\s+ahead|next\s+question)\b)",
    re.IGNORECASE,
)
_SHORT = 3  # words: "Sure.", "Yes, please." are no statement


@dataclass(frozen=True, slots=True)
class Turn:
    """One paragraph of a transcript: whose it is (None: a question, a moderator's)."""

    paragraph: Paragraph
    speaker: PersonRef | None


def transcript_turns(paras: list[Paragraph], text: str) -> dict[int, Turn]:
    """The turns of a transcript, by paragraph index (each cut after its label, a
    paragraph with no label continuing the turn before), or none when fewer than two
    paragraphs carry a speaker's label. ``text`` is the whole article, for full names."""
    labelled = [TURN.match(p.text) for p in paras]
    whos = [_who(m) for m in labelled if m is not None]
    asking = _askers(paras, labelled)
    speaking = [w for w in whos if w not in asking]
    # "KYIV: ...", "BREAKING: ..." twice are no speakers: a one-word label is a speaker's
    # only where someone asks ("QUESTION:", "Q:")
    lone = any(len(w.split()) == 1 for w in speaking)
    if len(whos) < _MIN_TURNS or not speaking or (lone and len(speaking) == len(whos)):
        return {}
    found: dict[int, Turn] = {}
    speaker: PersonRef | None = None
    started = False
    for paragraph, match in zip(paras, labelled, strict=True):
        turn = paragraph
        if match is not None:
            who = _who(match)
            started, speaker = True, None if who in asking else _speaker(who, text)
            turn = _cut(paragraph, match.end())
        if started:
            found[paragraph.index] = Turn(turn, speaker)
    return found


def _askers(paras: list[Paragraph], labelled: list[re.Match[str] | None]) -> set[str]:
    """Labels of those who ask or keep order: "QUESTION", "MODERATOR", and a label whose
    every paragraph is a question ("NV: ...?", an interviewer's outlet)."""
    lines: dict[str, list[str]] = {}
    for paragraph, match in zip(paras, labelled, strict=True):
        if match is not None:
            lines.setdefault(_who(match), []).append(paragraph.text.rstrip(' "”»'))
    return {
        who
        for who, texts in lines.items()
        if _bare(who) in _QUESTIONERS or all(text.endswith("?") for text in texts)
    }


def _who(match: re.Match[str]) -> str:
    return match.group("who") or match.group("who_q")


def _bare(who: str) -> str:
    return who.rsplit(maxsplit=1)[-1].rstrip(".")


def _speaker(who: str, text: str) -> PersonRef | None:
    """ "SECRETARY BLINKEN": Antony Blinken, Secretary of State, as the text names him."""
    words = who.split()
    if len(words[-1]) < 2:
        return None
    surname = words[-1].title()
    titles = " ".join(w.title() for w in words[:-1] if w not in _HONORIFICS) or None
    name, role = _full_name(surname, text)
    return make_person(name, role or titles, default_kind="official")


def _full_name(surname: str, text: str) -> tuple[str, str | None]:
    """The first full name the text gives the surname ("Antony J. Blinken" is Antony
    Blinken: a middle initial is dropped, as most reports write him), with the role of a
    line that names them so ("Matthew Miller, Department Spokesperson")."""
    pattern = (
        rf"\b(?P<first>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:[A-Z]\.\s+)?{re.escape(surname)}\b"
        r"(?:,\s+(?P<role>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,6})$)?"
    )
    for match in re.finditer(pattern, text, re.MULTILINE):
        if match.group("first").upper() not in _TITLE_WORDS:
            return f"{match.group('first')} {surname}", match.group("role")
    return surname, None


_TITLE_WORDS = frozenset(
    """SECRETARY MINISTER PRESIDENT GENERAL SPOKESPERSON SPOKESMAN AMBASSADOR ADMIRAL
    SENATOR GOVERNOR MAYOR MR MRS MS DR DEPUTY CHIEF DIRECTOR""".split()
)


def _cut(paragraph: Paragraph, offset: int) -> Paragraph:
    text = paragraph.text[offset:]
    return Paragraph(paragraph.index, paragraph.start + offset, paragraph.end, text, paragraph.line)


def turn_claim(paragraph: Paragraph, doc: Doc, speaker: PersonRef, section: Section) -> Draft:
    """A turn's words as its speaker's quote, without the greetings and thanks."""
    bounds = [
        (sent.start_char, sent.end_char)
        for sent in doc.sents
        if not _PLEASANTRY.match(sent.text.strip()) and len(sent.text.split()) > _SHORT
    ]
    spans = spans_of(paragraph, _joined(bounds))
    return Draft(speaker, "quote", spans, section, "transcript.turn", 0.8)


def _joined(bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Adjacent sentences as one range."""
    joined: list[tuple[int, int]] = []
    for start, end in bounds:
        if joined and start - joined[-1][1] <= 1:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined
