"""The team register's roles, enforced by PostgreSQL itself (not only by the program's screens).

Three group roles (``NOLOGIN``); every person logs in as their own PostgreSQL user, a member of
one of them, and the program records that user as the actor:

- ``art5_assessor``: reads the register; creates assessments and edits **their own drafts**
  (answers, attachments, follow-up of their own assessments); finishes (submits) them. Cannot
  change another assessor's draft, a finished or signed assessment (except marking their own as
  superseded by an amendment), any audit event or any review.
- ``art5_officer`` (compliance officer): everything an assessor does, on every assessment;
  reviews (approved / has issues / rejected) with a comment that can never be edited; signs;
  deletes records after their retention period; edits the exporter profile.
- ``art5_auditor``: reads everything, writes nothing (SELECT only; its users' transactions are
  read-only by default).

Nobody but the database owner (who ran ``art5 team init``) may UPDATE or DELETE an audit event or
a review; triggers refuse it even to the owner's ordinary sessions.
"""

from __future__ import annotations

from typing import Any

ROLES = {"assessor": "art5_assessor", "officer": "art5_officer", "auditor": "art5_auditor"}
WRITERS = "art5_assessor, art5_officer"
ALL = "art5_assessor, art5_officer, art5_auditor"

# Owned by the drafts' author: `created_by` is the PostgreSQL user who created the row.
# (or one created in this very transaction: an amendment's copy, a submission pushed by sync)
_OWN_DRAFT = ("EXISTS (SELECT 1 FROM assessment x WHERE x.id = {col} AND x.created_by = current_user "
              "AND (x.status = 'draft' OR x.xmin = pg_current_xact_id()::xid))")
_OWN = "EXISTS (SELECT 1 FROM assessment x WHERE x.id = {col} AND x.created_by = current_user)"

