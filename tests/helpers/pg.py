"""A PostgreSQL database per test, copied from a template migrated once per run.

The server comes from ART5_TEST_PG_URL (a superuser URL on a throw-away cluster, as .ci/run
starts one); without it the PostgreSQL variants of the tests skip, saying so."""

from __future__ import annotations

import os
import uuid
from urllib.parse import urlsplit, urlunsplit

SKIP_REASON = ("no PostgreSQL server configured: set ART5_TEST_PG_URL (e.g. from .ci/pg-cluster.sh); "
               ".ci/run always starts one")
TEMPLATE = "art5_test_template"
_template_ready = False


def admin_url() -> str | None:
    return os.environ.get("ART5_TEST_PG_URL") or None


def with_database(url: str, database: str, user: str | None = None) -> str:
    parts = urlsplit(url)
    netloc = parts.netloc if user is None else f"{user}@{parts.netloc.rsplit('@', 1)[-1]}"
    return urlunsplit((parts.scheme, netloc, "/" + database, parts.query, ""))


def admin_execute(sql: str, database: str | None = None) -> None:
    import psycopg

    url = admin_url()
    assert url
    if database:
        url = with_database(url, database)
    with psycopg.connect(url, autocommit=True) as con:
        con.execute(sql)


def _ensure_template() -> None:
    global _template_ready
    if _template_ready:
        return
    from app.storage import dialect_pg

    admin_execute(f"DROP DATABASE IF EXISTS {TEMPLATE}")
    admin_execute(f"CREATE DATABASE {TEMPLATE}")
    engine = dialect_pg.create_engine(with_database(admin_url(), TEMPLATE))
    try:
        dialect_pg.migrate(engine)
    finally:
        engine.dispose()
    _template_ready = True


def new_database() -> str:
    """A fresh, migrated database; returns its name."""
    _ensure_template()
    name = "art5_t_" + uuid.uuid4().hex[:12]
    admin_execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    return name


def drop_database(name: str) -> None:
    try:
        admin_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    except Exception:  # noqa: BLE001 - a leftover database of a throw-away cluster harms nothing
        pass
