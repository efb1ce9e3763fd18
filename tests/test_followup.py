"""After the notification, on both engines: sent, the authority's reference, the shipment held
until the authority decided, the decision with its reply attached, national deadlines and the
register's reminders."""

from __future__ import annotations

import datetime as _dt

import pytest

from app.storage import StorageError
from app.storage.followup import FollowUps, rule_for


def _notified(s, member_state="DE", outcome="NOTIFY"):
    a = s.create_assessment("art5", "1.0.0")
    s.save_answers(a.id, {"export.member_state": member_state, "export.destination_country": "CN",
                          "item.name": "Netwatch"})
    s.finish(a.id, outcome)
    return a


def test_waiting_for_bafa_then_licence_not_required_lifts_the_hold(open_store, tmp_path):
    s = open_store()
    a = _notified(s)
    fu = FollowUps(s)
    today = _dt.date(2026, 12, 20)
    assert "not sent yet; shipment on hold" in fu.open_items(today)[0].line
    with pytest.raises(StorageError, match="on hold"):
        fu.shipped(a.id, "2026-12-20")
    fu.sent(a.id, "2026-12-08", "portal", authority_ref="ELAN-K2 2026/4711")
    [st] = fu.open_items(today)
    assert st.line == (f"{a.reference}: waiting for BAFA for 12 days (ref. ELAN-K2 2026/4711); "
                       "SHIPMENT ON HOLD")
    assert not st.overdue
    later = fu.open_items(_dt.date(2027, 1, 10))[0]
    assert later.overdue and "no answer after 30 days: chase the authority" in later.line
    reply = tmp_path / "BAFA Antwort.pdf"
    reply.write_bytes(b"%PDF-1.4 Kein Genehmigungserfordernis")
    f = fu.reply(a.id, "licence_not_required", "2027-01-12", attachment=reply)
    assert not f.hold_shipment and f.reply_attachment_id is not None
    [att] = s.attachments.list(a.id)
    assert s.attachments.read_bytes(att) == reply.read_bytes()
    assert fu.open_items(_dt.date(2027, 1, 13)) == []
    assert fu.shipped(a.id, "2027-01-14").shipped_on == "2027-01-14"
    kinds = [e.kind for e in s.audit.events(a.id)]
    assert kinds[-4:] == ["followup_sent", "attach", "followup_reply", "followup_shipped"]
    assert s.audit.verify().intact


def test_licence_required_keeps_the_hold_until_lifted_with_a_reason(open_store):
    s = open_store()
    a = _notified(s, outcome="CLASSIFICATION_REQUIRED")
    fu = FollowUps(s)
    fu.sent(a.id, "2026-12-01", "email")
    fu.reply(a.id, "licence_required", "2026-12-15")
    with pytest.raises(StorageError, match="on hold"):
        fu.shipped(a.id, "2026-12-16")
    with pytest.raises(ValueError, match="needs a reason"):
        fu.hold(a.id, False)
    fu.hold(a.id, False, "licence DE-2026-123 granted")
    assert fu.shipped(a.id, "2027-01-05").shipped_on == "2027-01-05"


def test_ireland_sixty_days_before_the_export(open_store):
    s = open_store()
    a = _notified(s, member_state="IE", outcome="NOTIFY_NATIONAL")
    fu = FollowUps(s)
    assert rule_for("IE").wait_days_before_export == 60 and rule_for("IE").status == "verified"
    fu.sent(a.id, "2026-12-01", "email")
    st = fu.status(a.id, _dt.date(2026, 12, 2))
    assert st.earliest_export == "2027-01-30" and "no export before 2027-01-30" in st.line
    fu.hold(a.id, False, "no answer needed under s.10; waiting period counted")
    with pytest.raises(StorageError, match="no export before 2027-01-30"):
        fu.shipped(a.id, "2027-01-29")
    fu.shipped(a.id, "2027-01-30")


def test_shipped_without_a_date_is_refused_plainly_and_records_nothing(open_store):
    s = open_store()
    a = _notified(s, member_state="IE", outcome="NOTIFY_NATIONAL")
    fu = FollowUps(s)
    fu.sent(a.id, "2026-12-01", "email")
    fu.hold(a.id, False, "no answer needed under s.10; waiting period counted")
    with pytest.raises(ValueError, match="shipped on: give the date"):
        fu.shipped(a.id, "")
    assert fu.get(a.id).shipped_on is None
    assert "followup_shipped" not in [e.kind for e in s.audit.events(a.id)]


def test_unconfirmed_rules_are_marked_to_verify():
    assert rule_for("DE").status == "to_verify" and rule_for("FR").status == "to_verify"
    assert rule_for("FR").wait_days_before_export is None  # no waiting period is invented


def test_a_draft_or_an_all_clear_has_no_followup(open_store):
    s = open_store()
    a = s.create_assessment("art5", "1.0.0")
    with pytest.raises(StorageError, match="follow-up is kept for finished NOTIFY"):
        FollowUps(s).sent(a.id, "2026-12-01", "email")
    s.finish(a.id, "NOT_IN_SCOPE")
    with pytest.raises(StorageError):
        FollowUps(s).sent(a.id, "2026-12-01", "email")
    assert FollowUps(s).open_items() == []
