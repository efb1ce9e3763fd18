"""Answers as people read them (choice labels, country names), for the wizard and reports."""

from __future__ import annotations

from typing import Any

from app.base import countries
from app.base.i18n import tr_data
from app.questionnaire.model import Question


def display_value(q: Question, value: Any, locale: str = "en", none_text: str = "") -> str:
    if value is None or value == "":
        return none_text
    if q.type in ("single_choice", "yes_no", "yes_no_unsure"):
        c = q.choice(value)
        return c.text(locale) if c else str(value)
    if q.type == "multi_choice":
        if not value:
            return {"de": "Keine", "fr": "Aucun", "it": "Nessuno"}.get(locale, "None")
        return "; ".join(c.text(locale) if (c := q.choice(v)) else str(v) for v in value)
    if q.type == "country":
        return f"{countries.name(value, locale)} ({value})"
    if q.type == "number":
        unit = tr_data(q.unit, locale)
        text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"
        return f"{text} {unit}".strip()
    if q.type == "group":
        rows = []
        for item in value:
            parts = []
            for f in q.fields:
                v = item.get(f.id)
                if v not in (None, ""):
                    parts.append(display_value(f, v, locale))
            rows.append(", ".join(parts))
        return "\n".join(rows)
    return str(value)
