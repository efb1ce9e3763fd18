"""The shipped Article 5 questionnaire (questionnaires/art5-1.0.0.yaml) and its reference data:
the stable-id contract of issue 3, help and sources on every question, provenance marking, and
a clean lint."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.base import countries
from app.assessment import lint
from app.base import reference
from app.questionnaire.model import load

ROOT = Path(__file__).resolve().parent.parent
ART5 = ROOT / "questionnaires" / "art5-1.0.0.yaml"

YNU = ["yes", "no", "unsure"]
YN = ["yes", "no"]

# issue 3, "Stable ids": id -> (type, allowed values or None for free values)
CONTRACT = {
    "export.member_state": ("country", "eu27"),
    "export.destination_country": ("country", "all"),
    "item.annex_i_listed": ("yes_no_unsure", YNU),
    "item.annex_i_entry": ("text", None),
    "item.commercial_purpose_only": (
        "single_choice",
        ["none", "billing", "marketing", "quality_of_service", "user_satisfaction", "network_security"],
    ),
    "item.specially_designed": ("yes_no_unsure", YNU),
    "item.covert": ("yes_no_unsure", YNU),
    "item.natural_persons": ("yes_no_unsure", YNU),
    "item.data_operations": ("multi_choice", ["monitoring", "extracting", "collecting", "analysing"]),
    "item.ict_source": ("yes_no_unsure", YNU),
    "authority.informed": ("yes_no", YN),
    "enduse.aware": ("yes_no", YN),
    "enduse.grounds_to_suspect": ("yes_no", YN),
    "redflags.observed": ("multi_choice", None),  # checked separately: a superset of REDFLAGS
}

REDFLAGS = [
    "covert_marketing", "prior_misuse", "security_end_user_hr_record", "repressive_legal_framework",
    "targeting_customisation", "safeguards_removal", "vague_end_use", "scale_mismatch",
    "unusual_routing", "armed_conflict", "operational_support", "sanctioned_party",
]

SECTIONS = ["transaction", "item", "definition", "authority", "end_use", "parties", "red_flags",
            "mitigation", "awareness"]


@pytest.fixture(scope="module")
def qn():
    return load(ART5)


def test_identity(qn):
    assert qn.id == "art5"
    assert qn.version == "1.0.0"
    assert qn.sha256 and len(qn.sha256) == 64


@pytest.mark.parametrize("qid", sorted(CONTRACT))
def test_stable_id_type_and_values(qn, qid):
    qtype, values = CONTRACT[qid]
    assert qn.has_question(qid), f"contract id {qid} is missing"
    q = qn.question(qid)
    assert q.type == qtype
    if values == "eu27":
        assert set(q.countries) == set(countries.EU27) and len(q.countries) == 27
    elif values == "all":
        assert q.countries is None
    elif values is not None:
        assert q.choice_values() == values


def test_decisive_questions_are_exactly_the_contract(qn):
    """The outcome depends only on the contract ids, so exactly those are decisive."""
    assert {q.id for q in qn.questions if q.decisive} == set(CONTRACT)


def test_all_twelve_red_flags_with_help_and_source(qn):
    q = qn.question("redflags.observed")
    values = q.choice_values()
    for rf in REDFLAGS:
        assert rf in values, rf
    for c in q.choices:
        assert c.help.get("en", "").strip(), f"red flag {c.value} has no explanation"
        assert c.sources, f"red flag {c.value} has no source"


def test_red_flag_provenance(qn):
    """Only two red flags are confirmed (secondary); the others must be marked to verify."""
    q = qn.question("redflags.observed")
    assert q.to_verify
    confirmed = {"covert_marketing", "prior_misuse"}
    for c in q.choices:
        statuses = {s.status for s in c.sources}
        if c.value in confirmed:
            assert "secondary" in statuses or "verified" in statuses
        elif c.value in REDFLAGS:
            assert "to_verify" in statuses, f"{c.value} rests on recollection but is not marked"
            assert "verify" in c.help["en"].lower()


def test_every_question_has_label_hint_help_and_source(qn):
    for q in qn.questions:
        assert q.label.get("en", "").strip(), q.id
        assert q.hint.get("en", "").strip(), f"{q.id} has no hint"
        assert len(q.help.get("en", "").strip()) >= 40, f"{q.id} has no real help text"
        assert q.sources, f"{q.id} has no source"
        for s in q.sources:
            assert s.act and s.status in ("verified", "secondary", "to_verify")


def test_to_verify_content_is_traceable(qn):
    flagged = [q for q in qn.questions if q.to_verify]
    assert flagged
    for q in flagged:
        assert any(s.url or s.note for s in q.sources), q.id
        # the help says so, and at least one source carries the to_verify status
        assert "verify" in q.help["en"].lower(), f"{q.id}: help does not say what is to verify"
        assert any(s.status == "to_verify" for s in q.sources), q.id
    for sid, s in qn.sources.items():
        if s.status == "to_verify":
            assert s.url or s.note, sid


def test_content_resting_on_recollection_is_flagged(qn):
    """Definition-element interpretations, CP 2008/944 factors, mitigation measures: [R] facts."""
    for qid in ("item.specially_designed", "item.covert", "item.natural_persons",
                "item.data_operations", "item.ict_source", "enduse.legal_framework",
                "enduse.hr_findings", "enduse.armed_conflict", "mitigation.measures",
                "item.annex_i_entry_pick", "item.vigilance_categories"):
        assert qn.question(qid).to_verify, qid
    # verified law is not diluted with to-verify marks
    for qid in ("export.member_state", "authority.informed", "enduse.aware",
                "enduse.grounds_to_suspect", "item.annex_i_listed"):
        assert not qn.question(qid).to_verify, qid


def test_definition_elements_one_per_page_with_unsure(qn):
    for qid in ("item.specially_designed", "item.covert", "item.natural_persons", "item.ict_source"):
        q = qn.question(qid)
        page = qn.page(q.page_id)
        assert page.section == "definition"
        assert [x.id for x in page.questions] == [qid]
        assert "unsure" in q.choice_values()
        help_text = q.help["en"].lower()
        assert "in scope" in help_text and "out of scope" in help_text, f"{qid}: examples and counter-examples"


def test_sections_in_issue_order(qn):
    seen: list[str] = []
    for p in qn.pages:
        assert p.section in SECTIONS, p.id
        if not seen or seen[-1] != p.section:
            seen.append(p.section)
    assert seen == SECTIONS


def test_awareness_is_asked_last(qn):
    order = [q.id for q in qn.questions]
    assert order.index("enduse.aware") > order.index("redflags.observed")
    assert order.index("enduse.aware") > order.index("mitigation.measures")
    assert qn.pages[-1].section == "awareness"


def test_parties_group(qn):
    q = qn.question("parties.list")
    assert q.type == "group"
    assert [f.id for f in q.fields] == ["name", "role", "country", "address"]
    role = next(f for f in q.fields if f.id == "role")
    assert role.choice_values() == ["end_user", "consignee", "intermediary", "distributor_reseller",
                                    "owner_controller"]


def test_mitigation_covers_the_four_kinds(qn):
    values = qn.question("mitigation.measures").choice_values()
    for prefix in ("tech_", "contract_", "service_", "org_"):
        assert any(v.startswith(prefix) for v in values), prefix
    assert qn.question("mitigation.details").type == "text"


def test_outcomes_in_issue_order_with_actions_and_sources(qn):
    ids = [o.id for o in qn.outcomes]
    assert ids == ["INCOMPLETE", "PROHIBITED", "AUTHORISATION_REQUIRED", "NOTIFY", "NOTIFY_NATIONAL",
                   "RISK_MITIGATION", "NO_NOTIFICATION", "NOT_IN_SCOPE"]
    for o in qn.outcomes:
        assert o.title.get("en") and o.summary.get("en") and o.rationale.get("en"), o.id
        assert o.actions, o.id
        assert o.sources, o.id


def test_derived_steps_have_citations(qn):
    for d in qn.derived:
        if d.explain_true or d.explain_false:
            assert d.sources, f"derived {d.id} explains a step without a citation"


# ----------------------------------------------------------------------------- reference data

REF_NAMES = ["annex_i_entries", "vigilance_categories", "monitoring_regimes",
             "prohibited_listed_destinations", "national_art5_3_rules"]


@pytest.mark.parametrize("name", REF_NAMES)
def test_reference_data_files(name):
    data = reference.ReferenceSet().get(name)
    assert data.version and data.date
    for item in data.items:
        assert item.get("label", {}).get("en"), f"{name}: {item['value']} has no label"
        assert item.get("help", {}).get("en"), f"{name}: {item['value']} has no help"
        assert item.get("sources"), f"{name}: {item['value']} has no source"
        for s in item["sources"]:
            assert s["act"] and s["status"] in ("verified", "secondary", "to_verify")
            if s["status"] == "to_verify":
                assert s.get("url") or s.get("note")
        if item.get("to_verify"):
            assert any(s["status"] == "to_verify" for s in item["sources"])


def test_reference_values():
    refs = reference.ReferenceSet()
    assert set(refs.get("monitoring_regimes").values()) == {"IR", "SY", "MM", "VE", "RU", "BY"}
    assert set(refs.get("prohibited_listed_destinations").values()) == {"RU", "BY"}
    national = refs.get("national_art5_3_rules")
    assert national.values() == ["IE"]
    ie = national.item("IE")
    assert ie["notice_days"] == 60
    assert ie["sources"][0]["status"] == "verified"
    entries = refs.get("annex_i_entries").values()
    for e in ("4A005", "4D004", "4E001.c", "5A001.f", "5A001.j", "5D001.e", "5A004.b", "other"):
        assert e in entries
    assert any(v.startswith("5D002") for v in entries)
    assert len(refs.get("vigilance_categories").values()) == 9


def test_reference_versions_are_recorded(qn):
    for name in REF_NAMES:
        info = qn.reference_versions[name]
        assert info["version"] and len(info["sha256"]) == 64


def test_pickers_use_reference_data(qn):
    assert "5A001.j" in qn.question("item.annex_i_entry_pick").choice_values()
    assert "spyware" in qn.question("item.vigilance_categories").choice_values()


# ----------------------------------------------------------------------------------------- lint

def test_shipped_questionnaires_lint_clean():
    files = sorted((ROOT / "questionnaires").glob("*.yaml"))
    assert ART5 in files
    for f in files:
        report = lint.lint(f)
        assert report.ok, report.format()
    art5 = lint.lint(ART5)
    assert art5.warnings == [], art5.format()
