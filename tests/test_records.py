"""The register: retention, deletion refusal, the audit hash chain, amendments, product
profiles, questionnaire-version moves, attachments."""

from __future__ import annotations

import datetime as _dt
import json
import sqlite3
from pathlib import Path

import pytest

from app.assessment import records
from app.storage import retention
from app.storage import StorageError
from app.storage.store import RetentionError, Store

ROOT = Path(__file__).resolve().parent.parent


def _clock(y, m, d):
    return lambda: _dt.datetime(y, m, d, 12, 0, tzinfo=_dt.timezone.utc)


# -- retention ---------------------------------------------------------------------------------
@pytest.mark.parametrize("export, assessed, expected", [
    ("2026-03-01", "2026-11-23", "2031-12-31"),   # end of the export's year + 5 years
    ("2026-12-31", "2026-01-05", "2031-12-31"),
    ("2027-01-01", "2026-11-23", "2032-12-31"),   # an export next year counts from next year
    (None, "2025-06-30", "2030-12-31"),           # no export date: the assessment's year
])
def test_retention_is_five_years_from_the_end_of_the_calendar_year(export, assessed, expected):
    assert retention.retention_until(export, assessed, "DE").isoformat() == expected


def test_national_rule_lengthens_retention_but_never_shortens_it(tmp_path):
    ref = tmp_path / "ref"
    ref.mkdir()
    (ref / "retention_rules.yaml").write_text(
        "id: retention_rules\nversion: '9'\ndate: '2026-01-01'\ndefault_years: 5\n"
        "items:\n  - {value: XA, years: 10}\n  - {value: XB, years: 3}\n", encoding="utf-8")
    rules = retention.load_rules(ref)
    assert retention.retention_until("2026-05-01", None, "XA", rules) == _dt.date(2036, 12, 31)
    assert retention.retention_until("2026-05-01", None, "xb", rules) == _dt.date(2031, 12, 31)
    assert retention.retention_until("2026-05-01", None, "DE", rules) == _dt.date(2031, 12, 31)


def test_shipped_retention_rules_are_the_eu_minimum_with_a_source():
    rules = retention.load_rules()
    assert rules.default_years == 5 and rules.national == {}


def test_register_columns_follow_the_answers(open_store, tamper):
    s = open_store(clock=_clock(2026, 11, 23))
    a = s.create_assessment("art5", "1.0.0")
    assert s.get(a.id).retention_until == "2031-12-31"
    s.save_answer(a.id, "export.shipment_date", "2027-02-01")
    s.save_answer(a.id, "item.name", "Netwatch")
    s.save_answer(a.id, "parties.list", [{"name": "Shop", "role": "distributor_reseller", "country": "CN"},
                                         {"name": "Acme", "role": "end_user", "country": "CN"}])
    got = s.get(a.id)
    assert (got.retention_until, got.product, got.customer) == ("2032-12-31", "Netwatch", "Acme")
    assert [r[1] for r in s.register.rows(search="acme")] == [a.reference]
    assert s.register.rows(search="acme nothing") == []


# -- deletion --------------------------------------------------------------------------------
def test_finished_record_cannot_be_deleted_inside_retention(open_store, tamper):
    s = open_store(clock=_clock(2026, 11, 23))
    a = s.create_assessment("art5", "1.0.0")
    s.finish(a.id, "NOT_IN_SCOPE")
    with pytest.raises(RetentionError, match="must be kept until 2031-12-31"):
        s.delete_assessment(a.id, confirmed=True, today=_dt.date(2031, 12, 31))
    assert s.get(a.id).status == "finished"
    with pytest.raises(StorageError, match="needs confirmation"):
        s.delete_assessment(a.id, confirmed=False, today=_dt.date(2032, 1, 1))
    s.delete_assessment(a.id, confirmed=True, today=_dt.date(2032, 1, 1), reason="retention over")
    with pytest.raises(KeyError):
        s.get(a.id)
    kinds = [e.kind for e in s.audit.events(a.id)]
    assert kinds[-1] == "delete" and s.audit.verify().intact


def test_draft_discard_is_logged(open_store, tamper):
    s = open_store()
    a = s.create_assessment("art5", "1.0.0")
    s.discard_draft(a.id, "typo")
    ev = s.audit.events(a.id)[-1]
    assert (ev.kind, ev.reason) == ("discard", "typo")


