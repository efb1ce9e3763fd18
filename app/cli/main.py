"""The ``art5`` command.

``art5`` alone starts the wizard. The core does not import the Qt front end: the GUI registers
itself as the ``art5.gui`` entry point (see pyproject.toml) and is looked up by name, so every
headless command runs without PySide6.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol, Sequence

from app.cli.common import EXIT_FAIL, EXIT_OK, EXIT_USAGE, data_dir as _data_dir, err as _err  # noqa: F401

from app import __version__

if TYPE_CHECKING:  # for the checker only: the commands import what they use when they run
    from app.assessment.engine import Result

GUI_ENTRY_POINT = ("art5.gui", "ui.main:run")
Command = Callable[[argparse.Namespace], int]


class GuiRunner(Protocol):
    """What the ``art5.gui`` entry point provides (``ui.main.run``)."""

    def __call__(self, *, data_dir: Path, new_questionnaire: str | None, open_id: int | None, locale: str,
                 exit_after_first_paint: bool) -> int: ...


def _gui_runner() -> GuiRunner:
    """The wizard's ``run``: the ``ui`` package shipped beside ``app`` (found by name, so that
    app/ never imports Qt), else one registered under the ``art5.gui`` entry point. Scanning
    the installed packages' entry points costs about 25 ms at every start, so it comes second."""
    from importlib import import_module

    group, default = GUI_ENTRY_POINT
    module, _, attr = default.partition(":")
    runner: GuiRunner
    try:
        runner = getattr(import_module(module), attr)
        return runner
    except ModuleNotFoundError as exc:
        if exc.name != module.partition(".")[0] and exc.name != module:
            raise  # the ui package is there but something it needs (PySide6) is not
    from importlib.metadata import entry_points

    for ep in entry_points(group=group):
        runner = ep.load()
        return runner
    raise ModuleNotFoundError(f"no graphical interface installed ({module} or an '{group}' entry point)")


# -- commands -------------------------------------------------------------------------------
def cmd_gui(args: argparse.Namespace) -> int:
    try:
        run = _gui_runner()
    except ImportError as exc:
        _err(f"the graphical interface cannot start: {exc}. Headless commands still work (art5 --help).")
        return EXIT_FAIL
    return run(data_dir=_data_dir(args), new_questionnaire=args.new, open_id=args.open, locale=args.locale or "",
               exit_after_first_paint=getattr(args, "exit_after_first_paint", False))


def _result_json(result: Result, report_path: Path | None) -> dict[str, Any]:
    data = result.to_dict()
    out = {
        "outcome": data["outcome"],
        "title": data["title"],
        "summary": data["summary"],
        "provisional": data["provisional"],
        "questionnaire": {"id": data["questionnaire"]["id"], "version": data["questionnaire"]["version"],
                          "sha256": data["questionnaire"]["sha256"],
                          "official": bool(data["questionnaire"].get("official", False))},
        "rationale": [{"text": s["text"], "citations": [c["citation"] for c in s["citations"]],
                       "sources": s["citations"]} for s in data["rationale"]],
        "trace": data["trace"],
        "open_questions": data["open_questions"],
        "missing": data["missing"],
        "unanswered": data["unanswered"],
        "warnings": data["warnings"],
        "actions": data["actions"],
        "derived": data["derived"],
        "reference_data": data["reference_data"],
        "screening": data.get("screening"),
        # issue 13: the two outcomes of an unsure list membership, the flags and the caveats
        "outcome_if_listed": data.get("outcome_if_listed"),
        "outcome_if_not_listed": data.get("outcome_if_not_listed"),
        "flags": data.get("flags", []),
        "flag_texts": data.get("flag_texts", {}),
        "caveats": data.get("caveats", []),
    }
    if report_path is not None:
        out["report"] = str(report_path)
    return out


def cmd_assess(args: argparse.Namespace) -> int:
    from app.assessment import answers_file
    from app.assessment import engine
    from app.base.textsafety import escape
    from app.questionnaire.model import QuestionnaireError

    try:
        af = answers_file.read(args.answers)
    except answers_file.AnswersFileError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except QuestionnaireError as exc:
        _err(str(exc))
        return EXIT_USAGE
    for warning in af.warnings:
        _err(f"warning: {escape(warning)}")
    if not getattr(af.questionnaire, "official", True):
        _err(f"warning: {af.questionnaire.path}: UNOFFICIAL questionnaire {af.questionnaire.id} "
             f"{af.questionnaire.version}: not one shipped with Art5 Assessor (SHA-256 {af.questionnaire.sha256[:16]}…); "
             "the report says so in red")
    from app.cli.screening import screen_for_assess

    result = engine.decide(af.questionnaire, af.answers, locale=args.locale or "en", screening=screen_for_assess(args, af))
    out_dir = Path(args.out)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _err(f"{out_dir}: cannot create the output folder: {exc.strerror or exc}")
        return EXIT_USAGE
    from app.documents.report import ReportError
    from app.cli.records import mark_signed_headless, save_headless

    inputs, assessment_id = save_headless(args, af, result, _profile_for_output(args))
    from app.cli.signing import assess_outputs
    from app.documents.notification import NotificationError
    from app.signing.sign import SigningError

    try:
        report, extra_files = assess_outputs(args, out_dir, inputs, locale=args.locale or "en")
    except (ReportError, SigningError, NotificationError, ValueError) as exc:
        _err(str(exc))
        return EXIT_USAGE
    if getattr(args, "sign", False):
        mark_signed_headless(args, assessment_id, report, result)
    if args.json:
        print(json.dumps(_result_json(result, report), ensure_ascii=False, indent=2))
    else:
        print(f"{result.outcome}: {result.title}" + (" (provisional)" if result.provisional else ""))
        if result.outcome_if_listed or result.outcome_if_not_listed:
            print(f"  if listed: {result.outcome_if_listed}; if not listed: {result.outcome_if_not_listed}")
        for fid in result.flags:
            print(f"  flag {fid}: {result.flag_texts.get(fid, '')}")
        for w in result.warnings:
            hint = " (import one with 'art5 screening import FILE')" if "no sanctions list is imported" in w else ""
            print(f"warning: {w}{hint}")
        print(f"report: {report}")
        for extra in extra_files:
            print(f"{extra.stem}: {extra}")
    return EXIT_OK


