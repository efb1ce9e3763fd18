"""Screening in the GUI: the sanctions lists window, party hits beside the parties group with
a review dialog, and the EU measures of the chosen destination.

The logic lives in app.screening; this module shows it. Imports and index loading run in a
worker thread so the window stays responsive.
"""

from __future__ import annotations

import html
import threading
from pathlib import Path
from typing import Any

from app.base.paths import default_data_dir

from ui.qt import QButtonGroup, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QRadioButton, QTableWidget, QTableWidgetItem, Qt, QTimer, QVBoxLayout, QWidget, Signal

_services: dict[str, Any] = {}


def screening_service(data_dir: Path | None = None):
    """One Screening per data folder for the whole program (its index is loaded once)."""
    from app.screening.service import Screening

    from app.base.settings import Settings

    d = Path(data_dir) if data_dir else default_data_dir()
    key = str(d)
    if key not in _services:
        _services[key] = Screening(d, threshold=Settings.load(d).screening_threshold)
    return _services[key]


def forget_services() -> None:
    for s in _services.values():
        s.close()
    _services.clear()


def _parties(wizard) -> list[dict[str, str]]:
    from app.screening.service import parties_from

    return parties_from(wizard.flow.answers, question=wizard.qn.roles.question_id("parties"))


def screening_summary(wizard) -> dict[str, Any] | None:
    """The screening summary of the wizard's parties, for the engine; None without parties."""
    from app.screening.service import unscreened

    parties = _parties(wizard)
    if not parties:
        return None
    try:
        svc = screening_service()
    except Exception:  # noqa: BLE001 - a broken screening.db must not stop the wizard
        return unscreened(parties)
    session = getattr(wizard, "session", None)
    aid = session.assessment_id if session is not None else None
    # on the team register the team's screening decisions apply (app.screening.service)
    return svc.screen_parties(parties, aid, save=aid is not None, store=session.store if session is not None else None)


# what screening imports lazily; imported on the GUI thread before any worker starts
SCREENING_MODULES = ("defusedxml.ElementTree", "defusedxml", "csv", "codecs", "pycountry", "getpass",
                     "sqlalchemy", "rapidfuzz.process", "anyascii", "app.screening.service",
                     "app.screening.parsers", "app.screening.db", "app.screening.matcher", "app.base.paths")


def preload_index(data_dir: Path | None = None) -> threading.Thread | None:
    """Load the screening index in the background (about 2 s for a full EU list), so the first
    check of a party does not freeze the window. A check that comes sooner waits for it."""
    import importlib

    for name in SCREENING_MODULES:
        importlib.import_module(name)
    try:
        svc = screening_service(data_dir)
        if not svc.active_lists():
            return None
    except Exception:  # noqa: BLE001 - a broken screening.db is reported where screening is used
        return None
    t = threading.Thread(target=svc.preload, name="art5-screening-index", daemon=True)
    t.start()
    return t


