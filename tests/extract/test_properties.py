"""Property-based tests of ``extract_article``: any text in, a document or a reason out.

Whatever the text, extraction returns an ``ArticleDoc`` whose every span indexes into its
body and whose every date is coherent, or raises ``InputRejected`` with a known code and a
one-line reason. Never any other exception. Two kinds of input: arbitrary text (control
characters, long lines, quote marks, date-like fragments), and article-shaped text built
from the parts the outlet writes, to reach the lede, quote, header and timeline parsers.
"""

from __future__ import annotations

import calendar
import os
from datetime import date, timedelta

from hypothesis import example, given, settings
from hypothesis import strategies as st

from eventstore.errors import InputRejected
from eventstore.extract import ArticleDoc, ArticleMeta, DateReading, extract_article
from eventstore.vocabulary import (
    CLAIM_KINDS,
    DATE_PRECISIONS,
    ERROR_CODES,
    SECTIONS,
)

TODAY = date(2026, 11, 23)
# Raise EVENTSTORE_HYPOTHESIS_EXAMPLES for a longer hunt; the default keeps the file fast.
EXAMPLES = int(os.environ.get("EVENTSTORE_HYPOTHESIS_EXAMPLES", "60"))
PROPERTY_SETTINGS = settings(max_examples=EXAMPLES, deadline=None)


def extract(text: str, meta: ArticleMeta | None = None) -> ArticleDoc | InputRejected:
    """The document extraction returns, or the InputRejected it raises (nothing else)."""
    try:
        return extract_article(text, external_id="prop", meta=meta, today=TODAY)
    except InputRejected as exc:
        return exc


def check_extraction(text: str, meta: ArticleMeta | None = None) -> None:
    """Extract ``text``; assert the invariants of whichever outcome it has."""
    outcome = extract(text, meta)
    if isinstance(outcome, InputRejected):
        check_rejection(outcome)
    else:
        check_document(outcome)


def check_rejection(rejection: InputRejected) -> None:
    """A known code and a non-empty, one-line reason."""
    assert rejection.code in ERROR_CODES, rejection.code
    assert rejection.reason.strip(), "an empty reason"
    assert len(rejection.reason.splitlines()) == 1, repr(rejection.reason)
    assert str(rejection) == rejection.reason


def check_document(doc: ArticleDoc) -> None:
    """Every span indexes the body; every date is coherent; every note is one line."""
    body = doc.body
    assert "\r" not in body
    assert doc.title.strip()
    for claim in doc.claims:
        assert claim.kind in CLAIM_KINDS
        assert claim.section in SECTIONS
        assert claim.spans
        assert claim.text.strip()
        for span in claim.spans:
            assert 0 <= span.start < span.end <= len(body), span
            assert body[span.start : span.end] == span.text, span
    for event in doc.events:
        span = event.span
        assert 0 <= span.start < span.end <= len(body), span
        assert body[span.start : span.end] == span.text, span
        assert event.summary.strip()
        check_date(event.date, span.text, doc)
    for note in doc.notes:
        assert note.code in ERROR_CODES
        assert len(note.message.splitlines()) == 1, repr(note.message)


def check_date(reading: DateReading, line: str, doc: ArticleDoc) -> None:
    """A date the database's CHECK constraints accept, taken from the text, not guessed."""
    year, month, day = reading.year, reading.month, reading.day
    assert reading.precision in DATE_PRECISIONS
    known = {"year": year is not None, "month": month is not None, "day": day is not None}
    expected = {
        "day": {"year": known["year"], "month": True, "day": True},
        "month": {"year": known["year"], "month": True, "day": False},
        "year": {"year": True, "month": False, "day": False},
        "unknown": {"year": False, "month": False, "day": False},
    }
    assert known == expected[reading.precision], reading
    if month is not None:
        assert 1 <= month <= 12, reading
    if day is not None:
        assert month is not None
        # With no year, February 29 is a date (some year has it).
        assert 1 <= day <= calendar.monthrange(year or 2000, month)[1], reading
    if year is not None:
        # A year comes from the text, else from the published date; never from today. A
        # stated year past the reference date (published, else today) + 1 is skipped.
        published = doc.published_on
        reference = published or TODAY
        assert 1900 <= year <= reference.year + 1, reading
        if not reading.year_inferred or published is None:
            assert str(year) in doc.body, reading
        else:
            near = {published.year, published.year - 1}
            if year == published.year + 1 and month is not None and day is not None:
                # the next year only for a weekday that puts the day in the fortnight ahead
                ahead = date(year, month, day) - published
                near |= {year} if ahead <= timedelta(days=14) else set()
            assert str(year) in doc.body or year in near, reading
    if reading.text is not None:
        assert reading.text in line, reading


