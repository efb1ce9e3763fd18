"""Long work off the GUI thread: progress dialog, Cancel where it is safe, results and errors
back on the GUI thread; and the cancellable operations themselves (bundle export, backup)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget

from app.base.progress import Cancelled, Progress
from ui.tasks import TaskDialog, run_task


@pytest.fixture
def parent(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    return w


def _dialog(w) -> TaskDialog | None:
    return w.findChild(TaskDialog, "taskProgress")


def test_long_work_shows_progress_and_the_window_keeps_painting(qtbot, parent):
    release = threading.Event()
    seen: dict = {}
    ticks = []
    ticker = QTimer()
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start(10)

    def work(progress):
        for i in range(5):
            progress.update(i, 5, f"step {i}")
            time.sleep(0.02)
        release.wait(10)
        return threading.current_thread().name

    def look():  # runs on the GUI thread while the work waits
        d = _dialog(parent)
        if d is None or not d.isVisible():
            QTimer.singleShot(20, look)
            return
        seen.update(label=d.label.text(), maximum=d.bar.maximum(), cancel=d.cancel_button.isVisible(),
                    modal=d.windowModality())
        release.set()

    QTimer.singleShot(0, look)
    result = run_task(parent, "Writing the report R-1…", work, show_after_ms=50)
    ticker.stop()
    assert result == "art5-task"  # it ran in the worker, and its result came back
    assert seen == {"label": "Writing the report R-1…", "maximum": 5, "cancel": False,
                    "modal": Qt.WindowModality.WindowModal}
    assert len(ticks) > 3  # the event loop kept running while the work ran
    assert _dialog(parent) is None or not _dialog(parent).isVisible()


def test_quick_work_shows_no_dialog(qtbot, parent):
    assert run_task(parent, "Quick", lambda p: 42, show_after_ms=5000) == 42
    d = _dialog(parent)
    assert d is None or not d.isVisible()


def test_errors_are_raised_on_the_gui_thread(qtbot, parent):
    def work(progress):
        raise ValueError("the report folder is read-only")

    with pytest.raises(ValueError, match="read-only"):
        run_task(parent, "Writing", work)


def test_cancel_stops_cancellable_work_at_its_next_safe_point(qtbot, parent):
    steps = []

    def work(progress):
        for i in range(1000):
            progress.update(i, 1000)
            steps.append(i)
            time.sleep(0.005)
        return "finished"

    def press_cancel():
        d = _dialog(parent)
        if d is None or not d.isVisible():
            QTimer.singleShot(20, press_cancel)
            return
        assert d.cancel_button.isVisible() and d.cancel_button.isEnabled()
        qtbot.mouseClick(d.cancel_button, Qt.MouseButton.LeftButton)
        assert d.detail.text() == "Cancelling…" and not d.cancel_button.isEnabled()

    QTimer.singleShot(0, press_cancel)
    with pytest.raises(Cancelled):
        run_task(parent, "Importing", work, cancellable=True, show_after_ms=30)
    assert 0 < len(steps) < 1000


def test_escape_does_not_hide_work_that_cannot_be_cancelled(qtbot, parent):
    release = threading.Event()
    state = {}

    def press_escape():
        d = _dialog(parent)
        if d is None or not d.isVisible():
            QTimer.singleShot(20, press_escape)
            return
        qtbot.keyClick(d, Qt.Key.Key_Escape)
        state["visible_after_escape"] = d.isVisible()
        release.set()

    QTimer.singleShot(0, press_escape)
    assert run_task(parent, "Signing", lambda p: release.wait(10) and "signed", show_after_ms=30) == "signed"
    assert state == {"visible_after_escape": True}


def test_work_past_its_commit_point_is_not_cancelled():
    p = Progress()
    p.update(1, 2)
    p.commit("Screening saved parties again…")
    p.cancel()
    p.update(2, 2)  # does not raise: the change is made
    assert not p.cancelled and not p.can_cancel
    q = Progress()
    q.cancel()
    with pytest.raises(Cancelled):
        q.update(1)


# -- the cancellable operations, without Qt ------------------------------------------------------
def _cancel_after(n: int) -> Progress:
    class After(Progress):
        calls = 0

        def update(self, *a, **kw):
            After.calls += 1
            if After.calls > n:
                self.cancel()
            super().update(*a, **kw)

    return After()


def test_cancelled_bundle_export_leaves_the_destination_as_it_was(data_dir, tmp_path):
    from app.questionnaire import model as questionnaire
    from app.transfer.bundle import export_bundle, read_bundle
    from app.storage.store import Store

    s = Store.open(data_dir)
    a = s.create_assessment("art5", questionnaire.latest("art5").version, title="Deal")
    s.save_answers(a.id, {"item.name": "Netwatch"})
    dest = tmp_path / "out" / "deal.zip"
    dest.parent.mkdir()
    dest.write_bytes(b"the bundle exported last week")
    for n in (0, 2, 4):
        with pytest.raises(Cancelled):
            export_bundle(s, a.id, dest, progress=_cancel_after(n))
        assert dest.read_bytes() == b"the bundle exported last week"
        assert sorted(p.name for p in dest.parent.iterdir()) == ["deal.zip"]  # no partial file left
    p = Progress()
    export_bundle(s, a.id, dest, progress=p)
    manifest, files = read_bundle(dest)
    assert manifest["assessment"]["reference"] == a.reference and "answers.json" in files
    done, total, _ = p.snapshot()
    assert total and done == total - 1  # every file counted, the manifest last
    s.close()


def test_cancelled_backup_writes_nothing(data_dir, tmp_path):
    from app.storage.backup import check_backup, make_backup
    from app.storage.store import Store

    s = Store.open(data_dir)
    for i in range(300):
        s.create_assessment("art5", "1.0.0", title="x" * 2000 + str(i))
    s.close()
    dest = tmp_path / "backup.db"
    with pytest.raises(Cancelled):
        make_backup(data_dir, dest, progress=_cancel_after(0))
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]
    p = Progress()
    make_backup(data_dir, dest, progress=p)
    assert check_backup(dest).assessments == 300
    done, total, _ = p.snapshot()
    assert total and done == total


@pytest.fixture
def task_calls(monkeypatch):
    """(label, cancellable) of every run_task call, which still runs the work."""
    import ui.tasks as tasks

    calls = []
    real = tasks.run_task

    def spy(parent, label, fn, **kw):
        calls.append((label, kw.get("cancellable", False)))
        return real(parent, label, fn, **kw)

    monkeypatch.setattr(tasks, "run_task", spy)
    return calls


def test_export_from_the_register_runs_as_a_task(qtbot, data_dir, tmp_path, monkeypatch, task_calls, make_window):
    from app.questionnaire import model as questionnaire
    from app.transfer.bundle import read_bundle
    from app.storage.store import Store
    from ui.register import actions as register_actions

    s = Store.open(data_dir)
    a = s.create_assessment("art5", questionnaire.latest("art5").version, title="Deal")
    s.close()
    dest = tmp_path / "deal.zip"
    monkeypatch.setattr(register_actions.QFileDialog, "getSaveFileName", lambda *a, **k: (str(dest), ""))
    w = make_window(data_dir, size=None)
    qtbot.waitUntil(lambda: w.register_view.table.model().rowCount() == 1, timeout=10000)
    w.register_view.table.selectRow(0)
    w.register.export_selected()
    assert task_calls == [(f"Exporting {a.reference} for transfer…", True)]
    assert read_bundle(dest)[0]["assessment"]["reference"] == a.reference
    assert str(dest) in w.statusBar().currentMessage()
    w.close()


def test_import_from_the_register_checks_in_a_task_and_adds_on_the_gui_thread(qtbot, data_dir, tmp_path,
                                                                              monkeypatch, task_calls, make_window):
    from app.questionnaire import model as questionnaire
    from app.transfer.bundle import export_bundle
    from app.storage.store import Store
    from ui.register import actions as register_actions

    laptop = tmp_path / "laptop"
    s = Store.open(laptop)
    a = s.create_assessment("art5", questionnaire.latest("art5").version, title="Deal from the laptop")
    s.save_answers(a.id, {"item.name": "Netwatch"})
    bundle = export_bundle(s, a.id, tmp_path / "deal.zip")
    s.close()
    monkeypatch.setattr(register_actions.QFileDialog, "getOpenFileName", lambda *a, **k: (str(bundle), ""))
    w = make_window(data_dir, size=None)
    w.register.import_bundle()
    assert task_calls == [("Checking the transfer bundle deal.zip…", False)]
    assert "Imported as" in w.statusBar().currentMessage()
    imported = w.store.get_by_uid(a.uid)
    assert imported is not None and w.store.answers(imported.id)["item.name"] == "Netwatch"
    before = len(w.store.list_assessments())
    warnings = []
    shown_as = []

    def shown(box):
        warnings.append(box.text())
        shown_as.append(box.textFormat())
        return register_actions.QMessageBox.StandardButton.Ok

    monkeypatch.setattr(register_actions.QMessageBox, "exec", shown)
    w.register.import_bundle()  # the same bundle again: refused with the reason, nothing added
    assert len(warnings) == 1 and "already in the register" in warnings[0]
    assert shown_as == [register_actions.Qt.TextFormat.PlainText]  # a bundle's words are never rich text
    assert len(w.store.list_assessments()) == before
    w.close()
