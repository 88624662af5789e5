"""Attribution frames: in one sentence, the cue, its speaker, and what was said.

A frame is read off the dependency parse: a cue verb in any tense or position ("said",
"says", "told Reuters", "warned", "believes") with its subject as the speaker and its
clausal complement as the content; "according to X"; "X is sure that ...". A quotation
next to the frame is the content of a direct quote; a quoted fragment inside reported
content makes it a paraphrase. The content of "The talks, he said, were ..." is the
sentence around the parenthetical frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventstore.extract.quotes import Quote
from eventstore.vocabulary import ClaimKind

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

CUE_LEMMAS = frozenset(
    """say tell add note explain believe think warn caution urge stress emphasize emphasise
    state write announce argue claim insist suggest predict acknowledge admit recall conclude
    comment assert reiterate reply answer confirm deny remark underline clarify report
    estimate contend maintain declare complain promise pledge vow hint specify elaborate
    summarize summarise observe point assume consider expect fear doubt ask tweet post
    reckon allege quote""".split()
)
# Cues that also name ordinary actions: a frame only with a clause or a quote.
_WEAK_CUES = frozenset(
    "report confirm announce promise pledge vow expect consider ask post add".split()
)
OPINION_NOUNS = frozenset("opinion view words assessment estimation estimate".split())
CERTAINTY_ADJECTIVES = frozenset("sure convinced confident certain adamant".split())
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# "..., saying that ...", "..., adding ...": a participle that speaks for the main subject
# ("leaving Ukrainians fearing a return of blackouts" does not).
_SPEECH_PARTICIPLES = frozenset(
    "say add note warn stress claim insist explain argue emphasize emphasise tell state"
    " point".split()
)
# How long a cue's object or modifier may be and still belong to the frame ("told
# reporters", "in an interview with Radio NV on Tuesday") rather than to the content.
_FRAME_PART_LIMIT = {"dobj": 3, "dative": 3, "prep": 9, "npadvmod": 4, "advmod": 3, "advcl": 80}
_CONTENT = frozenset({"ccomp", "xcomp", "dobj", "advcl", "prep", "conj", "oprd", "attr"})


@dataclass(frozen=True, slots=True)
class Frame:
    """One attribution: speaker phrase, cue token, content character ranges, and how."""

    speaker: Span
    cue: Token
    content: tuple[tuple[int, int], ...]
    kind: ClaimKind
    rule: str
    confidence: float
    frame_range: tuple[int, int]

    @property
    def attribution(self) -> str:
        """The words that attribute the content ("Peskov told reporters on Tuesday")."""
        start, end = self.frame_range
        doc = self.cue.doc
        return " ".join(doc.text[start:end].split()).strip(' ,:;—–-"“”')


def find_frame(unit: Span, quotes: list[Quote]) -> Frame | None:
    """The attribution frame of ``unit`` (one or more sentences), if it has one."""
    frames = [f for token in unit if (f := _frame_at(token, unit, quotes)) is not None]
    if not frames:
        return None
    # A named person's frame wins ("This was reported by Budanov ..., reports UNN"); then
    # the frame closest to the root of the parse governs the others ("X said Y told him").
    return min(frames, key=lambda f: (not _names_person(f.speaker), _depth(f.cue), f.cue.i))


def _names_person(speaker: Span) -> bool:
    return any(ent.label_ == "PERSON" for ent in speaker.ents)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _inside(token: Token, quotes: list[Quote]) -> bool:
    return any(quote.contains(token.idx) for quote in quotes)


def _frame_at(token: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    if _inside(token, quotes):
        return None
    lower = token.lower_
    if lower == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        return _according(token, unit, quotes)
    if token.pos_ in {"ADJ", "VERB"} and lower in CERTAINTY_ADJECTIVES:
        return _certain(token, unit, quotes)
    if lower in OPINION_NOUNS and token.dep_ == "pobj" and token.head.lower_ == "in":
        return _opinion(token, unit)
    return _cue_frame(token, unit, quotes)


def _cue_frame(token: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    """A cue verb's frame: "X said", "said X", "X was quoted as saying", "This was
    stated by X"."""
    lemma = token.lemma_.lower() or token.lower_
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ == "relcl":
        return None  # "a claim Ukraine denies": a relative clause attributes nothing new
    if lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children):
        lemma = "say"  # "Tkachenko put it bluntly: ..."
    if lemma in {"call", "describe"} and any(
        c.dep_ in {"oprd", "xcomp", "ccomp"} or c.lower_ == "as" for c in token.children
    ):
        lemma = "say"  # "Peskov called the new list absurd", "described it as wicked"
    if lemma not in CUE_LEMMAS:
        return None
    subject = _subject(token)
    if subject is None or _inside(subject, quotes):
        return None
    if subject.dep_ == "nsubjpass":
        return _passive(token, subject, unit, quotes)
    return _verb_frame(token, subject, unit, quotes, weak=lemma in _WEAK_CUES)


