"""``art5 profile show|set``: the exporter profile from the command line, checked, stored in the
register and used by the documents ``art5 assess`` writes."""

from __future__ import annotations

import json

from test_cli import NOTIFY_ANSWERS, art5, write_answers

FULL = ["--name", "Beispiel Export GmbH", "--address", r"Hauptstraße 5\n10115 Berlin", "--eori", "de123456789012",
        "--member-state", "de", "--contact", "Jane Doe", "--phone", "+49 30 1234567", "--email", "jane@example.com",
        "--compliance-officer", "Max Mustermann"]


def test_set_and_show(tmp_path):
    d = tmp_path / "d"
    r = art5("profile", "set", *FULL, data_dir=d)
    assert r.returncode == 0, r.stderr
    r = art5("profile", "show", "--json", data_dir=d)
    shown = json.loads(r.stdout)
    assert shown["address"] == "Hauptstraße 5\n10115 Berlin"
    assert (shown["eori"], shown["member_state"], shown["phone"], shown["compliance_officer"]) == \
        ("DE123456789012", "DE", "+49 30 1234567", "Max Mustermann")
    r = art5("profile", "show", data_dir=d)
    assert "Compliance officer" in r.stdout and "10115 Berlin" in r.stdout and "Not given" not in r.stdout
    # only the fields given change; an empty value clears one
    assert art5("profile", "set", "--phone", "", data_dir=d).returncode == 0
    shown = json.loads(art5("profile", "show", "--json", data_dir=d).stdout)
    assert shown["phone"] == "" and shown["name"] == "Beispiel Export GmbH"
    assert "Not given: Phone" in art5("profile", "show", data_dir=d).stdout


def test_bad_values_change_nothing(tmp_path):
    d = tmp_path / "d"
    art5("profile", "set", "--name", "Keep Me", data_dir=d)
    for args, needle in ((["--email", "not-an-address"], "--email"), (["--member-state", "US"], "Member State"),
                         (["--eori", "12"], "EORI"), (["--phone", "call me"], "--phone"), ([], "nothing to set")):
        r = art5("profile", "set", "--name", "Changed", *args, data_dir=d) if args else art5("profile", "set", data_dir=d)
        assert r.returncode == 2 and needle in r.stderr, (args, r.stderr)
    assert json.loads(art5("profile", "show", "--json", data_dir=d).stdout)["name"] == "Keep Me"


def test_assess_uses_the_profile_and_gates_placeholders(tmp_path):
    d = tmp_path / "d"
    answers = write_answers(tmp_path, dict(NOTIFY_ANSWERS, **{"enduse.awareness_facts": "Told us so."}))
    out = tmp_path / "out"
    # no profile: the report is written, the notification is not, and the places are named
    r = art5("assess", "--answers", str(answers), "--out", str(out), data_dir=d)
    assert r.returncode == 0, r.stderr
    assert (out / "report.pdf").exists() and not (out / "notification.txt").exists()
    # (the notice to BAFA is in German, issue 15)
    assert "[zu ergänzen: Name des Ausführers]" in r.stderr and "--accept-placeholders" in r.stderr
    # asked for by name: refused, nothing written
    r = art5("assess", "--answers", str(answers), "--out", str(tmp_path / "o2"), "--notification", data_dir=d)
    assert r.returncode == 2 and not (tmp_path / "o2" / "report.pdf").exists()
    # with the profile set, the notification names the exporter, phone and compliance officer
    art5("profile", "set", *FULL, data_dir=d)
    r = art5("assess", "--answers", str(answers), "--out", str(out), "--accept-placeholders", data_dir=d)
    assert r.returncode == 0, r.stderr
    text = (out / "notification.txt").read_text(encoding="utf-8")
    assert "Beispiel Export GmbH" in text and "+49 30 1234567" in text and "Max Mustermann" in text
    assert "[zu ergänzen: Name des Ausführers]" not in text
