"""Speakers: who an attribution's subject refers to, resolved within one article.

A subject is a named person ("Ukrainian Prime Minister Denys Shmyhal", "Mr Peskov"), an
institution ("the Kremlin", "Ukraine's air force"), a reference to someone already named
(surname, "the diplomat", "he"), or an anonymous or collective source ("officials",
"European sources", "the media"). People and institutions become experts rows; anonymous
speakers become sources of what they said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from eventstore.extract.bodies import (
    COMPANY_FORM,
    institution_named,
    named_in_apposition,
    owned_institution,
    proper_name,
    spoken_for,
)
from eventstore.extract.deferred import nations, role_words
from eventstore.extract.document import PersonRef, SourceRef
from eventstore.extract.frame_parts import speaker_span
from eventstore.extract.names import (
    HONORIFIC,
    TITLE_WORDS,
    display_source_name,
    is_outlet,
    looks_like_organization,
    source_kind,
)
from eventstore.extract.naming import (
    PLACES,
    ROLE_NOUNS,
    clean_phrase,
    described,
    ends_in_connector,
    ends_in_name,
    name_core,
    name_of,
    person_name,
    role_text,
    single_name,
    whole_name,
)
from eventstore.extract.people import GENERATIONS, make_person
from eventstore.extract.subject_phrases import (
    outlet_described,
    press_owner,
    without_age,
    without_setting,
)
from eventstore.normalize import fold, person_key, source_key

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Doc, Span, Token

# Role nouns a writer uses for whoever the text is following ("the expert noted").
_GENERIC_ROLES = frozenset(
    """expert analyst observer specialist interlocutor guest commentator author diplomat
    official politician researcher scientist economist historian strategist lawmaker
    legislator""".split()
)
_SPOKESPEOPLE = frozenset("spokesperson spokesman spokeswoman".split())
COLLECTIVE_NOUNS = frozenset(
    """official officials source sources media outlets analysts experts diplomats observers
    authorities residents people witnesses reports report insiders critics lawmakers
    officers commanders investigators intelligence agencies""".split()
)
_AGENCY_WORDS = frozenset("center centre service office bureau directorate department".split())
_COMPANY_KINDS = frozenset(
    "company contractor firm manufacturer maker producer operator concern provider carrier".split()
)
_COMPANY_WORDS = frozenset(
    "company firm operator corporation group panel body organization organisation".split()
)
_NGO_WORDS = frozenset("organization organisation nonprofit charity ngo".split())
_PUBLIC_BODIES = frozenset(
    """kremlin ministry office forces army navy command government department agency
    committee council administration embassy staff directorate headquarters pentagon house
    parliament rada cabinet court police guard bureau alliance nato union commission
    presidency mission military service""".split()
)
_INSTITUTION_HEADS = frozenset(
    """kremlin ministry office force forces army navy command government service department
    agency committee council administration embassy staff directorate headquarters pentagon
    house parliament rada cabinet court police guard bureau company corporation group
    alliance nato organization organisation union commission presidency mission operator
    energoatom ukrenergo gazprom military bank authority regulator watchdog inspectorate
    fund lender bloc team unit center centre institute""".split()
)
# Words a writer refers back to a body by that are not in its name ("the fund" after the
# International Monetary Fund, "the bloc" after the EU, "the regulator" after a central
# bank): the words of the names they may stand for
_REFERRED_AS = {
    "regulator": ("regulator", "bank", "authority", "commission"),
    "watchdog": ("watchdog", "agency", "authority", "commission"),
    "lender": ("lender", "bank", "fund"),
    "fund": ("fund", "imf"),
    "bloc": ("bloc", "union", "eu"),
    "alliance": ("alliance", "nato"),
}
_ACRONYM_WORD = re.compile(r"^[A-Z]{2,6}$")
_LINKS = frozenset("of for the and on".split())
# "the Coordination Headquarters for ...": the words that join a body's short form to the rest
_NAME_LINKS = ("of", "for")
_BODY_HEADS = frozenset("department ministry office agency service bureau".split())
_INSTITUTION_WORD = (
    r"(?:Agency|Ministry|Office|Council|Service|Directorate|Department|Committee|Command"
    r"|Staff|Forces|Force|Administration|Bureau|Commission|Center|Centre"
    r"|Headquarters)\b"
)
# "General Staff of Ukraine's Armed Forces": a body of a body, named in full once
# the first words of a surname of several ("von der Leyen", "de Gaulle", "al-Sudani")
_PARTICLES = frozenset("von van de der den da di du la le al el bin ben".split())
_ACRONYM = re.compile(
    r"\b(?P<name>[A-Z][\w'’-]+(?:\s+(?:of|for|the|and|on|[A-Z][\w'’-]+))*\s+[A-Z][\w'’-]+)"
    r"\s+\((?P<acronym>[A-Z]{2,6})\)"
)
_INSTITUTION_NAME = re.compile(
    rf"\b(?:[A-Z][\w'’-]+\s+){{1,5}}{_INSTITUTION_WORD}"
    rf"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+){{0,3}}{_INSTITUTION_WORD})?"
    # "... of the Armed Forces of Ukraine", "the Security Service of Ukraine": its country
    # (one word, or "the United States": "the Ministry of Russia Sergei Shoigu" ends at Russia)
    r"(?:\s+of\s+(?:the\s+)?(?:United\s+[A-Z][a-z]+|[A-Z][\w'’-]+))?"
)
# "the Coordination Headquarters for the Treatment of Prisoners of War": a body named by
# what it is for, which the article may later name by its first words alone
_BODY_FOR = re.compile(
    rf"\b(?:[A-Z][\w'’-]+\s+){{1,5}}{_INSTITUTION_WORD}\s+for\s+(?:the\s+)?"
    r"[A-Z][\w'’-]+(?:\s+(?:of|the|and|[A-Z][\w'’-]+))*(?<=[\w’'])(?<!\sof)(?<!\sthe)(?<!\sand)"
)
# "the defence contractor Rheinmetall", "energy company DTEK": a company named after what
# it is, for "the company said" later
_DESCRIBED_COMPANY = re.compile(
    rf"\b(?P<what>{'|'.join(sorted(_COMPANY_KINDS))})\s+[\"“]?"  # company "Energoatom"
    r"(?P<name>[A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]+){0,2})"
)
# "Kyivstar CEO Oleksandr Komarov": a body whose chief executive is named is a company;
# "Kyivstar, the largest telecommunications provider": one an apposition says is one
_COMPANY_BY_ROLE = re.compile(
    r"\b(?P<name>[A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]+){0,2})(?:'s)?\s+(?:CEO|chief executive)\b"
)
_COMPANY_BY_APPOSITION = re.compile(
    r"\b(?P<name>[A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]+){0,2}),\s+(?:the|a|an|its)\s+"
    rf"(?:[\w-]+\s+){{0,3}}(?P<what>{'|'.join(sorted(_COMPANY_KINDS))})\b"
)
# "Russia's central bank", "Taiwan's defense ministry": a body named by its owner, for
# "the central bank said" later
_OWNED_BODY = re.compile(
    r"\b(?P<name>(?:[A-Z][\w-]+\s+)?[A-Z][\w-]+['’]s\s+(?:[a-z-]+\s+){0,2}"
    r"(?:bank|ministry|agency|service|office|regulator|parliament|government))\b"
)
# Bodies a role names in lower case, referring back to one named before ("department
# spokesman", "ministry official", "company CEO")
_EMPLOYER_NOUNS = frozenset("department ministry agency company embassy".split())
_PRONOUN_PERSON = frozenset({"he", "she", "him", "her", "his"})
_PRONOUN_INSTITUTION = frozenset({"it"})
_RELEASED = re.compile(
    r"^(?:(?:newly|recently|previously)\s+)?(?:declassified|released|published|leaked)\s+"
    # "according to data from DeepState, a monitoring group": the source is DeepState
    r"|^(?:the\s+)?(?:latest\s+|official\s+)?(?:data|figures|statistics|estimates)\s+"
    r"(?:from|of|by)\s+(?:the\s+)?(?P<named>[A-Za-z][^,]*)(?:,.*)?$"
    # "a HUR source told the Kyiv Independent": one of HUR's people
    r"|^(?:an?\s+)?(?P<owning>[A-Z]{2,6})\s+source$"
    # "according to a CNN tally": CNN counted
    r"|^(?:an?\s+|the\s+)?(?P<counted>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)\s+"
    r"(?:tally|count|estimate|calculation|analysis)$"
    # "a source in the Security Service of Ukraine": the service
    r"|^(?:an?\s+)?(?:sources?|officials?)\s+(?:in|at|within|close\s+to)\s+(?:the\s+)?"
    r"(?P<inside>[A-Z][^,]*)$"
)
_LEADING_THE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Anonymous:
    """A speaker who is not named: recorded as the cited source of the statement."""

    source: SourceRef


Speaker = PersonRef | Anonymous


# the keys of "Jr.", "Sr.", "II", "III", "IV" ("III" is "i": doubled letters are one)
_GENERATION_KEYS = frozenset(person_key(word) for word in GENERATIONS)


def surname(key: str) -> str:
    """The surname of a person's key: its last word, or the one before a generation's
    ("Lloyd Austin III" is "Austin")."""
    words = key.split()
    return words[-2] if len(words) >= 2 and words[-1] in _GENERATION_KEYS else words[-1]


def _named_at(key: str, position: int) -> str:
    return surname(key) if position == -1 else key.split()[position]


@dataclass
class Speakers:
    """The people and institutions of one article, for resolving later references."""

    featured: PersonRef | None = None
    known: dict[str, PersonRef] = field(default_factory=dict)
    last: PersonRef | None = None
    mentioned: dict[str, PersonRef] = field(default_factory=dict)
    # Institutions named so far, each with the words it can be referred back by: its own
    # and its descriptor's ("state energy company Naftogaz" is "the company").
    institutions: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    # "the Institute for the Study of War (ISW)": the acronym, then "according to the ISW"
    acronyms: dict[str, str] = field(default_factory=dict)
    # "CSIS said in a study", "The CSIS report": who issued the study or report the text
    # refers back to ("the study said"), by the document's noun
    documents: dict[str, str] = field(default_factory=dict)

    def issuer_of(self, noun: str) -> PersonRef | None:
        """The body the article said issued its ``noun`` ("study", "report"), if any."""
        name = self.documents.get(noun)
        return self.add(self.spelt_before(institution_named(name))) if name else None

    def name_institution(self, name: str, descriptor: str = "") -> None:
        """Remember an institution the article names, for "the agency said" later."""
        # "the SBU": an acronym stands for the name it was spelt out by
        full = self.acronyms.get(name, "")
        words = frozenset(fold(f"{name} {full} {descriptor}").split())
        if name.islower() and any(words < named for _, named in self.institutions):
            return  # "the defense ministry": the one named before, not a new one
        self.institutions.append((name, words))

    def institution(self, head_word: str, words: frozenset[str] = frozenset()) -> PersonRef | None:
        """The institution last named with ``head_word`` ("the agency" after "the Defense
        Intelligence Agency said", "the company" after "state energy company Naftogaz"),
        one named with all of ``words`` first ("the defense ministry" after "Taiwan's
        defense ministry", not the foreign ministry named since)."""
        for wanted in (words | {head_word}, {head_word}):
            for name, named in reversed(self.institutions):
                # ("the Institute" itself, remembered as it was read, names nothing)
                if wanted <= named and fold(name) != head_word:
                    return institution_named(name)
        return self._referred_as(head_word, words) or self._by_kind(head_word, words)

    def _by_kind(self, head_word: str, words: frozenset[str]) -> PersonRef | None:
        """The last body named that is of the kind ``head_word`` says: a company, an
        organization, an agency."""
        if head_word in _COMPANY_WORDS:  # ("the human rights organization": its kind)
            # "DTEK said ...", then "according to the company": the last body named that
            # is no public one, no country, no outlet and no platform ("on Telegram")
            for name, named in reversed(self.institutions):
                if (
                    not named & _PUBLIC_BODIES
                    and not nations(name)
                    and (looks_like_organization(name) or named & _COMPANY_KINDS)
                    and not is_outlet(name)
                ):
                    return institution_named(name)
        if head_word in _NGO_WORDS:
            # "the Danish Refugee Council ...", then "the organization wrote": a council,
            # a committee may be no public body; the last named in words, no outlet
            for name, _ in reversed(self.institutions):
                if len(name.split()) > 1 and not is_outlet(name) and name[:1].isupper():
                    return institution_named(name)
        if head_word == "agency" and not words:
            # "the military's Strategic Communications Center ...", then "the agency said":
            # the last body named as a centre, a service or an office (no outlet)
            for name, named in reversed(self.institutions):
                if named & _AGENCY_WORDS and not is_outlet(name):
                    return institution_named(name)
        return None

    def _referred_as(self, head_word: str, words: frozenset[str]) -> PersonRef | None:
        """The institution last named that ``head_word`` stands for ("the fund" for the
        IMF), or that holds the words describing it under another noun ("the coordination
        center" after "the Coordination Headquarters for the Treatment of ...")."""
        others = [(n, named) for n, named in reversed(self.institutions) if fold(n) != head_word]
        referred = set(_REFERRED_AS.get(head_word, ()))
        found = next((name for name, named in others if named & referred), None)
        described = words - {head_word}
        if found is None and described and head_word in _AGENCY_WORDS | _COMPANY_WORDS | {"agency"}:
            found = next((name for name, named in others if described <= named), None)
        return institution_named(found) if found is not None else None

    def mention(self, person: PersonRef) -> None:
        """Remember a person the article names anywhere, so "Kirby said" later finds
        "White House spokesperson John Kirby" even where he was named in passing."""
        known = self.mentioned.get(person.key)
        if known is None or (known.role is None and person.role is not None):
            self.mentioned[person.key] = person

    def add(self, person: PersonRef) -> PersonRef:
        """Remember ``person`` (a fuller description of a known name is kept)."""
        if person.kind == "organization" and person.name in self.acronyms:
            person = institution_named(self.acronyms[person.name])  # "ISW": spelt out before
        elif person.kind == "organization" and _ACRONYM_WORD.match(person.name):
            person = self.spelt_before(person)
        person = self._employed(person)
        kept = self.known.get(person.key) or self._same_person(person)
        if kept is not None and _fuller_name(person, kept):
            # "Putin says ..." in a deck, then "Russian president Vladimir Putin": the
            # person is named in full from here on
            del self.known[kept.key]
            kept = None
        if kept is None or (kept.kind == "organization" != person.kind):
            kept = self.known[person.key] = person  # a lone name found to be a person
        elif (kept.role is None and person.role) or (
            kept.affiliation is None and person.affiliation
        ):
            kept = kept.model_copy(
                update={
                    "role": kept.role or person.role,
                    "affiliation": kept.affiliation or person.affiliation,
                }
            )
            self.known[kept.key] = kept
        if kept.kind != "organization":
            self.last = kept
        else:
            self.name_institution(kept.name)
        return kept

    def spelt_before(self, body: PersonRef) -> PersonRef:
        """ "The ICC" after "The International Criminal Court ...": the body named before
        whose words' initials the acronym is."""
        for name, _ in reversed(self.institutions):
            words = [w for w in name.split() if w[:1].isupper() and w.lower() not in _LINKS]
            if len(words) > 1 and "".join(w[0] for w in words) == body.name:
                return institution_named(name)
        return body

    def _employed(self, person: PersonRef) -> PersonRef:
        """ "department spokesman Matthew Miller" after "The US State Department
        condemned ...": the body his role refers back to is his affiliation."""
        if person.kind == "organization" or person.affiliation or not person.role:
            return person
        # ("the company's president": its company's too)
        owners = (w.removesuffix("'s").removesuffix("’s") for w in person.role.split())
        words = [w for w in owners if w in _EMPLOYER_NOUNS]
        found = self.institution(words[0]) if words else None
        return person.model_copy(update={"affiliation": found.name}) if found else person

    def fuller(self, institution: PersonRef) -> PersonRef | None:
        """The institution named in full before ("the General Staff of Ukraine's Armed
        Forces", "the Coordination Headquarters for the Treatment of ...") that
        ``institution`` ("the General Staff", "the Coordination Headquarters") is a short form
        of."""
        # "the Defense Ministry" after "the Ministry of Defense": its words the other way
        *what, kind = fold(institution.name).split() or [""]
        turned = f"{kind} of {' '.join(what)}" if what and kind in _BODY_HEADS else None
        # "the Fund" for the International Monetary Fund (a body's word, not a country)
        lone = len(institution.name.split()) == 1 and not nations(institution.name)
        word = fold(institution.name)
        for name, _ in reversed(self.institutions):
            folded = fold(name).removeprefix("the ")  # "The General Staff of ..." opening a line
            ends = lone and folded.endswith(f" {word}") and "," not in name
            # "the Treasury" for the U.S. Treasury Department
            inner = lone and word in folded.split()[:-1] and folded.split()[-1] in _BODY_HEADS
            inner = inner and "press" not in folded.split()  # "NABU's press service" is NABU's
            linked = any(folded.startswith(f"{word} {link} ") for link in _NAME_LINKS)
            if linked or ((ends or inner) and looks_like_organization(name)):
                return institution_named(name)
            if turned is not None and (folded == turned or folded.startswith(f"{turned} ")):
                return institution_named(name)
            # "the Treasury Department" for the U.S. Treasury Department ("American" in
            # "the American Centre for ..." is no part of its name)
            country = name[: len(name) - len(word)].replace(".", "").strip()
            if folded.endswith(f" {word}") and country in {"US", "UK", "EU", "UN"}:
                return institution_named(name)
        return None

    def by_surname(self, who: str) -> PersonRef | None:
        """The known person ``who`` (a surname, or a full name spelt another way) names."""
        key = person_key(who)
        if not key:
            return None
        if key in self.known:
            return self.known[key]
        particle = key.split()[0] in _PARTICLES  # "Von der Leyen" opening a sentence
        if (len(who.split()) == 1 or particle) and len(key.split()) > 1:  # "Jean-Pierre"
            people = {p.key: p for p in [*self.mentioned.values(), *self.known.values()]}
            ends = [
                p for p in people.values() if p.key.endswith(f" {key}") or surname(p.key) == key
            ]
            if len(ends) == 1:
                return ends[0]
        found = self._same_person(PersonRef(name=who, key=key))
        if found is None and len(key.split()) == 1:
            found = self._one_named(key)
        return found

    def in_full(self, person: PersonRef) -> PersonRef:
        """``person``, named by surname alone ("Iwaya said" in a bullet above the lede), as
        the article names them in full anywhere ("Takeshi Iwaya"); else ``person``."""
        if len(person.key.split()) != 1:
            return person  # a lone name read as a body may still be a surname
        full = self._one_named(person.key)
        if full is None or full.kind == "organization":
            return person
        return full.model_copy(
            update={
                "role": full.role or person.role,
                "affiliation": full.affiliation or person.affiliation,
            }
        )

    def _one_named(self, word: str) -> PersonRef | None:
        """The one person named in full whose surname (or, as in "Shin Won-sik", whose
        family name written first; or, in a name of four words or more, as in "Luiz Inácio
        Lula da Silva", any name of it) is ``word``."""
        people = [
            p for p in [*self.known.values(), *self.mentioned.values()] if p.kind != "organization"
        ]
        for position in (-1, 0, None):
            named = {
                p.key: p
                for p in people
                if len(p.key.split()) > (1 if position is not None else 3)
                and (
                    word in p.key.split()
                    if position is None
                    else _named_at(p.key, position) == word
                )
            }
            if len(named) == 1:
                return next(iter(named.values()))
        return None

    def _same_person(self, person: PersonRef) -> PersonRef | None:
        words = person.key.split()
        if not words:
            return None
        last = surname(person.key)
        people = [p for p in self.known.values() if p.kind != "organization"]
        exact = [p for p in people if surname(p.key) == last]
        if len(exact) == 1 and (len(words) == 1 or _first_names_agree(exact[0].key, words)):
            return exact[0]
        # "Zinoviev" / "Zinovyev", "Sybiga" / "Sibiga": one person spelt two ways in one article.
        close = [
            p
            for p in people
            if len(last) > 4
            and surname(p.key)[:1] == last[:1]
            and fuzz.ratio(surname(p.key), last) >= 80
            and (len(words) == 1 or _first_names_agree(p.key, words))
        ]
        return close[0] if len(close) == 1 else None

    def by_title(
        self, titles: list[str], countries: frozenset[str] = frozenset()
    ) -> PersonRef | None:
        """The person last given a role holding every word of ``titles`` (or one that
        says the same: "head" for "chief"), of one of ``countries`` if their role says;
        the words themselves before those that say the same ("the president said" after
        "Democratic leader Hakeem Jeffries" and "President Joe Biden")."""
        people = list(self._roles_of(countries))
        # "the Ukrainian president": one whose role says so before one's that does not;
        # "the governor": the governor before the deputy governor named since
        people.sort(
            key=lambda pair: (
                bool(countries) and not countries & nations(pair[0].role or ""),
                bool(pair[1] & _SECOND_IN_LINE) and not _SECOND_IN_LINE & set(titles),
            )
        )
        for same in (lambda word: frozenset({word}), role_words):
            for person, role in people:
                if all(same(t) & role for t in titles):
                    return person
        return None

    def _roles_of(self, countries: frozenset[str]) -> Iterator[tuple[PersonRef, set[str]]]:
        """People (the last first, then the latest named) with the words of their role,
        leaving out those whose role names another country than ``countries`` ("the North
        Korean defense chief" is not Russia's)."""
        people = [self.last] if self.last is not None else []
        people += [*reversed(self.known.values()), *reversed(self.mentioned.values())]
        for person in people:
            theirs = nations(f"{person.role or ''} {person.affiliation or ''}")
            if person.kind != "organization" and not (
                countries and theirs and not countries & theirs
            ):
                # ("Under-Secretary-General": its words too)
                yield person, set(fold(person.role or "").replace("-", " ").split())

    def by_role(self, role_word: str, countries: frozenset[str] = frozenset()) -> PersonRef | None:
        """The person last described with ``role_word`` ("the diplomat"), of one of
        ``countries`` where their role says ("the Ukrainian minister")."""
        return self.by_title([role_word], countries)


def mention_people(doc: Doc, speakers: Speakers) -> None:
    """Register every person ``doc`` names in full, with the words around the name, and
    every organization it names (for "the agency said" later)."""
    _bodies_by_shape(doc.text, speakers)
    _documents_issued(doc, speakers)
    for match in _ACRONYM.finditer(doc.text):
        acronym = match.group("acronym")
        named = institution_named(f"{display_source_name(match.group('name'))} ({acronym})")
        speakers.acronyms.setdefault(acronym, named.name)
    for token in doc:
        if _proper(token) and token.dep_ not in {"compound", "flat"}:
            core = name_core(token)  # names the recognizer missed ("... Command Yurii Ihnat")
            particled = core is not None and any(w in _PARTICLES for w in core.split())
            place = token.ent_type_ in PLACES and not particled  # "Leyen" tagged a place
            if core is not None and len(core.split()) > 1 and not place:
                speakers.mention(make_person(core, _office_of(token, core)))
    for match in _NICKNAMED.finditer(doc.text):
        # 'Robert "Magyar" Brovdi': a call sign between the names is no part of the name
        name = person_name(f"{match.group('first')} {match.group('last')}")
        if name is not None:
            speakers.mention(make_person(name, match.group("role"), default_kind="other"))
    for ent in doc.ents:
        if ent.label_ == "ORG":
            before = doc[ent.start - 1] if ent.start else None
            descriptor = before.text if before is not None and before.pos_ == "NOUN" else ""
            speakers.name_institution(display_source_name(ent.text), descriptor)
        if ent.label_ != "PERSON":
            continue
        name = person_name(whole_name(ent).text)  # "Park Sun" + "-won"
        if name is None or len(name.split()) < 2:
            continue
        phrase = clean_phrase(speaker_span(ent.root).text) if ent.root.dep_ != "compound" else name
        titled = _TITLE_BEFORE.search(doc.text, 0, ent.start_char)
        if titled is not None and phrase == name and _holds_title(titled.group("title")):
            # "by UN Under-Secretary-General for Humanitarian Affairs, Tom Fletcher": the
            # title the name stands beside
            phrase = f"{titled.group('title')}, {name}"
        speakers.mention(make_person(name, role_text(phrase, name), default_kind="other"))


_NICKNAMED = re.compile(
    r"\b(?P<first>[A-Z][a-z]+)\s+[\"“«](?:[A-Z][\w-]*)(?:\s[A-Z][\w-]*)?[\"”»]\s+"
    r"(?P<last>[A-Z][a-z][\w'’-]+)\b(?:,\s+(?P<role>[A-Za-z][^,.;:()]{2,80}?),)?"
)


def _documents_issued(doc: Doc, speakers: Speakers) -> None:
    """Remember who issued each study or report ``doc`` names: "The CSIS report", "ISW's
    assessment" (a name before the noun), "CSIS said in a study" (the one who spoke in it),
    "a study by the Kiel Institute"."""
    for token in doc:
        noun = token.lemma_.lower()
        if noun not in _FINDINGS | _STATEMENT_NOUNS or token.pos_ != "NOUN":
            continue
        owner = next(
            (c for c in token.children if c.dep_ in {"compound", "poss"} and c.pos_ == "PROPN"),
            None,
        )
        by = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if owner is None and by is not None:
            owner = next((c for c in by.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
        spoke = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "in" else None
        if owner is None and spoke is not None and spoke.pos_ == "VERB":
            owner = next((c for c in spoke.children if c.dep_ == "nsubj"), None)
        if owner is None or owner.pos_ != "PROPN" or owner.ent_type_ in {"PERSON", *PLACES}:
            continue
        phrase = doc[owner.left_edge.i : owner.right_edge.i + 1]
        speakers.documents[noun] = clean_phrase(phrase.text).removesuffix("'s").removesuffix("’s")


# A capitalized title (its "for", "of" and "the" too), then a comma, just before a name
_TITLE_BEFORE = re.compile(
    r"(?P<title>[A-Z][\w'’.-]*(?:\s+(?:(?:for|of|the|and)\s+)*[A-Z][\w'’.-]*){0,7}),\s*$"
)


def _holds_title(words: str) -> bool:
    return any(fold(w) in TITLE_WORDS for w in words.replace("-", " ").split())


def _proper(token: Token) -> bool:
    """A proper noun, or a family name the tagger took for a noun after a first name
    ("Dmytro Lubinets")."""
    if token.pos_ == "PROPN":
        return True
    return (
        token.pos_ == "NOUN"
        and token.is_title
        and token.i > 0
        and token.nbor(-1).dep_ in {"compound", "flat"}
        and token.nbor(-1).pos_ == "PROPN"
        and token.nbor(-1).ent_type_ not in {"ORG", *PLACES}
    )


def _bodies_by_shape(text: str, speakers: Speakers) -> None:
    """The bodies ``text`` names by the shape of their names and what is said of them: the
    recognizer misses many ("a Defense Intelligence Agency report")."""
    for match in (*_INSTITUTION_NAME.finditer(text), *_BODY_FOR.finditer(text)):
        speakers.name_institution(match.group())
    for match in _OWNED_BODY.finditer(text):
        speakers.name_institution(match.group("name"))
    for pattern in (_DESCRIBED_COMPANY, _COMPANY_BY_APPOSITION):
        for match in pattern.finditer(text):
            speakers.name_institution(match.group("name"), match.group("what"))
    for match in _COMPANY_BY_ROLE.finditer(text):
        speakers.name_institution(match.group("name"), "company")


def _office_of(name: Token, core: str) -> str | None:
    """ "President of Ukraine Volodymyr Zelenskyy": the office whose "of" the name hangs
    on, when the parser reads the country and the name as one noun phrase."""
    if name.dep_ == "pobj" and name.head.lower_ in {"of", "for"}:
        title = name.head.head
    elif name.dep_ == "appos":  # or the parser hangs the name on the office itself
        title = name.head
    else:
        return None
    if title.i > name.i or fold(title.text) not in TITLE_WORDS:
        return None
    words = name.doc[title.left_edge.i : name.i + 1].text
    return words[: -len(core)].strip() if words.endswith(core) else None


def _fuller_name(person: PersonRef, known: PersonRef) -> bool:
    """True when ``person`` is ``known``, a person so far named by surname alone, in full."""
    words = person.key.split()
    return (
        known.kind != "organization"
        and len(known.key.split()) == 1
        and len(words) > 1
        and words[-1] == known.key
    )


def _first_names_agree(known_key: str, words: list[str]) -> bool:
    known = known_key.split()
    return len(known) == 1 or known[0][:1] == words[0][:1]


def resolve_subject(subject: Span, speakers: Speakers) -> Speaker | None:
    """Who the attribution subject ``subject`` (a phrase of the parse) refers to."""
    subject = press_owner(without_age(without_setting(subject)))
    head = subject.root
    if head.pos_ == "PRON" or _statement(subject):
        issued = speakers.issuer_of(head.lemma_.lower()) if head.pos_ != "PRON" else None
        return _issuer(subject, speakers) or issued or _pronoun(head, speakers)
    if head.ent_type_ == "NORP" and head.tag_ in {"NNS", "NNPS"}:
        return _anonymous(_LEADING_THE.sub("", clean_phrase(subject.text)))  # "the Russians"
    titled = _title_reference(subject, speakers) or outlet_described(subject)
    if titled is None and COMPANY_FORM.match(clean_phrase(subject.text)):
        titled = institution_named(clean_phrase(subject.text))  # NPC "Ukrenergo": a company
    if titled is not None:
        return speakers.add(titled)
    # "Skuibida, a member of the Marine Corps Strength Association": the name before its
    # appositive is who speaks
    words = HONORIFIC.sub("", clean_phrase(subject.text.split(",")[0])).split()
    if 0 < len(words) <= 3 and all(w[:1].isupper() or w in _PARTICLES for w in words):
        known = speakers.by_surname(" ".join(words))  # the tagger may call "Shvets" a noun
        if known is not None:
            return speakers.add(_person_after_all(known, subject))
    person = _named_person(subject, speakers) or _misread_name(subject)
    if person is not None:
        return speakers.add(person)
    return _unnamed(subject, head, speakers)


_PLACE_FIRST = frozenset("north south east west new saudi sri united great costa el la".split())


def _misread_name(subject: Span) -> PersonRef | None:
    """ "..., points out Iwona Kowalska": a first name and a surname the recognizer took
    for a place, which is no country and reads as no body."""
    words = [t for t in subject if not t.is_punct]
    if len(words) != 2 or not all(t.pos_ == "PROPN" and t.is_title for t in words):
        return None
    text = " ".join(t.text for t in words)
    if (
        not all(t.ent_type_ == "GPE" for t in words)
        or any(fold(t.text) in TITLE_WORDS for t in words)
        or fold(words[0].text) in _PLACE_FIRST
        or nations(text)
        or looks_like_organization(text)
    ):
        return None
    return make_person(text, None, default_kind="other")


def _person_after_all(known: PersonRef, subject: Span) -> PersonRef:
    """A lone name first read as a body ("..., Stoltenberg said", tagged ORG there) that
    the recognizer now tags a person ("Stoltenberg told reporters") is a person: so
    "he said" later points at him."""
    lone = len(known.key.split()) == 1 and known.kind == "organization"
    if lone and subject.root.ent_type_ == "PERSON" and not _is_institution(subject):
        return known.model_copy(update={"kind": "other"})
    return known


def _statement(subject: Span) -> bool:
    """ "The statement said troops were ready": as "it", the institution whose it is; "A
    World Bank report has estimated ...": the body it names."""
    lemma = subject.root.lemma_.lower()
    if lemma in _FINDINGS and subject[0].lower_ in {"a", "an"}:
        return bool(_named_issuer(subject))  # "A World Bank report"
    # ("a Foreign Ministry statement", "..., a statement read.": whichever article)
    return lemma in _STATEMENT_NOUNS and subject[0].lower_ in {
        "the",
        "this",
        "its",
        "that",
        "a",
        "an",
    }


def _named_issuer(subject: Span) -> str:
    """The proper name before a document's noun ("A World Bank report": World Bank)."""
    words = [t for t in subject if t.i < subject.root.i and t.pos_ == "PROPN"]
    return " ".join(t.text for t in words) if words and words[-1].i == subject.root.i - 1 else ""


def _issuer(subject: Span, speakers: Speakers) -> PersonRef | None:
    """ "according to the international working group study": the body the words before
    the statement's noun name, if the article named it."""
    words = [fold(t.text) for t in subject if t.i < subject.root.i and t.is_alpha]
    words = [w for w in words if w not in {"the", "this", "its", "that", "a", "an"}]
    known = speakers.institution(words[-1], frozenset(words)) if words else None
    named = _named_issuer(subject) if subject[0].lower_ in {"a", "an"} else ""
    return known or (speakers.add(institution_named(named)) if named else None)


def _pronoun(head: Token, speakers: Speakers) -> PersonRef | None:
    if head.pos_ != "PRON":
        return _last_institution(speakers)  # a statement's words are its issuer's
    if head.lower_ in _PRONOUN_PERSON:
        return speakers.last or speakers.featured
    if head.lower_ in _PRONOUN_INSTITUTION and head.dep_ == "nsubj":
        return _reporting_body(head, speakers) or _last_institution(speakers)
    return None


_ACTING_FORCES = frozenset("forces force army troops military navy".split())


def _reporting_body(pronoun: Token, speakers: Speakers) -> PersonRef | None:
    """ "The European Commission disbursed 4 billion euros, it said": the body that is the
    subject of the reported clause before the pronoun (or owns it: "The company's revenue
    fell, it said"); armed forces there are the actors, not the speaker."""
    reported = [c for c in pronoun.head.children if c.dep_ == "ccomp" and c.i < pronoun.i]
    subjects = [c for r in reported for c in r.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for subject in subjects:
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        for token in (subject, owner):
            if token is None or token.pos_ == "PRON" or fold(token.text) in _ACTING_FORCES:
                continue
            phrase = token.doc[token.left_edge.i : token.i + 1]
            named = token.ent_type_ == "ORG" or (
                token.pos_ == "PROPN" and token.ent_type_ not in {"PERSON", *PLACES, "NORP"}
            )
            if named or (fold(token.text) in _INSTITUTION_HEADS and _refers_back(phrase)):
                found = resolve_subject(phrase, speakers)
                if found is None and token.ent_type_ == "ORG":  # a body named nowhere else
                    found = speakers.add(institution_named(clean_phrase(phrase.text)))
                if isinstance(found, PersonRef) and found.kind == "organization":
                    return found
    return None


def _title_reference(subject: Span, speakers: Speakers) -> PersonRef | None:
    """ "The Prosecutor General", "The State Secretary", "the military intelligence head":
    a title the article has given a person it named (in any word order); "PM said" as
    "the Prime Minister said"."""
    short = _ABBREVIATED.get(fold(clean_phrase(subject.text)).removeprefix("the "))
    if short is not None:
        return speakers.by_title(short.split())
    # "the ex-head of Chornomor Naftogaz": the title, then whose title it is
    title, _, owner = " ".join(fold(t.text) for t in subject if not t.is_punct).partition(" of ")
    words = title.split()
    head = fold(_head_word(subject).text)
    if len(subject) > 1 and subject[1].tag_ == "POS" and subject[0].pos_ == "PROPN":
        words = ["the", *words[2:]]  # "Ukraine's top diplomat", "Kyivstar's CEO": its own
    if (
        not words
        or len(words) > 5
        or words[0] not in {"the", "this"}
        or any(t.ent_type_ == "PERSON" for t in subject)
    ):
        return None
    if head not in TITLE_WORDS and head not in ROLE_NOUNS:
        return None
    titles = [w for w in words[1:] if w in TITLE_WORDS or w in ROLE_NOUNS]
    countries = nations(subject.text)
    found = speakers.by_title(titles, countries) or speakers.by_title(
        _office(words, head), countries
    )
    employer = set(fold(found.affiliation or "").split()) if found is not None else set()
    if owner and employer and not employer & set(owner.split()):
        return None  # the head of another body
    return found


# Titles news writes short, and what they stand for
_ABBREVIATED = {
    "pm": "prime minister",
    "fm": "foreign minister",
    "ombudsman": "commissioner human rights",  # "the Ombudsman" after the Commissioner for ...
}
# The portfolios a minister is called the chief of ("the defense chief").
_PORTFOLIOS = frozenset("defense defence foreign interior finance energy economy".split())


def _office(words: list[str], head: str) -> list[str]:
    """The minister's title a newsroom's byword stands for: "the top diplomat" is the
    foreign minister, "the North Korean defense chief" the defense minister."""
    if head == "diplomat" and "top" in words:
        return ["foreign", "minister"]
    portfolio = [w for w in words if w in _PORTFOLIOS]
    return [portfolio[0], "minister"] if head in {"chief", "head"} and portfolio else ["-"]


def _head_word(subject: Span) -> Token:
    """The phrase's head: "head" of "the ex-head of Naftogaz", whose pieces the parser
    may hang outside the phrase one by one (the last of them is its head)."""
    outside = [t for t in subject if not subject.start <= t.head.i < subject.end or t.head == t]
    return outside[-1] if outside else subject.root


def _last_body_named(speakers: Speakers) -> PersonRef | None:
    """The body the text named last, if it is no outlet and no country."""
    name = speakers.institutions[-1][0] if speakers.institutions else ""
    if not name or is_outlet(name) or nations(name):
        return None
    return speakers.spelt_before(institution_named(name))


def _last_institution(speakers: Speakers) -> PersonRef | None:
    """The body that spoke last, else the body named last ("The ICC made the announcement
    on Tuesday. The statement alleges ...")."""
    institutions = [p for p in speakers.known.values() if p.kind == "organization"]
    return institutions[-1] if institutions else _last_body_named(speakers)


def _named_person(subject: Span, speakers: Speakers) -> PersonRef | None:
    """The person a subject names: by the entity recognizer, else by the shape of the name.

    The small model often calls Ukrainian names ORG ("Oleksandr Musienko"), so a run of
    two to four capitalized words at the subject's head is a name unless it reads as an
    organization or a place.
    """
    text = clean_phrase(subject.text)
    name = name_of(subject) or _name_after_long_title(subject, text)
    if name is None or ends_in_connector(text[: text.rfind(name)]):
        return None  # "The Office of the UN High Commissioner for Human Rights": a body
    if len(name.split()) == 1:
        return speakers.by_surname(name) or single_name(name, text, subject)
    known = speakers.by_surname(name)
    if known is not None and not _fuller_name(PersonRef(name=name, key=person_key(name)), known):
        return described(known, name, text)
    return make_person(name, role_text(text, name), default_kind="other")


def _name_after_long_title(subject: Span, text: str) -> str | None:
    """ "Under Secretary of Commerce for Industry and Security Alan Estevez": the parser read
    the title as phrases of places; the name is its last two words, or the words after
    its last comma ("head of the Center for Radio Technologies, Beskrestnov")."""
    words = text.split()
    name = " ".join(words[-2:])
    title, comma, after = text.rpartition(",")
    if comma and 0 < len(after.split()) <= 3:
        name, words = after.strip(), [*title.split(), *after.split()]
    if (
        len(words) < 4
        or not all(w[:1].isupper() for w in name.split())  # "the mayor of Mykolaiv"
        or not ends_in_name(list(subject))
        or looks_like_organization(name)
        or not any(fold(w) in TITLE_WORDS for w in words[: -len(name.split())])
        or "to" in words  # "a senior adviser to President X" is not X
    ):
        return None
    return name


def _is_institution(subject: Span) -> bool:
    root = subject.root
    if fold(root.text) in _INSTITUTION_HEADS:
        return True
    return any(ent.label_ in {"ORG", *PLACES} and ent.root == root for ent in subject.ents)


def _unnamed(subject: Span, head: Token, speakers: Speakers) -> Speaker | None:
    text = clean_phrase(subject.text)
    bare = _LEADING_THE.sub("", text)
    lemma = head.lemma_.lower() or head.lower_
    if subject[0].lower_ in {"his", "her", "their", "its", "both"}:
        return _anonymous(bare)  # "according to his office", "Both Pyongyang and Moscow"
    titled = fold(head.text) in TITLE_WORDS  # "Iran's Supreme Leader": an office, unnamed
    if not titled and (
        _is_institution(subject)
        or (head.pos_ == "PROPN" and (looks_like_organization(bare) or is_outlet(bare)))
    ):
        return _body(subject, head, bare, speakers)
    collective = lemma in COLLECTIVE_NOUNS or head.lower_ in COLLECTIVE_NOUNS
    if head.tag_ in {"NNS", "NNPS"} or collective or bare in _FINDINGS:
        issuer = _findings_issuer(subject, bare, speakers)
        return issuer or _staff_of(head, speakers) or _anonymous(bare)
    if lemma in ROLE_NOUNS and _refers_back(subject):
        known = speakers.by_role(lemma, nations(subject.text))
        if known is None and lemma in _GENERIC_ROLES:
            known = speakers.last or speakers.featured
        return known or _anonymous(bare)
    if lemma in ROLE_NOUNS:
        # "A spokesperson for Euronews told Reuters", "the Fund's spokesperson": the body
        owned = _staff_of(head, speakers) if lemma in _SPOKESPEOPLE else None
        body = spoken_for(subject, head) if lemma in _SPOKESPEOPLE and not owned else None
        return owned or (speakers.add(institution_named(body)) if body else _anonymous(bare))
    return None


_FINDINGS = frozenset({"report", "assessment", "analysis"})


def _findings_issuer(subject: Span, bare: str, speakers: Speakers) -> PersonRef | None:
    """ "The report highlights ..." after "reports the Institute for the Study of War":
    the findings of the last body named, if it is no outlet."""
    if bare not in _FINDINGS or subject[0].lower_ not in {"the", "this"}:
        return None
    issuer = speakers.issuer_of(bare) or _last_institution(speakers)
    return issuer if issuer is not None and not is_outlet(issuer.name) else None


def _body(subject: Span, head: Token, bare: str, speakers: Speakers) -> Speaker:
    """The institution ``subject`` names, or refers back to ("the agency"); nobody's name
    where a lone word refers back to none ("the agency said" with no agency named before)."""
    described = _DESCRIBED_ACRONYM.match(clean_phrase(subject.text))
    if described is not None and described.group("what").split()[-1].islower():
        # "the United Nations refugee agency (UNHCR)": a description, then the body's name
        return speakers.add(institution_named(described.group("acronym")))
    # "the Foreign Office in Berlin" (but "the Russian embassy in Germany" is named by where)
    located = head.lower_ in {"embassy", "consulate", "mission"}
    placed = len(subject) > 2 and subject[-2].lower_ == "in" and subject[-1].ent_type_ == "GPE"
    if placed and not located:
        subject, bare = subject[:-2], bare.rsplit(" in ", 1)[0]
    if len(subject) > 2 and subject[-2].lower_ == "on" and subject[-1].ent_type_ == "DATE":
        subject, bare = subject[:-2], bare.rsplit(" on ", 1)[0]  # "A Finnish court on Friday"
    words = frozenset(fold(t.text) for t in subject if t.i != head.i and t.is_alpha)
    words -= {"the", "this", "that", "our"}
    # "the Ukrainian agency": a nationality describes a body named before, never names one
    nationality = frozenset(
        fold(t.text) for t in subject if t.ent_type_ == "NORP" and t.i != head.i
    )
    named = (
        speakers.institution(head.lower_, words - nationality) if _refers_back(subject) else None
    )
    proper = proper_name(subject, head) or named_in_apposition(head)
    owned = owned_institution(subject)
    generic = head.lower_ in _DESCRIBING_HEADS  # (but "the Russian embassy" is one body)
    if not (named or owned or proper) and nationality and words == nationality and generic:
        named = _last_body_named(speakers)  # "Energoatom said ... the Ukrainian agency added"
        if named is None:
            return _anonymous(bare)
    if not (named or owned or proper) and bare.islower() and len(bare.split()) == 1:
        return _anonymous(bare)  # but "the operational command" says which body
    found = named or institution_named(owned or proper or bare)
    # ("according to the ISW": ``add`` names it as it was spelt out before)
    return speakers.add(speakers.fuller(found) or found)


# Nouns a writer describes a body named before by ("the Ukrainian agency added")
_DESCRIBING_HEADS = frozenset(
    "agency company operator organization organisation firm body group utility watchdog".split()
)
_DESCRIBED_ACRONYM = re.compile(
    r"^(?:[Tt]he\s+)?(?P<what>[\w'’ -]+?)\s*\((?P<acronym>[A-Z]{2,8})\)?$"
)
_STAFF = frozenset("expert analyst researcher author".split())


def _staff_of(head: Token, speakers: Speakers) -> PersonRef | None:
    """ "The group's experts called on ...", "ISW's analysts", "the Fund's spokesperson":
    the body speaks."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    if owner is None and head.lemma_.lower() in _STAFF:
        # "ISW analysts concluded ...": a body's acronym before its staff
        owner = next((c for c in head.children if c.dep_ == "compound" and c.is_upper), None)
    if owner is None or head.lemma_.lower() not in _STAFF | _SPOKESPEOPLE:
        return None
    body = resolve_subject(head.doc[owner.left_edge.i : owner.i + 1], speakers)
    return body if isinstance(body, PersonRef) and body.kind == "organization" else None


# "the deputy governor" is not "the governor"
_SECOND_IN_LINE = frozenset("deputy vice acting first assistant".split())
# "the Institute", "the Ministry" alone: the one named in full before
_BACK_HEADS = _INSTITUTION_HEADS
# "the statement said", "according to the study": the words of the body that issued it
_STATEMENT_NOUNS = frozenset(
    "statement communique communiqué announcement study document conclusions declaration".split()
)


def _refers_back(subject: Span) -> bool:
    """ "the diplomat", "the military expert", "the note's author": someone named before;
    "the US representative to the UN Security Council" describes someone new."""
    words = subject.text.split()  # "editor-in-chief" is one word
    hyphened = {t.i for t in subject if "-" in (t.nbor(-1).text if t.i else "") or t.text == "-"}
    if len(words) == 2 and words[0].lower() == "the" and fold(words[1]) in _BACK_HEADS:
        return True  # "the Institute suggests" after "the Institute for the Study of War"
    return (
        words[0].lower() in {"the", "this", "that", "our"}
        and len(words) <= 4
        and not any(
            (t.pos_ == "PROPN" and t.text[:1].isupper() and fold(t.text) not in TITLE_WORDS)
            or (t.pos_ == "ADP" and t.i not in hyphened)
            for t in subject
        )
    )


def _anonymous(name: str) -> Anonymous:
    # "according to newly declassified U.S. intelligence": the source is U.S. intelligence
    named = _RELEASED.sub(
        lambda m: (
            m.group("named") or m.group("inside") or m.group("counted") or m.group("owning") or ""
        ),
        name,
    )
    display = display_source_name(named)
    return Anonymous(
        SourceRef(name=display, key=source_key(display), kind=source_kind(display), role="cited")
    )
