"""The quick check: product, destination, end-user type and customer in; the preliminary
outcome, the destination measures, the screening result and the open questions out, saved as a
draft that grows into the full assessment later.

It works from nothing: without a saved product profile, the item's classification (Annex I)
and the definition test of Art. 2(20) are asked inline (:func:`definition_questions`), and
:func:`definition_verdict` says as soon as the definition fails that the item is not a
cyber-surveillance item."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.assessment import engine
from app.questionnaire import model as qmod
from app.assessment.flow import normalise

if TYPE_CHECKING:  # the register is passed in; imported for the checker only
    from app.storage.store import Store

QUESTIONNAIRE = "art5"
# the roles of the form's own fields; every other decisive question is asked inline when no
# product is saved
FORM_ROLES = ("member_state", "destination_country")


def definition_questions(qn: qmod.Questionnaire) -> list[qmod.Question]:
    """The questions asked inline when no product profile exists: every decisive question of the
    questionnaire (the lists, the definition of Art. 2(20), the authority's information, the
    awareness test) in questionnaire order; the dialog shows those that apply to the answers so far."""
    form = {qn.roles.question_id(role) for role in FORM_ROLES}
    return [q for q in qn.questions if q.decisive and q.id not in form]


def definition_verdict(qn: qmod.Questionnaire, answers: dict[str, Any]) -> str:
    """``not_in_scope`` once the item is not listed and fails an element of the definition,
    ``in_scope`` when every element is met, ``listed`` for an Annex I item, else ``open``.
    Only the questionnaire's own derived values decide (never a guess in the exporter's favour)."""
    from app.assessment.flow import Flow

    flow = Flow(qn)
    flow.load_answers(answers)
    for name, verdict in (("definition_failed", "not_in_scope"), ("in_scope", "in_scope"), ("listed", "listed")):
        try:
            if flow.value(name):
                return verdict
        except Exception:  # noqa: BLE001 - a questionnaire without the value: no early verdict
            continue
    return "open"


@dataclass
class QuickCheck:
    assessment_id: int
    reference: str
    outcome: str
    title: str
    summary: str
    provisional: bool
    measures: list[dict[str, Any]] = field(default_factory=list)
    screening: dict[str, Any] = field(default_factory=dict)
    open_questions: list[dict[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    # issue 13: what the user must see beside the preliminary outcome
    flags: list[str] = field(default_factory=list)
    flag_texts: dict[str, str] = field(default_factory=dict)
    caveats: list[str] = field(default_factory=list)


def destination_measures(country: str, locale: str = "en") -> list[dict[str, Any]]:
    """EU measures for a destination: the screening module's table when installed, else the
    questionnaire's reference data (monitoring regimes, Annex I bans)."""
    try:
        from app.screening import destinations
    except ImportError:
        destinations = None  # type: ignore[assignment]
    if destinations is not None and hasattr(destinations, "measures_for"):
        return [{"title": m.title, "text": m.help, "act": m.citation(), "to_verify": m.to_verify}
                for m in destinations.measures_for(country, locale)]
    from app.base.i18n import tr_data
    from app.base.reference import default_set

    out = []
    for name, title in (("annex_i_ban_destinations", "EU ban on exports of Annex I dual-use items"),
                        ("total_ban_destinations", "Wide EU export ban: any item needs the authority's confirmation"),
                        ("sectoral_ban_destinations", "EU bans on goods, software and services beyond Annex I"),
                        ("monitoring_regimes", "Prior authorisation for monitoring and interception equipment")):
        item = default_set().get(name).item(country)
        if item:
            out.append({"title": title, "text": tr_data(item.get("help") or {}, locale), "act": item.get("act", ""),
                        "to_verify": bool(item.get("to_verify")) or item.get("status") == "to_verify"})
    return out


