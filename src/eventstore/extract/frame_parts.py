"""The parts attribution frames are built from: the ``Frame`` record, the cue words, and
the speaker, content and frame spans read off a cue's place in the dependency parse.

``frames`` decides which shape of attribution a sentence has ("X said", "according to X",
"This was stated by X", ...); every shape is assembled from these parts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventstore.extract.cues import CUE_LEMMAS
from eventstore.extract.names import TITLE_WORDS
from eventstore.extract.quotes import Quote
from eventstore.normalize import fold
from eventstore.vocabulary import ClaimKind

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# "..., saying that ...", "..., adding ...": a participle that speaks for the main subject
# ("leaving Ukrainians fearing a return of blackouts" does not).
_SPEECH_PARTICIPLES = frozenset(
    "say add note warn stress claim insist explain argue emphasize emphasise tell state"
    " point accuse".split()
)
# How long a cue's object or modifier may be and still belong to the frame ("told
# reporters", "in an interview with Radio NV on Tuesday") rather than to the content.
_FRAME_PART_LIMIT = {"dobj": 3, "dative": 3, "prep": 9, "npadvmod": 4, "advmod": 3, "advcl": 80}
CONTENT = frozenset({"ccomp", "xcomp", "dobj", "advcl", "prep", "conj", "oprd", "attr"})


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


def inside(token: Token, quotes: list[Quote]) -> bool:
    """True when ``token`` lies in a quotation; not in a name set in quotation marks
    ('"Rheinmetall" says ...': one capitalized word, the whole of its quotation)."""
    text = token.doc.text
    return any(
        quote.contains(token.idx) and not _quoted_name(text[quote.start : quote.end])
        for quote in quotes
    )


def _quoted_name(quoted: str) -> bool:
    words = quoted.split()
    return len(words) == 1 and words[0][:1].isupper() and words[0].strip(".,").isalpha()


def is_cue(token: Token) -> bool:
    return (token.lemma_.lower() or token.lower_) in CUE_LEMMAS


# Documents whose words a relative clause may give ("a ministry statement that said ...")
DOCUMENT_NOUNS = frozenset("statement communique communiqué report study assessment".split())
# Documents whose words the text quotes as what they read ('"...," the document reads.')
WRITTEN_OUT = frozenset(
    "document statement text conclusion conclusions declaration resolution".split()
)


def document_says(verb: Token) -> bool:
    """ "a Foreign Ministry statement on Monday that said China would ...": a relative
    clause giving a document's words."""
    return (
        verb.dep_ == "relcl"
        and verb.head.lemma_.lower() in DOCUMENT_NOUNS
        and any(c.dep_ == "nsubj" and c.lower_ in {"that", "which"} for c in verb.children)
    )


def subject_of(verb: Token) -> Token | None:
    subjects = [child for child in verb.children if child.dep_ in SUBJECTS]
    # "the Committee to Protect Journalists said": a name the parser read as a clause
    subjects = subjects or [c for c in verb.children if c.dep_ == "csubj" and c.ent_type_ == "ORG"]
    if subjects:
        # "Ukraine's military intelligence chief Kirill Budanov said": the parser may make
        # the title and the name two subjects; the name is the speaker.
        # "the ex-head of Naftogaz": the parser may make each piece of a hyphened title a
        # subject; the last is the head of the phrase.
        subject = subjects[0]
        while (sibling := _title_sibling(subject)) is not None:
            subject = sibling
        return subject
    if (inverted := _inverted_object(verb)) is not None:
        return inverted
    # "He said X and added Y", "Tehran continues to insist that ...", "He answered,
    # saying that ...": the cue shares the subject of the verb it depends on.
    shares = verb.dep_ in {"conj", "xcomp"} or (
        verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.lemma_.lower() in _SPEECH_PARTICIPLES
    )
    # "X used a press conference to announce that ...": the purpose is X's saying (but
    # "travelled to Kyiv to discuss air defence" reports no clause)
    shares = shares or (
        verb.dep_ == "advcl"
        and any(c.tag_ == "TO" for c in verb.children)
        and any(c.dep_ == "ccomp" for c in verb.children)
    )
    if verb.dep_ == "pcomp" and verb.head.lower_ == "by" and verb.head.head.pos_ == "VERB":
        # "Putin justified the decision by claiming that ...": the doer's saying
        return subject_of(verb.head.head)
    if shares and verb.head.pos_ in {"VERB", "AUX"} and verb.head.i != verb.i:
        if verb.dep_ == "advcl" and _reported(verb.head):
            # "Russia said that A is possible, noting that B": the parser hangs the
            # participle on the reported clause; it is the reporter's, not A's subject's
            return subject_of(verb.head.head)
        return subject_of(verb.head)
    return None


