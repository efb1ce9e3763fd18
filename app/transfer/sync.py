"""``art5 sync``: a laptop's finished and signed assessments go to the team register as immutable
submissions; the team's product library and trusted signers come back.

Each assessment travels as a transfer bundle (app.transfer.bundle: collect_bundle and
write_bundle on the laptop, check_bundle on the way in), so the signed report and the audit chain
go with it and are verified before anything is added. The team register keeps the bundle itself
in the ``submission`` row (never changed), the assessment with its answers and audit events
(appended to the team's chain, marked with their origin) and the reports as attachments in the
database.

The same assessment (same uid) that differs between the laptop and the team register (changed on
two machines) is a **conflict**: it is recorded and shown, never merged and never overwritten.
"""

from __future__ import annotations

import hashlib
import json
import socket
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from sqlmodel import col, select

if TYPE_CHECKING:  # the registers are passed in; imported for the checker only
    from app.storage.models import Assessment
    from app.storage.store import Store

SYNCED_STATUSES = ("finished", "signed", "amended")
# a laptop's copy that only moved on from what it pushed (same answers): not a conflict
LATER_STATES = {("finished", "signed"), ("finished", "amended"), ("signed", "amended")}
FROM_TEAM = "from the team register"


def content_sha(a: Any, answers: dict[str, Any]) -> str:
    """What makes two copies of one assessment the same: its state and its answers."""
    body = {"uid": a.uid, "status": a.status, "outcome": a.outcome, "finished_at": a.finished_at,
            "signed_at": a.signed_at, "questionnaire": [a.questionnaire_id, a.questionnaire_version],
            "answers": answers}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


@dataclass
class Conflict:
    uid: str
    laptop_reference: str
    team_reference: str
    why: str

    def line(self) -> str:
        return (f"CONFLICT {self.laptop_reference} (team register: {self.team_reference}): {self.why}; "
                "nothing was merged or overwritten. Compare both versions and amend the right one")


@dataclass
class SyncReport:
    pushed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    updates: list[str] = field(default_factory=list)
    products_pulled: list[str] = field(default_factory=list)
    product_conflicts: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    signers_pulled: list[str] = field(default_factory=list)
    signer_conflicts: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"pushed {len(self.pushed)} assessment(s) to the team register"
               + (f": {', '.join(self.pushed)}" if 0 < len(self.pushed) <= 10 else ""),
               f"already there, unchanged: {len(self.unchanged)}"]
        out += self.updates
        out += [c.line() for c in self.conflicts]
        out += [f"REFUSED {r}" for r in self.refused]
        if self.products_pulled:
            out.append(f"product library: {len(self.products_pulled)} profile(s) updated from the team register: "
                       + ", ".join(self.products_pulled))
        out += [f"CONFLICT product profile {p}: changed here and on the team register; kept both "
                "(the laptop's version stays; the team's is not pulled)" for p in self.product_conflicts]
        if self.signers_pulled:
            out.append(f"trusted signers: {len(self.signers_pulled)} added from the team register: "
                       + ", ".join(self.signers_pulled))
        out += self.signer_conflicts
        return out

    @property
    def failed(self) -> bool:
        """Something the user must look at: a conflicting assessment or trusted signer."""
        return bool(self.conflicts or self.signer_conflicts)


def _source(laptop: Store) -> str:
    return f"{laptop.actor}@{socket.gethostname()}"


