"""``art5 identity ...`` and ``art5 verify``: the signing identity and signature checks."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _err(msg: str) -> None:
    print(f"art5: {msg}", file=sys.stderr)


def _data_dir(args: argparse.Namespace) -> Path:
    from .paths import default_data_dir

    return Path(args.data_dir).expanduser() if getattr(args, "data_dir", None) else default_data_dir()


def passphrase_from_env(var: str) -> str:
    """The passphrase held in environment variable ``var``; ValueError naming the variable."""
    value = os.environ.get(var)
    if value is None:
        raise ValueError(f"--passphrase-env {var}: the environment variable {var} is not set")
    if not value:
        raise ValueError(f"--passphrase-env {var}: the environment variable {var} is empty")
    return value


def signer_fields(data_dir: Path) -> dict[str, str] | None:
    """What the report's "How to verify" page says about the stored identity (None: no identity)."""
    from . import signing

    info = signing.show_identity(data_dir)
    if info is None:
        return None
    return {"name": info.common_name, "organisation": info.organisation, "email": info.email,
            "fingerprint": info.fingerprint, "issuer": info.issuer, "self_signed": "1" if info.self_signed else "",
            "valid_until": info.not_after.date().isoformat()}


def cmd_identity_create(args: argparse.Namespace) -> int:
    from . import signing

    try:
        pw = passphrase_from_env(args.passphrase_env)
        info = signing.create_identity(_data_dir(args), args.name, args.organisation, args.email, args.country, pw,
                                       overwrite=args.replace)
    except (ValueError, signing.SigningError) as exc:
        _err(str(exc))
        return EXIT_USAGE
    print("identity created")
    print("\n".join(info.lines()))
    print("Give this SHA-256 fingerprint to whoever checks your reports (by a channel other than the reports).")
    return EXIT_OK


def cmd_identity_import(args: argparse.Namespace) -> int:
    from . import signing

    try:
        pw = passphrase_from_env(args.passphrase_env)
        info = signing.import_identity(_data_dir(args), Path(args.file), pw)
    except (ValueError, signing.SigningError) as exc:
        _err(str(exc))
        return EXIT_USAGE
    print("identity imported")
    print("\n".join(info.lines()))
    return EXIT_OK


def cmd_identity_show(args: argparse.Namespace) -> int:
    from . import signing

    try:
        info = signing.show_identity(_data_dir(args))
    except signing.SigningError as exc:
        _err(str(exc))
        return EXIT_USAGE
    if info is None:
        _err(f"no signing identity in {_data_dir(args)}; create one with 'art5 identity create'")
        return EXIT_FAIL
    print("\n".join(info.lines()))
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    """Exit 0 intact and trusted, 3 intact but not trusted, 1 altered or unsigned, 2 unreadable."""
    from . import signing
    from .textsafety import escape

    try:
        res = signing.verify_pdf(Path(args.file), trust=Path(args.trust) if args.trust else None,
                                 data_dir=_data_dir(args))
    except signing.VerifyError as exc:
        _err(escape(str(exc)))
        return EXIT_USAGE
    print("\n".join(res.lines()))
    return res.exit_code


def cmd_trust_list(args: argparse.Namespace) -> int:
    from . import trust
    from .textsafety import escape

    try:
        entries = trust.load(_data_dir(args))
    except trust.TrustError as exc:
        _err(str(exc))
        return EXIT_USAGE
    if not entries:
        print("no trusted signers (reports signed by the local identity are trusted all the same)")
    for e in entries:
        print(f"{e.fingerprint}  {e.added_at}  {escape(e.name)}")
    return EXIT_OK


def cmd_trust_add(args: argparse.Namespace) -> int:
    from . import trust
    from .textsafety import escape

    try:
        entry, added = trust.add(_data_dir(args), args.fingerprint, args.name or "")
    except trust.TrustError as exc:
        _err(str(exc))
        return EXIT_USAGE
    print(("trusted signer added: " if added else "already trusted: ") + entry.fingerprint
          + (f"  {escape(entry.name)}" if entry.name else ""))
    return EXIT_OK


