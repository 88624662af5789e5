"""People the small model's recognizer missed, found again from what the article says.

The recognizer tags a name it has never seen by the words around it, so one article can
have "Dmytro Lubinets" tagged a person in one paragraph and nothing, or a verb, in the
next ("This was reported by the Ombudsman Dmytro Lubinets in a commentary to ...",
"According to Lubinets, ..."). Over all the paragraphs of one article, before they are
read:

- two or three capitalized words set after a title word are a person's name ("the
  Ombudsman Dmytro Lubinets", "Defense Minister Rustem Umerov"), unless they name a body
  ("State Emergency Service");
- every use of a name the article gives a person, in full or by the family name alone,
  is that person, and its words are proper nouns whatever the tagger made of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from eventstore.extract.names import TITLE_WORDS, looks_like_organization
from eventstore.extract.naming import ROLE_NOUNS
from eventstore.normalize import fold

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token
    from spacy.vocab import Vocab

# entity labels a name's words may not carry: a place, a body, a date is not a person
_OTHER_THINGS = frozenset("ORG GPE LOC FAC NORP DATE TIME CARDINAL ORDINAL EVENT LAW".split())
_NOT_NAMES = TITLE_WORDS | ROLE_NOUNS
_LONGEST = 3  # words of a name after a title
_TITLED = TITLE_WORDS | {"the"}  # what a body's tag may hold before a name


def spot_names(docs: Sequence[Doc]) -> None:
    """Tag as people, in every doc of one article, the names the article gives people."""
    if not docs:
        return
    names: dict[tuple[str, ...], None] = {}  # the words of each name, in order found
    for doc in docs:
        people = [e for e in doc.ents if e.label_ == "PERSON" and _name_shaped(e)]
        for span in (*_titled_names(doc), *people, *_singular_surnames(doc)):
            names.setdefault(tuple(t.text for t in span), None)
    words = {*names, *((name[-1],) for name in names)}
    if not words:
        return
    vocab = docs[0].vocab
    matcher = PhraseMatcher(vocab)
    matcher.add("PERSON", [Doc(vocab, words=list(w)) for w in sorted(words)])
    for doc in docs:
        found = [Span(doc, start, end, label="PERSON") for _, start, end in matcher(doc)]
        _tag(doc, [span for span in found if _free(span) and not _modifier(span)])


def _titled_names(doc: Doc) -> list[Span]:
    """ "the Ombudsman Dmytro Lubinets": the capitalized words after a title word."""
    spans = [doc[start + 1 : end] for _, start, end in _titled_matcher(doc.vocab)(doc)]
    named = []
    for span in filter_spans(spans):
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.is_title and after.is_alpha:
            continue  # "Minister Andrii Sybiha Kuleba ...": where it ends is not clear
        if len(span) <= _LONGEST and not looks_like_organization(span.text) and _free(span):
            named.append(Span(doc, span.start, span.end, label="PERSON"))
    return named


def _singular_surnames(doc: Doc) -> list[Span]:
    """ "Lubinets believes that ...": a capitalized word the tagger read as a plural noun,
    subject of a verb in the singular, is one person's family name ("Officials believes"
    is no English)."""
    return [
        doc[t.i : t.i + 1]
        for t in doc
        if t.tag_ == "NNS"
        and t.dep_ == "nsubj"
        and t.head.tag_ == "VBZ"
        and _name_word(t)
        and not t.ent_type_
        and not any(c.dep_ in {"det", "amod", "compound", "nummod"} for c in t.children)
    ]


def _titled_matcher(vocab: Vocab) -> Matcher:
    """The matcher of a title word and the capitalized words after it, built once for the
    model's vocabulary (building it is dearer than running it on a paragraph)."""
    matcher = _MATCHERS.get(id(vocab))
    if matcher is None:
        matcher = Matcher(vocab)
        word = {
            "IS_TITLE": True,
            "IS_ALPHA": True,
            "LOWER": {"NOT_IN": sorted(_NOT_NAMES)},
            # a body's tag, if it holds the name whole: see _free
            "ENT_TYPE": {"NOT_IN": sorted(_OTHER_THINGS - {"ORG"})},
        }
        title = {"LOWER": {"IN": sorted(TITLE_WORDS)}, "IS_TITLE": True}
        matcher.add("TITLED", [[title, word, word, {**word, "OP": "?"}]])
        _MATCHERS[id(vocab)] = matcher
    return matcher


_MATCHERS: dict[int, Matcher] = {}


def _name_shaped(span: Span) -> bool:
    """Two or more capitalized words, none of them a title, none a place or a body's."""
    return (
        len(span) > 1
        and all(_name_word(t) for t in span)
        and not looks_like_organization(span.text)
    )


def _name_word(token: Token) -> bool:
    return (
        token.is_title
        and token.text.replace("-", "").replace("'", "").isalpha()
        and fold(token.text) not in _NOT_NAMES
        and token.ent_type_ not in _OTHER_THINGS
    )


def _free(span: Span) -> bool:
    """A span no person overlaps, nor an entity reaching out of it and the titles before
    it ("Lubinets" tagged a place alone, "Ombudsman Taras Kovalets" a body: the person's)."""
    if any(token.ent_type_ == "PERSON" for token in span):
        return False
    start = span.start
    while start > 0 and fold(span.doc[start - 1].text) in _TITLED:
        start -= 1
    return not any(
        e.start < span.end and span.start < e.end and (e.start < start or e.end > span.end)
        for e in span.doc.ents
    )


def _modifier(span: Span) -> bool:
    """A name that describes a noun ("a senior Trump administration official"), not one
    that names who acts or speaks."""
    return span.root.dep_ in {"compound", "amod"} and span.root.head.pos_ == "NOUN"


def _tag(doc: Doc, people: list[Span]) -> None:
    if not people:
        return
    kept = [e for e in doc.ents if not any(p.start < e.end and e.start < p.end for p in people)]
    doc.ents = filter_spans([*kept, *people])
    for span in people:
        for token in span:
            if token.pos_ in {"VERB", "NOUN", "ADJ", "X"}:
                token.pos_, token.tag_ = "PROPN", "NNP"
