"""The register: answers survive (on SQLite and PostgreSQL), bad files are refused untouched."""

import os
import sqlite3
from pathlib import Path

import pytest

from app.storage import CorruptDatabaseError, NewerDatabaseError, ReadOnlyLocationError, StorageError
from app.storage.db import backup
from app.storage.store import Store

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "demo.yaml"


def test_answers_audit_and_register(open_store):
    s = open_store()
    a = s.create_assessment("demo", "1", title="Deal 1")
    b = s.create_assessment("demo", "1")
    assert (a.reference, b.reference)[0].endswith("-0001") and b.reference.endswith("-0002")
    assert s.save_answer(a.id, "x", "one") is True
    assert s.save_answer(a.id, "x", "one") is False  # unchanged: nothing written
    s.save_answer(a.id, "x", "two")
    s.save_answer(a.id, "y", ["a", "b"])
    s.save_answer(a.id, "y", None)
    assert s.answers(a.id) == {"x": "two"}
    events = [(e.kind, e.question_id, e.old_json, e.new_json) for e in s.audit.events(a.id)]
    assert events == [("create", None, None, '{"questionnaire": "demo", "version": "1"}'),
                      ("answer", "x", None, '"one"'), ("answer", "x", '"one"', '"two"'),
                      ("answer", "y", None, '["a", "b"]'), ("answer", "y", '["a", "b"]', None)]
    rows = s.list_assessments()
    assert {r.reference: r.answer_count for r in rows} == {a.reference: 1, b.reference: 0}


def test_finished_assessment_cannot_be_changed_or_discarded(open_store):
    s = open_store()
    a = s.create_assessment("demo", "1")
    s.finish(a.id, "NOTIFY")
    with pytest.raises(StorageError, match="cannot be changed in place"):
        s.save_answer(a.id, "x", 1)
    with pytest.raises(StorageError, match="only drafts can be discarded"):
        s.discard_draft(a.id)


def test_files_are_private_to_the_user(data_dir):
    s = Store.open(data_dir)
    s.create_assessment("demo", "1")
    assert oct(os.stat(data_dir).st_mode & 0o777) == "0o700"
    for name in ("art5.db", "art5.db-wal"):
        assert oct(os.stat(data_dir / name).st_mode & 0o777) == "0o600", name


def test_newer_database_is_refused_untouched(data_dir):
    s = Store.open(data_dir)
    s.create_assessment("demo", "1")
    s.close()
    db = data_dir / "art5.db"
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()
    before = db.read_bytes()
    with pytest.raises(NewerDatabaseError) as exc:
        Store.open(data_dir)
    assert str(db) in str(exc.value) and "9999" in str(exc.value) and "newer" in str(exc.value)
    assert db.read_bytes() == before


def test_corrupt_database_is_refused_untouched(data_dir):
    data_dir.mkdir(parents=True)
    db = data_dir / "art5.db"
    db.write_bytes(b"this is not a database" * 100)
    with pytest.raises(CorruptDatabaseError) as exc:
        Store.open(data_dir)
    assert str(db) in str(exc.value) and "left untouched" in str(exc.value)
    assert db.read_bytes() == b"this is not a database" * 100


def test_foreign_sqlite_file_is_refused(data_dir):
    data_dir.mkdir(parents=True)
    con = sqlite3.connect(data_dir / "art5.db")
    con.execute("CREATE TABLE other (x)")
    con.commit()
    con.close()
    with pytest.raises(CorruptDatabaseError, match="not an Art5 Assessor database"):
        Store.open(data_dir)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_folder_gets_a_clear_message(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ReadOnlyLocationError) as exc:
            Store.open(folder)
        assert "not writable" in str(exc.value) and str(folder) in str(exc.value)
    finally:
        folder.chmod(0o700)


def test_read_only_database_file_gets_a_clear_message(data_dir, monkeypatch):
    s = Store.open(data_dir)
    s.close()
    # root ignores permission bits, so make the check itself see a read-only file
    monkeypatch.setattr(os, "access", lambda p, mode: mode != os.W_OK)
    with pytest.raises(ReadOnlyLocationError, match="read-only; nothing was changed"):
        Store.open(data_dir)


def test_backup_of_a_live_wal_database_is_complete(data_dir, tmp_path):
    s = Store.open(data_dir)
    a = s.create_assessment("demo", "1")
    for i in range(50):
        s.save_answer(a.id, f"q{i}", i)
    dest = backup(data_dir / "art5.db", tmp_path / "copy.db")
    con = sqlite3.connect(dest)
    assert con.execute("SELECT count(*) FROM answer").fetchone()[0] == 50
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert oct(os.stat(dest).st_mode & 0o777) == "0o600"



