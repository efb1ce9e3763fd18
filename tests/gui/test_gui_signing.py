"""GUI: Finish asks the passphrase and signs the report; a wrong passphrase is refused in the
dialog; without an identity the report is unsigned with a clear note; the draft notification
opens for editing and exports; the "Verify a report" window tells intact from altered."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from app.signing import sign as signing
from ui.dialogs.signing import IdentityDialog, PassphraseDialog, VerifyDialog
from ui.wizard.view import OUTCOME

from test_gui_art5 import NOTIFY_PLAN, click, walk
from test_gui_wizard import _type

PASS = "gui pass phrase"


def answer_passphrases(qtbot, typed: list[str], seen_errors: list[str]) -> None:
    """Type each passphrase into the modal dialog as it appears (the first may be wrong)."""

    def step():
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, PassphraseDialog):
            QTimer.singleShot(20, step)
            return
        if dlg.error.text():
            seen_errors.append(dlg.error.text())
        dlg.edit.clear()
        qtbot.keyClicks(dlg.edit, typed.pop(0))
        assert dlg.edit.echoMode() == QLineEdit.EchoMode.Password
        dlg.accept()
        if typed:
            QTimer.singleShot(20, step)

    QTimer.singleShot(20, step)


def confirm_places(qtbot, seen: list[str] | None = None) -> None:
    """Tick every place left to complete in the confirmation dialog as it appears, then accept."""
    from ui.dialogs.notification import PlaceholderDialog

    def step():
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, PlaceholderDialog):
            QTimer.singleShot(20, step)
            return
        for box in dlg.boxes:
            if seen is not None:
                seen.append(box.text())
            box.setChecked(True)
        dlg.accept()

    QTimer.singleShot(20, step)


def reach_outcome(qtbot, window):
    wizard = window.new_assessment("art5")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    walk(qtbot, wizard, NOTIFY_PLAN)
    click(qtbot, wizard.next_button)
    assert wizard.current == OUTCOME
    return wizard


def test_finish_asks_the_passphrase_and_signs(qtbot, window, data_dir):
    info = signing.create_identity(data_dir, "Gui Assessor", "Exporter GmbH", "g@e.de", "DE", PASS)
    wizard = reach_outcome(qtbot, window)
    errors: list[str] = []
    answer_passphrases(qtbot, ["wrong one", PASS], errors)
    click(qtbot, wizard.finish_button)
    assert errors and "wrong passphrase" in errors[0]
    res = signing.verify_pdf(wizard.last_report, data_dir=data_dir)
    assert res.signed and res.intact and res.trusted and res.fingerprint == info.fingerprint
    assert "Signed report" in wizard.save_label.text()
    assert not wizard.sign_button.isVisible()
    assert not list(wizard.reports_dir.glob(".*"))  # no temporary or unsigned leftovers
    assert window.store.get(wizard.session.assessment_id).status == "signed"
    assert window.store.audit.events(wizard.session.assessment_id)[-1].kind == "sign"


def test_finish_without_identity_is_unsigned_with_a_note_then_sign_later(qtbot, window, data_dir):
    wizard = reach_outcome(qtbot, window)
    click(qtbot, wizard.finish_button)
    assert "NOT signed" in wizard.save_label.text()
    assert not signing.verify_pdf(wizard.last_report).signed
    assert wizard.sign_button.isVisible()

    def create_identity():
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, IdentityDialog):
            QTimer.singleShot(20, create_identity)
            return
        dlg.name.setText("Later Signer")
        dlg.org.setText("Exporter GmbH")
        dlg.email.setText("l@e.de")
        dlg.country.setText("DE")
        dlg.pw1.setText(PASS)
        dlg.pw2.setText(PASS)
        click(qtbot, dlg.create_button)
        assert "Identity created" in dlg.message.text(), dlg.message.text()
        dlg.accept()
        answer_passphrases(qtbot, [PASS], [])

    QTimer.singleShot(20, create_identity)
    click(qtbot, wizard.sign_button)
    res = signing.verify_pdf(wizard.last_report, data_dir=data_dir)
    assert res.signed and res.intact and res.signer == "Later Signer"


def test_draft_notification_is_editable_and_exports(qtbot, window, data_dir, tmp_path):
    wizard = reach_outcome(qtbot, window)
    assert wizard.notification_button.isVisible()
    click(qtbot, wizard.notification_button)
    dlg = wizard.draft_dialog
    qtbot.waitUntil(dlg.isVisible)
    text = dlg.editor.toPlainText()
    assert "BAFA" in text and "TraceView 5" in text and "Artikel 5 Absatz 2" in text  # in German (issue 15)
    dlg.editor.moveCursor(dlg.editor.textCursor().MoveOperation.End)
    _type(qtbot, dlg.editor, "Added by hand in the editor.")
    confirm_places(qtbot)
    files = dlg.export(tmp_path / "out")
    assert [f.name for f in files] == ["notification.pdf", "notification.docx", "notification.txt"]
    assert "Added by hand in the editor." in (tmp_path / "out" / "notification.txt").read_text(encoding="utf-8")
    dlg.close()


@pytest.fixture
def signed_pdf(tmp_path, data_dir):
    from app.assessment import engine
    from app.documents import report
    from app.questionnaire.model import load
    from test_signing import ANSWERS, ART5, META, PROFILE

    signing.create_identity(data_dir, "Verify Me", "Org", "v@o.de", "DE", PASS)
    qn = load(ART5)
    return signing.render_signed_report(tmp_path / "signed.pdf", data_dir, PASS, questionnaire=qn,
                                        answers=ANSWERS, result=engine.decide(qn, ANSWERS), profile=PROFILE,
                                        meta=META)


def test_verify_window_tells_intact_altered_and_unreadable(qtbot, data_dir, signed_pdf, tmp_path):
    from test_signing import flip_byte_in_signed_range

    dlg = VerifyDialog(data_dir)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.path.setText(str(signed_pdf))
    click(qtbot, dlg.verify_button)
    assert dlg.verdict.text().startswith("Intact, trusted certificate")
    assert "signer:        Verify Me" in dlg.details.toPlainText()
    assert "embedded data: matches" in dlg.details.toPlainText()
    bad = tmp_path / "bad.pdf"
    flip_byte_in_signed_range(signed_pdf, bad)
    dlg.path.setText(str(bad))
    click(qtbot, dlg.verify_button)
    assert dlg.verdict.text().startswith("ALTERED")
    junk = tmp_path / "junk.pdf"
    junk.write_text("no pdf")
    dlg.path.setText(str(junk))
    click(qtbot, dlg.verify_button)
    assert dlg.verdict.text() == "Cannot read the file" and "junk.pdf" in dlg.details.toPlainText()
    dlg.close()