# -- review ------------------------------------------------------------------------------------
class ReviewDialog(QDialog):
    """Clear a potential hit as a false positive (reason, reviewer, scope) or confirm it."""

    def __init__(self, party: dict[str, Any], hit: dict[str, Any], assessment_id: int | None, store=None,
                 service=None, parent: QWidget | None = None, question_id: str | None = None):
        super().__init__(parent)
        self.setObjectName("screeningReview")
        self.setWindowTitle(self.tr("Review a potential sanctions-list hit"))
        self.party, self.hit, self.assessment_id, self.store = party, hit, assessment_id, store
        self.question_id = question_id  # the parties question, for the audit event
        self.service = service or screening_service()
        self.decision: dict[str, Any] | None = None
        from app.base.textsafety import escape as visible

        def esc(text) -> str:  # HTML-escaped, and bidi or control characters shown, not obeyed
            return html.escape(visible(text))

        lay = QVBoxLayout(self)
        info = QLabel()
        info.setObjectName("hitDetails")
        info.setWordWrap(True)
        info.setTextFormat(Qt.RichText)
        countries = ", ".join(hit.get("countries") or []) or self.tr("not given")
        info.setText(
            f"<p><b>{esc(self.tr('Party'))}:</b> {esc(party['name'])} ({esc((party.get('role') or '').replace('_', ' '))}, "
            f"{esc(party.get('country') or '')})</p>"
            f"<p><b>{esc(self.tr('Listed'))}:</b> {esc(hit['entity_name'])} — {esc(hit.get('subject_type') or '')}, "
            f"{esc(hit.get('eu_reference') or hit.get('entity_key') or '')}, "
            f"{esc(self.tr('regime'))} {esc(hit.get('programme') or '')} ({esc(hit.get('regulation') or '')}); "
            f"{esc(self.tr('countries'))}: {esc(countries)}</p>"
            f"<p><b>{esc(self.tr('Score'))}:</b> {hit['score']:.2f} — {esc(hit.get('explanation') or '')}</p>"
            f"<p><small>{esc(self.tr('List of'))} {esc(hit.get('list_date') or '')}</small></p>")
        lay.addWidget(info)
        form = QFormLayout()
        self.reviewer = QLineEdit()
        self.reviewer.setObjectName("reviewer")
        try:
            import getpass

            self.reviewer.setText(getpass.getuser())
        except Exception:  # noqa: BLE001
            pass
        form.addRow(self.tr("Reviewer"), self.reviewer)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Why this is (or is not) the listed party: date of birth, "
                                               "registration number, address, ..."))
        self.reason.setFixedHeight(80)
        form.addRow(self.tr("Reason"), self.reason)
        scope_box = QWidget()
        sl = QVBoxLayout(scope_box)
        sl.setContentsMargins(0, 0, 0, 0)
        self.scope_assessment = QRadioButton(self.tr("This assessment only"))
        self.scope_assessment.setObjectName("scopeAssessment")
        self.scope_party = QRadioButton(self.tr("This party, for good (every assessment)"))
        self.scope_party.setObjectName("scopeParty")
        group = QButtonGroup(self)
        group.addButton(self.scope_assessment)
        group.addButton(self.scope_party)
        (self.scope_assessment if assessment_id is not None else self.scope_party).setChecked(True)
        self.scope_assessment.setEnabled(assessment_id is not None)
        sl.addWidget(self.scope_assessment)
        sl.addWidget(self.scope_party)
        form.addRow(self.tr("Scope"), scope_box)
        lay.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("reviewError")
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.clear_button = buttons.addButton(self.tr("Clear as false positive"), QDialogButtonBox.AcceptRole)
        self.clear_button.setObjectName("clearHit")
        self.confirm_button = buttons.addButton(self.tr("Confirm: this is the listed party"), QDialogButtonBox.AcceptRole)
        self.confirm_button.setObjectName("confirmHit")
        buttons.addButton(QDialogButtonBox.Cancel)
        self.clear_button.clicked.connect(lambda: self._decide("cleared"))
        self.confirm_button.clicked.connect(lambda: self._decide("confirmed"))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(560, 420)

    def _decide(self, decision: str) -> None:
        scope = "assessment" if self.scope_assessment.isChecked() else "party"
        try:
            self.decision = self.service.review(
                decision=decision, scope=scope, reviewer=self.reviewer.text(), reason=self.reason.toPlainText(),
                party=self.party, hit=self.hit, assessment_id=self.assessment_id, store=self.store,
                question_id=self.question_id)
        except ValueError as exc:
            msg = str(exc)
            self.error.setText(self.tr("Not recorded: %s") % (msg[:1].upper() + msg[1:]))
            self.error.show()
            return
        self.accept()


