"""Date phrases anywhere in a line: "On August 31", "In early August", "Back on July 13,
2022", "On the evening of Friday, September 8", "September 15,", "On 13 October", "As
early as March", "Earlier,", "last Wednesday". What year each one means is ``years``'s.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<mon>{_MONTH_NAMES})\.?"
_ANY_MONTH = rf"(?:{_MONTH_NAMES})\.?"  # a month that gives the phrase no month
_WEEKDAY = r"(?P<wd>" + "|".join(WEEKDAYS) + r")"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
# "on the night of 16-17 June", "the summit on July 11-12": a span of days, dated by its first
_TO_DAY = r"(?:\s*[-–—]\s*\d{1,2}(?:st|nd|rd|th)?(?!\d))?"
_YEAR = r"(?P<year>(?:19|20|21)\d{2})"
# "in the early hours of Friday": that day's night
_TIME_OF_DAY = (
    r"(?:the\s+(?P<tod>morning|evening|night|afternoon)\s+of\s+"
    r"|(?:in\s+)?the\s+(?P<small>early|small|wee)\s+hours\s+of\s+"
    # "early in the morning on November 21"
    r"|(?:early\s+|late\s+)?in\s+the\s+(?P<todin>morning|evening|night|afternoon)\s+(?:of|on)\s+)?"
)
_LEAD = (
    r"^(?:(?:but|and|however|meanwhile|then|yet|so)\s*,?\s+)?"
    r"(?:(?:back|already|even|only|also)\s+)?"
)
_PART = r"(?P<part>early|mid|late)[- ]"
# "Overnight on May 30": that day's night
_OVERNIGHT = r"(?:(?P<ovn>overnight)\s+(?=on\s))?"
# "in July of last year", "on March 3 last year": the year before the published one
_LAST_YEAR = r"\s+(?:of\s+)?(?P<lastyear>last)\s+year"
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"
_NUMBER = r"(?P<count>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
_PART_OF = (
    r"the\s+(?P<partof>beginning|start|middle|end|first\s+half|second\s+half|"
    r"first\s+days|last\s+days|first\s+week|last\s+week)\s+of\s+"
)
# "the first seven months of 2023", "the second quarter of 2024": a stretch of the year,
# dated by its year alone
_STRETCH_OF = (
    r"the\s+(?:(?:first|last|past)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|\d{1,2})\s+)?(?:months|weeks)|(?:first|second|third|fourth)\s+quarter)\s+of\s+"
)

_FORMS = [
    # On the evening of Friday, September 8, 2023 / September 15 / On August 31
    rf"{_OVERNIGHT}(?:(?:on|by|since|until|from)\s+)?{_TIME_OF_DAY}(?:{_WEEKDAY}\s*,?\s+)?"
    rf"{_MONTH}\s+{_DAY}{_TO_DAY}(?:\s*,\s*{_YEAR}|(?P<thisyear>\s+of\s+this\s+year)|{_LAST_YEAR})?",
    # On 13 October / On Tuesday, 14 May 2024
    rf"{_OVERNIGHT}(?:(?:on|by|since|until|from)\s+)?{_TIME_OF_DAY}(?:{_WEEKDAY}\s*,?\s+)?{_DAY}"
    rf"{_TO_DAY}\s+(?:of\s+)?{_MONTH}(?:\s*,?\s+{_YEAR}|{_LAST_YEAR})?",
    # As early as March / As early as March 5
    rf"as\s+early\s+as\s+{_MONTH}(?:\s+{_DAY})?(?:\s*,?\s+{_YEAR})?",
    # Last August: the last August before the published month
    rf"(?P<last>last)\s+{_MONTH}(?!\s*\d)",
    # On the last day of July / the first day of March 2023
    rf"(?:on\s+)?the\s+(?P<edge>first|last)\s+day\s+of\s+{_MONTH}"
    rf"(?:\s*,?\s+{_YEAR}|{_LAST_YEAR})?",
    # In January-April 2023 / between January and April 2023: months of one year
    rf"(?:in|during|between|from)\s+{_ANY_MONTH}\s*(?:[-–—]|and|to|through)\s*{_ANY_MONTH}"
    rf"\s*,?\s+{_YEAR}",
    # In early August / In the middle of May 2024 / At the end of June
    rf"(?:(?:in|by|since|during|until)\s+|at\s+(?=the\s))(?:{_PART}|{_PART_OF})?{_MONTH}"
    rf"(?:\s*,?\s+{_YEAR}|{_LAST_YEAR})?",
    # "May saw the dismissal of two ministers": the month the sentence is about
    rf"{_MONTH}(?=\s+(?:saw|brought|marked)\s)",
    # (anywhere:) "withdrew from the deal mid-July", "late June 2023"
    rf"{_PART}{_MONTH}(?:\s*,?\s+{_YEAR})?",
    # In 2022 / In late 2023 / At the end of 2023 / in the first seven months of 2023
    rf"(?:(?:in|by|since|during)\s+|at\s+(?=the\s))(?:{_PART}|{_PART_OF}|{_STRETCH_OF})?{_YEAR}",
    # In the summer / during the winter of 2023 / last spring
    # (not "without heat in winter", any winter; not "since the spring", a bound)
    rf"(?:(?:in|during|over)\s+the\s+|(?P<last>last)\s+){_SEASON}"
    rf"(?:\s+(?:of\s+)?{_YEAR})?(?!\s+(?:months?|season|offensive|campaign)\b)",
    rf"(?:in|during)\s+{_SEASON}\s+{_YEAR}",
    # Exactly one year ago today / two days ago / a month ago
    rf"(?:(?:exactly|about|nearly|almost|some|roughly)\s+)?{_NUMBER}\s+"
    r"(?P<unit>day|week|month|year)s?\s+ago(?P<agotoday>\s+today)?",
    # Two months later / a day earlier / the next day: counted from the happening before
    rf"(?:{_NUMBER}\s+(?P<sunit>day|week|month|year)s?\s+(?P<sdir>later|earlier|afterwards)"
    r"|the\s+(?:next|following)\s+(?P<nunit>day|month|year)"
    # "The day after the statement, the office said ...": the day after the one told before
    r"|the\s+(?P<nunit2>day)\s+after(?=\s+the\s+[a-z]))",
    # On Monday / On the evening of Tuesday / (anywhere:) "strikes Wednesday night" /
    # "late on Monday", "early on Friday"
    rf"(?:(?:(?P<wdpart>early|late)\s+)?on\s+|(?=in\s+the\s+(?:early|small|wee)\s+hours))"
    rf"{_TIME_OF_DAY}{_WEEKDAY}"
    r"(?:\s+(?P<tod2>morning|evening|night|afternoon))?",
    rf"(?:(?P<last>last)\s+|(?P<next>next|this\s+coming|coming)\s+)?{_WEEKDAY}"
    r"(?:\s+(?P<tod>morning|evening|night|afternoon))?",
    # Earlier this month / Last month / This week / late last year / during the night
    r"(?:(?P<relpart>early|mid|late)[- ]|so\s+far\s+)?"
    r"(?P<rel>earlier\s+this\s+(?:month|week|year)|(?:last|this|next)\s+(?:month|week|year)"
    r"|yesterday|today|overnight|last\s+night|(?:during|throughout)\s+the\s+night"
    r"|(?:earlier|later)\s+in\s+the\s+day"
    # "Over the past day, ...": a daily roundup's day, the day it was published
    r"|(?:over|in|during|within)\s+the\s+(?:past|last)\s+(?:day|24\s+hours)"
    # a front's daily tally: "116 combat engagements since the beginning of the day"
    r"|since\s+the\s+(?:beginning|start)\s+of\s+(?:the|this)\s+day"
    # "at around 7am local time this morning": the day of the story, its time of day
    r"|(?:earlier\s+|later\s+)?this\s+(?P<todnow>morning|afternoon|evening)|tonight)",
    # Earlier, / Subsequently, / Later, ... : a timeline line with no date
    r"(?P<undated>earlier|later|subsequently|previously|afterwards|after\s+that"
    r"|since\s+then|before\s+that|prior\s+to\s+that|at\s+the\s+same\s+time)",
]
# what may follow a date phrase: a comma, a word, or a dash that opens an aside ("on Friday
# — without Putin — ...")
_AFTER = r"(?=\s*,|\s+[\w\"“']|\s*[–—]|\s+-\s)"
_PATTERNS = [re.compile(_LEAD + form + _AFTER, re.IGNORECASE) for form in _FORMS]
_QUALIFIERS = {
    "beginning": "early",
    "start": "early",
    "first days": "early",
    "first week": "early",
    "last week": "end",
    "middle": "mid",
    "end": "end",
    "last days": "end",
    "first half": "first half",
    "second half": "second half",
}


# The same forms anywhere in a sentence ("... blocked the border on 30 December", "Oct. 13").
_ANYWHERE = [
    re.compile(r"(?<![\w-])" + form + r"(?=\s*[,.;:)\"”'’–—]|\s+[\w\"“'(]|\s+--?\s|$)", re.I)
    for form in _FORMS[:-1]
]


@dataclass(frozen=True, slots=True)
class DatePhrase:
    """A date phrase found at the start of a line, before the timeline's year rules."""

    length: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    relative: str | None = None
    qualifier: str | None = None
    undated: bool = False
    invalid: str | None = None
    this_year: bool = False
    start: int = 0
    last: bool = False  # "last Wednesday": never the published day itself; "last summer"
    next: bool = False  # "next Wednesday": the one after the published day
    bound: bool = False  # inside "since the start of ...": the bound of a period
    opens: bool = False  # "starting from May 15": when a happening begins, no bound
    last_year: bool = False  # "in July of last year"
    season: str | None = None  # "in the summer": spring, summer, autumn or winter
    ago: tuple[int, str, bool] | None = None  # "a year ago today": (1, "year", True)
    rolling: bool = False  # "over the past day": the day before the report it is part of
    shift: tuple[int, str] | None = None  # "two months later": (2, "month") from the last


