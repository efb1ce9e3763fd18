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

import re
from typing import Any

ROLES = {"assessor": "art5_assessor", "officer": "art5_officer", "auditor": "art5_auditor"}
WRITERS = "art5_assessor, art5_officer"
ALL = "art5_assessor, art5_officer, art5_auditor"

# Owned by the drafts' author: `created_by` is the PostgreSQL user who created the row.
# (or one inserted by this very transaction: an amendment's copy, a submission pushed by sync;
# art5_is_new_assessment, not the row's xmin, which an earlier UPDATE in the same transaction
# would also set)
_OWN_DRAFT = ("EXISTS (SELECT 1 FROM assessment x WHERE x.id = {col} AND x.created_by = current_user "
              "AND (x.status = 'draft' OR art5_is_new_assessment(x.id)))")
_OWN = "EXISTS (SELECT 1 FROM assessment x WHERE x.id = {col} AND x.created_by = current_user)"


def _shared(table: str, officer_all: bool = True) -> str:
    """Row-level security on ``table``: every member reads every row; with ``officer_all`` the
    compliance officer also writes every row. The table's other policies follow it."""
    sql = (f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;\n"
           f"CREATE POLICY read_all ON {table} FOR SELECT USING (true);\n")
    if officer_all:
        sql += f"CREATE POLICY officer_all ON {table} TO art5_officer USING (true) WITH CHECK (true);\n"
    return sql


def _idempotent(sql: str) -> str:
    """Each CREATE POLICY and CREATE TRIGGER preceded by the DROP ... IF EXISTS that lets
    ``art5 team upgrade`` apply the rules again."""
    sql = re.sub(r"^CREATE POLICY (\w+) ON (\w+)", r"DROP POLICY IF EXISTS \1 ON \2;\n\g<0>", sql, flags=re.M)
    return re.sub(r"^CREATE (?:CONSTRAINT )?TRIGGER (\w+) .*? ON (\w+)", r"DROP TRIGGER IF EXISTS \1 ON \2;\n\g<0>",
                  sql, flags=re.M)


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
GRANT INSERT, DELETE ON team_signer TO art5_officer;
GRANT INSERT ON screening_decision TO {WRITERS};

-- which assessments this transaction inserted (written by a trigger that runs as the owner; no
-- member can write it, unlike a session setting any user may change)
CREATE TABLE IF NOT EXISTS art5_new_assessment (
  xid xid8 NOT NULL, assessment_id integer NOT NULL, PRIMARY KEY (xid, assessment_id));
REVOKE ALL ON art5_new_assessment FROM PUBLIC, {ALL};
GRANT SELECT ON art5_new_assessment TO {ALL};  -- (pg_dump by the officer reads it)
CREATE OR REPLACE FUNCTION art5_note_new_assessment() RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  -- what finished transactions left is of no use any more
  DELETE FROM art5_new_assessment WHERE xid < pg_snapshot_xmin(pg_current_snapshot());
  INSERT INTO art5_new_assessment VALUES (pg_current_xact_id(), NEW.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER art5_note_new_assessment AFTER INSERT ON assessment
  FOR EACH ROW EXECUTE FUNCTION art5_note_new_assessment();
CREATE OR REPLACE FUNCTION art5_is_new_assessment(aid integer) RETURNS boolean LANGUAGE sql STABLE
  SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM art5_new_assessment WHERE xid = pg_current_xact_id() AND assessment_id = aid)
$$;
REVOKE ALL ON FUNCTION art5_note_new_assessment() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION art5_is_new_assessment(integer) TO {ALL};

-- assessments: everyone reads; an assessor writes only their own drafts
{_shared("assessment")}
CREATE POLICY assessor_insert ON assessment FOR INSERT TO art5_assessor
  WITH CHECK (created_by = current_user
              AND (status = 'draft' OR (origin = 'import' AND status IN ('finished', 'signed', 'amended'))));
CREATE POLICY assessor_update ON assessment FOR UPDATE TO art5_assessor
  USING (created_by = current_user) WITH CHECK (created_by = current_user);
CREATE POLICY assessor_delete ON assessment FOR DELETE TO art5_assessor
  USING (created_by = current_user AND status = 'draft');

