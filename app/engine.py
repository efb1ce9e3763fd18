"""The decision engine: evaluates a questionnaire's outcome rules over the answers and keeps a
trace of which rules were checked, which fired and which answers they read.

The rules are data (``outcomes`` in the questionnaire, first match wins); ``INCOMPLETE`` is
built in: it applies while a relevant *decisive* question is unanswered. The decision is always
computed; it is ``provisional`` while any relevant required question remains unanswered.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Mapping

from .flow import Flow
from .i18n import tr_data
from .questionnaire import Questionnaire, Source


def source_dict(s: Source) -> dict[str, str]:
    return {"citation": s.citation(), "act": s.act, "article": s.article, "paragraph": s.paragraph,
            "url": s.url, "status": s.status}


@dataclass
class Step:
    text: str
    citations: list[dict[str, str]] = field(default_factory=list)
    kind: str = "derived"  # derived | rule


@dataclass
class TraceEntry:
    rule: str
    condition: str
    fired: bool
    inputs: dict[str, Any]


@dataclass
class Result:
    outcome: str
    title: str
    summary: str
    questionnaire: dict[str, str]
    rationale: list[Step]
    trace: list[TraceEntry]
    open_questions: list[str]
    missing: list[str]
    unanswered: list[str]
    warnings: list[str]
    actions: list[str]
    citations: list[dict[str, str]]
    derived: dict[str, Any]
    reference_data: dict[str, dict[str, str]]
    provisional: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _inputs(flow: Flow, names: list[str]) -> dict[str, Any]:
    return {n: flow.value(n) for n in names}


def decide(qn: Questionnaire, answers: Mapping[str, Any] | Flow, locale: str = "en",
           warnings: list[str] | None = None) -> Result:
    """Evaluate ``qn``'s rules over ``answers`` (a mapping of stored values, or a Flow)."""
    flow = answers if isinstance(answers, Flow) else Flow(qn, dict(answers))
    warnings = list(warnings or [])
    refs = qn.reference_lists

    rationale: list[Step] = []
    derived_values: dict[str, Any] = {}
    for d in qn.derived:
        value = flow.value(d.id)
        derived_values[d.id] = value
        explain = d.explain_true if value else d.explain_false
        if explain:
            rationale.append(Step(tr_data(explain, locale), [source_dict(s) for s in d.sources], "derived"))

    missing = flow.missing_decisive()
    trace: list[TraceEntry] = []
    chosen = None
    if missing:
        chosen = qn.outcome("INCOMPLETE")
        trace.append(TraceEntry("INCOMPLETE", "missing decisive answers", True, {m: None for m in missing}))
    else:
        for rule in qn.outcomes:
            if rule.when is None:
                continue
            fired = rule.when.test(flow.value, refs)
            trace.append(TraceEntry(rule.id, rule.when.text, fired, _inputs(flow, rule.when.names)))
            if fired:
                chosen = rule
                break
    if chosen is None:
        outcome_id = "INCOMPLETE" if missing else "UNDETERMINED"
        title = "Incomplete" if missing else "No rule applies"
        summary, actions, cites = "", [], []
        if not missing:
            warnings.append("no outcome rule applied to these answers; the questionnaire's rules have a gap")
    else:
        outcome_id = chosen.id
        title = tr_data(chosen.title, locale)
        summary = tr_data(chosen.summary, locale)
        actions = [tr_data(a, locale) for a in chosen.actions]
        cites = [source_dict(s) for s in chosen.sources]
        if chosen.rationale:
            rationale.append(Step(tr_data(chosen.rationale, locale), cites, "rule"))

    for qid in flow.irrelevant_answers():
        warnings.append(f"{qid}: answered, but the question does not apply to these answers; the answer is ignored")
    unanswered = flow.unanswered()
    reference_data = dict(qn.reference_versions)
    return Result(
        outcome=outcome_id,
        title=title,
        summary=summary,
        questionnaire={"id": qn.id, "version": qn.version, "sha256": qn.sha256},
        rationale=rationale,
        trace=trace,
        open_questions=flow.unsure_answers(),
        missing=missing,
        unanswered=unanswered,
        warnings=warnings,
        actions=actions,
        citations=cites,
        derived=derived_values,
        reference_data=reference_data,
        provisional=bool(unanswered),
    )
