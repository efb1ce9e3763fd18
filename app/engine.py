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
    screening: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# -- party screening (issue 5) ---------------------------------------------------------------
# Rules that outrank the built-in screening checks; every other rule comes after them.
OUTRANKS_SCREENING = ("PROHIBITED",)
SCREENING_REVIEW_TEXT = {
    "title": "Screening review needed: a party may be on a sanctions list",
    "summary": "A party of this transaction resembles an entry of an imported sanctions list. Review the "
               "potential hit before going further: clear it as a false positive with a reason, or confirm it.",
    "actions": ["Open the parties and review each potential hit: compare names, country, date of birth and "
                "the listing's details; clear it with a reason, or confirm it.",
                "Do not sign the report or ship until every potential hit is reviewed."],
}
SCREENING_PROHIBITED_TEXT = {
    "title": "Prohibited: a party is on an EU sanctions list",
    "summary": "A party of this transaction was confirmed as a listed person or entity. Making funds, economic "
               "resources or goods available to a listed party is prohibited.",
    "actions": ["Do not export, transfer, or make the item or any funds or economic resources available to the "
                "listed party, directly or indirectly.",
                "Contact the competent authority of your Member State; report as the regime requires.",
                "Keep this assessment and all related documents for at least 5 years (Art. 27(3))."],
}


def _screening_hits(screening: Mapping[str, Any] | None, status: str) -> list[tuple[dict, dict]]:
    out = []
    for party in (screening or {}).get("parties") or []:
        for hit in party.get("hits") or []:
            if hit.get("status", "open") == status:
                out.append((party, hit))
    return out


def _screening_cite(hit: Mapping[str, Any]) -> dict[str, str]:
    act = hit.get("regulation") or "EU consolidated financial sanctions list"
    return {"citation": f"{act} (programme {hit.get('programme') or '?'}, {hit.get('eu_reference') or hit.get('entity_key')})",
            "act": act, "article": "", "paragraph": "", "url": hit.get("regulation_url") or "",
            "status": "verified" if hit.get("source") else "to_verify"}


def _screening_checks(screening: Mapping[str, Any] | None, trace: list[TraceEntry]) -> tuple[str, list[Any]] | None:
    """The built-in checks between PROHIBITED and the other rules: a confirmed hit
    (PROHIBITED), then an unreviewed potential hit (SCREENING_REVIEW)."""
    if screening is None:
        return None
    confirmed = _screening_hits(screening, "confirmed")
    trace.append(TraceEntry("SCREENING_CONFIRMED", "a party was confirmed as a listed person or entity",
                            bool(confirmed), {p["name"]: h.get("eu_reference") or h.get("entity_key") for p, h in confirmed}))
    if confirmed:
        return "PROHIBITED", confirmed
    open_hits = _screening_hits(screening, "open")
    trace.append(TraceEntry("SCREENING_REVIEW", "a party has an unreviewed potential sanctions-list hit",
                            bool(open_hits), {p["name"]: h.get("matched_name") for p, h in open_hits}))
    if open_hits:
        return "SCREENING_REVIEW", open_hits
    return None

def _inputs(flow: Flow, names: list[str]) -> dict[str, Any]:
    return {n: flow.value(n) for n in names}


def decide(qn: Questionnaire, answers: Mapping[str, Any] | Flow, locale: str = "en",
           warnings: list[str] | None = None, screening: Mapping[str, Any] | None = None) -> Result:
    """Evaluate ``qn``'s rules over ``answers`` (a mapping of stored values, or a Flow).

    ``screening`` is the party-screening summary (app.screening.service): after the rules that
    outrank it (PROHIBITED), a confirmed hit makes the outcome PROHIBITED citing the listing's
    regime, and an unreviewed potential hit makes it SCREENING_REVIEW."""
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
    screened: tuple[str, list[Any]] | None = None
    if missing:
        chosen = qn.outcome("INCOMPLETE")
        trace.append(TraceEntry("INCOMPLETE", "missing decisive answers", True, {m: None for m in missing}))
    else:
        screening_done = False
        for rule in qn.outcomes:
            if rule.when is None:
                continue
            if not screening_done and rule.id not in OUTRANKS_SCREENING:
                screening_done = True
                screened = _screening_checks(screening, trace)
                if screened:
                    break
            fired = rule.when.test(flow.value, refs)
            trace.append(TraceEntry(rule.id, rule.when.text, fired, _inputs(flow, rule.when.names)))
            if fired:
                chosen = rule
                break
        if not screening_done and chosen is None:
            screened = _screening_checks(screening, trace)
    if screened:
        outcome_id, hits = screened
        text = SCREENING_PROHIBITED_TEXT if outcome_id == "PROHIBITED" else SCREENING_REVIEW_TEXT
        title, summary, actions = text["title"], text["summary"], list(text["actions"])
        cites = [_screening_cite(h) for _p, h in hits]
        for party, hit in hits:
            what = "confirmed as" if outcome_id == "PROHIBITED" else "may be"
            rationale.append(Step(
                f"Screening: the party {party['name']!r} ({party.get('role') or 'party'}) {what} the listed "
                f"{hit.get('subject_type') or 'subject'} {hit.get('entity_name')!r} "
                f"({hit.get('eu_reference') or hit.get('entity_key')}; regime {hit.get('programme') or '?'}; "
                f"list of {hit.get('list_date')}); {hit.get('explanation', '')}.",
                [_screening_cite(hit)], "rule"))
    elif chosen is None:
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

    if screening is not None and not screening.get("checked") and screening.get("parties"):
        warnings.append("the parties were not screened: no sanctions list is imported (art5 screening import FILE)")
    for qid in flow.irrelevant_answers():
        warnings.append(f"{qid}: answered, but the question does not apply to these answers; the answer is ignored")
    unanswered = flow.unanswered()
    reference_data = dict(qn.reference_versions)
    return Result(
        outcome=outcome_id,
        title=title,
        summary=summary,
        questionnaire={"id": qn.id, "version": qn.version, "sha256": qn.sha256,
                       "official": bool(getattr(qn, "official", False))},
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
        screening=dict(screening) if screening is not None else None,
    )
