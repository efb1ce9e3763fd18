"""``art5 identity ...`` and ``art5 verify``: the signing identity and signature checks."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import EXIT_FAIL, EXIT_OK, EXIT_USAGE, data_dir as _data_dir, err as _err  # noqa: F401

if TYPE_CHECKING:  # for the checker only
    from app.assessment.workflow import ReportInputs


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
    from app.signing.sign import signer_fields as fields

    return fields(data_dir)


def cmd_identity_create(args: argparse.Namespace) -> int:
    from app.signing import sign as signing

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
    from app.signing import sign as signing

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
    from app.signing import sign as signing

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
    from app.signing import sign as signing
    from app.base.textsafety import escape

    try:
        res = signing.verify_pdf(Path(args.file), trust=Path(args.trust) if args.trust else None,
                                 data_dir=_data_dir(args))
    except signing.VerifyError as exc:
        _err(escape(str(exc)))
        return EXIT_USAGE
    print("\n".join(res.lines()))
    return res.exit_code


def cmd_trust_list(args: argparse.Namespace) -> int:
    from app.signing import trust
    from app.base.textsafety import escape

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
    from app.signing import trust
    from app.base.textsafety import escape

    try:
        entry, added = trust.add(_data_dir(args), args.fingerprint, args.name or "")
    except trust.TrustError as exc:
        _err(str(exc))
        return EXIT_USAGE
    print(("trusted signer added: " if added else "already trusted: ") + entry.fingerprint
          + (f"  {escape(entry.name)}" if entry.name else ""))
    return EXIT_OK


def cmd_trust_remove(args: argparse.Namespace) -> int:
    from app.signing import trust

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


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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


def assess_outputs(args: argparse.Namespace, out_dir: Path, inputs: ReportInputs, *,
                   locale: str) -> tuple[Path, list[Path]]:
    """``art5 assess`` outputs: report.pdf (signed with ``--sign``) and, for NOTIFY and
    NOTIFY_NATIONAL or with ``--notification``, notification.pdf/.docx/.txt.

    The passphrase and the identity are checked before anything is written; a signed report
    is built in memory and replaces report.pdf atomically, so no unsigned report.pdf is left
    where a signed one was asked for. Raises ReportError, SigningError, NotificationError or
    ValueError (passphrase variable) with a message for the user.
    """
    from app.documents import notification
    from app.signing import sign as signing
    from app.signing.report import refuse_unsignable, write_report

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
        refuse_unsignable(inputs)
        from app.pdf.fonts import texts_of, unrenderable_warning

        glyphs = unrenderable_warning(texts_of(inputs.answers, inputs.profile, inputs.meta))
        if glyphs and not getattr(args, "accept_missing_glyphs", False):
            raise signing.SigningError(f"not signed: {glyphs} To sign anyway, add --accept-missing-glyphs.")
        if glyphs:
            print(f"warning: {glyphs}", file=sys.stderr)
        signing.unlock(data_dir, passphrase)  # wrong passphrase: stop before writing anything
    # The drafts are made first: one with a place left to complete stops the run before any file
    # is written, unless --accept-placeholders says the user accepts every one of them.
    # The notification is written in the authority's language (app.documents.language), not in
    # the language the program speaks; English while that language has no template, with a note.
    from app.documents import language

    drafts: list[tuple[Any, str, tuple[str, ...], str | None]] = []
    ms = inputs.member_state
    if notification.needs_notification(inputs.result) or getattr(args, "notification", False):
        draft, choice, _english = language.drafts("notification", ms, **inputs.draft())
        if choice.fallback:
            print(f"note: {choice.reason}", file=sys.stderr)
        drafts.append((draft, "notification", ("pdf", "docx", "txt"), passphrase))
    if getattr(args, "enduser_statement", False):
        # in the same language as the notification (issue 15: the authority's), not the program's
        eus_draft, _choice, _english = language.drafts("enduser_statement", ms, **inputs.draft())
        drafts.append((eus_draft, "enduser_statement", ("pdf", "docx"), None))
    hint = ("Complete the exporter profile ('art5 profile set ...') and the answers, or add "
            "--accept-placeholders to write the draft with these places marked (complete them before sending it).")
    asked = getattr(args, "notification", False) or getattr(args, "enduser_statement", False)
    for draft, stem, formats, pw in list(drafts):
        left = notification.placeholders(draft.text)
        if not left:
            continue
        if getattr(args, "accept_placeholders", False):
            print(f"warning: {notification.placeholder_message(draft, left)}", file=sys.stderr)
        elif asked:  # a document asked for by name: stop before anything is written
            raise notification.NotificationError(
                f"nothing written: {notification.placeholder_message(draft, left)}. {hint}")
        else:  # the notification a NOTIFY outcome adds by itself: the report is still written (and signed)
            print(f"art5: {stem}.pdf/.docx/.txt not written: {notification.placeholder_message(draft, left)}. {hint}",
                  file=sys.stderr)
            drafts.remove((draft, stem, formats, pw))
    report = write_report(inputs, out_dir / "report.pdf", locale=locale, data_dir=data_dir, passphrase=passphrase,
                          signer=signer)
    extras: list[Path] = []
    for draft, stem, formats, pw in drafts:
        extras += notification.write_outputs(draft, out_dir, stem, sign=signing.pdf_signer(data_dir, pw),
                                             formats=formats, locale=locale)
    return report, extras


def add_assess_options(a: argparse.ArgumentParser) -> None:
    a.add_argument("--sign", action="store_true", help="sign report.pdf (and the notification) with the "
                                                       "signing identity")
    a.add_argument("--passphrase-env", metavar="VAR", help="environment variable holding the identity's passphrase")
    a.add_argument("--accept-placeholders", action="store_true",
                   help="write (and sign) the notification and end-user statement even though places are left "
                        "to complete (e.g. [to complete], [exporter name]); without it the run stops and names them")
    a.add_argument("--accept-missing-glyphs", action="store_true",
                   help="sign even though some characters cannot be shown in the PDF (no font for them)")
    a.add_argument("--notification", action="store_true", help="write the draft notification whatever the outcome "
                                                               "(it is written for NOTIFY and NOTIFY_NATIONAL)")
    a.add_argument("--enduser-statement", action="store_true",
                   help="also write the draft end-user statement (enduser_statement.pdf/.docx)")
