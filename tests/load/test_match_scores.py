"""Match scores are recorded rounded, as an analyst reviewing merges reads them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from eventstore.load.loader import load_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_every_recorded_match_score_has_one_decimal_at_most(engine: Engine) -> None:
    load_paths(engine, [SEEDS])
    with engine.connect() as connection:
        scores = [
            float(score)
            for table in ("event_mentions", "claim_mentions")
            for score in connection.execute(
                text(f"SELECT match_score FROM {table} WHERE match_method = 'fuzzy'")
            ).scalars()
        ]
    assert scores
    assert [score for score in scores if score != round(score, 1)] == []


# Three reports written here: the second rewords the first at more length, so the rows
# keep its wording; the third repeats the first word for word.
FIRST_EVENT = (
    "On September 5, the Pentagon announced a new aid package for Kyiv worth 600 million dollars."
)
LONGER_EVENT = (
    "On September 5, the Pentagon announced a new military aid package for Ukraine worth "
    "600 million dollars, including air defence missiles."
)
FIRST_QUOTE = "Sanctions alone will not stop the arms factories from making shells"
LONGER_QUOTE = (
    "Sanctions alone will not stop the arms factories from producing shells and drones this year"
)
EXPERT = "said Oleh Katkov, a military expert."


def write_report(folder: Path, stem: str, event: str, quote: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    lines = (f"Aid and sanctions: report {stem}", event, f'"{quote}," {EXPERT}')
    (folder / f"{stem}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    meta = {"published_on": "2023-09-10", "outlet": f"Outlet {stem}"}
    (folder / f"{stem}.json").write_text(json.dumps(meta), encoding="utf-8")


def mentions(engine: Engine, table: str) -> list[tuple[str, str, float | None]]:
    query = (
        f"SELECT a.external_id, m.match_method, m.match_score FROM {table} m"
        " JOIN articles a ON a.id = m.article_id ORDER BY a.external_id"
    )
    with engine.connect() as connection:
        return [(row[0], row[1], row[2]) for row in connection.execute(text(query))]


@pytest.mark.parametrize("separately", [True, False], ids=["three-loads", "one-load"])
def test_a_repeat_of_an_earlier_wording_is_exact(
    engine: Engine, tmp_path: Path, separately: bool
) -> None:
    """A mention whose text equals any wording the row ever had is exact (score 100),
    though the row's current wording is another, longer one."""
    reports = (("a", FIRST_EVENT, FIRST_QUOTE), ("b", LONGER_EVENT, LONGER_QUOTE))
    reports += (("c", FIRST_EVENT, FIRST_QUOTE),)
    for stem, event, quote in reports:
        write_report(tmp_path / (stem if separately else "all"), stem, event, quote)
        if separately:
            load_paths(engine, [tmp_path / stem])
    if not separately:
        load_paths(engine, [tmp_path / "all"])

    with engine.connect() as connection:
        summaries = connection.execute(text("SELECT summary FROM events")).scalars().all()
        claims = connection.execute(text("SELECT text FROM claims")).scalars().all()
    assert len(summaries) == 1
    assert summaries[0].endswith("including air defence missiles.")
    assert claims == [LONGER_QUOTE]
    for table in ("event_mentions", "claim_mentions"):
        found = mentions(engine, table)
        assert [(stem, method) for stem, method, _ in found] == [
            ("a", "new"),
            ("b", "fuzzy"),
            ("c", "exact"),
        ], table
        assert found[2][2] == 100.0
