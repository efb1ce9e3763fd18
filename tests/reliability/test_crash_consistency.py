"""Crash consistency: a child process answers questions, signs reports, imports a sanctions list
or makes a backup, and is killed with SIGKILL at a random moment, over and over on the same data
folder (205 seeded trials). After every kill:

- the register passes ``PRAGMA integrity_check`` and its audit chain verifies;
- every answer the child acknowledged is there, with its audit event;
- every acknowledged signed report verifies, and nothing under a report's name fails to verify
  (hidden temporary files may be left over; the program never lists them, and `art5 verify`
  does not call a half-written one intact);
- after an interrupted list import the screening data holds exactly one complete list (the
  previous one or the new one), never a mixture, and no acknowledged import is lost;
- every acknowledged backup, and every file under a backup's name (automatic ones too), passes
  the program's own restore check;
- the program starts normally on the folder (the register opens; once per operation the real
  `art5` command runs on it).

The trials are reproducible: SEED fixes the delays and every value written; a failure message
names the seed, the operation and the trial. Each trial is a fork of a warm child process (see
tests/helpers/crash_child.py), the first of each operation a freshly started one.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crash_server import CrashServer, Run, fresh_trial

pytestmark = [pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL and fork: POSIX only"), pytest.mark.slow]

SEED = 20261123
TRIALS = {"answer": 60, "sign": 45, "import": 50, "backup": 50}   # 205 in all
# (chance of a very early kill - during start-up or the first write -, longest delay in s)
DELAYS = {"answer": (0.3, 0.4), "sign": (0.25, 1.2), "import": (0.25, 0.8), "backup": (0.3, 0.25)}
ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "tests" / "fixtures" / "demo.yaml"
PASS = "crash test passphrase"
TIMINGS: dict[str, float] = {}


def where(op: str, trial: int, delay: float) -> str:
    return f"seed {SEED}, {op} trial {trial} (SIGKILL after {delay:.3f} s)"


def delays(op: str):
    rng = random.Random(f"{SEED}-{op}")
    early, longest = DELAYS[op]
    for trial in range(TRIALS[op]):
        yield trial, (rng.uniform(0.0, 0.02) if rng.random() < early else rng.uniform(0.0, longest))


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    return {**os.environ, "PYTHONPATH": str(ROOT), "ART5_CRASH_PASSPHRASE": PASS, "ART5_CACHE_DIR": str(cache),
            "QT_QPA_PLATFORM": "offscreen"}


@pytest.fixture(scope="module")
def server(tmp_path_factory, env):
    s = CrashServer("answer,sign,import,backup", env, tmp_path_factory.mktemp("server") / "stderr.txt")
    yield s
    s.close()
    print("\ncrash trials, seconds per operation:", json.dumps({k: round(v, 1) for k, v in TIMINGS.items()}))


def trial(server, env, op: str, n: int, argv: list[str], delay: float) -> Run:
    """Trial 0 of each operation starts a fresh process; the others fork the warm server."""
    run = fresh_trial(argv, delay, env) if n == 0 else server.trial(argv, delay)
    assert run.killed or "Traceback" not in run.stderr, f"{where(op, n, delay)}: the child failed:\n{run.stderr}"
    assert run.killed, f"{where(op, n, delay)}: the child ended before the kill:\n{run.stderr}"
    return run


def art5(data_dir: Path, *args: str, env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data_dir), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=env)


def pad_register(data_dir: Path, assessments: int = 20) -> None:
    """About 4.5 MB of answers, so that a backup takes long enough to be killed half-way."""
    from app.storage.store import Store

    s = Store.open(data_dir)
    for k in range(assessments):
        a = s.create_assessment("padding", "1", title=f"padding {k}")
        s.save_answers(a.id, {f"pad.{j}": f"{k}-{j} " + "x" * 4000 for j in range(25)})
    s.close()


_CHECKED_BACKUPS: set[tuple[Path, int, int]] = set()


def check_starts(data_dir: Path, label: str) -> None:
    """The program opens the register normally; it is intact; so is its audit chain; every
    automatic backup is a complete one."""
    from app.storage.backup import BackupError, check_backup
    from app.storage.store import Store

    store = Store.open(data_dir)
    try:
        assert store.integrity_ok(), f"{label}: PRAGMA integrity_check failed on the register"
        chain = store.audit.verify()
        assert chain.intact, f"{label}: {chain.message()}"
    finally:
        store.close()
    for auto in final_names(data_dir / "backups", "*.db"):
        st = auto.stat()
        key = (auto, st.st_mtime_ns, st.st_size)
        if key in _CHECKED_BACKUPS:
            continue
        try:
            check_backup(auto)
        except BackupError as exc:
            pytest.fail(f"{label}: a half-written automatic backup sits under a final name: {exc}")
        _CHECKED_BACKUPS.add(key)


def age_auto_backups(data_dir: Path, hours: float = 25) -> None:
    """Make the newest automatic backup look a day old, so the next start takes one."""
    old = time.time() - hours * 3600
    for f in (data_dir / "backups").glob("art5-auto-*.db"):
        os.utime(f, (old, old))


def final_names(folder: Path, pattern: str) -> list[Path]:
    """Files the program or its user would take for finished ones (pathlib's glob also
    matches hidden files)."""
    return sorted(p for p in folder.glob(pattern) if not p.name.startswith("."))


def hidden_leftovers(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith(".")) if folder.is_dir() else []


# --------------------------------------------------------------------------------------------
def test_answers_survive_sigkill(server, env, tmp_path):
    from app.questionnaire import model as questionnaire
    from app.assessment.session import AssessmentSession
    from app.storage.store import Store

    data = tmp_path / "data"
    pad_register(data)
    s = Store.open(data)
    aid = AssessmentSession.new(s, questionnaire.load(DEMO)).assessment_id
    s.close()
    acked: set[str] = set()
    latest: dict[str, tuple[int, int]] = {}
    started = time.monotonic()
    for n, delay in delays("answer"):
        label = where("answer", n, delay)
        age_auto_backups(data)  # every start also takes an automatic backup that a kill can cut short
        seed = SEED + n  # increasing: (seed, i) orders every value ever written
        run = trial(server, env, "answer", n, ["answer", str(data), str(seed), "--questionnaire", str(DEMO),
                                                "--assessment", str(aid)], delay)
        for _, a, qid, *value in run.acks:
            v = " ".join(value)
            acked.add(v)
            latest[qid] = max(latest.get(qid, (0, 0)), (int(value[1]), int(value[2])))
        check_starts(data, label)
        store = Store.open(data)
        try:
            stored = store.answers(aid)
            for qid, last in latest.items():
                got = stored.get(qid, "")
                # the last acknowledged value, or a later one whose ACK was not printed yet
                assert got and (int(got.split()[1]), int(got.split()[2])) >= last, \
                    f"{label}: {qid} is {got!r}, but 'v {last[0]} {last[1]}' was acknowledged"
            logged = {json.loads(e.new_json) for e in store.audit.events(aid) if e.kind == "answer"}
            missing = sorted(acked - logged)
            assert not missing, f"{label}: acknowledged answers without their audit event: {missing[:5]}"
        finally:
            store.close()
    TIMINGS["answer"] = time.monotonic() - started
    assert len(acked) >= 20, "the child hardly saved anything; the test proves little"
    for args in (("records", "list", "--json"), ("audit", "verify")):
        r = art5(data, *args, env=env)
        assert r.returncode == 0, f"seed {SEED}: art5 {' '.join(args)} after the last kill: {r.stderr}"
    assert "intact" in r.stdout


# --------------------------------------------------------------------------------------------
def test_signed_reports_survive_sigkill(server, env, tmp_path):
    from app.signing import sign as signing

    data = tmp_path / "data"
    signing.create_identity(data, "Crash Test", "Example GmbH", "crash@example.com", "DE", PASS)
    reports = data / "reports"
    acked: dict[Path, str] = {}
    checked: set[tuple[Path, str]] = set()
    leftovers: dict[Path, str] = {}
    signed = 0
    started = time.monotonic()

    def verifies(path: Path) -> bool:
        res = signing.verify_pdf(path, data_dir=data)
        return res.intact and res.covers_whole_file and res.embedded_json_ok is True and not res.problems

    for n, delay in delays("sign"):
        label = where("sign", n, delay)
        run = trial(server, env, "sign", n, ["sign", str(data), str(SEED + n)], delay)
        for _, path, sha in run.acks:
            acked[Path(path)] = sha
            signed += 1
        for path, sha in acked.items():
            assert path.is_file(), f"{label}: the acknowledged signed report {path} is gone"
            if path.name != "report.pdf":  # report.pdf is signed again and again; see below
                data_sha = hashlib.sha256(path.read_bytes()).hexdigest()
                assert data_sha == sha, f"{label}: {path} changed after it was acknowledged"
        # everything under a report's name verifies (report.pdf: whichever complete version is there)
        for pdf in final_names(reports, "*.pdf"):
            key = (pdf, hashlib.sha256(pdf.read_bytes()).hexdigest())
            if key not in checked:
                assert verifies(pdf), f"{label}: {pdf.name} sits under its final name but does not verify"
                checked.add(key)
        # hidden temporary files: never taken for a signed report unless complete
        for f in hidden_leftovers(reports):
            if f in leftovers:
                continue
            try:
                res = signing.verify_pdf(f, data_dir=data)
                state = "complete" if res.intact and res.covers_whole_file else "not intact"
            except signing.VerifyError:
                state = "unreadable"
            leftovers[f] = state
        check_starts(data, label)
    TIMINGS["sign"] = time.monotonic() - started
    assert signed >= 5, "hardly any report was signed; the test proves little"
    r = art5(data, "verify", str(reports / "report.pdf"), env=env)
    assert r.returncode == 0, f"seed {SEED}: art5 verify report.pdf after the last kill: {r.stdout}{r.stderr}"
    broken = [f for f, state in leftovers.items() if state != "complete" and f.suffix in (".pdf", ".tmp")]
    if broken:  # `art5 verify` does not call a half-written leftover intact
        r = art5(data, "verify", str(broken[0]), env=env)
        assert r.returncode in (1, 2), f"seed {SEED}: art5 verify {broken[0].name}: exit {r.returncode}"
    print(f"\nsign: {signed} signatures acknowledged; hidden leftovers: "
          f"{sorted(set(leftovers.values()))} ({len(leftovers)})")


# --------------------------------------------------------------------------------------------
def _generate_lists(folder: Path) -> list[Path]:
    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    try:
        from screening import generate
    finally:
        sys.path.remove(str(ROOT / "tests" / "benchmarks"))
    out = []
    for n in (300, 450):
        path = folder / f"eu-{n}.xml"
        generate(path, n, seed=SEED + n)
        out.append(path)
    return out


def test_list_import_survives_sigkill(server, env, tmp_path):
    from app.screening.db import ScreeningDB
    from app.screening.service import Screening

    lists = _generate_lists(tmp_path)
    known = {}
    for i, path in enumerate(lists):
        scratch = ScreeningDB.open(tmp_path / f"scratch{i}")
        info = scratch.import_list(path)
        scratch.close()
        known[info.sha256] = (info.entity_count, info.alias_count)
    assert len({v for v in known.values()}) == 2, "the two lists must differ in size"
    data = tmp_path / "data"
    acks_total = cut_short = 0
    last_sha = None
    started = time.monotonic()
    for n, delay in delays("import"):
        label = where("import", n, delay)
        run = trial(server, env, "import", n, ["import", str(data), str(SEED + n),
                                                "--lists", ",".join(map(str, lists))], delay)
        for _, sha, entities, aliases in run.acks:
            assert known[sha] == (int(entities), int(aliases)), f"{label}: ACK does not match the list"
            acks_total += 1
            last_sha = sha
        check_starts(data, label)
        db = data / "screening.db"
        if not db.exists():
            continue
        cut_short += Path(f"{db}-journal").exists()  # killed inside a transaction
        con = sqlite3.connect(db)  # read-write: a hot journal is rolled back as the program would
        try:
            assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)], \
                f"{label}: PRAGMA integrity_check failed on screening.db"
            versions = con.execute("SELECT count(*) FROM list_version").fetchone()[0]
            active = con.execute("SELECT id, sha256, entity_count, alias_count FROM list_version "
                                 "WHERE active = 1").fetchall()
            stray = con.execute("SELECT count(*) FROM entity WHERE version_id NOT IN "
                                "(SELECT id FROM list_version WHERE active = 1)").fetchone()[0]
            rows = {vid: (con.execute("SELECT count(*) FROM entity WHERE version_id = ?", (vid,)).fetchone()[0],
                          con.execute("SELECT count(*) FROM alias JOIN entity ON alias.entity_id = entity.id "
                                      "WHERE entity.version_id = ?", (vid,)).fetchone()[0])
                    for vid, *_ in active}
        finally:
            con.close()
        # each committed import adds one version; only the newest may still lack its ACK
        assert versions in (acks_total, acks_total + 1), \
            f"{label}: {versions} imports committed but {acks_total} acknowledged"
        if versions == 0:
            continue
        assert len(active) == 1, f"{label}: {len(active)} active versions of the list"
        vid, sha, entities, aliases = active[0]
        assert sha in known, f"{label}: the active list is neither of the two imported"
        assert rows[vid] == known[sha] == (entities, aliases), \
            f"{label}: the active list holds {rows[vid]} entities/aliases, the complete one {known[sha]}"
        assert stray == 0, f"{label}: {stray} entities of replaced or unfinished imports are left"
        if versions == acks_total:
            assert sha == last_sha, f"{label}: the list in use is not the last acknowledged import"
        else:  # committed, then killed before the ACK: from now on it is simply the list in use
            acks_total, last_sha = versions, sha
        scr = Screening(data)  # the program opens the screening data and uses it
        try:
            assert scr.active_lists() and isinstance(scr.check("Nobody Atall"), list)
        finally:
            scr.close()
    TIMINGS["import"] = time.monotonic() - started
    assert acks_total >= 5, "hardly any import finished; the test proves little"
    r = art5(data, "screening", "lists", "--json", env=env)
    assert r.returncode == 0, f"seed {SEED}: art5 screening lists after the last kill: {r.stderr}"
    assert [x["sha256"] for x in json.loads(r.stdout) if x["active"]][0] in known
    print(f"\nimport: {acks_total} acknowledged; {cut_short} kills inside a transaction")


# --------------------------------------------------------------------------------------------
def test_backups_survive_sigkill(server, env, tmp_path):
    from app.storage.backup import BackupError, check_backup

    data = tmp_path / "data"
    pad_register(data)
    copies = tmp_path / "copies"
    acked: set[Path] = set()
    checked: set[tuple[Path, int, int]] = set()
    leftovers: dict[Path, str] = {}
    started = time.monotonic()
    for n, delay in delays("backup"):
        label = where("backup", n, delay)
        run = trial(server, env, "backup", n, ["backup", str(data), str(SEED + n), "--to", str(copies)], delay)
        acked.update(Path(p) for _, p in run.acks)
        missing = [p for p in acked if not p.is_file()]
        assert not missing, f"{label}: acknowledged backups are gone: {missing}"
        # every file under a backup's name (acknowledged or not yet) passes the restore check
        for f in final_names(copies, "*.db"):
            st = f.stat()
            key = (f, st.st_mtime_ns, st.st_size)
            if key in checked:
                continue
            try:
                info = check_backup(f)
            except BackupError as exc:
                pytest.fail(f"{label}: {f.name} sits under a backup's name but fails the restore check: {exc}")
            assert info.assessments == 20, f"{label}: {f.name} holds {info.assessments} assessments, not 20"
            checked.add(key)
        for f in hidden_leftovers(copies):
            try:
                check_backup(f)
                leftovers[f] = "complete"
            except BackupError:
                leftovers[f] = "refused"
        check_starts(data, label)
    TIMINGS["backup"] = time.monotonic() - started
    assert len(acked) >= 5, "hardly any backup finished; the test proves little"
    # the real command restores an acknowledged backup; a half-written leftover is refused
    target = tmp_path / "restored"
    r = art5(target, "restore", str(sorted(acked)[0]), env=env)
    assert r.returncode == 0, f"seed {SEED}: art5 restore {sorted(acked)[0]}: {r.stderr}"
    refused = [f for f, state in leftovers.items() if state == "refused" and f.name.endswith(".partial")]
    if refused:
        before = (target / "art5.db").read_bytes()
        r = art5(target, "restore", str(refused[0]), env=env)
        assert r.returncode != 0 and refused[0].name in r.stderr, f"seed {SEED}: restore of {refused[0]}: {r}"
        assert (target / "art5.db").read_bytes() == before
    print(f"\nbackup: {len(acked)} acknowledged; hidden leftovers: {sorted(set(leftovers.values()))} "
          f"({len(leftovers)})")
