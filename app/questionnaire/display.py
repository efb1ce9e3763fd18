"""Answers as people read them (choice labels, country names), for the wizard and reports.
Each question type says how it reads in app.questionnaire.types (the registry of types)."""

from __future__ import annotations

from typing import Any

from app.questionnaire.model import Question
from app.questionnaire.types import display


def display_value(q: Question, value: Any, locale: str = "en", none_text: str = "") -> str:
    return display(q, value, locale, none_text)
