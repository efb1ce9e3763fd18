"""Operations on the register above single rows: starting from a product profile, duplicating,
moving a draft to a newer questionnaire version, and what a report says about the record
(audit summary, attachments)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from app.questionnaire import model as qmod
from app.assessment.flow import AnswerError, normalise
from app.storage.register import PRODUCT_PREFIX

if TYPE_CHECKING:  # the register is passed in; imported for the checker only
    from app.storage.models import Assessment, ProductProfile
    from app.storage.store import Store

# the roles of the answers that belong to one deal, not to the starting point a duplicate is
# (the actual export date above all: kept, it would date the copy's retention from the old export)
DEAL_SPECIFIC_ROLES = ("contract_date", "shipment_date", "actual_export_date", "quantity", "value")


def start_from_profile(store: Store, qn: qmod.Questionnaire, profile_id: int, version: int | None = None,
                       title: str = "", origin: str = "profile", extra: dict[str, Any] | None = None) -> Assessment:
    """A new draft with the profile's item answers (and ``extra`` answers) filled in."""
    profile, v, item = store.products.answers(profile_id, version)
    answers = {k: v_ for k, v_ in item.items() if qn.has_question(k)}
    answers.update(extra or {})
    store.declare_roles(qn.id, qn.version, qn.roles)
    a = store.create_assessment(qn.id, qn.version, qn.sha256, title or profile.name, origin=origin, answers=answers)
    assert a.id is not None  # a stored row
    assert profile.id is not None
    store.products.link(a.id, profile.id, v)
    return store.get(a.id)


def profile_from_assessment(store: Store, assessment_id: int, name: str, note: str = "") -> tuple[ProductProfile, int]:
    """Save the item answers of an assessment as a product profile (a new version if it exists)."""
    return store.products.save(name, store.answers(assessment_id), note)


def duplicate(store: Store, assessment_id: int, questionnaires_dir: str | Path | None = None) -> Assessment:
    """A new draft with the answers of ``assessment_id`` except the deal-specific ones (dates,
    including the actual export date, quantity, value), on the same questionnaire version (move it with :func:`migrate_draft`)."""
    src = store.get(assessment_id)
    qn = qmod.find(src.questionnaire_id, src.questionnaire_version, questionnaires_dir)
    deal = {qn.roles.question_id(role) for role in DEAL_SPECIFIC_ROLES}
    answers = {k: v for k, v in store.answers(assessment_id).items() if k not in deal}
    store.declare_roles(qn.id, qn.version, qn.roles)
    a = store.create_assessment(qn.id, qn.version, qn.sha256, src.title, origin="duplicate", answers=answers)
    assert a.id is not None  # a stored row
    if src.product_profile_id:
        store.products.link(a.id, src.product_profile_id, src.product_profile_version or 1)
    return store.get(a.id)


@dataclass
class VersionChange:
    """What moving a draft from one questionnaire version to another changes."""
    from_version: str
    to_version: str
    dropped: dict[str, str] = field(default_factory=dict)     # question id -> why the answer goes
    changed_questions: list[str] = field(default_factory=list)  # wording, choices or help differ
    new_questions: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"questionnaire {self.from_version} -> {self.to_version}"]
        out += [f"answer dropped: {q} ({why})" for q, why in sorted(self.dropped.items())]
        out += [f"question changed, check your answer: {q}" for q in self.changed_questions]
        out += [f"new question: {q}" for q in self.new_questions]
        out.append(f"answers kept: {len(self.kept)}")
        return out


def _question_signature(q: qmod.Question) -> Any:
    return (q.type, tuple(q.choice_values()) if q.choices else (), repr(q.label), repr(getattr(q, "help", None)))


def preview_migration(store: Store, assessment_id: int, target: qmod.Questionnaire | None = None,
                      questionnaires_dir: str | Path | None = None) -> VersionChange:
    a = store.get(assessment_id)
    old = qmod.find(a.questionnaire_id, a.questionnaire_version, questionnaires_dir)
    new = target or qmod.latest(a.questionnaire_id, questionnaires_dir)
    change = VersionChange(old.version, new.version)
    for qid, value in store.answers(assessment_id).items():
        if not new.has_question(qid):
            change.dropped[qid] = "the question is no longer asked"
            continue
        try:
            normalise(new.question(qid), value)
        except AnswerError as exc:
            change.dropped[qid] = f"the answer is no longer accepted: {exc.message}"
            continue
        change.kept.append(qid)
        if old.has_question(qid) and _question_signature(old.question(qid)) != _question_signature(new.question(qid)):
            change.changed_questions.append(qid)
    old_ids = {q.id for q in old.questions}
    change.new_questions = [q.id for q in new.questions if q.id not in old_ids]
    return change


def migrate_draft(store: Store, assessment_id: int, questionnaires_dir: str | Path | None = None, target: qmod.Questionnaire | None = None,
                  apply: bool = False) -> VersionChange:
    """Show (and with ``apply``, make) the move of a draft to the newest questionnaire version.

    A draft stays on the version it was started on until this explicit step. Answers the new
    version does not accept are removed (each removal is an audit event)."""
    a = store.get(assessment_id)
    if a.status != "draft":
        raise ValueError(f"assessment {a.reference} is {a.status}: only drafts move to a new questionnaire "
                         "version (amend a finished one)")
    new = target or qmod.latest(a.questionnaire_id, questionnaires_dir)
    change = preview_migration(store, assessment_id, new, questionnaires_dir)
    if apply and change.from_version != change.to_version:
        store.declare_roles(new.id, new.version, new.roles)
        store.move_to_questionnaire(assessment_id, new.version, new.sha256, list(change.dropped),
                                    {"from": change.from_version, "to": change.to_version,
                                     "dropped": sorted(change.dropped), "changed": change.changed_questions})
    return change


def events_digest(hashes: Iterable[str]) -> str:
    """SHA-256 over an assessment's event hashes in order (one per line)."""
    import hashlib

    return hashlib.sha256("\n".join(hashes).encode("ascii")).hexdigest()


def audit_summary(store: Store, assessment_id: int) -> dict[str, Any]:
    """For the report: how many events of which kind, first and last, and the chain state."""
    events = store.audit.events(assessment_id)
    kinds: dict[str, int] = {}
    for e in events:
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    chain = store.audit.verify()
    return {
        "count": len(events),
        "kinds": dict(sorted(kinds.items())),
        "first": events[0].at if events else "",
        "last": events[-1].at if events else "",
        "last_hash": events[-1].hash if events else "",
        "last_id": events[-1].id if events else None,
        # anchors this assessment's events in a signed report: a deleted, inserted or recomputed
        # event changes it (app.transfer.bundle and 'art5 audit verify' compare it)
        "events_sha256": events_digest(e.hash for e in events),
        "chain_intact": chain.intact,
        "chain_head": chain.head,
        "chain_message": chain.message(),
        "actors": sorted({e.actor for e in events if e.actor}),
    }


def report_extras(store: Store, assessment_id: int) -> dict[str, Any]:
    """Optional report context: ``audit`` (summary) and ``attachments`` (name, kind, SHA-256)."""
    return {
        "audit": audit_summary(store, assessment_id),
        "attachments": [{"filename": a.filename, "kind": a.kind, "sha256": a.sha256, "size": a.size,
                         "added_at": a.added_at, "note": a.note} for a in store.attachments.list(assessment_id)],
    }


def product_part(answers: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in answers.items() if k.startswith(PRODUCT_PREFIX)}
