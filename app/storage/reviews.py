"""Review of submitted work by the compliance officer: approved, has issues, rejected, each with a
comment that is never edited (a later review is added instead; the team register's database
refuses UPDATE and DELETE of a review). Audited like every change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from app.storage.errors import StorageError
from app.storage.models_team import REVIEW_DECISIONS, Review
from app.storage.repositories.base import iso

if TYPE_CHECKING:  # the register imports this module
    from app.storage.store import Store

LABELS = {"approved": "approved", "has_issues": "has issues", "rejected": "rejected"}


def add(store: Store, assessment_id: int, decision: str, comment: str) -> Review:
    decision = decision.replace(" ", "_").replace("-", "_")
    if decision not in REVIEW_DECISIONS:
        raise ValueError(f"unknown review decision {decision!r}: use approved, has_issues or rejected")
    comment = (comment or "").strip()
    if decision != "approved" and not comment:
        raise ValueError("a review that is not an approval needs a comment saying what is wrong")

    def work(s: Session) -> Review:
        a = store.assessment(s, assessment_id)
        if a.status == "draft":
            raise StorageError(store.path or "team register",
                               f"assessment {a.reference} is a draft: it is reviewed once it is finished (submitted)")
        now = iso(store.clock)
        assert a.id is not None  # a stored row
        r = Review(assessment_id=a.id, assessment_uid=a.uid, decision=decision, comment=comment,
                   reviewer=store.actor, at=now)
        s.add(r)
        s.flush()
        store.audit.append(s, "review", a.id, new={"decision": decision, "comment": comment}, at=now)
        return r

    return store.write(work)


def of(store: Store, assessment_id: int) -> list[Review]:
    with store.session() as s:
        return list(s.exec(select(Review).where(Review.assessment_id == assessment_id).order_by(col(Review.id))).all())


def latest(store: Store) -> dict[int, Review]:
    """The newest review of every reviewed assessment (for the register's review column)."""
    with store.session() as s:
        out: dict[int, Review] = {}
        for r in s.exec(select(Review).order_by(col(Review.id))).all():
            out[r.assessment_id] = r
        return out
