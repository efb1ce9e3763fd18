"""The team's trusted signers and screening decisions.

``team_signer``: certificates (SHA-256 fingerprints) whose signed reports the team accepts. The
compliance officer adds them on the team register; ``art5 sync`` copies them into each laptop's
``trusted-signers.json``.

``screening_decision``: decisions on potential sanctions-list hits (cleared as a false
positive, or confirmed) made on the team register's assessments, so the whole team sees them
(a laptop keeps its decisions in ``screening.db``). Never changed: a later decision wins.

Engine-neutral (a laptop's register has the tables too, unused); on PostgreSQL ``art5 team
init|upgrade`` sets who may write them.

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
    op.create_table(
        "screening_decision",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.String(), nullable=False),
        sa.Column("reviewer", sa.String(), nullable=False),
        sa.Column("decided_by", sa.String(), nullable=False, server_default=""),
        sa.Column("decision", sa.String(), nullable=False),
        sa.Column("scope", sa.String(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("assessment_id", sa.Integer(), nullable=True),
        sa.Column("party_key", sa.String(), nullable=False),
        sa.Column("party_name", sa.String(), nullable=False, server_default=""),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("entity_key", sa.String(), nullable=False),
        sa.Column("entity_reference", sa.String(), nullable=False, server_default=""),
        sa.Column("entity_name", sa.String(), nullable=False, server_default=""),
        sa.Column("programme", sa.String(), nullable=False, server_default=""),
        sa.Column("matched_name", sa.String(), nullable=False, server_default=""),
        sa.Column("score", sa.Float(), nullable=False, server_default="0"),
        sa.Column("list_version_id", sa.Integer(), nullable=True),
        sa.Column("list_generation_date", sa.String(), nullable=False, server_default=""),
        sa.Column("list_sha256", sa.String(), nullable=False, server_default=""),
        sa.CheckConstraint("decision IN ('cleared', 'confirmed')", name="ck_screening_decision_decision"),
        sa.CheckConstraint("scope IN ('assessment', 'party')", name="ck_screening_decision_scope"),
        sa.CheckConstraint("scope = 'party' OR assessment_id IS NOT NULL", name="ck_screening_decision_assessment"),
    )
    op.create_index("ix_screening_decision_party_key", "screening_decision", ["party_key"])


def downgrade() -> None:
    op.drop_index("ix_screening_decision_party_key", "screening_decision")
    op.drop_table("screening_decision")
    op.drop_table("team_signer")
