"""The decision engine: evaluates a questionnaire's outcome rules over the answers and keeps a
trace of which rules were checked, which fired and which answers they read.

The rules are data (``outcomes`` in the questionnaire, first match wins); ``INCOMPLETE`` is
built in: it applies while a relevant *decisive* question is unanswered, except that an outcome
marked ``prohibition`` that the given answers already establish is shown even then. The
decision is always computed; it is ``provisional`` while any relevant required question
remains unanswered.

Questions marked ``membership`` (is the item on a list?) answered "unsure" are evaluated both
ways; different outcomes give the built-in ``CLASSIFICATION_REQUIRED``. The result also carries
``flags`` (declared in the questionnaire, plus ``superseded_questionnaire`` when a newer version
lies beside the file) and the questionnaire's caveat for every outcome that is not a prohibition.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Mapping, TypedDict

from app.assessment.flow import Flow
from app.base.i18n import tr_data
from app.questionnaire.model import Questionnaire, Source


def source_dict(s: Source) -> dict[str, str]:
    from app.base.legal_links import public_url

    return {"citation": s.citation(), "act": s.act, "article": s.article, "paragraph": s.paragraph,
            "url": public_url(s.url), "status": s.status}


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
    questionnaire: dict[str, Any]  # id, version, sha256 (str); official (bool)
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
    # issue 13: the two outcomes of an unsure list membership (None when there is none)
    outcome_if_listed: str | None = None
    outcome_if_not_listed: str | None = None
    # stable ids of what the user must see beside the outcome, and their texts
    flags: list[str] = field(default_factory=list)
    flag_texts: dict[str, str] = field(default_factory=dict)
    # shown with every outcome that is not a prohibition (national rules under Art. 9)
    caveats: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# -- party screening (issue 5) ---------------------------------------------------------------
# Rules that outrank the built-in screening checks; every other rule comes after them.
OUTRANKS_SCREENING = ("PROHIBITED",)
class _FixedOutcomeText(TypedDict):
    title: str
    summary: str
    actions: list[str]


SCREENING_REVIEW_TEXT: _FixedOutcomeText = {
    "title": "Screening review needed: a party may be on a sanctions list",
    "summary": "A party of this transaction resembles an entry of an imported sanctions list. Review the "
               "potential hit before going further: clear it as a false positive with a reason, or confirm it.",
    "actions": ["Open the parties and review each potential hit: compare names, country, date of birth and "
                "the listing's details; clear it with a reason, or confirm it.",
                "Do not sign the report or ship until every potential hit is reviewed."],
}
SCREENING_PROHIBITED_TEXT: _FixedOutcomeText = {
    "title": "Prohibited: a party is on an EU sanctions list",
    "summary": "A party of this transaction was confirmed as a listed person or entity. Making funds, economic "
               "resources or goods available to a listed party is prohibited.",
    "actions": ["Do not export, transfer, or make the item or any funds or economic resources available to the "
                "listed party, directly or indirectly.",
                "Contact the competent authority of your Member State; report as the regime requires.",
                "Keep this assessment and all related documents for at least 5 years (Art. 27(3))."],
}


def _screening_hits(screening: Mapping[str, Any] | None, status: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
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


def _choose(qn: Questionnaire, flow: Flow, screening: Mapping[str, Any] | None,
            trace: list[TraceEntry]) -> tuple[Any, tuple[str, list[Any]] | None, list[str]]:
    """The rule that decides ``flow`` (or a screening result), and the missing decisive answers.

    A rule marked ``prohibition`` that already holds is shown even while other decisive
    questions are open (issue 13: INCOMPLETE must never hide a ban); otherwise a missing
    decisive answer gives INCOMPLETE (``chosen`` None), then the rules in order, first match wins."""
    refs = qn.reference_lists
    missing = flow.missing_decisive()
    if missing:
        for rule in qn.outcomes:
            if rule.when is not None and rule.prohibition:
                fired = rule.when.test(flow.value, refs)
                trace.append(TraceEntry(rule.id, rule.when.text, fired, _inputs(flow, rule.when.names)))
                if fired:
                    return rule, None, missing
        if any(o.prohibition for o in qn.outcomes):
            # a confirmed sanctions-list hit is a ban too: never hidden by INCOMPLETE (issue 13)
            confirmed = _screening_hits(screening, "confirmed")
            if confirmed:
                trace.append(TraceEntry("SCREENING_CONFIRMED", "a party was confirmed as a listed person or entity",
                                        True, {p["name"]: h.get("eu_reference") or h.get("entity_key")
                                               for p, h in confirmed}))
                return None, ("PROHIBITED", confirmed), missing
        trace.append(TraceEntry("INCOMPLETE", "missing decisive answers", True, {m: None for m in missing}))
        return None, None, missing
    screening_done = False
    screened = None
    for rule in qn.outcomes:
        if rule.when is None:
            continue
        if not screening_done and rule.id not in OUTRANKS_SCREENING:
            screening_done = True
            screened = _screening_checks(screening, trace)
            if screened:
                return None, screened, missing
        fired = rule.when.test(flow.value, refs)
        trace.append(TraceEntry(rule.id, rule.when.text, fired, _inputs(flow, rule.when.names)))
        if fired:
            return rule, None, missing
    if not screening_done:
        screened = _screening_checks(screening, trace)
    return None, screened, missing


def _outcome_id(chosen: Any, screened: tuple[str, list[Any]] | None, missing: list[str]) -> str:
    if screened:
        return screened[0]
    if chosen is not None:
        return str(chosen.id)
    return "INCOMPLETE" if missing else "UNDETERMINED"


def unsure_memberships(qn: Questionnaire, flow: Flow) -> list[str]:
    """The list-membership questions (``membership: true``) answered "unsure" on this path."""
    return [q.id for q in qn.questions
            if q.membership and flow.is_relevant(q) and flow.answers.get(q.id) == "unsure"]


def superseded_by(qn: Questionnaire) -> str | None:
    """The newest version of ``qn``'s questionnaire beside its file, when newer than ``qn``.

    Reads only the file names (``<id>-<version>.yaml``), so it costs no parsing."""
    from app.questionnaire.model import _version_key

    folder = getattr(qn.path, "parent", None)
    if folder is None or not folder.is_dir():
        return None
    newest = qn.version
    for p in folder.glob(f"{qn.id}-*.y*ml"):
        v = p.stem[len(qn.id) + 1:]
        try:
            if _version_key(v) > _version_key(newest):
                newest = v
        except (TypeError, ValueError):
            continue
    return newest if newest != qn.version else None


SUPERSEDED_TEXT = ("This assessment used questionnaire {id} {version}; version {newest} corrects its rules. "
                   "Its result may be less cautious than the law requires: move a draft to the newest version "
                   "(register: 'Move the draft to the current questionnaire'; command line: art5 records migrate "
                   "--id ID --apply), or assess again with the newest version. A finished record is not changed.")


def decide(qn: Questionnaire, answers: Mapping[str, Any] | Flow, locale: str = "en",
           warnings: list[str] | None = None, screening: Mapping[str, Any] | None = None) -> Result:
    """Evaluate ``qn``'s rules over ``answers`` (a mapping of stored values, or a Flow).

    ``screening`` is the party-screening summary (app.screening.service): after the rules that
    outrank it (PROHIBITED), a confirmed hit makes the outcome PROHIBITED citing the listing's
    regime, and an unreviewed potential hit makes it SCREENING_REVIEW.

    Membership of a list is a fact to establish (issue 13): where a ``membership`` question is
    answered "unsure", the answers are evaluated twice, with every unsure membership as "yes"
    and as "no"; the same outcome both times is the outcome, different outcomes give
    CLASSIFICATION_REQUIRED (``outcome_if_listed`` and ``outcome_if_not_listed`` name both)."""
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

    trace: list[TraceEntry] = []
    chosen, screened, missing = _choose(qn, flow, screening, trace)
    unsure = unsure_memberships(qn, flow)
    if_listed = if_not_listed = None
    classification = False
    if unsure:
        base = dict(flow.answers)
        outcomes = {}
        for hypo in ("yes", "no"):
            hflow = Flow(qn, {**base, **{m: hypo for m in unsure}})
            htrace: list[TraceEntry] = []
            h = _choose(qn, hflow, screening, htrace)
            outcomes[hypo] = h
            for t in htrace:
                trace.append(TraceEntry(f"{t.rule} (if {hypo})", t.condition, t.fired, t.inputs))
        if_listed = _outcome_id(*outcomes["yes"])
        if_not_listed = _outcome_id(*outcomes["no"])
        established = chosen is not None and chosen.prohibition
        if established:
            pass  # a ban the given answers establish stands whatever the unsure answers are
        elif if_listed == if_not_listed:
            chosen, screened, _m = outcomes["yes"]
        elif "INCOMPLETE" in (if_listed, if_not_listed) and missing:
            chosen, screened = None, None
        else:
            classification = True
            chosen, screened = qn.outcome("CLASSIFICATION_REQUIRED"), None
            missing = []

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
    elif classification:
        outcome_id = "CLASSIFICATION_REQUIRED"
        title, summary, actions, cites = "Classification required", "", [], []
        if chosen is not None:
            title = tr_data(chosen.title, locale)
            summary = tr_data(chosen.summary, locale)
            cites = [source_dict(s) for s in chosen.sources]
        fill = {"if_listed": f"{if_listed} ({_title(qn, if_listed, locale)})",
                "if_not_listed": f"{if_not_listed} ({_title(qn, if_not_listed, locale)})",
                "questions": "; ".join(f"\u201c{tr_data(qn.question(m).label, locale)}\u201d" for m in unsure)}
        rationale.append(Step(_text(chosen, "step", locale, fill, CLASSIFICATION_TEXT["step"]), cites, "rule"))
        no_rule = qn.outcome(if_not_listed)
        if no_rule is not None and no_rule.needs_notification and chosen is not None and chosen.notify_first:
            actions.append(tr_data(chosen.notify_first, locale))
        actions.append(_text(chosen, "if_listed", locale, fill, CLASSIFICATION_TEXT["if_listed"]))
        actions.append(_text(chosen, "if_not_listed", locale, fill, CLASSIFICATION_TEXT["if_not_listed"]))
        if chosen is not None:
            actions += [tr_data(a, locale) for a in chosen.actions_for(lambda c: c.test(flow.value, refs))]
    elif chosen is None:
        outcome_id = "INCOMPLETE" if missing else "UNDETERMINED"
        if missing:
            inc = qn.outcome("INCOMPLETE")
            title = tr_data(inc.title, locale) if inc else "Incomplete"
            summary = tr_data(inc.summary, locale) if inc else ""
            actions = [tr_data(a, locale) for a in inc.actions] if inc else []
            cites = [source_dict(s) for s in inc.sources] if inc else []
            if inc and inc.rationale:
                rationale.append(Step(tr_data(inc.rationale, locale), cites, "rule"))
        else:
            title, summary, actions, cites = "No rule applies", "", [], []
            warnings.append("no outcome rule applied to these answers; the questionnaire's rules have a gap")
    else:
        outcome_id = chosen.id
        title = tr_data(chosen.title, locale)
        summary = tr_data(chosen.summary, locale)
        actions = [tr_data(a, locale) for a in chosen.actions_for(lambda c: c.test(flow.value, refs))]
        cites = [source_dict(s) for s in chosen.sources]
        if chosen.rationale:
            rationale.append(Step(tr_data(chosen.rationale, locale), cites, "rule"))

    if screening is not None and not screening.get("checked") and screening.get("parties"):
        warnings.append("the parties were not screened: no sanctions list is imported")
    for qid in flow.irrelevant_answers():
        warnings.append(f"{qid}: answered, but the question does not apply to these answers; the answer is ignored")

    flags: list[str] = []
    flag_texts: dict[str, str] = {}
    for f in qn.flags:
        if f.when.test(flow.value, refs) and f.id not in flags:
            flags.append(f.id)
            flag_texts[f.id] = tr_data(f.text, locale)
    if (screening is not None and not screening.get("checked") and screening.get("parties")
            and any(f.id == "parties_not_screened" for f in qn.flags) and "parties_not_screened" not in flags):
        flags.append("parties_not_screened")
        flag_texts["parties_not_screened"] = tr_data(
            next(f.text for f in qn.flags if f.id == "parties_not_screened"), locale)
    newest = superseded_by(qn)
    if newest:
        superseded = SUPERSEDED_TEXT.format(id=qn.id, version=qn.version, newest=newest)
        flags.append("superseded_questionnaire")
        flag_texts["superseded_questionnaire"] = superseded
        warnings.append(superseded)
    caveats: list[str] = []
    prohibited = outcome_id == "PROHIBITED"
    if qn.caveat_not_prohibited and not prohibited:
        caveats.append(tr_data(qn.caveat_not_prohibited, locale))

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
        outcome_if_listed=if_listed,
        outcome_if_not_listed=if_not_listed,
        flags=flags,
        flag_texts=flag_texts,
        caveats=caveats,
    )


# English fallbacks for a questionnaire whose CLASSIFICATION_REQUIRED outcome names no `texts`
CLASSIFICATION_TEXT = {
    "step": "Classification: you answered 'unsure' to {questions}. Whether an item is on a list is a fact to "
            "establish, not a risk to weigh, so the answers were evaluated both ways. If the item is on the "
            "list(s): {if_listed}. If it is not: {if_not_listed}. The two differ, so the item must be classified "
            "before it is exported.",
    "if_listed": "If the item is on the list(s) you were unsure about: {if_listed}.",
    "if_not_listed": "If it is not: {if_not_listed}.",
}


def _text(outcome: Any, name: str, locale: str, fill: Mapping[str, str], fallback: str) -> str:
    """A named text of ``outcome`` (questionnaire data) with its {placeholders} filled in."""
    text = tr_data(outcome.texts[name], locale) if outcome is not None and name in outcome.texts else fallback
    for key, value in fill.items():
        text = text.replace("{" + key + "}", value)
    return text


def _title(qn: Questionnaire, outcome_id: str | None, locale: str) -> str:
    if outcome_id == "SCREENING_REVIEW":
        return SCREENING_REVIEW_TEXT["title"]
    o = qn.outcome(outcome_id) if outcome_id else None
    return tr_data(o.title, locale) if o else (outcome_id or "")
