"""Register benchmark: 10,000 assessments; how long the main window takes to show the first
page of the register and to filter it, next to a plain SQL query for the same rows, measured in
the same run.

    .venv/bin/python tests/benchmarks/register.py [--rows 10000] [--runs 9]

Three figures per case, medians over the runs:
- "model": the register refresh as the program does it (Store.register_rows through the pooled
  SQLAlchemy connection, RegisterModel reset), i.e. the rows are in the view, paint pending;
- "window": the same plus a synchronous repaint of the visible rows (until the table is drawn);
- "raw": sqlite3 fetching the same page of rows with the same SQL text.
Targets: within 3x raw, under 200 ms. Painting ~30 rows x 10 columns costs a fixed ~10 ms of
software text rendering (offscreen/Xvfb), which no query can beat: the "model" ratio is the one
that shows whether the register's data path is lean; the "window" figure shows the 200 ms bound.
Runs offscreen unless DISPLAY is set.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import Row  # noqa: E402

QUICK = {"rows": 1000, "runs": 1}


def fill(data_dir: Path, n: int) -> None:
    from app.storage.store import Store

    Store.open(data_dir).close()  # schema at head
    rnd = random.Random(7)
    products = ["Netwatch 4", "DeepProbe", "LI Mediation 2", "Firewall X", "SpyCam Pro", "DataMiner"]
    customers = [f"Customer {i:04d} Ltd" for i in range(800)]
    dests = ["CN", "US", "AE", "IR", "RU", "IN", "BR", "TR", "EG", "SG", "CH", "NO"]
    outcomes = ["NOTIFY", "NOT_IN_SCOPE", "AUTHORISATION_REQUIRED", "PROHIBITED", "PROCEED", "INCOMPLETE"]
    statuses = ["draft", "finished", "finished", "signed", "amended"]
    con = sqlite3.connect(data_dir / "art5.db")
    rows = []
    for i in range(n):
        y = 2020 + i * 7 // n
        created = f"{y}-{1 + i % 12:02d}-{1 + i % 28:02d}T10:{i % 60:02d}:00.000000+00:00"
        rows.append((f"A-{y}-{i + 1:05d}", f"Deal {i}", "art5", "1.0.0", rnd.choice(statuses), rnd.choice(outcomes),
                     created, created, uuid.uuid4().hex, rnd.choice(products), rnd.choice(customers),
                     rnd.choice(dests), "DE", f"{y + 5}-12-31"))
    con.executemany("INSERT INTO assessment (reference, title, questionnaire_id, questionnaire_version, status, "
                    "outcome, created_at, updated_at, uid, product, customer, destination, member_state, "
                    "retention_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.commit()
    con.close()


def raw_query(db: Path, filters: dict, limit: int) -> float:
    from app.storage.store import REGISTER_COLUMNS, register_sql

    clause, params = register_sql(**filters)
    sql = f"SELECT {', '.join(REGISTER_COLUMNS)} FROM assessment{clause} LIMIT ? OFFSET ?"
    con = sqlite3.connect(db)
    con.execute("SELECT 1").fetchall()  # open, like the program's pooled connection
    t0 = time.perf_counter()
    rows = con.execute(sql, (*params, limit, 0)).fetchall()
    t = time.perf_counter() - t0
    con.close()
    assert rows
    return t


def collect(rows: int = 10000, runs: int = 9) -> tuple[int, dict]:
    """The number of assessments and, per case, the medians (see the module docstring)."""
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = Path(tempfile.mkdtemp(prefix="art5-bench-register-"))
    data_dir = tmp / "data"
    os.environ["ART5_DATA_DIR"] = str(data_dir)
    fill(data_dir, rows)

    from PySide6.QtWidgets import QApplication

    from app.storage.store import Store
    from ui.main_window import MainWindow
    from ui.register.page import PAGE

    app = QApplication.instance() or QApplication(sys.argv[:1])
    win = MainWindow(data_dir)
    win.show()
    app.processEvents()
    store = Store.open(data_dir)
    win._store_opened(store)
    app.processEvents()
    view = win.register_view
    cases = {"first page": {}, "filter (search 'customer 01', status finished)":
             {"search": "customer 01", "status": "finished"}}
    results = {}
    for name, filters in cases.items():
        window_t, model_t, raw_t = [], [], []
        for _ in range(runs):
            view.search.blockSignals(True)
            view.search.setText(filters.get("search", ""))
            view.search.blockSignals(False)
            view.status_filter.blockSignals(True)
            view.status_filter.setCurrentIndex(max(0, view.status_filter.findData(filters.get("status", ""))))
            view.status_filter.blockSignals(False)
            t0 = time.perf_counter()
            view.apply_filters()
            t1 = time.perf_counter()
            view.table.viewport().repaint()  # paint the visible rows now
            window_t.append(time.perf_counter() - t0)
            model_t.append(t1 - t0)
            shown = view.table.rowCount()
            raw_t.append(raw_query(data_dir / "art5.db", {"search": "", "status": "", "outcome": "",
                                                           "destination": "", **filters}, PAGE + 1))
        w, m, r = statistics.median(window_t), statistics.median(model_t), statistics.median(raw_t)
        results[name] = {"model_ms": round(m * 1000, 2), "window_ms": round(w * 1000, 2),
                         "raw_sql_ms": round(r * 1000, 2), "model_ratio": round(m / r, 2),
                         "window_ratio": round(w / r, 2), "rows_shown": shown}
    total = store.register.count()
    win.close()
    store.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return total, results


def measure(rows: int = 10000, runs: int = 9) -> list[Row]:
    total, results = collect(rows, runs)
    out = []
    for (name, r), label in zip(results.items(), ("register first page", "register filter (search + status)")):
        fig = f"{label}, {total:,} assessments, median of {runs}"
        # the 3x bound is for the data path; drawing ~30 rows costs a fixed ~10 ms no query can
        # beat, so the drawn figure is held to the 200 ms bound (see the docstring)
        out.append(Row(f"{fig}: data in the view", r["model_ms"], r["raw_sql_ms"], "ms", r["model_ratio"],
                       "≤ 3x, < 200 ms", r["model_ratio"] <= 3 and r["model_ms"] < 200,
                       baseline_note="raw SQL (sqlite3)"))
        out.append(Row(f"{fig}: drawn", r["window_ms"], r["raw_sql_ms"], "ms", r["window_ratio"],
                       "< 200 ms", r["window_ms"] < 200, baseline_note="raw SQL (sqlite3)"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    total, results = collect(args.rows, args.runs)
    from ui.register.page import PAGE

    print(json.dumps({"assessments": total, "page": PAGE, "runs": args.runs, "results": results}, indent=2))
    for name, r in results.items():
        print(f"{name:<48} raw SQL {r['raw_sql_ms']:7.2f} ms | model {r['model_ms']:7.2f} ms "
              f"({r['model_ratio']:.2f}x{'' if r['model_ratio'] <= 3 else ' OVER 3x'}) | window incl. paint "
              f"{r['window_ms']:7.2f} ms ({r['window_ratio']:.2f}x){'' if r['window_ms'] < 200 else ' OVER 200 ms'}")


if __name__ == "__main__":
    main()
