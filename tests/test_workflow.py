"""One workflow for every front end (app.assessment.workflow, app.signing.report): the wizard's
session and ``art5 assess`` gather the same report inputs, finish the same way and are refused
a signature on the same grounds. Without Qt."""

from __future__ import annotations

import argparse
import json

import pytest

from app.assessment import engine, workflow
from app.assessment.answers_file import AnswersFile
from app.assessment.session import AssessmentSession
from app.questionnaire import model as questionnaire
from app.signing import sign as signing
from app.signing.report import write_report
from app.storage.store import Store

from helpers.answer_sets import NOTIFY_DE_TO_CN, NOTIFY_DE_TO_CN_COMPLETE

PASS = "correct horse battery"
PROFILE = {"name": "Example Exporter GmbH", "address": "Hauptstr. 1, Berlin", "eori": "DE123",
           "member_state": "DE", "contact_name": "Jana Nováková", "contact_email": "jana@example.com",
           "phone": "+49 30 123456", "compliance_officer": "Dr. Erika Muster"}


@pytest.fixture
def qn():
    return questionnaire.latest("art5")


@pytest.fixture
def store(data_dir):
    s = Store.open(data_dir)
    s.save_profile(**PROFILE)
    yield s
    s.close()


def _args(data_dir, no_save=False):
    return argparse.Namespace(data_dir=str(data_dir), database=None, no_save=no_save)


def _comparable(inputs: workflow.ReportInputs) -> str:
    meta = {k: v for k, v in inputs.meta.items() if k != "generated_at"}  # the clock moves on
    return json.dumps({"answers": inputs.answers, "result": inputs.result.to_dict(), "profile": inputs.profile,
                       "meta": meta, "records": inputs.records, "questionnaire": inputs.questionnaire.sha256},
                      sort_keys=True, default=str)


def test_report_inputs_are_the_same_for_art5_assess_and_the_wizard(qn, store, data_dir):
    """What `art5 assess` saves and writes its report from is what the wizard, resuming that
    record, writes its report, notification and end-user statement from: the answers that
    apply, the whole exporter profile (phone and compliance officer too), the record and its
    audit summary."""
    from app.cli.records import save_headless

    # an answer to a question that does not apply (item.annex_i_listed is "no"), as a changed
    # answer leaves behind: no document shows it
    answers = {**NOTIFY_DE_TO_CN_COMPLETE, "item.annex_i_entry": "5A001.j"}
    result = engine.decide(qn, answers)
    af = AnswersFile(questionnaire=qn, answers=answers, extra={"title": "NetWatch to CN"})
    cli_inputs, assessment_id = save_headless(_args(data_dir), af, result, workflow.exporter_profile(store))
    assert assessment_id is not None

    session = AssessmentSession.resume(store, assessment_id)
    gui_inputs = session.report_inputs()

    assert _comparable(cli_inputs) == _comparable(gui_inputs)
    assert gui_inputs.profile["phone"] == "+49 30 123456"
    assert gui_inputs.profile["compliance_officer"] == "Dr. Erika Muster"
    assert gui_inputs.meta["status"] == "finished" and gui_inputs.meta["title"] == "NetWatch to CN"
    assert gui_inputs.records is not None and gui_inputs.records["audit"]
    relevant = session.flow.relevant_answers()
    assert gui_inputs.answers == relevant
    assert "item.annex_i_entry" not in gui_inputs.answers


def test_a_headless_run_that_keeps_nothing_has_a_blank_record(qn, data_dir):
    from app.cli.records import save_headless

    result = engine.decide(qn, NOTIFY_DE_TO_CN)
    af = AnswersFile(questionnaire=qn, answers=dict(NOTIFY_DE_TO_CN))
    inputs, assessment_id = save_headless(_args(data_dir, no_save=True), af, result, workflow.blank_profile())
    assert assessment_id is None and inputs.records is None
    assert inputs.meta["reference"] == "headless" and inputs.meta["status"] == "draft"
    assert set(inputs.profile) == set(PROFILE) and not any(inputs.profile.values())