def cmd_trust_remove(args: argparse.Namespace) -> int:
    from . import trust

    try:
        removed = trust.remove(_data_dir(args), args.fingerprint)
    except trust.TrustError as exc:
        _err(str(exc))
        return EXIT_USAGE
    if not removed:
        _err(f"{trust.normalise(args.fingerprint)} is not in the list of trusted signers; nothing was changed")
        return EXIT_FAIL
    print(f"no longer trusted: {trust.normalise(args.fingerprint)}")
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    i = subparsers.add_parser("identity", help="the assessor's signing identity (key and certificate)")
    isub = i.add_subparsers(dest="icommand", metavar="ICOMMAND", required=True)
    c = isub.add_parser("create", help="make a key pair and a self-signed certificate")
    c.add_argument("--name", required=True, help="the assessor's name")
    c.add_argument("--organisation", required=True, help="the company")
    c.add_argument("--email", required=True)
    c.add_argument("--country", required=True, metavar="CC", help="two-letter country code, e.g. DE")
    c.add_argument("--passphrase-env", required=True, metavar="VAR",
                   help="environment variable holding the passphrase that encrypts the key")
    c.add_argument("--replace", action="store_true", help="replace an existing identity")
    c.set_defaults(func=cmd_identity_create)
    im = isub.add_parser("import", help="take an identity from a PKCS#12 file (CA, eID)")
    im.add_argument("file", metavar="FILE.p12")
    im.add_argument("--passphrase-env", required=True, metavar="VAR",
                    help="environment variable holding the PKCS#12 passphrase (it also encrypts the stored copy)")
    im.set_defaults(func=cmd_identity_import)
    s = isub.add_parser("show", help="print subject, validity and SHA-256 fingerprint")
    s.set_defaults(func=cmd_identity_show)

    v = subparsers.add_parser("verify", help="check every signature of a report (exit 0 intact and trusted, "
                                             "3 intact but not trusted, 1 altered or unsigned, 2 unreadable)")
    v.add_argument("file", metavar="FILE.pdf")
    v.add_argument("--trust", metavar="CERT", help="the signer's certificate (PEM or DER) to trust, besides the "
                                                   "local identity and the register's trusted signers")
    v.set_defaults(func=cmd_verify)

    t = subparsers.add_parser("trust", help="the register's trusted signers (certificates whose reports are "
                                            "accepted as trusted)")
    tsub = t.add_subparsers(dest="tcommand", metavar="TCOMMAND", required=True)
    tl = tsub.add_parser("list", help="list the trusted signers' SHA-256 fingerprints")
    tl.set_defaults(func=cmd_trust_list)
    ta = tsub.add_parser("add", help="trust a signing certificate by its SHA-256 fingerprint")
    ta.add_argument("fingerprint", metavar="SHA256")
    ta.add_argument("--name", help="who the certificate belongs to (for the list)")
    ta.set_defaults(func=cmd_trust_add)
    tr = tsub.add_parser("remove", help="stop trusting a signing certificate")
    tr.add_argument("fingerprint", metavar="SHA256")
    tr.set_defaults(func=cmd_trust_remove)


def assess_outputs(args: argparse.Namespace, out_dir: Path, *, questionnaire, answers, result, profile, meta,
                   locale: str) -> tuple[Path, list[Path]]:
    """``art5 assess`` outputs: report.pdf (signed with ``--sign``) and, for NOTIFY and
    NOTIFY_NATIONAL or with ``--notification``, notification.pdf/.docx/.txt.

    The passphrase and the identity are checked before anything is written; a signed report
    is built in memory and replaces report.pdf atomically, so no unsigned report.pdf is left
    where a signed one was asked for. Raises ReportError, SigningError, NotificationError or
    ValueError (passphrase variable) with a message for the user.
    """
    from . import notification, signing
    from .report import render_report

    data_dir = _data_dir(args)
    passphrase = None
    signer = None
    if getattr(args, "sign", False):
        if not args.passphrase_env:
            raise ValueError("--sign needs --passphrase-env VAR (the variable holding the key's passphrase)")
        passphrase = passphrase_from_env(args.passphrase_env)
        signer = signer_fields(data_dir)
        if signer is None:
            raise signing.SigningError(f"no signing identity in {data_dir}; create one with 'art5 identity create'")
        blocked = signing.signing_blocked(result)
        if blocked:
            raise signing.SigningError(f"the report is not signed: {blocked}")
        signing.unlock(data_dir, passphrase)  # wrong passphrase: stop before writing anything
    target = out_dir / "report.pdf"
    if passphrase:
        report = signing.render_signed_report(target, data_dir, passphrase, signer=signer,
                                              questionnaire=questionnaire, answers=answers, result=result,
                                              profile=profile, meta=meta, locale=locale)
    else:
        report = render_report(target, questionnaire=questionnaire, answers=answers, result=result,
                               profile=profile, meta=meta, locale=locale)
    extras: list[Path] = []
    if result.outcome in notification.NOTIFY_OUTCOMES or getattr(args, "notification", False):
        draft = notification.notification_draft(questionnaire=questionnaire, answers=answers, result=result,
                                                profile=profile, meta=meta, locale=locale)
        extras += notification.write_outputs(draft, out_dir, "notification", data_dir=data_dir,
                                             passphrase=passphrase, locale=locale)
    if getattr(args, "enduser_statement", False):
        draft = notification.enduser_draft(questionnaire=questionnaire, answers=answers, result=result,
                                           profile=profile, meta=meta, locale=locale)
        extras += notification.write_outputs(draft, out_dir, "enduser_statement", formats=("pdf", "docx"),
                                             locale=locale)
    return report, extras


def add_assess_options(a: argparse.ArgumentParser) -> None:
    a.add_argument("--sign", action="store_true", help="sign report.pdf (and the notification) with the "
                                                       "signing identity")
    a.add_argument("--passphrase-env", metavar="VAR", help="environment variable holding the identity's passphrase")
    a.add_argument("--notification", action="store_true", help="write the draft notification whatever the outcome "
                                                               "(it is written for NOTIFY and NOTIFY_NATIONAL)")
    a.add_argument("--enduser-statement", action="store_true",
                   help="also write the draft end-user statement (enduser_statement.pdf/.docx)")
