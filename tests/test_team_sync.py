"""The team register from the command line, and `art5 sync` from a laptop: finished work goes
up as immutable submissions with its audit chain, products come down, and the same assessment
changed on two machines is a conflict, never merged."""

from __future__ import annotations

import uuid

import pytest

from app.cli.main import main
from app.storage.store import Store


def test_password_in_a_command_line_url_is_refused(capsys, data_dir):
    assert main(["--database", "postgresql://olga:secret@db.example/art5", "records", "list"]) == 2
    err = capsys.readouterr().err
    assert "a password in the URL is refused" in err and "secret" not in err and "***" in err
    assert not (data_dir / "art5.db").exists()


def test_url_with_unknown_sslmode_is_refused(capsys):
    assert main(["--database", "postgresql://olga@db.example/art5?sslmode=maybe", "records", "list"]) == 2
    assert "sslmode=maybe is not one of libpq's modes" in capsys.readouterr().err


@pytest.fixture
def team_cli(pg_database, monkeypatch):
    """`art5 team init` and `team add-user` run as the database's owner, then URLs per person."""
    from tests.helpers import pg

    name, admin = pg_database
    tag = uuid.uuid4().hex[:6]
    monkeypatch.delenv("ART5_NEW_USER_PASSWORD", raising=False)
    assert main(["--database", admin, "team", "init", "--officer", f"olga_{tag}"]) == 0
    for who, role in (("alice", "assessor"), ("bob", "assessor")):
        assert main(["--database", admin, "team", "add-user", f"{who}_{tag}", "--role", role]) == 0
    monkeypatch.delenv("ART5_DATABASE_URL", raising=False)
    return lambda who: pg.with_database(pg.admin_url(), name, user=f"{who}_{tag}")


def test_init_review_and_followup_from_the_command_line(team_cli, capsys, monkeypatch):
    alice = Store.open_url(team_cli("alice"))
    a = alice.create_assessment("art5", "1.0.0")
    alice.save_answers(a.id, {"export.member_state": "DE", "item.name": "Netwatch"})
    alice.finish(a.id, "NOTIFY")
    alice.close()
    capsys.readouterr()
    assert main(["--database", team_cli("alice"), "team", "whoami"]) == 0
    assert "assessor" in capsys.readouterr().out
    assert main(["--database", team_cli("alice"), "review", "--id", str(a.id), "--decision", "approved"]) == 2
    assert "may not make this change" in capsys.readouterr().err
    assert main(["--database", team_cli("olga"), "review", "--id", str(a.id), "--decision", "rejected",
                 "--comment", "End user statement missing"]) == 0
    assert "rejected    olga_" in capsys.readouterr().out
    assert main(["--database", team_cli("alice"), "followup", "sent", "--id", str(a.id), "--date",
                 "2026-11-20", "--channel", "portal", "--ref", "ELAN 4711"]) == 0
    assert "waiting for BAFA for" in capsys.readouterr().out
    assert main(["--database", team_cli("bob"), "followup", "list"]) == 0
    assert "SHIPMENT ON HOLD" in capsys.readouterr().out
    assert main(["--database", team_cli("bob"), "followup", "hold", "--id", str(a.id), "--off",
                 "--note", "mine now"]) == 2  # not Bob's assessment
    assert main(["--database", team_cli("alice"), "followup", "shipped", "--id", str(a.id)]) == 2
    assert "on hold" in capsys.readouterr().err


def _finished_on_laptop(folder, title, answers, outcome="NOT_IN_SCOPE"):
    s = Store.open(folder)
    a = s.create_assessment("art5", "1.0.0", title=title)
    s.save_answers(a.id, answers)
    s.finish(a.id, outcome)
    return s, a


