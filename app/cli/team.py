"""``art5`` commands of the team register on PostgreSQL: ``team init|add-user|upgrade|whoami|trust``,
``review``, ``followup`` (both engines) and ``sync``.

The register is chosen by ``--database URL`` or ``ART5_DATABASE_URL``; without one, commands
work on the data folder's SQLite file. A password is never taken from the command line: it comes
from ART5_DATABASE_PASSWORD / PGPASSWORD or a password file readable by the user only (~/.pgpass)."""

from __future__ import annotations

import argparse
import datetime as _dt
import getpass
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.common import EXIT_FAIL, EXIT_OK, EXIT_USAGE, err as _err

if TYPE_CHECKING:  # for the checker only: the commands import what they use when they run
    from app.storage.store import Store


def database_url(args: argparse.Namespace | None = None) -> str | None:
    url = getattr(args, "database", None) if args is not None else None
    return url or os.environ.get("ART5_DATABASE_URL") or None


def open_register(args: argparse.Namespace) -> Store:
    """The team register when a URL is given, else the data folder's SQLite register."""
    from app.cli.common import data_dir
    from app.storage.store import Store

    url = database_url(args)
    if url:
        return Store.open_url(url)
    return Store.open(data_dir(args))


def _new_password(name: str) -> str | None:
    pw = os.environ.get("ART5_NEW_USER_PASSWORD")
    if pw:
        return pw
    if sys.stdin.isatty():
        first = getpass.getpass(f"password for {name} (empty: none, e.g. certificate login): ")
        if first and getpass.getpass("again: ") != first:
            raise ValueError("the two passwords differ; nothing was changed")
        return first or None
    return None


def _need_url(args: argparse.Namespace) -> str | None:
    url = database_url(args)
    if not url:
        _err("this command needs the team register: --database postgresql://USER@HOST/DB "
             "(or ART5_DATABASE_URL)")
    return url


def cmd_team_init(args: argparse.Namespace) -> int:
    from app.storage import team

    url = _need_url(args)
    if not url:
        return EXIT_USAGE
    rev = team.init_team(url, args.officer, _new_password(args.officer))
    print(f"team register ready (schema {rev}); roles art5_assessor, art5_officer, art5_auditor; "
          f"compliance officer: {args.officer}")
    print("add people with: art5 --database URL team add-user NAME --role assessor|officer|auditor")
    return EXIT_OK


def cmd_team_add_user(args: argparse.Namespace) -> int:
    from app.storage import team

    url = _need_url(args)
    if not url:
        return EXIT_USAGE
    team.add_member(url, args.name, args.role, _new_password(args.name))
    print(f"{args.name}: {args.role}")
    return EXIT_OK


def cmd_team_upgrade(args: argparse.Namespace) -> int:
    from app.storage import team

    url = _need_url(args)
    if not url:
        return EXIT_USAGE
    print(f"team register at schema {team.init_team(url, '')}")
    return EXIT_OK


def cmd_team_whoami(args: argparse.Namespace) -> int:
    from app.storage.team import role_of

    store = open_register(args)
    try:
        print(f"{store.actor}: {role_of(store) or 'laptop register (no team roles)'}")
    finally:
        store.close()
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    from app.storage import reviews

    store = open_register(args)
    try:
        if args.decision:
            reviews.add(store, args.id, args.decision, args.comment or "")
        for r in reviews.of(store, args.id):
            print(f"{r.at[:16].replace('T', ' ')}  {reviews.LABELS[r.decision]:<11} {r.reviewer}: {r.comment}")
    except ValueError as exc:
        _err(str(exc))
        return EXIT_USAGE
    finally:
        store.close()
    return EXIT_OK


def cmd_followup(args: argparse.Namespace) -> int:
    from app.storage.followup import FollowUps

    store = open_register(args)
    fu = FollowUps(store)
    today = _dt.date.today()
    try:
        if args.action == "list":
            items = fu.open_items(today)
            for st in items:
                print(st.line)
            if not items:
                print("nothing waiting for an authority")
            return EXIT_OK
        if args.id is None:
            _err(f"followup {args.action} needs --id ID")
            return EXIT_USAGE
        if args.action == "sent":
            fu.sent(args.id, args.date or today, args.channel or "", args.ref or "", args.authority or "")
        elif args.action == "reply":
            fu.reply(args.id, args.decision or "", args.date or today,
                     Path(args.attach) if args.attach else None, args.ref or "", args.note or "")
        elif args.action == "hold":
            fu.hold(args.id, not args.off, args.note or "")
        elif args.action == "shipped":
            fu.shipped(args.id, args.date or today)
        st = fu.status(args.id, today)
        if args.json:
            print(json.dumps({**st.followup.model_dump(exclude={"id"}), "line": st.line, "overdue": st.overdue,
                              "earliest_export": st.earliest_export, "remind_on": st.remind_on,
                              "rule_status": st.rule.status}, ensure_ascii=False, indent=2))
        else:
            print(st.line)
            if st.rule.status != "verified":
                print(f"  deadlines: {st.rule.label} [to verify]")
    except KeyError as exc:
        _err(str(exc.args[0]))
        return EXIT_USAGE
    except ValueError as exc:
        _err(str(exc))
        return EXIT_USAGE
    finally:
        store.close()
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    from app.cli.common import data_dir
    from app.storage.store import Store
    from app.transfer import sync

    target = args.to or database_url(None)
    if not target:
        _err("art5 sync needs --to postgresql://USER@HOST/DB (or ART5_DATABASE_URL)")
        return EXIT_USAGE
    from app.storage import dialect_pg

    try:
        dialect_pg.check_url(target, from_command_line=bool(args.to))
    except dialect_pg.UrlError as exc:
        _err(str(exc))
        return EXIT_USAGE
    laptop = Store.open(data_dir(args))
    team = Store.open_url(target)
    try:
        report = sync.sync(laptop, team)
    finally:
        team.close()
        laptop.close()
    for line in report.lines():
        print(line)
    return EXIT_FAIL if report.failed else EXIT_OK