def leading_date(text: str) -> DatePhrase | None:
    """The date phrase that opens ``text``, or None when the line opens with none."""
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            return _phrase(match)
    return None


_MONTHS_ON = re.compile(rf"\s*(?:[-–—]|and|to|through)\s*{_ANY_MONTH}\s*,?\s+\d{{4}}\b", re.I)


def find_date(text: str) -> DatePhrase | None:
    """The most specific date phrase anywhere in ``text`` (the earliest of equals).

    Month and weekday names count only when capitalized: "may" and "march" are verbs.
    """
    best: tuple[tuple[bool, int, int, int], re.Match[str], bool] | None = None
    for pattern in _ANYWHERE:
        for match in pattern.finditer(text):
            if not _capitalized(match) or _MONTHS_ON.match(text, match.end()):
                continue  # ("in January" of "in January-April 2023": the months' year)
            opens = _OPENS.search(text, max(0, match.start() - 12), match.start()) is not None
            # "in place from May 2 this year to May 3, 2024": the period begins on its first
            # day, and its last bounds it
            opens = opens or _RANGE_TO.match(text, match.end()) is not None
            ends = _RANGE_END.search(text, max(0, match.start() - 80), match.start())
            bound = not opens and (
                match.group().lower().startswith(_BOUNDS)
                or _in_bound(text, match.start())
                or ends is not None
            )
            rank = (bound, -_specificity(match), match.start(), -len(match.group()))
            if best is None or rank < best[0]:
                best = (rank, match, opens)
    if best is None:
        return None
    _, match, opens = best
    return replace(_phrase(match), bound=_in_bound(text, match.start()), opens=opens)


