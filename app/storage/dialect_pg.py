"""Everything in the register that belongs to PostgreSQL (the shared team register).

The counterpart of ``app.storage.dialect`` (SQLite); ``dialect.for_engine(engine)`` picks one, so
the store and the repositories stay engine-neutral:

- the connection URL: ``postgresql://user@host:port/db?sslmode=verify-full``. The password never
  comes from the URL on the command line (``check_url`` refuses it) nor goes to a log: it comes
  from ``ART5_DATABASE_PASSWORD`` / ``PGPASSWORD`` in the environment, the libpq password file
  (``PGPASSFILE``, default ``~/.pgpass``, which libpq ignores unless it is readable by the user
  only), or the system keyring when the optional ``keyring`` package is installed. TLS is libpq's ``sslmode`` (``require``, ``verify-ca``, ``verify-full`` with
  ``sslrootcert``), given in the URL or ``PGSSLMODE``;
- the **write lock** that serialises the audit chain: every write transaction takes one
  transaction-scoped advisory lock per register (``pg_advisory_xact_lock``) before it reads the
  newest chain hash, so two writers never fork the chain; the lock is released by the commit;
- raw SQL with ``?`` placeholders (the register page) is passed to psycopg as ``%s``;
- ``LIKE`` is ``ILIKE`` here (SQLite's LIKE ignores ASCII case, PostgreSQL's does not), with the
  same backslash escape.
"""

from __future__ import annotations

import os
import re
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from app.storage import dialect as _sqlite  # the thread-local transaction flags are shared

NAME = "postgresql"
# one advisory-lock key for the register's audit chain (any 64-bit number unique to the program)
CHAIN_LOCK_KEY = 0x41727435  # "Art5"
MIGRATION_LOCK_KEY = 0x41727436
# how long a write waits for another writer's chain lock (SQLite's busy timeout is 10 s too)
LOCK_TIMEOUT_MS = 10000
# a client that vanished inside a transaction (a laptop whose network dropped) has its session
# ended by the server after this long, so its lock does not block the team
IDLE_IN_TRANSACTION_MS = 60000
SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


class UrlError(ValueError):
    """A database URL the program will not use (the message says why)."""


def is_url(value: str | None) -> bool:
    return bool(value) and str(value).split(":", 1)[0].lower() in SCHEMES


def redact(url: str) -> str:
    """``url`` with any password replaced by ``***`` (for messages and logs)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unreadable URL>"
    if parts.password is None:
        return url
    netloc = f"{parts.username or ''}:***@{parts.hostname or ''}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def display_url(engine: Any) -> str:
    """The engine's URL as the user wrote it (postgresql://user@host/db), without a password."""
    return redact(engine.url.render_as_string(hide_password=True).replace("postgresql+psycopg://", "postgresql://", 1))


def check_url(url: str, from_command_line: bool = False) -> str:
    """The URL in SQLAlchemy's form (``postgresql+psycopg://``); refuses a password in a URL given
    on the command line (other users see a process's arguments) and parameters that are not libpq's."""
    if not is_url(url):
        raise UrlError(f"{redact(url)}: not a PostgreSQL URL (postgresql://user@host:port/database)")
    parts = urlsplit(url)
    if parts.password is not None and from_command_line:
        raise UrlError(
            f"{redact(url)}: a password in the URL is refused (on a command line every user of this computer "
            "sees it, and URLs are kept in settings and messages); nothing was opened. Give it in ART5_DATABASE_PASSWORD or PGPASSWORD, or in a password file "
            "readable by you only (~/.pgpass, see the README)")
    if not parts.username:
        raise UrlError(f"{redact(url)}: the URL names no user (postgresql://USER@host/database)")
    if not parts.path.strip("/"):
        raise UrlError(f"{redact(url)}: the URL names no database (postgresql://user@host/DATABASE)")
    allowed = {"sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout", "application_name",
               "target_session_attrs", "passfile", "options"}
    query = parse_qsl(parts.query, keep_blank_values=True)
    bad = [k for k, _ in query if k not in allowed]
    if bad:
        raise UrlError(f"{redact(url)}: unknown connection parameter(s): {', '.join(bad)}")
    mode = dict(query).get("sslmode") or os.environ.get("PGSSLMODE", "")
    if mode and mode not in ("disable", "allow", "prefer", "require", "verify-ca", "verify-full"):
        raise UrlError(f"{redact(url)}: sslmode={mode} is not one of libpq's modes "
                       "(disable, allow, prefer, require, verify-ca, verify-full)")
    return urlunsplit(("postgresql+psycopg", parts.netloc, parts.path, urlencode(query), ""))


def user_of(url: str) -> str:
    return unquote(urlsplit(url).username or "")


KEYRING_SERVICE = "art5-assessor"


def keyring_name(url: str) -> str:
    """The entry under which the system keyring keeps this register's password: user@host:port/db."""
    p = urlsplit(url)
    return f"{unquote(p.username or '')}@{p.hostname or ''}:{p.port or 5432}/{p.path.strip('/')}"


