"""Two processes on one data folder: concurrent writers keep every acknowledged answer and an
intact audit chain; a second wizard on the same folder says so and leaves without touching
anything; the wizard's lock dies with it; `art5 restore` waits for no one and refuses while the
wizard is open; a write that cannot get the database gets a clear message, not a traceback."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.base.instance_lock import LOCK_FILENAME, InstanceLock

ROOT = Path(__file__).resolve().parents[2]
CHILD = ROOT / "tests" / "helpers" / "crash_child.py"
DEMO = ROOT / "tests" / "fixtures" / "demo.yaml"
posix_only = pytest.mark.skipif(os.name == "nt", reason="SIGKILL: POSIX only")
pytestmark = pytest.mark.slow  # real processes: the README's test command runs them; -m "not slow" skips them


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}


def art5(data_dir: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data_dir), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout, env=env())


def hold_lock(data_dir: Path) -> subprocess.Popen:
    """Another process holding the data folder's instance lock (as the wizard does)."""
    code = ("import sys, time; from app.base.instance_lock import InstanceLock; "
            f"lock = InstanceLock({str(data_dir)!r}); print('HELD' if lock.acquire() else 'BUSY', flush=True); "
            "time.sleep(120)")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env(), cwd=ROOT)
    assert proc.stdout.readline().strip() == "HELD"
    return proc