def test_sync_pushes_finished_work_and_shows_a_conflict(team_cli, tmp_path, capsys):
    from app.transfer import bundle
    from app.transfer.sync import sync

    laptop, a = _finished_on_laptop(tmp_path / "laptop1", "Deal", {"item.name": "Netwatch", "export.destination_country": "CN"})
    draft = laptop.create_assessment("art5", "1.0.0", title="not finished")
    # the same assessment went to a second laptop as a draft and was finished differently there
    shared = laptop.create_assessment("art5", "1.0.0", title="shared")
    laptop.save_answer(shared.id, "item.name", "Probe")
    bundle.export_bundle(laptop, shared.id, tmp_path / "shared.zip")
    laptop2 = Store.open(tmp_path / "laptop2")
    other = bundle.import_bundle(laptop2, tmp_path / "shared.zip")
    laptop.save_answer(shared.id, "export.destination_country", "US")
    laptop.finish(shared.id, "NO_NOTIFICATION")
    laptop2.save_answer(other.id, "export.destination_country", "RU")
    laptop2.finish(other.id, "NOTIFY")

    team = Store.open_url(team_cli("alice"))
    r1 = sync(laptop, team)
    assert sorted(r1.pushed) == sorted([a.reference, shared.reference]) and not r1.conflicts
    assert team.get_by_uid(draft.uid) is None  # drafts stay on the laptop
    again = sync(laptop, team)
    assert again.pushed == [] and len(again.unchanged) == 2
    r2 = sync(laptop2, Store.open_url(team_cli("bob")))
    assert r2.pushed == [] and len(r2.conflicts) == 1
    line = r2.conflicts[0].line()
    assert "CONFLICT" in line and "nothing was merged" in line
    on_team = team.get_by_uid(shared.uid)
    assert (on_team.outcome, team.answers(on_team.id)["export.destination_country"]) == ("NO_NOTIFICATION", "US")
    from app.storage.models_team import Submission
    from sqlmodel import select

    with team.session() as s:
        subs = s.exec(select(Submission).where(Submission.uid == shared.uid).order_by(Submission.id)).all()
    assert [x.status for x in subs] == ["accepted", "conflict"] and all(x.bundle for x in subs)
    assert team.audit.verify().intact
    # the laptop's audit events travelled with their origin
    # (the origin names the event's identity in the register it came from: its uid among others)
    import json as _json

    assert any(e.origin.startswith("import:") and _json.loads(e.origin[len("import:"):])["uid"] == a.uid
               and e.kind == "finish" for e in team.audit.events(team.get_by_uid(a.uid).id))
    # the CLI says so and exits 1 when there is a conflict
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "laptop2"), "sync", "--to", team_cli("bob")]) == 1
    assert "CONFLICT" in capsys.readouterr().out


def test_sync_pulls_the_product_library_without_overwriting_local_changes(team_cli, tmp_path):
    from app.transfer.sync import sync

    team = Store.open_url(team_cli("alice"))
    team.products.save("Netwatch 5", {"item.name": "Netwatch", "item.version": "5"})
    team.products.save("Probe", {"item.name": "Probe"})
    laptop = Store.open(tmp_path / "laptop")
    laptop.products.save("Probe", {"item.name": "Probe", "item.covert": "yes"})  # changed here
    r = sync(laptop, team)
    assert r.products_pulled == ["Netwatch 5"] and r.product_conflicts == ["Probe"]
    names = {p.name: p for p in laptop.products.list()}
    assert laptop.products.answers(names["Netwatch 5"].id)[2] == {"item.name": "Netwatch", "item.version": "5"}
    assert laptop.products.answers(names["Probe"].id)[2]["item.covert"] == "yes"


