"""``art5 profile show|set``: the exporter profile every document names (report, notification,
end-user statement), kept in the register."""

from __future__ import annotations

import argparse
import json
import re
import sys

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2

# option -> (stored field, label shown)
OPTIONS = (
    ("name", "name", "Company name"),
    ("address", "address", "Address"),
    ("eori", "eori", "EORI number"),
    ("member_state", "member_state", "Member State"),
    ("contact", "contact_name", "Contact person"),
    ("phone", "phone", "Phone"),
    ("email", "contact_email", "E-mail"),
    ("compliance_officer", "compliance_officer", "Compliance officer"),
)
_EORI_RE = re.compile(r"^[A-Z]{2}[A-Za-z0-9]{1,15}$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_RE = re.compile(r"^\+?[0-9 ()./-]{5,30}$")


def _err(msg: str) -> None:
    print(f"art5: {msg}", file=sys.stderr)


def _check(field: str, value: str) -> str | None:
    """Why ``value`` is not a valid ``field``, or None."""
    if not value:
        return None  # an empty value clears the field
    if field == "member_state":
        from app.documents.notification import eu_member_states

        if value not in eu_member_states():
            return f"--member-state {value!r}: give the two-letter code of an EU Member State (e.g. DE, FR, IE)"
    if field == "eori" and not _EORI_RE.match(value):
        return f"--eori {value!r}: an EORI number is the country code and up to 15 letters or digits (DE1234567890)"
    if field == "contact_email" and not _EMAIL_RE.match(value):
        return f"--email {value!r}: not an e-mail address"
    if field == "phone" and not _PHONE_RE.match(value):
        return f"--phone {value!r}: digits, spaces and + ( ) - . / only (e.g. +49 30 1234567)"
    if len(value) > 2000 or any(ord(c) < 32 and c not in "\n\t" for c in value):
        return f"--{field.replace('_', '-')}: too long or holds control characters"
    return None


def cmd_profile_show(args: argparse.Namespace) -> int:
    from app.cli.records import _store

    store = _store(args)
    try:
        p = store.profile()
    finally:
        store.close()
    values = {field: getattr(p, field, "") or "" for _, field, _ in OPTIONS}
    if args.json:
        print(json.dumps(dict(values, updated_at=p.updated_at or ""), ensure_ascii=False, indent=2))
        return EXIT_OK
    width = max(len(label) for _, _, label in OPTIONS)
    for _, field, label in OPTIONS:
        value = values[field]
        lines = value.split("\n") if value else ["(not given)"]
        print(f"{label:<{width}}  {lines[0]}")
        for more in lines[1:]:
            print(f"{'':<{width}}  {more}")
    missing = [label for _, field, label in OPTIONS if not values[field]]
    if missing:
        print(f"\nNot given: {', '.join(missing)}. Documents show a place to complete for each; "
              "set them with 'art5 profile set'.")
    return EXIT_OK


def cmd_profile_set(args: argparse.Namespace) -> int:
    fields: dict[str, str] = {}
    for option, field, _ in OPTIONS:
        value = getattr(args, option)
        if value is None:
            continue
        value = value.replace("\\n", "\n").strip()
        if field in ("member_state", "eori"):
            value = value.upper() if field == "member_state" else value[:2].upper() + value[2:]
        problem = _check(field, value)
        if problem:
            _err(f"{problem}. Nothing was changed.")
            return EXIT_USAGE
        fields[field] = value
    if not fields:
        _err("nothing to set: give at least one of " + ", ".join(f"--{o.replace('_', '-')}" for o, _, _ in OPTIONS))
        return EXIT_USAGE
    from app.cli.records import _store

    store = _store(args)
    try:
        store.save_profile(**fields)
    finally:
        store.close()
    print("Exporter profile saved: " + ", ".join(label for _, f, label in OPTIONS if f in fields) + ".")
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("profile", help="the exporter profile (company, address, EORI, contacts) documents use")
    psub = p.add_subparsers(dest="pcommand", metavar="PCOMMAND", required=True)
    show = psub.add_parser("show", help="print the exporter profile")
    show.add_argument("--json", action="store_true", help="print it as JSON")
    show.set_defaults(func=cmd_profile_show)
    s = psub.add_parser("set", help="change fields of the exporter profile (an empty value clears a field)",
                        description="Change the exporter profile. Only the fields given change; an empty value "
                                    "clears a field. In --address, \\n starts a new line.")
    for option, _, label in OPTIONS:
        s.add_argument(f"--{option.replace('_', '-')}", dest=option, metavar="TEXT", help=label)
    s.set_defaults(func=cmd_profile_set)
