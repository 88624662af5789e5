"""Two outlets' reports of one day's happening worded apart: one event row, when their
counts agree (the same, or one the total of the other's parts); two when they do not."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine, text

from eventstore.load.loader import load_paths

PUBLISHED = "2023-12-29"
LIVE = (
    "Live: the largest air attack of the war",
    "Russia attacked Ukraine on Friday with 122 missiles and 36 drones, according to the "
    "Air Force, which said 87 missiles and 27 drones had been shot down.",
)


def write(folder: Path, stem: str, lines: tuple[str, ...]) -> None:
    (folder / f"{stem}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    meta = {"published_on": PUBLISHED, "outlet": f"Outlet {stem}"}
    (folder / f"{stem}.json").write_text(json.dumps(meta), encoding="utf-8")


def events(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM events")).scalar_one())


def test_a_total_and_its_parts_are_one_event(engine: Engine, tmp_path: Path) -> None:
    write(tmp_path, "a_live", LIVE)
    opinion = (
        "Air defence is a promise kept in interceptors",
        "On 29 December, Russia launched 158 missiles and drones at Ukrainian cities in a "
        "single morning, and Ukraine's air defence shot down most of them.",
    )
    write(tmp_path, "b_opinion", opinion)
    load_paths(engine, [tmp_path])
    assert events(engine) == 1


def test_counts_that_disagree_are_two_events(engine: Engine, tmp_path: Path) -> None:
    write(tmp_path, "a_live", LIVE)
    other = (
        "Another strike in the south",
        "On 29 December, Russia launched 40 missiles and drones at Ukrainian cities in the "
        "south, and Ukraine's air defence shot down most of them.",
    )
    write(tmp_path, "b_other", other)
    load_paths(engine, [tmp_path])
    assert events(engine) == 2


BRYANSK = (
    "Drones hit Bryansk oil depot",
    "Ukrainian drones hit an oil depot in the Bryansk region on Friday, setting two fuel "
    "tanks on fire, a source in the Security Service of Ukraine said.",
)
SHOT_DOWN = (
    "Russia's Defence Ministry said its air defences shot down 57 Ukrainian drones over six "
    "Russian regions on Friday, 22 of them over the Bryansk region."
)


def test_two_happenings_of_one_article_sharing_a_name_are_two_events(
    engine: Engine, tmp_path: Path
) -> None:
    """Within one article a shared place name is no sign of one happening: the depot hit
    and the drones shot down stay two rows."""
    write(tmp_path, "a_depot", (*BRYANSK, SHOT_DOWN))
    load_paths(engine, [tmp_path])
    assert events(engine) == 2


def test_two_articles_sharing_a_name_on_one_day_are_still_one_event(
    engine: Engine, tmp_path: Path
) -> None:
    write(tmp_path, "a_depot", BRYANSK)
    other = (
        "Fire at Bryansk depot",
        "On Friday drones set fuel tanks on fire at an oil depot in Russia's Bryansk region, "
        "Ukrainian security sources said.",
    )
    write(tmp_path, "b_depot", other)
    load_paths(engine, [tmp_path])
    assert events(engine) == 1


def test_one_happening_told_twice_in_one_article_with_its_count_is_one_event(
    engine: Engine, tmp_path: Path
) -> None:
    """The lede and a later paragraph of its details, worded apart, agree on the count:
    one row with two mentions."""
    lines = (
        "Missile hits Dnipro market",
        "A Russian missile struck a covered market in Dnipro on Friday morning, killing four "
        "people and wounding 132 others, officials said.",
        '"They chose the hour when the market was full," the governor said.',
        "The missile hit the main hall shortly after 10 a.m., wounding 132 people, 19 of them "
        "seriously, the prosecutor's office said.",
    )
    write(tmp_path, "a_market", lines)
    load_paths(engine, [tmp_path])
    assert events(engine) == 1


def test_a_report_sharing_only_a_name_finds_the_stored_event(
    engine: Engine, tmp_path: Path
) -> None:
    """Loaded one after the other, the second report is compared with the stored one only
    if their keys meet: worded apart, they meet by the name of the place on that day."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    write(first, "a_depot", BRYANSK)
    other = (
        "Fire at Bryansk depot",
        "Fuel tanks burned at a storage site in the Bryansk region after a drone strike on "
        "Friday, officials said.",
    )
    write(second, "b_depot", other)
    load_paths(engine, [first])
    load_paths(engine, [second])
    assert events(engine) == 1


def test_counts_in_thousands_that_differ_are_two_events(engine: Engine, tmp_path: Path) -> None:
    """ "9,000" and "147,000" share no count: the normal form's "9 000" and "147 000" are
    read as the numbers they are, not as a shared "000"."""
    write(
        tmp_path,
        "a_facility",
        (
            "EU budget support",
            "On 12 January, the EU provided 9,000 million euros to Ukraine under the Ukraine "
            "Facility for budget support in Mykolaiv region.",
        ),
    )
    write(
        tmp_path,
        "b_ramstein",
        (
            "Drones by winter",
            "On 12 January, the Ramstein group agreed to supply Ukraine with 147,000 drones "
            "by the winter.",
        ),
    )
    load_paths(engine, [tmp_path])
    assert events(engine) == 2


def test_a_shared_region_with_counts_that_differ_is_two_events(
    engine: Engine, tmp_path: Path
) -> None:
    """A region named by both is no sign of one happening when their counts differ, a
    count of two digits included ("49 Kalibr missiles", "162 missiles and drones")."""
    write(
        tmp_path,
        "a_kalibr",
        (
            "Kalibr missiles shot down",
            "On April 20, the Ukrainian Air Force said it had shot down 49 Kalibr missiles "
            "over Lviv region in one night.",
        ),
    )
    write(
        tmp_path,
        "b_grid",
        (
            "Strike on the grid",
            "On April 20, media reported that Russia launched 162 missiles and drones at "
            "energy facilities in Lviv region, hitting the regional grid operator.",
        ),
    )
    load_paths(engine, [tmp_path])
    assert events(engine) == 2
