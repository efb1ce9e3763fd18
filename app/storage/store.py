"""The register of assessments on SQLModel. Every answer is committed when it is given.

The engine URL is the only SQLite-specific thing besides the connection pragmas; a shared
PostgreSQL register later is a different URL passed to :meth:`Store.open_url`.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import json
import os
import re
import tempfile
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import event, func
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, SQLModel, create_engine, select

from . import DB_FILENAME
from .db import backup_due, check_revision, migrate, prepare_file, rolling_backup
from .errors import ReadOnlyLocationError, StorageError
from .models import (Answer, Assessment, Attachment, AuditEvent, ExporterProfile, ProductProfile,
                     ProductProfileVersion)
from ..audit import GENESIS, ChainReport, event_hash

Clock = Callable[[], _dt.datetime]


def utc_now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc)


def _iso(clock: Clock) -> str:
    return clock().astimezone(_dt.timezone.utc).isoformat(timespec="microseconds")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


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


class RetentionError(StorageError):
    """Deleting a record inside its retention period (Art. 27(3))."""


# Writes start with BEGIN IMMEDIATE: the audit chain reads the newest hash and appends after it,
# so no other writer may slip in between. Reads start a plain (deferred) transaction.
_tx = threading.local()

# the register's columns, in the order register_rows returns them
REGISTER_COLUMNS = ("id", "reference", "title", "product", "customer", "destination", "outcome", "status",
                    "created_at", "updated_at", "finished_at", "export_date", "retention_until", "version_no")
REGISTER_SEARCH = ("reference", "title", "product", "customer", "destination", "outcome", "status",
                   "created_at", "updated_at", "export_date", "retention_until")
REGISTER_SORT = {"updated": "updated_at DESC, id DESC", "created": "created_at DESC, id DESC",
                 "reference": "reference", "retention": "retention_until, id"}


def register_sql(search: str = "", status: str = "", outcome: str = "", destination: str = "",
                 order: str = "updated") -> tuple[str, list[Any]]:
    """The register's WHERE/ORDER clause and parameters: one lean query over one table."""
    where, params = [], []
    if search.strip():
        for word in search.split():
            like = f"%{word.replace(chr(92), chr(92) * 2).replace('%', chr(92) + '%').replace('_', chr(92) + '_')}%"
            where.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in REGISTER_SEARCH) + ")")
            params.extend([like] * len(REGISTER_SEARCH))
    for col, value in (("status", status), ("outcome", outcome), ("destination", destination.upper())):
        if value:
            where.append(f"{col} = ?")
            params.append(value)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    return clause + " ORDER BY " + REGISTER_SORT.get(order, REGISTER_SORT["updated"]), params


def _sqlite_begin(conn) -> None:
    # FULL for everything that is a record (an answer acknowledged on screen survives a power
    # cut); NORMAL only for bookkeeping such as the page to resume on, which then costs no fsync
    # of its own: the next FULL commit syncs it too, and WAL keeps the file consistent either way.
    relaxed = getattr(_tx, "relaxed", False)
    conn.exec_driver_sql("PRAGMA synchronous=NORMAL" if relaxed else "PRAGMA synchronous=FULL")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if getattr(_tx, "immediate", False) else "BEGIN")


def _sqlite_pragmas(dbapi_con, _record) -> None:
    dbapi_con.isolation_level = None  # transactions are begun by _sqlite_begin
    cur = dbapi_con.cursor()
    cur.execute("PRAGMA trusted_schema=OFF")  # no SQL functions run from the schema (issue 14)
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA journal_mode=WAL")
    # FULL: an answer acknowledged on screen survives a power cut, not only a killed process.
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


