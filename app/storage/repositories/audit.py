"""The audit trail: every change to the register is an event appended to one hash chain
(``app.storage.audit`` computes and checks the hashes)."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from app.storage import dialect
from app.storage.audit import FIELDS, GENESIS, ChainReport, event_hash, verify
from app.storage.models import AuditEvent
from app.storage.repositories.base import Host, dumps, iso


class AuditLog:
    def __init__(self, host: Host):
        self._host = host

    def append(self, s: Session, kind: str, assessment_id: int | None, question_id: str | None = None,
               old: Any = None, new: Any = None, reason: str | None = None, at: str | None = None,
               origin: str = "", raw_old: str | None = None, raw_new: str | None = None,
               actor: str | None = None) -> AuditEvent:
        """Append an event to the hash chain, in the caller's (write-locked) transaction."""
        prev = s.exec(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()  # type: ignore[union-attr]
        ev = AuditEvent(
            assessment_id=assessment_id, at=at or iso(self._host.clock),
            actor=self._host.actor if actor is None else actor, kind=kind, question_id=question_id,
            old_json=raw_old if raw_old is not None else (None if old is None else dumps(old)),
            new_json=raw_new if raw_new is not None else (None if new is None else dumps(new)),
            reason=reason, origin=origin, prev_hash=prev or GENESIS,
        )
        s.add(ev)
        s.flush()  # assigns the id, which the hash covers
        ev.hash = event_hash(ev.prev_hash, ev)
        s.add(ev)
        s.flush()
        return ev

    def log(self, kind: str, assessment_id: int | None, question_id: str | None = None,
            old: Any = None, new: Any = None, reason: str | None = None) -> None:
        """Record an event written by another part of the program (e.g. a screening review
        decision), committed at once."""
        self._host.write(lambda s: self.append(s, kind, assessment_id, question_id, old, new, reason))

    def events(self, assessment_id: int | None = None) -> list[AuditEvent]:
        with self._host.session() as s:
            q = select(AuditEvent).order_by(AuditEvent.id)  # type: ignore[arg-type]
            if assessment_id is not None:
                q = q.where(AuditEvent.assessment_id == assessment_id)
            return list(s.exec(q).all())

    def verify(self) -> ChainReport:
        cols = (*FIELDS, "prev_hash", "hash")
        rows = dialect.for_engine(self._host.engine).query(self._host.engine, f"SELECT {', '.join(cols)} FROM audit_event ORDER BY id")
        return verify(dict(zip(cols, r)) for r in rows)
