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
    from spacy.tokens import Span as Sentence

# "SECRETARY BLINKEN:", "MR. MILLER:", "FOREIGN MINISTER KULEBA:", "QUESTION:"; a radio
# or TV transcript's "MICHEL MARTIN, HOST:" or "JOANNA KAKISSIS, BYLINE:", its label often
# on a line of its own; a reporter's "Q:" or the White House's "Q    Good to see you." with
# no colon
TURN = re.compile(
    r"^\*{0,2}(?:(?P<who>(?:[A-Z][A-ZÀ-ÖØ-Þ.'’-]*\s+){0,4}[A-Z][A-ZÀ-ÖØ-Þ'’-]+)"  # "MARTÍNEZ"
    # "*SECRETARY RUBIO:*": a label set in bold as the page marked it
    r"(?:,\s+(?P<role>[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,4}))?\s*:\*{0,2}"
    r"|(?P<who_q>Q)\s*:?)(?:\s+(?=\S)|\s*$)"
)
# A transcription service's labels in mixed case with a time code: "Karine Jean-Pierre:
# (00:00) ...", "Speaker 1 (03:15): ...", "John Kirby (12:02):"
_CLOCK = r"\(\d{1,2}(?::\d{2}){1,2}\)"
MIXED_TURN = re.compile(
    rf"^(?P<who>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|\d+)){{0,3}})"
    rf"(?:\s*{_CLOCK}\s*:|\s*:\s*{_CLOCK})\s*"
)
_MIN_TURNS = 2
# Who asks or keeps order: their words are nobody's claims.
_QUESTIONERS = frozenset(
    """QUESTION Q MODERATOR OPERATOR REPORTER JOURNALIST PARTICIPANT STAFF AUDIENCE PRESS
    INTERPRETER TRANSLATOR PARTICIPANTS""".split()
)
# A programme's own people: a host's or anchor's words that are no question tell the
# news as the programme's narration, and so do a correspondent's ("BYLINE" in NPR's
# transcripts); neither is a speaker of claims.
_HOSTS = frozenset("HOST HOSTS ANCHOR CO-HOST MODERATOR PRESENTER".split())
_CORRESPONDENTS = frozenset("BYLINE CORRESPONDENT REPORTER".split())
_HONORIFICS = frozenset("MR MR. MRS MRS. MS MS. DR DR.".split())
# Greetings, thanks and welcomes, after any "Well," or a name addressed ("Tony, welcome
# back"); "Thanks to our partners, ..." is no thanks.
_PLEASANTRY = re.compile(
    r"^(?:(?:well|so|and|okay|ok|yes|all right|alright|great|with\s+that)[,.!]?\s+)*"
    r"(?:[A-Z][a-z]+,\s+)?"
    r"(?:thank(?:s(?!\s+to\b)|\s+you)\b|good\s+(?:morning|afternoon|evening|day)\b|welcome\b"
    r"|hello\b|hi\b|(?:it\s+is|it['’]s)\s+(?:(?:very|so|really|always)\s+)?"
    r"(?:good|great|nice|wonderful|a\s+(?:real\s+)?pleasure|an\s+honou?r)\b"
    r"|(?:I\s+am|I['’]m)\s+(?:(?:very|so|really)\s+)?(?:glad|pleased|happy|delighted)\s+to\b"
    r"|let\s+me\s+(?:start|begin)\s+by\s+thanking\b|(?:nice|good|great)\s+to\s+(?:see|be)\b"
    r"|(?:go\s+ahead|next\s+question)\b|happy\s+(?:\w+day|new\s+year|holidays)\b)",
    re.IGNORECASE,
)
# What a speaker is about to say, no statement itself: "Let me start with a few comments",
# "I have two announcements"
_AGENDA = re.compile(
    r"^(?:(?:so|and|now|okay|ok|all right|first|with\s+that)[,.]?\s+)*"
    r"(?:(?:I['’]ll|I\s+will|let\s+me)\s+(?:now\s+)?(?:turn|hand)\s+it\s+over\b"
    r"|let\s+me\s+(?:start|begin|open|kick\s+off)\s+(?:with|by)\b"
    r"|I(?:['’]d|\s+would)\s+like\s+to\s+(?:start|begin|open)\s+(?:with|by)\b"
    r"|I(?:\s+have|['’]ve\s+got)\s+(?:a\s+few|a\s+couple\s+of|one|two|three|several)\s+"
    r"(?:\w+\s+)?(?:comments|announcements?|things|items|updates|remarks)\b)",
    re.IGNORECASE,
)
_SHORT = 3  # words: "Sure.", "Yes, please." are no statement


