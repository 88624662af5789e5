"""Names: normalized keys for people and sources, and what kind of thing a name is.

"Kim Jong Un" and "Kim Jong-un" share a key; so do "The New York Times" and "the New
York Times", "US" and "United States". Keys are what resolution matches on.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventstore.extract.text import fold
from eventstore.vocabulary import ExpertKind, SourceKind

# A capitalized name token: "Oleh", "Jong-un", "O'Brien", "Zhdanov", "Kang".
# Lower-case letters of any script after the capital ("Radosław", "Zelenskyy").
_LOWER = r"[^\W\d_A-Z]"
NAME_WORD = rf"[A-Z]{_LOWER}+(?:['’-][A-Za-z]{_LOWER}+)*"
PERSON_NAME = rf"{NAME_WORD}(?: {NAME_WORD}){{1,3}}"

# Capitalized words that are titles, not parts of a person's name.
TITLE_WORDS = frozenset(
    """president minister prime deputy defense defence foreign secretary spokesman spokeswoman
    spokesperson general colonel major captain admiral chief head leader chairman director
    ambassador commander senator governor mayor king queen prince pope chancellor envoy
    representative mr mrs ms dr professor lieutenant marshal premier speaker state affairs
    interior economy finance vice acting former first gen gov maj lt col sen rep sgt adm
    capt cmdr brig""".split()
)
# Words of nationality: descriptors in a role ("Russian Defense Minister"), not employers.
NATIONALITY_WORDS = frozenset(
    """russian ukrainian american chinese british french german iranian north south korean
    japanese israeli polish turkish indian belarusian european western us uk un eu""".split()
)

_ORG_WORDS = frozenset(
    """times post journal news agency press reuters bloomberg tv channel radio gazette herald
    telegraph guardian economist magazine review balance house department ministry ministries
    kremlin pentagon government cabinet office council committee commission parliament force
    congress senate rada administration embassy service services intelligence command staff
    forces army navy military institute center centre university school foundation fund bank
    group organization organisation union alliance nato un eu iaea coalition party association
    corporation company inc ltd headquarters directorate bureau authority authorities
    agency court prosecutor police guard association federation chamber academy society
    forum initiative network project observatory studies research policy strategy business
    economics energy holding holdings airlines railways consulting analytics""".split()
)
_MEDIA_WORDS = frozenset("media press outlets outlet journalists newspapers".split())
_INTELLIGENCE_WORDS = frozenset("intelligence cia fsb gur sbu mi6 mossad nsa spy".split())
_GOVERNMENT_WORDS = frozenset(
    """house department ministry kremlin pentagon government cabinet office administration
    embassy parliament congress senate rada us uk russia ukraine china iran seoul moscow kyiv
    beijing washington london pyongyang tehran state officials""".split()
)
_PUBLICATION_WORDS = frozenset(
    """times post journal gazette herald telegraph guardian economist magazine review balance
    reuters bloomberg agency tv channel radio news wire""".split()
)

_SOURCE_ALIASES = (
    (re.compile(r"\b(?:united states of america|united states|u s a|u s|usa)\b"), "us"),
    (re.compile(r"\b(?:united kingdom|great britain|britain|u k)\b"), "uk"),
    (re.compile(r"\b(?:united nations|u n)\b"), "un"),
    (re.compile(r"\b(?:european union|e u)\b"), "eu"),
    (re.compile(r"\bdefence\b"), "defense"),
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """Key of a person's name: case, accents, hyphens and spelling variants folded."""
    tokens = fold(name).split()
    return " ".join(_fold_transliteration(token) for token in tokens)


def _fold_transliteration(token: str) -> str:
    # Zelenskyy / Zelenskiy / Zelensky, Dmitriy / Dmitry: one spelling.
    token = re.sub(r"(?:yy|iy|ij|yi)$", "y", token)
    return re.sub(r"(.)\1+", r"\1", token)


# Digraphs of transliteration, read as one sound ("Kharkiv", "Shoigu", "Zhdanov").
_DIGRAPHS = tuple(
    pair.split(":")
    for pair in "shch:s sch:s sh:s ch:c zh:z kh:k th:t ph:f ts:c tz:c x:ks w:v".split()
)
_VOWELS = re.compile(r"[aeiouy]")


def surname_skeleton(name: str) -> str | None:
    """The skeleton of the last word of a name ("Kuleba" and "Dmytro Kuleba": "klb")."""
    tokens = fold(name).split()
    skeleton = name_skeleton(f"x {tokens[-1]}") if tokens else None
    return skeleton.split()[-1] if skeleton else None