SCHEMA_SQL = f"""
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO {ALL};
GRANT SELECT ON ALL TABLES IN SCHEMA public TO {ALL};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {WRITERS};

GRANT INSERT, UPDATE, DELETE ON assessment, answer, attachment, attachment_blob TO {WRITERS};
GRANT INSERT ON audit_event, submission TO {WRITERS};
GRANT INSERT, UPDATE ON product_profile, product_profile_version, followup TO {WRITERS};
GRANT INSERT ON review TO art5_officer;
GRANT INSERT, UPDATE ON exporter_profile TO art5_officer;

-- assessments: everyone reads; an assessor writes only their own drafts
ALTER TABLE assessment ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS read_all ON assessment;
CREATE POLICY read_all ON assessment FOR SELECT USING (true);
DROP POLICY IF EXISTS officer_all ON assessment;
CREATE POLICY officer_all ON assessment TO art5_officer USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS assessor_insert ON assessment;
CREATE POLICY assessor_insert ON assessment FOR INSERT TO art5_assessor
  WITH CHECK (created_by = current_user
              AND (status = 'draft' OR (origin = 'import' AND status IN ('finished', 'signed', 'amended'))));
DROP POLICY IF EXISTS assessor_update ON assessment;
CREATE POLICY assessor_update ON assessment FOR UPDATE TO art5_assessor
  USING (created_by = current_user) WITH CHECK (created_by = current_user);
DROP POLICY IF EXISTS assessor_delete ON assessment;
CREATE POLICY assessor_delete ON assessment FOR DELETE TO art5_assessor
  USING (created_by = current_user AND status = 'draft');

-- what an assessor may change in their own assessment once it is no longer a draft: only
-- marking it superseded by their own amendment (finish of the new version does that)
CREATE OR REPLACE FUNCTION art5_assessment_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_has_role(current_user, 'art5_officer', 'MEMBER')
     OR NOT pg_has_role(current_user, 'art5_assessor', 'MEMBER') THEN
    RETURN NEW;
  END IF;
  IF NEW.status NOT IN ('draft', 'finished', 'amended') THEN
    RAISE EXCEPTION 'an assessor may not set an assessment to %', NEW.status USING ERRCODE = '42501';
  END IF;
  IF OLD.status <> 'draft'
     AND (SELECT x.xmin FROM assessment x WHERE x.id = OLD.id) <> pg_current_xact_id()::xid THEN
    -- (a row inserted by this very transaction, e.g. a submission being added, is still being filled in)
    IF NOT (OLD.status IN ('finished', 'signed') AND NEW.status = 'amended'
            AND NEW.outcome IS NOT DISTINCT FROM OLD.outcome
            AND NEW.finished_at IS NOT DISTINCT FROM OLD.finished_at
            AND NEW.signed_at IS NOT DISTINCT FROM OLD.signed_at
            AND NEW.reference = OLD.reference AND NEW.uid = OLD.uid) THEN
      RAISE EXCEPTION 'assessment % is %: an assessor may not change it', OLD.reference, OLD.status
        USING ERRCODE = '42501';
    END IF;
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS art5_assessment_guard ON assessment;
CREATE TRIGGER art5_assessment_guard BEFORE UPDATE ON assessment
  FOR EACH ROW EXECUTE FUNCTION art5_assessment_guard();

-- answers and attachments: an assessor changes those of their own drafts (attachments: of their
-- own assessments, e.g. the signed report); the officer all
ALTER TABLE answer ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS read_all ON answer;
CREATE POLICY read_all ON answer FOR SELECT USING (true);
DROP POLICY IF EXISTS officer_all ON answer;
CREATE POLICY officer_all ON answer TO art5_officer USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS assessor_own ON answer;
CREATE POLICY assessor_own ON answer TO art5_assessor
  USING ({_OWN_DRAFT.format(col="answer.assessment_id")})
  WITH CHECK ({_OWN_DRAFT.format(col="answer.assessment_id")});

ALTER TABLE attachment ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS read_all ON attachment;
CREATE POLICY read_all ON attachment FOR SELECT USING (true);
DROP POLICY IF EXISTS officer_all ON attachment;
CREATE POLICY officer_all ON attachment TO art5_officer USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS assessor_insert ON attachment;
CREATE POLICY assessor_insert ON attachment FOR INSERT TO art5_assessor
  WITH CHECK (added_by = current_user AND {_OWN.format(col="attachment.assessment_id")});
DROP POLICY IF EXISTS assessor_delete ON attachment;
CREATE POLICY assessor_delete ON attachment FOR DELETE TO art5_assessor
  USING ({_OWN_DRAFT.format(col="attachment.assessment_id")});

ALTER TABLE attachment_blob ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS read_all ON attachment_blob;
CREATE POLICY read_all ON attachment_blob FOR SELECT USING (true);
DROP POLICY IF EXISTS officer_all ON attachment_blob;
CREATE POLICY officer_all ON attachment_blob TO art5_officer USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS assessor_insert ON attachment_blob;
CREATE POLICY assessor_insert ON attachment_blob FOR INSERT TO art5_assessor
  WITH CHECK (EXISTS (SELECT 1 FROM attachment t WHERE t.id = attachment_blob.attachment_id
                      AND t.added_by = current_user));
DROP POLICY IF EXISTS assessor_delete ON attachment_blob;
CREATE POLICY assessor_delete ON attachment_blob FOR DELETE TO art5_assessor
  USING (EXISTS (SELECT 1 FROM attachment t WHERE t.id = attachment_blob.attachment_id
                 AND {_OWN_DRAFT.format(col="t.assessment_id")}));

-- the audit trail: appended in one's own name (imported events keep their author, marked
-- with their origin); never changed
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS read_all ON audit_event;
CREATE POLICY read_all ON audit_event FOR SELECT USING (true);
DROP POLICY IF EXISTS append_own ON audit_event;
CREATE POLICY append_own ON audit_event FOR INSERT TO {WRITERS}
  WITH CHECK (actor = current_user OR origin LIKE 'import:%');
-- the hash is written right after the insert, in the same transaction (it covers the id)
GRANT UPDATE (hash) ON audit_event TO {WRITERS};
DROP POLICY IF EXISTS seal_own ON audit_event;
CREATE POLICY seal_own ON audit_event FOR UPDATE TO {WRITERS}
  USING (hash = '') WITH CHECK (true);

CREATE OR REPLACE FUNCTION art5_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'audit_event' AND OLD.hash = ''
     AND (to_jsonb(NEW) - 'hash') = (to_jsonb(OLD) - 'hash') THEN
    RETURN NEW;  -- sealing a new event with its hash
  END IF;
  RAISE EXCEPTION '% rows are never changed or deleted (%)', TG_TABLE_NAME, TG_OP USING ERRCODE = '42501';
END $$;
DROP TRIGGER IF EXISTS art5_append_only ON audit_event;
CREATE TRIGGER art5_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION art5_append_only();
DROP TRIGGER IF EXISTS art5_append_only ON review;
CREATE TRIGGER art5_append_only BEFORE UPDATE OR DELETE ON review
  FOR EACH ROW EXECUTE FUNCTION art5_append_only();
DROP TRIGGER IF EXISTS art5_append_only ON submission;
CREATE TRIGGER art5_append_only BEFORE UPDATE OR DELETE ON submission
  FOR EACH ROW EXECUTE FUNCTION art5_append_only();

-- reviews: the officer, in their own name
ALTER TABLE review ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS read_all ON review;
CREATE POLICY read_all ON review FOR SELECT USING (true);
DROP POLICY IF EXISTS officer_insert ON review;
CREATE POLICY officer_insert ON review FOR INSERT TO art5_officer WITH CHECK (reviewer = current_user);

-- after the notification: the author of the assessment and the officer
ALTER TABLE followup ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS read_all ON followup;
CREATE POLICY read_all ON followup FOR SELECT USING (true);
DROP POLICY IF EXISTS officer_all ON followup;
CREATE POLICY officer_all ON followup TO art5_officer USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS assessor_own ON followup;
CREATE POLICY assessor_own ON followup TO art5_assessor
  USING ({_OWN.format(col="followup.assessment_id")}) WITH CHECK ({_OWN.format(col="followup.assessment_id")});

-- submissions (art5 sync): in one's own name
ALTER TABLE submission ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS read_all ON submission;
CREATE POLICY read_all ON submission FOR SELECT USING (true);
DROP POLICY IF EXISTS submit_own ON submission;
CREATE POLICY submit_own ON submission FOR INSERT TO {WRITERS} WITH CHECK (submitted_by = current_user);
"""


