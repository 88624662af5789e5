"""Source lines that name a body in full, or a person by title (pure): "This was reported
by the State Bureau of Investigation." and "This is stated on the website of the Council of
the EU." source the happening before them (a name may hold "of", "for", "the"); "This was
reported by the Prime Minister of Ukraine X" names X.

Each case is a short article of our own in the manner of Ukrainian newswires and
aggregators.
"""

from __future__ import annotations

from datetime import date

from tests.extract.lines import article, claim_of, event_of

DAY = date(2024, 1, 8)


def test_a_source_line_names_a_body_with_of_in_its_name() -> None:
    doc = article(
        "A former deputy minister has been served a new notice of suspicion over the purchase "
        "of faulty helmets. This was reported by the State Bureau of Investigation.",
        "On August 8, the EU Council decided to give Ukraine a tranche of 3.2 billion euros.",
        "This is stated on the website of the Council of the EU.",
        published=DAY,
    )
    sources = [s.name for s in event_of(doc, "faulty helmets").sources]
    assert sources == ["State Bureau of Investigation"]
    assert [s.name for s in event_of(doc, "tranche of 3.2").sources] == ["Council of the EU"]


def test_a_source_line_naming_a_person_by_title_names_the_person() -> None:
    doc = article(
        "The European Union allocated Ukraine the third tranche of its assistance.",
        "This was reported by the Prime Minister of Ukraine Oleh Marchenko.",
        published=DAY,
    )
    assert [s.name for s in event_of(doc, "third tranche").sources] == ["Oleh Marchenko"]


def test_an_outlet_source_line_with_reference_to_a_statement_names_the_outlet() -> None:
    doc = article(
        "Istvan Kovacs, Minister of Foreign Affairs of Hungary, has said that Budapest will "
        "not block the new sanctions package.",
        "Source: Danube Post with reference to Kovacs's statement at a press conference",
        "Details: Kovacs said that all the measures that harm Hungary's interests had been "
        "removed from the package.",
        published=DAY,
    )
    for words in ("will not block the new sanctions", "all the measures that harm"):
        assert [s.name for s in claim_of(doc, words).sources] == ["Danube Post"]