def _passive(verb: Token, subject: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    """ "This was reported by X" (the content is what came before) and "X was quoted as
    saying ..." (the subject is the speaker)."""
    agent = _agent(verb)
    if agent is not None and subject.lower_ in {"this", "that", "it"}:
        speaker = speaker_span(agent)
        frame = (unit.start_char, unit.end_char)
        return Frame(speaker, verb, (), "paraphrase", "paraphrase.stated_by", 0.75, frame)
    if verb.lemma_.lower() == "quote":
        return _verb_frame(verb, subject, unit, quotes, weak=False)
    return None


def _is_cue(token: Token) -> bool:
    return (token.lemma_.lower() or token.lower_) in CUE_LEMMAS


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return child
    # "He said X and added Y", "Tehran continues to insist that ...", "He answered,
    # saying that ...": the cue shares the subject of the verb it depends on.
    shares = verb.dep_ in {"conj", "xcomp"} or (
        verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.lemma_.lower() in _SPEECH_PARTICIPLES
    )
    if shares and verb.head.pos_ in {"VERB", "AUX"} and verb.head.i != verb.i:
        return _subject(verb.head)
    return None


def _agent(verb: Token) -> Token | None:
    """The speaker of a passive cue: "This was stated by Defense Minister Rustem Umerov"."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def speaker_span(subject: Token) -> Span:
    """The subject's phrase, without relative clauses ("X, who ..., said")."""
    doc = subject.doc
    tokens = [subject]
    for child in subject.children:
        if child.dep_ in {"relcl", "acl"}:
            continue
        tokens.extend(child.subtree)
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens) + 1
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    while start < end - 1 and doc[start].is_punct:
        start += 1
    return doc[start:end]


def _verb_frame(
    verb: Token, subject: Token, unit: Span, quotes: list[Quote], *, weak: bool
) -> Frame | None:
    speaker = speaker_span(subject)
    frame = _frame_range(verb, speaker)
    clause = _clause(verb)
    if weak and clause is None:
        return None  # "confirmed Kim's visit": an action with an object, not speech
    direct = _adjacent_quotes(unit, quotes, frame)
    if direct:
        rule = "quote.cue_after" if direct[0][0] < frame[0] else "quote.cue_before"
        return Frame(speaker, verb, tuple(direct), "quote", rule, 0.9, frame)
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:
        content = _around(verb.head, verb, unit)
        if content:
            return Frame(
                speaker, verb, content, "paraphrase", "paraphrase.parenthetical", 0.8, frame
            )
    if clause is None:
        clause = _rest_after(verb, frame, unit)
        if clause is None:
            return None
        rule, confidence = "paraphrase.cue_object", 0.6
    elif clause[0] >= verb.idx:
        # "Koval added that A, so B": what is reported runs to the end of the sentence,
        # whatever the parser hung the last clause on.
        start = clause[0]
        if unit.doc.text[start : start + 5].lower() == "that ":
            start += 5  # "said that A, so B": the parser may hang "that" below the top
        clause = (start, max(clause[1], unit.end_char))
        frame = (frame[0], min(frame[1], clause[0]))
        rule, confidence = "paraphrase.cue_before", 0.85
    else:
        rule, confidence = "paraphrase.cue_after", 0.85
    return Frame(speaker, verb, (clause,), "paraphrase", rule, confidence, frame)


def _frame_range(verb: Token, speaker: Span) -> tuple[int, int]:
    """Characters of the frame: speaker, cue and the cue's non-clausal modifiers."""
    tokens = [verb, *speaker]
    for child in verb.children:
        if child.dep_ in {"ccomp", "parataxis", "xcomp", "punct", "mark", "cc", "conj"}:
            continue
        if child.dep_ == "advcl" and (child.i < verb.i or _is_cue(child)):
            continue  # a leading clause may be content; "..., saying ..." is a frame of its own
        subtree = list(child.subtree)
        limit = _FRAME_PART_LIMIT.get(child.dep_, 12)
        if child.dep_ == "dobj" and any(t.pos_ == "PROPN" for t in subtree):
            limit = 6  # "told news outlet Interfax-Ukraine", "told the Financial Times"
        if len(subtree) > limit:
            continue  # "emphasized his desire to strengthen ...": that object is content
        tokens.extend(subtree)
    start = min(t.idx for t in tokens)
    last = max(tokens, key=lambda t: t.idx)
    return start, last.idx + len(last.text)