@lru_cache(maxsize=65536)
def name_skeleton(name: str) -> str | None:
    """The consonants of a person's full name, transliteration folded: one skeleton for
    "Kirill" and "Kyrylo" Budanov, "Anthony" and "Antony" Blinken, "Andrii" and "Andriy",
    "Serhiy" and "Sergei", "Oleksandr" and "Alexander". A name ending in "a" keeps it
    ("Zelensky" is not "Zelenska"). None for a single word, which says too little."""
    tokens = fold(name).replace("-", " ").split()
    if len(tokens) < 2:
        return None
    skeletons = []
    for token in tokens:
        word = token
        for digraph, sound in _DIGRAPHS:
            word = word.replace(digraph, sound)
        word = word.replace("g", "h")  # Ukrainian h is Russian g: Halushchenko / Galushchenko
        consonants = re.sub(r"(.)\1+", r"\1", _VOWELS.sub("", word))
        if not consonants:
            return None
        skeletons.append(consonants + ("a" if token.endswith("a") else ""))
    return " ".join(skeletons)


@lru_cache(maxsize=65536)
def source_key(name: str) -> str:
    """Key of a source's name: case and a leading 'the' dropped, aliases folded."""
    key = _LEADING_ARTICLE.sub("", fold(name.replace(".", " ").replace("’s", "").replace("'s", "")))
    for pattern, replacement in _SOURCE_ALIASES:
        key = pattern.sub(replacement, key)
    return " ".join(key.split())


def display_source_name(name: str) -> str:
    """A source name for display: 'the White House' -> 'White House'; 'The New York Times'
    keeps its article, which is part of the masthead; 'media' stays lower case."""
    name = " ".join(name.split()).strip(" ,.;:")
    if re.search(r"(?:^|[\s.])[A-Z]\.[A-Z]$", name):
        name += "."  # "U.S." keeps the dot of its last initial
    if re.match(r"(?i)the\s", name) and not _is_masthead(name):
        name = name[4:]
    elif re.match(r"the\s", name):
        name = "T" + name[1:]  # "the New York Times" -> "The New York Times"
    return name


def _is_masthead(name: str) -> bool:
    words = set(fold(name).split())
    return bool(words & {"times", "post", "journal", "guardian", "economist", "telegraph"})


def source_kind(name: str) -> SourceKind:
    """Guess the kind of a source from the words of its name."""
    words = set(fold(name).split())
    if words & _INTELLIGENCE_WORDS:
        return "intelligence"
    if words & _MEDIA_WORDS:
        return "media"
    if words & _PUBLICATION_WORDS:
        return "publication"
    if words & _GOVERNMENT_WORDS:
        return "government"
    if words & _ORG_WORDS or name.isupper():
        return "organization"
    return "other"


_ACRONYMS = frozenset("un eu us uk nato iaea cia fsb gur sbu nsa".split())


def looks_like_organization(phrase: str) -> bool:
    """True when a capitalized phrase names an organization or place, not a person."""
    tokens = re.findall(r"[\w'’.-]+", phrase)
    if not tokens:
        return False
    org_words = _ORG_WORDS | _GOVERNMENT_WORDS | _MEDIA_WORDS | _INTELLIGENCE_WORDS
    for token in tokens:
        word = fold(token).replace(" ", "")
        # "UN" is the United Nations; the "Un" of "Kim Jong Un" is a name.
        if word in _ACRONYMS and not token.isupper():
            continue
        if word in org_words:
            return True
    return len(tokens) == 1 and phrase.isupper()


_POLITICIAN = frozenset(
    "president premier chancellor senator lawmaker mp deputy leader king prime".split()
)
_OFFICIAL = frozenset(
    """spokesman spokeswoman spokesperson minister ambassador representative secretary official
    envoy governor mayor commander general colonel admiral prosecutor diplomat""".split()
)
_EXPERT = frozenset(
    """expert analyst observer consultant researcher scientist economist editor editor-in-chief
    professor fellow specialist historian journalist columnist strategist""".split()
)


def expert_kind(role: str | None, *, default: ExpertKind = "other") -> ExpertKind:
    """Kind of a person from their role words: expert, official, politician or other."""
    words = set(fold(role or "").split())
    if words & _EXPERT or "editor in chief" in fold(role or ""):
        return "expert"
    if words & _POLITICIAN:
        return "politician"
    if words & _OFFICIAL:
        return "official"
    return default
