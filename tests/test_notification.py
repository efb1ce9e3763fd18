"""The draft notification (right authority, section 6.2 content, national deadline) in TXT,
PDF and DOCX, the authorities reference data, and the end-user statement. No Qt."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from app.base import countries
from app.assessment import engine
from app.documents import notification
from app.questionnaire.model import load
from app.base.reference import default_set

ART5 = Path(__file__).resolve().parent.parent / "questionnaires" / "art5-1.0.0.yaml"
EU27 = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
        "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"}
BASE = {
    "export.destination_country": "AE", "item.annex_i_listed": "no", "item.commercial_purpose_only": "none",
    "item.specially_designed": "yes", "item.covert": "yes", "item.natural_persons": "yes",
    "item.data_operations": ["monitoring", "analysing"], "item.ict_source": "yes", "authority.informed": "no",
    "redflags.observed": ["covert_marketing"], "item.name": "Argus Intercept", "item.version": "4.2",
    "export.quantity": 3, "export.value": 1250000, "export.currency": "EUR", "export.shipment_date": "2026-09-01",
    "enduse.declared_use": "Lawful interception for the operator's network",
    "enduse.awareness_facts": "The procurement officer said the system will monitor journalists.",
    "parties.list": [{"name": "Gulf Telecom Holdings", "role": "end_user", "country": "AE", "address": "PO Box 1"},
                     {"name": "Forwarder Ωmega AE", "role": "consignee", "country": "GR"}],
    "mitigation.measures": ["tech_audit_logs"],
}
PROFILE = {"name": "Example Exporter Ltd", "address": "1 Main Street\nCork", "eori": "IE123", "member_state": "",
           "contact_name": "Jane Doe", "contact_email": "jane@example.com"}
META = {"reference": "A5-2026-0042"}


@pytest.fixture(scope="module")
def qn():
    return load(ART5)


def draft(qn, **kw):
    answers = dict(BASE, **kw)
    result = engine.decide(qn, answers)
    return result, notification.notification_draft(questionnaire=qn, answers=answers, result=result,
                                                   profile=PROFILE, meta=META, today=dt.date(2026, 5, 1))


def test_authorities_cover_all_27_member_states_with_source_and_status():
    ref = default_set().get("authorities")
    assert set(ref.values()) == EU27
    for item in ref.items:
        assert item["source_url"].startswith("http"), item["value"]
        assert item.get("verified_on") or item.get("status") == "to_verify", item["value"]
        assert countries.is_country(item["value"])
        # issue 13: every Member State names its authority; an address only with a source
        assert item.get("authority"), item["value"]
        if item.get("status") == "to_verify" and not item.get("verified_fields"):
            assert item["note"] and (not item.get("address") or "secondary source" in item["note"]), item["value"]


def test_ireland_notification_has_the_60_day_deadline(qn):
    result, d = draft(qn, **{"export.member_state": "IE", "enduse.aware": "yes"})
    assert result.outcome == "NOTIFY"
    t = " ".join(d.text.split())
    assert "exportcontrol@enterprise.gov.ie" in t
    assert "at least 60 days before the export" in t
    assert "the notice is due by 3 July 2026" in t  # 2026-09-01 minus 60 days


def test_germany_notification_goes_to_bafa_with_section_6_2_content(qn):
    result, d = draft(qn, **{"export.member_state": "DE", "enduse.aware": "yes"})
    t = " ".join(d.text.split())
    assert "Bundesamt für Wirtschaft und Ausfuhrkontrolle (BAFA)" in t and "ELAN-K2" in t
    for needle in ("Article 5(2)", "Example Exporter Ltd", "IE123", "Argus Intercept", "not listed",
                   "Quantity: 3", "1,250,000 EUR", "Gulf Telecom Holdings", "End user", "Forwarder Ωmega AE",
                   "Consignee", "Lawful interception for the operator's network",
                   "Marketing stresses covert or undetectable operation",
                   "The procurement officer said the system will monitor journalists.",
                   "Facts giving rise to awareness", "tamper-proof audit logs", "1 September 2026",
                   "Related transactions", "Attachments", "End-user statement"):
        assert needle in t, needle
    assert "60 days" not in t  # no national deadline is recorded for DE


def test_grounds_under_national_rule_is_a_notice_of_grounds(qn):
    result, d = draft(qn, **{"export.member_state": "IE", "enduse.aware": "no", "enduse.grounds_to_suspect": "yes"})
    assert result.outcome == "NOTIFY_NATIONAL"
    assert "grounds to suspect" in d.text.lower() and "Article 5(3)" in d.text
    assert "Facts giving grounds to suspect" in d.text


def test_member_state_with_unconfirmed_authority_asks_to_confirm(qn):
    """Issue 13 filled every authority; one not yet checked is named with a request to confirm it."""
    _, d = draft(qn, **{"export.member_state": "PT", "enduse.aware": "yes"})
    assert "Autoridade Tributária e Aduaneira" in d.text
    assert "[to confirm: these details of the authority are not yet checked" in d.text
    assert "policy.trade.ec.europa.eu" in d.text


def test_pdf_docx_txt_say_the_same(qn, tmp_path):
    import docx
    import pypdf

    _, d = draft(qn, **{"export.member_state": "IE", "enduse.aware": "yes"})
    files = notification.write_outputs(d, tmp_path, "notification")
    assert [f.name for f in files] == ["notification.pdf", "notification.docx", "notification.txt"]
    txt = (tmp_path / "notification.txt").read_text(encoding="utf-8")
    assert txt == d.text
    pdf = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(files[0])).pages).split())
    document = docx.Document(str(files[1]))
    word = " ".join(" ".join(p.text for p in document.paragraphs).split())
    for needle in ("Gulf Telecom Holdings", "Forwarder Ωmega AE", "at least 60 days before the export",
                   "The procurement officer said the system will monitor journalists.", "Argus Intercept",
                   "exportcontrol@enterprise.gov.ie"):
        assert needle in pdf, needle
        assert needle in word, needle
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "1. Exporter" in headings and "11. Attachments" in headings


def test_edited_text_and_markup_in_values_stay_text(qn, tmp_path):
    import pypdf

    _, d = draft(qn, **{"export.member_state": "DE", "enduse.aware": "yes",
                        "enduse.awareness_facts": 'S&P <img src="/etc/passwd"/> <b>x</b>'})
    d.text += "\n# 12. Added by the user\nA sentence the user typed.\n"
    out = notification.write_outputs(d, tmp_path, "n", formats=("pdf",))[0]
    pdf = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages).split())
    assert 'S&P <img src="/etc/passwd"/> <b>x</b>' in pdf
    assert "12. Added by the user" in pdf and "A sentence the user typed." in pdf


def test_signed_notification_and_wrong_passphrase(qn, tmp_path, data_dir):
    from app.signing import sign as signing

    signing.create_identity(data_dir, "Jane Doe", "Example Exporter Ltd", "j@e.ie", "IE", "pass-phrase-1")
    _, d = draft(qn, **{"export.member_state": "IE", "enduse.aware": "yes"})
    with pytest.raises(signing.SigningError):
        notification.write_outputs(d, tmp_path / "o", "notification",
                                   sign=signing.pdf_signer(data_dir, "nope-nope"))
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").iterdir())
    files = notification.write_outputs(d, tmp_path / "o", "notification",
                                       sign=signing.pdf_signer(data_dir, "pass-phrase-1"))
    res = signing.verify_pdf(files[0], data_dir=data_dir)
    assert res.signed and res.intact and res.signer == "Jane Doe"


def test_enduser_statement_with_and_without_russia_clause(qn, tmp_path):
    import docx

    answers = dict(BASE, **{"export.member_state": "DE", "enduse.aware": "yes"})
    result = engine.decide(qn, answers)
    e = notification.enduser_draft(questionnaire=qn, answers=answers, result=result, profile=PROFILE, meta=META)
    t = " ".join(e.text.split())
    for needle in ("Gulf Telecom Holdings", "Lawful interception for the operator's network",
                   "without the prior written consent", "internal repression", "serious violations of human rights",
                   "No re-export to Russia or Belarus", "to Belarus"):
        assert needle in t, needle
    # the internal note is for the exporter, not in the text the customer signs
    assert "[to verify" not in t and "[" not in t.replace("[to complete]", "")
    assert "Article 12g" in e.notes and "Article 8g" in e.notes and "Not yet checked against the Official Journal" in e.notes
    files = notification.write_outputs(e, tmp_path, "enduser_statement", formats=("pdf", "docx"))
    assert "No re-export to Russia" in " ".join(p.text for p in docx.Document(str(files[1])).paragraphs)
    # a partner country (US) gets no Russia clause
    us = dict(answers, **{"export.destination_country": "US"})
    e = notification.enduser_draft(questionnaire=qn, answers=us, result=engine.decide(qn, us), profile=PROFILE,
                                   meta=META)
    assert "Russia" not in e.text
    assert notification.russia_clause_applies("AE") and not notification.russia_clause_applies("FR")
