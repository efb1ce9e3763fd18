"""The team register's roles are enforced by PostgreSQL: an assessor's own connection, even with
hand-written SQL, cannot change another assessor's draft, any audit event or any review; the
auditor writes nothing; the officer reviews with a comment that cannot be edited."""

from __future__ import annotations

import uuid

import pytest

from app.storage import StorageError
from app.storage.store import PermissionDeniedError, Store


@pytest.fixture
def team(pg_database):
    """A team register made by `art5 team init` with an officer, two assessors and an auditor."""
    from app.storage import team as team_mod
    from tests.helpers import pg

    name, admin = pg_database
    tag = uuid.uuid4().hex[:6]
    users = {k: f"{k}_{tag}" for k in ("olga", "alice", "bob", "audrey")}
    team_mod.init_team(admin, users["olga"])
    for who, role in (("alice", "assessor"), ("bob", "assessor"), ("audrey", "auditor")):
        team_mod.add_member(admin, users[who], role)
    opened = []

    def open_as(who):
        s = Store.open_url(pg.with_database(pg.admin_url(), name, user=users[who]))
        opened.append(s)
        return s

    open_as.users = users
    open_as.url = lambda who: pg.with_database(pg.admin_url(), name, user=users[who])
    yield open_as
    for s in opened:
        s.close()


def _raw(url: str):
    import psycopg

    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))


def rows_changed_by_hand(url: str, statements) -> dict[str, int]:
    """Each statement run and committed on its own on ``url``'s connection: the rows it changed
    (0 when the database refused it)."""
    import psycopg

    out = {}
    with _raw(url) as con:
        for sql in statements:
            try:
                out[sql] = con.execute(sql).rowcount
                con.commit()
            except psycopg.errors.InsufficientPrivilege:
                con.rollback()
                out[sql] = 0
    return out


def test_assessor_cannot_touch_another_assessors_draft_even_with_sql(team):
    import psycopg

    alice, bob = team("alice"), team("bob")
    a = alice.create_assessment("art5", "1.0.0", title="Alice's deal")
    alice.save_answer(a.id, "item.name", "Netwatch")
    assert a.created_by == team.users["alice"]
    # through the program
    with pytest.raises(PermissionDeniedError, match="you may not change it"):
        bob.save_answer(a.id, "item.name", "Bob was here")
    with pytest.raises(PermissionDeniedError):
        bob.discard_draft(a.id)
    # by hand: UPDATE and DELETE see no row of someone else's draft; an INSERT is refused
    with _raw(team.url("bob")) as con:
        assert con.execute("UPDATE assessment SET title = 'x' WHERE id = %s", (a.id,)).rowcount == 0
        assert con.execute("UPDATE answer SET value_json = '\"x\"' WHERE assessment_id = %s", (a.id,)).rowcount == 0
        assert con.execute("DELETE FROM answer WHERE assessment_id = %s", (a.id,)).rowcount == 0
        con.commit()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            con.execute("INSERT INTO answer (assessment_id, question_id, value_json, updated_at) "
                        "VALUES (%s, 'x', '1', '')", (a.id,))
    assert alice.answers(a.id) == {"item.name": "Netwatch"}
    assert alice.get(a.id).title == "Alice's deal"
    # Bob reads it (the register is shared) and works on his own
    assert [r[1] for r in bob.register.rows()] == [a.reference]
    bob.set_current_page(a.id, "parties")  # looking at Alice's draft in the wizard changes nothing
    bob.set_outcome(a.id, "NOTIFY")
    assert (alice.get(a.id).current_page, alice.get(a.id).outcome) == ("", "")
    b = bob.create_assessment("art5", "1.0.0")
    bob.save_answer(b.id, "item.name", "Probe")
    assert alice.audit.verify().intact


def test_nobody_changes_an_audit_event_or_a_review_by_hand(team):
    alice, olga = team("alice"), team("olga")
    a = alice.create_assessment("art5", "1.0.0")
    alice.save_answer(a.id, "item.name", "Netwatch")
    alice.finish(a.id, "NOTIFY")
    from app.storage import reviews

    reviews.add(olga, a.id, "rejected", "End user not identified")
    for who in ("alice", "olga"):
        changed = rows_changed_by_hand(team.url(who), (
            "UPDATE audit_event SET reason = 'forged'", "DELETE FROM audit_event", "UPDATE audit_event SET hash = '' ",
            "UPDATE review SET comment = 'fine'", "DELETE FROM review"))
        assert not any(changed.values()), f"{who}: {changed}"
    assert alice.audit.verify().intact
    assert [(r.decision, r.comment) for r in reviews.of(alice, a.id)] == [("rejected", "End user not identified")]


