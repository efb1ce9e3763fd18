"""Test set-up: Qt offscreen unless --onscreen; every test gets its own data folder."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The reliability suite drives the wizard with the GUI tests' helpers (test_gui_art5.answer, ...).
sys.path.insert(0, str(Path(__file__).resolve().parent / "gui"))


def pytest_addoption(parser):
    parser.addoption("--onscreen", action="store_true", help="show GUI tests on the real display")


def pytest_configure(config):
    import tempfile

    if not config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # parsed-data cache of this test run, not the user's (removed at the end of the run)
    config._art5_cache_dir = tempfile.mkdtemp(prefix="art5-test-cache-")
    os.environ["ART5_CACHE_DIR"] = config._art5_cache_dir


def pytest_unconfigure(config):
    cache = getattr(config, "_art5_cache_dir", None)
    if cache:
        shutil.rmtree(cache, ignore_errors=True)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("ART5_DATA_DIR", str(data))
    return data


@pytest.fixture
def data_dir(_isolated_data_dir) -> Path:
    return _isolated_data_dir


@pytest.fixture
def demo_dir(tmp_path) -> Path:
    """A questionnaires folder holding only the demo questionnaire."""
    d = tmp_path / "questionnaires"
    d.mkdir()
    shutil.copy(FIXTURES / "demo.yaml", d / "demo.yaml")
    return d


@pytest.fixture
def demo_qn():
    from app.questionnaire import model as questionnaire

    return questionnaire.load(FIXTURES / "demo.yaml")


@pytest.fixture
def no_leaked_windows(qapp):
    """Fail a test that leaves top-level widgets alive."""
    yield
    qapp.processEvents()
    alive = [w for w in qapp.topLevelWidgets() if w.isVisible()]
    for w in alive:
        w.close()
    assert not alive, f"test left windows open: {alive}"


# -- GUI: one main window, offscreen, with its register open ----------------------------------
# A test module chooses what the window opens with by module attributes:
# ``QUESTIONNAIRES = "demo"`` (the demo questionnaire folder instead of the shipped ones).
# Data a window must find when it opens (a seeded register, an imported sanctions list) comes
# from an autouse fixture of the module, which runs before ``window``.

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
