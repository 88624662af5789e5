"""When two wordings say the same thing: fuzzy similarity of normal forms (rapidfuzz).

Wordings are compared in their normal forms (``normalize.match_text``). Reports of one
event differ in frame, tense, synonyms and word order ("met with his counterpart, among
others" / "met, among other things, with ..."); different events on one date differ in
what they say, and usually in their numbers. Nothing here is stored as a key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from eventstore.normalize import fold

_NUMBER = re.compile(r"\d[\d,.]*")
# A normal form spells "9,000" as "9 000": its groups of thousands are one number.
_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}\b)")

EVENT_THRESHOLD = 88.0
CLAIM_THRESHOLD = 90.0
_MIN_SORT_RATIO = 60.0
_SUBSET_MIN_WORDS = 8


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate that matched, with how well."""

    index: int
    score: float
    exact: bool


def all_matches(text: str, candidates: list[str], *, threshold: float) -> list[Match]:
    """Every candidate (normal forms) saying the same as ``text``, in candidate order."""
    found: list[Match] = []
    numbers = set(_NUMBER.findall(text))
    for index, candidate in enumerate(candidates):
        if candidate == text:
            found.append(Match(index, 100.0, exact=True))
            continue
        score = _similarity(text, candidate, numbers, threshold)
        if score is not None:
            found.append(Match(index, score, exact=False))
    return found


def _similarity(a: str, b: str, numbers_a: set[str], threshold: float) -> float | None:
    score = fuzz.token_set_ratio(a, b, score_cutoff=threshold)
    if not score:
        return None
    numbers_b = set(_NUMBER.findall(b))
    if numbers_a and numbers_b and numbers_a != numbers_b:
        return None  # "1,000 containers" is not "500 containers"
    if fuzz.token_sort_ratio(a, b) < _MIN_SORT_RATIO and (
        min(len(a.split()), len(b.split())) < _SUBSET_MIN_WORDS
    ):
        return None  # a short wording inside a long one is not enough
    return float(score)


# Capitalized words that say nothing about which happening it was.
_COMMON_NAMES = frozenset(
    """russia russian russians ukraine ukrainian ukrainians us u.s usa america american north
    south korea korean koreans kyiv moscow washington the on in at a an it this that he she
    they but and after before earlier later january february march april may june july august
    september october november december monday tuesday wednesday thursday friday saturday
    sunday president minister ministry defense defence foreign west western europe european
    eu nato un""".split()
)
_CAPITALIZED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]+")
RELATED_NAMES_RATIO = 55.0
RELATED_NUMBERS_RATIO = 50.0


def names_of(text: str) -> frozenset[str]:
    """The distinctive names of a wording: capitalized words inside a sentence that are not
    countries, capitals, months or titles ("Vostochny", "Kharkiv", "Patriot")."""
    words = (fold(word) for word in _CAPITALIZED.findall(text))
    return frozenset(word for word in words if word not in _COMMON_NAMES and len(word) > 2)


def same_day_related(
    a: str, b: str, names_a: frozenset[str], names_b: frozenset[str]
) -> float | None:
    """How alike two same-day reports worded apart are, when they share what identifies a
    happening: a distinctive name ("met at the Vostochny Cosmodrome" / "held talks at the
    Vostochny space launch centre") or all their numbers ("delivered more than 1,000
    containers" / "handed over more than 1,000 containers", or one the total of the other's
    parts). None when they do not."""
    score = fuzz.token_set_ratio(a, b)
    if names_a & names_b and score >= RELATED_NAMES_RATIO and _numbers_agree(a, b):
        return float(score)
    counted = _quantities(a) and _quantities(b)
    if counted and _numbers_agree(a, b) and score >= RELATED_NUMBERS_RATIO:
        return float(score)
    return None


def _numbers_agree(a: str, b: str) -> bool:
    """Whether two wordings' counts could be one happening's: the same, or one telling
    the total of the other's parts or more of it ("158 missiles and drones" / "122
    missiles and 36 drones, of which 114 were shot down"). Wordings without counts agree
    with anything. Here a count of two digits counts too: "49 Kalibr missiles" is not
    "162 missiles and drones"."""
    numbers_a, numbers_b = _quantities(a, digits=2), _quantities(b, digits=2)
    if not numbers_a or not numbers_b or numbers_a == numbers_b:
        return True
    numbers_a = _quantities(_totalled(a), digits=2)
    numbers_b = _quantities(_totalled(b), digits=2)
    return numbers_a <= numbers_b or numbers_b <= numbers_a


# "122 missiles and 36 drones": two counts that another report may give as one total.
_PARTS = re.compile(r"\b(\d[\d,]*)\s+(?:[a-z-]+\s+){1,2}and\s+(\d[\d,]*)(?=\s+[a-z])")


def _totalled(text: str) -> str:
    """The wording with each pair of counts replaced by their sum ("158 missiles and
    drones" and "122 missiles and 36 drones" both count 158)."""

    def total(match: re.Match[str]) -> str:
        first, second = (int(part.replace(",", "")) for part in match.groups())
        return str(first + second)

    return _PARTS.sub(total, _THOUSANDS.sub("", text))


def counts_of(text: str) -> frozenset[str]:
    """Every count two same-day reports of ``text``'s happening could share: its own and
    the totals of its pairs of counts (see ``_numbers_agree``)."""
    return frozenset(_quantities(text) | _quantities(_totalled(text)))


def _quantities(text: str, *, digits: int = 3) -> set[str]:
    """The numbers that count something ("1,000 containers"), not a day ("Oct. 13"): of
    ``digits`` digits or more."""
    joined = _THOUSANDS.sub("", text)
    return {n for n in _NUMBER.findall(joined) if len(n.strip(".,")) >= digits}