def test_leftovers_of_a_killed_program_are_swept_when_the_register_opens(data_dir):
    """Hidden temporary files (a report cut short, a half-copied backup, an attachment coming in)
    are removed once they are an hour old; a fresh one may be another process's work in progress,
    and files with other names are never touched."""
    import time as _time

    Store.open(data_dir).close()
    old = _time.time() - 7200
    stale = [data_dir / "reports" / ".A-2026-0001.pdf.0123456789ab.tmp",
             data_dir / "reports" / ".A-2026-0001.unsigned.89abcdef.pdf",
             data_dir / "backups" / ".art5-auto-interval-20261123.db.partial",
             data_dir / "attachments" / "uid-1" / ".incoming-x1y2z3",
             data_dir / "reports" / ".import-k2j3h4"]
    keep = [data_dir / "reports" / "A-2026-0001.pdf", data_dir / "reports" / ".hidden-note.txt",
            data_dir / "backups" / "art5-auto-interval-20261122.db"]
    fresh = data_dir / "reports" / ".A-2026-0002.pdf.ba9876543210.tmp"
    for p in stale + keep + [fresh]:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"x")
    for p in stale + keep:
        os.utime(p, (old, old))
    Store.open(data_dir).close()
    assert [p for p in stale if p.exists()] == []
    assert all(p.exists() for p in keep) and fresh.exists()


def test_answers_are_committed_with_full_sync_and_the_resume_page_without(data_dir):
    """An acknowledged answer survives a power cut (synchronous=FULL); the page to resume on is
    bookkeeping and costs no fsync of its own, and never leaves the connection relaxed."""
    from sqlalchemy import event

    from app.questionnaire import model as questionnaire
    from app.assessment.session import AssessmentSession

    s = Store.open(data_dir)
    session = AssessmentSession.new(s, questionnaire.load(FIXTURE))
    seen: list[str] = []
    event.listen(s.engine, "before_cursor_execute",
                 lambda conn, cursor, stmt, *a: seen.append(stmt) if stmt.startswith(("PRAGMA sync", "BEGIN")) else None)

    def sync_before_commit(action):
        seen.clear()
        action()
        return [x for x in seen if x.startswith("PRAGMA")]

    # the page shown is written with the next answer: one commit per Next
    assert sync_before_commit(lambda: session.visit("deal")) == []
    assert sync_before_commit(lambda: session.answer("basics.item_name", "Netwatch")) == ["PRAGMA synchronous=FULL"]
    assert s.answers(session.assessment_id)["basics.item_name"] == "Netwatch"
    assert s.get(session.assessment_id).current_page == "deal"
    # leaving a page without answering: the wizard saves the position when it closes
    session.visit("item")
    assert sync_before_commit(session.save_position) == ["PRAGMA synchronous=NORMAL"]
    assert s.get(session.assessment_id).current_page == "item"
    assert sync_before_commit(session.save_position) == []  # nothing left to write
    s.close()


def test_register_paging_and_filters_escape_like_on_both_engines(open_store):
    s = open_store()
    made = {}
    for title in ("discount 50% deal", "discount 500 deal", "probe_1 deal", "probe11 deal", "Kunde 北京", "عميل"):
        a = s.create_assessment("demo", "1", title=title)
        made[title] = a.reference
    s.finish(s.get_by_uid(s.get(1).uid).id, "NOTIFY")
    titles = lambda rows: sorted(r[2] for r in rows)  # noqa: E731
    assert titles(s.register.rows(search="50%")) == ["discount 50% deal"]
    assert titles(s.register.rows(search="probe_1")) == ["probe_1 deal"]
    assert titles(s.register.rows(search="PROBE")) == ["probe11 deal", "probe_1 deal"]  # case ignored
    assert titles(s.register.rows(search="北京")) == ["Kunde 北京"]
    assert titles(s.register.rows(search="عميل")) == ["عميل"]
    assert s.register.count(search="discount") == 2 and s.register.count(status="finished") == 1
    assert titles(s.register.rows(status="finished")) == ["discount 50% deal"]
    page1 = s.register.rows(order="reference", limit=4)
    page2 = s.register.rows(order="reference", limit=4, offset=4)
    assert [r[1] for r in page1 + page2] == sorted(made.values()) and len(page2) == 2
    assert s.register.values("outcome") == ["NOTIFY"]
