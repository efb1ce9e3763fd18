"""The outcome page's "Draft notification…" and "Sign the report…" buttons, and the editor in
which the user reads and changes the draft before exporting it to PDF, DOCX and text.

The text is saved into the register as the user types (debounced, like answers), on Close and
on export, so an edit survives closing the dialog and a crash; reopening shows it. A draft with
places left to complete ("[to complete]", "[exporter name]", ...) is exported or signed only
once each is filled in or confirmed one by one."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path


from ui.qt import QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFont, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSplitter, QTimer, QVBoxLayout, QWidget, Qt

AUTOSAVE_MS = 800


class PlaceholderDialog(QDialog):
    """Confirm, one by one, each place left to complete before the draft is exported."""

    def __init__(self, items: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("placeholderDialog")
        self.setWindowTitle(self.tr("Places left to complete"))
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("The draft still has these places to complete. Fill them in, or tick each one "
                               "to confirm it may stay as it is in the exported files:"))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.boxes: list[QCheckBox] = []
        for item in items:
            box = QCheckBox(item)
            box.toggled.connect(self._update)
            self.boxes.append(box)
            lay.addWidget(box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export with these places"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(all(b.isChecked() for b in self.boxes))

    def confirmed(self) -> list[str]:
        return [b.text() for b in self.boxes if b.isChecked()]


class DraftDialog(QDialog):
    """An editable plain-text view of a draft, exported as PDF (signed if asked), DOCX and TXT.

    ``store``/``assessment_id``/``kind`` make the edit persistent (autosave into the register);
    ``channel`` (how the notice reaches the authority) and ``language`` (which language and why)
    are shown above the text; ``english`` is the English rendering shown beside a draft in
    another language."""

    def __init__(self, draft: notification.Draft, data_dir: Path, out_dir: Path, stem: str,
                 parent: QWidget | None = None, formats: tuple[str, ...] = ("pdf", "docx", "txt"),
                 store=None, assessment_id: int | None = None, generated: str | None = None,
                 confirmed: list[str] | None = None, channel=None, language=None, english=None):
        super().__init__(parent)
        self.setObjectName("draftDialog")
        self.draft = draft
        self.data_dir = Path(data_dir)
        self.out_dir = Path(out_dir)
        self.stem = stem
        self.formats = formats
        self.written: list[Path] = []
        self.store = store
        self.assessment_id = assessment_id
        self.generated = draft.text if generated is None else generated
        self.confirmed: list[str] = list(confirmed or [])
        self.save_error = ""
        self.setWindowTitle(draft.title)
        lay = QVBoxLayout(self)
        if draft.kind == "enduser":
            text = self.tr("Read and complete the end-user statement before you send it to your customer for "
                           "signature: replace every “[to complete]”. Lines starting with “# ” are headings, "
                           "“- ” list items. Export writes the PDF and the Word file, which the customer signs "
                           "and returns; keep the signed copy with the assessment.")
        else:
            text = self.tr("Read and complete the draft: replace every “[to complete]” and check the parts "
                           "marked “to verify”. Lines starting with “# ” are headings, “- ” list items. "
                           "Export writes the PDF, the Word file and the text from this text.")
        intro = QLabel(text)
        intro.setWordWrap(True)
        intro.setObjectName("draftIntro")
        lay.addWidget(intro)
        self.channel_label = QLabel("")
        self.channel_label.setObjectName("draftChannel")
        self.channel_label.setWordWrap(True)
        if channel is not None and draft.kind != "enduser":
            status = "" if channel.status == "verified" else self.tr(" (to verify)")
            source = f" — {channel.source_title}" if channel.source_title else ""
            self.channel_label.setText(self.tr("How to send it: ") + channel.text + status + source)
            lay.addWidget(self.channel_label)
        self.notes_label = QLabel("")
        self.notes_label.setObjectName("draftNotes")
        self.notes_label.setWordWrap(True)
        if getattr(draft, "notes", ""):
            self.notes_label.setText(self.tr("For you (not printed in the document): ") + draft.notes)
            self.notes_label.setStyleSheet("color:#9a3412")
            lay.addWidget(self.notes_label)
        self.language_label = QLabel(language.reason if language is not None else "")
        self.language_label.setObjectName("draftLanguage")
        self.language_label.setWordWrap(True)
        if language is not None:
            lay.addWidget(self.language_label)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("draftText")
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.editor.setFont(mono)
        self.editor.setPlainText(draft.text)
        self.english = None
        if english is not None:
            split = QSplitter(Qt.Orientation.Horizontal)
            split.addWidget(self.editor)
            self.english = QPlainTextEdit()
            self.english.setObjectName("draftEnglish")
            self.english.setReadOnly(True)
            self.english.setFont(mono)
            self.english.setPlainText(english.text)
            split.addWidget(self.english)
            lay.addWidget(split, 1)
        else:
            lay.addWidget(self.editor, 1)
        self.places = QLabel("")
        self.places.setObjectName("draftPlaces")
        self.places.setWordWrap(True)
        self.places.setStyleSheet("color:#9a3412")
        lay.addWidget(self.places)
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
        self.reset_button = QPushButton(self.tr("Start &again from the assessment"))
        self.reset_button.setObjectName("resetDraft")
        self.reset_button.clicked.connect(self.start_again)
        row.addWidget(self.reset_button)
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setObjectName("exportDraft")
        self.export_button.clicked.connect(self.choose_and_export)
        row.addWidget(self.export_button)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        lay.addLayout(row)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save)
        self.editor.textChanged.connect(self._typed)
        self._show_places()
        self.resize(1100 if english is not None else 820, 680)

    # -- keeping the draft ------------------------------------------------------------------
    def _kind(self) -> str:
        return "enduser_statement" if self.draft.kind == "enduser" else "notification"

    def _typed(self) -> None:
        self._show_places()
        self.timer.start()

    def save(self) -> bool:
        """Write the text into the register now (the autosave; also on Close and export)."""
        self.timer.stop()
        self.draft.text = self.editor.toPlainText()
        if self.store is None or self.assessment_id is None:
            return False
        from app.storage.errors import StorageError

        try:
            self.store.drafts.save(self.assessment_id, self._kind(), self.draft.text,
                                           generated=self.generated, confirmed=self.confirmed)
        except StorageError as exc:
            self.save_error = str(exc)
            self.status.setStyleSheet("color:#b3261e")
            self.status.setText(self.tr("The draft could not be saved: %1").replace("%1", str(exc)))
            return False
        self.save_error = ""
        return True

    def done(self, result: int) -> None:  # Close, Esc and the window's close button
        self.save()
        super().done(result)

    def start_again(self) -> None:
        """Replace the edited text by the text written from the assessment as it is now."""
        self.editor.setPlainText(self.generated)
        self.confirmed = []
        self.save()

    def _show_places(self) -> None:
        from app.documents import notification

        left = notification.placeholders(self.editor.toPlainText())
        if not left:
            self.places.setText("")
            return
        shown = "; ".join(left[:5]) + ("; …" if len(left) > 5 else "")
        self.places.setText(self.tr("%1 place(s) left to complete: %2").replace("%1", str(len(left)))
                            .replace("%2", shown))

    def ask_placeholders(self, left: list[str]) -> bool:
        """Ask the user to confirm each place left; True when every one is confirmed."""
        dlg = PlaceholderDialog(left, self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return False
        self.confirmed = sorted(set(self.confirmed) | set(dlg.confirmed()))
        return True

    # -- export -----------------------------------------------------------------------------
    def choose_and_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the draft"), str(self.out_dir))
        if folder:
            self.export(Path(folder))

    def export(self, folder: Path) -> list[Path]:
        from app.documents import notification

        self.save()
        left = notification.unconfirmed_placeholders(self.draft.text, self.confirmed)
        if left and not self.ask_placeholders(left):
            self.status.setStyleSheet("color:#b3261e")
            self.status.setText(self.tr("Not exported: places are left to complete."))
            return []
        self.save()
        from app.pdf.fonts import unrenderable_warning

        glyphs = unrenderable_warning([self.draft.text])
        from ui.dialogs.signing import ask_passphrase

        passphrase = None
        if self.sign_box.isChecked():
            if glyphs:
                from ui.qt import QMessageBox

                answer = QMessageBox.warning(self, self.tr("Characters the PDF cannot show"), glyphs,
                                             QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
                if answer != QMessageBox.StandardButton.Ok:
                    self.status.setText(self.tr("Not exported (cancelled)."))
                    return []
            passphrase = ask_passphrase(self, self.data_dir, self.tr("Passphrase of your signing identity, to "
                                                                     "sign the PDF:"))
            if passphrase is None:
                self.status.setText(self.tr("Not exported (cancelled)."))
                return []
        from app.signing import sign as signing

        from ui.tasks import SIGNING_MODULES, run_task

        draft, stem, data_dir, formats = self.draft, self.stem, self.data_dir, self.formats
        try:
            self.written = run_task(
                self, self.tr("Writing the draft (%1)…").replace("%1", ", ".join(f.upper() for f in formats)),
                lambda _progress: notification.write_outputs(
                    draft, folder, stem, sign=signing.pdf_signer(data_dir, passphrase), formats=formats),
                preimport=SIGNING_MODULES + ("docx", "docx.shared"))
        except (notification.NotificationError, signing.SigningError) as exc:
            self.status.setStyleSheet("color:#b3261e")
            self.status.setText(str(exc))
            return []
        self.status.setStyleSheet("color:#1b6e20")
        self.status.setText(self.tr("Written: %1").replace("%1", ", ".join(p.name for p in self.written))
                            + (self.tr(" (PDF signed)") if passphrase else ""))
        return self.written


def _open_draft(wizard, kind: str) -> DraftDialog | None:
    """Open the draft of ``kind``: the saved edit when there is one, else a fresh draft in the
    authority's language (with the English beside it when that is another language)."""
    if wizard.session is None or wizard.reports_dir is None:
        return None
    import json

    from app.documents import language, notification

    inputs = wizard.session.report_inputs(wizard.locale)  # the same inputs as 'art5 assess' (app.assessment.workflow)
    ms = inputs.member_state
    fresh, choice, english = language.drafts(kind, ms, today=_dt.date.today(), **inputs.draft())
    store, aid = wizard.session.store, wizard.session.assessment_id
    saved = store.drafts.get(aid, kind)
    confirmed: list[str] = []
    generated = fresh.text
    if saved is not None:
        confirmed = json.loads(saved.confirmed_json or "[]")
        generated = fresh.text
        fresh.text = saved.text
    formats = ("pdf", "docx", "txt") if kind == "notification" else ("pdf", "docx")
    dlg = DraftDialog(fresh, wizard.reports_dir.parent, wizard.reports_dir, kind, wizard, formats=formats,
                      store=store, assessment_id=aid, generated=generated, confirmed=confirmed,
                      channel=language.channel_for(ms, wizard.locale) if kind == "notification" else None,
                      language=choice, english=english)
    if saved is not None:
        dlg.status.setText(dlg.tr("Your edited draft (saved %1) is shown.").replace("%1", saved.updated_at[:16]))
    wizard.draft_dialog = dlg
    dlg.open()
    return dlg


def open_notification(wizard) -> DraftDialog | None:
    return _open_draft(wizard, "notification")


def open_enduser_statement(wizard) -> DraftDialog | None:
    return _open_draft(wizard, "enduser_statement")


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
    result = result or wizard.result()
    ready = wizard.session is not None
    from app.documents.notification import needs_notification

    wizard.notification_button.setVisible(ready and needs_notification(result))
    wizard.enduser_button.setEnabled(ready)
    finished = ready and not wizard.session.editable
    wizard.sign_button.setVisible(bool(finished and wizard.last_report is not None and not wizard.report_signed))
