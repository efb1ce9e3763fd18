"""Screening in the assessment: SCREENING_REVIEW and PROHIBITED outcomes, review decisions,
re-screening after a new list, destination measures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from app.cli.main import main
from app.assessment.engine import decide
from app.questionnaire.model import find
from app.base.reference import default_set
from app.screening import destinations
from app.screening.service import Screening, parties_from
from helpers.answer_sets import NOTIFY_DE_TO_CN

FIX = Path(__file__).resolve().parent / "fixtures" / "screening"
NOTIFY_ANSWERS = {**NOTIFY_DE_TO_CN, "enduse.grounds_to_suspect": "yes"}
LISTED_TO_RU = {"export.member_state": "DE", "export.destination_country": "RU", "item.annex_i_listed": "yes",
                "item.annex_i_entry": "4A005"}
LISTED_PARTY = {"name": "Petrov, Ivan", "role": "end_user", "country": "RU"}
CLEAN_PARTY = {"name": "Shenzhen Bright Harbour Logistics Co., Ltd", "role": "consignee", "country": "CN"}


@pytest.fixture
def qn():
    return find("art5")


@pytest.fixture
def scr(data_dir):
    s = Screening(data_dir)
    s.import_list(FIX / "eu_list.xml")
    yield s
    s.close()


def assess(capsys, tmp_path, answers, parties=None):
    data = {"questionnaire": "art5", "answers": answers}
    if parties is not None:
        data["parties"] = parties
    p = tmp_path / "answers.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code = main(["assess", "--answers", str(p), "--out", str(tmp_path / "out"), "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


def test_unreviewed_hit_makes_screening_review_via_assess(capsys, tmp_path, scr):
    r = assess(capsys, tmp_path, NOTIFY_ANSWERS, [LISTED_PARTY, CLEAN_PARTY])
    assert r["outcome"] == "SCREENING_REVIEW"
    parties = {p["name"]: p for p in r["screening"]["parties"]}
    assert parties["Shenzhen Bright Harbour Logistics Co., Ltd"]["hits"] == []
    hit = parties["Petrov, Ivan"]["hits"][0]
    assert hit["eu_reference"] == "EU.9001.11" and hit["status"] == "open"
    assert r["screening"]["lists"][0]["generation_date"] == "2026-11-02"
    assert {t["rule"]: t["fired"] for t in r["trace"]}["SCREENING_REVIEW"] is True
    # without the listed party the questionnaire's own rule decides
    r = assess(capsys, tmp_path, NOTIFY_ANSWERS, [CLEAN_PARTY])
    assert r["outcome"] == "NOTIFY" and r["screening"]["open"] == 0


def test_group_answers_are_screened_too(capsys, tmp_path, scr):
    answers = dict(NOTIFY_ANSWERS, **{"parties.list": [dict(LISTED_PARTY, name="Иван Петров")]})
    assert assess(capsys, tmp_path, answers)["outcome"] == "SCREENING_REVIEW"


def test_prohibited_from_the_rules_outranks_screening_review(qn, scr):
    summary = scr.screen_parties(parties_from({}, [LISTED_PARTY], question=None))
    r = decide(qn, LISTED_TO_RU, screening=summary)
    assert r.outcome == "PROHIBITED" and "833/2014" in r.rationale[-1].citations[0]["citation"]
    # and INCOMPLETE outranks both
    r = decide(qn, {"export.member_state": "DE"}, screening=summary)
    assert r.outcome == "INCOMPLETE"


def test_confirmed_hit_is_prohibited_citing_the_regime(qn, scr):
    party = parties_from({}, [LISTED_PARTY], question=None)[0]
    hit = scr.screen_parties([party])["parties"][0]["hits"][0]
    scr.review(decision="confirmed", scope="party", reviewer="A. Officer", reason="same passport number",
               party=party, hit=hit)
    r = decide(qn, NOTIFY_ANSWERS, screening=scr.screen_parties([party]))
    assert r.outcome == "PROHIBITED"
    cite = r.citations[0]
    assert "2022/260" in cite["citation"] and "UKR" in cite["citation"] and "EU.9001.11" in cite["citation"]
    assert "Petrov, Ivan" in r.rationale[-1].text


def test_cleared_hit_lets_the_rules_decide_and_scope_is_respected(qn, scr):
    party = parties_from({}, [LISTED_PARTY], question=None)[0]
    hit = scr.screen_parties([party], assessment_id=1)["parties"][0]["hits"][0]
    with pytest.raises(ValueError, match="reason"):
        scr.review(decision="cleared", scope="assessment", reviewer="A. Officer", reason=" ", party=party,
                   hit=hit, assessment_id=1)
    scr.review(decision="cleared", scope="assessment", reviewer="A. Officer",
               reason="born 1988 in Novosibirsk, not the listed person", party=party, hit=hit, assessment_id=1)
    assert decide(qn, NOTIFY_ANSWERS, screening=scr.screen_parties([party], assessment_id=1)).outcome == "NOTIFY"
    # another assessment with the same party still needs its own review
    assert decide(qn, NOTIFY_ANSWERS, screening=scr.screen_parties([party], assessment_id=2)).outcome == "SCREENING_REVIEW"
    d = scr.db.decisions(party_key=party["key"])[0]
    assert d["reviewer"] == "A. Officer" and d["list_generation_date"] == "2026-11-02" and d["at"]
    assert d["list_sha256"] == scr.active_lists()[0].sha256


def test_review_writes_an_audit_event_in_the_register(open_store, scr):
    store = open_store()
    a = store.create_assessment("art5", "1.0.0")
    party = parties_from({}, [LISTED_PARTY], question=None)[0]
    hit = scr.screen_parties([party], a.id)["parties"][0]["hits"][0]
    scr.review(decision="cleared", scope="party", reviewer="B. Reviewer", reason="different person",
               party=party, hit=hit, assessment_id=a.id, store=store)
    ev = [e for e in store.audit.events(a.id) if e.kind == "screening_review"]
    assert len(ev) == 1 and ev[0].reason == "different person"
    assert json.loads(ev[0].new_json)["entity_reference"] == "EU.9001.11"
    store.close()


def test_new_list_rescreens_saved_parties_and_prints_changes(capsys, data_dir):
    from app.storage.store import Store

    assert main(["screening", "import", str(FIX / "eu_list.csv")]) == 0  # no Greek entity in the CSV
    capsys.readouterr()
    store = Store.open(data_dir)
    a = store.create_assessment("art5", "1.0.0")
    store.save_answer(a.id, "parties.list", [{"name": "Nikolaos Konstantinou", "role": "end_user", "country": "GR"},
                                             {"name": "Ivan Petrov", "role": "consignee", "country": "RU"}])
    ref = store.get(a.id).reference
    store.close()
    assert main(["screening", "import", str(FIX / "eu_list.xml")]) == 0
    out = capsys.readouterr().out
    assert f"{ref}: Nikolaos Konstantinou: new potential hit 'Nikolaos KONSTANTINOU'" in out
    assert "Ivan Petrov: new" in out  # first screening of this assessment
    assert main(["screening", "import", str(FIX / "eu_list.xml")]) == 0
    assert "no change" in capsys.readouterr().out
    assert main(["screening", "import", str(FIX / "eu_list.csv")]) == 0
    assert f"{ref}: Nikolaos Konstantinou: no longer a hit" in capsys.readouterr().out


def test_assess_without_a_list_warns(capsys, tmp_path):
    r = assess(capsys, tmp_path, NOTIFY_ANSWERS, [LISTED_PARTY])
    assert r["outcome"] == "NOTIFY"
    assert any("no sanctions list is imported" in w for w in r["warnings"])


# ---------------------------------------------------------------------------- destinations
def test_destination_lists_the_engine_reads_agree_with_destination_measures():
    refs = default_set()
    for ref_id, kind in destinations.KIND_FOR_REFERENCE.items():
        assert set(refs.get(ref_id).values()) == destinations.countries_with(kind), ref_id


def test_measures_for_destinations():
    ru = {m.kind for m in destinations.measures_for("RU")}
    assert {"annex_i_ban", "monitoring_authorisation", "arms_embargo"} <= ru and "no_russia_clause" not in ru
    assert [m.kind for m in destinations.measures_for("CN")] == ["no_russia_clause"]
    assert destinations.measures_for("US") == []            # partner country
    assert destinations.measures_for("FR") == []            # no export within the EU
    ir = destinations.measures_for("IR")
    assert "monitoring_authorisation" in {m.kind for m in ir} and all(m.sources for m in ir)
    assert all(m.status in {"verified", "secondary", "to_verify"} for m in ir)
    assert sorted(destinations.partner_countries()) == ["AU", "CA", "CH", "GB", "JP", "KR", "NO", "NZ", "US"]
