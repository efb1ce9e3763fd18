"""What every benchmark returns, and the one table that `run.py` prints.

A benchmark module exposes ``measure(**kwargs) -> list[Row]`` (and ``QUICK``, the kwargs of a
smoke run); its ``__main__`` keeps printing its own detailed output. Run as a script, this
module measures one benchmark in this (fresh) process and prints its rows as JSON, which is
how `run.py` runs each benchmark in its own process:

    .venv/bin/python tests/benchmarks/_report.py navigation [--quick]
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
COLUMNS = ("figure", "this program", "baseline", "ratio", "target", "met")


@dataclass
class Row:
    figure: str
    ours: float | None          # the program's figure, in `unit` (None: not measured)
    baseline: float | None      # the baseline measured in the same run, in `unit`
    unit: str = "ms"
    ratio: float | None = None  # ours / baseline, or the ratio the target is about
    target: str = "—"
    met: bool | None = None     # None: no target, or not measured
    ours_note: str = ""         # shown after the figure (e.g. "peak 49 MB")
    baseline_note: str = ""     # what the baseline is (e.g. "bare QWizard")

    def cells(self) -> tuple[str, str, str, str, str, str]:
        ours = _join(_num(self.ours, self.unit), self.ours_note)
        base = _join(self.baseline_note, _num(self.baseline, self.unit))
        ratio = "—" if self.ratio is None else f"{self.ratio:.2f}x"
        met = "n/a" if self.met is None else ("yes" if self.met else "no")
        return self.figure, ours or "—", base or "—", ratio, self.target, met


def _num(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if unit in ("", "x"):
        return f"{value:.3f}"
    digits = 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2
    return f"{value:,.{digits}f} {unit}"


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def ratio(ours: float | None, baseline: float | None) -> float | None:
    return ours / baseline if ours is not None and baseline else None


def pct(values, p: float) -> float:
    """The p-th percentile (nearest rank)."""
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def median(values) -> float:
    return statistics.median(values)


def format_table(rows: list[Row]) -> str:
    """A Markdown table (readable on a terminal, pasteable into the README)."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for r in rows:
        lines.append("| " + " | ".join(c.replace("|", "/") for c in r.cells()) + " |")
    return "\n".join(lines)


def to_dict(row: Row) -> dict:
    return dataclasses.asdict(row)


def from_dict(d: dict) -> Row:
    return Row(**{f.name: d[f.name] for f in dataclasses.fields(Row) if f.name in d})


def main(argv: list[str]) -> int:
    name, quick = argv[0], "--quick" in argv[1:]
    sys.path.insert(0, str(HERE))
    mod = importlib.import_module(name)
    rows = mod.measure(**(mod.QUICK if quick else {}))
    print("ROWS " + json.dumps([to_dict(r) for r in rows], ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
