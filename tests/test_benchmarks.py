"""The benchmarks still run: a quick pass of the cheapest ones through tests/benchmarks/run.py
prints the one table with its columns and the rows each benchmark reports. No timing is
asserted (figures belong to the benchmarks, not to the tests)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "tests" / "benchmarks"
COLUMNS = ["figure", "this program", "baseline", "ratio", "target", "met"]


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def test_quick_run_prints_one_table_of_navigation_and_register(tmp_path):
    out = tmp_path / "rows.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DISPLAY", None)
    r = subprocess.run([sys.executable, str(BENCH / "run.py"), "--quick", "--only", "navigation,register",
                        "--json", str(out)], capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("|")]
    assert _cells(lines[0]) == COLUMNS
    table = [_cells(ln) for ln in lines[2:]]
    assert all(len(row) == len(COLUMNS) for row in table)
    figures = [row[0] for row in table]
    nav = [row for row in table if row[0].startswith("page navigation")]
    assert len(nav) == 3 and "median" in nav[0][0] and "p95" in nav[1][0], figures
    from app.questionnaire import model as questionnaire

    pages = len(questionnaire.latest("art5").pages)  # 29 in 1.1.0 (issue 13 added four pages)
    assert f"after all {pages} pages visited" in nav[2][0]  # every page of the art5 questionnaire shown once
    assert all(row[4] == "< 16 ms" and row[5] in ("yes", "no") and row[3].endswith("x") for row in nav)
    assert "transaction_details" in nav[0][0]  # the largest page of the art5 questionnaire
    assert sum(f.startswith("register") for f in figures) == 4, figures
    assert "10,000" not in " ".join(figures)  # --quick: a smaller register

    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["quick"] is True and data["failed"] == []
    assert [row["figure"] for row in data["rows"]] == figures
    for row in data["rows"]:
        assert row["ours"] > 0 and row["baseline"] > 0 and isinstance(row["met"], bool), row


def test_unknown_benchmark_name_is_refused(tmp_path):
    r = subprocess.run([sys.executable, str(BENCH / "run.py"), "--only", "navigaton"], capture_output=True,
                       text=True, timeout=60, cwd=tmp_path)
    assert r.returncode == 2
    assert "navigaton" in r.stderr and "navigation" in r.stderr


def test_bundle_rows_say_not_built_without_a_bundle(tmp_path):
    spec = importlib.util.spec_from_file_location("art5_bench_bundle", BENCH / "bundle.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    rows = mod.measure(runs=1, bundle=tmp_path / "dist" / "art5" / "art5")
    assert len(rows) == 2
    for row in rows:
        figure, ours, _base, _ratio, _target, met = row.cells()
        assert ours == "not built (bash installer/build.sh)" and met == "n/a", figure
