"""Questionnaire art5 1.1.0 (issue 13, "never a wrong all-clear") walked through the engine
without Qt, path by path: list membership as a fact to establish (each "unsure" membership
evaluated both ways), the sanctions and list checks independent of the definition test,
Russia / Belarus / Iran / North Korea, the military list to an embargoed destination,
Article 4, a ban shown while answers are missing, the flags, the Art. 9 caveat, the
Member-State-dependent action plans, and version 1.0.0 still giving its own results."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.assessment.engine import decide
from app.questionnaire.model import load

ROOT = Path(__file__).resolve().parent.parent
V11 = ROOT / "questionnaires" / "art5-1.1.0.yaml"
V10 = ROOT / "questionnaires" / "art5-1.0.0.yaml"


@pytest.fixture(scope="module")
def qn():
    return load(V11)


@pytest.fixture(scope="module")
def qn10():
    return load(V10)


def answers(**kw) -> dict:
    """Keyword names use '__' for '.', e.g. item__covert='no'."""
    return {k.replace("__", "."): v for k, v in kw.items()}


TX = answers(export__member_state="DE", export__destination_country="CN")
LISTS_NO = answers(item__annex_i_listed="no", item__military_listed="no", item__national_list="no")
DEFINITION_MET = answers(item__commercial_purpose_only="none", item__specially_designed="yes", item__covert="yes",
                         item__natural_persons="yes", item__data_operations=["monitoring", "analysing"],
                         item__ict_source="yes")
NOT_INFORMED = answers(authority__informed="no", enduse__art4="no")
CYBER = {**LISTS_NO, **DEFINITION_MET, **NOT_INFORMED}
CLEAN_DD = answers(redflags__observed=[], enduse__aware="no", enduse__grounds_to_suspect="no")
AWARE_DD = answers(redflags__observed=["covert_marketing"], enduse__aware="yes")
# Deep-packet-inspection equipment answered "not covert": it fails the definition.
NOT_COVERT = {**CYBER, "item.covert": "no", "enduse.aware": "no"}


def run(qn, *parts: dict, **kw):
    a: dict = {}
    for p in parts:
        a.update(p)
    a.update(answers(**kw))
    return decide(qn, a)


def text(result) -> str:
    return " ".join([result.title, result.summary, *result.actions, *(s.text for s in result.rationale)])


# ------------------------------------------------------------------------ the ordinary paths

def test_clean_due_diligence_gives_no_notification_with_the_national_caveat(qn):
    r = run(qn, TX, CYBER, CLEAN_DD)
    assert r.outcome == "NO_NOTIFICATION"
    assert r.outcome_if_listed is None and r.outcome_if_not_listed is None
    assert any("Art. 9" in c and "5D902" in c for c in r.caveats)


def test_aware_gives_notify_for_a_german_exporter_without_irish_advice(qn):
    r = run(qn, TX, CYBER, AWARE_DD)
    assert r.outcome == "NOTIFY"
    assert not any("Ireland" in a or "60 days" in a for a in r.actions)


def test_irish_notify_carries_the_60_days_of_s10_6(qn):
    r = run(qn, TX, CYBER, AWARE_DD, export__member_state="IE")
    assert r.outcome == "NOTIFY"
    assert any("60 days" in a and "s.10(6)" in a for a in r.actions)


def test_irish_grounds_to_suspect_is_a_national_notice_citing_s10_7(qn):
    r = run(qn, TX, CYBER, CLEAN_DD, export__member_state="IE", enduse__grounds_to_suspect="yes")
    assert r.outcome == "NOTIFY_NATIONAL"
    assert any(c["paragraph"] == "7" and "Control of Exports Act" in c["act"] for c in r.citations)
    assert any("s.10(7)" in a for a in r.actions)
    assert "Art. 5(3)" not in r.title


def test_risk_mitigation_says_no_duty_under_art_5_2_only(qn):
    r = run(qn, TX, CYBER, CLEAN_DD, enduse__grounds_to_suspect="yes")
    assert r.outcome == "RISK_MITIGATION"
    assert "no duty under Art. 5(2)" in r.summary.lower() or "No duty under Art. 5(2)" in r.summary
    assert "No notification duty arises" not in text(r)
    assert r.caveats


def test_definition_unsure_is_treated_as_met(qn):
    r = run(qn, TX, CYBER, CLEAN_DD, item__covert="unsure")
    assert r.outcome == "NO_NOTIFICATION"
    assert "item.covert" in r.open_questions
    assert any("treated as met" in s.text for s in r.rationale)


def test_not_in_scope_needs_the_awareness_answer_and_flags_a_known_misuse(qn):
    r = run(qn, TX, {**CYBER, "item.covert": "no"})
    assert r.outcome == "INCOMPLETE" and r.missing == ["enduse.aware"]
    r = run(qn, TX, {**CYBER, "item.covert": "no"}, enduse__aware="yes")
    assert r.outcome == "NOT_IN_SCOPE"
    assert "aware_out_of_scope" in r.flags
    assert "consult" in r.flag_texts["aware_out_of_scope"].lower()
    r = run(qn, TX, NOT_COVERT)
    assert r.outcome == "NOT_IN_SCOPE" and "aware_out_of_scope" not in r.flags


def test_commercial_purpose_is_a_presumption_flag(qn):
    r = run(qn, TX, LISTS_NO, NOT_INFORMED, item__commercial_purpose_only="network_security", enduse__aware="no")
    assert r.outcome == "NOT_IN_SCOPE"
    assert "exclusion_presumption" in r.flags
    assert "generally" in r.flag_texts["exclusion_presumption"]


def test_covert_question_tests_design_not_capability(qn):
    label = qn.question("item.covert").label["en"]
    assert "specially designed to enable covert surveillance" in label
    assert "CCTV" in qn.question("item.covert").help["en"]


# ------------------------------------------------------------- unsure memberships, both ways

@pytest.mark.parametrize("qid, listed_outcome", [
    ("item.annex_i_listed", "AUTHORISATION_REQUIRED"),
    ("item.military_listed", "AUTHORISATION_REQUIRED"),  # China: the 1989 declaration is not a legal embargo
    ("item.national_list", "AUTHORISATION_REQUIRED"),
])
def test_each_unsure_list_with_a_clean_file_requires_classification(qn, qid, listed_outcome):
    r = run(qn, TX, CYBER, CLEAN_DD, **{qid.replace(".", "__"): "unsure"})
    assert r.outcome == "CLASSIFICATION_REQUIRED"
    assert r.outcome_if_listed == listed_outcome
    assert r.outcome_if_not_listed == "NO_NOTIFICATION"
    assert qid in r.open_questions
    assert any("do not export" in a.lower() for a in r.actions)
    assert any(listed_outcome in a for a in r.actions) and any("NO_NOTIFICATION" in a for a in r.actions)


def test_unsure_military_item_to_a_non_embargoed_destination(qn):
    r = run(qn, TX, CYBER, CLEAN_DD, export__destination_country="BR", item__military_listed="unsure")
    assert (r.outcome, r.outcome_if_listed, r.outcome_if_not_listed) == (
        "CLASSIFICATION_REQUIRED", "AUTHORISATION_REQUIRED", "NO_NOTIFICATION")


def test_maybe_listed_item_to_russia_failing_the_definition_is_not_an_all_clear(qn):
    """1.0.0 said NOT_IN_SCOPE; 1.1.0: listed would be prohibited, so classify first."""
    r = run(qn, NOT_COVERT, export__member_state="DE", export__destination_country="RU", item__annex_i_listed="unsure",
            destination__regime_item="no", destination__sectoral_ban="no")
    assert r.outcome == "CLASSIFICATION_REQUIRED"
    assert (r.outcome_if_listed, r.outcome_if_not_listed) == ("PROHIBITED", "NOT_IN_SCOPE")


def test_unsure_regime_item_with_the_definition_failing(qn):
    r = run(qn, NOT_COVERT, export__member_state="DE", export__destination_country="IR", destination__regime_item="unsure")
    assert (r.outcome, r.outcome_if_listed, r.outcome_if_not_listed) == (
        "CLASSIFICATION_REQUIRED", "AUTHORISATION_REQUIRED", "NOT_IN_SCOPE")


def test_unsure_sectoral_ban_for_belarus(qn):
    r = run(qn, NOT_COVERT, export__member_state="DE", export__destination_country="BY", destination__regime_item="no",
            destination__sectoral_ban="unsure")
    assert (r.outcome, r.outcome_if_listed, r.outcome_if_not_listed) == (
        "CLASSIFICATION_REQUIRED", "PROHIBITED", "NOT_IN_SCOPE")


def test_same_outcome_both_ways_is_the_outcome(qn):
    r = run(qn, TX, CYBER, item__annex_i_listed="unsure", authority__informed="yes")
    assert r.outcome == "AUTHORISATION_REQUIRED"
    assert r.outcome_if_listed == r.outcome_if_not_listed == "AUTHORISATION_REQUIRED"


def test_unsure_listing_when_aware_notifies_first_with_the_classification_inside(qn):
    r = run(qn, TX, CYBER, AWARE_DD, item__annex_i_listed="unsure")
    assert r.outcome == "CLASSIFICATION_REQUIRED"
    assert r.outcome_if_not_listed == "NOTIFY"
    assert r.actions[0].startswith("Give your notice to the competent authority now")
    from app.documents.notification import needs_notification, notice_outcome
    assert needs_notification(r) and notice_outcome(r) == "NOTIFY"


def test_classification_route_depends_on_member_state_and_what_is_unsure(qn):
    de = run(qn, TX, CYBER, CLEAN_DD, item__annex_i_listed="unsure")
    assert any("AzG" in a for a in de.actions)
    fr = run(qn, TX, CYBER, CLEAN_DD, export__member_state="FR", export__destination_country="BR",
             item__military_listed="unsure")
    assert any("DGA" in a for a in fr.actions) and not any("AzG" in a for a in fr.actions)
    ru = run(qn, NOT_COVERT, export__member_state="DE", export__destination_country="RU", item__annex_i_listed="unsure",
             destination__regime_item="no", destination__sectoral_ban="no")
    assert any("Nullbescheid" in a for a in ru.actions) and not any("AzG" in a for a in ru.actions)


def test_unsure_membership_while_other_answers_are_missing_stays_incomplete(qn):
    r = run(qn, TX, LISTS_NO, DEFINITION_MET, NOT_INFORMED, item__annex_i_listed="unsure")
    assert r.outcome == "INCOMPLETE"
    assert r.outcome_if_listed == "AUTHORISATION_REQUIRED" and r.outcome_if_not_listed == "INCOMPLETE"
    assert "enduse.aware" in r.missing


# ---------------------------------------------------------------------- bans and destinations

@pytest.mark.parametrize("country", ["RU", "BY", "KP", "IR"])
def test_annex_i_item_to_a_banned_destination_is_prohibited(qn, country):
    r = run(qn, answers(export__member_state="DE", export__destination_country=country, item__annex_i_listed="yes",
                        item__military_listed="no", destination__regime_item="no"))
    assert r.outcome == "PROHIBITED"
    assert not r.caveats


def test_iran_cites_the_restored_ban(qn):
    r = run(qn, answers(export__member_state="DE", export__destination_country="IR", item__annex_i_listed="yes"))
    assert r.outcome == "PROHIBITED"
    assert any("30 September 2025" in a for a in r.actions)
    assert any("267/2012" in c["act"] for c in r.citations)


def test_any_item_to_north_korea_is_prohibited_before_anything_else_is_answered(qn):
    r = run(qn, answers(export__destination_country="KP"))
    assert r.outcome == "PROHIBITED"
    assert "export.member_state" in r.missing
    assert any("HS chapters 84 and 85" in a for a in r.actions)


def test_a_ban_established_by_the_answers_is_shown_while_questions_are_open(qn):
    r = run(qn, answers(export__destination_country="RU", item__annex_i_listed="yes"))
    assert r.outcome == "PROHIBITED"
    assert r.missing  # member state, military list, regime question still open
    assert r.provisional


def test_russia_sectoral_ban_with_the_definition_failing_is_prohibited(qn):
    r = run(qn, NOT_COVERT, export__member_state="DE", export__destination_country="RU", destination__regime_item="no",
            destination__sectoral_ban="yes")
    assert r.outcome == "PROHIBITED"


def test_russia_item_outside_every_list_and_failing_the_definition_is_not_in_scope(qn):
    r = run(qn, NOT_COVERT, export__member_state="DE", export__destination_country="RU", destination__regime_item="no",
            destination__sectoral_ban="no")
    assert r.outcome == "NOT_IN_SCOPE"


def test_sectoral_ban_is_asked_for_russia_and_belarus_only(qn):
    for country, asked in (("RU", True), ("BY", True), ("IR", False), ("CN", False)):
        r = run(qn, NOT_COVERT, export__member_state="DE", export__destination_country=country,
                destination__regime_item="no")
        assert ("destination.sectoral_ban" in r.missing) is asked, country


def test_dpi_equipment_to_iran_not_covert_but_a_regime_item_needs_authorisation(qn):
    """1.0.0 gave NOT_IN_SCOPE: its regimes applied to in-scope items only."""
    r = run(qn, NOT_COVERT, export__member_state="DE", export__destination_country="IR", destination__regime_item="yes")
    assert r.outcome == "AUTHORISATION_REQUIRED"
    assert not any("refusal is likely" in a for a in r.actions)


@pytest.mark.parametrize("country", ["RU", "BY"])
def test_regime_item_to_russia_or_belarus_warns_that_refusal_is_likely(qn, country):
    r = run(qn, NOT_COVERT, export__member_state="DE", export__destination_country=country,
            destination__regime_item="yes", destination__sectoral_ban="no")
    assert r.outcome == "AUTHORISATION_REQUIRED"
    assert any("refusal is likely" in a and "do not export before the authority decides" in a for a in r.actions)


def test_in_scope_item_to_a_regime_destination_that_is_no_regime_item_goes_through_article_5(qn):
    r = run(qn, TX, CYBER, CLEAN_DD, export__destination_country="VE", destination__regime_item="no")
    assert r.outcome == "NO_NOTIFICATION"
    r = run(qn, TX, CYBER, AWARE_DD, export__destination_country="MM", destination__regime_item="no")
    assert r.outcome == "NOTIFY"


def test_regime_question_is_asked_whatever_the_definition_gives(qn):
    r = run(qn, NOT_COVERT, export__member_state="DE", export__destination_country="MM")
    assert r.outcome == "INCOMPLETE" and r.missing == ["destination.regime_item"]


# --------------------------------------------------------------- military list, Art. 4, Art. 9

def test_military_item_to_an_embargoed_destination_is_prohibited(qn):
    r = run(qn, answers(export__member_state="DE", export__destination_country="VE", item__military_listed="yes"))
    assert r.outcome == "PROHIBITED"
    assert any("arms-export" in a for a in r.actions)


def test_military_item_elsewhere_goes_to_the_arms_export_authority(qn):
    r = run(qn, TX, CYBER, CLEAN_DD, export__member_state="FR", export__destination_country="JP",
            item__military_listed="yes")
    assert r.outcome == "AUTHORISATION_REQUIRED"
    assert any("DGA" in a and "not to the dual-use service" in a for a in r.actions)
    assert "enduse.art4" not in r.missing


def test_art4_informed_needs_authorisation_even_for_an_item_out_of_scope(qn):
    r = run(qn, TX, NOT_COVERT, enduse__art4="informed")
    assert r.outcome == "AUTHORISATION_REQUIRED"


def test_art4_aware_must_notify_even_for_an_item_out_of_scope(qn):
    r = run(qn, TX, NOT_COVERT, enduse__art4="aware")
    assert r.outcome == "NOTIFY"
    assert any(c["article"] == "4" for c in r.citations)


def test_german_monitoring_centre_on_the_national_list_needs_authorisation(qn):
    """1.0.0 gave "No notification required" to a monitoring centre just below 5D001.e."""
    r = run(qn, TX, CYBER, CLEAN_DD, item__national_list="yes")
    assert r.outcome == "AUTHORISATION_REQUIRED"
    assert "5D902" in qn.question("item.national_list").hint["en"]


def test_authority_informed_is_widened_to_art_5_6_and_art_10(qn):
    q = qn.question("authority.informed")
    assert "OJ C" in q.label["en"] and "Art. 10" in q.hint["en"]


# ---------------------------------------------------------------------------------- flags

def test_parties_not_screened_is_flagged_whatever_the_outcome(qn):
    r = run(qn, TX, CYBER, CLEAN_DD)
    assert "parties_not_screened" in r.flags
    r = run(qn, TX, CYBER, CLEAN_DD, parties__screened="yes")
    assert "parties_not_screened" not in r.flags


@pytest.mark.parametrize("country, flagged", [("CN", True), ("AE", True), ("US", False), ("CH", False),
                                              ("RU", False)])
def test_no_russia_clause_flag_outside_the_partner_countries(qn, country, flagged):
    r = run(qn, TX, CYBER, CLEAN_DD, export__destination_country=country)
    assert ("no_russia_clause" in r.flags) is flagged
    if flagged:
        assert "Art. 8g" in r.flag_texts["no_russia_clause"]


def test_every_non_prohibition_outcome_has_the_caveat_and_prohibited_has_none(qn):
    for r in (run(qn, TX, CYBER, CLEAN_DD), run(qn, TX, CYBER, AWARE_DD), run(qn, TX, NOT_COVERT),
              run(qn, TX, CYBER, CLEAN_DD, item__annex_i_listed="unsure"), run(qn, {})):
        assert r.outcome != "PROHIBITED" and r.caveats, r.outcome
    assert not run(qn, answers(export__destination_country="KP")).caveats


# --------------------------------------------------------------------------- version 1.0.0

def test_version_1_0_0_keeps_its_own_results_and_is_flagged_superseded(qn10):
    # 1.0.0's (wrong) all-clear for a maybe-listed item to Russia that fails the definition
    r = decide(qn10, answers(export__member_state="DE", export__destination_country="RU",
                             item__annex_i_listed="unsure", item__commercial_purpose_only="none",
                             item__specially_designed="yes", item__covert="no", authority__informed="no"))
    assert r.outcome == "NOT_IN_SCOPE"
    assert "superseded_questionnaire" in r.flags
    assert any("1.1.0" in w for w in r.warnings)
    assert r.outcome_if_listed is None and not r.caveats


def test_version_1_1_0_is_not_flagged_superseded(qn):
    assert "superseded_questionnaire" not in run(qn, TX, CYBER, CLEAN_DD).flags


def test_the_newest_version_is_the_default(qn):
    from app.questionnaire import model as questionnaire

    assert questionnaire.latest("art5", ROOT / "questionnaires").version == "1.1.0"


def test_version_1_0_0_file_is_unchanged():
    import hashlib

    digest = hashlib.sha256(V10.read_bytes()).hexdigest()
    # the released file's hash (issue 3); a released version is never edited
    assert digest == RELEASED_1_0_0


RELEASED_1_0_0 = "61d5cc3843db323ea717fc11d15e7eb378d8c767d8e64130ab6538545bc4e35a"


def test_users_see_no_internal_notes_or_romanian_links_in_1_1_0():
    raw = V11.read_text(encoding="utf-8")
    for bad in ("sintact.ro", "recollection", "was not read in full", "resources/reference/", "to verify"):
        assert bad not in raw, bad


def test_questionnaire_check_passes_on_1_1_0():
    from app.assessment.lint import lint

    report = lint(V11)
    assert report.errors == []


# ------------------------------------------------------------------ drafts and finished records

def test_a_1_0_0_draft_is_offered_the_move_to_1_1_0_and_a_finished_record_never_changes(tmp_path, qn10):
    from app.assessment import records
    from app.storage.store import Store

    s = Store.open(tmp_path)
    draft = s.create_assessment("art5", "1.0.0", qn10.sha256)
    s.save_answers(draft.id, {"item.name": "Netwatch", "item.annex_i_listed": "unsure", "item.covert": "no"})
    preview = records.migrate_draft(s, draft.id, ROOT / "questionnaires")
    assert (preview.from_version, preview.to_version) == ("1.0.0", "1.1.0")
    for qid in ("item.military_listed", "item.national_list", "destination.regime_item", "destination.sectoral_ban",
                "enduse.art4", "item.cn_code"):
        assert qid in preview.new_questions, qid
    assert "item.covert" in preview.changed_questions  # reworded around design: check the answer
    records.migrate_draft(s, draft.id, ROOT / "questionnaires", apply=True)
    assert s.get(draft.id).questionnaire_version == "1.1.0"
    assert s.answers(draft.id)["item.annex_i_listed"] == "unsure"

    done = s.create_assessment("art5", "1.0.0", qn10.sha256)
    s.save_answers(done.id, {"item.name": "Old deal"})
    s.finish(done.id, "NOT_IN_SCOPE")
    with pytest.raises(ValueError, match="only drafts"):
        records.migrate_draft(s, done.id, ROOT / "questionnaires", apply=True)
    assert s.get(done.id).questionnaire_version == "1.0.0"


# ----------------------------------------------------------------------------- reference data

def test_new_reference_data_names_sources_and_status():
    from app.base.reference import ReferenceSet

    refs = ReferenceSet()
    assert set(refs.get("annex_i_ban_destinations").values()) == {"RU", "BY", "KP", "IR"}
    assert refs.get("total_ban_destinations").values() == ["KP"]
    assert set(refs.get("sectoral_ban_destinations").values()) == {"RU", "BY"}
    assert {"RU", "BY", "KP", "IR", "VE", "MM"} <= set(refs.get("arms_embargo_destinations").values())
    assert set(refs.get("no_russia_partner_countries").values()) == {"US", "JP", "GB", "KR", "AU", "CA", "NZ",
                                                                      "NO", "CH"}
    regimes = refs.get("monitoring_regimes")
    assert {i["value"]: i["annex"].split()[0] for i in regimes.items} == {
        "IR": "IV", "SY": "V", "MM": "III", "VE": "II", "RU": "II", "BY": "IV"}
    hints = refs.get("national_list_hints")
    assert len(hints.values()) == 27
    de = hints.item("DE")
    assert de["entries"] == ["5A902", "5D902", "5E902"] and "NO" in de["exempt_destinations"]
    assert all(i["status"] == "to_verify" for i in hints.items if i["value"] != "DE")
    entries = refs.get("annex_i_entries").values()
    assert {"4E001.a", "5A004.a", "5A004.b"} <= set(entries)
    for name in ("annex_i_ban_destinations", "total_ban_destinations", "sectoral_ban_destinations",
                 "national_list_hints", "monitoring_regimes"):
        for item in refs.get(name).items:
            assert item.get("sources"), (name, item["value"])
            for s in item["sources"]:
                assert s["status"] in ("verified", "secondary", "to_verify") and (s.get("url") or s.get("note"))
    authorities = refs.get("authorities")
    assert all(i.get("authority") for i in authorities.items)


def test_lint_warns_about_membership_without_a_classification_outcome():
    import yaml

    from app.assessment.lint import lint_questionnaire
    from app.questionnaire.model import build

    raw = yaml.safe_load((ROOT / "tests" / "fixtures" / "demo.yaml").read_text(encoding="utf-8"))
    for page in raw["pages"]:
        for q in page["questions"]:
            if q["id"] == "item.listed":
                q["membership"] = True
    report = lint_questionnaire(build(raw, "demo-membership.yaml", "0" * 64))
    assert any("CLASSIFICATION_REQUIRED" in w for w in report.warnings)


def test_a_confirmed_sanctions_hit_is_shown_while_answers_are_missing(qn, qn10):
    party = {"name": "Petrov, Ivan", "role": "end_user", "country": "RU"}
    hit = {"status": "confirmed", "entity_name": "PETROV Ivan", "eu_reference": "EU.1.2", "programme": "RUS",
           "regulation": "Council Regulation (EU) No 269/2014"}
    screening = {"checked": True, "parties": [dict(party, hits=[hit])]}
    r = decide(qn, answers(export__member_state="DE"), screening=screening)
    assert r.outcome == "PROHIBITED" and r.missing
    # version 1.0.0 keeps its own precedence (INCOMPLETE first)
    assert decide(qn10, answers(export__member_state="DE"), screening=screening).outcome == "INCOMPLETE"


def test_unsure_military_item_to_an_embargoed_destination_may_be_prohibited(qn):
    r = run(qn, TX, CYBER, CLEAN_DD, export__destination_country="VE", destination__regime_item="no",
            item__military_listed="unsure")
    assert (r.outcome, r.outcome_if_listed, r.outcome_if_not_listed) == (
        "CLASSIFICATION_REQUIRED", "PROHIBITED", "NO_NOTIFICATION")


# ---------------------------------------------------------------- never a wrong all-clear

def test_no_all_clear_when_a_list_an_authority_or_a_ban_says_otherwise(qn):
    """Seeded random walks through every decisive question: an all-clear (NO_NOTIFICATION,
    NOT_IN_SCOPE, RISK_MITIGATION) never follows a 'yes' or 'unsure' list membership, an
    authority's information, Art. 4 knowledge or North Korea; complete answers always reach a rule."""
    import random

    from app.assessment.flow import Flow

    countries = ["DE", "IE", "FR", "CN", "RU", "BY", "IR", "KP", "SY", "MM", "VE", "US", "BR", "AE"]
    members = ("item.annex_i_listed", "item.military_listed", "item.national_list", "destination.regime_item",
               "destination.sectoral_ban")

    def choices(q):
        if q.type == "country":
            return list(q.countries[:3]) if q.countries else countries
        if q.type == "multi_choice":
            values = q.choice_values()
            return [[], [values[0]], values[:2]]
        values = q.choice_values()
        if q.membership or q.id in ("authority.informed", "enduse.art4"):
            return ["no"] * 8 + values
        if q.id == "item.commercial_purpose_only":
            return ["none"] * 6 + values
        return values

    rng = random.Random(13)
    seen = set()
    for _ in range(600):
        a: dict = {}
        flow = Flow(qn, a)
        for _round in range(3):
            for q in qn.questions:
                if q.decisive and q.id not in a and flow.is_relevant(q):
                    a[q.id] = rng.choice(choices(q))
                    flow.load_answers(a)
        r = decide(qn, a)
        seen.add(r.outcome)
        assert r.outcome not in ("INCOMPLETE", "UNDETERMINED"), (r.missing, a)
        if r.outcome in ("NO_NOTIFICATION", "NOT_IN_SCOPE", "RISK_MITIGATION"):
            assert not [m for m in members if a.get(m) in ("yes", "unsure") and flow.is_relevant(qn.question(m))], a
            assert a.get("authority.informed") != "yes" and a.get("enduse.art4") in (None, "no"), a
            assert a["export.destination_country"] != "KP", a
    assert {"PROHIBITED", "AUTHORISATION_REQUIRED", "CLASSIFICATION_REQUIRED", "NOTIFY", "NOT_IN_SCOPE",
            "RISK_MITIGATION"} <= seen


def test_national_list_question_names_the_hint_for_the_member_state(qn):
    q = qn.question("item.national_list")
    de = q.hint_for("DE")
    assert de is not None and "5D902" in de["help"]["en"] and de["status"] == "secondary"
    pt = q.hint_for("PT")
    assert pt is not None and pt["status"] == "to_verify" and "not yet researched" in pt["help"]["en"]
    assert q.hint_for(None) is None
