"""Start-up benchmark: process start to the first interactive page, as a user starts the program.

Each run is a fresh process that goes through the real command line (``app.cli.main.main``, what
the ``art5`` command runs: argument parsing, the instance lock, ``ui.main.run``), compared with a
bare PySide6 QWizard (one page, a label and a line edit) started the same way in the same run,
alternating one run of each (in reverse order every other round):

- ``art5 gui --new art5`` on a register of 1,000 assessments until the first wizard page is
  painted and its first field takes a mouse click (keyboard focus);
- ``art5`` (the register) on a data folder of 1,000 assessments until the register shows its
  first page of rows and a click on the first row selects it;
- the program in German (translators installed, country names translated) against English.

The click is posted to the event queue at the first paint, as a user's click arrives, so it
waits for whatever the program queued before it. The bare window is timed to the same point
(painted, a click into its line edit).
Prints medians, the ratios, and peak memory (max RSS).

    .venv/bin/python tests/benchmarks/startup.py [--runs 7]

Runs offscreen unless DISPLAY is set. Absolute times on shared machines are noisy; the ratios
are the figures to watch (targets: ``gui --new`` at most 1.5x the bare window, peak memory at
most 1.5x; the register at most 2.0x).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import Row  # noqa: E402

QUICK = {"runs": 1}
REGISTER_ROWS = 1000

CHILD = r'''
import json, os, resource, sys, time
T0 = float(sys.argv[2])
mode, data_dir, locale = sys.argv[1], sys.argv[3], sys.argv[4]
def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def interactive(app, window, target, clicked):
    """Until the window's first paint, then a click on ``target()`` (a widget and a point; None
    while there is nothing to click yet) posted to the event queue as a user's click arrives,
    handled in turn with whatever work the program queued after its first paint."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, QTimer
    from PySide6.QtGui import QMouseEvent
    state = {}

    def check():
        assert clicked(), "the click did not take"
        state["t"], state["rss"] = time.time() - T0, rss_mb()

    def click():
        got = target()
        if got is None:
            QTimer.singleShot(1, click)
            return
        widget, point = got
        local = QPointF(point)
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            QCoreApplication.postEvent(widget, QMouseEvent(
                kind, local, widget.mapToGlobal(local), Qt.MouseButton.LeftButton,
                Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier))
        QTimer.singleShot(0, check)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not state.get("painted"):
                state["painted"] = True
                QTimer.singleShot(0, click)
            return False

    watcher = FirstPaint()
    (window.centralWidget() if hasattr(window, "centralWidget") else window).installEventFilter(watcher)
    while "t" not in state:
        app.processEvents()
        time.sleep(0.0005)
    return state["t"], state["rss"]

if mode == "bare":
    from PySide6.QtWidgets import QApplication, QWizard, QWizardPage, QLabel, QLineEdit, QVBoxLayout
    app = QApplication(sys.argv[:1])
    wiz = QWizard()
    page = QWizardPage()
    lay = QVBoxLayout(page)
    lay.addWidget(QLabel("Where is your company established?"))
    edit = QLineEdit()
    lay.addWidget(edit)
    wiz.addPage(page)
    wiz.show()
    first, first_rss = interactive(app, wiz, lambda: (edit, edit.rect().center()), edit.hasFocus)
    print(json.dumps({"first_page_s": first, "first_rss_mb": first_rss}), flush=True)
    sys.exit(0)

import app.cli.main as cli

_runner = cli._gui_runner

def runner():
    # ui.main is imported where the program imports it (after the command line is parsed)
    run = _runner()
    import ui.main as um
    global _create
    _create = um.create_window
    um.create_window = measured
    return run

def measured(*a, **k):
    app, window = _create(*a, **k)
    store_ready = []
    window.store_ready.connect(lambda: store_ready.append((time.time() - T0, rss_mb())))
    if mode == "new":
        w = window.wizard
        field = next(iter(w.widgets.values())).focus_target()
        target, clicked = (lambda: (field, field.rect().center())), field.hasFocus
    else:
        table = window.register_view.table
        def target():
            if table.model().rowCount() == 0:
                return None
            return table.viewport(), table.visualRect(table.model().index(0, 0)).center()
        clicked = lambda: window.register_view.selected() is not None
    first, first_rss = interactive(app, window, target, clicked)
    out = {"first_page_s": first, "first_rss_mb": first_rss}
    while not store_ready:
        app.processEvents()
        time.sleep(0.001)
    out["store_ready_s"], out["store_rss_mb"] = store_ready[0]
    print(json.dumps(out), flush=True)
    os._exit(0)

