"""The register page: rows, counts and filter values over the ``assessment`` table, one lean query
each (no ORM objects), so 10,000 assessments page in milliseconds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.storage import dialect

if TYPE_CHECKING:  # the module stays free of SQLModel: app.storage.quick_read uses register_sql
    from app.storage.repositories.base import Host

# the register's columns, in the order rows() returns them
REGISTER_COLUMNS = ("id", "reference", "title", "product", "customer", "destination", "outcome", "status",
                    "created_at", "updated_at", "finished_at", "export_date", "retention_until", "version_no")
REGISTER_SEARCH = ("reference", "title", "product", "customer", "destination", "outcome", "status",
                   "created_at", "updated_at", "export_date", "retention_until")
REGISTER_SORT = {"updated": "updated_at DESC, id DESC", "created": "created_at DESC, id DESC",
                 "reference": "reference", "retention": "retention_until, id"}
FILTERABLE = ("status", "outcome", "destination")


def register_sql(search: str = "", status: str = "", outcome: str = "", destination: str = "",
                 order: str = "updated", sql_dialect: Any = dialect) -> tuple[str, list[Any]]:
    """The register's WHERE/ORDER clause and parameters (``?`` placeholders; ``sql_dialect``
    gives the case-insensitive, escaped LIKE of the engine)."""
    where: list[str] = []
    params: list[Any] = []
    if search.strip():
        for word in search.split():
            where.append("(" + " OR ".join(sql_dialect.LIKE.format(column=c) for c in REGISTER_SEARCH) + ")")
            params.extend([sql_dialect.like_escaped(word)] * len(REGISTER_SEARCH))
    for col, value in (("status", status), ("outcome", outcome), ("destination", destination.upper())):
        if value:
            where.append(f"{col} = ?")
            params.append(value)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    return clause + " ORDER BY " + REGISTER_SORT.get(order, REGISTER_SORT["updated"]), params


def rows_sql(search: str = "", status: str = "", outcome: str = "", destination: str = "", order: str = "updated",
             limit: int | None = None, offset: int = 0, sql_dialect: Any = dialect) -> tuple[str, tuple[Any, ...]]:
    """The register page's query: rows of REGISTER_COLUMNS, filtered, one page when ``limit`` is
    given (also read with plain ``sqlite3`` by ``app.storage.quick_read``)."""
    clause, params = register_sql(search, status, outcome, destination, order, sql_dialect)
    sql = f"SELECT {', '.join(REGISTER_COLUMNS)} FROM assessment{clause}"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, int(limit), int(offset)]
    return sql, tuple(params)


def values_sql(column: str) -> str:
    """Distinct non-empty values of a filterable column (outcomes, destinations)."""
    if column not in FILTERABLE:
        raise ValueError(column)
    return f"SELECT DISTINCT {column} FROM assessment WHERE {column} != '' ORDER BY 1"


class RegisterQueries:
    def __init__(self, host: Host):
        self._host = host

    @property
    def _dialect(self) -> Any:
        return dialect.for_engine(self._host.engine)

    def rows(self, search: str = "", status: str = "", outcome: str = "", destination: str = "",
             order: str = "updated", limit: int | None = None, offset: int = 0) -> list[tuple[Any, ...]]:
        """Rows of REGISTER_COLUMNS, filtered."""
        sql, params = rows_sql(search, status, outcome, destination, order, limit, offset, self._dialect)
        rows: list[tuple[Any, ...]] = self._dialect.query(self._host.engine, sql, params)
        return rows

    def count(self, search: str = "", status: str = "", outcome: str = "", destination: str = "") -> int:
        clause, params = register_sql(search, status, outcome, destination, sql_dialect=self._dialect)
        clause = clause.split(" ORDER BY ")[0]
        return int(self._dialect.query(self._host.engine, f"SELECT count(*) FROM assessment{clause}", tuple(params))[0][0])

    def values(self, column: str) -> list[str]:
        """Distinct non-empty values of a filterable column (outcomes, destinations)."""
        return [r[0] for r in self._dialect.query(self._host.engine, values_sql(column))]
