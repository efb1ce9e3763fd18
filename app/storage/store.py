"""The register of assessments on SQLModel. Every answer is committed when it is given.

``Store`` holds the assessments and their answers (create, answer, finish, amend, sign,
delete) and, as small objects beside them, the audit trail (``store.audit``), the register page
(``store.register``), the product library (``store.products``) and the evidence files
(``store.attachments``): see ``app/storage/repositories/``. What belongs to SQLite (connection
settings, the write lock that serialises the audit chain, raw SQL) is in ``app.storage.dialect``.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import json
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping, TypeVar

from sqlalchemy import func
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, col, select

from app.storage import DB_FILENAME, dialect
from app.storage.db import HEAD_REVISION, backup_due, check_revision, migrate, migration_lock, prepare_file, rolling_backup
from app.storage.errors import ReadOnlyLocationError, StorageError
from app.storage.models import Answer, Assessment, Attachment, ExporterProfile
from app.storage.repositories.attachments import Attachments, safe_name
from app.storage.repositories.audit import AuditLog
from app.storage.repositories.base import Clock, dumps, iso
from app.storage.repositories.drafts import DocumentDrafts
from app.storage.repositories.products import ProductLibrary
from app.storage.repositories.register import REGISTER_COLUMNS, RegisterQueries, register_sql
from app.storage.screening_decisions import ScreeningDecisions

T = TypeVar("T")

__all__ = ["Store", "AssessmentSummary", "RetentionError", "REGISTER_COLUMNS", "register_sql", "utc_now",
           "dumps", "safe_name"]


def utc_now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc)


def _actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some systems
        return ""


@dataclass(frozen=True)
class AssessmentSummary:
    id: int
    reference: str
    title: str
    status: str
    outcome: str
    questionnaire_id: str
    questionnaire_version: str
    created_at: str
    updated_at: str
    answer_count: int


class PermissionDeniedError(StorageError):
    """The team register's roles refused a change (e.g. an assessor editing another's draft)."""


class RetentionError(StorageError):
    """Deleting a record inside its retention period (Art. 27(3))."""


PROFILE_FIELDS = ("name", "address", "eori", "member_state", "contact_name", "contact_email", "phone",
                  "compliance_officer")


class Store:
    """Assessments, their answers and the exporter profile; the audit trail, the register page,
    the product library and the attachments as the repositories it holds."""

    def __init__(self, engine: Any, path: Path | None, clock: Clock = utc_now, actor: str | None = None):
        self.engine = engine
        self.path = path
        self.clock = clock
        self.actor = _actor() if actor is None else actor
        self.backup_made: Path | None = None
        self.audit = AuditLog(self)
        self.register = RegisterQueries(self)
        self.products = ProductLibrary(self)
        self.attachments = Attachments(self)
        self.screening_decisions = ScreeningDecisions(self)  # shared with the team on its register
        self.drafts = DocumentDrafts(self)
        # (questionnaire id, version) -> role -> question id, given by the callers that loaded the
        # questionnaire (declare_roles); other versions: the roles of the program's questionnaires
        self._roles: dict[tuple[str, str], dict[str, str]] = {}

    # -- opening ------------------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path, clock: Clock = utc_now, actor: str | None = None) -> "Store":
        data_dir = Path(data_dir)
        path = data_dir / DB_FILENAME
        current = check_revision(path)  # refuses corrupt and newer files before touching them
        prepare_file(path)
        engine = dialect.create_engine(path)
        store = cls(engine, path, clock, actor)
        from app.base.settings import Settings

        settings = Settings.load(data_dir)
        try:
            if current != HEAD_REVISION:  # a new or older register: one process migrates at a time
                with migration_lock(path):
                    current = check_revision(path)  # another process may have migrated meanwhile
                    store.backup_made = migrate(engine, path, current, data_dir / "backups",
                                                settings.backup_count)
            if current is not None and store.backup_made is None and backup_due(
                    data_dir / "backups", getattr(settings, "backup_interval_hours", 24)):
                store.backup_made = rolling_backup(path, data_dir / "backups", "interval", settings.backup_count)
            for suffix in ("-wal", "-shm"):
                side = Path(str(path) + suffix)
                if side.exists():
                    os.chmod(side, 0o600)
            from app.base.atomic import sweep_leftovers

            # half-written files of a program killed earlier (never taken for complete ones)
            sweep_leftovers([data_dir / sub for sub in ("reports", "backups", "attachments")])
        except OperationalError as exc:
            engine.dispose()
            msg = str(exc.orig) if getattr(exc, "orig", None) else str(exc)
            if dialect.is_read_only(msg):
                raise ReadOnlyLocationError(path, f"cannot write the database ({msg}); nothing was changed") from None
            raise StorageError(path, f"cannot open the database: {msg}") from None
        return store

    @classmethod
    def open_url(cls, url: str, clock: Clock = utc_now, migrate_schema: bool = True) -> "Store":
        """The shared team register on PostgreSQL (``app.storage.dialect_pg``): the actor is the
        database user, so the database's roles and row-level security decide what it may change."""
        from app.storage import dialect_pg

        try:
            engine = dialect_pg.create_engine(url)
        except dialect_pg.UrlError as exc:
            raise StorageError("team register", str(exc)) from None
        try:
            if migrate_schema:
                dialect_pg.migrate(engine)
            with engine.connect() as con:
                actor = str(con.exec_driver_sql("SELECT current_user").scalar())
        except OperationalError as exc:
            engine.dispose()
            raise StorageError(dialect_pg.redact(url), f"cannot open the team register: "
                                                      f"{str(getattr(exc, 'orig', exc)).strip()}") from None
        except dialect_pg.UrlError as exc:  # a database that is not an Art5 register: untouched
            engine.dispose()
            raise StorageError(dialect_pg.redact(url), str(exc)) from None
        except Exception as exc:
            engine.dispose()
            if dialect_pg.is_denied(exc):
                raise StorageError(dialect_pg.redact(url), "the team register's schema is older than this "
                                   "program and your database user may not upgrade it; ask the compliance "
                                   "officer to run `art5 team upgrade`") from None
            raise
        return cls(engine, None, clock, actor)

    @property
    def is_team(self) -> bool:
        """True for the shared PostgreSQL register."""
        return bool(self.engine.dialect.name == "postgresql")

    def close(self) -> None:
        self.engine.dispose()

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def write(self, fn: Callable[[Session], T], durable: bool = True) -> T:
        """Run ``fn(session)`` in one transaction holding the write lock, translating write
        failures. ``durable=False``: bookkeeping that may be lost in a power cut."""
        try:
            with dialect.write_lock(durable), self.session() as s:
                s.connection()  # begins the transaction now, holding the write lock
                dialect.lock_taken()
                result = fn(s)
                s.commit()
                return result
        except StaleDataError:
            # row-level security hid the row from this user's UPDATE/DELETE (team register)
            raise PermissionDeniedError(
                "team register", f"your role ({self.actor}) may not make this change (it is another "
                "person's draft or finished work); nothing was saved") from None
        except DBAPIError as exc:
            sql_dialect = dialect.for_engine(self.engine)
            if sql_dialect.NAME == "postgresql" and sql_dialect.is_denied(exc):
                raise PermissionDeniedError(
                    "team register", f"your role ({self.actor}) may not make this change: "
                    f"{str(getattr(exc, 'orig', exc)).splitlines()[0]}; nothing was saved") from None
            if not isinstance(exc, OperationalError):
                raise
            msg = str(getattr(exc, "orig", exc))
            if sql_dialect.is_busy(msg):
                msg += (" (another Art5 Assessor process kept it busy for 10 s); nothing was saved. "
                        "Try again when it has finished")
            raise StorageError(self.path or "database", f"could not save: {msg}") from None

    def assessment(self, s: Session, assessment_id: int, draft: bool = False) -> Assessment:
        """The assessment row in ``s``; KeyError when there is none. ``draft``: refuse one that
        is finished, signed or amended (it is changed through a new version, not in place)."""
        a = s.get(Assessment, assessment_id)
        if a is None:
            raise KeyError(f"no assessment with id {assessment_id}")
        if draft and a.status != "draft":
            raise StorageError(self.path or "database",
                               f"assessment {a.reference} is {a.status}; it cannot be changed in place")
        if draft:
            self.check_owner(a)
        return a

    def _own_or_laptop(self, a: Assessment) -> bool:
        """Bookkeeping (the page to resume on, the provisional outcome) is kept only for one's own
        drafts on the team register: looking at a colleague's draft changes nothing of it."""
        return not self.is_team or a.created_by == self.actor

    def _team_role(self) -> str:
        """officer, assessor, auditor or owner on the team register (asked once)."""
        if getattr(self, "_role", None) is None:
            from app.storage.team import role_of

            self._role = role_of(self)
        return self._role

    def check_officer(self, what: str) -> None:
        """On the team register only the compliance officer (or the database owner) does ``what``."""
        if not self.is_team:
            return
        if self._team_role() not in ("officer", "owner"):
            raise PermissionDeniedError("team register", f"{what}: only the compliance officer may; you are "
                                                         f"{self.actor} ({self._role}). Nothing was changed")

    def check_owner(self, a: Assessment) -> None:
        """On the team register an assessor changes only their own drafts (the database's
        row-level security enforces it; this says so before anything is tried)."""
        if not self.is_team or a.created_by == self.actor:
            return
        if self._team_role() in ("assessor", "auditor"):
            raise PermissionDeniedError(
                "team register", f"assessment {a.reference} is {a.created_by}'s; as {self._role} "
                f"({self.actor}) you may not change it. Nothing was saved")

    def declare_roles(self, questionnaire_id: str, version: str, roles: Mapping[str, str]) -> None:
        """The question roles (role -> question id) of a questionnaire version the caller loaded:
        the register columns of its assessments are read through them. Without a declaration,
        the roles of the program's own questionnaire files are used."""
        self._roles[(questionnaire_id, str(version))] = dict(roles)

    def column_roles(self, a: Assessment | AssessmentSummary) -> dict[str, str]:
        """role -> question id of the register's columns for ``a``'s questionnaire version."""
        from app.storage.register import COLUMN_ROLES, column_roles

        declared = self._roles.get((a.questionnaire_id, a.questionnaire_version))
        if declared is None:
            return column_roles(a.questionnaire_id, a.questionnaire_version)
        return {r: declared[r] for r in COLUMN_ROLES if r in declared}

    def _refresh_register(self, s: Session, a: Assessment) -> None:
        """Recompute the register columns (product, customer, destination, retention) of ``a``."""
        from app.storage.register import register_fields

        rows = s.exec(select(Answer.question_id, Answer.value_json).where(Answer.assessment_id == a.id)).all()
        fields = register_fields({q: json.loads(v) for q, v in rows}, a.created_at, a.finished_at,
                                 roles=self.column_roles(a))
        for k, v in fields.items():
            setattr(a, k, v)
        s.add(a)

    # -- assessments --------------------------------------------------------------------
    def create_assessment(self, questionnaire_id: str, version: str, sha256: str = "", title: str = "",
                          origin: str = "", answers: dict[str, Any] | None = None) -> Assessment:
        """A new draft; ``answers`` (e.g. from a product profile) are saved with it, audited."""
        from app.base.textsafety import clean_text

        title = clean_text(title or "")  # no invisible or control characters in the register (issue 14)

        def work(s: Session) -> Assessment:
            now = iso(self.clock)
            year = self.clock().year
            count = s.exec(select(func.count()).select_from(Assessment)).one()
            n = int(count) + 1
            while True:
                ref = f"A-{year}-{n:04d}"
                if not s.exec(select(Assessment.id).where(Assessment.reference == ref)).first():
                    break
                n += 1
            a = Assessment(reference=ref, title=title, questionnaire_id=questionnaire_id,
                           questionnaire_version=version, questionnaire_sha256=sha256,
                           created_at=now, updated_at=now, created_by=self.actor, uid=uuid.uuid4().hex,
                           origin=origin)
            s.add(a)
            s.flush()
            assert a.id is not None  # given by the flush
            created = {"questionnaire": questionnaire_id, "version": version}
            if origin:
                created["origin"] = origin
            self.audit.append(s, "create", a.id, new=created, at=now)
            for qid, value in (answers or {}).items():
                if value is not None:
                    s.add(Answer(assessment_id=a.id, question_id=qid, value_json=dumps(value), updated_at=now))
                    self.audit.append(s, "answer", a.id, qid, None, value, at=now)
            s.flush()
            self._refresh_register(s, a)
            return a

        return self.write(work)

    def get(self, assessment_id: int) -> Assessment:
        with self.session() as s:
            return self.assessment(s, assessment_id)

    def list_assessments(self) -> list[AssessmentSummary]:
        with self.session() as s:
            counts = dict(s.exec(
                select(Answer.assessment_id, func.count()).group_by(col(Answer.assessment_id))).all())
            rows = s.exec(select(Assessment).order_by(col(Assessment.updated_at).desc())).all()
            return [AssessmentSummary(a.id, a.reference, a.title, a.status, a.outcome, a.questionnaire_id,  # type: ignore[arg-type]
                                      a.questionnaire_version, a.created_at, a.updated_at,
                                      int(counts.get(a.id, 0)))  # type: ignore[arg-type]
                    for a in rows]

    def answers(self, assessment_id: int) -> dict[str, Any]:
        with self.session() as s:
            rows = s.exec(select(Answer).where(Answer.assessment_id == assessment_id)).all()
            return {r.question_id: json.loads(r.value_json) for r in rows}

    def save_answer(self, assessment_id: int, question_id: str, value: Any, current_page: str | None = None) -> bool:
        """Store one answer (``None`` removes it) with its audit event, in one committed
        transaction. Returns False when the value did not change (nothing is written).
        ``current_page``: the page to resume on, saved in the same transaction."""

        def work(s: Session) -> bool:
            a = self.assessment(s, assessment_id, draft=True)
            row = s.exec(select(Answer).where(Answer.assessment_id == assessment_id,
                                              Answer.question_id == question_id)).first()
            now = iso(self.clock)
            if not self._put_answer(s, assessment_id, question_id, row, value, now):
                return False
            a.updated_at = now
            if current_page:
                a.current_page = current_page
            s.add(a)
            from app.storage.register import source_questions

            if question_id in source_questions(self.column_roles(a)):
                s.flush()
                self._refresh_register(s, a)
            return True

        return self.write(work)

    def set_current_page(self, assessment_id: int, page_id: str) -> None:
        def work(s: Session) -> None:
            a = s.get(Assessment, assessment_id)
            if a is not None and a.current_page != page_id and self._own_or_laptop(a):
                a.current_page = page_id
                s.add(a)

        self.write(work, durable=False)  # where to resume: not a record

    def set_title(self, assessment_id: int, title: str) -> None:
        from app.base.textsafety import clean_text

        title = clean_text(title or "")

        def work(s: Session) -> None:
            a = s.get(Assessment, assessment_id)
            if a is not None and a.title != title:
                self.audit.append(s, "title", assessment_id, old=a.title, new=title)
                a.title = title
                a.updated_at = iso(self.clock)
                s.add(a)

        self.write(work)

    def set_outcome(self, assessment_id: int, outcome: str) -> None:
        """The provisional outcome shown in the register (drafts only)."""
        def work(s: Session) -> None:
            a = s.get(Assessment, assessment_id)
            if a is not None and a.status == "draft" and a.outcome != outcome and self._own_or_laptop(a):
                a.outcome = outcome
                s.add(a)

        self.write(work)

    def finish(self, assessment_id: int, outcome: str) -> Assessment:
        def work(s: Session) -> Assessment:
            a = self.assessment(s, assessment_id)
            if a.status != "draft":
                raise StorageError(self.path or "database", f"assessment {a.reference} is already {a.status}")
            now = iso(self.clock)
            a.status = "finished"
            a.outcome = outcome
            a.finished_at = now
            a.updated_at = now
            self._refresh_register(s, a)
            self.audit.append(s, "finish", assessment_id, new={"outcome": outcome}, at=now)
            if a.parent_id is not None:
                parent = s.get(Assessment, a.parent_id)
                if parent is not None:
                    parent.status = "amended"
                    parent.superseded_by = a.id
                    s.add(parent)
                    self.audit.append(s, "superseded", parent.id, new={"by": a.reference}, reason=a.amendment_reason,
                                at=now)
            return a

        return self.write(work)

    def discard_draft(self, assessment_id: int, reason: str = "") -> None:
        """Delete a draft that was never finished; the discard is logged."""

        def work(s: Session) -> list[str]:
            a = self.assessment(s, assessment_id)
            if a.status != "draft":
                raise StorageError(self.path or "database",
                                   f"assessment {a.reference} is {a.status}; only drafts can be discarded")
            self.check_owner(a)
            self.audit.append(s, "discard", assessment_id, old={"reference": a.reference, "title": a.title},
                        reason=reason or None)
            files = [r.stored_path for r in s.exec(select(Attachment).where(Attachment.assessment_id == a.id))]
            for model in (Answer, Attachment):
                for row in s.exec(select(model).where(model.assessment_id == assessment_id)).all():
                    s.delete(row)
            s.delete(a)
            return files

        for rel in self.write(work):
            self.attachments.remove_file(rel)

    # -- exporter profile ---------------------------------------------------------------
    def profile(self) -> ExporterProfile:
        with self.session() as s:
            p = s.exec(select(ExporterProfile).order_by(col(ExporterProfile.id))).first()
            return p or ExporterProfile()

    def save_profile(self, **fields: str) -> ExporterProfile:
        allowed = set(PROFILE_FIELDS)
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"unknown profile fields: {', '.join(sorted(unknown))}")
        from app.base.textsafety import clean_text

        fields = {k: clean_text(v, multiline=(k == "address")) if isinstance(v, str) else v
                  for k, v in fields.items()}

        def work(s: Session) -> ExporterProfile:
            p = s.exec(select(ExporterProfile).order_by(col(ExporterProfile.id))).first() or ExporterProfile()
            old = {k: getattr(p, k) for k in fields}
            for k, v in fields.items():
                setattr(p, k, v)
            p.updated_at = iso(self.clock)
            s.add(p)
            self.audit.append(s, "profile", None, old=old, new=fields)
            return p

        return self.write(work)

    # -- draft documents (notification, end-user statement) --------------------------------
    def integrity_ok(self) -> bool:
        return bool(dialect.for_engine(self.engine).integrity_ok(self.engine))

    def _put_answer(self, s: Session, assessment_id: int, question_id: str, row: Answer | None, value: Any,
                    now: str) -> bool:
        """Write one answer (``None`` removes it) and its audit event in the open transaction;
        False when the value did not change (nothing is written)."""
        old = json.loads(row.value_json) if row else None
        if old == value:
            return False
        if value is None:
            if row:
                s.delete(row)
        elif row:
            row.value_json = dumps(value)
            row.updated_at = now
            s.add(row)
        else:
            s.add(Answer(assessment_id=assessment_id, question_id=question_id, value_json=dumps(value),
                         updated_at=now))
        self.audit.append(s, "answer", assessment_id, question_id, old, value, at=now)
        return True

    def save_answers(self, assessment_id: int, values: dict[str, Any]) -> int:
        """Several answers in one transaction (each audited); returns how many changed."""
        def work(s: Session) -> int:
            a = self.assessment(s, assessment_id, draft=True)
            rows = {r.question_id: r for r in s.exec(select(Answer).where(Answer.assessment_id == assessment_id))}
            now = iso(self.clock)
            changed = 0
            for qid, value in values.items():
                changed += self._put_answer(s, assessment_id, qid, rows.get(qid), value, now)
            if changed:
                a.updated_at = now
                s.flush()
                self._refresh_register(s, a)
            return changed

        return self.write(work)

    def get_by_uid(self, uid: str) -> Assessment | None:
        with self.session() as s:
            return s.exec(select(Assessment).where(Assessment.uid == uid)).first()

    def versions(self, assessment_id: int) -> list[Assessment]:
        """Every version of an assessment (the original and its amendments), oldest first."""
        with self.session() as s:
            a = self.assessment(s, assessment_id)
            while a.parent_id is not None and s.get(Assessment, a.parent_id) is not None:
                a = s.get(Assessment, a.parent_id)  # type: ignore[assignment]  # not None: checked above
            chain = [a]
            while True:
                nxt = s.exec(select(Assessment).where(Assessment.parent_id == chain[-1].id)
                             .order_by(col(Assessment.id))).first()
                if nxt is None:
                    return chain
                chain.append(nxt)

    # -- amendments, signing, deletion --------------------------------------------------
    def amend(self, assessment_id: int, reason: str) -> Assessment:
        """A new draft version of a finished or signed assessment; the old one is kept as it is
        (and becomes ``amended`` when the new version is finished)."""
        reason = (reason or "").strip()
        if not reason:
            raise ValueError("an amendment needs a reason")

        def work(s: Session) -> Assessment:
            a = self.assessment(s, assessment_id)
            if a.status not in ("finished", "signed"):
                raise StorageError(self.path or "database",
                                   f"assessment {a.reference} is {a.status}: only a finished or signed "
                                   "assessment is amended (a draft is simply edited)")
            pending = s.exec(select(Assessment).where(Assessment.parent_id == a.id)).first()
            if pending is not None:
                raise StorageError(self.path or "database",
                                   f"assessment {a.reference} already has a newer version {pending.reference}")
            from app.base.paths import check_reference

            try:  # the new reference names files: the old one must be a valid reference
                check_reference(a.reference)
            except ValueError as exc:
                raise StorageError(self.path or "database", f"refused to amend: {exc}") from None
            now = iso(self.clock)
            base = re.sub(r"-v\d+$", "", a.reference)
            new = Assessment(
                reference=f"{base}-v{a.version_no + 1}", title=a.title, questionnaire_id=a.questionnaire_id,
                questionnaire_version=a.questionnaire_version, questionnaire_sha256=a.questionnaire_sha256,
                current_page="", outcome=a.outcome, created_at=now, updated_at=now, created_by=self.actor,
                uid=uuid.uuid4().hex, parent_id=a.id, version_no=a.version_no + 1, amendment_reason=reason,
                product_profile_id=a.product_profile_id, product_profile_version=a.product_profile_version,
                origin="amendment")
            s.add(new)
            s.flush()
            assert new.id is not None  # given by the flush
            for row in s.exec(select(Answer).where(Answer.assessment_id == a.id)).all():
                s.add(Answer(assessment_id=new.id, question_id=row.question_id, value_json=row.value_json,
                             updated_at=now))
            self.audit.append(s, "create", new.id, new={"questionnaire": a.questionnaire_id,
                                                  "version": a.questionnaire_version, "amends": a.reference},
                        reason=reason, at=now)
            self.audit.append(s, "amend", a.id, new={"new_version": new.reference}, reason=reason, at=now)
            s.flush()
            self._refresh_register(s, new)
            return new

        return self.write(work)

    def mark_signed(self, assessment_id: int, report: str = "") -> Assessment:
        """A finished assessment whose report was signed."""
        def work(s: Session) -> Assessment:
            a = self.assessment(s, assessment_id)
            if a.status not in ("finished", "signed"):
                raise StorageError(self.path or "database",
                                   f"assessment {a.reference} is {a.status}; only a finished assessment is signed")
            now = iso(self.clock)
            a.status = "signed"
            a.signed_at = now
            s.add(a)
            self.audit.append(s, "sign", a.id, new={"report": report}, at=now)
            return a

        signed = self.write(work)
        if self.is_team and report and Path(report).is_file():
            # the team sees the signed report: its bytes go into the database with it
            self.attachments.add(assessment_id, Path(report), "report", "signed report")
        return signed

    def delete_assessment(self, assessment_id: int, confirmed: bool = False, today: _dt.date | None = None,
                          reason: str = "") -> None:
        """Delete a finished, signed or amended assessment after its retention period.

        Refused inside the period (Art. 27(3)); needs ``confirmed``; logged. Drafts are discarded
        with :meth:`discard_draft`."""
        from app.storage.retention import may_delete

        def work(s: Session) -> list[str]:
            a = self.assessment(s, assessment_id)
            if a.status == "draft":
                raise StorageError(self.path or "database",
                                   f"assessment {a.reference} is a draft: discard it instead")
            if not may_delete(a.retention_until, today):
                raise RetentionError(self.path or "database",
                                     f"assessment {a.reference} is {a.status} and must be kept until "
                                     f"{a.retention_until} (Art. 27(3) of Regulation (EU) 2021/821); "
                                     "it was not deleted")
            if not confirmed:
                raise StorageError(self.path or "database",
                                   f"deleting {a.reference} needs confirmation; nothing was deleted")
            self.check_officer(f"deleting {a.reference}")
            files = [r.stored_path for r in s.exec(select(Attachment).where(Attachment.assessment_id == a.id))]
            self.audit.append(s, "delete", a.id, old={"reference": a.reference, "status": a.status,
                                                "outcome": a.outcome, "retention_until": a.retention_until},
                        reason=reason or None)
            for model in (Answer, Attachment):
                for row in s.exec(select(model).where(model.assessment_id == a.id)).all():
                    s.delete(row)
            for child in s.exec(select(Assessment).where(Assessment.parent_id == a.id)).all():
                child.parent_id = None
                s.add(child)
            s.delete(a)
            return files

        for rel in self.write(work):
            self.attachments.remove_file(rel)

    def move_to_questionnaire(self, assessment_id: int, version: str, sha256: str, drop: list[str],
                               summary: dict[str, Any]) -> None:
        """Move a draft to another questionnaire version, removing ``drop`` answers (audited)."""
        def work(s: Session) -> None:
            a = self.assessment(s, assessment_id)
            if a.status != "draft":
                raise StorageError(self.path or "database", f"assessment {a.reference} is {a.status}")
            now = iso(self.clock)
            for row in s.exec(select(Answer).where(Answer.assessment_id == a.id, col(Answer.question_id).in_(drop))).all():
                self.audit.append(s, "answer", a.id, row.question_id, json.loads(row.value_json), None,
                            reason="not accepted by the new questionnaire version", at=now)
                s.delete(row)
            self.audit.append(s, "questionnaire_version", a.id, old={"version": a.questionnaire_version},
                        new={"version": version, **summary}, at=now)
            a.questionnaire_version = version
            a.questionnaire_sha256 = sha256
            a.updated_at = now
            s.flush()
            self._refresh_register(s, a)

        self.write(work)

    IMPORT_FIELDS = ("title", "questionnaire_id", "questionnaire_version", "questionnaire_sha256", "status",
                     "current_page", "outcome", "created_at", "updated_at", "finished_at", "created_by", "uid",
                     "signed_at", "version_no", "amendment_reason")

    def import_record(self, row: dict[str, Any], answers: dict[str, Any], events: list[dict[str, Any]],
                      reference: str, source: str,
                      with_it: Callable[[Session, Assessment], None] | None = None) -> Assessment:
        """Add an assessment from a transfer bundle (already verified), with its audit events
        appended to this register's chain (marked with their origin), in one transaction.
        ``with_it(session, assessment)`` adds what must be committed with it (``art5 sync``: the
        submission, which the team register requires of an assessor's import)."""
        def work(s: Session) -> Assessment:
            uid = str(row.get("uid") or "")
            if not uid:
                raise StorageError(source, "the bundle's assessment has no uid")
            if s.exec(select(Assessment).where(Assessment.uid == uid)).first() is not None:
                raise StorageError(source, "this assessment is already in the register")
            ref, n = reference, 1
            while s.exec(select(Assessment.id).where(Assessment.reference == ref)).first():
                n += 1
                ref = f"{reference}-import{n}"
            a = Assessment(reference=ref, origin="import",
                           **{k: row[k] for k in self.IMPORT_FIELDS if row.get(k) is not None})
            s.add(a)
            s.flush()
            assert a.id is not None  # given by the flush
            now = iso(self.clock)
            for qid, value in answers.items():
                s.add(Answer(assessment_id=a.id, question_id=qid, value_json=dumps(value), updated_at=now))
            for ev in events:
                # the event's identity in the register it came from, so that its original hash (the
                # one the signed report anchors) can be recomputed later (app.signing.anchors, issue 14)
                origin = "import:" + json.dumps({"uid": uid, "id": ev.get("id"), "assessment_id": ev.get("assessment_id"),
                                                 "origin": ev.get("origin"), "actor": ev.get("actor"),
                                                 "prev_hash": ev.get("prev_hash")},
                                                separators=(",", ":"), sort_keys=True)
                self.audit.append(s, str(ev.get("kind") or "?"), a.id, ev.get("question_id"), at=str(ev.get("at") or now),
                            reason=ev.get("reason"), origin=origin, raw_old=ev.get("old_json"),
                            raw_new=ev.get("new_json"), actor=str(ev.get("actor") or ""))
            self.audit.append(s, "import", a.id, new={"reference": row.get("reference"), "uid": uid, "as": ref},
                        reason=source, at=now)
            s.flush()
            self._refresh_register(s, a)
            if with_it is not None:
                with_it(s, a)
            return a

        return self.write(work)


