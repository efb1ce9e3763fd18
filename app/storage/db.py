"""Opening the database: checks, backups and migrations.

Order of work at start-up, cheapest first:
1. plain ``sqlite3`` reads the schema revision (``alembic_version``) - no SQLAlchemy, no Alembic;
2. a file that is not a database, or one from a newer program version, is refused untouched;
3. only when the revision is behind does Alembic load; the file is first backed up with
   SQLite's backup API (never a file copy of a live WAL database).
"""

from __future__ import annotations

import datetime as _dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
import os
import sqlite3
from pathlib import Path
from typing import Any, Callable

from app.base import atomic
from app.base.progress import Progress
from app.storage.errors import CorruptDatabaseError, NewerDatabaseError, ReadOnlyLocationError, StorageError

# The newest revision this program knows; keep in step with app/migrations/versions.
KNOWN_REVISIONS = ("0001", "0002", "0003", "0010", "0011")  # 0010: the team register; 0011: its trusted signers
HEAD_REVISION = KNOWN_REVISIONS[-1]
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def connect(target: str | Path, **kw: Any) -> sqlite3.Connection:
    """A plain sqlite3 connection with ``trusted_schema`` off (issue 14)."""
    con: sqlite3.Connection = sqlite3.connect(target, **kw)
    con.execute("PRAGMA trusted_schema=OFF")
    return con


def ro_uri(path: str | Path) -> str:
    """A read-only SQLite URI for ``path``, percent-encoded. Written as ``file:PATH?mode=ro``, a
    folder named with ``#`` or ``?`` ended the path there, and SQLite opened (and created,
    read-write) another file beside the folder."""
    return Path(path).absolute().as_uri() + "?mode=ro"


