"""Screening decisions kept in the team register (schema 0011), so that every member of the team
sees that a potential sanctions-list hit was cleared as a false positive (and why, and by whom)
or confirmed. A laptop keeps its decisions in its own ``screening.db`` (app.screening.db).

app.screening uses this through the register it is given (``store.screening_decisions``), never
by import: screening and storage are independent rooms. Rows are never changed (the team
register's database refuses it); a later decision on the same hit wins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from app.storage.models_team import ScreeningDecision

if TYPE_CHECKING:
    from app.storage.store import Store

FIELDS = ("at", "reviewer", "decision", "scope", "reason", "assessment_id", "party_key", "party_name", "source",
          "entity_key", "entity_reference", "entity_name", "programme", "matched_name", "score",
          "list_version_id", "list_generation_date", "list_sha256")


class ScreeningDecisions:
    def __init__(self, host: Store):
        self._host = host

    def record(self, row: dict[str, Any], question_id: str | None = None,
               audited: dict[str, Any] | None = None) -> dict[str, Any]:
        """Store a decision (a row as app.screening.db makes it) and, for a decision on an
        assessment, its audit event recording ``audited`` (app.screening.service chooses the
        fields), in one transaction; returns the row with its id."""
        host = self._host

        def work(s: Session) -> dict[str, Any]:
            values: dict[str, Any] = {k: row.get(k) for k in FIELDS if row.get(k) is not None}
            rec = ScreeningDecision(**values, decided_by=host.actor)
            s.add(rec)
            s.flush()
            if rec.assessment_id is not None:
                host.audit.append(s, "screening_review", rec.assessment_id, question_id,
                                  new=dict(audited or {}), reason=rec.reason, at=rec.at)
            return {**row, "id": rec.id, "decided_by": rec.decided_by}

        return host.write(work)

    def for_party(self, party_key: str) -> list[dict[str, Any]]:
        """Every decision on hits of this party, oldest first."""
        with self._host.session() as s:
            rows = s.exec(select(ScreeningDecision).where(ScreeningDecision.party_key == party_key)
                          .order_by(col(ScreeningDecision.id))).all()
            return [{"id": r.id, "decided_by": r.decided_by, **{k: getattr(r, k) for k in FIELDS}} for r in rows]