def push_one(laptop: Store, team: Store, assessment_id: int, workdir: Path, report: SyncReport) -> None:
    from app.storage.models import Assessment
    from app.storage.models_team import Submission
    from app.storage.repositories.base import iso
    from app.transfer.bundle import BundleError, check_bundle, collect_bundle, write_bundle

    a = laptop.get(assessment_id)
    sha = content_sha(a, laptop.answers(assessment_id))
    with team.session() as s:
        there = s.exec(select(Assessment).where(Assessment.uid == a.uid)).first()
        known = s.exec(select(Submission).where(Submission.uid == a.uid, Submission.content_sha256 == sha)).first()
    if there is not None:
        assert there.id is not None  # a stored row
        team_answers = team.answers(there.id)
        team_sha = content_sha(there, team_answers)
        if team_sha == sha:
            report.unchanged.append(a.reference)
            return
        with team.session() as s:
            ours = s.exec(select(Submission).where(Submission.uid == a.uid, Submission.content_sha256 == team_sha,
                                                   Submission.status == "accepted")).first()
        later = (there.status, a.status) in LATER_STATES
        if ours is not None and later and team_answers == laptop.answers(assessment_id):
            # the same answers, only a later state here (signed or amended after the push): kept as
            # a submission for the officer and shown; the team's record is not changed by a laptop
            kind, line = "update", (f"UPDATE {there.reference}: {a.status} on the laptop after it was pushed "
                                    f"as {there.status}; kept as a submission (with its report) for the officer, "
                                    "the team's record is unchanged")
            if known is None:
                report.updates.append(line)
        else:
            kind = "conflict"
            report.conflicts.append(Conflict(a.uid, a.reference, there.reference,
                                             f"changed on two machines: the laptop's copy is {a.status} "
                                             f"({a.outcome}), the team's is {there.status} ({there.outcome}), "
                                             "and their answers or state differ"))
        if known is None:  # the other version is kept as evidence, never applied
            path = write_bundle(collect_bundle(laptop, assessment_id), workdir / f"{a.uid}.zip")
            data = path.read_bytes()
            team.write(lambda s: s.add(Submission(
                uid=a.uid, assessment_id=there.id, reference=a.reference, content_sha256=sha, status=kind,
                source=_source(laptop), submitted_at=iso(team.clock), submitted_by=team.actor, bundle=data)))
        elif kind == "update":
            report.unchanged.append(a.reference)
        return
    path = write_bundle(collect_bundle(laptop, assessment_id), workdir / f"{a.uid}.zip")
    try:
        checked = check_bundle(path)
    except BundleError as exc:
        report.refused.append(f"{a.reference}: {exc}")
        return
    row = dict(checked.row)
    row["created_by"] = team.actor  # the submitter; the laptop's author stays in the audit events
    data = path.read_bytes()

    def submission(s: Any, new: Assessment) -> None:
        # committed with the record: the team register refuses an assessor's imported record
        # that has no submission (the checked bundle) beside it
        s.add(Submission(uid=a.uid, assessment_id=new.id, reference=new.reference, content_sha256=sha,
                         status="accepted", source=_source(laptop), submitted_at=iso(team.clock),
                         submitted_by=team.actor, bundle=data))

    new = team.import_record(row, checked.answers, checked.events, a.reference, f"sync from {_source(laptop)}",
                             with_it=submission)
    assert new.id is not None  # a stored row
    for name in sorted(n for n in checked.files if n.startswith("reports/")):
        meta_name = PurePosixPath(name).name
        tmp = workdir / meta_name
        tmp.write_bytes(checked.files[name])
        team.attachments.add(new.id, tmp, "report", "signed report, pushed by art5 sync")
        tmp.unlink()
    att_meta = {m.get("file"): m for m in checked.manifest.get("attachments") or [] if isinstance(m, dict)}
    for name in sorted(n for n in checked.files if n.startswith("attachments/")):
        meta = att_meta.get(name, {})
        team.attachments.add_imported(new.id, checked.files[name],
                                      str(meta.get("filename") or PurePosixPath(name).name),
                                      str(meta.get("kind") or "other"),
                                      hashlib.sha256(checked.files[name]).hexdigest(), str(meta.get("note") or ""))
    report.pushed.append(a.reference)


def pull_products(laptop: Store, team: Store, report: SyncReport) -> None:
    for p in team.products.list():
        assert p.id is not None  # stored rows
        _, version, answers = team.products.answers(p.id)
        mine = next((x for x in laptop.products.list() if x.name == p.name), None)
        if mine is not None:
            assert mine.id is not None
            _, _, here = laptop.products.answers(mine.id)
            if here == answers:
                continue
            last = laptop.products.versions(mine.id)[-1]
            if not last.note.startswith(FROM_TEAM):
                report.product_conflicts.append(p.name)
                continue
        laptop.products.save(p.name, answers, note=f"{FROM_TEAM} (version {version})")
        report.products_pulled.append(p.name)


def pull_signers(laptop: Store, team: Store, report: SyncReport) -> None:
    """The team's trusted signers into the laptop's list (``trusted-signers.json``). A signer the
    laptop already trusts under another certificate (same name, other fingerprint) is a conflict:
    shown, and neither certificate is added or removed."""
    from app.signing import trust
    from app.storage import team_signers

    if laptop.path is None:  # sync() is given a laptop's register (a file)
        report.refused.append("trusted signers not pulled: the laptop's register is not a file")
        return
    data_dir = laptop.path.parent
    try:
        mine = trust.load(data_dir)
    except trust.TrustError as exc:
        report.refused.append(f"trusted signers not pulled: {exc}")
        return
    for signer in team_signers.listed(team):
        try:
            fp = trust.normalise(signer.fingerprint)
        except trust.TrustError as exc:
            report.refused.append(f"trusted signer {signer.name!r} of the team register: {exc}")
            continue
        if any(e.fingerprint == fp for e in mine):
            continue
        key = signer.name.casefold()
        other = next((e for e in mine if e.name and e.name.casefold() == key), None)
        if other is not None:
            report.signer_conflicts.append(
                f"CONFLICT trusted signer {signer.name}: the team register trusts the certificate {fp}, this laptop "
                f"trusts {other.fingerprint} under the same name; nothing was changed. Ask the compliance officer "
                "which one is right, then 'art5 trust remove' the wrong one here and sync again")
            continue
        added, _ = trust.add(data_dir, fp, signer.name)
        mine.append(added)
        report.signers_pulled.append(f"{signer.name} ({fp[:11]}…)")


def sync(laptop: Store, team: Store, limit: int | None = None) -> SyncReport:
    """Push every finished or signed assessment of ``laptop`` (a SQLite register) to ``team``
    and pull the team's product library and trusted signers."""
    from app.storage.models import Assessment

    report = SyncReport()
    with laptop.session() as s:
        ids = [i for i in s.exec(select(Assessment.id).where(col(Assessment.status).in_(SYNCED_STATUSES))
                                 .order_by(col(Assessment.id))).all() if i is not None]  # primary keys
    with tempfile.TemporaryDirectory(prefix="art5-sync-") as tmp:
        for aid in ids[:limit]:
            push_one(laptop, team, aid, Path(tmp), report)
    pull_products(laptop, team, report)
    pull_signers(laptop, team, report)
    return report
