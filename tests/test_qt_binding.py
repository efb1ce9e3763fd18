"""The Qt binding itself: a regression check for a refcount bug that aborts the program.

PySide6 6.12.0's QCoreApplication.processEvents() drops a reference to None on every call;
after enough calls the interpreter aborts with "none_dealloc: deallocating None". The wizard,
its self-test and its tests call processEvents(), so the pinned binding must not have it."""

import sys


def test_process_events_keeps_none_alive(qapp):
    before = sys.getrefcount(None)
    for _ in range(2000):
        qapp.processEvents()
    assert sys.getrefcount(None) - before > -100, "this PySide6 build leaks references to None"
