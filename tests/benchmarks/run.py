"""Every benchmark, one table: figure | this program | baseline | ratio | target | met.

    .venv/bin/python tests/benchmarks/run.py [--quick] [--json FILE] [--build] [--only NAME,...]

Each benchmark runs in its own fresh process (the Qt ones need one) through `_report.py`, and
its baseline is measured in that same run. `--quick` uses fewer runs and smaller sizes (a smoke
run; its figures are not the ones to quote). The bundle rows need `dist/art5/art5`: without it
they say "not built", unless `--build` is given, which runs `bash installer/build.sh` when the
bundle is missing or older than the sources. Exits 0 even when targets are missed (this is a
report, not a test); 1 when a benchmark could not run. Runs offscreen unless DISPLAY is set.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from _report import Row, format_table, from_dict, to_dict  # noqa: E402

BENCHMARKS = ("startup", "navigation", "render_sign", "screening", "register", "bundle", "team")
BUNDLE = ROOT / "dist" / "art5" / ("art5.exe" if os.name == "nt" else "art5")
SOURCES = ("app", "ui", "questionnaires", "resources", "installer", "pyproject.toml", "requirements.lock")


def bundle_stale() -> bool:
    if not BUNDLE.exists():
        return True
    built = BUNDLE.stat().st_mtime
    for name in SOURCES:
        p = ROOT / name
        files = [p] if p.is_file() else (f for f in p.rglob("*") if f.is_file() and "__pycache__" not in f.parts)
        if any(f.stat().st_mtime > built for f in files):
            return True
    return False


def run_one(name: str, quick: bool) -> tuple[list[Row], str]:
    """The rows of one benchmark, measured in a fresh process; and an error text if it failed."""
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    cmd = [sys.executable, str(HERE / "_report.py"), name] + (["--quick"] if quick else [])
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=1800)
    except subprocess.TimeoutExpired:
        return [Row(f"{name}: did not finish in 30 min", None, None, met=None)], "timeout"
    for line in r.stdout.splitlines():
        if line.startswith("ROWS "):
            return [from_dict(d) for d in json.loads(line[5:])], ""
    err = (r.stderr.strip().splitlines() or ["no output"])[-1]
    return [Row(f"{name}: failed ({err[:120]})", None, None, met=None)], r.stderr


def build_bundle(log=print) -> None:
    log("building the bundle: bash installer/build.sh (3-4 min)")
    subprocess.run(["bash", str(ROOT / "installer" / "build.sh")], cwd=ROOT, check=False, stdout=subprocess.DEVNULL)


def run(names: list[str], quick: bool = False, log=print) -> tuple[list[Row], list[str]]:
    rows: list[Row] = []
    failed: list[str] = []
    for name in names:
        t = time.perf_counter()
        log(f"{name} ...")
        got, err = run_one(name, quick)
        if err:
            failed.append(name)
            log(err)
        log(f"{name} done in {time.perf_counter() - t:.0f} s")
        rows += got
    return rows, failed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer runs, smaller sizes (smoke run)")
    ap.add_argument("--json", metavar="FILE", help="also write the rows and run details as JSON")
    ap.add_argument("--build", action="store_true", help="build dist/art5 first if missing or stale")
    ap.add_argument("--only", metavar="NAMES", help="comma-separated subset of: " + ", ".join(BENCHMARKS))
    args = ap.parse_args(argv)
    names = list(BENCHMARKS) if not args.only else [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        ap.error(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    if "bundle" in names and args.build and bundle_stale():
        build_bundle(log)
    load_before = os.getloadavg()
    started = dt.datetime.now().astimezone()
    rows, failed = run(names, args.quick, log)
    load_after = os.getloadavg()
    cmd = "python tests/benchmarks/run.py" + (" " + " ".join(argv if argv is not None else sys.argv[1:])).rstrip()
    head = (f"{started:%Y-%m-%d %H:%M} | {os.cpu_count()} cores | load average before {load_before[0]:.2f}, "
            f"after {load_after[0]:.2f} | Python {platform.python_version()} | "
            f"{'QT_QPA_PLATFORM=offscreen' if not os.environ.get('DISPLAY') else 'DISPLAY=' + os.environ['DISPLAY']}"
            f"{' | QUICK (smoke run)' if args.quick else ''}")
    print(head)
    print()
    print(format_table(rows))
    if args.json:
        Path(args.json).write_text(json.dumps({
            "command": cmd, "started": started.isoformat(timespec="seconds"), "cores": os.cpu_count(),
            "load_before": load_before, "load_after": load_after, "quick": args.quick, "failed": failed,
            "rows": [to_dict(r) for r in rows]}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if failed:
        print(f"\nbenchmark(s) that could not run: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