cli._gui_runner = runner
cli.main(["--data-dir", data_dir, "--locale", locale] + (["gui", "--new", "art5"] if mode == "new" else []))
raise SystemExit("the window was never created")
'''


# mode: (what the child runs, locale)
MODES = {"bare": ("bare", "en"), "art5": ("new", "en"), "art5_de": ("new", "de"), "register": ("register", "en")}


def run_once(mode: str, data_dir: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("ART5_DATABASE_URL", None)
    # as on a user's machine, the warm-up run writes .pyc files that later runs load (a shell
    # with PYTHONDONTWRITEBYTECODE set would otherwise compile every module of app/ and ui/ at
    # every start, about 0.2 s that no user pays: pip and the bundle ship compiled files)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    child, locale = MODES[mode]
    t0 = time.time()
    r = subprocess.run([sys.executable, "-c", CHILD, child, repr(t0), str(data_dir), locale],
                       env=env, capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{r.stderr}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def collect(runs: int = 7) -> dict:
    from register import fill

    results: dict[str, list[dict]] = {m: [] for m in MODES}
    load_before = load_average()
    with tempfile.TemporaryDirectory() as tmp:
        # a user's register (not a first start): the register runs read one, the new-assessment
        # runs add their drafts to another
        folders = {"bare": Path(tmp) / "bare", "art5": Path(tmp) / "new", "art5_de": Path(tmp) / "new",
                   "register": Path(tmp) / "register"}
        fill(folders["register"], REGISTER_ROWS)
        fill(folders["art5"], REGISTER_ROWS)
        # warm the file cache and create .pyc files; each register's first open makes its backup
        for mode in MODES:
            run_once(mode, folders[mode])
        for i in range(runs):
            # alternating, and in reverse order every other round (ABBA): a run right after one
            # that loaded the same files finds them in the page cache, so no mode always follows
            # the same one (the English start always followed the bare window and paid for it)
            for mode in (list(MODES) if i % 2 == 0 else list(reversed(MODES))):
                results[mode].append(run_once(mode, folders[mode]))
    load_after = load_average()
    med = {m: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for m, rs in results.items()}
    bare = med["bare"]["first_page_s"]
    # the ratio of each pair (runs i of both), then the median: steadier under load than medians' ratio
    pair = [a["first_page_s"] / b["first_page_s"] for a, b in zip(results["art5"], results["bare"])]
    pair_reg = [a["first_page_s"] / b["first_page_s"] for a, b in zip(results["register"], results["bare"])]
    ratio = med["art5"]["first_page_s"] / bare
    ratio_reg = med["register"]["first_page_s"] / bare
    ratio_de = med["art5_de"]["first_page_s"] / med["art5"]["first_page_s"]
    rss_ratio = med["art5"]["first_rss_mb"] / med["bare"]["first_rss_mb"]
    return {
        "runs": runs,
        "load_before": load_before,
        "load_after": load_after,
        "bare_first_page_ms": round(bare * 1000),
        "art5_first_page_ms": round(med["art5"]["first_page_s"] * 1000),
        "ratio": round(ratio, 2),
        "pair_ratio_median": round(statistics.median(pair), 2),
        "target_ratio": 1.5,
        "met": ratio <= 1.5,
        "art5_register_ready_ms": round(med["art5"]["store_ready_s"] * 1000),
        "art5_de_first_page_ms": round(med["art5_de"]["first_page_s"] * 1000),
        "de_ratio": round(ratio_de, 2),
        "de_target_ratio": 1.1,
        "de_met": ratio_de <= 1.1,
        "bare_peak_rss_mb": round(med["bare"]["first_rss_mb"], 1),
        "art5_peak_rss_first_page_mb": round(med["art5"]["first_rss_mb"], 1),
        "rss_ratio": round(rss_ratio, 2),
        "rss_met": rss_ratio <= 1.5,
        "art5_peak_rss_register_ready_mb": round(med["art5"]["store_rss_mb"], 1),
        "register_rows": REGISTER_ROWS,
        "register_first_page_ms": round(med["register"]["first_page_s"] * 1000),
        "register_ratio": round(ratio_reg, 2),
        "register_pair_ratio_median": round(statistics.median(pair_reg), 2),
        "register_target_ratio": 2.0,
        "register_met": ratio_reg <= 2.0,
        "register_peak_rss_first_page_mb": round(med["register"]["first_rss_mb"], 1),
        "register_store_ready_ms": round(med["register"]["store_ready_s"] * 1000),
        "register_peak_rss_store_ready_mb": round(med["register"]["store_rss_mb"], 1),
    }


def measure(runs: int = 7) -> list[Row]:
    return rows_of(collect(runs))


def rows_of(s: dict) -> list[Row]:
    """The table rows of a summary from :func:`collect` (also for a summary kept with --json)."""
    runs = s["runs"]
    load = f"load average {s['load_before']} before, {s['load_after']} after"
    return [
        Row(f"start (art5 gui --new) to first interactive wizard page, median of {runs}", s["art5_first_page_ms"],
            s["bare_first_page_ms"], "ms", s["ratio"], "≤ 1.5x", s["met"],
            ours_note=f"(pairs' median {s['pair_ratio_median']:.2f}x; {load})", baseline_note="bare QWizard"),
        Row("peak memory (max RSS) at the first interactive wizard page", s["art5_peak_rss_first_page_mb"],
            s["bare_peak_rss_mb"], "MB", s["rss_ratio"], "≤ 1.5x", s["rss_met"], baseline_note="bare QWizard"),
        Row("start (art5 gui --new) to register open (after the first page)", s["art5_register_ready_ms"], None, "ms",
            ours_note=f"(peak RSS {s['art5_peak_rss_register_ready_mb']:.0f} MB)"),
        Row(f"start (art5) to the register's first page of rows taking a click, {s['register_rows']:,} assessments, "
            f"median of {runs}", s["register_first_page_ms"], s["bare_first_page_ms"], "ms", s["register_ratio"],
            "≤ 2.0x", s["register_met"],
            ours_note=f"(pairs' median {s['register_pair_ratio_median']:.2f}x; peak RSS "
                      f"{s['register_peak_rss_first_page_mb']:.0f} MB)", baseline_note="bare QWizard"),
        Row("start (art5) to the register fully open (the Store loaded)", s["register_store_ready_ms"], None, "ms",
            ours_note=f"(peak RSS {s['register_peak_rss_store_ready_mb']:.0f} MB)"),
        Row(f"start to first interactive wizard page in German, median of {runs}", s["art5_de_first_page_ms"],
            s["art5_first_page_ms"], "ms", s["de_ratio"], "≤ 1.1x", s["de_met"], baseline_note="English"),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    summary = collect(args.runs)
    if args.json:
        print(json.dumps(summary))
        return
    print(f"start-up, median of {args.runs} alternating runs (load average {summary['load_before']} before, "
          f"{summary['load_after']} after)")
    print(f"  bare PySide6 QWizard     {summary['bare_first_page_ms']:6d} ms   peak RSS {summary['bare_peak_rss_mb']} MB")
    print(f"  art5 gui --new art5      {summary['art5_first_page_ms']:6d} ms   peak RSS {summary['art5_peak_rss_first_page_mb']} MB")
    print(f"    ratio                  {summary['ratio']:.2f}x (pairs' median {summary['pair_ratio_median']:.2f}x; "
          f"target <= 1.5x: {'met' if summary['met'] else 'NOT met'}); memory {summary['rss_ratio']:.2f}x "
          f"(target <= 1.5x: {'met' if summary['rss_met'] else 'NOT met'})")
    print(f"    register open          {summary['art5_register_ready_ms']:6d} ms   peak RSS {summary['art5_peak_rss_register_ready_mb']} MB")
    print(f"  art5 (register, {summary['register_rows']} rows) {summary['register_first_page_ms']:6d} ms   "
          f"peak RSS {summary['register_peak_rss_first_page_mb']} MB  (first page of rows, a click selects)")
    print(f"    ratio                  {summary['register_ratio']:.2f}x (pairs' median {summary['register_pair_ratio_median']:.2f}x; "
          f"target <= 2.0x: {'met' if summary['register_met'] else 'NOT met'})")
    print(f"    Store loaded           {summary['register_store_ready_ms']:6d} ms   peak RSS {summary['register_peak_rss_store_ready_mb']} MB")
    print(f"  art5 in German           {summary['art5_de_first_page_ms']:6d} ms   {summary['de_ratio']:.2f}x English "
          f"(target <= 1.1x: {'met' if summary['de_met'] else 'NOT met'})")


if __name__ == "__main__":
    main()
