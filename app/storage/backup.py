"""Backups by hand and restoring one. Both go through SQLite's backup API, never a file copy of a
live WAL database."""

from __future__ import annotations

import datetime as _dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.base.progress import Progress
from app.storage import DB_FILENAME
from app.storage.db import HEAD_REVISION, KNOWN_REVISIONS, backup, connect, ro_uri
from app.storage.errors import StorageError


class BackupError(StorageError):
    pass


class SchemaMismatch(BackupError):
    """The backup's schema is not the one this program's migrations make (exit 2)."""


def schema_of(con: sqlite3.Connection) -> set[tuple[str, str, str, str]]:
    """Every schema object (tables, indexes, triggers, views) with its SQL, whitespace-normalised."""
    return {(t, n, tbl, " ".join((sql or "").split()))
            for t, n, tbl, sql in con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")}


_EXPECTED: dict[str, set[Any]] = {}


def expected_schema(revision: str) -> set[tuple[str, str, str, str]]:
    """The schema this program's own migrations make at ``revision`` (built once, in a temporary file)."""
    if revision not in _EXPECTED:
        import tempfile

        from sqlalchemy import URL, create_engine

        from app.storage.db import run_upgrade

        with tempfile.TemporaryDirectory(prefix="art5-schema-") as tmp:
            path = Path(tmp) / "expected.db"
            engine = create_engine(URL.create("sqlite", database=str(path)))
            try:
                run_upgrade(engine, revision)
            finally:
                engine.dispose()
            con = connect(path)
            try:
                _EXPECTED[revision] = schema_of(con)
            finally:
                con.close()
    return _EXPECTED[revision]


def make_backup(data_dir: Path, dest: Path, progress: Progress | None = None) -> Path:
    """Copy the register to ``dest`` (atomic: a partial copy never takes the final name).
    ``progress``: an app.base.progress.Progress that hears the pages copied and may cancel."""
    src = Path(data_dir) / DB_FILENAME
    if not src.exists():
        raise BackupError(src, "there is no register to back up in this data folder")
    dest = Path(dest)
    if dest.resolve() == src.resolve():
        raise BackupError(dest, "the backup cannot replace the register itself")

    def refuse_damage(copy: Path) -> None:  # before the copy takes the name of (perhaps) an older backup
        try:
            check_backup(copy)
        except BackupError as exc:
            reason = exc.message.removesuffix("; nothing was replaced")
            raise BackupError(src, f"the register itself is damaged ({reason}), so no backup was written and "
                                   f"{dest.name} was not changed. Restore an earlier backup with "
                                   "'art5 restore FILE'") from None

    try:
        backup(src, dest, progress, verify=refuse_damage)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(dest, f"cannot write the backup: {getattr(exc, 'strerror', None) or exc}") from None
    return dest


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    revision: str
    assessments: int


def check_backup(path: Path) -> BackupInfo:
    """Integrity and schema version of a backup file, read-only; raises BackupError."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(path, "no such file")
    try:
        con = connect(ro_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise BackupError(path, f"cannot open it as a database: {exc}") from None
    try:
        try:
            check = con.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as exc:
            raise BackupError(path, f"not a database or damaged ({exc}); nothing was replaced") from None
        if check != [("ok",)]:
            raise BackupError(path, "the integrity check failed (" + "; ".join(r[0] for r in check[:3])
                              + "); nothing was replaced")
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables or "assessment" not in tables:
            raise BackupError(path, "this SQLite file is not an Art5 Assessor register; nothing was replaced")
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        rev = row[0] if row else ""
        if rev not in KNOWN_REVISIONS:
            raise BackupError(path, f"schema version {rev or '(none)'} is not one this program knows "
                                    f"(up to {HEAD_REVISION}); nothing was replaced")
        found, expected = schema_of(con), expected_schema(rev)
        if found != expected:
            extra = sorted(found - expected)
            missing = sorted(expected - found)
            what = (f"it has a {extra[0][0]} {extra[0][1]!r} that this program never makes" if extra
                    else f"its {missing[0][0]} {missing[0][1]!r} differs from the one this program makes")
            raise SchemaMismatch(path, f"the schema is not the one this program's migrations make ({what}; a "
                                       "trigger or view could change what is stored behind the audit trail); "
                                       "nothing was replaced")
        bad = [r[0] for r in con.execute("SELECT reference FROM assessment")
               if not _valid_reference(r[0])]
        if bad:
            raise BackupError(path, f"the backup holds an assessment reference that is not valid ({str(bad[0])[:60]!r}); "
                                    "references name files, so nothing was replaced")
        n = con.execute("SELECT count(*) FROM assessment").fetchone()[0]
        return BackupInfo(path, rev, int(n))
    finally:
        con.close()


def _valid_reference(ref: object) -> bool:
    from app.base.paths import check_reference

    try:
        check_reference(ref)
        return True
    except ValueError:
        return False


def restore(data_dir: Path, source: Path) -> tuple[BackupInfo, Path | None]:
    """Replace the register with ``source`` after checking it; the replaced register is kept
    in ``backups/`` first. Returns (info, where the replaced register went).

    Run it while the program is not open on this data folder. The copy is made with the backup
    API into the live file, so a write-ahead log of the old register cannot leak into it."""
    info = check_backup(source)
    data_dir = Path(data_dir)
    target = data_dir / DB_FILENAME
    kept = None
    if target.exists() and target.stat().st_size > 0:
        stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        kept = backup(target, data_dir / "backups" / f"art5-replaced-by-restore-{stamp}.db")
    else:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(target, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    src = connect(ro_uri(source), uri=True)
    dst = connect(target, timeout=10)
    try:
        src.backup(dst)
    except sqlite3.Error as exc:
        raise BackupError(target, f"restoring failed ({exc}); the previous register is kept in {kept}") from None
    finally:
        dst.close()
        src.close()
    os.chmod(target, 0o600)
    return info, kept
