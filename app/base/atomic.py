"""Writing a file so that it is either the complete new content or what was there before."""

from __future__ import annotations

import os
import re
import secrets
import time
from pathlib import Path


class AtomicWriteError(OSError):
    """Writing failed; ``stage`` is ``folder`` (the folder cannot be created or written) or
    ``file`` (writing or replacing the file failed). Nothing was changed at ``path``."""

    def __init__(self, path: Path, stage: str, reason: str):
        self.path = Path(path)
        self.stage = stage
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def write_bytes_atomic(path: Path | str, data: bytes, mode: int = 0o666) -> Path:
    """Write ``data`` to a hidden temporary file beside ``path``, sync it, and move it into
    place with os.replace. On failure the temporary file is removed and ``path`` is
    untouched. ``mode`` (before the umask) is the new file's permission, e.g. 0o600."""
    path = Path(path)
    folder = path.parent
    if path.is_dir():
        raise AtomicWriteError(path, "folder", "this is a folder; choose a file name")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AtomicWriteError(path, "folder", f"cannot create the folder {folder}: {exc.strerror or exc}") from None
    tmp = folder / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    except PermissionError:
        raise AtomicWriteError(path, "folder", f"the folder {folder} is not writable") from None
    except OSError as exc:
        raise AtomicWriteError(path, "folder", f"cannot write in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode != 0o666:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise AtomicWriteError(path, "file", f"cannot write the file: {exc.strerror or exc}") from None
    return path


def discard(*paths: Path | str) -> None:
    """Remove temporary files a failed write left (those already gone are fine): the clean-up of
    every ``except BaseException:`` around a write-then-replace."""
    for p in paths:
        try:
            os.unlink(p)
        except OSError:
            pass


# Hidden temporary files this program writes beside their final names (write_bytes_atomic and
# the report writer, the unsigned rendering before signing, backups, attachments and imported
# reports coming in).
_LEFTOVER = re.compile(r"^\.(?:.+\.[0-9a-f]{12}\.tmp|.+\.partial(?:-journal)?|.+\.unsigned\.[0-9a-f]{8}\.pdf"
                       r"|incoming-.+|import-.+)$")


def sweep_leftovers(folders: list[Path], older_than_s: float = 3600.0) -> list[Path]:
    """Remove the hidden temporary files a killed program left behind in ``folders`` (and their
    sub-folders). Only this program's own temporary names are touched, and only when older than
    ``older_than_s``, so the work in progress of another running process is never removed.
    Returns what was removed; a file that cannot be removed is left alone."""
    now = time.time()
    removed: list[Path] = []
    for top in folders:
        for dirpath, _dirs, files in os.walk(top):
            for name in files:
                if not _LEFTOVER.match(name):
                    continue
                p = Path(dirpath) / name
                try:
                    if now - p.stat().st_mtime >= older_than_s:
                        p.unlink()
                        removed.append(p)
                except OSError:
                    pass
    return removed