def test_cli_refuses_deletion_inside_retention(open_store):
    from app.cli.main import main

    cli = ["--database", open_store.url] if open_store.url else []
    s = open_store()
    a = s.create_assessment("art5", "1.0.0")
    s.finish(a.id, "NOT_IN_SCOPE")
    s.close()
    assert main([*cli, "records", "delete", "--id", str(a.id), "--yes"]) == 1
    assert open_store().get(a.id).status == "finished"


# -- hash chain ------------------------------------------------------------------------------
def test_edit_behind_the_programs_back_is_detected(open_store, tamper, capsys):
    from app.cli.main import main

    cli = ["--database", open_store.url] if open_store.url else []
    s = open_store()
    a = s.create_assessment("art5", "1.0.0")
    s.save_answer(a.id, "export.destination_country", "CN")
    s.save_answer(a.id, "export.destination_country", "US")
    s.save_answer(a.id, "item.name", "Netwatch")
    target = next(e.id for e in s.audit.events(a.id) if e.new_json == '"US"')
    s.close()
    assert main([*cli, "audit", "verify"]) == 0
    assert "intact" in capsys.readouterr().out
    tamper(f"UPDATE audit_event SET new_json = '\"DE\"' WHERE id = {int(target)}")
    assert main([*cli, "audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert f"broken at event {target}" in out and "edited" in out


def test_deleted_event_is_detected(open_store, tamper):
    s = open_store()
    a = s.create_assessment("art5", "1.0.0")
    for v in ("a", "b", "c"):
        s.save_answer(a.id, "item.name", v)
    ids = [e.id for e in s.audit.events()]
    s.close()
    tamper(f"DELETE FROM audit_event WHERE id = {int(ids[1])}")
    report = open_store().audit.verify()
    assert not report.intact and report.broken_id == ids[2]


# -- amendments ------------------------------------------------------------------------------
def test_amendment_keeps_the_old_version(open_store, tamper):
    s = open_store()
    a = s.create_assessment("art5", "1.0.0")
    s.save_answer(a.id, "item.name", "Netwatch")
    s.finish(a.id, "NOTIFY")
    with pytest.raises(ValueError, match="reason"):
        s.amend(a.id, " ")
    b = s.amend(a.id, "end user changed")
    assert b.reference == f"{a.reference}-v2" and b.status == "draft" and b.parent_id == a.id
    with pytest.raises(StorageError, match="already has a newer version"):
        s.amend(a.id, "again")
    s.save_answer(b.id, "item.name", "Netwatch 5")
    assert s.answers(a.id) == {"item.name": "Netwatch"}  # the old version did not change
    assert s.get(a.id).status == "finished"
    s.finish(b.id, "NOT_IN_SCOPE")
    old = s.get(a.id)
    assert (old.status, old.superseded_by, old.outcome) == ("amended", b.id, "NOTIFY")
    versions = s.versions(b.id)
    assert [(v.reference, v.status) for v in versions] == [(a.reference, "amended"), (b.reference, "finished")]
    assert versions[1].amendment_reason == "end user changed"
    assert s.audit.verify().intact


# -- product library and questionnaire versions ----------------------------------------------
def test_product_profile_versions_and_start_from_profile(open_store, tamper):
    from app.questionnaire import model as questionnaire

    s = open_store()
    qn = questionnaire.latest("art5")
    src = s.create_assessment("art5", qn.version)
    s.save_answers(src.id, {"item.name": "Netwatch", "item.annex_i_listed": "no",
                            "export.destination_country": "CN"})
    p, v = records.profile_from_assessment(s, src.id, "Netwatch")
    assert v == 1
    assert records.profile_from_assessment(s, src.id, "Netwatch")[1] == 1  # unchanged: no new version
    s.save_answer(src.id, "item.covert", "yes")
    assert records.profile_from_assessment(s, src.id, "Netwatch")[1] == 2
    assert [x.version for x in s.products.versions(p.id)] == [1, 2]
    new = records.start_from_profile(s, qn, p.id, version=1)
    assert s.answers(new.id) == {"item.name": "Netwatch", "item.annex_i_listed": "no"}
    assert (new.product_profile_id, new.product_profile_version) == (p.id, 1)


def test_draft_moves_to_a_new_questionnaire_version_only_when_asked(open_store, tamper, tmp_path):
    import yaml

    from app.questionnaire import model as questionnaire

    qdir = tmp_path / "q"
    qdir.mkdir()
    raw = yaml.safe_load((ROOT / "questionnaires" / "art5-1.0.0.yaml").read_text(encoding="utf-8"))
    (qdir / "art5-1.0.0.yaml").write_text(yaml.safe_dump(raw), encoding="utf-8")
    raw["version"] = "1.1.0"
    for page in raw["pages"]:
        for q in page.get("questions", []):
            if q["id"] == "item.type":
                q["choices"] = [c for c in q["choices"] if c["value"] != q["choices"][0]["value"]]
    (qdir / "art5-1.1.0.yaml").write_text(yaml.safe_dump(raw), encoding="utf-8")
    old = questionnaire.find("art5", "1.0.0", qdir)
    first_choice = old.question("item.type").choice_values()[0]
    s = open_store()
    a = s.create_assessment("art5", "1.0.0", old.sha256)
    s.save_answers(a.id, {"item.type": first_choice, "item.name": "Netwatch"})
    preview = records.migrate_draft(s, a.id, qdir)
    assert s.get(a.id).questionnaire_version == "1.0.0"  # a preview changes nothing
    assert list(preview.dropped) == ["item.type"] and "item.name" in preview.kept
    assert "item.type" in preview.changed_questions or "item.type" in preview.dropped
    records.migrate_draft(s, a.id, qdir, apply=True)
    assert s.get(a.id).questionnaire_version == "1.1.0"
    assert s.answers(a.id) == {"item.name": "Netwatch"}
    assert s.audit.events(a.id)[-1].kind == "questionnaire_version"


# -- attachments -----------------------------------------------------------------------------
def test_attachment_is_stored_privately_with_its_hash(open_store, tamper, tmp_path):
    import hashlib
    import os

    s = open_store()
    a = s.create_assessment("art5", "1.0.0")
    f = tmp_path / "datasheet v2.pdf"
    f.write_bytes(b"%PDF-1.4 datasheet")
    att = s.attachments.add(a.id, f, "datasheet", "from the vendor")
    stored = s.attachments.path(att)
    assert stored.read_bytes() == b"%PDF-1.4 datasheet"
    assert att.sha256 == hashlib.sha256(b"%PDF-1.4 datasheet").hexdigest()
    assert oct(os.stat(stored).st_mode & 0o777) == "0o600"
    assert records.report_extras(s, a.id)["attachments"][0]["filename"] == "datasheet v2.pdf"
    assert s.audit.events(a.id)[-1].kind == "attach"
    with pytest.raises(ValueError):
        s.attachments.add(a.id, f, "holiday photos")


def test_a_duplicate_keeps_the_product_and_parties_but_not_the_deal_or_its_export_date(tmp_path):
    """Duplicating last year's deal for a new order: the dates, quantity and value belong to the
    old deal. The actual export date above all: kept, it would date the new record's retention
    from the old export (shorter than the law asks) and state an export that has not happened."""
    from app.assessment.session import AssessmentSession
    from app.questionnaire import model as questionnaire
    from tests.helpers.answer_sets import NOTIFY_DE_TO_CN_COMPLETE

    store = Store.open(tmp_path)
    qn = questionnaire.find("art5", "1.1.0")
    s = AssessmentSession.new(store, qn, "Order 1")
    for qid, value in {**NOTIFY_DE_TO_CN_COMPLETE, "export.contract_date": "2025-01-10",
                       "export.actual_export_date": "2025-02-01"}.items():
        s.answer(qid, value)
    copy = records.duplicate(store, s.assessment_id)
    answers = store.answers(copy.id)
    for gone in ("export.contract_date", "export.shipment_date", "export.actual_export_date",
                 "export.quantity", "export.value"):
        assert gone not in answers, gone
    assert answers["item.name"] == "NetWatch 5"
    assert answers["parties.list"] == store.answers(s.assessment_id)["parties.list"]
    assert store.get(s.assessment_id).retention_until == "2030-12-31"  # from the 2025 export
    assert copy.retention_until >= "2031-12-31"  # from this year's assessment until its export is known
    store.close()