def _profile_for_output(args: argparse.Namespace) -> dict[str, str]:
    """The exporter profile when a register exists; headless use never creates one."""
    from app.storage import DB_FILENAME

    path = _data_dir(args) / DB_FILENAME
    from app.assessment.workflow import blank_profile, exporter_profile

    if not path.exists():
        return blank_profile()
    try:
        from app.storage.store import Store

        store = Store.open(path.parent)
        try:
            return exporter_profile(store)
        finally:
            store.close()
    except Exception as exc:  # noqa: BLE001 - a broken register must not stop a headless run
        _err(f"warning: exporter profile not read ({exc})")
        return blank_profile()


def cmd_questionnaire_check(args: argparse.Namespace) -> int:
    from app.assessment import lint

    worst = EXIT_OK
    for f in args.files:
        report = lint.lint(Path(f))
        print(report.format())
        if not report.ok:
            worst = EXIT_FAIL
    return worst


def cmd_self_test(args: argparse.Namespace) -> int:
    """Checks that the installed program is complete: data files, database, PDF, (Qt)."""
    failures: list[str] = []

    def step(name: str, fn: Callable[[], Any]) -> Any:
        try:
            value = fn()
            print(f"ok    {name}")
            return value
        except Exception as exc:  # noqa: BLE001 - report every failure by name
            failures.append(name)
            print(f"FAIL  {name}: {type(exc).__name__}: {exc}")
            return None

    from app.assessment import engine
    from app.questionnaire import model as questionnaire

    qns = step("load every questionnaire", lambda: questionnaire.load_all()) or {}
    if not qns:
        failures.append("no questionnaire found")
    with tempfile.TemporaryDirectory(prefix="art5-selftest-") as tmp:
        tmpdir = Path(tmp)

        def database() -> None:
            from app.storage.store import Store

            store = Store.open(tmpdir / "data")
            a = store.create_assessment("self-test", "0")
            assert a.id is not None  # a stored row
            store.save_answer(a.id, "self.test", "ok")
            assert store.answers(a.id) == {"self.test": "ok"}
            assert store.integrity_ok()
            store.close()

        step("open a database, migrate, save an answer", database)

        def pdf() -> None:
            from app.documents.report import render_report

            qn = next(iter(qns.values()))
            result = engine.decide(qn, {})
            meta = {"reference": "SELF-TEST", "title": "self-test", "status": "draft", "created_at": "",
                    "updated_at": "", "finished_at": "", "generated_at": ""}
            out = render_report(tmpdir / "self-test.pdf", questionnaire=qn, answers={}, result=result,
                                profile={}, meta=meta)
            assert out.read_bytes().startswith(b"%PDF")

        if qns:
            step("render a PDF report", pdf)
        if not args.no_gui:
            def gui() -> None:
                os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
                from importlib import import_module

                import_module("ui.selftest").check()

            step("start the wizard offscreen", gui)
    if failures:
        print(f"self-test failed: {', '.join(failures)}")
        return EXIT_FAIL
    print("self-test passed")
    return EXIT_OK


