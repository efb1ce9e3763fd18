"""The register's rows read with the standard library's ``sqlite3``, before SQLModel is loaded.

Importing ``app.storage.store`` (SQLModel, SQLAlchemy, Alembic) costs several times what the
window's first paint does. So that ``art5`` shows the register's first page of rows at once, the
window reads them through this module, read-only (``mode=ro``: nothing is created, migrated or
written), on the same connection that checks the schema revision with one query, and opens the
full :class:`~app.storage.store.Store` after the first paint.

:meth:`QuickRegister.open` returns ``None`` whenever the normal path has something to do or to
say: no register file yet, a schema that is older (to migrate) or newer than this program's, a
damaged file, a foreign trigger or view, any SQLite error. The window then waits for the Store,
which migrates, backs up or refuses with the same clear message as always.

The rows are the register page's own query (``rows_sql`` and ``values_sql`` of
``app.storage.repositories.register``), so they equal what ``store.register.rows`` returns for
the same filters and order.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from app.storage import DB_FILENAME, dialect
from app.storage.db import HEAD_REVISION, connect, revision_on, ro_uri
from app.storage.errors import StorageError
from app.storage.repositories.register import rows_sql, values_sql


class QuickRegister:
    """Read-only register queries on a current SQLite register: the same ``rows()`` and
    ``values()`` as ``store.register``. Each call opens and closes its own read-only connection
    (no lock is held between calls; a write by another process is seen at the next call)."""

    def __init__(self, path: Path):
        self.path = path

    @property
    def register(self) -> "QuickRegister":
        """As ``store.register``, so the register page takes either."""
        return self

    @classmethod
    def open(cls, data_dir: Path) -> "QuickRegister | None":
        """The register of ``data_dir`` when it can be read as it is, else None (see the module)."""
        path = Path(data_dir) / DB_FILENAME
        try:
            if not path.is_file() or path.stat().st_size == 0:
                return None
            con = cls._connect(path)
        except (OSError, sqlite3.Error):
            return None
        try:
            if revision_on(con, path) != HEAD_REVISION:
                return None
            con.execute("SELECT 1 FROM assessment LIMIT 1").fetchall()
        except (StorageError, sqlite3.Error):
            return None
        finally:
            con.close()
        return cls(path)

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        # read-only and never creating the file; a short busy timeout: the Store follows anyway
        return connect(ro_uri(path), uri=True, timeout=2)

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        con = self._connect(self.path)
        try:
            return [tuple(r) for r in con.execute(sql, params)]
        finally:
            con.close()

    def rows(self, search: str = "", status: str = "", outcome: str = "", destination: str = "",
             order: str = "updated", limit: int | None = None, offset: int = 0) -> list[tuple[Any, ...]]:
        """Rows of REGISTER_COLUMNS, filtered: as ``store.register.rows``."""
        return self._query(*rows_sql(search, status, outcome, destination, order, limit, offset, dialect))

    def values(self, column: str) -> list[str]:
        """Distinct non-empty values of a filterable column: as ``store.register.values``."""
        return [r[0] for r in self._query(values_sql(column))]
