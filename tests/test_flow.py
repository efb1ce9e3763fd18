"""The flow without Qt: relevance, navigation, completeness, answer validation."""

import pytest

from app.assessment.flow import AnswerError, Flow, normalise


@pytest.fixture
def flow(demo_qn):
    return Flow(demo_qn)


def test_first_and_next_pages_follow_relevance(flow):
    assert flow.first_page() == "basics"
    assert flow.next_page("basics") == "item"
    assert flow.next_page("item") == "deal"
    flow.set_answer("item.listed", "yes")
    assert flow.next_page("item") == "parties"  # the deal page needs a non-listed item
    assert flow.next_page("parties") is None


def test_question_relevance_and_hidden_answers_read_as_unanswered(flow):
    q = flow.questionnaire.question("item.entry")
    assert not flow.is_relevant(q)
    flow.set_answer("item.listed", "yes")
    flow.set_answer("item.entry", "5A001.f")
    assert flow.is_relevant(q) and flow.value("item.entry") == "5A001.f"
    flow.set_answer("item.listed", "no")
    assert flow.value("item.entry") is None  # kept, but not seen on this path
    assert flow.irrelevant_answers() == ["item.entry"]
    assert "item.entry" not in flow.relevant_answers()


def test_back_history_pops_and_skips_pages_that_no_longer_apply(flow):
    assert flow.go_next("basics") == "item"
    assert flow.go_next("item") == "deal"
    assert flow.go_next("deal") == "parties"
    flow.set_answer("item.listed", "yes")  # the deal page stops applying
    assert flow.go_back() == "item"
    assert flow.go_back() == "basics"
    assert flow.go_back() is None


def test_progress_counts_relevant_pages(flow):
    assert flow.progress("item") == (2, 4)
    flow.set_answer("item.listed", "yes")
    assert flow.progress("parties") == (3, 3)


def test_unanswered_missing_and_page_status(flow):
    assert flow.page_status("basics") == "not_started"
    flow.set_answer("basics.member_state", "DE")
    assert flow.page_status("basics") == "in_progress"
    flow.set_answer("basics.destination", "CN")
    flow.set_answer("basics.item_name", "X")
    assert flow.page_status("basics") == "completed"
    assert "deal.ship_date" not in flow.unanswered()  # optional
    assert flow.missing_decisive() == ["item.listed", "item.ops", "deal.aware"]
    flow.set_answer("item.listed", "unsure")
    assert flow.unsure_answers() == ["item.listed"]


def test_group_min_items_counts_as_unanswered(flow):
    assert "parties.list" in flow.unanswered()
    flow.set_answer("parties.list", [{"name": "A", "role": "end_user", "country": "CN"}])
    assert "parties.list" not in flow.unanswered()


@pytest.mark.parametrize("qid,value,stored", [
    ("basics.member_state", "de", "DE"),
    ("basics.destination", " cn ", "CN"),
    ("item.listed", "unsure", "unsure"),
    ("deal.aware", True, "yes"),
    ("item.ops", ["monitoring", "monitoring"], ["monitoring"]),
    ("item.ops", [], []),
    ("item.ops", ["collecting", "monitoring"], ["monitoring", "collecting"]),
    ("deal.quantity", "12", 12),
    ("deal.quantity", 3.0, 3),
    ("deal.ship_date", "2026-03-31", "2026-03-31"),
    ("deal.ship_date", "", None),
    ("basics.item_name", "  padded  ", "padded"),
    ("basics.item_name", "", None),
])
def test_normalise_accepts(demo_qn, qid, value, stored):
    assert normalise(demo_qn.question(qid), value) == stored


@pytest.mark.parametrize("qid,value,message", [
    ("basics.member_state", "US", "allowed countries"),
    ("basics.destination", "XX", "not an ISO 3166"),
    ("item.listed", "maybe", "choose one of: yes, no, unsure"),
    ("item.ops", ["flying"], "'flying' is not one of"),
    ("deal.quantity", "twelve", "enter a number"),
    ("deal.quantity", 0, "at least 1"),
    ("deal.quantity", 1.5, "whole number"),
    ("deal.quantity", float("nan"), "enter a number"),
    ("deal.ship_date", "31/03/2026", "YYYY-MM-DD"),
    ("deal.ship_date", "2026-02-30", "real date"),
    ("parties.list", [{"name": "A"}], "entry 1: enter role"),
    ("parties.list", [{"name": "A", "role": "end_user", "country": "CN", "x": 1}], "unknown field 'x'"),
    ("parties.list", "A", "list of entries"),
])
def test_normalise_refuses_with_how_to_fix(demo_qn, qid, value, message):
    with pytest.raises(AnswerError) as exc:
        normalise(demo_qn.question(qid), value)
    assert message in exc.value.message
    assert exc.value.question_id == qid


def test_engine_trace_and_outcomes(demo_qn):
    from app.assessment import engine

    answers = {"basics.member_state": "DE", "basics.destination": "CN", "item.listed": "no",
               "item.ops": ["monitoring"], "deal.aware": "yes"}
    r = engine.decide(demo_qn, answers)
    assert r.outcome == "NOTIFY"
    assert [t.rule for t in r.trace] == ["LISTED", "NOTIFY"]
    assert r.trace[0].fired is False and r.trace[1].fired is True
    assert r.trace[1].inputs == {"in_scope": True, "deal.aware": "yes"}
    assert r.rationale[0].text.startswith("The item is not listed")
    assert r.provisional and "parties.list" in r.unanswered

    r = engine.decide(demo_qn, {"basics.member_state": "DE"})
    assert r.outcome == "INCOMPLETE"
    assert r.missing == ["basics.destination", "item.listed", "item.ops", "deal.aware"]

    r = engine.decide(demo_qn, {**answers, "item.listed": "yes", "item.entry": "4A005"})
    assert r.outcome == "LISTED"
    assert any("item.ops" in w for w in r.warnings)  # answered, but not relevant on this path
