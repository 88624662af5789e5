"""The year rules of DESIGN.md for a date phrase: a year comes from the phrase, else from
the last explicit year of the same timeline, else from the published date (the latest
such date not after it, or the next one when the sentence says it is ahead), else it
stays unknown. Relative phrases ("on Monday", "last month") count from the published date.
"""

from __future__ import annotations

import calendar
import re
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, timedelta

from eventstore.extract.dates import DatePhrase, date_phrases
from eventstore.extract.document import DateReading

_A_YEAR = re.compile(r"\b(?:19|20|21)\d{2}\b")  # a sentence without one states no year


@dataclass
class Timeline:
    """The year rules of one timeline: carry the last explicit year forward."""

    published_on: date | None = None
    last_year: int | None = None
    last_reading: DateReading | None = None  # the date read last: "two months later" counts on

    def read(
        self, phrase: DatePhrase | None, *, future: bool = False, carry: bool = True
    ) -> DateReading:
        """Resolve ``phrase`` (see ``_read``), and remember a known date for the phrases
        that count from it ("a week later", "the next day")."""
        if phrase is not None and phrase.shift is not None:
            reading = _shifted(phrase, self.last_reading)
        else:
            reading = self._read(phrase, future=future, carry=carry)
        if reading.precision != "unknown":
            self.last_reading = reading
        return reading

    def _read(self, phrase: DatePhrase | None, *, future: bool, carry: bool) -> DateReading:
        """Resolve ``phrase`` into a DateReading, remembering an explicit year.

        ``future``: the sentence says the date is ahead ("is scheduled for March 3"), so
        an implied year is the earliest that does not put it before the published date.
        ``carry``: the phrase stands in a timeline, where the last explicit year carries
        forward; elsewhere a year comes from the phrase or the published date only.
        """
        if phrase is None or phrase.undated:
            return DateReading(text=phrase.text if phrase else None)
        counted = _counted_back(phrase, self.published_on, future=future)
        if counted is not None:
            return counted
        if phrase.relative or (phrase.weekday is not None and phrase.month is None):
            return self._relative(phrase, future=future)
        if phrase.year is not None:
            if carry:
                self.last_year = phrase.year
            return _reading(phrase, phrase.year, inferred=False)
        if phrase.this_year and self.published_on is not None:
            return _reading(phrase, self.published_on.year, inferred=True)
        implied = self._implied_year(phrase, future=future, carry=carry)
        if implied is not None and (phrase.month, phrase.day) == (2, 29):
            # February 29 of a year the text does not give: only a leap year has it
            implied = implied if calendar.isleap(implied) else None
        return _reading(phrase, implied, inferred=True)

    def note_years(self, text: str) -> None:
        """Carry forward the last year ``text`` states of a day or a month, though no
        happening of its own took it ("At the G7 summit on 15-17 June 2025, most members
        backed ...", then "In June, ..."): a bound ("since 2014") states none, nor does a
        year after the published one."""
        if self.published_on is None or not _A_YEAR.search(text):
            return  # a year no published date bounds may be a typo ("2099")
        stated = [
            p
            for p in date_phrases(text)
            if p.year is not None and p.month is not None and not p.bound
        ]
        year = max(stated, key=lambda p: p.start).year if stated else None
        if year is not None and year <= self.published_on.year:
            self.last_year = year

    def published_day(self) -> DateReading | None:
        """The published day as a happening's date the text does not state (a lede's
        news), or None when the article has no published date."""
        published = self.published_on
        if published is None:
            return None
        return DateReading(
            year=published.year,
            month=published.month,
            day=published.day,
            precision="day",
            year_inferred=True,
        )

    def breaking(self, reading: DateReading | None) -> bool:
        """True when ``reading`` is a day the story breaks on: its published day or the
        one before (the night of an overnight attack)."""
        published = self.published_on
        if published is None or reading is None or reading.precision != "day":
            return False
        if reading.year is None or reading.month is None or reading.day is None:
            return False
        return 0 <= (published - date(reading.year, reading.month, reading.day)).days <= 1

    def _implied_year(self, phrase: DatePhrase, *, future: bool, carry: bool) -> int | None:
        if phrase.month is None:
            return None
        published = self.published_on
        named = _year_of_weekday(phrase, published)
        if named is not None:
            return named  # "Wednesday, June 25": the year that June 25 was a Wednesday
        if published is not None and (future or phrase.last):
            # ahead: the coming one; "last August": the last before the published month
            last = published.year - (phrase.month >= published.month)
            return _year_ahead(phrase.month, phrase.day, published) if future else last
        if (
            carry
            and self.last_year is not None
            and (
                published is None
                or (self.last_year, phrase.month) <= (published.year, published.month)
            )
        ):
            return self.last_year
        if published is not None:
            return _latest_year_not_after(published, phrase.month, phrase.day)
        return None

    def _relative(self, phrase: DatePhrase, *, future: bool) -> DateReading:
        published = self.published_on
        if published is None:
            return DateReading(text=phrase.text)
        if phrase.weekday is not None:
            if future or phrase.next:  # "Putin on Tuesday is to speak": the coming Tuesday
                ahead = (phrase.weekday - published.weekday()) % 7 or (7 if phrase.next else 0)
                return _day_reading(phrase, published + timedelta(days=ahead))
            back = (published.weekday() - phrase.weekday) % 7 or (7 if phrase.last else 0)
            return _day_reading(phrase, published - timedelta(days=back))
        return _relative_period(phrase, published)


