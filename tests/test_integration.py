"""Rules that span issues: no signature while a sanctions hit awaits review; a signed report
shows as 'signed' in the register."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from app.signing import sign as signing
from app.cli.main import main
from helpers.answer_sets import NOTIFY_DE_TO_CN, NOTIFY_DE_TO_CN_COMPLETE

FIX = Path(__file__).resolve().parent / "fixtures" / "screening"
PASS = "correct horse battery staple"
NOTIFY_ANSWERS = NOTIFY_DE_TO_CN_COMPLETE


def answers_file(tmp_path, parties=None):
    data = {"questionnaire": "art5", "answers": NOTIFY_ANSWERS}
    if parties:
        data["parties"] = parties
    p = tmp_path / "answers.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return p


def test_unreviewed_hit_blocks_signing_and_writes_no_report(tmp_path, data_dir, monkeypatch, capsys):
    signing.create_identity(data_dir, "Jana Nováková", "Example GmbH", "jana@example.com", "DE", PASS)
    assert main(["screening", "import", str(FIX / "eu_list.xml")]) == 0
    monkeypatch.setenv("PW", PASS)
    capsys.readouterr()
    out = tmp_path / "out"
    code = main(["assess", "--answers", str(answers_file(tmp_path, [{"name": "Petrov, Ivan", "role": "end_user",
                                                                      "country": "RU"}])),
                 "--out", str(out), "--sign", "--passphrase-env", "PW"])
    err = capsys.readouterr().err
    assert code == 2 and "not reviewed" in err
    assert not (out / "report.pdf").exists()


def test_provisional_assessment_is_not_signed_from_the_command_line_either(tmp_path, data_dir, monkeypatch, capsys):
    """One policy for every front end: the wizard refuses to sign while questions are unanswered,
    and so does ``art5 assess --sign``; nothing is written and the register keeps a draft."""
    signing.create_identity(data_dir, "Jana Nováková", "Example GmbH", "jana@example.com", "DE", PASS)
    monkeypatch.setenv("PW", PASS)
    out = tmp_path / "out"
    answers = tmp_path / "provisional.yaml"
    answers.write_text(yaml.safe_dump({"questionnaire": "art5", "answers": NOTIFY_DE_TO_CN}), encoding="utf-8")
    assert main(["assess", "--answers", str(answers), "--out", str(out), "--sign", "--passphrase-env", "PW"]) == 2
    assert "still unanswered" in capsys.readouterr().err
    assert not (out / "report.pdf").exists()
    assert main(["records", "list", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["status"] for r in records] == ["draft"]


def test_report_shows_decisive_answers_trace_and_screening(tmp_path, data_dir, capsys):
    from pypdf import PdfReader

    assert main(["screening", "import", str(FIX / "eu_list.xml")]) == 0
    out = tmp_path / "out"
    assert main(["assess", "--answers", str(answers_file(tmp_path, [{"name": "Petrov, Ivan", "role": "end_user",
                                                                     "country": "RU"}])),
                 "--out", str(out), "--no-save"]) == 0
    capsys.readouterr()
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(out / "report.pdf")).pages)
    assert "The answers that decide" in text and "item.specially_designed" not in text  # words, not ids
    assert "Decision trace" in text and "Screening review needed" in text and "SCREENING_REVIEW" not in text
    assert "Screening of the parties" in text and "Petrov" in text and "Possible match, to review" in text