def cmd_team_trust(args: argparse.Namespace) -> int:
    """The team's trusted signers: the compliance officer adds and removes; everyone lists."""
    from app.signing import trust
    from app.storage import team_signers
    from app.storage.errors import StorageError

    url = _need_url(args)
    if not url:
        return EXIT_USAGE
    from app.storage.store import Store

    if args.action != "list" and not args.fingerprint:
        _err(f"team trust {args.action} needs the certificate's SHA-256 fingerprint")
        return EXIT_USAGE
    try:
        fp = trust.normalise(args.fingerprint) if args.action != "list" else ""
    except trust.TrustError as exc:
        _err(str(exc))
        return EXIT_USAGE
    store = Store.open_url(url)
    try:
        if args.action == "add":
            row, added = team_signers.add(store, fp, args.name or "")
            print(f"{'added' if added else 'already trusted'}: {row.name} {row.fingerprint}; "
                  "every laptop gets it with its next art5 sync")
        elif args.action == "remove":
            if not team_signers.remove(store, fp):
                _err(f"{fp} is not a trusted signer of the team register")
                return EXIT_FAIL
            print(f"removed {fp} from the team register (laptops that already copied it keep it until they "
                  "'art5 trust remove' it)")
        else:
            for row in team_signers.listed(store):
                print(f"{row.fingerprint}  {row.name}  (added {row.added_at[:10]} by {row.added_by})")
    except (ValueError, StorageError) as exc:  # no name given; not the officer
        _err(str(exc))
        return EXIT_USAGE
    finally:
        store.close()
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    t = sub.add_parser("team", help="the shared team register on PostgreSQL")
    ts = t.add_subparsers(dest="tcommand", metavar="TCOMMAND", required=True)
    ti = ts.add_parser("init", help="create the schema, the roles and the first compliance officer "
                                    "(run as the database's owner)")
    ti.add_argument("--officer", required=True, metavar="NAME", help="PostgreSQL user of the compliance officer")
    ti.set_defaults(func=cmd_team_init)
    ta = ts.add_parser("add-user", help="add a person: assessor, officer or auditor")
    ta.add_argument("name", metavar="NAME")
    ta.add_argument("--role", required=True, choices=("assessor", "officer", "auditor"))
    ta.set_defaults(func=cmd_team_add_user)
    tu = ts.add_parser("upgrade", help="bring the schema and the roles' rules up to this program's version")
    tu.set_defaults(func=cmd_team_upgrade)
    tw = ts.add_parser("whoami", help="the user and role the program connects as")
    tw.set_defaults(func=cmd_team_whoami)
    tt = ts.add_parser("trust", help="the team's trusted signers (officer: add, remove; everyone: list); "
                                     "art5 sync copies them to each laptop")
    tt.add_argument("action", choices=("list", "add", "remove"))
    tt.add_argument("fingerprint", nargs="?", metavar="SHA256", help="the certificate's SHA-256 fingerprint")
    tt.add_argument("--name", help="whose certificate it is (needed with add)")
    tt.set_defaults(func=cmd_team_trust)

    rv = sub.add_parser("review", help="review submitted work (officer): approved, has_issues, rejected")
    rv.add_argument("--id", type=int, required=True)
    rv.add_argument("--decision", choices=("approved", "has_issues", "rejected"))
    rv.add_argument("--comment", help="what is wrong (needed unless approved); never edited afterwards")
    rv.set_defaults(func=cmd_review)

    fu = sub.add_parser("followup", help="after the notification: sent, the authority's reply, hold, shipped")
    fu.add_argument("action", choices=("list", "show", "sent", "reply", "hold", "shipped"))
    fu.add_argument("--id", type=int)
    fu.add_argument("--date", metavar="YYYY-MM-DD", help="when it happened (default: today)")
    fu.add_argument("--channel", choices=("portal", "email", "post", "fax", "in_person", "other"))
    fu.add_argument("--ref", metavar="REFERENCE", help="the authority's reference")
    fu.add_argument("--authority", help="the authority's name (default: from the reference data)")
    fu.add_argument("--decision", choices=("licence_required", "licence_not_required", "no_decision"))
    fu.add_argument("--attach", metavar="FILE", help="the authority's reply, kept as an attachment")
    fu.add_argument("--off", action="store_true", help="with hold: lift the hold (needs --note unless "
                                                       "the authority said no licence is needed)")
    fu.add_argument("--note")
    fu.add_argument("--json", action="store_true")
    fu.set_defaults(func=cmd_followup)

    sy = sub.add_parser("sync", help="push finished and signed assessments to the team register, "
                                     "pull the product library")
    sy.add_argument("--to", metavar="URL", help="the team register (default: ART5_DATABASE_URL)")
    sy.set_defaults(func=cmd_sync)