def _year_of_weekday(phrase: DatePhrase, published: date | None) -> int | None:
    """The one year around the published date (the year before, its own, or the next
    when that puts the day in the fortnight ahead: "Monday, January 6" in a story of
    December 30) in which the phrase's day falls on the weekday it names, if it names one."""
    if phrase.weekday is None or phrase.day is None or phrase.month is None or not published:
        return None
    month, day = phrase.month, phrase.day
    years = [
        year
        for year in (published.year - 1, published.year, published.year + 1)
        if _weekday(year, month, day) == phrase.weekday
        and (year <= published.year or date(year, month, day) - published <= _AHEAD)
    ]
    return years[0] if len(years) == 1 else None


_AHEAD = timedelta(days=14)


def _weekday(year: int, month: int, day: int) -> int | None:
    found = _date_or_none(year, month, day)
    return found.weekday() if found is not None else None


def _latest_year_not_after(published: date, month: int, day: int | None) -> int:
    """The year of a day the text gives without one: the latest that does not put it
    after the published day, but for a day in the week after it ("March 16 has been
    declared a day of mourning" on March 15), which is that week's, not a year ago (a
    month alone, "in early January" on December 28, is the last one)."""
    latest = published.year - ((month, day or 1) > (published.month, published.day))
    ahead = _date_or_none(latest + 1, month, day) if day is not None else None
    if ahead is not None and (ahead - published).days <= _DAYS_AHEAD:
        return latest + 1  # (on December 29, "January 2" is in four days)
    return latest


_DAYS_AHEAD = 7


def _date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _relative_period(phrase: DatePhrase, published: date) -> DateReading:
    relative = phrase.relative or ""
    if relative in {"today", "yesterday", "overnight"}:
        # "overnight" in a story is the night before it was published: dated that day.
        return _day_reading(phrase, published - timedelta(days=relative == "yesterday"))
    if relative.endswith("month"):
        first = published.replace(day=1)
        month = (first - timedelta(days=1)) if relative.startswith("last") else first
        if relative.startswith("next"):
            month = (first + timedelta(days=32)).replace(day=1)
        return DateReading(
            text=phrase.text,
            year=month.year,
            month=month.month,
            precision="month",
            year_inferred=True,
        )
    if relative.endswith("year"):
        year = published.year + {"last": -1, "next": 1}.get(relative.split()[0], 0)
        return _year_reading(phrase, year)
    return DateReading(text=phrase.text)


def _counted_back(
    phrase: DatePhrase, published: date | None, *, future: bool
) -> DateReading | None:
    """ "two days ago", "in the summer", "in July of last year": a date counted from the
    published one (unknown without it); None for any other phrase."""
    if phrase.ago is not None:
        return _ago(phrase, published) if published else DateReading(text=phrase.text)
    if phrase.season is not None and phrase.year is None:
        year = _season_year(phrase, published, future=future) if published else None
        return _reading(phrase, year, inferred=True)
    if phrase.last_year and phrase.year is None:
        return _reading(phrase, published.year - 1 if published else None, inferred=True)
    return None


