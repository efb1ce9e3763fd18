"""The register of assessments on SQLModel. Every answer is committed when it is given.

The engine URL is the only SQLite-specific thing besides the connection pragmas; a shared
PostgreSQL register later is a different URL passed to :meth:`Store.open_url`.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import event, func
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, SQLModel, create_engine, select

from . import DB_FILENAME
from .db import check_revision, migrate, prepare_file
from .errors import ReadOnlyLocationError, StorageError
from .models import Answer, Assessment, AuditEvent, ExporterProfile

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


def _sqlite_pragmas(dbapi_con, _record) -> None:
    cur = dbapi_con.cursor()
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
        store = cls(engine, path, clock, actor)
        try:
            store.backup_made = migrate(engine, path, current, data_dir / "backups")
            for suffix in ("-wal", "-shm"):
                side = Path(str(path) + suffix)
                if side.exists():
                    os.chmod(side, 0o600)
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

    def _write(self, fn):
        """Run ``fn(session)`` in one transaction, translating write failures."""
        try:
            with self._session() as s:
                result = fn(s)
                s.commit()
                return result
        except OperationalError as exc:
            msg = str(getattr(exc, "orig", exc))
            raise StorageError(self.path or "database", f"could not save: {msg}") from None

    def _event(self, s: Session, kind: str, assessment_id: int | None, question_id: str | None = None,
               old: Any = None, new: Any = None, reason: str | None = None, at: str | None = None) -> None:
        s.add(AuditEvent(
            assessment_id=assessment_id, at=at or _iso(self.clock), actor=self.actor, kind=kind,
            question_id=question_id,
            old_json=None if old is None else dumps(old),
            new_json=None if new is None else dumps(new),
            reason=reason,
        ))

    # -- assessments --------------------------------------------------------------------
    def create_assessment(self, questionnaire_id: str, version: str, sha256: str = "", title: str = "") -> Assessment:
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
                           created_at=now, updated_at=now, created_by=self.actor)
            s.add(a)
            s.flush()
            self._event(s, "create", a.id, new={"questionnaire": questionnaire_id, "version": version}, at=now)
            return a

        return self._write(work)

    def get(self, assessment_id: int) -> Assessment:
        with self._session() as s:
            a = s.get(Assessment, assessment_id)
            if a is None:
                raise KeyError(f"no assessment with id {assessment_id}")
            return a

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

    def save_answer(self, assessment_id: int, question_id: str, value: Any) -> bool:
        """Store one answer (``None`` removes it) with its audit event, in one committed
        transaction. Returns False when the value did not change (nothing is written)."""

        def work(s: Session) -> bool:
            a = s.get(Assessment, assessment_id)
            if a is None:
                raise KeyError(f"no assessment with id {assessment_id}")
            if a.status != "draft":
                raise StorageError(self.path or "database",
                                   f"assessment {a.reference} is {a.status}; it cannot be changed in place")
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
            s.add(a)
            self._event(s, "answer", assessment_id, question_id, old, value, at=now)
            return True

        return self._write(work)

    def set_current_page(self, assessment_id: int, page_id: str) -> None:
        def work(s: Session) -> None:
            a = s.get(Assessment, assessment_id)
            if a is not None and a.current_page != page_id:
                a.current_page = page_id
                s.add(a)

        self._write(work)

    def set_title(self, assessment_id: int, title: str) -> None:
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
            a = s.get(Assessment, assessment_id)
            if a is None:
                raise KeyError(f"no assessment with id {assessment_id}")
            now = _iso(self.clock)
            a.status = "finished"
            a.outcome = outcome
            a.finished_at = now
            a.updated_at = now
            s.add(a)
            self._event(s, "finish", assessment_id, new={"outcome": outcome}, at=now)
            return a

        return self._write(work)

    def discard_draft(self, assessment_id: int, reason: str = "") -> None:
        """Delete a draft that was never finished; the discard is logged."""

        def work(s: Session) -> None:
            a = s.get(Assessment, assessment_id)
            if a is None:
                raise KeyError(f"no assessment with id {assessment_id}")
            if a.status != "draft":
                raise StorageError(self.path or "database",
                                   f"assessment {a.reference} is {a.status}; only drafts can be discarded")
            self._event(s, "discard", assessment_id, old={"reference": a.reference, "title": a.title},
                        reason=reason or None)
            for row in s.exec(select(Answer).where(Answer.assessment_id == assessment_id)).all():
                s.delete(row)
            s.delete(a)

        self._write(work)

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
