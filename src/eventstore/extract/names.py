"""Names: what a person's or a source's name looks like, and what kind of thing it is.

Their keys ("Kim Jong Un" and "Kim Jong-un" share one) are ``eventstore.normalize``'s.
"""

from __future__ import annotations

import re

from eventstore.normalize import fold
from eventstore.vocabulary import ExpertKind, SourceKind

HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Prof|Professor|Sir|Dame)\.?\s+")

# A capitalized name token: "Oleh", "Jong-un", "O'Brien", "Zhdanov", "Kang".
# Lower-case letters of any script after the capital ("Radosław", "Zelenskyy").
_LOWER = r"[^\W\d_A-Z]"
# "al-Khater", "el-Sisi": an Arabic family name opens with its article in lower case
# ("O'Gorman", "McEnaney", "MacArthur": a capital after the prefix, either apostrophe)
NAME_WORD = (
    rf"(?:(?:al|el|ad|an|ar|as|ash|at|az|ul|ud)-)?(?:O['’]|D['’]|Mc|Mac)?"
    rf"[A-Z]{_LOWER}+(?:['’-][A-Za-z]{_LOWER}+)*"
)
PERSON_NAME = rf"{NAME_WORD}(?: {NAME_WORD}){{1,3}}"

# "Kharkiv Mayor, on Telegram", "the SBU press service via Telegram": where the words were
# posted, after a role or a body's name, and no part of either
POSTED_ON = re.compile(r",?\s+(?:on|via)\s+(?:Telegram|Facebook|X|Twitter|Instagram|YouTube)$")