# -- arbitrary text ---------------------------------------------------------------------

DATE_FRAGMENTS = (
    "On August 31",
    "On February 30, ",
    "On February 29, 2023, ",
    "On February 29, ",
    "On April 31 ",
    "On August 31, 2099, ",
    "In early August ",
    "In July",
    "Back on July 13, 2022, ",
    "On the evening of Friday, September 8, ",
    "On Monday, September 8, 2023, ",
    "September 15, ",
    "In January 2023, ",
    "On 13 October ",
    "On 0 May ",
    "On 99 May ",
    "As early as March 5 ",
    "At the end of 2199 ",
    "In late 1899 ",
    "Earlier, ",
    "Last month, ",
    "yesterday ",
    " on Thursday ",
    " on Feb. 31 ",
)
QUOTE_FRAGMENTS = ('"', "“", "”", "«", "»", "„", "'", '",', '," he said. "', ": “")
SPEECH_FRAGMENTS = (
    "Oleh Katkov, military expert and Defense Express editor-in-chief, believes that ",
    "He expressed his opinion on Espreso TV.",
    " the military expert noted.",
    "According to her, ",
    "Katkov explained",
    " said that ",
    "Some details about cooperation",
    "- News",
    "KYIV, June 3 (Reuters) - ",
    "The New York Times reported, citing US and allied officials, that ",
)
WHITESPACE = ("\n", "\n\n", "\r\n", "\r", " ", "\t", "\x0b", "\x0c", "\x85", "\u2028", "\xa0")

chars = st.characters(codec="utf-8")  # every code point but surrogates, controls included
fragments = st.one_of(
    st.text(chars, max_size=40),
    st.sampled_from(DATE_FRAGMENTS + QUOTE_FRAGMENTS + SPEECH_FRAGMENTS + WHITESPACE),
    # very long lines, many newlines, runs of quote marks
    st.builds(
        lambda piece, n: piece * n,
        st.sampled_from(("x", "a ", '"', "\n", " ", "On May 5, ")),
        st.integers(0, 3000),
    ),
)
any_text = st.one_of(
    st.text(chars, max_size=300),
    st.lists(fragments, max_size=40).map("".join),
)


@PROPERTY_SETTINGS
@given(any_text)
@example("")
@example(" \n\t\n")
@example("\x00")
@example("x" * 301 + "\nbody")
@example("Just a title")
@example("<html><body>hi</body></html>\nmore")
@example('Title\n"never closed\nOn February 30, something happened in the capital city.')
@example("Title\nOn August 31, 2099, the sanctions were imposed on two Russian citizens.")
@example("T\nOn February 29, the event happened in the small city of Kyiv.")
def test_any_text_gives_a_document_or_a_reason(text: str) -> None:
    check_extraction(text)


# -- article-shaped text ------------------------------------------------------------------

FIRST = ("Oleh", "Alina", "Oleksandr", "John", "Kim", "Anna-Maria", "O'Brien", "Zoë")
LAST = ("Katkov", "Hrytsenko", "Musienko", "Kirby", "Jong-un", "Kovalenko", "Łukasz")
ROLES = (
    "military expert and Defense Express editor-in-chief",
    "head of the Center for Military Legal Studies",
    "chief consultant at the National Institute for Strategic Studies",
    "an expert at the Ukrainian Prism Foreign Policy Council",
    "x",
)
VERBS = ("believes", "noted", "said", "explained", "emphasized", "thinks", "warned")
OUTLETS = ("Espreso TV", "the BBC", "Radio Liberty", "Defense Express", "ICTV channel")
MONTH_NAMES = (*calendar.month_name[1:], "Sept", "Feb.", "Dec", "Jule", "Februar")
HEADERS = (
    "Some details about cooperation between Russia and the DPRK",
    "Background",
    "Sanctions against Russia: chronology",
    "Details",
)
CATEGORIES = ("- News", "- Politics", "— War", "-")

words = st.text(st.characters(codec="utf-8", exclude_characters="\n\r"), min_size=0, max_size=60)
sentence = st.lists(
    st.one_of(
        st.sampled_from(
            ("Russia", "the DPRK", "weapons", "shells", "China", "US", "the UN", "2023", "on")
        ),
        st.from_regex(r"[a-z]{1,10}", fullmatch=True),
        words,
    ),
    min_size=0,
    max_size=25,
).map(" ".join)
person = st.builds("{} {}".format, st.sampled_from(FIRST), st.sampled_from(LAST))


