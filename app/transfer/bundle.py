"""Transfer bundles: one assessment as a zip file, to move it from one register to another.

Contents: ``manifest.json`` (SHA-256 and size of every other file), ``assessment.json``,
``answers.json``, ``result.json`` (when the questionnaire is available), ``audit.json`` (the
assessment's audit events with their chain hashes), ``reports/*.pdf`` and ``attachments/*``.

Import refuses, before it adds anything: unsafe member names (absolute paths, ``..``, links),
files missing from or not listed in the manifest, files whose SHA-256 differs, audit events whose
hash does not match their content or that do not link up (an event between two consecutive ids
deleted), a reference that is not ``^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$``, report files not named
``<reference>[-...].pdf``, reports whose signature is broken, and an assessment that is already
in the register. The manifest alone proves integrity against accidents, not against a forger who
recomputes it: a signed report inside the bundle is what proves origin, so (issue 14)

* every signed report that embeds the assessment's data must agree with the bundle: answers (the
  relevant ones), outcome, reference and questionnaire; an assessment marked signed needs one;
* the audit anchor in a signed report (event count, last event hash, digest of the event hashes)
  must match the bundle's audit trail up to that event;
* a report signed by a certificate the receiving register does not trust (not its identity, not
  in ``app.signing.trust``'s list) is imported only when the caller names its fingerprint
  (``art5 import FILE --trust-signer SHA256``); it is then added to the trusted signers.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import re
import stat
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, NoReturn

from app.storage.audit import event_hash
from app.base import atomic
from app.base.progress import Progress, update

if TYPE_CHECKING:  # the register is passed in; imported for the checker only
    from app.signing.sign import VerifyResult
    from app.storage.models import Assessment
    from app.storage.store import Store

FORMAT = "art5-transfer-bundle"
FORMAT_VERSION = 1
MAX_TOTAL = 512 * 1024 * 1024  # refuse bundles that unpack to more than this
ALLOWED_TOP = {"assessment.json", "answers.json", "result.json", "audit.json", "manifest.json"}
ALLOWED_DIRS = {"reports", "attachments"}
REFERENCE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
EVENT_FIELDS = ("id", "assessment_id", "at", "actor", "kind", "question_id", "old_json", "new_json", "reason",
                "origin", "prev_hash", "hash")


class BundleError(Exception):
    def __init__(self, path: Path | str, message: str, untrusted_fingerprint: str = "",
                 signer: str = ""):
        self.path = str(path)
        self.message = message
        self.untrusted_fingerprint = untrusted_fingerprint  # set when only trust is missing
        self.signer = signer
        super().__init__(f"{path}: {message}")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


def _safe(name: str) -> str:
    from app.storage.store import safe_name as _safe_name

    return _safe_name(name)


def valid_reference(reference: Any) -> bool:
    return isinstance(reference, str) and bool(REFERENCE_RE.match(reference))


def report_name_ok(name: str, reference: str) -> bool:
    """``<reference>.pdf`` or ``<reference>-<anything safe>.pdf``."""
    return bool(re.fullmatch(re.escape(reference) + r"(-[A-Za-z0-9._-]+)?\.pdf", name))


def verify_signature(path: Path, data_dir: Path | None = None) -> VerifyResult | None:
    """``app.signing.sign.verify_pdf`` when the signing module is installed, else ``None``."""
    try:
        from app.signing import sign as signing
    except ImportError:
        return None
    return signing.verify_pdf(path, data_dir=data_dir)


def report_files(data_dir: Path, reference: str) -> list[Path]:
    folder = Path(data_dir) / "reports"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() == ".pdf"
                  and (p.stem == reference or p.stem.startswith(reference + "-") or p.stem.startswith(reference + "."))
                  and not (p.stem[len(reference):].startswith("-v")))


@dataclass
class BundleContent:
    """What an export writes: the register's part (read on the caller's thread) and the files on disk."""

    reference: str
    header: dict[str, Any]
    data: dict[str, bytes] = field(default_factory=dict)
    disk: dict[str, Path] = field(default_factory=dict)


# A bundle carries the reports of the data folder's reports/ and is checked against the folder's
# trusted signers. The team register (PostgreSQL) has no data folder: its assessments arrive by
# `art5 sync` as checked submissions that keep their signed reports in the database.
EXPORT_NEEDS_FOLDER = ("a transfer bundle is written from a laptop's register (it takes the reports from the data "
                       "folder); on the team register the pushed bundle of each assessment is kept with its "
                       "submission. Nothing was written")
IMPORT_NEEDS_FOLDER = ("assessments reach the team register with `art5 sync --to URL` from the laptop that holds "
                       "them (as checked, immutable submissions); nothing was imported")


def data_folder(store: Store, path: Path | str, refusal: str) -> Path:
    """The data folder of ``store``'s register; BundleError(path, refusal) on a register without
    one (the team register)."""
    if store.path is None:
        raise BundleError(path, refusal)
    return store.path.parent


def collect_bundle(store: Store, assessment_id: int, questionnaires_dir: Path | str | None = None) -> BundleContent:
    """Read one assessment from the register (quick; on the thread that owns ``store``)."""
    a = store.get(assessment_id)
    data_dir = data_folder(store, a.reference, EXPORT_NEEDS_FOLDER)
    row = {k: getattr(a, k) for k in type(a).model_fields if k not in ("id", "parent_id", "superseded_by",
                                                                 "product_profile_id")}
    answers = store.answers(assessment_id)
    content = BundleContent(reference=a.reference, header={})
    content.data["assessment.json"] = _json(row)
    content.data["answers.json"] = _json(answers)
    try:
        from app.assessment import engine
        from app.questionnaire import model as questionnaire

        qn = questionnaire.find(a.questionnaire_id, a.questionnaire_version, questionnaires_dir)
        content.data["result.json"] = _json(engine.decide(qn, answers).to_dict())
    except Exception:  # noqa: BLE001 - a questionnaire not installed here: the bundle still carries the answers
        pass
    content.data["audit.json"] = _json([{k: getattr(e, k) for k in EVENT_FIELDS}
                                        for e in store.audit.events(assessment_id)])
    for rep in report_files(data_dir, a.reference):
        content.disk[f"reports/{_safe(rep.name)}"] = rep
    atts = []
    for att in store.attachments.list(assessment_id):
        name = f"attachments/{att.sha256[:16]}-{_safe(att.filename)}"
        content.disk[name] = store.attachments.path(att)
        atts.append({"file": name, "filename": att.filename, "kind": att.kind, "sha256": att.sha256,
                     "note": att.note})
    from app import __version__

    content.header = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "program": __version__,
        "created_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "assessment": {"uid": a.uid, "reference": a.reference, "status": a.status, "outcome": a.outcome},
        "attachments": atts,
    }
    return content


def write_bundle(content: BundleContent, dest: Path, progress: Progress | None = None) -> Path:
    """Write the zip (reads the reports and attachments). Atomic: ``dest`` gets the complete
    bundle or keeps what it held; cancelling (``progress.cancel()``) stops between files."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    names = sorted(set(content.data) | set(content.disk))
    listed: dict[str, dict[str, Any]] = {}
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as z:
                for i, n in enumerate(names):
                    update(progress, i, len(names) + 1, n)
                    b = content.data[n] if n in content.data else content.disk[n].read_bytes()
                    listed[n] = {"sha256": _sha(b), "size": len(b)}
                    z.writestr(n, b)
                update(progress, len(names), len(names) + 1, "manifest.json")
                z.writestr("manifest.json", _json({**content.header, "files": listed}))
        os.chmod(tmp, 0o600)
        update(progress)  # the last moment to cancel: nothing has replaced dest yet
        os.replace(tmp, dest)
    except BaseException:
        atomic.discard(tmp)
        raise
    return dest


