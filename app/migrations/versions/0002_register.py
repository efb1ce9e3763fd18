"""The register: listing columns and retention on assessments, a hash-chained audit trail,
product profiles with versions, evidence attachments.

Existing rows are filled in: register columns from the answers, a uid per assessment, and the
hash chain over the existing audit events (they are chained as found: the chain proves nothing
about edits made before this migration, which a ``chain_start`` event records).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""
import datetime as _dt
import json
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ASSESSMENT_COLUMNS = (
    sa.Column("uid", sa.String(), nullable=False, server_default=""),
    sa.Column("product", sa.String(), nullable=False, server_default=""),
    sa.Column("customer", sa.String(), nullable=False, server_default=""),
    sa.Column("destination", sa.String(), nullable=False, server_default=""),
    sa.Column("member_state", sa.String(), nullable=False, server_default=""),
    sa.Column("export_date", sa.String(), nullable=True),
    sa.Column("retention_until", sa.String(), nullable=False, server_default=""),
    sa.Column("signed_at", sa.String(), nullable=True),
    sa.Column("parent_id", sa.Integer(), nullable=True),
    sa.Column("version_no", sa.Integer(), nullable=False, server_default="1"),
    sa.Column("amendment_reason", sa.String(), nullable=True),
    sa.Column("superseded_by", sa.Integer(), nullable=True),
    sa.Column("product_profile_id", sa.Integer(), nullable=True),
    sa.Column("product_profile_version", sa.Integer(), nullable=True),
    sa.Column("origin", sa.String(), nullable=False, server_default=""),
)


def upgrade() -> None:
    for col in ASSESSMENT_COLUMNS:
        op.add_column("assessment", col)
    op.create_index("ix_assessment_uid", "assessment", ["uid"])
    op.create_index("ix_assessment_updated_at", "assessment", ["updated_at"])
    op.add_column("audit_event", sa.Column("origin", sa.String(), nullable=False, server_default=""))
    op.add_column("audit_event", sa.Column("prev_hash", sa.String(), nullable=False, server_default=""))
    op.add_column("audit_event", sa.Column("hash", sa.String(), nullable=False, server_default=""))
    op.create_table(
        "product_profile",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("updated_at", sa.String(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False, server_default=""),
    )
    op.create_index("ix_product_profile_name", "product_profile", ["name"], unique=True)
    op.create_table(
        "product_profile_version",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("profile_id", sa.Integer(), sa.ForeignKey("product_profile.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("answers_json", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False, server_default=""),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False, server_default=""),
        sa.UniqueConstraint("profile_id", "version", name="uq_profile_version"),
    )
    op.create_index("ix_product_profile_version_profile_id", "product_profile_version", ["profile_id"])
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("assessment_id", sa.Integer(), sa.ForeignKey("assessment.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("kind", sa.String(), nullable=False, server_default="other"),
        sa.Column("filename", sa.String(), nullable=False),
        sa.Column("stored_path", sa.String(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("note", sa.String(), nullable=False, server_default=""),
        sa.Column("added_at", sa.String(), nullable=False),
        sa.Column("added_by", sa.String(), nullable=False, server_default=""),
    )
    op.create_index("ix_attachment_assessment_id", "attachment", ["assessment_id"])
    _fill_in()


def _fill_in() -> None:
    from app.storage.audit import GENESIS, event_hash
    from app.storage.register import column_roles, register_fields

    raw = op.get_bind()
    pg = raw.dialect.name == "postgresql"

    class bind:  # noqa: N801 - ``?`` placeholders for both engines (psycopg takes %s)
        @staticmethod
        def exec_driver_sql(sql, params=()):
            return raw.exec_driver_sql(sql.replace("?", "%s") if pg else sql, params)

    answers: dict[int, dict] = {}
    for aid, qid, value in bind.exec_driver_sql("SELECT assessment_id, question_id, value_json FROM answer"):
        answers.setdefault(aid, {})[qid] = json.loads(value)
    rows = bind.exec_driver_sql("SELECT id, created_at, finished_at, questionnaire_id, questionnaire_version "
                                "FROM assessment").fetchall()
    for aid, created, finished, qn_id, qn_version in rows:
        f = register_fields(answers.get(aid, {}), created, finished, roles=column_roles(qn_id, qn_version))
        bind.exec_driver_sql(
            "UPDATE assessment SET uid=?, product=?, customer=?, destination=?, member_state=?, export_date=?, "
            "retention_until=? WHERE id=?",
            (uuid.uuid4().hex, f["product"], f["customer"], f["destination"], f["member_state"], f["export_date"],
             f["retention_until"], aid))
    cols = ("id", "assessment_id", "at", "actor", "kind", "question_id", "old_json", "new_json", "reason", "origin")
    prev = GENESIS
    events = bind.exec_driver_sql(f"SELECT {', '.join(cols)} FROM audit_event ORDER BY id").fetchall()
    for row in events:
        ev = dict(zip(cols, row))
        h = event_hash(prev, ev)
        bind.exec_driver_sql("UPDATE audit_event SET prev_hash=?, hash=? WHERE id=?", (prev, h, ev["id"]))
        prev = h
    now = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="microseconds")
    ev = {"assessment_id": None, "at": now, "actor": "", "kind": "chain_start", "question_id": None,
          "old_json": None, "new_json": json.dumps({"events_before": len(events), "schema": "0002"}),
          "reason": "audit events before schema 0002 were chained as found", "origin": ""}
    res = bind.exec_driver_sql(
        "INSERT INTO audit_event (assessment_id, at, actor, kind, question_id, old_json, new_json, reason, origin, "
        "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')" + (" RETURNING id" if pg else ""),
        (ev["assessment_id"], ev["at"], ev["actor"], ev["kind"], ev["question_id"], ev["old_json"], ev["new_json"],
         ev["reason"], ev["origin"], prev))
    ev["id"] = res.scalar() if pg else res.lastrowid
    bind.exec_driver_sql("UPDATE audit_event SET hash=? WHERE id=?", (event_hash(prev, ev), ev["id"]))


def downgrade() -> None:
    op.drop_table("attachment")
    op.drop_table("product_profile_version")
    op.drop_table("product_profile")
    with op.batch_alter_table("audit_event") as b:
        for name in ("hash", "prev_hash", "origin"):
            b.drop_column(name)
    op.drop_index("ix_assessment_updated_at", "assessment")
    op.drop_index("ix_assessment_uid", "assessment")
    with op.batch_alter_table("assessment") as b:
        for col in reversed(ASSESSMENT_COLUMNS):
            b.drop_column(col.name)
