"""Schema migrations with fixture databases, backups and restore, transfer bundles."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from app.storage.backup import BackupError, check_backup, make_backup, restore
from app.transfer.bundle import BundleError, export_bundle, import_bundle
from app.cli.main import main
from app.storage.db import HEAD_REVISION, KNOWN_REVISIONS, auto_backups, prepare_file, run_upgrade
from app.storage.store import Store


# -- one fixture database per past schema version ---------------------------------------------
def _fixture_0001(path: Path) -> None:
    """A register as schema 0001 wrote it: a finished assessment with answers and events."""
    prepare_file(path)
    engine = create_engine(f"sqlite:///{path}")
    run_upgrade(engine, "0001")
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO assessment (id, reference, title, questionnaire_id, questionnaire_version, status, "
                "outcome, created_at, updated_at, finished_at) VALUES (1, 'A-2024-0001', 'Old deal', 'art5', "
                "'1.0.0', 'finished', 'NOTIFY', '2024-05-02T10:00:00+00:00', '2024-05-02T11:00:00+00:00', "
                "'2024-05-02T11:00:00+00:00')")
    answers = {"item.name": "Netwatch", "export.destination_country": "CN", "export.shipment_date": "2025-01-15",
               "parties.list": [{"name": "Acme", "role": "end_user", "country": "CN"}]}
    for qid, value in answers.items():
        con.execute("INSERT INTO answer (assessment_id, question_id, value_json, updated_at) VALUES (1, ?, ?, ?)",
                    (qid, json.dumps(value), "2024-05-02T10:30:00+00:00"))
        con.execute("INSERT INTO audit_event (assessment_id, at, actor, kind, question_id, new_json) "
                    "VALUES (1, '2024-05-02T10:30:00+00:00', 'anna', 'answer', ?, ?)", (qid, json.dumps(value)))
    con.commit()
    con.close()


def _fixture_0002(path: Path) -> None:
    """A register as schema 0002 wrote it (before the profile's telephone and compliance officer,
    issue 13): the 0001 register migrated to 0002."""
    _fixture_0001(path)
    engine = create_engine(f"sqlite:///{path}")
    run_upgrade(engine, "0002")
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO exporter_profile (name, member_state, contact_name, contact_email, updated_at) "
                "VALUES ('Old Exporter', 'DE', 'Anna', 'anna@example.de', '2024-05-02T10:00:00+00:00')")
    con.commit()
    con.close()


def _fixture_0003(path: Path) -> None:
    """A register as schema 0003 left it (the profile's phone and compliance officer, kept drafts)
    before the team register's tables (0010): the 0002 register migrated to 0003, a draft kept."""
    _fixture_0002(path)
    engine = create_engine(f"sqlite:///{path}")
    run_upgrade(engine, "0003")
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE exporter_profile SET phone = '+49 69 1234567', compliance_officer = 'Dr. Anna Beispiel'")
    con.execute("INSERT INTO document_draft (assessment_id, kind, text, updated_at) "
                "VALUES (1, 'notification', 'edited text', '2024-05-03T09:00:00+00:00')")
    con.commit()
    con.close()


def _fixture_0010(path: Path) -> None:
    """A register as schema 0010 left it (the team register's tables) before the team's trusted
    signers (0011): the 0003 register migrated to 0010, with a review of its assessment."""
    _fixture_0003(path)
    engine = create_engine(f"sqlite:///{path}")
    run_upgrade(engine, "0010")
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO review (assessment_id, assessment_uid, decision, comment, reviewer, at) "
                "VALUES (1, '', 'has_issues', 'End user unclear', 'olga', '2024-05-04T09:00:00+00:00')")
    con.commit()
    con.close()


FIXTURES = {"0001": _fixture_0001, "0002": _fixture_0002, "0003": _fixture_0003, "0010": _fixture_0010}


