"""Drafts kept and a fuller exporter profile: the notification and end-user statement text the
user edits is saved as typed (``document_draft``, one row per assessment and kind), and the
profile gets the phone number and the compliance officer the documents name.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

PROFILE_COLUMNS = (
    sa.Column("phone", sa.String(), nullable=False, server_default=""),
    sa.Column("compliance_officer", sa.String(), nullable=False, server_default=""),
)


def upgrade() -> None:
    for col in PROFILE_COLUMNS:
        op.add_column("exporter_profile", col)
    op.create_table(
        "document_draft",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("assessment_id", sa.Integer(), sa.ForeignKey("assessment.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("generated", sa.String(), nullable=False, server_default=""),
        sa.Column("confirmed_json", sa.String(), nullable=False, server_default="[]"),
        sa.Column("updated_at", sa.String(), nullable=False),
        sa.UniqueConstraint("assessment_id", "kind", name="uq_document_draft_kind"),
    )
    op.create_index("ix_document_draft_assessment_id", "document_draft", ["assessment_id"])


def downgrade() -> None:
    op.drop_index("ix_document_draft_assessment_id", "document_draft")
    op.drop_table("document_draft")
    with op.batch_alter_table("exporter_profile") as b:
        for col in reversed(PROFILE_COLUMNS):
            b.drop_column(col.name)
