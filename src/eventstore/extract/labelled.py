"""Layouts read before the sentence reader: labelled paragraphs ("Source:", "Quote:"),
interviews (a question, then the answer), and quotations that run over paragraphs.

A mixin of the paragraph reader (``reader._ParagraphReader``): each method reads one
paragraph of such a layout against the article's state and says whether it did.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventstore.extract.deferred import nations
from eventstore.extract.document import ClaimDoc, EventDoc, PersonRef, SourceRef
from eventstore.extract.drafts import ArticleState, Draft, Item, spans_of
from eventstore.extract.frame_parts import is_cue, speaker_span, subject_of
from eventstore.extract.frames import find_frame
from eventstore.extract.names import is_outlet, looks_like_organization
from eventstore.extract.people import make_person
from eventstore.extract.quotes import Quote, units
from eventstore.extract.sources import find_sources, named_source
from eventstore.extract.speakers import resolve_subject
from eventstore.extract.text import Paragraph
from eventstore.normalize import fold, source_key
from eventstore.vocabulary import Section, SourceRole

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_CLOSING = ('"', "”", "»")
BLOCK_PARAGRAPHS = 3  # paragraphs a block quotation after "X said:" may run to
# "Zhdanov: That really is ..." — an interview answer introduced by the speaker's name.
_ANSWER = re.compile(r"^(?P<who>(?:[A-Z]\.\s*)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*:\s+(?=\S)")


# "his statements include the following:", "Lavrov's key theses were:": a list of them
_LISTED = frozenset("statement remark thesis point word message".split())
# "Source: European Pravda with reference to X's statement", "Source: X citing Y": where
# the label's name ends
_AFTER_NAME = frozenset("on in at with citing referring quoting".split())
# "Source: X, ..., on air on Russia 24": the channel X spoke on
_ON_AIR = re.compile(
    r"\bon\s+(?:the\s+)?air\s+(?:on|of)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|\d{1,3}))*)"
)


def _statements_listed(verb: Token) -> Span | None:
    """Whose statements a paragraph ending "... his statements include the following:"
    lists: the owner of the statements (a pronoun or a name)."""
    if (verb.lemma_.lower() or verb.lower_) not in {"include", "be"}:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in _LISTED:
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    return verb.doc[owner.left_edge.i : owner.i + 1] if owner is not None else None


def _names_someone(speaker: Span) -> bool:
    """Whether a frame's speaker is named ("Zelensky", "the Kremlin"), not "I", "you",
    "other countries"."""
    return speaker.root.lower_ not in {"i", "we", "you"} and any(t.pos_ == "PROPN" for t in speaker)


_SIGNING_VERBS = (
    r"(?:noted|said|added|stressed|emphasized|emphasised|stated|wrote|concluded|explained)"
)
_SIGNING_ROLES = (
    r"spokesman|spokeswoman|spokesperson|minister|official|president|governor|head|mayor"
    r"|ambassador|diplomat|commander"
)
# "- noted Shagivaleev.": a newswire's closing signature of a quotation
_SIGNED = re.compile(rf"\s+[-–—]\s*{_SIGNING_VERBS}\s+(?P<name>[A-Z][\w'’-]+)\.?$")
# "I am heading to the plant ... - wrote Grossi.", "... support them. - he added, noting
# that ...": a Ukrainian newswire's quotation with no marks, signed after a dash
_SIGNED_ANY = re.compile(
    rf"\s+[-–—]\s*(?:(?P<pronoun>he|she)\s+{_SIGNING_VERBS}"
    rf"|{_SIGNING_VERBS}\s+(?P<name>(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,3}})"
    # "... - explained the spokesman.": the one the text follows, by their role
    rf"|{_SIGNING_VERBS}\s+the\s+(?P<role>{_SIGNING_ROLES})"
    # "... - Sybiha noted.", "... - the minister added.": the name or role first
    rf"|(?P<named>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+{_SIGNING_VERBS}"
    rf"|the\s+(?P<roled>{_SIGNING_ROLES})\s+{_SIGNING_VERBS})"
    r"(?P<rest>,\s+(?:noting|adding|stressing|emphasizing|saying)\s+that\s+[^\"“”]+?)?\.?$"
)


_ANSWER_DASH = re.compile(r"^(?:--|[—–-])\s+")


def _whole_quotation(text: str, quotes: list[Quote], match: re.Match[str] | None) -> bool:
    """True when the paragraph is one quotation, then its signature."""
    if match is None or len(quotes) != 1:
        return False
    return quotes[0].start <= 1 and not text[quotes[0].end : match.start()].strip(' "”.,')


class LayoutReading:
    """The layout-specific reading of one paragraph (mixed into the paragraph reader)."""

    paragraph: Paragraph
    doc: Doc
    section: Section
    state: ArticleState
    quotes: list[Quote]
    items: list[Item | Draft]
    bulleted: bool  # an item of a list ("- ...")

    def _add(self, item: Item | Draft | None) -> None:
        raise NotImplementedError  # the paragraph reader's

    def _cite(self, sources: tuple[SourceRef, ...]) -> bool:
        raise NotImplementedError  # the paragraph reader's

    def _follow_source(self) -> None:
        """ "Source: Zelensky in his evening address": the speaker the next lines quote."""
        doc = self.doc
        end = next(
            (t.i for t in doc if t.i > 0 and (_ends_name(t) or t.lower_ in _AFTER_NAME)),
            len(doc),
        )
        speaker = resolve_subject(doc[0:end], self.state.speakers) if end else None
        # "Source: Prosecutor General's Office, citing X, Chief of ...": X speaks below
        speaker = self._cited_person(end) or speaker
        name = doc[0:end].text.strip()
        if speaker is None and re.fullmatch(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}", name):
            speaker = self.state.speakers.add(make_person(name))  # the label names a speaker
        if isinstance(speaker, PersonRef) and is_outlet(speaker.name):
            # "Source: European Pravda, referring to ...": the outlet reports what follows.
            role: SourceRole = "reported_by"
            self.state.label_source = SourceRef(
                name=speaker.name, key=source_key(speaker.name), kind="publication", role=role
            )
            self._cite((self.state.label_source,))  # and the lede above it
            return
        # "Source: the Council in a press release, as reported by European Pravda": the
        # outlet reports the news above the line and what follows
        outlets = [s for s in find_sources(self.paragraph.text) if is_outlet(s.name)]
        if not outlets and (aired := _ON_AIR.search(self.paragraph.text)) is not None:
            outlets = [named_source(aired.group("name"), "reported_by")]  # "on air on Russia 24"
        if outlets:
            self.state.label_source = outlets[0]
            self._cite(tuple(outlets))
        if isinstance(speaker, PersonRef):
            self.state.following = speaker
            self._speaks_for_country(speaker)
            told_by_body = speaker.kind == "organization" and not outlets
            if told_by_body and isinstance(self.state.last_item, EventDoc):
                # "A happened.", then "Source: Ukrenergo on Telegram": the body told it (an
                # outlet in the line is who told it: "as reported by European Pravda")
                self._cite((named_source(speaker.name, "stated_by"),))

    def _cited_person(self, start: int) -> PersonRef | None:
        """The person a source label's body cites ("..., citing X, Chief of Y, in an
        interview with Suspilne"), if it cites one."""
        doc = self.doc
        citing = next((t.i for t in doc[start:] if t.lower_ == "citing"), None)
        if citing is None:
            return None
        end = next(
            (
                t.i
                for t in doc[citing + 1 :]
                if t.lower_ in {"in", "on", "at"} and t.nbor(-1).text == ","
            ),
            len(doc),
        )
        cited = resolve_subject(doc[citing + 1 : end], self.state.speakers)
        if isinstance(cited, PersonRef) and cited.kind != "organization":
            return cited
        return None

    def _speaks_for_country(self, speaker: PersonRef) -> None:
        """ "Ukraine has proposed lowering the cap ...", then "Source: Ukrainian Foreign
        Minister X": the lede's country spoke through the official the label names."""
        last = self.state.last_item
        if not isinstance(last, ClaimDoc | Draft) or last.section != "lede":
            return
        country = nations(last.speaker.name) if last.speaker.kind == "organization" else set()
        if not country or not country & nations(f"{speaker.role} {speaker.affiliation}"):
            return
        if isinstance(last, Draft):
            last.speaker = speaker
        else:
            self.state.last_item = last.model_copy(update={"speaker": speaker})

    def _quoted_by(self, name: str) -> None:
        """ "Quote by Peskov:": the words that follow are the person the label names."""
        if name:
            known = self.state.speakers.by_surname(name)
            self.state.following = known or self.state.speakers.add(make_person(name))

    def _labelled_quote(self) -> bool:
        following = self.state.following
        if following is None or find_frame(self.doc[:], self.quotes) is not None:
            return False
        bounds = [(q.start, q.end) for q in self.quotes] or [(0, len(self.paragraph.text))]
        spans = spans_of(self.paragraph, bounds)
        self._add(Draft(following, "quote", spans, self.section, "quote.labelled", 0.8))
        self._track_open_quote()  # "Quote: "A. B.", then "C."": the next paragraph is hers
        return True

    def _interview_answer(self) -> bool:
        """A paragraph after an interviewer's question, with no attribution of its own: the
        interviewee's answer. A paragraph that attributes to someone named ends the
        interview; the answer's own "as you say", "other countries say" do not."""
        frames = [find_frame(unit, self.quotes) for unit in units(self.doc, self.quotes)]
        if any(f is not None and _names_someone(f.speaker) for f in frames):
            self.state.answering = None  # someone else is speaking: the interview is over
            return False
        speaker = self.state.answering
        if speaker is None:
            return False
        # ("-- No, this will take time ...": an answer's dash is no part of it)
        opening = _ANSWER_DASH.match(self.paragraph.text)
        spans = spans_of(
            self.paragraph, [(opening.end() if opening else 0, len(self.paragraph.text))]
        )
        self._add(Draft(speaker, "quote", spans, self.section, "interview.answer", 0.75))
        return True

    def _answer(self) -> bool:
        """ "Zhdanov: ..." in an interview: the answer is the named person's quote."""
        match = _ANSWER.match(self.paragraph.text)
        if match is None:
            return False
        who = match.group("who")
        asked, self.state.asked = self.state.asked, False
        speaker = self.state.speakers.by_surname(who)
        # (a name by its initial or in full: "Everyone: students, ..." starts an answer)
        named = "." in who or len(who.split()) > 1
        if speaker is None and asked and named and not looks_like_organization(who):
            # "M. Reisner: ..." after a question: the interviewee, named only by the label
            speaker = self.state.speakers.add(make_person(who, default_kind="expert"))
        if speaker is None:
            return False
        spans = spans_of(self.paragraph, [(match.end(), len(self.paragraph.text))])
        self.state.following = self.state.answering = speaker
        self._add(Draft(speaker, "quote", spans, self.section, "interview.answer", 0.8))
        return True

    def _block_quote(self) -> bool:
        """ "Governor X said on Telegram:" then paragraphs with no quotation marks of their
        own: his words, quoted as a block (a live blog's or a newspaper's layout)."""
        state = self.state
        if self.paragraph.text.rstrip().endswith(":"):
            if len(units(self.doc, self.quotes)) > 1:
                return False  # words of the speaker's own first; ``open_block`` follows
            speaker = self._introduces_block()
            state.block_speaker, state.block_left = speaker, BLOCK_PARAGRAPHS
            state.block_draft = None
            if speaker is not None:
                state.following = speaker
            return speaker is not None
        speaker = state.block_speaker
        surname = speaker.name.split()[-1] if speaker is not None else ""
        text = self.paragraph.text.rstrip()
        # "... than planned - noted Shagivaleev.": the block's end, signed by its speaker
        signed = _SIGNED.search(text) if surname else None
        if signed is not None and signed.group("name") != surname:
            signed = None
        # the narration resumes with a quotation of its own or the speaker in the third
        # person ("Duda's earlier remarks were criticised")
        if (
            speaker is None
            or state.block_left <= 0
            # a quotation of its own; not a name in quotation marks ("Geraniums")
            or any(len(self.paragraph.text[q.start : q.end].split()) > 3 for q in self.quotes)
            or (surname in self.paragraph.text and signed is None)
        ):
            state.block_speaker = None
            return False
        if signed is None and any(find_frame(u, self.quotes) for u in units(self.doc, self.quotes)):
            state.block_speaker = None
            return False
        if not self.bulleted:
            state.block_left -= 1  # (a list of the speaker's points runs to its end)
        # a block set off in a live blog may still end in the closing mark of the post,
        # which ends the block
        closed = text[-1:] in _CLOSING or signed is not None
        end = signed.start() if signed is not None else len(text) - (text[-1:] in _CLOSING)
        spans = spans_of(self.paragraph, [(0, end)])
        if closed:
            state.block_speaker = None
        draft = state.block_draft
        if draft is not None and draft.speaker.key == speaker.key:
            # one block quotation over several paragraphs is one claim, a span a paragraph
            draft.spans.extend(spans)
            self.items.append(draft)
        else:
            draft = Draft(speaker, "quote", spans, self.section, "quote.block", 0.7)
            self._add(draft)
        state.block_draft = None if closed else draft
        return True

    def open_block(self) -> None:
        """ "..., said that A. Posting an update, he wrote:": after the paragraph's own
        words, the paragraphs that follow are the speaker's block quotation."""
        state = self.state
        if not self.paragraph.text.rstrip().endswith(":") or state.block_speaker is not None:
            return
        speaker = self._introduces_block()
        if speaker is not None:
            state.block_speaker, state.block_left = speaker, BLOCK_PARAGRAPHS
            state.block_draft = None
            state.following = speaker

    def _introduces_block(self) -> PersonRef | None:
        """The speaker of a paragraph that ends in a cue and a colon ("He added:")."""
        found = units(self.doc, self.quotes)
        verb = found[-1].root if found else None
        if verb is not None and (listed := _statements_listed(verb)) is not None:
            speakers = self.state.speakers
            speaker = resolve_subject(listed, speakers)
            if not isinstance(speaker, PersonRef) and listed.root.pos_ == "PRON":
                speaker = speakers.last or speakers.featured  # "his statements": the lede's
            return speaker if isinstance(speaker, PersonRef) else None
        if verb is None or not is_cue(verb):
            return None
        subject = subject_of(verb)
        if subject is None:
            return None
        speaker = resolve_subject(speaker_span(subject), self.state.speakers)
        return speaker if isinstance(speaker, PersonRef) else None

    def _signed(self) -> bool:
        """A paragraph of a speaker's words with no quotation marks, signed after a dash
        by a name the article gave or by "he" of the person it follows: a quote; a
        "noting that ..." after the signature is a paraphrase of theirs."""
        text = self.paragraph.text.rstrip()
        match = _SIGNED_ANY.search(text)
        quoting = any(len(text[q.start : q.end].split()) > 3 for q in self.quotes)
        # '"... Glory to Ukraine!" - emphasized the General Staff.': one whole quotation
        marked = quoting and _whole_quotation(text, self.quotes, match)
        if match is None or (quoting and not marked) or self.state.block_speaker is not None:
            return False  # (a name in quotation marks is no quotation: "Pearl")
        name = match.group("name") or match.group("named")
        role = match.group("role") or match.group("roled")
        following = self.state.following
        if role is not None and (following is None or role not in fold(following.role or "")):
            following = None  # "the spokesman" is no one else the text follows
        speaker = self._signer(name, marked=marked) if name else following
        if speaker is None:
            return False
        words = [(self.quotes[0].start, self.quotes[0].end)] if marked else [(0, match.start())]
        self._add(
            Draft(
                speaker, "quote", spans_of(self.paragraph, words), self.section, "quote.signed", 0.7
            )
        )
        if match.group("rest"):
            rest = (match.start("rest") + match.group("rest").index("that") + 5, len(text))
            paraphrase = spans_of(self.paragraph, [rest])
            self._add(Draft(speaker, "paraphrase", paraphrase, self.section, "quote.signed", 0.6))
        self.state.following = speaker
        return True

    def _signer(self, name: str, *, marked: bool) -> PersonRef | None:
        """Who signs a quotation: a person the article named, or, after a quotation in
        marks, a body it named ("the General Staff")."""
        speakers = self.state.speakers
        bare = name.removeprefix("the ")
        person = speakers.by_surname(bare)
        if person is not None and person.kind != "organization":
            return person
        words = frozenset(fold(bare).split())
        body = speakers.institution(fold(bare).split()[-1], words) if marked else None
        return speakers.add(speakers.fuller(body) or body) if body is not None else None

    def _continues_quote(self) -> bool:
        """A paragraph that carries on the previous paragraph's unclosed quotation."""
        draft, self.state.open_quote = self.state.open_quote, None
        if draft is None:
            return False
        text = self.paragraph.text
        if not self.quotes and text[-1:] in _CLOSING:
            # The run-on paragraph with no opening mark that closes it: "... partners.\""
            draft.spans.extend(spans_of(self.paragraph, [(0, len(text) - 1)]))
            self.items.append(draft)
            return True
        if not self.quotes or self.quotes[0].start != 1:
            return False
        first = self.quotes[0]
        draft.spans.extend(spans_of(self.paragraph, [(first.start, first.end)]))
        if not first.closed:
            self.state.open_quote = draft
        self.items.append(draft)
        return True

    def _runs_on(self) -> bool:
        """A quotation that runs on with no frame yet: its speaker comes at its end."""
        quotes = self.quotes
        if len(quotes) != 1 or quotes[0].closed or quotes[0].start != 1:
            return False
        if find_frame(self.doc[:], quotes) is not None or self.state.answering is not None:
            return False  # (an answer after an interviewer's question: the interviewee's)
        spans = spans_of(self.paragraph, [(quotes[0].start, quotes[0].end)])
        self.state.pending_quote.extend(spans)
        return True

    def _track_open_quote(self) -> None:
        last = self.items[-1] if self.items else None
        open_quote = bool(self.quotes) and not self.quotes[-1].closed
        if open_quote and isinstance(last, Draft) and last.kind == "quote":
            self.state.open_quote = last

    def _settle_pending(self) -> None:
        """Give a run-on quotation held back to the quote that closes it, or its speaker."""
        state = self.state
        if not state.pending_quote:
            return
        pending, state.pending_quote = state.pending_quote, []
        draft = next((i for i in self.items if isinstance(i, Draft) and i.kind == "quote"), None)
        if draft is not None:
            draft.spans[:0] = pending
        elif state.following is not None:
            following = state.following
            held = Draft(following, "quote", pending, self.section, "quote.following", 0.5)
            self.items.insert(0, held)


def _ends_name(token: Token) -> bool:
    """Punctuation that ends the label's name; not a hyphen inside a word ("Source:
    Russian Kremlin-aligned news agency RIA Novosti")."""
    inner = token.text == "-" and not token.whitespace_ and not token.nbor(-1).whitespace_
    return token.is_punct and not inner
