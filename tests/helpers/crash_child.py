"""Child program for tests/reliability: repeats one operation of the program until it is killed,
and prints an ``ACK`` line (flushed) after each operation the program would report as done.

    python crash_child.py OP DATA_DIR SEED [options]   run OP in a loop (a fresh process)
    python crash_child.py --serve OP[,OP...]           warm up, then fork one worker per stdin
                                                       line "OP DATA_DIR SEED [options]"

A worker prints ``PID <pid>`` first, ``READY`` once it is set up, then one line per operation:

    ACK answer <assessment id> <question id> <value>     the answer and its audit event are committed
    ACK sign <path> <sha256>                             the signed report is in place under <path>
    ACK import <sha256> <entities> <aliases>             the list is imported and in use
    ACK backup <path>                                    `art5 backup --to <path>` would say "written"

The server mode exists for speed only: the program's modules are imported (and reportlab's
fonts, pyHanko, SQLAlchemy warmed up) once, and each worker is a fork of that warm process,
so a trial costs milliseconds, not a second of start-up. After each worker ends the server
prints ``EXIT <pid> <wait status>``. A worker stops by itself after ``--deadline`` seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shlex
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from answer_sets import NOTIFY_DE_TO_CN_COMPLETE  # noqa: E402 - beside this script

DEMO = ROOT / "tests" / "fixtures" / "demo.yaml"
SIGN_ANSWERS = {**NOTIFY_DE_TO_CN_COMPLETE, "item.name": "Interceptor Ωmega"}
PASSPHRASE_ENV = "ART5_CRASH_PASSPHRASE"


def ack(*parts) -> None:
    """One write() per line: with PYTHONUNBUFFERED set, print() writes each part separately and
    a kill between two of them left half an ACK line."""
    line = " ".join(map(str, ("ACK", *parts))) + "\n"
    sys.stdout.flush()
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):  # the warm-up's captured output
        sys.stdout.write(line)
        return
    os.write(fd, line.encode())


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="crash_child")
    p.add_argument("op", choices=("answer", "sign", "import", "backup"))
    p.add_argument("data_dir", type=Path)
    p.add_argument("seed", type=int)
    p.add_argument("--questionnaire", type=Path, default=DEMO, help="answer: the questionnaire file")
    p.add_argument("--assessment", type=int, default=0, help="answer: the assessment (0: the first draft, "
                                                                "created when there is none)")
    p.add_argument("--questions", default="basics.item_name,deal.notes", help="answer: question ids, in turn")
    p.add_argument("--count", type=int, default=0, help="stop normally after this many operations (0: never)")
    p.add_argument("--lists", default="", help="import: list files, comma-separated, imported in turn")
    p.add_argument("--to", type=Path, help="backup/sign: the output folder")
    p.add_argument("--deadline", type=float, default=30.0, help="stop after this many seconds")
    p.add_argument("--pause", type=float, default=0.0, help="seconds between operations (a user's pace)")
    p.add_argument("--wait-for", type=Path, help="after READY, wait until this file exists (to start "
                                                 "several workers at the same moment)")
    return p


# -- operations -------------------------------------------------------------------------------
def op_answer(a: argparse.Namespace, loop) -> None:
    from app.questionnaire import model as questionnaire
    from app.assessment.session import AssessmentSession
    from app.storage.store import Store

    qn = questionnaire.load(a.questionnaire)
    store = Store.open(a.data_dir)
    aid = a.assessment
    if not aid:
        drafts = [s.id for s in store.list_assessments() if s.status == "draft" and s.questionnaire_id == qn.id]
        aid = min(drafts) if drafts else AssessmentSession.new(store, qn).assessment_id
    session = AssessmentSession(store, aid, qn)
    questions = a.questions.split(",")
    print("READY", flush=True)
    try:
        for i in loop:
            qid = questions[i % len(questions)]
            value = f"v {a.seed} {i}"
            session.answer(qid, value)
            ack("answer", aid, qid, value)
    finally:
        store.close()  # a forked worker must not inherit an open connection


def op_sign(a: argparse.Namespace, loop) -> None:
    from app.assessment import engine
    from app.questionnaire import model as questionnaire
    from app.signing import sign as signing

    qn = questionnaire.find("art5")
    result = engine.decide(qn, SIGN_ANSWERS)
    out = a.to or (a.data_dir / "reports")
    passphrase = os.environ[PASSPHRASE_ENV]
    print("READY", flush=True)
    for i in loop:
        # the same name over and over (as `art5 assess --sign` writes report.pdf), and new names
        target = out / ("report.pdf" if i % 2 == 0 else f"report-{a.seed}-{i}.pdf")
        meta = {"reference": f"CRASH-{a.seed}-{i}", "title": "crash test", "status": "finished",
                "created_at": "", "updated_at": "", "finished_at": "", "generated_at": ""}
        path = signing.render_signed_report(target, a.data_dir, passphrase, questionnaire=qn,
                                            answers=SIGN_ANSWERS, result=result, profile={}, meta=meta)
        ack("sign", path, hashlib.sha256(Path(path).read_bytes()).hexdigest())


def op_import(a: argparse.Namespace, loop) -> None:
    from app.cli.screening import rescreen_register
    from app.screening.service import Screening

    files = [Path(f) for f in a.lists.split(",") if f]
    scr = Screening(a.data_dir)
    print("READY", flush=True)
    try:
        for i in loop:
            info = scr.import_list(files[(a.seed + i) % len(files)])
            ack("import", info.sha256, info.entity_count, info.alias_count)
            rescreen_register(scr, a.data_dir)  # what `art5 screening import` does next
    finally:
        scr.close()


def op_backup(a: argparse.Namespace, loop) -> None:
    from app.storage.backup import make_backup

    out = a.to or (a.data_dir.parent / "backup-copies")
    out.mkdir(parents=True, exist_ok=True)
    print("READY", flush=True)
    for i in loop:
        # the same file replaced again and again, and new files
        dest = out / ("latest.db" if i % 2 == 0 else f"backup-{a.seed}-{i}.db")
        make_backup(a.data_dir, dest)
        ack("backup", dest)


OPS = {"answer": op_answer, "sign": op_sign, "import": op_import, "backup": op_backup}


def iterations(count: int, deadline: float, wait_for: Path | None = None, pause: float = 0.0):
    end = time.monotonic() + deadline
    while wait_for is not None and not wait_for.exists() and time.monotonic() < end:
        time.sleep(0.005)
    i = 0
    while (not count or i < count) and time.monotonic() < end:
        if i and pause:
            time.sleep(pause)
        yield i
        i += 1


def run(argv: list[str]) -> int:
    a = parser().parse_args(argv)
    print(f"PID {os.getpid()}", flush=True)
    OPS[a.op](a, iterations(a.count, a.deadline, a.wait_for, a.pause))
    print("DONE", flush=True)
    return 0


# -- server -----------------------------------------------------------------------------------
def warm_up(ops: list[str]) -> None:
    """Import what the operations need and run each once in a scratch folder, so that lazy
    imports and caches (fonts, pyHanko) are in place before the first fork."""
    with tempfile.TemporaryDirectory(prefix="art5-crash-warm-") as tmp:
        d = Path(tmp) / "data"
        if "answer" in ops or "backup" in ops:
            from app.storage.store import Store

            Store.open(d).close()
            run(["answer", str(d), "0", "--count", "1"])
        if "backup" in ops:
            run(["backup", str(d), "0", "--count", "1", "--to", str(Path(tmp) / "copies")])
        if "sign" in ops:
            from app.signing import sign as signing

            os.environ.setdefault(PASSPHRASE_ENV, "warm-up passphrase")
            signing.create_identity(d, "Warm Up", "Org", "w@example.com", "DE", os.environ[PASSPHRASE_ENV])
            run(["sign", str(d), "0", "--count", "1"])
        if "import" in ops:
            run(["import", str(d), "0", "--count", "1",
                 "--lists", str(ROOT / "tests" / "fixtures" / "screening" / "eu_list.xml")])


def serve(ops: list[str]) -> int:
    import io

    real = sys.stdout
    sys.stdout = io.StringIO()  # the warm-up's own PID/ACK lines are not the test's business
    try:
        warm_up(ops)
    finally:
        sys.stdout = real
    print("READY", flush=True)
    for line in sys.stdin:
        argv = shlex.split(line)
        if not argv:
            continue
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the worker
            code = 1
            try:
                code = run(argv)
            except BaseException:  # noqa: BLE001 - the test reads stderr and the exit status
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        # on a line of its own even when the killed worker left half a line
        print(f"\nEXIT {pid} {status}", flush=True)
    return 0


def main() -> int:
    if len(sys.argv) >= 3 and sys.argv[1] == "--serve":
        return serve(sys.argv[2].split(","))
    return run(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
