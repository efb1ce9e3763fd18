"""Backups by hand and restoring one. Both go through SQLite's backup API, never a file copy of a
live WAL database."""

from __future__ import annotations

import datetime as _dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.storage import DB_FILENAME
from app.storage.db import HEAD_REVISION, KNOWN_REVISIONS, backup
from app.storage.errors import StorageError


class BackupError(StorageError):
    pass


def make_backup(data_dir: Path, dest: Path, progress=None) -> Path:
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
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
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
        n = con.execute("SELECT count(*) FROM assessment").fetchone()[0]
        return BackupInfo(path, rev, int(n))
    finally:
        con.close()


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
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target, timeout=10)
    try:
        src.backup(dst)
    except sqlite3.Error as exc:
        raise BackupError(target, f"restoring failed ({exc}); the previous register is kept in {kept}") from None
    finally:
        dst.close()
        src.close()
    os.chmod(target, 0o600)
    return info, kept
