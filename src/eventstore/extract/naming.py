"""Names in an attribution's subject: which words are a person's name and which their
role ("Kremlin spokesman Dmitry Peskov", "The Foreign Minister of Ukraine, Dmytro Kuleba",
"A senior adviser to President Volodymyr Zelensky" names no one who spoke).

Pure functions over the parse; ``speakers`` decides who a subject refers to.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventstore.extract.document import PersonRef
from eventstore.extract.names import HONORIFIC, TITLE_WORDS, looks_like_organization
from eventstore.extract.people import make_person, name_at_end
from eventstore.normalize import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ROLE_NOUNS = frozenset(
    """expert analyst observer scientist consultant editor specialist researcher economist
    diplomat official spokesman spokeswoman spokesperson head director professor journalist
    historian strategist colonel general officer politician lawmaker deputy interlocutor
    guest commentator minister chief ambassador representative president author premier
    chancellor secretary envoy leader commander governor mayor adviser advisor columnist
    founder fellow reporter correspondent lieutenant senator prosecutor executive boss""".split()
)
PLACES = frozenset({"GPE", "NORP", "LOC", "FAC"})
_EMPLOYERS = PLACES | {"ORG"}
_POSSESSIVE = re.compile(r"['’]s$")
# "(MENAFN- UkrinForm) US Secretary of State"; not the acronym of "military intelligence
# (HUR) chief", which is part of the role
_BRACKETED = re.compile(r"^.*\)(?<!\([A-Z]{2}\))(?<!\([A-Z]{3}\))(?<!\([A-Z]{4}\))\s*")
# "... of Prisoners of War (KSHPPV)": a body's acronym closing the role, whatever its length
_ACRONYM_CLOSES = re.compile(r"\([A-Z]{2,8}\)\s*$")


def name_of(subject: Span) -> str | None:
    name = _name_of(subject)
    return name_after_of(name, subject.text) if name is not None else None


def name_after_of(name: str, text: str) -> str:
    """ "the governor of Kharkiv Oleh Syniehubov", "the Head of the Cabinet of Ministers
    Denys Shmyhal", "the MP from "Voice" Yaroslav Zheleznyak", "the Commissioner for
    Human Rights Dmytro Lubinets": the last words of the office
    run into the name after its "of" or "from"; the name is its last two words."""
    words = name.split()
    text = re.sub('["“”]', "", text)  # 'the MP from "Voice" Yaroslav Zheleznyak'
    at = text.find(name)
    if (
        len(words) < 3
        or at < 3
        or not text[:at].endswith(("of ", "from ", "for ", "and "))  # "... Policy and" + "Food X Y"
        or any(w.lower() in _PARTICLES or w.endswith(".") for w in words)
    ):
        return name
    return " ".join(words[-2:])


def _name_of(subject: Span) -> str | None:
    root = subject.root
    people = [whole_name(ent) for ent in subject.ents if ent.label_ == "PERSON"]
    holding = next((e for e in people if e.start <= root.i < e.end), None)
    core = name_core(root) if root.pos_ == "PROPN" else None
    if holding is not None:
        name = person_name(holding.text)
        # "Ivanna Prokopenko" where the recognizer took only "Prokopenko".
        return core if core and name and core.endswith(name) and len(core) > len(name) else name
    if root.pos_ == "PROPN" and (root.ent_type_ not in PLACES or _described_as_person(root)):
        if core is not None:
            return core
        core_words = [t for t in root.lefts if t.dep_ in {"compound", "flat"}]
        lone = not core_words and fold(root.text) not in TITLE_WORDS
        if lone and not looks_like_organization(root.text) and root.ent_type_ != "ORG":
            return root.text
    # "Germany's Bild reporter Julian Roepcke", "The Foreign Minister of Ukraine, Dmytro
    # Kuleba": a title phrase whose person stands beside it; but "Kim's office" is not Kim.
    # "A senior adviser to President Volodymyr Zelensky" is the adviser, not the president.
    named = [e for e in people if not possessive(e) and not _governed(e, root)]
    if named:
        return person_name(named[0].text)
    return _name_after_title(subject) if fold(root.text) in TITLE_WORDS else None


_PARTICLES = frozenset("von van der den de da di du le la al el bin ibn".split())


def whole_name(entity: Span) -> Span:
    """ "Ursula von der" + "Leyen": a name the recognizer cut after its particles (or at a
    hyphen: "Park Sun" + "-won", "In-" + "Bum Chun"); "Andriy"
    + "Yermak": one it cut before the family name, after a long title ("Head of the Office
    of the President of Ukraine Andriy Yermak")."""
    doc, start, end = entity.doc, entity.start, entity.end
    while end < len(doc) and doc[end - 1].lower_ in _PARTICLES and doc[end].text[:1].isupper():
        end += 1
    # "Park Sun" + "-won": a hyphenated given name the recognizer cut at its hyphen
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        end += 2
    start = _before_hyphen(doc, start)
    while start > 0 and end - start < 2 and _first_name(doc[start - 1], start, end):
        start -= 1
    return doc[start:end]


def _before_hyphen(doc: Doc, start: int) -> int:
    """ "In-" + "Bum Chun": where a name starts whose hyphenated given name the recognizer
    or the parser cut after its hyphen."""
    while (
        start > 1
        and doc[start - 1].text == "-"
        and not doc[start - 2].whitespace_
        and not doc[start - 1].whitespace_
        and doc[start - 2].is_alpha
        and doc[start - 2].text[:1].isupper()
    ):
        start -= 2
    return start


def _first_name(token: Token, start: int = 0, end: int = 0) -> bool:
    # "Anatolii Karpenko": the tagger may call a first name it does not know a verb, but
    # the parser still hangs it on the name as a compound
    named = token.pos_ == "PROPN" or (token.dep_ == "compound" and start <= token.head.i < end)
    return (
        named
        and token.is_alpha
        and token.text[:1].isupper()
        and not token.is_upper
        and not token.ent_type_
        and fold(token.text) not in TITLE_WORDS
        and not looks_like_organization(token.text)
    )


def possessive(entity: Span) -> bool:
    doc = entity.doc
    return entity[-1].tag_ == "POS" or (entity.end < len(doc) and doc[entity.end].tag_ == "POS")


def _governed(entity: Span, root: Token) -> bool:
    """True when ``entity`` hangs on a preposition of the subject's head noun, or of a
    capitalized title other than by "of" ("Iran's Supreme Leader in a meeting with
    President Putin" is the leader; "the President of Ukraine, X" is X)."""
    token, steps = entity.root, 0
    titled = root.pos_ == "PROPN" and fold(root.text) in TITLE_WORDS
    while token.i not in {root.i, token.head.i} and steps < 20:
        if token.dep_ == "prep" and (root.pos_ == "NOUN" or (titled and token.lower_ != "of")):
            return True
        token, steps = token.head, steps + 1
    return False


def _name_after_title(subject: Span) -> str | None:
    """ "President of Ukraine Volodymyr Zelenskyy" (tagged an organization): the name is
    what follows the title, its "of" and its country."""
    tokens = [t for t in subject if not t.is_punct]
    words = [t.text for t in tokens]
    cut = max(
        (
            i
            for i, w in enumerate(words)
            if fold(w) in TITLE_WORDS or looks_like_organization(w) or w.islower()
        ),
        default=-1,
    )
    if cut + 1 < len(words) and words[cut] == "the":
        cut += 1  # "Minister for the Restoration Oleksandr Kubrakov": no name after "the"
    tail = words[cut + 1 :]
    if cut >= 0 and words[cut] in {"of", "for", "in"} and len(tail) == 3:
        tail = tail[1:]  # "Acting mayor of Zaporizhzhia Anatoly Kurtev": the title's place
    # "former head of Naftogaz Ukrainy Andriy Kobolev": the employer the recognizer tags
    # is no part of the name after it
    held = tokens[len(tokens) - len(tail) :]
    while len(held) > 2 and held[0].ent_type_ in _EMPLOYERS:
        held = held[1:]
    tail = [t.text for t in held]
    if not 2 <= len(tail) <= 4 or not all(w[:1].isupper() for w in tail):
        return None
    return " ".join(tail)


def name_core(root: Token) -> str | None:
    """The name a proper noun heads with its compounds ("Ivanna Prokopenko"), if it reads
    as a person's name and not an organization's."""
    core = [t for t in root.lefts if t.dep_ in {"compound", "flat"} and t.pos_ == "PROPN"]
    # "Ursula von der Leyen": the parser may hang the first name on a particle
    start = core[0].i if core else root.i
    while start > root.left_edge.i and _name_part(root.doc[start - 1]):
        start -= 1
    start = _before_hyphen(root.doc, start)
    tokens = list(root.doc[start : root.i + 1])
    # "Petro Mazur, political scientist at ...": the parser may hang the family name on
    # the first name as an apposition; the name runs on into it.
    after = root.doc[root.i + 1] if root.i + 1 < len(root.doc) else None
    if after is not None and _runs_on(root, after):
        tokens.append(after)
    # "the Air Force Command Yurii Ihnat": the name starts after the organization's words.
    last_org = max((i for i, t in enumerate(tokens) if looks_like_organization(t.text)), default=-1)
    kept = tokens[last_org + 1 :]
    words = "".join(t.text_with_ws for t in kept).strip()  # "In-Bum Chun" keeps its hyphen
    if kept and kept[0].i > 0:
        before = root.doc[kept[0].i - 1]
        words = name_after_of(words, f"{before.text} {words}")
    if not words:
        return None
    found = name_at_end(HONORIFIC.sub("", words))
    if found is None or looks_like_organization(found[0]):
        return None
    return found[0]


def _name_part(token: Token) -> bool:
    return token.dep_ in {"compound", "flat"} and token.pos_ == "PROPN"


def _runs_on(root: Token, after: Token) -> bool:
    return (
        after.head.i == root.i
        and after.dep_ in {"appos", "flat"}
        and after.pos_ == "PROPN"
        and after.text[:1].isupper()
    )


def _described_as_person(root: Token) -> bool:
    """ "Marta Bilous, a sanctions expert at ...": a role beside the name makes it a person
    whatever the entity recognizer thought (it often reads Ukrainian names as places)."""
    return any(
        (child.dep_ in {"appos", "compound"}) and child.lemma_.lower() in ROLE_NOUNS
        for child in root.children
    )


def single_name(name: str, text: str, subject: Span) -> PersonRef | None:
    """A lone surname nobody introduced ("Mr Peskov said"): a person only if the entity
    recognizer says so, an honorific or a title does ("Poland's president Duda")."""
    titled = any(fold(word) in TITLE_WORDS for word in text.split()[:-1])  # "president Duda"
    if subject.root.ent_type_ == "PERSON" or HONORIFIC.match(text) or titled:
        return make_person(name, role_text(text, name), default_kind="other")
    return None


def described(known: PersonRef, name: str, text: str) -> PersonRef:
    fresh = make_person(known.name, role_text(text, name), default_kind=known.kind)
    return fresh.model_copy(update={"key": known.key})


def person_name(entity: str) -> str | None:
    entity = _POSSESSIVE.sub("", HONORIFIC.sub("", entity.strip(" ,.")))
    found = name_at_end(entity)
    if found is not None:
        return found[0]
    words = [w for w in entity.split() if fold(w) not in TITLE_WORDS]
    if len(words) == 1 and words[0][:1].isupper():
        return words[0]
    return None


_COORDINATED = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+and\s+(?=[A-Z])")


def role_text(phrase: str, name: str) -> str | None:
    # "Charles Brown" in "General Charles Q. Brown": the name as written, its initial too
    written = r"\s+(?:[A-Z]\.\s+)?".join(re.escape(word) for word in name.split())
    found = re.search(written, phrase) if written else None
    before, after = (phrase[: found.start()], phrase[found.end() :]) if found else (phrase, "")
    before = _POSSESSIVE.sub("", before.strip(" ,"))
    before = HONORIFIC.sub("", before + " ").strip(" ,")
    if not _ACRONYM_CLOSES.search(before):
        before = _BRACKETED.sub("", before + " ").strip(" ,")
    # "Trump and Vice President J.D. Vance": the one named before "and" has a role apart
    before = _COORDINATED.sub("", before)
    role = ", ".join(part for part in (before, after.strip(" ,")) if part)
    return role or None


# "The Office of the UN High Commissioner for" + "Human Rights": words ending in a
# connector run on into the capitalized words after them, a body's name, not a title
_ENDS_IN_CONNECTOR = re.compile(r"\b(?:for|of|and|on)\s*$", re.I)


def ends_in_connector(text: str) -> bool:
    """True when ``text`` ends in "for", "of", "and" or "on"."""
    return _ENDS_IN_CONNECTOR.search(text) is not None


def clean_phrase(text: str) -> str:
    return " ".join(text.split()).strip(" ,.;:—–-")


def ends_in_name(tokens: list[Token]) -> bool:
    """Whether ``tokens`` end in a name: a person the recognizer found, or two proper nouns
    in title case that are no title ("... for Industry and Security Marek Salonen")."""
    if tokens and tokens[-1].ent_type_ == "PERSON":
        return True
    last = tokens[-2:]
    return len(last) == 2 and all(
        t.pos_ == "PROPN" and t.is_title and fold(t.text) not in TITLE_WORDS for t in last
    )
