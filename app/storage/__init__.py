"""Storage of assessments. Importing this package is cheap; ``app.storage.store`` pulls in
SQLModel (about 0.4-0.8 s), so the GUI imports it after its first paint."""

from app.storage.errors import StorageError, NewerDatabaseError, CorruptDatabaseError, ReadOnlyLocationError

DB_FILENAME = "art5.db"

__all__ = ["StorageError", "NewerDatabaseError", "CorruptDatabaseError", "ReadOnlyLocationError",
           "DB_FILENAME"]