# -- parser ---------------------------------------------------------------------------------
def build_parser(gui_only: bool = False) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="art5",
        description="Art5 Assessor: the Article 5 (Reg. (EU) 2021/821) assessment for cyber-surveillance "
                    "exports. Without a command, the wizard starts.",
    )
    p.add_argument("--version", action="version", version=f"art5-assessor {__version__}")
    p.add_argument("--data-dir", metavar="DIR", help="the data folder (default: the user data folder, "
                   "or $ART5_DATA_DIR)")
    p.add_argument("--database", metavar="URL",
                   help="the shared team register: postgresql://USER@HOST:PORT/DB?sslmode=verify-full "
                        "(or $ART5_DATABASE_URL); the password comes from ART5_DATABASE_PASSWORD, "
                        "PGPASSWORD or ~/.pgpass, never from the command line")
    p.add_argument("--locale", default=None, choices=("en", "de", "fr", "it"), help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    g = sub.add_parser("gui", help="start the wizard (the default)")
    g.add_argument("--new", metavar="QUESTIONNAIRE", nargs="?", const="art5",
                   help="start a new assessment at once (default questionnaire: art5)")
    g.add_argument("--open", metavar="ID", type=int, help="resume assessment ID")
    g.add_argument("--exit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    g.set_defaults(func=cmd_gui)
    if gui_only:  # starting the wizard: the other commands' modules are not imported
        return p

    a = sub.add_parser("assess", help="run an assessment headless from an answers file")
    a.add_argument("--answers", required=True, metavar="FILE", help="answers file (YAML or JSON)")
    a.add_argument("--out", required=True, metavar="DIR", help="folder for report.pdf")
    a.add_argument("--json", action="store_true", help="print the result as JSON")
    from app.cli.signing import add_assess_options, register as register_signing

    add_assess_options(a)
    a.set_defaults(func=cmd_assess)

    s = sub.add_parser("self-test", help="check that the program and its data files work")
    s.add_argument("--no-gui", action="store_true", help="skip the offscreen wizard check")
    s.set_defaults(func=cmd_self_test)

    q = sub.add_parser("questionnaire", help="questionnaire tools")
    qsub = q.add_subparsers(dest="qcommand", metavar="QCOMMAND", required=True)
    qc = qsub.add_parser("check", help="lint questionnaire files")
    qc.add_argument("files", nargs="+", metavar="FILE")
    qc.set_defaults(func=cmd_questionnaire_check)
    register_signing(sub)
    from app.cli.profile import register as register_profile; register_profile(sub)  # noqa: E702
    from app.cli.screening import register as register_screening; register_screening(sub)  # noqa: E702
    from app.cli.records import add_assess_options as add_records_options, register as register_records; register_records(sub); add_records_options(sub)  # noqa: E702,E501
    from app.cli.team import register as register_team; register_team(sub)  # noqa: E702
    return p


def _while_no_wizard(fn: Command) -> Command:
    """A command that replaces the register (``restore``) runs only while no wizard has the data
    folder open: it takes the wizard's instance lock (app.base.instance_lock) for its duration."""
    def run(args: argparse.Namespace) -> int:
        from app.base.instance_lock import InstanceLock

        data_dir = _data_dir(args)
        lock = InstanceLock(data_dir)
        try:
            if not lock.acquire():
                _err(f"{data_dir}: Art5 Assessor is open with this data folder ({lock.holder() or 'another process'}); "
                     "close it first. Nothing was changed.")
                return EXIT_FAIL
        except OSError:
            pass  # the command itself reports a folder it cannot write
        try:
            return fn(args)
        finally:
            lock.release()
    return run


GLOBAL_OPTIONS_WITH_VALUE = ("--data-dir", "--database", "--locale")


def starts_the_wizard(argv: Sequence[str]) -> bool:
    """True when ``argv`` is ``[global options] [gui ...]`` without help or version: the parser
    of ``gui`` alone then reads it exactly as the whole one does (about 30 ms less at every
    start of the wizard). Anything else, errors included, goes to the whole parser."""
    i = 0
    while i < len(argv):
        a = argv[i]
        if not a.startswith("-"):
            return a == "gui"
        name = a.split("=", 1)[0]
        matches = [o for o in GLOBAL_OPTIONS_WITH_VALUE if len(name) > 2 and o.startswith(name)]
        if len(matches) != 1:
            return False  # --help, --version, an unknown or ambiguous option
        i += 1 if "=" in a else 2
    return True


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(gui_only=starts_the_wizard(argv))
    args = parser.parse_args(argv)
    if args.data_dir:
        os.environ["ART5_DATA_DIR"] = str(Path(args.data_dir).expanduser())
    if args.database:
        from app.storage import dialect_pg

        try:  # a password in argv is visible to every user of the computer: refused
            dialect_pg.check_url(args.database, from_command_line=True)
        except dialect_pg.UrlError as exc:
            _err(str(exc))
            return EXIT_USAGE
        os.environ["ART5_DATABASE_URL"] = args.database  # the wizard and every command read it
    if args.command is None:
        args.new = None
        args.open = None
        args.func = cmd_gui
    if args.command == "restore":
        args.func = _while_no_wizard(args.func)
    if args.func is not cmd_gui:  # everything printed from data goes out escaped (issue 14)
        from app.base.textsafety import SafeStream

        saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)
        try:
            return _run(args)
        finally:
            sys.stdout, sys.stderr = saved
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    from app.storage.errors import StorageError

    try:
        return int(args.func(args) or 0)
    except StorageError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except Exception as exc:
        sa_exc = sys.modules.get("sqlalchemy.exc")  # loaded only by commands that open a database
        if sa_exc is None or not isinstance(exc, sa_exc.DatabaseError):
            raise
        from app.cli.records import damaged_message

        _err(f"{_data_dir(args)}: a database in this data folder: {damaged_message(exc)}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
