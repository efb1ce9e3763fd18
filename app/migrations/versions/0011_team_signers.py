"""The team's trusted signers: certificates (SHA-256 fingerprints) whose signed reports the team
accepts. The compliance officer adds them on the team register; ``art5 sync`` copies them into
each laptop's ``trusted-signers.json``. Engine-neutral (a laptop's register has the table too,
unused); on PostgreSQL ``art5 team init|upgrade`` lets only the officer write it.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_signer",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("fingerprint", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False, server_default=""),
        sa.Column("added_at", sa.String(), nullable=False),
        sa.Column("added_by", sa.String(), nullable=False, server_default=""),
        sa.UniqueConstraint("fingerprint", name="uq_team_signer_fingerprint"),
        # AB:CD:... (32 pairs, upper case), as app.signing.trust.normalise writes it
        sa.CheckConstraint("length(fingerprint) = 95", name="ck_team_signer_fingerprint"),
    )


def downgrade() -> None:
    op.drop_table("team_signer")
