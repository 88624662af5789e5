"""People in text: a name with the role and affiliation around it.

"Oleh Katkov, military expert and Defense Express editor-in-chief" gives the name Oleh
Katkov, the role "military expert and editor-in-chief" and the affiliation Defense
Express; "Kremlin spokesman Dmitry Peskov" gives Dmitry Peskov, spokesman, Kremlin.
"""

from __future__ import annotations

import re

from eventstore.extract.document import PersonRef
from eventstore.extract.names import (
    HONORIFIC,
    NAME_WORD,
    NATIONALITY_WORDS,
    POSTED_ON,
    TITLE_WORDS,
    expert_kind,
    looks_like_organization,
)
from eventstore.normalize import fold, person_key
from eventstore.vocabulary import ExpertKind

_CAP_WORD = r"[A-Z][\w'’.&/-]*"  # "CDU/CSU": one party's name
# "Center for a New American Security", "Department for Crimes Committed during Armed
# Conflicts"
_CONNECTOR = r"(?:for|of|and|on|de|the|a|during|&)"
# "Committee on Finance, Tax and Customs Policy": a list of capitalized words in a name
_LISTED = rf",\s+(?={_CAP_WORD}(?:\s+{_CAP_WORD})*\s+and\s+[A-Z])"
# "the 24th Separate Mechanized Brigade": a unit's number is part of its name
_ORG_RUN = (
    rf"(?:\d{{1,3}}(?:st|nd|rd|th)\s+)?"
    rf"{_CAP_WORD}(?:(?:\s+(?:{_CONNECTOR}\s+)*|{_LISTED}){_CAP_WORD})*"
)
_PREPOSITION_ORG = re.compile(
    rf"\s*\b(?P<prep>at|of|with|from|for|in|to)\s+(?:the\s+)?(?P<org>{_ORG_RUN}"
    # "commander of Ukraine's air force": a possessive's lower-case words are the employer
    r"(?:(?<=['’]s)(?:\s+[a-z][\w-]*){1,3}(?=\s*(?:,|$))"
    # "of the Kharkiv region police": a place's service, named in lower case
    r"|(?:\s+(?:region|regional|oblast|city|district))?\s+(?:police|prosecutor['’]s\s+office"
    r"|military\s+administration|administration)\b"
    # "for the Khortytsya operational and strategic group of troops", "for the Luhansk
    # military operation": a formation named in lower case after its name
    r"|(?:\s+(?:operational|strategic|and|joint|military|forces|operational-strategic)){1,4}"
    r"\s+(?:group\s+of\s+(?:troops|forces)|operation|group)\b"
    # "of the Voice faction", "of the Green parliamentary group": a party's group
    r"|(?:\s+parliamentary)?\s+(?:faction|caucus)\b|\s+parliamentary\s+group\b)?)"
    # "with the Asia-Pacific programme at Chatham House": a unit; the employer comes next
    r"(?![\w'’-])(?!\s+(?:programme|program|project|unit|desk|team|initiative)\b)"
)
_CAPITAL_RUN = re.compile(_ORG_RUN)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_TOKEN = re.compile(rf"^{NAME_WORD}$")
_CONNECTOR_END = re.compile(rf"{_CAP_WORD}\s+(?:for|of|and|de|&)$")


