"""The database survives what a shop floor does to its file: emptied, damaged, read-only,
immutable, its folder gone; and its files are readable by their owner only.

Real SQLite files throughout, real `signage` subprocesses where the CLI is concerned.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from content.catalog import ContentLibrary
from foundation.db import (
    DatabaseState,
    DatabaseWriteError,
    PlayerDatabase,
    database_origin,
    open_database,
    write_transaction,
)
from playlists.proof_of_play import AudienceSummary, ProofOfPlay
from playlists.rulebook import seed_if_new
from playlists.store import PlaylistStore
from tests.foundation.disk import AS_ROOT, Freezer
from tests.playlists.builders import make_playlist

SIGNAGE = str(Path(sys.executable).with_name("signage"))
ROOT = Path(__file__).resolve().parents[2]
NOBODY = AudienceSummary("ok", 0, None, 0.0, {}, {})
NINE = dt.datetime(2026, 12, 1, 9, 0)

needs_root = pytest.mark.skipif(not AS_ROOT, reason="chattr +i (an immutable file) needs root")


@pytest.fixture
def freezer():
    """Makes files unwritable for the test and always undoes it."""
    frozen = Freezer()
    yield frozen
    frozen.thaw()


def damaged_copies(folder: Path, name: str = "signage.db") -> list[Path]:
    """The moved-aside databases in `folder` (not their -wal and -shm)."""
    return sorted(p for p in folder.glob(f"{name}.damaged-*") if not p.name.endswith(("-wal", "-shm", "-journal")))


def make_store_database(path: Path) -> None:
    """A database with one playlist (revision 1), closed cleanly (no -wal or -shm left)."""
    db = open_database(path)
    PlaylistStore(db).save_playlist(make_playlist("brand", "x"), "alice")
    db.conn.close()


def run_signage(*args: str, cwd: Path, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "SIGNAGE_DATA_DIR": str(cwd / "data"), **(env_extra or {})}
    env.pop("SIGNAGE_DB", None)
    return subprocess.run([SIGNAGE, *args], check=False, capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


# ------------------------------------------------------------------------------------------
# Empty or damaged: moved aside, never deleted, overwritten or seeded


def test_a_zero_byte_database_is_moved_aside_and_never_seeded_by_the_cli(tmp_path):
    # Found: a zero-byte database was silently re-seeded with the sample ads, exit 0.
    database = tmp_path / "signage.db"
    database.write_bytes(b"")

    result = run_signage("rules", "simulate", "--db", str(database), "--age-group", "teen", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    [moved] = damaged_copies(tmp_path)
    assert moved.stat().st_size == 0  # kept as it was, for whoever looks into it
    assert f"{database}: it is empty (0 bytes); moved it aside to {moved}" in result.stderr
    assert "not seeding the sample ads" in result.stderr
    db = open_database(database)
    assert PlaylistStore(db).revision() == 0 and ContentLibrary(db).items_by_name() == {}


def test_a_zero_byte_database_opened_by_the_library_is_moved_aside(tmp_path, caplog):
    database = tmp_path / "signage.db"
    database.write_bytes(b"")

    with caplog.at_level(logging.WARNING, logger="foundation.db"):
        db = open_database(database)

    origin = database_origin(db)
    assert origin.created and origin.moved_aside == damaged_copies(tmp_path)[0]
    assert not origin.fresh
    assert not seed_if_new(PlaylistStore(db), ContentLibrary(db), tmp_path / "media")
    assert not (tmp_path / "media").exists()
    assert [r.levelname for r in caplog.records if r.name == "foundation.db"] == ["WARNING"]


def test_a_file_that_is_not_a_database_is_moved_aside_with_its_wal_byte_for_byte(tmp_path):
    database = tmp_path / "signage.db"
    database.write_bytes(b"these are not the rules you are looking for\n" * 100)
    Path(f"{database}-wal").write_bytes(b"and no write-ahead log either")

    db = open_database(database)

    [moved] = damaged_copies(tmp_path)
    assert moved.read_bytes() == b"these are not the rules you are looking for\n" * 100
    assert Path(f"{moved}-wal").read_bytes() == b"and no write-ahead log either"
    PlaylistStore(db).save_playlist(make_playlist("brand", "x"), "alice")  # a working, new database
    assert database.read_bytes()[:16] == b"SQLite format 3\x00"


def test_the_player_finds_damaged_pages_with_quick_check_and_moves_the_file_aside(tmp_path):
    # Found: the player would not start on a corrupted database (traceback, exit 1).
    database = tmp_path / "signage.db"
    db = open_database(database)
    log = ProofOfPlay(db)
    for second in range(3000):
        log.record_event(NINE + dt.timedelta(seconds=second), "camera_lost", "the camera went away")
    db.conn.close()
    size = database.stat().st_size
    with database.open("r+b") as handle:  # a bad sector in the middle of the file
        handle.seek(size // 2 // 4096 * 4096)
        handle.write(b"\xde\xad" * 2048)
    damaged = database.read_bytes()

    player_db = PlayerDatabase(database)

    assert player_db.state is DatabaseState.WRITABLE, player_db.reason
    [moved] = damaged_copies(tmp_path)
    assert player_db.origin.moved_aside == moved and moved.read_bytes() == damaged
    assert ProofOfPlay(player_db).events() == []  # the new database, not the damaged one


def test_moving_aside_never_overwrites_an_earlier_damaged_copy(tmp_path):
    database = tmp_path / "signage.db"
    now = dt.datetime.now()
    # Earlier copies under every name this second and the next two could produce.
    earlier = {}
    for seconds in range(3):
        stamp = (now + dt.timedelta(seconds=seconds)).strftime("%Y%m%d-%H%M%S")
        path = tmp_path / f"signage.db.damaged-{stamp}"
        path.write_bytes(f"earlier copy {seconds}".encode())
        earlier[path] = path.read_bytes()
    database.write_bytes(b"")

    open_database(database)

    for path, content in earlier.items():
        assert path.read_bytes() == content
    assert len(damaged_copies(tmp_path)) == 4
    assert any(path.name.endswith("-2") for path in damaged_copies(tmp_path))


# ------------------------------------------------------------------------------------------
# Read-only: reads work, writes are one clear line


TILL_CSV = (
    "receipt,trans_time,product,category,quantity,amount,customer\n"
    "r1,2026-11-23 16:05,chips,BAG SNACKS,1,2.49,c-1001\n"
    "r2,2026-11-24 08:10,coffee,COFFEE,1,2.10,c-1002\n"
)
TILL_MAP = "timestamp=trans_time,basket_id=receipt"


def import_till(tmp_path: Path, database: Path, text: str = TILL_CSV) -> subprocess.CompletedProcess:
    till = tmp_path / "till.csv"
    till.write_text(text)
    return run_signage("purchases", "import-csv", str(till), "--source", "store_4", "--map", TILL_MAP,
                       "--db", str(database), cwd=tmp_path)


@needs_root
def test_a_write_command_on_an_immutable_database_is_one_line_and_reads_still_work(tmp_path, freezer):
    # Found: write commands on a read-only or immutable database ended in a traceback.
    database = tmp_path / "signage.db"
    assert import_till(tmp_path, database).returncode == 0
    freezer.freeze(database)

    wrote = import_till(tmp_path, database, TILL_CSV + "r3,2026-11-25 12:00,tea,TEA,1,1.50,c-1003\n")
    read = run_signage("purchases", "stats", "--db", str(database), cwd=tmp_path)

    assert wrote.returncode == 2
    assert wrote.stderr.strip().splitlines() == [
        (f"signage: error: {database}: the database is read-only: signage.db is immutable (chattr +i);"
         " nothing was changed")
    ]
    assert read.returncode == 0, read.stderr
    assert read.stdout.splitlines()[1].split()[:4] == ["store_4", "csv", "2", "2"]


@needs_root
def test_a_read_only_folder_still_lets_commands_read_and_says_why_writes_fail(tmp_path, freezer):
    # SQLite needs the folder to make the -wal and -shm files: "unable to open database file" before.
    folder = tmp_path / "store"
    database = folder / "signage.db"
    make_store_database(database)
    assert sorted(p.name for p in folder.iterdir()) == ["signage.db"]
    freezer.freeze(folder)

    read = run_signage("rules", "export", "--db", str(database), cwd=tmp_path)
    wrote = import_till(tmp_path, database)

    assert read.returncode == 0, read.stderr
    assert "brand" in read.stdout
    assert wrote.returncode == 2
    assert f"its folder {folder} cannot be written (immutable (chattr +i))" in wrote.stderr
    assert "Traceback" not in wrote.stderr


@needs_root
def test_write_transaction_on_an_immutable_wal_is_a_database_write_error(tmp_path, freezer):
    database = tmp_path / "signage.db"
    db = open_database(database)
    store = PlaylistStore(db)
    store.save_playlist(make_playlist("brand", "x"), "alice")
    freezer.freeze(Path(f"{database}-wal"))

    with pytest.raises(DatabaseWriteError) as raised:
        store.save_playlist(make_playlist("lunch", "y"), "alice")

    assert raised.value.kind == "read_only"
    assert "signage.db-wal is immutable (chattr +i)" in str(raised.value)
    freezer.thaw()
    store.save_playlist(make_playlist("lunch", "y"), "alice")  # the connection recovers
    assert {p.name for p in store.playlists()} == {"brand", "lunch"}


def test_a_full_database_is_a_database_write_error_naming_the_file(tmp_path):
    database = tmp_path / "signage.db"
    db = open_database(database)
    ProofOfPlay(db)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own SQLITE_FULL, as on a full disk

    with pytest.raises(DatabaseWriteError) as raised, write_transaction(db) as connection:
        connection.execute("INSERT INTO player_events (at, kind, message) VALUES ('x', 'y', ?)", ["z" * 50_000])

    assert raised.value.kind == "full"
    assert str(raised.value).startswith(f"{database}: no room to write (database or disk is full; ")
    assert db.execute("SELECT count(*) FROM player_events").fetchone()[0] == 0


# ------------------------------------------------------------------------------------------
# The player's database: never raises, says why once, recovers


@needs_root
def test_the_player_reads_an_immutable_database_and_writes_again_once_it_is_not(tmp_path, freezer, caplog):
    # Found: the player would not start on a read-only or immutable database.
    database = tmp_path / "signage.db"
    make_store_database(database)
    freezer.freeze(database)

    with caplog.at_level(logging.INFO, logger="foundation.db"):
        player_db = PlayerDatabase(database)
        for _ in range(5):
            assert player_db.check() is DatabaseState.READ_ONLY
        assert player_db.for_writing() is None
        assert {p.name for p in PlaylistStore(player_db.for_reading()).playlists()} == {"brand"}
        generation = player_db.generation
        freezer.thaw()
        assert player_db.retry()
        assert not player_db.retry()

    assert player_db.state is DatabaseState.WRITABLE and player_db.generation > generation
    assert player_db.reason == ""
    assert player_db.describe() == "writable"
    PlaylistStore(player_db.for_writing()).save_playlist(make_playlist("lunch", "y"), "alice")
    lines = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "foundation.db"]
    assert lines == [
        ("WARNING", f"database read_only: {database}: read-only: signage.db is immutable (chattr +i)"),
        ("INFO", f"{database}: writable again"),
    ]


@needs_root
def test_the_player_opens_read_only_when_the_shm_is_immutable_before_it_starts(tmp_path, freezer):
    database = tmp_path / "signage.db"
    make_store_database(database)
    leave_wal_and_shm(database)
    freezer.freeze(Path(f"{database}-shm"))

    player_db = PlayerDatabase(database)

    assert player_db.state is DatabaseState.READ_ONLY
    assert "signage.db-shm is immutable" in player_db.reason
    assert {p.name for p in PlaylistStore(player_db.for_reading()).playlists()} == {"brand", "wal_only"}
    freezer.thaw()
    assert player_db.retry() and player_db.state is DatabaseState.WRITABLE
    player_db.close()


@needs_root
def test_a_folder_that_cannot_be_made_leaves_the_player_unavailable_until_it_can(tmp_path, freezer):
    parent = tmp_path / "mnt"
    parent.mkdir()
    freezer.freeze(parent)

    player_db = PlayerDatabase(parent / "signage" / "signage.db")

    assert player_db.state is DatabaseState.UNAVAILABLE and player_db.db is None
    assert "cannot create the database folder" in player_db.reason
    assert not player_db.retry()
    freezer.thaw()
    assert player_db.retry()
    assert player_db.state is DatabaseState.WRITABLE and player_db.origin.fresh


SHM_CHILD = textwrap.dedent(
    """
    import datetime as dt, json, subprocess, sys
    from foundation.db import PlayerDatabase
    from playlists.proof_of_play import AudienceSummary, PlayOutcome, ProofOfPlay

    path, restore = sys.argv[1], sys.argv[2] == "restore"
    player_db = PlayerDatabase(path)
    log = ProofOfPlay(player_db)
    nobody = AudienceSummary("ok", 0, None, 0.0, {}, {})
    nine = dt.datetime(2026, 12, 1, 9, 0)

    def play(i):
        start = nine + dt.timedelta(minutes=i)
        play_id = log.item_started(started_at=start, playlist="brand_loop", item=f"item{i}", kind="image",
                                   rule=None, planned_s=8.0, reason="default", audience=nobody)
        log.item_ended(play_id, ended_at=start + dt.timedelta(seconds=8), outcome=PlayOutcome.PLAYED)
        return play_id

    ids = [play(0), play(1)]
    subprocess.run(["chattr", "+i", path + "-shm"], check=True)  # under the running writer
    ids += [play(2), play(3)]
    while_immutable = player_db.state.value
    if restore:
        subprocess.run(["chattr", "-i", path + "-shm"], check=True)
        player_db.retry()
    ids.append(play(4))
    print(json.dumps({"ids": ids, "while_immutable": while_immutable, "pending": log.pending}))
    log.flush()
    player_db.close()
    """
)


@needs_root
@pytest.mark.parametrize("restore", [True, False], ids=["restored", "immutable-at-exit"])
def test_an_shm_made_immutable_under_a_running_player_is_no_sigbus(tmp_path, restore):
    # Found: with an immutable -shm file the player died with SIGBUS.
    database = tmp_path / "signage.db"
    try:
        child = subprocess.run(
            [sys.executable, "-c", SHM_CHILD, str(database), "restore" if restore else "stay"],
            check=False, capture_output=True, text=True, cwd=ROOT, timeout=120,
        )
    finally:
        subprocess.run(["chattr", "-i", f"{database}-shm"], check=False)

    assert child.returncode == 0, (child.returncode, child.stderr)  # -7 was the SIGBUS
    report = json.loads(child.stdout)
    assert report["while_immutable"] == "unavailable"
    assert report["ids"][:2] == [1, 2] and all(i < 0 for i in report["ids"][2:4])
    assert "signage.db-shm is immutable (chattr +i) while it was open" in child.stderr
    plays = ProofOfPlay(open_database(database)).plays()
    if restore:
        assert [(p.play_id, p.item, p.outcome.value) for p in plays] == [
            (n + 1, f"item{n}", "played") for n in range(5)
        ]
        assert report["pending"] == 0
    else:
        # What was committed before is all there; what waited in memory at exit is gone.
        assert [p.item for p in plays] == ["item0", "item1"]
        assert report["pending"] == 6


def leave_wal_and_shm(database: Path) -> None:
    """Write one more playlist in a process that exits without closing: its -wal and -shm stay."""
    code = textwrap.dedent(
        f"""
        import os
        from foundation.db import open_database
        from playlists.store import PlaylistStore
        from tests.playlists.builders import make_playlist
        PlaylistStore(open_database({str(database)!r})).save_playlist(make_playlist("wal_only", "x"), "bob")
        os._exit(0)
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)
    assert Path(f"{database}-wal").stat().st_size > 0 and Path(f"{database}-shm").exists()


