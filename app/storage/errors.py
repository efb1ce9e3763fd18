"""Storage errors: each message names the file and what the user can do."""


from app.base.errors import StorageError

__all__ = ["StorageError", "NewerDatabaseError", "CorruptDatabaseError", "ReadOnlyLocationError"]


class NewerDatabaseError(StorageError):
    """The database was written by a newer version of the program; it is left untouched."""


class CorruptDatabaseError(StorageError):
    """The file is not a readable SQLite database; it is left untouched."""


class ReadOnlyLocationError(StorageError):
    """The data folder or database cannot be written."""
