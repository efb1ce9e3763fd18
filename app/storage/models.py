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
    # schema 0003
    phone: str = ""
    compliance_officer: str = ""
    updated_at: str = ""


class Assessment(SQLModel, table=True):
    __tablename__ = "assessment"
    id: Optional[int] = Field(default=None, primary_key=True)
    reference: str = Field(index=True, unique=True)
    title: str = ""
    questionnaire_id: str
    questionnaire_version: str
    questionnaire_sha256: str = ""
    status: str = "draft"  # draft | finished | signed | amended (superseded by a newer version)
    current_page: str = ""
    outcome: str = ""
    created_at: str
    updated_at: str
    finished_at: Optional[str] = None
    created_by: str = ""
    # -- register (schema 0002): copied from the answers so the register lists without joins
    uid: str = Field(default="", index=True)  # stable across laptops: transfer bundles use it
    product: str = ""
    customer: str = ""
    destination: str = ""
    member_state: str = ""
    export_date: Optional[str] = None  # ISO date of the export (shipment), when known
    retention_until: str = ""  # ISO date: kept at least until the end of this day
    signed_at: Optional[str] = None
    parent_id: Optional[int] = None  # the version this one amends
    version_no: int = 1
    amendment_reason: Optional[str] = None
    superseded_by: Optional[int] = None
    product_profile_id: Optional[int] = None
    product_profile_version: Optional[int] = None
    origin: str = ""  # "", quick_check, duplicate, amendment, profile, import, cli


class DocumentDraft(SQLModel, table=True):
    """The text of a draft document (notification, end-user statement) as the user last left it
    (schema 0003). ``generated``: the text the program wrote, to tell an edit from a fresh
    draft; ``confirmed_json``: the placeholders the user confirmed may stay."""

    __tablename__ = "document_draft"
    __table_args__ = (UniqueConstraint("assessment_id", "kind", name="uq_document_draft_kind"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    assessment_id: int = Field(
        sa_column=Column(Integer, ForeignKey("assessment.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    kind: str
    text: str
    generated: str = ""
    confirmed_json: str = "[]"
    updated_at: str


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
    origin: str = ""  # where an imported event came from ("import:" + JSON: uid and its original id, hash links)
    # hash chain (schema 0002): hash = sha256(prev_hash + canonical content), see app/audit.py
    prev_hash: str = ""
    hash: str = ""


class ProductProfile(SQLModel, table=True):
    __tablename__ = "product_profile"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True)
    current_version: int = 1
    created_at: str
    updated_at: str
    created_by: str = ""


class ProductProfileVersion(SQLModel, table=True):
    __tablename__ = "product_profile_version"
    __table_args__ = (UniqueConstraint("profile_id", "version", name="uq_profile_version"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    profile_id: int = Field(
        sa_column=Column(Integer, ForeignKey("product_profile.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    version: int
    answers_json: str
    note: str = ""
    created_at: str
    created_by: str = ""


class Attachment(SQLModel, table=True):
    __tablename__ = "attachment"
    id: Optional[int] = Field(default=None, primary_key=True)
    assessment_id: int = Field(
        sa_column=Column(Integer, ForeignKey("assessment.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    kind: str = "other"  # datasheet | end_user_statement | correspondence | other
    filename: str
    stored_path: str  # relative to the data folder
    sha256: str
    size: int = 0
    note: str = ""
    added_at: str
    added_by: str = ""


ALL_MODELS = (ExporterProfile, Assessment, Answer, AuditEvent, ProductProfile, ProductProfileVersion, Attachment)
