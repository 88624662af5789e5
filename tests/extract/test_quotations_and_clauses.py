"""Quotations and clauses of news copy (pure): a quotation of several sentences whose
middle sentence runs "..., but what it will ask for in return" is one speaker's words,
one claim, not two speakers' halves.

Each case is a short article of our own in the manner of Ukrainian news sites.
"""

from __future__ import annotations

from datetime import date

from tests.extract.lines import article

DAY = date(2024, 11, 14)


def test_a_but_inside_a_quotation_does_not_split_it_into_two_claims() -> None:
    doc = article(
        "Mykola Baran, an energy analyst at the Kyiv Grid Institute, believes that repairs "
        "will take all winter.",
        '"Nobody should expect quick results while the strikes go on. The question is not '
        "whether the partners can help, but what they will ask for in return. The speed of "
        'repairs will decide the winter," Baran said.',
        published=DAY,
    )
    quoted = [c for c in doc.claims if c.kind == "quote"]
    assert len(quoted) == 1
    assert quoted[0].speaker.name == "Mykola Baran"
    assert quoted[0].text.startswith("Nobody should expect quick results")
    assert quoted[0].text.endswith("The speed of repairs will decide the winter")
