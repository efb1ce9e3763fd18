"""Everything in the register that belongs to one database engine: SQLite today.

The rest of ``app.storage`` speaks SQLModel and calls this module for what differs between
engines, so a PostgreSQL register (the team-register issue) is a second dialect here, not a
change spread through the repositories:

- the connection settings (``PRAGMA``: ``trusted_schema`` off, foreign keys, WAL, ``synchronous``,
  busy timeout);
- the **write lock** that serialises the audit chain: every write begins ``BEGIN IMMEDIATE``,
  so no other writer can read the newest chain hash between our read and our append;
- raw SQL of the register page (one lean query over one table, ``?`` placeholders) and the
  integrity check;
- the file-level work (schema revision read with ``sqlite3``, backup with SQLite's backup API)
  lives in ``app.storage.db`` beside it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# Writes start with BEGIN IMMEDIATE: the audit chain reads the newest hash and appends after it,
# so no other writer may slip in between. Reads start a plain (deferred) transaction.
_tx = threading.local()

NAME = "sqlite"


def for_engine(engine: Any) -> Any:
    """This module for a SQLite engine, ``app.storage.dialect_pg`` for a PostgreSQL one."""
    if getattr(getattr(engine, "dialect", None), "name", "sqlite") == "postgresql":
        from app.storage import dialect_pg

        return dialect_pg
    import sys

    return sys.modules[__name__]


def _begin(conn: Any) -> None:
    # FULL for everything that is a record (an answer acknowledged on screen survives a power
    # cut); NORMAL only for bookkeeping such as the page to resume on, which then costs no fsync
    # of its own: the next FULL commit syncs it too, and WAL keeps the file consistent either way.
    relaxed = getattr(_tx, "relaxed", False)
    conn.exec_driver_sql("PRAGMA synchronous=NORMAL" if relaxed else "PRAGMA synchronous=FULL")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if getattr(_tx, "immediate", False) else "BEGIN")


def _pragmas(dbapi_con: Any, _record: Any) -> None:
    dbapi_con.isolation_level = None  # transactions are begun by _begin
    cur = dbapi_con.cursor()
    cur.execute("PRAGMA trusted_schema=OFF")  # no SQL functions run from the schema (a planted trigger)
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA journal_mode=WAL")
    # FULL: an answer acknowledged on screen survives a power cut, not only a killed process.
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def create_engine(path: Path) -> Any:
    """A SQLAlchemy engine on the register file, with the connection settings above."""
    from sqlalchemy import URL, event
    from sqlmodel import create_engine as _create_engine

    # URL.create, not "sqlite:///{path}": parsed as a URL, a folder named with "?" ended the
    # path there, and the register was written to another file beside the data folder
    engine = _create_engine(URL.create("sqlite", database=str(path)),
                            connect_args={"check_same_thread": False, "timeout": 10})
    event.listen(engine, "connect", lambda con, rec: _pragmas(con, rec))
    event.listen(engine, "begin", _begin)
    return engine


@contextmanager
def write_lock(durable: bool = True) -> Iterator[None]:
    """Around the start of a write transaction: it begins holding the database's write lock
    (``BEGIN IMMEDIATE``). ``durable=False``: bookkeeping that may be lost in a power cut."""
    _tx.immediate = True
    _tx.relaxed = not durable
    try:
        yield
    finally:
        _tx.immediate = False
        _tx.relaxed = False


def lock_taken() -> None:
    """The transaction has begun (and holds the lock): later transactions of this thread are plain."""
    _tx.immediate = False


def is_busy(message: str) -> bool:
    """A write failed because another process held the lock past the busy timeout."""
    return "locked" in message or "busy" in message


def is_read_only(message: str) -> bool:
    return "readonly" in message or "read-only" in message or "unable to open" in message


def integrity_ok(engine: Any) -> bool:
    with engine.connect() as con:
        return bool(con.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok")


def query(engine: Any, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows of a raw SQL query (``?`` placeholders), as tuples; no ORM objects."""
    with engine.connect() as con:
        return [tuple(r) for r in con.exec_driver_sql(sql, params)]


def like_escaped(word: str) -> str:
    """``%word%`` for ``LIKE ... ESCAPE '\\'`` with the pattern characters of ``word`` escaped."""
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


LIKE = "{column} LIKE ? ESCAPE '\\'"
