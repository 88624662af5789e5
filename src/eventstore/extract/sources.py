"""Sources named in a sentence, with the part each plays.

"The New York Times reported, citing US and allied officials, that ..." names two:
The New York Times (reported_by) and US and allied officials (cited). Persons are not
sources: "John Kirby said" is a statement of John Kirby, found by ``claims``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from eventstore.extract.document import SourceRef
from eventstore.extract.names import (
    display_source_name,
    is_outlet,
    looks_like_organization,
    source_kind,
)
from eventstore.normalize import source_key
from eventstore.vocabulary import SourceRole

# "The White House on Wednesday accused": a day is no part of the name.
_DAY_WORD = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
# A capitalized word; a dot only inside an abbreviation ("U.S."), never at a sentence end.
_CAP = r"(?:(?:[A-Z]\.){2,}(?=\s)|[A-Z](?:[\w'’&-]|\.(?=[A-Z]))*)"  # "U.S." keeps its dot
_NOUN_PHRASE = (
    rf"(?:(?:[Tt]he|[Ll]ocal|[Ww]estern|[Ff]oreign|[Rr]ussian|[Uu]krainian|[Ss]tate)\s+)*"
    rf"(?:{_CAP}(?:\s+(?:(?:of|for|and|on|de)\s+(?!{_DAY_WORD}))?{_CAP})*|media|journalists)"
    # "the RBC news website reported": what the outlet is, after its name
    r"(?:\s+(?:news\s+)?(?:website|agency|newspaper|outlet|channel|daily|portal))?"
)
_VERB_ROLES: dict[str, SourceRole] = {
    "reported": "reported_by",
    "reports": "reported_by",
    "wrote": "reported_by",
    "writes": "reported_by",
    "published": "reported_by",
    "revealed": "reported_by",
    "quoted": "reported_by",
    "cited": "reported_by",
    "confirmed": "confirmed_by",
    "confirms": "confirmed_by",
    "said": "stated_by",
    "says": "stated_by",
    "stated": "stated_by",
    "announced": "stated_by",
    "accused": "stated_by",
    "claimed": "stated_by",
    "noted": "stated_by",
    "warned": "stated_by",
    "denied": "stated_by",
    "hinted": "stated_by",
    "insisted": "stated_by",
    "informed": "stated_by",
}
# Verbs are rare and cheap to find; their subject is then looked for just before them
# (scanning every position of a long text for a noun phrase is what made this slow).
_VERB = re.compile(rf"\b(?P<verb>{'|'.join(_VERB_ROLES)})\b")
_SUBJECT_BEFORE = re.compile(
    rf"(?<![\w'’-])(?P<src>{_NOUN_PHRASE})"
    # "The Wall Street Journal, citing sources among ... officials, informed that"
    r"(?:\s*,\s*(?:citing|quoting|referring\s+to)\s[^,;.]{3,80},)?"
    r"\s+(?:has\s+|had\s+|also\s+)?$"
)
_SUBJECT_WINDOW = 200
_CITING = re.compile(
    r"\b(?:citing|according\s+to|quoting|with\s+reference\s+to)\s+"
    r"(?:(?:newly|recently|previously)\s+)?(?:(?:declassified|released|published|leaked)\s+)?"
    # "citing data from DeepState", "citing a statement by its agency": who gave them
    r"(?:(?:the\s+|an?\s+)?(?:data|figures|statistics|estimates|statement|report|post)\s+"
    r"(?:from|of|by)\s+)?"
    # "according to a CNN tally": who counted
    r"(?:an?\s+(?=[A-Z][\w.-]*\s+(?:tally|count|calculation)\b))?"
    r"(?P<src>(?:[^,;:.\"“”]|\.(?=\S)|(?-i:(?<=[A-Z])\.(?=\s+[a-z])))+?)"
    r"(?=\s*(?:,|;|:|\.(?!\S)(?-i:(?!\s+[a-z]))|\"|”|$)"
    # "according to Novaya Gazeta citing a source in ...": the outlet, not whom it cites
    r"|\s+that\b|\s+as\b|\s+with\s+reference\s+to\b|\s+(?:citing|quoting)\b"
    r"|\s+(?:tally|count|calculation)\b)",
    re.IGNORECASE,
)
_OBSERVED_BY = re.compile(
    r"\b(?:noticed|recorded|observed|spotted|detected|documented|confirmed)\s+by\s+"
    r"(?P<src>[^,;:.\"“”]+?)(?=\s*(?:,|;|:|\.|\"|”|$)|\s+(?:that|and|in|on)\b)",
    re.IGNORECASE,
)
# "It was also reported on January 4 by The Wall Street Journal that ...".
_REPORTED_BY = re.compile(
    r"\b(?:reported|published|revealed|written|quoted)\s+(?:on\s+[\w.]+(?:\s+\d{1,2})?\s+)?by\s+"
    r"(?P<src>(?:the\s+)?[A-Z][^,;:.\"“”]+?)(?=\s*(?:,|;|:|\.|\"|”|$)|\s+(?:that|and|in|on)\b)"
)
# "an Energy Reform correspondent reports": the outlet whose reporter it is
CORRESPONDENT = re.compile(
    r"\b(?:an?|the)\s+(?P<name>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})\s+"
    r"(?:correspondent|reporter|journalist)s?\s+(?:reports?|reported|writes|wrote)\b"
)
# "AFP journalists in the capital heard explosions": an outlet's own witnesses
_WITNESSES = re.compile(
    r"\b(?P<name>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*)?)\s+"
    r"(?:journalists|reporters|correspondents|photographers)\b"
)
# "the exiled news outlet 7x7 reported", "the ezine Economic Truth (Ekonomichna Pravda)
# published": an outlet named after what it is; "As Bild notes, ...": one fronted
_DESCRIBED_OUTLET = re.compile(
    r"\b(?:outlet|website|agency|newspaper|channel|portal|ezine|magazine|broadcaster)\s+"
    r"(?P<name>[A-Z0-9][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})(?:\s+\([^()]{1,60}\))?"
    r"\s+(?:has\s+)?(?:reported|reports|wrote|writes|published|noted|notes)\b"
)
# "X told journalists about this, Suspilne reports.": the outlet closing the sentence
_OUTLET_CLOSES = re.compile(
    r",\s+(?P<name>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})\s+"
    r"(?:reports|reported|writes|wrote|informs|(?:has\s+)?learned|learns)\.?\s*$"
)
_AS_OUTLET_NOTES = re.compile(
    r"(?:^|[.;]\s+)As\s+(?P<name>[A-Z0-9][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})\s+"
    r"(?:notes|noted|writes|wrote|reports|reported|points\s+out)\s*,"
)
_AFTER_PREPOSITION = re.compile(r"\b(?:to|of|at|in|with|by|from|for|on|about)\s+$", re.I)
_PREPOSITIONAL: tuple[tuple[re.Pattern[str], SourceRole, tuple[str, ...]], ...] = (
    (_CITING, "cited", ("citing", "according", "quoting", "reference")),
    (_OBSERVED_BY, "observed_by", (" by ",)),
)
_NOT_SOURCES = re.compile(
    r"^(?:him|her|them|he|she|they|it|us|me|i|we|you|the\s+(?:expert|analyst|observer|minister|"
    r"source|report|data)|(?:his|her|their|its)\s+.*|some\s+.*|this\s+.*|these\s+.*)$",
    re.IGNORECASE,
)


_SOURCE_NOUN = re.compile(
    r"\b(?:officials?|sources?|media|intelligence|diplomats?|data|documents?|reports?)\b", re.I
)


def find_sources(text: str) -> tuple[SourceRef, ...]:
    """Every source named in ``text``, each (key, role) once, in order of appearance."""
    found: list[tuple[int, SourceRef]] = []
    for verb in _VERB.finditer(text):
        window = max(0, verb.start() - _SUBJECT_WINDOW)
        match = _SUBJECT_BEFORE.search(text, window, verb.start())
        if match is None:
            continue
        name, start = match.group("src"), match.start("src")
        # "the US representative to the UN Security Council noted": the subject is the
        # representative, not the council.
        if _AFTER_PREPOSITION.search(text, max(0, start - 20), start):
            continue
        if _is_source_name(name, subject=True):
            found.append((start, _source(name, _VERB_ROLES[verb.group("verb")])))
    found += _reporters(text)
    lowered = text.lower()
    for pattern, role, cue in _PREPOSITIONAL:
        if not any(word in lowered for word in cue):
            continue  # a substring test is far cheaper than the regex scan it saves
        for match in pattern.finditer(text):
            name = match.group("src")
            if not _is_source_name(name, subject=False):
                continue
            # "according to Kyodo News and NHK": two outlets
            names = re.split(r"\s+and\s+", name)
            if len(names) == 1 or not all(is_outlet(n) for n in names):
                names = [name]
            found += [(match.start("src"), _source(n, role)) for n in names]
    return _unique(source for _, source in sorted(found, key=lambda item: item[0]))


# Outlets told by their people or their own words: the pattern, the role it gives, and
# whether the name must be an outlet's (a described outlet or a correspondent's says so)
_REPORTERS: tuple[tuple[re.Pattern[str], SourceRole, bool], ...] = (
    (CORRESPONDENT, "reported_by", False),
    (_DESCRIBED_OUTLET, "reported_by", False),
    (_AS_OUTLET_NOTES, "reported_by", True),
    (_WITNESSES, "observed_by", True),
    (_OUTLET_CLOSES, "reported_by", True),
)


def _reporters(text: str) -> list[tuple[int, SourceRef]]:
    """Outlets by their people ("an Energy Reform correspondent reports", "AFP journalists
    heard"), by their own words ("As Bild notes,", ", Suspilne reports.") and by "reported
    by X"."""
    found = [
        (match.start("name"), _source(match.group("name"), role))
        for pattern, role, outlet_only in _REPORTERS
        for match in pattern.finditer(text)
        if not outlet_only or is_outlet(match.group("name"))
    ]
    for match in _REPORTED_BY.finditer(text):
        name = match.group("src")
        if _is_source_name(name, subject=True) or is_outlet(name):  # not "stated by Kirby"
            found.append((match.start("src"), _source(name, "reported_by")))
    return found


_LEADING_CONJUNCTION = re.compile(
    r"^(?:While|Whereas|When|As|Although|Though|After|Before|If|But|And|Since)\s+"
)


def named_source(name: str, role: SourceRole) -> SourceRef:
    """A source named ``name`` as the text spells it, keyed and of the kind its name says."""
    return SourceRef(name=name, key=source_key(name), kind=source_kind(name), role=role)


# "citing Italian TV channel Rai News": what the outlet is and where from, before its name
_OUTLET_KIND = re.compile(
    r"^(?:[A-Z][a-z]+\s+)?(?:(?:TV|television|radio)\s+(?:channel|station)|news\s+agency"
    r"|newspaper|outlet|website|channel|broadcaster)\s+(?=[A-Z0-9])"
)


# "The U.S. Treasury Department Wednesday announced": the day is the cue's
_TRAILING_DAY = re.compile(r"\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$")


def _source(name: str, role: SourceRole) -> SourceRef:
    name = _OUTLET_KIND.sub("", _LEADING_CONJUNCTION.sub("", _TRAILING_DAY.sub("", name)))
    name = _BODYS_SOURCE.sub(r"\g<body>", name)  # "the HUR source": one of HUR's people
    display = display_source_name(name)
    if role == "cited" and name.startswith("The ") and not display.startswith("The "):
        display = f"The {display}"  # "with reference to The War Zone": a capital "The" mid-
        # sentence belongs to the name
    return named_source(display, role)


_BODYS_SOURCE = re.compile(r"^(?:(?i:the|an?)\s+)?(?P<body>[A-Z]{2,6})\s+source$")


def _is_source_name(name: str, *, subject: bool) -> bool:
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    if not bare or len(bare) > 80 or _NOT_SOURCES.match(bare):
        return False
    if bare.lower().endswith("media") or bare.lower() == "journalists":
        return True
    if subject:
        # A subject must read as an organization or place; a person's name is a speaker.
        return looks_like_organization(bare)
    # ("of the Armed Forces" is part of a name)
    if re.search(r"\s(?:to|of)\s+(?!the\s)[a-z]+\s", bare) and not _SOURCE_NOUN.search(bare):
        return False  # "citing Western efforts to resupply the army": no source
    return bare[:1].isupper() or looks_like_organization(bare) or " officials" in bare


def _unique(sources: Iterable[SourceRef]) -> tuple[SourceRef, ...]:
    seen: set[tuple[str, str]] = set()
    result: list[SourceRef] = []
    for source in sources:
        marker = (source.key, source.role)
        if marker not in seen:
            seen.add(marker)
            result.append(source)
    return tuple(result)


# "Turkish News Agency Anadolu Ajansi (AA)": the name an acronym stands for
_DEFINED = re.compile(
    r"(?P<name>[A-Z][\w'’&.-]*(?:\s+(?:of\s+|for\s+|the\s+)*[A-Z][\w'’&.-]*){0,7})\s+\((?P<acr>[A-Z]{2,6})\)"
)


def acronyms(body: str) -> dict[str, str]:
    """Acronym -> the source name the body spells out for it; and a paper's short name
    ("The Journal") -> the name it was given in full before ("the Wall Street Journal")."""
    spelled = {
        m.group("acr"): display_source_name(m.group("name")) for m in _DEFINED.finditer(body)
    }
    for match in _PAPER.finditer(body):
        full = display_source_name(match.group())
        for short in (match.group("word"), f"The {match.group('word')}"):
            spelled.setdefault(short, full)
    return spelled


# "the Wall Street Journal", "The New York Times": a paper's full name, for "The Journal"
_PAPER = re.compile(
    r"(?:\b[Tt]he\s+)?(?:[A-Z][\w.'’-]+\s+){1,3}(?P<word>Journal|Times|Post|Telegraph|Herald|Gazette)\b"
)


def spelt_out(sources: tuple[SourceRef, ...], spelled: dict[str, str]) -> tuple[SourceRef, ...]:
    """``sources`` with each acronym the article spelt out named in full ("AA reported"
    after "Anadolu Ajansi (AA)")."""
    named = []
    for source in sources:
        full = spelled.get(source.name)
        if full is None or full == source.name:
            named.append(source)
        else:
            named.append(source.model_copy(update={"name": full, "key": source_key(full)}))
    return _unique(named)