@dataclass(frozen=True, slots=True)
class Turn:
    """One paragraph of a transcript: whose it is (None: a question, a moderator's), or
    ``narrated``: a host's or correspondent's words read as the programme's narration."""

    paragraph: Paragraph
    speaker: PersonRef | None
    narrated: bool = False


@dataclass(frozen=True, slots=True)
class Label:
    """A turn's label: who ("MR MILLER", "Karine Jean-Pierre"), the role after a comma
    ("HOST"), where the label ends, and whether it is a transcription service's."""

    who: str
    role: str | None
    end: int
    mixed: bool

    @property
    def key(self) -> str:
        """The surname in capitals: "MARTIN:" later is "MICHEL MARTIN, HOST:"."""
        return self.who.split()[-1].upper()


def transcript_turns(paras: list[Paragraph], text: str) -> dict[int, Turn]:
    """The turns of a transcript, by paragraph index (each cut after its label, a
    paragraph with no label continuing the turn before), or none when the labels do not
    make one. ``text`` is the whole article, for full names."""
    labels = [_label(p.text) for p in paras]
    kinds = _kinds(paras, labels)
    if not _is_transcript([label for label in labels if label is not None], kinds):
        return {}
    roles = {label.key: label.role for label in labels if label is not None and label.role}
    found: dict[int, Turn] = {}
    speaker: PersonRef | None = None
    kind = ""
    for paragraph, label in zip(paras, labels, strict=True):
        turn = paragraph
        if label is not None:
            kind = kinds[label.key]
            speaker = _speaker(label, roles.get(label.key), text) if kind == "speaker" else None
            turn = _cut(paragraph, label.end)
        if kind:
            narrated = kind in {"host", "narrator"} and "?" not in turn.text
            found[paragraph.index] = Turn(turn, speaker, narrated)
    return found


def _label(text: str) -> Label | None:
    if match := TURN.match(text):
        who = match.group("who") or match.group("who_q")
        return Label(who, match.group("role"), match.end(), mixed=False)
    if match := MIXED_TURN.match(text):
        return Label(match.group("who"), None, match.end(), mixed=True)
    return None


def _kinds(paras: list[Paragraph], labels: list[Label | None]) -> dict[str, str]:
    """Each label's part, by surname: "asker" (a question, a moderator, an unnamed
    "Speaker 1", a label whose every paragraph is a question: "NV: ...?"), "host",
    "narrator" (a correspondent), else "speaker"."""
    lines: dict[str, list[str]] = {}
    roles: dict[str, set[str]] = {}
    for number, (paragraph, label) in enumerate(zip(paras, labels, strict=True)):
        if label is not None:
            said = paragraph.text[label.end :].strip()
            if not said and number + 1 < len(paras):  # the label on a line of its own
                said = paras[number + 1].text.strip()
            lines.setdefault(label.key, []).append(said.rstrip(' "”»'))
            roles.setdefault(label.key, set()).update((label.role or "").split())
            if label.mixed and not label.who.replace("-", "").replace(" ", "").isalpha():
                roles[label.key].add("UNNAMED")  # "Speaker 1"
    kinds: dict[str, str] = {}
    for key, texts in lines.items():
        words = roles[key]
        if words & _HOSTS:
            kinds[key] = "host"
        elif words & _CORRESPONDENTS:
            kinds[key] = "narrator"
        elif key.rstrip(".") in _QUESTIONERS or "UNNAMED" in words or _asks(texts):
            kinds[key] = "asker"
        else:
            kinds[key] = "speaker"
    return kinds


def _asks(texts: list[str]) -> bool:
    """Every turn under the label is a question."""
    return all(text.endswith("?") for text in texts)


