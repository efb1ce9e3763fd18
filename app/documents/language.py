"""Which language a notification is written in, and how it reaches the authority.

The language comes from the reference data, not from the language the program speaks: the
``document_language`` of the Member State in ``authority_channels.yaml`` (Belgium by the
Region of the company; Ireland and Malta English), else the first of the authority's
``languages`` in ``authorities.yaml``. A draft is written in that language when its template
exists (``notification.<lang>.txt.j2``); until then it is written in English and the result
says so (``fallback``), so adding a language is adding its templates and terminology data.
When the draft is not in English, the assessor also gets the English rendering of the same
facts to check what is being sent (``english``).

No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from app.base.i18n import SOURCE_LOCALE

DOCUMENT_LANGUAGES = ("en", "de", "fr", "it", "nl", "es", "pl")  # the languages drafts are meant to be written in
REGIONS = ("flanders", "wallonia", "brussels")


@dataclass
class LanguageChoice:
    wanted: str  # the language the authority works in (from the reference data)
    used: str  # the language of the draft (``wanted`` or English while its template is missing)
    fallback: bool  # True when ``used`` is English only because ``wanted`` has no template yet
    reason: str  # one sentence for the user (English; the dialog translates its own frame)


@dataclass
class Channel:
    member_state: str
    text: str
    status: str
    source_title: str
    source_url: str


def _channels() -> Any:
    from app.base.reference import default_set

    return default_set().get("authority_channels")


def _tr(value: Any, locale: str) -> str:
    if isinstance(value, Mapping):
        return str(value.get(locale) or value.get(locale.split("_")[0]) or value.get(SOURCE_LOCALE) or "")
    return str(value or "")


def channel_for(member_state: str, locale: str = SOURCE_LOCALE) -> Channel:
    """How the notice reaches the authority of ``member_state`` ("to verify" when unknown)."""
    ms = str(member_state or "").upper()
    data = _channels()
    item = data.item(ms)
    if item is None:
        fb = data.extra.get("fallback") or {}
        return Channel(ms, _tr(fb.get("channel"), locale), str(fb.get("status", "to_verify")), "", "")
    src = item.get("source") or {}
    return Channel(ms, _tr(item.get("channel"), locale), str(item.get("status", "to_verify")),
                   str(src.get("title", "")), str(src.get("url", "")))


def authority_languages(member_state: str, region: str | None = None) -> list[str]:
    """The languages a notice to ``member_state`` may be written in, preferred first."""
    ms = str(member_state or "").upper()
    item = _channels().item(ms)
    spec = (item or {}).get("document_language")
    if isinstance(spec, Mapping) and "by_region" in spec:
        by_region = spec.get("by_region") or {}
        if region and region in by_region:
            return [str(x) for x in by_region[region]]
        out: list[str] = []
        for langs in by_region.values():
            out += [str(x) for x in langs if str(x) not in out]
        return out
    if isinstance(spec, list) and spec:
        return [str(x) for x in spec]
    from app.documents.notification import authority_for

    return [str(x) for x in authority_for(ms).get("languages") or []]


def has_template(lang: str, kind: str = "notification") -> bool:
    from app.base.paths import templates_dir

    return (templates_dir() / f"{kind}.{lang}.txt.j2").is_file()


def choose(member_state: str, region: str | None = None, kind: str = "notification") -> LanguageChoice:
    """The language of the draft for ``member_state`` (and Belgian ``region``)."""
    ms = str(member_state or "").upper()
    langs = authority_languages(ms, region)
    if not langs:
        return LanguageChoice(SOURCE_LOCALE, SOURCE_LOCALE, False,
                              "The reference data names no language for this authority: the draft is in English.")
    wanted = next((lang for lang in langs if lang in DOCUMENT_LANGUAGES), langs[0])
    note = ""
    if ms == "BE" and not region:
        note = " The Region of the company decides the authority and its language (Flanders: Dutch; Wallonia: " \
               "French; Brussels: French or Dutch); set it to be sure."
    if has_template(wanted, kind):
        return LanguageChoice(wanted, wanted, False, f"Written in the authority's language ({wanted}).{note}")
    return LanguageChoice(wanted, SOURCE_LOCALE, True,
                          f"The authority works in '{wanted}', but the program has no {kind.replace('_', ' ')} "
                          f"template in that language yet: the draft is in English. A notice in another "
                          f"language may not start the authority's time limits until a translation arrives.{note}")


def drafts(kind: str, member_state: str, region: str | None = None, **inputs: Any) -> tuple[Any, LanguageChoice, Any]:
    """The draft of ``kind`` ("notification" or "enduser_statement") in the authority's language,
    the choice made, and the English draft of the same facts for the assessor (None when the
    draft is in English). ``inputs`` are those of notification_draft / enduser_draft, without
    ``locale``."""
    from app.documents import notification

    make = notification.notification_draft if kind == "notification" else notification.enduser_draft
    choice = choose(member_state, region, kind)
    inputs = {k: v for k, v in inputs.items() if k != "locale"}
    draft = make(locale=choice.used, **inputs)
    english = make(locale=SOURCE_LOCALE, **inputs) if choice.used != SOURCE_LOCALE else None
    return draft, choice, english
