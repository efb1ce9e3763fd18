"""The main window: the register of assessments, and the wizard in the same window.

The window paints first, with the register's first page of rows read read-only through sqlite3
(``app.storage.quick_read``); the Store (SQLModel, Alembic) opens right after, in steps on the
GUI thread (``_StoreLoader``), because importing it costs several times what the first paint does.
"""

from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

from ui.qt import QAbstractItemView, QAction, QHBoxLayout, QHeaderView, QLabel, QMainWindow, QMessageBox, QObject, QPushButton, QStackedWidget, Qt, QTableWidget, QTableWidgetItem, QTimer, QVBoxLayout, QWidget, Signal
from ui.register.page import RegisterPage
from ui.register.actions import RegisterController

if TYPE_CHECKING:  # the wizard's modules load when a wizard opens (``art5`` shows the register first)
    from app.questionnaire.model import Questionnaire
    from ui.wizard.view import WizardView

DEFAULT_QUESTIONNAIRE = "art5"


class _StoreLoader(QObject):
    """Opens the register after the first paint, on the GUI thread, in steps.

    Each step imports one heavy module (0.1-0.3 s) and returns to the event loop, so the
    window keeps painting and taking input between steps. Not on a worker thread: PySide6
    runs an import hook (shibokensupport.feature, which reads each module's source) on every
    import once it is loaded, and running it concurrently with the GUI thread is not
    documented as safe; a worker also competed for the GIL with the first paint. (The aborts
    first blamed on the thread came from PySide6 6.12.0's processEvents(); see
    tests/test_qt_binding.py.)"""

    done = Signal()
    STEPS = ("sqlalchemy", "pydantic", "sqlmodel", "app.storage.store")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.store = None
        self.error = ""
        self._steps: list[str] = []
        self._data_dir: Path | None = None

    def start(self, data_dir: Path) -> None:
        self._data_dir = data_dir
        self._steps = list(self.STEPS)
        QTimer.singleShot(0, self._step)

    def _step(self) -> None:
        import importlib

        if self._steps:
            importlib.import_module(self._steps.pop(0))
            QTimer.singleShot(0, self._step)
            return
        try:
            from app.storage.store import Store

            url = team_register_url(self._data_dir)
            self.store = Store.open_url(url) if url else Store.open(self._data_dir)
        except Exception as exc:  # noqa: BLE001 - shown to the user with the file name
            self.error = str(exc) or type(exc).__name__
        self.done.emit()


def team_register_url(data_dir: Path | None) -> str:
    """The team register this start opens instead of the data folder's file: ``art5 --database
    URL`` (ART5_DATABASE_URL), else the one the settings say to work on; "" for the laptop's own."""
    import os

    from app.base.settings import Settings

    url = os.environ.get("ART5_DATABASE_URL")
    if url:
        return url
    chosen = Settings.load(data_dir) if data_dir is not None else None
    return chosen.team_database_url if chosen is not None and chosen.team_open else ""


