"""Every outcome of the Article 5 questionnaire walked through the engine (no Qt), with the
precedence of issue 3, the "unsure counts as met" rule, INCOMPLETE's `missing` list, warnings
for irrelevant answers and a rationale made of cited steps."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from app.assessment.engine import decide
from app.questionnaire.model import load

ART5 = Path(__file__).resolve().parent.parent / "questionnaires" / "art5-1.0.0.yaml"
DEFINITION = ["item.commercial_purpose_only", "item.specially_designed", "item.covert",
              "item.natural_persons", "item.data_operations", "item.ict_source"]
DUE_DILIGENCE = ["redflags.observed", "enduse.aware", "enduse.grounds_to_suspect"]


@pytest.fixture(scope="module")
def qn():
    return load(ART5)


def answers(**kw) -> dict:
    """Keyword names use '__' for '.', e.g. item__covert='no'."""
    return {k.replace("__", "."): v for k, v in kw.items()}


TX = answers(export__member_state="DE", export__destination_country="CN")
LISTED = answers(item__annex_i_listed="yes", item__annex_i_entry="5A001.j")
CYBER = answers(item__annex_i_listed="no", item__commercial_purpose_only="none",
                item__specially_designed="yes", item__covert="yes", item__natural_persons="yes",
                item__data_operations=["monitoring", "analysing"], item__ict_source="yes")
NOT_INFORMED = answers(authority__informed="no")
CLEAN_DD = answers(redflags__observed=[], enduse__aware="no", enduse__grounds_to_suspect="no")


def run(qn, *parts: dict, **kw):
    a: dict = {}
    for p in parts:
        a.update(p)
    a.update(answers(**kw))
    return decide(qn, a)


def cited(result) -> str:
    return " | ".join(c["citation"] for c in result.citations)


# --------------------------------------------------------------------------------- INCOMPLETE

def test_nothing_answered_needs_only_the_first_three(qn):
    r = decide(qn, {})
    assert r.outcome == "INCOMPLETE"
    assert r.missing == ["export.member_state", "export.destination_country", "item.annex_i_listed"]
    assert r.provisional
    assert r.actions  # tells the user what to do


def test_incomplete_wins_over_everything(qn):
    """A listed item to Russia is prohibited, but an unanswered decisive question comes first."""
    r = run(qn, LISTED, export__destination_country="RU")
    assert r.outcome == "INCOMPLETE"
    assert r.missing == ["export.member_state"]


def test_listed_item_needs_the_entry(qn):
    r = run(qn, TX, item__annex_i_listed="yes")
    assert r.outcome == "INCOMPLETE"
    assert r.missing == ["item.annex_i_entry"]


def test_not_listed_asks_commercial_purpose_and_authority(qn):
    r = run(qn, TX, item__annex_i_listed="no")
    assert r.missing == ["item.commercial_purpose_only", "authority.informed"]


def test_definition_is_asked_one_element_at_a_time(qn):
    a = dict(TX, **{"item.annex_i_listed": "no", "authority.informed": "no"})
    expected_next = DEFINITION[1:] + DUE_DILIGENCE[:1]
    for qid, nxt in zip(DEFINITION, expected_next):
        a[qid] = CYBER[qid]
        r = decide(qn, a)
        assert r.outcome == "INCOMPLETE"
        assert r.missing[0] == nxt, (qid, r.missing)


def test_in_scope_needs_red_flags_and_awareness_but_not_grounds_yet(qn):
    r = run(qn, TX, CYBER, NOT_INFORMED)
    assert r.missing == ["redflags.observed", "enduse.aware"]
    r = run(qn, TX, CYBER, NOT_INFORMED, redflags__observed=[], enduse__aware="no")
    assert r.missing == ["enduse.grounds_to_suspect"]


def test_missing_lists_only_what_the_outcome_needs(qn):
    """Dropping any single decisive answer either leaves the outcome unchanged (it was not
    needed) or yields INCOMPLETE with exactly that id missing."""
    decisive = [q.id for q in qn.questions if q.decisive]
    for full in list(_complete_answer_sets())[::13]:
        base = decide(qn, full).outcome
        for qid in decisive:
            if qid not in full:
                continue
            partial = {k: v for k, v in full.items() if k != qid}
            r = decide(qn, partial)
            if r.outcome == "INCOMPLETE":
                assert r.missing == [qid], (full, qid, r.missing)
            else:
                assert r.outcome == base, (full, qid)


# --------------------------------------------------------------------------------- PROHIBITED

@pytest.mark.parametrize("dest", ["RU", "BY"])
def test_listed_item_to_russia_or_belarus_is_prohibited(qn, dest):
    r = run(qn, TX, LISTED, export__destination_country=dest)
    assert r.outcome == "PROHIBITED"  # not AUTHORISATION_REQUIRED, which would also match
    assert r.missing == []
    assert "833/2014" in cited(r)
    assert any("Do not export" in a for a in r.actions)
    # the definition test and the awareness questions were never needed
    assert not set(DEFINITION + DUE_DILIGENCE + ["authority.informed"]) & set(r.unanswered)
    trace = {t.rule: t.fired for t in r.trace}
    assert trace == {"PROHIBITED": True}


# ---------------------------------------------------------------------- AUTHORISATION_REQUIRED

def test_listed_item_elsewhere_needs_authorisation(qn):
    r = run(qn, TX, LISTED)
    assert r.outcome == "AUTHORISATION_REQUIRED"
    assert "Art. 3(1)" in cited(r)
    assert any("Apply for an export authorisation" in a for a in r.actions)


def test_listed_item_ignores_definition_answers_with_warnings(qn):
    r = run(qn, TX, LISTED, item__covert="no", enduse__aware="yes")
    assert r.outcome == "AUTHORISATION_REQUIRED"
    warned = " ".join(r.warnings)
    assert "item.covert" in warned and "enduse.aware" in warned
    assert "ignored" in warned


def test_authority_informed_and_aware_needs_authorisation(qn):
    """Art. 5(1) wins over the notification duty of Art. 5(2)."""
    r = run(qn, TX, CYBER, authority__informed="yes", enduse__aware="yes")
    assert r.outcome == "AUTHORISATION_REQUIRED"
    assert r.missing == []
    assert any("enduse.aware" in w for w in r.warnings)
    assert "Art. 5(1)" in " ".join(c["citation"] for s in r.rationale for c in s.citations)


def test_authority_informed_wins_even_when_definition_fails(qn):
    r = run(qn, TX, item__annex_i_listed="no", item__commercial_purpose_only="billing",
            authority__informed="yes")
    assert r.outcome == "AUTHORISATION_REQUIRED"


@pytest.mark.parametrize("dest", ["IR", "SY", "MM", "VE", "RU", "BY"])
def test_cyber_surveillance_item_to_monitoring_regime_destination(qn, dest):
    r = run(qn, TX, CYBER, NOT_INFORMED, export__destination_country=dest)
    assert r.outcome == "AUTHORISATION_REQUIRED"
    assert r.missing == []  # awareness is not needed on this path
    assert "monitoring_regimes" in r.reference_data


def test_out_of_scope_item_to_regime_destination_is_not_in_scope(qn):
    r = run(qn, TX, NOT_INFORMED, export__destination_country="IR", item__annex_i_listed="no",
            item__commercial_purpose_only="marketing")
    assert r.outcome == "NOT_IN_SCOPE"


# ------------------------------------------------------------------------------------- NOTIFY

def test_aware_exporter_must_notify(qn):
    r = run(qn, TX, CYBER, NOT_INFORMED, redflags__observed=["prior_misuse"], enduse__aware="yes")
    assert r.outcome == "NOTIFY"
    assert r.missing == []  # grounds to suspect is not asked once aware
    assert "Art. 5(2)" in cited(r)
    plan = " ".join(r.actions)
    assert "Notify the competent authority" in plan
    assert "until the authority has decided" in plan


def test_aware_in_ireland_is_notify_not_national(qn):
    r = run(qn, TX, CYBER, NOT_INFORMED, export__member_state="IE", redflags__observed=[],
            enduse__aware="yes")
    assert r.outcome == "NOTIFY"


# ---------------------------------------------------------------------------- NOTIFY_NATIONAL

def test_ireland_with_grounds_to_suspect_gives_national_notice(qn):
    r = run(qn, TX, CYBER, NOT_INFORMED, export__member_state="IE", redflags__observed=[],
            enduse__aware="no", enduse__grounds_to_suspect="yes")
    assert r.outcome == "NOTIFY_NATIONAL"
    assert "60 days" in " ".join(r.actions)
    assert "Control of Exports Act 2023" in cited(r)
    assert "national_art5_3_rules" in r.reference_data


def test_germany_with_grounds_to_suspect_is_risk_mitigation(qn):
    r = run(qn, TX, CYBER, NOT_INFORMED, export__member_state="DE", redflags__observed=[],
            enduse__aware="no", enduse__grounds_to_suspect="yes")
    assert r.outcome == "RISK_MITIGATION"


# ---------------------------------------------------------------------------- RISK_MITIGATION

def test_red_flags_without_grounds_need_mitigation(qn):
    r = run(qn, TX, CYBER, NOT_INFORMED, redflags__observed=["covert_marketing", "scale_mismatch"],
            enduse__aware="no", enduse__grounds_to_suspect="no")
    assert r.outcome == "RISK_MITIGATION"
    plan = " ".join(r.actions)
    assert "mitigation" in plan.lower() and "decline" in plan.lower()
    assert "redflags.notes" in r.unanswered  # explain the red flags before signing


def test_ireland_red_flags_without_grounds_is_mitigation_not_notice(qn):
    r = run(qn, TX, CYBER, NOT_INFORMED, export__member_state="IE",
            redflags__observed=["vague_end_use"], enduse__aware="no", enduse__grounds_to_suspect="no")
    assert r.outcome == "RISK_MITIGATION"


# ---------------------------------------------------------------------------- NO_NOTIFICATION

def test_clean_due_diligence_needs_no_notification(qn):
    r = run(qn, TX, CYBER, NOT_INFORMED, CLEAN_DD)
    assert r.outcome == "NO_NOTIFICATION"
    assert r.open_questions == []
    assert any("5 years" in a for a in r.actions)


# ------------------------------------------------------------------------------- NOT_IN_SCOPE

@pytest.mark.parametrize("purpose", ["billing", "marketing", "quality_of_service", "user_satisfaction",
                                     "network_security"])
def test_commercial_purpose_only_is_not_in_scope(qn, purpose):
    r = run(qn, TX, NOT_INFORMED, item__annex_i_listed="no", item__commercial_purpose_only=purpose)
    assert r.outcome == "NOT_IN_SCOPE"
    assert r.missing == []
    # neither the other elements nor the end-use awareness questions are needed
    assert not set(DEFINITION[1:] + DUE_DILIGENCE) & set(r.unanswered)
    plan = " ".join(r.actions)
    assert "Article 4" in plan and "National measures" in plan


def test_empty_data_operations_is_not_in_scope(qn):
    a = dict(CYBER, **{"item.data_operations": []})
    a.pop("item.ict_source")
    r = run(qn, TX, a, NOT_INFORMED)
    assert r.outcome == "NOT_IN_SCOPE"
    assert r.missing == []
    assert any("monitor, extract, collect or analyse" in s.text for s in r.rationale)


@pytest.mark.parametrize("element", ["item.specially_designed", "item.covert", "item.natural_persons",
                                     "item.ict_source"])
def test_any_element_answered_no_is_not_in_scope(qn, element):
    a = dict(TX, **CYBER, **NOT_INFORMED)
    a[element] = "no"
    # drop the elements after the failing one: they are not asked
    for later in DEFINITION[DEFINITION.index(element) + 1:]:
        a.pop(later)
    r = decide(qn, a)
    assert r.outcome == "NOT_IN_SCOPE"
    assert r.missing == []
    assert any(s.text.startswith("Result of the definition test") for s in r.rationale)


def test_answers_to_questions_after_a_failing_element_are_ignored_with_a_warning(qn):
    r = run(qn, TX, CYBER, NOT_INFORMED, CLEAN_DD, item__specially_designed="no")
    assert r.outcome == "NOT_IN_SCOPE"
    warned = " ".join(r.warnings)
    for qid in ("item.covert", "item.natural_persons", "item.ict_source", "enduse.aware",
                "redflags.observed"):
        assert qid in warned


# ------------------------------------------------------------------------- unsure = cautious

def test_unsure_elements_count_as_met_and_are_open_questions(qn):
    a = dict(CYBER, **{"item.specially_designed": "unsure", "item.covert": "unsure",
                       "item.natural_persons": "unsure", "item.ict_source": "unsure"})
    r = run(qn, TX, a, NOT_INFORMED, CLEAN_DD)
    assert r.outcome == "NO_NOTIFICATION"  # in scope, so not NOT_IN_SCOPE
    assert set(r.open_questions) >= {"item.specially_designed", "item.covert", "item.natural_persons",
                                     "item.ict_source"}
    assert any("unsure" in s.text and "authority" in s.text for s in r.rationale)


def test_unsure_listing_is_assessed_as_not_listed(qn):
    a = dict(CYBER, **{"item.annex_i_listed": "unsure"})
    r = run(qn, TX, a, NOT_INFORMED, redflags__observed=[], enduse__aware="yes")
    assert r.outcome == "NOTIFY"
    assert "item.annex_i_listed" in r.open_questions
    assert any("not sure whether the item is listed" in s.text for s in r.rationale)


def test_unsure_listing_to_russia_is_not_prohibited(qn):
    a = dict(CYBER, **{"item.annex_i_listed": "unsure"})
    r = run(qn, TX, a, NOT_INFORMED, export__destination_country="RU")
    assert r.outcome == "AUTHORISATION_REQUIRED"  # monitoring regime, not the Annex I ban
    assert "item.annex_i_listed" in r.open_questions


def test_unsure_listing_still_needs_the_definition_test(qn):
    r = run(qn, TX, item__annex_i_listed="unsure")
    assert r.outcome == "INCOMPLETE"
    assert r.missing == ["item.commercial_purpose_only", "authority.informed"]


# ------------------------------------------------------------------------------------ rationale

@pytest.mark.parametrize("parts,outcome", [
    ((TX, LISTED, {"export.destination_country": "RU"}), "PROHIBITED"),
    ((TX, LISTED), "AUTHORISATION_REQUIRED"),
    ((TX, CYBER, NOT_INFORMED, {"redflags.observed": [], "enduse.aware": "yes"}), "NOTIFY"),
    ((TX, CYBER, NOT_INFORMED, CLEAN_DD), "NO_NOTIFICATION"),
    ((TX, NOT_INFORMED, {"item.annex_i_listed": "no", "item.commercial_purpose_only": "billing"}),
     "NOT_IN_SCOPE"),
])
def test_rationale_is_steps_with_citations(qn, parts, outcome):
    a: dict = {}
    for p in parts:
        a.update(p)
    r = decide(qn, a)
    assert r.outcome == outcome
    assert len(r.rationale) >= 2
    for step in r.rationale:
        assert step.text.strip()
        assert step.citations, f"step without citation: {step.text}"
        assert all(c["citation"] for c in step.citations)
    assert r.rationale[-1].kind == "rule"
    assert r.citations and r.title and r.summary
    assert r.trace[-1].rule == outcome and r.trace[-1].fired
    assert all(not t.fired for t in r.trace[:-1])


def test_not_in_scope_rationale_names_the_failing_element(qn):
    r = run(qn, TX, NOT_INFORMED, item__annex_i_listed="no", item__commercial_purpose_only="none",
            item__specially_designed="yes", item__covert="no")
    texts = [s.text for s in r.rationale]
    assert any("does not enable covert surveillance" in t for t in texts)
    assert not any("not specially designed" in t for t in texts)


def test_result_is_provisional_until_other_questions_are_answered(qn):
    r = run(qn, TX, CYBER, NOT_INFORMED, CLEAN_DD)
    assert r.provisional
    for qid in ("item.name", "parties.list", "enduse.end_user_type", "mitigation.measures"):
        assert qid in r.unanswered
    assert "enduse.awareness_facts" not in r.unanswered


# ------------------------------------------------------------ exhaustive check against the issue

ELEMENT_PATTERNS = [
    ("yes", "yes", "yes", "yes"),
    ("unsure", "unsure", "unsure", "unsure"),
    ("no", "yes", "yes", "yes"),
    ("yes", "no", "yes", "yes"),
    ("unsure", "yes", "no", "yes"),
    ("yes", "unsure", "yes", "no"),
]


def _complete_answer_sets():
    for ms, dest, listed, purpose, elems, ops, informed, flags, aware, grounds in itertools.product(
            ["DE", "IE"], ["CN", "RU", "IR", "BY"], ["yes", "no", "unsure"], ["none", "network_security"],
            ELEMENT_PATTERNS, [[], ["collecting"]], ["yes", "no"], [[], ["unusual_routing"]],
            ["yes", "no"], ["yes", "no"]):
        yield {
            "export.member_state": ms, "export.destination_country": dest,
            "item.annex_i_listed": listed, "item.annex_i_entry": "4A005",
            "item.commercial_purpose_only": purpose,
            "item.specially_designed": elems[0], "item.covert": elems[1],
            "item.natural_persons": elems[2], "item.ict_source": elems[3],
            "item.data_operations": ops, "authority.informed": informed,
            "redflags.observed": flags, "enduse.aware": aware, "enduse.grounds_to_suspect": grounds,
        }


def _issue_3(a: dict) -> str:
    """The precedence of issue 3, written independently of the questionnaire's rules."""
    listed = a["item.annex_i_listed"] == "yes"
    dest, ms = a["export.destination_country"], a["export.member_state"]
    fails = (a["item.commercial_purpose_only"] != "none"
             or "no" in (a["item.specially_designed"], a["item.covert"], a["item.natural_persons"],
                         a["item.ict_source"])
             or a["item.data_operations"] == [])
    in_scope = not listed and not fails
    aware = a["enduse.aware"] == "yes"
    grounds = a["enduse.grounds_to_suspect"] == "yes"
    if listed and dest in ("RU", "BY"):
        return "PROHIBITED"
    if listed or a["authority.informed"] == "yes" or (in_scope and dest in ("IR", "SY", "MM", "VE", "RU", "BY")):
        return "AUTHORISATION_REQUIRED"
    if in_scope and aware:
        return "NOTIFY"
    if in_scope and grounds and ms == "IE":
        return "NOTIFY_NATIONAL"
    if in_scope and (grounds or a["redflags.observed"]):
        return "RISK_MITIGATION"
    if in_scope:
        return "NO_NOTIFICATION"
    return "NOT_IN_SCOPE"


def test_every_complete_answer_set_matches_the_issue(qn):
    seen = set()
    for a in _complete_answer_sets():
        r = decide(qn, a)
        assert r.missing == [], a
        assert r.outcome == _issue_3(a), a
        seen.add(r.outcome)
    assert seen == {"PROHIBITED", "AUTHORISATION_REQUIRED", "NOTIFY", "NOTIFY_NATIONAL",
                    "RISK_MITIGATION", "NO_NOTIFICATION", "NOT_IN_SCOPE"}