def split_role(text: str) -> tuple[str | None, str | None]:
    """Split a role phrase into (role, affiliation).

    >>> split_role("chief consultant at the National Institute for Strategic Studies")
    ('chief consultant', 'National Institute for Strategic Studies')
    """
    text = _ARTICLE.sub("", " ".join(text.split())).strip(" ,")
    text = POSTED_ON.sub("", text).strip(" ,")  # "Kharkiv Mayor, on Telegram": where, not who
    if not text:
        return None, None
    owned = _POSSESSIVE_ORG.match(text) or _BODY_ROLE.match(text)
    if owned is not None:  # "Ukraine's air force commander": the air force employs him
        return _portfolio_owner(owned.group("org"), owned.group("role"))
    office = False
    for match in _PREPOSITION_ORG.finditer(text):
        prep, before = match.group("prep"), text[: match.start()]
        # The "for" of "Institute for Economics and Forecasting political analyst" is
        # inside the employer's name, not before it.
        if (prep in ("for", "of") and _inside_org_name(before)) or (office and prep == "to"):
            continue
        org = _without_rank(_trim_org(match.group("org")))
        if prep == "of" and org.lower() == "staff" and before.lower().endswith("chief"):
            office = True  # "Chief of Staff to the Secretary of State": one title
            continue
        if prep in ("for", "of") and _portfolio(before, org):
            office = True  # "Minister of Energy": an office, its ministry unnamed ("Special
            continue  # Envoy for the Middle East at the State Department": employed there)
        if org and _is_employer(org) and not _place(f"{before} {prep} ", org):
            role = before.strip(" ,") or None
            return role, org
    if office:
        return text, None
    for match in _CAPITAL_RUN.finditer(text):
        org = _trim_org(match.group())
        # "Polish Agriculture Minister" is a title, not an employer.
        if _place(text[: match.start()], org):
            continue
        # "Deputy CDU/CSU parliamentary group leader": the rank is the role's
        ranks = re.match(r"(?:(?:Deputy|Acting|First|Vice)\s+)+", org)
        rank = ranks.group() if ranks is not None and ranks.end() < len(org) else ""
        org = org[len(rank) :]
        if org and _is_employer(org) and not _is_title(org.split()[-1]):
            role = " ".join((text[: match.start()] + f" {rank} " + text[match.end() :]).split())
            return role.strip(" ,") or None, org
    return text, None


_POSSESSIVE_ORG = re.compile(
    r"^(?P<org>[A-Z][\w.'’-]*['’]s(?:\s+[a-z][\w-]*){1,3})\s+(?P<role>(?:[a-z][\w-]*\s+)?"
    r"(?:commander|head|chief|spokesman|spokeswoman|spokesperson|director|minister|adviser"
    r"|advisor|representative|secretary|official|analyst|expert))$"
)


# "Estonia's foreign minister": the portfolio is part of the title, the country employs
_PORTFOLIOS = frozenset(
    """foreign defence defense finance economy economic interior justice energy health
    education prime deputy trade agriculture culture digital infrastructure""".split()
)


def _portfolio_owner(org: str, role: str) -> tuple[str, str]:
    words = org.split()[1:]
    if words and all(w in _PORTFOLIOS for w in words):
        return " ".join([*words, role]), re.sub(r"['’]s$", "", org.split(maxsplit=1)[0])
    return role, org


# "Ukrainian military intelligence (HUR) chief", "Chinese foreign ministry spokesperson":
# a body named in lower case by what it is, then the title held in it
_BODY_ROLE = re.compile(
    r"^(?P<org>(?:[A-Z][\w'’-]+\s+)?(?:[a-z][\w-]*\s+){0,2}(?:intelligence|ministry|army|navy"
    r"|police|guard|service|forces|council|agency|committee)(?:\s+\([A-Z]{2,6}\))?)\s+"
    r"(?P<role>(?:[a-z][\w-]*\s+)?(?:commander|head|chief|spokesman|spokeswoman|spokesperson"
    r"|director|minister|adviser|advisor|representative|secretary|official|analyst|expert))$"
)


def _without_rank(org: str) -> str:
    """ "of the Joint Chiefs of Staff General Charles Q. Brown": the rank after the body is
    a title ("the Office of the President" keeps its president)."""
    words = org.split()
    while len(words) > 1 and fold(words[-1]) in _RANKS and words[-2][:1].isupper():
        words.pop()
    return " ".join(words)


_RANKS = frozenset(
    """general colonel major captain admiral lieutenant marshal sergeant commander gen col
    maj lt adm capt sgt cmdr brig""".split()
)


def _inside_org_name(before: str) -> bool:
    words = before.split()
    return bool(words) and words[-1][:1].isupper() and looks_like_organization(words[-1])


def _trim_org(org: str) -> str:
    org = _BASED.sub("", org).strip()  # "the Riga-based Baltic Institute": its place is no part
    # A run may end on a connector ("Council of"): cut back to the last capital word.
    if re.search(r"['’]s\s+[a-z]", org):
        return org.rstrip(" ,.")  # "Ukraine's air force": the possessive's words are its name
    org = re.sub(r"['’]s$", "", org)  # "the European Parliament's transport committee"
    if re.search(
        r"\b(?:police|office|administration|troops|forces|operation|group|faction|caucus)$", org
    ):
        return org  # "Kharkiv region police"
    words = org.split()
    while words and not words[-1][:1].isupper():
        words.pop()
    org = " ".join(words).rstrip(",")
    # "U.N." keeps the dot of its last initial; "Studies." loses a sentence's full stop.
    return org if re.search(r"(?:^|\.)[A-Z]\.$", org) else org.rstrip(".")