def fit_to_screen(window, want_w: int = 1180, want_h: int = 760) -> None:
    """Open at the wanted size, or at the screen's available size when that is smaller (a
    1024x700 screen shows the whole window, Back and Next included)."""
    from ui.qt import QGuiApplication

    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(want_w, want_h)
        return
    avail = screen.availableGeometry()
    frame_w, frame_h = 16, 40  # title bar and borders the window manager adds
    w = min(want_w, avail.width() - frame_w)
    h = min(want_h, avail.height() - frame_h)
    window.resize(max(w, 640), max(h, 480))
    window.move(avail.x() + max(0, (avail.width() - window.width() - frame_w) // 2),
                avail.y() + max(0, (avail.height() - window.height() - frame_h) // 2))


def _team_url(store) -> str:
    from app.storage.dialect_pg import display_url

    return display_url(store.engine)


class MainWindow(QMainWindow):
    store_ready = Signal()
    language_changed = Signal(str)

    def __init__(self, data_dir: Path, locale: str = "en", questionnaires_dir: Path | None = None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.data_dir = Path(data_dir)
        self.locale = locale
        self.questionnaires_dir = questionnaires_dir
        self.store = None
        self.store_error = ""
        # the register's rows read with sqlite3 until the Store is open (app.storage.quick_read)
        self.quick_register = None
        self._resume_when_ready: int | None = None
        self.wizard: WizardView | None = None
        self.register_page: RegisterPage | None = None
        self.register: RegisterController | None = None
        self.settings_dialog = None
        self._after_store: list = []
        self._retranslate_pending = False
        self.setWindowTitle(self.tr("Art5 Assessor"))
        self.setMinimumSize(640, 480)
        fit_to_screen(self)
        self._team_dialog = None  # the open Team dialog (ui.dialogs.team_menu), kept alive while shown
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self._build_register()
        self._build_menu()
        self.statusBar().showMessage(self.tr("Opening the register…"))

    # -- register -------------------------------------------------------------------------
    def _build_register(self) -> None:
        old = self.register_page
        page = RegisterPage()
        self.register_view = page
        self.table = page.table
        self.empty_label = page.empty_label
        b = page.buttons
        self.new_button, self.resume_button, self.discard_button = b["new"], b["resume"], b["discard"]
        b["new"].clicked.connect(lambda: self.new_assessment())
        b["resume"].clicked.connect(self.resume_selected)
        b["discard"].clicked.connect(self.discard_selected)
        if self.register is None:
            self.register = RegisterController(self, page)
        else:
            self.register.connect_page(page)
        self.table.doubleClicked.connect(lambda _i: self.resume_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        page.model.modelReset.connect(self._update_buttons)
        self.register_page = page
        if old is not None:
            showing = self.stack.currentWidget() is old
            self.stack.insertWidget(self.stack.indexOf(old), page)
            self.stack.removeWidget(old)
            old.deleteLater()
            if showing:
                self.stack.setCurrentWidget(page)
        else:
            self.stack.addWidget(page)
        self._update_buttons()

    def _build_menu(self) -> None:
        self.menuBar().clear()
        m = self.menuBar().addMenu(self.tr("&File"))
        new = QAction(self.tr("&New assessment"), self)
        new.setShortcut("Ctrl+N")
        new.triggered.connect(lambda: self.new_assessment())
        m.addAction(new)
        profile = QAction(self.tr("Company &profile…"), self)
        profile.triggered.connect(self.edit_profile)
        m.addAction(profile)
        identity = QAction(self.tr("&Signing identity…"), self)
        identity.setObjectName("signingIdentityAction")
        identity.triggered.connect(self.edit_identity)
        m.addAction(identity)
        lists = QAction(self.tr("Sanctions &lists…"), self)
        lists.setObjectName("sanctionsListsAction")
        lists.triggered.connect(self.show_sanctions_lists)
        m.addAction(lists)
        settings = QAction(self.tr("S&ettings…"), self)
        settings.setObjectName("settingsAction")
        settings.setShortcut("Ctrl+,")
        settings.triggered.connect(self.show_settings)
        m.addAction(settings)
        m.addSeparator()
        quit_ = QAction(self.tr("&Quit"), self)
        quit_.setShortcut("Ctrl+Q")
        quit_.triggered.connect(self.close)
        m.addAction(quit_)
        self.register.build_menu(self.menuBar())
        from ui.dialogs.team_menu import build_team_menu

        build_team_menu(self)
        h = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Art5 Assessor"), self)
        about.triggered.connect(self.show_about)
        h.addAction(about)
        verify = QAction(self.tr("&Verify a report…"), self)
        verify.setObjectName("verifyAction")
        verify.triggered.connect(self.verify_report)
        h.addAction(verify)

    # -- settings and language -------------------------------------------------------------
    def show_settings(self) -> None:
        from ui.dialogs.settings import SettingsDialog

        self.settings_dialog = SettingsDialog(self, self.data_dir, self.store)
        self.settings_dialog.open()

    def set_language(self, locale: str) -> None:
        """Switch the program's language now: the translators change, Qt tells every window,
        and the register and the wizard rebuild their texts (answers and the page stay)."""
        from ui import i18n

        self.locale = i18n.set_language(i18n.effective_locale(locale))
        self.retranslate()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        from ui.qt import QEvent

        if event.type() == QEvent.Type.LanguageChange and not self._retranslate_pending:
            self._retranslate_pending = True  # one rebuild for the burst of events a switch sends
            QTimer.singleShot(0, self, self.retranslate)  # dropped if the window is gone by then
        super().changeEvent(event)

    def retranslate(self) -> None:
        from ui import i18n

        self._retranslate_pending = False
        self.locale = i18n.current()
        self.setWindowTitle(self.tr("Art5 Assessor"))
        self._build_menu()
        self._build_register()
        if self.store is not None:
            self.refresh_register()
            self.statusBar().showMessage(self.tr("Register: %s") % self.store.path)
        elif self.quick_register is not None:
            self.refresh_register()
        if self.wizard is not None:
            self._rebuild_wizard()
        self.language_changed.emit(self.locale)

    def _rebuild_wizard(self) -> None:
        """The wizard again in the new language, on the same page, with the same answers, history
        and session."""
        old = self.wizard
        showing = self.stack.currentWidget() is old
        old.save_state()
        page, back_to_summary = old.current, old.return_to_summary
        session, flow, pending = old.session, old.flow, dict(old.pending)
        wizard = self._show_wizard(old.qn)
        wizard.flow = flow
        wizard.pending = pending
        if session is not None:
            wizard.attach(session, show=False)
        wizard.return_to_summary = back_to_summary
        wizard.show_page(page or wizard.flow.first_page())
        if not showing:
            self.stack.setCurrentWidget(self.register_page)

    def show_sanctions_lists(self) -> None:
        from ui.wizard.screening import ListsDialog, refresh_wizard

        self.lists_dialog = ListsDialog(self.data_dir, getattr(self, "store", None), self)
        self.lists_dialog.imported.connect(lambda _r: refresh_wizard(self.wizard))
        self.lists_dialog.open()

    def edit_identity(self) -> None:
        from ui.dialogs.signing import IdentityDialog

        profile = {}
        if self.store is not None:
            p = self.store.profile()
            profile = {k: getattr(p, k) for k in ("name", "contact_name", "contact_email", "member_state")}
        self.identity_dialog = IdentityDialog(self.data_dir, self, profile)
        self.identity_dialog.open()

    def verify_report(self) -> None:
        from ui.dialogs.signing import VerifyDialog

        self.verify_dialog = VerifyDialog(self.data_dir, self)
        self.verify_dialog.open()

    def show_about(self) -> None:
        from ui.dialogs.about import AboutDialog

        self.about_dialog = AboutDialog(self.data_dir, self)
        self.about_dialog.open()

    def edit_profile(self) -> None:
        if self.store is None:
            return
        from ui.dialogs.first_run import ProfileDialog

        self.profile_dialog = ProfileDialog(self.store, self.data_dir, first_run=False, parent=self)
        self.profile_dialog.open()

    def _update_buttons(self) -> None:
        self.register.update_buttons()

    def _selected(self) -> tuple[int, str] | None:
        return self.register_view.selected()

    def refresh_register(self) -> None:
        source = self.store if self.store is not None else self.quick_register
        if source is None:
            return
        self.register_view.load_filter_values(source)
        self.register_view.refresh(source)
        self._update_buttons()

    def show_first_rows(self) -> bool:
        """Before the Store is open (SQLModel and Alembic load after the first paint): the
        register's rows read-only with the standard library's sqlite3, so the first paint shows
        them and a row can be selected at once. Nothing happens (False) for the team register, a
        new, damaged, older or newer register: the Store then opens it, migrates or says what is
        wrong, as always."""
        if self.store is not None or team_register_url(self.data_dir):
            return False
        import sqlite3

        from app.storage.quick_read import QuickRegister

        quick = QuickRegister.open(self.data_dir)
        if quick is None:
            return False
        self.quick_register = quick
        try:
            self.refresh_register()
        except sqlite3.Error:  # changed under us: the Store will show it
            self._drop_quick_rows()
            return False
        return True

    def _drop_quick_rows(self) -> None:
        self.quick_register = None
        self.register_view.model.store = None
        self.register_view.refresh()

    # -- storage --------------------------------------------------------------------------
    def open_store(self) -> None:
        loader = _StoreLoader(self)
        loader.done.connect(lambda: self._store_opened(loader.store) if loader.store is not None
                            else self._store_failed(loader.error))
        self._loader = loader
        loader.start(self.data_dir)

    def _store_opened(self, store) -> None:
        self.store = store
        self.quick_register = None
        self.statusBar().showMessage(self.tr("Register: %s") % (store.path or _team_url(store)))
        from ui.dialogs.team_menu import show_reminders

        show_reminders(self)
        keep = self._selected()  # a row chosen among the first rows stays chosen
        self.refresh_register()
        if keep is not None:
            self.register_view.select_id(keep[0])
        callbacks, self._after_store = self._after_store, []
        for cb in callbacks:
            cb()
        self.store_ready.emit()

    def _store_failed(self, message: str) -> None:
        self.store_error = message
        if self.quick_register is not None:  # e.g. a read-only folder: no rows that cannot be opened
            self._drop_quick_rows()
        self.statusBar().showMessage(self.tr("The register could not be opened"))
        self.empty_label.setText(self.tr("The register could not be opened:") + "\n" + message)
        self.empty_label.setStyleSheet("color: #b00020;")
        QMessageBox.critical(self, self.tr("Register not opened"),
                             self.tr("The register could not be opened. Nothing was changed.") + "\n\n" + message)

    def when_store_ready(self, callback) -> None:
        if self.store is not None:
            callback()
        else:
            self._after_store.append(callback)

    # -- wizard ---------------------------------------------------------------------------
    def _questionnaire(self, qn_id: str | None) -> Questionnaire:
        from app.questionnaire import model as qmod

        return qmod.latest(qn_id or DEFAULT_QUESTIONNAIRE, self.questionnaires_dir)

    def _show_wizard(self, qn: Questionnaire) -> WizardView:
        if self.wizard is not None:
            self.stack.removeWidget(self.wizard)
            self.wizard.deleteLater()
        from ui.wizard.view import WizardView

        self.wizard = WizardView(qn, self.locale, reports_dir=self.data_dir / "reports")
        self.wizard.closed.connect(self.close_wizard)
        self.wizard.finished.connect(lambda _id: self.refresh_register())
        self.stack.addWidget(self.wizard)
        self.stack.setCurrentWidget(self.wizard)
        return self.wizard

    def _profile_defaults(self) -> dict:
        """The company profile's answers that prefill a new assessment (the Member State)."""
        if self.store is None:
            return {}
        try:
            return {"member_state": self.store.profile().member_state or ""}
        except Exception:  # noqa: BLE001 - a prefill is a convenience
            return {}

    def new_assessment(self, qn_id: str | None = None) -> WizardView | None:
        """Show the first page at once; the assessment row is created when the register is open."""
        from app.questionnaire.model import QuestionnaireError

        try:
            qn = self._questionnaire(qn_id)
        except QuestionnaireError as exc:
            QMessageBox.critical(self, self.tr("Questionnaire not usable"), str(exc))
            return None
        wizard = self._show_wizard(qn)
        wizard.show_page(wizard.flow.first_page())

        def attach() -> None:
            from app.assessment.session import AssessmentSession

            if self.wizard is wizard:
                try:
                    wizard.attach(AssessmentSession.new(self.store, qn))
                    wizard.prefill(self._profile_defaults())
                except Exception as exc:  # noqa: BLE001
                    wizard._set_status(self.tr("Not saved: %s") % exc, error=True)

        if self.store_error:
            wizard._set_status(self.tr("Not saved: the register could not be opened"), error=True)
        else:
            self.when_store_ready(attach)
        return wizard

    def resume(self, assessment_id: int) -> WizardView | None:
        from app.assessment.session import AssessmentSession
        from app.questionnaire.model import QuestionnaireError

        try:
            session = AssessmentSession.resume(self.store, assessment_id, self.questionnaires_dir)
        except (QuestionnaireError, KeyError) as exc:
            QMessageBox.critical(self, self.tr("Cannot open the assessment"), str(exc))
            return None
        wizard = self._show_wizard(session.questionnaire)
        wizard.attach(session)
        return wizard

    def resume_selected(self) -> None:
        sel = self._selected()
        if sel is None:
            return
        if self.store is not None:
            self.resume(sel[0])
        elif self.quick_register is not None and not self.store_error:
            # a row shown before the Store was open: opened as soon as it is (the last one asked for)
            self.statusBar().showMessage(self.tr("Opening the register…"))
            queued, self._resume_when_ready = self._resume_when_ready is not None, sel[0]
            if not queued:
                self.when_store_ready(self._resume_queued)

    def _resume_queued(self) -> None:
        assessment_id, self._resume_when_ready = self._resume_when_ready, None
        if assessment_id is not None:
            self.resume(assessment_id)

    def discard_selected(self) -> None:
        sel = self._selected()
        if sel is None or self.store is None or sel[1] != "draft":
            return
        a = self.store.get(sel[0])
        answer = QMessageBox.question(
            self, self.tr("Discard this draft?"),
            self.tr("Discard draft %1 and its answers? This cannot be undone; the discard is recorded "
                    "in the audit trail.").replace("%1", a.reference),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Discard:
            self.store.discard_draft(sel[0])
            self.refresh_register()

    def close_wizard(self) -> None:
        self.stack.setCurrentWidget(self.register_page)
        self.refresh_register()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.wizard is not None:
            self.wizard.save_state()
        super().closeEvent(event)


class _AfterFirstPaint(QObject):
    """Runs a callback once, after the watched widget's first paint has been handled."""

    def __init__(self, widget, callback):
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        from ui.qt import QEvent

        if event.type() == QEvent.Type.Paint and self.callback is not None:
            callback, self.callback = self.callback, None
            obj.removeEventFilter(self)
            QTimer.singleShot(0, callback)
        return False


def schedule_store(window: MainWindow) -> None:
    """Open the register once the first frame is on screen: importing SQLModel on the worker
    thread competes for the GIL, so it must not start before the window has painted."""
    _AfterFirstPaint(window.centralWidget(), window.open_store)
