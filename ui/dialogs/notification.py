"""The outcome page's "Draft notification…" and "Sign the report…" buttons, and the editor in
which the user reads and changes the draft before exporting it to PDF, DOCX and text."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path


from ui.qt import QCheckBox, QDialog, QFileDialog, QFont, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget


class DraftDialog(QDialog):
    """An editable plain-text view of a draft, exported as PDF (signed if asked), DOCX and TXT."""

    def __init__(self, draft: notification.Draft, data_dir: Path, out_dir: Path, stem: str,
                 parent: QWidget | None = None, formats: tuple[str, ...] = ("pdf", "docx", "txt")):
        super().__init__(parent)
        self.setObjectName("draftDialog")
        self.draft = draft
        self.data_dir = Path(data_dir)
        self.out_dir = Path(out_dir)
        self.stem = stem
        self.formats = formats
        self.written: list[Path] = []
        self.setWindowTitle(draft.title)
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("Read and complete the draft: replace every “[to complete]” and check the parts "
                               "marked “to verify”. Lines starting with “# ” are headings, “- ” list items. "
                               "Export writes the PDF, the Word file and the text (for a portal such as "
                               "ELAN-K2) from this text."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("draftText")
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.editor.setFont(mono)
        self.editor.setPlainText(draft.text)
        lay.addWidget(self.editor, 1)
        row = QHBoxLayout()
        self.sign_box = QCheckBox(self.tr("Sign the PDF"))
        self.sign_box.setObjectName("signDraft")
        from app.signing import sign as signing

        has_identity = signing.identity_path(self.data_dir).exists()
        self.sign_box.setEnabled(has_identity and "pdf" in formats)
        self.sign_box.setChecked(has_identity and "pdf" in formats)
        row.addWidget(self.sign_box)
        self.status = QLabel("")
        self.status.setObjectName("draftStatus")
        self.status.setWordWrap(True)
        row.addWidget(self.status, 1)
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setObjectName("exportDraft")
        self.export_button.clicked.connect(self.choose_and_export)
        row.addWidget(self.export_button)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        lay.addLayout(row)
        self.resize(820, 680)

    def choose_and_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the draft"), str(self.out_dir))
        if folder:
            self.export(Path(folder))

    def export(self, folder: Path) -> list[Path]:
        from ui.dialogs.signing import ask_passphrase

        passphrase = None
        if self.sign_box.isChecked():
            passphrase = ask_passphrase(self, self.data_dir, self.tr("Passphrase of your signing identity, to "
                                                                     "sign the PDF:"))
            if passphrase is None:
                self.status.setText(self.tr("Not exported (cancelled)."))
                return []
        self.draft.text = self.editor.toPlainText()
        from app.documents import notification
        from app.signing import sign as signing

        from ui.tasks import SIGNING_MODULES, run_task

        draft, stem, data_dir, formats = self.draft, self.stem, self.data_dir, self.formats
        try:
            self.written = run_task(
                self, self.tr("Writing the draft (%1)…").replace("%1", ", ".join(f.upper() for f in formats)),
                lambda _progress: notification.write_outputs(draft, folder, stem, data_dir=data_dir,
                                                             passphrase=passphrase, formats=formats),
                preimport=SIGNING_MODULES + ("docx", "docx.shared"))
        except (notification.NotificationError, signing.SigningError) as exc:
            self.status.setStyleSheet("color:#b3261e")
            self.status.setText(str(exc))
            return []
        self.status.setStyleSheet("color:#1b6e20")
        self.status.setText(self.tr("Written: %1").replace("%1", ", ".join(p.name for p in self.written))
                            + (self.tr(" (PDF signed)") if passphrase else ""))
        return self.written


def _inputs(wizard) -> dict:
    r = wizard.result()
    store = wizard.session.store
    a = store.get(wizard.session.assessment_id)
    p = store.profile()
    from app.storage.store import PROFILE_FIELDS

    profile = {k: getattr(p, k, "") or "" for k in PROFILE_FIELDS}
    meta = {"reference": a.reference, "title": a.title, "status": a.status}
    return {"questionnaire": wizard.qn, "answers": wizard.flow.relevant_answers(), "result": r, "profile": profile,
            "meta": meta, "locale": wizard.locale, "today": _dt.date.today()}


def open_notification(wizard) -> DraftDialog | None:
    if wizard.session is None or wizard.reports_dir is None:
        return None
    from app.documents import notification

    d = notification.notification_draft(**_inputs(wizard))
    dlg = DraftDialog(d, wizard.reports_dir.parent, wizard.reports_dir, "notification", wizard)
    wizard.draft_dialog = dlg
    dlg.open()
    return dlg


def open_enduser_statement(wizard) -> DraftDialog | None:
    if wizard.session is None or wizard.reports_dir is None:
        return None
    from app.documents import notification

    d = notification.enduser_draft(**_inputs(wizard))
    dlg = DraftDialog(d, wizard.reports_dir.parent, wizard.reports_dir, "enduser_statement", wizard,
                      formats=("pdf", "docx"))
    wizard.draft_dialog = dlg
    dlg.open()
    return dlg


def add_outcome_buttons(wizard, row) -> None:
    """Hook for WizardView._build: the buttons of the outcome page."""
    wizard.report_signed = False
    wizard.notification_button = QPushButton(wizard.tr("Draft &notification…"))
    wizard.notification_button.setObjectName("draftNotification")
    wizard.notification_button.clicked.connect(lambda: open_notification(wizard))
    wizard.notification_button.setVisible(False)
    row.insertWidget(1, wizard.notification_button)
    wizard.enduser_button = QPushButton(wizard.tr("End-&user statement…"))
    wizard.enduser_button.setObjectName("draftEndUser")
    wizard.enduser_button.clicked.connect(lambda: open_enduser_statement(wizard))
    row.insertWidget(1, wizard.enduser_button)
    wizard.sign_button = QPushButton(wizard.tr("&Sign the report…"))
    wizard.sign_button.setObjectName("signReport")
    wizard.sign_button.setVisible(False)

    def sign() -> None:
        from ui.dialogs.signing import sign_finished_report

        note = sign_finished_report(wizard, create_if_missing=True)
        if note:
            wizard._set_status(note, error="NOT signed" in note or "could not" in note)
        update_outcome_buttons(wizard)

    wizard.sign_button.clicked.connect(sign)
    row.addWidget(wizard.sign_button)


def update_outcome_buttons(wizard, result=None) -> None:
    """Hook for WizardView._render_outcome. (app.documents.notification and app.signing.sign are imported
    where they are used: the wizard's first page does not need them.)"""
    if not hasattr(wizard, "notification_button"):
        return
    outcome = (result or wizard.result()).outcome
    ready = wizard.session is not None
    from app.documents.notification import NOTIFY_OUTCOMES

    wizard.notification_button.setVisible(ready and outcome in NOTIFY_OUTCOMES)
    wizard.enduser_button.setEnabled(ready)
    finished = ready and not wizard.session.editable
    wizard.sign_button.setVisible(bool(finished and wizard.last_report is not None and not wizard.report_signed))
