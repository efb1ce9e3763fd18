"""Bundle benchmark: size of dist/art5 on disk, and start time of the bundled program to the
first painted wizard page next to the same program started from the virtual environment, in
the same run (medians, alternating). Build the bundle first: bash installer/build.sh

    .venv/bin/python tests/benchmarks/bundle.py [--runs 7]

Targets: at most 150 MB on disk; start within 1.2x of the virtual environment.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "art5" / ("art5.exe" if os.name == "nt" else "art5")
VENV_ART5 = Path(sys.executable).with_name("art5")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import Row  # noqa: E402

QUICK = {"runs": 1}


def size_mb(folder: Path) -> float:
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for f in files:
            p = Path(dirpath) / f
            if not p.is_symlink():
                total += p.stat().st_size
    return total / 1e6


def start(cmd: Path, data_dir: Path) -> float:
    env = {**os.environ, "ART5_DATA_DIR": str(data_dir)}
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    t0 = time.perf_counter()
    r = subprocess.run([str(cmd), "gui", "--new", "art5", "--exit-after-first-paint"], env=env,
                       capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - t0
    if "first-paint" not in r.stdout:
        raise SystemExit(f"{cmd} did not start:\n{r.stderr}")
    return elapsed


def collect(runs: int = 7, bundle: Path = BUNDLE) -> tuple[float, float, float]:
    """Size in MB, median start of the venv and of the bundle in seconds."""
    mb = size_mb(bundle.parent)
    times: dict[str, list[float]] = {"venv": [], "bundle": []}
    with tempfile.TemporaryDirectory() as tmp:
        start(VENV_ART5, Path(tmp) / "w1")
        start(bundle, Path(tmp) / "w2")
        for i in range(runs):
            times["venv"].append(start(VENV_ART5, Path(tmp) / f"v{i}"))
            times["bundle"].append(start(bundle, Path(tmp) / f"b{i}"))
    return mb, statistics.median(times["venv"]), statistics.median(times["bundle"])


def measure(runs: int = 7, bundle: Path = BUNDLE) -> list[Row]:
    size_fig, start_fig = "bundle size on disk (dist/art5)", f"bundle start to first painted page, median of {runs}"
    if not bundle.exists():
        note = "not built (bash installer/build.sh)"
        return [Row(size_fig, None, None, "MB", None, "≤ 150 MB", None, ours_note=note),
                Row(start_fig, None, None, "ms", None, "≤ 1.2x", None, ours_note=note)]
    mb, v, b = collect(runs, bundle)
    return [Row(size_fig, mb, None, "MB", None, "≤ 150 MB", mb <= 150),
            Row(start_fig, b * 1000, v * 1000, "ms", b / v, "≤ 1.2x", b / v <= 1.2,
                baseline_note="same program from the venv")]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    if not BUNDLE.exists():
        raise SystemExit("no bundle: run bash installer/build.sh first")
    mb, v, b = collect(args.runs)
    print(f"bundle size on disk      {mb:7.1f} MB   (target <= 150 MB: {'met' if mb <= 150 else 'NOT met'})")
    print(f"start, virtual env       {v * 1000:7.0f} ms   (median of {args.runs}, to first painted page)")
    print(f"start, bundle            {b * 1000:7.0f} ms")
    print(f"ratio bundle / venv      {b / v:7.2f}x  (target <= 1.2x: {'met' if b / v <= 1.2 else 'NOT met'})")


if __name__ == "__main__":
    main()
