"""The registry of question types (app/questionnaire/types.py): every type is complete (it is
stored, read, laid out in the report and enumerated by the linter), and the demo questionnaire,
which the GUI tests drive, asks a question of every type. A new type that misses one part
fails here; one without a widget fails in tests/gui/test_widget_types.py."""

from __future__ import annotations

import pytest

from app.assessment import lint
from app.assessment.flow import AnswerError, normalise
from app.documents import report
from app.questionnaire.display import display_value
from app.questionnaire.model import GROUP_FIELD_TYPES, QUESTION_TYPES
from app.questionnaire.types import TYPES



def _sample(q):
    """A valid raw answer for a demo question of each type (a new type needs one here)."""
    samples = {
        "single_choice": lambda: q.choice_values()[0],
        "yes_no": lambda: True,
        "yes_no_unsure": lambda: "unsure",
        "multi_choice": lambda: list(reversed(q.choice_values()[:2])),
        "text": lambda: "  Ivan Petrov\u202e  ",
        "country": lambda: (q.countries[0] if q.countries else "cn"),
        "date": lambda: "2026-03-31",
        "number": lambda: "1 200",
        "group": lambda: [{f.id: _sample(f) for f in q.fields if f.required}],
    }
    assert q.type in samples, f"add a sample answer for the question type {q.type!r}"
    return samples[q.type]()


def _first_of_each_type(qn):
    found = {}
    for q in qn.questions:
        found.setdefault(q.type, q)
    return found


def test_the_registry_is_the_list_of_types_the_loader_accepts():
    assert QUESTION_TYPES == tuple(TYPES)
    assert set(GROUP_FIELD_TYPES) == {name for name, t in TYPES.items() if t.group_field}


def test_the_demo_questionnaire_asks_a_question_of_every_type(demo_qn):
    missing = [t for t in QUESTION_TYPES if t not in _first_of_each_type(demo_qn)]
    assert missing == [], f"tests/fixtures/demo.yaml has no question of type {missing}: the GUI tests never see it"


@pytest.mark.parametrize("type_name", QUESTION_TYPES)
def test_every_type_stores_reads_reports_and_lints(demo_qn, type_name):
    q = _first_of_each_type(demo_qn)[type_name]
    kind = TYPES[type_name]
    stored = normalise(q, _sample(q))
    assert stored is not None
    assert normalise(q, stored) == stored  # the stored form is accepted again unchanged
    shown = display_value(q, stored, "de")
    assert shown and shown != "None"
    laid_out = report._answer(q, stored, "en")
    assert laid_out["kind"] == {"text": "text", "list": "list", "table": "group"}[kind.report]
    assert kind.lint_domain in lint._Reach.DOMAINS, f"the linter cannot enumerate {kind.lint_domain!r}"


def test_answers_are_stored_in_one_form_whatever_the_front_end_sent(demo_qn):
    of = _first_of_each_type(demo_qn)
    assert normalise(of["text"], "  Ivan Petrov\u202e  ") == "Ivan Petrov"  # bidi override and spaces gone
    assert normalise(of["number"], "1 200") == 1200
    assert normalise(of["yes_no"], True) == "yes"
    assert normalise(of["date"], " 2026-03-31 ") == "2026-03-31"
    multi = of["multi_choice"]
    assert normalise(multi, list(reversed(multi.choice_values()))) == multi.choice_values()  # questionnaire order
    with pytest.raises(AnswerError, match="YYYY-MM-DD"):
        normalise(of["date"], "31.03.2026")


def test_a_question_of_an_unknown_type_is_refused_not_stored_as_text(demo_qn):
    import dataclasses

    q = dataclasses.replace(_first_of_each_type(demo_qn)["text"], type="signature")
    with pytest.raises(AnswerError, match="unknown question type 'signature'"):
        normalise(q, "x")
