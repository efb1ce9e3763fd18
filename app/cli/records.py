"""``art5`` commands for the register: records, audit, backup/restore, transfer bundles,
attachments, the product library and the quick check."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping, cast

from app.cli.common import EXIT_FAIL, EXIT_OK, EXIT_USAGE, data_dir as _data_dir, err as _err  # noqa: F401

if TYPE_CHECKING:  # for the checker only: the commands import what they use when they run
    from app.assessment.answers_file import AnswersFile
    from app.assessment.engine import Result
    from app.assessment.workflow import ReportInputs
    from app.storage.models import Assessment
    from app.storage.store import Store

    RegisterCommand = Callable[[argparse.Namespace, Store], int]


def _store(args: argparse.Namespace) -> Store:
    from app.cli.team import open_register

    return open_register(args)  # the team register with --database / ART5_DATABASE_URL


def damaged_message(exc: Exception) -> str:
    """What to tell the user when SQLite finds a damaged database while reading or writing."""
    orig = getattr(exc, "orig", None) or exc
    if "locked" in str(orig) or "busy" in str(orig):  # not damage: another process is writing
        return (f"the database is busy ({orig}): another Art5 Assessor process is writing to it; "
                "nothing was changed. Try again when it has finished")
    return (f"the database is damaged ({orig}); nothing was changed. Restore a backup with "
            "'art5 restore FILE'")


def with_register(fn: RegisterCommand) -> Callable[[argparse.Namespace], int]:
    """A command that works on the register: it gets the opened store, an unknown assessment
    (the KeyError of _find) is a usage error naming it, and the store is always closed."""
    import functools

    @functools.wraps(fn)
    def run(args: argparse.Namespace) -> int:
        store = _store(args)
        try:
            return fn(args, store)
        except KeyError as exc:
            _err(str(exc.args[0]))
            return EXIT_USAGE
        except Exception as exc:
            from sqlalchemy.exc import DatabaseError

            if not isinstance(exc, DatabaseError):
                raise
            _err(f"{store.path}: {damaged_message(exc)}")
            return EXIT_USAGE
        finally:
            store.close()

    return run


def _date(ts: str | None) -> str | None:
    return ts[:10] if ts else None


def record_dict(row: tuple[Any, ...]) -> dict[str, Any]:
    from app.storage.store import REGISTER_COLUMNS

    r = dict(zip(REGISTER_COLUMNS, row))
    return {"id": r["id"], "reference": r["reference"], "title": r["title"], "product": r["product"],
            "customer": r["customer"], "destination": r["destination"], "outcome": r["outcome"],
            "status": r["status"], "created": _date(r["created_at"]), "updated": _date(r["updated_at"]),
            "finished": _date(r["finished_at"]), "export_date": r["export_date"],
            "retention_until": r["retention_until"], "version": r["version_no"],
            "created_at": r["created_at"], "updated_at": r["updated_at"]}


@with_register
def cmd_records_list(args: argparse.Namespace, store: Store) -> int:
    rows = [record_dict(r) for r in store.register.rows(args.search or "", args.status or "",
                                                        args.outcome or "", args.destination or "")]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        print("no assessments")
        return EXIT_OK
    cols = ("id", "reference", "status", "outcome", "product", "customer", "destination", "created",
            "retention_until")
    from app.base.textsafety import escape

    cells = [{c: escape(r[c] if r[c] is not None else "") for c in cols} for r in rows]  # data from the register
    width = {c: max(len(c), *(len(r[c]) for r in cells)) for c in cols}
    print("  ".join(c.ljust(width[c]) for c in cols))
    for r in cells:
        print("  ".join(r[c].ljust(width[c]) for c in cols))
    return EXIT_OK


def _find(store: Store, ident: str) -> tuple[int, Assessment]:
    """The assessment named by its id or reference, with its id; KeyError naming it when there is none."""
    try:
        a = store.get(int(ident))
    except (ValueError, KeyError):
        for row in store.register.rows(ident):
            if row[1] == ident:
                a = store.get(row[0])
                break
        else:
            raise KeyError(f"no assessment {ident!r} (give its id or reference; see art5 records list)") from None
    assert a.id is not None  # a stored row
    return a.id, a


@with_register
def cmd_records_delete(args: argparse.Namespace, store: Store) -> int:
    from app.storage.store import RetentionError

    aid, a = _find(store, args.id)
    try:
        if a.status == "draft":
            store.discard_draft(aid, args.reason or "")
            print(f"draft {a.reference} discarded (logged in the audit trail)")
            return EXIT_OK
        confirmed = args.yes
        if not confirmed:
            from app.storage.retention import may_delete

            if not may_delete(a.retention_until):
                store.delete_assessment(aid, confirmed=False)  # raises the retention message
            if not sys.stdin.isatty():
                _err(f"deleting {a.reference} needs confirmation: add --yes; nothing was deleted")
                return EXIT_FAIL
            answer = input(f"Delete {a.reference} ({a.status}, kept until {a.retention_until})? Type its reference "
                           "to confirm: ")
            confirmed = answer.strip() == a.reference
            if not confirmed:
                print("not deleted")
                return EXIT_FAIL
        store.delete_assessment(aid, confirmed=True, reason=args.reason or "")
        print(f"{a.reference} deleted (logged in the audit trail)")
        return EXIT_OK
    except RetentionError as exc:
        _err(exc.message if hasattr(exc, "message") else str(exc))
        return EXIT_FAIL


@with_register
def cmd_records_amend(args: argparse.Namespace, store: Store) -> int:
    aid, a = _find(store, args.id)
    from app.assessment import workflow

    try:
        new = workflow.amend(store, aid, args.reason)
    except ValueError as exc:
        _err(str(exc))
        return EXIT_USAGE
    print(f"{new.reference}: new draft version of {a.reference} (id {new.id}); the old version is kept")
    return EXIT_OK


@with_register
def cmd_records_versions(args: argparse.Namespace, store: Store) -> int:
    for v in store.versions(_find(store, args.id)[0]):
        print(f"{v.reference}  v{v.version_no}  {v.status:<9} {v.outcome or '-':<24} {v.created_at[:10]}"
              + (f"  reason: {v.amendment_reason}" if v.amendment_reason else ""))
    return EXIT_OK


@with_register
def cmd_records_migrate(args: argparse.Namespace, store: Store) -> int:
    from app.assessment import records
    from app.questionnaire.model import QuestionnaireError

    try:
        change = records.migrate_draft(store, _find(store, args.id)[0], apply=args.apply)
    except (ValueError, QuestionnaireError) as exc:
        _err(str(exc))
        return EXIT_USAGE
    for line in change.lines():
        print(line)
    if change.from_version == change.to_version:
        print("already on the newest questionnaire version")
    elif not args.apply:
        print("nothing changed yet: run again with --apply to move the draft")
    return EXIT_OK


@with_register
def cmd_audit_verify(args: argparse.Namespace, store: Store) -> int:
    """The chain itself, then the chain against the anchors in the signed reports (issue 14)."""
    from app.signing import anchors

    report = store.audit.verify()
    print(report.message())
    if not report.intact:
        return EXIT_FAIL
    # the team register keeps its signed reports in the database; a laptop in reports/
    anchored = anchors.check_team(store) if store.path is None else anchors.check(store, store.path.parent)
    print(anchored.message())
    return EXIT_OK if anchored.ok else EXIT_FAIL


def cmd_backup(args: argparse.Namespace) -> int:
    from app.storage.backup import BackupError, make_backup
    from app.cli.team import database_url

    if database_url(args):  # the team register: pg_dump through the program
        from app.storage.backup_pg import dump

        print(f"backup written: {dump(cast(str, database_url(args)), Path(args.to))} (pg_dump custom format; "
              "restore with pg_restore into a new database)")
        return EXIT_OK
    try:
        out = make_backup(_data_dir(args), Path(args.to))
    except BackupError as exc:
        _err(str(exc))
        return EXIT_FAIL
    print(f"backup written: {out}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from app.storage.backup import BackupError, SchemaMismatch, restore
    from app.cli.team import database_url

    if database_url(args):
        _err("the team register is not replaced in place: restore the pg_dump file into a new, empty "
             "database with `pg_restore --no-owner -d postgresql://OWNER@HOST/NEWDB FILE` and point "
             "--database at it. Nothing was changed")
        return EXIT_USAGE
    try:
        info, kept = restore(_data_dir(args), Path(args.file))
    except SchemaMismatch as exc:
        _err(str(exc))
        return EXIT_USAGE
    except BackupError as exc:
        _err(str(exc))
        return EXIT_FAIL
    print(f"register restored from {info.path} ({info.assessments} assessment(s), schema {info.revision})")
    if kept:
        print(f"the replaced register is kept in {kept}")
    return EXIT_OK


@with_register
def cmd_export(args: argparse.Namespace, store: Store) -> int:
    from app.transfer.bundle import BundleError, export_bundle

    aid, a = _find(store, args.id)
    try:
        out = export_bundle(store, aid, Path(args.to))
    except BundleError as exc:  # the team register: no data folder to take the reports from
        _err(exc.message)
        return EXIT_USAGE
    except OSError as exc:
        _err(f"{args.to}: cannot write the bundle: {exc.strerror or exc}")
        return EXIT_FAIL
    print(f"{a.reference} exported to {out}")
    return EXIT_OK


@with_register
def cmd_import(args: argparse.Namespace, store: Store) -> int:
    from app.transfer.bundle import IMPORT_NEEDS_FOLDER, BundleError, add_bundle, check_bundle, data_folder
    from app.base.textsafety import escape

    try:
        data_dir = data_folder(store, args.file, IMPORT_NEEDS_FOLDER)
    except BundleError as exc:  # the team register
        _err(str(exc))
        return EXIT_USAGE
    try:
        checked = check_bundle(Path(args.file), data_dir=data_dir, trust_signer=args.trust_signer)
        a = add_bundle(store, checked)
    except BundleError as exc:
        _err(escape(str(exc)))
        return EXIT_FAIL
    for w in checked.warnings:
        _err(f"warning: {escape(w)}")
    if checked.trust_signer:
        print(f"trusted signer added: {checked.trust_signer}")
    print(f"imported as {escape(a.reference)} (id {a.id}, {a.status})")
    return EXIT_OK


@with_register
def cmd_attach(args: argparse.Namespace, store: Store) -> int:
    aid, a = _find(store, args.id)
    src = Path(args.file)
    if not src.is_file():
        _err(f"{src}: no such file")
        return EXIT_USAGE
    try:
        att = store.attachments.add(aid, src, args.kind, args.note or "")
    except ValueError as exc:
        _err(str(exc))
        return EXIT_USAGE
    print(f"attached to {a.reference}: {att.filename} ({att.kind}, sha256 {att.sha256})")
    return EXIT_OK


@with_register
def cmd_product_save(args: argparse.Namespace, store: Store) -> int:
    from app.assessment import records

    aid, a = _find(store, args.from_id)
    try:
        p, v = records.profile_from_assessment(store, aid, args.name, args.note or "")
    except ValueError as exc:
        _err(str(exc))
        return EXIT_USAGE
    print(f"product profile {p.name!r} version {v} (id {p.id})")
    return EXIT_OK


@with_register
def cmd_product_list(args: argparse.Namespace, store: Store) -> int:
    for p in store.products.list():
        print(f"{p.id}  {p.name}  (version {p.current_version}, updated {p.updated_at[:10]})")
    return EXIT_OK


@with_register
def cmd_quick_check(args: argparse.Namespace, store: Store) -> int:
    from app.assessment import quick_check
    from app.cli.screening import read_names
    from app.assessment.flow import AnswerError

    if (args.customer is None) == (args.customer_from is None):
        _err("give the customer with --customer NAME or --customer-from FILE ('-' reads standard input)")
        return EXIT_USAGE
    try:
        customer = args.customer if args.customer_from is None else read_names(args.customer_from)[0]
        qc = quick_check.run(store, profile_id=args.product, destination=args.destination,
                             end_user_type=args.end_user, customer=customer, member_state=args.member_state)
    except ValueError as exc:
        _err(exc.message if isinstance(exc, AnswerError) else str(exc))
        return EXIT_USAGE
    if args.json:
        from dataclasses import asdict

        print(json.dumps(asdict(qc), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"{qc.reference} (draft): preliminary outcome {qc.outcome}: {qc.title}")
    for m in qc.measures:
        print(f"destination measure: {m['title']} ({m['act']})"
              + (" [not yet checked against the Official Journal]" if m["to_verify"] else ""))
    for fid in qc.flags:
        print(f"flag {fid}: {qc.flag_texts.get(fid, '')}")
    print(f"screening: {qc.screening.get('text')}")
    for q in qc.open_questions:
        print(f"open: {q['label']}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    r = sub.add_parser("records", help="the register of assessments")
    rs = r.add_subparsers(dest="rcommand", metavar="RCOMMAND", required=True)
    rl = rs.add_parser("list", help="list assessments (id, status, outcome, created, retention_until, ...)")
    rl.add_argument("--json", action="store_true", help="print JSON")
    rl.add_argument("--search", metavar="TEXT", help="words that each must appear in some column")
    rl.add_argument("--status", choices=("draft", "finished", "signed", "amended"))
    rl.add_argument("--outcome", metavar="OUTCOME")
    rl.add_argument("--destination", metavar="CC")
    rl.set_defaults(func=cmd_records_list)
    rd = rs.add_parser("delete", help="discard a draft, or delete a record after its retention period")
    rd.add_argument("--id", required=True, metavar="ID", help="id or reference")
    rd.add_argument("--yes", action="store_true", help="confirm deleting a record whose retention period is over")
    rd.add_argument("--reason", metavar="TEXT")
    rd.set_defaults(func=cmd_records_delete)
    ra = rs.add_parser("amend", help="start a new version of a finished or signed assessment")
    ra.add_argument("--id", required=True, metavar="ID")
    ra.add_argument("--reason", required=True, metavar="TEXT")
    ra.set_defaults(func=cmd_records_amend)
    rv = rs.add_parser("versions", help="the versions (amendments) of an assessment")
    rv.add_argument("--id", required=True, metavar="ID")
    rv.set_defaults(func=cmd_records_versions)
    rm = rs.add_parser("migrate", help="show (and with --apply make) the move of a draft to the newest "
                                       "questionnaire version")
    rm.add_argument("--id", required=True, metavar="ID")
    rm.add_argument("--apply", action="store_true")
    rm.set_defaults(func=cmd_records_migrate)

    au = sub.add_parser("audit", help="the audit trail")
    aus = au.add_subparsers(dest="acommand", metavar="ACOMMAND", required=True)
    av = aus.add_parser("verify", help="check the hash chain; exit 1 naming the first broken event")
    av.set_defaults(func=cmd_audit_verify)

    b = sub.add_parser("backup", help="a consistent copy of the register (SQLite backup API)")
    b.add_argument("--to", required=True, metavar="FILE")
    b.set_defaults(func=cmd_backup)
    rr = sub.add_parser("restore", help="replace the register with a checked backup (the old one is kept)")
    rr.add_argument("file", metavar="FILE")
    rr.set_defaults(func=cmd_restore)

    e = sub.add_parser("export", help="write a transfer bundle of one assessment")
    e.add_argument("--id", required=True, metavar="ID")
    e.add_argument("--to", required=True, metavar="FILE.zip")
    e.set_defaults(func=cmd_export)
    i = sub.add_parser("import", help="add an assessment from a transfer bundle (verified first)")
    i.add_argument("file", metavar="FILE.zip")
    i.add_argument("--trust-signer", metavar="SHA256",
                   help="accept reports signed by this certificate (its SHA-256 fingerprint, compared with the "
                        "signer by another channel) and add it to the trusted signers")
    i.set_defaults(func=cmd_import)

    at = sub.add_parser("attach", help="add an evidence file to an assessment")
    at.add_argument("--id", required=True, metavar="ID")
    at.add_argument("--kind", default="other",
                    choices=("datasheet", "end_user_statement", "correspondence", "report", "other"))
    at.add_argument("--note", metavar="TEXT")
    at.add_argument("file", metavar="FILE")
    at.set_defaults(func=cmd_attach)

    pr = sub.add_parser("product", help="the product library")
    prs = pr.add_subparsers(dest="pcommand", metavar="PCOMMAND", required=True)
    ps = prs.add_parser("save", help="save the item answers of an assessment as a product profile")
    ps.add_argument("--from", dest="from_id", required=True, metavar="ID")
    ps.add_argument("--name", required=True)
    ps.add_argument("--note", metavar="TEXT")
    ps.set_defaults(func=cmd_product_save)
    pl = prs.add_parser("list", help="list product profiles")
    pl.set_defaults(func=cmd_product_list)

    q = sub.add_parser("quick-check", help="preliminary outcome for a product, destination and customer "
                                           "(saved as a draft)")
    q.add_argument("--product", required=True, type=int, metavar="PROFILE_ID")
    q.add_argument("--destination", required=True, metavar="CC")
    q.add_argument("--end-user", required=True, metavar="TYPE")
    q.add_argument("--customer", metavar="NAME", help="the customer's name (or --customer-from)")
    q.add_argument("--customer-from", metavar="FILE", help="read the customer's name from FILE (first line); "
                                                           "'-' reads standard input, so the name is not in "
                                                           "the process list")
    q.add_argument("--member-state", metavar="CC")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_quick_check)


def save_headless(args: argparse.Namespace, af: AnswersFile, result: Result,
                  profile: Mapping[str, str]) -> tuple[ReportInputs, int | None]:
    """``art5 assess`` keeps what it assessed in the register (unless ``--no-save``), like the
    wizard: finished when every question is answered, else a draft. Returns the report inputs
    (app.assessment.workflow, the same as the wizard's) and the record's id. A register that
    cannot be opened is named on stderr; the headless run still writes its report."""
    from app.assessment import workflow

    qn = af.questionnaire
    title = str(af.extra.get("title", ""))

    def headless() -> tuple[ReportInputs, int | None]:
        return workflow.report_inputs(qn, af.answers, result, profile=profile, title=title), None

    if getattr(args, "no_save", False):
        return headless()
    from app.storage.errors import StorageError

    try:
        store = _store(args)
    except StorageError as exc:
        _err(f"warning: not saved in the register: {exc}")
        return headless()
    try:
        store.declare_roles(qn.id, qn.version, qn.roles)
        a = store.create_assessment(qn.id, qn.version, qn.sha256, title, origin="cli", answers=dict(af.answers))
        assert a.id is not None  # a stored row
        a = workflow.keep_outcome(store, a.id, result)
        assert a.id is not None
        print(f"saved in the register as {a.reference} (id {a.id}, {a.status})", file=sys.stderr)
        return workflow.report_inputs(qn, af.answers, result, store=store, assessment_id=a.id,
                                      profile=profile), a.id
    except StorageError as exc:
        _err(f"warning: not saved in the register: {exc}")
        return headless()
    finally:
        store.close()


def mark_signed_headless(args: argparse.Namespace, assessment_id: int | None, report: Path, result: Result) -> None:
    """Record in the register that the assessment's report was signed (app.assessment.workflow:
    refused, as in the wizard, when the result may not be signed)."""
    if assessment_id is None:
        return
    from app.assessment import workflow
    from app.storage.errors import StorageError

    try:
        store = _store(args)
        try:
            workflow.mark_signed(store, assessment_id, str(report), result)
        finally:
            store.close()
    except (StorageError, workflow.SigningRefused) as exc:
        _err(f"warning: the register does not show the signature: {exc}")


def add_assess_options(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    a = sub.choices.get("assess")
    if a is not None:
        a.add_argument("--no-save", action="store_true", help="do not keep the assessment in the register")
