"""The GUI tests' shared fixtures: one main window, offscreen, with its register open.

A test module chooses what the window opens with by module attributes:
``QUESTIONNAIRES = "demo"`` (the demo questionnaire folder instead of the shipped ones).
Data a window must find when it opens (a seeded register, an imported sanctions list) comes
from an autouse fixture of the module, which runs before ``window``.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def make_window(qtbot, no_leaked_windows):
    """A factory: a shown main window on a data folder, its register open; closed afterwards."""
    from ui.main_window import MainWindow

    made = []

    def make(data_dir, questionnaires_dir=None, size=(1180, 760)):
        w = MainWindow(data_dir, questionnaires_dir=questionnaires_dir)
        qtbot.addWidget(w)
        if size:
            w.resize(*size)
        w.show()
        w.activateWindow()
        qtbot.waitActive(w)
        w.open_store()
        qtbot.waitUntil(lambda: w.store is not None, timeout=10000)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()


@pytest.fixture
def window(request, make_window, data_dir):
    qdir = request.getfixturevalue("demo_dir") if getattr(request.module, "QUESTIONNAIRES", "") == "demo" else None
    return make_window(data_dir, questionnaires_dir=qdir)


@pytest.fixture(autouse=True)
def _english_ui():
    """Every GUI test starts in English (a test that switches language switches back)."""
    from ui import i18n

    i18n.set_language("en")
    yield
    if i18n.current() != "en":
        i18n.set_language("en")
