"""The audit chain checked against the anchors in signed reports (issue 14).

A hash chain alone proves nothing against someone who can write the register: they recompute
every hash after their edit. Each signed report embeds, in its signed ``assessment.json``, the
register's chain head at signing time and its assessment's anchor (event count, last event
hash, SHA-256 over its event hashes). ``check`` reads every signed, intact report in
``reports/`` (those from imported bundles included); ``check_team`` the reports kept in the
team register's database (signed there or pushed by ``art5 sync``); both compare, oldest signature first:

* the chain head the report names must still be an event of the register's chain;
* the assessment's first ``count`` events must still have exactly the anchored hashes.

Reports of imported assessments were anchored in the register they came from; their events were
re-chained here on import. Each imported event keeps its original id, assessment, origin, actor
and ``prev_hash`` (in ``origin``), so its original hash is recomputed from the content stored
here and compared with the anchor of the imported signed report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the register is passed in; imported for the checker only
    from app.storage.store import Store


@dataclass
class AnchorReport:
    checked: int = 0
    skipped: list[str] = field(default_factory=list)
    mismatch: Path | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.mismatch is None

    def message(self) -> str:
        if self.mismatch is not None:
            return f"audit trail does NOT match the signed report {self.mismatch.name}: {self.problem}"
        return f"audit trail matches the anchors in {self.checked} signed report(s)"


def _owner(stem: str, references: dict[str, tuple[int, str]]) -> str | None:
    """The reference a report file belongs to (``<reference>`` or ``<reference>-...``)."""
    best = None
    for ref in references:
        if (stem == ref or stem.startswith(ref + "-")) and (best is None or len(ref) > len(best)):
            best = ref
    return best


def check(store: Store, data_dir: Path) -> AnchorReport:
    """A laptop's register: the signed reports in ``data_dir/reports``, each belonging to the
    assessment its file is named after."""
    folder = Path(data_dir) / "reports"
    if not folder.is_dir():
        return AnchorReport()
    return _check(store, [(pdf, None) for pdf in sorted(folder.glob("*.pdf"))], data_dir)


def check_team(store: Store) -> AnchorReport:
    """The team register: its signed reports are attachments (kind ``report``) kept in the
    database with the assessment they belong to (signed there, or pushed by ``art5 sync``).
    A report whose stored bytes no longer match their SHA-256 is a mismatch too."""
    import tempfile

    from sqlmodel import col, select

    from app.storage.errors import StorageError
    from app.storage.models import Attachment

    with store.session() as s:
        atts = list(s.exec(select(Attachment).where(Attachment.kind == "report").order_by(col(Attachment.id))).all())
    with tempfile.TemporaryDirectory(prefix="art5-anchors-") as tmp:
        reports: list[tuple[Path, int | None]] = []
        for att in atts:
            pdf = Path(tmp) / f"{att.id}-{Path(att.filename).name or 'report.pdf'}"
            try:
                pdf.write_bytes(store.attachments.read_bytes(att))
            except StorageError as exc:
                return AnchorReport(mismatch=Path(att.filename), problem=f"the stored report was changed ({exc})")
            reports.append((pdf, att.assessment_id))
        out = _check(store, reports, None)
        if out.mismatch is not None:  # named as the team knows it, not by the temporary copy
            out.mismatch = Path(out.mismatch.name.split("-", 1)[1])
        return out


def _check(store: Store, reports: list[tuple[Path, int | None]], data_dir: Path | None) -> AnchorReport:
    """``reports``: each PDF with the id of its assessment (None: the one its name gives)."""
    from app.signing import sign as signing
    from app.assessment.records import events_digest
    from app.storage.audit import FIELDS, event_hash

    out = AnchorReport()

    cols = (*FIELDS, "prev_hash", "hash")
    with store.engine.connect() as con:
        rows = [dict(zip(cols, r)) for r in
                con.exec_driver_sql(f"SELECT {', '.join(cols)} FROM audit_event ORDER BY id").all()]
        events = [(r["id"], r["assessment_id"], r["hash"]) for r in rows]
        refs = {r[0]: (r[1], r[2] or "") for r in
                con.exec_driver_sql("SELECT reference, id, origin FROM assessment").all()}
    heads = {h for _, _, h in events}
    by_assessment: dict[int, list[str]] = {}
    for _, aid, h in events:
        by_assessment.setdefault(aid, []).append(h)
    original: dict[int, list[str]] = {}  # imported assessments: their events' hashes where they came from
    for r in rows:
        origin = str(r["origin"] or "")
        if not origin.startswith("import:{"):
            continue
        try:
            import json

            o = json.loads(origin[len("import:"):])
            ev = {**r, "id": o["id"], "assessment_id": o["assessment_id"], "origin": o["origin"], "actor": o["actor"]}
            original.setdefault(r["assessment_id"], []).append(event_hash(str(o["prev_hash"] or ""), ev))
        except (ValueError, KeyError, TypeError):
            original.setdefault(r["assessment_id"], []).append("")
    by_id = {aid: ref for ref, (aid, _) in refs.items()}
    found = []
    for pdf, owner in reports:
        try:
            res = signing.verify_pdf(pdf, data_dir=data_dir)
        except signing.VerifyError:
            continue
        anchor = (res.embedded or {}).get("audit") if res.ok else None
        if not isinstance(anchor, dict):
            continue
        found.append((res.signing_time.isoformat() if res.signing_time else "", pdf, anchor, owner))
    for _, pdf, anchor, owner in sorted(found, key=lambda t: (t[0], t[1].name)):
        ref = _owner(pdf.stem, refs) if owner is None else by_id.get(owner)
        if ref is None:
            out.skipped.append(f"{pdf.name}: no assessment of that reference in the register")
            continue
        aid, origin = refs[ref]
        imported = origin == "import"
        if imported and aid not in original:
            out.skipped.append(f"{pdf.name}: imported before its events kept their original hashes")
            continue
        out.checked += 1
        head = str(anchor.get("chain_head") or "")
        if not imported and head and head != "0" * 64 and head not in heads:
            out.mismatch, out.problem = pdf, (f"the chain head it anchors ({head[:16]}) is no longer in the audit "
                                              "trail: events before it were changed and the hashes recomputed")
            return out
        mine = original.get(aid, []) if imported else by_assessment.get(aid, [])
        count = anchor.get("count")
        if not isinstance(count, int) or count > len(mine) or \
                (count and mine[count - 1] != anchor.get("last_hash")) or \
                events_digest(mine[:count]) != anchor.get("events_sha256"):
            out.mismatch, out.problem = pdf, (f"the events of {ref} up to signing no longer match the ones it anchors "
                                              "(an event was edited, deleted or inserted and the hashes recomputed)")
            return out
    return out
