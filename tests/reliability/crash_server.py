"""Drives tests/helpers/crash_child.py for the reliability tests: a warm server that forks one
worker per trial, or a fresh process; both are killed with SIGKILL after a given delay."""

from __future__ import annotations

import os
import selectors
import shlex
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD = ROOT / "tests" / "helpers" / "crash_child.py"
TIMEOUT = 120.0  # seconds without any output before a trial is declared stuck


@dataclass
class Run:
    """What one worker printed and how it ended."""
    pid: int
    lines: list[str] = field(default_factory=list)
    status: int | None = None   # wait status; None for a fresh process (see returncode)
    returncode: int | None = None
    stderr: str = ""

    @property
    def acks(self) -> list[list[str]]:
        return [line.split(" ")[1:] for line in self.lines if line.startswith("ACK ")]

    @property
    def killed(self) -> bool:
        if self.returncode is not None:
            return self.returncode == -signal.SIGKILL
        return self.status is not None and os.WIFSIGNALED(self.status) and os.WTERMSIG(self.status) == signal.SIGKILL


class _Lines:
    """Line reader over a pipe with a timeout (a stuck child fails the test, never hangs it)."""

    def __init__(self, stream):
        self.fd = stream.fileno()
        self.buf = b""
        self.sel = selectors.DefaultSelector()
        self.sel.register(self.fd, selectors.EVENT_READ)

    def readline(self, timeout: float = TIMEOUT) -> str | None:
        end = time.monotonic() + timeout
        while b"\n" not in self.buf:
            left = end - time.monotonic()
            if left <= 0 or not self.sel.select(left):
                raise AssertionError(f"no output from the crash child for {timeout:.0f} s")
            chunk = os.read(self.fd, 65536)
            if not chunk:
                if self.buf:
                    line, self.buf = self.buf, b""
                    return line.decode("utf-8", "replace")
                return None
            self.buf += chunk
        line, _, self.buf = self.buf.partition(b"\n")
        return line.decode("utf-8", "replace")


class CrashServer:
    """``crash_child.py --serve``: one warm process; each trial is a fork of it."""

    def __init__(self, ops: str, env: dict[str, str], stderr_path: Path):
        self.stderr_path = stderr_path
        self._err = open(stderr_path, "w+b")
        self.proc = subprocess.Popen([sys.executable, str(CHILD), "--serve", ops], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self._err, env=env, cwd=ROOT)
        self.out = _Lines(self.proc.stdout)
        first = self.out.readline()
        assert first == "READY", f"crash server did not start: {first!r}\n{self.stderr()}"

    def stderr(self) -> str:
        self._err.flush()
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")[-4000:]

    def trial(self, argv: list[str], delay: float | None) -> Run:
        """Start a worker with ``argv``; SIGKILL it ``delay`` seconds after it reported its pid
        (None: let it finish by itself)."""
        err_mark = self.stderr_path.stat().st_size
        self.proc.stdin.write((shlex.join(argv) + "\n").encode())
        self.proc.stdin.flush()
        line = self.out.readline()
        assert line and line.startswith("PID "), f"unexpected worker output {line!r}\n{self.stderr()}"
        run = Run(int(line.split()[1]))
        if delay is not None:
            time.sleep(delay)
            try:
                os.kill(run.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        while True:
            line = self.out.readline()
            assert line is not None, f"crash server ended\n{self.stderr()}"
            if line.startswith(f"EXIT {run.pid} "):
                run.status = int(line.split()[2])
                break
            if line:
                run.lines.append(line)
        with open(self.stderr_path, "rb") as fh:
            fh.seek(err_mark)
            run.stderr = fh.read().decode("utf-8", "replace")[-4000:]
        return run

    def close(self) -> None:
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
        self._err.close()


def fresh_trial(argv: list[str], delay: float, env: dict[str, str]) -> Run:
    """The same as CrashServer.trial in a freshly started process (the real start-up path)."""
    proc = subprocess.Popen([sys.executable, str(CHILD), *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, cwd=ROOT)
    out = _Lines(proc.stdout)
    line = out.readline()
    assert line and line.startswith("PID "), f"unexpected child output {line!r}: {proc.stderr.read()!r}"
    run = Run(int(line.split()[1]))
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    while (line := out.readline()) is not None:
        if line:
            run.lines.append(line)
    run.returncode = proc.wait()
    run.stderr = proc.stderr.read().decode("utf-8", "replace")[-4000:]
    proc.stdout.close()
    proc.stderr.close()
    return run