def _is_employer(org: str) -> bool:
    """An organisation's name: not only titles, nationalities and places ("Kyiv-based")."""
    words = fold(_BASED.sub("", org)).split()
    return any(word not in TITLE_WORDS and word not in NATIONALITY_WORDS for word in words)


_BASED = re.compile(r"[\w'’.]+-based\b")


_PLACE_BEFORE = re.compile(r"\b(?:in|from|near|outside|across|around)\s+(?:the\s+)?$")


def _place(before: str, org: str) -> bool:
    """ "an analyst in Kharkiv", "a political analyst from Odesa": a place, unless its
    name says it is an organisation ("a researcher in the Defence Ministry")."""
    return bool(_PLACE_BEFORE.search(before + " ")) and not looks_like_organization(org)


_OFFICE = re.compile(
    r"\b(?:[Mm]inister|[Ss]ecretary|[Cc]ommissioner|[Ee]nvoy|[Rr]epresentative|[Cc]oordinator"
    r"|[Ss]ecretary-[Gg]eneral)\s*$"
)
# Words that name a body, not a portfolio ("Secretary of the National Security and
# Defense Council" is of a council; "Minister of Foreign Affairs" of no body named).
_BODY_WORDS = frozenset(
    """ministry council office directorate forces force staff service services committee
    agency department command administration bureau commission government cabinet
    parliament rada house kremlin pentagon army navy guard police court bank fund institute
    center centre university school foundation company corporation group union alliance
    nato""".split()
)


def _portfolio(before: str, org: str) -> bool:
    return bool(_OFFICE.search(before)) and not set(fold(org).split()) & _BODY_WORDS


_PARTICLES = frozenset("von van der den de da di du al el bin ibn".split())


def name_at_end(phrase: str) -> tuple[str, str] | None:
    """Split "Kremlin spokesman Dmitry Peskov" into ("Dmitry Peskov", "Kremlin spokesman").

    The name is the last two to four capitalized words that are not titles.
    """
    words = phrase.split()
    # "Lloyd J. Austin III", "Martin Luther King Jr.": the generation ends the name
    last = words[-1].strip(",") if words else ""
    numbered = last in GENERATIONS and last.isupper() and len(words) == 2  # "Leo XIV"
    suffix = (
        words.pop().strip(",") if (len(words) > 2 and last in GENERATIONS) or numbered else None
    )
    taken: list[str] = []
    start = len(words)
    for index in range(len(words) - 1, -1, -1):
        bare = words[index].strip(",.")
        if taken and index > 0 and _INITIAL.match(words[index]):
            continue  # "Charles Q. Brown", "Antony J. Blinken": named without the initial
        if taken and _INITIALS.match(words[index]) and (index == 0 or _is_title(words[index - 1])):
            taken.append(words[index])  # "P.S. Raghavan": initials that open the name
            start = index
            continue
        particle = bare in _PARTICLES and bool(taken)  # "Ursula von der Leyen"
        full = len([w for w in taken if w not in _PARTICLES]) == 4
        # "German Galushchenko": a first name spelt like a nationality opens the phrase
        # (or after a capitalized word: "Minister of Energy German Galushchenko")
        first_name = (
            len(taken) == 1
            and fold(bare) in NATIONALITY_WORDS
            and (index == 0 or words[index - 1][:1].isupper())
        )
        # "Defense Minister Gen Nakatani": a rank's short form right after a title is a
        # first name (no rank follows "Minister")
        first_name = first_name or (
            len(taken) == 1
            and bare == words[index]
            and fold(bare) in _SHORT_RANKS
            and index > 0
            and _is_title(words[index - 1].strip(",."))
        )
        if not first_name and (
            (not particle and not _TOKEN.match(bare)) or _is_title(bare) or full
        ):
            break
        if taken and looks_like_organization(bare):
            break  # "the Presidential Office Ihor Zhovkva": the body's name ends the title
        if len(taken) >= 2 and index > 0 and words[index - 1].lower() in {"the", "of", "for"}:
            # "Minister for the Restoration Oleksandr Kubrakov", "Foreign Minister of
            # Ukraine Dmytro Kuleba": the word after "the" or "of" ends the title
            break
        taken.append(bare)
        start = index
    while taken and taken[-1] in _PARTICLES:
        taken.pop()  # the name starts with a capital
        start += 1
    regnal = suffix is not None and suffix.isupper() and suffix[:1] in {"I", "V", "X"}
    if len(taken) < 2 and not (taken and regnal):  # "Pope Leo XIV": one name and a number
        return None
    name = " ".join(reversed(taken)) + (f" {suffix}" if suffix else "")
    prefix = " ".join(words[:start])
    return name, prefix


