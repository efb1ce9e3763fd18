"""One registry of question types.

Each entry says, for one ``type:`` of a questionnaire question, everything the core needs:

- ``normalise``: what the type accepts and the form it is stored in (``None``: unanswered;
  :class:`AnswerError` says how to fix a wrong answer). The wizard, the answers-file reader, the
  quick check and the database all go through it (``app.assessment.flow.normalise``).
- ``display``: the answer in words, as the summary, the report and the notification print it.
- ``report``: how the report lays it out: ``text`` (one line), ``list`` (one bullet a choice) or
  ``table`` (one row an entry).
- ``group_field``: whether it can be a field of a ``group`` question.
- ``lint_domain``: how the questionnaire linter enumerates its possible answers when it checks
  that every complete set of answers reaches exactly one outcome (``app.assessment.lint``).
- ``literals``: which condition literals the linter can check against the question
  (``choices``: its listed values; ``countries``: its allowed countries).

A new question type is one entry here, one widget in ``ui/wizard/questions.py`` (``WIDGETS``,
and ``GROUP_FIELD_WIDGETS`` when it can be a group field) and a line in
``questionnaires/README.md``; ``tests/test_question_types.py`` and
``tests/gui/test_widget_types.py`` fail until each part is there.

No Qt; imports nothing above ``app.base``.
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Literal, Mapping

from app.base import countries
from app.base.i18n import NONE_CHOSEN, format_number, tr_data
from app.base.textsafety import clean_text

if TYPE_CHECKING:  # the model imports this module for the type names
    from app.questionnaire.model import Question


class AnswerError(ValueError):
    """An answer that a question does not accept. ``message`` says how to fix it."""

    def __init__(self, question_id: str, message: str):
        self.question_id = question_id
        self.message = message
        super().__init__(f"{question_id}: {message}")


ReportLayout = Literal["text", "list", "table"]
LintDomain = Literal["choices", "subsets", "countries", "numbers", "dates", "texts", "rows"]


@dataclass(frozen=True)
class QuestionType:
    name: str
    normalise: Callable[["Question", Any], Any]
    display: Callable[["Question", Any, str], str]
    report: ReportLayout
    group_field: bool
    lint_domain: LintDomain
    literals: Literal["choices", "countries", None] = None


# -- normalise ---------------------------------------------------------------------------------
def _one_choice(q: "Question", value: Any) -> Any:
    if isinstance(value, bool) and q.type != "single_choice":  # yes/no questions take booleans too
        value = "yes" if value else "no"
    if not isinstance(value, str) or value not in q.choice_values():
        listed = ", ".join(q.choice_values())
        raise AnswerError(q.id, f"choose one of: {listed} (got {value!r})")
    return value


def _many_choices(q: "Question", value: Any) -> Any:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise AnswerError(q.id, "give a list of choices (an empty list means none)")
    allowed = q.choice_values()
    bad = [v for v in value if not isinstance(v, str) or v not in allowed]
    if bad:
        raise AnswerError(q.id, f"{bad[0]!r} is not one of: {', '.join(allowed)}")
    chosen = set(value)  # keep the questionnaire's order, drop duplicates
    return [v for v in allowed if v in chosen]


def _text(q: "Question", value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise AnswerError(q.id, "enter text")
    # Invisible, bidi and control characters never reach the register (issue 14): a one-line
    # field loses its line breaks too. flow.removed_characters() tells the caller what went.
    value = clean_text(value, multiline=q.multiline)
    value = value.strip() if not q.multiline else value.strip("\n ").rstrip()
    if "\x00" in value:
        raise AnswerError(q.id, "the text contains a NUL character")
    if len(value) > q.max_length:
        raise AnswerError(q.id, f"shorten the text to {q.max_length} characters (it has {len(value)})")
    return value or None


def _country(q: "Question", value: Any) -> Any:
    if not isinstance(value, str):
        raise AnswerError(q.id, "choose a country")
    code = value.strip().upper()
    if not code:
        return None
    allowed = q.countries
    if allowed is not None and code not in allowed:
        raise AnswerError(q.id, f"choose one of the allowed countries ({', '.join(allowed)}); got {value!r}")
    if allowed is None and not countries.is_country(code):
        raise AnswerError(q.id, f"{value!r} is not an ISO 3166 two-letter country code")
    return code


def _date(q: "Question", value: Any) -> Any:
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise AnswerError(q.id, "enter a date as YYYY-MM-DD")
    text = value.strip()
    if not text:
        return None
    try:
        return _dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise AnswerError(q.id, f"enter a real date as YYYY-MM-DD, e.g. 2026-03-31 (got {value!r})") from None


def _number(q: "Question", value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, bool):
        raise AnswerError(q.id, "enter a number")
    if isinstance(value, str):
        text = value.strip().replace(" ", "").replace("\u00a0", "")
        try:
            value = float(text) if any(c in text for c in ".eE") else int(text)
        except ValueError:
            raise AnswerError(q.id, f"enter a number, like 12 or 3.5 (got {value!r})") from None
    if not isinstance(value, (int, float)) or (isinstance(value, float) and not math.isfinite(value)):
        raise AnswerError(q.id, "enter a number")
    if q.integer and isinstance(value, float):
        if not value.is_integer():
            raise AnswerError(q.id, "enter a whole number")
        value = int(value)
    if q.minimum is not None and value < q.minimum:
        raise AnswerError(q.id, f"enter a number of at least {q.minimum:g}")
    if q.maximum is not None and value > q.maximum:
        raise AnswerError(q.id, f"enter a number of at most {q.maximum:g}")
    number: int | float = value
    return number


def _group(q: "Question", value: Any) -> Any:
    if not isinstance(value, (list, tuple)):
        raise AnswerError(q.id, "give a list of entries")
    if len(value) > q.max_items:
        raise AnswerError(q.id, f"at most {q.max_items} entries are allowed")
    field_ids = {f.id for f in q.fields}
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, Mapping):
            raise AnswerError(q.id, f"entry {i + 1} must be a set of fields")
        unknown = [k for k in item if k not in field_ids]
        if unknown:
            raise AnswerError(q.id, f"entry {i + 1} has an unknown field {unknown[0]!r}")
        row = {}
        for f in q.fields:
            try:
                v = normalise(f, item.get(f.id))
            except AnswerError as exc:
                raise AnswerError(q.id, f"entry {i + 1}, {f.text()}: {exc.message}") from None
            if v is None and f.required:
                raise AnswerError(q.id, f"entry {i + 1}: enter {f.text().lower()}")
            row[f.id] = v
        out.append(row)
    return out


# -- display -----------------------------------------------------------------------------------
def _show_choice(q: "Question", value: Any, locale: str) -> str:
    c = q.choice(value)
    return c.text(locale) if c else str(value)


def _show_choices(q: "Question", value: Any, locale: str) -> str:
    if not value:
        return tr_data(NONE_CHOSEN, locale)
    return "; ".join(c.text(locale) if (c := q.choice(v)) else str(v) for v in value)


def _show_country(q: "Question", value: Any, locale: str) -> str:
    return f"{countries.name(value, locale)} ({value})"


def _show_number(q: "Question", value: Any, locale: str) -> str:
    unit = tr_data(q.unit, locale)
    return f"{format_number(value, locale)} {unit}".strip()


def _show_group(q: "Question", value: Any, locale: str) -> str:
    rows = []
    for item in value:
        parts = [display(f, v, locale) for f in q.fields if (v := item.get(f.id)) not in (None, "")]
        rows.append(", ".join(parts))
    return "\n".join(rows)


def _show_as_is(q: "Question", value: Any, locale: str) -> str:
    return str(value)


TYPES: dict[str, QuestionType] = {t.name: t for t in (
    QuestionType("single_choice", _one_choice, _show_choice, "text", True, "choices", "choices"),
    QuestionType("multi_choice", _many_choices, _show_choices, "list", False, "subsets", "choices"),
    QuestionType("yes_no", _one_choice, _show_choice, "text", True, "choices", "choices"),
    QuestionType("yes_no_unsure", _one_choice, _show_choice, "text", False, "choices", "choices"),
    QuestionType("text", _text, _show_as_is, "text", True, "texts"),
    QuestionType("country", _country, _show_country, "text", True, "countries", "countries"),
    QuestionType("date", _date, _show_as_is, "text", True, "dates"),
    QuestionType("number", _number, _show_number, "text", True, "numbers"),
    QuestionType("group", _group, _show_group, "table", False, "rows"),
)}
QUESTION_TYPES: tuple[str, ...] = tuple(TYPES)
GROUP_FIELD_TYPES: tuple[str, ...] = tuple(t.name for t in TYPES.values() if t.group_field)


def normalise(q: "Question", value: Any) -> Any:
    """The stored form of ``value`` for question ``q``; ``None`` means unanswered. Raises
    :class:`AnswerError` with a message that says how to fix the answer."""
    if value is None:
        return None
    t = TYPES.get(q.type)
    if t is None:  # the loader refuses unknown types; a hand-built Question may not
        raise AnswerError(q.id, f"unknown question type {q.type!r}")
    return t.normalise(q, value)


def display(q: "Question", value: Any, locale: str = "en", none_text: str = "") -> str:
    """An answer as people read it (choice labels, country names); ``none_text`` when unanswered."""
    if value is None or value == "":
        return none_text
    t = TYPES.get(q.type)
    return t.display(q, value, locale) if t is not None else str(value)
