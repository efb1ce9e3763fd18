"""`art5 audit verify` on the team register checks what it checks on a laptop: the chain, then
the chain against the anchors of the signed reports (kept in the database there). Someone with
the server's superuser rights who edits an answer's event and recomputes every hash is caught
by the signed report."""

from __future__ import annotations

import uuid

import pytest

from app.cli.main import main
from app.storage.store import Store
from reliability_helpers import PASSPHRASE, make_signed_report


@pytest.fixture
def signed_on_team(pg_database, tmp_path, monkeypatch):
    """A team register with one assessment finished by an assessor and signed by the officer."""
    from app.assessment import engine
    from app.questionnaire import model as questionnaire
    from app.signing import sign as signing
    from app.storage import team as team_mod
    from tests.helpers import pg

    name, admin = pg_database
    tag = uuid.uuid4().hex[:6]
    team_mod.init_team(admin, f"olga_{tag}")
    team_mod.add_member(admin, f"alice_{tag}", "assessor")
    url = {who: pg.with_database(pg.admin_url(), name, user=f"{who}_{tag}") for who in ("olga", "alice")}
    monkeypatch.delenv("ART5_DATABASE_URL", raising=False)
    alice = Store.open_url(url["alice"])
    a = alice.create_assessment("art5", "1.0.0", title="Netwatch to Dubai")
    answers = {"export.member_state": "DE", "item.annex_i_listed": "no"}
    alice.save_answers(a.id, answers)
    alice.finish(a.id, engine.decide(questionnaire.find("art5", "1.0.0"), answers).outcome)
    alice.close()
    ident = tmp_path / "olga"
    signing.create_identity(ident, "Olga Officer", "Exporter GmbH", "olga@example.com", "DE", PASSPHRASE)
    olga = Store.open_url(url["olga"])
    report = make_signed_report(olga, a.id, ident, tmp_path / f"{a.reference}.pdf")
    olga.mark_signed(a.id, str(report))
    olga.close()
    return url, admin, a


def _recompute_in_place(admin: str, question: str, value: str) -> None:
    """What the server's superuser can do: triggers off, one event's value changed, every hash
    after it recomputed so that the chain alone looks intact."""
    import psycopg

    from app.storage.audit import FIELDS, GENESIS, event_hash

    cols = (*FIELDS, "prev_hash", "hash")
    with psycopg.connect(admin.replace("postgresql+psycopg://", "postgresql://")) as con:
        con.execute("SET session_replication_role = replica")
        rows = [dict(zip(cols, r)) for r in con.execute(f"SELECT {', '.join(cols)} FROM audit_event ORDER BY id")]
        prev = GENESIS
        for ev in rows:
            if ev["question_id"] == question:
                ev["new_json"] = value
            ev["prev_hash"] = prev
            ev["hash"] = prev = event_hash(prev, ev)
            con.execute("UPDATE audit_event SET new_json = %s, prev_hash = %s, hash = %s WHERE id = %s",
                        (ev["new_json"], ev["prev_hash"], ev["hash"], ev["id"]))
        con.commit()


def test_audit_verify_on_the_team_register_checks_the_signed_reports_anchors(signed_on_team, capsys):
    url, admin, a = signed_on_team
    assert main(["--database", url["alice"], "audit", "verify"]) == 0
    assert "matches the anchors in 1 signed report" in capsys.readouterr().out

    _recompute_in_place(admin, "item.annex_i_listed", '"yes"')
    s = Store.open_url(url["alice"])
    assert s.audit.verify().intact  # the chain alone no longer tells
    s.close()
    assert main(["--database", url["alice"], "audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "does NOT match the signed report" in out and a.reference in out, out


def test_a_signed_report_changed_in_the_team_register_fails_verify(signed_on_team, capsys):
    import psycopg

    url, admin, a = signed_on_team
    with psycopg.connect(admin) as con:
        con.execute("SET session_replication_role = replica")
        con.execute("UPDATE attachment_blob SET data = data || '\\x0a'::bytea")
    assert main(["--database", url["alice"], "audit", "verify"]) == 1
    assert "the stored report was changed" in capsys.readouterr().out
