"""The GUI part of ``art5 self-test``: start the window offscreen and draw a wizard page."""

from __future__ import annotations

import tempfile
from pathlib import Path


def check() -> None:
    from .qt import QApplication

    app = QApplication.instance() or QApplication(["art5-self-test"])
    from .main_window import MainWindow

    with tempfile.TemporaryDirectory(prefix="art5-gui-selftest-") as tmp:
        window = MainWindow(Path(tmp))
        wizard = window.new_assessment()
        if wizard is None:
            raise RuntimeError("the wizard could not start a new assessment")
        window.show()
        app.processEvents()
        image = window.grab()
        if image.isNull() or image.width() < 100:
            raise RuntimeError("the window could not be drawn")
        if not wizard.widgets:
            raise RuntimeError("the first wizard page shows no question")
        window.close()
        window.deleteLater()
        app.processEvents()
