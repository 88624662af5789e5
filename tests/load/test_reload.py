"""A reload trusts size and modification time: files known unchanged are never opened.

Running as root makes ``chmod 000`` no proof, so the proof here is the content: a file's
bytes are replaced by others of the same length and its time put back (``os.utime``).
A load that opened the file would store the new text; a load that trusts the stat keeps
the old one. Moving the time on makes the next load read it.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from eventstore import migrations
from eventstore.load.loader import LoadOptions, LoadReport, load_paths

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
HOUR_NS = 3600 * 10**9


def age(*paths: Path, ago_ns: int = HOUR_NS) -> None:
    """Files (or every file under folders) last modified ``ago_ns`` ago: files that arrived
    before the load (a time not 2 s old is never trusted)."""
    moment = time.time_ns() - ago_ns
    for path in paths:
        for file in path.rglob("*") if path.is_dir() else [path]:
            os.utime(file, ns=(moment, moment))


def swap(path: Path, old: bytes, new: bytes) -> None:
    """Replace the first ``old`` by ``new`` (as long), keeping size and modification time."""
    assert len(old) == len(new)
    before = path.stat()
    data = path.read_bytes()
    assert old in data, path
    path.write_bytes(data.replace(old, new, 1))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def touch(path: Path, *, by_ns: int = 10**9) -> None:
    """Move the modification time on, content unchanged (still well in the past)."""
    mtime = path.stat().st_mtime_ns + by_ns
    os.utime(path, ns=(mtime, mtime))


def load(engine: Engine, folder: Path, *, reread: bool = False) -> LoadReport:
    return load_paths(engine, [folder], options=LoadOptions(reread=reread))


def counts(report: LoadReport) -> tuple[int, int, int, int]:
    """(added, updated, unchanged, files counted without reading them)."""
    totals = report.totals
    return totals.added, totals.updated, totals.unchanged, totals.unread


def titles(engine: Engine) -> dict[str, str]:
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT external_id, title FROM articles"))
        return {str(external_id): str(title) for external_id, title in rows}


def recorded_mtime(engine: Engine, path: Path) -> int:
    with engine.connect() as connection:
        query = text("SELECT mtime_ns FROM input_files WHERE path = :path")
        return int(connection.execute(query, {"path": str(path)}).scalar_one())


def corpus(folder: Path) -> Path:
    """Three seed articles, one with a sidecar, and a JSONL file of two more."""
    for seed in SEEDS[:3]:
        shutil.copy(seed, folder)
    (folder / f"{SEEDS[0].stem}.json").write_text(json.dumps({"language": "en"}))
    records = [{"external_id": f"feed-{i}", "text": SEEDS[3 + i].read_text()} for i in range(2)]
    (folder / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    age(folder)
    return folder


def first_line(path: Path) -> bytes:
    return path.read_bytes().split(b"\n", 1)[0]


def test_a_reload_of_an_unchanged_folder_opens_none_of_its_files(
    engine: Engine, tmp_path: Path
) -> None:
    folder = corpus(tmp_path)
    assert counts(load(engine, folder)) == (5, 0, 0, 0)
    stored = titles(engine)
    txt = sorted(folder.glob("*.txt"))
    for path in txt:
        title = first_line(path)
        swap(path, title, title.swapcase())
    swap(folder / "feed.jsonl", b'"feed-0"', b'"feed-9"')  # a new id, if it were read

    second = load(engine, folder)

    assert counts(second) == (0, 0, 5, 4)  # 4 files, 5 articles: none opened
    assert titles(engine) == stored
    touch(txt[1])
    touch(folder / "feed.jsonl")
    third = load(engine, folder)
    assert counts(third) == (1, 1, 3, 2)  # feed-9 added, the touched .txt updated
    assert titles(engine)[txt[1].stem] == first_line(txt[1]).decode()


def test_a_touched_file_is_read_again_stays_unchanged_and_records_its_time(
    engine: Engine, tmp_path: Path
) -> None:
    folder = corpus(tmp_path)
    load(engine, folder)
    touched = sorted(folder.glob("*.txt"))[2]
    touch(touched)

    second = load(engine, folder)

    assert counts(second) == (0, 0, 5, 3)  # read, and found unchanged by its hash
    assert recorded_mtime(engine, touched) == touched.stat().st_mtime_ns
    swap(touched, first_line(touched), first_line(touched).swapcase())
    assert counts(load(engine, folder)) == (0, 0, 5, 4)  # the new time is trusted


def test_a_sidecar_changed_alone_gets_its_article_read(engine: Engine, tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    load(engine, folder)
    sidecar = folder / f"{SEEDS[0].stem}.json"
    swap(sidecar, b'"en"', b'"uk"')
    assert counts(load(engine, folder)) == (0, 0, 5, 4)  # trusted: same size and time
    touch(sidecar)

    report = load(engine, folder)

    assert counts(report) == (0, 1, 4, 3)
    with engine.connect() as connection:
        query = text("SELECT language FROM articles WHERE external_id = :id")
        assert connection.execute(query, {"id": SEEDS[0].stem}).scalar_one() == "uk"


def test_a_file_modified_within_two_seconds_of_the_load_is_read_next_time(
    engine: Engine, tmp_path: Path
) -> None:
    folder = corpus(tmp_path)
    age(folder, ago_ns=10**8)  # 0.1 s ago: it could still change within its time's tick
    load(engine, folder)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM input_files")).scalar_one() == 0
    # touched again just before the next load, however long the first one took
    age(folder, ago_ns=10**8)

    second = load(engine, folder)

    assert counts(second) == (0, 0, 5, 0)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM input_files")).scalar_one() == 0


def test_known_bad_inputs_are_read_and_stay_known_bad(engine: Engine, tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    (folder / "empty.txt").write_bytes(b"")
    with (folder / "feed.jsonl").open("a") as feed:
        feed.write("{not json\n")
    age(folder)
    first = load(engine, folder)
    assert (first.totals.added, first.totals.failed, first.exit_code) == (5, 2, 65)

    second = load(engine, folder)

    assert counts(second) == (0, 0, 5, 3)  # the JSONL file with a bad line is read
    assert (second.totals.known_bad, second.totals.failed, second.exit_code) == (2, 0, 0)


def test_an_article_deleted_from_the_store_is_loaded_again(engine: Engine, tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    load(engine, folder)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM articles WHERE external_id = 'feed-1'"))

    report = load(engine, folder)

    assert counts(report) == (1, 0, 4, 3)


def test_a_later_file_with_the_id_of_an_unread_one_is_skipped(
    engine: Engine, tmp_path: Path
) -> None:
    """The first input of an id wins, as when every file was read (issue 15, defect 12)."""
    folder = corpus(tmp_path)
    load(engine, folder)
    shutil.copy(SEEDS[4], folder / "zz-later.txt")
    (folder / "zz-later.json").write_text(json.dumps({"external_id": SEEDS[1].stem}))
    age(folder / "zz-later.txt", folder / "zz-later.json")

    report = load(engine, folder)

    assert counts(report) == (0, 0, 5, 4)
    assert titles(engine)[SEEDS[1].stem] == first_line(SEEDS[1]).decode()


def test_reread_reads_every_file(engine: Engine, tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    load(engine, folder)
    path = sorted(folder.glob("*.txt"))[0]
    swap(path, first_line(path), first_line(path).swapcase())

    assert counts(load(engine, folder, reread=True)) == (0, 1, 4, 0)


def test_0009_down_and_up_on_a_loaded_store(engine: Engine, tmp_path: Path) -> None:
    url = engine.url.render_as_string(hide_password=False)
    folder = corpus(tmp_path)
    load(engine, folder)
    assert counts(load(engine, folder)) == (0, 0, 5, 4)

    migrations.downgrade(url, "0008")
    inspector = inspect(engine)
    assert "input_files" not in inspector.get_table_names()
    assert "input_key" not in {column["name"] for column in inspector.get_columns("articles")}
    migrations.upgrade(url)

    assert counts(load(engine, folder)) == (0, 0, 5, 0)  # read once more, by hash
    assert counts(load(engine, folder)) == (0, 0, 5, 4)