-- what an assessor may change in their own assessment once it is no longer a draft: only
-- marking it superseded by their own amendment (finish of the new version does that)
CREATE OR REPLACE FUNCTION art5_is_assessor_only() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT pg_has_role(current_user, 'art5_assessor', 'MEMBER')
         AND NOT pg_has_role(current_user, 'art5_officer', 'MEMBER')
$$;
CREATE OR REPLACE FUNCTION art5_assessment_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT art5_is_assessor_only() THEN
    RETURN NEW;
  END IF;
  IF art5_is_new_assessment(OLD.id) THEN
    RETURN NEW;  -- inserted by this very transaction (a submission being added): still being filled in
  END IF;
  IF NEW.status NOT IN ('draft', 'finished', 'amended') THEN
    RAISE EXCEPTION 'an assessor may not set an assessment to %', NEW.status USING ERRCODE = '42501';
  END IF;
  IF NEW.origin IS DISTINCT FROM OLD.origin OR NEW.uid IS DISTINCT FROM OLD.uid THEN
    RAISE EXCEPTION 'assessment %: an assessor may not change where it came from (origin, uid)', OLD.reference
      USING ERRCODE = '42501';
  END IF;
  IF OLD.status <> 'draft' THEN
    IF NOT (OLD.status IN ('finished', 'signed') AND NEW.status = 'amended'
            AND NEW.outcome IS NOT DISTINCT FROM OLD.outcome
            AND NEW.finished_at IS NOT DISTINCT FROM OLD.finished_at
            AND NEW.signed_at IS NOT DISTINCT FROM OLD.signed_at
            AND NEW.reference = OLD.reference AND NEW.uid = OLD.uid
            -- superseded by their own newer version of it
            AND EXISTS (SELECT 1 FROM assessment c WHERE c.id = NEW.superseded_by AND c.parent_id = OLD.id
                        AND c.created_by = current_user)) THEN
      RAISE EXCEPTION 'assessment % is %: an assessor may not change it', OLD.reference, OLD.status
        USING ERRCODE = '42501';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER art5_assessment_guard BEFORE UPDATE ON assessment
  FOR EACH ROW EXECUTE FUNCTION art5_assessment_guard();

-- checked at commit, for an assessor: a record marked imported came with its submission (the
-- checked bundle, kept unchanged), added in their own name in the same transaction, which only
-- `art5 sync` writes; a change of status (submitting, superseding) came with its audit event
CREATE OR REPLACE FUNCTION art5_assessment_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT art5_is_assessor_only() THEN
    RETURN NULL;
  END IF;
  IF NEW.origin = 'import' AND art5_is_new_assessment(NEW.id) AND NOT EXISTS (
       SELECT 1 FROM submission s WHERE s.assessment_id = NEW.id AND s.uid = NEW.uid
         AND s.submitted_by = current_user AND s.status = 'accepted' AND s.bundle IS NOT NULL
         AND s.xmin = pg_current_xact_id()::xid) THEN
    RAISE EXCEPTION 'assessment % is marked as imported but no submission (the checked bundle with its signed '
                    'report) was added with it: an assessor adds records from elsewhere only with art5 sync',
                    NEW.reference USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.status IS DISTINCT FROM OLD.status AND NOT art5_is_new_assessment(NEW.id)
     AND NOT EXISTS (
       SELECT 1 FROM audit_event e WHERE e.assessment_id = NEW.id AND e.actor = current_user
         AND e.kind = CASE NEW.status WHEN 'finished' THEN 'finish' WHEN 'amended' THEN 'superseded' ELSE '' END
         AND e.xmin = pg_current_xact_id()::xid) THEN
    RAISE EXCEPTION 'assessment %: the change from % to % has no audit event in the same transaction',
                    OLD.reference, OLD.status, NEW.status USING ERRCODE = '42501';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER art5_assessment_evidence AFTER INSERT OR UPDATE ON assessment
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION art5_assessment_evidence();

-- answers and attachments: an assessor changes those of their own drafts (attachments: of their
-- own assessments, e.g. the signed report); the officer all
{_shared("answer")}
CREATE POLICY assessor_own ON answer TO art5_assessor
  USING ({_OWN_DRAFT.format(col="answer.assessment_id")})
  WITH CHECK ({_OWN_DRAFT.format(col="answer.assessment_id")});