def test_finished_work_is_frozen_for_its_assessor_and_only_the_officer_reviews_and_signs(team, tmp_path):
    alice, olga = team("alice"), team("olga")
    from app.storage import reviews

    a = alice.create_assessment("art5", "1.0.0")
    alice.finish(a.id, "NOT_IN_SCOPE")
    with _raw(team.url("alice")) as con:
        import psycopg

        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            con.execute("UPDATE assessment SET outcome = 'NO_NOTIFICATION' WHERE id = %s", (a.id,))
    with pytest.raises(PermissionDeniedError):
        alice.mark_signed(a.id, "report.pdf")
    with pytest.raises(PermissionDeniedError):
        reviews.add(alice, a.id, "approved", "I approve my own work")
    reviews.add(olga, a.id, "approved", "Checked the end-user statement")
    report = tmp_path / f"{a.reference}-report.pdf"
    report.write_bytes(b"%PDF-1.4 signed report")
    olga.mark_signed(a.id, str(report))
    assert alice.get(a.id).status == "signed"
    [att] = alice.attachments.list(a.id)  # the whole team sees the signed report
    assert (att.kind, alice.attachments.read_bytes(att)) == ("report", b"%PDF-1.4 signed report")
    # an assessor amends their own signed work: a new draft; finishing it supersedes the old one
    b = alice.amend(a.id, "new end user")
    alice.finish(b.id, "NOTIFY")
    assert alice.get(a.id).status == "amended"
    assert alice.audit.verify().intact


def test_the_auditor_reads_everything_and_writes_nothing(team):
    import psycopg

    alice, audrey = team("alice"), team("audrey")
    a = alice.create_assessment("art5", "1.0.0")
    assert [r[1] for r in audrey.register.rows()] == [a.reference]
    assert audrey.audit.verify().intact
    with pytest.raises(StorageError):
        audrey.create_assessment("art5", "1.0.0")
    with _raw(team.url("audrey")) as con:
        with pytest.raises((psycopg.errors.InsufficientPrivilege, psycopg.errors.ReadOnlySqlTransaction)):
            con.execute("UPDATE assessment SET title = 'x'")
    assert alice.get(a.id).title == ""


def test_only_the_officer_deletes_after_the_retention_period(team):
    import datetime as _dt

    alice, olga = team("alice"), team("olga")
    a = alice.create_assessment("art5", "1.0.0")
    alice.finish(a.id, "NOT_IN_SCOPE")
    after = _dt.date(2100, 1, 1)
    with pytest.raises(PermissionDeniedError, match="only the compliance officer"):
        alice.delete_assessment(a.id, confirmed=True, today=after)
    assert alice.get(a.id).status == "finished"
    olga.delete_assessment(a.id, confirmed=True, today=after, reason="retention over")
    with pytest.raises(KeyError):
        alice.get(a.id)
    assert [e.kind for e in alice.audit.events(a.id)][-1] == "delete" and alice.audit.verify().intact


def test_a_new_persons_password_reaches_the_server_only_hashed(pg_database):
    import psycopg

    from app.storage import team as team_mod
    from tests.helpers import pg

    name, admin = pg_database
    user = f"carla_{uuid.uuid4().hex[:6]}"
    team_mod.init_team(admin, "")
    team_mod.add_member(admin, user, "assessor", password="Korrekt Pferd 42")
    with psycopg.connect(pg.admin_url()) as con:
        stored = con.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (user,)).fetchone()[0]
    assert stored.startswith("SCRAM-SHA-256$") and "Korrekt" not in stored


def test_a_writer_that_holds_the_chain_lock_makes_others_wait_then_say_so(pg_database, monkeypatch):
    import psycopg

    from app.storage import dialect_pg
    from app.storage.store import Store

    _name, url = pg_database
    s = Store.open_url(url)
    a = s.create_assessment("art5", "1.0.0")
    monkeypatch.setattr(dialect_pg, "LOCK_TIMEOUT_MS", 500)
    with psycopg.connect(url) as other:  # another program in the middle of a write
        other.execute(f"SELECT pg_advisory_xact_lock({dialect_pg.CHAIN_LOCK_KEY})")
        with pytest.raises(StorageError, match="busy"):
            s.save_answer(a.id, "item.name", "Netwatch")
    assert s.save_answer(a.id, "item.name", "Netwatch") is True  # the lock died with its transaction
    assert s.audit.verify().intact
    s.close()