def test_every_past_schema_version_has_a_fixture():
    assert set(FIXTURES) == set(KNOWN_REVISIONS) - {HEAD_REVISION}


@pytest.mark.parametrize("revision", sorted(FIXTURES))
def test_old_register_is_backed_up_and_migrated_without_loss(data_dir, revision):
    FIXTURES[revision](data_dir / "art5.db")
    s = Store.open(data_dir)
    assert s.backup_made is not None and s.backup_made.exists()
    assert check_backup(s.backup_made).revision == revision  # the backup is the old register, intact
    a = s.get(1)
    assert (a.reference, a.status, a.outcome) == ("A-2024-0001", "finished", "NOTIFY")
    assert s.answers(1)["item.name"] == "Netwatch"
    # register columns were filled in from the answers; retention from the export date
    assert (a.product, a.customer, a.destination, a.retention_until) == ("Netwatch", "Acme", "CN", "2030-12-31")
    assert a.uid
    chain = s.audit.verify()
    assert chain.intact and chain.count == 5  # four old events + chain_start
    assert s.audit.events()[-1].kind == "chain_start"
    s.save_answer(s.create_assessment("art5", "1.0.0").id, "item.name", "x")
    assert s.audit.verify().intact


def test_rolling_backups_keep_the_configured_count(data_dir):
    from app.base.settings import Settings
    from app.storage.db import rolling_backup

    Settings(backup_count=3).save(data_dir)
    Store.open(data_dir).close()
    for _ in range(5):
        rolling_backup(data_dir / "art5.db", data_dir / "backups", "interval", keep=3)
    assert len(auto_backups(data_dir / "backups")) == 3


# -- backup and restore -----------------------------------------------------------------------
def test_backup_and_restore_round_trip(data_dir, tmp_path, capsys):
    s = Store.open(data_dir)
    a = s.create_assessment("art5", "1.0.0", title="Before backup")
    s.save_answer(a.id, "item.name", "Netwatch")
    s.close()
    dest = tmp_path / "copy.db"
    assert main(["backup", "--to", str(dest)]) == 0
    s = Store.open(data_dir)
    b = s.create_assessment("art5", "1.0.0", title="After backup")
    s.close()
    assert main(["restore", str(dest)]) == 0
    out = capsys.readouterr().out
    assert "kept in" in out
    s = Store.open(data_dir)
    assert [r[2] for r in s.register.rows()] == ["Before backup"]
    assert s.answers(a.id) == {"item.name": "Netwatch"} and s.audit.verify().intact
    kept = next((data_dir / "backups").glob("art5-replaced-by-restore-*.db"))
    con = sqlite3.connect(kept)
    assert con.execute("SELECT title FROM assessment WHERE id = ?", (b.id,)).fetchone() == ("After backup",)
    con.close()


def test_restore_refuses_a_damaged_or_foreign_file_and_changes_nothing(data_dir, tmp_path):
    s = Store.open(data_dir)
    s.create_assessment("art5", "1.0.0", title="Keep me")
    s.close()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 100)
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    newer = tmp_path / "newer.db"
    make_backup(data_dir, newer)
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    for bad, words in ((junk, "not a database"), (other, "not an Art5 Assessor register"), (newer, "9999")):
        with pytest.raises(BackupError, match=words):
            restore(data_dir, bad)
        assert main(["restore", str(bad)]) == 1
    assert [r[2] for r in Store.open(data_dir).register.rows()] == ["Keep me"]
    assert not list((data_dir / "backups").glob("art5-replaced-*")) if (data_dir / "backups").exists() else True


# -- transfer bundles -------------------------------------------------------------------------
def _signed_pdf(tmp_path: Path, data_dir: Path) -> Path:
    from reportlab.pdfgen import canvas

    from app.signing import sign as signing

    plain = tmp_path / "plain.pdf"
    c = canvas.Canvas(str(plain), pageCompression=0)
    c.drawString(72, 720, "Hello report")
    c.save()
    signing.create_identity(data_dir, "Anna Assessor", "Exporter GmbH", "anna@example.com", "DE", "pass phrase 1")
    out = tmp_path / "signed.pdf"
    signing.sign_pdf(plain, out, data_dir, "pass phrase 1")
    return out


