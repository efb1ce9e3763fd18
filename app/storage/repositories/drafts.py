"""The notification and end-user statement drafts as the user edits them: saved as typed (the
draft dialog's autosave), one row per assessment and kind, so an edit survives Close and a crash."""

from __future__ import annotations

from sqlmodel import Session, select

from app.storage.models import DocumentDraft
from app.storage.repositories.base import Host, dumps, iso

DRAFT_KINDS = ("notification", "enduser_statement")


class DocumentDrafts:
    def __init__(self, host: Host):
        self._host = host

    def get(self, assessment_id: int, kind: str) -> DocumentDraft | None:
        """The saved draft of ``kind`` for the assessment, or None when none was saved."""
        with self._host.session() as s:
            return s.exec(select(DocumentDraft).where(DocumentDraft.assessment_id == assessment_id,
                                                      DocumentDraft.kind == kind)).first()

    def save(self, assessment_id: int, kind: str, text: str, generated: str | None = None,
             confirmed: list[str] | None = None) -> bool:
        """Keep the draft text as typed (the dialog's autosave). Allowed on finished and signed
        assessments too: the draft is a document written after the assessment, not an answer.
        Returns False when nothing changed."""
        if kind not in DRAFT_KINDS:
            raise ValueError(f"unknown draft kind {kind!r}")

        def work(s: Session) -> bool:
            self._host.assessment(s, assessment_id)
            row = s.exec(select(DocumentDraft).where(DocumentDraft.assessment_id == assessment_id,
                                                     DocumentDraft.kind == kind)).first()
            conf = dumps(sorted(set(confirmed))) if confirmed is not None else None
            if row is not None and row.text == text and (generated is None or row.generated == generated) \
                    and (conf is None or row.confirmed_json == conf):
                return False
            now = iso(self._host.clock)
            if row is None:
                row = DocumentDraft(assessment_id=assessment_id, kind=kind, text=text, generated=generated or "",
                                    confirmed_json=conf or "[]", updated_at=now)
            else:
                row.text = text
                if generated is not None:
                    row.generated = generated
                if conf is not None:
                    row.confirmed_json = conf
                row.updated_at = now
            s.add(row)
            return True

        return self._host.write(work)

    def discard(self, assessment_id: int, kind: str) -> None:
        """Forget the saved draft (the dialog's "Start again from the assessment")."""

        def work(s: Session) -> None:
            row = s.exec(select(DocumentDraft).where(DocumentDraft.assessment_id == assessment_id,
                                                     DocumentDraft.kind == kind)).first()
            if row is not None:
                s.delete(row)

        self._host.write(work)