def test_backup_of_the_team_register_is_a_private_pg_dump_that_restores(team_cli, tmp_path, capsys):
    import os
    import subprocess

    from app.storage.backup_pg import _tool
    from tests.helpers import pg

    alice = Store.open_url(team_cli("alice"))
    a = alice.create_assessment("art5", "1.0.0", title="Kunde 北京 / عميل")
    alice.save_answer(a.id, "item.name", "Netwatch")
    alice.close()
    dest = tmp_path / "team.dump"
    assert main(["--database", team_cli("olga"), "backup", "--to", str(dest)]) == 0
    assert oct(os.stat(dest).st_mode & 0o777) == "0o600"
    name = pg.new_database()
    try:
        pg.admin_execute(f"DROP DATABASE {name}")
        pg.admin_execute(f"CREATE DATABASE {name}")
        r = subprocess.run([_tool("pg_restore"), "--no-owner", "-d", pg.with_database(pg.admin_url(), name), str(dest)],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        restored = Store.open_url(pg.with_database(pg.admin_url(), name))
        assert restored.get(a.id).title == "Kunde 北京 / عميل"
        assert restored.answers(a.id) == {"item.name": "Netwatch"} and restored.audit.verify().intact
        restored.close()
    finally:
        pg.drop_database(name)


def test_team_commands_say_plainly_when_the_server_or_the_rights_are_missing(team_cli, capsys):
    assert main(["--database", "postgresql://olga@127.0.0.1:1/art5", "team", "init", "--officer", "olga"]) == 2
    err = capsys.readouterr().err
    assert "cannot set up the team register" in err and "Traceback" not in err
    assert main(["--database", "postgresql://olga@127.0.0.1:1/art5", "records", "list"]) == 2
    assert "cannot open the team register" in capsys.readouterr().err
    # an assessor cannot make themselves officer or change the rules
    assert main(["--database", team_cli("alice"), "team", "add-user", "mallory", "--role", "officer"]) == 2
    assert "run this as the database's owner" in capsys.readouterr().err
    assert main(["--database", team_cli("alice"), "team", "upgrade"]) == 2
    assert "run this as the database's owner" in capsys.readouterr().err


def test_signing_after_a_push_is_an_update_for_the_officer_not_a_conflict(team_cli, tmp_path):
    from app.transfer.sync import sync

    laptop, a = _finished_on_laptop(tmp_path / "laptop", "Deal", {"item.name": "Netwatch"})
    team = Store.open_url(team_cli("alice"))
    assert sync(laptop, team).pushed == [a.reference]
    laptop.mark_signed(a.id, "")
    r = sync(laptop, team)
    assert not r.conflicts and len(r.updates) == 1 and "signed on the laptop after it was pushed" in r.updates[0]
    assert team.get_by_uid(a.uid).status == "finished"  # the team's record is not changed by a laptop
    again = sync(laptop, team)
    assert not again.updates and not again.conflicts and again.unchanged == [a.reference]
    # an amendment finished on the laptop: the old version is amended (an update), the new one pushed
    b = laptop.amend(a.id, "end user changed")
    laptop.save_answer(b.id, "export.destination_country", "AE")
    laptop.finish(b.id, "NOTIFY")
    r = sync(laptop, team)
    assert r.pushed == [b.reference] and len(r.updates) == 1 and not r.conflicts


def test_an_amended_history_never_pushed_before_goes_up_whole(team_cli, tmp_path):
    from app.transfer.sync import sync

    laptop, a = _finished_on_laptop(tmp_path / "laptop", "Deal", {"item.name": "Netwatch"})
    b = laptop.amend(a.id, "new end user")
    laptop.finish(b.id, "NOTIFY")
    team = Store.open_url(team_cli("bob"))
    r = sync(laptop, team)
    assert sorted(r.pushed) == sorted([a.reference, b.reference]) and not r.conflicts
    assert (team.get_by_uid(a.uid).status, team.get_by_uid(b.uid).status) == ("amended", "finished")
    assert team.audit.verify().intact


def test_bundles_to_and_from_the_team_register_go_through_sync(team_cli, tmp_path, capsys):
    alice = Store.open_url(team_cli("alice"))
    a = alice.create_assessment("art5", "1.0.0")
    alice.close()
    assert main(["--database", team_cli("alice"), "export", "--id", str(a.id), "--to", str(tmp_path / "x.zip")]) == 2
    assert "written from a laptop's register" in capsys.readouterr().err and not (tmp_path / "x.zip").exists()
    (tmp_path / "y.zip").write_bytes(b"PK")
    assert main(["--database", team_cli("alice"), "import", str(tmp_path / "y.zip")]) == 2
    assert "art5 sync" in capsys.readouterr().err


def test_a_database_that_is_not_an_art5_register_is_left_untouched(pg_database, capsys, monkeypatch):
    from tests.helpers import pg

    name, admin = pg_database
    other = pg.new_database()
    try:
        pg.admin_execute(f"DROP DATABASE {other}")
        pg.admin_execute(f"CREATE DATABASE {other}")
        pg.admin_execute("CREATE TABLE invoices (id int)", database=other)
        monkeypatch.setenv("ART5_DATABASE_URL", pg.with_database(pg.admin_url(), other))
        assert main(["records", "list"]) == 2
        assert "holds other tables" in capsys.readouterr().err
        monkeypatch.setenv("ART5_DATABASE_URL", "postgresql://nobody@127.0.0.1:55432/")
        assert main(["records", "list"]) == 2
        assert "names no database" in capsys.readouterr().err
    finally:
        pg.drop_database(other)


FP_OLGA = ":".join(["AB"] * 32)
FP_OTHER = ":".join(["CD"] * 32)
FP_LOCAL = ":".join(["EF"] * 32)


def test_the_team_trusts_signers_the_officer_adds_and_sync_copies_them_to_the_laptop(team_cli, tmp_path, capsys):
    import psycopg

    from app.signing import trust
    from app.transfer.sync import sync

    # an assessor cannot add one, neither through the program nor by hand
    assert main(["--database", team_cli("alice"), "team", "trust", "add", FP_OTHER, "--name", "Mallory"]) == 2
    assert "may not make this change" in capsys.readouterr().err
    with psycopg.connect(team_cli("alice")) as con:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            con.execute("INSERT INTO team_signer (fingerprint, name, added_at, added_by) "
                        "VALUES (%s, 'Mallory', '2026-01-01', current_user)", (FP_OTHER,))
    # the officer adds one (written as 'art5 verify' prints it, without colons here)
    assert main(["--database", team_cli("olga"), "team", "trust", "add", FP_OLGA.replace(":", "").lower(),
                 "--name", "Olga Officer"]) == 0
    assert "added: Olga Officer " + FP_OLGA in capsys.readouterr().out
    assert main(["--database", team_cli("bob"), "team", "trust", "list"]) == 0
    assert FP_OLGA in capsys.readouterr().out

    laptop = Store.open(tmp_path / "laptop")
    trust.add(tmp_path / "laptop", FP_LOCAL, "Lars Laptop")
    team = Store.open_url(team_cli("alice"))
    r = sync(laptop, team)
    assert [e.fingerprint for e in trust.load(tmp_path / "laptop")] == [FP_LOCAL, FP_OLGA]
    assert r.signers_pulled and not r.failed
    assert any(line.startswith("trusted signers: 1 added") for line in r.lines())
    assert not sync(laptop, team).signers_pulled  # already there: nothing to do
    team.close()
    laptop.close()


def test_a_team_signer_with_another_key_than_the_laptops_is_a_conflict_not_a_replacement(team_cli, tmp_path, capsys):
    from app.signing import trust

    folder = tmp_path / "laptop"
    Store.open(folder).close()
    trust.add(folder, FP_OTHER, "Olga Officer")  # the laptop trusts another certificate for Olga
    assert main(["--database", team_cli("olga"), "team", "trust", "add", FP_OLGA, "--name", "olga officer"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "sync", "--to", team_cli("alice")]) == 1
    out = capsys.readouterr().out
    assert "CONFLICT trusted signer olga officer" in out and FP_OLGA in out and FP_OTHER in out
    assert [(e.fingerprint, e.name) for e in trust.load(folder)] == [(FP_OTHER, "Olga Officer")]
