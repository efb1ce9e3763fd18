"""Words for the ids a person would otherwise read: outcome ids, question and derived-value
ids, choice values (a party's role). Every label comes from the questionnaire's own per-locale
texts; ids stay in the JSON and the machine-readable parts.

No Qt.
"""

from __future__ import annotations

from typing import Any

from app.base.i18n import SOURCE_LOCALE, tr_data
from app.questionnaire.model import Question, Questionnaire


def outcome_title(qn: Questionnaire | None, outcome_id: str | None, locale: str = SOURCE_LOCALE) -> str:
    """The outcome's title ("Notify the authority ..."), or the id when the questionnaire has none."""
    o = qn.outcome(outcome_id) if qn is not None and outcome_id else None
    if o is None:
        return str(outcome_id or "")
    return tr_data(o.title, locale) or str(outcome_id)


def name_label(qn: Questionnaire, name: str, locale: str = SOURCE_LOCALE) -> str:
    """The words for a name a rule reads: a question's text or a derived value's description."""
    if qn.has_question(name):
        return qn.question(name).text(locale)
    for d in qn.derived:
        if d.id == name and d.description:
            return tr_data(d.description, locale).rstrip(".")
    return str(name).replace("_", " ").replace(".", ": ")


def choice_label(qn: Questionnaire, question_id: str, field_id: str | None, value: Any,
                 locale: str = SOURCE_LOCALE) -> str:
    """The label of a choice value (``owner_controller`` -> "Owner or controller"), for a question
    or for a field of a group question; the value itself when no label is found."""
    if value in (None, ""):
        return ""
    if not qn.has_question(question_id):
        return str(value)
    q: Question | None = qn.question(question_id)
    if field_id is not None:
        q = next((f for f in getattr(q, "fields", ()) if f.id == field_id), None)
        if q is None:
            return str(value)
    choice = q.choice(value) if q is not None and hasattr(q, "choice") else None
    return choice.text(locale) if choice is not None else str(value)


def outcome_titles(locale: str = SOURCE_LOCALE) -> dict[str, str]:
    """outcome id -> title from the newest bundled questionnaires (for the register's Outcome
    column, which lists assessments of any questionnaire)."""
    from app.questionnaire.model import load, questionnaire_files

    out: dict[str, str] = {}
    for path in questionnaire_files():
        try:
            qn = load(path)
        except Exception:  # noqa: BLE001 - a broken file is reported elsewhere (questionnaire check)
            continue
        for o in qn.outcomes:
            out[o.id] = tr_data(o.title, locale) or o.id
    return out
