"""The screening database: ``data_dir/screening.db``, separate from the register.

It has its own SQLAlchemy ``MetaData`` (never the register's ``SQLModel.metadata``) and its own
schema version in table ``meta``, so the register's migration chain is untouched. It holds:

- ``list_version``: every imported list file (source, format, generation date, SHA-256, counts,
  who imported it when, active or replaced);
- ``entity`` and ``alias``: the listed subjects of the *active* versions, reduced to the fields
  screening uses (names, reference, programme and regulation, subject type, countries, birth
  dates): data minimisation;
- ``review``: review decisions on potential hits (cleared or confirmed), with time, reviewer,
  reason, scope and the list version they were made on;
- ``party_result``: the last screening of each saved party, so that a new list shows what
  changed.

An import runs in one SQLite transaction: the new version's rows are written, checked (at
least one entity), then the previous version of the same source is deactivated and its rows
deleted, and only then is the transaction committed. Any failure rolls everything back, so the
list imported before stays fully usable.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from sqlalchemy import (Boolean, Column, Float, ForeignKey, Integer, MetaData, String, Table, Text,
                        create_engine, delete, event, insert, select, update)

from app.base.errors import StorageError
from app.screening import parsers
from app.screening.normalize import normalise

DB_FILENAME = "screening.db"
SCHEMA_VERSION = 1

metadata = MetaData()

meta_table = Table("meta", metadata, Column("key", String, primary_key=True), Column("value", String))
list_version = Table(
    "list_version", metadata,
    Column("id", Integer, primary_key=True),
    Column("source", String, nullable=False, index=True),   # eu_fsf | un_sc
    Column("format", String, nullable=False),
    Column("generation_date", String, nullable=False),
    Column("sha256", String, nullable=False),
    Column("file_name", String, default=""),
    Column("imported_at", String, nullable=False),
    Column("imported_by", String, default=""),
    Column("entity_count", Integer, default=0),
    Column("alias_count", Integer, default=0),
    Column("active", Boolean, default=False, index=True),
    Column("replaced_at", String, nullable=True),
)
entity = Table(
    "entity", metadata,
    Column("id", Integer, primary_key=True),
    Column("version_id", Integer, ForeignKey("list_version.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("key", String, nullable=False),
    Column("name", String, default=""),
    Column("reference", String, default=""),
    Column("subject_type", String, default=""),
    Column("programme", String, default=""),
    Column("regulation", String, default=""),
    Column("regulation_url", String, default=""),
    Column("countries", String, default=""),        # comma-separated ISO codes
    Column("birth_years", String, default=""),      # comma-separated
    Column("birth_dates", String, default=""),      # comma-separated ISO dates
)
alias = Table(
    "alias", metadata,
    Column("id", Integer, primary_key=True),
    Column("entity_id", Integer, ForeignKey("entity.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", String, nullable=False),
    Column("language", String, default=""),
)
review = Table(
    "review", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", String, nullable=False),
    Column("reviewer", String, nullable=False),
    Column("decision", String, nullable=False),     # cleared | confirmed
    Column("scope", String, nullable=False),        # assessment | party
    Column("reason", Text, default=""),
    Column("assessment_id", Integer, nullable=True, index=True),
    Column("party_key", String, nullable=False, index=True),
    Column("party_name", String, default=""),
    Column("source", String, nullable=False),
    Column("entity_key", String, nullable=False),
    Column("entity_reference", String, default=""),
    Column("entity_name", String, default=""),
    Column("programme", String, default=""),
    Column("matched_name", String, default=""),
    Column("score", Float, default=0.0),
    Column("list_version_id", Integer, nullable=True),
    Column("list_generation_date", String, default=""),
    Column("list_sha256", String, default=""),
)
party_result = Table(
    "party_result", metadata,
    Column("id", Integer, primary_key=True),
    Column("assessment_id", Integer, nullable=False, index=True),
    Column("party_key", String, nullable=False),
    Column("party_name", String, default=""),
    Column("hits_json", Text, default="[]"),
    Column("at", String, nullable=False),
)


class ScreeningDBError(StorageError):  # a StorageError: commands report it and exit 2
    def __init__(self, path: Path | str, message: str):
        self.path = str(path)
        self.message = message
        super().__init__(path, message)


@dataclass
class ListInfo:
    id: int
    source: str
    format: str
    generation_date: str
    sha256: str
    file_name: str
    imported_at: str
    imported_by: str
    entity_count: int
    alias_count: int
    active: bool
    replaced_at: str | None
    cleaned_names: int = 0  # not stored: names cleaned by the import that returns this

    @property
    def label(self) -> str:
        return parsers.SOURCE_LABELS.get(self.source, self.source)

    def age_days(self, today: _dt.date | None = None) -> int:
        today = today or _dt.date.today()
        try:
            return (today - _dt.date.fromisoformat(self.generation_date[:10])).days
        except ValueError:
            return 10 ** 6

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "label": self.label, "format": self.format,
                "generation_date": self.generation_date, "sha256": self.sha256, "file": self.file_name,
                "imported_at": self.imported_at, "imported_by": self.imported_by,
                "entities": self.entity_count, "aliases": self.alias_count, "active": self.active}


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def _actor() -> str:
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some systems
        return ""


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _pragmas(dbapi_con: Any, _record: Any) -> None:
    cur = dbapi_con.cursor()
    cur.execute("PRAGMA trusted_schema=OFF")  # no SQL functions run from the schema (issue 14)
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


class ScreeningDB:
    """The screening database of one data folder."""

    def __init__(self, path: Path, clock: Callable[[], str] = _now, actor: str | None = None):
        self.path = Path(path)
        self.clock = clock
        self.actor = _actor() if actor is None else actor
        new = not self.path.exists()
        from app.base.paths import ensure_private_dir

        ensure_private_dir(self.path.parent)
        if new:
            fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        from sqlalchemy import URL

        self.engine = create_engine(URL.create("sqlite", database=str(self.path)))  # a "?" in a folder name stays in the path
        event.listen(self.engine, "connect", _pragmas)
        try:
            with self.engine.begin() as con:
                metadata.create_all(con)
                row = con.execute(select(meta_table.c.value).where(meta_table.c.key == "schema_version")).first()
                if row is None:
                    con.execute(insert(meta_table).values(key="schema_version", value=str(SCHEMA_VERSION)))
                elif int(row[0]) > SCHEMA_VERSION:
                    raise ScreeningDBError(self.path, f"screening data has schema version {row[0]}, newer than this "
                                           f"program knows ({SCHEMA_VERSION}); it was left untouched")
        except ScreeningDBError:
            self.engine.dispose()
            raise
        except Exception as exc:  # noqa: BLE001 - sqlalchemy.exc.DatabaseError and friends
            self.engine.dispose()
            orig = getattr(exc, "orig", None) or exc
            raise ScreeningDBError(self.path, f"cannot open the screening database: {orig}; it was left untouched. "
                                   "Move it away to start again (re-import the lists)") from None
        try:
            os.chmod(self.path, 0o600)
        except OSError:
            pass

    @classmethod
    def open(cls, data_dir: Path, **kw: Any) -> "ScreeningDB":
        return cls(Path(data_dir) / DB_FILENAME, **kw)

    def close(self) -> None:
        self.engine.dispose()

    # -- lists ------------------------------------------------------------------------------
    def lists(self, active_only: bool = False) -> list[ListInfo]:
        q = select(list_version).order_by(list_version.c.active.desc(), list_version.c.id.desc())
        if active_only:
            q = q.where(list_version.c.active.is_(True))
        with self.engine.connect() as con:
            return [ListInfo(**dict(r._mapping)) for r in con.execute(q)]

    def active_lists(self) -> list[ListInfo]:
        return self.lists(active_only=True)

    def import_list(self, path: str | Path, progress: Callable[[int], None] | None = None) -> ListInfo:
        """Import a list file; atomic: on any error the previous list stays as it was.

        Raises parsers.ListFormatError with a message naming the file and the problem."""
        path = Path(path)
        fmt = parsers.detect_format(path)
        digest = sha256_file(path)
        source = parsers.SOURCE_OF[fmt]
        header: dict[str, str] = {}
        now = self.clock()
        con = self.engine.connect()
        trans = con.begin()
        try:
            vid = con.execute(insert(list_version).values(
                source=source, format=fmt, generation_date="", sha256=digest, file_name=path.name,  # type: ignore[index]  # one row inserted: its key
                imported_at=now, imported_by=self.actor, active=False)).inserted_primary_key[0]
            n_entities = n_aliases = n_cleaned = 0
            batch: list[dict[str, Any]] = []
            seen: dict[str, int] = {}
            for ent in parsers.READERS[fmt](path, lambda h: header.update(generation_date=h.generation_date)):
                n_cleaned += ent.cleaned
                if not ent.aliases:
                    continue
                eid = seen.get(ent.key)
                if eid is None:
                    eid = con.execute(insert(entity).values(
                        version_id=vid, key=ent.key, name=ent.aliases[0].name, reference=ent.reference,
                        subject_type=ent.subject_type, programme=ent.programme, regulation=ent.regulation,
                        regulation_url=ent.regulation_url, countries=",".join(sorted(ent.countries)),
                        birth_years=",".join(str(y) for y in sorted(ent.birth_years)),
                        birth_dates=",".join(sorted(ent.birth_dates)))).inserted_primary_key[0]  # type: ignore[index]
                    seen[ent.key] = eid
                    n_entities += 1
                    if progress and n_entities % 500 == 0:
                        progress(n_entities)
                else:  # rows of one CSV entity that were not contiguous: merge
                    row = con.execute(select(entity.c.countries).where(entity.c.id == eid)).first()
                    assert row is not None  # eid was inserted above
                    merged = set(filter(None, (row[0] or "").split(","))) | ent.countries
                    con.execute(update(entity).where(entity.c.id == eid).values(countries=",".join(sorted(merged))))
                for a in ent.aliases:
                    batch.append({"entity_id": eid, "name": a.name, "language": a.language})
                if len(batch) >= 2000:
                    con.execute(insert(alias), batch)
                    n_aliases += len(batch)
                    batch = []
            if batch:
                con.execute(insert(alias), batch)
                n_aliases += len(batch)
            if n_entities == 0:
                raise parsers.ListFormatError(path, "the file lists no sanctioned persons or entities; "
                                              "an empty list was not imported")
            if not header.get("generation_date"):
                raise parsers.ListFormatError(path, "the list has no generation date; it was not imported")
            old = [r[0] for r in con.execute(select(list_version.c.id).where(
                list_version.c.source == source, list_version.c.active.is_(True)))]
            if old:
                con.execute(delete(entity).where(entity.c.version_id.in_(old)))
                con.execute(update(list_version).where(list_version.c.id.in_(old)).values(active=False, replaced_at=now))
            con.execute(update(list_version).where(list_version.c.id == vid).values(
                generation_date=header["generation_date"], entity_count=n_entities, alias_count=n_aliases, active=True))
            trans.commit()
        except BaseException:
            trans.rollback()
            raise
        finally:
            con.close()
        info = next(i for i in self.lists() if i.id == vid)
        info.cleaned_names = n_cleaned  # not stored: said once, at import
        return info

    def load_index_rows(self) -> list[dict[str, Any]]:
        """Every alias of every entity of the active lists, with its entity's fields."""
        lv = list_version
        q = (select(alias.c.name.label("alias"), alias.c.language, entity.c.id.label("entity_id"), entity.c.key,
                    entity.c.name, entity.c.reference, entity.c.subject_type, entity.c.programme,
                    entity.c.regulation, entity.c.regulation_url, entity.c.countries, entity.c.birth_years,
                    entity.c.birth_dates, lv.c.source, lv.c.generation_date, lv.c.id.label("version_id"),
                    lv.c.sha256)
             .select_from(alias.join(entity, alias.c.entity_id == entity.c.id).join(lv, entity.c.version_id == lv.c.id))
             .where(lv.c.active.is_(True)).order_by(alias.c.id))
        with self.engine.connect() as con:
            return [dict(r._mapping) for r in con.execute(q)]

    # -- review decisions -------------------------------------------------------------------
    def record_decision(self, *, decision: str, scope: str, reviewer: str, reason: str, party_key: str,
                        party_name: str, hit: dict[str, Any], assessment_id: int | None,
                        keep: bool = True) -> dict[str, Any]:
        """The decision checked and made into a row; stored here with ``keep`` (else the caller
        stores it elsewhere: the team register)."""
        if decision not in ("cleared", "confirmed"):
            raise ValueError("decision must be 'cleared' or 'confirmed'")
        if scope not in ("assessment", "party"):
            raise ValueError("scope must be 'assessment' or 'party'")
        if scope == "assessment" and assessment_id is None:
            raise ValueError("a decision for this assessment needs the assessment")
        if not reviewer.strip():
            raise ValueError("enter the reviewer's name")
        if decision == "cleared" and not reason.strip():
            raise ValueError("enter the reason why this is not the listed party")
        row = {
            "at": self.clock(), "reviewer": reviewer.strip(), "decision": decision, "scope": scope,
            "reason": reason.strip(), "assessment_id": assessment_id, "party_key": party_key,
            "party_name": party_name, "source": hit["source"], "entity_key": hit["entity_key"],
            "entity_reference": hit.get("eu_reference", ""), "entity_name": hit.get("entity_name", ""),
            "programme": hit.get("programme", ""), "matched_name": hit.get("matched_name", ""),
            "score": float(hit.get("score", 0.0)), "list_version_id": hit.get("list_version_id"),
            "list_generation_date": hit.get("list_date", ""), "list_sha256": hit.get("list_sha256", ""),
        }
        if keep:
            with self.engine.begin() as con:
                row["id"] = con.execute(insert(review).values(**row)).inserted_primary_key[0]  # type: ignore[index]
        return row

    def decisions(self, party_key: str | None = None, assessment_id: int | None = None) -> list[dict[str, Any]]:
        q = select(review).order_by(review.c.id)
        if party_key is not None:
            q = q.where(review.c.party_key == party_key)
        if assessment_id is not None:
            q = q.where((review.c.assessment_id == assessment_id) | (review.c.scope == "party"))
        with self.engine.connect() as con:
            return [dict(r._mapping) for r in con.execute(q)]

    # -- saved parties ----------------------------------------------------------------------
    def party_results(self, assessment_id: int) -> dict[str, list[dict[str, Any]]]:
        with self.engine.connect() as con:
            rows = con.execute(select(party_result).where(party_result.c.assessment_id == assessment_id))
            return {r.party_key: json.loads(r.hits_json or "[]") for r in rows}

    def all_party_results(self) -> dict[int, dict[str, list[dict[str, Any]]]]:
        out: dict[int, dict[str, list[dict[str, Any]]]] = {}
        with self.engine.connect() as con:
            for r in con.execute(select(party_result)):
                out.setdefault(r.assessment_id, {})[r.party_key] = json.loads(r.hits_json or "[]")
        return out

    def save_party_results(self, assessment_id: int, results: Iterable[tuple[str, str, list[dict[str, Any]]]]) -> None:
        now = self.clock()
        with self.engine.begin() as con:
            con.execute(delete(party_result).where(party_result.c.assessment_id == assessment_id))
            rows = [{"assessment_id": assessment_id, "party_key": k, "party_name": n,
                     "hits_json": json.dumps(h, ensure_ascii=False, sort_keys=True), "at": now}
                    for k, n, h in results]
            if rows:
                con.execute(insert(party_result), rows)