# and a monarch's or pope's number ("King Charles III", "Pope Leo XIV")
GENERATIONS = frozenset(
    "Jr. Jr Sr. Sr II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII".split()
)


_INITIAL = re.compile(r"^[A-Z]\.$")
_INITIALS = re.compile(r"^(?:[A-Z]\.){2,3}$")
_SHORT_RANKS = frozenset("gen col maj".split())


# Titles that end a name read back from its end ("National Security Advisor Jake
# Sullivan"), though "a senior adviser to President X" is the adviser, not X (names.py)
# Roles written in capitals before a name ("Analyst Ilhan Uzgel", "Economist Jane Roe")
_TITLES_BEFORE_A_NAME = frozenset(
    """adviser advisor aide counselor counsellor analyst economist expert researcher
    historian journalist correspondent lawmaker""".split()
)


def _is_title(word: str) -> bool:
    # Two-letter acronyms (US, UN) are written in capitals; "Un" of "Kim Jong Un" is a name.
    parts = fold(word).split()
    return any(
        part in TITLE_WORDS
        or part in _TITLES_BEFORE_A_NAME
        or (part in NATIONALITY_WORDS and len(part) > 2)
        for part in parts
    )


_PARTY = re.compile(r"\s*\(\s*(?P<party>[A-Z][\w-]{0,9})(?:\)|\s*$)")


_QUOTE_MARKS = re.compile(r"[\"“”«»]")
# "who led the IMF mission": a relative clause saying what the person heads
_HEADS = re.compile(
    r"(?:^|(?<=, ))who\s+(?:now\s+|currently\s+)?(?:heads|headed|leads|led|chairs|chaired"
    r"|runs|ran|directs|directed|commands|commanded)\s+"
)


def make_person(
    name: str, role_text: str | None = None, *, default_kind: ExpertKind = "other"
) -> PersonRef:
    """A PersonRef for ``name`` described by ``role_text`` (split into role and affiliation)."""
    if role_text:  # '"city governor" Mikhail Razvozhayev': a title in scare quotes
        role_text = _HEADS.sub("head of ", _QUOTE_MARKS.sub("", role_text))
    party = _PARTY.search(role_text) if role_text else None
    if role_text:  # "Jana Cernochova (ODS)": a party in brackets is no role
        role_text = _PARTY.sub("", role_text).strip(" ,") or None
    role, affiliation = split_role(role_text) if role_text else (None, None)
    if affiliation is None and party is not None:
        affiliation = party.group("party")  # but the body she belongs to
    name = HONORIFIC.sub("", name) if len(name.split()) > 2 else name  # "Sir Keir Starmer"
    return PersonRef(
        name=name,
        key=person_key(name),
        kind=expert_kind(role, default=default_kind),
        role=role,
        affiliation=affiliation,
    )


def _titled_then_named(title: str, rest: str, default_kind: ExpertKind) -> PersonRef | None:
    """ "the representative of the Coordination Headquarters (KSHPPV), Petro Yatsenko": a
    title, then after its comma only the name of the one who holds it."""
    named = name_at_end(rest) if rest and ", " not in rest else None
    if named is None or named[1] or looks_like_organization(named[0]):
        return None
    return make_person(named[0], title, default_kind=default_kind)


def parse_person(phrase: str, *, default_kind: ExpertKind = "other") -> PersonRef | None:
    """A person from "Name", "Name, role", "role Name" or "role Name, role"."""
    phrase = " ".join(phrase.split()).strip(" ,.")
    head, _, appositive = phrase.partition(", ")
    found = name_at_end(head)
    # "Center for Economic Strategy": the capitalized words end an organization's name.
    if found is None or looks_like_organization(found[0]) or _CONNECTOR_END.search(found[1]):
        return _titled_then_named(head, appositive, default_kind)
    name, prefix = found
    role_text = ", ".join(part for part in (prefix, appositive) if part) or None
    return make_person(name, role_text, default_kind=default_kind)