def wait_for_holder(data_dir: Path, pid: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while f"pid {pid} " not in InstanceLock(data_dir).holder():
        assert proc.poll() is None, f"the wizard ended: {proc.communicate()}"
        assert time.monotonic() < end, "the wizard never took the data folder's lock"
        time.sleep(0.1)


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    for stream in (proc.stdout, proc.stderr):
        if stream:
            stream.close()


# --------------------------------------------------------------------------------------------
def test_two_writers_on_one_assessment_keep_every_acknowledged_answer(data_dir):
    from app.questionnaire import model as questionnaire
    from app.assessment.session import AssessmentSession
    from app.storage.store import Store

    s = Store.open(data_dir)
    aid = AssessmentSession.new(s, questionnaire.load(DEMO)).assessment_id
    s.close()
    n = 120
    go = data_dir.parent / "go"
    procs = [subprocess.Popen([sys.executable, str(CHILD), "answer", str(data_dir), str(seed), "--questionnaire",
                               str(DEMO), "--assessment", str(aid), "--count", str(n), "--wait-for", str(go),
                               "--pause", "0.002"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(), cwd=ROOT)
             for seed in (1, 2)]
    for p in procs:  # both started and opened the register; then both write at once
        assert p.stdout.readline().startswith("PID ") and p.stdout.readline().strip() == "READY"
    go.touch()
    outs = [p.communicate(timeout=120) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
    acked = [" ".join(line.split()[4:]) for out, _ in outs for line in out.splitlines() if line.startswith("ACK ")]
    assert len(acked) == 2 * n

    store = Store.open(data_dir)
    try:
        assert store.integrity_ok()
        events = [e for e in store.audit.events(aid) if e.kind == "answer"]
        logged = [json.loads(e.new_json) for e in events]
        assert sorted(acked) == sorted(logged), "acknowledged answers and audit events differ"
        # both really wrote at the same time: the writers' events interleave
        writers = [v.split()[1] for v in logged]
        switches = sum(a != b for a, b in zip(writers, writers[1:]))
        assert switches >= 4, f"the two writers hardly overlapped ({switches} switches); the test proves little"
        # no lost update: each event's old value is the value the event before it wrote
        last: dict[str, str | None] = {}
        for e in events:
            assert e.old_json == last.get(e.question_id), f"event {e.id} does not follow the one before it"
            last[e.question_id] = e.new_json
        assert {q: json.dumps(v) for q, v in store.answers(aid).items()} == last
    finally:
        store.close()
    r = art5(data_dir, "audit", "verify")
    assert r.returncode == 0 and "intact" in r.stdout, r.stdout + r.stderr


# --------------------------------------------------------------------------------------------
@posix_only
def test_the_lock_is_exclusive_and_dies_with_its_holder(tmp_path):
    data = tmp_path / "data"
    holder = hold_lock(data)
    try:
        second = InstanceLock(data)
        assert second.acquire() is False
        assert f"pid {holder.pid} " in second.holder()
        # the same process cannot take it twice through two objects either
        assert InstanceLock(data).acquire() is False
    finally:
        kill(holder)
    # killed with SIGKILL: the lock is free at once, no stale lock to clean up
    with InstanceLock(data) as lock:
        assert lock.acquire() is True and lock.held
        assert f"pid {os.getpid()} " in lock.holder()
        assert InstanceLock(data).acquire() is False
    assert InstanceLock(data).acquire() is True
    assert oct((data / LOCK_FILENAME).stat().st_mode & 0o777) == "0o600"


def test_a_second_wizard_says_the_folder_is_open_and_touches_nothing(tmp_path, qtbot):
    """In-process: the real entry point ui.main.run, while another process holds the lock."""
    from ui import main as ui_main
    from ui.qt import QApplication, QMessageBox, QTimer

    data = tmp_path / "data"
    holder = hold_lock(data)
    seen: list[str] = []
    tries = [0]

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            tries[0] += 1
            if tries[0] > 200:  # no message after 10 s: end the event loop, so the test fails, not hangs
                for w in QApplication.topLevelWidgets():
                    w.close()
                QApplication.instance().quit()
                return
            QTimer.singleShot(50, read_and_close)
            return
        seen.append(box.text())
        box.done(0)

    try:
        QTimer.singleShot(50, read_and_close)
        code = ui_main.run(data_dir=data)
    finally:
        kill(holder)
    assert code == 1
    assert seen and "already open" in seen[0] and str(data) in seen[0]
    assert sorted(p.name for p in data.iterdir()) == [LOCK_FILENAME], "the second wizard wrote into the folder"
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]


# --------------------------------------------------------------------------------------------
@posix_only
def test_wizard_and_command_line_on_one_folder(tmp_path):
    """A real wizard process holds the folder: a second wizard leaves with the message, headless
    commands keep working (and writing), restore refuses; after SIGKILL the folder is free."""
    data = tmp_path / "data"
    wizard = subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(data), "gui"], cwd=ROOT, env=env(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_holder(data, wizard.pid, wizard)
        second = art5(data, "gui", "--exit-after-first-paint")
        assert second.returncode == 1 and "already open" in second.stderr and str(data) in second.stderr
        answers = tmp_path / "answers.yaml"
        answers.write_text("questionnaire: art5\nanswers:\n  export.member_state: DE\n"
                           "  export.destination_country: CN\n", encoding="utf-8")
        r = art5(data, "assess", "--answers", str(answers), "--out", str(tmp_path / "out"))
        assert r.returncode == 0, r.stderr
        listed = art5(data, "records", "list", "--json")
        assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 1, listed.stderr
        backup = tmp_path / "copy.db"
        assert art5(data, "backup", "--to", str(backup)).returncode == 0
        before = (data / "art5.db").stat().st_mtime_ns
        r = art5(data, "restore", str(backup))
        assert r.returncode == 1 and "open with this data folder" in r.stderr and str(data) in r.stderr, r.stderr
        assert "Traceback" not in r.stderr
        assert (data / "art5.db").stat().st_mtime_ns == before
        assert wizard.poll() is None, "the wizard ended while the commands ran"
    finally:
        kill(wizard)
    r = art5(data, "gui", "--exit-after-first-paint")
    assert r.returncode == 0 and "first-paint" in r.stdout, r.stderr
    assert art5(data, "restore", str(backup)).returncode == 0


# --------------------------------------------------------------------------------------------
def test_a_write_that_cannot_get_the_database_gets_a_clear_message(data_dir, tmp_path):
    """Another process keeps the register and the screening data locked longer than the busy
    timeout: the commands give up with a message naming the database; nothing is lost."""
    from app.storage.store import Store

    s = Store.open(data_dir)
    draft = s.create_assessment("demo", "1", title="keep me")
    s.close()
    lists = ROOT / "tests" / "fixtures" / "screening"
    assert art5(data_dir, "screening", "import", str(lists / "eu_list.xml")).returncode == 0
    holders = [sqlite3.connect(data_dir / name, isolation_level=None) for name in ("art5.db", "screening.db")]
    try:
        for con in holders:
            con.execute("BEGIN IMMEDIATE")
        cmds = [("records", "delete", "--id", str(draft.id), "--yes"),
                ("screening", "import", str(lists / "eu_list.csv"))]
        procs = [subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(data_dir), *c], cwd=ROOT,
                                  env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for c in cmds]
        results = [p.communicate(timeout=120) + (p.returncode,) for p in procs]
    finally:
        for con in holders:
            con.execute("ROLLBACK")
            con.close()
    (_, err_delete, rc_delete), (_, err_import, rc_import) = results
    assert rc_delete == 2 and "art5.db" in err_delete and "locked" in err_delete, err_delete
    assert rc_import == 2 and "busy" in err_import and "damaged" not in err_import, err_import
    for err in (err_delete, err_import):
        assert "Traceback" not in err
    s = Store.open(data_dir)
    assert [a.title for a in s.list_assessments()] == ["keep me"]
    s.close()
    r = art5(data_dir, "screening", "lists", "--json")
    assert [x["file"] for x in json.loads(r.stdout) if x["active"]] == ["eu_list.xml"]


# --------------------------------------------------------------------------------------------
OPENER = (
    "import sys\n"
    "from pathlib import Path\n"
    "from app.storage.store import Store\n"
    "s = Store.open(Path(sys.argv[1]))\n"
    "a = s.create_assessment('art5', '1.1.0', title=sys.argv[2])\n"
    "s.save_answer(a.id, 'export.member_state', 'DE')\n"
    "s.close()\n"
    "print('saved', a.reference, flush=True)\n"
)


@posix_only
def test_two_processes_opening_a_new_register_at_once_migrate_it_once_and_lose_nothing(tmp_path):
    """The wizard and a command start together on a new data folder: one migrates the schema
    while the other waits (app.storage.db.migration_lock); both assessments are kept."""
    data = tmp_path / "data"
    for round_ in range(3):
        procs = [subprocess.Popen([sys.executable, "-c", OPENER, str(data), f"r{round_}p{i}"], cwd=ROOT, env=env(),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(2)]
        outs = [p.communicate(timeout=120) for p in procs]
        assert all(p.returncode == 0 for p in procs), [o[1][-800:] for o in outs]
        assert all(o[0].startswith("saved") for o in outs), outs
    con = sqlite3.connect(data / "art5.db")
    titles = sorted(r[0] for r in con.execute("SELECT title FROM assessment"))
    con.close()
    assert titles == sorted(f"r{r}p{i}" for r in range(3) for i in range(2))
