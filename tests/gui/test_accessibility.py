"""Every focusable widget has a name a screen reader can say: the walk goes through every page
of the shipped questionnaire, the register and each dialog the menus open, offscreen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QApplication, QComboBox, QDialog,
                               QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget)

from ui.wizard.view import OUTCOME, SUMMARY

# a field is named by an accessible name or a label whose buddy it is; buttons by their text
FIELDS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractItemView)


def _buddied(root: QWidget) -> set[int]:
    return {id(lbl.buddy()) for lbl in root.findChildren(QLabel) if lbl.buddy() is not None}


def unnamed(root: QWidget) -> list[str]:
    """Focusable, visible, enabled widgets under ``root`` that a screen reader cannot name."""
    buddies = _buddied(root.window())
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) or not w.isVisibleTo(root.window()) or not w.isEnabled():
            continue
        parent = w.parentWidget()
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):  # the line edit inside: the parent is named
            continue
        if w.accessibleName().strip() or id(w) in buddies:
            continue
        if isinstance(w, QAbstractButton) and w.text().replace("&", "").strip():
            continue
        if not isinstance(w, FIELDS + (QAbstractButton,)):
            iface = QAccessible.queryAccessibleInterface(w)
            if iface is not None and iface.text(QAccessible.Text.Name).strip():
                continue
        out.append(f"{type(w).__name__} {w.objectName()!r} in {parent.objectName() if parent else ''!r}")
    return out


def test_every_wizard_page_and_the_register_name_every_focusable_widget(qtbot, window):
    assert not unnamed(window.register_page), unnamed(window.register_page)
    wizard = window.new_assessment("art5")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    problems = {}
    for page in wizard.qn.pages:
        wizard.show_page(page.id)
        for q in page.questions:  # every question, also those a path would hide
            wizard.widgets[q.id].setVisible(True)
        if page.id == "parties":
            wizard.widgets["parties.list"].add_button.click()  # an entry's fields and its Remove button
        QApplication.processEvents()
        found = unnamed(wizard)
        if found:
            problems[page.id] = found
    for pid in (SUMMARY, OUTCOME):
        wizard.show_page(pid)
        found = unnamed(wizard)
        if found:
            problems[pid] = found
    assert not problems, problems


def test_question_fields_carry_the_question_and_the_help(qtbot, window):
    wizard = window.new_assessment("art5")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    wizard.show_page("destination")
    w = wizard.widgets["export.destination_country"]
    assert w.combo.accessibleName() == w.label.text()
    description = w.combo.accessibleDescription()
    help_text = " ".join(w.question.help["en"].split())
    assert description and help_text.startswith(description) and len(description) < len(help_text)


def _open_dialogs(qtbot, window) -> list[QDialog]:
    window.show_settings()
    window.edit_profile()
    window.edit_identity()
    window.verify_report()
    window.show_about()
    window.show_sanctions_lists()
    window.register.open_quick_check()
    dialogs = [window.settings_dialog, window.profile_dialog, window.identity_dialog, window.verify_dialog,
               window.about_dialog, window.lists_dialog, window.register.quick_check_dialog]
    for d in dialogs:
        qtbot.waitUntil(d.isVisible)
    return dialogs


def test_each_dialog_names_every_focusable_widget(qtbot, window):
    problems = {}
    for d in _open_dialogs(qtbot, window):
        found = unnamed(d)
        if found:
            problems[d.objectName() or type(d).__name__] = found
        d.reject()
    assert not problems, problems


def test_passphrase_task_and_review_dialogs_name_every_focusable_widget(qtbot, window):
    from ui.dialogs.signing import PassphraseDialog
    from ui.tasks import TaskDialog
    from ui.wizard.screening import ReviewDialog, forget_services

    party = {"name": "Acme Security Ltd", "role": "end_user", "country": "BR", "key": "acme|BR"}
    hit = {"entity_name": "ACME SECURITY", "score": 0.93, "status": "open", "countries": ["BR"],
           "eu_reference": "EU.1.1", "programme": "TEST", "explanation": "name match", "entity_id": 1,
           "list_id": 1, "names": ["ACME SECURITY"]}
    dialogs = [PassphraseDialog(window, "Passphrase of your signing identity, to sign the report:"),
               TaskDialog("Writing the report…", True, window)]
    try:
        dialogs.append(ReviewDialog(party, hit, None, parent=window))
    finally:
        forget_services()
    problems = {}
    for d in dialogs:
        d.show()
        qtbot.waitUntil(d.isVisible)
        found = unnamed(d)
        if found:
            problems[d.objectName()] = found
        d.hide()  # (a task dialog refuses to close while its work runs)
    assert not problems, problems
