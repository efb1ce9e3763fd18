"""Settings (File > Settings…): the language, where the data is kept and how often it is backed
up, the screening threshold, the team register on PostgreSQL (its URL, never a password; and
whether the program works on it instead of the data folder's register), and the way to the
signing identity and the company profile.

Everything is stored in ``settings.json`` in the data folder (app.base.settings). The language
changes at once, without a restart.
"""

from __future__ import annotations

from pathlib import Path

from app.base.settings import Settings

from ui.qt import (QCheckBox, QComboBox, QDesktopServices, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                   QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, Qt, QUrl, QVBoxLayout, QWidget)


class SettingsDialog(QDialog):
    def __init__(self, window, data_dir: Path, store=None):
        super().__init__(window)
        from ui import i18n

        self.setObjectName("settingsDialog")
        self.window_ = window
        self.data_dir = Path(data_dir)
        self.store = store
        self.settings = Settings.load(self.data_dir)
        self.setWindowTitle(self.tr("Settings"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        self.language = QComboBox()
        self.language.setObjectName("language")
        system = i18n.LANGUAGE_NAMES.get(i18n.system_locale(), "English")
        self.language.addItem(self.tr("As the system (%1)").replace("%1", system), "")
        for code, name in i18n.LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.locale)))
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)

        folder_row = QWidget()
        fr = QHBoxLayout(folder_row)
        fr.setContentsMargins(0, 0, 0, 0)
        self.folder = QLabel(str(self.data_dir))
        self.folder.setObjectName("dataFolder")
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        fr.addWidget(self.folder, 1)
        self.open_folder = QPushButton(self.tr("&Open the folder"))
        self.open_folder.setObjectName("openDataFolder")
        self.open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir))))
        fr.addWidget(self.open_folder)
        form.addRow(self.tr("Data folder:"), folder_row)
        note = QLabel(self.tr("To keep the data elsewhere (a network drive), start the program with "
                              "--data-dir FOLDER or set ART5_DATA_DIR; the register then opens from there."))
        note.setWordWrap(True)
        note.setObjectName("dataFolderNote")
        form.addRow("", note)

        self.backup_interval = QSpinBox()
        self.backup_interval.setObjectName("backupInterval")
        self.backup_interval.setRange(0, 24 * 30)
        self.backup_interval.setSuffix(self.tr(" hours"))
        self.backup_interval.setSpecialValueText(self.tr("never"))
        self.backup_interval.setValue(self.settings.backup_interval_hours)
        interval_label = QLabel(self.tr("Automatic &backup every:"))
        interval_label.setBuddy(self.backup_interval)
        form.addRow(interval_label, self.backup_interval)
        self.backup_count = QSpinBox()
        self.backup_count.setObjectName("backupCount")
        self.backup_count.setRange(1, 100)
        self.backup_count.setValue(self.settings.backup_count)
        count_label = QLabel(self.tr("Backups &kept:"))
        count_label.setBuddy(self.backup_count)
        form.addRow(count_label, self.backup_count)

        self.threshold = QDoubleSpinBox()
        self.threshold.setObjectName("screeningThreshold")
        self.threshold.setRange(0.70, 0.99)
        self.threshold.setSingleStep(0.01)
        self.threshold.setDecimals(2)
        self.threshold.setValue(self.settings.screening_threshold)
        threshold_label = QLabel(self.tr("Screening &threshold:"))
        threshold_label.setBuddy(self.threshold)
        self.threshold.setAccessibleDescription(self.tr(
            "How similar a name must be to a listed name to count as a potential hit."))
        form.addRow(threshold_label, self.threshold)
        hint = QLabel(self.tr("How similar a name must be to a listed name to count as a potential hit. "
                              "Lower finds more spellings and more false hits; the default is 0.88."))
        hint.setWordWrap(True)
        form.addRow("", hint)

        self.team_url = QLineEdit(self.settings.team_database_url)
        self.team_url.setObjectName("teamDatabaseUrl")
        self.team_url.setCursorPosition(0)  # the user and server first, not the tail of a long address
        self.team_url.setPlaceholderText("postgresql://USER@HOST:5432/art5?sslmode=verify-full")
        team_label = QLabel(self.tr("Team &register:"))
        team_label.setBuddy(self.team_url)
        form.addRow(team_label, self.team_url)
        self.team_open = QCheckBox(self.tr("&Work on the team register instead of this computer's register"))
        self.team_open.setObjectName("teamOpen")
        self.team_open.setChecked(self.settings.team_open)
        form.addRow("", self.team_open)
        team_hint = QLabel(self.tr(
            "The address of the team's PostgreSQL register (Sync sends finished work there). No password here: "
            "it comes from ART5_DATABASE_PASSWORD, a password file readable by you only (~/.pgpass) or the "
            "system keyring. Use sslmode=verify-full over a network. Takes effect at the next start."))
        team_hint.setWordWrap(True)
        team_hint.setObjectName("teamDatabaseHint")
        form.addRow("", team_hint)
        import os

        if os.environ.get("ART5_DATABASE_URL"):  # the start command chose the register: it wins
            self.team_env = QLabel(self.tr("This start uses the register given by ART5_DATABASE_URL or "
                                           "--database: %1").replace("%1", _shown_url(os.environ["ART5_DATABASE_URL"])))
            self.team_env.setObjectName("teamDatabaseFromEnvironment")
            self.team_env.setWordWrap(True)
            form.addRow("", self.team_env)
        lay.addLayout(form)

        more = QHBoxLayout()
        self.identity_button = QPushButton(self.tr("Signing &identity…"))
        self.identity_button.setObjectName("settingsIdentity")
        self.identity_button.clicked.connect(window.edit_identity)
        more.addWidget(self.identity_button)
        self.profile_button = QPushButton(self.tr("Company &profile…"))
        self.profile_button.setObjectName("settingsProfile")
        self.profile_button.clicked.connect(window.edit_profile)
        self.profile_button.setEnabled(store is not None)
        more.addWidget(self.profile_button)
        more.addStretch(1)
        lay.addLayout(more)

        self.error = QLabel("")
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.hide()
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        lay.addWidget(buttons)

    def save(self) -> None:
        from ui.wizard.screening import forget_services

        s = self.settings
        old_locale, old_threshold = s.locale, s.screening_threshold
        s.locale = self.language.currentData() or ""
        s.backup_interval_hours = self.backup_interval.value()
        s.backup_count = self.backup_count.value()
        s.screening_threshold = round(self.threshold.value(), 2)
        url = self.team_url.text().strip()
        if url:
            from app.storage import dialect_pg

            try:  # as strict as on a command line: no password, a user and a database, libpq's parameters
                dialect_pg.check_url(url, from_command_line=True)
            except dialect_pg.UrlError as exc:
                self.error.setText(self.tr("Settings not saved: %1").replace("%1", str(exc)))
                self.error.show()
                self.team_url.setFocus()
                return
        elif self.team_open.isChecked():
            self.error.setText(self.tr("Settings not saved: give the team register's address to work on it."))
            self.error.show()
            self.team_url.setFocus()
            return
        s.team_database_url, s.team_open = url, bool(url) and self.team_open.isChecked()
        try:
            s.save(self.data_dir)
        except OSError as exc:
            self.error.setText(self.tr("Settings not saved: %1").replace("%1", f"{exc.filename or ''} {exc.strerror or exc}"))
            self.error.show()
            return
        if s.screening_threshold != old_threshold:
            forget_services()  # the next check screens with the new threshold
        self.accept()
        if s.locale != old_locale:
            self.window_.set_language(s.locale)


def _shown_url(url: str) -> str:
    from app.storage import dialect_pg

    return dialect_pg.redact(url)
