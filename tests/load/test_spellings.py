"""One person spelt several ways by several outlets is one expert, named as most of the
articles that quote them spell them; other people stay apart."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine, text

from eventstore.load.loader import load_paths

PUBLISHED = "2024-11-05"


def write(folder: Path, stem: str, *lines: str) -> Path:
    path = folder / f"{stem}.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    meta = {"published_on": PUBLISHED, "outlet": f"Outlet {stem}"}
    (folder / f"{stem}.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def budanov(folder: Path, stem: str, spelling: str, words: str) -> Path:
    return write(
        folder,
        stem,
        "North Korean troops reach Kursk",
        f"Ukraine's military intelligence chief {spelling} said on Tuesday that {words}.",
    )


def experts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT name, id FROM experts")).all()
    return dict(rows)


def test_two_spellings_are_one_expert_named_as_most_articles_spell_it(
    engine: Engine, tmp_path: Path
) -> None:
    budanov(tmp_path, "a", "Kirill Budanov", "the first troops had reached the Kursk region")
    budanov(tmp_path, "b", "Kyrylo Budanov", "more than 11,000 soldiers were now in Russia")
    budanov(tmp_path, "c", "Kyrylo Budanov", "the troops would move to the front next week")
    load_paths(engine, [tmp_path])
    found = experts(engine)
    assert "Kyrylo Budanov" in found
    assert "Kirill Budanov" not in found
    with engine.connect() as connection:
        claims = connection.execute(
            text("SELECT count(*) FROM claims WHERE expert_id = :id"),
            {"id": found["Kyrylo Budanov"]},
        ).scalar_one()
    assert claims == 3


def test_a_later_spelling_joins_the_stored_expert_and_may_rename_it(
    engine: Engine, tmp_path: Path
) -> None:
    first = tmp_path / "first"
    first.mkdir()
    budanov(first, "a", "Kirill Budanov", "the first troops had reached the Kursk region")
    load_paths(engine, [first])
    (expert_id,) = experts(engine).values()
    later = tmp_path / "later"
    later.mkdir()
    budanov(later, "b", "Kyrylo Budanov", "more than 11,000 soldiers were now in Russia")
    budanov(later, "c", "Kyrylo Budanov", "the troops would move to the front next week")
    load_paths(engine, [later])
    assert experts(engine) == {"Kyrylo Budanov": expert_id}
    with engine.connect() as connection:
        renamed = connection.execute(
            text("SELECT count(*) FROM changes WHERE entity = 'expert' AND op = 'update'")
        ).scalar_one()
    assert renamed == 1


def test_an_article_spelling_a_name_two_ways_counts_both(engine: Engine, tmp_path: Path) -> None:
    write(
        tmp_path,
        "a",
        "North Korean troops reach Kursk",
        "Ukraine's military intelligence chief Kirill Budanov said on Tuesday that the first "
        "troops had reached the Kursk region.",
        "Kyrylo Budanov also said the troops were being trained on Russian drones.",
    )
    budanov(tmp_path, "b", "Kyrylo Budanov", "more than 11,000 soldiers were now in Russia")
    load_paths(engine, [tmp_path])
    assert list(experts(engine)) == ["Kyrylo Budanov"]


def test_people_whose_names_differ_stay_apart(engine: Engine, tmp_path: Path) -> None:
    write(
        tmp_path,
        "a",
        "First lady visits Kharkiv",
        "President Volodymyr Zelensky said on Tuesday that the city would get more air defence.",
        "First lady Olena Zelenska said on Tuesday that the schools would reopen underground.",
    )
    load_paths(engine, [tmp_path])
    assert set(experts(engine)) == {"Volodymyr Zelensky", "Olena Zelenska"}


def test_a_surname_alone_is_the_one_person_with_that_surname(
    engine: Engine, tmp_path: Path
) -> None:
    first = tmp_path / "first"
    first.mkdir()
    write(
        first,
        "a",
        "Kuleba on jets",
        "Foreign Minister Dmytro Kuleba said on Tuesday that the jets would come this year.",
    )
    load_paths(engine, [first])
    later = tmp_path / "later"
    later.mkdir()
    write(
        later,
        "b",
        "Kuleba to partners: give us the Patriots",
        '"Give us the Patriots. We need them to protect our cities," Kuleba said.',
    )
    load_paths(engine, [later])
    assert list(experts(engine)) == ["Dmytro Kuleba"]


def test_a_surname_two_people_share_stays_apart(engine: Engine, tmp_path: Path) -> None:
    write(
        tmp_path,
        "a",
        "Two ministers",
        "Foreign Minister Dmytro Kuleba said on Tuesday that the jets would come this year.",
        "Industry minister Oleh Kuleba said on Tuesday that the plants would reopen.",
    )
    write(
        tmp_path,
        "b",
        "Kuleba to partners",
        '"Give us the Patriots. We need them to protect our cities," Kuleba said.',
    )
    load_paths(engine, [tmp_path])
    assert "Kuleba" in experts(engine)
