"""Alembic environment: runs on the connection the program hands over (never reads a URL
from an ini file), with batch mode so SQLite can alter tables."""

from alembic import context
from sqlmodel import SQLModel

from app.storage import models, models_team  # noqa: F401  (registers every table on the metadata)

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs `alembic` by hand
    raise RuntimeError("run migrations through app.storage.db.migrate()")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
