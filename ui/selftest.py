"""The GUI part of ``art5 self-test``: start the window offscreen and draw a wizard page."""

from __future__ import annotations

import tempfile
from pathlib import Path


def check() -> None:
    from ui.qt import QApplication

    app = QApplication.instance() or QApplication(["art5-self-test"])
    from ui.main_window import MainWindow

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
    text_services()


def text_services() -> None:
    """Qt's case mapping and collation run on ICU, whose data the Linux bundle trims to the
    program's languages (installer/linux/trim_icu.py): check that they still answer right."""
    from ui.qt import QCollator, QLocale

    de = QLocale(QLocale.Language.German)
    if de.toUpper("straße") != "STRASSE":
        raise RuntimeError("text services (ICU): German upper case of 'straße' is wrong")
    words = ["Zürich", "Ärger", "Bern", "Apfel"]
    collator = QCollator(de)
    ordered = sorted(words, key=collator.sortKey)
    if ordered != ["Apfel", "Ärger", "Bern", "Zürich"]:
        raise RuntimeError(f"text services (ICU): German sort order is wrong: {ordered}")
    fr = QCollator(QLocale(QLocale.Language.French))
    if sorted(["côte", "cote", "côté", "coté"], key=fr.sortKey) != ["cote", "coté", "côte", "côté"]:
        raise RuntimeError("text services (ICU): French sort order is wrong")
