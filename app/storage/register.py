"""What the register shows about an assessment, taken from its answers.

Kept as columns on the assessment row so the register lists 10,000 assessments with one lean
query and no JSON decoding. Which answer feeds which column is data: the question roles of the
assessment's questionnaire version (``app.base.question_roles``; storage does not load
questionnaires, ``app.questionnaire`` checks the roles when it loads one).
"""

from __future__ import annotations

from typing import Any, Mapping

from app.storage.retention import RetentionRules, parse_date, retention_base, retention_until

# the roles the register columns are read from: save_answer recomputes only when one changes
COLUMN_ROLES = ("product_name", "product_version", "parties", "destination_country", "member_state",
                "shipment_date", "actual_export_date")
# the product part of an assessment: saved in the product library, filled in from a profile
PRODUCT_PREFIX = "item."


def column_roles(questionnaire_id: str, version: str) -> dict[str, str]:
    """role -> question id of the register's column roles for one questionnaire version (a role the
    version has no question for is left out: its column stays empty)."""
    from app.base.question_roles import roles_for

    roles = roles_for(questionnaire_id, version)
    return {r: roles[r] for r in COLUMN_ROLES if r in roles}


def source_questions(roles: Mapping[str, str]) -> frozenset[str]:
    """The question ids whose answers the register columns depend on."""
    return frozenset(roles[r] for r in COLUMN_ROLES if r in roles)


def _answer(answers: Mapping[str, Any], roles: Mapping[str, str], role: str) -> Any:
    qid = roles.get(role)
    return answers.get(qid) if qid is not None else None


def product_name(answers: Mapping[str, Any], roles: Mapping[str, str]) -> str:
    name = str(_answer(answers, roles, "product_name") or "").strip()
    version = str(_answer(answers, roles, "product_version") or "").strip()
    return f"{name} {version}".strip()


def customer_name(answers: Mapping[str, Any], roles: Mapping[str, str]) -> str:
    parties = _answer(answers, roles, "parties")
    if not isinstance(parties, list):
        return ""
    named = [p for p in parties if isinstance(p, Mapping) and str(p.get("name") or "").strip()]
    for role in ("end_user", "consignee"):
        for p in named:
            if p.get("role") == role:
                return str(p["name"]).strip()
    return str(named[0]["name"]).strip() if named else ""


def register_fields(answers: Mapping[str, Any], assessment_date: str, finished_at: str | None = None,
                    rules: RetentionRules | None = None, *, roles: Mapping[str, str]) -> dict[str, Any]:
    """Columns for the register; ``roles`` (role -> question id, :func:`column_roles`) says which
    answer feeds which column. Retention (issue 13) runs from the end of the calendar year of
    the actual (last) export; while none is known, of the latest of the planned export and the
    assessment."""
    actual = parse_date(_answer(answers, roles, "actual_export_date"))
    planned = parse_date(_answer(answers, roles, "shipment_date"))
    export = actual or planned
    ms = str(_answer(answers, roles, "member_state") or "").upper()
    base = retention_base([actual] if actual else (), planned, finished_at or assessment_date)
    until = retention_until(base, finished_at or assessment_date, ms, rules)
    return {
        "product": product_name(answers, roles),
        "customer": customer_name(answers, roles),
        "destination": str(_answer(answers, roles, "destination_country") or "").upper(),
        "member_state": ms,
        "export_date": export.isoformat() if export else None,
        "retention_until": until.isoformat(),
    }


def product_answers(answers: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in answers.items() if k.startswith(PRODUCT_PREFIX) and v is not None}
