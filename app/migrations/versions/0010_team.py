"""The team register: attachments' bytes in the database, reviews, what happened after a
notification (follow-up), submissions pushed by ``art5 sync``. Engine-neutral: the PostgreSQL
roles and row-level security are made by ``art5 team init`` (app/storage/team.py), not here, so
a laptop's SQLite register gets the same tables.

Revision ID: 0010
Revises: 0002 (the merger re-chains it after the other branches' 0003)
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment_blob",
        sa.Column("attachment_id", sa.Integer(), sa.ForeignKey("attachment.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("data", sa.LargeBinary(), nullable=False),
    )
    op.create_table(
        "review",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("assessment_uid", sa.String(), nullable=False, server_default=""),
        sa.Column("decision", sa.String(), nullable=False),
        sa.Column("comment", sa.String(), nullable=False, server_default=""),
        sa.Column("reviewer", sa.String(), nullable=False, server_default=""),
        sa.Column("at", sa.String(), nullable=False),
        sa.CheckConstraint("decision IN ('approved', 'has_issues', 'rejected')", name="ck_review_decision"),
    )
    op.create_index("ix_review_assessment_id", "review", ["assessment_id"])
    op.create_table(
        "followup",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("assessment_id", sa.Integer(), sa.ForeignKey("assessment.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("member_state", sa.String(), nullable=False, server_default=""),
        sa.Column("authority", sa.String(), nullable=False, server_default=""),
        sa.Column("channel", sa.String(), nullable=False, server_default=""),
        sa.Column("sent_on", sa.String(), nullable=True),
        sa.Column("authority_ref", sa.String(), nullable=False, server_default=""),
        sa.Column("hold_shipment", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("shipped_on", sa.String(), nullable=True),
        sa.Column("decision", sa.String(), nullable=False, server_default=""),
        sa.Column("decided_on", sa.String(), nullable=True),
        sa.Column("reply_attachment_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(), nullable=False, server_default=""),
        sa.Column("updated_at", sa.String(), nullable=False, server_default=""),
        sa.Column("updated_by", sa.String(), nullable=False, server_default=""),
        sa.UniqueConstraint("assessment_id", name="uq_followup_assessment"),
        # the database, not only the program, refuses a shipment while the hold is on
        sa.CheckConstraint("shipped_on IS NULL OR NOT hold_shipment", name="ck_followup_hold"),
    )
    op.create_table(
        "submission",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=True),
        sa.Column("reference", sa.String(), nullable=False, server_default=""),
        sa.Column("content_sha256", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False, server_default="accepted"),
        sa.Column("source", sa.String(), nullable=False, server_default=""),
        sa.Column("submitted_at", sa.String(), nullable=False),
        sa.Column("submitted_by", sa.String(), nullable=False, server_default=""),
        sa.Column("bundle", sa.LargeBinary(), nullable=True),
        sa.UniqueConstraint("uid", "content_sha256", name="uq_submission_content"),
    )
    op.create_index("ix_submission_uid", "submission", ["uid"])
    # the register's filters on PostgreSQL: created_by for "my drafts"
    op.create_index("ix_assessment_created_by", "assessment", ["created_by"])


def downgrade() -> None:
    op.drop_index("ix_assessment_created_by", "assessment")
    for table in ("submission", "followup", "review", "attachment_blob"):
        op.drop_table(table)