def _insert_assessment_sql(status: str, origin: str) -> str:
    return ("INSERT INTO assessment (reference, title, questionnaire_id, questionnaire_version, "
            "questionnaire_sha256, status, current_page, outcome, created_at, updated_at, finished_at, "
            "created_by, uid, product, customer, destination, member_state, retention_until, signed_at, "
            "version_no, origin) VALUES "
            f"('FORGED-1', '', 'art5', '1.0.0', '', '{status}', '', 'NOT_IN_SCOPE', '2026-01-01', '2026-01-01', "
            f"'2026-01-01', current_user, 'forged-uid', '', '', '', '', '2031-12-31', "
            f"{'NULL' if status != 'signed' else chr(39) + '2026-01-01' + chr(39)}, 1, '{origin}') RETURNING id")


@pytest.mark.parametrize("status", ["signed", "finished", "draft"])
def test_an_assessor_cannot_fake_an_imported_record_by_hand(team, status):
    """origin='import' is what `art5 sync` writes for a checked bundle; typed by hand with no
    submission (the bundle with its signed report) beside it, the database refuses it at commit."""
    import psycopg

    alice = team("alice")
    with _raw(team.url("alice")) as con:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="submission"):
            con.execute(_insert_assessment_sql(status, "import"))
            con.commit()
        con.rollback()
        # nor by a submission row in someone else's name or without its bundle
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            [aid] = con.execute(_insert_assessment_sql(status, "import")).fetchone()
            con.execute("INSERT INTO submission (uid, assessment_id, reference, content_sha256, status, source, "
                        "submitted_at, submitted_by, bundle) VALUES ('forged-uid', %s, 'FORGED-1', 'x', 'accepted', "
                        "'', '2026-01-01', current_user, NULL)", (aid,))
            con.commit()
        con.rollback()
    assert alice.register.rows() == []


def test_an_assessor_cannot_turn_a_draft_into_an_import_or_finish_it_without_the_audit_trail(team):
    import psycopg

    alice = team("alice")
    a = alice.create_assessment("art5", "1.0.0")
    with _raw(team.url("alice")) as con:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            con.execute("UPDATE assessment SET origin = 'import' WHERE id = %s", (a.id,))
            con.commit()
        con.rollback()
        # submitting is a status change the audit trail records: without its 'finish' event, refused
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="audit"):
            con.execute("UPDATE assessment SET status = 'finished', outcome = 'NOT_IN_SCOPE' WHERE id = %s", (a.id,))
            con.commit()
        con.rollback()
    assert (alice.get(a.id).status, alice.get(a.id).origin) == ("draft", "")
    alice.finish(a.id, "NOT_IN_SCOPE")  # through the program (with its audit event) it works
    assert alice.get(a.id).status == "finished" and alice.audit.verify().intact


def test_an_assessor_cannot_append_imported_audit_events_to_someone_elses_assessment(team):
    import psycopg

    alice, bob = team("alice"), team("bob")
    a = alice.create_assessment("art5", "1.0.0")
    with _raw(team.url("bob")) as con:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            con.execute("INSERT INTO audit_event (assessment_id, at, actor, kind, origin, prev_hash, hash) "
                        "VALUES (%s, '2026-01-01', %s, 'sign', 'import:{}', '', '')",
                        (a.id, team.users["olga"]))
            con.commit()
        con.rollback()
    assert [e.kind for e in alice.audit.events(a.id)] == ["create"]


def test_an_assessor_cannot_reopen_finished_work_by_two_updates_in_one_transaction(team):
    """Marking one's finished assessment superseded is the one change allowed; it must not open
    the row for a second change in the same transaction (the outcome is what the officer relies on)."""
    import psycopg

    alice = team("alice")
    a = alice.create_assessment("art5", "1.0.0")
    alice.finish(a.id, "NOTIFY")
    with _raw(team.url("alice")) as con:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            con.execute("UPDATE assessment SET status = 'amended' WHERE id = %s", (a.id,))
            con.execute("UPDATE assessment SET status = 'finished', outcome = 'NO_NOTIFICATION' WHERE id = %s",
                        (a.id,))
            con.commit()
        con.rollback()
    assert (alice.get(a.id).status, alice.get(a.id).outcome) == ("finished", "NOTIFY")
