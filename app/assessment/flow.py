"""The wizard's flow, without Qt: answer validation, relevance, navigation and progress.

A :class:`Flow` holds a questionnaire and the answers given so far. It says which pages and
questions are relevant (a question on a path that does not apply reads as unanswered), what
comes next, which questions are still open, and it normalises answers so that the GUI, the
answers-file reader and the database all store the same values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, Any, Iterable, Mapping

from app.questionnaire.model import Page, Question, Questionnaire
# what each question type accepts and stores: app.questionnaire.types (the registry of types)
from app.questionnaire.types import AnswerError, normalise

__all__ = ["AnswerError", "Flow", "SectionProgress", "is_answered", "normalise", "removed_characters", "section_progress"]


def removed_characters(value: Any) -> list[str]:
    """The invisible or control characters :func:`normalise` removes from a raw answer (names
    such as ``U+202E RIGHT-TO-LEFT OVERRIDE``), for telling the user; tabs and line breaks are
    left out of the list (a multi-line field keeps them)."""
    from app.base.textsafety import clean_value

    _, removed = clean_value(value, multiline=True)
    return list(dict.fromkeys(removed))


def is_answered(value: Any) -> bool:
    return value is not None and value != ""


@dataclass
class Flow:
    """Relevance and navigation over one questionnaire and its answers."""

    questionnaire: Questionnaire
    answers: dict[str, Any] = field(default_factory=dict)
    history: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._cache: dict[str, Any] = {}
        self._relevant: dict[str, bool] = {}
        self._derived = {d.id: d for d in self.questionnaire.derived}

    # -- values -------------------------------------------------------------------------
    def _invalidate(self) -> None:
        self._cache.clear()
        self._relevant.clear()

    def value(self, name: str) -> Any:
        """An answer as conditions see it: ``None`` when unanswered or not relevant."""
        if name in self._cache:
            return self._cache[name]
        if name in self._derived:
            result = self._derived[name].expr.evaluate(self.value, self.questionnaire.reference_lists)
        elif self.questionnaire.has_question(name):
            q = self.questionnaire.question(name)
            result = self.answers.get(name) if self.is_relevant(q) else None
        else:
            result = None
        self._cache[name] = result
        return result

    def set_answer(self, question_id: str, value: Any) -> Any:
        """Validate, normalise and keep an answer; returns the stored value."""
        q = self.questionnaire.question(question_id)
        stored = normalise(q, value)
        if stored is None:
            self.answers.pop(question_id, None)
        else:
            self.answers[question_id] = stored
        self._invalidate()
        return stored

    def load_answers(self, answers: Mapping[str, Any]) -> None:
        self.answers = dict(answers)
        self._invalidate()

    # -- relevance ----------------------------------------------------------------------
    def page_condition_holds(self, page: Page) -> bool:
        return page.relevant is None or page.relevant.test(self.value, self.questionnaire.reference_lists)

    def is_relevant(self, q: Question) -> bool:
        if q.id in self._relevant:
            return self._relevant[q.id]
        self._relevant[q.id] = False  # guards against cycles; validation forbids them
        page = self.questionnaire.page(q.page_id)
        ok = self.page_condition_holds(page) and (
            q.relevant is None or q.relevant.test(self.value, self.questionnaire.reference_lists)
        )
        self._relevant[q.id] = ok
        return ok

    def relevant_questions(self, page: Page | str) -> list[Question]:
        if isinstance(page, str):
            page = self.questionnaire.page(page)
        return [q for q in page.questions if self.is_relevant(q)]

    def relevant_pages(self) -> list[Page]:
        return [p for p in self.questionnaire.pages if self.relevant_questions(p)]

    # -- navigation ---------------------------------------------------------------------
    def first_page(self) -> str:
        pages = self.relevant_pages()
        return pages[0].id

    def next_page(self, current: str | None) -> str | None:
        """The next relevant page after ``current`` (the first one for ``None``)."""
        ids = [p.id for p in self.questionnaire.pages]
        start = 0 if current is None else ids.index(current) + 1
        for p in self.questionnaire.pages[start:]:
            if self.relevant_questions(p):
                return p.id
        return None

    def go_next(self, current: str) -> str | None:
        nxt = self.next_page(current)
        if nxt is not None:
            self.history.append(current)
        return nxt

    def go_back(self) -> str | None:
        while self.history:
            prev = self.history.pop()
            if self.relevant_questions(prev):
                return prev
        return None

    def progress(self, current: str) -> tuple[int, int]:
        """(1-based position of ``current``, number of relevant pages)."""
        ids = [p.id for p in self.relevant_pages()]
        pos = ids.index(current) + 1 if current in ids else 0
        return pos, len(ids)

    # -- completeness -------------------------------------------------------------------
    def unanswered(self, page: Page | str | None = None) -> list[str]:
        pages: Iterable[Page]
        if page is None:
            pages = self.questionnaire.pages
        else:
            pages = [self.questionnaire.page(page) if isinstance(page, str) else page]
        out = []
        for p in pages:
            for q in self.relevant_questions(p):
                if q.required and not is_answered(self.answers.get(q.id)):
                    out.append(q.id)
                elif q.type == "group" and len(self.answers.get(q.id) or []) < q.min_items:
                    out.append(q.id)
        return out

    def missing_decisive(self) -> list[str]:
        return [q.id for q in self.questionnaire.questions
                if q.decisive and self.is_relevant(q) and not is_answered(self.answers.get(q.id))]

    def irrelevant_answers(self) -> list[str]:
        return [qid for qid in self.answers
                if self.questionnaire.has_question(qid)
                and not self.is_relevant(self.questionnaire.question(qid))]

    def unsure_answers(self) -> list[str]:
        return [q.id for q in self.questionnaire.questions
                if self.is_relevant(q) and self.answers.get(q.id) == "unsure"]

    def page_status(self, page: Page | str) -> str:
        """``completed``, ``in_progress``, ``not_started`` or ``not_applicable``."""
        page = self.questionnaire.page(page) if isinstance(page, str) else page
        qs = self.relevant_questions(page)
        if not qs:
            return "not_applicable"
        answered = [q for q in qs if is_answered(self.answers.get(q.id))]
        if not answered:
            return "not_started"
        return "completed" if not self.unanswered(page) else "in_progress"

    def relevant_answers(self) -> dict[str, Any]:
        return {q.id: self.answers[q.id] for q in self.questionnaire.questions
                if q.id in self.answers and self.is_relevant(q)}


class SectionProgress(NamedTuple):
    done: int                          # sections settled
    total: int                         # every section of the questionnaire
    sections: list[tuple[str, str]]    # (section, "done" | "partial" | "empty") in order
    pages_done: int                    # pages settled (completed, or not applicable and passed)
    pages_total: int                   # every page of the questionnaire


def section_progress(flow: Flow, reached: str | None = None) -> SectionProgress:
    """Progress by section: sections settled of all sections, each section's state (``done``,
    ``partial`` or ``empty``), and the settled pages of all pages (for a bar that moves with
    each page but never grows its total).

    The total is every section of the questionnaire, so it never grows as answers open branches.
    A section is done when each of its pages is completed or not applicable; a page that does
    not apply counts only once the user has reached or passed it (``reached``: the furthest
    page id), so skipped branches ahead do not fill the bar before the user gets there."""
    pages = flow.questionnaire.pages
    ids = [p.id for p in pages]
    limit = ids.index(reached) if reached in ids else -1
    order: list[str] = []
    states: dict[str, list[str]] = {}
    for i, p in enumerate(pages):
        key = p.section or p.id
        if key not in states:
            order.append(key)
            states[key] = []
        status = flow.page_status(p)
        if status == "not_applicable":
            status = "completed" if i <= limit else "not_started"
        states[key].append(status)
    out = []
    for key in order:
        s = states[key]
        if all(x == "completed" for x in s):
            out.append((key, "done"))
        elif any(x in ("completed", "in_progress") for x in s):
            out.append((key, "partial"))
        else:
            out.append((key, "empty"))
    pages_done = sum(x == "completed" for s in states.values() for x in s)
    return SectionProgress(sum(1 for _k, st in out if st == "done"), len(out), out, pages_done, len(pages))