def _is_transcript(labels: list[Label], kinds: dict[str, str]) -> bool:
    """Two labels or more, one of them a speaker's with more than one word ("KYIV: ...",
    "BREAKING: ..." twice are no speakers: a one-word label is a speaker's only where
    someone asks); or one label with a role ("MICHEL MARTIN, HOST:"), a time code
    ("Karine Jean-Pierre: (00:00)") or a title ("MR MILLER:" alone, his turn running on
    over the paragraphs after it)."""
    if any(label.role or label.mixed for label in labels):
        return True
    speaking = [label for label in labels if kinds[label.key] != "asker"]
    if not speaking:
        return False
    lone = any(len(label.who.split()) == 1 for label in speaking)
    if len(labels) >= _MIN_TURNS and not (lone and len(speaking) == len(labels)):
        return True
    return any(_titles(label.who.split()) for label in speaking)


def _titles(words: list[str]) -> list[str]:
    """The title words before a label's surname ("SECRETARY", "MR")."""
    return [w for w in words[:-1] if w.upper() in _HONORIFICS or w.upper() in _TITLE_WORDS]


def _speaker(label: Label, role: str | None, text: str) -> PersonRef | None:
    """ "SECRETARY BLINKEN": Antony Blinken, Secretary of State, as the text names him;
    "JOANNA KAKISSIS, BYLINE" and "Karine Jean-Pierre" name themselves."""
    words = label.who.split()
    if len(words[-1]) < 2:
        return None
    titles = _titles(words)
    shown = " ".join(w.title() for w in titles if w.upper() not in _HONORIFICS) or None
    if role:
        shown = role.title()
    if len(words) > 1 and not titles:
        name, named_role = _named(words, text)
        return make_person(name, named_role or shown, default_kind="official")
    name, named_role = _full_name(words[-1], text)
    return make_person(name, named_role or shown, default_kind="official")


def _named(words: list[str], text: str) -> tuple[str, str | None]:
    """A label that is a full name, as the text spells it, with a role a line gives."""
    name, role = _full_name(words[-1], text)
    if name.split()[0].upper() == words[0].upper():
        return name, role
    return " ".join(w if not w.isupper() else w.title() for w in words), None


def _full_name(surname: str, text: str) -> tuple[str, str | None]:
    """The first full name the text gives the surname ("Antony J. Blinken" is Antony
    Blinken: a middle initial is dropped, as most reports write him), with the role of a
    line that names them so ("Matthew Miller, Department Spokesperson")."""
    pattern = (
        rf"\b(?P<first>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:[A-Z]\.\s+)?"
        rf"(?P<surname>(?i:{re.escape(surname)}))\b"
        r"(?:,\s+(?P<role>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,6})$)?"
    )
    for match in re.finditer(pattern, text, re.MULTILINE):
        first, found = match.group("first"), match.group("surname")
        if first.upper() not in _TITLE_WORDS and not found.isupper():
            return f"{first} {found}", match.group("role")
    return (surname.title() if surname.isupper() else surname), None


_TITLE_WORDS = frozenset(
    """SECRETARY MINISTER PRESIDENT GENERAL SPOKESPERSON SPOKESMAN AMBASSADOR ADMIRAL
    SENATOR GOVERNOR MAYOR MR MRS MS DR DEPUTY CHIEF DIRECTOR""".split()
)


def _cut(paragraph: Paragraph, offset: int) -> Paragraph:
    text = paragraph.text[offset:]
    return Paragraph(paragraph.index, paragraph.start + offset, paragraph.end, text, paragraph.line)


def turn_claim(
    paragraph: Paragraph, sentences: list[Sentence], speaker: PersonRef, section: Section
) -> Draft:
    """A turn's sentences as its speaker's quote, without the greetings, thanks and the
    preamble before "Let me start with a few comments"."""
    said = [s for s in sentences if len(s.text.split()) > _SHORT]
    opening = [s for s in said[:4] if _AGENDA.match(s.text.strip())]
    if sentences and _PLEASANTRY.match(sentences[0].text.strip()) and opening:
        said = [s for s in said if s.start_char > opening[-1].start_char]
    bounds = [
        (s.start_char, s.end_char)
        for s in said
        if not _PLEASANTRY.match(s.text.strip()) and not _AGENDA.match(s.text.strip())
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