def _adjacent_quotes(
    unit: Span, quotes: list[Quote], frame: tuple[int, int]
) -> list[tuple[int, int]]:
    """Quotes of ``unit`` that stand for its content: nothing but the frame is outside."""
    inside = [q for q in quotes if unit.start_char <= q.start and q.end <= unit.end_char + 1]
    if not inside:
        return []
    outside = unit.doc.text[unit.start_char : unit.end_char]
    shift = unit.start_char
    covered = [(q.start - 1, q.end + 1) for q in inside] + [frame]
    rest = "".join(
        ch for i, ch in enumerate(outside) if not any(a <= i + shift < b for a, b in covered)
    )
    if sum(ch.isalnum() for ch in rest) > 12:
        return []  # words of the narrator's own beside the quote: a paraphrase with a quote
    return [(q.start, q.end) for q in inside]


def _clause(verb: Token) -> tuple[int, int] | None:
    """The reported clause: the cue's complement, else a clause before it that is not a
    participle of the frame ("Speaking to Radio NV, X said ...")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"] or [
        c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i and c.tag_ != "VBG"
    ]
    if not clauses:
        return None
    child = clauses[0]
    tokens = [
        t
        for t in child.subtree
        if not (t.dep_ == "mark" and t.head == child and t.lower_ == "that")
    ]
    return _chars(tokens)


def _rest_after(verb: Token, frame: tuple[int, int], unit: Span) -> tuple[int, int] | None:
    """Content of a cue with an object or prepositional clause ("urged the West to ...")."""
    if verb.i < verb.sent.start or not any(
        c.dep_ in _CONTENT and c.i > verb.i for c in verb.children
    ):
        return None
    start = frame[1]
    end = unit.end_char
    return (start, end) if end - start > 10 else None


def _around(head: Token, cue: Token, unit: Span) -> tuple[tuple[int, int], ...]:
    outside = {t.i for t in cue.subtree}
    tokens = [t for t in head.subtree if t.i not in outside]
    before = [t for t in tokens if t.i < cue.i]
    after = [t for t in tokens if t.i > cue.i]
    return tuple(_chars(part) for part in (before, after) if part)


def _according(token: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    to = token.nbor()
    objects = [c for c in to.children if c.dep_ == "pobj"] or [
        c for c in token.children if c.dep_ == "pobj"
    ]
    if not objects:
        return None
    speaker = speaker_span(objects[0])
    prep = [token, to, *speaker]
    frame = (min(t.idx for t in prep), max(t.idx + len(t.text) for t in prep))
    doc = unit.doc
    before = (unit.start_char, frame[0])
    after = (frame[1], unit.end_char)
    parts = [p for p in (before, after) if len(doc.text[p[0] : p[1]].strip(" ,.;:")) > 10]
    if not parts:
        return None
    return Frame(speaker, token, tuple(parts), "paraphrase", "paraphrase.according_to", 0.85, frame)


def _certain(adjective: Token, unit: Span, quotes: list[Quote]) -> Frame | None:
    """ "X is sure that ...", "X is convinced that ..." (the parser reads either an
    adjective after "is" or a passive participle)."""
    verb = adjective.head
    near = [*adjective.children]
    near += [g for c in adjective.children if c.dep_ in {"aux", "auxpass"} for g in c.children]
    subject = next((c for c in near if c.dep_ in _SUBJECTS), None)
    if subject is None and adjective.dep_ == "acomp":
        subject = _subject(verb)
    if subject is None:
        return None
    clause = _clause(adjective)
    if clause is None:
        return None
    clause = (clause[0], max(clause[1], unit.end_char))  # to the end, as for a cue verb
    speaker = speaker_span(subject)
    tokens = [*speaker, verb, adjective]
    frame = (min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens))
    return Frame(speaker, adjective, (clause,), "paraphrase", "paraphrase.certainty", 0.8, frame)


def _opinion(noun: Token, unit: Span) -> Frame | None:
    """ "In her opinion, ...", "In the view of Oleh Zhdanov, ..."."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    if owner is None:
        return None
    phrase = list(noun.head.subtree)
    frame = (phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
    doc = unit.doc
    parts = [(unit.start_char, frame[0]), (frame[1], unit.end_char)]
    parts = [p for p in parts if len(doc.text[p[0] : p[1]].strip(" ,.;:")) > 10]
    if not parts:
        return None
    speaker = doc[owner.i : owner.i + 1] if owner.pos_ == "PRON" else speaker_span(owner)
    return Frame(speaker, noun, tuple(parts), "paraphrase", "paraphrase.opinion", 0.8, frame)


def _chars(tokens: list[Token]) -> tuple[int, int]:
    first = min(tokens, key=lambda t: t.idx)
    last = max(tokens, key=lambda t: t.idx)
    return first.idx, last.idx + len(last.text)