{_shared("attachment")}
CREATE POLICY assessor_insert ON attachment FOR INSERT TO art5_assessor
  WITH CHECK (added_by = current_user AND {_OWN.format(col="attachment.assessment_id")});
CREATE POLICY assessor_delete ON attachment FOR DELETE TO art5_assessor
  USING ({_OWN_DRAFT.format(col="attachment.assessment_id")});

{_shared("attachment_blob")}
CREATE POLICY assessor_insert ON attachment_blob FOR INSERT TO art5_assessor
  WITH CHECK (EXISTS (SELECT 1 FROM attachment t WHERE t.id = attachment_blob.attachment_id
                      AND t.added_by = current_user));
CREATE POLICY assessor_delete ON attachment_blob FOR DELETE TO art5_assessor
  USING (EXISTS (SELECT 1 FROM attachment t WHERE t.id = attachment_blob.attachment_id
                 AND {_OWN_DRAFT.format(col="t.assessment_id")}));

-- the audit trail: appended in one's own name (imported events keep their author, marked
-- with their origin); never changed
{_shared("audit_event", officer_all=False)}
CREATE POLICY append_own ON audit_event FOR INSERT TO {WRITERS}
  WITH CHECK (actor = current_user
              OR (origin LIKE 'import:%' AND EXISTS (
                    SELECT 1 FROM assessment x WHERE x.id = audit_event.assessment_id AND x.origin = 'import'
                      AND x.created_by = current_user AND art5_is_new_assessment(x.id))));
-- the hash is written right after the insert, in the same transaction (it covers the id)
GRANT UPDATE (hash) ON audit_event TO {WRITERS};
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
CREATE TRIGGER art5_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION art5_append_only();
CREATE TRIGGER art5_append_only BEFORE UPDATE OR DELETE ON review
  FOR EACH ROW EXECUTE FUNCTION art5_append_only();
CREATE TRIGGER art5_append_only BEFORE UPDATE OR DELETE ON submission
  FOR EACH ROW EXECUTE FUNCTION art5_append_only();
CREATE TRIGGER art5_append_only BEFORE UPDATE OR DELETE ON screening_decision
  FOR EACH ROW EXECUTE FUNCTION art5_append_only();

-- reviews: the officer, in their own name
{_shared("review", officer_all=False)}
CREATE POLICY officer_insert ON review FOR INSERT TO art5_officer WITH CHECK (reviewer = current_user);

-- after the notification: the author of the assessment and the officer
{_shared("followup")}
CREATE POLICY assessor_own ON followup TO art5_assessor
  USING ({_OWN.format(col="followup.assessment_id")}) WITH CHECK ({_OWN.format(col="followup.assessment_id")});

-- submissions (art5 sync): in one's own name
{_shared("submission", officer_all=False)}
CREATE POLICY submit_own ON submission FOR INSERT TO {WRITERS} WITH CHECK (submitted_by = current_user);

-- the team's trusted signers: the officer adds (in their own name) and removes; everyone reads
-- (art5 sync copies them to the laptops)
{_shared("team_signer", officer_all=False)}
CREATE POLICY officer_add ON team_signer FOR INSERT TO art5_officer WITH CHECK (added_by = current_user);
CREATE POLICY officer_remove ON team_signer FOR DELETE TO art5_officer USING (true);

-- screening decisions (a hit cleared as a false positive, or confirmed): in one's own name; an
-- assessor for their own assessments only; a decision for the party in every assessment (which
-- would clear the hit in colleagues' work too) only the officer
{_shared("screening_decision", officer_all=False)}
CREATE POLICY officer_insert ON screening_decision FOR INSERT TO art5_officer WITH CHECK (decided_by = current_user);
CREATE POLICY assessor_insert ON screening_decision FOR INSERT TO art5_assessor
  WITH CHECK (decided_by = current_user AND scope = 'assessment'
              AND {_OWN.format(col="screening_decision.assessment_id")});
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
    con.execute(_idempotent(SCHEMA_SQL))


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