def export_bundle(store: Store, assessment_id: int, dest: Path, questionnaires_dir: Path | str | None = None,
                  progress: Progress | None = None) -> Path:
    return write_bundle(collect_bundle(store, assessment_id, questionnaires_dir), dest, progress)


def _check_name(path: Path, info: zipfile.ZipInfo) -> str:
    name = info.filename
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise BundleError(path, f"refused: {name!r} is a link")
    if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":") or "\x00" in name:
        raise BundleError(path, f"refused: unsafe file name {name!r} in the bundle")
    parts = PurePosixPath(name).parts
    if not parts or any(p in ("..", ".", "") for p in parts) or info.is_dir():
        raise BundleError(path, f"refused: unsafe file name {name!r} in the bundle (it points outside it)")
    if len(parts) == 1 and name in ALLOWED_TOP:
        return name
    if len(parts) == 2 and parts[0] in ALLOWED_DIRS and parts[1] == _safe(parts[1]):
        return name
    raise BundleError(path, f"refused: unexpected file {name!r} in the bundle")


def read_bundle(path: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Open and verify a bundle; returns (manifest, files). Raises BundleError."""
    path = Path(path)
    try:
        z = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise BundleError(path, f"not a readable transfer bundle ({exc})") from None
    with z:
        infos = z.infolist()
        seen: set[str] = set()
        total = 0
        for info in infos:
            name = _check_name(path, info)
            if name in seen:
                raise BundleError(path, f"refused: {name!r} appears twice in the bundle")
            seen.add(name)
            total += info.file_size
            if total > MAX_TOTAL:
                raise BundleError(path, "refused: the bundle unpacks to more than 512 MB")
        if "manifest.json" not in seen:
            raise BundleError(path, "refused: the bundle has no manifest.json")
        try:
            files = {i.filename: z.read(i) for i in infos}
        except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
            raise BundleError(path, f"refused: the bundle is damaged ({exc})") from None
    try:
        manifest = json.loads(files.pop("manifest.json"))
    except (ValueError, RecursionError) as exc:
        raise BundleError(path, f"refused: manifest.json is not valid JSON ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError(path, "refused: this is not an Art5 Assessor transfer bundle")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BundleError(path, f"refused: bundle format version {manifest.get('format_version')} is not "
                                f"supported (this program reads {FORMAT_VERSION})")
    listed = manifest.get("files") or {}
    if not isinstance(listed, dict):
        raise BundleError(path, "refused: the manifest has no file list")
    for name in sorted(set(files) - set(listed)):
        raise BundleError(path, f"refused: {name} is not listed in the manifest (the bundle was changed)")
    for name in sorted(set(listed) - set(files)):
        raise BundleError(path, f"refused: {name} is listed in the manifest but missing (the bundle was changed)")
    for name, entry in sorted(listed.items()):
        if not isinstance(entry, dict) or _sha(files[name]) != entry.get("sha256"):
            raise BundleError(path, f"refused: {name} does not match its SHA-256 in the manifest "
                                    "(the bundle was changed or damaged)")
    for required in ("assessment.json", "answers.json", "audit.json"):
        if required not in files:
            raise BundleError(path, f"refused: the bundle has no {required}")
    return manifest, files


def _load(path: Path, files: dict[str, bytes], name: str, kind: type) -> Any:
    try:
        value = json.loads(files[name])
    except (ValueError, RecursionError) as exc:
        raise BundleError(path, f"refused: {name} is not valid JSON ({exc})") from None
    if not isinstance(value, kind):
        raise BundleError(path, f"refused: {name} has the wrong shape")
    return value


@dataclass
class CheckedBundle:
    """A bundle that passed every check that needs no register (check_bundle)."""

    path: Path
    manifest: dict[str, Any]
    files: dict[str, bytes]
    row: dict[str, Any]
    answers: dict[str, Any]
    events: list[Any]
    trust_signer: str = ""  # the fingerprint the user accepted (added to the trusted signers on import)
    signer_names: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _check_links(path: Path, events: list[Any]) -> None:
    """Each event matches its hash; ids ascend; an event whose id follows the one before it
    names that event's hash as ``prev_hash`` (a gap in the ids is another assessment's events
    in the exporting register, which the signed report's anchor covers)."""
    prev_id, prev_hash = None, None
    for ev in events:
        if not isinstance(ev, dict) or ev.get("hash") != event_hash(str(ev.get("prev_hash") or ""), ev):
            eid = ev.get("id") if isinstance(ev, dict) else "?"
            raise BundleError(path, f"refused: audit event {eid} in the bundle does not match its hash "
                                    "(the audit trail was edited)")
        eid = ev.get("id")
        if not isinstance(eid, int) or isinstance(eid, bool) or (prev_id is not None and eid <= prev_id):
            raise BundleError(path, f"refused: audit event ids in the bundle are not in ascending order "
                                    f"(event {eid!r}); the audit trail was edited")
        if prev_id is not None and eid == prev_id + 1 and ev.get("prev_hash") != prev_hash:
            raise BundleError(path, f"refused: audit event {eid} in the bundle does not link up with event {prev_id} "
                                    "before it (an event was deleted, inserted or recomputed)")
        prev_id, prev_hash = eid, ev.get("hash")


def _check_anchor(path: Path, name: str, anchor: Any, events: list[dict[str, Any]]) -> None:
    from app.assessment.records import events_digest

    if not isinstance(anchor, dict) or not anchor.get("last_hash"):
        return
    hashes = [str(e.get("hash")) for e in events]
    try:
        upto = hashes.index(str(anchor.get("last_hash"))) + 1
    except ValueError:
        raise BundleError(path, f"refused: the audit trail does not match the one anchored in the signed report "
                                f"{name}: the last event it names ({str(anchor.get('last_hash'))[:16]}) is missing; "
                                "an event was deleted, inserted or recomputed") from None
    if upto != anchor.get("count") or events_digest(hashes[:upto]) != anchor.get("events_sha256"):
        raise BundleError(path, f"refused: the audit trail up to signing does not match the one anchored in the "
                                f"signed report {name} ({upto} event(s) in the bundle, {anchor.get('count')} signed); "
                                "an event was deleted, inserted or recomputed")


def _check_embedded(path: Path, name: str, embedded: dict[str, Any], row: dict[str, Any],
                    answers: dict[str, Any]) -> None:
    """The bundle's data must be what the signed report says."""
    def refuse(what: str) -> NoReturn:
        raise BundleError(path, f"refused: {what} in the bundle differ(s) from the data embedded in the signed "
                                f"report {name}; the bundle was changed after signing")

    meta = embedded["meta"] if isinstance(embedded.get("meta"), dict) else {}
    if str(meta.get("reference") or "") != str(row.get("reference") or ""):
        refuse("the reference")
    result = embedded["result"] if isinstance(embedded.get("result"), dict) else {}
    if str(result.get("outcome") or "") != str(row.get("outcome") or ""):
        refuse("the outcome")
    qn_info = embedded["questionnaire"] if isinstance(embedded.get("questionnaire"), dict) else {}
    if (str(qn_info.get("id") or ""), str(qn_info.get("version") or "")) != \
            (str(row.get("questionnaire_id") or ""), str(row.get("questionnaire_version") or "")):
        refuse("the questionnaire")
    signed_answers = embedded["answers"] if isinstance(embedded.get("answers"), dict) else None
    if signed_answers is None:
        refuse("the answers")
    relevant = answers
    try:  # the answers that count (the wizard embeds only those; 'art5 assess' embeds all it was given)
        from app.questionnaire import model as questionnaire
        from app.assessment.flow import Flow

        qn = questionnaire.find(str(row.get("questionnaire_id")), str(row.get("questionnaire_version")))
        relevant = Flow(qn, dict(answers)).relevant_answers()
        signed_answers = Flow(qn, dict(signed_answers)).relevant_answers()
    except Exception:  # noqa: BLE001 - questionnaire not installed here: compare every answer
        pass
    if json.dumps(relevant, sort_keys=True, default=str) != json.dumps(signed_answers, sort_keys=True, default=str):
        refuse("the answers")


def check_bundle(path: Path, progress: Progress | None = None, data_dir: Path | None = None,
                 trust_signer: str | None = None) -> CheckedBundle:
    """Read and verify ``path`` completely (names, hashes, audit chain, report signatures,
    the data against the signed reports) without touching the register: the slow part of an
    import, safe in a worker thread. ``data_dir``: the receiving data folder (whose identity and
    trusted signers count as trusted); ``trust_signer``: a fingerprint the user accepts."""
    path = Path(path)
    update(progress, text=path.name)
    manifest, files = read_bundle(path)
    row = _load(path, files, "assessment.json", dict)
    answers = _load(path, files, "answers.json", dict)
    events = _load(path, files, "audit.json", list)
    _check_links(path, events)
    uid = str(row.get("uid") or "")
    if not uid or manifest.get("assessment", {}).get("uid") != uid:
        raise BundleError(path, "refused: the manifest and assessment.json name different assessments")
    reference = row.get("reference")
    if not valid_reference(reference):
        raise BundleError(path, f"refused: the reference {str(reference)[:80]!r} is not a valid reference (letters, "
                                "digits, '.', '_' and '-', at most 64, starting with a letter or digit)")
    accepted = ""
    if trust_signer:
        from app.signing import trust

        try:
            accepted = trust.normalise(trust_signer)
        except trust.TrustError as exc:
            raise BundleError(path, f"refused: --trust-signer: {exc}") from None
    signed = tied = 0
    untrusted: dict[str, str] = {}
    names: dict[str, str] = {}
    reports = sorted(n for n in files if n.startswith("reports/"))
    for name in reports:
        if not report_name_ok(PurePosixPath(name).name, reference):
            raise BundleError(path, f"refused: {name} is not named after the assessment's reference "
                                    f"({reference}.pdf or {reference}-....pdf)")
    with tempfile.TemporaryDirectory(prefix="art5-bundle-") as tmp:
        for i, name in enumerate(reports):
            update(progress, i, len(reports), name)
            f = Path(tmp) / PurePosixPath(name).name
            f.write_bytes(files[name])
            res = verify_signature(f, data_dir)
            if res is None:
                continue
            if getattr(res, "signed", False):
                if not res.ok or res.embedded_json_ok is False:
                    problems = "; ".join(getattr(res, "problems", []) or []) or "the signature does not verify"
                    raise BundleError(path, f"refused: the signature of {name} is broken ({problems})")
                signed += 1
                if not res.trusted and res.fingerprint != accepted:
                    untrusted[res.fingerprint] = name
                names[res.fingerprint] = res.signer
                if res.embedded is not None:
                    _check_embedded(path, name, res.embedded, row, answers)
                    _check_anchor(path, name, res.embedded.get("audit"), events)
                    tied += 1
    if untrusted:
        fp, name = next(iter(untrusted.items()))
        from app.base.textsafety import escape

        raise BundleError(path, f"refused: {name} is signed by a certificate this register does not trust "
                                f"(SHA-256 {fp}; it says it is {escape(names.get(fp, ''))!r}). Compare the "
                                "fingerprint with the one the signer gave you by another channel, then import "
                                f"with --trust-signer {fp.replace(':', '')}", untrusted_fingerprint=fp,
                          signer=names.get(fp, ""))
    if row.get("status") == "signed" and _signing_available():
        if not signed:
            raise BundleError(path, "refused: the assessment is marked signed but the bundle holds no signed report")
        if not tied:
            raise BundleError(path, "refused: the assessment is marked signed but no signed report in the bundle "
                                    "carries its data (assessment.json), so nothing ties the bundle to a signature")
    warnings: list[str] = []
    if row.get("status") != "signed":  # signed text stays as signed (it is escaped wherever it is shown)
        from app.base.textsafety import clean_value

        answers, removed = clean_value(answers, multiline=True)
        for key in ("title",):
            if isinstance(row.get(key), str):
                row[key], more = clean_value(row[key])
                removed += more
        if removed:
            warnings.append(f"{path}: removed invisible or control character(s) from the imported text: "
                            + ", ".join(dict.fromkeys(removed)))
    return CheckedBundle(path, manifest, files, row, answers, events, accepted if accepted in names else "",
                         names, warnings)


def add_bundle(store: Store, checked: CheckedBundle) -> Assessment:
    """Add a checked bundle's assessment to the register (on the thread that owns ``store``);
    returns the new Assessment row."""
    path, manifest, files, row = checked.path, checked.manifest, checked.files, checked.row
    data_dir = data_folder(store, path, IMPORT_NEEDS_FOLDER)
    existing = store.get_by_uid(str(row.get("uid")))
    if existing is not None:
        raise BundleError(path, f"refused: this assessment is already in the register as {existing.reference} "
                                f"(id {existing.id}); nothing was imported")
    a = store.import_record(row, checked.answers, checked.events, str(row.get("reference") or "imported"), str(path))
    assert a.id is not None  # a stored row
    att_meta = {m.get("file"): m for m in manifest.get("attachments") or [] if isinstance(m, dict)}
    for name in sorted(n for n in files if n.startswith("attachments/")):
        meta = att_meta.get(name, {})
        store.attachments.add_imported(a.id, files[name], str(meta.get("filename") or PurePosixPath(name).name),
                                      str(meta.get("kind") or "other"), _sha(files[name]), str(meta.get("note") or ""))
    reports = data_dir / "reports"
    old_ref = str(row.get("reference"))
    for name in sorted(n for n in files if n.startswith("reports/")):
        reports.mkdir(parents=True, exist_ok=True)
        base = PurePosixPath(name).name
        if not report_name_ok(base, old_ref) or not valid_reference(a.reference):  # check_bundle refused these
            raise BundleError(path, f"refused: {name} is not named after the assessment's reference")
        dest = reports / (a.reference + base[len(old_ref):])
        from app.base.paths import OutsideDataFolder, inside

        try:
            inside(reports, dest)
        except OutsideDataFolder as exc:
            raise BundleError(path, f"refused: {exc}") from None
        if dest.exists() and dest.read_bytes() != files[name]:
            dest = dest.with_name(f"{dest.stem}-imported{dest.suffix}")
        fd, tmpf = tempfile.mkstemp(dir=reports, prefix=".import-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(files[name])
        os.chmod(tmpf, 0o600)
        os.replace(tmpf, dest)
    if checked.trust_signer:
        from app.signing import trust

        trust.add(data_dir, checked.trust_signer, checked.signer_names.get(checked.trust_signer, ""))
    return store.get(a.id)


def import_bundle(store: Store, path: Path, trust_signer: str | None = None) -> Assessment:
    """Verify ``path`` completely, then add its assessment; returns the new Assessment row."""
    data_dir = data_folder(store, path, IMPORT_NEEDS_FOLDER)
    return add_bundle(store, check_bundle(path, data_dir=data_dir, trust_signer=trust_signer))


def _signing_available() -> bool:
    try:
        from app.signing import sign as signing
    except ImportError:
        return False
    return hasattr(signing, "verify_pdf")


__all__ = ["BundleError", "export_bundle", "import_bundle", "read_bundle"]
