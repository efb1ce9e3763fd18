"""Start-up benchmark: process start to the first interactive wizard page.

Compares `art5 gui --new art5` (built exactly as the program builds it) with a bare PySide6
QWizard holding one page with a label and a line edit, started the same way in the same run;
and the program in German (translators installed, country names translated) against English.
Prints medians over several alternating runs, the ratio, and peak memory (max RSS).

    .venv/bin/python tests/benchmarks/startup.py [--runs 7]

Runs offscreen unless DISPLAY is set. Absolute times on shared machines are noisy; the ratio
is the figure to watch (target: at most 1.5x the bare window).
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

CHILD = r'''
import json, resource, sys, time
T0 = float(sys.argv[2])
mode = sys.argv[1]
def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
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
    window, focus_target = wiz, edit
    store_ready = None
else:
    from pathlib import Path
    from ui.main import create_window
    app, window = create_window(Path(sys.argv[3]), new_questionnaire="art5", locale=sys.argv[4])
    w = window.wizard
    focus_target = next(iter(w.widgets.values())).focus_target()
    store_ready = []
    window.store_ready.connect(lambda: store_ready.append((time.time() - T0, rss_mb())))
# interactive: the window is exposed, painted, and its first input takes keyboard focus
handle = window.windowHandle()
while not handle.isExposed():
    app.processEvents()
app.processEvents()
window.grab()
first = time.time() - T0
first_rss = rss_mb()
out = {"first_page_s": first, "first_rss_mb": first_rss}
if store_ready is not None:
    while not store_ready:
        app.processEvents()
        time.sleep(0.001)
    out["store_ready_s"], out["store_rss_mb"] = store_ready[0]
print(json.dumps(out), flush=True)
'''


LOCALE = {"bare": "en", "art5": "en", "art5_de": "de"}


def run_once(mode: str, data_dir: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    t0 = time.time()
    r = subprocess.run([sys.executable, "-c", CHILD, "art5" if mode.startswith("art5") else mode, repr(t0),
                        str(data_dir), LOCALE[mode]], env=env, capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{r.stderr}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def collect(runs: int = 7) -> dict:
    results: dict[str, list[dict]] = {"bare": [], "art5": [], "art5_de": []}
    with tempfile.TemporaryDirectory() as tmp:
        run_once("art5", Path(tmp) / "warm")  # warm the file cache and create .pyc files
        run_once("art5_de", Path(tmp) / "warm_de")
        run_once("bare", Path(tmp) / "warm")
        for i in range(runs):
            for mode in ("bare", "art5", "art5_de"):
                results[mode].append(run_once(mode, Path(tmp) / f"{mode}{i}"))
    med = {m: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for m, rs in results.items()}
    ratio = med["art5"]["first_page_s"] / med["bare"]["first_page_s"]
    ratio_de = med["art5_de"]["first_page_s"] / med["art5"]["first_page_s"]
    return {
        "runs": runs,
        "bare_first_page_ms": round(med["bare"]["first_page_s"] * 1000),
        "art5_first_page_ms": round(med["art5"]["first_page_s"] * 1000),
        "ratio": round(ratio, 2),
        "target_ratio": 1.5,
        "met": ratio <= 1.5,
        "art5_register_ready_ms": round(med["art5"]["store_ready_s"] * 1000),
        "art5_de_first_page_ms": round(med["art5_de"]["first_page_s"] * 1000),
        "de_ratio": round(ratio_de, 2),
        "de_target_ratio": 1.1,
        "de_met": ratio_de <= 1.1,
        "bare_peak_rss_mb": round(med["bare"]["first_rss_mb"], 1),
        "art5_peak_rss_first_page_mb": round(med["art5"]["first_rss_mb"], 1),
        "art5_peak_rss_register_ready_mb": round(med["art5"]["store_rss_mb"], 1),
    }


def measure(runs: int = 7) -> list[Row]:
    s = collect(runs)
    return [
        Row(f"start to first interactive wizard page, median of {runs}", s["art5_first_page_ms"],
            s["bare_first_page_ms"], "ms", s["ratio"], "≤ 1.5x", s["met"],
            ours_note=f"(peak RSS {s['art5_peak_rss_first_page_mb']:.0f} MB, bare {s['bare_peak_rss_mb']:.0f} MB)",
            baseline_note="bare QWizard"),
        Row("start to register open (after the first page)", s["art5_register_ready_ms"], None, "ms",
            ours_note=f"(peak RSS {s['art5_peak_rss_register_ready_mb']:.0f} MB)"),
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
    print(f"start-up to first interactive wizard page (median of {args.runs}, same run)")
    print(f"  bare PySide6 QWizard   {summary['bare_first_page_ms']:6d} ms   peak RSS {summary['bare_peak_rss_mb']} MB")
    print(f"  art5 gui --new art5    {summary['art5_first_page_ms']:6d} ms   peak RSS {summary['art5_peak_rss_first_page_mb']} MB")
    print(f"  ratio                  {summary['ratio']:.2f}x   (target <= 1.5x: {'met' if summary['met'] else 'NOT met'})")
    print(f"  art5 register open     {summary['art5_register_ready_ms']:6d} ms   peak RSS {summary['art5_peak_rss_register_ready_mb']} MB")
    print(f"  art5 in German         {summary['art5_de_first_page_ms']:6d} ms   {summary['de_ratio']:.2f}x English "
          f"(target <= 1.1x: {'met' if summary['de_met'] else 'NOT met'})")


if __name__ == "__main__":
    main()
