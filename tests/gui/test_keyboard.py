"""Keyboard-first: Enter moves on, the Next button keeps its mnemonic, arrows choose within
radio options, Back works after resuming, removing an entry can be undone, validation waits
until the user leaves the entry, and progress never moves backwards."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow
from ui.wizard.view import OUTCOME, SUMMARY, mnemonic_of

from test_gui_wizard import _choice, _click, _input, _type

QUESTIONNAIRES = "demo"


def _new(qtbot, window):
    wizard = window.new_assessment("demo")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return wizard


def _to_parties(qtbot, wizard):
    _type(qtbot, _input(wizard, "basics.item_name"), "Probe")
    _click(qtbot, wizard.next_button)
    _click(qtbot, _choice(wizard, "item.listed", "yes"))  # the deal page then does not apply
    _click(qtbot, wizard.next_button)
    assert wizard.current == "parties"


def test_enter_moves_to_the_next_page_but_not_in_a_multi_line_field(qtbot, window):
    wizard = _new(qtbot, window)
    name = _input(wizard, "basics.item_name")
    name.setFocus()
    qtbot.keyClicks(name, "Probe")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert wizard.current == "item"
    assert window.store.answers(wizard.session.assessment_id)["basics.item_name"] == "Probe"
    radio = _choice(wizard, "item.listed", "no")
    _click(qtbot, radio)
    qtbot.keyClick(radio, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)  # the keypad's Enter too
    assert wizard.current == "deal"
    notes = _input(wizard, "deal.notes")
    notes.setFocus()
    qtbot.keyClicks(notes, "first line")
    qtbot.keyClick(notes, Qt.Key.Key_Return)
    qtbot.keyClicks(notes, "second line")
    assert wizard.current == "deal", "Enter in a multi-line field must start a new line"
    assert notes.toPlainText() == "first line\nsecond line"


def test_next_keeps_its_mnemonic_on_the_summary_page(qtbot, window):
    wizard = _new(qtbot, window)
    key = mnemonic_of(wizard.next_button.text())
    assert key.lower() == "n"
    _to_parties(qtbot, wizard)
    assert wizard.next_button.text().replace("&", "") == "Check your answers"
    assert mnemonic_of(wizard.next_button.text()).lower() == "n"
    group = wizard.widgets["parties.list"]
    _click(qtbot, group.add_button)
    row = group.rows[0]
    _type(qtbot, row.inputs["name"], "Acme")
    row.inputs["role"].setFocus()
    qtbot.keyClick(row.inputs["role"], Qt.Key.Key_Down)
    _type(qtbot, row.inputs["country"].lineEdit(), "BR")
    field = row.inputs["name"]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert wizard.current == SUMMARY
    assert field.text() == "Acme", "Alt+N must not type an 'n' into the field"
    assert mnemonic_of(wizard.next_button.text()).lower() == "n"
    qtbot.keyClick(wizard.summary, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert wizard.current == OUTCOME


def test_arrow_keys_choose_within_a_radio_group(qtbot, window):
    wizard = _new(qtbot, window)
    _click(qtbot, wizard.next_button)
    yes = _choice(wizard, "item.listed", "yes")
    yes.setFocus()
    assert not any(_choice(wizard, "item.listed", v).isChecked() for v in ("yes", "no", "unsure"))
    qtbot.keyClick(yes, Qt.Key.Key_Right)
    assert _choice(wizard, "item.listed", "no").isChecked()
    assert QApplication.focusWidget() is _choice(wizard, "item.listed", "no")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert _choice(wizard, "item.listed", "unsure").isChecked()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert _choice(wizard, "item.listed", "no").isChecked()
    assert window.store.answers(wizard.session.assessment_id)["item.listed"] == "no"


def test_back_works_after_resuming(qtbot, window, data_dir, demo_dir):
    wizard = _new(qtbot, window)
    _type(qtbot, _input(wizard, "basics.item_name"), "Probe")
    _click(qtbot, wizard.next_button)
    assert wizard.current == "item"
    aid = wizard.session.assessment_id
    window.close()

    again = MainWindow(data_dir, questionnaires_dir=demo_dir)
    qtbot.addWidget(again)
    again.show()
    again.open_store()
    qtbot.waitUntil(lambda: again.store is not None, timeout=10000)
    w2 = again.resume(aid)
    assert w2.current == "item" and not w2.flow.history
    assert w2.back_button.isEnabled()
    _click(qtbot, w2.back_button)
    assert w2.current == "basics"
    assert _input(w2, "basics.item_name").text() == "Probe"
    again.close()


def test_space_on_remove_can_be_undone(qtbot, window):
    wizard = _new(qtbot, window)
    _to_parties(qtbot, wizard)
    group = wizard.widgets["parties.list"]
    _click(qtbot, group.add_button)
    _type(qtbot, group.rows[0].inputs["name"], "Acme Security Ltd")
    remove = group.rows[0].remove_button
    remove.setFocus()
    qtbot.keyClick(remove, Qt.Key.Key_Space)
    assert group.rows == []
    assert group.undo_bar.isVisible() and "Acme Security Ltd" in group.undo_label.text()
    assert QApplication.focusWidget() is group.undo_button
    qtbot.keyClick(group.undo_button, Qt.Key.Key_Space)
    assert len(group.rows) == 1 and group.rows[0].inputs["name"].text() == "Acme Security Ltd"
    assert not group.undo_bar.isVisible()


def test_validation_waits_until_the_user_leaves_the_entry(qtbot, window):
    wizard = _new(qtbot, window)
    _to_parties(qtbot, wizard)
    group = wizard.widgets["parties.list"]
    _click(qtbot, group.add_button)
    _type(qtbot, group.rows[0].inputs["name"], "Acme Security Ltd")  # Tab: on to the role, in the entry
    assert group.rows[0].isAncestorOf(QApplication.focusWidget())
    assert not group.error.isVisible()
    assert "Not saved:" not in wizard.save_label.text()
    _click(qtbot, wizard.next_button)  # asking to go on with the entry incomplete
    assert wizard.current == "parties"
    assert group.error.isVisible() and group.error.text()
    assert "Not saved" in wizard.save_label.text()


def test_progress_counts_sections_and_never_moves_backwards(qtbot, window):
    wizard = _new(qtbot, window)
    total = wizard.progress.maximum()
    seen = [wizard.progress.value()]
    _type(qtbot, _input(wizard, "basics.member_state").lineEdit(), "DE")
    _type(qtbot, _input(wizard, "basics.destination").lineEdit(), "BR")
    _type(qtbot, _input(wizard, "basics.item_name"), "Probe")
    seen.append(wizard.progress.value())
    _click(qtbot, wizard.next_button)
    _click(qtbot, _choice(wizard, "item.listed", "no"))  # opens more questions on this page
    seen.append(wizard.progress.value())
    _click(qtbot, _choice(wizard, "item.kind", "software"))
    _click(qtbot, _choice(wizard, "item.ops", "monitoring"))
    _click(qtbot, wizard.next_button)
    seen.append(wizard.progress.value())
    assert wizard.progress.maximum() == total, "the total must not grow as answers open branches"
    assert seen == sorted(seen) and seen[-1] > seen[0], seen


def test_tab_follows_the_reading_order_of_a_page(qtbot, window):
    """From the first field, Tab goes down the page (top to bottom, left to right within a
    line) before it reaches the buttons at the bottom."""
    from PySide6.QtCore import QPoint

    wizard = _new(qtbot, window)
    _to_parties(qtbot, wizard)
    group = wizard.widgets["parties.list"]
    _click(qtbot, group.add_button)
    _click(qtbot, group.add_button)
    start = group.rows[0].inputs["name"]
    start.setFocus()
    positions, seen = [], set()
    w = start
    page = wizard.stack.currentWidget()
    while page.isAncestorOf(w) and id(w) not in seen:
        seen.add(id(w))
        p = w.mapTo(page, QPoint(0, 0))
        positions.append((p.y(), p.x(), w.objectName()))
        qtbot.keyClick(w, Qt.Key.Key_Tab)
        w = QApplication.focusWidget()
    assert len(positions) >= 6, positions
    ys = [y for y, _x, _n in positions]
    assert ys == sorted(ys), positions