# ------------------------------------------------------------------------------------------
# Owner-only files


def modes(*paths: Path) -> dict[str, str]:
    return {path.name: oct(stat.S_IMODE(path.stat().st_mode)) for path in paths}


def test_a_new_database_its_wal_and_shm_and_new_folders_are_owner_only_whatever_the_umask(tmp_path):
    # Found: the database and its WAL files were world-readable (0644).
    database = tmp_path / "kiosk" / "data" / "signage.db"
    previous = os.umask(0o022)
    try:
        db = open_database(database)
        ProofOfPlay(db).record_event(NINE, "started", "the player started")
        assert modes(database, Path(f"{database}-wal"), Path(f"{database}-shm")) == {
            "signage.db": "0o600", "signage.db-wal": "0o600", "signage.db-shm": "0o600",
        }
        assert modes(tmp_path / "kiosk", tmp_path / "kiosk" / "data") == {"kiosk": "0o700", "data": "0o700"}
    finally:
        os.umask(previous)


def test_existing_world_readable_files_are_tightened_to_owner_only(tmp_path):
    database = tmp_path / "signage.db"
    make_store_database(database)
    leave_wal_and_shm(database)
    for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        path.chmod(0o644)

    open_database(database)

    assert set(modes(database, Path(f"{database}-wal"), Path(f"{database}-shm")).values()) == {"0o600"}


def test_only_a_database_created_by_this_open_is_seeded_unless_the_user_asks(tmp_path):
    database = tmp_path / "signage.db"
    db = open_database(database)
    ContentLibrary(db)  # the tables, no rules: a database some other command made
    db.conn.close()

    db = open_database(database)
    store, library = PlaylistStore(db), ContentLibrary(db)
    assert not database_origin(db).created
    assert not seed_if_new(store, library, tmp_path / "media")
    assert seed_if_new(store, library, tmp_path / "media", asked=True)  # `signage rules seed`
    assert store.revision() > 0


def test_the_user_asking_never_seeds_over_a_damaged_database_just_moved_aside(tmp_path):
    database = tmp_path / "signage.db"
    database.write_bytes(b"")
    db = open_database(database)
    assert not seed_if_new(PlaylistStore(db), ContentLibrary(db), tmp_path / "media", asked=True)