# -- parties ----------------------------------------------------------------------------------
class PartiesScreeningPanel(QFrame):
    """Under the parties group: each party with its potential hits and a Review button."""

    changed = Signal()

    def __init__(self, wizard, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("partiesScreening")
        self.wizard = wizard
        self.setFrameShape(QFrame.StyledPanel)
        self.lay = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.lay.addWidget(self.title)
        self.rows = QVBoxLayout()
        self.lay.addLayout(self.rows)
        self.summary: dict[str, Any] | None = None
        self.review_buttons: list[QPushButton] = []
        self.dialog: ReviewDialog | None = None

    def refresh(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.review_buttons = []
        self.summary = screening_summary(self.wizard)
        esc = html.escape
        if self.summary is None:
            self.title.setText(self.tr("Parties are screened against the imported sanctions lists as you add them."))
            return
        if not self.summary["checked"]:
            self.title.setText("<b>" + esc(self.tr("Not screened: no sanctions list is imported.")) + "</b> "
                               + esc(self.tr("Import the EU consolidated list with File › Sanctions lists…")))
            return
        dates = ", ".join(f"{l['label']} {l['generation_date']}" for l in self.summary["lists"])
        self.title.setText(esc(self.tr("Screened against: %s") % dates))
        for party in self.summary["parties"]:
            hits = party["hits"]
            head = QLabel()
            head.setWordWrap(True)
            if not hits:
                head.setText("✓ " + esc(party["name"]) + " — " + esc(self.tr("no hit")))
            else:
                head.setText("<b>⚠ " + esc(party["name"]) + "</b> — "
                             + esc(self.tr("%n potential hit(s)", "", len(hits))))
            self.rows.addWidget(head)
            for hit in hits:
                row = QWidget()
                rl = QHBoxLayout(row)
                rl.setContentsMargins(16, 0, 0, 0)
                status = {"open": self.tr("to review"), "cleared": self.tr("cleared"),
                          "confirmed": self.tr("CONFIRMED")}[hit["status"]]
                text = QLabel(f"{esc(hit['entity_name'])} ({esc(hit.get('eu_reference') or '')}, "
                              f"{esc(hit.get('programme') or '')}) — {hit['score']:.2f} — <b>{esc(status)}</b>"
                              f"<br><small>{esc(hit.get('explanation') or '')}</small>")
                text.setWordWrap(True)
                text.setObjectName("hitLabel")
                rl.addWidget(text, 1)
                b = QPushButton(self.tr("Review…"))
                b.setObjectName("reviewHit")
                b.setEnabled(self.wizard.session is None or self.wizard.session.editable)
                b.clicked.connect(lambda _=False, p=party, h=hit: self.review(p, h))
                rl.addWidget(b)
                self.review_buttons.append(b)
                self.rows.addWidget(row)

    def review(self, party: dict[str, Any], hit: dict[str, Any]) -> None:
        session = self.wizard.session
        self.dialog = ReviewDialog(party, hit, session.assessment_id if session else None,
                                   store=session.store if session else None, parent=self,
                                   question_id=self.wizard.qn.roles.question_id("parties"))
        self.dialog.finished.connect(lambda _r: self._reviewed())
        self.dialog.open()

    def _reviewed(self) -> None:
        self.refresh()
        self.changed.emit()


class DestinationMeasuresBox(QLabel):
    """Under the destination question: the EU measures for the chosen country."""

    def __init__(self, wizard, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("destinationMeasures")
        self.wizard = wizard
        self.setWordWrap(True)
        self.setOpenExternalLinks(True)
        self.setStyleSheet("QLabel#destinationMeasures { background: #fff8e1; border: 1px solid #e0c080; "
                           "padding: 6px; }")
        self.hide()  # until a destination is chosen

    def refresh(self) -> None:
        from app.base import countries
        from ui.i18n import data_locale

        def name(code: str) -> str:  # in the language shown
            return countries.name(code, data_locale(self.wizard.locale))
        from app.screening.destinations import measures_for

        code = self.wizard.qn.answer_for("destination_country", self.wizard.flow.answers)
        measures = measures_for(code, self.wizard.locale) if code else []
        if not measures:
            self.setVisible(bool(code))
            self.setText(html.escape(self.tr("No EU destination measure is recorded for %s in the reference data.")
                                     % name(code)) if code else "")
            return
        esc = html.escape
        items = []
        for m in measures:
            flag = f' <b style="color:#a05a00">[{esc(self.tr("not yet checked against the Official Journal"))}]</b>' if m.to_verify else ""
            url = next((s.get("url") for s in m.sources if s.get("url")), "")
            cite = f'<a href="{esc(url)}">{esc(m.citation())}</a>' if url else esc(m.citation())
            items.append(f"<li><b>{esc(m.title)}</b>{flag}<br>{esc(m.help)}<br><small>{cite}</small></li>")
        self.setText("<b>" + esc(self.tr("EU measures for %s") % name(code)) + "</b><ul>" + "".join(items) + "</ul>")
        self.setVisible(True)


def refresh_wizard(wizard) -> None:
    """After a new list: screen the wizard's parties again and update its outcome."""
    if wizard is None:
        return
    if wizard.screening_panel is not None:
        wizard.screening_panel.refresh()
    wizard._refresh()


def page_extras(wizard, page_id: str) -> list[tuple[str, QWidget]]:
    """Called by the wizard when it builds a page: (question id, widget to place under it):
    screening under the parties group, the measures under the destination question. The wizard
    places them and keeps them as its declared ``screening_panel`` and ``destination_box``."""
    out: list[tuple[str, QWidget]] = []
    parties, destination = (wizard.qn.roles.question_id(r) for r in ("parties", "destination_country"))
    for q in wizard.qn.page(page_id).questions:
        if q.id == parties:
            panel = PartiesScreeningPanel(wizard)
            wizard.widgets[q.id].edited.connect(lambda *_: panel.refresh())
            panel.changed.connect(lambda: wizard._refresh())
            QTimer.singleShot(0, panel.refresh)
            out.append((q.id, panel))
        elif q.id == destination:
            box = DestinationMeasuresBox(wizard)
            wizard.widgets[q.id].edited.connect(lambda *_: box.refresh())
            QTimer.singleShot(0, box.refresh)
            out.append((q.id, box))
    return out


# -- lists ------------------------------------------------------------------------------------
class ListsDialog(QDialog):
    """The imported sanctions lists: date, checksum, counts; warns when a list is old;
    imports a newer file in the background."""

    imported = Signal(object)

    def __init__(self, data_dir: Path, store=None, parent: QWidget | None = None):
        super().__init__(parent)
        from app.base.settings import Settings

        self.setObjectName("screeningLists")
        self.setWindowTitle(self.tr("Sanctions lists"))
        self.data_dir = Path(data_dir)
        self.store = store
        self.stale_days = Settings.load(self.data_dir).list_stale_days
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("Parties are screened offline against these lists. Download the EU consolidated "
                               "financial sanctions list (XML or CSV) or the UN Security Council consolidated list "
                               "(XML) with your browser, then import the file here."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.warning = QLabel()
        self.warning.setObjectName("listWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a4b00; font-weight: bold;")
        lay.addWidget(self.warning)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("listsTable")
        self.table.setAccessibleName(self.tr("Imported sanctions lists"))
        self.table.setHorizontalHeaderLabels([self.tr("List"), self.tr("Generated"), self.tr("Entities"),
                                              self.tr("Names"), self.tr("Status"), self.tr("SHA-256")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        lay.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import a file…"))
        self.import_button.setObjectName("importList")
        self.import_button.clicked.connect(self.choose_file)
        row.addWidget(self.import_button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        lay.addLayout(row)
        self.resize(820, 360)
        self.refresh()

    def refresh(self) -> None:
        lists = screening_service(self.data_dir).lists()
        self.table.setRowCount(len(lists))
        old = []
        for r, i in enumerate(lists):
            status = self.tr("in use") if i.active else self.tr("replaced")
            age = i.age_days()
            if i.active and age > self.stale_days:
                old.append(f"{i.label} ({i.generation_date})")
            for c, text in enumerate((i.label, i.generation_date, str(i.entity_count), str(i.alias_count), status,
                                      i.sha256)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        if not lists:
            self.warning.setText(self.tr("No list imported yet: parties cannot be screened."))
        elif old:
            self.warning.setText(self.tr("Older than %d days: %s. Import a newer file.") % (self.stale_days, ", ".join(old)))
        else:
            self.warning.setText("")
        self.warning.setVisible(bool(self.warning.text()))

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a sanctions list"), str(Path.home()),
                                              self.tr("Sanctions lists (*.xml *.csv);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Import in a worker, with a progress dialog and Cancel (the previous list stays in use
        until the new one is complete, so cancelling is always safe)."""
        from app.base.progress import Cancelled

        from ui.tasks import run_task

        self.import_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Importing %s…") % path.name)
        svc = screening_service(self.data_dir)
        store = self.store
        entities = self.tr("%1 entities read")
        rescreening = self.tr("Screening saved parties again…")
        from app.questionnaire.roles import question_of

        parties_question = question_of("parties")

        def work(progress):
            info = svc.import_list(path, lambda n: progress.update(text=entities.replace("%1", f"{n:,}")))
            progress.commit(text=rescreening)  # the new list is in use: no cancelling from here
            changes = svc.rescreen_saved(store, parties_question=parties_question) if store is not None else []
            return info, changes

        try:
            result = run_task(self, self.tr("Importing the sanctions list %1…").replace("%1", path.name), work,
                              cancellable=True, preimport=SCREENING_MODULES)
        except Cancelled:
            self.import_button.setEnabled(True)
            self.status.setText(self.tr("Import cancelled. The list imported before is still in use."))
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self._import_done(None, exc)
            return
        self._import_done(result, None)

    def _import_done(self, result, error) -> None:
        self.import_button.setEnabled(True)
        if error is not None:
            self.status.setText(self.tr("Not imported: %s. The list imported before is still in use.") % error)
            self.status.setStyleSheet("color: #b00020; font-weight: bold;")
            return
        info, changes = result
        self.status.setStyleSheet("color: #1b5e20;")
        self.status.setText(self.tr("Imported %s of %s: %d entities, %d names.")
                            % (info.label, info.generation_date, info.entity_count, info.alias_count))
        self.refresh()
        self.imported.emit(result)
        lines = [line for c in changes for line in c.lines()]
        if lines:
            box = QMessageBox(QMessageBox.Information, self.tr("Saved parties screened again"),
                              self.tr("The new list changes the screening of saved parties:") + "\n\n"
                              + "\n".join(lines), QMessageBox.Ok, self)
            box.setObjectName("rescreenChanges")
            box.open()
        elif self.store is not None:
            self.status.setText(self.status.text() + " " + self.tr("Saved parties screened again: no change."))
