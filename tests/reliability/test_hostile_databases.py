"""Damaged, foreign, newer, read-only and locked databases (the register ``art5.db`` and the
screening database), and hostile backup files given to ``art5 restore``.

Every row: a non-zero exit, the file named, the problem in plain words, no traceback, and the
database left byte for byte as it was. Settings and the parsed-data cache are not sources:
damage there falls back to defaults (rows at the end).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from reliability_helpers import ROOT, assert_refused, fingerprint, register_rows, write_junk

PAGE = 4096


def _root_page(db, table: str) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    finally:
        con.close()


def damage_header(db):
    data = bytearray(db.read_bytes())
    data[:16] = b"definitely junk!"
    db.write_bytes(bytes(data))


def damage_table(table):
    def damage(db):
        page = _root_page(db, table)
        data = bytearray(db.read_bytes())
        start = (page - 1) * PAGE
        data[start:start + PAGE] = bytes(range(256)) * (PAGE // 256)
        db.write_bytes(bytes(data))
    return damage


def cut_in_half(db):
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])


def newer_schema(db):
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()


def foreign(db):
    db.unlink()
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()


# id -> (damage(db path), command, words)
REGISTER_CASES = {
    "header overwritten": (damage_header, ["records", "list"], ["damaged or not a database", "left untouched"]),
    "audit table page destroyed": (damage_table("audit_event"), ["audit", "verify"], ["damaged", "nothing was changed"]),
    "answer table page destroyed": (damage_table("answer"), ["records", "amend", "--id", "2", "--reason", "typo"],
                                    ["damaged", "nothing was changed"]),
    "cut in half": (cut_in_half, ["records", "list"], ["damaged"]),
    "100 MB of junk": (lambda db: write_junk(db, 100 << 20), ["records", "list"], ["damaged or not a database"]),
    "newer schema": (newer_schema, ["records", "list"], ["newer than this program knows", "left untouched"]),
    "another program's SQLite file": (foreign, ["records", "list"], ["not an Art5 Assessor database"]),
}


@pytest.mark.parametrize("case", list(REGISTER_CASES))
def test_damaged_register_is_refused_untouched(case, populated, art5):
    damage, command, words = REGISTER_CASES[case]
    db = populated.dir / "art5.db"
    damage(db)
    damaged = db.read_bytes()
    run = art5(*command)
    assert_refused(run, db, *words)
    assert db.read_bytes() == damaged, "the damaged register was changed"


def test_damaged_screening_database_is_named(populated, art5, tmp_path):
    db = populated.dir / "screening.db"
    damage_header(db)
    damaged = db.read_bytes()
    for command in (["screening", "lists"], ["screening", "check", "Ivan Petrov"],
                    ["screening", "import", ROOT / "tests" / "fixtures" / "screening" / "eu_list.csv"]):
        assert_refused(art5(*command), db, "cannot open the screening database", "left untouched", code=2)
    assert db.read_bytes() == damaged


def test_read_only_register_gets_a_clear_message(populated, art5, monkeypatch):
    import os

    # root ignores permission bits, so make the check itself see a read-only file
    monkeypatch.setattr(os, "access", lambda p, mode: mode != os.W_OK)
    run = art5("records", "amend", "--id", str(populated.signed_id), "--reason", "typo")
    assert_refused(run, populated.dir / "art5.db", "read-only", "nothing was changed", code=2)
    populated.assert_unchanged()


LOCKER = ("import sqlite3, sys\ncon = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
          "con.execute('BEGIN EXCLUSIVE')\nprint('locked', flush=True)\nsys.stdin.read()\n")


def test_register_locked_by_another_process(populated, art5, monkeypatch):
    """Another process holds the write lock: a write waits (busy timeout), then says so; nothing half-saved."""
    from app.storage import dialect as store_mod

    original = store_mod._pragmas

    def short_timeout(con, record):  # the real 10 s wait, shortened for the test
        original(con, record)
        con.execute("PRAGMA busy_timeout=300")

    monkeypatch.setattr(store_mod, "_pragmas", short_timeout)
    rows = register_rows(populated.dir)
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(populated.dir / "art5.db")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout.readline().strip() == "locked"
        run = art5("records", "amend", "--id", str(populated.signed_id), "--reason", "typo")
    finally:
        locker.communicate("")
    assert_refused(run, populated.dir / "art5.db", "locked")
    assert register_rows(populated.dir) == rows


def test_damaged_settings_fall_back_to_defaults(populated, art5):
    settings = populated.dir / "settings.json"
    settings.write_bytes(b"\x00{ not json")
    run = art5("records", "list")
    assert run.code == 0 and populated.signed_reference in run.out
    assert settings.read_bytes() == b"\x00{ not json"


# -- art5 restore FILE ----------------------------------------------------------------------------
def _backup_of(populated, tmp_path, change=None):
    from app.storage.backup import make_backup

    path = make_backup(populated.dir, tmp_path / "backup.db")
    if change:
        change(path)
    return path


RESTORE_CASES = {
    # id -> (make(populated, tmp_path) -> path, words)
    "junk": (lambda p, t: write_junk(t / "backup.db", 1 << 20), ["not a database"]),
    "empty file": (lambda p, t: write_junk(t / "backup.db", 0), ["not an Art5 Assessor register"]),
    "another program's SQLite file": (lambda p, t: _backup_of(p, t, foreign), ["not an Art5 Assessor register"]),
    "newer schema": (lambda p, t: _backup_of(p, t, newer_schema), ["9999", "nothing was replaced"]),
    "a page destroyed": (lambda p, t: _backup_of(p, t, damage_table("answer")), ["nothing was replaced"]),
    "cut in half": (lambda p, t: _backup_of(p, t, cut_in_half), ["nothing was replaced"]),
    "missing": (lambda p, t: t / "no-such-backup.db", ["no such file"]),
    "folder": (lambda p, t: (t / "backups.db").mkdir() or t / "backups.db", ["no such file"]),
}


@pytest.mark.parametrize("case", list(RESTORE_CASES))
def test_restore_refuses_a_bad_backup_and_keeps_the_register(case, populated, tmp_path, art5):
    make, words = RESTORE_CASES[case]
    path = make(populated, tmp_path)
    rows = register_rows(populated.dir)
    run = art5("restore", path)
    assert_refused(run, path, *words, code=1)
    populated.assert_unchanged()
    assert register_rows(populated.dir) == rows
    assert not list((populated.dir / "backups").glob("art5-replaced-by-restore-*"))


def test_backup_of_a_damaged_register_is_refused_and_keeps_the_older_backup(populated, tmp_path, art5):
    """A copy of a damaged register would only be refused later, by restore: say it now, and
    leave the backup the user already has under that name as it was."""
    db = populated.dir / "art5.db"
    damage_table("answer")(db)
    populated.before = fingerprint(populated.dir)
    dest = tmp_path / "weekly-backup.db"
    dest.write_bytes(b"last week's good backup")
    run = art5("backup", "--to", dest)
    assert_refused(run, db, "damaged", "no backup was written", "was not changed")
    assert dest.read_bytes() == b"last week's good backup"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    populated.assert_unchanged()