# The month each season begins in (winter: the December it opens with).
_SEASON_STARTS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


def _season_year(phrase: DatePhrase, published: date, *, future: bool) -> int:
    """The year of "in the summer" (the latest summer begun by the published date, or the
    next when the sentence says it is ahead) or "last summer" (the latest one over)."""
    start = _SEASON_STARTS[phrase.season or "summer"]
    begun = published.month >= start
    latest = published.year if begun else published.year - 1
    last = phrase.last
    if future and not last and not begun:
        return latest + 1
    if last and (published.month - start) % 12 < 3:
        return latest - 1  # in August, "last summer" is the year before's (not in January)
    return latest


def _ago(phrase: DatePhrase, published: date) -> DateReading:
    """ "two days ago" (that day), "a month ago" (that month), "a year ago" (that year),
    "exactly one year ago today" (that day); weeks name no unit the vocabulary has."""
    count, unit, today = phrase.ago or (0, "day", False)
    if unit == "year":
        day = min(published.day, calendar.monthrange(published.year - count, published.month)[1])
        back = published.replace(year=published.year - count, day=day)
        return _day_reading(phrase, back) if today else _year_reading(phrase, back.year)
    if unit == "day":
        return _day_reading(phrase, published - timedelta(days=count))
    if unit == "month":
        return _month_reading(phrase, published.year * 12 + published.month - 1 - count)
    return DateReading(text=phrase.text)


def _month_reading(phrase: DatePhrase, months: int) -> DateReading:
    """The month ``months`` after January of year 0 (a count of months)."""
    return DateReading(
        text=phrase.text,
        year=months // 12,
        month=months % 12 + 1,
        precision="month",
        year_inferred=True,
    )


def _shifted(phrase: DatePhrase, base: DateReading | None) -> DateReading:
    """ "Two months later", "a day earlier", "the next day": counted from the date read
    before, to no finer a unit than both have (unknown with none before)."""
    count, unit = phrase.shift or (0, "day")
    if base is None or base.year is None:
        return DateReading(text=phrase.text)
    if unit in {"day", "week"} and base.precision == "day" and base.month and base.day:
        days = count * (7 if unit == "week" else 1)
        return _day_reading(phrase, date(base.year, base.month, base.day) + timedelta(days=days))
    if unit == "month" and base.month is not None and base.precision in {"day", "month"}:
        return _month_reading(phrase, base.year * 12 + base.month - 1 + count)
    if unit == "year":
        return _year_reading(phrase, base.year + count)
    return DateReading(text=phrase.text)


def _year_reading(phrase: DatePhrase, year: int) -> DateReading:
    return DateReading(
        text=phrase.text,
        year=year,
        precision="year",
        qualifier=phrase.qualifier,
        year_inferred=True,
    )


def _day_reading(phrase: DatePhrase, day: date) -> DateReading:
    """A day worked out from the published date ("on Monday", "yesterday")."""
    return DateReading(
        text=phrase.text,
        year=day.year,
        month=day.month,
        day=day.day,
        precision="day",
        qualifier=phrase.qualifier,
        year_inferred=True,
    )


def _reading(phrase: DatePhrase, year: int | None, *, inferred: bool) -> DateReading:
    if phrase.month is None:
        precision = "year" if year is not None else "unknown"
    else:
        precision = "day" if phrase.day is not None else "month"
    return DateReading(
        text=phrase.text,
        year=year,
        month=phrase.month,
        day=phrase.day,
        precision=precision,
        qualifier=phrase.qualifier,
        year_inferred=inferred and year is not None,
    )


# "The summit on April 17-18 will discuss ...", published on the 18th: written the day
# before; a date said to be ahead that lies this close before the published day is of
# the published year, not the next.
_WRITTEN_AHEAD_DAYS = 7


def _year_ahead(month: int, day: int | None, published: date) -> int:
    """The year of a date the text puts ahead: the published year, unless the date has
    passed by then (more than a few days before the published day): the next."""
    passed = (month, day or 31) < (published.month, published.day)
    if passed and day is not None:
        with suppress(ValueError):  # February 29 of a year without one
            passed = (published - date(published.year, month, day)).days > _WRITTEN_AHEAD_DAYS
    return published.year + passed