def _inverted_object(verb: Token) -> Token | None:
    """ "They control 1,000 square km, stated the Commander-in-Chief of the Armed Forces
    Oleksandr Syrskyi": after a reported clause, the parser may take the speaker named
    after the cue for its object; a name ends it."""
    reported = any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
    # or the parser joined the cue to the reported clause with no "and"
    joined = verb.dep_ == "conj" and not any(c.dep_ == "cc" for c in verb.head.children)
    reported = reported or (joined and verb.head.i < verb.i)
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not reported or len(objects) != 1 or verb.lemma_.lower() not in _INVERTING:
        return None
    named = [t for t in objects[0].subtree if t.pos_ == "PROPN"]
    return objects[0] if objects[0].right_edge.pos_ == "PROPN" and len(named) >= 2 else None


_INVERTING = frozenset("say state add note stress emphasize emphasise explain write".split())


def _reported(verb: Token) -> bool:
    """``verb`` heads the clause a cue verb reports ("said that A is ...")."""
    return verb.dep_ == "ccomp" and verb.head.i != verb.i and is_cue(verb.head)


def _title_before(subject: Token) -> Token | None:
    if subject.dep_ not in SUBJECTS:
        return None
    start = min(t.i for t in subject.subtree)
    return next(
        (
            t
            for t in subject.head.children
            if t.dep_ in SUBJECTS and t.i < subject.i and max(x.i for x in t.subtree) == start - 1
        ),
        None,
    )


def _title_sibling(subject: Token) -> Token | None:
    """The subject right after ``subject``'s phrase, when the parser split a title from
    the name it stands before."""
    end = max(t.i for t in subject.subtree) + 1
    siblings = [t for t in subject.head.children if t.dep_ in SUBJECTS and t.i > subject.i]
    return next((t for t in siblings if min(x.i for x in t.subtree) == end), None)


def agent_of(verb: Token) -> Token | None:
    """The speaker of a passive cue: "This was stated by Defense Minister Rustem Umerov"."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    # "This was announced on Thursday at a press briefing in Washington by X": the parser
    # hung the agent's "by" on the place where it was said
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for place in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"):
            by = next((c for c in place.children if c.lower_ == "by" and c.dep_ == "prep"), None)
            named = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
            if named is not None and named.pos_ == "PROPN":
                return named
    return None


_FOCUS_WORDS = frozenset("only even also just".split())


def _titles_of_one(subject: Token, conj: Token) -> bool:
    """ "State Councilor and Foreign Minister Wang Yi": two titles of the one person named
    after the second."""
    return fold(subject.text) in TITLE_WORDS and any(
        t.ent_type_ == "PERSON" and fold(t.text) not in TITLE_WORDS for t in conj.subtree
    )


def name_after_comma(token: Token) -> Span | None:
    """The person's or body's name ``token`` is part of, when a comma sets it off before
    ("Speaking in The Hague, Kosiniak-Kamysz said")."""
    if token.ent_type_ not in {"PERSON", "ORG"}:
        return None
    doc = token.doc
    name = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    if name is None or name.start < 1 or doc[name.start - 1].text != ",":
        return None
    return name


def _named_object(subject: Token) -> Span | None:
    """The name misplaced_speakers.fronted_name found, without the phrase the parser hung on it."""
    name = name_after_comma(subject) if subject.dep_ == "pobj" else None
    return name if name is not None and subject.left_edge.i < name.start else None


def speaker_span(subject: Token) -> Span:
    """The subject's phrase, without relative clauses ("X, who ..., said")."""
    doc = subject.doc
    # "..., stated the Commander-in-Chief of ... Oleksandr X", "This was stated by the
    # Commander-in-Chief of ... X": a long title the name ends
    after_cue = subject.dep_ == "dobj" or (subject.dep_ == "pobj" and subject.head.dep_ == "agent")
    if after_cue and subject.right_edge.pos_ == "PROPN" and subject.right_edge.i > subject.i:
        return doc[subject.left_edge.i : subject.right_edge.i + 1]
    if (named := _name_after_roles(subject) or _named_object(subject)) is not None:
        return named
    tokens = [subject]
    cut = len(doc)
    # "EU High Representative for Foreign Affairs Kaja Kallas said": a "conjunct" with no
    # "and" before it is the name the parser split from its title
    coordinated = any(c.dep_ == "cc" for c in subject.children)
    titled = any(c.dep_ == "conj" and _titles_of_one(subject, c) for c in subject.children)
    for child in subject.children:
        # "the agency Rosatom later on Sunday claimed": an adverb after the phrase is the
        # cue's, whatever the parser hung it on
        adverb = child.dep_ == "advmod" and child.pos_ == "ADV" and child.i > subject.i
        if child.dep_ == "advmod" and child.lower_ in _FOCUS_WORDS and child.i < subject.i:
            continue  # "only Türkiye expressed disappointment": Türkiye
        if (
            child.dep_ in {"conj", "cc"}
            and (not coordinated or titled)
            and (child.pos_ == "PROPN" or child.dep_ == "cc")
            and child.i > subject.i
        ):
            tokens.extend(child.subtree)
            continue
        if _heads_something(subject, child):
            tokens.extend(child.subtree)  # "Gavin Gray, who led the IMF mission": his role
            continue
        if (
            child.dep_ in {"relcl", "acl", "cc", "conj"}
            or adverb
            or _cue_circumstance(subject, child)
        ):
            if child.i > subject.i:  # "Ukrenergo, which oversees the grid, said"
                cut = min(cut, *(t.i for t in child.subtree))
            continue  # "Putin and Kim Jong Un": Kim is no part of Putin's description
        tokens.extend(child.subtree)
    # "The special representative of the government Li Hui, who visited ..., stated": a
    # relative clause deeper in the phrase ends it too
    # (but "a former diplomat who now teaches at Leiden University" says where he works)
    nested = [
        t
        for t in tokens
        if t.dep_ == "relcl"
        and t.head.i != subject.i
        and t.i > subject.i
        and t.head.pos_ == "PROPN"
    ]
    cut = min([cut, *(min(d.i for d in t.subtree) for t in nested)])
    start = min(t.i for t in tokens)
    end = min(max(t.i for t in tokens) + 1, max(cut, subject.i + 1))
    title = _title_before(subject)
    while title is not None:
        start = min(t.i for t in title.subtree)  # the title the parser split from the name
        title = _title_before(title)
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    while start < end - 1 and doc[start].is_punct:
        start += 1
    return doc[start:end]


