"""The About box: program version, questionnaire and reference data versions with dates,
and a warning for reference data older than the configured limit."""

from __future__ import annotations

import html
from pathlib import Path

from app.assessment import about
from app.base.settings import Settings

from ui.qt import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent=None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Art5 Assessor"))
        settings = Settings.load(data_dir)
        versions = about.data_versions(stale_days=settings.reference_stale_days)
        esc = html.escape
        old_mark = f"<span style='color:#b00020'><b>{esc(self.tr('older than a year'))}</b></span>"
        rows = "".join(
            f"<tr><td>{esc(v.kind)}</td><td><b>{esc(v.id)}</b></td><td>{esc(v.version)}</td>"
            f"<td>{esc(v.date)}</td><td><small>{esc(v.sha256[:16])}…</small></td>"
            f"<td>{old_mark if v.stale else ''}</td></tr>"
            for v in versions)
        stale = [v for v in versions if v.stale]
        warning = (f"<p style='color:#b00020'><b>{esc(self.tr('Some reference data is old.'))}</b> "
                   f"{esc(self.tr('Check for an update of the program before relying on it.'))}</p>") if stale else ""
        text = (f"<h2>Art5 Assessor {esc(about.program_version())}</h2>"
                f"<p>{esc(self.tr('Data folder:'))} {esc(str(data_dir))}</p>{warning}"
                f"<table cellpadding='3'><tr><th align='left'>{esc(self.tr('Kind'))}</th>"
                f"<th align='left'>{esc(self.tr('Data set'))}</th><th align='left'>{esc(self.tr('Version'))}</th>"
                f"<th align='left'>{esc(self.tr('Date'))}</th><th align='left'>SHA-256</th><th></th></tr>{rows}</table>")
        lay = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setObjectName("aboutText")
        self.text.setAccessibleName(self.tr("About Art5 Assessor"))
        self.text.setHtml(text)
        lay.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(720, 420)