def test_finish_is_refused_while_a_question_is_unanswered(qn, store):
    session = AssessmentSession.new(store, qn)
    for qid, value in NOTIFY_DE_TO_CN.items():
        if qn.has_question(qid):
            session.answer(qid, value)
    with pytest.raises(workflow.NotComplete, match="still unanswered"):
        session.finish()
    with pytest.raises(workflow.NotComplete):
        workflow.finish(store, session.assessment_id, session.result())
    assert store.get(session.assessment_id).status == "draft"

    for qid, value in NOTIFY_DE_TO_CN_COMPLETE.items():
        if qn.has_question(qid) and session.flow.is_relevant(qn.question(qid)):
            session.answer(qid, value)
    result = session.finish()
    a = store.get(session.assessment_id)
    assert a.status == "finished" and a.outcome == result.outcome == "NOTIFY"


def test_a_draft_is_kept_with_its_provisional_outcome_and_finished_when_complete(qn, store):
    a = store.create_assessment(qn.id, qn.version, qn.sha256, "", answers=dict(NOTIFY_DE_TO_CN))
    kept = workflow.keep_outcome(store, a.id, engine.decide(qn, NOTIFY_DE_TO_CN))
    assert kept.status == "draft" and kept.outcome
    b = store.create_assessment(qn.id, qn.version, qn.sha256, "", answers=dict(NOTIFY_DE_TO_CN_COMPLETE))
    kept = workflow.keep_outcome(store, b.id, engine.decide(qn, NOTIFY_DE_TO_CN_COMPLETE))
    assert kept.status == "finished" and kept.outcome == "NOTIFY"


@pytest.fixture
def identity(data_dir):
    return signing.create_identity(data_dir, "Jana Nováková", "Example Exporter GmbH", "jana@example.com", "DE",
                                   PASS)


def test_the_wizards_path_refuses_to_sign_an_incomplete_assessment(qn, store, data_dir, identity, tmp_path):
    """The report writer both front ends call (app.signing.report) and the register's "mark
    signed" refuse an incomplete assessment before anything is written."""
    session = AssessmentSession.new(store, qn)
    for qid, value in NOTIFY_DE_TO_CN.items():
        if qn.has_question(qid):
            session.answer(qid, value)
    inputs = session.report_inputs()
    assert inputs.result.unanswered
    target = tmp_path / "report.pdf"
    with pytest.raises(signing.SigningError, match="not signed: .*unanswered"):
        write_report(inputs, target, locale="en", data_dir=data_dir, passphrase=PASS)
    assert not target.exists() and not list(tmp_path.glob(".report*"))
    with pytest.raises(workflow.SigningRefused, match="unanswered"):
        session.mark_signed(str(target))
    assert store.get(session.assessment_id).status == "draft"
    assert not [e for e in store.audit.events(session.assessment_id) if e.kind == "sign"]


def test_the_command_lines_path_refuses_to_sign_an_incomplete_assessment(qn, data_dir, identity, tmp_path,
                                                                           monkeypatch, capsys):
    from app.cli.main import main

    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"questionnaire": "art5", "answers": NOTIFY_DE_TO_CN}), encoding="utf-8")
    monkeypatch.setenv("ART5_TEST_PASS", PASS)
    out = tmp_path / "out"
    code = main(["--data-dir", str(data_dir), "assess", "--answers", str(answers), "--out", str(out), "--sign",
                 "--passphrase-env", "ART5_TEST_PASS"])
    assert code == 2
    assert "the report is not signed" in capsys.readouterr().err
    assert not (out / "report.pdf").exists()
    store = Store.open(data_dir)
    try:
        assert all(a.status == "draft" for a in store.list_assessments())
    finally:
        store.close()


def test_a_complete_assessment_is_signed_and_marked_signed(qn, store, data_dir, identity, tmp_path):
    a = store.create_assessment(qn.id, qn.version, qn.sha256, "", answers=dict(NOTIFY_DE_TO_CN_COMPLETE))
    session = AssessmentSession(store, a.id, qn)
    session.finish()
    out = write_report(session.report_inputs(), tmp_path / "report.pdf", locale="en", data_dir=data_dir,
                       passphrase=PASS)
    assert signing.verify_pdf(out, data_dir=data_dir).intact
    session.mark_signed(str(out))
    assert store.get(a.id).status == "signed"
