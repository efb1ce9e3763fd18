"""Logging: a rotating file in the platform log folder, with answers kept out.

Answers describe customers and deals, so they never reach a log file. Code logs through
:func:`event`, whose fields pass a whitelist (ids, outcomes, counts, timings); every other
field is written as ``<redacted>``. Exceptions are logged with their type and stack frames,
not their message, which may quote a value the user typed.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

LOGGER = "art5"
SAFE_FIELDS = frozenset({
    "event", "command", "question_id", "assessment_id", "reference", "page", "outcome",
    "questionnaire", "version", "status", "count", "duration_ms", "error_type", "revision",
    "thread", "exit_code",
})
MAX_BYTES = 1_000_000
BACKUPS = 5

log = logging.getLogger(LOGGER)


def default_log_dir() -> Path:
    env = os.environ.get("ART5_LOG_DIR")
    if env:
        return Path(env)
    from platformdirs import user_log_dir

    from app.base.paths import APP_AUTHOR, APP_NAME

    return Path(user_log_dir(APP_NAME, APP_AUTHOR))


def setup(log_dir: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Log to ``art5.log`` in ``log_dir`` (rotating, owner-readable). Returns the file, or
    None when the folder cannot be written (logging then stays off; the program still runs)."""
    log_dir = Path(log_dir) if log_dir else default_log_dir()
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(log_dir, 0o700)
        path = log_dir / "art5.log"
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                       encoding="utf-8")
        if path.exists():
            os.chmod(path, 0o600)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger(LOGGER)
    for h in list(root.handlers):
        if isinstance(h, logging.handlers.RotatingFileHandler):
            root.removeHandler(h)
            h.close()
    root.addHandler(handler)
    root.setLevel(level)
    root.propagate = False
    return path


def redact(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (v if k in SAFE_FIELDS else "<redacted>") for k, v in fields.items()}


def event(name: str, level: int = logging.INFO, **fields: Any) -> None:
    """Log ``name`` with whitelisted fields; anything else is written as <redacted>."""
    parts = " ".join(f"{k}={v!r}" for k, v in sorted(redact(fields).items()))
    log.log(level, "%s %s", name, parts)


def crash(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
          where: str = "main") -> str:
    """Log an unhandled exception at CRITICAL without its message; returns the full text for
    the user's screen (never written to disk)."""
    # file, line and function only: a source line can quote a value as well as a message can
    frames = "".join(f'  File "{f.filename}", line {f.lineno}, in {f.name}\n' for f in traceback.extract_tb(tb))
    log.critical("unhandled %s in %s thread\n%s", exc_type.__name__, where, frames)
    return "".join(traceback.format_exception(exc_type, exc, tb))
