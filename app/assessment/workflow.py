"""The steps every front end takes with an assessment, written once: gathering what its
documents need (the report inputs), keeping the outcome, finishing, marking it signed and
amending it.

The wizard (``ui/``) and the command line (``app/cli``) call these same functions, so one
policy holds for both: an assessment is finished only when every question that applies is
answered, and a report is signed (and the register marks it signed) only when
``policy.signing_blocked`` finds nothing. Rendering and signing the PDF happen above this
room (``app.documents``, ``app.signing.report``); they take a :class:`ReportInputs`.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Mapping

from app.assessment import engine
from app.assessment.flow import Flow
from app.assessment.policy import signing_blocked
from app.questionnaire.model import Questionnaire

if TYPE_CHECKING:  # the register is passed in; imported for the checker only
    from app.storage.models import Assessment
    from app.storage.store import Store


class NotComplete(ValueError):
    """The step needs every question that applies to be answered."""


class SigningRefused(ValueError):
    """The policy does not allow a signed report of this result (``policy.signing_blocked``)."""


@dataclass(frozen=True)
class ReportInputs:
    """Everything the report, the notification and the end-user statement are made from.

    ``answers`` are the answers that apply (irrelevant ones left out); ``meta`` the record's
    reference, title, status and dates; ``records`` the audit summary and attachments of a
    stored assessment (None for a headless run that keeps nothing)."""

    questionnaire: Questionnaire
    answers: dict[str, Any]
    result: engine.Result
    profile: dict[str, str]
    meta: dict[str, str]
    records: dict[str, Any] | None = None

    @property
    def member_state(self) -> str:
        """The Member State whose authority the notification goes to: the answer, else the
        exporter profile's."""
        return member_state(self.questionnaire, self.answers, self.profile)

    def report(self) -> dict[str, Any]:
        """Keyword arguments of ``app.documents.report.render_report`` (without the path and locale)."""
        return {"questionnaire": self.questionnaire, "answers": self.answers, "result": self.result,
                "profile": self.profile, "meta": self.meta, "records": self.records}

    def draft(self) -> dict[str, Any]:
        """Keyword arguments of the notification and end-user statement drafts
        (``app.documents.language.drafts``)."""
        return {"questionnaire": self.questionnaire, "answers": self.answers, "result": self.result,
                "profile": self.profile, "meta": self.meta}

    def as_finished(self) -> "ReportInputs":
        """The inputs as the report will read once the assessment is finished now (to learn,
        before finishing, whether that report can be written)."""
        return replace(self, meta={**self.meta, "status": "finished", "finished_at": self.meta["generated_at"]})


def member_state(qn: Questionnaire, answers: Mapping[str, Any], profile: Mapping[str, Any]) -> str:
    """The exporter's Member State: the assessment's answer (the questionnaire's ``member_state``
    role), else the company profile's; "" if neither."""
    return str(qn.answer_for("member_state", answers) or profile.get("member_state") or "").upper()


def _now(store: Store | None) -> str:
    clock = store.clock() if store is not None else _dt.datetime.now(_dt.timezone.utc)
    return clock.isoformat(timespec="seconds")


def blank_profile() -> dict[str, str]:
    from app.storage.store import PROFILE_FIELDS

    return {k: "" for k in PROFILE_FIELDS}


def exporter_profile(store: Store) -> dict[str, str]:
    """The exporter profile of the register, every field a string ("" when not given)."""
    from app.storage.store import PROFILE_FIELDS

    p = store.profile()
    return {k: str(getattr(p, k, "") or "") for k in PROFILE_FIELDS}


def record_meta(a: Assessment, generated_at: str) -> dict[str, str]:
    """What a document says about the record: reference, title, status and dates."""
    return {"reference": a.reference, "title": a.title, "status": a.status, "created_at": a.created_at,
            "updated_at": a.updated_at, "finished_at": a.finished_at or "", "generated_at": generated_at}


def headless_meta(title: str, now: str) -> dict[str, str]:
    """The record of a headless run that is not kept in a register."""
    return {"reference": "headless", "title": title, "status": "draft", "created_at": now, "updated_at": now,
            "finished_at": "", "generated_at": now}


def report_inputs(qn: Questionnaire, answers: Mapping[str, Any] | Flow, result: engine.Result, *,
                  store: Store | None = None, assessment_id: int | None = None,
                  profile: Mapping[str, str] | None = None, title: str = "") -> ReportInputs:
    """The inputs of an assessment's documents, the same for the wizard and ``art5 assess``.

    With ``store`` and ``assessment_id`` the record comes from the register (meta, audit
    summary, attachments, and the exporter profile unless ``profile`` is given); without, it is
    a headless run titled ``title``. Only the answers that apply go into the documents."""
    flow = answers if isinstance(answers, Flow) else Flow(qn, dict(answers))
    now = _now(store)
    records: dict[str, Any] | None = None
    if store is not None and assessment_id is not None:
        from app.assessment.records import report_extras

        meta = record_meta(store.get(assessment_id), now)
        records = report_extras(store, assessment_id)
        prof = dict(profile) if profile is not None else exporter_profile(store)
    else:
        meta = headless_meta(title, now)
        prof = dict(profile) if profile is not None else blank_profile()
    return ReportInputs(questionnaire=qn, answers=flow.relevant_answers(), result=result,
                        profile={k: str(v or "") for k, v in prof.items()}, meta=meta, records=records)


# -- the register's side of each step ---------------------------------------------------------
def check_complete(result: engine.Result) -> None:
    """NotComplete naming the questions left, when any question that applies is unanswered."""
    if result.unanswered:
        raise NotComplete(f"{len(result.unanswered)} question(s) still unanswered: "
                          + ", ".join(result.unanswered[:5]))


def check_signable(result: engine.Result) -> None:
    """SigningRefused saying why, when the policy does not allow signing this result."""
    blocked = signing_blocked(result)
    if blocked:
        raise SigningRefused(blocked)


def finish(store: Store, assessment_id: int, result: engine.Result) -> Assessment:
    """Finish the assessment with ``result``'s outcome; NotComplete while a question is unanswered."""
    check_complete(result)
    return store.finish(assessment_id, result.outcome)


def keep_outcome(store: Store, assessment_id: int, result: engine.Result) -> Assessment:
    """A headless run's record: finished when complete, else a draft showing the provisional outcome."""
    if result.unanswered:
        store.set_outcome(assessment_id, result.outcome)
        return store.get(assessment_id)
    return finish(store, assessment_id, result)


def record_provisional_outcome(store: Store, assessment_id: int, result: engine.Result) -> None:
    """The provisional outcome the register shows beside a draft (a draft only; finished ones keep theirs)."""
    store.set_outcome(assessment_id, result.outcome)


def mark_signed(store: Store, assessment_id: int, report: str, result: engine.Result) -> Assessment:
    """Record that the assessment's report was signed: refused (SigningRefused) when the policy
    does not allow a signed report of ``result``, whoever asks."""
    check_signable(result)
    return store.mark_signed(assessment_id, report)


def amend(store: Store, assessment_id: int, reason: str) -> Assessment:
    """A new draft version of a finished or signed assessment (the old one is kept); ValueError
    without a reason, StorageError for a draft or an assessment already amended."""
    return store.amend(assessment_id, reason)
