"""Per-locale text maps used by questionnaire and reference data.

Every text in a data file is a mapping from locale code to text (``{en: ..., de: ...}``).
English is the source language and the fallback.

A questionnaire carries its texts in the program's own languages (``SUPPORTED_LOCALES``), but a
notification is written in the authority's language, which may be another one (Dutch, Spanish,
Polish). For those, ``resources/reference/document_translations.yaml`` is a catalog keyed by
the English text (like gettext): ``tr_data`` looks a text up there when its own map has no text
for the locale. The catalog is read once, on the first such look-up, through the reference
data loader, and only when it is the shipped file (``app.base.official``); a catalog that is
missing, broken or not the shipped one is not used (English is printed) and
``translation_catalog().problem`` says why, for the notes beside a draft.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Mapping

SOURCE_LOCALE = "en"
SUPPORTED_LOCALES = ("en", "de", "fr", "it")

LocalText = Mapping[str, str]


def tr_data(text: LocalText | None, locale: str = SOURCE_LOCALE) -> str:
    """The text of a per-locale map in ``locale``; else the translation catalog's text for its
    English (document languages the data lacks); else English, then any."""
    if not text:
        return ""
    if locale in text and text[locale]:
        return text[locale]
    english = text.get(SOURCE_LOCALE)
    if english:
        if locale != SOURCE_LOCALE:
            found = catalog_text(english, locale)
            if found:
                return found
        return english
    for value in text.values():
        if value:
            return value
    return ""


# Labels of the built-in answer sets, per locale.
BUILTIN_CHOICES: dict[str, dict[str, str]] = {
    "yes": {"en": "Yes", "de": "Ja", "fr": "Oui", "it": "Sì"},
    "no": {"en": "No", "de": "Nein", "fr": "Non", "it": "No"},
    "unsure": {
        "en": "I don't know / unsure",
        "de": "Weiß nicht / unsicher",
        "fr": "Je ne sais pas / incertain",
        "it": "Non so / incerto",
    },
}


def format_number(value: int | float, locale: str = SOURCE_LOCALE) -> str:
    """A number as the language writes it: "250,000" and "1,234.50" in English; "250 000" and
    "1 234,50" (a no-break space groups the thousands, a comma marks the decimals, as the Official
    Journal writes numbers) in the other languages, where "250,000" would read as 250."""
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"
    if str(locale or SOURCE_LOCALE).split("_")[0].lower() == SOURCE_LOCALE:
        return text
    return text.replace(",", "\u00a0").replace(".", ",")


# Shown for a multiple-choice answer with nothing chosen (other languages: the catalog).
NONE_CHOSEN: dict[str, str] = {"en": "None", "de": "Keine", "fr": "Aucun", "it": "Nessuno"}


# -- the translation catalog (resources/reference/document_translations.yaml) --------------------
CATALOG_NAME = "document_translations"


@dataclass(frozen=True)
class TranslationCatalog:
    """The catalog as loaded: language -> English text -> translation. ``problem`` is set (and
    ``texts`` empty) when the file could not be used."""

    texts: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    status: str = ""  # the file's own status ("to_verify" until a legal translator checked it)
    problem: str = ""
    version: Mapping[str, str] = field(default_factory=dict)  # ReferenceData.version_info()

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(self.texts)


_catalog_lock = threading.Lock()
_catalog_state: tuple[Any, TranslationCatalog] | None = None  # (the reference set it came from, catalog)


def _load_catalog(refs: Any) -> TranslationCatalog:
    from app.base.official import is_official
    from app.base.reference import ReferenceError

    try:
        data = refs.get(CATALOG_NAME)
    except ReferenceError as exc:
        return TranslationCatalog(problem=str(exc))
    if not is_official(data.sha256):
        return TranslationCatalog(problem=f"{data.path}: not the file shipped with the program (SHA-256 "
                                          f"{data.sha256[:12]}... is not in the manifest); not used",
                                  version=data.version_info())
    texts: dict[str, dict[str, str]] = {}
    for item in data.items:
        english = item.get(SOURCE_LOCALE)
        if not isinstance(english, str) or not english:
            continue
        for lang, value in item.items():
            if lang != SOURCE_LOCALE and isinstance(value, str) and value.strip():
                texts.setdefault(str(lang), {}).setdefault(english, value)
    return TranslationCatalog(texts=texts, status=str(data.extra.get("status", "to_verify")),
                              version=data.version_info())


def translation_catalog() -> TranslationCatalog:
    """The catalog of the current reference data folder, read on first use. Never raises: a
    catalog that cannot be used comes back empty with its ``problem``."""
    global _catalog_state
    try:
        from app.base.reference import default_set

        refs = default_set()
    except Exception as exc:  # noqa: BLE001 - a draft never fails for want of translations
        return TranslationCatalog(problem=f"reference data not available: {exc}")
    state = _catalog_state
    if state is not None and state[0] is refs:
        return state[1]
    with _catalog_lock:
        state = _catalog_state
        if state is not None and state[0] is refs:
            return state[1]
        try:
            catalog = _load_catalog(refs)
        except Exception as exc:  # noqa: BLE001 - e.g. an item of an unexpected shape
            catalog = TranslationCatalog(problem=f"{CATALOG_NAME}: cannot be used: {exc}")
        _catalog_state = (refs, catalog)
        return catalog


def catalog_text(english: str, locale: str) -> str:
    """The catalog's translation of ``english`` into ``locale`` ("" when it has none). The
    program's own languages are never looked up: the data carries them, the catalog is for the
    document languages it lacks (and an English-only text in the German wizard must not load it)."""
    lang = str(locale or "").split("_")[0].lower()
    if not lang or lang in SUPPORTED_LOCALES:
        return ""
    return translation_catalog().texts.get(lang, {}).get(english, "")
