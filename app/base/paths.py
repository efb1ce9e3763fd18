"""Where the program finds its data files and where it keeps the user's data.

Bundled data (questionnaires, resources, migrations) is found next to the source tree, or in
a PyInstaller bundle under ``sys._MEIPASS``; ``ART5_RESOURCE_ROOT`` overrides both.
The user's data folder comes from platformdirs unless ``--data-dir`` or ``ART5_DATA_DIR``
names another one.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "art5-assessor"
APP_AUTHOR = "Art5Assessor"


def resource_root() -> Path:
    env = os.environ.get("ART5_RESOURCE_ROOT")
    if env:
        return Path(env)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def questionnaires_dir() -> Path:
    return resource_root() / "questionnaires"


def resources_dir() -> Path:
    return resource_root() / "resources"


def reference_dir() -> Path:
    return resources_dir() / "reference"


def templates_dir() -> Path:
    return resources_dir() / "templates"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def default_data_dir() -> Path:
    env = os.environ.get("ART5_DATA_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by the owner only."""
    path.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(path, 0o700)
    except OSError:
        pass
    return path


class OutsideDataFolder(ValueError):
    """A path built from stored or imported data would leave the data folder."""

    def __init__(self, path: Path | str, base: Path | str):
        self.path, self.base = str(path), str(base)
        super().__init__(f"{path}: refused: this path, built from stored data, is outside the data folder {base}")


def inside(base: Path | str, path: Path | str) -> Path:
    """``path`` (absolute, or relative to ``base``) if it resolves inside ``base`` (links
    followed), else OutsideDataFolder. Every path built from stored data goes through here
    (issue 14): a reference such as ``/etc/x`` or ``../x`` never names a file elsewhere."""
    base_r = Path(base).resolve()
    p = Path(path)
    resolved = (p if p.is_absolute() else base_r / p).resolve()
    if resolved == base_r or not resolved.is_relative_to(base_r):
        raise OutsideDataFolder(path, base)
    return resolved


REFERENCE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"


def check_reference(reference: object) -> str:
    """``reference`` if it is a valid assessment reference (``REFERENCE_PATTERN``), else
    ValueError: references name files, so ``/etc/x``, ``./A-1`` or ``..`` never pass."""
    import re

    if not isinstance(reference, str) or not re.match(REFERENCE_PATTERN, reference) or ".." in reference:
        raise ValueError(f"{str(reference)[:80]!r} is not a valid assessment reference (letters, digits, '.', '_' "
                         "and '-', at most 64, starting with a letter or digit)")
    return reference


def report_path(data_dir: Path | str, reference: str, suffix: str = "") -> Path:
    """``<data dir>/reports/<reference><suffix>.pdf``, checked (reference valid, inside reports/)."""
    check_reference(reference)
    if suffix and not all(c.isalnum() or c in "._-" for c in suffix):
        raise ValueError(f"{suffix!r} is not a valid report name suffix")
    reports = Path(data_dir) / "reports"
    return inside(reports, reports / f"{reference}{suffix}.pdf")
