"""The legal terms and the date form of each document language (issue 15).

The wording lives in the templates (``notification.<lang>.txt.j2``) and in the reference data:
``legal_terms`` (each term of Reg. (EU) 2021/821 as the Official Journal's language version
renders it, with ``status: verified | to_verify`` and its source) and ``date_formats`` (month
names and the usual order per language). This module only looks them up; the templates get
``terms`` (term -> wording), ``unverified_terms`` (the to_verify ones, for the notes beside the
draft), ``data_translations`` (whether the answer labels come from the translation catalog
``document_translations`` and whether it could be used) and the ``ldate`` filter. No Qt.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Mapping

from app.base.i18n import SOURCE_LOCALE, SUPPORTED_LOCALES, translation_catalog


def _lang(locale: str) -> str:
    return str(locale or SOURCE_LOCALE).split("_")[0].lower()


def _data(name: str) -> Any:
    from app.base.reference import default_set

    return default_set().get(name)


def _entry(item: Mapping[str, Any], lang: str) -> Mapping[str, Any]:
    entry = item.get(lang)
    if not isinstance(entry, Mapping) or not entry.get("term"):
        entry = item.get(SOURCE_LOCALE) or {}
    return entry


def legal_terms(locale: str) -> dict[str, str]:
    """Term id -> its wording in ``locale``'s language version (English where none is recorded);
    ``<id>_singular`` where the data gives a singular."""
    lang = _lang(locale)
    out: dict[str, str] = {}
    for item in _data("legal_terms").items:
        entry = _entry(item, lang)
        out[str(item["value"])] = str(entry.get("term", ""))
        if entry.get("singular"):
            out[f"{item['value']}_singular"] = str(entry["singular"])
    return out


def unverified_terms(locale: str) -> list[dict[str, str]]:
    """The terms of ``locale`` not yet checked against the Regulation's text in the Official
    Journal: ``term``, ``article``, ``source`` (title) and ``url``, in the data's order."""
    lang = _lang(locale)
    out = []
    for item in _data("legal_terms").items:
        entry = _entry(item, lang)
        if str(entry.get("status", "to_verify")) != "verified":
            src = entry.get("source") or {}
            out.append({"id": str(item["value"]), "term": str(entry.get("term", "")),
                        "article": str(item.get("article", "")), "source": str(src.get("title", "")),
                        "url": str(src.get("url", ""))})
    return out


def format_date(value: Any, locale: str) -> str:
    """``value`` (a date, or text starting with an ISO date) in the usual form of ``locale``'s
    language ("1. Dezember 2026", "1er décembre 2026"); text that is not a date is returned as it is."""
    if isinstance(value, _dt.datetime):
        day = value.date()
    elif isinstance(value, _dt.date):
        day = value
    else:
        try:
            day = _dt.date.fromisoformat(str(value or "").strip()[:10])
        except ValueError:
            return "" if value is None else str(value)
    spec = _data("date_formats").item(_lang(locale)) or _data("date_formats").item(SOURCE_LOCALE) or {}
    months = list(spec.get("months") or [])
    if len(months) != 12:
        return day.isoformat()
    first = spec.get("first_day")
    day_text = str(first) if first and day.day == 1 else str(day.day)
    return str(spec.get("pattern", "{day} {month} {year}")).format(day=day_text, month=months[day.month - 1],
                                                                  year=day.year)


def data_translations(locale: str) -> dict[str, Any]:
    """For a document language the questionnaire does not carry: whether its answer labels come
    from the translation catalog (``used``, with the catalog's ``status`` and ``version``) or are
    printed in English because the catalog could not be used (``problem``, in English)."""
    lang = _lang(locale)
    out: dict[str, Any] = {"used": False, "status": "", "version": "", "problem": ""}
    if lang == SOURCE_LOCALE or lang in SUPPORTED_LOCALES:
        return out
    catalog = translation_catalog()
    if catalog.problem:
        return {**out, "problem": catalog.problem}
    if lang not in catalog.languages:
        return {**out, "problem": f"the translation catalog has no '{lang}' texts"}
    return {**out, "used": True, "status": catalog.status, "version": str(catalog.version.get("version", ""))}


def template_context(locale: str) -> dict[str, Any]:
    """What every document template of ``locale`` gets besides the facts: the legal terms, the
    terms still to verify and the state of the answer labels' translations."""
    return {"terms": legal_terms(locale), "unverified_terms": unverified_terms(locale),
            "data_translations": data_translations(locale)}