@pytest.fixture
def laptop(tmp_path):
    """The sales engineer's register, with a finished, signed assessment and an attachment."""
    d = tmp_path / "laptop"
    s = Store.open(d)
    a = s.create_assessment("art5", "1.0.0", title="Deal")
    answers = {"item.name": "Netwatch", "export.destination_country": "CN"}
    s.save_answers(a.id, answers)
    from app.assessment import engine
    from app.questionnaire import model as questionnaire
    from app.signing import sign as signing
    from app.assessment.flow import Flow
    from app.assessment.records import report_extras

    qn = questionnaire.find("art5", "1.0.0")
    result = engine.decide(qn, answers)
    s.finish(a.id, result.outcome)
    (d / "reports").mkdir()
    _signed_pdf(tmp_path, tmp_path / "identity")  # makes the identity
    done = s.get(a.id)
    signing.render_signed_report(
        d / "reports" / f"{a.reference}.pdf", tmp_path / "identity", "pass phrase 1", questionnaire=qn,
        answers=Flow(qn, dict(answers)).relevant_answers(), result=result, profile={},
        meta={"reference": done.reference, "title": done.title, "status": done.status}, records=report_extras(s, a.id))
    s.mark_signed(a.id, f"{a.reference}.pdf")
    a = s.get(a.id)
    stmt = tmp_path / "end-user statement.pdf"
    stmt.write_bytes(b"%PDF-1.4 signed statement")
    s.attachments.add(a.id, stmt, "end_user_statement")
    bundle = export_bundle(s, a.id, tmp_path / "deal.zip")
    yield s, a, bundle
    s.close()


def tmp_path_identity(store) -> Path:
    return store.path.parent.parent / "identity"


def test_bundle_round_trip(laptop, data_dir):
    src, a, bundle = laptop
    office = Store.open(data_dir)
    with pytest.raises(BundleError, match="does not trust"):  # the laptop's key is new to the office
        import_bundle(office, bundle)
    from app.signing import sign as signing

    fp = signing.show_identity(tmp_path_identity(src)).fingerprint
    b = import_bundle(office, bundle, trust_signer=fp)
    assert (b.reference, b.status, b.outcome, b.uid) == (a.reference, "signed", a.outcome, a.uid)
    assert office.answers(b.id) == src.answers(a.id)
    att = office.attachments.list(b.id)[0]
    assert office.attachments.path(att).read_bytes() == b"%PDF-1.4 signed statement"
    assert (data_dir / "reports" / f"{a.reference}.pdf").read_bytes() == \
        (src.path.parent / "reports" / f"{a.reference}.pdf").read_bytes()
    kinds = [e.kind for e in office.audit.events(b.id)]
    assert kinds[:2] == ["create", "answer"] and kinds[-1] in ("import", "attach") and "sign" in kinds
    assert office.audit.verify().intact
    with pytest.raises(BundleError, match="already in the register"):
        import_bundle(office, bundle)


def _rewrite(bundle: Path, out: Path, change, fix_manifest: bool) -> Path:
    import hashlib

    with zipfile.ZipFile(bundle) as z:
        files = {n: z.read(n) for n in z.namelist()}
    change(files)
    if fix_manifest:
        m = json.loads(files["manifest.json"])
        m["files"] = {n: {"sha256": hashlib.sha256(b).hexdigest(), "size": len(b)}
                      for n, b in files.items() if n != "manifest.json"}
        files["manifest.json"] = json.dumps(m).encode()
    with zipfile.ZipFile(out, "w") as z:
        for n, b in files.items():
            z.writestr(n, b)
    return out


