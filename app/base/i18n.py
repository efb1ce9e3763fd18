"""Per-locale text maps used by questionnaire and reference data.

Every text in a data file is a mapping from locale code to text (``{en: ..., de: ...}``).
English is the source language and the fallback.
"""

from __future__ import annotations

from typing import Mapping

SOURCE_LOCALE = "en"
SUPPORTED_LOCALES = ("en", "de", "fr", "it")

LocalText = Mapping[str, str]


def tr_data(text: LocalText | None, locale: str = SOURCE_LOCALE) -> str:
    """The text of a per-locale map in ``locale``, falling back to English, then to any."""
    if not text:
        return ""
    if locale in text and text[locale]:
        return text[locale]
    if SOURCE_LOCALE in text and text[SOURCE_LOCALE]:
        return text[SOURCE_LOCALE]
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
