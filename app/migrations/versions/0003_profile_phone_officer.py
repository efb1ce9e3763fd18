"""Exporter profile: telephone number and compliance officer (issue 13: real fields for the
notification instead of a "[to complete]" line). Existing profiles get empty values.

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


def upgrade() -> None:
    with op.batch_alter_table("exporter_profile") as batch:
        batch.add_column(sa.Column("contact_phone", sa.String(), nullable=False, server_default=""))
        batch.add_column(sa.Column("compliance_officer", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("exporter_profile") as batch:
        batch.drop_column("compliance_officer")
        batch.drop_column("contact_phone")