# Capitalized words that are titles, not parts of a person's name.
TITLE_WORDS = frozenset(
    """president minister prime deputy defense defence foreign secretary spokesman spokeswoman
    spokesperson general colonel major captain admiral chief head leader chairman director
    ambassador commander senator governor mayor king queen prince pope chancellor envoy
    representative mr mrs ms dr professor lieutenant marshal premier speaker state affairs
    interior economy finance vice acting former first gen gov maj lt col sen rep sgt adm
    capt cmdr cdre commodore brig ceo cfo coo cto chairwoman chairperson ombudsman ombudsperson
    commissioner mp councilor councillor""".split()
)
# Words of nationality: descriptors in a role ("Russian Defense Minister", "Finnish
# economist"), not employers.
NATIONALITY_WORDS = frozenset(
    """russian ukrainian american chinese british french german iranian north south korean
    japanese israeli polish turkish indian belarusian european western us uk un eu
    finnish swedish norwegian danish icelandic estonian latvian lithuanian moldovan romanian
    bulgarian hungarian slovak slovakian czech slovenian croatian serbian bosnian albanian
    macedonian montenegrin greek italian spanish portuguese dutch belgian austrian swiss
    irish scottish welsh canadian australian georgian armenian azerbaijani kazakh uzbek
    kyrgyz tajik turkmen syrian iraqi saudi emirati qatari yemeni lebanese jordanian
    egyptian palestinian pakistani afghan taiwanese vietnamese mexican brazilian""".split()
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
    economics energy holding holdings airlines railways consulting analytics nations panel
    board tribunal mission fleet brigade regiment battalion corps team unit""".split()
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


def display_source_name(name: str) -> str:
    """A source name for display: 'the White House' -> 'White House'; 'The New York Times'
    keeps its article, which is part of the masthead; 'media' stays lower case."""
    name = " ".join(name.split()).strip(" ,.;:")
    name = _AS.sub("", _without_run_on(name))
    named = _NAMED_AFTER.match(name)
    if named is not None:
        name = named.group("name") or named.group("body")
    name = _DESCRIBED.sub("", name)
    if (described := _DESCRIBED_AFTER.match(name)) is not None:
        name = described.group("name")
    if (people := _OUTLETS_PEOPLE.match(name)) and is_outlet(people.group("name")):
        name = people.group("name")
    if document := _DOCUMENT_OF.match(name):
        name = document.group("name") or document.group("paper")
    if re.search(r"(?:^|[\s.])[A-Z]\.[A-Z]$", name):
        name += "."  # "U.S." keeps the dot of its last initial
    if re.match(r"(?i)the\s", name) and not _is_masthead(name):
        name = name[4:]
    elif re.match(r"the\s", name):
        name = "T" + name[1:]  # "the New York Times" -> "The New York Times"
    return name


# "a report in the Washington Post", "a Chinese foreign ministry statement": the paper,
# the ministry
_DOCUMENT_OF = re.compile(
    r"^(?:an?\s+(?P<name>[A-Z][\w.&'’-]*(?:\s+[\w.&'’-]+){0,5}?)\s+(?:statement|report|article)"
    r"|(?:an?\s+|the\s+)?(?:report|story|article|statement)\s+(?:in|by|from)\s+(?P<paper>.+))$"
)
# "According to The New York Times the long-range missiles ...": the name ends where a
# clause of lower-case words opens (no comma after the name)
_RUN_ON = re.compile(r"\s+(?:the|a|an)\s+[a-z][\w-]*\s+[a-z]")


def _without_run_on(name: str) -> str:
    run_on = _RUN_ON.search(name)
    if run_on is None or not name[: run_on.start()].rsplit(maxsplit=1)[-1][:1].isupper():
        return name
    return name[: run_on.start()]


# "As Ukrinform reported earlier": the conjunction is no part of the name
_AS = re.compile(r"^(?:As|While|When|But|And)\s+(?=[A-Z])")
# "North Korea's state news agency, KCNA": the name after the description; "a Defense
# Intelligence Agency report submitted to ...": the body whose report it is
_NAMED_AFTER = re.compile(
    r"^(?:[^,]*\b[a-z][^,]*,\s+(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})"
    r"|(?:an?|the)\s+(?P<body>[A-Z][\w.&'’-]*(?:\s+(?:(?:of|for|the|and|on)\s+)*[A-Z][\w.&'’-]*){0,6})\s+"
    r"(?:report|assessment|analysis|study|survey|estimate|statement|data|figures)\b.*)$"
)


# "Russian Telegram channel Astra", "the Ukrainian military news site Defense Express": a
# description of the outlet before its name
_DESCRIBED = re.compile(
    r"^(?:[Tt]he\s+)?(?:[A-Z][a-z]+\s+)?"
    r"(?:(?:military|independent|state|online|news|opposition|exiled|investigative)\s+)*"
    r"(?:Telegram\s+channel|news\s+site|site|outlet|newspaper|website|channel|broadcaster|"
    r"agency|portal|publication|magazine)\s+(?=[A-Z0-9])"
    # "Turkish News Agency Anadolu Ajansi": a description in capitals
    r"|^(?:[Tt]he\s+)?(?:[A-Z][a-z]+\s+)?(?:State\s+)?News\s+Agency\s+(?=[A-Z])"
)


# "the Ukrinform news agency", "the Kommersant daily": the name, then what it is
_DESCRIBED_AFTER = re.compile(
    r"^(?P<name>(?:[Tt]he\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})\s+"
    r"(?:(?:state|news|online|business)\s+)*"
    r"(?:agency|newspaper|outlet|website|portal|daily|broadcaster|magazine|news\s+site)$"
)
# "Reuters witnesses", "AFP journalists": the outlet whose people they are
_OUTLETS_PEOPLE = re.compile(
    r"^(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s+"
    r"(?:witnesses|journalists|reporters|correspondents?)$"
)


def described_outlet(text: str) -> bool:
    """True when ``text`` names an outlet after saying what it is ("Russian Telegram
    channel Astra", "Turkish News Agency Anadolu Ajansi (AA)")."""
    return _DESCRIBED.match(" ".join(text.split())) is not None


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


# News outlets and agencies: what they report is an event with them as its source.
_OUTLET_WORDS = frozenset(
    """yonhap tass interfax ria novosti ukrinform reuters bloomberg afp ap wsj nyt bbc cnn
    politico axios bild spiegel pravda kommersant vedomosti izvestia meduza unn rbc nv news
    espreso suspilne guardian times journal post telegraph independent kyodo nhk xinhua
    nikkei newspaper newswire outlet broadcaster channel tv radio censor liga babel unian
    hromadske glavcom dzerkalo korrespondent sputnik anadolu npr abc cbs nbc euronews
    france24 dw gazeta rferl rfe jazeera kcna err lrt yle broadcasting television herald gazette
    tribune chronicle tagesspiegel handelsblatt welt zeit faz ndr wdr zdf ard rte nhk cctv
    yomiuri asahi mainichi figaro corriere repubblica politiken voa dumka agence belta dpa ansa
    efe pap rnd mediazona dozhd""".split()
)
_OUTLET_PHRASES = ("news agency", "voice of america")
# "Censor.NET", "Gazeta.ru", "Liga.net": a web address is a site's name
_SITE = re.compile(r"\w\.(?:net|com|ua|ru|org|info|news|media|cz|pl|de|eu|fr|it)\b", re.IGNORECASE)


def is_outlet(name: str) -> bool:
    """True when ``name`` is a news outlet or agency ("Yonhap", "The Wall Street Journal")."""
    words = set(fold(name).split())
    if fold(name).endswith("independent"):
        return True  # "the Kyiv Independent"; not the "Independent Panel on ..."
    return (
        bool(words & _OUTLET_WORDS - {"independent"})
        or any(phrase in fold(name) for phrase in _OUTLET_PHRASES)
        or bool(_SITE.search(name))
    )
