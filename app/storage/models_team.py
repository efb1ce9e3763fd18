"""Tables of the shared team register (schema 0010): kept beside ``models`` so the other tables
stay as they are. They exist in every register (SQLite too): attachments' bytes in the database,
reviews, what happened after a notification, and submissions pushed by ``art5 sync``."""

from __future__ import annotations

from typing import Optional

from sqlalchemy import Column, ForeignKey, Integer, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel


class AttachmentBlob(SQLModel, table=True):
    """The bytes of an attachment kept in the database (the team register), so every member of
    the team sees them; a laptop's register keeps its files in the data folder."""
    __tablename__ = "attachment_blob"
    attachment_id: int = Field(
        sa_column=Column(Integer, ForeignKey("attachment.id", ondelete="CASCADE"), primary_key=True))
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


REVIEW_DECISIONS = ("approved", "has_issues", "rejected")


class Review(SQLModel, table=True):
    """A compliance officer's review of a submitted (finished) assessment. Never edited: a new
    review is added instead (the database refuses UPDATE and DELETE)."""
    __tablename__ = "review"
    id: Optional[int] = Field(default=None, primary_key=True)
    assessment_id: int = Field(index=True)  # no foreign key: the review outlives a deletion
    assessment_uid: str = ""
    decision: str  # approved | has_issues | rejected
    comment: str = ""
    reviewer: str = ""
    at: str


FOLLOWUP_OUTCOMES = ("NOTIFY", "NOTIFY_NATIONAL", "CLASSIFICATION_REQUIRED")
FOLLOWUP_DECISIONS = ("", "licence_required", "licence_not_required", "no_decision")
FOLLOWUP_CHANNELS = ("", "portal", "email", "post", "fax", "in_person", "other")


class FollowUp(SQLModel, table=True):
    """What happened after a notification (or a classification request) to the authority."""
    __tablename__ = "followup"
    __table_args__ = (UniqueConstraint("assessment_id", name="uq_followup_assessment"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    assessment_id: int = Field(
        sa_column=Column(Integer, ForeignKey("assessment.id", ondelete="CASCADE"), nullable=False))
    outcome: str  # NOTIFY | NOTIFY_NATIONAL | CLASSIFICATION_REQUIRED
    member_state: str = ""
    authority: str = ""
    channel: str = ""
    sent_on: Optional[str] = None  # ISO date the notification went out
    authority_ref: str = ""
    hold_shipment: bool = True  # until the authority decided: the export is not marked shipped
    shipped_on: Optional[str] = None
    decision: str = ""  # licence_required | licence_not_required | no_decision
    decided_on: Optional[str] = None
    reply_attachment_id: Optional[int] = None
    note: str = ""
    updated_at: str = ""
    updated_by: str = ""


class Submission(SQLModel, table=True):
    """An assessment pushed to the team register by ``art5 sync``: immutable; the same uid sent
    again with other content is a conflict, never merged."""
    __tablename__ = "submission"
    __table_args__ = (UniqueConstraint("uid", "content_sha256", name="uq_submission_content"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    uid: str = Field(index=True)
    assessment_id: Optional[int] = None
    reference: str = ""
    content_sha256: str
    status: str = "accepted"  # accepted | conflict
    source: str = ""  # the machine and user it came from
    submitted_at: str
    submitted_by: str = ""
    bundle: Optional[bytes] = Field(default=None, sa_column=Column(LargeBinary, nullable=True))


class TeamSigner(SQLModel, table=True):
    """A signer the whole team trusts (schema 0011): added by the compliance officer on the team
    register, copied into each laptop's list of trusted signers by ``art5 sync``."""
    __tablename__ = "team_signer"
    __table_args__ = (UniqueConstraint("fingerprint", name="uq_team_signer_fingerprint"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    fingerprint: str  # AB:CD:... (app.signing.trust.normalise)
    name: str = ""
    added_at: str
    added_by: str = ""


class ScreeningDecision(SQLModel, table=True):
    """A decision on a potential sanctions-list hit made on the team register (schema 0011), the
    same fields as a laptop's ``screening.db`` review plus the PostgreSQL user who made it.
    Never changed: a later decision on the same hit wins."""
    __tablename__ = "screening_decision"
    id: Optional[int] = Field(default=None, primary_key=True)
    at: str
    reviewer: str  # the name the reviewer typed
    decided_by: str = ""  # who was connected
    decision: str  # cleared | confirmed
    scope: str  # assessment | party
    reason: str = ""
    assessment_id: Optional[int] = None
    party_key: str = Field(index=True)
    party_name: str = ""
    source: str
    entity_key: str
    entity_reference: str = ""
    entity_name: str = ""
    programme: str = ""
    matched_name: str = ""
    score: float = 0.0
    list_version_id: Optional[int] = None
    list_generation_date: str = ""
    list_sha256: str = ""


TEAM_MODELS = (AttachmentBlob, Review, FollowUp, Submission, TeamSigner, ScreeningDecision)