# "since 2014", "until March": the bound of a period, a weaker date than the happening's.
_BOUNDS = ("since", "until", "by", "from")
_RANGE_TO = re.compile(r"(?:\s+this\s+year)?\s+(?:to|until|till|through)\s+(?=[A-Z\d])")
_RANGE_END = re.compile(r"\bfrom\s+\S[^.;]{0,60}\s(?:to|until|till|through)\s+$")
# "will visit ... starting from May 15": the day the happening begins, no bound
_OPENS = re.compile(r"\b(?:starting|beginning|effective)\s+$", re.I)


# "since the start of the large-scale war in February 2022": a date inside a bound phrase.
_BOUND_BEFORE = re.compile(
    r"\bsince\s+the\s+(?:start|beginning|outbreak)\s+of\s+[^,.;]{0,40}$"
    # "close to the third anniversary of the February 24 2022 invasion": that day is past
    r"|\banniversary\s+of\s+(?:the\s+)?$",
    re.I,
)


def _in_bound(text: str, start: int) -> bool:
    return _BOUND_BEFORE.search(text, max(0, start - 60), start) is not None


def blanked(text: str, phrase: DatePhrase) -> str:
    """``text`` with ``phrase`` set aside (spaces in its place, the offsets kept)."""
    end = phrase.start + phrase.length
    return text[: phrase.start] + " " * phrase.length + text[end:]


def date_phrases(text: str) -> Iterator[DatePhrase]:
    """Every date phrase of ``text``, the most specific first (``find_date``'s order), each
    read with the ones before it set aside."""
    while (phrase := find_date(text)) is not None:
        yield phrase
        text = blanked(text, phrase)


def is_bound(phrase: DatePhrase) -> bool:
    """True when ``phrase`` bounds a period ("since 2014") rather than dating a day."""
    if phrase.opens or phrase.relative == "today":
        return False  # (a daily tally "since the beginning of the day" is that day's)
    return phrase.text.lower().startswith(_BOUNDS) or phrase.bound


def _capitalized(match: re.Match[str]) -> bool:
    return all(
        match.group(name)[:1].isupper()
        for name in ("mon", "wd")
        if name in match.re.groupindex and match.group(name)
    )


_TOLD_DAYS = frozenset({"yesterday", "today", "overnight"})


