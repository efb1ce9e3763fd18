"""One wizard per data folder.

The wizard holds an exclusive lock on ``<data folder>/art5.lock`` while it runs. The lock is an
operating-system lock on an open file (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on
Windows), so it goes away with the process however it ends - a killed or crashed program never
leaves a stale lock behind. The file itself stays; its content (process id, host, start time)
only says who holds the lock and means nothing once the lock is free.

Headless commands do not take the lock: SQLite's own locking (WAL, busy timeout) keeps
concurrent writers safe. ``art5 restore``, which replaces the register under everyone's feet,
takes it and refuses while the wizard is open.
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
from pathlib import Path

LOCK_FILENAME = "art5.lock"
# Windows locks are mandatory: lock one byte far past the content, so the holder's details stay
# readable by the second instance.
_WIN_LOCK_OFFSET = 1 << 20


class InstanceLock:
    """The data folder's instance lock. ``acquire()`` never waits."""

    def __init__(self, data_dir: Path | str):
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / LOCK_FILENAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock: True when this process holds it now, False when another process
        does. Raises OSError when the lock file cannot be created (e.g. a read-only folder)."""
        if self._fd is not None:
            return True
        from app.base.paths import ensure_private_dir

        ensure_private_dir(self.data_dir)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        try:
            if not _try_lock(fd):
                os.close(fd)
                return False
        except OSError:
            os.close(fd)
            raise
        self._fd = fd
        try:
            import socket

            info = f"pid {os.getpid()} on {socket.gethostname()} since " \
                   f"{_dt.datetime.now().astimezone().isoformat(timespec='seconds')}\n"
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, info.encode("utf-8"))
        except OSError:
            pass  # the details are a courtesy; the lock is what counts
        return True

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        except OSError:
            pass
        os.close(fd)  # closing releases the lock in any case

    def holder(self) -> str:
        """Who holds the lock, as written by the holder ("pid 123 on host since ..."), or ""."""
        try:
            with open(self.path, "rb") as fh:
                return fh.read(200).decode("utf-8", "replace").strip()
        except OSError:
            return ""

    def __enter__(self) -> "InstanceLock":
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def __del__(self) -> None:  # pragma: no cover - a safety net; callers release explicitly
        try:
            self.release()
        except Exception:  # noqa: BLE001
            pass


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import errno
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
