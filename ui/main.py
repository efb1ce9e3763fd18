"""Starting the wizard (the ``art5.gui`` entry point)."""

from __future__ import annotations

import sys
from pathlib import Path

# The core first: modules imported after PySide6 pass through its import hook, which reads
# each module's source (about 0.3 ms a module, measured with cProfile).
import app.display  # noqa: F401,E402
import app.engine  # noqa: F401,E402
import app.flow  # noqa: F401,E402
import app.questionnaire  # noqa: F401,E402


def create_window(data_dir: Path, new_questionnaire: str | None = None, open_id: int | None = None,
                  locale: str = "en"):
    """The application and its main window, shown, with the register opening after the first
    paint. Used by :func:`run` and by the start-up benchmark."""
    from .qt import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Art5 Assessor")
    app.setOrganizationName("Art5Assessor")
    from app import logs

    from .crash import CrashReporter
    from .first_run import maybe_first_run
    from .main_window import MainWindow, schedule_store

    log_file = logs.setup()
    app.crash_reporter = CrashReporter(log_file.parent if log_file else None, app)
    logs.event("start", command="gui")
    window = MainWindow(data_dir, locale)
    window.store_ready.connect(lambda: maybe_first_run(window))
    if new_questionnaire:
        window.new_assessment(new_questionnaire)
    elif open_id is not None:
        window.when_store_ready(lambda: window.resume(open_id))
    window.show()
    schedule_store(window)
    return app, window


def run(data_dir: Path, new_questionnaire: str | None = None, open_id: int | None = None,
        locale: str = "en", exit_after_first_paint: bool = False) -> int:
    app, window = create_window(data_dir, new_questionnaire, open_id, locale)
    if exit_after_first_paint:  # a diagnostic for start-up measurements (installed or frozen)
        from .main_window import _AfterFirstPaint

        def done() -> None:
            print("first-paint", flush=True)
            app.quit()

        _AfterFirstPaint(window.centralWidget(), done)
    return app.exec()