def _name_after_roles(subject: Token) -> Span | None:
    """ "communication expert and head of the Center for Radio Technologies, Beskrestnov,
    told": two roles joined by "and", then the name the parser hung on the last one, just
    before the cue; the whole phrase names the speaker."""
    if subject.pos_ != "NOUN" or not any(c.dep_ == "conj" for c in subject.children):
        return None
    names = [
        t
        for t in subject.subtree
        if t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.i > subject.i
    ]
    if not names:
        return None
    doc, end = subject.doc, names[-1].right_edge.i + 1
    verb = subject.head
    if verb.i < end or not all(t.is_punct for t in doc[end : verb.i]):
        return None
    return doc[subject.left_edge.i : end]


_CIRCUMSTANCES = frozenset("at on during after before in".split())
_HEADING = frozenset("head lead chair run direct command".split())


def _heads_something(subject: Token, child: Token) -> bool:
    """ "X, who heads the Ministry of Infrastructure, said": a named person's relative
    clause saying what body they head, a role as much as "head of the ministry" is."""
    return (
        child.dep_ == "relcl"
        and child.i > subject.i
        and subject.pos_ == "PROPN"
        and child.lemma_.lower() in _HEADING
        and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in child.children)
        and any(c.dep_ == "dobj" for c in child.children)
    )


def _cue_circumstance(subject: Token, child: Token) -> bool:
    """ "said Secretary of Defense X at the meeting's close": a phrase after a name that
    names nothing is the cue's circumstance, whatever the parser hung it on ("X at the
    Carnegie Endowment" names where X works)."""
    return (
        subject.pos_ == "PROPN"
        and child.dep_ == "prep"
        and child.i > subject.i
        and child.lower_ in _CIRCUMSTANCES
        and not any(t.pos_ == "PROPN" and t.ent_type_ != "DATE" for t in child.subtree)
    )


def frame_span_of(verb: Token, speaker: Span) -> tuple[int, int]:
    """Characters of the frame: speaker, cue and the cue's non-clausal modifiers."""
    tokens = [verb, *speaker]
    for child in verb.children:
        if child.dep_ in {"ccomp", "parataxis", "xcomp", "punct", "mark", "cc", "conj"}:
            continue
        if child.dep_ == "advcl" and (child.i < verb.i or is_cue(child)):
            continue  # a leading clause may be content; "..., saying ..." is a frame of its own
        if child.dep_ == "advcl" and any(c.tag_ == "TO" for c in child.children):
            continue  # "urged the EU to begin work ...": what was urged is content
        subtree = list(child.subtree)
        if any(t.dep_ == "mark" and t.lower_ == "that" for t in subtree):
            continue  # "said in a statement that A": the parser hung A on the statement
        limit = _FRAME_PART_LIMIT.get(child.dep_, 12)
        if child.dep_ == "dobj" and any(t.pos_ == "PROPN" for t in subtree):
            limit = 6  # "told news outlet Interfax-Ukraine", "told the Financial Times"
        if len(subtree) > limit:
            continue  # "emphasized his desire to strengthen ...": that object is content
        tokens.extend(subtree)
    start = min(t.idx for t in tokens)
    last = max(tokens, key=lambda t: t.idx)
    return start, last.idx + len(last.text)


