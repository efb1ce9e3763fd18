"""The team screens, driven through their widgets (offscreen): the overview shows an overdue
authority reply, a rejected review and a sync conflict; the follow-up dialog keeps the shipment
on hold until the authority answers; an assessor cannot add a review. Screenshots are written to
$ART5_SCREENSHOTS when it is set."""

from __future__ import annotations

import datetime as _dt
import os
import uuid
from pathlib import Path

import pytest

from app.storage.store import Store

pytest.importorskip("PySide6")


def _shot(widget, name: str) -> None:
    folder = os.environ.get("ART5_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def _notified(s, ms="DE", outcome="NOTIFY", title="Netwatch to CN"):
    a = s.create_assessment("art5", "1.0.0", title=title)
    s.save_answers(a.id, {"export.member_state": ms, "export.destination_country": "CN", "item.name": "Netwatch"})
    s.finish(a.id, outcome)
    return a


def test_followup_dialog_holds_the_shipment_until_the_answer(qtbot, open_store, tmp_path, monkeypatch):
    from ui.dialogs.team import FollowUpDialog
    from ui.qt import QMessageBox

    s = open_store()
    a = _notified(s)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    dlg = FollowUpDialog(s, a.id, today=_dt.date(2026, 12, 20))
    qtbot.addWidget(dlg)
    dlg.resize(1000, 700)
    assert "not sent yet" in dlg.status.text() and not dlg.ship_button.isEnabled()
    dlg.sent_on.setDate(dlg.sent_on.date().fromString("2026-12-08", "yyyy-MM-dd"))
    dlg.channel.setCurrentIndex(dlg.channel.findData("portal"))
    qtbot.keyClicks(dlg.authority_ref, "ELAN-K2 2026/4711")
    dlg.findChild(type(dlg.ship_button), "followUpSent").click()
    assert "waiting for BAFA for 12 days" in dlg.status.text()
    _shot(dlg, "followup-waiting")
    dlg.hold.setChecked(False)
    dlg.apply_hold()  # no reason, no answer yet: refused
    assert warnings and "needs a reason" in warnings[-1] and dlg.hold.isChecked()
    reply = tmp_path / "reply.pdf"
    reply.write_bytes(b"%PDF-1.4 no licence needed")
    dlg.decision.setCurrentIndex(dlg.decision.findData("licence_not_required"))
    dlg.reply_file.setText(str(reply))
    dlg.findChild(type(dlg.ship_button), "followUpReply").click()
    assert "licence not required" in dlg.status.text() and dlg.ship_button.isEnabled()
    dlg.ship_button.click()
    assert s.audit.events(a.id)[-1].kind == "followup_shipped"


def test_overview_shows_overdue_reply_rejected_review_and_conflict(qtbot, pg_database, tmp_path):
    from app.storage import reviews, team
    from app.storage.followup import FollowUps
    from app.transfer import bundle
    from app.transfer.sync import sync
    from tests.helpers import pg
    from ui.dialogs.team import ReviewDialog, TeamOverviewDialog

    name, admin = pg_database
    tag = uuid.uuid4().hex[:6]
    team.init_team(admin, f"olga_{tag}")
    team.add_member(admin, f"alice_{tag}", "assessor")
    url = lambda who: pg.with_database(pg.admin_url(), name, user=f"{who}_{tag}")  # noqa: E731
    alice, olga = Store.open_url(url("alice")), Store.open_url(url("olga"))
    a = _notified(alice)
    FollowUps(alice).sent(a.id, "2026-11-01", "portal", "ELAN-K2 2026/0815")
    b = _notified(alice, outcome="NOT_IN_SCOPE", title="Probe to AE")
    reviews.add(olga, b.id, "rejected", "End-user statement missing; the customer is a ministry")
    # a conflict: one assessment finished differently on two laptops
    lap1 = Store.open(tmp_path / "l1")
    d = lap1.create_assessment("art5", "1.0.0", title="shared deal")
    bundle.export_bundle(lap1, d.id, tmp_path / "d.zip")
    lap2 = Store.open(tmp_path / "l2")
    d2 = bundle.import_bundle(lap2, tmp_path / "d.zip")
    lap1.save_answer(d.id, "export.destination_country", "US")
    lap1.finish(d.id, "NO_NOTIFICATION")
    lap2.save_answer(d2.id, "export.destination_country", "RU")
    lap2.finish(d2.id, "NOTIFY")
    sync(lap1, alice)
    assert len(sync(lap2, alice).conflicts) == 1

    dlg = TeamOverviewDialog(olga, today=_dt.date(2026, 12, 13))
    qtbot.addWidget(dlg)
    dlg.resize(1100, 640)
    texts = lambda w: [w.item(i).text() for i in range(w.count())]  # noqa: E731
    assert any("waiting for BAFA for 42 days" in t and "chase the authority" in t and t.startswith("⚠")
               for t in texts(dlg.reminders)), texts(dlg.reminders)
    assert any("rejected by olga_" in t and "ministry" in t for t in texts(dlg.reviews))
    on_team = alice.get_by_uid(d.uid).reference
    assert any(t.startswith(f"CONFLICT {on_team} (laptop's reference {d.reference}") for t in texts(dlg.conflicts)), \
        texts(dlg.conflicts)
    assert "compliance officer" in dlg.who.text()
    _shot(dlg, "team-overview")
    rv = ReviewDialog(alice, b.id)
    qtbot.addWidget(rv)
    assert "rejected" in rv.history.toPlainText() and not rv.add_button.isEnabled()
    _shot(rv, "review-rejected")
    for st in (alice, olga, lap1, lap2):
        st.close()


def test_register_window_says_what_waits_for_an_authority(qtbot, data_dir):
    from app.storage.followup import FollowUps
    from ui.main_window import MainWindow

    s = Store.open(data_dir)
    a = _notified(s)
    FollowUps(s).sent(a.id, "2026-01-05", "email")
    win = MainWindow(data_dir)
    qtbot.addWidget(win)
    win._store_opened(s)
    assert "1 notified export(s) wait for an authority (1 overdue)" in win.statusBar().currentMessage()
    assert win.findChild(type(win.menuBar().actions()[0]), "teamOverviewAction") is not None
    win.close()
    s.close()


def test_sync_button_pushes_from_the_laptop_and_refuses_a_password_in_the_field(qtbot, pg_database, tmp_path,
                                                                                monkeypatch):
    from app.storage import team
    from tests.helpers import pg
    from ui.dialogs.team import TeamOverviewDialog
    from ui.qt import QMessageBox

    name, admin = pg_database
    tag = uuid.uuid4().hex[:6]
    team.init_team(admin, f"olga_{tag}")
    team.add_member(admin, f"alice_{tag}", "assessor")
    laptop = Store.open(tmp_path / "laptop")
    a = _notified(laptop)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    dlg = TeamOverviewDialog(laptop)
    qtbot.addWidget(dlg)
    assert dlg.sync_button.isEnabled()
    qtbot.keyClicks(dlg.url, f"postgresql://alice_{tag}:secret@127.0.0.1:55432/{name}")
    dlg.sync_button.click()
    assert warnings and "a password in the URL is refused" in warnings[-1] and "secret" not in warnings[-1]
    dlg.url.setText(pg.with_database(pg.admin_url(), name, user=f"alice_{tag}"))
    dlg.sync_button.click()
    lines = [dlg.conflicts.item(i).text() for i in range(dlg.conflicts.count())]
    assert lines[0] == f"pushed 1 assessment(s) to the team register: {a.reference}", lines
    laptop.close()


def test_the_register_window_lists_and_filters_on_both_engines(qtbot, open_store, data_dir):
    from ui.main_window import MainWindow

    s = open_store()
    for title, customer in (("Deal Peking", "北京 Trading"), ("Deal Dubai", "شركة دبي"), ("Deal Bonn", "Bonn GmbH")):
        a = s.create_assessment("art5", "1.0.0", title=title)
        s.save_answer(a.id, "parties.list", [{"name": customer, "role": "end_user", "country": "CN"}])
    win = MainWindow(data_dir)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win._store_opened(s)
    view = win.register_view
    assert view.table.model().rowCount() == 3
    view.search.setText("دبي")  # QTest cannot type Arabic key events; the text goes in as pasted
    view.apply_filters()
    assert view.table.model().rowCount() == 1
    view.search.setText("北京")
    view.apply_filters()
    assert view.table.model().rowCount() == 1
    win.close()


@pytest.fixture(params=["pathless", "postgresql"])
def team_register(request, data_dir):
    """A register without a data folder: the team register on PostgreSQL, or (so that the test
    runs without a server) the laptop's SQLite register opened as the team's is, without one."""
    if request.param == "postgresql":
        s = Store.open_url(request.getfixturevalue("pg_database")[1])
        yield s
        s.close()
        return
    laptop = Store.open(data_dir)
    yield Store(laptop.engine, None, laptop.clock, laptop.actor)
    laptop.close()


def test_transfer_bundles_on_the_team_register_say_why_not(qtbot, team_register, data_dir, tmp_path, monkeypatch):
    """Export and Import for transfer on a register without a data folder: a message naming
    what to do instead, not a crash ("'NoneType' object has no attribute 'parent'")."""
    from app.transfer.bundle import export_bundle
    from ui.main_window import MainWindow
    from ui.qt import QFileDialog, QMessageBox

    laptop_dir = tmp_path / "laptop"
    laptop = Store.open(laptop_dir)
    b = _notified(laptop, title="Bundle from a laptop")
    bundle = export_bundle(laptop, b.id, tmp_path / "from-laptop.zip")
    laptop.close()
    _notified(team_register)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "out.zip"), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bundle), ""))
    win = MainWindow(data_dir)
    qtbot.addWidget(win)
    win._store_opened(team_register)
    win.register_view.table.selectRow(0)
    win.register.export_selected()
    assert shown and "laptop's register" in shown[-1] and "Nothing was written" in shown[-1], shown
    assert not (tmp_path / "out.zip").exists()
    win.register.import_bundle()
    assert "art5 sync" in shown[-1] and "nothing was imported" in shown[-1], shown
    assert win.register_view.table.model().rowCount() == 1
    win.close()