def _ident(name: str) -> Any:
    from psycopg import sql

    return sql.Identifier(name)


def ensure_group_roles(con: Any) -> None:
    for role in ROLES.values():
        exists = con.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        if not exists:
            from psycopg import sql

            con.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(_ident(role)))


def apply_security(con: Any) -> None:
    """The grants, row-level security policies and triggers above (idempotent)."""
    ensure_group_roles(con)
    con.execute(SCHEMA_SQL)


def add_user(con: Any, database: str, name: str, role: str, password: str | None) -> None:
    """A login role ``name`` in group ``role`` (assessor, officer, auditor), allowed to connect."""
    from psycopg import sql

    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
    if not name or not all(c.isalnum() or c in "._-" for c in name):
        raise ValueError(f"{name!r}: a user name is letters, digits, '.', '_' or '-'")
    exists = con.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
    if not exists:
        con.execute(sql.SQL("CREATE ROLE {} LOGIN").format(_ident(name)))
    if password:
        # hashed here (SCRAM-SHA-256, as libpq's PQencryptPasswordConn does): the clear password
        # never travels to the server, so no statement log can show it
        hashed = con.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256").decode()
        con.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(_ident(name), sql.Literal(hashed)))
    for other in ROLES.values():
        if other != ROLES[role]:
            con.execute(sql.SQL("REVOKE {} FROM {}").format(_ident(other), _ident(name)))
    con.execute(sql.SQL("GRANT {} TO {}").format(_ident(ROLES[role]), _ident(name)))
    con.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(_ident(database), _ident(name)))
    if role == "auditor":
        con.execute(sql.SQL("ALTER ROLE {} IN DATABASE {} SET default_transaction_read_only = on")
                    .format(_ident(name), _ident(database)))