def frame_words(
    verb: Token, frame: tuple[int, int], unit: Span, quotes: list[Quote]
) -> tuple[int, int]:
    """The frame with the words of its own around it, which leave a quote a quote: a leading
    participle ("Speaking of the deal, X said: "...""), and after a quote that opens the
    sentence all that follows the cue ("..." X said in a recording that ...) unless it
    reports more ("adding that ...")."""
    leads = [
        child.left_edge.idx
        for child in verb.children
        if child.dep_ == "advcl"
        and child.i < verb.i
        and child.tag_ in {"VBG", "VBN"}
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children)
    ]
    end = frame[1]
    held = [q for q in quotes if unit.start_char <= q.start and q.end <= unit.end_char + 1]
    if held and all(q.end <= frame[0] for q in held):
        tail = [t for t in unit if t.idx >= frame[1]]
        if not any(is_cue(t) and t.head.i == verb.i for t in tail):
            end = max(end, unit.end_char)
    return (min([frame[0], *leads]), end)


# Letters of the narrator's own beside a quote that make it a paraphrase
_OWN_WORDS = 12


def adjacent_quotes(
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
    if sum(ch.isalnum() for ch in rest) > _OWN_WORDS:
        return []  # words of the narrator's own beside the quote: a paraphrase with a quote
    return [(q.start, q.end) for q in inside]


def clause_of(verb: Token) -> tuple[int, int] | None:
    """The reported clause: the cue's complement, else a clause before it that is not a
    participle of the frame ("Speaking to Radio NV, X said ...")."""
    ccomps = [c for c in verb.children if c.dep_ == "ccomp"]
    # "X said earlier that ...": the parser may hang the clause on the adverb
    ccomps = ccomps or [
        c
        for adverb in verb.children
        if adverb.dep_ == "advmod" and adverb.i == verb.i + 1
        for c in adverb.children
        if c.dep_ == "ccomp" and c.i > adverb.i
    ]
    # "While X reported it could not confirm ..., Y said that ...": what Y said follows.
    after = [c for c in ccomps if c.i > verb.i]
    if after and verb.doc[verb.sent.start].lower_ in {"while", "although", "though", "whereas"}:
        ccomps = after
    clauses = ccomps or [
        c
        for c in verb.children
        if c.dep_ == "advcl" and c.i < verb.i and c.tag_ != "VBG" and not _circumstance(c)
    ]
    if not clauses:
        return None
    child = clauses[0]
    tokens = [
        t
        for t in child.subtree
        if not (t.dep_ == "mark" and t.head == child and t.lower_ == "that")
    ]
    return chars(tokens)


# "After Moscow proposed talks, Zelensky agreed ...": a clause of time, cause or condition
# tells when or why, never what was said
_CIRCUMSTANCE_MARKS = frozenset(
    "after before when whenever since until once because if unless although though while".split()
)


def _circumstance(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _CIRCUMSTANCE_MARKS for c in clause.children)


def words_before(unit: Span, end: int) -> tuple[int, int] | None:
    """The sentence's words before ``end`` (the comma a closing frame follows: "A, X
    said"), or None when they are only a fragment."""
    return (
        (unit.start_char, end)
        if len(unit.doc.text[unit.start_char : end].strip(" ,")) >= 10
        else None
    )


def rest_after(verb: Token, frame: tuple[int, int], unit: Span) -> tuple[int, int] | None:
    """Content of a cue with an object or prepositional clause ("urged the West to ...")."""
    if verb.i < verb.sent.start or not any(
        c.dep_ in CONTENT and c.i > verb.i for c in verb.children
    ):
        return None
    start = frame[1]
    end = unit.end_char
    return (start, end) if end - start > 10 else None


def around(head: Token, cue: Token, unit: Span) -> tuple[tuple[int, int], ...]:
    outside = {t.i for t in cue.subtree}
    tokens = [t for t in head.subtree if t.i not in outside]
    before = [t for t in tokens if t.i < cue.i]
    after = [t for t in tokens if t.i > cue.i]
    return tuple(chars(part) for part in (before, after) if part)


def chars(tokens: list[Token]) -> tuple[int, int]:
    first = min(tokens, key=lambda t: t.idx)
    last = max(tokens, key=lambda t: t.idx)
    return first.idx, last.idx + len(last.text)