def test_tampered_bundles_are_refused_with_a_clear_message(laptop, data_dir, tmp_path, capsys):
    _src, a, bundle = laptop

    def answers(files):
        files["answers.json"] = files["answers.json"].replace(b"CN", b"US")

    def report(files):
        name = next(n for n in files if n.startswith("reports/"))
        assert b"ReportLab" in files[name]
        files[name] = files[name].replace(b"ReportLab", b"ReportLob")

    def audit(files):
        assert b'\\"CN\\"' in files["audit.json"]
        files["audit.json"] = files["audit.json"].replace(b'\\"CN\\"', b'\\"US\\"')

    def traversal(files):
        files["../../evil.txt"] = b"x"

    cases = [(answers, False, "does not match its SHA-256"), (report, True, "signature of reports/"),
             (audit, True, "does not match its hash"), (traversal, True, "unsafe file name")]
    for i, (change, fix, words) in enumerate(cases):
        bad = _rewrite(bundle, tmp_path / f"bad{i}.zip", change, fix)
        assert main(["import", str(bad)]) == 1, words
        assert words in capsys.readouterr().err
    assert not (tmp_path / "evil.txt").exists() and not (data_dir.parent / "evil.txt").exists()
    assert Store.open(data_dir).register.rows() == []  # nothing was added
    from app.signing import sign as signing

    fp = signing.show_identity(tmp_path / "identity").fingerprint
    assert main(["import", str(bundle)]) == 1  # the laptop's key is not trusted yet
    assert "--trust-signer" in capsys.readouterr().err
    assert main(["import", str(bundle), "--trust-signer", fp]) == 0
    assert main(["import", str(bundle)]) == 1
    assert "already in the register" in capsys.readouterr().err


# -- a register without a data folder (the team register on PostgreSQL) ------------------------
def _pathless(store: Store) -> Store:
    """The same register as a Store with no data folder, as the team register is opened
    (Store.open_url): no reports/ folder and no trusted-signers file beside it."""
    return Store(store.engine, None, store.clock, store.actor)


def _bundle_of_a_finished_assessment(data_dir: Path, tmp_path: Path) -> tuple[Store, int, Path]:
    s = Store.open(data_dir)
    a = s.create_assessment("art5", "1.1.0", "", "to transfer", answers={"item.name": "NetWatch"})
    s.finish(a.id, "NOTIFY")
    return s, a.id, export_bundle(s, a.id, tmp_path / "bundle.zip")


def test_a_register_without_a_data_folder_refuses_a_bundle_with_a_clear_message(data_dir, tmp_path):
    """Export and import of transfer bundles need the data folder (reports/ and the trusted
    signers); on a register without one both stop with a message saying so, not with
    "'NoneType' object has no attribute 'parent'"."""
    from app.transfer.bundle import collect_bundle

    s, aid, bundle = _bundle_of_a_finished_assessment(data_dir, tmp_path)
    team = _pathless(s)
    with pytest.raises(BundleError, match="laptop's register") as exc:
        collect_bundle(team, aid)
    assert "nothing was written" in exc.value.message.lower()
    with pytest.raises(BundleError, match="art5 sync") as exc:
        import_bundle(team, bundle)
    assert "nothing was imported" in exc.value.message
    s.close()


def test_the_team_register_refuses_a_bundle_with_a_clear_message(pg_database, data_dir, tmp_path):
    from app.transfer.bundle import collect_bundle

    s, aid, bundle = _bundle_of_a_finished_assessment(data_dir, tmp_path)
    s.close()
    team = Store.open_url(pg_database[1])
    try:
        a = team.create_assessment("art5", "1.1.0", "", "on the team register")
        with pytest.raises(BundleError, match="laptop's register"):
            collect_bundle(team, a.id)
        with pytest.raises(BundleError, match="art5 sync"):
            import_bundle(team, bundle)
    finally:
        team.close()
