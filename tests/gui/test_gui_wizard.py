"""The wizard through its real widgets: clicks and keys, as a person would."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from PySide6.QtCore import Qt

from ui.main_window import MainWindow
from ui.wizard.view import OUTCOME, SUMMARY


QUESTIONNAIRES = "demo"  # the window fixture (tests/gui/conftest.py) opens the demo questionnaire


def _type(qtbot, widget, text):
    """Type ``text`` with key events (non-ASCII letters as an input method sends them), then Tab."""
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # a field that just appeared must be laid out and visible
    assert widget.isVisible(), widget
    if QApplication.activeWindow() is not widget.window():
        # the offscreen platform drops activation when a completion popup closes
        widget.window().activateWindow()
        QApplication.processEvents()
    widget.setFocus()
    assert widget.hasFocus(), widget
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def _click(qtbot, widget):
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # let a page that just appeared lay itself out
    assert widget.isVisible() and widget.isEnabled(), widget
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QCheckBox, QRadioButton

    if isinstance(widget, (QCheckBox, QRadioButton)):  # on the box and its text, as people click
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _choice(wizard, qid, value):
    from PySide6.QtWidgets import QAbstractButton

    return wizard.widgets[qid].findChild(QAbstractButton, f"choice:{value}")


def _input(wizard, qid):
    from PySide6.QtWidgets import QWidget

    return wizard.widgets[qid].findChild(QWidget, "input")


def fill_demo(qtbot, wizard):
    # page 1: basics
    combo = _input(wizard, "basics.member_state")
    _type(qtbot, combo.lineEdit(), "DE")
    _type(qtbot, _input(wizard, "basics.destination").lineEdit(), "Brazil")
    _type(qtbot, _input(wizard, "basics.item_name"), "S&P <Tracker> 3000")
    _click(qtbot, wizard.next_button)
    assert wizard.current == "item"
    # page 2: the item
    _click(qtbot, _choice(wizard, "item.listed", "no"))
    assert wizard.widgets["item.entry"].isHidden()  # relevant only when listed
    _click(qtbot, _choice(wizard, "item.kind", "software"))
    _click(qtbot, _choice(wizard, "item.ops", "monitoring"))
    _click(qtbot, wizard.next_button)
    assert wizard.current == "deal"
    _type(qtbot, _input(wizard, "deal.quantity"), "12")
    _click(qtbot, _choice(wizard, "deal.aware", "yes"))
    _click(qtbot, wizard.next_button)
    assert wizard.current == "parties"
    group = wizard.widgets["parties.list"]
    _click(qtbot, group.add_button)
    row = group.rows[0]
    _type(qtbot, row.inputs["name"], "Владимир Müller OOO")
    role = row.inputs["role"]
    role.setFocus()
    qtbot.keyClick(role, Qt.Key.Key_Down)
    _type(qtbot, row.inputs["country"].lineEdit(), "BR")


def test_new_assessment_saves_every_answer_and_ends_in_a_pdf(qtbot, window, data_dir):
    wizard = window.new_assessment("demo")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    assert wizard.current == "basics"
    fill_demo(qtbot, wizard)
    stored = window.store.answers(wizard.session.assessment_id)
    assert not wizard.widgets["parties.list"].error.isVisible(), wizard.widgets["parties.list"].error.text()
    assert stored["basics.member_state"] == "DE"
    assert stored["basics.destination"] == "BR"
    assert stored["deal.quantity"] == 12
    assert stored["parties.list"] == [
        {"name": "Владимир Müller OOO", "role": "end_user", "country": "BR", "address": None}]
    assert "Saved" in wizard.save_label.text()

    _click(qtbot, wizard.next_button)
    assert wizard.current == SUMMARY
    text = wizard.summary.toPlainText()
    assert "Brazil (BR)" in text and "Software" in text, text
    assert "Not answered" not in text, text
    _click(qtbot, wizard.next_button)
    assert wizard.current == OUTCOME
    assert "Notify the authority" in wizard.outcome_text.toPlainText()
    assert wizard.finish_button.isEnabled()
    _click(qtbot, wizard.finish_button)
    assert window.store.get(wizard.session.assessment_id).status == "finished"
    pdf = wizard.last_report
    assert pdf is not None and pdf.exists()
    text = "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    for expected in ("Brazil", "S&P <Tracker> 3000", "Владимир Müller OOO", "Notify the authority", "demo"):
        assert expected in text, expected


def test_check_answers_change_link_returns_to_summary(qtbot, window):
    wizard = window.new_assessment("demo")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    fill_demo(qtbot, wizard)
    _click(qtbot, wizard.next_button)
    assert wizard.current == SUMMARY
    from PySide6.QtCore import QUrl

    wizard.summary.anchorClicked.emit(QUrl("change:deal.quantity"))
    assert wizard.current == "deal"
    assert wizard.next_button.text().replace("&", "") == "Return to the summary"
    edit = _input(wizard, "deal.quantity")
    edit.selectAll()
    _type(qtbot, edit, "7")
    _click(qtbot, wizard.next_button)
    assert wizard.current == SUMMARY
    assert window.store.answers(wizard.session.assessment_id)["deal.quantity"] == 7


def test_invalid_answer_shows_inline_and_is_not_saved(qtbot, window):
    wizard = window.new_assessment("demo")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    _type(qtbot, _input(wizard, "basics.member_state").lineEdit(), "US")  # not an EU country
    w = wizard.widgets["basics.member_state"]
    assert w.error.isVisible() and "allowed countries" in w.error.text()
    assert "Not saved" in wizard.save_label.text()
    assert "basics.member_state" not in window.store.answers(wizard.session.assessment_id)


def test_relevance_changes_pages_and_back_returns(qtbot, window):
    wizard = window.new_assessment("demo")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    _click(qtbot, wizard.next_button)
    _click(qtbot, _choice(wizard, "item.listed", "yes"))
    assert not wizard.widgets["item.entry"].isHidden()
    assert wizard.widgets["item.ops"].isHidden()
    _click(qtbot, wizard.next_button)
    assert wizard.current == "parties"  # the deal page does not apply to listed items
    _click(qtbot, wizard.back_button)
    assert wizard.current == "item"
    from PySide6.QtWidgets import QApplication

    wizard.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard.window())
    qtbot.keyClick(QApplication.focusWidget() or wizard, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert wizard.current == "basics"


def test_only_the_shown_page_is_laid_out_and_pages_keep_their_answers(qtbot, window):
    """Pages already visited leave the page stack (each Next would otherwise lay out all of
    them) but keep their widgets and answers, and come back when the user goes back."""
    wizard = window.new_assessment("demo")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    first = wizard.current
    _click(qtbot, wizard.next_button)
    _click(qtbot, _choice(wizard, "item.listed", "yes"))
    _click(qtbot, wizard.next_button)
    assert wizard.current == "parties"
    assert wizard.stack.count() == 1 and wizard.stack.currentWidget() is wizard.page_widgets["parties"]
    _click(qtbot, wizard.back_button)
    assert wizard.current == "item" and wizard.stack.count() == 1
    assert wizard.stack.currentWidget().isVisible()
    assert _choice(wizard, "item.listed", "yes").isChecked()
    _click(qtbot, wizard.back_button)
    assert wizard.current == first and wizard.stack.currentWidget().isVisible()


def test_resume_returns_to_the_last_page_with_answers(qtbot, window, data_dir, demo_dir):
    wizard = window.new_assessment("demo")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    _type(qtbot, _input(wizard, "basics.item_name"), "Probe")
    _click(qtbot, wizard.next_button)
    _click(qtbot, _choice(wizard, "item.listed", "unsure"))
    aid = wizard.session.assessment_id
    _click(qtbot, wizard.register_button)
    assert window.table.rowCount() == 1
    window.close()

    again = MainWindow(data_dir, questionnaires_dir=demo_dir)
    qtbot.addWidget(again)
    again.show()
    again.activateWindow()
    again.open_store()
    qtbot.waitUntil(lambda: again.store is not None, timeout=10000)
    w2 = again.resume(aid)
    assert w2.current == "item"
    assert _choice(w2, "item.listed", "unsure").isChecked()
    # the task list shows page status and takes the user back to the first page
    tasks = w2.tasks
    first = tasks.item(0)
    assert first.text().startswith("◐")  # in progress: some answers given
    qtbot.mouseClick(tasks.viewport(), Qt.MouseButton.LeftButton, pos=tasks.visualItemRect(first).center())
    assert w2.current == "basics"
    assert _input(w2, "basics.item_name").text() == "Probe"
    again.close()


def test_closing_the_window_keeps_the_page_to_resume_on(qtbot, window, data_dir, demo_dir):
    """The page reached is written with the next answer, or when the window closes."""
    wizard = window.new_assessment("demo")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    _type(qtbot, _input(wizard, "basics.item_name"), "Probe")
    _click(qtbot, wizard.next_button)  # to "item", nothing answered there
    assert wizard.current == "item"
    aid = wizard.session.assessment_id
    window.close()

    again = MainWindow(data_dir, questionnaires_dir=demo_dir)
    qtbot.addWidget(again)
    again.show()
    again.open_store()
    qtbot.waitUntil(lambda: again.store is not None, timeout=10000)
    assert again.resume(aid).current == "item"
    again.close()


def test_discard_draft_asks_first(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    wizard = window.new_assessment("demo")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    _click(qtbot, wizard.register_button)
    window.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    _click(qtbot, window.discard_button)
    assert window.table.rowCount() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    _click(qtbot, window.discard_button)
    assert window.table.rowCount() == 0
    kinds = [e.kind for e in window.store.audit.events()]
    assert kinds[-1] == "discard"


def test_showing_the_outcome_writes_nothing_and_leaving_records_the_provisional_outcome(qtbot, window):
    """Drawing a page never writes: the outcome page shows the provisional outcome without
    touching the register; the register learns it when the user goes back to it."""
    wizard = window.new_assessment("demo")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    _type(qtbot, _input(wizard, "basics.item_name"), "Probe")
    aid = wizard.session.assessment_id
    before = window.store.get(aid)
    events = len(window.store.audit.events(aid))
    wizard.show_page(OUTCOME)
    assert wizard.current == OUTCOME and wizard.outcome_text.toPlainText()
    after = window.store.get(aid)
    assert (after.outcome, after.updated_at) == (before.outcome, before.updated_at)
    assert len(window.store.audit.events(aid)) == events

    _click(qtbot, wizard.register_button)  # leaving the assessment records what the page showed
    assert window.store.get(aid).outcome == wizard.session.result().outcome
    assert window.store.get(aid).status == "draft"
