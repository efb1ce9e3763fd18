"""Backups of the team register: ``pg_dump`` through the program.

``art5 --database URL backup --to FILE`` writes PostgreSQL's custom-format dump (schema, data,
row-level security policies and grants; not the cluster-wide roles, which ``art5 team
add-user`` recreates), owner-readable only, under a temporary name until ``pg_restore --list``
has read it back. Restore into a new, empty database with
``pg_restore --no-owner -d postgresql://OWNER@HOST/NEWDB FILE`` and point the program at it.
The password is handed to pg_dump in its environment (PGPASSWORD), never on its command line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from app.base import atomic
from app.storage.errors import StorageError


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for base in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (base / name).exists():
            return str(base / name)
    raise StorageError(name, f"{name} was not found: install the PostgreSQL client tools "
                             "(Debian: apt-get install postgresql-client) to back up the team register")


def dump(url: str, dest: Path, timeout: float = 3600) -> Path:
    from app.storage import dialect_pg

    conninfo = dialect_pg.check_url(url).replace("postgresql+psycopg://", "postgresql://", 1)
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.partial")
    env = dict(os.environ)
    if dialect_pg._password(url):
        env["PGPASSWORD"] = dialect_pg._password(url) or ""
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    try:
        r = subprocess.run([_tool("pg_dump"), "--format=custom", "--no-password", "--enable-row-security", f"--file={tmp}",
                            f"--dbname={conninfo}"], capture_output=True, text=True, env=env, timeout=timeout)
        if r.returncode != 0:
            raise StorageError(dialect_pg.redact(url), f"pg_dump failed: {r.stderr.strip()[:400]}; "
                                                       "no backup was written")
        check = subprocess.run([_tool("pg_restore"), "--list", str(tmp)], capture_output=True, text=True,
                               timeout=timeout)
        if check.returncode != 0 or "TABLE DATA public audit_event" not in check.stdout:
            raise StorageError(dest, "the dump could not be read back (or holds no audit trail); "
                                     "no backup was written")
        os.chmod(tmp, 0o600)
        os.replace(tmp, dest)
    except BaseException:
        atomic.discard(tmp)
        raise
    return dest
