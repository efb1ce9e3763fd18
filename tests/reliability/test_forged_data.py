"""Issue 14, attacks 7 and 8: a poisoned parsed-data cache, a questionnaire dropped beside the
shipped ones, and a draft resumed on a questionnaire that changed under it."""

from __future__ import annotations

import json
import shutil

import pytest

from reliability_helpers import ROOT


def test_the_manifest_pins_every_shipped_file():
    """Fails after a shipped data file changed until ``python -m app.base.official`` is pasted in."""
    from app.base import official

    assert sorted(official.MANIFEST) == official.shipped_files()
    assert official.compute() == official.MANIFEST


def test_a_poisoned_cache_entry_is_not_used(tmp_path, monkeypatch):
    from app.base import datafile
    from app.base import official
    from app.questionnaire import model as questionnaire

    monkeypatch.setenv("ART5_CACHE_DIR", str(tmp_path / "cache"))
    genuine = questionnaire.find("art5", "1.0.0")
    entries = list((tmp_path / "cache").glob("yaml-*.json"))
    qn_entry = next(p for p in entries if genuine.sha256 in p.name)
    poisoned = json.loads(qn_entry.read_text(encoding="utf-8"))
    poisoned["title"] = {"en": "Poisoned"}
    text = json.dumps(poisoned)
    text = text.replace('"NOTIFY"', '"NO_NOTIFICATION"')  # the legal logic itself
    qn_entry.write_text(text, encoding="utf-8")
    again = questionnaire.find("art5", "1.0.0")
    assert again.title == genuine.title and again.sha256 == genuine.sha256
    assert [o.id for o in again.outcomes] == [o.id for o in genuine.outcomes]
    raw, digest = datafile.parse_yaml_bytes(genuine.path.read_bytes())
    assert official.canonical_hash(raw) == official.parsed_hash(digest)


def test_an_unofficial_file_is_never_cached(tmp_path, monkeypatch):
    from app.base import datafile

    monkeypatch.setenv("ART5_CACHE_DIR", str(tmp_path / "cache"))
    datafile.parse_yaml_bytes(b"id: x\nversion: 1\n")
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").iterdir())


# the newest questionnaire the program ships (the default while no other is named)
NEWEST_SHIPPED = max((p.stem.split("-", 1)[1] for p in (ROOT / "questionnaires").glob("art5-*.yaml")),
                     key=lambda v: tuple(int(x) for x in v.split(".")))


@pytest.fixture
def resource_root(tmp_path, monkeypatch):
    """A copy of the program's resources with a file dropped beside the shipped questionnaire."""
    root = tmp_path / "program"
    shutil.copytree(ROOT / "questionnaires", root / "questionnaires")
    shutil.copytree(ROOT / "resources", root / "resources")
    shipped = (root / "questionnaires" / "art5-1.0.0.yaml").read_text(encoding="utf-8")
    dropped = shipped.replace('version: "1.0.0"', 'version: "9.9.9"', 1)
    assert dropped != shipped
    (root / "questionnaires" / "art5-9.9.9.yaml").write_text(dropped, encoding="utf-8")
    monkeypatch.setenv("ART5_RESOURCE_ROOT", str(root))
    from app.base import reference

    monkeypatch.setattr(reference, "_default", None)  # the reference data of this program folder
    return root


def test_a_dropped_file_is_never_the_default(resource_root):
    from app.questionnaire import model as questionnaire

    qn = questionnaire.latest("art5")
    assert (qn.version, qn.official) == (NEWEST_SHIPPED, True)
    named = questionnaire.find("art5", "9.9.9")
    assert named.official is False


def test_an_unofficial_questionnaire_is_marked_in_json_and_report(resource_root, tmp_path, data_dir, art5):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"questionnaire": "art5", "version": "9.9.9",
                                   "answers": {"export.member_state": "DE"}}), encoding="utf-8")
    run = art5("assess", "--answers", answers, "--out", tmp_path / "out", "--json")
    assert run.code == 0, run.text
    assert json.loads(run.out)["questionnaire"]["official"] is False
    assert "UNOFFICIAL questionnaire art5 9.9.9" in run.err
    import pypdf

    text = "".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "out" / "report.pdf").pages)
    assert "UNOFFICIAL" in text
    answers.write_text(json.dumps({"questionnaire": "art5", "answers": {"export.member_state": "DE"}}),
                       encoding="utf-8")
    run = art5("assess", "--answers", answers, "--out", tmp_path / "out2", "--json")
    assert json.loads(run.out)["questionnaire"] == {**json.loads(run.out)["questionnaire"], "version": NEWEST_SHIPPED,
                                                    "official": True}


def test_a_draft_resumes_only_on_the_same_questionnaire(data_dir):
    from app.questionnaire import model as questionnaire
    from app.assessment.session import AssessmentSession
    from app.storage.store import Store

    s = Store.open(data_dir)
    try:
        qn = questionnaire.find("art5", "1.0.0")
        ok = s.create_assessment("art5", "1.0.0", qn.sha256, title="same")
        assert AssessmentSession.resume(s, ok.id).questionnaire.sha256 == qn.sha256
        changed = s.create_assessment("art5", "1.0.0", "ab" * 32, title="changed under it")
        with pytest.raises(questionnaire.QuestionnaireError, match="changed under the draft"):
            AssessmentSession.resume(s, changed.id)
    finally:
        s.close()


def test_unofficial_reference_data_is_marked(resource_root, tmp_path, data_dir, art5):
    """A reference data file changed in the program's folder: the result and the report say so."""
    ref = resource_root / "resources" / "reference" / "monitoring_regimes.yaml"
    ref.write_text(ref.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"questionnaire": "art5", "answers": {"export.member_state": "DE"}}),
                       encoding="utf-8")
    run = art5("assess", "--answers", answers, "--out", tmp_path / "out", "--json")
    assert run.code == 0, run.text
    refs = json.loads(run.out)["reference_data"]
    marks = {v["id"]: v["official"] for v in refs.values()}
    assert marks["monitoring_regimes"] == "no", marks
    assert all(m == "yes" for k, m in marks.items() if k != "monitoring_regimes"), marks
    import pypdf

    text = "".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "out" / "report.pdf").pages)
    assert "UNOFFICIAL (not shipped" in text
