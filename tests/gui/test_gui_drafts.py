"""GUI: the draft notification keeps its edits (autosave into the register, Close, reopen),
places left to complete are confirmed one by one before export, the end-user statement has
its own instructions, and the notification shows how it reaches the authority."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from test_gui_art5 import click
from test_gui_signing import confirm_places, reach_outcome
from test_gui_wizard import _type


def _open(qtbot, wizard, button):
    click(qtbot, button)
    dlg = wizard.draft_dialog
    qtbot.waitUntil(dlg.isVisible)
    return dlg


def test_edit_survives_close_and_reopen(qtbot, window):
    wizard = reach_outcome(qtbot, window)
    dlg = _open(qtbot, wizard, wizard.notification_button)
    dlg.editor.moveCursor(dlg.editor.textCursor().MoveOperation.End)
    _type(qtbot, dlg.editor, "Kept after closing.")
    dlg.close()  # Close right after typing: the pending autosave is written now
    saved = wizard.session.store.drafts.get(wizard.session.assessment_id, "notification")
    assert saved is not None and saved.text.rstrip().endswith("Kept after closing.")
    again = _open(qtbot, wizard, wizard.notification_button)
    assert again is not dlg
    assert again.editor.toPlainText().rstrip().endswith("Kept after closing.")
    assert "edited draft" in again.status.text()
    # start again: the text written from the assessment
    again.start_again()
    assert "Kept after closing." not in again.editor.toPlainText()
    again.close()


def test_autosave_while_typing_survives_a_crash(qtbot, window):
    wizard = reach_outcome(qtbot, window)
    dlg = _open(qtbot, wizard, wizard.notification_button)
    dlg.editor.moveCursor(dlg.editor.textCursor().MoveOperation.End)
    _type(qtbot, dlg.editor, "Typed, never closed.")
    store, aid = wizard.session.store, wizard.session.assessment_id
    # no Close: the debounced autosave alone writes it (a crash after this loses nothing)
    def saved() -> bool:
        row = store.drafts.get(aid, "notification")
        return row is not None and "Typed, never closed." in row.text

    qtbot.waitUntil(saved, timeout=5000)
    dlg.close()


def test_places_are_confirmed_one_by_one_before_export(qtbot, window, tmp_path):
    wizard = reach_outcome(qtbot, window)
    dlg = _open(qtbot, wizard, wizard.notification_button)
    assert "left to complete" in dlg.places.text()
    dlg.sign_box.setChecked(False)
    # cancelled: nothing written
    QTimer.singleShot(50, lambda: QApplication.activeModalWidget().reject())
    assert dlg.export(tmp_path / "out") == []
    assert "Not exported" in dlg.status.text()
    assert not (tmp_path / "out").exists()
    seen: list[str] = []
    confirm_places(qtbot, seen)
    files = dlg.export(tmp_path / "out")
    assert [f.name for f in files] == ["notification.pdf", "notification.docx", "notification.txt"]
    assert any("zu ergänzen" in s for s in seen)  # the notice to BAFA is in German (issue 15)
    dlg.close()


def test_enduser_statement_has_its_own_instructions_and_the_notification_its_channel(qtbot, window):
    wizard = reach_outcome(qtbot, window)
    dlg = _open(qtbot, wizard, wizard.enduser_button)
    assert "ELAN-K2" not in dlg.findChild(type(dlg.status), "draftIntro").text()
    assert "customer" in dlg.findChild(type(dlg.status), "draftIntro").text()
    assert dlg.channel_label.text() == ""
    assert "[to verify" not in dlg.editor.toPlainText()
    if "Russia" in dlg.editor.toPlainText():
        assert "Article 12g" in dlg.notes_label.text() and "not printed" in dlg.notes_label.text()
    dlg.close()
    dlg = _open(qtbot, wizard, wizard.notification_button)
    assert "ELAN-K2" in dlg.channel_label.text() and "to verify" in dlg.channel_label.text()
    assert "de" in dlg.language_label.text()
    dlg.close()
