"""Progress and cancellation for long work (rendering, signing, list imports, backups, bundles).

Qt-free: the work runs in any thread and calls ``progress.update(...)`` now and then; the caller
(the GUI's progress dialog, or nothing on the command line) reads ``snapshot()`` and may call
``cancel()``. Work that can be cancelled safely checks at points where stopping leaves nothing
half-done (before a temporary file is moved into place, inside a transaction that is rolled
back), and ``update``/``check`` raise :class:`Cancelled` there.
"""

from __future__ import annotations

import threading


class Cancelled(Exception):
    """The user cancelled; nothing was changed."""

    def __init__(self, message: str = "cancelled; nothing was changed"):
        super().__init__(message)


class Progress:
    """Thread-safe progress counter with a cancel flag."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self._committed = threading.Event()
        self._done = 0
        self._total: int | None = None
        self._text = ""

    def update(self, done: int | None = None, total: int | None = None, text: str | None = None) -> None:
        """Record how far the work is; raises Cancelled if the user asked to stop."""
        with self._lock:
            if done is not None:
                self._done = done
            if total is not None:
                self._total = total
            if text is not None:
                self._text = text
        self.check()

    def check(self) -> None:
        if self._cancel.is_set() and not self._committed.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        if not self._committed.is_set():
            self._cancel.set()

    def commit(self, text: str | None = None) -> None:
        """The change is made: from here on the work can no longer be cancelled."""
        self._committed.set()
        self.update(text=text)

    @property
    def can_cancel(self) -> bool:
        return not self._committed.is_set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set() and not self._committed.is_set()

    def snapshot(self) -> tuple[int, int | None, str]:
        with self._lock:
            return self._done, self._total, self._text


def update(progress: Progress | None, done: int | None = None, total: int | None = None,
           text: str | None = None) -> None:
    """``progress.update(...)`` when there is a progress object (command-line use has none)."""
    if progress is not None:
        progress.update(done, total, text)
