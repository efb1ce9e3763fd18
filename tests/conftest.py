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
if str(ROOT) not in __import__("sys").path:  # tests.helpers.* importable however pytest is started
    __import__("sys").path.insert(0, str(ROOT))


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
    # `art5 --database URL` sets it for the rest of its process: not for the next test
    monkeypatch.delenv("ART5_DATABASE_URL", raising=False)
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


# -- both engines: the register on SQLite (the laptop) and on PostgreSQL (the team) -------------
@pytest.fixture
def pg_database():
    """A fresh, migrated PostgreSQL database (name, admin URL) for this test; skips without a server."""
    from tests.helpers import pg

    if not pg.admin_url():
        if os.environ.get("ART5_REQUIRE_PG"):
            pytest.fail("ART5_REQUIRE_PG is set (CI) but ART5_TEST_PG_URL is not: the PostgreSQL server did not start")
        pytest.skip(pg.SKIP_REASON)
    name = pg.new_database()
    yield name, pg.with_database(pg.admin_url(), name)
    pg.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_name(request):
    return request.param


@pytest.fixture
def open_store(engine_name, data_dir, request):
    """``open_store(clock=None)``: the register under test on the engine of this run of the test
    (a data folder's SQLite file, or a fresh PostgreSQL database); closed at the end."""
    from app.storage.store import Store, utc_now

    opened = []
    url = None
    if engine_name == "postgresql":
        url = request.getfixturevalue("pg_database")[1]

    def open_(clock=None, actor=None):
        if url is None:
            s = Store.open(data_dir, clock=clock or utc_now, actor=actor)
        else:
            s = Store.open_url(url, clock=clock or utc_now)
        opened.append(s)
        return s

    open_.url = url
    yield open_
    for s in opened:
        s.close()


@pytest.fixture
def tamper(open_store, data_dir):
    """``tamper(sql)``: hand-written SQL behind the program's back, as the owner of the register
    (the SQLite file, or the PostgreSQL database's owner)."""
    def run(sql: str) -> None:
        if open_store.url is None:
            import sqlite3

            con = sqlite3.connect(data_dir / "art5.db")
            con.execute(sql)
            con.commit()
            con.close()
        else:
            from tests.helpers import pg

            pg.admin_execute(sql, database=open_store.url.rsplit("/", 1)[1])
    return run