def _plain(url: str, exc: BaseException) -> Exception:
    """A database error as a StorageError that names the server and says what to do."""
    from app.storage import dialect_pg
    from app.storage.errors import StorageError

    orig = getattr(exc, "orig", exc)
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    if dialect_pg.is_denied(exc) or "must be owner" in text or "permission denied" in text:
        return StorageError(dialect_pg.redact(url), f"{text}: run this as the database's owner (the user who "
                                                    "created it) or a superuser; nothing was changed")
    return StorageError(dialect_pg.redact(url), f"cannot set up the team register: {text}")


def init_team(url: str, officer: str, password: str | None = None) -> str:
    """Create (or bring up to date) the schema, the roles and their rules, and the first
    compliance officer, connected as the database's owner; returns the schema revision.
    Errors come back as StorageError naming the server (never a traceback)."""
    import psycopg
    from sqlalchemy.exc import DBAPIError

    try:
        return _init_team(url, officer, password)
    except (psycopg.Error, DBAPIError) as exc:
        raise _plain(url, exc) from None


def _init_team(url: str, officer: str, password: str | None = None) -> str:
    import psycopg

    from app.storage import dialect_pg
    from app.storage.db import HEAD_REVISION

    engine = dialect_pg.create_engine(url, pool_size=1)
    try:
        dialect_pg.migrate(engine)
    finally:
        engine.dispose()
    conninfo = dialect_pg.check_url(url).replace("postgresql+psycopg://", "postgresql://", 1)
    kwargs: dict[str, Any] = {}
    if dialect_pg._password(url):
        kwargs["password"] = dialect_pg._password(url)
    with psycopg.connect(conninfo, autocommit=False, **kwargs) as con:
        database = con.execute("SELECT current_database()").fetchone()[0]  # type: ignore[index]  # SELECT current_database() always returns one row
        apply_security(con)
        con.execute(f"REVOKE CONNECT ON DATABASE {_quote(con, database)} FROM PUBLIC")
        if officer:
            add_user(con, database, officer, "officer", password)
        con.commit()
    return HEAD_REVISION


def add_member(url: str, name: str, role: str, password: str | None = None) -> None:
    import psycopg

    try:
        _add_member(url, name, role, password)
    except psycopg.Error as exc:
        raise _plain(url, exc) from None


def _add_member(url: str, name: str, role: str, password: str | None = None) -> None:
    import psycopg

    from app.storage import dialect_pg

    conninfo = dialect_pg.check_url(url).replace("postgresql+psycopg://", "postgresql://", 1)
    kwargs: dict[str, Any] = {}
    if dialect_pg._password(url):
        kwargs["password"] = dialect_pg._password(url)
    with psycopg.connect(conninfo, **kwargs) as con:
        database = con.execute("SELECT current_database()").fetchone()[0]  # type: ignore[index]  # SELECT current_database() always returns one row
        add_user(con, database, name, role, password)
        con.commit()


def _quote(con: Any, name: str) -> str:
    quoted: str = _ident(name).as_string(con)
    return quoted


def role_of(store: Any) -> str:
    """The team role of the store's user: officer, assessor, auditor, owner (the database owner or
    a superuser) or "" for a laptop's register."""
    if not getattr(store, "is_team", False):
        return ""
    with store.engine.connect() as con:
        for key in ("officer", "assessor", "auditor"):
            if con.exec_driver_sql(
                    "SELECT pg_has_role(current_user, %(r)s, 'MEMBER') "
                    "AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)",
                    {"r": ROLES[key]}).scalar():
                return key
    return "owner"
