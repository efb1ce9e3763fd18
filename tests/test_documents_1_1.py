"""Issue 13: the notification and the end-user statement for the README's NOTIFY example state
only what the user said (answers, profile fields, reference data): none of the known offending
sentences, the end-user statement's real status, the customs code, the compliance officer and
the telephone number, the national provision for a national notice. No Qt."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from app.assessment import engine
from app.documents import notification
from app.questionnaire.model import load

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PROFILE = {"name": "Muster Überwachung GmbH", "address": "Hauptstraße 1\n60311 Frankfurt", "eori": "DE123",
           "member_state": "DE", "contact_name": "Jana Muster", "contact_email": "jana@example.de",
           "phone": "+49 69 1234567", "compliance_officer": "Dr. Karl Beispiel"}
META = {"reference": "A-2026-00042"}
OFFENDERS = (
    "We checked the Annex I entries",
    "does not meet their parameters",
    "(to be obtained)",
    "Compliance officer / internal compliance programme: [to complete]",
    "In Ireland, give the notice",
    "rebuilt from recollection",
    "was not read in full",
    "resources/reference",
    "sintact.ro",
    "we treat the item as not listed",
)


def readme_example() -> dict:
    blocks = re.findall(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    block = next(b for b in blocks if b.startswith("# NOTIFY example"))
    return yaml.safe_load(block)


@pytest.fixture(scope="module")
def example():
    data = readme_example()
    qn = load(ROOT / "questionnaires" / f"art5-{data['version']}.yaml")
    return qn, data["answers"]


def drafts(qn, answers, profile=PROFILE):
    result = engine.decide(qn, answers)
    n = notification.notification_draft(questionnaire=qn, answers=answers, result=result, profile=profile,
                                        meta=META, today=dt.date(2026, 12, 1))
    e = notification.enduser_draft(questionnaire=qn, answers=answers, result=result, profile=profile, meta=META)
    return result, n.text, e.text


def test_readme_notify_example_is_notify_on_the_newest_version(example):
    qn, answers = example
    assert qn.version == "1.1.0"
    result = engine.decide(qn, answers)
    assert result.outcome == "NOTIFY", (result.outcome, result.missing)
    assert not result.warnings


def test_notify_example_documents_contain_no_known_offender(example):
    qn, answers = example
    _r, n, e = drafts(qn, answers)
    for text in (n, e):
        for bad in OFFENDERS:
            assert bad not in text, bad


def test_notification_states_the_answers_and_profile_fields(example):
    qn, answers = example
    _r, n, _e = drafts(qn, answers)
    flat = " ".join(n.split())
    assert "Annex I: not listed, according to our classification." in flat
    assert "Customs code (HS/CN): 8523 49 45" in flat
    assert "Phone: +49 69 1234567" in flat
    assert "Compliance officer / internal compliance programme: Dr. Karl Beispiel" in flat
    assert "End-user statement: Requested, not yet received" in flat
    assert "End-user statement signed by the end user" not in flat  # not attached: not obtained
    assert "60 days" not in flat and "Ireland" not in flat


@pytest.mark.parametrize("status, attached", [("obtained", True), ("requested", False), ("refused", False),
                                              ("not_requested", False)])
def test_end_user_statement_attachment_follows_the_stored_status(example, status, attached):
    qn, answers = example
    _r, n, _e = drafts(qn, dict(answers, **{"enduse.end_user_statement": status}))
    assert ("End-user statement signed by the end user" in n) is attached
    assert "(to be obtained)" not in n


def test_missing_profile_fields_are_asked_for_not_invented(example):
    qn, answers = example
    profile = {k: v for k, v in PROFILE.items() if k not in ("phone", "compliance_officer")}
    _r, n, _e = drafts(qn, answers, profile)
    assert "Phone: [to complete]" in n and "Compliance officer / internal compliance programme: [to complete]" in n


def test_unsure_definition_element_is_treated_as_met_and_the_authority_asked(example):
    qn, answers = example
    _r, n, _e = drafts(qn, dict(answers, **{"item.covert": "unsure"}))
    flat = " ".join(n.split())
    assert "covert surveillance: not certain, treated as met" in flat
    assert "confirm whether the item is a cyber-surveillance item" in flat


def test_unsure_listing_with_awareness_gives_a_notice_with_the_classification_question(example):
    qn, answers = example
    result, n, _e = drafts(qn, dict(answers, **{"item.annex_i_listed": "unsure"}))
    assert result.outcome == "CLASSIFICATION_REQUIRED" and notification.needs_notification(result)
    flat = " ".join(n.split())
    assert "ask you to classify it" in flat
    assert "Notification under Article 5(2)" in flat


def test_irish_notices_cite_the_national_provision(example):
    qn, answers = example
    ie = dict(answers, **{"export.member_state": "IE"})
    _r, n, _e = drafts(qn, ie)
    assert "section 10(6) of the Control of Exports Act 2023" in " ".join(n.split())
    grounds = dict(ie, **{"enduse.aware": "no", "enduse.grounds_to_suspect": "yes"})
    result, n, _e = drafts(qn, grounds)
    assert result.outcome == "NOTIFY_NATIONAL"
    flat = " ".join(n.split())
    assert "Notice of grounds for suspicion under section 10(7) of the Control of Exports Act 2023" in flat


def test_end_user_statement_carries_no_russia_and_no_belarus_clause_in_user_language(example):
    qn, answers = example
    _r, _n, e = drafts(qn, answers)
    flat = " ".join(e.split())
    assert "No re-export to Russia or Belarus" in flat
    # the note on the legal basis is for the exporter, beside the draft, not in what the customer signs
    assert "Not yet checked" not in flat and "[to verify" not in flat
    result = engine.decide(qn, answers)
    notes = notification.enduser_draft(questionnaire=qn, answers=answers, result=result, profile=PROFILE,
                                       meta=META).notes
    assert "Article 8g" in notes and "Not yet checked against the Official Journal" in notes
    assert "8523 49 45" in flat


def test_profile_keeps_telephone_and_compliance_officer(tmp_path):
    from app.storage.store import Store

    s = Store.open(tmp_path)
    s.save_profile(name="Muster GmbH", phone="+49 69 1234567", compliance_officer="Dr. Karl Beispiel")
    s.close()
    p = Store.open(tmp_path).profile()
    assert (p.phone, p.compliance_officer) == ("+49 69 1234567", "Dr. Karl Beispiel")


def test_a_0002_register_gets_the_new_profile_fields_empty(tmp_path):
    from tests.test_transfer import _fixture_0002
    from app.storage.store import Store

    _fixture_0002(tmp_path / "art5.db")
    p = Store.open(tmp_path).profile()
    assert (p.name, p.contact_email, p.phone, p.compliance_officer) == (
        "Old Exporter", "anna@example.de", "", "")


# -------------------------------------------------------------------- retention (issue 13)

def test_retention_runs_from_the_actual_last_export():
    from app.storage.register import column_roles, register_fields

    f = register_fields({"export.shipment_date": "2026-03-01", "export.actual_export_date": "2027-02-10"},
                        "2026-01-15", roles=column_roles("art5", "1.1.0"))
    assert (f["export_date"], f["retention_until"]) == ("2027-02-10", "2032-12-31")


def test_slipped_shipment_never_shortens_retention():
    from app.storage.register import column_roles, register_fields

    roles = column_roles("art5", "1.1.0")
    # planned before the assessment: the assessment's year counts, not the earlier planned date
    f = register_fields({"export.shipment_date": "2025-12-20"}, "2026-01-15", roles=roles)
    assert f["retention_until"] == "2031-12-31"
    # planned after the assessment: the planned date's year counts
    f = register_fields({"export.shipment_date": "2027-01-05"}, "2026-11-15", roles=roles)
    assert f["retention_until"] == "2032-12-31"


def test_retention_base_takes_recorded_shipments_into_account():
    import datetime as _dt

    from app.storage.retention import retention_base

    assert retention_base((), "2026-03-01", "2026-01-01", ["2027-05-01"]) == _dt.date(2027, 5, 1)
    assert retention_base(["2026-04-01", "2026-09-01"], "2028-01-01", "2026-01-01") == _dt.date(2026, 9, 1)
    assert retention_base() is None


# ---------------------------------------------------------------------- the report (issue 13)

def _report_text(tmp_path, qn, answers) -> str:
    import pypdf

    from app.documents import report

    result = engine.decide(qn, answers)
    path = report.render_report(tmp_path / "r.pdf", questionnaire=qn, answers=answers, result=result,
                                profile=PROFILE, meta={"reference": "A-1", "title": "t", "status": "draft"})
    reader = pypdf.PdfReader(str(path))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_report_names_both_outcomes_the_flags_and_the_caveat(tmp_path, example):
    qn, answers = example
    unsure = dict(answers, **{"item.annex_i_listed": "unsure"})
    text = _report_text(tmp_path, qn, unsure)
    title = {o.id: " ".join(o.title["en"].split()) for o in qn.outcomes}
    assert title["CLASSIFICATION_REQUIRED"] in text
    assert f"If the item is on the list(s) you were unsure about: {title['AUTHORISATION_REQUIRED']}" in text
    assert f"If it is not: {title['NOTIFY']}" in text
    flag_text = " ".join(engine.decide(qn, unsure).flag_texts["no_russia_clause"].split())
    assert flag_text[:60] in text and "National rules may still apply" in text
    assert "CLASSIFICATION_REQUIRED" not in text and "no_russia_clause" not in text  # ids stay in the JSON
    assert "sintact" not in text


def test_report_of_a_1_0_0_assessment_warns_that_a_newer_version_corrects_it(tmp_path):
    qn10 = load(ROOT / "questionnaires" / "art5-1.0.0.yaml")
    answers = {"export.member_state": "DE", "export.destination_country": "CN", "item.annex_i_listed": "no",
               "item.commercial_purpose_only": "billing", "authority.informed": "no"}
    text = _report_text(tmp_path, qn10, answers)
    assert "Not a cyber-surveillance item under Article 5" in text
    assert "version 1.1.0 corrects its rules" in text
    assert "sintact" not in text  # legal links go to EUR-Lex even for the old version


# ------------------------------------------------------------------------ art5 assess --json

def test_assess_json_prints_both_outcomes_flags_and_caveats(tmp_path, data_dir, capsys, example):
    import json

    from app.cli.main import main

    _qn, answers = example
    data = {"questionnaire": "art5", "answers": dict(answers, **{"item.annex_i_listed": "unsure"})}
    f = tmp_path / "answers.yaml"
    f.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    capsys.readouterr()
    # the draft asks the exporter to confirm or delete some lines: written only when that is accepted
    assert main(["assess", "--answers", str(f), "--out", str(tmp_path / "out"), "--json", "--no-save",
                 "--accept-placeholders"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["questionnaire"]["version"] == "1.1.0"
    assert (out["outcome"], out["outcome_if_listed"], out["outcome_if_not_listed"]) == (
        "CLASSIFICATION_REQUIRED", "AUTHORISATION_REQUIRED", "NOTIFY")
    assert "no_russia_clause" in out["flags"] and out["flag_texts"]["no_russia_clause"]
    assert out["caveats"] and "Art. 9" in out["caveats"][0]
    # the notice is due from awareness: the draft is written with the classification question in it
    # (in German: the example exports from Germany, and BAFA works in German, issue 15)
    text = (tmp_path / "out" / "notification.txt").read_text(encoding="utf-8")
    assert "bitten Sie, es einzustufen" in text
    # a definite answer: both fields present and empty
    data["answers"]["item.annex_i_listed"] = "no"
    f.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["assess", "--answers", str(f), "--out", str(tmp_path / "out2"), "--json", "--no-save"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["outcome"] == "NOTIFY" and out["outcome_if_listed"] is None and out["outcome_if_not_listed"] is None


def test_report_labels_secondary_sources(tmp_path, example):
    qn, answers = example
    text = _report_text(tmp_path, qn, answers)
    assert "[secondary source]" in text


def test_art4_notice_is_not_worded_as_an_article_5_notice(example):
    qn, answers = example
    a = dict(answers, **{"item.covert": "no", "enduse.aware": "no", "enduse.art4": "aware"})
    for k in ("redflags.observed",):
        a.pop(k, None)
    result, n, _e = drafts(qn, a)
    assert result.outcome == "NOTIFY"
    flat = " ".join(n.split())
    assert "Notification under Article 4(2) of Regulation (EU) 2021/821" in flat
    assert "Article 5(2)" not in flat and "cyber-surveillance item described below" not in flat


def test_unsure_listing_is_not_called_non_listed(example):
    qn, answers = example
    _r, n, _e = drafts(qn, dict(answers, **{"item.annex_i_listed": "unsure"}))
    assert "non-listed" not in n


def test_assess_json_on_version_1_0_0_gives_its_own_result_with_the_superseded_flag(tmp_path, data_dir, capsys):
    import json

    from app.cli.main import main

    data = {"questionnaire": "art5", "version": "1.0.0", "answers": {
        "export.member_state": "DE", "export.destination_country": "RU", "item.annex_i_listed": "unsure",
        "item.commercial_purpose_only": "none", "item.specially_designed": "yes", "item.covert": "no",
        "authority.informed": "no"}}
    f = tmp_path / "answers.yaml"
    f.write_text(yaml.safe_dump(data), encoding="utf-8")
    capsys.readouterr()
    assert main(["assess", "--answers", str(f), "--out", str(tmp_path / "out"), "--json", "--no-save"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["questionnaire"]["version"] == "1.0.0" and out["outcome"] == "NOT_IN_SCOPE"
    assert "superseded_questionnaire" in out["flags"]
    assert any("1.1.0 corrects its rules" in w for w in out["warnings"])


def test_a_long_web_address_in_a_pdf_breaks_after_slashes_not_inside_the_scheme(tmp_path, example):
    """The Dutch authority's address ends in a long web address: in the PDF it starts a line of its
    own and breaks after a slash, so a reader can still find "https://belastingdienst.nl/"."""
    import pypdf

    from app.documents import language

    qn, answers = example
    answers = dict(answers, **{"export.member_state": "NL"})
    profile = dict(PROFILE, member_state="NL", address="Kerkstraat 1\n1017 GA Amsterdam")
    d, _choice, _ = language.drafts("notification", "NL", questionnaire=qn, answers=answers,
                                    result=engine.decide(qn, answers), profile=profile, meta=META,
                                    today=dt.date(2026, 12, 1))
    pdf = notification.write_outputs(d, tmp_path, "nl", formats=("pdf",))[0]
    lines = [ln.strip() for page in pypdf.PdfReader(str(pdf)).pages for ln in page.extract_text().splitlines()]
    assert any(ln.startswith("https://belastingdienst.nl/") for ln in lines), lines[:20]
    assert not any(ln.endswith((" h", " ht", " htt", " http", " https", "https:/")) for ln in lines)


def test_a_web_address_longer_than_a_line_stays_inside_the_page():
    """The Spanish authority's source address is longer than a line, with a part between two
    slashes wider than the text: every line stays inside the text column (nothing runs past the
    margin and off the paper), and the address starts its own line."""
    from app.pdf import layout

    layout._register_fonts()
    url = ("https://papelea.com/es/leyes/reglamento-de-control-del-comercio-exterior-de-material-de-"
           "defensa-de-otro-material-y-de-productos-y-tecnologias-de-doble-uso/capitulo-ii")
    for width in (300, 440, 520):
        p = layout._paragraph(f"[a confirmar: véase {url}]", layout._styles()["body"])
        p.wrap(width, 2000)
        lines = p.blPara.lines
        assert all(getattr(ln, "extraSpace", ln[0] if isinstance(ln, tuple) else 0) >= -0.01 for ln in lines), width
        assert len(lines) >= 3
