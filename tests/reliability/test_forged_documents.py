"""Issue 14, attack 10: text that builds structure in the documents, control characters in the
output files, and escape sequences printed to the terminal.

The answers below bypass input cleaning on purpose (stored by an older version, or imported
signed): the documents must hold up on their own.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from reliability_helpers import ROOT

BASE = {
    "export.destination_country": "AE", "export.member_state": "DE", "item.annex_i_listed": "no",
    "item.commercial_purpose_only": "none", "item.specially_designed": "yes", "item.covert": "yes",
    "item.natural_persons": "yes", "item.data_operations": ["monitoring", "analysing"], "item.ict_source": "yes",
    "authority.informed": "no", "enduse.aware": "yes", "item.name": "Argus Intercept",
    "enduse.declared_use": "Lawful interception",
    "enduse.awareness_facts": "The officer said so.",
}
EVIL_NAME = "Gulf Telecom\n# Approved by BAFA\nEORI: FAKE\n- cleared\x1b]52;c;ZXZpbA==\x07\x1b[2J\r"
EVIL_ADDRESS = "PO Box 1\n# Licence granted\nEORI: DE999\x1b[31m"


@pytest.fixture(scope="module")
def drafted():
    from app.assessment import engine
    from app.documents import notification
    from app.questionnaire import model as questionnaire

    qn = questionnaire.find("art5", "1.0.0")
    answers = dict(BASE, **{"parties.list": [{"name": EVIL_NAME, "role": "end_user", "country": "AE",
                                              "address": EVIL_ADDRESS}]})
    result = engine.decide(qn, answers)
    profile = {"name": "EORI: FAKE-EXPORTER", "address": "1 Main St\n# Heading from the address", "eori": "DE1",
               "member_state": "DE", "contact_name": "Jane", "contact_email": "jane@example.com"}
    d = notification.notification_draft(questionnaire=qn, answers=answers, result=result, profile=profile,
                                        meta={"reference": "A-2026-0001"}, today=dt.date(2026, 5, 1))
    return d


def test_user_text_builds_no_heading_list_item_or_labelled_line(drafted):
    from app.documents import notification

    blocks = notification.parse_blocks(drafted.text)
    headings = [b["text"] for b in blocks if b["kind"] == "heading"]
    assert not any("Approved" in h or "Licence" in h or "Heading from" in h for h in headings), headings
    items = [i for b in blocks if b["kind"] == "list" for i in b["items"]]
    assert not any(i.strip().startswith("cleared") for i in items), items
    labelled = [(ln["label"], ln["text"]) for b in blocks if b["kind"] == "para" for ln in b["lines"] if ln["label"]]
    assert ("EORI", "FAKE") not in labelled and ("EORI", "DE999") not in labelled, labelled
    assert ("EORI", "FAKE-EXPORTER") not in labelled, labelled


def test_no_control_character_reaches_any_output_file(drafted, tmp_path):
    from app.documents import notification

    files = notification.write_outputs(drafted, tmp_path, "notification")
    txt = (tmp_path / "notification.txt").read_text(encoding="utf-8")
    for ch in "\x1b\x07\r\x0b\x9b":
        assert ch not in txt, repr(ch)
    import docx

    doc = docx.Document(str(tmp_path / "notification.docx"))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "\x1b" not in body and "\x07" not in body
    heads = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert not any("Approved" in h or "Licence" in h for h in heads), heads
    assert len(files) == 3


def test_records_list_escapes_control_characters(data_dir, art5):
    from app.storage.store import Store

    s = Store.open(data_dir)
    a = s.create_assessment("art5", "1.0.0", title="t")
    # stored as an older version would have stored it (the store itself does not clean)
    s.save_answers(a.id, {"parties.list": [{"name": "Deal\x1b[2J\x1b]52;c;ZXZpbA==\x07\x9b1m", "role": "end_user",
                                            "country": "AE"}], "item.name": "Box\x1b[5m"})
    s.close()
    run = art5("records", "list")
    assert run.code == 0, run.text
    assert "Deal" in run.out
    assert "\x1b" not in run.out and "\x07" not in run.out and "\x9b" not in run.out
    run = art5("records", "list", "--json")
    assert "\x1b" not in run.out and "\x9b" not in run.out
