"""``art5 screening``: import sanctions lists, show them, check a name.

    art5 screening import FILE        EU list (XML or CSV) or UN list (XML); format detected
    art5 screening lists [--json]     imported lists: date, SHA-256, counts
    art5 screening check NAME [--country CC] [--birth-date YYYY-MM-DD] [--threshold T] [--json]

Exit codes: 0 success (also for a check with or without hits), 2 for a file that cannot be
imported (the list imported before stays in use) or bad arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import EXIT_FAIL, EXIT_OK, EXIT_USAGE, data_dir as _data_dir, err as _err  # noqa: F401

if TYPE_CHECKING:  # for the checker only: the commands import what they use when they run
    from app.assessment.answers_file import AnswersFile
    from app.screening.service import Screening


def _open(args: argparse.Namespace) -> Screening:
    from app.screening.service import Screening

    return Screening(_data_dir(args))


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number between 0 and 1") from None
    if not 0.0 < value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return value


def rescreen_register(scr: Screening, data_dir: Path) -> list[str]:
    """Screen the saved parties of the register again; lines describing what changed."""
    from app.storage import DB_FILENAME

    if not (data_dir / DB_FILENAME).exists():
        return []
    from app.storage.store import Store

    store = Store.open(data_dir)
    try:
        from app.questionnaire.roles import question_of

        changes = scr.rescreen_saved(store, parties_question=question_of("parties"))
    finally:
        store.close()
    return [line for c in changes for line in c.lines()]


def cmd_import(args: argparse.Namespace) -> int:
    from app.screening.db import ScreeningDBError
    from app.screening.parsers import FORMAT_LABELS, ListFormatError

    try:
        scr = _open(args)
    except ScreeningDBError as exc:
        _err(str(exc))
        return EXIT_USAGE
    try:
        try:
            info = scr.import_list(args.file)
        except ListFormatError as exc:
            _err(f"{exc}")
            active = scr.active_lists()
            if active:
                _err("the list imported before is still in use: " + ", ".join(
                    f"{i.label} of {i.generation_date}" for i in active))
            return EXIT_USAGE
        print(f"imported {FORMAT_LABELS[info.format]} of {info.generation_date}: {info.entity_count} entities, "
              f"{info.alias_count} names; SHA-256 {info.sha256}")
        if getattr(info, "cleaned_names", 0):
            _err(f"warning: {args.file}: {info.cleaned_names} name(s) had invisible or control characters "
                 "(bidi controls, zero-width or filler characters); they were removed")
        changes = rescreen_register(scr, _data_dir(args))
        if changes:
            print("saved parties screened again; changes:")
            for line in changes:
                print(f"  {line}")
        else:
            print("saved parties screened again: no change")
    finally:
        scr.close()
    return EXIT_OK


def cmd_lists(args: argparse.Namespace) -> int:
    from app.base.settings import Settings

    scr = _open(args)
    try:
        lists = scr.lists()
    finally:
        scr.close()
    stale = Settings.load(_data_dir(args)).list_stale_days
    if args.json:
        print(json.dumps([{**i.to_dict(), "age_days": i.age_days(), "stale": i.age_days() > stale} for i in lists],
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    if not lists:
        print("no sanctions list imported yet: download the EU consolidated list (XML or CSV) and run "
              "'art5 screening import FILE'")
        return EXIT_OK
    for i in lists:
        state = "in use" if i.active else f"replaced {i.replaced_at or ''}".strip()
        age = i.age_days()
        warn = f"  WARNING: {age} days old (more than {stale})" if i.active and age > stale else ""
        print(f"{i.label}: list of {i.generation_date} ({i.format}), {i.entity_count} entities, {i.alias_count} names, "
              f"{state}{warn}\n    file {i.file_name}, imported {i.imported_at}"
              f"{' by ' + i.imported_by if i.imported_by else ''}\n    SHA-256 {i.sha256}")
    return EXIT_OK


MAX_NAMES_BYTES = 1 << 20


def read_names(source: str) -> list[str]:
    """Names, one per line, from a file or standard input (``-``), so that a customer's name
    need never stand on a command line (visible to every user in the process list). Invisible
    and control characters are removed (and the user told). ValueError with the file named."""
    from app.base.textsafety import clean

    label = "standard input" if source == "-" else source
    try:
        if source == "-":
            raw = sys.stdin.buffer.read(MAX_NAMES_BYTES + 1) if hasattr(sys.stdin, "buffer") else \
                sys.stdin.read(MAX_NAMES_BYTES + 1).encode("utf-8")
        else:
            with open(source, "rb") as fh:
                raw = fh.read(MAX_NAMES_BYTES + 1)
    except OSError as exc:
        raise ValueError(f"{label}: cannot read the names: {exc.strerror or exc}") from None
    if len(raw) > MAX_NAMES_BYTES:
        raise ValueError(f"{label}: more than 1 MB of names; split the file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{label}: not UTF-8 text (byte {exc.start})") from None
    names = []
    for n, line in enumerate(text.splitlines(), 1):
        c = clean(line)
        if c.removed:
            _err(f"warning: {label}, line {n}: {c.message('the name')}")
        if c.text.strip():
            names.append(c.text.strip())
    if not names:
        raise ValueError(f"{label}: no name in it (one name per line)")
    return names


def cmd_check(args: argparse.Namespace) -> int:
    if (args.name is None) == (args.names_from is None):
        _err("give the name to check, or --names-from FILE (one per line; '-' reads standard input) so that "
             "it does not show in the process list")
        return EXIT_USAGE
    try:
        names = [args.name] if args.names_from is None else read_names(args.names_from)
    except ValueError as exc:
        _err(str(exc))
        return EXIT_USAGE
    scr = _open(args)
    try:
        if not scr.active_lists():
            _err("no sanctions list imported: run 'art5 screening import FILE' first")
            return EXIT_USAGE
        results = [(name, scr.check(name, args.country, args.birth_date, args.threshold)) for name in names]
        threshold = scr.threshold if args.threshold is None else args.threshold
    finally:
        scr.close()
    if args.json:
        if args.names_from is None:
            print(json.dumps([h.to_dict() for h in results[0][1]], ensure_ascii=False, indent=2))
        else:
            print(json.dumps([{"name": n, "hits": [h.to_dict() for h in hits]} for n, hits in results],
                             ensure_ascii=False, indent=2))
        return EXIT_OK
    for name, hits in results:
        if not hits:
            print(f"no hit at or above {threshold:.2f} for {name!r}")
            continue
        if len(results) > 1:
            print(f"{name!r}:")
        for h in hits:
            print(f"{h.score:.2f}  {h.entity_name}  [{h.eu_reference or h.entity_key}, {h.programme}, "
                  f"{h.subject_type}, list of {h.list_date}]\n      {h.explain()}")
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from app.screening import DEFAULT_THRESHOLD

    s = subparsers.add_parser("screening", help="sanctions-list screening: import lists, check names")
    ssub = s.add_subparsers(dest="scommand", metavar="SCOMMAND", required=True)
    i = ssub.add_parser("import", help="import the EU consolidated list (XML or CSV) or the UN list (XML)")
    i.add_argument("file", metavar="FILE")
    i.set_defaults(func=cmd_import)
    ls = ssub.add_parser("lists", help="show the imported lists")
    ls.add_argument("--json", action="store_true", help="print the lists as JSON")
    ls.set_defaults(func=cmd_lists)
    c = ssub.add_parser("check", help="check a name against the imported lists")
    c.add_argument("name", metavar="NAME", nargs="?",
                   help="the name to check (or use --names-from, which keeps it out of the process list)")
    c.add_argument("--names-from", metavar="FILE", help="read the names to check from FILE, one per line; "
                                                        "'-' reads standard input")
    c.add_argument("--country", metavar="CC", type=str.upper, help="ISO code of the party's country")
    c.add_argument("--birth-date", metavar="YYYY-MM-DD", help="date (or year) of birth of a person")
    c.add_argument("--threshold", type=_threshold, default=None,
                   help=f"report hits at or above this score, 0 to 1 (default {DEFAULT_THRESHOLD})")
    c.add_argument("--json", action="store_true", help="print the hits as JSON")
    c.set_defaults(func=cmd_check)


def screen_for_assess(args: argparse.Namespace, af: AnswersFile) -> dict[str, Any] | None:
    """The screening summary of an answers file's parties (``parties:`` and the answers to the
    questionnaire's parties question) for ``art5 assess``; ``None`` when it names no party.
    Decisions recorded for a party "for good" apply; without an imported list the summary says the parties were not
    checked (and the result carries a warning)."""
    from app.screening.db import ScreeningDBError
    from app.screening.service import parties_from, unscreened

    extra = af.extra.get("parties") or []
    if not isinstance(extra, list):
        _err(f"{args.answers}: 'parties' must be a list of entries with name, role and country; ignored")
        extra = []
    parties = parties_from(af.answers, extra, question=af.questionnaire.roles.question_id("parties"))
    if not parties:
        return None
    try:
        scr = _open(args)
    except ScreeningDBError as exc:
        _err(f"warning: parties not screened ({exc})")
        return unscreened(parties)
    try:
        return scr.screen_parties(parties)
    finally:
        scr.close()