def screen_customer(data_dir: Path, name: str, country: str) -> dict[str, Any]:
    """The customer against the imported sanctions lists, when screening is installed."""
    try:
        from app.screening.service import Screening, party_key
    except ImportError:
        return {"available": False, "text": "screening is not installed"}
    try:
        scr = Screening(data_dir)
        try:
            res = scr.screen_parties([{"key": party_key(name, country), "name": name, "country": country}])
        finally:
            scr.close()
    except Exception as exc:  # noqa: BLE001 - the quick check still shows everything else
        return {"available": False, "text": f"screening failed: {exc}"}
    if not res.get("checked"):
        return {"available": False, "text": "no sanctions list imported: screening not done"}
    hits = res["parties"][0]["hits"] if res.get("parties") else []
    text = (f"{len(hits)} potential hit(s) to review: " + ", ".join(h["entity_name"] for h in hits[:3])) if hits \
        else "no potential hit on the imported lists"
    return {"available": True, "hits": len(hits), "text": text,
            "lists": [f"{i.get('source', '')} {i.get('generation_date', '')}".strip() for i in res.get("lists", [])]}


def run(store: Store, *, profile_id: int | None, destination: str, end_user_type: str | None, customer: str,
        member_state: str | None = None, locale: str = "en", questionnaires_dir: str | Path | None = None,
        qn: qmod.Questionnaire | None = None, screen: bool = True,
        item_answers: dict[str, Any] | None = None, product_name: str = "") -> QuickCheck:
    """``profile_id`` None: a product described inline (``item_answers``: the definition
    questions, ``product_name``). ``end_user_type`` None stays unanswered (an open question),
    never a default."""
    import time

    from app.assessment.records import start_from_profile

    t0 = time.perf_counter()
    qn = qn or qmod.latest(QUESTIONNAIRE, questionnaires_dir)
    destination = (destination or "").strip().upper()
    from app.base.textsafety import clean_text

    customer = clean_text(customer or "").strip()  # no invisible characters in the title or the screening
    if not customer:
        raise ValueError("enter the customer's name")
    ms = (member_state or store.profile().member_state or "").strip().upper()
    raw: dict[str, Any] = {}

    def put(role: str, value: Any, needed: bool = False) -> None:
        qid = qn.roles.question_id(role)
        if qid is None:
            if needed:
                raise ValueError(f"questionnaire {qn.id} {qn.version} declares no question for the {role} "
                                 f"(its roles: {qn.roles.source or 'none'}); the quick check cannot record it")
            return
        raw[qid] = value

    put("destination_country", destination, needed=True)
    put("parties", [{"name": customer, "role": "end_user", "country": destination}], needed=True)
    if end_user_type:
        put("end_user_type", end_user_type, needed=True)
    if ms:
        put("member_state", ms, needed=True)
    if profile_id is None:
        product_name = (product_name or "").strip()
        if product_name:
            put("product_name", product_name)
        for qid, value in (item_answers or {}).items():
            if qn.has_question(qid) and value is not None:
                raw[qid] = value
    extra = {qid: normalise(qn.question(qid), value) for qid, value in raw.items()}  # raises AnswerError
    store.declare_roles(qn.id, qn.version, qn.roles)
    if profile_id is None:
        a = store.create_assessment(qn.id, qn.version, qn.sha256, f"{product_name or '?'} / {customer}",
                                    origin="quick_check", answers=extra)
    else:
        profile, _v, _item = store.products.answers(profile_id)
        a = start_from_profile(store, qn, profile_id, title=f"{profile.name} / {customer}", origin="quick_check",
                               extra=extra)
    assert a.id is not None  # a stored row
    answers = store.answers(a.id)
    result = engine.decide(qn, answers, locale=locale)
    store.set_outcome(a.id, result.outcome)
    open_ids = list(dict.fromkeys([*result.missing, *result.open_questions, *result.unanswered]))
    open_qs = [{"id": q, "label": qn.question(q).text(locale) if qn.has_question(q) else q} for q in open_ids]
    return QuickCheck(
        assessment_id=a.id, reference=a.reference, outcome=result.outcome, title=result.title,
        summary=result.summary, provisional=result.provisional,
        measures=destination_measures(destination, locale),
        screening=screen_customer(store.path.parent, customer, destination) if screen and store.path else
        {"available": False, "text": "screening not run"},
        open_questions=open_qs, seconds=time.perf_counter() - t0,
        flags=list(result.flags), flag_texts=dict(result.flag_texts), caveats=list(result.caveats))
