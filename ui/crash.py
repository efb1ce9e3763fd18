"""One crash path: unhandled exceptions on any thread are logged (without their message) and
shown in a dialog with copyable details, marshalled to the GUI thread with a signal."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from app.base import logs

from ui.qt import QApplication, QDesktopServices, QDialog, QDialogButtonBox, QLabel, QObject, QPlainTextEdit, QPushButton, Qt, QUrl, QVBoxLayout, Signal


class CrashDialog(QDialog):
    def __init__(self, details: str, log_dir: Path | None, parent=None):
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Art5 Assessor: unexpected error"))
        lay = QVBoxLayout(self)
        msg = QLabel(self.tr(
            "Something went wrong inside the program. Every answer you gave was saved when you gave "
            "it, so nothing is lost. You can keep working, or restart the program.\n\n"
            "If the error comes back, send the details below to your support contact."))
        msg.setWordWrap(True)
        lay.addWidget(msg)
        self.details = QPlainTextEdit(details)
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        self.details.setMinimumSize(560, 220)
        lay.addWidget(self.details)
        if log_dir is not None:
            where = QLabel(self.tr("Log folder: %s") % log_dir)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            lay.addWidget(where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("&Copy details"))
        copy.setObjectName("copyDetails")
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.details.toPlainText()))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        if log_dir is not None:
            open_logs = QPushButton(self.tr("Open the &log folder"))
            open_logs.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir))))
            buttons.addButton(open_logs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


class CrashReporter(QObject):
    """Installs sys/threading excepthooks; shows the dialog on the GUI thread."""

    crashed = Signal(str)

    def __init__(self, log_dir: Path | None, parent=None):
        super().__init__(parent)
        self.log_dir = log_dir
        self.shown: list[str] = []
        self.crashed.connect(self._show)
        self._old_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._old_hooks

    def _excepthook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        self.crashed.emit(logs.crash(exc_type, exc, tb, "main"))

    def _thread_excepthook(self, args) -> None:
        name = args.thread.name if args.thread else "worker"
        self.crashed.emit(logs.crash(args.exc_type, args.exc_value, args.exc_traceback, name))

    def _show(self, details: str) -> None:
        self.shown.append(details)
        dlg = CrashDialog(details, self.log_dir, QApplication.activeWindow())
        dlg.open()
