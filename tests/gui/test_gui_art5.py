"""The shipped Article 5 questionnaire through the real wizard widgets, to NOTIFY and to
NOT_IN_SCOPE, finishing with the PDF report."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QRadioButton, QWidget

from ui.main_window import MainWindow
from ui.wizard.questions import ChoiceWidget, CountryWidget, DateWidget, GroupWidget, MultiChoiceWidget, TextWidget
from ui.wizard.view import OUTCOME, SUMMARY

from test_gui_wizard import _type  # noqa: E402  (shared typing helper)


def click(qtbot, button: QAbstractButton) -> None:
    QApplication.processEvents()
    assert button.isVisible() and button.isEnabled(), button
    if isinstance(button, (QCheckBox, QRadioButton)):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer(qtbot, widget, value) -> None:
    """Answer one question with clicks and keys, as a person would."""
    if isinstance(widget, ChoiceWidget):
        click(qtbot, widget.findChild(QAbstractButton, f"choice:{value}"))
    elif isinstance(widget, MultiChoiceWidget):
        if not value:
            click(qtbot, widget.none_box)
        for v in value:
            click(qtbot, widget.boxes[v])
    elif isinstance(widget, CountryWidget):
        _type(qtbot, widget.combo.lineEdit(), value)
    elif isinstance(widget, GroupWidget):
        for row_value in value:
            click(qtbot, widget.add_button)
            row = widget.rows[-1]
            for fid, v in row_value.items():
                w = row.inputs[fid]
                if hasattr(w, "lineEdit") and w.isEditable():
                    _type(qtbot, w.lineEdit(), v)
                elif hasattr(w, "findData"):
                    w.setFocus()
                    for _ in range(w.findData(v)):
                        qtbot.keyClick(w, Qt.Key.Key_Down)
                else:
                    _type(qtbot, w, v)
    elif isinstance(widget, (TextWidget, DateWidget)):
        _type(qtbot, widget.edit, str(value))
    else:  # pragma: no cover
        raise AssertionError(f"no driver for {type(widget).__name__}")


def default_for(widget):
    q = widget.question
    if q.type in ("yes_no", "yes_no_unsure", "single_choice"):
        return q.choices[0].value
    if q.type == "multi_choice":
        return []
    if q.type == "country":
        return "FR"
    if q.type == "date":
        return "2026-12-01"
    if q.type == "number":
        return "10"
    if q.type == "group":
        return [{"name": "Acme Security Ltd", "role": q.fields[1].choices[0].value, "country": "BR"}]
    return "Details given to the compliance officer"


def walk(qtbot, wizard, plan: dict) -> list[str]:
    """Answer every visible question page by page (plan values, else a plausible default),
    pressing Next until the summary. Returns the pages seen."""
    seen = []
    while wizard.current != SUMMARY:
        seen.append(wizard.current)
        page = wizard.qn.page(wizard.current)
        for q in page.questions:
            w = wizard.widgets[q.id]
            if w.isHidden() or not wizard.flow.is_relevant(q):
                continue
            if not q.required and q.id not in plan:
                continue
            answer(qtbot, w, plan.get(q.id, default_for(w)))
            assert not w.error.isVisible(), (q.id, w.error.text())
        click(qtbot, wizard.next_button)
        assert len(seen) < 60, "the wizard does not reach the summary"
    return seen


NOTIFY_PLAN = {
    "export.member_state": "DE",
    "export.destination_country": "Brazil",
    "item.name": "TraceView 5",
    "item.annex_i_listed": "no",
    "item.commercial_purpose_only": "none",
    "item.specially_designed": "yes",
    "item.covert": "yes",
    "item.natural_persons": "yes",
    "item.data_operations": ["monitoring", "analysing"],
    "item.ict_source": "yes",
    "authority.informed": "no",
    # questionnaire 1.1.0 (issue 13): the list and Article 4 questions
    "item.military_listed": "no",
    "item.national_list": "no",
    "enduse.art4": "no",
    "redflags.observed": ["covert_marketing", "prior_misuse"],
    "enduse.aware": "yes",
}


def test_notify_path_through_the_widgets_to_a_finished_report(qtbot, window):
    wizard = window.new_assessment("art5")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    pages = walk(qtbot, wizard, NOTIFY_PLAN)
    assert "def_covert" in pages and "red_flags" in pages and "awareness" in pages
    stored = window.store.answers(wizard.session.assessment_id)
    for qid in ("export.member_state", "item.covert", "enduse.aware"):
        assert stored[qid] == NOTIFY_PLAN[qid]
    assert stored["export.destination_country"] == "BR"
    assert "Not answered" not in wizard.summary.toPlainText()
    click(qtbot, wizard.next_button)
    assert wizard.current == OUTCOME
    result = wizard.result()
    assert result.outcome == "NOTIFY" and not result.provisional
    assert result.title in wizard.outcome_text.toPlainText()
    click(qtbot, wizard.finish_button)
    assert window.store.get(wizard.session.assessment_id).status == "finished"
    text = "\n".join(p.extract_text() for p in PdfReader(str(wizard.last_report)).pages)
    assert "Notify the competent authority" in text and "NOTIFY" not in text and "TraceView 5" in text and "Brazil" in text


def test_not_in_scope_path_skips_due_diligence(qtbot, window):
    wizard = window.new_assessment("art5")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    plan = {"export.member_state": "FR", "export.destination_country": "JP", "item.annex_i_listed": "no",
            "item.commercial_purpose_only": "billing", "authority.informed": "no",
            "item.military_listed": "no", "item.national_list": "no", "enduse.art4": "no", "enduse.aware": "no"}
    pages = walk(qtbot, wizard, plan)
    # issue 13: awareness is still asked for an item out of scope (flag aware_out_of_scope)
    assert "def_covert" not in pages and "red_flags" not in pages and "awareness" in pages
    click(qtbot, wizard.next_button)
    result = wizard.result()
    assert result.outcome == "NOT_IN_SCOPE" and not result.provisional
    shown = wizard.outcome_text.toPlainText()
    assert result.title in shown and "Art. 4" in shown
    # issue 13: the presumption flag and the national-rules caveat are shown beside the outcome
    assert "exclusion_presumption" in result.flags and "presumption, not an exemption" in shown
    assert "National rules may still apply" in shown
    click(qtbot, wizard.finish_button)
    assert window.store.get(wizard.session.assessment_id).outcome == "NOT_IN_SCOPE"


def test_unsure_listing_shows_both_outcomes_and_offers_the_notification(qtbot, window):
    """Issue 13: "unsure" on Annex I is worked out both ways; the wizard names both outcomes
    and, since the not-listed outcome is a notice, offers the notification draft."""
    wizard = window.new_assessment("art5")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    walk(qtbot, wizard, dict(NOTIFY_PLAN, **{"item.annex_i_listed": "unsure"}))
    click(qtbot, wizard.next_button)
    result = wizard.result()
    assert (result.outcome, result.outcome_if_listed, result.outcome_if_not_listed) == (
        "CLASSIFICATION_REQUIRED", "AUTHORISATION_REQUIRED", "NOTIFY")
    shown = wizard.outcome_text.toPlainText()
    assert "If the item is on the list(s) you were unsure about:" in shown and "If it is not:" in shown
    assert "Give your notice to the competent authority now" in shown
    assert wizard.notification_button.isVisible()


def test_national_list_help_shows_the_hint_for_the_exporters_member_state(qtbot, window):
    wizard = window.new_assessment("art5")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    wizard.flow.set_answer("export.member_state", "DE")
    wizard._show_help(wizard.qn.question("item.national_list"))
    assert "Germany controls telecommunications monitoring centres" in wizard.help.toPlainText()
    wizard.flow.set_answer("export.member_state", "PT")
    wizard._show_help(wizard.qn.question("item.national_list"))
    text = wizard.help.toPlainText()
    assert "not yet researched" in text and "not yet checked against the Official Journal" in text
