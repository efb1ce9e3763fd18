"""The art5 command: version, headless assessment, bad answers files, self-test."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent


def art5(*args, data_dir=None, cwd=ROOT):
    cmd = [sys.executable, "-m", "app"]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    return subprocess.run(cmd + list(args), cwd=cwd, capture_output=True, text=True, timeout=120)


NOTIFY_ANSWERS = {
    "export.member_state": "DE",
    "export.destination_country": "CN",
    "item.annex_i_listed": "no",
    "item.commercial_purpose_only": "none",
    "item.specially_designed": "yes",
    "item.covert": "yes",
    "item.natural_persons": "yes",
    "item.data_operations": ["monitoring", "analysing"],
    "item.ict_source": "yes",
    "authority.informed": "no",
    # questionnaire 1.1.0 (issue 13): the list and Article 4 questions
    "item.military_listed": "no",
    "item.national_list": "no",
    "enduse.art4": "no",
    "redflags.observed": ["covert_marketing"],
    "enduse.aware": "yes",
    "enduse.grounds_to_suspect": "yes",
}


def write_answers(tmp_path, answers, fmt="yaml", **extra):
    data = {"questionnaire": "art5", "answers": answers, **extra}
    p = tmp_path / f"answers.{fmt}"
    p.write_text(json.dumps(data) if fmt == "json" else yaml.safe_dump(data), encoding="utf-8")
    return p


def test_version():
    r = art5("--version")
    assert r.returncode == 0 and r.stdout.startswith("art5-assessor ")


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_assess_json_contract_and_report(tmp_path, fmt):
    answers = write_answers(tmp_path, NOTIFY_ANSWERS, fmt)
    out = tmp_path / "out"
    r = art5("assess", "--answers", str(answers), "--out", str(out), "--json", data_dir=tmp_path / "d")
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    assert result["outcome"] == "NOTIFY"
    assert result["questionnaire"]["id"] == "art5" and result["questionnaire"]["version"]
    for key in ("rationale", "open_questions", "missing", "unanswered", "warnings"):
        assert isinstance(result[key], list), key
    assert result["missing"] == []
    assert result["rationale"] and all("text" in s and "citations" in s for s in result["rationale"])
    text = "\n".join(p.extract_text() for p in PdfReader(str(out / "report.pdf")).pages)
    assert "Notify the competent authority" in text and "art5" in text
    assert "NOTIFY" not in text  # the id is for the JSON; the report names the outcome in words


def test_assess_incomplete_lists_missing(tmp_path):
    answers = write_answers(tmp_path, {"export.member_state": "DE"})
    r = art5("assess", "--answers", str(answers), "--out", str(tmp_path / "o"), "--json", data_dir=tmp_path / "d")
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    assert result["outcome"] == "INCOMPLETE"
    assert "export.destination_country" in result["missing"]


@pytest.mark.parametrize("answers,fragment", [
    ({"export.no_such_question": "x"}, "unknown question id 'export.no_such_question'"),
    ({"item.annex_i_listed": "perhaps"}, "item.annex_i_listed: value not allowed"),
    ({"export.member_state": "US"}, "export.member_state: value not allowed"),
])
def test_bad_answers_exit_2_naming_the_id(tmp_path, answers, fragment):
    p = write_answers(tmp_path, answers)
    r = art5("assess", "--answers", str(p), "--out", str(tmp_path / "o"), data_dir=tmp_path / "d")
    assert r.returncode == 2
    assert fragment in r.stderr and str(p) in r.stderr
    assert not (tmp_path / "o" / "report.pdf").exists()


@pytest.mark.parametrize("content,fragment", [
    (b"questionnaire: art5\nanswers: [unclosed", "invalid YAML"),
    (b'{"questionnaire": "art5", "answers": {', "invalid JSON"),
    (b"\xff\xfe\x00\x01", "not UTF-8"),
    (b"questionnaire: nope\nanswers: {}\n", "no questionnaire with id 'nope'"),
    (b"answers: {}\n", "'questionnaire'"),
    (b"questionnaire: art5\nanswers: {}\nsurprise: 1\n", "unknown top-level key 'surprise'"),
])
def test_unreadable_answers_files(tmp_path, content, fragment):
    p = tmp_path / "bad.yaml"
    p.write_bytes(content)
    r = art5("assess", "--answers", str(p), "--out", str(tmp_path / "o"), data_dir=tmp_path / "d")
    assert r.returncode == 2, r.stderr
    assert fragment in r.stderr


def test_missing_answers_file(tmp_path):
    r = art5("assess", "--answers", str(tmp_path / "nope.yaml"), "--out", str(tmp_path / "o"))
    assert r.returncode == 2 and "no such file" in r.stderr


def test_self_test_passes_including_the_offscreen_window(tmp_path):
    r = art5("self-test", data_dir=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "self-test passed" in r.stdout
    assert "ok    start the wizard offscreen" in r.stdout


def test_corrupt_register_is_reported_by_name(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "art5.db").write_bytes(b"garbage" * 1000)
    answers = write_answers(tmp_path, NOTIFY_ANSWERS)
    r = art5("assess", "--answers", str(answers), "--out", str(tmp_path / "o"), data_dir=d)
    # a headless run still works; the broken register is named, not touched
    assert r.returncode == 0
    assert "art5.db" in r.stderr
    assert (d / "art5.db").read_bytes() == b"garbage" * 1000


def test_assess_with_a_broken_screening_database_says_the_parties_were_not_screened(tmp_path):
    """A screening.db that is not a database: the assessment still runs, and its result says
    the parties were not screened, never that they have no hit."""
    d = tmp_path / "d"
    d.mkdir()
    (d / "screening.db").write_bytes(b"this is not a database" * 100)
    answers = write_answers(tmp_path, {**NOTIFY_ANSWERS, "parties.list": [
        {"name": "Example Telecom Co", "role": "end_user", "country": "CN"}]})
    r = art5("assess", "--answers", str(answers), "--out", str(tmp_path / "o"), "--json", "--no-save", data_dir=d)
    assert r.returncode == 0, r.stderr
    assert "parties not screened" in r.stderr
    result = json.loads(r.stdout)
    assert result["screening"]["checked"] is False
    assert any("screen" in w.lower() for w in result["warnings"] + result.get("flags", []))
    assert (d / "screening.db").read_bytes().startswith(b"this is not a database")  # nothing overwritten