def read_revision(path: Path) -> str | None:
    """The Alembic revision stored in ``path``; ``None`` for a new or empty database.

    Raises CorruptDatabaseError for a file that SQLite cannot read as a database.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        con = connect(ro_uri(path), uri=True, timeout=10)
    except sqlite3.Error as exc:
        raise CorruptDatabaseError(path, f"cannot open the database: {exc}") from None
    try:
        return revision_on(con, path)
    finally:
        con.close()


def revision_on(con: sqlite3.Connection, path: Path) -> str | None:
    """:func:`read_revision` on an open connection (``app.storage.quick_read`` reads the
    register's first page on the same one)."""
    try:
        foreign = con.execute("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view') "
                              "ORDER BY type, name").fetchall()
        if foreign:
            raise CorruptDatabaseError(
                path, f"the register carries a {foreign[0][0]} ({foreign[0][1]!r}) that this program never makes: "
                      "it could change what is stored behind the audit trail. It was left untouched; restore a "
                      "backup you trust with 'art5 restore FILE'")
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            if tables:
                raise CorruptDatabaseError(
                    path, "this SQLite file is not an Art5 Assessor database (it has no schema version); "
                          "it was left untouched")
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(
            path, f"the file is damaged or not a database ({exc}); it was left untouched. "
                  "Restore a backup or move the file away to start a new register") from None


def check_revision(path: Path) -> str | None:
    rev = read_revision(path)
    if rev is not None and rev not in KNOWN_REVISIONS:
        raise NewerDatabaseError(
            path, f"the database has schema version {rev}, which is newer than this program knows "
                  f"(up to {HEAD_REVISION}). Install the newer Art5 Assessor that wrote it; "
                  "the file was left untouched")
    return rev


def backup(src: Path, dest: Path, progress: Progress | None = None,
           verify: Callable[[Path], None] | None = None) -> Path:
    """A consistent copy of a live database, through SQLite's backup API, owner-readable only.

    The copy is written under a hidden temporary name and moved to ``dest`` only when complete,
    so a copy cut short (a killed program) never sits under a backup's name; on any failure the
    temporary copy is removed and ``dest`` keeps what it held. ``progress`` (an
    app.base.progress.Progress) hears the pages copied and may cancel between steps
    (app.base.progress.Cancelled is raised). ``verify(path)`` may refuse the finished copy by raising
    before it takes ``dest``'s name."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.partial")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    try:
        source = connect(ro_uri(src), uri=True, timeout=30)
        target = connect(tmp)
        try:
            if progress is None:
                source.backup(target)
            else:
                source.backup(target, pages=256,
                              progress=lambda _status, remaining, total: progress.update(total - remaining, total))
            target.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        finally:
            target.close()
            source.close()
        os.chmod(tmp, 0o600)
        if verify is not None:
            verify(tmp)
        os.replace(tmp, dest)
    except BaseException:
        atomic.discard(tmp, f"{tmp}-journal")
        raise
    return dest


def prepare_file(path: Path) -> None:
    """Create the folder and an empty database file, both private to the user."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        try:
            os.chmod(folder, 0o700)
        except PermissionError:
            pass
        if not path.exists():
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
    except PermissionError:
        raise ReadOnlyLocationError(
            path, "cannot create the database here: the folder is not writable. "
                  "Choose another data folder with --data-dir or ART5_DATA_DIR") from None
    except OSError as exc:
        raise StorageError(path, f"cannot create the database: {exc.strerror or exc}") from None
    if not os.access(path, os.W_OK) or not os.access(folder, os.W_OK):
        raise ReadOnlyLocationError(
            path, "the database or its folder is read-only; nothing was changed. "
                  "Make it writable or choose another data folder with --data-dir")


@contextmanager
def migration_lock(path: Path) -> Iterator[None]:
    """Held while a process brings the register's schema up to date, so that two processes
    opening a new or older register at once (the wizard and a command) never migrate it
    together: the second waits, then finds the schema current. On POSIX an ``flock`` on the
    database file itself (independent of SQLite's own byte-range locks, and no new file in the
    data folder); on Windows, where byte locks are mandatory, a lock file beside it."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        fd = os.open(str(path) + ".migrating", os.O_CREAT | os.O_RDWR, 0o600)
        try:
            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # retries for about 10 s
            try:
                yield
            finally:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        finally:
            os.close(fd)
        return
    import fcntl

    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


AUTO_PREFIX = "art5-auto-"


def rolling_backup(path: Path, backups_dir: Path, label: str, keep: int = 5) -> Path:
    """An automatic backup ``art5-auto-<label>-<stamp>.db``; only the newest ``keep`` automatic
    backups are kept (backups made by hand with ``art5 backup`` are never pruned)."""
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    try:
        os.makedirs(backups_dir, mode=0o700, exist_ok=True)
    except OSError as exc:
        raise StorageError(backups_dir, f"cannot create the backup folder: {exc.strerror or exc}") from None
    made = backup(path, backups_dir / f"{AUTO_PREFIX}{label}-{stamp}.db")
    prune_backups(backups_dir, keep)
    return made


def auto_backups(backups_dir: Path) -> list[Path]:
    """Automatic backups, oldest first."""
    if not backups_dir.is_dir():
        return []
    return sorted(backups_dir.glob(f"{AUTO_PREFIX}*.db"), key=lambda p: (p.stat().st_mtime, p.name))


def prune_backups(backups_dir: Path, keep: int) -> None:
    files = auto_backups(backups_dir)
    for old in files[:max(0, len(files) - max(1, keep))]:
        try:
            old.unlink()
        except OSError:
            pass


def backup_due(backups_dir: Path, interval_hours: float) -> bool:
    if interval_hours <= 0:
        return False
    files = auto_backups(backups_dir)
    if not files:
        return True
    age = _dt.datetime.now().timestamp() - files[-1].stat().st_mtime
    return age >= interval_hours * 3600


def run_upgrade(engine: Any, revision: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def migrate(engine: Any, path: Path, current: str | None, backups_dir: Path, keep: int = 5) -> Path | None:
    """Bring the schema to HEAD_REVISION; returns the backup made first (None for a new file)."""
    if current == HEAD_REVISION:
        return None
    made = None
    if current is not None:
        made = rolling_backup(path, backups_dir, f"before-migration-{current}", keep)
    run_upgrade(engine, "head")
    return made