def _specificity(match: re.Match[str]) -> int:
    found = {key: value for key, value in match.groupdict().items() if value}
    groups = set(found)
    # A weekday names a day as surely as a month and day do ("Putin on Tuesday is to speak
    # in the city where they met in April 2019": the Tuesday dates the sentence), and so
    # does "yesterday" ("G7 leaders yesterday agreed on loans starting in December").
    told_day = _relative_word(found["rel"]) in _TOLD_DAYS if "rel" in found else False
    ago_day = "agotoday" in groups or found.get("unit", "").lower() == "day"  # "a year ago today"
    day = "day" in groups or "edge" in groups or ("wd" in groups and "mon" not in groups)
    day = day or told_day or ago_day
    return 3 * day + 2 * ("mon" in groups) + ("year" in groups) + ("wd" in groups)


def _relative_word(text: str) -> str:
    relative = " ".join(text.lower().split())
    # "During the night, Russia launched ...": the night before the story, as "overnight"
    night = relative == "last night" or relative.endswith("the night")
    if relative == "tonight" or relative.split()[-1] in {"morning", "afternoon", "evening", "day"}:
        return "today"  # "this morning", "tonight", "earlier in the day": the story's own day
    if relative.endswith("24 hours"):
        return "today"  # "this morning", "tonight", "earlier in the day": the story's own day
    return "overnight" if night else relative


def _phrase(match: re.Match[str]) -> DatePhrase:
    groups = {key: value for key, value in match.groupdict().items() if value}
    text = match.group().strip()
    if "undated" in groups:
        return DatePhrase(len(match.group()), text, undated=True)
    qualifier = groups.get("tod") or groups.get("tod2") or groups.get("todin") or groups.get("part")
    qualifier = qualifier or groups.get("relpart") or groups.get("todnow") or groups.get("wdpart")
    qualifier = qualifier or ("night" if groups.get("small") else None)
    if "partof" in groups:
        qualifier = _QUALIFIERS[" ".join(groups["partof"].lower().split())]
    if groups.get("rel", "").lower().startswith("last night") or "ovn" in groups:
        qualifier = "night"  # the night before the story: dated as "overnight" is
    season = groups.get("season", "").lower().replace("fall", "autumn") or None
    if season is not None:
        qualifier = season
    phrase = DatePhrase(
        length=len(match.group()),
        text=text,
        year=int(groups["year"]) if "year" in groups else None,
        month=MONTHS[groups["mon"].lower()] if "mon" in groups else None,
        day=int(groups["day"]) if "day" in groups else _edge_day(groups),
        weekday=WEEKDAYS[groups["wd"].lower()] if "wd" in groups else None,
        relative=_relative_word(groups["rel"]) if "rel" in groups else None,
        qualifier=qualifier.lower() if qualifier else None,
        this_year="thisyear" in groups,
        last_year="lastyear" in groups,
        season=season,
        ago=_ago(groups),
        rolling=_ROLLING.search(groups.get("rel", "")) is not None,
        shift=_shift(groups),
        last="last" in groups,
        next="next" in groups,
        start=match.start(),
    )
    return replace(phrase, invalid=_invalid(phrase))


def _edge_day(groups: dict[str, str]) -> int | None:
    """ "the last day of July": 31; "the first day of March": 1 (February's last: the
    28th unless the phrase names a leap year)."""
    if "edge" not in groups:
        return None
    if groups["edge"].lower() == "first":
        return 1
    year = int(groups["year"]) if "year" in groups else 2001
    return calendar.monthrange(year, MONTHS[groups["mon"].lower()])[1]


_ROLLING = re.compile(r"\b(?:past|last)\s+(?:day|24\s+hours)\b", re.I)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_COUNTS |= {"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _shift(groups: dict[str, str]) -> tuple[int, str] | None:
    if "nunit" in groups or "nunit2" in groups:
        return 1, (groups.get("nunit") or groups["nunit2"]).lower()  # "the next day"
    if "sunit" not in groups:
        return None
    count = groups["count"].lower()
    number = int(count) if count.isdigit() else _COUNTS[count]
    sign = -1 if groups["sdir"].lower() == "earlier" else 1
    return sign * number, groups["sunit"].lower()


def _ago(groups: dict[str, str]) -> tuple[int, str, bool] | None:
    if "unit" not in groups:
        return None
    count = groups["count"].lower()
    number = int(count) if count.isdigit() else _COUNTS[count]
    return number, groups["unit"].lower(), "agotoday" in groups


def _invalid(phrase: DatePhrase) -> str | None:
    if phrase.month is None or phrase.day is None:
        return None
    # With no year, a day is valid if some year has it (February 29 included).
    last_day = calendar.monthrange(phrase.year or 2000, phrase.month)[1]
    if not 1 <= phrase.day <= last_day:
        return f"{phrase.text!r} is not a date"
    if phrase.weekday is not None and phrase.year is not None:
        actual = date(phrase.year, phrase.month, phrase.day).weekday()
        if actual != phrase.weekday:
            return f"{phrase.text!r}: that day was not a {calendar.day_name[phrase.weekday]}"
    return None
