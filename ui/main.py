"""Starting the wizard (the ``art5.gui`` entry point)."""

from __future__ import annotations

import sys
from pathlib import Path

# The core first: modules imported after PySide6 pass through its import hook, which reads
# each module's source (about 0.3 ms a module, measured with cProfile). What every start needs
# here; what the wizard's first page needs in _preload_wizard; the engine, the session and the
# Store load after the first paint.
import app.base.datafile  # noqa: F401,E402
import app.base.instance_lock  # noqa: F401,E402
import app.base.logs  # noqa: F401,E402  (logging.handlers, pickle, queue)
import platformdirs  # noqa: F401,E402  (app.paths)
import app.base.settings  # noqa: F401,E402


def _preload_wizard() -> None:
    """Before PySide6 (see above), when the wizard shows first: the questionnaire model, the flow
    and the answer display. ``art5`` alone shows the register and loads them when a wizard opens."""
    import html  # noqa: F401
    import app.questionnaire.display  # noqa: F401
    import app.assessment.flow  # noqa: F401
    import app.questionnaire.model  # noqa: F401


def create_window(data_dir: Path, new_questionnaire: str | None = None, open_id: int | None = None,
                  locale: str = ""):
    """The application and its main window, shown, with the register opening after the first
    paint. Used by :func:`run` and by the start-up benchmark. ``locale`` "" takes the language
    from the settings, and when they name none, from the system."""
    if new_questionnaire or open_id is not None:
        _preload_wizard()
    from ui.qt import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Art5 Assessor")
    app.setOrganizationName("Art5Assessor")
    from app.base.settings import Settings
    from ui import i18n

    locale = i18n.set_language(i18n.effective_locale(locale or Settings.load(data_dir).locale))
    from app.base import logs

    from ui.crash import CrashReporter
    from ui.main_window import MainWindow, schedule_store

    def maybe_first_run(window) -> None:  # the setup dialog's module loads when the register is open
        from ui.dialogs.first_run import maybe_first_run as offer

        offer(window)

    log_file = logs.setup()
    app.crash_reporter = CrashReporter(log_file.parent if log_file else None, app)
    logs.event("start", command="gui")
    window = MainWindow(data_dir, locale)
    window.store_ready.connect(lambda: maybe_first_run(window))
    if new_questionnaire:
        window.new_assessment(new_questionnaire)
    elif open_id is not None:
        window.when_store_ready(lambda: window.resume(open_id))
    else:
        window.show_first_rows()
    window.show()
    schedule_store(window)
    return app, window


def already_open(data_dir: Path, holder: str = "", show: bool = True) -> int:
    """A second wizard on a data folder that one already has open: say so and leave without
    touching the data. Returns the exit code."""
    from ui.qt import QApplication, QCoreApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Art5 Assessor")
    text = QCoreApplication.translate(
        "main", "Art5 Assessor is already open with the data folder %1. Switch to that window, or close it "
                "and start again. Nothing was changed.").replace("%1", str(data_dir))
    print(f"art5: {text}" + (f" ({holder})" if holder else ""), file=sys.stderr, flush=True)
    if show:
        box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("main", "Art5 Assessor"), text)
        if holder:
            box.setDetailedText(QCoreApplication.translate("main", "Held by: %1").replace("%1", holder))
        box.exec()
    return 1


def run(data_dir: Path, new_questionnaire: str | None = None, open_id: int | None = None,
        locale: str = "", exit_after_first_paint: bool = False) -> int:
    from app.base.instance_lock import InstanceLock

    # one wizard per data folder; the lock goes away with the process, however it ends
    lock = InstanceLock(data_dir)
    try:
        if not lock.acquire():
            return already_open(data_dir, lock.holder(), show=not exit_after_first_paint)
    except OSError:
        pass  # a folder that cannot hold the lock file: the window says what it cannot write
    app, window = create_window(data_dir, new_questionnaire, open_id, locale)
    app.instance_lock = lock
    if exit_after_first_paint:  # a diagnostic for start-up measurements (installed or frozen)
        from ui.main_window import _AfterFirstPaint

        def done() -> None:
            print("first-paint", flush=True)
            app.quit()

        _AfterFirstPaint(window.centralWidget(), done)
    return app.exec()
