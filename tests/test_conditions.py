"""The condition language: parsing, evaluation, and errors that point at the problem."""

import pytest

from app.questionnaire.conditions import Condition, ConditionError


def ev(text, answers=None, refs=None):
    answers = answers or {}
    return Condition(text).test(answers.get, refs)


@pytest.mark.parametrize("text,answers,expected", [
    ("a.b == 'yes'", {"a.b": "yes"}, True),
    ("a.b == 'yes'", {"a.b": "no"}, False),
    ("a.b == 'yes'", {}, False),
    ("a.b != 'yes'", {}, True),  # unanswered differs from everything
    ("x in ['RU', 'BY']", {"x": "RU"}, True),
    ("x not in ['RU', 'BY']", {"x": "CN"}, True),
    ("x in ['RU', 'BY']", {}, False),
    ("'monitoring' in ops", {"ops": ["monitoring", "analysing"]}, True),
    ("'monitoring' in ops", {"ops": []}, False),
    ("count(ops) > 0", {"ops": []}, False),
    ("count(ops) == 2", {"ops": ["a", "b"]}, True),
    ("count(ops) == 0", {}, True),
    ("answered(ops)", {"ops": []}, True),  # an empty list is an answer: none of these
    ("answered(ops)", {}, False),
    ("overlaps(ops, ['a', 'z'])", {"ops": ["a"]}, True),
    ("not (a == 1 or b == 2) and c >= 3", {"a": 0, "b": 0, "c": 3}, True),
    ("n < 10", {}, False),  # ordering with unanswered is false, never an error
    ("n < 'x'", {"n": 3}, False),  # mismatched types compare false
    ("a == 'it''s'", {}, None),
])
def test_evaluation(text, answers, expected):
    if expected is None:
        with pytest.raises(ConditionError):
            Condition(text)
        return
    assert ev(text, answers) is expected


def test_precedence_and_binds_tighter_than_or():
    assert ev("a == 1 or a == 2 and b == 3", {"a": 1, "b": 0}) is True
    assert ev("(a == 1 or a == 2) and b == 3", {"a": 1, "b": 0}) is False


def test_reference_lists():
    assert ev("c in ref(regimes)", {"c": "IR"}, {"regimes": ["IR", "SY"]}) is True
    with pytest.raises(ConditionError, match="unknown reference list"):
        ev("c in ref(other)", {"c": "IR"}, {"regimes": []})


def test_names_are_collected_for_validation_and_trace():
    c = Condition("item.listed == 'yes' and export.destination in ref(x) or in_scope")
    assert c.names == ["item.listed", "export.destination", "in_scope"]
    assert c.refs == ["x"]


@pytest.mark.parametrize("text,fragment,col", [
    ("a ==", "expected a value", 5),
    ("a = 'x'", "unexpected character '='", 3),
    ("a == 'x' b", "unexpected 'b'", 10),
    ("__import__('os')", "unknown function '__import__'", 1),
    ("__import__('os').system('x')", "unexpected character '.'", 17),
    ("open('f')", "unknown function 'open'", 1),
    ("count(a, b)", "takes 1 argument", 1),
    ("(a == 1", "expected ')'", 8),
    ("", "empty condition", 1),
])
def test_errors_name_the_problem_and_column(text, fragment, col):
    with pytest.raises(ConditionError) as exc:
        Condition(text)
    assert fragment in str(exc.value)
    assert exc.value.pos == col - 1


def test_no_python_evaluation_of_attribute_access():
    # dots belong to identifiers; there is no attribute access or call on values
    with pytest.raises(ConditionError):
        Condition("a.__class__()")
    assert ev("a.__class__ == 1", {}) is False


def test_deep_nesting_is_refused_not_a_crash():
    with pytest.raises(ConditionError, match="nested too deeply"):
        Condition("(" * 500 + "a" + ")" * 500)
    with pytest.raises(ConditionError, match="nested too deeply"):
        Condition("not " * 500 + "a")


def test_overlong_condition_is_refused():
    with pytest.raises(ConditionError, match="longer than"):
        Condition("a == 1 or " * 1000 + "a == 2")
