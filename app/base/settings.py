"""Typed program settings, one JSON file in the data folder (``settings.json``).

Window geometry is Qt's business (QSettings); everything the program decides on lives here,
in one typed place, with defaults and validation.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

FILENAME = "settings.json"


@dataclass
class Settings:
    first_run_done: bool = False
    locale: str = ""                   # "" follows the system's language; else en, de, fr or it
    list_stale_days: int = 30          # warn when a sanctions list is older than this
    reference_stale_days: int = 365    # warn when bundled reference data is older than this
    backup_count: int = 5              # rolling automatic backups kept
    backup_interval_hours: int = 24    # an automatic backup when the newest is older (0: never)
    screening_threshold: float = 0.88  # similarity from which a name is a potential hit (0.70-0.99)
    team_database_url: str = ""        # the team register (postgresql://user@host/db), never with a password
    team_open: bool = False            # open the team register at start instead of the data folder's

    @classmethod
    def load(cls, data_dir: Path) -> "Settings":
        path = Path(data_dir) / FILENAME
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        out = cls()
        for f in fields(cls):
            value = raw.get(f.name)
            default = getattr(out, f.name)
            if isinstance(value, float) and isinstance(default, float) or \
                    isinstance(value, int) and isinstance(default, float) and not isinstance(value, bool):
                setattr(out, f.name, float(value))
            elif isinstance(value, type(default)) and not (isinstance(value, bool) != isinstance(default, bool)):
                setattr(out, f.name, value)
        return out.checked()

    def checked(self) -> "Settings":
        """Values out of range go back to their defaults (a hand-edited file must not break the
        program or silently widen screening)."""
        d = Settings()
        if self.locale not in ("", "en", "de", "fr", "it"):
            self.locale = d.locale
        if not 0.70 <= self.screening_threshold <= 0.99:
            self.screening_threshold = d.screening_threshold
        if not 0 <= self.backup_interval_hours <= 24 * 365:
            self.backup_interval_hours = d.backup_interval_hours
        if not 1 <= self.backup_count <= 100:
            self.backup_count = d.backup_count
        if not team_url_ok(self.team_database_url):
            self.team_database_url, self.team_open = d.team_database_url, d.team_open
        if not self.team_database_url:
            self.team_open = False
        return self

    def save(self, data_dir: Path) -> None:
        data_dir = Path(data_dir)
        data_dir.mkdir(parents=True, exist_ok=True)
        path = data_dir / FILENAME
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(self), fh, indent=2, sort_keys=True)
        os.replace(tmp, path)


def team_url_ok(url: str) -> bool:
    """Empty, or a postgresql:// URL that carries no password (a password is never kept in the
    settings file: it comes from the environment, a password file or the system keyring). The
    full check (user, database, parameters) is app.storage.dialect_pg.check_url."""
    from urllib.parse import urlsplit

    if not url:
        return True
    try:
        parts = urlsplit(url)
        return parts.scheme in ("postgresql", "postgres", "postgresql+psycopg") and parts.password is None
    except ValueError:
        return False
