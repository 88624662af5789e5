"""Sentences that hold two items, cut into the parts the paragraph reader reads one by one.

"X called the move "historic", while Y described it as ...": two speakers, two claims.
"NATO members pledged 5% of GDP on Wednesday, with Rutte hailing the deal as historic":
a happening and another speaker's word on it, an event and a claim.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventstore.extract.frame_parts import Frame, is_cue, subject_of
from eventstore.extract.happenings import happening_sentence

if TYPE_CHECKING:
    from spacy.tokens import Span as Sentence
    from spacy.tokens import Token

_TEMPORAL = frozenset("after before".split())
_JOINING_MARKS = frozenset("while whereas".split()) | _TEMPORAL
_NAMING = frozenset("call describe term dub label".split())
# Where a comment joins the happening it is on: "..., with X hailing ...", "..., while X
# said ...", "..., as X put it".
_JOINS = frozenset({"prep", "advcl"})
_MIN_HAPPENING_WORDS = 6


def _speaks(verb: Token) -> bool:
    return is_cue(verb) or verb.lemma_.lower() in _NAMING


def two_speakers(unit: Sentence) -> tuple[Sentence, Sentence] | None:
    """ "X called the move "historic", while Y described it as ...": a sentence of two
    statements by two speakers, each with its own subject and cue, read as two. So is
    "Russia struck ..., officials said Friday, hours after Y said talks ...": a closing
    clause of time with a speaker of its own is not what the officials said."""
    doc = unit.doc
    for token in unit:
        if token.lower_ not in _JOINING_MARKS or token.dep_ != "mark" or token.i - unit.start < 4:
            continue
        verb, main = token.head, unit.root
        # "..., hours after Y said": the clause opens with its measure of time
        first = verb.left_edge.i if token.lower_ in _TEMPORAL else token.i
        if first > token.i or doc[first - 1].text != "," or verb.i == main.i:
            continue
        spoken = [v for v in (verb, main) if _speaks(v) and subject_of(v) is not None]
        if len(spoken) == 2:
            return doc[unit.start : first - 1], doc[token.i + 1 : unit.end]
    return _but_another(unit)


def _but_another(unit: Sentence) -> tuple[Sentence, Sentence] | None:
    """ "The mayor reported that one man was killed, but later the police chief said he
    was dead before the strike": two cues joined by "but", each with a subject of its own
    (whichever of them the parser made the head of the other)."""
    doc = unit.doc
    buts = [t for t in unit if t.lower_ == "but" and t.dep_ == "cc" and doc[t.i - 1].text == ","]
    speaking = [
        (verb, subject)
        for verb in (unit if buts else ())
        if _speaks(verb)
        and (subject := next((c for c in verb.children if c.dep_ == "nsubj"), None))
    ]
    for token in buts:
        before = [v for v, subject in speaking if subject.i < v.i < token.i]
        # the second speaker opens the part after "but" ("but later X, the police chief,
        # said"), not a cue that closes a quotation the first part opened
        after = [v for v, subject in speaking if token.i < subject.left_edge.i <= token.i + 3]
        if before and after:
            return doc[unit.start : token.i - 1], doc[token.i + 1 : unit.end]
    return None


def happening_before(unit: Sentence, frame: Frame) -> Sentence | None:
    """The happening a sentence tells before a comment on it by someone else ("NATO
    members pledged to spend 5% of GDP, with Rutte hailing the deal as historic": "NATO
    members pledged to spend 5% of GDP"), or None.

    The comment is a frame inside a clause that closes the sentence; what comes before
    it is a happening of another subject: a past action, or a cue verb naming an act
    ("pledged 5%", "announced sanctions"), not one reporting words ("said that ...").
    """
    root, cue = unit.root, frame.cue
    if frame.rule == "paraphrase.according_to" or (
        frame.content and frame.content[0][0] == unit.start_char
    ):
        return None  # "A happened, according to X" / "..., X told reporters": all X's word
    # "Blinken announced new sanctions on Iran, accusing it of ...": the speaker's own
    # participle after an act of theirs comments on it as another speaker's would
    own = cue.dep_ == "advcl" and cue.head.i == root.i and cue.tag_ == "VBG"
    if cue.i <= root.i or (frame.speaker.start <= root.i and not own):
        return None
    branch = _joining_clause(cue, root)
    if branch is None or branch.left_edge.i <= root.i:
        return None
    end = branch.left_edge.i
    while end > unit.start and (unit.doc[end - 1].is_punct or unit.doc[end - 1].pos_ == "CCONJ"):
        end -= 1
    main = unit.doc[unit.start : end]
    words = [t for t in main if not t.is_punct]
    if len(words) < _MIN_HAPPENING_WORDS or main.root.i != root.i:
        return None
    return main if happening_sentence(main) or _act(root) else None


def _joining_clause(cue: Token, root: Token) -> Token | None:
    """The highest clause below ``root`` that holds ``cue`` and joins it as a comment."""
    found = None
    token = cue
    while token.i not in {root.i, token.head.i}:
        if token.dep_ in _JOINS:
            found = token
        token = token.head
    return found if token.i == root.i else None


def _act(verb: Token) -> bool:
    """A cue verb naming an act done, not words reported: "pledged to spend 5%",
    "announced new sanctions" (an object, no clause), in the past."""
    children = list(verb.children)
    if verb.tag_ != "VBD" or not is_cue(verb) or any(c.dep_ == "ccomp" for c in children):
        return False
    if any(c.dep_ == "neg" or c.tag_ == "MD" for c in children):
        return False
    subject = subject_of(verb)
    acts = any(c.dep_ in {"dobj", "xcomp"} for c in children)
    return acts and subject is not None and subject.pos_ != "PRON"