@st.composite
def date_phrase(draw: st.DrawFn) -> str:
    """A date phrase, possibly impossible (February 30) or far in the future (2099)."""
    month = draw(st.sampled_from(MONTH_NAMES))
    day = draw(st.integers(0, 40))
    year = draw(st.one_of(st.none(), st.integers(1890, 2200)))
    weekday = draw(st.one_of(st.none(), st.sampled_from(tuple(calendar.day_name))))
    year_part = f", {year}" if year is not None else ""
    weekday_part = f"{weekday}, " if weekday else ""
    forms = (
        f"On {weekday_part}{month} {day}{year_part}",
        f"On {day} {month}{' ' + str(year) if year else ''}",
        f"In {draw(st.sampled_from(('early ', 'mid-', 'late ', '')))}{month}{year_part}",
        f"Back on {month} {day}{year_part}",
        f"On the evening of {weekday_part}{month} {day}",
        f"{month} {day},",
        f"In {year or 2023}",
        f"At the end of {month}",
        f"As early as {month} {day}",
        f"On {weekday or 'Monday'}",
        draw(st.sampled_from(("Earlier", "Later", "Last month", "This week", "Yesterday"))),
        "On February 30",
        "On August 31, 2099",
    )
    return draw(st.sampled_from(forms))


@st.composite
def quote_line(draw: st.DrawFn) -> str:
    said = draw(sentence)
    who = draw(
        st.one_of(
            st.sampled_from(("the military expert noted", "he added", "she said")),
            st.builds(lambda v, p: f"{v} {p.split()[-1]}", st.sampled_from(VERBS), person),
            st.builds(lambda p, v: f"{p.split()[-1]} {v}", person, st.sampled_from(VERBS)),
        )
    )
    forms = (
        f'"{said}," {who}.',
        f"“{said},” {who}.",
        f'"{said}," {who}. "{draw(sentence)}"',
        f'{draw(person)} {draw(st.sampled_from(VERBS))}: "{said}"',
        f"According to {draw(st.sampled_from(('him', 'her', 'the expert')))}, {said}",
        f"{draw(person)} also noted that {said}",
        f'"{said}',  # a quotation mark that never closes
        f"«{said}» — {who}",
    )
    return draw(st.sampled_from(forms))


@st.composite
def timeline_line(draw: st.DrawFn) -> str:
    phrase = draw(date_phrase())
    rest = draw(sentence)
    forms = (
        f"{phrase}, {rest}",
        f"{phrase} {rest}",
        f"{draw(person)}, {draw(st.sampled_from(ROLES))}, {draw(st.sampled_from(VERBS))} "
        f"that {rest}",
        f"{rest} on {phrase.split(' ', 1)[-1]} {rest}",
        f"{phrase}, The New York Times reported, citing US and allied officials, that {rest}",
    )
    return draw(st.sampled_from(forms))


@st.composite
def article(draw: st.DrawFn) -> str:
    name = draw(person)
    title = draw(st.one_of(sentence, st.just("Putin and Kim Jong Un meeting: what next?")))
    lede = draw(
        st.sampled_from(
            (
                f"{name}, {draw(st.sampled_from(ROLES))}, {draw(st.sampled_from(VERBS))} "
                f"that {draw(sentence)}",
                f"The editor-in-chief of Defense Express, {name}, believes {draw(sentence)}",
                f"Military expert {name} believes that {draw(sentence)}",
                f"KYIV, June 3 (Reuters) - {draw(sentence)}",
                draw(sentence),
            )
        )
    )
    venue = f"He expressed his opinion on {draw(st.sampled_from(OUTLETS))}."
    lines = [title, lede]
    if draw(st.booleans()):
        lines.append(venue)
    lines += draw(st.lists(quote_line(), max_size=5))
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(HEADERS)))
    lines += draw(st.lists(timeline_line(), max_size=8))
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(CATEGORIES)))
    separator = draw(st.sampled_from(("\n", "\r\n", "\n\n", "\n \n")))
    return separator.join(lines)


published_dates = st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31)))


@PROPERTY_SETTINGS
@given(article(), published_dates)
def test_article_shaped_text_gives_a_document_or_a_reason(
    text: str, published_on: date | None
) -> None:
    check_extraction(text, ArticleMeta(published_on=published_on) if published_on else None)
