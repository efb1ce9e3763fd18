"""After the notification: each NOTIFY, NOTIFY_NATIONAL or CLASSIFICATION_REQUIRED assessment
tracks how and when the notification was sent, the authority's reference, a "hold shipment"
flag (on until the authority decided; while it is on, the export cannot be marked shipped, and
the database refuses it too), the authority's decision with its reply attached, and the
deadlines and reminders that follow from ``resources/reference/followup_deadlines.yaml``.

Engine-neutral: the same on a laptop's SQLite register and on the team register."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping

from sqlmodel import Session, col, select

from app.storage.errors import StorageError
from app.storage.models import Assessment
from app.storage.models_team import FOLLOWUP_CHANNELS, FOLLOWUP_DECISIONS, FOLLOWUP_OUTCOMES, FollowUp
from app.storage.repositories.base import iso

if TYPE_CHECKING:  # the register imports this module
    from app.storage.store import Store

DECISION_LABELS = {"": "no answer yet", "licence_required": "licence required",
                   "licence_not_required": "licence not required", "no_decision": "no decision"}


@dataclass(frozen=True)
class Rule:
    member_state: str
    wait_days_before_export: int | None
    remind_after_days: int
    status: str  # verified | to_verify
    label: str
    source: str


def rule_for(member_state: str, directory: Path | None = None) -> Rule:
    from app.base.reference import ReferenceSet, default_set

    refs = ReferenceSet(directory) if directory else default_set()
    data = refs.get("followup_deadlines")
    item = data.item((member_state or "").upper()) or data.extra.get("default") or {}
    src = (item.get("sources") or [{}])[0]
    source = ", ".join(str(x) for x in (src.get("act"), src.get("article") and f"Art./s. {src['article']}") if x)
    wait = item.get("wait_days_before_export")
    return Rule((member_state or "").upper(), int(wait) if isinstance(wait, int) else None,
                int(item.get("remind_after_days") or 30), str(item.get("status") or "to_verify"),
                str((item.get("label") or {}).get("en", "")), source)


def _authority_name(member_state: str) -> str:
    try:
        from app.base.reference import default_set

        item = default_set().get("authorities").item((member_state or "").upper())
    except Exception:  # noqa: BLE001 - the name is a convenience; the user may type it
        return ""
    if not item:
        return ""
    from app.base.i18n import tr_data

    # as the notification names it: in the authority's first language the data has a text in
    # (the draft's language), else English
    name = item.get("authority") or ""
    if isinstance(name, Mapping):
        lang = next((str(x) for x in item.get("languages") or [] if name.get(str(x))), "en")
        name = tr_data(name, lang)
    name = str(name)
    if "(" in name and name.endswith(")"):
        short = name[name.rindex("(") + 1:-1]
        if short and " " not in short:  # an abbreviation: "Bundesamt ... (BAFA)" -> "BAFA"
            return short
    return name


def _date(value: str | _dt.date | None, what: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    try:
        return _dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ValueError(f"{what}: {value!r} is not a date (YYYY-MM-DD)") from None


@dataclass(frozen=True)
class Status:
    """What the register shows about one follow-up."""
    followup: FollowUp
    reference: str
    rule: Rule
    earliest_export: str | None  # sent + the legal waiting period, when there is one
    remind_on: str | None
    overdue: bool
    line: str


def _status(f: FollowUp, reference: str, today: _dt.date) -> Status:
    rule = rule_for(f.member_state)
    who = f.authority or "the authority"
    earliest = remind = None
    overdue = False
    if not f.sent_on:
        line = f"{reference}: notification to {who} not sent yet; shipment on hold"
    else:
        sent = _dt.date.fromisoformat(f.sent_on)
        days = (today - sent).days
        if rule.wait_days_before_export:
            earliest = (sent + _dt.timedelta(days=rule.wait_days_before_export)).isoformat()
        remind = (sent + _dt.timedelta(days=rule.remind_after_days)).isoformat()
        if f.decision:
            line = f"{reference}: {who} decided: {DECISION_LABELS[f.decision]}" + (
                f" ({f.decided_on})" if f.decided_on else "")
        else:
            overdue = today >= _dt.date.fromisoformat(remind)
            line = f"waiting for {who} for {days} day{'s' if days != 1 else ''}"
            line = f"{reference}: {line}" + (f" (ref. {f.authority_ref})" if f.authority_ref else "")
            if overdue:
                line += f"; no answer after {rule.remind_after_days} days: chase the authority"
        if earliest and not f.shipped_on:
            line += f"; no export before {earliest} ({rule.source or 'national rule'})"
    if f.hold_shipment and not f.shipped_on:
        line += "; SHIPMENT ON HOLD"
    if f.shipped_on:
        line += f"; shipped {f.shipped_on}"
    return Status(f, reference, rule, earliest, remind, overdue, line)


class FollowUps:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _get_or_create(self, s: Session, assessment_id: int) -> tuple[FollowUp, Assessment]:
        a = self.store.assessment(s, assessment_id)
        if a.outcome not in FOLLOWUP_OUTCOMES or a.status == "draft":
            raise StorageError(self.store.path or "team register",
                               f"assessment {a.reference} is {a.status} with outcome {a.outcome or 'none'}: "
                               "a follow-up is kept for finished NOTIFY, NOTIFY_NATIONAL or "
                               "CLASSIFICATION_REQUIRED assessments")
        f = s.exec(select(FollowUp).where(FollowUp.assessment_id == a.id)).first()
        if f is None:
            assert a.id is not None  # a stored row
            f = FollowUp(assessment_id=a.id, outcome=a.outcome, member_state=a.member_state,
                         authority=_authority_name(a.member_state), hold_shipment=True)
        return f, a

    def _change(self, assessment_id: int, kind: str, apply: Callable[[FollowUp, Assessment], None]) -> FollowUp:
        store = self.store

        def work(s: Session) -> FollowUp:
            f, a = self._get_or_create(s, assessment_id)
            before = f.model_dump(exclude={"id", "updated_at", "updated_by"})
            apply(f, a)
            f.updated_at = iso(store.clock)
            f.updated_by = store.actor
            s.add(f)
            s.flush()
            after = f.model_dump(exclude={"id", "updated_at", "updated_by"})
            changed = {k: after[k] for k in after if after[k] != before.get(k)}
            store.audit.append(s, kind, a.id, old={k: before.get(k) for k in changed}, new=changed)
            return f

        return store.write(work)

    def sent(self, assessment_id: int, on: str | _dt.date, channel: str, authority_ref: str = "",
             authority: str = "") -> FollowUp:
        if channel not in FOLLOWUP_CHANNELS or not channel:
            raise ValueError(f"unknown channel {channel!r}: use one of {', '.join(c for c in FOLLOWUP_CHANNELS if c)}")
        day = _date(on, "sent on")

        def apply(f: FollowUp, _a: Assessment) -> None:
            f.sent_on, f.channel = day, channel
            if authority_ref:
                f.authority_ref = authority_ref.strip()
            if authority:
                f.authority = authority.strip()
        return self._change(assessment_id, "followup_sent", apply)

    def reply(self, assessment_id: int, decision: str, on: str | _dt.date, attachment: Path | None = None,
              authority_ref: str = "", note: str = "") -> FollowUp:
        """The authority's answer. ``licence_not_required`` lifts the hold; ``licence_required``
        keeps it (the export needs the licence first); ``no_decision`` keeps it."""
        decision = decision.replace("-", "_")
        if decision not in FOLLOWUP_DECISIONS or not decision:
            raise ValueError(f"unknown decision {decision!r}: use licence_required, licence_not_required or no_decision")
        day = _date(on, "reply on")
        att_id = None
        if attachment is not None:
            att_id = self.store.attachments.add(assessment_id, Path(attachment), "correspondence",
                                                f"authority's reply: {DECISION_LABELS[decision]}").id

        def apply(f: FollowUp, _a: Assessment) -> None:
            if not f.sent_on:
                raise StorageError(self.store.path or "team register",
                                   "record when and how the notification was sent before the authority's reply")
            f.decision, f.decided_on = decision, day
            if att_id is not None:
                f.reply_attachment_id = att_id
            if authority_ref:
                f.authority_ref = authority_ref.strip()
            if note:
                f.note = note.strip()
            if decision == "licence_not_required":
                f.hold_shipment = False
        return self._change(assessment_id, "followup_reply", apply)

    def hold(self, assessment_id: int, on: bool, reason: str = "") -> FollowUp:
        def apply(f: FollowUp, _a: Assessment) -> None:
            if not on and f.decision != "licence_not_required" and not reason.strip():
                raise ValueError("lifting the hold before the authority said no licence is needed needs a "
                                 "reason (e.g. the licence number)")
            f.hold_shipment = on
            if reason:
                f.note = reason.strip()
        return self._change(assessment_id, "followup_hold", apply)

    def shipped(self, assessment_id: int, on: str | _dt.date) -> FollowUp:
        day = _date(on, "shipped on")
        if day is None:  # "" from a form or a script: said plainly, not a TypeError from inside
            raise ValueError("shipped on: give the date of the shipment (YYYY-MM-DD)")

        def apply(f: FollowUp, a: Assessment) -> None:
            if f.hold_shipment:
                raise StorageError(self.store.path or "team register",
                                   f"assessment {a.reference}: the shipment is on hold until the authority "
                                   "decided; it was not marked shipped")
            st = _status(f, a.reference, _dt.date.fromisoformat(day))
            if st.earliest_export and day < st.earliest_export:
                raise StorageError(self.store.path or "team register",
                                   f"assessment {a.reference}: {st.rule.label}; no export before "
                                   f"{st.earliest_export}")
            f.shipped_on = day
        return self._change(assessment_id, "followup_shipped", apply)

    def get(self, assessment_id: int) -> FollowUp | None:
        with self.store.session() as s:
            return s.exec(select(FollowUp).where(FollowUp.assessment_id == assessment_id)).first()

    def status(self, assessment_id: int, today: _dt.date | None = None) -> Status:
        with self.store.session() as s:
            f, a = self._get_or_create(s, assessment_id)
            return _status(f, a.reference, today or _dt.date.today())

    def open_items(self, today: _dt.date | None = None) -> list[Status]:
        """Every notified assessment still waiting or on hold (the register's reminders),
        including those whose follow-up has not been started (not sent yet)."""
        today = today or _dt.date.today()
        with self.store.session() as s:
            rows = s.exec(select(Assessment).where(col(Assessment.outcome).in_(FOLLOWUP_OUTCOMES),
                                                   col(Assessment.status).in_(("finished", "signed")))
                          .order_by(col(Assessment.id))).all()
            fus = {f.assessment_id: f for f in s.exec(select(FollowUp)).all()}
        out = []
        for a in rows:
            assert a.id is not None  # a stored row
            f = fus.get(a.id) or FollowUp(assessment_id=a.id, outcome=a.outcome, member_state=a.member_state,
                                          authority=_authority_name(a.member_state), hold_shipment=True)
            if f.shipped_on or (f.decision and not f.hold_shipment):
                continue
            out.append(_status(f, a.reference, today))
        return out