class Store:
    """Assessments, answers, the exporter profile and the audit trail."""

    def __init__(self, engine, path: Path | None, clock: Clock = utc_now, actor: str | None = None):
        self.engine = engine
        self.path = path
        self.clock = clock
        self.actor = _actor() if actor is None else actor
        self.backup_made: Path | None = None

    # -- opening ------------------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path, clock: Clock = utc_now, actor: str | None = None) -> "Store":
        data_dir = Path(data_dir)
        path = data_dir / DB_FILENAME
        current = check_revision(path)  # refuses corrupt and newer files before touching them
        prepare_file(path)
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        store = cls(engine, path, clock, actor)
        from ..settings import Settings

        settings = Settings.load(data_dir)
        try:
            store.backup_made = migrate(engine, path, current, data_dir / "backups", settings.backup_count)
            if current is not None and store.backup_made is None and backup_due(
                    data_dir / "backups", getattr(settings, "backup_interval_hours", 24)):
                store.backup_made = rolling_backup(path, data_dir / "backups", "interval", settings.backup_count)
            for suffix in ("-wal", "-shm"):
                side = Path(str(path) + suffix)
                if side.exists():
                    os.chmod(side, 0o600)
            from ..atomic import sweep_leftovers

            # half-written files of a program killed earlier (never taken for complete ones)
            sweep_leftovers([data_dir / sub for sub in ("reports", "backups", "attachments")])
        except OperationalError as exc:
            engine.dispose()
            msg = str(exc.orig) if getattr(exc, "orig", None) else str(exc)
            if "readonly" in msg or "read-only" in msg or "unable to open" in msg:
                raise ReadOnlyLocationError(path, f"cannot write the database ({msg}); nothing was changed") from None
            raise StorageError(path, f"cannot open the database: {msg}") from None
        return store

    @classmethod
    def open_url(cls, url: str, clock: Clock = utc_now, actor: str | None = None) -> "Store":
        """Another database (e.g. PostgreSQL); the schema is created if missing."""
        engine = create_engine(url)
        SQLModel.metadata.create_all(engine)
        return cls(engine, None, clock, actor)

    def close(self) -> None:
        self.engine.dispose()

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def _write(self, fn, durable: bool = True):
        """Run ``fn(session)`` in one transaction (BEGIN IMMEDIATE), translating write failures.
        ``durable=False``: bookkeeping that may be lost in a power cut (no fsync of its own)."""
        _tx.immediate = True
        _tx.relaxed = not durable
        try:
            with self._session() as s:
                s.connection()  # begins the transaction now, holding the write lock
                _tx.immediate = False
                result = fn(s)
                s.commit()
                return result
        except OperationalError as exc:
            msg = str(getattr(exc, "orig", exc))
            if "locked" in msg or "busy" in msg:
                msg += (" (another Art5 Assessor process kept it busy for 10 s); nothing was saved. "
                        "Try again when it has finished")
            raise StorageError(self.path or "database", f"could not save: {msg}") from None
        finally:
            _tx.immediate = False
            _tx.relaxed = False

    def _assessment(self, s: Session, assessment_id: int, draft: bool = False) -> Assessment:
        """The assessment row in ``s``; KeyError when there is none. ``draft``: refuse one that
        is finished, signed or amended (it is changed through a new version, not in place)."""
        a = s.get(Assessment, assessment_id)
        if a is None:
            raise KeyError(f"no assessment with id {assessment_id}")
        if draft and a.status != "draft":
            raise StorageError(self.path or "database",
                               f"assessment {a.reference} is {a.status}; it cannot be changed in place")
        return a

    def _event(self, s: Session, kind: str, assessment_id: int | None, question_id: str | None = None,
               old: Any = None, new: Any = None, reason: str | None = None, at: str | None = None,
               origin: str = "", raw_old: str | None = None, raw_new: str | None = None,
               actor: str | None = None) -> AuditEvent:
        """Append an audit event to the hash chain, in the caller's transaction."""
        prev = s.exec(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()
        ev = AuditEvent(
            assessment_id=assessment_id, at=at or _iso(self.clock), actor=self.actor if actor is None else actor,
            kind=kind, question_id=question_id,
            old_json=raw_old if raw_old is not None else (None if old is None else dumps(old)),
            new_json=raw_new if raw_new is not None else (None if new is None else dumps(new)),
            reason=reason, origin=origin, prev_hash=prev or GENESIS,
        )
        s.add(ev)
        s.flush()  # assigns the id, which the hash covers
        ev.hash = event_hash(ev.prev_hash, ev)
        s.add(ev)
        s.flush()
        return ev

    def _refresh_register(self, s: Session, a: Assessment) -> None:
        """Recompute the register columns (product, customer, destination, retention) of ``a``."""
        from ..register import register_fields

        rows = s.exec(select(Answer.question_id, Answer.value_json).where(Answer.assessment_id == a.id)).all()
        fields = register_fields({q: json.loads(v) for q, v in rows}, a.created_at, a.finished_at)
        for k, v in fields.items():
            setattr(a, k, v)
        s.add(a)

    def log_event(self, kind: str, assessment_id: int | None, question_id: str | None = None,
                  old: Any = None, new: Any = None, reason: str | None = None) -> None:
        """Record an audit event written by another part of the program (e.g. a screening
        review decision), committed at once."""
        self._write(lambda s: self._event(s, kind, assessment_id, question_id, old, new, reason))

    # -- assessments --------------------------------------------------------------------
    def create_assessment(self, questionnaire_id: str, version: str, sha256: str = "", title: str = "",
                          origin: str = "", answers: dict[str, Any] | None = None) -> Assessment:
        """A new draft; ``answers`` (e.g. from a product profile) are saved with it, audited."""
        from ..textsafety import clean_text

        title = clean_text(title or "")  # no invisible or control characters in the register (issue 14)

        def work(s: Session) -> Assessment:
            now = _iso(self.clock)
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
            created = {"questionnaire": questionnaire_id, "version": version}
            if origin:
                created["origin"] = origin
            self._event(s, "create", a.id, new=created, at=now)
            for qid, value in (answers or {}).items():
                if value is not None:
                    s.add(Answer(assessment_id=a.id, question_id=qid, value_json=dumps(value), updated_at=now))
                    self._event(s, "answer", a.id, qid, None, value, at=now)
            s.flush()
            self._refresh_register(s, a)
            return a

        return self._write(work)

    def get(self, assessment_id: int) -> Assessment:
        with self._session() as s:
            return self._assessment(s, assessment_id)

    def list_assessments(self) -> list[AssessmentSummary]:
        with self._session() as s:
            counts = dict(s.exec(
                select(Answer.assessment_id, func.count()).group_by(Answer.assessment_id)).all())
            rows = s.exec(select(Assessment).order_by(Assessment.updated_at.desc())).all()
            return [AssessmentSummary(a.id, a.reference, a.title, a.status, a.outcome, a.questionnaire_id,
                                      a.questionnaire_version, a.created_at, a.updated_at,
                                      int(counts.get(a.id, 0)))
                    for a in rows]

    def answers(self, assessment_id: int) -> dict[str, Any]:
        with self._session() as s:
            rows = s.exec(select(Answer).where(Answer.assessment_id == assessment_id)).all()
            return {r.question_id: json.loads(r.value_json) for r in rows}

    def save_answer(self, assessment_id: int, question_id: str, value: Any, current_page: str | None = None) -> bool:
        """Store one answer (``None`` removes it) with its audit event, in one committed
        transaction. Returns False when the value did not change (nothing is written).
        ``current_page``: the page to resume on, saved in the same transaction."""

        def work(s: Session) -> bool:
            a = self._assessment(s, assessment_id, draft=True)
            row = s.exec(select(Answer).where(Answer.assessment_id == assessment_id,
                                              Answer.question_id == question_id)).first()
            old = json.loads(row.value_json) if row else None
            if old == value:
                return False
            now = _iso(self.clock)
            if value is None:
                if row:
                    s.delete(row)
            elif row:
                row.value_json = dumps(value)
                row.updated_at = now
                s.add(row)
            else:
                s.add(Answer(assessment_id=assessment_id, question_id=question_id,
                             value_json=dumps(value), updated_at=now))
            a.updated_at = now
            if current_page:
                a.current_page = current_page
            s.add(a)
            self._event(s, "answer", assessment_id, question_id, old, value, at=now)
            if question_id in _register_sources():
                s.flush()
                self._refresh_register(s, a)
            return True

        return self._write(work)

    def set_current_page(self, assessment_id: int, page_id: str) -> None:
        def work(s: Session) -> None:
            a = s.get(Assessment, assessment_id)
            if a is not None and a.current_page != page_id:
                a.current_page = page_id
                s.add(a)

        self._write(work, durable=False)  # where to resume: not a record

    def set_title(self, assessment_id: int, title: str) -> None:
        from ..textsafety import clean_text

        title = clean_text(title or "")

        def work(s: Session) -> None:
            a = s.get(Assessment, assessment_id)
            if a is not None and a.title != title:
                self._event(s, "title", assessment_id, old=a.title, new=title)
                a.title = title
                a.updated_at = _iso(self.clock)
                s.add(a)

        self._write(work)

    def set_outcome(self, assessment_id: int, outcome: str) -> None:
        """The provisional outcome shown in the register (drafts only)."""
        def work(s: Session) -> None:
            a = s.get(Assessment, assessment_id)
            if a is not None and a.status == "draft" and a.outcome != outcome:
                a.outcome = outcome
                s.add(a)

        self._write(work)

    def finish(self, assessment_id: int, outcome: str) -> Assessment:
        def work(s: Session) -> Assessment:
            a = self._assessment(s, assessment_id)
            if a.status != "draft":
                raise StorageError(self.path or "database", f"assessment {a.reference} is already {a.status}")
            now = _iso(self.clock)
            a.status = "finished"
            a.outcome = outcome
            a.finished_at = now
            a.updated_at = now
            self._refresh_register(s, a)
            self._event(s, "finish", assessment_id, new={"outcome": outcome}, at=now)
            if a.parent_id is not None:
                parent = s.get(Assessment, a.parent_id)
                if parent is not None:
                    parent.status = "amended"
                    parent.superseded_by = a.id
                    s.add(parent)
                    self._event(s, "superseded", parent.id, new={"by": a.reference}, reason=a.amendment_reason,
                                at=now)
            return a

        return self._write(work)

    def discard_draft(self, assessment_id: int, reason: str = "") -> None:
        """Delete a draft that was never finished; the discard is logged."""

        def work(s: Session) -> list[str]:
            a = self._assessment(s, assessment_id)
            if a.status != "draft":
                raise StorageError(self.path or "database",
                                   f"assessment {a.reference} is {a.status}; only drafts can be discarded")
            self._event(s, "discard", assessment_id, old={"reference": a.reference, "title": a.title},
                        reason=reason or None)
            files = [r.stored_path for r in s.exec(select(Attachment).where(Attachment.assessment_id == a.id))]
            for model in (Answer, Attachment):
                for row in s.exec(select(model).where(model.assessment_id == assessment_id)).all():
                    s.delete(row)
            s.delete(a)
            return files

        for rel in self._write(work):
            self._remove_data_file(rel)

    def audit_events(self, assessment_id: int | None = None) -> list[AuditEvent]:
        with self._session() as s:
            q = select(AuditEvent).order_by(AuditEvent.id)
            if assessment_id is not None:
                q = q.where(AuditEvent.assessment_id == assessment_id)
            return list(s.exec(q).all())

    # -- exporter profile ---------------------------------------------------------------
    def profile(self) -> ExporterProfile:
        with self._session() as s:
            p = s.exec(select(ExporterProfile).order_by(ExporterProfile.id)).first()
            return p or ExporterProfile()

    def save_profile(self, **fields: str) -> ExporterProfile:
        allowed = {"name", "address", "eori", "member_state", "contact_name", "contact_email"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"unknown profile fields: {', '.join(sorted(unknown))}")
        from ..textsafety import clean_text

        fields = {k: clean_text(v, multiline=(k == "address")) if isinstance(v, str) else v
                  for k, v in fields.items()}

        def work(s: Session) -> ExporterProfile:
            p = s.exec(select(ExporterProfile).order_by(ExporterProfile.id)).first() or ExporterProfile()
            old = {k: getattr(p, k) for k in fields}
            for k, v in fields.items():
                setattr(p, k, v)
            p.updated_at = _iso(self.clock)
            s.add(p)
            self._event(s, "profile", None, old=old, new=fields)
            return p

        return self._write(work)

    def integrity_ok(self) -> bool:
        with self.engine.connect() as con:
            return con.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"

    # -- register -----------------------------------------------------------------------
    def register_rows(self, search: str = "", status: str = "", outcome: str = "", destination: str = "",
                      order: str = "updated", limit: int | None = None, offset: int = 0) -> list[tuple]:
        """Rows of REGISTER_COLUMNS, filtered; one lean query (no ORM objects)."""
        clause, params = register_sql(search, status, outcome, destination, order)
        sql = f"SELECT {', '.join(REGISTER_COLUMNS)} FROM assessment{clause}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, int(limit), int(offset)]
        with self.engine.connect() as con:
            return [tuple(r) for r in con.exec_driver_sql(sql, tuple(params))]

    def register_count(self, search: str = "", status: str = "", outcome: str = "", destination: str = "") -> int:
        clause, params = register_sql(search, status, outcome, destination)
        clause = clause.split(" ORDER BY ")[0]
        with self.engine.connect() as con:
            return int(con.exec_driver_sql(f"SELECT count(*) FROM assessment{clause}", tuple(params)).scalar())

    def register_values(self, column: str) -> list[str]:
        """Distinct non-empty values of a filterable column (outcomes, destinations)."""
        if column not in ("status", "outcome", "destination"):
            raise ValueError(column)
        with self.engine.connect() as con:
            return [r[0] for r in con.exec_driver_sql(
                f"SELECT DISTINCT {column} FROM assessment WHERE {column} != '' ORDER BY 1")]

    def save_answers(self, assessment_id: int, values: dict[str, Any]) -> int:
        """Several answers in one transaction (each audited); returns how many changed."""
        def work(s: Session) -> int:
            a = self._assessment(s, assessment_id, draft=True)
            rows = {r.question_id: r for r in s.exec(select(Answer).where(Answer.assessment_id == assessment_id))}
            now = _iso(self.clock)
            changed = 0
            for qid, value in values.items():
                row = rows.get(qid)
                old = json.loads(row.value_json) if row else None
                if old == value:
                    continue
                if value is None:
                    s.delete(row)
                elif row:
                    row.value_json = dumps(value)
                    row.updated_at = now
                    s.add(row)
                else:
                    s.add(Answer(assessment_id=assessment_id, question_id=qid, value_json=dumps(value),
                                 updated_at=now))
                self._event(s, "answer", assessment_id, qid, old, value, at=now)
                changed += 1
            if changed:
                a.updated_at = now
                s.flush()
                self._refresh_register(s, a)
            return changed

        return self._write(work)

    def get_by_uid(self, uid: str) -> Assessment | None:
        with self._session() as s:
            return s.exec(select(Assessment).where(Assessment.uid == uid)).first()

    def versions(self, assessment_id: int) -> list[Assessment]:
        """Every version of an assessment (the original and its amendments), oldest first."""
        with self._session() as s:
            a = self._assessment(s, assessment_id)
            while a.parent_id is not None and s.get(Assessment, a.parent_id) is not None:
                a = s.get(Assessment, a.parent_id)
            chain = [a]
            while True:
                nxt = s.exec(select(Assessment).where(Assessment.parent_id == chain[-1].id)
                             .order_by(Assessment.id)).first()
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
            a = self._assessment(s, assessment_id)
            if a.status not in ("finished", "signed"):
                raise StorageError(self.path or "database",
                                   f"assessment {a.reference} is {a.status}: only a finished or signed "
                                   "assessment is amended (a draft is simply edited)")
            pending = s.exec(select(Assessment).where(Assessment.parent_id == a.id)).first()
            if pending is not None:
                raise StorageError(self.path or "database",
                                   f"assessment {a.reference} already has a newer version {pending.reference}")
            from ..paths import check_reference

            try:  # the new reference names files: the old one must be a valid reference
                check_reference(a.reference)
            except ValueError as exc:
                raise StorageError(self.path or "database", f"refused to amend: {exc}") from None
            now = _iso(self.clock)
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
            for row in s.exec(select(Answer).where(Answer.assessment_id == a.id)).all():
                s.add(Answer(assessment_id=new.id, question_id=row.question_id, value_json=row.value_json,
                             updated_at=now))
            self._event(s, "create", new.id, new={"questionnaire": a.questionnaire_id,
                                                  "version": a.questionnaire_version, "amends": a.reference},
                        reason=reason, at=now)
            self._event(s, "amend", a.id, new={"new_version": new.reference}, reason=reason, at=now)
            s.flush()
            self._refresh_register(s, new)
            return new

        return self._write(work)

    def mark_signed(self, assessment_id: int, report: str = "") -> Assessment:
        """A finished assessment whose report was signed."""
        def work(s: Session) -> Assessment:
            a = self._assessment(s, assessment_id)
            if a.status not in ("finished", "signed"):
                raise StorageError(self.path or "database",
                                   f"assessment {a.reference} is {a.status}; only a finished assessment is signed")
            now = _iso(self.clock)
            a.status = "signed"
            a.signed_at = now
            s.add(a)
            self._event(s, "sign", a.id, new={"report": report}, at=now)
            return a

        return self._write(work)

    def delete_assessment(self, assessment_id: int, confirmed: bool = False, today: _dt.date | None = None,
                          reason: str = "") -> None:
        """Delete a finished, signed or amended assessment after its retention period.

        Refused inside the period (Art. 27(3)); needs ``confirmed``; logged. Drafts are discarded
        with :meth:`discard_draft`."""
        from ..retention import may_delete

        def work(s: Session) -> list[str]:
            a = self._assessment(s, assessment_id)
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
            files = [r.stored_path for r in s.exec(select(Attachment).where(Attachment.assessment_id == a.id))]
            self._event(s, "delete", a.id, old={"reference": a.reference, "status": a.status,
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

        for rel in self._write(work):
            self._remove_data_file(rel)

    def _remove_data_file(self, rel: str) -> None:
        if self.path is None:
            return
        from ..paths import OutsideDataFolder, inside

        try:
            inside(self.path.parent, rel).unlink()  # a stored path never removes a file elsewhere
        except (OSError, OutsideDataFolder):
            pass

    # -- product library ----------------------------------------------------------------
    def save_product_profile(self, name: str, answers: dict[str, Any], note: str = "") -> tuple[ProductProfile, int]:
        """Create a profile or add a version when the answers changed; returns (profile, version)."""
        name = (name or "").strip()
        if not name:
            raise ValueError("a product profile needs a name")
        from ..register import product_answers

        item = product_answers(answers)
        if not item:
            raise ValueError("no item answers (item.*) to save in the product library")

        def work(s: Session) -> tuple[ProductProfile, int]:
            now = _iso(self.clock)
            p = s.exec(select(ProductProfile).where(ProductProfile.name == name)).first()
            if p is None:
                p = ProductProfile(name=name, current_version=1, created_at=now, updated_at=now,
                                   created_by=self.actor)
                s.add(p)
                s.flush()
                version = 1
            else:
                last = s.exec(select(ProductProfileVersion).where(ProductProfileVersion.profile_id == p.id,
                                                                   ProductProfileVersion.version == p.current_version)
                              ).first()
                if last is not None and json.loads(last.answers_json) == item:
                    return p, p.current_version
                version = p.current_version + 1
                p.current_version = version
                p.updated_at = now
                s.add(p)
            s.add(ProductProfileVersion(profile_id=p.id, version=version, answers_json=dumps(item), note=note,
                                        created_at=now, created_by=self.actor))
            self._event(s, "product_profile", None, new={"profile": name, "version": version, "answers": item},
                        reason=note or None, at=now)
            return p, version

        return self._write(work)

    def product_profiles(self) -> list[ProductProfile]:
        with self._session() as s:
            return list(s.exec(select(ProductProfile).order_by(ProductProfile.name)).all())

    def product_profile_versions(self, profile_id: int) -> list[ProductProfileVersion]:
        with self._session() as s:
            return list(s.exec(select(ProductProfileVersion).where(ProductProfileVersion.profile_id == profile_id)
                               .order_by(ProductProfileVersion.version)).all())

    def product_profile_answers(self, profile_id: int, version: int | None = None) -> tuple[ProductProfile, int, dict]:
        with self._session() as s:
            p = s.get(ProductProfile, profile_id)
            if p is None:
                raise KeyError(f"no product profile with id {profile_id}")
            v = version or p.current_version
            row = s.exec(select(ProductProfileVersion).where(ProductProfileVersion.profile_id == p.id,
                                                              ProductProfileVersion.version == v)).first()
            if row is None:
                raise KeyError(f"product profile {p.name} has no version {v}")
            return p, v, json.loads(row.answers_json)

    def link_product_profile(self, assessment_id: int, profile_id: int, version: int) -> None:
        def work(s: Session) -> None:
            a = s.get(Assessment, assessment_id)
            if a is not None:
                a.product_profile_id = profile_id
                a.product_profile_version = version
                s.add(a)

        self._write(work)

    # -- attachments --------------------------------------------------------------------
    ATTACHMENT_KINDS = ("datasheet", "end_user_statement", "correspondence", "report", "other")

    def add_attachment(self, assessment_id: int, source: Path, kind: str = "other", note: str = "",
                       filename: str | None = None) -> Attachment:
        """Copy ``source`` into the data folder (owner-only) and record it with its SHA-256."""
        import hashlib

        if kind not in self.ATTACHMENT_KINDS:
            raise ValueError(f"unknown attachment kind {kind!r} (use one of {', '.join(self.ATTACHMENT_KINDS)})")
        if self.path is None:
            raise StorageError("database", "attachments need a register in a data folder")
        source = Path(source)
        a = self.get(assessment_id)
        name = _safe_name(filename or source.name)
        folder = self.path.parent / "attachments" / a.uid
        folder.mkdir(parents=True, exist_ok=True)
        for d in (folder.parent, folder):
            os.chmod(d, 0o700)
        digest = hashlib.sha256()
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                size = 0
                while chunk := src.read(1 << 20):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, 0o600)
            sha = digest.hexdigest()
            dest = folder / f"{sha[:16]}-{name}"
            os.replace(tmp, dest)
        except OSError as exc:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise StorageError(source, f"cannot store the attachment: {exc.strerror or exc}") from None
        rel = str(dest.relative_to(self.path.parent))

        def work(s: Session) -> Attachment:
            now = _iso(self.clock)
            row = Attachment(assessment_id=assessment_id, kind=kind, filename=name, stored_path=rel, sha256=sha,
                             size=size, note=note, added_at=now, added_by=self.actor)
            s.add(row)
            s.flush()
            self._event(s, "attach", assessment_id, new={"file": name, "kind": kind, "sha256": sha, "size": size},
                        reason=note or None, at=now)
            return row

        return self._write(work)

    def attachments(self, assessment_id: int) -> list[Attachment]:
        with self._session() as s:
            return list(s.exec(select(Attachment).where(Attachment.assessment_id == assessment_id)
                               .order_by(Attachment.id)).all())

    def attachment_path(self, att: Attachment) -> Path:
        if self.path is None:
            raise StorageError("database", "attachments need a register in a data folder")
        from ..paths import OutsideDataFolder, inside

        try:
            return inside(self.path.parent / "attachments", att.stored_path if Path(att.stored_path).is_absolute()
                          else self.path.parent / att.stored_path)
        except OutsideDataFolder as exc:
            raise StorageError(att.stored_path, f"refused: the stored attachment path leads outside the data "
                                                f"folder's attachments ({exc.base})") from None

    def move_to_questionnaire(self, assessment_id: int, version: str, sha256: str, drop: list[str],
                               summary: dict) -> None:
        """Move a draft to another questionnaire version, removing ``drop`` answers (audited)."""
        def work(s: Session) -> None:
            a = self._assessment(s, assessment_id)
            if a.status != "draft":
                raise StorageError(self.path or "database", f"assessment {a.reference} is {a.status}")
            now = _iso(self.clock)
            for row in s.exec(select(Answer).where(Answer.assessment_id == a.id, Answer.question_id.in_(drop))).all():
                self._event(s, "answer", a.id, row.question_id, json.loads(row.value_json), None,
                            reason="not accepted by the new questionnaire version", at=now)
                s.delete(row)
            self._event(s, "questionnaire_version", a.id, old={"version": a.questionnaire_version},
                        new={"version": version, **summary}, at=now)
            a.questionnaire_version = version
            a.questionnaire_sha256 = sha256
            a.updated_at = now
            s.flush()
            self._refresh_register(s, a)

        self._write(work)

    IMPORT_FIELDS = ("title", "questionnaire_id", "questionnaire_version", "questionnaire_sha256", "status",
                     "current_page", "outcome", "created_at", "updated_at", "finished_at", "created_by", "uid",
                     "signed_at", "version_no", "amendment_reason")

    def import_record(self, row: dict[str, Any], answers: dict[str, Any], events: list[dict[str, Any]],
                      reference: str, source: str) -> Assessment:
        """Add an assessment from a transfer bundle (already verified), with its audit events
        appended to this register's chain (marked with their origin), in one transaction."""
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
            now = _iso(self.clock)
            for qid, value in answers.items():
                s.add(Answer(assessment_id=a.id, question_id=qid, value_json=dumps(value), updated_at=now))
            for ev in events:
                # the event's identity in the register it came from, so that its original hash (the
                # one the signed report anchors) can be recomputed later (app.anchors, issue 14)
                origin = "import:" + json.dumps({"uid": uid, "id": ev.get("id"), "assessment_id": ev.get("assessment_id"),
                                                 "origin": ev.get("origin"), "actor": ev.get("actor"),
                                                 "prev_hash": ev.get("prev_hash")},
                                                separators=(",", ":"), sort_keys=True)
                self._event(s, str(ev.get("kind") or "?"), a.id, ev.get("question_id"), at=str(ev.get("at") or now),
                            reason=ev.get("reason"), origin=origin, raw_old=ev.get("old_json"),
                            raw_new=ev.get("new_json"), actor=str(ev.get("actor") or ""))
            self._event(s, "import", a.id, new={"reference": row.get("reference"), "uid": uid, "as": ref},
                        reason=source, at=now)
            s.flush()
            self._refresh_register(s, a)
            return a

        return self._write(work)

    def add_imported_attachment(self, assessment_id: int, data: bytes, filename: str, kind: str, sha: str,
                                note: str = "") -> Attachment:
        folder = Path(tempfile.mkdtemp(prefix="art5-import-"))
        try:
            tmp = folder / _safe_name(filename)
            tmp.write_bytes(data)
            att = self.add_attachment(assessment_id, tmp, kind if kind in self.ATTACHMENT_KINDS else "other", note)
        finally:
            for f in folder.iterdir():
                f.unlink()
            folder.rmdir()
        if att.sha256 != sha:
            raise StorageError(filename, "the attachment changed while it was imported")
        return att

    # -- audit chain --------------------------------------------------------------------
    def verify_audit(self) -> ChainReport:
        from ..audit import FIELDS, verify

        cols = (*FIELDS, "prev_hash", "hash")
        with self.engine.connect() as con:
            rows = con.exec_driver_sql(f"SELECT {', '.join(cols)} FROM audit_event ORDER BY id")
            return verify(dict(zip(cols, r)) for r in rows)


def _register_sources() -> frozenset[str]:
    from ..register import SOURCE_QUESTIONS

    return SOURCE_QUESTIONS


def _safe_name(name: str) -> str:
    """A file name without folders or characters that are unsafe on any platform."""
    base = Path(str(name).replace("\\", "/")).name
    cleaned = "".join(c if (c.isalnum() or c in "._- ") else "_" for c in base).strip(" .")
    return (cleaned or "file")[:120]

