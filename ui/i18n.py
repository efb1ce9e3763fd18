"""The program's language: Qt translators for ui/ (``resources/translations/art5_<locale>.qm``)
and for Qt's own texts (``qtbase_<locale>.qm``: QWizard's buttons, QMessageBox, file dialogs).

The language follows the system unless the settings name one; :func:`set_language` swaps the
translators while the program runs: Qt then sends every widget a LanguageChange event, and the
windows rebuild their texts (no restart). The .qm files are built from the .ts sources by
installer/bootstrap.sh and installer/build.sh (pyside6-lrelease); they are never committed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.base.i18n import SOURCE_LOCALE, SUPPORTED_LOCALES
from app.base.paths import resources_dir

from ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

# shown in the language's own name (a user who cannot read the current language finds theirs)
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "fr": "Français", "it": "Italiano"}
PSEUDO = "xx"  # the pseudo-locale: accented and 40% longer (tests and screenshots only)

_installed: list[QTranslator] = []
_current = SOURCE_LOCALE


def translations_dir() -> Path:
    return resources_dir() / "translations"


def system_locale() -> str:
    """The system's language when the program speaks it, else English."""
    env = os.environ.get("ART5_LOCALE", "")
    if env in SUPPORTED_LOCALES or env == PSEUDO:
        return env
    for name in QLocale.system().uiLanguages() or [QLocale.system().name()]:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in SUPPORTED_LOCALES:
            return code
    return SOURCE_LOCALE


def effective_locale(setting: str) -> str:
    """The setting ("" = follow the system) resolved to a language the program speaks."""
    return setting if setting in SUPPORTED_LOCALES or setting == PSEUDO else system_locale()


def current() -> str:
    return _current


def _qt_translations_dirs() -> list[Path]:
    out = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:  # the bundle keeps them under PySide6/Qt/translations
        out.append(Path(frozen) / "PySide6" / "Qt" / "translations")
    return out


def _formatting_locale(language: str) -> QLocale:
    """Dates and numbers: the system's own region when it speaks the language (de_AT, fr_BE),
    else the language's main one; English as written in the EU (en_GB: 01/12/2026)."""
    system = QLocale.system()
    if system.name().split("_")[0] == language and system.name() != "en_US":
        return system
    return QLocale("en_GB" if language == "en" else language)


def set_language(locale: str) -> str:
    """Install the translators for ``locale`` (removing the previous ones) and make it the
    default for dates and numbers. Returns the locale in effect. Missing files fall back to
    English text, never to an error."""
    global _current
    app = QCoreApplication.instance()
    for t in _installed:
        if app is not None:
            app.removeTranslator(t)
    _installed.clear()
    locale = locale if locale in SUPPORTED_LOCALES or locale == PSEUDO else SOURCE_LOCALE
    QLocale.setDefault(_formatting_locale(SOURCE_LOCALE if locale == PSEUDO else locale))
    if locale != SOURCE_LOCALE and app is not None:
        candidates = [(translations_dir(), f"art5_{locale}")]
        if locale != PSEUDO:
            candidates += [(d, f"qtbase_{locale}") for d in _qt_translations_dirs()]
        loaded = set()
        for folder, name in candidates:
            if name.startswith("qtbase") and "qtbase" in loaded:
                continue
            t = QTranslator(app)
            if t.load(name, str(folder)):
                app.installTranslator(t)
                _installed.append(t)
                loaded.add(name.split("_")[0])
    _current = locale
    return locale


def data_locale(locale: str) -> str:
    """The locale for data files' per-locale maps (the pseudo-locale reads English)."""
    return SOURCE_LOCALE if locale == PSEUDO else locale


def format_date(iso: str) -> str:
    """An ISO date (or the date part of a timestamp) as the language writes it, with a
    four-digit year: 01.12.2026, 01/12/2026, 12/1/2026. Unparsable text is shown as it is."""
    from ui.qt import QDate

    d = QDate.fromString((iso or "")[:10], "yyyy-MM-dd")
    if not d.isValid():
        return iso or ""
    loc = QLocale()
    fmt = loc.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return loc.toString(d, fmt)


def format_datetime(iso: str) -> str:
    """An ISO timestamp as date and hours:minutes in the language's way."""
    text = (iso or "").replace("T", " ")
    if len(text) < 16:
        return format_date(text)
    return f"{format_date(text[:10])} {text[11:16]}"