def _password(url: str | None = None) -> str | None:
    """ART5_DATABASE_PASSWORD; else, when the optional ``keyring`` package is installed, the system
    keyring's entry (service art5-assessor, name user@host:port/db). PGPASSWORD and the password
    file are read by libpq itself."""
    pw = os.environ.get("ART5_DATABASE_PASSWORD")
    if pw:
        return pw
    if url is None or os.environ.get("PGPASSWORD"):
        return None
    try:
        import keyring  # optional: not a dependency of the program
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_name(url)) or None
    except Exception:  # noqa: BLE001 - no keyring backend on this system: libpq's sources remain
        return None


def _begin(conn: Any) -> None:
    tx = _sqlite._tx
    if getattr(tx, "relaxed", False):
        # bookkeeping (the page to resume on): no wait for the WAL flush
        conn.exec_driver_sql("SET LOCAL synchronous_commit TO off")
    if getattr(tx, "immediate", False):
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(LOCK_TIMEOUT_MS)}")
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({CHAIN_LOCK_KEY})")


def create_engine(url: str, pool_size: int = 5) -> Any:
    """A SQLAlchemy engine on the team register (psycopg 3), with the write lock above."""
    from sqlalchemy import event
    from sqlmodel import create_engine as _create_engine

    sa_url = check_url(url)
    connect_args: dict[str, Any] = {"connect_timeout": 10, "application_name": "art5-assessor",
                                    "options": f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_MS}"}
    pw = _password(url)
    if pw:
        connect_args["password"] = pw
    # no pre-ping (a round trip per checkout); connections older than 10 minutes are replaced, and
    # a connection the server dropped is discarded by the pool on its first error
    engine = _create_engine(sa_url, connect_args=connect_args, pool_size=pool_size, max_overflow=5,
                            pool_recycle=600, hide_parameters=True)
    event.listen(engine, "begin", _begin)
    # the register page's reads: a small autocommit pool used through the DBAPI cursor, so a page
    # costs one round trip (no BEGIN/ROLLBACK around it), as raw SQL does
    reader = _create_engine(sa_url, connect_args=connect_args, pool_size=2, max_overflow=3, pool_recycle=600,
                            hide_parameters=True, isolation_level="AUTOCOMMIT", pool_reset_on_return=None)
    engine.art5_reader = reader  # type: ignore[attr-defined]  # read back with getattr(engine, "art5_reader")
    event.listen(engine, "engine_disposed", lambda _e: reader.dispose())
    return engine


def is_busy(message: str) -> bool:
    return "lock timeout" in message or "could not obtain lock" in message or "deadlock" in message


def is_read_only(message: str) -> bool:
    return "read-only transaction" in message


def is_denied(exc: BaseException) -> bool:
    """A statement refused by the database's roles or row-level security."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlstate", None) or getattr(getattr(orig, "diag", None), "sqlstate", None)
    return (code in ("42501", "25006") or "row-level security" in str(orig) or "permission denied" in str(orig)
            or "read-only transaction" in str(orig))


def integrity_ok(engine: Any) -> bool:
    """PostgreSQL checks its own pages; here: the server answers and the schema is there."""
    with engine.connect() as con:
        return con.exec_driver_sql("SELECT to_regclass('public.audit_event') IS NOT NULL").scalar() is True


_PLACEHOLDER = re.compile(r"\?")


def to_pg(sql: str) -> str:
    """``?`` placeholders to psycopg's ``%s`` (a literal ``%`` doubled first)."""
    return _PLACEHOLDER.sub("%s", sql.replace("%", "%%"))


def query(engine: Any, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """One read statement, in autocommit (no BEGIN and ROLLBACK round trips around it)."""
    reader = getattr(engine, "art5_reader", None)
    if reader is None:
        with engine.connect() as con:
            return [tuple(r) for r in con.exec_driver_sql(to_pg(sql), tuple(params))]
    con = reader.raw_connection()
    try:
        cur = con.cursor()
        cur.execute(to_pg(sql), tuple(params))
        rows: list[tuple[Any, ...]] = cur.fetchall()
        cur.close()
        return rows
    finally:
        con.close()


like_escaped = _sqlite.like_escaped
LIKE = "{column} ILIKE ? ESCAPE '\\'"


def read_revision(engine: Any) -> str | None:
    with engine.connect() as con:
        if con.exec_driver_sql("SELECT to_regclass('public.alembic_version')").scalar() is None:
            tables = con.exec_driver_sql(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").scalar()
            if tables:
                raise UrlError("this PostgreSQL database holds other tables and no Art5 schema version; "
                               "it was left untouched. Use an empty database for the team register")
            return None
        version: str | None = con.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        return version


def migrate(engine: Any) -> str | None:
    """Bring the schema to the newest revision, under a session advisory lock so two programs
    starting at once do not both migrate. Returns the revision found before."""
    from alembic import command
    from alembic.config import Config

    from app.storage.db import HEAD_REVISION, KNOWN_REVISIONS, MIGRATIONS_DIR
    from app.storage.errors import NewerDatabaseError

    current = read_revision(engine)
    if current is not None and current not in KNOWN_REVISIONS:
        raise NewerDatabaseError(redact(engine.url.render_as_string(hide_password=True)),
                                 f"the team register has schema version {current}, newer than this program "
                                 f"knows (up to {HEAD_REVISION}); install the newer Art5 Assessor. Nothing was "
                                 "changed")
    if current == HEAD_REVISION:
        return current
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return current
