"""The frozen one-folder bundle (built by installer/build.sh; CI builds it before the tests).
Skipped when no bundle has been built on this machine."""

import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml
from helpers.answer_sets import NOTIFY_DE_TO_CN_COMPLETE
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "art5" / ("art5.exe" if os.name == "nt" else "art5")

pytestmark = pytest.mark.skipif(not BUNDLE.exists(), reason="no bundle built (bash installer/build.sh)")


def run(*args, data_dir):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ART5_DATA_DIR": str(data_dir)}
    env.pop("PYTHONPATH", None)
    return subprocess.run([str(BUNDLE), *args], capture_output=True, text=True, timeout=300, env=env,
                          cwd="/")


def test_bundle_self_test(tmp_path):
    r = run("self-test", data_dir=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "ok    start the wizard offscreen" in r.stdout


def test_bundle_assesses_and_renders_a_pdf(tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({"questionnaire": "art5", "answers": {
        "export.member_state": "IE", "export.destination_country": "BR", "item.annex_i_listed": "no",
        "item.commercial_purpose_only": "none", "item.specially_designed": "yes", "item.covert": "yes",
        "item.natural_persons": "yes", "item.data_operations": ["collecting"], "item.ict_source": "yes",
        "authority.informed": "no", "redflags.observed": [], "enduse.aware": "no",
        "enduse.grounds_to_suspect": "yes", "item.military_listed": "no", "item.national_list": "no",
        "enduse.art4": "no"}}), encoding="utf-8")
    r = run("assess", "--answers", str(answers), "--out", str(tmp_path / "out"), "--json", data_dir=tmp_path / "d")
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    assert result["outcome"] == "NOTIFY_NATIONAL"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(tmp_path / "out" / "report.pdf")).pages).split())
    assert " ".join(result["title"].split()) in text  # the outcome in words


def test_bundle_signs_verifies_drafts_and_screens(tmp_path):
    """What the bundle trims (Pillow codecs, lxml parts, Qt plugins, ICU data) must not be what
    signing (pyHanko), the DOCX drafts (python-docx, lxml) or screening need."""
    d = tmp_path / "d"
    env_pw = {"ART5_TEST_PW": "correct horse 1"}
    os.environ.update(env_pw)
    try:
        r = run("identity", "create", "--name", "Erika Muster", "--organisation", "Acme", "--email", "e@acme.test",
                "--country", "DE", "--passphrase-env", "ART5_TEST_PW", data_dir=d)
        assert r.returncode == 0, r.stderr
        answers = tmp_path / "answers.yaml"
        answers.write_text(yaml.safe_dump({"questionnaire": "art5", "answers": {
            **NOTIFY_DE_TO_CN_COMPLETE, "export.destination_country": "BR"}}), encoding="utf-8")
        out = tmp_path / "out"
        # the drafts ask the exporter to complete and confirm some lines: written when that is accepted
        r = run("assess", "--answers", str(answers), "--out", str(out), "--sign", "--passphrase-env", "ART5_TEST_PW",
                "--accept-placeholders",
                "--notification", "--enduser-statement", data_dir=d)
        assert r.returncode == 0, r.stderr
    finally:
        os.environ.pop("ART5_TEST_PW", None)
    assert {p.name for p in out.iterdir()} >= {"report.pdf", "notification.pdf", "notification.docx",
                                              "notification.txt", "enduser_statement.docx"}
    r = run("verify", str(out / "report.pdf"), data_dir=d)
    assert r.returncode == 0 and "INTACT" in r.stdout, r.stdout + r.stderr
    import docx

    # a German exporter's notice is in German (the bundle carries the per-language templates)
    assert "Artikel 5" in "\n".join(p.text for p in docx.Document(str(out / "notification.docx")).paragraphs)
    r = run("screening", "import", str(ROOT / "tests/fixtures/screening/eu_list.xml"), data_dir=d)
    assert r.returncode == 0, r.stderr
    r = run("screening", "check", "Ivan Petrov", data_dir=d)
    assert "PETROV" in r.stdout, r.stdout + r.stderr


def test_bundle_starts_the_window(tmp_path):
    r = run("gui", "--new", "art5", "--exit-after-first-paint", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "first-paint" in r.stdout
