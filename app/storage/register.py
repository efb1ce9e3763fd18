"""What the register shows about an assessment, taken from its answers (art5 question ids).

Kept as columns on the assessment row so the register lists 10,000 assessments with one lean
query and no JSON decoding.
"""

from __future__ import annotations

from typing import Any, Mapping

from app.storage.retention import RetentionRules, parse_date, retention_base, retention_until

# the answers the register columns depend on: save_answer recomputes only when one changes
SOURCE_QUESTIONS = frozenset({"item.name", "item.version", "parties.list", "export.destination_country",
                              "export.member_state", "export.shipment_date", "export.actual_export_date"})
# the product part of an assessment: saved in the product library, filled in from a profile
PRODUCT_PREFIX = "item."


def product_name(answers: Mapping[str, Any]) -> str:
    name = str(answers.get("item.name") or "").strip()
    version = str(answers.get("item.version") or "").strip()
    return f"{name} {version}".strip()


def customer_name(answers: Mapping[str, Any]) -> str:
    parties = answers.get("parties.list")
    if not isinstance(parties, list):
        return ""
    named = [p for p in parties if isinstance(p, Mapping) and str(p.get("name") or "").strip()]
    for role in ("end_user", "consignee"):
        for p in named:
            if p.get("role") == role:
                return str(p["name"]).strip()
    return str(named[0]["name"]).strip() if named else ""


def register_fields(answers: Mapping[str, Any], assessment_date: str, finished_at: str | None = None,
                    rules: RetentionRules | None = None) -> dict[str, Any]:
    """Columns for the register. Retention (issue 13) runs from the end of the calendar year of
    the actual (last) export; while none is known, of the latest of the planned export and the
    assessment."""
    actual = parse_date(answers.get("export.actual_export_date"))
    planned = parse_date(answers.get("export.shipment_date"))
    export = actual or planned
    ms = str(answers.get("export.member_state") or "").upper()
    base = retention_base([actual] if actual else (), planned, finished_at or assessment_date)
    until = retention_until(base, finished_at or assessment_date, ms, rules)
    return {
        "product": product_name(answers),
        "customer": customer_name(answers),
        "destination": str(answers.get("export.destination_country") or "").upper(),
        "member_state": ms,
        "export_date": export.isoformat() if export else None,
        "retention_until": until.isoformat(),
    }


def product_answers(answers: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in answers.items() if k.startswith(PRODUCT_PREFIX) and v is not None}
