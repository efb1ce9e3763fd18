"""Every question type of the questionnaire model has a widget in ui/ (a new type without one
fails here, not in front of a user)."""

from __future__ import annotations

from app.questionnaire.model import GROUP_FIELD_TYPES, QUESTION_TYPES
from ui.wizard.questions import GROUP_FIELD_WIDGETS, WIDGETS, QuestionWidget


def test_every_question_type_has_a_widget():
    missing = [t for t in QUESTION_TYPES if t not in WIDGETS]
    assert not missing, f"question types without a widget in ui/wizard/questions.py: {missing}"
    assert all(issubclass(w, QuestionWidget) for w in WIDGETS.values())


def test_every_group_field_type_has_a_widget():
    missing = [t for t in GROUP_FIELD_TYPES if t not in GROUP_FIELD_WIDGETS]
    assert not missing, f"group field types without a widget: {missing}"


def test_every_question_of_the_shipped_questionnaire_gets_its_widget(qtbot):
    from app.questionnaire import model as qmod
    from ui.wizard.questions import make_widget

    qn = qmod.latest("art5")
    for q in qn.questions:
        w = make_widget(q)
        qtbot.addWidget(w)
        assert isinstance(w, WIDGETS[q.type]) and w.focus_target() is not None
