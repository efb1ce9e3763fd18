"""Signing in the GUI: the passphrase prompt, the signing identity dialog, signing the report at
the wizard's Finish, and the "Verify a report" window. The work is done by app.signing.sign.

Rendering and signing run in a worker thread behind a progress dialog (ui/tasks.py, called by
WizardView.write_report); the passphrase is asked and checked here first, on the GUI thread.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.signing import sign as signing
from app.base.textsafety import escape

from ui.qt import QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, Qt, QVBoxLayout, QWidget


class PassphraseDialog(QDialog):
    """Asks the passphrase of the signing identity (echo off); read ``passphrase()`` once it is accepted."""

    def __init__(self, parent: QWidget | None, prompt: str, confirm: bool = False):
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Passphrase"))
        lay = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        lay.addWidget(label)
        self.edit = QLineEdit()
        self.edit.setObjectName("passphrase")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        label.setBuddy(self.edit)  # the prompt names the field for a screen reader
        lay.addWidget(self.edit)
        self.error = QLabel("")
        self.error.setStyleSheet("color:#b3261e")
        self.error.setWordWrap(True)
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def passphrase(self) -> str:
        return self.edit.text()


def stored_identity(data_dir: Path) -> tuple[signing.IdentityInfo | None, str]:
    """The stored signing identity (None when there is none) and, when it cannot be read, what
    is wrong with it: for the dialogs that show it."""
    try:
        return signing.show_identity(data_dir), ""
    except signing.SigningError as exc:
        return None, str(exc)


class IdentityDialog(QDialog):
    """File → Signing identity…: shows the identity; creates one or imports a PKCS#12 file."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None, profile: dict | None = None):
        super().__init__(parent)
        self.setObjectName("identityDialog")
        self.data_dir = Path(data_dir)
        self.setWindowTitle(self.tr("Signing identity"))
        lay = QVBoxLayout(self)
        self.current = QLabel("")
        self.current.setObjectName("identityCurrent")
        self.current.setWordWrap(True)
        self.current.setTextInteractionFlags(self.current.textInteractionFlags()
                                             | self.current.textInteractionFlags().TextSelectableByMouse)
        lay.addWidget(self.current)
        intro = QLabel(self.tr("Create a key and a certificate made by your company (self-signed), or import "
                               "one from a certification authority or an eID (PKCS#12, .p12/.pfx). The key is "
                               "stored encrypted with your passphrase; the passphrase is never stored."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        p = profile or {}
        self.name = QLineEdit(p.get("contact_name", ""))
        self.name.setObjectName("idName")
        self.org = QLineEdit(p.get("name", ""))
        self.org.setObjectName("idOrganisation")
        self.email = QLineEdit(p.get("contact_email", ""))
        self.email.setObjectName("idEmail")
        self.country = QLineEdit(p.get("member_state", ""))
        self.country.setObjectName("idCountry")
        self.country.setMaxLength(2)
        self.pw1 = QLineEdit()
        self.pw1.setObjectName("idPassphrase")
        self.pw1.setEchoMode(QLineEdit.EchoMode.Password)
        self.pw2 = QLineEdit()
        self.pw2.setObjectName("idPassphrase2")
        self.pw2.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Organisation"), self.org)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.tr("Country (2 letters)"), self.country)
        form.addRow(self.tr("Passphrase (8+ characters)"), self.pw1)
        form.addRow(self.tr("Repeat the passphrase"), self.pw2)
        lay.addLayout(form)
        self.message = QLabel("")
        self.message.setObjectName("identityMessage")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        row = QHBoxLayout()
        self.create_button = QPushButton(self.tr("&Create identity"))
        self.create_button.setObjectName("createIdentity")
        self.create_button.clicked.connect(self.create)
        row.addWidget(self.create_button)
        self.import_button = QPushButton(self.tr("&Import .p12…"))
        self.import_button.setObjectName("importIdentity")
        self.import_button.clicked.connect(self.import_file)
        row.addWidget(self.import_button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        lay.addLayout(row)
        for label in self.findChildren(QLabel):  # names come from certificates: never rich text
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.refresh()
        self.resize(560, self.sizeHint().height())

    def refresh(self) -> None:
        info, problem = stored_identity(self.data_dir)
        if problem:
            self.current.setText(problem)
            return
        if info is None:
            self.current.setText(self.tr("No signing identity yet: reports are written unsigned."))
            return
        state = self.tr("EXPIRED") if info.expired else self.tr("valid")
        self.current.setText(self.tr("Current identity: %1 (%2), %3 until %4\nSHA-256: %5")
                             .replace("%1", escape(info.common_name)).replace("%2", escape(info.organisation))
                             .replace("%3", state).replace("%4", info.not_after.strftime("%Y-%m-%d"))
                             .replace("%5", info.fingerprint))
        self.create_button.setText(self.tr("Replace with a &new identity"))

    def _fail(self, text: str) -> None:
        self.message.setStyleSheet("color:#b3261e")
        self.message.setText(text)

    def create(self) -> None:
        if self.pw1.text() != self.pw2.text():
            self._fail(self.tr("The two passphrases differ."))
            return
        exists = signing.identity_path(self.data_dir).exists()
        if exists and QMessageBox.question(
                self, self.tr("Replace the identity?"),
                self.tr("Reports signed with the current key stay valid, but new reports will carry the new "
                        "fingerprint. Replace it?")) != QMessageBox.StandardButton.Yes:
            return
        try:
            info = signing.create_identity(self.data_dir, self.name.text(), self.org.text(), self.email.text(),
                                           self.country.text(), self.pw1.text(), overwrite=exists)
        except signing.SigningError as exc:
            self._fail(str(exc))
            return
        self.pw1.clear()
        self.pw2.clear()
        self.message.setStyleSheet("color:#1b6e20")
        self.message.setText(self.tr("Identity created. Give this fingerprint to whoever checks your reports: %1")
                             .replace("%1", info.fingerprint))
        self.refresh()

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a signing identity"), str(Path.home()),
                                              self.tr("PKCS#12 (*.p12 *.pfx)"))
        if not path:
            return
        dlg = PassphraseDialog(self, self.tr("Passphrase of %1:").replace("%1", os.path.basename(path)))
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            signing.import_identity(self.data_dir, Path(path), dlg.passphrase())
        except signing.SigningError as exc:
            self._fail(str(exc))
            return
        self.message.setStyleSheet("color:#1b6e20")
        self.message.setText(self.tr("Identity imported."))
        self.refresh()


def ask_passphrase(parent: QWidget | None, data_dir: Path, prompt: str) -> str | None:
    """Ask until the passphrase unlocks the identity; None when the user cancels."""
    dlg = PassphraseDialog(parent, prompt)
    while True:
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        try:
            signing.unlock(data_dir, dlg.passphrase())
            return dlg.passphrase()
        except signing.SigningError as exc:
            dlg.error.setText(str(exc))
            dlg.edit.selectAll()


def sign_finished_report(wizard, create_if_missing: bool = False) -> str:
    """After Finish: sign the wizard's report if an identity exists (ask the passphrase). Without
    an identity the report stays unsigned with a clear note, and the outcome page offers "Sign
    the report…", which creates one first (``create_if_missing``). Returns a status line."""
    report_path = wizard.last_report
    if report_path is None or wizard.reports_dir is None:
        return ""
    data_dir = wizard.reports_dir.parent
    from app.assessment import workflow

    try:  # the policy every front end asks (app.assessment.workflow), before the passphrase
        workflow.check_signable(wizard.result())
    except workflow.SigningRefused as exc:
        return wizard.tr("The report is NOT signed: %1").replace("%1", str(exc))
    try:
        info = signing.show_identity(data_dir)
    except signing.SigningError as exc:
        return wizard.tr("Report written unsigned: %1").replace("%1", str(exc))
    if info is None:
        if not create_if_missing:
            return wizard.tr("Finished. The report is NOT signed (no signing identity yet; use “Sign the "
                             "report…” to create one): %1").replace("%1", str(report_path))
        IdentityDialog(data_dir, wizard, _profile(wizard)).exec()
        if signing.show_identity(data_dir) is None:
            return wizard.tr("The report is NOT signed (no signing identity): %1").replace("%1", str(report_path))
    passphrase = ask_passphrase(wizard, data_dir, wizard.tr("Passphrase of your signing identity, to sign the "
                                                            "report:"))
    if passphrase is None:
        return wizard.tr("Finished. The report is NOT signed (cancelled): %1").replace("%1", str(report_path))
    try:
        wizard.write_report(final=True, signer=signing.signer_fields(data_dir), passphrase=passphrase)
    except signing.SigningError as exc:
        return wizard.tr("The report could not be signed: %1").replace("%1", str(exc))
    wizard.report_signed = True
    try:
        wizard.session.mark_signed(str(wizard.last_report), wizard.locale)
    except Exception as exc:  # noqa: BLE001 - the signed file exists; say what the register lacks
        return wizard.tr("Signed report: %1 (the register could not record the signature: %2)") \
            .replace("%1", str(wizard.last_report)).replace("%2", str(exc))
    return wizard.tr("Finished. Signed report: %1").replace("%1", str(wizard.last_report))


def _profile(wizard) -> dict:
    """The exporter profile, to suggest the identity's name, organisation, e-mail and country."""
    from app.assessment.workflow import exporter_profile

    try:
        return exporter_profile(wizard.session.store)
    except Exception:  # noqa: BLE001 - a missing profile only means empty fields
        return {}


class VerifyDialog(QDialog):
    """Help → Verify a report…: intact or altered, signer, time, trust, embedded data."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.data_dir = Path(data_dir)
        self.setWindowTitle(self.tr("Verify a report"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setObjectName("verifyPath")
        self.path.setPlaceholderText(self.tr("the signed PDF"))
        self.path.setAccessibleName(self.tr("Report"))
        row.addWidget(self.path, 1)
        browse = QPushButton(self.tr("&Choose…"))
        browse.clicked.connect(self.choose)
        row.addWidget(browse)
        form.addRow(self.tr("Report"), row)
        trow = QHBoxLayout()
        self.trust = QLineEdit()
        self.trust.setObjectName("verifyTrust")
        self.trust.setAccessibleName(self.tr("Trusted certificate"))
        self.trust.setPlaceholderText(self.tr("optional: the signer's certificate; default: your own identity"))
        trow.addWidget(self.trust, 1)
        tbrowse = QPushButton(self.tr("C&hoose…"))
        tbrowse.clicked.connect(self.choose_trust)
        trow.addWidget(tbrowse)
        form.addRow(self.tr("Trusted certificate"), trow)
        lay.addLayout(form)
        self.verify_button = QPushButton(self.tr("&Verify"))
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.setDefault(True)
        self.verify_button.clicked.connect(self.verify)
        lay.addWidget(self.verify_button)
        self.verdict = QLabel("")
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        f = self.verdict.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.verdict.setFont(f)
        lay.addWidget(self.verdict)
        self.details = QPlainTextEdit()
        self.details.setObjectName("verifyDetails")
        self.details.setAccessibleName(self.tr("Details of the verification"))
        self.details.setReadOnly(True)
        lay.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)
        # Every label here may show text a signer chose: never let Qt guess it is rich text.
        for label in self.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.resize(720, 460)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a report"), str(self.data_dir / "reports"),
                                              self.tr("PDF (*.pdf)"))
        if path:
            self.path.setText(path)
            self.verify()

    def choose_trust(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a certificate"), str(Path.home()),
                                              self.tr("Certificates (*.crt *.pem *.cer *.der)"))
        if path:
            self.trust.setText(path)

    def verify(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.verdict.setText(self.tr("Choose a PDF first."))
            return
        try:
            trust = Path(self.trust.text().strip()) if self.trust.text().strip() else None
            res = signing.verify_pdf(Path(text), trust=trust, data_dir=self.data_dir)
        except signing.VerifyError as exc:
            self.verdict.setStyleSheet("color:#b3261e")
            self.verdict.setText(self.tr("Cannot read the file"))
            self.details.setPlainText(str(exc))
            return
        code = res.exit_code
        if code == signing.EXIT_TRUSTED:
            self.verdict.setStyleSheet("color:#1b6e20")
            self.verdict.setText(self.tr("Intact, trusted certificate (SHA-256 %1)").replace("%1", res.fingerprint))
        elif code == signing.EXIT_UNTRUSTED:
            self.verdict.setStyleSheet("color:#8a5a00")
            self.verdict.setText(self.tr("Intact but NOT TRUSTED: nothing vouches for this certificate. Compare its "
                                         "SHA-256 %1 with the one the signer gave you.").replace("%1", res.fingerprint))
        elif res.signed:
            self.verdict.setStyleSheet("color:#b3261e")
            self.verdict.setText(self.tr("ALTERED: do not rely on this file"))
        else:
            self.verdict.setStyleSheet("color:#b3261e")
            self.verdict.setText(self.tr("Not signed"))
        self.details.setPlainText("\n".join(res.lines()))
