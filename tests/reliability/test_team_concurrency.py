"""Two people writing to one team register at once (two processes, two PostgreSQL users, a
bounded time on loopback): no acknowledged answer lost, one unforked audit chain, every role
boundary held. And a writer killed in the middle of a transaction: nothing acknowledged lost, the
chain intact, the chain's lock released for the others."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WRITER = ROOT / "tests" / "helpers" / "pg_writer.py"
SECONDS = float(os.environ.get("ART5_TEAM_TRIAL_SECONDS", "20"))
pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name == "nt", reason="SIGKILL: POSIX only")]


@pytest.fixture
def team(pg_database):
    from app.storage import team as team_mod
    from tests.helpers import pg

    name, admin = pg_database
    tag = uuid.uuid4().hex[:6]
    users = {"alice": f"alice_{tag}", "bob": f"bob_{tag}"}
    team_mod.init_team(admin, f"olga_{tag}")
    for u in users.values():
        team_mod.add_member(admin, u, "assessor")
    return {"admin": admin, **{k: pg.with_database(pg.admin_url(), name, user=u) for k, u in users.items()}}


def _start(url: str, seconds: float, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(WRITER), url, str(seconds), *extra], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def _acks(lines: list[str]) -> list[tuple[int, str, int]]:
    return [(int(p[1]), p[2], int(p[3])) for p in (ln.split() for ln in lines) if p and p[0] == "ACK"]


def _check_register(admin_url: str, acks: list[tuple[int, str, int]]) -> None:
    from app.storage.store import Store

    s = Store.open_url(admin_url)
    try:
        by_assessment: dict[int, dict] = {}
        for aid, qid, value in acks:
            by_assessment.setdefault(aid, {})[qid] = value
        for aid, expected in by_assessment.items():
            got = s.answers(aid)
            missing = {q: v for q, v in expected.items() if got.get(q) != v}
            assert not missing, f"acknowledged answers lost in assessment {aid}: {sorted(missing)[:5]}"
        report = s.audit.verify()
        assert report.intact, report.message()
        events = s.audit.events()
        prevs = [e.prev_hash for e in events]
        assert len(prevs) == len(set(prevs)), "two events follow the same event: the chain forked"
        answered = sum(1 for e in events if e.kind == "answer")
        assert answered >= len(acks)
    finally:
        s.close()


def test_two_users_write_at_once_without_losing_or_forking_anything(team):
    procs = {who: _start(team[who], SECONDS) for who in ("alice", "bob")}
    out = {}
    for who, p in procs.items():
        stdout, stderr = p.communicate(timeout=SECONDS + 120)
        assert p.returncode == 0, f"{who}'s writer failed: {stderr[-2000:]}"
        out[who] = stdout.splitlines()
    acks = {who: _acks(lines) for who, lines in out.items()}
    assert min(len(a) for a in acks.values()) >= 20, {k: len(v) for k, v in acks.items()}
    boundaries = [ln for lines in out.values() for ln in lines if ln.startswith("BOUNDARY")]
    assert boundaries and all(ln == "BOUNDARY ok" for ln in boundaries), [b for b in boundaries if b != "BOUNDARY ok"]
    _check_register(team["admin"], acks["alice"] + acks["bob"])
    print(f"alice {len(acks['alice'])} answers, bob {len(acks['bob'])} answers in {SECONDS:.0f} s; "
          f"{len(boundaries)} boundary probes held")


def test_a_writer_killed_mid_transaction_loses_nothing_acknowledged(team):
    from app.storage.store import Store

    other = _start(team["bob"], SECONDS)
    victim = _start(team["alice"], SECONDS + 60, "--pause-in-tx")
    lines: list[str] = []
    deadline = time.monotonic() + SECONDS + 60
    while time.monotonic() < deadline:
        line = victim.stdout.readline()
        assert line, f"the writer ended early: {victim.stderr.read()[-2000:]}"
        lines.append(line.strip())
        if line.startswith("INTX") and len(_acks(lines)) >= 15:
            victim.send_signal(signal.SIGKILL)  # inside the transaction, holding the chain's lock
            break
    victim.wait(timeout=30)
    lines += victim.stdout.read().splitlines()
    victim.stdout.close()
    victim.stderr.close()
    stdout, stderr = other.communicate(timeout=SECONDS + 120)
    assert other.returncode == 0, f"the other writer was blocked or failed: {stderr[-2000:]}"
    acks = _acks(lines)
    assert len(acks) >= 15
    _check_register(team["admin"], acks + _acks(stdout.splitlines()))
    # the lock died with the connection: the next write goes through at once
    s = Store.open_url(team["alice"])
    aid = acks[0][0]
    s.save_answer(aid, "after.crash", True)
    assert s.answers(aid)["after.crash"] is True and s.audit.verify().intact
    s.close()
