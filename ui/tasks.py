"""Long work off the GUI thread: a progress dialog with a bar and, where it is safe, Cancel.

``run_task(parent, label, fn)`` runs ``fn(progress)`` in a worker thread (``progress`` is an
:class:`app.base.progress.Progress`), keeps the window painting, and returns what ``fn`` returned or
raises what it raised, on the GUI thread. The dialog appears only when the work takes longer than
a moment, so quick jobs do not flash a window; until then, clicks and keys are held back so
nothing can be started twice. Cancel asks the work to stop at its next safe point; the work then
raises :class:`app.base.progress.Cancelled` and has changed nothing.

The worker must not touch widgets or the register's session: callers gather their inputs on the
GUI thread first and write to the register after ``run_task`` returns.
"""

from __future__ import annotations

import importlib
import threading
from typing import Any, Callable, Iterable

from app.base.progress import Cancelled, Progress

from ui.qt import QDialog, QEvent, QEventLoop, QHBoxLayout, QLabel, QObject, QProgressBar, QPushButton, Qt, QTimer, QVBoxLayout, QWidget, Signal

__all__ = ["Cancelled", "TaskDialog", "run_task", "REPORT_MODULES", "SIGNING_MODULES"]

# what rendering and signing import lazily; imported on the GUI thread before the worker starts
REPORT_MODULES = ("app.documents.report", "jinja2", "markupsafe", "defusedxml.ElementTree", "reportlab.platypus",
                  "reportlab.pdfgen.canvas", "reportlab.pdfbase.ttfonts", "reportlab.pdfbase.pdfdoc")
SIGNING_MODULES = REPORT_MODULES + ("app.signing.sign", "pypdf", "cryptography.x509", "pyhanko.sign",
                                    "pyhanko.sign.validation.status")

_USER_INPUT = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
               QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.Wheel, QEvent.Type.Shortcut,
               QEvent.Type.ShortcutOverride, QEvent.Type.Close}


class TaskDialog(QDialog):
    """What the user sees of a long job: what is being done, a bar, and Cancel if it is safe."""

    def __init__(self, label: str, cancellable: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("taskProgress")
        self.setWindowTitle(self.tr("Please wait"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.cancellable = cancellable
        self.progress: Progress | None = None
        lay = QVBoxLayout(self)
        self.label = QLabel(label)
        self.label.setObjectName("taskLabel")
        self.label.setWordWrap(True)
        lay.addWidget(self.label)
        self.bar = QProgressBar()
        self.bar.setObjectName("taskBar")
        self.bar.setRange(0, 0)  # busy until the work says how much there is
        lay.addWidget(self.bar)
        self.detail = QLabel("")
        self.detail.setObjectName("taskDetail")
        lay.addWidget(self.detail)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("taskCancel")
        self.cancel_button.clicked.connect(self.request_cancel)
        self.cancel_button.setVisible(cancellable)
        row.addWidget(self.cancel_button)
        lay.addLayout(row)
        self.setMinimumWidth(420)

    def request_cancel(self) -> None:
        if not self.cancellable or self.progress is None:
            return
        self.progress.cancel()
        self.cancel_button.setEnabled(False)
        self.detail.setText(self.tr("Cancelling…"))

    def reject(self) -> None:  # Esc: cancel where that is safe; never just hide the dialog
        self.request_cancel()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt name
        self.request_cancel()
        event.ignore()

    def show_progress(self, done: int, total: int | None, text: str) -> None:
        if self.progress is not None and not self.progress.can_cancel:
            self.cancel_button.setEnabled(False)
        if self.progress is not None and self.progress.cancelled:
            return
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        self.detail.setText(text)


class _Done(QObject):
    done = Signal()


class _HoldInput(QObject):
    """Swallows clicks and keys aimed at the program until the (window-modal) dialog shows."""

    def __init__(self, dialog: TaskDialog):
        super().__init__()
        self.dialog = dialog

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt name
        return event.type() in _USER_INPUT and not self.dialog.isVisible()


def run_task(parent: QWidget | None, label: str, fn: Callable[[Progress], Any], *, cancellable: bool = False,
             show_after_ms: int = 400, preimport: Iterable[str] = ()) -> Any:
    """Run ``fn(progress)`` off the GUI thread; return its result or raise its exception here.

    ``preimport`` names modules the work imports lazily: they are imported here, on the GUI
    thread, before the worker starts."""
    from ui.qt import QApplication

    for name in preimport:
        importlib.import_module(name)
    progress = Progress()
    dialog = TaskDialog(label, cancellable, parent)
    dialog.progress = progress
    signal = _Done()
    box: dict[str, Any] = {}
    loop = QEventLoop()
    signal.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            box["result"] = fn(progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread and raised there
            box["error"] = exc
        signal.done.emit()

    def poll() -> None:
        dialog.show_progress(*progress.snapshot())

    poller = QTimer()
    poller.setInterval(100)
    poller.timeout.connect(poll)
    hold = _HoldInput(dialog)
    app = QApplication.instance()
    app.installEventFilter(hold)
    worker = threading.Thread(target=work, name="art5-task", daemon=True)
    show_timer = QTimer()
    show_timer.setSingleShot(True)
    show_timer.timeout.connect(lambda: (poll(), dialog.show()))
    try:
        worker.start()
        show_timer.start(show_after_ms)
        poller.start()
        loop.exec()
    finally:
        show_timer.stop()
        poller.stop()
        app.removeEventFilter(hold)
        dialog.hide()
        dialog.deleteLater()
    worker.join()
    if "error" in box:
        raise box["error"]
    return box.get("result")
