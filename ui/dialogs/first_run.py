"""First start: the company profile, and where the data is kept and how it is backed up.

Everything here can be changed later (File > Company profile…). Command-line use never waits
for this dialog; outputs show missing profile fields as missing."""

from __future__ import annotations

from pathlib import Path

from app.base import countries
from app.base.textsafety import escape

from ui.qt import QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, Qt, QVBoxLayout, QWidget
from ui.wizard.questions import CountryCombo

FIELDS = ("name", "address", "eori", "member_state", "contact_name", "contact_email", "phone",
          "compliance_officer")


class ProfileDialog(QDialog):
    def __init__(self, store, data_dir: Path, first_run: bool = True, parent=None):
        super().__init__(parent)
        self.setObjectName("profileDialog")
        self.store = store
        self.setWindowTitle(self.tr("Welcome to Art5 Assessor") if first_run else self.tr("Company profile"))
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Tell us who exports. These details go on every report and notification draft. "
            "You can change them later under File > Company profile.") if first_run else
            self.tr("These details go on every report and notification draft."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        p = store.profile()
        self.name = QLineEdit(p.name)
        self.name.setObjectName("name")
        self.address = QPlainTextEdit(p.address)
        self.address.setObjectName("address")
        self.address.setTabChangesFocus(True)
        self.address.setMaximumHeight(70)
        self.eori = QLineEdit(p.eori)
        self.eori.setObjectName("eori")
        self.eori.setPlaceholderText("DE123456789012345")
        self.member_state = CountryCombo(list(countries.EU27))
        self.member_state.setObjectName("member_state")
        self.member_state.set_code(p.member_state or None)
        self.contact_name = QLineEdit(p.contact_name)
        self.contact_name.setObjectName("contact_name")
        self.contact_email = QLineEdit(p.contact_email)
        self.contact_email.setObjectName("contact_email")
        self.phone = QLineEdit(p.phone)
        self.phone.setObjectName("phone")
        self.phone.setPlaceholderText("+49 69 1234567")
        self.compliance_officer = QLineEdit(p.compliance_officer)
        self.compliance_officer.setObjectName("compliance_officer")
        form.addRow(self.tr("Company name"), self.name)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("EORI number"), self.eori)
        form.addRow(self.tr("Member State of establishment"), self.member_state)
        form.addRow(self.tr("Compliance contact"), self.contact_name)
        form.addRow(self.tr("Contact e-mail"), self.contact_email)
        form.addRow(self.tr("Contact telephone"), self.phone)
        form.addRow(self.tr("Compliance officer"), self.compliance_officer)
        lay.addLayout(form)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setVisible(False)
        lay.addWidget(self.error)
        self.data_dir = Path(data_dir)
        if first_run:
            lay.addWidget(self._identity_row())
        where = QLabel(self.tr(
            "Your data is kept on this computer only, in %1 (readable by your user account only). "
            "Every answer is saved as you give it. A backup is made automatically before every "
            "database upgrade and at the interval set in the settings, in the backups folder beside it; "
            "Register > Back up the register… writes a copy wherever you like (a USB stick, a network "
            "drive).").replace("%1", str(data_dir)))
        where.setObjectName("whereData")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Later") if first_run else self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(560, 420)

    def _identity_row(self) -> QWidget:
        """The offer to create or import the signing identity (it can also wait until the first
        report is signed)."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.identity_status = QLabel()
        self.identity_status.setTextFormat(Qt.TextFormat.PlainText)  # a certificate's names
        self.identity_status.setObjectName("identityStatus")
        self.identity_status.setWordWrap(True)
        row.addWidget(self.identity_status, 1)
        self.identity_button = QPushButton(self.tr("Signing &identity…"))
        self.identity_button.setObjectName("firstRunIdentity")
        self.identity_button.clicked.connect(self.open_identity)
        row.addWidget(self.identity_button)
        self._show_identity()
        return box

    def _show_identity(self) -> None:
        from ui.dialogs.signing import stored_identity

        info, problem = stored_identity(self.data_dir)
        if problem:
            self.identity_status.setText(problem)
            return
        if info is None:
            self.identity_status.setText(self.tr(
                "Reports are signed so that anyone can check they were not changed. Create a signing "
                "identity now, or import one (.p12) from a certification authority; you can also do it "
                "when you sign your first report."))
        else:
            self.identity_status.setText(self.tr("Signing identity: %1 (%2), SHA-256 %3…")
                                         .replace("%1", escape(info.common_name))
                                         .replace("%2", escape(info.organisation))
                                         .replace("%3", info.fingerprint[:16]))

    def open_identity(self) -> None:
        from ui.dialogs.signing import IdentityDialog

        v = self.values()
        dlg = IdentityDialog(self.data_dir, self, profile=v)
        self.identity_dialog = dlg
        dlg.finished.connect(lambda _r: self._show_identity())
        dlg.open()

    def values(self) -> dict[str, str]:
        return {
            "name": self.name.text().strip(),
            "address": self.address.toPlainText().strip(),
            "eori": self.eori.text().strip().upper().replace(" ", ""),
            "member_state": self.member_state.code() or "",
            "contact_name": self.contact_name.text().strip(),
            "contact_email": self.contact_email.text().strip(),
            "phone": self.phone.text().strip(),
            "compliance_officer": self.compliance_officer.text().strip(),
        }

    def save(self) -> None:
        v = self.values()
        problems = []
        if not v["name"]:
            problems.append(self.tr("Enter the company name."))
        if v["member_state"] and v["member_state"] not in countries.EU27:
            problems.append(self.tr("Choose an EU Member State."))
        if v["contact_email"] and "@" not in v["contact_email"]:
            problems.append(self.tr("Enter an e-mail address like name@example.com."))
        if problems:
            self.error.setText(" ".join(problems))
            self.error.setVisible(True)
            return
        self.store.save_profile(**v)
        self.accept()


def maybe_first_run(window) -> None:
    """Offer the setup once, when the register is open and no profile exists yet."""
    from app.base.settings import Settings

    settings = Settings.load(window.data_dir)
    if settings.first_run_done or window.store is None or window.store.profile().name:
        return
    dlg = ProfileDialog(window.store, window.data_dir, first_run=True, parent=window)
    window.first_run_dialog = dlg

    def done(_result: int) -> None:
        settings.first_run_done = True
        settings.save(window.data_dir)

    dlg.finished.connect(done)
    dlg.open()
