"""SQLModel tables. Timestamps are ISO 8601 UTC text so that SQLite and PostgreSQL store the
same thing; JSON values are text for the same reason."""

from __future__ import annotations

from typing import Optional

from sqlalchemy import Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel


class ExporterProfile(SQLModel, table=True):
    __tablename__ = "exporter_profile"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = ""
    address: str = ""
    eori: str = ""
    member_state: str = ""
    contact_name: str = ""
    contact_email: str = ""
    updated_at: str = ""


class Assessment(SQLModel, table=True):
    __tablename__ = "assessment"
    id: Optional[int] = Field(default=None, primary_key=True)
    reference: str = Field(index=True, unique=True)
    title: str = ""
    questionnaire_id: str
    questionnaire_version: str
    questionnaire_sha256: str = ""
    status: str = "draft"  # draft | finished
    current_page: str = ""
    outcome: str = ""
    created_at: str
    updated_at: str
    finished_at: Optional[str] = None
    created_by: str = ""


class Answer(SQLModel, table=True):
    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("assessment_id", "question_id", name="uq_answer_question"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    assessment_id: int = Field(
        sa_column=Column(Integer, ForeignKey("assessment.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    question_id: str
    value_json: str
    updated_at: str


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"
    id: Optional[int] = Field(default=None, primary_key=True)
    # no foreign key: the trail outlives a discarded draft
    assessment_id: Optional[int] = Field(default=None, index=True)
    at: str
    actor: str = ""
    kind: str  # create | answer | finish | discard | profile
    question_id: Optional[str] = None
    old_json: Optional[str] = None
    new_json: Optional[str] = None
    reason: Optional[str] = None


ALL_MODELS = (ExporterProfile, Assessment, Answer, AuditEvent)
