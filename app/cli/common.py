"""What every ``art5`` command shares: the exit codes, how an error is printed, and which data
folder a command works on."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK = 0      # done (every assessment outcome, an intact report)
EXIT_FAIL = 1    # the command ran and the answer is "no" (altered report, broken chain, refused)
EXIT_USAGE = 2   # the command could not run: unreadable file, unknown id, bad option


def err(msg: str) -> None:
    """An error for the user on standard error, prefixed with the program's name."""
    print(f"art5: {msg}", file=sys.stderr)


def data_dir(args: argparse.Namespace) -> Path:
    """The data folder: ``--data-dir`` (or ``ART5_DATA_DIR``), else the user's data folder."""
    from app.base.paths import default_data_dir

    return Path(args.data_dir).expanduser() if getattr(args, "data_dir", None) else default_data_dir()
