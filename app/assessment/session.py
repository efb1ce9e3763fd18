"""One assessment being answered: the flow over its questionnaire, bound to the register.

The wizard is a thin skin over this object: it asks what to show, hands over what the user
entered, and shows what comes back. Each answer is validated, then committed with its audit
event before :meth:`AssessmentSession.answer` returns.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.assessment import engine, workflow
from app.questionnaire import model as questionnaire
from app.assessment.flow import Flow

if TYPE_CHECKING:  # the register is passed in; imported for the checker only
    from app.storage.store import Store


class AssessmentSession:
    # returns the party-screening summary for the engine (set by the front end; app.screening)
    screening_provider = None

    def __init__(self, store: Store, assessment_id: int, qn: questionnaire.Questionnaire):
        store.declare_roles(qn.id, qn.version, qn.roles)  # the register columns follow its roles
        self.store = store
        self.assessment_id = assessment_id
        self.questionnaire = qn
        self.flow = Flow(qn, store.answers(assessment_id))
        a = store.get(assessment_id)
        self.reference = a.reference
        self.status = a.status
        self.current_page = a.current_page if a.current_page else ""
        self._page_unsaved = False

    @classmethod
    def new(cls, store: Store, qn: questionnaire.Questionnaire, title: str = "") -> "AssessmentSession":
        store.declare_roles(qn.id, qn.version, qn.roles)
        a = store.create_assessment(qn.id, qn.version, qn.sha256, title)
        assert a.id is not None  # a stored row
        return cls(store, a.id, qn)

    @classmethod
    def resume(cls, store: Store, assessment_id: int, questionnaires_dir: str | Path | None = None) -> "AssessmentSession":
        """Resume on the questionnaire version the assessment was started on."""
        a = store.get(assessment_id)
        qn = questionnaire.find(a.questionnaire_id, a.questionnaire_version, questionnaires_dir)
        if a.questionnaire_sha256 and qn.sha256 != a.questionnaire_sha256:
            raise questionnaire.QuestionnaireError(
                str(qn.path), [f"{a.reference} was started on questionnaire {qn.id} {qn.version} with SHA-256 "
                               f"{a.questionnaire_sha256[:16]}…, but this file has SHA-256 {qn.sha256[:16]}…: the "
                               "questionnaire changed under the draft, so it is not resumed. Reinstall the "
                               "original questionnaire file"])
        return cls(store, assessment_id, qn)

    @property
    def editable(self) -> bool:
        return bool(self.status == "draft")

    def answer(self, question_id: str, value: Any) -> Any:
        """Validate (raises flow.AnswerError), commit, and return the stored value."""
        q = self.questionnaire.question(question_id)
        from app.assessment.flow import normalise

        stored = normalise(q, value)
        page = self.current_page if self._page_unsaved else None
        if self.store.save_answer(self.assessment_id, question_id, stored, current_page=page):
            self._page_unsaved = False
        self.flow.set_answer(question_id, stored)
        return stored

    def visit(self, page_id: str) -> None:
        """Remember the page shown. It is where the wizard resumes, not a record, so it is
        written with the next answer (one commit per Next instead of two) or by save_position()
        when the wizard closes; a crash at worst resumes one page earlier."""
        if page_id != self.current_page:
            self.current_page = page_id
            self._page_unsaved = True

    def save_position(self) -> None:
        if self._page_unsaved:
            self.store.set_current_page(self.assessment_id, self.current_page)
            self._page_unsaved = False

    def start_page(self) -> str:
        """Where to resume: the page last shown, if it still applies, else the first page."""
        if self.current_page and self.flow.relevant_questions(self.current_page):
            return self.current_page
        return self.flow.first_page()

    def result(self, locale: str = "en") -> engine.Result:
        screening = self.screening_provider() if self.screening_provider is not None else None
        return engine.decide(self.questionnaire, self.flow, locale=locale, screening=screening)

    def leave(self, locale: str = "en", outcome_seen: bool = False) -> None:
        """The user leaves the assessment (or the wizard is rebuilt): the page to resume on is
        written and, for a draft whose outcome page the user saw, the provisional outcome the
        register shows beside it, as it is now. Showing a page never writes."""
        if not self.editable:
            return
        self.save_position()
        if outcome_seen:
            workflow.record_provisional_outcome(self.store, self.assessment_id, self.result(locale))

    def report_inputs(self, locale: str = "en") -> workflow.ReportInputs:
        """What the report, the notification and the end-user statement are made from (the
        same function ``art5 assess`` calls)."""
        return workflow.report_inputs(self.questionnaire, self.flow, self.result(locale), store=self.store,
                                      assessment_id=self.assessment_id)

    def finish(self, locale: str = "en") -> engine.Result:
        """Finish with the outcome now (workflow.NotComplete, a ValueError, while a question is unanswered)."""
        result = self.result(locale)
        workflow.finish(self.store, self.assessment_id, result)
        self.status = "finished"
        return result

    def mark_signed(self, report: str, locale: str = "en") -> None:
        """Record the signed report (workflow.SigningRefused when the result may not be signed)."""
        workflow.mark_signed(self.store, self.assessment_id, report, self.result(locale))
        self.status = "signed"
