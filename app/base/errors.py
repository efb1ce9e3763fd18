"""The error every data file of the program raises when it cannot be read or written: the
register, the screening lists' database. Each message names the file and what the user can do;
the command line reports any of them with exit code 2."""

from __future__ import annotations


class StorageError(RuntimeError):
    def __init__(self, path: object, message: str) -> None:
        self.path = str(path)
        self.message = message
        super().__init__(f"{path}: {message}")
