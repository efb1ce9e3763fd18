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
    locale: str = "en"
    list_stale_days: int = 30          # warn when a sanctions list is older than this
    reference_stale_days: int = 365    # warn when bundled reference data is older than this
    backup_count: int = 5              # rolling automatic backups kept
    backup_interval_hours: int = 24    # an automatic backup when the newest is older (0: never)

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
            if isinstance(value, type(getattr(out, f.name))):
                setattr(out, f.name, value)
        return out

    def save(self, data_dir: Path) -> None:
        data_dir = Path(data_dir)
        data_dir.mkdir(parents=True, exist_ok=True)
        path = data_dir / FILENAME
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(self), fh, indent=2, sort_keys=True)
        os.replace(tmp, path)
